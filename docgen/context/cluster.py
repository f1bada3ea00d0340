"""The cluster's own documents (inspection minutes, Phụ lục 02, meeting minutes, letter) and the whole dossier's list."""
from __future__ import annotations

from docgen import vi
from docgen.context import awards
from docgen.context.common import (
    WRITING_ROOM,
    DocumentSpec,
    blank,
    committee_signer,
    findings_to_write,
    in_sentence,
    person,
    place_at,
    post_in,
    plan_body,
    plan_context,
    title_at,
    unit_name,
)
from docgen.context.invitation import with_invitation
from docgen.context.personal_report import personal_reports
from docgen.context.reports import BANG_KHEN, GIAY_KHEN, collective_reports, proposed_collectives, report_context
from docgen.context.schedule import schedule_context
from docgen.context.self_report import with_self_reports
from docgen.context.supervision import with_supervision
from docgen.context.sheet import sheet_context
from docgen.model import tiers
from docgen.score.cluster import ClusterResult
from docgen.vi import BLANK, decimal_text, number_line


def extend(docs: list[DocumentSpec], plan: dict, cluster: dict, result: ClusterResult, common: dict) -> list[DocumentSpec]:
    """The cluster's dossier in filing order: schedule, Phụ lục 01 of each commune, the existing
    documents, the cluster's report, the collective achievement reports (each commune proposed for the
    Giấy khen, then the Bằng khen nominee: reports.collective_reports says why), then each proposed
    individual's (filed after the collective's, as the letter lists them: "của tập thể, cá nhân")."""
    up = tiers.upper(plan, cluster)
    first = [DocumentSpec("lich-kiem-tra.docx", "lich-kiem-tra.docx", schedule_context(plan, cluster, common),
                          "Thông báo lịch kiểm tra của Cụm")]
    for unit in cluster["don_vi"]:
        first.append(DocumentSpec(f"phu-luc-01-{vi.slug(unit['ten'])}.docx", "phu-luc-01.docx",
                                  sheet_context(plan, unit, result.by_code(unit["ma"]), up),
                                  f"Phụ lục số 01: Bảng chấm điểm của UBND {unit_name(unit)}"))
    last = [DocumentSpec("bao-cao-ket-qua-cum.docx", "bao-cao-ket-qua-cum.docx",
                         report_context(plan, cluster, result, common), "Báo cáo kết quả kiểm tra chéo của Cụm")]
    last += collective_reports(plan, cluster, result, common)  # Giấy khen's, then the Bằng khen's
    return first + docs + last + personal_reports(plan, cluster, result, common)


def team(cluster: dict) -> dict:
    """Đoàn kiểm tra: two people per commune; the leader's Chairman heads it, its officer is secretary."""
    units = cluster["don_vi"]
    leader_code = cluster["cum"]["cum_truong"]
    leader = next(u for u in units if u["ma"] == leader_code)
    members = []
    # The leader's people first (head, secretary), then the members in visiting order.
    for unit in [leader] + [u for u in units if u is not leader]:
        head = unit["dai_dien"]
        officer = unit["cong_chuc_vptk"]
        is_leader = unit is leader
        members.append({
            "ho_ten": head["ho_ten"], "chuc_vu": head["chuc_vu"],
            "chuc_vu_day_du": title_at(head["chuc_vu"], unit),
            "vai_tro": " - Trưởng đoàn" if is_leader else " - Thành viên",
        })
        members.append({
            "ho_ten": officer["ho_ten"], "chuc_vu": blank(officer.get("chuc_vu")),
            "chuc_vu_day_du": title_at(officer.get("chuc_vu"), unit, "Công chức Văn phòng - Thống kê"),
            "vai_tro": " - Thư ký" if is_leader else " - Thành viên",
        })
    return {"truong_doan": members[0], "thu_ky": members[1], "thanh_vien": members}


def _copies(unit: dict, leader: dict, up: tiers.Upper) -> str:
    """Who keeps the inspection minutes: the inspected unit, the leader (for the cluster's file) and the
    level above (attached to the cluster's report); the leader's own minutes need one copy less."""
    ubnd = f"UBND {unit_name(unit)}"
    if unit is leader:
        return (f"Biên bản được lập thành 02 bản có giá trị như nhau: {ubnd} (đơn vị được kiểm tra, đơn vị Cụm "
                f"trưởng) giữ 01 bản, 01 bản gửi kèm Báo cáo kết quả về {up.nhan_bao_cao}")
    return (f"Biên bản được lập thành 03 bản có giá trị như nhau: {ubnd} giữ 01 bản, đơn vị Cụm trưởng "
            f"(UBND {unit_name(leader)}) giữ 01 bản, 01 bản gửi kèm Báo cáo kết quả về {up.nhan_bao_cao}")


def unit_signer(unit: dict, is_leader: bool) -> dict | None:
    """Who signs an inspection minutes for the inspected unit. Its leader in the team does, except at the
    leader commune, whose Chairman already signs as Trưởng đoàn: there its other representative signs
    (`ky_bien_ban`, or the first Phó Chủ tịch among the others present); None leaves a blank to fill."""
    people = [unit["dai_dien"], unit["cong_chuc_vptk"]] + list(unit.get("thanh_phan_khac") or [])
    named = unit.get("ky_bien_ban")
    if named:
        return next((p for p in people if p["ho_ten"] == named), {"ho_ten": named})
    if not is_leader:
        return unit["dai_dien"]
    others = unit.get("thanh_phan_khac") or []
    return next((p for p in others if str(p.get("chuc_vu") or "").startswith("Phó Chủ tịch")), None)


def _achievement_reports(plan: dict, cluster: dict) -> list[str]:
    """The letter's attachments name exactly the reports the dossier holds (reports.proposed_collectives): one
    line for the Giấy khen's collectives, one for the Bằng khen's nominee, one for the individuals proposed;
    nothing when nobody is proposed."""
    lines = []
    collectives = proposed_collectives(plan, cluster)
    for award in (GIAY_KHEN, BANG_KHEN):
        names = [f"UBND {unit_name(unit)}" for a, unit, _, _ in collectives if a == award]
        if names:
            form = next(f for a, _, f, _ in collectives if a == award)
            lines.append(f"Báo cáo thành tích đề nghị tặng {awards.short_form(form)} của {', '.join(names)}")
    n = len(cluster["hop_cum"].get("de_nghi_ca_nhan") or [])
    if n:
        lines.append(f"Báo cáo thành tích của {n:02d} cá nhân được đề nghị khen thưởng")
    return lines


def _dash_ends(items: list[str]) -> list[str]:
    return [x + ";" for x in items[:-1]] + [x + "." for x in items[-1:]]


def score_rows(plan: dict, values_by_kind: dict) -> list[dict]:
    rows = []
    for i, content in enumerate(plan["noi_dung"]):
        rows.append({
            "so": content["so"], "ten": content["ten"], "toi_da": decimal_text(content["diem_toi_da"]),
            **{k: decimal_text(v[i]) for k, v in values_by_kind.items()},
        })
    return rows


def build_documents(plan: dict, cluster: dict, result: ClusterResult) -> list[DocumentSpec]:
    """Every document of a cluster's dossier, in filing order."""
    units = cluster["don_vi"]
    by_code = {u["ma"]: u for u in units}
    leader = by_code[cluster["cum"]["cum_truong"]]
    up = tiers.upper(plan, cluster)  # the district (three tiers) or the province (two tiers)
    district = up.dia_ban
    district_ubnd = up.ubnd
    kh = plan_context(plan)
    doan = team(cluster)
    cum_name = cluster["cum"]["ten"]
    cum = {"ten": cum_name, "ten_day_du": f"{cum_name}, {district}",
           "ten_day_du_hoa": vi.upper(f"{cum_name}, {district}")}
    decision = cluster["cum"].get("quyet_dinh_thanh_lap")
    # Without the decision's number: the district's own plan (three tiers); with two tiers the plan's
    # issuer forms the clusters itself, so its decision is cited (a UBND Thành phố plan would be made up).
    can_cu_cum = (f"{decision} về việc thành lập Cụm thi đua kiểm tra chéo" if decision
                  else f"Quyết định của {plan_body(plan)} về việc thành lập các Cụm thi đua kiểm tra chéo"
                  if up.two_tier else
                  f"Kế hoạch của {district_ubnd} về kiểm tra chéo công tác văn thư, lưu trữ năm {plan['nam']}")
    visit_days = sorted(vi.parse_date(u["ngay_kiem_tra"]) for u in units)
    hop = cluster["hop_cum"]
    leader_place = leader["ten"]
    common = {
        "ke_hoach": kh, "cum": cum, "doan": doan, "can_cu_cum": can_cu_cum,
        "co_quan_chu_quan": up.parent_header,
        "tu_ngay": vi.date_words(visit_days[0]), "den_ngay": vi.date_words(visit_days[-1]),
        "so_don_vi": len(units), "ngay_hop_chu": vi.date_words(hop["ngay"]),
        "cum_truong_chuc_vu": f"Chủ tịch UBND {unit_name(leader)}",
    }
    summary = []
    for r in sorted(result.don_vi, key=lambda r: (r.hang, units.index(by_code[r.ma]))):
        u = by_code[r.ma]
        summary.append({"stt": len(summary) + 1, "ten_ubnd": f"UBND {unit_name(u)}",
                        "diem": [decimal_text(v) for v in r.thong_nhat],
                        "tong_diem": decimal_text(r.tong_diem), "xep_loai": r.xep_loai})
    common["bang_tong_hop"] = summary
    for i, content in enumerate(plan["noi_dung"], start=1):
        common[f"nd_{i}"] = f"Nội dung {content['so']} ({decimal_text(content['diem_toi_da'])} điểm)"
        common[f"nd_{i}_ten"] = f"Nội dung {content['so']}"  # two-line column headers of Phụ lục 02
        common[f"nd_{i}_diem"] = f"({decimal_text(content['diem_toi_da'])} điểm)"

    docs: list[DocumentSpec] = []
    for unit in units:
        r = result.by_code(unit["ma"])
        ubnd = f"UBND {unit_name(unit)}"
        # Everyone of the inspected commune with the commune named in their post (never 'Nhân viên lưu trữ;').
        people = [person(p) | {"chuc_vu": title_at(p.get("chuc_vu"), unit, default)}
                  for p, default in [(unit["dai_dien"], ""), (unit["cong_chuc_vptk"], "Công chức Văn phòng - Thống kê")]
                  + [(p, "") for p in unit.get("thanh_phan_khac") or []]]
        ctx = dict(common)
        ctx.update({
            "so_ky_hieu": number_line(unit.get("so_bien_ban"), "BB-ĐKT"),
            "co_quan_ban_hanh": vi.upper(f"Đoàn kiểm tra chéo {cum_name}"),
            "dia_danh_ngay": vi.place_date(unit["ten"], unit["ngay_kiem_tra"]),
            "don_vi": {
                "ten": unit["ten"], "ten_ubnd": ubnd,
                "ngay_kiem_tra": vi.date_words(unit["ngay_kiem_tra"]),
                "gio_bat_dau": vi.time_words(unit.get("gio_bat_dau")),
                "gio_ket_thuc": vi.time_words(unit.get("gio_ket_thuc")),
                "dia_diem": in_sentence(place_at(unit.get("dia_diem"), unit, "Trụ sở")),  # "tại trụ sở …"
                "thanh_phan": people,
                "dai_dien": person(unit_signer(unit, unit is leader)),  # who signs for the inspected unit
                "nhan_xet": findings_to_write(plan, unit),  # room to write by hand where empty
                # Dated the visit day: the self-score and the team's, never the score the meeting agrees later.
                "bang_diem": score_rows(plan, {"tu_cham": r.tu_cham, "doan_cham": r.doan_cham}),
                "tong_toi_da": decimal_text(sum((c["diem_toi_da"] for c in plan["noi_dung"]), 0)),
                "tong_tu_cham": decimal_text(r.tong_tu_cham),
                "tong_doan_cham": decimal_text(r.tong_doan_cham),
                "tong_doan_cham_chu": vi.score_with_words(r.tong_doan_cham),
                "xep_loai_doan": r.xep_loai_doan,
                "ket_luan": blank(unit.get("ket_luan")),
                "y_kien_don_vi": unit.get("y_kien_don_vi") or WRITING_ROOM,  # empty: dotted lines to write on
                "y_kien_trong": not unit.get("y_kien_don_vi"),
                "so_ban": _copies(unit, leader, up),
            },
        })
        docs.append(DocumentSpec(f"bien-ban-kiem-tra-{vi.slug(unit['ten'])}.docx", "bien-ban-kiem-tra.docx",
                                 ctx, f"Biên bản kiểm tra tại {ubnd}"))

    ctx = dict(common)
    docs.append(DocumentSpec("phu-luc-02-bang-cham-diem.docx", "phu-luc-02.docx", ctx,
                             "Phụ lục số 02: Bảng chấm điểm, xếp loại của Cụm"))

    voters = hop.get("so_nguoi_bieu_quyet")
    how = hop.get("hinh_thuc_bieu_quyet")
    voted = awards.proposals(plan, cluster, result, with_votes=True)  # the minutes record each vote
    asked = awards.proposals(plan, cluster, result, with_votes=False, scored=False)  # scores: in ket_qua
    agreed = hop.get("bieu_quyet_xep_loai")
    changed = awards.adjustments(plan, cluster, result)
    ctx = dict(common)
    ctx.update({
        "so_ky_hieu": number_line(hop.get("so_bien_ban"), "BB-ĐKT"),
        "co_quan_ban_hanh": vi.upper(f"Đoàn kiểm tra chéo {cum_name}"),
        "dia_danh_ngay": vi.place_date(leader_place, hop["ngay"]),
        "hop": {
            "ngay": vi.date_words(hop["ngay"]),
            "gio_bat_dau": vi.time_words(hop.get("gio_bat_dau")),
            "gio_ket_thuc": vi.time_words(hop.get("gio_ket_thuc")),
            "dia_diem": place_at(hop.get("dia_diem"), leader, "Hội trường"),
            "khach_moi": [{"ho_ten": k["ho_ten"], "chuc_vu": blank(k.get("chuc_vu")), "don_vi": blank(k.get("don_vi")),
                           "chuc_vu_don_vi": post_in(k.get("chuc_vu"), k.get("don_vi"))}
                          for k in hop.get("khach_moi") or []],
            "hinh_thuc_bieu_quyet": blank(hop.get("hinh_thuc_bieu_quyet")),
            "bieu_quyet_xep_loai": awards.votes(agreed, voters, how),
            "dieu_chinh": ("Các đơn vị thống nhất điều chỉnh kết quả chấm điểm của Đoàn kiểm tra như sau:" if changed
                           else "Các đơn vị thống nhất với kết quả chấm điểm của Đoàn kiểm tra, không điều chỉnh "
                                "điểm."),
            "dieu_chinh_dong": changed,
            "y_kien": hop.get("y_kien") or [BLANK],
            "khen_a": voted.title_a, "khen_a_dong": voted.lines_a, "khen_b": voted.text_b,
            "ket_luan": blank(hop.get("ket_luan")),
            "so_ban": (f"Biên bản được lập thành {len(units) + 1:02d} bản có giá trị như nhau: mỗi đơn vị trong Cụm "
                       f"giữ 01 bản, 01 bản gửi kèm Báo cáo kết quả về {up.nhan_bao_cao}"),
        },
    })
    docs.append(DocumentSpec("bien-ban-hop-cum.docx", "bien-ban-hop-cum.docx", ctx, "Biên bản họp Cụm"))

    cv = cluster.get("cong_van") or {}
    unit_abbr = cv.get("ky_hieu_don_vi_soan_thao") or "VP"
    leader_ubnd = f"UBND {unit_name(leader)}"
    ctx = dict(common)
    ctx.update({
        "so_ky_hieu": number_line(cv.get("so"), f"UBND-{unit_abbr}"),
        "co_quan_dong_1": "ỦY BAN NHÂN DÂN",
        "co_quan_dong_2": vi.upper(unit_name(leader)),
        "co_quan_ban_hanh_thuong": leader_ubnd,
        "trich_yeu": f"V/v đề nghị khen thưởng công tác văn thư, lưu trữ năm {plan['nam']}",
        "dia_danh_ngay": vi.place_date(leader_place, cv.get("ngay") or hop["ngay"]),
        "kinh_gui": up.kinh_gui,
        "cap_tren": up.cap_tren,
        "khen_a": asked.title_a, "khen_a_dong": asked.lines_a, "khen_b": asked.text_b,
        # One page: dates in digits, the scores one class a line (the table is in the attached minutes).
        "thoi_gian_kiem_tra": (f"ngày {vi.short_date(visit_days[0])}" if visit_days[0] == visit_days[-1] else
                               f"từ ngày {vi.short_date(visit_days[0])} đến ngày {vi.short_date(visit_days[-1])}"),
        "ngay_hop_so": f"ngày {vi.short_date(hop['ngay'])}",
        "ket_qua": awards.results_by_class(cluster, result),
        "ket_thuc": (f"Kính báo cáo {up.cap_tren}./." if not asked.lines_a and not hop.get("de_nghi_tap_the") else
                     f"Kính đề nghị {up.cap_tren} xem xét, quyết định./." if not up.two_tier else
                     f"Kính đề nghị {up.cap_tren} tổng hợp, trình Chủ tịch {tiers.province_ubnd(plan)} xem xét, "
                     "quyết định./."),
        "ho_so_kem_theo": _dash_ends([f"Biên bản họp {cum_name} (kèm theo Bảng chấm điểm - Phụ lục số 02)",
                                      f"Biên bản kiểm tra tại {len(units)} đơn vị"]
                                     + _achievement_reports(plan, cluster)),
        "noi_nhan": ["- Như trên;", f"- UBND các đơn vị trong {cum_name};", f"- Lưu: VT, {unit_abbr}."],
        "ky": committee_signer(leader["dai_dien"]),
    })
    docs.append(DocumentSpec("cong-van-de-nghi-khen-thuong.docx", "cong-van-de-nghi-khen-thuong.docx", ctx,
                             "Công văn đề nghị khen thưởng"))
    # the meeting's Giấy mời, and each commune's Báo cáo tự đánh giá before its Phụ lục 01
    docs = with_invitation(plan, cluster, extend(docs, plan, cluster, result, common), cum['ten_day_du'])
    docs = with_supervision(plan, cluster, docs)  # the district's supervisors in the minutes, where they attended
    return with_self_reports(plan, cluster, result, docs, can_cu_cum)
