"""A tally as .xlsx bytes (openpyxl): bordered tables with formulas, A4 landscape, the header row repeated.

Number formats: Excel and LibreOffice store a format code in one neutral notation ('.' is the decimal
placeholder, ',' groups thousands) and show it with the reader's locale, so a Vietnamese Excel shows 93,5.
Writing '0,0' would mean thousands grouping, not a decimal comma. Scores use 'General' (93 and 93,5, as
in the .docx, never 93,0); counts are integers ('0'); both carry the Vietnamese locale tag (below)."""
from __future__ import annotations

import io
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


def _write_sheet(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = max(len(b.headers) for b in sheet.blocks)
    row = 1
    for i, text in enumerate(sheet.titles):
        ws.cell(row, 1, text).font = Font(name=FONT, size=13, bold=i < len(sheet.titles) - 1 or len(sheet.titles) < 3,
                                          italic=text.startswith("("))
        ws.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    row += 1
    places: dict[str, int] = {}
    first_header = None
    for n, block in enumerate(sheet.blocks):
        if block.caption:
            ws.cell(row, 1, block.caption).font = Font(name=FONT, size=13, bold=True)
            row += 1
        ws.row_dimensions[row].height = 33  # two lines of 12 pt: a wrapped header is never cut
        for c, (head, w) in enumerate(zip(block.headers, block.widths), start=1):
            cell = ws.cell(row, c, head)
            cell.font = Font(name=FONT, size=12, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, w)
        first_header = first_header or row
        first, last = row + 1, row + len(block.rows)
        places.update({f"first{n}": first, f"last{n}": last, "first": first, "last": last,
                       "total": last + 1})
        for r, values in enumerate(block.rows + block.totals, start=first):
            bold = r > last
            for c, value in enumerate(values, start=1):
                cell = ws.cell(r, c, _fill(value, {**places, "r": r}))
                cell.font = Font(name=FONT, size=12, bold=bold)
                cell.border = box
                long_text = isinstance(value, str) and not value.startswith("=") and len(value) > 3
                cell.alignment = Alignment(horizontal="left" if long_text else "center", vertical="center",
                                           wrap_text=True)
                cell.number_format = INTEGER if isinstance(value, int) else NUMBER
        row = last + len(block.totals) + 2
    if sheet.note:
        ws.cell(row, 1, sheet.note).font = Font(name=FONT, size=11, italic=True)
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
    for sheet in book.sheets:
        _write_sheet(wb.create_sheet(sheet.name[:31]), sheet)
    wb.properties.creator = wb.properties.lastModifiedBy = "docgen"  # no clerk's name, as in the .docx
    wb.properties.title = book.title
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())
