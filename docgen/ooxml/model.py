"""DocxModel: one .docx read as a printer would see it, paragraphs in page order with where each one sits."""
from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..errors import InputError
from .formatting import read_para
from .para import Para, Section, clone
from .shapes import textbox_width_mm
from .styles import Styles, theme_fonts
from .units import DEFAULT_CELL_MARGIN, TWIPS_PER_MM, twips
from .wml import W_NS, on, qn, runs, under_fallback

_PARA_CACHE: dict = {}  # see DocxModel(reuse=True)


PARA_CACHE_MAX = 5_000


_BREAKS = etree.XPath("w:p[w:pPr/w:sectPr]", namespaces={"w": W_NS})  # paragraphs ending a section


def cached_paras() -> list[Para]:
    """The paragraphs DocxModel(reuse=True) remembers, kept without their XML elements."""
    return list(_PARA_CACHE.values())


def clear_para_cache() -> None:
    _PARA_CACHE.clear()


class DocxModel:
    """Everything lint and the rule-line fitting need from one .docx."""

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
        # only the paragraphs holding a section break, found in C: a long body has thousands of paragraphs
        sect_els = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in _BREAKS(self.body)]
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
            if under_fallback(tb):
                continue
            width = textbox_width_mm(tb)
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
                        if under_fallback(child):
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
                p = clone(hit, el=p_el, container=container, top_index=top_index, table_no=table_no, row=row,
                           col=col, runs=[clone(r, el=r_el) for r, r_el in zip(hit.runs, runs(p_el))])
                if store:
                    self.paras.append(p)
                return p
        p = read_para(self.styles, p_el, part, container, width_mm, section, top_index=top_index,
                      table_no=table_no, row=row, col=col, table=table)
        if key is not None:
            if len(_PARA_CACHE) > PARA_CACHE_MAX:
                _PARA_CACHE.clear()
            # kept without its elements: a cached paragraph must not keep its whole document alive
            _PARA_CACHE[key] = dataclasses.replace(p, el=None, container=None,
                                                   runs=[dataclasses.replace(r, el=None) for r in p.runs])
        if store:
            self.paras.append(p)
        return p

    # -- navigation -------------------------------------------------------------------------------
    def same_container(self, p: Para) -> list[Para]:
        return [q for q in self.paras if q.container is p.container]

    def following(self, p: Para, n: int = 1, same_container=True) -> list[Para]:
        pool = self.same_container(p) if same_container else self.paras
        i = next(k for k, q in enumerate(pool) if q is p)
        return pool[i + 1: i + 1 + n]

    def index(self, p: Para) -> int:
        return next(k for k, q in enumerate(self.paras) if q is p)
