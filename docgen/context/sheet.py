"""Context of Phụ lục 01, the scoring sheet: per commune, or blank for a commune to fill by hand."""
from __future__ import annotations

from decimal import Decimal

from docgen import vi
from docgen.context.common import (
    LETTERS,
    SIGN_BLANK,
    DocumentSpec,
    committee_signer,
    plan_reference,
    unit_name,
)
from docgen.model import tiers
from docgen.score import classify
from docgen.score import rules as score_rules
from docgen.vi import BLANK, decimal_text


def sheet_rows(plan: dict, r=None) -> list[dict]:
    """The plan's contents (and criteria, when the plan lists them) with their max points;
    the content rows carry the commune's self-score when `r` (its CommuneResult) is given: the sheet is
    sent before the visit, so it never shows the team's or the agreed score."""
    rows = []
    for i, content in enumerate(plan["noi_dung"]):
        scores = {"tu_cham": decimal_text(r.tu_cham[i]) if r else ""}
        criteria = []
        for j, c in enumerate(content.get("tieu_chi") or []):
            top = c.get("diem_toi_da")
            criteria.append({"so": f"{LETTERS[j]})" if j < len(LETTERS) else f"{content['so']}.{j + 1}", "ten": c["ten"],
                             "toi_da": decimal_text(top) if top is not None else ""})
        rows.append({"so": content["so"], "ten": content["ten"], "toi_da": decimal_text(content["diem_toi_da"]),
                     **scores, "tieu_chi": criteria})
    return rows


def sheet_context(plan: dict, unit: dict | None = None, r=None, up: tiers.Upper | None = None) -> dict:
    """Phụ lục 01 of one commune (filled from the cluster file) or blank for a commune to fill."""
    total = sum((Decimal(c["diem_toi_da"]) for c in plan["noi_dung"]), Decimal(0))
    ctx = {
        "nam": plan["nam"],
        "kem_theo": f"(Kèm theo {plan_reference(plan)})",
        "bang": sheet_rows(plan, r),
        "tong_toi_da": decimal_text(total),
        "dia_danh_ngay": f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {plan['nam']}",
    }
    if unit is None:
        ctx.update({"don_vi": BLANK, "tong_tu_cham": "",
                    "ket_qua": f"Tổng điểm tự chấm: {BLANK} điểm. Đơn vị tự xếp loại: {BLANK}.", "ky": SIGN_BLANK})
        return ctx
    rules = score_rules.rules_from_plan(plan)
    own = classify.classify(rules, r.tu_cham)
    where = f", {up.dia_ban}" if up is not None else ""
    ctx.update({
        "don_vi": f"UBND {unit_name(unit)}{where}",
        "tong_tu_cham": decimal_text(r.tong_tu_cham),
        "ket_qua": f"Tổng điểm tự chấm: {vi.score_with_words(r.tong_tu_cham)}. Đơn vị tự xếp loại: {own.xep_loai}.",
        "ky": committee_signer(unit["dai_dien"]),
    })
    if unit.get("ngay_gui_tu_cham"):
        ctx["dia_danh_ngay"] = vi.place_date(unit["ten"], unit["ngay_gui_tu_cham"])
    return ctx


def blank_sheet(plan: dict) -> DocumentSpec:
    """Phụ lục 01 with no commune and no scores: the form a commune fills by hand."""
    return DocumentSpec(f"phu-luc-01-trong-{plan['nam']}.docx", "phu-luc-01.docx", sheet_context(plan),
                        "Phụ lục số 01: Bảng tự chấm điểm (để trống)")
