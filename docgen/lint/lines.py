"""The solid lines under the Tiêu ngữ, the agency name and the trích yếu: finding them and sizing them."""
from __future__ import annotations

from ..ooxml import DocxModel, Para
from .constants import RULE_TEXT, SHORT_LINE_SLACK_MM
from .findings import Findings
from .text import place


def line_candidates(model: DocxModel, anchor: Para, pool: list[Para]):
    """Lines that could be the one under `anchor`: its bottom border, the border of the (empty)
    paragraph after it, shapes drawn in `pool`. Each: (length mm, description)."""
    out = []
    if anchor.border_bottom:
        out.append((anchor.line_width_mm(), anchor.border_bottom))
    nxt = model.following(anchor, 1)
    if nxt and not nxt[0].stripped:
        for b in (nxt[0].border_top, nxt[0].border_bottom):
            if b:
                out.append((nxt[0].line_width_mm(), b))
    for p in pool:
        for s in p.shapes:
            out.append((s.length_mm, "shape"))
    return out


def typed_rule(model: DocxModel, anchor: Para) -> Para | None:
    """The paragraph right after `anchor` when it is a line typed with characters ('____')."""
    nxt = model.following(anchor, 1)
    if nxt and nxt[0].stripped and RULE_TEXT.match(nxt[0].stripped):
        return nxt[0]
    return None


def pool(model: DocxModel, anchor: Para, extra: int = 2) -> list[Para]:
    """Where a shape drawn for `anchor` may be anchored: its cell or text box, or the paragraphs around it."""
    if anchor.table_no is not None or anchor.in_textbox:
        return model.same_container(anchor)
    i = model.index(anchor)
    return model.paras[max(0, i - 2): i + 1 + extra]


def check_short_line(out: Findings, model: DocxModel, last: Para, text: list[Para], rule: str, label: str,
                     missing: str) -> None:
    """The line under `last`, 1/3 to 1/2 as long as the lines of `text` (F-CQ-3, F-TL-3)."""
    typed = typed_rule(model, last)
    if typed is not None:
        out.add(rule, place(typed, label), "đường kẻ gõ bằng ký tự", "kẻ đường nét liền, không gõ '____'")
        return
    widths = [w for p in text for w in p.wrapped()]
    if not widths:
        return
    lo, hi = min(widths) / 3 - SHORT_LINE_SLACK_MM, max(widths) / 2 + SHORT_LINE_SLACK_MM
    cands = line_candidates(model, last, pool(model, last))
    if not cands:
        out.add(rule, place(last, label), missing, "đường nét liền dài 1/3–1/2 dòng chữ, đặt giữa")
        return
    length, _ = min(cands, key=lambda c: 0 if lo <= c[0] <= hi else min(abs(c[0] - lo), abs(c[0] - hi)))
    if not lo <= length <= hi:
        out.add(rule, place(last, label), f"đường kẻ dài {length:.0f} mm",
                f"dài 1/3–1/2 dòng chữ (khoảng {max(lo, 0):.0f}–{hi:.0f} mm)")
