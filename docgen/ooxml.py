"""Read any .docx as a clerk's printer would see it: paragraphs in page order with their effective
formatting (direct formatting, styles, table styles and document defaults resolved), where each one sits
(body, table cell, text box, page header), the lines drawn near them, and estimated text widths.

Used by docgen.lint; knows nothing about the NĐ 30 rules themselves.
"""
from __future__ import annotations

import dataclasses
import functools

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn as _qn

# python-docx's qn() splits and formats its argument on every call; this module asks for the same
# few dozen names thousands of times per document (a third of a render's rule-line fitting).
qn = functools.lru_cache(maxsize=None)(_qn)
from lxml import etree

from . import font_metrics
from .errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
TNR = "Times New Roman"
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


def on(el) -> bool:
    """A toggle property (w:b, w:i, w:caps…): present and not switched off."""
    if el is None:
        return False
    v = el.get(qn("w:val"))
    return v is None or v.lower() not in ("0", "false", "off", "none")


# ------------------------------------------------------------------------------------------------
# text widths (Times New Roman metrics, see tools/font_widths.py)

_WIDTHS = {
    False: dict(zip(font_metrics.REGULAR_CHARS, font_metrics.REGULAR_WIDTHS)),
    True: dict(zip(font_metrics.BOLD_CHARS, font_metrics.BOLD_WIDTHS)),
}


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


# ------------------------------------------------------------------------------------------------
# styles


class Styles:
    """styles.xml with its basedOn chains, the document defaults and the theme fonts."""

    def __init__(self, styles_el, theme_fonts: dict[str, str]):
        self.element = styles_el
        self.by_id: dict[str, etree._Element] = {}
        self.default: dict[str, str] = {}
        self.theme_fonts = theme_fonts
        self.rpr_default = self.ppr_default = None
        if styles_el is None:
            return
        for s in styles_el.iterfind(qn("w:style")):
            sid = s.get(qn("w:styleId"))
            self.by_id[sid] = s
            if on(s.find(qn("w:default"))) or s.get(qn("w:default")) in ("1", "true", "on"):
                self.default.setdefault(s.get(qn("w:type")), sid)
        dd = styles_el.find(qn("w:docDefaults"))
        if dd is not None:
            self.rpr_default = dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.ppr_default = dd.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, sid: str | None) -> list:
        out, seen = [], set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            s = self.by_id[sid]
            out.append(s)
            based = s.find(qn("w:basedOn"))
            sid = based.get(qn("w:val")) if based is not None else None
        return out

    def name(self, sid: str | None) -> str:
        s = self.by_id.get(sid or "")
        n = s.find(qn("w:name")) if s is not None else None
        return n.get(qn("w:val")) if n is not None else (sid or "")

    def font(self, levels, slot: str) -> str | None:
        """The font for `slot` ('ascii' or 'hAnsi') from the first level that sets it; theme fonts resolved."""
        for lv in levels:
            rf = lv.find(qn("w:rFonts"))
            if rf is None:
                continue
            theme = rf.get(qn(f"w:{slot}Theme"))
            if theme:
                return self.theme_fonts.get(theme, f"(phông theo chủ đề {theme})")
            value = rf.get(qn(f"w:{slot}"))
            if value:
                return value
        return None


def theme_fonts(doc) -> dict[str, str]:
    for part in doc.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            root = etree.fromstring(part.blob)
            out = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
                if latin is not None and latin.get("typeface"):
                    for slot in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                        out[f"{kind}{slot}"] = latin.get("typeface")
            return out
    return {}


# ------------------------------------------------------------------------------------------------
# the document model


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


@dataclass
class Shape:
    """A drawn line (DrawingML or VML) anchored in a paragraph."""

    length_mm: float
    kind: str  # "shape"


_PARA_CACHE: dict = {}  # see DocxModel(reuse=True)
PARA_CACHE_MAX = 5_000


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


class DocxModel:
    """Everything lint needs from one .docx."""

    def __init__(self, path: Path, doc=None, headers: bool = True, reuse: bool = False, until=None):
        """`doc`: a python-docx Document already open (e.g. just rendered, not yet saved); `path`
        then only names it in messages. `headers=False` skips the page headers and footers.
        `reuse`: remember each paragraph's formatting by its XML, for the many documents rendered
        from one compiled template (the same styles object), where most paragraphs repeat.
        `until`: a block of the body at which to stop reading (sections are still read whole)."""
        self.path = Path(path)
        self.reuse = reuse
        self.until = until
        try:
            self.doc = doc if doc is not None else Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
            raise InputError(f"{path}: không đọc được tệp .docx ({e.__class__.__name__}). Tệp phải là văn bản "
                             "Word (.docx), không phải .doc cũ hay tệp đã hỏng.") from e
        except OSError as e:
            raise InputError(f"{path}: không mở được tệp ({e.strerror or e}).") from e
        part = self.doc.part
        try:
            styles_el = part.styles.element
        except (KeyError, NotImplementedError):
            styles_el = None
        # The styles are read once per package: a compiled template renders many documents on one package.
        self.styles = getattr(part, "_docgen_styles", None)
        if self.styles is None or self.styles.element is not styles_el:
            self.styles = Styles(styles_el, theme_fonts(self.doc))
            part._docgen_styles = self.styles
        self.body = part.element.body
        self.paras: list[Para] = []
        self.tables: list = []
        self.sections: list[Section] = []
        self.app_pages = self._app_pages() if doc is None else None
        self._read_sections()
        self._walk_body()
        self.header_paras: list[Para] = []
        if headers:
            self._read_headers()

    # -- sections ---------------------------------------------------------------------------------
    def _app_pages(self) -> int | None:
        try:
            with zipfile.ZipFile(self.path) as z:
                xml = z.read("docProps/app.xml").decode("utf-8", "replace")
        except (KeyError, OSError, zipfile.BadZipFile):
            return None
        m = re.search(r"<Pages>(\d+)</Pages>", xml)
        return int(m.group(1)) if m else None

    def _read_sections(self):
        sect_els = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in self.body.iterfind(qn("w:p"))]
        sect_els = [s for s in sect_els if s is not None]
        last = self.body.find(qn("w:sectPr"))
        if last is not None:
            sect_els.append(last)
        headers: dict = {}
        footers: dict = {}
        for i, s in enumerate(sect_els):
            headers = dict(headers)
            footers = dict(footers)
            for ref in s.iterfind(qn("w:headerReference")):
                headers[ref.get(qn("w:type"))] = self._related(ref)
            for ref in s.iterfind(qn("w:footerReference")):
                footers[ref.get(qn("w:type"))] = self._related(ref)
            sz = s.find(qn("w:pgSz"))
            mar = s.find(qn("w:pgMar"))
            margins = {k: twips(mar.get(qn(f"w:{k}")) if mar is not None else None, 1440)
                       for k in ("top", "bottom", "left", "right")}
            margins["left"] = twips(mar.get(qn("w:left")) if mar is not None else None, 1800)
            margins["right"] = twips(mar.get(qn("w:right")) if mar is not None else None, 1800)
            pg = s.find(qn("w:pgNumType"))
            self.sections.append(Section(
                index=i + 1, el=s,
                page_w=twips(sz.get(qn("w:w")) if sz is not None else None, 12240),
                page_h=twips(sz.get(qn("w:h")) if sz is not None else None, 15840),
                margins=margins, orient=sz.get(qn("w:orient")) if sz is not None else None,
                title_pg=on(s.find(qn("w:titlePg"))), headers=headers, footers=footers,
                pg_start=twips(pg.get(qn("w:start")), None) if pg is not None and pg.get(qn("w:start")) else None,
            ))
        if not self.sections:  # no sectPr at all: Word's defaults (Letter)
            self.sections.append(Section(1, None, 12240, 15840,
                                         {"top": 1440, "bottom": 1440, "left": 1800, "right": 1800},
                                         None, False, {}, {}, None))

    def _related(self, ref):
        rid = ref.get(qn("r:id"))
        try:
            return self.doc.part.related_parts[rid].element
        except KeyError:
            return None

    # -- paragraphs -------------------------------------------------------------------------------
    def _walk_body(self):
        section = 0
        top = 0
        for child in self.body.iterchildren():
            if child is self.until:
                break
            if child.tag == qn("w:p"):
                top += 1
                p = self._para(child, "body", self.body, self.sections[section].text_width_mm, section + 1,
                               top_index=top)
                if self.sections[section].first_para is None and p.stripped:
                    self.sections[section].first_para = p
                self._textboxes(child, p)
                if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                    p.section_break = True
                    section = min(section + 1, len(self.sections) - 1)
            elif child.tag == qn("w:tbl"):
                self.tables.append(child)
                self.sections[section].has_table = True
                self._table(child, "body", self.sections[section].text_width_mm, section + 1, len(self.tables))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                for sub in (content.iterchildren() if content is not None else []):
                    if sub.tag == qn("w:p"):
                        top += 1
                        self._para(sub, "body", self.body, self.sections[section].text_width_mm, section + 1,
                                   top_index=top)

    def _table(self, tbl, part, avail_mm, section, table_no, outer=None):
        grid = [twips(g.get(qn("w:w"))) for g in tbl.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        margins = self._cell_margins(tbl)
        for r, tr in enumerate(tbl.iterfind(qn("w:tr")), start=1):
            col = 0
            trpr = tr.find(qn("w:trPr"))
            if trpr is not None and trpr.find(qn("w:gridBefore")) is not None:
                col = twips(trpr.find(qn("w:gridBefore")).get(qn("w:val")))
            for tc in tr.iterfind(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = 1
                width = None
                if tcpr is not None:
                    gs = tcpr.find(qn("w:gridSpan"))
                    span = twips(gs.get(qn("w:val")), 1) if gs is not None else 1
                    tcw = tcpr.find(qn("w:tcW"))
                    if tcw is not None and tcw.get(qn("w:type"), "dxa") == "dxa":
                        width = twips(tcw.get(qn("w:w")))
                if grid and col + span <= len(grid):
                    width = sum(grid[col:col + span])
                left, right = self._tc_margins(tcpr, margins)
                inner = ((width or avail_mm * TWIPS_PER_MM) - left - right) / TWIPS_PER_MM
                for child in tc.iterchildren():
                    if child.tag == qn("w:p"):
                        p = self._para(child, part, tc, inner, section, table_no=table_no, row=r, col=col,
                                       table=tbl)
                        self._textboxes(child, p)
                    elif child.tag == qn("w:tbl"):
                        self._table(child, part, inner, section, table_no, outer=tbl)
                col += span

    def _cell_margins(self, tbl):
        levels = []
        tblpr = tbl.find(qn("w:tblPr"))
        if tblpr is not None:
            levels.append(tblpr)
            st = tblpr.find(qn("w:tblStyle"))
            sid = st.get(qn("w:val")) if st is not None else self.styles.default.get("table")
        else:
            sid = self.styles.default.get("table")
        levels += [s.find(qn("w:tblPr")) for s in self.styles.chain(sid)]
        out = {"left": DEFAULT_CELL_MARGIN, "right": DEFAULT_CELL_MARGIN}
        for side, alias in (("left", "start"), ("right", "end")):
            for lv in levels:
                if lv is None:
                    continue
                m = lv.find(qn("w:tblCellMar"))
                el = None if m is None else (m.find(qn(f"w:{side}")) if m.find(qn(f"w:{side}")) is not None
                                            else m.find(qn(f"w:{alias}")))
                if el is not None:
                    out[side] = twips(el.get(qn("w:w")))
                    break
        return out

    def _tc_margins(self, tcpr, margins):
        left, right = margins["left"], margins["right"]
        m = tcpr.find(qn("w:tcMar")) if tcpr is not None else None
        if m is not None:
            for side, alias in (("left", "start"), ("right", "end")):
                el = m.find(qn(f"w:{side}"))
                el = el if el is not None else m.find(qn(f"w:{alias}"))
                if el is not None:
                    if side == "left":
                        left = twips(el.get(qn("w:w")))
                    else:
                        right = twips(el.get(qn("w:w")))
        return left, right

    def _textboxes(self, p_el, owner: Para):
        for tb in p_el.iter(qn("w:txbxContent")):
            if _under_fallback(tb):
                continue
            width = _textbox_width_mm(tb)
            for child in tb.iterchildren():
                if child.tag == qn("w:p"):
                    sub = self._para(child, owner.part, tb, width, owner.section)
                    sub.in_textbox = True

    def _read_headers(self):
        seen = set()
        for s in self.sections:
            for kind, group in (("header", s.headers), ("footer", s.footers)):
                for typ, el in group.items():
                    if el is None or id(el) in seen:
                        continue
                    seen.add(id(el))
                    for child in el.iter(qn("w:p")):
                        if _under_fallback(child):
                            continue
                        p = self._para(child, f"{kind}:{typ}:{s.index}", el, s.text_width_mm, s.index,
                                       store=False)
                        self.header_paras.append(p)

    def _para(self, p_el, part, container, width_mm, section, *, top_index=None, table_no=None, row=None,
              col=None, table=None, store=True) -> Para:
        key = None
        if self.reuse:
            tblpr = table.find(qn("w:tblPr")) if table is not None else None
            # the Styles object itself (not its id) in the key: the cache keeps it alive, so a key
            # can never match another document's styles that happen to reuse a freed address
            key = (self.styles, etree.tostring(p_el), part, width_mm, section,
                   etree.tostring(tblpr) if tblpr is not None else None)
            hit = _PARA_CACHE.get(key)
            if hit is not None:
                p = dataclasses.replace(hit, el=p_el, container=container, top_index=top_index, table_no=table_no,
                                        row=row, col=col,
                                        runs=[dataclasses.replace(r, el=r_el) for r, r_el in zip(hit.runs, _runs(p_el))])
                if store:
                    self.paras.append(p)
                return p
        p = self._para_uncached(p_el, part, container, width_mm, section, top_index=top_index, table_no=table_no,
                                row=row, col=col, table=table)
        if key is not None:
            if len(_PARA_CACHE) > PARA_CACHE_MAX:
                _PARA_CACHE.clear()
            # kept without its elements: a cached paragraph must not keep its whole document alive
            _PARA_CACHE[key] = dataclasses.replace(p, el=None, container=None,
                                                   runs=[dataclasses.replace(r, el=None) for r in p.runs])
        if store:
            self.paras.append(p)
        return p

    def _para_uncached(self, p_el, part, container, width_mm, section, *, top_index=None, table_no=None,
                       row=None, col=None, table=None) -> Para:
        ppr = p_el.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = ps.get(qn("w:val")) if ps is not None else self.styles.default.get("paragraph")
        table_style = None
        if table is not None:
            tblpr = table.find(qn("w:tblPr"))
            st = tblpr.find(qn("w:tblStyle")) if tblpr is not None else None
            table_style = st.get(qn("w:val")) if st is not None else self.styles.default.get("table")
        style_chain = self.styles.chain(style_id)
        table_chain = self.styles.chain(table_style) if table_style else []
        p_levels = [x for x in ([ppr] + [s.find(qn("w:pPr")) for s in style_chain]
                                + [s.find(qn("w:pPr")) for s in table_chain] + [self.styles.ppr_default])
                    if x is not None]
        r_base = [x for x in ([s.find(qn("w:rPr")) for s in style_chain]
                              + [s.find(qn("w:rPr")) for s in table_chain] + [self.styles.rpr_default])
                  if x is not None]
        runs, shapes, fields = [], [], 0
        for r_el in _runs(p_el):
            runs.append(self._run(r_el, r_base))
        for el in p_el.iter(qn("w:instrText"), qn("w:fldSimple")):  # only the tags looked at below
            if _under_fallback(el):
                continue
            if el.tag == qn("w:instrText") and re.search(r"\bPAGE\b", el.text or ""):
                fields += 1
            elif el.tag == qn("w:fldSimple") and re.search(r"\bPAGE\b", el.get(qn("w:instr")) or ""):
                fields += 1
        shapes = _shapes(p_el)
        text = nfc("".join(r.text for r in runs))
        p = Para(el=p_el, runs=runs, text=text, part=part, container=container, width_mm=width_mm,
                 section=section, top_index=top_index, table_no=table_no, row=row, col=col,
                 style_id=style_id, shapes=shapes, page_fields=fields)
        jc = _first(p_levels, "w:jc")
        p.align = jc.get(qn("w:val")) if jc is not None else None
        p.ind_left = _attr(p_levels, "w:ind", ("w:left", "w:start"))
        p.ind_right = _attr(p_levels, "w:ind", ("w:right", "w:end"))
        first = _first_with(p_levels, "w:ind", ("w:firstLine", "w:hanging"))
        if first is not None:
            if first.get(qn("w:hanging")) is not None:
                p.ind_first = -twips(first.get(qn("w:hanging")))
            else:
                p.ind_first = twips(first.get(qn("w:firstLine")))
        p.before = _attr(p_levels, "w:spacing", ("w:before",))
        p.after = _attr(p_levels, "w:spacing", ("w:after",))
        auto = _first_with(p_levels, "w:spacing", ("w:beforeAutospacing",))
        p.before_auto = auto is not None and auto.get(qn("w:beforeAutospacing")) in ("1", "true", "on")
        line_el = _first_with(p_levels, "w:spacing", ("w:line",))
        if line_el is not None:
            p.line = twips(line_el.get(qn("w:line")))
            p.line_rule = line_el.get(qn("w:lineRule")) or "auto"
        p.contextual = on(_first(p_levels, "w:contextualSpacing"))
        bdr = _first(p_levels, "w:pBdr")
        if bdr is not None:
            for side in ("bottom", "top"):
                el = bdr.find(qn(f"w:{side}"))
                if el is not None and el.get(qn("w:val")) not in (None, "nil", "none"):
                    setattr(p, f"border_{side}", el.get(qn("w:val")))
        return p

    def _run(self, r_el, r_base) -> Run:
        rpr = r_el.find(qn("w:rPr"))
        rs = rpr.find(qn("w:rStyle")) if rpr is not None else None
        char_chain = self.styles.chain(rs.get(qn("w:val")) if rs is not None else None)
        levels = [x for x in ([rpr] + [s.find(qn("w:rPr")) for s in char_chain] + r_base) if x is not None]
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
        if on(_first(levels, "w:vanish")):
            text = ""
        if on(_first(levels, "w:caps")):
            text = nfc(text.upper())
        sz = _first(levels, "w:sz")
        size = twips(sz.get(qn("w:val")), 20) / 2 if sz is not None else 10.0
        fonts = []
        if any(ord(c) < 128 and not c.isspace() for c in text):
            fonts.append(self.styles.font(levels, "ascii"))
        if any(ord(c) >= 128 for c in text):
            fonts.append(self.styles.font(levels, "hAnsi"))
        color_el = _first(levels, "w:color")
        color = color_el.get(qn("w:val")) if color_el is not None else None
        if color and color.lower() in ("auto", "000000"):
            color = None
        u = _first(levels, "w:u")
        underline = u is not None and (u.get(qn("w:val")) or "single") != "none"
        return Run(text, on(_first(levels, "w:b")), on(_first(levels, "w:i")), size,
                   tuple(dict.fromkeys(fonts)), color, underline, r_el)

    # -- navigation -------------------------------------------------------------------------------
    def same_container(self, p: Para) -> list[Para]:
        return [q for q in self.paras if q.container is p.container]

    def following(self, p: Para, n: int = 1, same_container=True) -> list[Para]:
        pool = self.same_container(p) if same_container else self.paras
        i = next(k for k, q in enumerate(pool) if q is p)
        return pool[i + 1: i + 1 + n]

    def index(self, p: Para) -> int:
        return next(k for k, q in enumerate(self.paras) if q is p)


def _under_fallback(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _runs(p_el):
    """The runs of a paragraph in order, through hyperlinks, insertions, smart tags, simple fields and
    content controls; deleted text and text boxes excluded."""
    for child in p_el.iterchildren():
        tag = child.tag
        if tag == qn("w:r"):
            yield child
        elif tag in (qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:fldSimple"), qn("w:customXml"),
                     qn("w:moveTo")):
            yield from _runs(child)
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _runs(content)


def _first(levels, tag):
    for lv in levels:
        el = lv.find(qn(tag))
        if el is not None:
            return el
    return None


def _first_with(levels, tag, attrs):
    """The first `tag` element, level by level, that carries any of `attrs`."""
    for lv in levels:
        el = lv.find(qn(tag))
        if el is not None and any(el.get(qn(a)) is not None for a in attrs):
            return el
    return None


def _attr(levels, tag, attrs, default=0) -> int:
    el = _first_with(levels, tag, attrs)
    if el is None:
        return default
    for a in attrs:
        if el.get(qn(a)) is not None:
            return twips(el.get(qn(a)), default)
    return default


def _length_css(value: str) -> float | None:
    """A VML length ('150pt', '2.1in', '53mm') in mm."""
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|emu)?\s*", value or "")
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2) or "px"
    return n * {"pt": 25.4 / 72, "in": 25.4, "mm": 1, "cm": 10, "px": 25.4 / 96, "emu": 1 / EMU_PER_MM}[unit]


def _shapes(p_el) -> list[Shape]:
    """Straight lines drawn in this paragraph (not inside its text boxes' own paragraphs)."""
    out = []
    for anchor in p_el.iter(f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline"):
        if _under_fallback(anchor):
            continue
        ext = anchor.find(f"{{{WP_NS}}}extent")
        if ext is None:
            continue
        cx, cy = twips(ext.get("cx")), twips(ext.get("cy"))
        prst = anchor.find(f".//{{{A_NS}}}prstGeom")
        is_line = (prst is not None and prst.get("prst") in ("line", "straightConnector1")) \
            or anchor.find(f".//{{{WPS_NS}}}cNvCnPr") is not None
        flat = cy < 0.6 * EMU_PER_MM and cx > 5 * EMU_PER_MM and anchor.find(f".//{{{WPS_NS}}}wsp") is not None
        if (is_line or flat) and cx > 0:
            out.append(Shape(cx / EMU_PER_MM, "shape"))
    for el in p_el.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape"):
        if _under_fallback(el):  # the VML copy of a DrawingML shape already counted
            continue
        if el.tag == f"{{{V_NS}}}line":
            a, b = (el.get("from") or "0,0").split(","), (el.get("to") or "0,0").split(",")
            x1, x2 = _length_css(a[0]), _length_css(b[0])
            y1, y2 = _length_css(a[-1]), _length_css(b[-1])
            if None not in (x1, x2, y1, y2):
                out.append(Shape(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, "shape"))
        elif (el.get(f"{{{O_NS}}}connectortype") == "straight"
              or (el.get("type") or "").endswith("_x0000_t32")):
            style = dict(kv.split(":", 1) for kv in (el.get("style") or "").split(";") if ":" in kv)
            width = _length_css(style.get("width", ""))
            if width:
                out.append(Shape(width, "shape"))
    return out


def _textbox_width_mm(tb) -> float:
    parent = tb.getparent()
    while parent is not None:
        if parent.tag in (f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline"):
            ext = parent.find(f"{{{WP_NS}}}extent")
            if ext is not None:
                return max(twips(ext.get("cx")) / EMU_PER_MM - 5.08, 10)
        if parent.tag in (f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
            style = dict(kv.split(":", 1) for kv in (parent.get("style") or "").split(";") if ":" in kv)
            width = _length_css(style.get("width", ""))
            if width:
                return max(width - 5.08, 10)
        parent = parent.getparent()
    return 80.0
