"""The cluster's own documents (inspection minutes, Phụ lục 02, meeting minutes, letter) and the whole dossier's list."""
from __future__ import annotations

from docgen import vi
from docgen.context.common import (
    DocumentSpec,
    blank,
    committee_signer,
    findings,
    person,
    plan_context,
    unit_name,
)
from docgen.context.invitation import with_invitation
from docgen.context.reports import achievement_context, report_context
from docgen.context.schedule import schedule_context
from docgen.context.self_report import with_self_reports
from docgen.context.supervision import with_supervision
from docgen.context.sheet import sheet_context
from docgen.model import tiers
from docgen.score.cluster import ClusterResult
from docgen.vi import BLANK, decimal_text, number_line


def extend(docs: list[DocumentSpec], plan: dict, cluster: dict, result: ClusterResult, common: dict) -> list[DocumentSpec]:
    """The cluster's dossier in filing order: schedule, Phụ lục 01 of each commune, the existing
    documents, the cluster's report, and the nominee's achievement report when there is one."""
    up = tiers.upper(plan, cluster)
    first = [DocumentSpec("lich-kiem-tra.docx", "lich-kiem-tra.docx", schedule_context(plan, cluster, common),
                          "Thông báo lịch kiểm tra của Cụm")]
    for unit in cluster["don_vi"]:
        first.append(DocumentSpec(f"phu-luc-01-{vi.slug(unit['ten'])}.docx", "phu-luc-01.docx",
                                  sheet_context(plan, unit, result.by_code(unit["ma"]), up),
                                  f"Phụ lục số 01: Bảng chấm điểm của UBND {unit_name(unit)}"))
    last = [DocumentSpec("bao-cao-ket-qua-cum.docx", "bao-cao-ket-qua-cum.docx",
                         report_context(plan, cluster, result, common), "Báo cáo kết quả kiểm tra chéo của Cụm")]
    nominee = cluster["hop_cum"].get("de_nghi_tap_the")
    if nominee:
        unit = next(u for u in cluster["don_vi"] if u["ma"] == nominee["don_vi"])
        last.append(DocumentSpec(f"bao-cao-thanh-tich-{vi.slug(unit['ten'])}.docx", "bao-cao-thanh-tich.docx",
                                 achievement_context(plan, cluster, result, common),
                                 f"Báo cáo thành tích của UBND {unit_name(unit)}"))
    return first + docs + last


def team(cluster: dict) -> dict:
    """Đoàn kiểm tra: two people per commune; the leader's Chairman heads it, its officer is secretary."""
    units = cluster["don_vi"]
    leader_code = cluster["cum"]["cum_truong"]
    leader = next(u for u in units if u["ma"] == leader_code)
    members = []
    # The leader's people first (head, secretary), then the members in visiting order.
    for unit in [leader] + [u for u in units if u is not leader]:
        ubnd = f"UBND {unit_name(unit)}"
        head = unit["dai_dien"]
        officer = unit["cong_chuc_vptk"]
        is_leader = unit is leader
        members.append({
            "ho_ten": head["ho_ten"], "chuc_vu": head["chuc_vu"],
            "chuc_vu_day_du": f"{head['chuc_vu']} {ubnd}",
            "vai_tro": " - Trưởng đoàn" if is_leader else " - Thành viên",
        })
        members.append({
            "ho_ten": officer["ho_ten"], "chuc_vu": blank(officer.get("chuc_vu")),
            "chuc_vu_day_du": f"{officer.get('chuc_vu') or 'Công chức Văn phòng - Thống kê'} {ubnd}",
            "vai_tro": " - Thư ký" if is_leader else " - Thành viên",
        })
    return {"truong_doan": members[0], "thu_ky": members[1], "thanh_vien": members}


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
    can_cu_cum = (f"{decision} về việc thành lập Cụm thi đua kiểm tra chéo" if decision
                  else f"Kế hoạch của {district_ubnd} về kiểm tra chéo công tác văn thư, lưu trữ năm {plan['nam']}")
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
        people = [person(unit["dai_dien"]) | {"chuc_vu": f"{unit['dai_dien']['chuc_vu']} {ubnd}"},
                  person(unit["cong_chuc_vptk"]) | {"chuc_vu": f"{unit['cong_chuc_vptk'].get('chuc_vu') or 'Công chức Văn phòng - Thống kê'} {ubnd}"}]
        people += [person(p) for p in unit.get("thanh_phan_khac") or []]
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
                "dia_diem": unit.get("dia_diem") or f"Trụ sở {ubnd}",
                "thanh_phan": people,
                "dai_dien": person(unit["dai_dien"]),
                "nhan_xet": findings(plan, unit),
                "bang_diem": score_rows(plan, {"tu_cham": r.tu_cham, "doan_cham": r.doan_cham,
                                               "thong_nhat": r.thong_nhat}),
                "tong_toi_da": decimal_text(sum((c["diem_toi_da"] for c in plan["noi_dung"]), 0)),
                "tong_tu_cham": decimal_text(r.tong_tu_cham),
                "tong_doan_cham": decimal_text(r.tong_doan_cham),
                "tong_diem": decimal_text(r.tong_diem),
                "tong_diem_chu": vi.score_with_words(r.tong_diem),
                "xep_loai": r.xep_loai,
                "ket_luan": blank(unit.get("ket_luan")),
                "y_kien_don_vi": blank(unit.get("y_kien_don_vi")),
            },
        })
        docs.append(DocumentSpec(f"bien-ban-kiem-tra-{vi.slug(unit['ten'])}.docx", "bien-ban-kiem-tra.docx",
                                 ctx, f"Biên bản kiểm tra tại {ubnd}"))

    ctx = dict(common)
    docs.append(DocumentSpec("phu-luc-02-bang-cham-diem.docx", "phu-luc-02.docx", ctx,
                             "Phụ lục số 02: Bảng chấm điểm, xếp loại của Cụm"))

    voters = hop.get("so_nguoi_bieu_quyet")

    def votes(n) -> str:
        if n is None:
            return f"{BLANK} phiếu tán thành"
        return f"{n}/{voters} phiếu tán thành" if voters else f"{n} phiếu tán thành"

    nominee = hop.get("de_nghi_tap_the")
    if nominee:
        nr = result.by_code(nominee["don_vi"])
        nu = by_code[nominee["don_vi"]]
        form = nominee.get("hinh_thuc") or up.hinh_thuc
        nominee_text = (f"UBND {unit_name(nu)} ({decimal_text(nr.tong_diem)} điểm, xếp loại {nr.xep_loai})"
                        + (f", đề nghị tặng {form}" if form else ""))
        nominee_vote = f"{nominee_text}: {votes(nominee.get('so_phieu_tan_thanh'))}."
    else:
        # Say why only when it is so: class-A communes may exist and the meeting still propose none.
        nominee_text = nominee_vote = ("Cụm không đề nghị khen thưởng tập thể." if result.de_cu_goi_y else
                                       "Không có đơn vị đạt loại A nên Cụm không đề nghị khen thưởng tập thể.")
    individuals = [{"ho_ten": p["ho_ten"], "chuc_vu": blank(p.get("chuc_vu")),
                    "don_vi": f"UBND {unit_name(by_code[p['don_vi']])}",
                    "phieu": votes(p.get("so_phieu_tan_thanh"))}
                   for p in hop.get("de_nghi_ca_nhan") or []]
    agreed = hop.get("bieu_quyet_xep_loai")
    ctx = dict(common)
    ctx.update({
        "so_ky_hieu": number_line(hop.get("so_bien_ban"), "BB-ĐKT"),
        "co_quan_ban_hanh": vi.upper(f"Đoàn kiểm tra chéo {cum_name}"),
        "dia_danh_ngay": vi.place_date(leader_place, hop["ngay"]),
        "hop": {
            "ngay": vi.date_words(hop["ngay"]),
            "gio_bat_dau": vi.time_words(hop.get("gio_bat_dau")),
            "gio_ket_thuc": vi.time_words(hop.get("gio_ket_thuc")),
            "dia_diem": hop.get("dia_diem") or f"Hội trường UBND {unit_name(leader)}",
            "khach_moi": [{"ho_ten": k["ho_ten"], "chuc_vu": blank(k.get("chuc_vu")), "don_vi": blank(k.get("don_vi"))}
                          for k in hop.get("khach_moi") or []],
            "hinh_thuc_bieu_quyet": blank(hop.get("hinh_thuc_bieu_quyet")),
            "bieu_quyet_xep_loai": votes(agreed),
            "y_kien": hop.get("y_kien") or [BLANK],
            "de_nghi_tap_the": nominee_vote,
            "de_nghi_ca_nhan": individuals,
            "ket_luan": blank(hop.get("ket_luan")),
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
        "de_nghi_tap_the": nominee_text + "." if nominee else nominee_text,
        "de_nghi_ca_nhan": individuals,
        "ho_so_kem_theo": [
            f"Biên bản họp {cum_name} (kèm theo Bảng chấm điểm - Phụ lục số 02);",
            f"Biên bản kiểm tra tại {len(units)} đơn vị;",
            "Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng.",
        ],
        "noi_nhan": ["- Như trên;", f"- UBND các đơn vị trong {cum_name};", f"- Lưu: VT, {unit_abbr}."],
        "ky": committee_signer(leader["dai_dien"]),
    })
    docs.append(DocumentSpec("cong-van-de-nghi-khen-thuong.docx", "cong-van-de-nghi-khen-thuong.docx", ctx,
                             "Công văn đề nghị khen thưởng"))
    # the meeting's Giấy mời, and each commune's Báo cáo tự đánh giá before its Phụ lục 01
    docs = with_invitation(plan, cluster, extend(docs, plan, cluster, result, common), cum['ten_day_du'])
    docs = with_supervision(cluster, docs)  # the district's supervisors in the minutes, where they attended
    return with_self_reports(plan, cluster, result, docs, can_cu_cum)
