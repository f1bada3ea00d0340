"""City level: the Sở Nội vụ's summary over every district (three tiers) or every cluster (two tiers)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import DocgenError, InputError, Issue, ValidationFailed, only_errors
from docgen.levels import cluster, district
from docgen.levels.summary import summarize_all
from docgen.load import discover, reader
from docgen.model import tiers
from docgen.score import tally


@dataclass(frozen=True)
class Group:
    """One row of the city's table: a district (three tiers) or a cluster (two tiers)."""

    ten: str  # "huyện Đông Anh" | "Cụm số 1"
    phu: str  # the number of clusters (three tiers) | the leader commune (two tiers)
    so_don_vi: int
    counts: list[tally.ClassCount]
    nominee: district.Nominee | None  # the district's choice | the cluster's nominee


@dataclass
class CityResult:
    plan: reader.Loaded
    two_tier: bool
    groups: list[Group]
    counts: list[tally.ClassCount]  # over the whole city
    inputs: list[Path]  # every file read, for the manifest
    warnings: list[Issue] = field(default_factory=list)

    @property
    def nominees(self) -> list[district.Nominee]:
        return [g.nominee for g in self.groups if g.nominee]


def _plan_file(path: Path) -> Path | None:
    try:
        doc = reader.load_file(path)
        return (path.parent / doc.data["ke_hoach"]).resolve()
    except (DocgenError, KeyError, TypeError):
        return None  # the file's own check reports it


def check_city(folder: Path) -> CityResult:
    """Check every district (or, in two-tier mode, every cluster) under `folder` and tally them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(discover.not_a_folder(folder, "thư mục chứa các thư mục quận, huyện (hoặc các tệp Cụm, "
                                                       "với Kế hoạch hai cấp)"))
    district_files, cluster_files = discover.scan(folder)
    if not cluster_files:
        raise InputError(f"{folder}: không có tệp Cụm nào (tệp .yaml có dòng `loai_tep: cum`).")
    plans = {}
    for f in district_files + cluster_files:
        p = _plan_file(f)
        if p is not None:
            plans.setdefault(p, []).append(f)
    if len(plans) > 1:
        raise ValidationFailed(f"{folder}: các tệp theo {len(plans)} Kế hoạch khác nhau; mỗi lần tổng hợp một Kế hoạch "
                               "(một năm). Chạy riêng cho thư mục của từng năm.",
                               [Issue(f"theo Kế hoạch {p} ({len(fs)} tệp).", str(fs[0])) for p, fs in plans.items()])
    if not plans:
        cluster.check_cluster(cluster_files[0])  # raises with the reason the plan cannot be read
        raise InputError(f"{folder}: không đọc được tệp Kế hoạch của các tệp Cụm (khóa 'ke_hoach').")
    plan, _ = cluster.load_plan(next(iter(plans)))
    if tiers.two_tier(plan.data):
        return _two_tier(folder, plan, district_files, cluster_files)
    return _three_tier(folder, plan, district_files, cluster_files)


def _three_tier(folder, plan, district_files, cluster_files) -> CityResult:
    homes = [f.parent for f in district_files]
    stray = [f for f in cluster_files if not any(h in f.parents for h in homes)]
    problems = [Issue("tệp Cụm không nằm trong thư mục của quận, huyện nào (thư mục có tệp `loai_tep: huyen`). "
                      "Chuyển tệp vào thư mục của huyện đã thành lập Cụm.", str(f)) for f in stray]
    groups: list[Group] = []
    files: list[reader.Loaded] = []  # each district's file, for the check of names below
    every: list[tuple[str, str]] = []  # (UBND name, class) of every commune of the city
    warnings: list[Issue] = []
    for home in homes:  # keep what the summary needs of each district, not the district's checked clusters
        try:
            r = district.check_district(home)
        except DocgenError as e:
            problems += e.issues or [Issue(e.message, str(home))]
            continue
        groups.append(Group(r.name, str(len(r.clusters)), len(r.communes), r.counts, r.choice))
        files.append(r.file)
        every += [(c.ten_ubnd, c.xep_loai) for c in r.communes]
        warnings += r.warnings
    names = [g.ten for g in groups]
    for g, f in zip(groups, files):
        if names.count(g.ten) > 1:
            problems.append(f.issue(("huyen",), f"{g.ten} có ở nhiều thư mục; mỗi huyện một thư mục."))
    if not district_files:
        problems.append(Issue("không có tệp cấp huyện nào (loai_tep: huyen). Mỗi thư mục quận, huyện cần một tệp "
                              "huyen.yaml (xem inputs/2017/dong-anh/huyen.yaml).", str(folder)))
    if problems:
        raise ValidationFailed(f"Có {len(only_errors(problems))} lỗi; chưa lập báo cáo tổng hợp.",
                               problems)
    inputs = [plan.path] + district_files + cluster_files
    return CityResult(plan, False, groups, tally.count_classes(plan.data, every), inputs, warnings)


def _two_tier(folder, plan, district_files, cluster_files) -> CityResult:
    problems = [Issue(f"Kế hoạch năm {plan.data['nam']} theo mô hình hai cấp (hai_cap): không có cấp huyện, bỏ tệp "
                      "cấp huyện này ra khỏi thư mục.", str(f)) for f in district_files]
    checked, more = summarize_all(cluster_files)  # small records: memory stays flat in the size of the city
    problems += more
    warnings = [w for c in checked for w in c.warnings]
    communes, _, more = district.collect(checked)
    problems += more
    names = Counter(c.name for c in checked)
    for c in checked:
        if names[c.name] > 1:
            problems.append(c.issue(("cum", "ten"), f"có nhiều Cụm cùng tên '{c.name}'; mỗi Cụm một tên riêng."))
    if problems:
        raise ValidationFailed(f"Có {len(only_errors(problems))} lỗi; chưa lập báo cáo tổng hợp.",
                               problems)
    groups = []
    for c in checked:
        mine = c.communes
        groups.append(Group(c.name, f"{c.leader['loai']} {c.leader['ten']}", len(mine),
                            tally.count_classes(plan.data, [(x.ten_ubnd, x.xep_loai) for x in mine]), c.nominee))
    every = [(x.ten_ubnd, x.xep_loai) for x in communes]
    return CityResult(plan, True, groups, tally.count_classes(plan.data, every), [plan.path] + cluster_files,
                      warnings)
