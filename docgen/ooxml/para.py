"""What the reader gives back: runs, drawn lines, paragraphs and sections with their effective formatting."""
from __future__ import annotations

from dataclasses import dataclass, field

from .metrics import wrap_widths
from .units import TWIPS_PER_MM


def clone(obj, **changes):
    """dataclasses.replace for these plain dataclasses (no __post_init__, no init-only fields), without
    calling __init__: a remembered paragraph is copied, with each of its runs, many times per render."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


@dataclass
class Run:
    text: str          # as displayed (All Caps applied), NFC
    bold: bool
    italic: bool
    size: float        # points
    fonts: tuple       # the fonts that print this run's characters
    color: str | None  # hex, or None for automatic/black
    underline: bool
    el: object = None
    hidden: bool = False  # w:vanish: no text shown, whatever the run holds
    caps: bool = False    # w:caps: its text shown in capitals


@dataclass
class Shape:
    """A drawn line (DrawingML or VML) anchored in a paragraph."""

    length_mm: float
    kind: str  # "shape"


@dataclass
class Para:
    el: object
    runs: list[Run]
    text: str                  # displayed text, NFC
    part: str                  # "body" or "header:<type>:<section>" / "footer:…"
    container: object          # the w:body, w:tc, w:txbxContent or w:hdr/w:ftr holding it
    width_mm: float            # width of its container's text area
    section: int
    top_index: int | None = None   # index among top-level body paragraphs (1-based), None inside tables
    table_no: int | None = None    # top-level table number (1-based) holding it
    row: int | None = None
    col: int | None = None         # grid column of its cell
    in_textbox: bool = False
    align: str | None = None
    ind_left: int = 0
    ind_right: int = 0
    ind_first: int = 0             # first-line indent in twips (negative: hanging)
    before: int = 0
    after: int = 0
    before_auto: bool = False
    line: int | None = None
    line_rule: str = "auto"
    contextual: bool = False
    style_id: str | None = None
    border_bottom: str | None = None
    border_top: str | None = None
    shapes: list[Shape] = field(default_factory=list)
    page_fields: int = 0
    section_break: bool = False

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def text_runs(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    def line_width_mm(self) -> float:
        """Width of the paragraph's text area (its container less its indents)."""
        return max(self.width_mm - (self.ind_left + self.ind_right) / TWIPS_PER_MM, 0)

    def main_size(self) -> float | None:
        runs = self.text_runs()
        return runs[0].size if runs else None

    def all_bold(self) -> bool:
        runs = self.text_runs()
        return bool(runs) and all(r.bold for r in runs)

    def wrapped(self) -> list[float]:
        runs = self.text_runs()
        if not runs:
            return []
        avail = self.line_width_mm()
        return wrap_widths(self.text, runs[0].size, runs[0].bold, avail - self.ind_first / TWIPS_PER_MM, avail)


@dataclass
class Section:
    index: int
    el: object
    page_w: int
    page_h: int
    margins: dict
    orient: str | None
    title_pg: bool
    headers: dict            # type → part element (resolved through inheritance)
    footers: dict
    pg_start: int | None
    has_table: bool = False
    first_para: Para | None = None

    @property
    def text_width_mm(self) -> float:
        return (self.page_w - self.margins["left"] - self.margins["right"]) / TWIPS_PER_MM

