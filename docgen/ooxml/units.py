"""Lengths and text normalisation shared by every part of the reader: twips, EMU, millimetres, NFC."""
from __future__ import annotations

import re
import unicodedata

EMU_PER_MM = 36000
TWIPS_PER_MM = 1440 / 25.4
DEFAULT_CELL_MARGIN = 108  # twips, Word's default left/right cell margin


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def twips(value, default=0) -> int:
    if value is None:
        return default
    try:
        return int(round(float(value)))
    except ValueError:
        return default


def length_css_mm(value: str) -> float | None:
    """A VML length ('150pt', '2.1in', '53mm') in mm."""
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|emu)?\s*", value or "")
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2) or "px"
    return n * {"pt": 25.4 / 72, "in": 25.4, "mm": 1, "cm": 10, "px": 25.4 / 96, "emu": 1 / EMU_PER_MM}[unit]
