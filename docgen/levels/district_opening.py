"""District level before the visits: the clusters' composition (names and people) read from cluster files
that may still lack their scores, and what the district cannot make yet because of it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import DocgenError, Incomplete, InputError, Issue, ValidationFailed, only_errors
from docgen.levels import cluster as levels_cluster
from docgen.levels import district
from docgen.levels.summary import ClusterSummary, summarize
from docgen.load import reader
from docgen.load.discover import not_a_folder, scan
from docgen.model import tiers
from docgen.validate import blanks, schema, text

MISSING_KEY = "thiếu mục bắt buộc"  # schema.py's wording for a key not written at all


@dataclass
class Composed:
    """One cluster as far as the opening documents need it: its name, communes, leader and people."""

    path: Path
    data: dict  # the cluster file's data, empty optional fields taken out
    complete: bool  # True when the whole file passed (scores and meeting included)
    pending: list[Issue] = field(default_factory=list)  # what is still to fill before the closing documents
    # when complete: what check_district needs of it, from this one check (the file is not checked again)
    summary: ClusterSummary | None = None

    @property
    def name(self) -> str:
        return self.data["cum"]["ten"]


@dataclass
class Opening:
    """A district folder read for its opening documents."""

    file: reader.Loaded
    plan: reader.Loaded
    clusters: list[Composed]
    warnings: list[Issue]

    @property
    def name(self) -> str:
        return tiers.district_name(self.file.data["huyen"])

    @property
    def ready(self) -> bool:
        """Every cluster file complete and the council's meeting written: the closing documents can be made."""
        return all(c.complete for c in self.clusters) and bool(self.file.data.get("hoi_dong"))

    def summaries(self) -> list[ClusterSummary]:
        """Every cluster as check_district needs it, from the check made here (only when `ready`)."""
        return [c.summary for c in self.clusters]

    def pending(self) -> list[Issue]:
        """Why the closing documents cannot be made yet, file by file."""
        out = []
        for c in self.clusters:
            if c.pending:  # one line per cluster: what is missing, the first few places
                first = "; ".join(f"dòng {i.line}: {_short(i.message)}" for i in c.pending[:3])
                more = f"; và {len(c.pending) - 3} mục khác" if len(c.pending) > 3 else ""
                out.append(Issue(f"{c.name} chưa đủ để lập các văn bản sau kiểm tra: còn {len(c.pending)} mục cần "
                                 f"điền ({first}{more}). `docgen validate {c.path.name}` liệt kê đủ.", str(c.path),
                                 level="warning"))
        if not self.file.data.get("hoi_dong"):
            out.append(self.file.issue((), "chưa có cuộc họp Thường trực Hội đồng Thi đua - Khen thưởng (mục "
                                           "hoi_dong): ghi sau khi các Cụm đã họp bình xét.", "warning"))
        return out


def _short(message: str) -> str:
    """'thiếu mục bắt buộc 'Điểm chấm' (`diem`). Điểm của…' → 'thiếu mục bắt buộc 'Điểm chấm' (`diem`)'."""
    return message.split(". ", 1)[0].removeprefix("cần điền: ")


def _composition_issues(doc: reader.Loaded) -> list[Issue]:
    """What the opening documents need from a cluster file and it lacks: names, leader, people."""
    data = doc.data
    out = []

    def need(path: tuple, value, what: str):
        if blanks.is_blank(value):
            out.append(doc.issue(path, f"cần điền {what} để lập Quyết định thành lập Cụm và Đoàn kiểm tra."))

    cum = data.get("cum") if isinstance(data.get("cum"), dict) else {}
    need(("cum", "ten"), cum.get("ten"), "tên Cụm")
    units = data.get("don_vi") if isinstance(data.get("don_vi"), list) else []
    if not units:
        out.append(doc.issue(("don_vi",), "cần ghi các đơn vị của Cụm để lập Quyết định thành lập Cụm."))
    codes = []
    for i, u in enumerate(units):
        u = u if isinstance(u, dict) else {}
        codes.append(u.get("ma"))
        for key, what in (("ma", "mã đơn vị"), ("ten", "tên đơn vị"), ("loai", "loại đơn vị (xã, phường, thị trấn)")):
            need(("don_vi", i, key), u.get(key), what)
        for key, what in (("dai_dien", "Chủ tịch hoặc Phó Chủ tịch tham gia Đoàn"),
                          ("cong_chuc_vptk", "công chức Văn phòng - Thống kê")):
            p = u.get(key) if isinstance(u.get(key), dict) else {}
            need(("don_vi", i, key, "ho_ten"), p.get("ho_ten"), f"họ tên {what}")
        dd = u.get("dai_dien") if isinstance(u.get("dai_dien"), dict) else {}
        need(("don_vi", i, "dai_dien", "chuc_vu"), dd.get("chuc_vu"), "chức vụ (Chủ tịch hoặc Phó Chủ tịch)")
    leader = cum.get("cum_truong")
    need(("cum", "cum_truong"), leader, "đơn vị Cụm trưởng")
    if leader and codes and leader not in codes:
        out.append(doc.issue(("cum", "cum_truong"), f"Cụm trưởng '{leader}' không có trong danh sách đơn vị của Cụm "
                                                    f"({', '.join(str(c) for c in codes)})."))
    return out


def _in_composition(issue: Issue) -> bool:
    p = issue.pointer
    if p.startswith(("huyen", "cum.ten", "cum.cum_truong", "ke_hoach", "loai_tep")):
        return True
    if p.startswith("don_vi["):
        rest = p.split("]", 1)[1]
        if rest.startswith((".ma", ".ten", ".loai", ".dai_dien", ".cong_chuc_vptk")):
            return True
        # a key missing from a commune: its scores or visit may wait, its names may not
        return rest == "" and not issue.message.startswith(MISSING_KEY)
    return p in ("", "don_vi") and not issue.message.startswith(MISSING_KEY)


def compose(path: Path, plan: reader.Loaded, huyen: dict) -> Composed:
    """One cluster file for the opening documents. A file missing only its scores, visits or meeting is
    `pending`; an error in what the opening documents need, or a real error elsewhere, raises."""
    summary = None
    try:
        checked = levels_cluster.check_cluster(path)
        pending: list[Issue] = []
        doc, data, complete = checked.cluster, checked.cluster.data, True
        summary = summarize(checked)
    except ValidationFailed as e:
        # blanks (a to-do list) and keys not written yet wait; any other error is reported as today
        todo = e.todo if isinstance(e, Incomplete) else []
        errors = e.errors if isinstance(e, Incomplete) else only_errors(e.issues)
        if not (todo or errors) or any(not i.message.startswith(MISSING_KEY) or _in_composition(i) for i in errors):
            raise
        pending, complete, data = todo + errors, False, None
    if data is None:  # read again, blanks and all, for what the opening documents need of it
        doc = text.coerce_text(blanks.pruned(reader.load_file(path), schema.schema_for("cum")), "cum")
        problems = _composition_issues(doc)
        if problems:
            raise ValidationFailed(f"Tệp {path} chưa đủ để lập Quyết định thành lập Cụm.", problems)
        data = doc.data
    if levels_cluster.plan_path_of(doc) != plan.path.resolve():
        raise ValidationFailed(f"Tệp {path} có lỗi.", [doc.issue(("ke_hoach",), f"tệp Cụm theo Kế hoạch "
                               f"{levels_cluster.plan_path_of(doc)}, khác Kế hoạch của tệp cấp huyện ({plan.path}).")])
    here = data.get("huyen") or {}
    if (here.get("ten"), here.get("loai")) != (huyen["ten"], huyen["loai"]):
        raise ValidationFailed(f"Tệp {path} có lỗi.", [doc.issue(("huyen",), "Cụm không thuộc "
                               f"{tiers.district_name(huyen)} của tệp cấp huyện trong thư mục này.")])
    # a pending item is not an error of the file: it says what the later documents wait for
    pending = [Issue(i.message, i.source, i.line, i.column, i.pointer, "warning") for i in pending]
    return Composed(Path(path), data, complete, pending, summary)


def check_opening(folder: Path) -> Opening:
    """The district file and every cluster's composition; ValidationFailed lists every blocking problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(not_a_folder(folder, "thư mục của một quận, huyện (chứa tệp cấp huyện và các tệp Cụm)"))
    district_files, cluster_files = scan(folder)
    if len(district_files) != 1 or not cluster_files:
        district.check_district(folder)  # raises, with the message for each case (none, several, two-tier)
    doc, plan, warnings = district.load_district_file(district_files[0])
    clusters, problems = [], []
    seen: dict[str, str] = {}
    for f in cluster_files:
        try:
            c = compose(f, plan, doc.data["huyen"])
        except DocgenError as e:
            problems += e.issues or [Issue(e.message, str(f))]
            continue
        for i, u in enumerate(c.data["don_vi"]):
            name = f"UBND {u['loai']} {u['ten']}"
            if name in seen:
                problems.append(Issue(f"{name} đã có trong {seen[name]}; mỗi đơn vị chỉ thuộc một Cụm.", str(f),
                                      pointer=f"don_vi[{i}].ten"))
            seen[name] = c.name
        clusters.append(c)
    if problems:
        raise ValidationFailed(f"Có {len(only_errors(problems))} lỗi trong các tệp của "
                               f"{tiers.district_name(doc.data['huyen'])}; chưa lập văn bản nào.", problems)
    return Opening(doc, plan, clusters, warnings)
