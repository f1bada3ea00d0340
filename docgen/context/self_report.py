"""Context of each commune's Báo cáo tự đánh giá (plan III.3.b, IV.6.a): its report on the plan's contents,
its self-scores and self-class, sent to the Cụm trưởng and the other communes before its visit."""
from __future__ import annotations

import datetime as _dt

from docgen import vi
from docgen.context.common import DocumentSpec, blank, committee_signer, leader_header, plan_reference, unit_name
from docgen.model import schedule, tiers
from docgen.score.classify import classify_values
from docgen.score.cluster import ClusterResult
from docgen.score.rules import rules_from_plan
from docgen.vi import BLANK, decimal_text, number_line

TEMPLATE = "bao-cao-tu-danh-gia.docx"


def file_name(unit: dict) -> str:
    return f"bao-cao-tu-danh-gia-{vi.slug(unit['ten'])}.docx"


def working_day_on_or_before(day: _dt.date) -> _dt.date:
    """Saturday and Sunday go back to the Friday before (public holidays are not known to docgen)."""
    while day.weekday() >= 5:
        day -= _dt.timedelta(days=1)
    return day


def report_date(plan: dict, cluster: dict, unit: dict) -> _dt.date:
    """Its own date; else the day it was sent (ngay_gui_tu_cham); else the plan's due day, on a working day."""
    own = (unit.get("tu_danh_gia") or {}).get("ngay") or unit.get("ngay_gui_tu_cham")
    if own:
        return vi.parse_date(own)
    due = next(v.han_tu_cham for v in schedule.visits(plan, cluster) if v.ma == unit["ma"])
    return working_day_on_or_before(due)


def _lines(values, empty: str = BLANK) -> list[str]:
    return [f"- {v}" for v in values or []] or [empty]


def self_report(plan: dict, cluster: dict, result: ClusterResult, unit: dict, can_cu_cum: str) -> DocumentSpec:
    """One commune's report; what its file does not say stays a dotted line to fill by hand."""
    own = unit.get("tu_danh_gia") or {}
    notes = {n["noi_dung"]: n for n in own.get("noi_dung") or []}
    r = result.by_code(unit["ma"])
    classed = classify_values(rules_from_plan(plan), r.tu_cham)
    units = cluster["don_vi"]
    leader = next(u for u in units if u["ma"] == cluster["cum"]["cum_truong"])
    is_leader = unit is leader
    to = ([] if is_leader else [f"UBND {unit_name(leader)} (đơn vị Cụm trưởng)"]) \
        + [f"UBND {unit_name(u)}" for u in units if u is not unit and u is not leader]
    contents = [{"so": c["so"], "ten": c["ten"],
                 "uu_diem": blank(notes.get(c["so"], {}).get("uu_diem")),
                 "han_che": blank(notes.get(c["so"], {}).get("han_che"))} for c in plan["noi_dung"]]
    ubnd = f"UBND {unit_name(unit)}"
    t = plan["thoi_gian"]
    ctx = {
        **leader_header(unit),
        "so_ky_hieu": number_line(own.get("so"), "BC-UBND"),
        "dia_danh_ngay": vi.place_date(unit["ten"], report_date(plan, cluster, unit)),
        "ke_hoach": {"nam": plan["nam"]},
        "kinh_gui": tiers.recipients(to),
        "mo_dau": f"Thực hiện {plan_reference(plan)} về {plan['trich_yeu']}; {can_cu_cum}, {ubnd} báo cáo tự đánh "
                  f"giá công tác văn thư, lưu trữ {blank(t.get('ky_nghiep_vu'))} như sau:",
        "noi_dung": contents,
        "nguyen_nhan": _lines(own.get("nguyen_nhan")),
        "giai_phap": _lines(own.get("giai_phap")),
        "de_xuat": _lines(own.get("de_xuat")),
        "bang_diem": [{"so": c["so"], "ten": c["ten"], "toi_da": decimal_text(c["diem_toi_da"]),
                       "tu_cham": decimal_text(v)} for c, v in zip(plan["noi_dung"], r.tu_cham)],
        "tong_toi_da": decimal_text(sum((c["diem_toi_da"] for c in plan["noi_dung"]), 0)),
        "tong_tu_cham": decimal_text(r.tong_tu_cham),
        "ket_qua": f"Tổng điểm tự chấm: {vi.score_with_words(r.tong_tu_cham)}; tự xếp loại: {classed.xep_loai} "
                   "(chi tiết tại Phụ lục số 01 kèm theo).",
        "noi_nhan": ["- Như trên;", "- Lưu: VT, VP."],
        "ky": committee_signer(unit["dai_dien"]),
    }
    return DocumentSpec(file_name(unit), TEMPLATE, ctx, f"Báo cáo tự đánh giá của {ubnd}")


def with_self_reports(plan: dict, cluster: dict, result: ClusterResult, specs: list[DocumentSpec],
                      can_cu_cum: str) -> list[DocumentSpec]:
    """The dossier's documents with each commune's report just before its Phụ lục 01 (the self-score sheet
    it sends with it); at the end when that sheet is not found."""
    out = list(specs)
    for unit in cluster["don_vi"]:
        spec = self_report(plan, cluster, result, unit, can_cu_cum)
        sheet = f"phu-luc-01-{vi.slug(unit['ten'])}.docx"
        at = next((i for i, s in enumerate(out) if s.file_name == sheet), len(out))
        out.insert(at, spec)
    return out
