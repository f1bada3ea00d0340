"""Context of the Sở Nội vụ's draft Quyết định of the Chairman of the province tặng Bằng khen: the nominees
its Tờ trình submits, with the list attached (the Chairman's office numbers and signs it)."""
from __future__ import annotations

from docgen import vi
from docgen.context import city as context_city
from docgen.context.common import DocumentSpec, initials, plan_context, plan_reference, year_date_line
from docgen.context.district_awards import LOCAL_LAW, emulation_law, money, reference
from docgen.levels.city import CityResult
from docgen.model import tiers
from docgen.vi import BLANK, decimal_text, number_line

DRAFT_FILE = "du-thao-quyet-dinh-bang-khen.docx"
DRAFT_TITLE = "Dự thảo Quyết định tặng Bằng khen của Chủ tịch UBND cấp tỉnh (kèm Danh sách)"


def draft_decision(c: CityResult) -> list[DocumentSpec]:
    """The draft beside the Tờ trình; none when nobody is nominated (no Tờ trình either)."""
    plan = c.plan.data
    groups = [g for g in c.groups if g.nominee]
    if not groups:
        return []
    issuer = plan["co_quan_ban_hanh"]
    abbr = initials(issuer["ten"])
    own = plan.get("bao_cao_tong_hop") or {}
    ubnd, year, n = tiers.province_ubnd(plan), plan["nam"], len(groups)
    form = ((plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen").split(" của ")[0]
    submission = reference("Tờ trình", {"so": own.get("so_to_trinh"), "ngay": own.get("ngay")}, f"TTr-{abbr}",
                           issuer["ten"])
    heads = ("Chủ tịch UBND các xã, phường" if c.two_tier
             else f"Chủ tịch UBND các {context_city.district_kinds([g.ten for g in c.groups])}")
    ctx = {
        "du_thao": True,
        "co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(tiers.province_name(plan)),
        "so_ky_hieu": number_line(None, "QĐ-UBND"),
        "dia_danh_ngay": year_date_line(tiers.province_place(plan), None, year),
        "trich_yeu": f"Về việc tặng {form} cho các tập thể có thành tích xuất sắc trong công tác văn thư, lưu trữ "
                     f"năm {year}",
        "tham_quyen": vi.upper(f"Chủ tịch {ubnd.replace('UBND', 'Ủy ban nhân dân', 1)}"),
        "can_cu": ([LOCAL_LAW] if 2016 <= year <= 2024 else []) + [
            emulation_law(year),
            f"Căn cứ {plan_reference(plan)} về {plan['trich_yeu']};",
            f"Xét đề nghị của Giám đốc {issuer['ten']} tại {submission}.",
        ],
        "dieu": [
            f"Điều 1. Tặng {form} của Chủ tịch {ubnd} cho {n:02d} tập thể đã có thành tích xuất sắc trong công tác "
            f"văn thư, lưu trữ năm {year} (có Danh sách kèm theo).",
            f"Điều 2. Mỗi tập thể được tặng {form} kèm theo tiền thưởng {money(None)} theo quy định hiện hành.",
        ],
        "dieu_cuoi": f"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng {ubnd}, Giám đốc "
                     f"{issuer['ten']}, Giám đốc Sở Tài chính, {heads} có liên quan và các tập thể có tên trong Danh "
                     "sách kèm theo chịu trách nhiệm thi hành Quyết định này./.",
        "noi_nhan": ["- Như Điều 3;", f"- Lưu: VT, {abbr}."],
        "ky": {"dong": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "ho_ten": BLANK},  # the Chairman's office decides who
        "ke_hoach": plan_context(plan), "hinh_thuc": form,
        "cot_nhom": "Cụm" if c.two_tier else _first_up(context_city.district_kinds([g.ten for g in c.groups])),
        "muc_tap_the": "I. TẬP THỂ", "muc_ca_nhan": "",
        "tap_the": [{"stt": i, "ten": g.nominee.ten_ubnd, "cum": g.ten[0].upper() + g.ten[1:],
                     "tong_diem": decimal_text(g.nominee.tong_diem), "xep_loai": g.nominee.xep_loai}
                    for i, g in enumerate(groups, start=1)],
        "ca_nhan": [],
        "danh_sach_tieu_de": f"TẬP THỂ ĐƯỢC TẶNG {vi.upper(form)} NĂM {year}",
        "kem_theo": f"(Kèm theo Quyết định số {number_line(None, 'QĐ-UBND')[len('Số: '):]} ngày {BLANK} của "
                    f"Chủ tịch {ubnd})",
        "tong_cong": f"Tổng số: {n:02d} tập thể.",
    }
    return [DocumentSpec(DRAFT_FILE, DRAFT_FILE, ctx, DRAFT_TITLE)]


def _first_up(text: str) -> str:
    """'huyện' → 'Huyện' (a column heading), the rest as it is."""
    return text[:1].upper() + text[1:]
