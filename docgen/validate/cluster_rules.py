"""Every cross-field rule of a cluster file against its plan, gathered in one place."""
from __future__ import annotations

import difflib

from docgen.errors import Issue, only_errors
from docgen.load.reader import Loaded, pointer_of
from docgen.model.schedule import Visit, decision_date, due_date, visits
from docgen.model.tiers import two_tier
from docgen.model import workdays
from docgen.model.workdays import CalendarRangeError
from docgen.score.cluster import ClusterResult, score_cluster
from docgen.score.rules import Rules, rules_from_plan
from docgen.score.unit_scores import read_scores
from docgen.validate.fields import date_field, day_off_issue, times_field
from docgen.vi import decimal_text, parse_date, short_date, slug


def _after(a: Visit, b: Visit) -> bool:
    """Whether visit `a` surely comes after visit `b` (same day without both times: the file's order)."""
    if a.ngay != b.ngay:
        return a.ngay > b.ngay
    if a.gio and b.gio:
        return a.gio > b.gio
    return a.index > b.index


def schedule_issues(cluster: Loaded, plan: dict) -> list[Issue]:
    """The schedule's soft rules, as warnings: the plan says the leader 'nên' (should) be visited last,
    and the schedule must reach the members before their self-reports are due."""
    data = cluster.data
    out: list[Issue] = []
    try:
        order = visits(plan, data)
    except (ValueError, KeyError, CalendarRangeError):
        return out  # bad dates are reported by the cross-field checks
    leader = next((v for v in order if v.cum_truong), None)
    if leader is not None:
        later = [v for v in order if not v.cum_truong and _after(v, leader)]
        if later:
            names = ", ".join(data["don_vi"][v.index]["ten"] for v in later)
            out.append(cluster.issue(
                ("don_vi", leader.index, "ngay_kiem_tra"),
                f"đơn vị Cụm trưởng ({data['don_vi'][leader.index]['ten']}) được kiểm tra trước {names}. "
                "Theo Kế hoạch, nên kiểm tra các đơn vị thành viên trước và kết thúc tại đơn vị Cụm trưởng.",
                "warning"))
    issued = (data.get("lich_kiem_tra") or {}).get("ngay")
    if issued and order:
        try:
            day = parse_date(issued)
        except ValueError:
            out.append(cluster.issue(("lich_kiem_tra", "ngay"), f"ngày '{issued}' không có thật."))
            return out
        first_due = min(v.han_tu_cham for v in order)
        formed = decision_date(data)
        if formed and day < formed:  # the Lịch cites the decision: it cannot come before it
            out.append(cluster.issue(
                ("lich_kiem_tra", "ngay"),
                f"Lịch kiểm tra ban hành ngày {short_date(day)}, trước ngày Quyết định thành lập Cụm "
                f"({short_date(formed)}) mà Lịch trích dẫn. Ghi ngày ban hành từ ngày {short_date(formed)} trở đi.",
                "warning"))
        if day > first_due:
            out.append(cluster.issue(
                ("lich_kiem_tra", "ngay"),
                f"Lịch kiểm tra ban hành ngày {short_date(day)}, sau hạn gửi báo cáo tự chấm đầu tiên "
                f"({short_date(first_due)}): các đơn vị không kịp chuẩn bị.", "warning"))
    return out


def tier_issues(cluster: Loaded, plan: dict) -> list[Issue]:
    """A cluster file names its district exactly when the plan has a district level."""
    has_district = cluster.data.get("huyen") is not None
    year = plan.get("nam")
    if two_tier(plan) and has_district:
        return [cluster.issue(("huyen",), f"Kế hoạch năm {year} theo mô hình chính quyền địa phương hai cấp "
                                          "(cap_chinh_quyen: hai_cap): không còn cấp huyện. Xóa mục 'huyen'; "
                                          "Cụm báo cáo thẳng về cấp tỉnh, thành phố.")]
    if not two_tier(plan) and not has_district:
        return [cluster.issue((), f"thiếu mục 'huyen' (quận, huyện, thị xã thành lập Cụm): Kế hoạch năm {year} "
                                  "có cấp huyện (cap_chinh_quyen: ba_cap). Ví dụ: "
                                  "`huyen: {ten: Đông Anh, loai: huyện}`.")]
    return []


def _signer_issues(cluster: Loaded, leader: str) -> list[Issue]:
    """Nobody signs one inspection minutes twice: at the leader commune its Chairman signs as Trưởng đoàn
    and its officer as Thư ký, so the unit is represented by someone else (`ky_bien_ban`)."""
    out: list[Issue] = []
    for i, unit in enumerate(cluster.data["don_vi"]):
        is_leader = unit["ma"] == leader
        team = [unit["dai_dien"]["ho_ten"], unit["cong_chuc_vptk"]["ho_ten"]] if is_leader else []
        present = [unit["dai_dien"]["ho_ten"], unit["cong_chuc_vptk"]["ho_ten"]] + [
            p["ho_ten"] for p in unit.get("thanh_phan_khac") or []]
        named = unit.get("ky_bien_ban")
        if named and named not in present:
            out.append(cluster.issue(("don_vi", i, "ky_bien_ban"), f"{named} không có trong thành phần của đơn vị "
                                                                   f"(dai_dien, cong_chuc_vptk, thanh_phan_khac: "
                                                                   f"{', '.join(present)}). Ghi đúng họ tên người dự."))
        elif named and named in team:
            out.append(cluster.issue(("don_vi", i, "ky_bien_ban"), f"{named} đã ký Biên bản kiểm tra với tư cách "
                                                                   "Trưởng đoàn hoặc Thư ký; đơn vị Cụm trưởng cử "
                                                                   "người khác (thường là Phó Chủ tịch UBND) ký "
                                                                   "phần đại diện đơn vị được kiểm tra."))
        elif is_leader and not named and not any(str(p.get("chuc_vu") or "").startswith("Phó Chủ tịch")
                                                 for p in unit.get("thanh_phan_khac") or []):
            out.append(cluster.issue(("don_vi", i), "Chủ tịch đơn vị Cụm trưởng ký Biên bản kiểm tra tại đơn vị mình "
                                                    "với tư cách Trưởng đoàn, nên cần người khác ký phần đại diện "
                                                    "đơn vị được kiểm tra: thêm Phó Chủ tịch UBND vào "
                                                    "thanh_phan_khac hoặc ghi ky_bien_ban; chưa có thì biên bản "
                                                    "để trống tên.", "warning"))
    return out


def cluster_issues(cluster: Loaded, plan: dict) -> list[Issue]:
    """Cross-field checks of a cluster file against itself and its plan."""
    data = cluster.data
    issues: list[Issue] = []
    units = data["don_vi"]
    codes = [u["ma"] for u in units]
    rules = plan["cum"]
    lo, hi = rules["so_don_vi_toi_thieu"], rules["so_don_vi_toi_da"]
    if not lo <= len(units) <= hi:
        issues.append(cluster.issue(("don_vi",), f"Cụm có {len(units)} đơn vị; theo Kế hoạch mỗi Cụm có từ {lo} "
                                                 f"đến {hi} đơn vị."))
    for i, code in enumerate(codes):
        if codes.index(code) != i:
            issues.append(cluster.issue(("don_vi", i, "ma"), f"mã đơn vị '{code}' bị lặp (đơn vị thứ "
                                                             f"{codes.index(code) + 1} cũng dùng mã này); mỗi "
                                                             "đơn vị một mã riêng."))
    names = [f"{u['loai']} {u['ten']}" for u in units]
    files = [slug(u["ten"]) for u in units]
    for i, name in enumerate(names):
        if names.index(name) != i:
            issues.append(cluster.issue(("don_vi", i, "ten"), f"đơn vị '{name}' được kê hai lần (đơn vị thứ "
                                                              f"{names.index(name) + 1} và thứ {i + 1})."))
        elif files.index(files[i]) != i:
            other = units[files.index(files[i])]["ten"]
            issues.append(cluster.issue(("don_vi", i, "ten"), f"tên '{units[i]['ten']}' và '{other}' giống nhau khi "
                                                              "bỏ dấu, nên biên bản của hai đơn vị sẽ trùng tên tệp. "
                                                              "Kiểm tra lại tên đơn vị."))

    def known(path, code, what="đơn vị"):
        if code not in codes:
            near = difflib.get_close_matches(code, codes, n=1)
            hint = f" Có phải là '{near[0]}'?" if near else f" Các mã có trong Cụm: {', '.join(codes)}."
            issues.append(cluster.issue(path, f"{what} mã '{code}' không phải là đơn vị của Cụm (không có trong "
                                              f"mục don_vi).{hint}"))
            return False
        return True

    leader = data["cum"]["cum_truong"]
    if known(("cum", "cum_truong"), leader, "đơn vị Cụm trưởng"):
        li = codes.index(leader)
        head = units[li]["dai_dien"]
        if head.get("chuc_vu") != "Chủ tịch":
            issues.append(cluster.issue(("don_vi", li, "dai_dien", "chuc_vu"),
                                        "theo Kế hoạch, Trưởng đoàn là Chủ tịch UBND của đơn vị Cụm trưởng; "
                                        "ở đây người đại diện là Phó Chủ tịch.", "warning"))
        if li != len(units) - 1:
            issues.append(cluster.issue(("don_vi", li), f"đơn vị Cụm trưởng ({units[li]['ten']}) đứng thứ {li + 1}; "
                                                        "theo Kế hoạch nên kiểm tra các đơn vị thành viên trước và "
                                                        "kết thúc tại đơn vị Cụm trưởng (đặt đơn vị này cuối danh "
                                                        "sách).", "warning"))

    # The team (Đoàn kiểm tra): two different people from each commune, nobody twice.
    seen: dict[str, tuple] = {}
    for i, unit in enumerate(units):
        for role in ("dai_dien", "cong_chuc_vptk"):
            name = " ".join(str(unit[role]["ho_ten"]).split()).lower()
            if name in seen:
                j, other_role = seen[name]
                where = "cùng đơn vị" if j == i else f"đơn vị {units[j]['ten']}"
                issues.append(cluster.issue(("don_vi", i, role, "ho_ten"),
                                            f"{unit[role]['ho_ten']} đã có trong Đoàn kiểm tra ({where}, mục "
                                            f"{other_role}); theo Kế hoạch mỗi đơn vị cử 2 người khác nhau: lãnh "
                                            "đạo UBND và công chức Văn phòng - Thống kê."))
            else:
                seen[name] = (i, role)

    issues += _signer_issues(cluster, leader)

    contents = plan["noi_dung"]
    score_rules = rules_from_plan(plan)
    for i, unit in enumerate(units):
        found = []
        for p in read_scores(score_rules, unit["diem"])[1]:
            path = ("don_vi", i, "diem") + p.path
            if p.at_key and path in cluster.key_positions:
                line, col = cluster.key_positions[path]
                found.append(Issue(p.message, cluster.source, line, col, pointer_of(path)))
            else:
                found.append(cluster.issue(path, p.message + _glued_hint(cluster, path)))
        issues += sorted(found, key=lambda x: (x.line or 0, x.column or 0))
        for j, note in enumerate(unit.get("nhan_xet") or []):
            if note["noi_dung"] not in [c["so"] for c in contents]:
                issues.append(cluster.issue(("don_vi", i, "nhan_xet", j, "noi_dung"),
                                            f"không có nội dung số {note['noi_dung']} trong Kế hoạch."))
        times_field(cluster, ("don_vi", i), issues)

    t = plan["thoi_gian"]
    start = parse_date(t["kiem_tra_tu_ngay"])
    end = parse_date(t["kiem_tra_den_ngay"])
    lead_days = t["so_ngay_gui_tu_cham_truoc_kiem_tra"]
    visit_days = set()
    for i, unit in enumerate(units):
        day = date_field(cluster, ("don_vi", i, "ngay_kiem_tra"), issues)
        if day is None:
            continue
        visit_days.add(day)
        issues += day_off_issue(cluster, ("don_vi", i, "ngay_kiem_tra"), day, f"kiểm tra UBND {names[i]}")
        if not start <= day <= end:
            issues.append(cluster.issue(("don_vi", i, "ngay_kiem_tra"),
                                        f"ngày kiểm tra {short_date(day)} nằm ngoài thời gian của Kế hoạch "
                                        f"({short_date(start)} đến {short_date(end)})."))
        sent = date_field(cluster, ("don_vi", i, "ngay_gui_tu_cham"), issues)
        if sent and (day - sent).days < lead_days:
            issues.append(cluster.issue(("don_vi", i, "ngay_gui_tu_cham"),
                                        f"báo cáo tự chấm gửi ngày {short_date(sent)}, muộn hơn hạn: phải gửi trước "
                                        f"ngày kiểm tra ({short_date(day)}) ít nhất {lead_days} ngày."))
        elif sent and sent > due_date(day, lead_days):  # in time by the plan, after the Lịch's working-day deadline
            issues.append(cluster.issue(("don_vi", i, "ngay_gui_tu_cham"),
                                        f"báo cáo tự chấm gửi ngày {short_date(sent)} ({workdays.day_off(sent) or ''}), "
                                        f"sau hạn ghi trong Lịch kiểm tra ({short_date(due_date(day, lead_days))}, "
                                        "ngày làm việc liền trước).", "warning"))
    max_days = rules.get("so_ngay_lam_viec_toi_da")
    if max_days and len(visit_days) > max_days:
        issues.append(cluster.issue(("don_vi",), f"Cụm kiểm tra trong {len(visit_days)} ngày khác nhau; theo Kế hoạch "
                                                 f"thời gian làm việc của Cụm chỉ từ 1 đến {max_days} ngày.", "warning"))
    meeting = date_field(cluster, ("hop_cum", "ngay"), issues)
    issues += day_off_issue(cluster, ("hop_cum", "ngay"), meeting, "họp Cụm")
    if meeting and visit_days and meeting < max(visit_days):
        issues.append(cluster.issue(("hop_cum", "ngay"), "ngày họp Cụm phải sau (hoặc cùng) ngày kiểm tra cuối cùng."))
    report_by = t.get("cum_bao_cao_huyen_truoc_ngay")
    letter = date_field(cluster, ("cong_van", "ngay"), issues) if (data.get("cong_van") or {}).get("ngay") else None
    if letter and meeting and letter < meeting:
        issues.append(cluster.issue(("cong_van", "ngay"), f"công văn đề nghị khen thưởng ghi ngày {short_date(letter)}, "
                                                          f"trước ngày họp Cụm ({short_date(meeting)}); công văn "
                                                          "gửi sau khi Cụm đã họp bình xét."))
    if report_by and (letter or meeting) and (letter or meeting) > parse_date(report_by):
        path = ("cong_van", "ngay") if letter else ("hop_cum", "ngay")
        issues.append(cluster.issue(path, f"ngày {short_date(letter or meeting)} đã quá hạn Cụm báo cáo theo Kế hoạch "
                                          f"({short_date(report_by)}).", "warning"))
    times_field(cluster, ("hop_cum",), issues)

    hop = data["hop_cum"]
    voters = hop.get("so_nguoi_bieu_quyet")
    nominee = hop.get("de_nghi_tap_the")
    votes = [(("hop_cum", "bieu_quyet_xep_loai"), hop.get("bieu_quyet_xep_loai"))]
    if nominee:
        known(("hop_cum", "de_nghi_tap_the", "don_vi"), nominee["don_vi"], "đơn vị được đề nghị khen thưởng")
        votes.append((("hop_cum", "de_nghi_tap_the", "so_phieu_tan_thanh"), nominee.get("so_phieu_tan_thanh")))
    for j, d in enumerate(hop.get("dieu_chinh_diem") or []):
        known(("hop_cum", "dieu_chinh_diem", j, "don_vi"), d["don_vi"], "đơn vị được điều chỉnh điểm")
        votes.append((("hop_cum", "dieu_chinh_diem", j, "so_phieu_tan_thanh"), d.get("so_phieu_tan_thanh")))
    for j, g in enumerate(hop.get("giay_khen_tap_the") or []):
        known(("hop_cum", "giay_khen_tap_the", j, "don_vi"), g["don_vi"], "đơn vị được đề nghị tặng Giấy khen")
        votes.append((("hop_cum", "giay_khen_tap_the", j, "so_phieu_tan_thanh"), g.get("so_phieu_tan_thanh")))
    if hop.get("giay_khen_tap_the") and two_tier(plan):
        issues.append(cluster.issue(("hop_cum", "giay_khen_tap_the"), f"Kế hoạch năm {plan.get('nam')} theo mô hình "
                                                                      "hai cấp: không có Giấy khen của Chủ tịch UBND "
                                                                      "cấp huyện. Xóa mục giay_khen_tap_the."))
    for j, person in enumerate(hop.get("de_nghi_ca_nhan") or []):
        known(("hop_cum", "de_nghi_ca_nhan", j, "don_vi"), person["don_vi"], f"đơn vị của {person['ho_ten']}")
        votes.append((("hop_cum", "de_nghi_ca_nhan", j, "so_phieu_tan_thanh"), person.get("so_phieu_tan_thanh")))
    if voters:
        for path, n in votes:
            if n is not None and n > voters:
                issues.append(cluster.issue(path, f"{n} phiếu tán thành, nhiều hơn số người biểu quyết ({voters})."))
    return issues


def award_issues(cluster: Loaded, plan: dict, result) -> list[Issue]:
    """The meeting's proposals against the scores: the nominee must be of the class the plan allows."""
    issues: list[Issue] = []
    allowed = result.loai_de_cu
    nominee = cluster.data["hop_cum"].get("de_nghi_tap_the")
    codes = [u["ma"] for u in cluster.data["don_vi"]]
    if nominee and nominee["don_vi"] in codes:
        r = result.by_code(nominee["don_vi"])
        unit = next(u for u in cluster.data["don_vi"] if u["ma"] == nominee["don_vi"])
        if r.xep_loai != allowed:
            none = (f" Cụm không có đơn vị nào đạt loại {allowed} nên không đề nghị tập thể: bỏ mục de_nghi_tap_the."
                    if not result.de_cu_goi_y else "")
            issues.append(cluster.issue(("hop_cum", "de_nghi_tap_the", "don_vi"),
                                        f"UBND {unit['loai']} {r.ten} xếp loại {r.xep_loai} ({decimal_text(r.tong_diem)} điểm); "
                                        f"theo Kế hoạch chỉ đơn vị đạt loại {allowed} mới được đề nghị khen thưởng tập thể."
                                        + none))
        elif result.de_cu_goi_y and nominee["don_vi"] not in result.de_cu_goi_y:
            best = ", ".join(result.by_code(c).ten for c in result.de_cu_goi_y)
            issues.append(cluster.issue(("hop_cum", "de_nghi_tap_the", "don_vi"),
                                        f"đơn vị được đề nghị không có tổng điểm cao nhất trong các đơn vị loại "
                                        f"{allowed} (cao nhất: {best}). Nếu Cụm đã biểu quyết như vậy thì giữ nguyên.",
                                        "warning"))
    for j, g in enumerate(cluster.data["hop_cum"].get("giay_khen_tap_the") or []):
        if g["don_vi"] in codes and result.by_code(g["don_vi"]).xep_loai != allowed:
            r = result.by_code(g["don_vi"])
            issues.append(cluster.issue(("hop_cum", "giay_khen_tap_the", j, "don_vi"),
                                        f"{r.ten} xếp loại {r.xep_loai} ({decimal_text(r.tong_diem)} điểm); theo Kế "
                                        f"hoạch chỉ đề nghị khen thưởng tập thể trong số các đơn vị đạt loại {allowed}."))
    issues += _adjustment_issues(cluster, plan, result)
    if not nominee and result.de_cu_goi_y:
        best = ", ".join(result.by_code(c).ten for c in result.de_cu_goi_y)
        tie = " (bằng điểm nhau: Cụm biểu quyết chọn 1)" if len(result.de_cu_goi_y) > 1 else ""
        issues.append(cluster.issue(("hop_cum",), f"Cụm chưa ghi đơn vị xuất sắc, tiêu biểu đề nghị Bằng khen (de_nghi_tap_the); "
                                                  f"gợi ý: {best}{tie}.", "warning"))
    return issues


def _glued_hint(cluster: Loaded, path: tuple) -> str:
    """Why a list of scores has too many items, when a decimal comma split a score in two (`9,5`)."""
    glued = cluster.glued.get(path)
    if not glued:
        return ""
    both = " và ".join(f"'{g}'" for g in glued)
    whole, part = glued[0].split(",")
    return (f" Có phải {both} là số thập phân? YAML đọc '{glued[0]}' thành hai số {whole} và {part}: số thập phân "
            f"viết bằng dấu chấm ({whole}.{part}), hoặc đặt trong ngoặc kép (\"{glued[0]}\").")


def _adjustment_issues(cluster: Loaded, plan: dict, result) -> list[Issue]:
    """Each agreed score that differs from the team's has its reason and vote in the minutes; an
    adjustment recorded where the scores are the same is a mistake."""
    hop = cluster.data["hop_cum"]
    codes = [u["ma"] for u in cluster.data["don_vi"]]
    numbers = [c["so"] for c in plan["noi_dung"]]
    diffs = {(r.ma, numbers[i]) for r in result.don_vi for i in range(len(numbers)) if r.doan_cham[i] != r.thong_nhat[i]}
    noted = set()
    out: list[Issue] = []
    for j, d in enumerate(hop.get("dieu_chinh_diem") or []):
        key = (d["don_vi"], d["noi_dung"])
        if d["don_vi"] in codes and key not in diffs:
            out.append(cluster.issue(("hop_cum", "dieu_chinh_diem", j), f"nội dung {d['noi_dung']} của "
                                                                       f"{result.by_code(d['don_vi']).ten}: điểm thống "
                                                                       "nhất bằng điểm Đoàn chấm, không có gì điều "
                                                                       "chỉnh. Xóa dòng này hoặc sửa điểm."))
        noted.add(key)
    for code, n in sorted(diffs - noted, key=lambda k: (codes.index(k[0]), k[1])):
        out.append(cluster.issue(("don_vi", codes.index(code), "diem", "thong_nhat"),
                                 f"nội dung {n}: điểm thống nhất khác điểm Đoàn chấm; ghi lý do và số phiếu vào "
                                 f"hop_cum.dieu_chinh_diem (don_vi: {code}, noi_dung: {n}) để Biên bản họp Cụm "
                                 "ghi lại việc điều chỉnh.", "warning"))
    if diffs and any("thống nhất với kết quả chấm điểm của Đoàn" in y for y in hop.get("y_kien") or []):
        out.append(cluster.issue(("hop_cum", "y_kien"), "ý kiến ghi 'thống nhất với kết quả chấm điểm của Đoàn' nhưng "
                                                        "Cụm đã điều chỉnh điểm của Đoàn; sửa lại ý kiến.", "warning"))
    return out


def validate_cluster(cluster: Loaded, plan: dict) -> tuple[list[Issue], Rules | None, ClusterResult | None]:
    """Every cross-field rule of a cluster file against its plan, in one call: the file's own rules, its
    tier, its schedule, then (only when those hold, since they need sound scores) the award proposals.

    Returns the issues (warnings included) and, when the scores could be computed, the plan's rules and
    the cluster's result, so that the caller does not score twice."""
    issues = cluster_issues(cluster, plan) + tier_issues(cluster, plan) + schedule_issues(cluster, plan)
    if only_errors(issues):
        return _by_line(issues), None, None
    rules = rules_from_plan(plan)
    result = score_cluster(rules, cluster.data)
    return _by_line(issues + award_issues(cluster, plan, result)), rules, result


def _by_line(issues: list[Issue]) -> list[Issue]:
    """In the order of the file, as the clerk reads it (rules found in the order they are checked)."""
    return sorted(issues, key=lambda i: (i.line or 0, i.column or 0))
