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
import re
from pathlib import Path

from docx.oxml.ns import nsmap, qn
from docx.shared import Emu, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from docgen.ooxml import TWIPS_PER_MM, DocxModel, Para, clone, reread
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


def text_above(paras: list[Para], i: int) -> list[Para]:
    """The bold, centred lines right above paragraph `i` (of a model's paragraphs, in order) in the same
    container: the issuing body's name (one or two lines), or the tên loại and its trích yếu, of which only
    the trích yếu counts."""
    p = paras[i]
    out: list[Para] = []
    for q in reversed(paras[:i]):
        if q.container is not p.container or not q.stripped or q.align != "center" or not q.all_bold():
            break
        out.insert(0, q)
    if len(out) > 1 and _upper(out[0].stripped) and not all(_upper(q.stripped) for q in out[1:]):
        out = out[1:]  # "BÁO CÁO" over "Kết quả kiểm tra chéo …": the line goes by the trích yếu
    return out


# A w:t's text, and the tags around it kept: the head's shape. WordprocessingML's own prefix only (see _shape).
_TEXT = re.compile(rb"(<w:t(?: [^>]*)?>)[^<]*(</w:t>)")
_W_DECL = b'xmlns:w="' + nsmap["w"].encode() + b'"'


def _shape(xml: tuple[bytes, ...]) -> tuple[bytes, ...] | None:
    """The head's XML with the text of every w:t emptied; None when "w" may name another namespace
    somewhere in it (then only a head with the very same XML is remembered)."""
    if any(x.count(b"xmlns:w=") != x.count(_W_DECL) for x in xml):
        return None
    return tuple(_TEXT.sub(rb"\1\2", x) for x in xml)


def fit(doc, name: str = "văn bản", memo: dict | None = None) -> int:
    """Resize the short lines of a python-docx Document in place; returns how many were resized.

    Only the head of the body is modelled: the lines sit in the header block and under the title, and
    each depends on the text above it and on the section. The blocks after the last bordered paragraph
    are not read (reading them was most of a render's time).

    `memo`: a dict kept with a compiled template (the same styles for every document it renders). A head
    whose XML and sections are the same as an earlier document's gets that document's line lengths
    without being modelled and measured again (the documents of one cluster share their header block).
    A head of the same shape (the same XML but for the text in its w:t elements: another commune's name,
    another date) is not modelled again either: the paragraphs the model read from the first head of
    that shape are taken with this head's texts (ooxml.reread), and only the widths are measured."""
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
        return len(_resize(_model(doc, name, until)))
    head = list(itertools.takewhile(lambda block: block is not until, body.iterchildren()))
    xml = tuple(etree.tostring(b) for b in head)
    sections = tuple(etree.tostring(s) for s in _SECTIONS(body))
    paras = [p for block in head for p in block.iter(qn("w:p"))]
    sides = memo.get((xml, sections))
    if sides is None:
        where = {el: i for i, el in enumerate(paras)}
        shape = _shape(xml)
        plan = memo.get(("shape", shape, sections)) if shape is not None else None
        read = _reread(plan, paras) if plan is not None else None
        if read is None:
            read = _model(doc, name, until)
            if shape is not None:
                _remember(memo, ("shape", shape, sections), _plan(read, where))
        sides = [(where[el], side) for el, side in _resize(read)]
        _remember(memo, (xml, sections), sides)
    else:
        for i, side in sides:
            _set_sides(paras[i], side)
    return len(sides)


def _remember(memo: dict, key, value) -> None:
    if len(memo) >= MEMO_MAX:
        memo.clear()
    memo[key] = value


def _model(doc, name: str, until) -> list[Para]:
    return DocxModel(Path(name), doc=doc, headers=False, reuse=True, until=until).paras


def _plan(read: list[Para], where: dict) -> tuple:
    """What the model read from a head, kept for the heads of the same shape: each paragraph's place among
    the head's w:p elements, the number of its container, and the paragraph without its XML elements."""
    boxes: dict[int, int] = {}
    return tuple((where[p.el], boxes.setdefault(id(p.container), len(boxes)),
                  clone(p, el=None, container=None, runs=[clone(r, el=None) for r in p.runs])) for p in read)


def _reread(plan: tuple, paras: list) -> list[Para] | None:
    """The paragraphs of a head of a planned shape, as the model would read them (None: model it)."""
    boxes: dict[int, object] = {}
    out = []
    for i, box, p in plan:
        q = reread(p, paras[i], boxes.setdefault(box, object()))  # a container is only ever compared by identity
        if q is None:
            return None
        out.append(q)
    return out


def _set_sides(el, side: Twips) -> None:
    """left_indent then right_indent through python-docx; where the w:ind is there already (a rule line as
    tools/nd30.rule_line draws it), its two attributes set as python-docx's setters set them."""
    ppr = el.find(qn("w:pPr"))
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    if ind is None:
        fmt = Paragraph(el, None).paragraph_format
        fmt.left_indent = fmt.right_indent = side
        return
    value = str(Emu(side).twips)  # ST_SignedTwipsMeasure.convert_to_xml
    ind.set(qn("w:left"), value)
    ind.set(qn("w:right"), value)


def _resize(paras: list[Para]) -> list[tuple[object, Twips]]:
    """Each short line resized (its paragraph element and the indent set on both sides)."""
    fitted = []
    for i, p in enumerate(paras):
        if not _is_rule(p):
            continue
        above = text_above(paras, i)
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
