"""Effective formatting of paragraphs and runs: direct formatting, styles, table styles, document defaults."""
from __future__ import annotations

import re

from .para import Para, Run, clone
from .shapes import shapes
from .styles import Styles
from .units import nfc, twips
from .wml import attr, first, first_with, on, qn, runs, under_fallback


def read_para(styles: Styles, p_el, part, container, width_mm, section, *, top_index=None, table_no=None,
              row=None, col=None, table=None) -> Para:
    """A paragraph with its effective formatting: direct, its style chain, its table's style, the defaults."""
    ppr = p_el.find(qn("w:pPr"))
    ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = ps.get(qn("w:val")) if ps is not None else styles.default.get("paragraph")
    table_style = None
    if table is not None:
        tblpr = table.find(qn("w:tblPr"))
        st = tblpr.find(qn("w:tblStyle")) if tblpr is not None else None
        table_style = st.get(qn("w:val")) if st is not None else styles.default.get("table")
    style_chain = styles.chain(style_id)
    table_chain = styles.chain(table_style) if table_style else []
    p_levels = [x for x in ([ppr] + [s.find(qn("w:pPr")) for s in style_chain]
                            + [s.find(qn("w:pPr")) for s in table_chain] + [styles.ppr_default])
                if x is not None]
    r_base = [x for x in ([s.find(qn("w:rPr")) for s in style_chain]
                          + [s.find(qn("w:rPr")) for s in table_chain] + [styles.rpr_default])
              if x is not None]
    para_runs, fields = [], 0
    for r_el in runs(p_el):
        para_runs.append(read_run(styles, r_el, r_base))
    for el in p_el.iter(qn("w:instrText"), qn("w:fldSimple")):  # only the tags looked at below
        if under_fallback(el):
            continue
        if el.tag == qn("w:instrText") and re.search(r"\bPAGE\b", el.text or ""):
            fields += 1
        elif el.tag == qn("w:fldSimple") and re.search(r"\bPAGE\b", el.get(qn("w:instr")) or ""):
            fields += 1
    text = nfc("".join(r.text for r in para_runs))
    p = Para(el=p_el, runs=para_runs, text=text, part=part, container=container, width_mm=width_mm,
             section=section, top_index=top_index, table_no=table_no, row=row, col=col,
             style_id=style_id, shapes=shapes(p_el), page_fields=fields)
    jc = first(p_levels, "w:jc")
    p.align = jc.get(qn("w:val")) if jc is not None else None
    p.ind_left = attr(p_levels, "w:ind", ("w:left", "w:start"))
    p.ind_right = attr(p_levels, "w:ind", ("w:right", "w:end"))
    ind = first_with(p_levels, "w:ind", ("w:firstLine", "w:hanging"))
    if ind is not None:
        if ind.get(qn("w:hanging")) is not None:
            p.ind_first = -twips(ind.get(qn("w:hanging")))
        else:
            p.ind_first = twips(ind.get(qn("w:firstLine")))
    p.before = attr(p_levels, "w:spacing", ("w:before",))
    p.after = attr(p_levels, "w:spacing", ("w:after",))
    auto = first_with(p_levels, "w:spacing", ("w:beforeAutospacing",))
    p.before_auto = auto is not None and auto.get(qn("w:beforeAutospacing")) in ("1", "true", "on")
    line_el = first_with(p_levels, "w:spacing", ("w:line",))
    if line_el is not None:
        p.line = twips(line_el.get(qn("w:line")))
        p.line_rule = line_el.get(qn("w:lineRule")) or "auto"
    p.contextual = on(first(p_levels, "w:contextualSpacing"))
    bdr = first(p_levels, "w:pBdr")
    if bdr is not None:
        for side in ("bottom", "top"):
            el = bdr.find(qn(f"w:{side}"))
            if el is not None and el.get(qn("w:val")) not in (None, "nil", "none"):
                setattr(p, f"border_{side}", el.get(qn("w:val")))
    return p


def read_run(styles: Styles, r_el, r_base) -> Run:
    """A run's displayed text and effective formatting; `r_base`: its paragraph's rPr levels."""
    rpr = r_el.find(qn("w:rPr"))
    rs = rpr.find(qn("w:rStyle")) if rpr is not None else None
    char_chain = styles.chain(rs.get(qn("w:val")) if rs is not None else None)
    levels = [x for x in ([rpr] + [s.find(qn("w:rPr")) for s in char_chain] + r_base) if x is not None]
    hidden, caps = on(first(levels, "w:vanish")), on(first(levels, "w:caps"))
    text = shown_text(r_el, hidden, caps)
    sz = first(levels, "w:sz")
    size = twips(sz.get(qn("w:val")), 20) / 2 if sz is not None else 10.0
    fonts = []
    if any(ord(c) < 128 and not c.isspace() for c in text):
        fonts.append(styles.font(levels, "ascii"))
    if any(ord(c) >= 128 for c in text):
        fonts.append(styles.font(levels, "hAnsi"))
    color_el = first(levels, "w:color")
    color = color_el.get(qn("w:val")) if color_el is not None else None
    if color and color.lower() in ("auto", "000000"):
        color = None
    u = first(levels, "w:u")
    underline = u is not None and (u.get(qn("w:val")) or "single") != "none"
    return Run(text, on(first(levels, "w:b")), on(first(levels, "w:i")), size,
               tuple(dict.fromkeys(fonts)), color, underline, r_el, hidden, caps)


def shown_text(r_el, hidden: bool, caps: bool) -> str:
    """A run's displayed text (NFC): tabs, breaks and no-break hyphens as characters; nothing when hidden
    (w:vanish), upper case with w:caps."""
    if hidden:
        return ""
    parts = []
    for child in r_el.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag == qn("w:tab") or tag == qn("w:ptab"):
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
    text = nfc("".join(parts))
    return nfc(text.upper()) if caps else text


# read_run's tests, as classes: ASCII but not str.isspace() (\t-\r, \x1c-\x1f, space), and beyond ASCII
_ASCII_SHOWN = re.compile(r"[\x00-\x08\x0e-\x1b\x21-\x7f]")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def _scripts(text: str) -> tuple[bool, bool]:
    """Which of a run's font slots its text uses (read_run looks up 'ascii', 'hAnsi' or both)."""
    return _ASCII_SHOWN.search(text) is not None, _BEYOND_ASCII.search(text) is not None


def reread(p: Para, p_el, container) -> Para | None:
    """`p`, read from another paragraph of the same shape (the same XML but for the text of its w:t
    elements, in the same package), as read_para would read `p_el`: everything but the texts depends only
    on that shape, so only the texts are read again. None when a run's new text uses other font slots than
    its old one (its fonts would have to be looked up in the styles again): read_para it then."""
    run_els = list(runs(p_el))
    if len(run_els) != len(p.runs):
        return None
    new_runs = []
    for r, r_el in zip(p.runs, run_els):
        text = shown_text(r_el, r.hidden, r.caps)
        if _scripts(text) != _scripts(r.text):
            return None
        new_runs.append(clone(r, el=r_el, text=text))
    return clone(p, el=p_el, container=container, runs=new_runs, text=nfc("".join(r.text for r in new_runs)))
