"""Template of the dossier's Mục lục văn bản: every document of the hồ sơ in filing order (why not "Danh mục
hồ sơ": see README, "For developers")."""
from __future__ import annotations

import nd30
from nd30 import (
    CENTER,
    LEFT,
    LEFT_COL_MM,
    RIGHT_COL_MM,
    TEXT_WIDTH_MM,
    add_row,
    cell_text,
    centered,
    para,
)

# The columns a văn thư expects in a hồ sơ's Mục lục văn bản; 11 pt so that a date fits its column on one
# line and a number such as "2150/QĐ-UBND" on two, on a portrait page.
SIZE = 11
COLUMNS = [
    (12, "STT", "{{ vb.stt }}", CENTER),
    (23, "Số, ký hiệu văn bản", "{{ vb.so_ky_hieu }}", CENTER),
    (22, ["Ngày, tháng,", "năm văn bản"], "{{ vb.ngay }}", CENTER),
    (50, "Tên loại và trích yếu nội dung", "{{ vb.ten }}", LEFT),
    (29, "Tác giả văn bản", "{{ vb.tac_gia }}", LEFT),
    (15, "Tờ số", "{{ vb.to_so }}", CENTER),
    (14, "Ghi chú", "{{ vb.ghi_chu }}", LEFT),
]


def _documents_table(doc):
    """One row per document; the header repeats on every page. Only the last document's row keeps with the
    total and the signature (so that they never stand alone on a page): the others may run over a page, which
    a row repeated by one loop could not tell apart, hence a loop for all but the last and one for the last."""
    widths = [c[0] for c in COLUMNS]
    assert sum(widths) == TEXT_WIDTH_MM
    t = nd30.table(doc, widths, borders=True)
    nd30.cell_margins(t, 1.0)  # narrow columns: "STT" and a date on one line
    row = add_row(t, widths)
    for cell, (_, header, _, _) in zip(row.cells, COLUMNS):
        lines = header if isinstance(header, list) else [header]
        for i, line in enumerate(lines):
            kw = {} if len(lines) == 1 else {"before": 2 if i == 0 else 0, "after": 2 if i == len(lines) - 1 else 0}
            cell_text(cell, line, bold=True, size=SIZE, **kw)
    nd30.repeat_header(row)
    nd30.keep_with_next_row(row)
    for loop, last in (("vb in van_ban[:-1]", False), ("vb in van_ban[-1:]", True)):
        cell_text(add_row(t, widths).cells[0], "{%tr for " + loop + " %}")
        row = add_row(t, widths)
        for cell, (_, _, text, align) in zip(row.cells, COLUMNS):
            cell_text(cell, text, align=align, size=SIZE)
        if last:
            nd30.keep_with_next_row(row)
        cell_text(add_row(t, widths).cells[0], "{%tr endfor %}")


def muc_luc_van_ban():
    doc = nd30.new_document()
    # The agency keeping the hồ sơ, top left (F-CQ-1..3); a Mục lục is filed, not issued: no Số, date or Quốc hiệu.
    widths = [LEFT_COL_MM, RIGHT_COL_MM]
    t = nd30.table(doc, widths)
    left = add_row(t, widths).cells[0]
    cell_text(left, "{{ co_quan_chu_quan }}", size=13, before=0, after=0)
    cell_text(left, "{{ co_quan_ban_hanh }}", size=13, bold=True, before=0, after=0)
    nd30.rule_line(left, 24, LEFT_COL_MM)
    # the hồ sơ's own title under the tên loại, as on the cover of a hồ sơ
    nd30.title(doc, "MỤC LỤC VĂN BẢN", "{{ ho_so.tieu_de }}", line=False)
    centered(doc, "{{ ho_so.don_vi }}", size=14, bold=True)
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)  # F-TL-3, under the whole title
    para(doc, "Hồ sơ gồm các văn bản sau, xếp theo thứ tự trong hồ sơ:", before=12, keep_next=True)
    _documents_table(doc)
    para(doc, "{{ tong_cong }}./.", before=6)
    nd30.signature_table(doc, [
        ([""], "", ""),
        (["NGƯỜI LẬP"], "(Ký, ghi rõ họ tên)", "{{ nguoi_lap }}"),
    ])
    return doc


TEMPLATES = {"muc-luc-van-ban.docx": muc_luc_van_ban}
