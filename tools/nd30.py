"""Building blocks for .docx templates in the Nghị định 30/2020 format (used by make_templates.py)."""
from __future__ import annotations

import datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
# A dash list's items end with ";" and its last item with "." (the list closes the sentence).
ITEM_END = '{{ "." if loop.last else ";" }}'
BODY_PT = 14
TEXT_WIDTH_MM = 165  # A4 210 mm - left 30 - right 15 (F-PAGE-3..6)
LEFT_COL_MM = 64
RIGHT_COL_MM = TEXT_WIDTH_MM - LEFT_COL_MM  # 101 mm: the Quốc hiệu fits on one line at 12 or 13 pt (F-QH-1)
CELL_MARGIN_MM = 108 / 1440 * 25.4  # Word's default left/right cell margin (0.19 cm)
TIEU_NGU_LINE_MM = 56  # the Tiêu ngữ is 56.1 mm long at 13 pt bold (F-QH-3)
AGENCY_LINE_MM = 20    # 1/3–1/2 of the agency's text line, e.g. "ỦY BAN NHÂN DÂN" = 43 mm (F-CQ-3);
#                        docgen.rule_lines resizes it (and the title's line) to the name rendered
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


def new_document(landscape: bool = False) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    if landscape:  # F-PAGE-2: a wide table may use landscape
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance = sec.footer_distance = Mm(10)
    _document_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(6), Pt(0)  # F-BODY-3
    pf.line_spacing = 1.0  # F-BODY-4: single
    _page_number_header(doc)
    _core_properties(doc)
    return doc


def _document_defaults(doc):
    """Times New Roman 14 as the file's own default (docDefaults), not the theme's Calibri/Cambria,
    so that whatever a clerk types later is in the right font too (F-FONT-1)."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(BODY_PT * 2))


def _core_properties(doc):
    cp = doc.core_properties
    cp.author = "docgen"
    cp.last_modified_by = "docgen"
    cp.title = ""
    cp.comments = ""
    cp.revision = 1
    # Fixed dates: regenerating an unchanged template gives the same bytes.
    cp.created = cp.modified = datetime.datetime(2017, 1, 1)


def _page_number_header(doc):
    """F-PGNUM-1: page number centred at the top, none on page 1."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    p = sec.header.paragraphs[0]
    p.alignment = CENTER
    p.paragraph_format.space_before = Pt(0)
    run = p.add_run()
    run.font.size = Pt(14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r = p.add_run()
        r.font.size = Pt(14)
        r._r.append(el)
    sec.first_page_header.paragraphs[0].text = ""


def para(container, text: str = "", *, size=BODY_PT, bold=False, italic=False, align=JUSTIFY,
         indent_first_mm=10.0, before=6, after=0, keep_next=False, left_mm=None, right_mm=None):
    """One paragraph with a single run (docxtpl tags must not be split across runs)."""
    cell_paras = container.paragraphs if hasattr(container, "_tc") else None
    if cell_paras and len(cell_paras) == 1 and cell_paras[0]._p.pPr is None and not cell_paras[0].runs:
        p = cell_paras[0]  # a new table cell already holds one bare paragraph: use it
    else:
        p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.first_line_indent = Mm(indent_first_mm) if indent_first_mm else None
    if left_mm is not None:
        fmt.left_indent = Mm(left_mm)
    if right_mm is not None:
        fmt.right_indent = Mm(right_mm)
    if keep_next:
        fmt.keep_with_next = True
    if text:
        run(p, text, size=size, bold=bold, italic=italic)
    return p


def run(p, text, *, size=BODY_PT, bold=False, italic=False):
    r = p.add_run(text)
    r.font.size = Pt(size)
    r.font.bold = bold
    r.font.italic = italic
    return r


def centered(container, text, *, size=BODY_PT, bold=False, italic=False, before=0, after=0):
    return para(container, text, size=size, bold=bold, italic=italic, align=CENTER,
                indent_first_mm=0, before=before, after=after)


def dotted_tab(p, width_mm: float = TEXT_WIDTH_MM):
    """A right tab stop at the right margin with a dotted leader: each tab of the text (a blank filled by
    docgen.context.common.WRITING_ROOM) prints as dots to the end of its line, room to write by hand."""
    p.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    return p


def tag(container, statement: str):
    """A paragraph holding only a docxtpl `{%p ... %}` tag (removed at render time)."""
    return para(container, "{%p " + statement + " %}", indent_first_mm=0, before=0)


def rule_line(container, width_mm: float, column_mm: float, *, before=0):
    """A solid centred line of `width_mm` (F-QH-3, F-CQ-3, F-TL-3): a bottom border on an empty,
    tiny paragraph whose indents make it exactly that wide. `column_mm` is the width of the table
    column (its cell margins are taken off) or of the text area."""
    inner = column_mm - 2 * CELL_MARGIN_MM if hasattr(container, "_tc") else column_mm
    side = max((inner - width_mm) / 2, 0)
    p = para(container, "", align=CENTER, indent_first_mm=0, before=before, after=0,
             left_mm=side, right_mm=side)
    pPr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    pPr.append(borders)
    # A 2 pt paragraph keeps the line right under the text above it.
    r = p.add_run("")
    r.font.size = Pt(2)
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    mark.append(sz)
    pPr.append(mark)
    p.paragraph_format.line_spacing = Pt(2)
    return p


def table(doc, widths_mm, *, borders=False, align=WD_TABLE_ALIGNMENT.CENTER):
    t = doc.add_table(rows=0, cols=len(widths_mm))
    t.alignment = align
    t.autofit = False
    tblPr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblPr.append(layout)
    if borders:
        t.style = doc.styles["Table Grid"]
    for i, w in enumerate(widths_mm):
        t.columns[i].width = Mm(w)
    return t


def cell_margins(t, mm: float):
    """Left and right cell margins of the whole table (Word's default is 1,9 mm)."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(mm * 1440 / 25.4)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    t._tbl.tblPr.append(mar)


def add_row(t, widths_mm, *, cant_split=True):
    row = t.add_row()
    for cell, w in zip(row.cells, widths_mm):
        cell.width = Mm(w)
    if cant_split:
        trPr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        trPr.append(el)
    return row


def cell_text(cell, text, *, size=13, bold=False, italic=False, align=CENTER, before=2, after=2):
    return para(cell, text, size=size, bold=bold, italic=italic, align=align, indent_first_mm=0,
                before=before, after=after)


def header_block(doc, *, left_top: str, left_main: str, so_line: str, place_date: str,
                 vv_line: str | None = None, top_bold: bool = False):
    """Ô 1–5b: agency names | Quốc hiệu and Tiêu ngữ, then Số | place-date on the same row."""
    widths = [LEFT_COL_MM, RIGHT_COL_MM]
    t = table(doc, widths)
    row = add_row(t, widths)
    left, right = row.cells
    if left_top:
        # F-CQ-1: the chủ quản is not bold; a body with no chủ quản splits its own name in two bold lines
        cell_text(left, left_top, size=13, bold=top_bold, before=0, after=0)
    cell_text(left, left_main, size=13, bold=True, before=0, after=0)  # F-CQ-2
    rule_line(left, AGENCY_LINE_MM, LEFT_COL_MM)  # F-CQ-3
    cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, before=0, after=0)
    cell_text(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, before=0, after=0)
    rule_line(right, TIEU_NGU_LINE_MM, RIGHT_COL_MM)  # F-QH-3: as long as the Tiêu ngữ at 13 pt
    row = add_row(t, widths)
    left, right = row.cells
    cell_text(left, so_line, size=13, before=6, after=0)  # F-SO-1
    if vv_line:
        cell_text(left, vv_line, size=12, before=6, after=0)  # F-VV-1
    cell_text(right, place_date, size=14, italic=True, before=6, after=0)  # F-DATE-2
    return t


def title(doc, name: str, subject: str | list[str] | None = None, *, line=True, before=18, line_mm=40):
    """Tên loại, then the trích yếu (one or more lines), then the short line under the trích yếu.
    Give every line of the trích yếu here, so that the line goes under the last one."""
    centered(doc, name, size=14, bold=True, before=before)  # F-TL-1
    for text in ([subject] if isinstance(subject, str) else subject or []):
        centered(doc, text, size=14, bold=True)  # F-TL-2
    if line:
        rule_line(doc, line_mm, TEXT_WIDTH_MM, before=2)  # F-TL-3: 1/3–1/2 of the trích yếu's line (fitted at render)


def kinh_gui(doc, recipients: str = "kinh_gui"):
    """F-NN-2: one recipient on the "Kính gửi:" line itself; several, one per line under the colon.
    `recipients` names the context list, made by docgen.levels.recipients."""
    tag(doc, f"if {recipients}|length == 1")
    para(doc, "Kính gửi: {{ " + recipients + "[0] }}", indent_first_mm=0, left_mm=35, before=12, keep_next=True)
    tag(doc, "else")
    para(doc, "Kính gửi:", indent_first_mm=0, left_mm=35, before=12, keep_next=True)
    tag(doc, f"for kg in {recipients}")
    para(doc, "{{ kg }}", indent_first_mm=0, left_mm=45, before=0)
    tag(doc, "endfor")
    tag(doc, "endif")


def body_size(doc, size: int):
    """Every top-level paragraph of the content in `size` pt (F-BODY-1 allows 13–14): a one-page letter
    whose text runs a few lines long takes 13 rather than spill its closing onto page 2."""
    for p in doc.paragraphs:
        for r in p.runs:
            r.font.size = Pt(size)


def keep_with_signature(doc, previous: int = 1):
    """The content's last paragraph goes to the next page with the signature, never the block alone;
    so do the `previous` blocks before it (a paragraph, every item of a list, or a table), so that no
    page holds only the closing sentence and the signatures."""
    last = doc.paragraphs[-1]
    last.paragraph_format.keep_with_next = True
    el = last._p
    for _ in range(previous):
        el = _keep_block_before(el)
        if el is None:
            break


def _is_tag(el) -> bool:
    return "{%" in "".join(el.itertext()) and "".join(el.itertext()).strip().startswith("{%")


def _keep_block_before(p_el):
    """keep_with_next on the block right before `p_el`, walking back over docxtpl tag paragraphs: a loop's
    item paragraph (so every item), both branches of a {%p for … else %}, or a table's last real row."""
    el = p_el.getprevious()
    while el is not None:
        if el.tag == qn("w:p") and _is_tag(el):
            el = el.getprevious()
            continue
        if el.tag == qn("w:p"):
            _keep(el)
            before = el.getprevious()
            if before is not None and before.tag == qn("w:p") and _is_tag(before) and "else" in "".join(before.itertext()):
                return _keep_block_before(before)  # the loop's own item, before its else branch
            return el
        if el.tag == qn("w:tbl"):
            rows = [tr for tr in el.findall(qn("w:tr")) if not "".join(tr.itertext()).strip().startswith("{%tr")]
            for tr in rows[-1:]:
                for q in tr.iter(qn("w:p")):
                    _keep(q)
            return el
        return None
    return None


def _keep(p_el):
    p_el.get_or_add_pPr().get_or_add_keepNext()  # python-docx puts it where the schema wants it


def signature_table(doc, columns, *, width_mm=TEXT_WIDTH_MM, before=12):
    """Signature columns: each is (authority lines, note, name). Names bold, no titles (F-SIG-2/3).

    Two rows, so that the names line up whatever the number of authority lines."""
    keep_with_signature(doc)
    para(doc, "", indent_first_mm=0, before=0, keep_next=True)
    widths = [width_mm / len(columns)] * len(columns)
    t = table(doc, widths)
    row = add_row(t, widths)  # one row that cannot split: the block stays on one page
    depth = max(len(authority) + (1 if note else 0) for authority, note, _ in columns)
    for cell, (authority, note, name) in zip(row.cells, columns):
        for line in authority:
            cell_text(cell, line, size=14, bold=True, before=0, after=0)
        if note:
            cell_text(cell, note, size=13, italic=True, before=0, after=0)
        # pad so that the names line up, then room for the signature and seal (F-SIG-8)
        for _ in range(depth - len(authority) - (1 if note else 0) + 4):
            cell_text(cell, "", size=14, before=0, after=0)
        cell_text(cell, name, size=14, bold=True, before=0, after=0)
    return t


def recipients_and_signature(doc, recipients_tag: str, authority_tag: str, name: str, *, previous=1,
                             gap=4):
    """Nơi nhận (left, F-NN-3..5) level with the signer's block (right, F-SIG-7). `previous`: see
    keep_with_signature (0 where the content before is one long loop, as in the Kế hoạch). `gap`: blank
    lines for the signature and seal (F-SIG-8: 3–4 in practice; a one-page letter takes 3)."""
    keep_with_signature(doc, previous)
    widths = [80, TEXT_WIDTH_MM - 80]
    t = table(doc, widths)
    row = add_row(t, widths)
    left, right = row.cells
    para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, indent_first_mm=0, before=6)
    para(left, "{%p for nn in " + recipients_tag + " %}", indent_first_mm=0, before=0, align=LEFT)
    para(left, "{{ nn }}", size=11, align=LEFT, indent_first_mm=0, before=0)
    para(left, "{%p endfor %}", indent_first_mm=0, before=0, align=LEFT)
    cell_text(right, "{%p for dong in " + authority_tag + " %}", size=14, before=0, after=0)
    cell_text(right, "{{ dong }}", size=14, bold=True, before=0, after=0)
    cell_text(right, "{%p endfor %}", size=14, before=0, after=0)
    for _ in range(gap):
        cell_text(right, "", size=14, before=0, after=0)
    cell_text(right, name, size=14, bold=True, before=0, after=0)
    return t


def minutes_ending(doc, data: str, secretary: str, chair_note: str, chair: str):
    """The end of meeting minutes: "4. Kết luận", the closing sentence ending "./.", and the signatures
    of the secretary and the chair. `data` names the context object holding ket_luan and gio_ket_thuc."""
    para(doc, "4. Kết luận", bold=True, keep_next=True)
    para(doc, "{{ " + data + ".ket_luan }}")
    para(doc, "Cuộc họp kết thúc vào hồi {{ " + data + ".gio_ket_thuc }} cùng ngày. Biên bản đã được đọc lại "
              "cho các thành viên dự họp cùng nghe và nhất trí thông qua. {{ " + data + ".so_ban }}./.")  # copies
    signature_table(doc, [
        (["THƯ KÝ"], "(Ký, ghi rõ họ tên)", secretary),
        (["CHỦ TRÌ"], chair_note, chair),
    ])


def repeat_header(row):
    """The header row repeats on every page the table runs over."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def keep_with_next_row(row):
    """Keep a header row with the first data row: LibreOffice otherwise loses the rows of a table whose
    unsplittable repeated header lands alone at the foot of a page."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def loop_table(doc, widths, headers, loop, cells, *, size=13, header_size=None, total=None, together=True):
    """A bordered table: a bold header row, one row per item of `loop` (docxtpl `{%tr %}`), an optional
    bold total row. A header is a text, or a list of texts printed as lines of one cell. `cells` are
    (text, align) or (text, align, bold). The header repeats on every page and keeps with the first row.

    `together`: every row keeps with the next, so a table whose rows are bounded (a cluster's units, the
    plan's contents, the classes) is never split, and keeps with the paragraph after it. Pass False for a
    table that may run over a page (every commune of a district or a city)."""
    intro = doc.paragraphs[-1] if doc.paragraphs else None
    if intro is not None and intro.text.rstrip().endswith(":"):
        intro.paragraph_format.keep_with_next = True  # "… như sau:" goes with the table it announces
    t = table(doc, widths, borders=True)
    row = add_row(t, widths)
    for c, h in zip(row.cells, headers):
        lines = h if isinstance(h, list) else [h]
        for i, line in enumerate(lines):
            kw = {} if len(lines) == 1 else {"before": 2 if i == 0 else 0, "after": 2 if i == len(lines) - 1 else 0}
            cell_text(c, line, bold=True, size=header_size or size, **kw)
    repeat_header(row)
    keep_with_next_row(row)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr for " + loop + " %}")
    row = add_row(t, widths)
    for c, spec in zip(row.cells, cells):
        text, align, bold = (*spec, False) if len(spec) == 2 else spec
        cell_text(c, text, align=align, size=size, bold=bold)
    if together:
        keep_with_next_row(row)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr endfor %}")
    if total:
        row = add_row(t, widths)
        for c, text in zip(row.cells, total):
            cell_text(c, text, bold=True, size=size)
    return t


def self_score_table(doc, loop: str, values: list[str], totals: list[str]) -> None:
    """The self-score sheet's table (the plan's Phụ lục 01 and each commune's): STT, content or criterion, max
    points, self-score; a row per content (`{% for nd in <loop> %}`, its `values` in the point columns) and a
    row per criterion, then the totals (`totals`, bold)."""
    widths = [14, 111, 20, 20]
    t = table(doc, widths, borders=True)
    row = add_row(t, widths)
    for c, h in zip(row.cells, ["STT", "Nội dung, tiêu chí", "Điểm tối đa", "Điểm tự chấm"]):
        cell_text(c, h, bold=True)
    repeat_header(row)
    keep_with_next_row(row)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr for nd in " + loop + " %}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{{ nd.so }}")
    cell_text(row.cells[1], "{{ nd.ten }}", align=LEFT)
    for c, k in zip(row.cells[2:], values):
        cell_text(c, "{{ nd." + k + " }}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr for tc in nd.tieu_chi %}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{{ tc.so }}", italic=True)
    cell_text(row.cells[1], "{{ tc.ten }}", italic=True, align=LEFT)
    cell_text(row.cells[2], "{{ tc.toi_da }}", italic=True)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr endfor %}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr endfor %}")
    row = add_row(t, widths)
    merged = row.cells[0].merge(row.cells[1])
    cell_text(merged, "Tổng cộng", bold=True)
    for c, k in zip(row.cells[2:], totals):
        cell_text(c, "{{ " + k + " }}", bold=True)
