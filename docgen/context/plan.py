"""Context of the Kế hoạch document, from a validated plan file."""
from __future__ import annotations

from decimal import Decimal

from docgen import vi
from docgen.context import common, sheet
from docgen.context.common import initials
from docgen.errors import ValidationFailed
from docgen.load import reader
from docgen.model import plan_text
from docgen.vi import BLANK, number_line


def document_context(plan: reader.Loaded) -> dict:
    """The variables of templates_docx/ke-hoach.docx, from a validated plan."""
    data = plan.data
    if not data.get("van_ban"):
        raise ValidationFailed(f"{plan.path}: tệp Kế hoạch chưa có lời văn để lập văn bản.", [plan.issue(
            (), "thiếu mục `van_ban` (lời mở đầu, các mục I, II…, lời kết). Xem mẫu trong inputs/ke-hoach-2017.yaml.")])
    issuer = data["co_quan_ban_hanh"]
    abbr = issuer.get("ky_hieu") or initials(issuer["ten"])
    subject = data["trich_yeu"]  # plain text (other documents quote it as it is); --next moves its year
    try:
        paragraphs = plan_text.paragraphs(data)
    except plan_text.TextError as e:  # validation catches these first; kept for callers that skip it
        raise ValidationFailed(f"{plan.path}: lời văn của Kế hoạch có lỗi.", [plan.issue(("van_ban",), str(e))]) from e
    signer = data.get("nguoi_ky") or {}
    lines = [vi.upper(x) for x in (signer.get("quyen_han"), signer.get("chuc_vu")) if x] or [BLANK]
    recipients = [r.strip().rstrip(";.") for r in data.get("noi_nhan") or []] or ["Lưu: VT"]
    return {
        "co_quan_chu_quan": vi.upper(issuer.get("co_quan_chu_quan") or ""),
        "co_quan_ban_hanh": vi.upper(issuer["ten"]),
        "so_ky_hieu": number_line(data.get("so_ky_hieu"), f"KH-{abbr}"),
        "dia_danh_ngay": vi.place_date(issuer.get("dia_danh"), data.get("ngay_ban_hanh")),
        "trich_yeu": subject[:1].upper() + subject[1:],
        "doan": [{"kieu": p.kieu, "chu": p.chu} for p in paragraphs],
        "noi_nhan": [f"- {r}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)],
        "ky": {"dong": lines, "ho_ten": common.blank(signer.get("ho_ten"))},
        # the two phụ lục the text points to ("Phụ lục số 01, số 02 kèm theo Kế hoạch này"), after the signature
        "nam": data["nam"],
        "kem_theo": f"(Kèm theo {common.plan_reference(data)})",
        "phu_luc_01": sheet.sheet_rows(data),
        "tong_toi_da": vi.decimal_text(sum((Decimal(c["diem_toi_da"]) for c in data["noi_dung"]), Decimal(0))),
        "so_ngay_truoc": f"{int(data['thoi_gian']['so_ngay_gui_tu_cham_truoc_kiem_tra']):02d}",
        "pl02_nd": [{"ten": f"Nội dung {c['so']}", "diem": f"({vi.decimal_text(c['diem_toi_da'])} điểm)"}
                    for c in data["noi_dung"]],
        "pl02_dong": list(range(1, int(data["cum"]["so_don_vi_toi_da"]) + 1)),
    }
