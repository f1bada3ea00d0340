"""Short rule lines sized to the text above them, once that text is known (part of the render stage).

NĐ 30/2020 (nd30-format F-CQ-3, F-TL-3): the solid line under the issuing body's name and the one under
the trích yếu are 1/3 to 1/2 as long as that line of text, centred on it. Both texts come from the data:
"SỞ NỘI VỤ" is 24 mm wide, "ĐOÀN KIỂM TRA CHÉO CỤM SỐ 1" 53 mm, a Kế hoạch's trích yếu anything up to
the full text width. No single length written in a template fits them all, so after rendering each such
line is set to LINE_FRACTION of the longest line of the bold, centred text right above it. The line under
the Tiêu ngữ (as long as the Tiêu ngữ, F-QH-3) and lines under other text (e.g. a Phụ lục's italic
"(Kèm theo …)") keep the length the template gives them.
"""
from __future__ import annotations

import itertools
from pathlib import Path

from docx.oxml.ns import nsmap, qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from docgen.ooxml import TWIPS_PER_MM, DocxModel, Para
from docgen.render import header_names

LINE_FRACTION = 0.4  # inside 1/3–1/2, with room on both sides for rounding and wrapping estimates


TIEU_NGU_START = "Độc lập"


MEMO_MAX = 64  # heads remembered per template


_SECTIONS = etree.XPath("w:p/w:pPr/w:sectPr | w:sectPr", namespaces={"w": nsmap["w"]})  # every section's geometry


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _is_rule(p: Para) -> bool:
    """An empty paragraph drawn as a line by its bottom border (how tools/nd30.rule_line makes them)."""
    return p.part == "body" and not p.stripped and bool(p.border_bottom) and not p.border_top and not p.shapes


def text_above(model: DocxModel, i: int) -> list[Para]:
    """The bold, centred lines right above paragraph `i` in the same container: the issuing body's name
    (one or two lines), or the tên loại and its trích yếu, of which only the trích yếu counts."""
    p = model.paras[i]
    out: list[Para] = []
    for q in reversed(model.paras[:i]):
        if q.container is not p.container or not q.stripped or q.align != "center" or not q.all_bold():
            break
        out.insert(0, q)
    if len(out) > 1 and _upper(out[0].stripped) and not all(_upper(q.stripped) for q in out[1:]):
        out = out[1:]  # "BÁO CÁO" over "Kết quả kiểm tra chéo …": the line goes by the trích yếu
    return out


def fit(doc, name: str = "văn bản", memo: dict | None = None) -> int:
    """Resize the short lines of a python-docx Document in place; returns how many were resized.

    Only the head of the body is modelled: the lines sit in the header block and under the title, and
    each depends on the text above it and on the section. The blocks after the last bordered paragraph
    are not read (reading them was most of a render's time).

    `memo`: a dict kept with a compiled template (the same styles for every document it renders). A head
    whose XML and sections are the same as an earlier document's gets that document's line lengths
    without being modelled and measured again (the documents of one cluster share their header block)."""
    header_names.fit(doc)  # first: the line under the issuing body is sized to its lines as broken
    body = doc.element.body
    last = None
    for last in body.iter(qn("w:pBdr")):  # (lxml's iter walks the tree in C: cheap on a long body)
        pass
    if last is None:
        return 0
    while last.getparent() is not body:  # up to the block of the body that holds the last border
        last = last.getparent()
    until = last.getnext()
    if memo is None:
        return len(_fit(doc, name, until))
    head = list(itertools.takewhile(lambda block: block is not until, body.iterchildren()))
    key = (tuple(etree.tostring(b) for b in head), tuple(etree.tostring(s) for s in _SECTIONS(body)))
    paras = [p for block in head for p in block.iter(qn("w:p"))]
    sides = memo.get(key)
    if sides is None:
        where = {el: i for i, el in enumerate(paras)}
        sides = [(where[el], side) for el, side in _fit(doc, name, until)]
        if len(memo) >= MEMO_MAX:
            memo.clear()
        memo[key] = sides
    else:
        for i, side in sides:
            _set_sides(paras[i], side)
    return len(sides)


def _set_sides(el, side: Twips) -> None:
    fmt = Paragraph(el, None).paragraph_format
    fmt.left_indent = fmt.right_indent = side


def _fit(doc, name: str, until=None) -> list[tuple[object, Twips]]:
    """Each short line resized (its paragraph element and the indent set on both sides)."""
    model = DocxModel(Path(name), doc=doc, headers=False, reuse=True, until=until)
    fitted = []
    for i, p in enumerate(model.paras):
        if not _is_rule(p):
            continue
        above = text_above(model, i)
        if not above or any(q.stripped.startswith(TIEU_NGU_START) for q in above):
            continue
        widths = [w for q in above for w in q.wrapped()]
        if not widths:
            continue
        length = max(widths) * LINE_FRACTION
        side = Twips(round(max((p.width_mm - length) / 2, 0) * TWIPS_PER_MM))
        _set_sides(p.el, side)
        fitted.append((p.el, side))
    return fitted
