"""District level: one district's cluster files and its district file, checked together; the tally of
classes, the clusters' nominees, and the district's one choice among them (or the suggestion)."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import DocgenError, InputError, Issue, ValidationFailed, only_errors
from docgen.levels import cluster as levels_cluster
from docgen.levels.summary import ClusterSummary, Commune, Nominee, summarize_all
from docgen.load import reader
from docgen.load.discover import not_a_folder, scan
from docgen.model import tiers
from docgen.score import tally
from docgen.validate import schema
from docgen.validate.fields import day_off_issue
from docgen.vi import decimal_text, parse_date, short_date


@dataclass
class DistrictResult:
    """Everything the district's documents need, checked."""

    file: reader.Loaded  # the district file
    plan: reader.Loaded
    clusters: list[ClusterSummary]  # what the documents need of each cluster, not the checked files
    communes: list[Commune]
    nominees: list[Nominee]  # one per cluster that proposed one, in cluster order
    suggested: list[Nominee]  # the nominees with the highest agreed total (several when tied)
    choice: Nominee | None
    chosen_by_council: bool  # False when the choice is docgen's suggestion
    counts: list[tally.ClassCount]
    warnings: list[Issue] = field(default_factory=list)

    @property
    def name(self) -> str:
        return tiers.district_name(self.file.data["huyen"])


def two_tier_refusal(plan: reader.Loaded, where: str) -> ValidationFailed:
    """The district step does not exist for a two-tier plan: say so, and say what to do instead."""
    data = plan.data
    up = (data.get("cap_tren_truc_tiep") or {}).get("ten") or tiers.province_ubnd(data)
    return ValidationFailed(
        f"{where}: Kế hoạch năm {data['nam']} theo mô hình chính quyền địa phương hai cấp (cap_chinh_quyen: "
        "hai_cap), không có cấp huyện nên không có bước tổng hợp cấp huyện.",
        [plan.issue(("cap_chinh_quyen",), f"các Cụm báo cáo thẳng về {up}. Lập hồ sơ Cụm bằng `docgen build`, "
                                          "tổng hợp cấp tỉnh, thành phố bằng `docgen city THƯ_MỤC`.")])


def load_district_file(path: Path) -> tuple[reader.Loaded, reader.Loaded, list[Issue]]:
    """The district file and its plan, both validated (ValidationFailed otherwise), and warnings."""
    doc = reader.load_file(path)
    kind, issues = schema.kind_of(doc)
    if issues:
        raise ValidationFailed(f"{path}: thiếu hoặc sai 'loai_tep'.", issues)
    if kind != "huyen":
        raise ValidationFailed(f"{path}: đây là {schema.KIND_NAMES[kind]}, không phải tệp cấp huyện.",
                               [doc.issue(("loai_tep",), "cần tệp cấp huyện (loai_tep: huyen).")])
    issues = schema.schema_issues(doc, "huyen")
    if issues:
        raise ValidationFailed(f"Tệp {path} có {len(issues)} lỗi.", issues)
    plan_file = (doc.path.parent / doc.data["ke_hoach"]).resolve()
    if not plan_file.is_file():
        raise ValidationFailed(f"Tệp {path} có lỗi.", [doc.issue(
            ("ke_hoach",), f"không tìm thấy tệp Kế hoạch '{doc.data['ke_hoach']}' ({plan_file}). "
                           "Đường dẫn tính từ thư mục chứa tệp cấp huyện.")])
    plan, warnings = levels_cluster.load_plan(plan_file)
    if tiers.two_tier(plan.data):
        raise two_tier_refusal(plan, str(path))
    issues = []
    for key in ("hoi_dong", "cong_van", "bao_cao"):
        value = (doc.data.get(key) or {}).get("ngay")
        try:
            value and parse_date(value)
        except ValueError:
            issues.append(doc.issue((key, "ngay"), f"ngày '{value}' không có thật. Kiểm tra lại ngày và tháng."))
    if issues:
        raise ValidationFailed(f"Tệp {path} có {len(issues)} lỗi.", issues)
    return doc, plan, warnings


def check_district_file(path: Path) -> list[Issue]:
    """Problems of a district file on its own (for `docgen validate`); the folder is checked by check_district."""
    try:
        return load_district_file(path)[2]
    except DocgenError as e:
        return e.issues or [Issue(e.message, str(path))]


def _same_district(a: dict, b: dict) -> bool:
    return a["ten"] == b["ten"] and a["loai"] == b["loai"]


def check_district(folder: Path, summaries: list[ClusterSummary] | None = None) -> DistrictResult:
    """Check a district folder as a whole and make its choice; ValidationFailed lists every problem.

    `summaries`: the folder's cluster files already checked, in scan order (district_opening checks them for
    the opening documents); without them each cluster file is checked here."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(not_a_folder(folder, "thư mục của một quận, huyện (chứa tệp cấp huyện và các tệp Cụm)"))
    district_files, cluster_files = scan(folder)
    if not district_files:
        for f in cluster_files:  # a two-tier folder gets the two-tier answer, not "missing district file"
            try:
                cluster = reader.load_file(f)
                plan, _ = levels_cluster.load_plan(levels_cluster.plan_path_of(cluster))
            except (DocgenError, KeyError, TypeError):
                continue
            if tiers.two_tier(plan.data):
                raise two_tier_refusal(plan, str(folder))
        raise InputError(f"{folder}: không có tệp cấp huyện (tệp .yaml có dòng `loai_tep: huyen`). Tạo tệp "
                         "huyen.yaml theo mẫu inputs/2017/dong-anh/huyen.yaml rồi chạy lại.")
    if len(district_files) > 1:
        raise InputError(f"{folder}: có {len(district_files)} tệp cấp huyện ({', '.join(map(str, district_files))}). "
                         "Lệnh này dùng cho thư mục của một huyện; với cả thành phố, dùng `docgen city`.")
    doc, plan, warnings = load_district_file(district_files[0])
    if not doc.data.get("hoi_dong"):  # optional in the schema so that the opening documents come first
        raise ValidationFailed(f"{district_files[0]}: chưa có cuộc họp Thường trực Hội đồng Thi đua - Khen thưởng.",
                               [doc.issue((), "cần điền mục hoi_dong (ngày họp, chủ trì, thư ký) trước khi tổng hợp "
                                              "kết quả của huyện.")])
    if not cluster_files:
        raise InputError(f"{folder}: không có tệp Cụm nào (loai_tep: cum) của {tiers.district_name(doc.data['huyen'])}.")

    if summaries is not None and [Path(s.path).resolve() for s in summaries] == [f.resolve() for f in cluster_files]:
        passed, problems = list(summaries), []
    else:
        passed, problems = summarize_all(cluster_files)
    checked: list[ClusterSummary] = []
    for c in passed:
        if c.plan_path.resolve() != plan.path.resolve():
            problems.append(c.issue(("ke_hoach",), f"tệp Cụm theo Kế hoạch {c.plan_path}, khác Kế hoạch "
                                                   f"của tệp cấp huyện ({plan.path})."))
            continue
        if not _same_district(c.huyen, doc.data["huyen"]):
            problems.append(c.issue(("huyen",), f"Cụm thuộc {tiers.district_name(c.huyen)}, "
                                                f"không phải {tiers.district_name(doc.data['huyen'])} "
                                                "của tệp cấp huyện trong thư mục này."))
            continue
        checked.append(c)
        warnings += c.warnings
    if problems:
        raise ValidationFailed(f"Có {len(only_errors(problems))} lỗi trong các tệp của "
                               f"{tiers.district_name(doc.data['huyen'])}; chưa lập văn bản nào.", problems)

    communes, nominees, problems = collect(checked)
    hd_day = parse_date(doc.data["hoi_dong"]["ngay"])
    off = day_off_issue(doc, ("hoi_dong", "ngay"), hd_day, "Thường trực Hội đồng họp")
    problems += only_errors(off)
    warnings += [i for i in off if not i.is_error]
    for c in checked:
        met = parse_date(c.meeting_day)
        if hd_day < met:
            problems.append(doc.issue(("hoi_dong", "ngay"), f"Thường trực Hội đồng họp ngày {short_date(hd_day)}, "
                                                            f"trước ngày họp của {c.name} "
                                                            f"({short_date(met)})."))
    hd = doc.data["hoi_dong"]
    members = 1 + len(hd.get("thanh_vien") or [])  # the chair and the members; the secretary does not vote
    voters = hd.get("so_nguoi_bieu_quyet")
    if voters and voters > members:
        problems.append(doc.issue(("hoi_dong", "so_nguoi_bieu_quyet"),
                                  f"{voters} người biểu quyết, nhiều hơn số thành viên dự họp ({members}: chủ trì và "
                                  f"{members - 1} thành viên). Thư ký ghi biên bản không biểu quyết; nếu thư ký cũng là "
                                  "thành viên Hội đồng thì ghi thêm vào thanh_vien."))
    pro = (doc.data.get("de_nghi") or {}).get("so_phieu_tan_thanh")
    if pro is not None and pro > (voters or members):
        problems.append(doc.issue(("de_nghi", "so_phieu_tan_thanh"), f"{pro} phiếu tán thành, nhiều hơn số người "
                                                                     f"biểu quyết ({voters or members})."))
    deadline = plan.data["thoi_gian"].get("huyen_bao_cao_thanh_pho_truoc_ngay")
    if deadline and hd_day > parse_date(deadline):
        warnings.append(doc.issue(("hoi_dong", "ngay"), f"Thường trực Hội đồng họp ngày {short_date(hd_day)}, sau hạn "
                                                        f"cấp huyện báo cáo ({short_date(deadline)}).", "warning"))
    choice, by_council, suggested, issues = choose(doc, nominees, communes)
    problems += only_errors(issues)
    warnings += [i for i in issues if not i.is_error]
    if problems:
        raise ValidationFailed(f"Có {len(problems)} lỗi trong các tệp của {tiers.district_name(doc.data['huyen'])}; "
                               "chưa lập văn bản nào.", problems)
    counts = tally.count_classes(plan.data, [(c.ten_ubnd, c.xep_loai) for c in communes])
    return DistrictResult(doc, plan, checked, communes, nominees, suggested, choice, by_council, counts, warnings)


def collect(checked: list[ClusterSummary]) -> tuple[list[Commune], list[Nominee], list[Issue]]:
    """Every commune and every cluster's nominee; a commune may belong to one cluster only."""
    communes: list[Commune] = []
    nominees: list[Nominee] = []
    problems: list[Issue] = []
    seen: dict[str, str] = {}
    for c in checked:
        for i, commune in enumerate(c.communes):
            name = commune.ten_ubnd
            if name in seen:
                problems.append(c.issue(("don_vi", i, "ten"), f"{name} đã có trong {seen[name]}; mỗi đơn vị "
                                                              "chỉ thuộc một Cụm."))
            seen[name] = c.name
            communes.append(commune)
        if c.nominee:
            nominees.append(c.nominee)
    return communes, nominees, problems


def suggest(nominees: list[Nominee]) -> list[Nominee]:
    """The nominees with the highest agreed total: one, or several when they tie (never broken silently)."""
    if not nominees:
        return []
    high = max(n.tong_diem for n in nominees)
    return [n for n in nominees if n.tong_diem == high]


def choose(doc: reader.Loaded, nominees: list[Nominee], communes: list[Commune]
           ) -> tuple[Nominee | None, bool, list[Nominee], list[Issue]]:
    """The district's one commune for the city award: its council's choice, checked against the clusters'
    nominees, or the suggestion when the council wrote none. Returns (choice, by council, suggested, issues)."""
    best = suggest(nominees)
    picked = (doc.data.get("de_nghi") or {}).get("don_vi")
    path = ("de_nghi", "don_vi")
    if picked:
        if not nominees:
            return None, False, best, [doc.issue(path, "không Cụm nào đề nghị đơn vị nào (không có đơn vị đạt loại được "
                                                       "đề nghị), nên huyện không có đơn vị để chọn. Xóa mục de_nghi.")]
        matches = [n for n in nominees if n.ma == picked]
        if len(matches) > 1:
            return None, False, best, [doc.issue(path, f"mã '{picked}' có ở nhiều Cụm ("
                                                       f"{', '.join(n.cum for n in matches)}); đổi mã trong tệp Cụm "
                                                       "để mỗi đơn vị của huyện có một mã riêng.")]
        if not matches:
            codes = [n.ma for n in nominees]
            listed = "; ".join(f"{n.ma} ({n.ten_ubnd}, {n.cum})" for n in nominees)
            known = next((c for c in communes if c.ma == picked), None)
            if known:
                why = f"{known.ten_ubnd} ({known.cum}) không được Cụm đề nghị."
            else:
                near = difflib.get_close_matches(picked, codes, n=1)
                why = f"không có đơn vị mã '{picked}' trong các Cụm của huyện." + (f" Có phải là '{near[0]}'?" if near else "")
            return None, False, best, [doc.issue(path, f"{why} Huyện chỉ chọn trong các đơn vị được các Cụm đề nghị: "
                                                       f"{listed}.")]
        choice = matches[0]
        issues = []
        if choice not in best:
            issues.append(doc.issue(path, f"{choice.ten_ubnd} ({decimal_text(choice.tong_diem)} điểm) không có tổng điểm "
                                          f"thống nhất cao nhất trong các đơn vị được đề nghị (cao nhất: "
                                          f"{', '.join(n.text() for n in best)}). Nếu Hội đồng đã biểu quyết như vậy "
                                          "thì giữ nguyên.", "warning"))
        return choice, True, best, issues
    if not nominees:
        return None, False, best, [doc.issue((), "không Cụm nào đề nghị đơn vị nào, nên huyện không đề nghị Bằng khen; "
                                                 "chỉ lập biên bản và báo cáo.", "warning")]
    if len(best) > 1:
        return None, False, best, [doc.issue((), "chưa ghi đơn vị được chọn (de_nghi) và các đơn vị sau bằng điểm nhau: "
                                                 f"{'; '.join(f'{n.text()}, {n.cum}' for n in best)}. Hội đồng biểu quyết "
                                                 f"chọn 01 đơn vị rồi ghi, ví dụ: `de_nghi: {{don_vi: {best[0].ma}}}`.")]
    return best[0], False, best, [doc.issue((), f"chưa ghi đơn vị được chọn (de_nghi); docgen dùng gợi ý: {best[0].text()}, "
                                                "có tổng điểm thống nhất cao nhất. Ghi `de_nghi: {don_vi: "
                                                f"{best[0].ma}}}` sau khi Hội đồng biểu quyết.", "warning")]
