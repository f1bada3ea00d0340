"""A tally as .xlsx bytes (openpyxl): bordered tables with formulas, A4 landscape, the header row repeated.

Number formats: Excel and LibreOffice store a format code in one neutral notation ('.' is the decimal
placeholder, ',' groups thousands) and show it with the reader's locale, so a Vietnamese Excel shows 93,5.
Writing '0,0' would mean thousands grouping, not a decimal comma. Scores use 'General' (93 and 93,5, as
in the .docx, never 93,0); counts are integers ('0'); both carry the Vietnamese locale tag (below)."""
from __future__ import annotations

import copy
import datetime
import functools
import io
import zipfile
from decimal import Decimal

from docgen.context.tallies import Sheet, Workbook
from docgen.render.package import normalize_zip

FONT = "Times New Roman"
# [$-42A] is the Vietnamese locale (LCID 0x042A): LibreOffice then shows the decimal comma whatever the
# machine's locale; Excel keeps the format and takes the separators from Windows (vi-VN: a comma).
NUMBER = "[$-42A]General"
INTEGER = "[$-42A]0"


def _fill(value, places: dict) -> object:
    if isinstance(value, str) and value.startswith("="):
        return value.format(**places)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)  # exact up to 2 decimals
    return value


class _Styles:
    """The cell styles of one workbook. openpyxl looks every font, border and alignment a cell is given up
    in the workbook's style lists (hashing it field by field): a tally gives the same few styles to
    hundreds of cells. The first cell of each style is styled through openpyxl (the lists grow in the same
    order as before); the others get a copy of its style array (the same indices: the same bytes)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, Side

        self.font, self.alignment = functools.lru_cache(None)(Font), functools.lru_cache(None)(Alignment)
        thin = Side(style="thin")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.arrays: dict[tuple, object] = {}  # style → the style array of its first cell

    def apply(self, cell, **style) -> None:
        """Set `style` (font=…, border=…, alignment=…, number_format=…, in this order) on the cell."""
        # by identity: font() and alignment() give one object per look (hashing one is the cost avoided)
        key = tuple((name, value if isinstance(value, str) else id(value)) for name, value in style.items())
        array = self.arrays.get(key)
        if array is None:
            for name, value in style.items():
                setattr(cell, name, value)
            self.arrays[key] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _write_sheet(ws, sheet: Sheet, st: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    font, align = st.font, st.alignment
    width = max(len(b.headers) for b in sheet.blocks)
    row = 1
    for i, text in enumerate(sheet.titles):
        st.apply(ws.cell(row, 1, text),
                 font=font(name=FONT, size=13, bold=i < len(sheet.titles) - 1 or len(sheet.titles) < 3,
                           italic=text.startswith("(")),
                 alignment=align(horizontal="center", vertical="center", wrap_text=True))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    row += 1
    places: dict[str, int] = {}
    first_header = None
    for n, block in enumerate(sheet.blocks):
        if block.caption:
            st.apply(ws.cell(row, 1, block.caption), font=font(name=FONT, size=13, bold=True))
            row += 1
        ws.row_dimensions[row].height = 33  # two lines of 12 pt: a wrapped header is never cut
        for c, (head, w) in enumerate(zip(block.headers, block.widths), start=1):
            st.apply(ws.cell(row, c, head), font=font(name=FONT, size=12, bold=True),
                     alignment=align(horizontal="center", vertical="center", wrap_text=True), border=st.box)
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, w)
        first_header = first_header or row
        first, last = row + 1, row + len(block.rows)
        places.update({f"first{n}": first, f"last{n}": last, "first": first, "last": last,
                       "total": last + 1})
        for r, values in enumerate(block.rows + block.totals, start=first):
            bold = r > last
            for c, value in enumerate(values, start=1):
                long_text = isinstance(value, str) and not value.startswith("=") and len(value) > 3
                st.apply(ws.cell(r, c, _fill(value, {**places, "r": r})), font=font(name=FONT, size=12, bold=bold),
                         border=st.box,
                         alignment=align(horizontal="left" if long_text else "center", vertical="center",
                                         wrap_text=True),
                         number_format=INTEGER if isinstance(value, int) else NUMBER)
        row = last + len(block.totals) + 2
    if sheet.note:
        st.apply(ws.cell(row, 1, sheet.note), font=font(name=FONT, size=11, italic=True))
    ws.print_title_rows = f"{first_header}:{first_header}"  # the header row on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as many as needed down
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left, ws.page_margins.right = 0.6, 0.4  # inches: about 15 mm and 10 mm
    ws.print_options.horizontalCentered = True


def render(book: Workbook) -> bytes:
    """The workbook's bytes; the same tally gives the same bytes (fixed zip and document times)."""
    from openpyxl import Workbook as XlsxBook  # imported here: only the commands that write tallies need it

    wb = XlsxBook()
    wb.remove(wb.active)
    styles = _Styles()
    for sheet in book.sheets:
        _write_sheet(wb.create_sheet(sheet.name[:31]), sheet, styles)
    wb.properties.creator = wb.properties.lastModifiedBy = "docgen"  # no clerk's name, as in the .docx
    wb.properties.title = book.title
    return normalize_zip(_save(wb))


@functools.lru_cache(maxsize=1)
def _writer():
    """openpyxl's ExcelWriter, each sheet written in memory. openpyxl writes a sheet into a temporary
    file, adds that file to the zip and removes it: two files made and removed on the output's disk per
    tally (docgen's temporary folder is the staging folder), for a few kilobytes."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class Writer(ExcelWriter):
        def write_worksheet(self, ws):  # ExcelWriter.write_worksheet (openpyxl 3.1), but for where the sheet goes
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = WorksheetWriter(ws, io.BytesIO())
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.read())
            self.manifest.append(ws)

    return Writer


def _save(wb) -> bytes:
    """openpyxl's save_workbook into memory, with the sheets written in memory too (_writer), and the
    members stored uncompressed: normalize_zip compresses each once, as docgen writes every zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        wb.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
        _writer()(wb, archive).save()
    return out.getvalue()
