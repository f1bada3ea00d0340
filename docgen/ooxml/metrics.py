"""Printed text widths in Times New Roman: one string, and the lines a paragraph wraps into."""
from __future__ import annotations

import functools
import re
import unicodedata

from . import font_metrics
from .units import nfc

TNR = "Times New Roman"

# see tools/font_widths.py
_WIDTHS = {
    False: dict(zip(font_metrics.REGULAR_CHARS, font_metrics.REGULAR_WIDTHS)),
    True: dict(zip(font_metrics.BOLD_CHARS, font_metrics.BOLD_WIDTHS)),
}


@functools.lru_cache(maxsize=65536)  # words repeat: names, titles, the same sentences in every document
def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Printed width of `text` in Times New Roman at `size_pt`."""
    table = _WIDTHS[bool(bold)]
    fallback = table.get("n", 1024)
    units = 0
    for ch in nfc(text):
        if ch == "\t":
            ch = " "
        w = table.get(ch)
        if w is None:
            base = unicodedata.normalize("NFD", ch)[:1]
            w = table.get(base, fallback)
        units += w
    return units / font_metrics.UNITS_PER_EM * size_pt * 25.4 / 72


def wrap_widths(text: str, size_pt: float, bold: bool, first_mm: float, rest_mm: float) -> list[float]:
    """Widths of the lines `text` breaks into (greedy, at spaces), like a word processor."""
    words = [w for w in re.split(r"[ \t]+", text.strip()) if w]
    if not words:
        return []
    space = text_width_mm(" ", size_pt, bold)
    lines: list[float] = []
    current = None
    avail = first_mm
    for word in words:
        w = text_width_mm(word, size_pt, bold)
        if current is None:
            current = w
        elif current + space + w <= avail + 0.01:
            current += space + w
        else:
            lines.append(current)
            current = w
            avail = rest_mm
    lines.append(current)
    return lines
