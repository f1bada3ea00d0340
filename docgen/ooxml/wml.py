"""WordprocessingML plumbing: namespaces, element names, toggles, property look-up through style levels."""
from __future__ import annotations

import functools

from docx.oxml.ns import qn as _qn

from .units import twips

# python-docx's qn() splits and formats its argument on every call; the reader asks for the same
# few dozen names thousands of times per document (a third of a render's rule-line fitting).
qn = functools.lru_cache(maxsize=None)(_qn)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"


def on(el) -> bool:
    """A toggle property (w:b, w:i, w:caps…): present and not switched off."""
    if el is None:
        return False
    v = el.get(qn("w:val"))
    return v is None or v.lower() not in ("0", "false", "off", "none")


def under_fallback(el) -> bool:
    """Inside an mc:Fallback: the old-format copy of something already read in its mc:Choice."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def runs(p_el):
    """The runs of a paragraph in order, through hyperlinks, insertions, smart tags, simple fields and
    content controls; deleted text and text boxes excluded."""
    for child in p_el.iterchildren():
        tag = child.tag
        if tag == qn("w:r"):
            yield child
        elif tag in (qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:fldSimple"), qn("w:customXml"),
                     qn("w:moveTo")):
            yield from runs(child)
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from runs(content)


def first(levels, tag):
    """The first `tag` element, level by level (direct formatting, then styles, then defaults)."""
    for lv in levels:
        el = lv.find(qn(tag))
        if el is not None:
            return el
    return None


def first_with(levels, tag, attrs):
    """The first `tag` element, level by level, that carries any of `attrs`."""
    for lv in levels:
        el = lv.find(qn(tag))
        if el is not None and any(el.get(qn(a)) is not None for a in attrs):
            return el
    return None


def attr(levels, tag, attrs, default=0) -> int:
    el = first_with(levels, tag, attrs)
    if el is None:
        return default
    for a in attrs:
        if el.get(qn(a)) is not None:
            return twips(el.get(qn(a)), default)
    return default
