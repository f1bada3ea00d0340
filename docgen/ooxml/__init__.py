"""Read any .docx as a clerk's printer would see it: paragraphs in page order with their effective
formatting (direct formatting, styles, table styles and document defaults resolved), where each one sits
(body, table cell, text box, page header), the lines drawn near them, and estimated text widths.

Used by docgen.lint and by the rule-line fitting of the render stage; knows nothing about the NĐ 30 rules.
Imports nothing from docgen but docgen.errors.
"""
from .formatting import reread
from .metrics import TNR, text_width_mm, wrap_widths
from .model import PARA_CACHE_MAX, DocxModel, cached_paras, clear_para_cache
from .para import Para, Run, Section, Shape, clone
from .styles import Styles
from .units import EMU_PER_MM, TWIPS_PER_MM, nfc, twips
from .wml import on, qn

__all__ = [
    "EMU_PER_MM", "PARA_CACHE_MAX", "TNR", "TWIPS_PER_MM", "DocxModel", "Para", "Run", "Section", "Shape",
    "Styles", "cached_paras", "clear_para_cache", "clone", "nfc", "on", "qn", "reread", "text_width_mm", "twips", "wrap_widths",
]
