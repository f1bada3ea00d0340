"""Contexts of the district's Giấy khen (plan IV.4.e): the Phòng Nội vụ's Tờ trình to the district UBND and
the Chairman's Quyết định khen thưởng, for the collectives and individuals the clusters' minutes proposed."""
from __future__ import annotations

from docgen import vi
from docgen.context import awards
from docgen.context.common import DocumentSpec, blank, plan_body, plan_context, plan_reference
from docgen.levels.district import DistrictResult
from docgen.model import tiers
from docgen.vi import BLANK, decimal_text, number_line

SUBMISSION_FILE = "to-trinh-de-nghi-giay-khen.docx"
DECISION_FILE = "quyet-dinh-khen-thuong-huyen.docx"
SUBMISSION_TITLE = "Tờ trình của Phòng Nội vụ đề nghị tặng Giấy khen"
DECISION_TITLE = "Quyết định khen thưởng của Chủ tịch {ubnd} (kèm Danh sách)"  # the index names the district


def emulation_law(year: int) -> str:
    """The Law on Emulation and Commendation in force in the plan's year (the 2022 law from 01/01/2024)."""
    if year >= 2024:
        return "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    return ("Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của "
            "Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;")


def chairman_signer(p: dict) -> dict:
    """The Chairman decides in person (no TM.): CHỦ TỊCH, or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."""
    lines = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if p.get("chuc_vu") == "Phó Chủ tịch" else ["CHỦ TỊCH"]
    return {"dong": lines, "ho_ten": p["ho_ten"]}


def office_signer(p: dict | None) -> dict:
    """The Phòng's head, or KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG; the name left blank when the file has none."""
    p = p or {}
    lines = ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"] if p.get("chuc_vu") == "Phó Trưởng phòng" else ["TRƯỞNG PHÒNG"]
    return {"dong": lines, "ho_ten": p.get("ho_ten") or BLANK}


def reference(kind: str, doc: dict, suffix: str, by: str) -> str:
    """'Tờ trình số 12/TTr-NV ngày 26/10/2017 của Phòng Nội vụ', blanks where not yet known."""
    number = number_line(doc.get("so"), suffix)[len("Số: "):]  # a blank number keeps its room
    return f"{kind} số {number} ngày {vi.short_date(doc['ngay']) if doc.get('ngay') else BLANK} của {by}"


def money(value) -> str:
    return f"{value} đồng" if value else f"{BLANK} đồng"


def award_documents(d: DistrictResult) -> list[DocumentSpec]:
    """The Tờ trình and the Quyết định, when a cluster proposed someone for the district's Giấy khen."""
    plan, data = d.plan.data, d.file.data
    collectives = [(c, g) for c in d.clusters for g in c.giay_khen]
    people = [(c, p) for c in d.clusters for p in c.ca_nhan]
    if not collectives and not people:
        return []
    up = tiers.upper(plan, {"huyen": data["huyen"]})
    form = awards.district_form(plan, up) or f"Giấy khen của Chủ tịch UBND {d.name}"
    short = awards.short_form(form)
    gk = data.get("giay_khen") or {}
    tt, qd = gk.get("to_trinh") or {}, gk.get("quyet_dinh") or {}
    day = data["hoi_dong"]["ngay"]  # the numbered() default: the council's day
    place, year, ubnd = data["huyen"]["ten"], plan["nam"], f"UBND {d.name}"
    n, m = len(collectives), len(people)
    who = " và ".join(x for x in (f"{n:02d} tập thể" if n else "", f"{m:02d} cá nhân" if m else "") if x)
    lists = {
        "tap_the": [{"stt": i, "ten": g.ten_ubnd, "cum": c.name, "tong_diem": decimal_text(g.tong_diem),
                     "xep_loai": g.xep_loai} for i, (c, g) in enumerate(collectives, start=1)],
        "ca_nhan": [{"stt": i, "ho_ten": p["ho_ten"], "chuc_vu": f"{blank(p.get('chuc_vu'))}, {p['ten_ubnd']}",
                     "cum": c.name} for i, (c, p) in enumerate(people, start=1)],
        "muc_tap_the": "I. TẬP THỂ",
        "muc_ca_nhan": f"{'II' if n else 'I'}. CÁ NHÂN",
        "ke_hoach": plan_context(plan), "hinh_thuc": short, "cot_nhom": "Cụm",
    }
    minutes = "; ".join(f"{c.name} ngày {vi.short_date(c.meeting_day)}" for c in d.clusters)
    abbr_tt = tt.get("ky_hieu_don_vi_soan_thao") or "NV"
    submission = {
        **lists,
        "co_quan_chu_quan": vi.upper(ubnd), "co_quan_ban_hanh": "PHÒNG NỘI VỤ",
        "so_ky_hieu": number_line(tt.get("so"), f"TTr-{abbr_tt}"),
        "dia_danh_ngay": vi.place_date(place, tt.get("ngay") or day),
        "kinh_gui": tiers.recipients([f"Ủy ban nhân dân {d.name}"]),
        "mo_dau": [
            f"Thực hiện {plan_reference(plan)} về {plan['trich_yeu']}; {_opening_ref(d)} thành lập Cụm thi đua và "
            f"Đoàn kiểm tra chéo công tác văn thư, lưu trữ năm {year};",
            f"Căn cứ kết quả kiểm tra chéo và Biên bản họp bình xét thi đua của {len(d.clusters):02d} Cụm ({minutes}), "
            f"các Cụm đã đề nghị khen thưởng {who} có thành tích trong công tác văn thư, lưu trữ năm {year}.",
        ],
        "de_nghi": f"Phòng Nội vụ kính trình Chủ tịch {ubnd} xem xét, tặng {short} cho {who} sau:",
        "ho_so_kem_theo": ["Biên bản họp bình xét thi đua của các Cụm (kèm theo Bảng chấm điểm - Phụ lục số 02);",
                           "Báo cáo thành tích của các tập thể, cá nhân được đề nghị;",
                           f"Dự thảo Quyết định khen thưởng của Chủ tịch {ubnd}."],
        "ket_thuc": f"Phòng Nội vụ kính trình Chủ tịch {ubnd} xem xét, quyết định./.",
        "noi_nhan": ["- Như trên;", f"- Lưu: VT, {abbr_tt}."],
        "ky": office_signer(gk.get("truong_phong")),
    }
    abbr = qd.get("ky_hieu_don_vi_soan_thao") or "NV"
    decision_number = reference("Quyết định", qd, "QĐ-UBND", f"Chủ tịch {ubnd}")
    reward = ("Điều 2. Tiền thưởng kèm theo Giấy khen theo quy định hiện hành"
             + (f": mỗi tập thể {money(gk.get('tien_thuong_tap_the'))}" if n else "")
             + (";" if n and m else "") + (f" mỗi cá nhân {money(gk.get('tien_thuong_ca_nhan'))}" if m else "")
             + f". Kinh phí khen thưởng trích từ Quỹ thi đua, khen thưởng của {d.name}.")
    kinds = vi.commune_kinds(g.loai for _, g in collectives) if n else ""
    decision = {
        **lists,
        "du_thao": False,  # the template also serves the province's draft
        "co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(d.name),
        "so_ky_hieu": number_line(qd.get("so"), "QĐ-UBND"),
        "dia_danh_ngay": vi.place_date(place, qd.get("ngay") or day),
        "trich_yeu": f"Về việc tặng {short} cho các tập thể, cá nhân có thành tích xuất sắc trong công tác văn thư, "
                     f"lưu trữ năm {year}",
        "tham_quyen": vi.upper(f"Chủ tịch Ủy ban nhân dân {d.name}"),
        "can_cu": ([LOCAL_LAW] if 2016 <= year <= 2024 else []) + [
            emulation_law(year),
            f"Căn cứ {plan_reference(plan)} về {plan['trich_yeu']};",
            f"Căn cứ Biên bản họp bình xét thi đua của các Cụm thi đua kiểm tra chéo công tác văn thư, lưu trữ năm "
            f"{year};",
            f"Xét đề nghị của Trưởng phòng Nội vụ tại {reference('Tờ trình', tt, f'TTr-{abbr_tt}', 'Phòng Nội vụ')}.",
        ],
        "dieu": [
            f"Điều 1. Tặng {short} cho {who} đã có thành tích xuất sắc trong công tác văn thư, lưu trữ năm {year} "
            "(có Danh sách kèm theo).",
            reward,
        ],
        "dieu_cuoi": "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng "
                     "phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, "
                     + (f"Chủ tịch UBND các {kinds}, " if n else "")
                     + "các tập thể, cá nhân có tên trong Danh sách kèm theo chịu trách nhiệm thi hành Quyết định "
                       "này./.",
        "noi_nhan": ["- Như Điều 3;", f"- {plan_body(plan)} (để báo cáo);", f"- Lưu: VT, {abbr}."],
        "ky": chairman_signer(data["nguoi_ky"]),
        "danh_sach_tieu_de": f"TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {vi.upper(short)} NĂM {year}",
        "kem_theo": f"(Kèm theo {decision_number})",
        "tong_cong": f"Tổng số: {who}.",
    }
    return [DocumentSpec(SUBMISSION_FILE, SUBMISSION_FILE, submission, SUBMISSION_TITLE),
            DocumentSpec(DECISION_FILE, DECISION_FILE, decision, DECISION_TITLE.format(ubnd=ubnd))]


LOCAL_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"


def _opening_ref(d: DistrictResult) -> str:
    """The district's decision that set up the clusters, as its file numbers it."""
    return reference("Quyết định", d.file.data.get("quyet_dinh_thanh_lap") or {}, "QĐ-UBND", f"UBND {d.name}")
