"""Agency names in the header's left column broken between names, never inside one (part of the render stage).

NĐ 30 (nd30-format F-CQ-1/2) puts the chủ quản and the issuing body, IN HOA, in a column about 60 mm
wide; "long names may wrap". Left to the word processor, "UBND THỊ TRẤN TRÂU QUỲ" wraps as "UBND THỊ TRẤN
TRÂU / QUỲ", breaking the commune's name. Once the names are filled in, each line too wide for its column
(measured with the Times New Roman metrics of docgen.ooxml) gets a line break of its own: before the kind
of a unit ("UBND / THỊ TRẤN TRÂU QUỲ", "ĐOÀN KIỂM TRA CHÉO / CỤM SỐ 1"), after a " - " ("HỘI ĐỒNG THI
ĐUA - / KHEN THƯỞNG"), and only for a name wider than the column, between its kind and its proper name
("PHƯỜNG / THANH XUÂN TRUNG").
"""
from __future__ import annotations

import functools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docgen.ooxml import TWIPS_PER_MM, text_width_mm

# Kinds of unit a proper name follows; a name is never broken inside (longest first: "THỊ XÃ" before "XÃ").
KINDS = [k.split() for k in ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH",
                             "XÃ", "CỤM", "SỞ", "PHÒNG")]
AGENCY_STARTS = {"UBND", "ỦY", "ĐOÀN", "HỘI"}  # the first word of a body's name
CELL_MARGINS_MM = 2 * 108 / TWIPS_PER_MM  # Word's default left and right cell margins
SLACK_MM = 1.0  # rounding in the printer's layout: a line this close to the edge is broken too


def _kind_at(words: list[str], i: int) -> int:
    """The number of words of the unit kind starting at words[i] (0 when none)."""
    for kind in KINDS:
        if words[i:i + len(kind)] == kind:
            if i > 0 and kind == ["XÃ"] and words[i - 1] == "THỊ":
                return 0  # the "XÃ" of "THỊ XÃ"
            return len(kind)
    return 0


def break_points(words: list[str]) -> list[list[int]]:
    """Word indices a line may break before, best first: between two bodies' names ("UBND HUYỆN X / UBND
    XÃ Y", "HỘI ĐỒNG THI ĐUA - / KHEN THƯỞNG", "ĐOÀN KIỂM TRA CHÉO / CỤM SỐ 1"), then between "UBND" and
    the unit it heads, then between a unit's kind and its proper name."""
    bodies, heads = [], []
    for i in range(1, len(words)):
        if words[i - 1] == "-" or words[i] in AGENCY_STARTS:
            bodies.append(i)
        elif _kind_at(words, i):
            (heads if words[i - 1] in ("UBND", "DÂN") else bodies).append(i)
    inside = [i + _kind_at(words, i) for i in range(len(words)) if 0 < _kind_at(words, i) < len(words) - i]
    return [bodies, heads, sorted(set(inside) - set(bodies) - set(heads))]


def split(text: str, width_mm: float, size: float, bold: bool) -> list[str]:
    """`text` as lines no wider than `width_mm`, broken only at break_points (a line too long stays)."""
    return list(_split(text, width_mm, size, bold))


@functools.lru_cache(maxsize=1024)  # the same names head most documents of a cluster
def _split(text: str, width_mm: float, size: float, bold: bool) -> tuple[str, ...]:
    return tuple(_lines(text, width_mm, size, bold))


def _lines(text: str, width_mm: float, size: float, bold: bool) -> list[str]:
    words = text.split()
    if not words or text_width_mm(" ".join(words), size, bold) <= width_mm - SLACK_MM:
        return [text]
    for points in break_points(words):
        # the longest first line that fits, so the name below keeps its words together
        for i in sorted(points, reverse=True):
            head = " ".join(words[:i])
            if text_width_mm(head, size, bold) <= width_mm - SLACK_MM:
                return [head] + split(" ".join(words[i:]), width_mm, size, bold)
    return [text]


def _size(p, default: float = 13.0) -> float:
    sz = p.find(f".//{qn('w:rPr')}/{qn('w:sz')}")
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else default


def _bold(p) -> bool:
    b = p.find(f".//{qn('w:rPr')}/{qn('w:b')}")
    return b is not None and b.get(qn("w:val")) not in ("0", "false")


def fit(doc) -> int:
    """Break the too-wide lines of the left cell of the document's first table (the header block); returns
    how many lines were broken. A paragraph of more than one run is left to the word processor."""
    body = doc.element.body
    tbl = body.find(qn("w:tbl"))
    tc = tbl.find(f"{qn('w:tr')}/{qn('w:tc')}") if tbl is not None else None
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") if tc is not None else None
    if width is None or width.get(qn("w:type")) not in (None, "dxa"):
        return 0
    room = int(width.get(qn("w:w"))) / TWIPS_PER_MM - CELL_MARGINS_MM
    broken = 0
    for p in tc.findall(qn("w:p")):
        runs = p.findall(qn("w:r"))
        texts = runs[0].findall(qn("w:t")) if len(runs) == 1 else []
        if len(texts) != 1 or not texts[0].text:
            continue
        lines = split(texts[0].text, room, _size(p), _bold(p))
        if len(lines) == 1:
            continue
        texts[0].text = lines[0]
        for line in lines[1:]:
            runs[0].append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.text = line
            runs[0].append(t)
        broken += len(lines) - 1
    return broken
