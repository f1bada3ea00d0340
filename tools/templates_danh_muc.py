"""Template of the dossier index (Danh mục hồ sơ): every document of the dossier in filing order."""
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


def danh_muc_ho_so():
    doc = nd30.new_document()
    # The agency keeping the dossier, top left (F-CQ-1..3); an index has no number, date or Quốc hiệu.
    widths = [LEFT_COL_MM, RIGHT_COL_MM]
    t = nd30.table(doc, widths)
    left = add_row(t, widths).cells[0]
    cell_text(left, "{{ co_quan_chu_quan }}", size=13, before=0, after=0)
    cell_text(left, "{{ co_quan_ban_hanh }}", size=13, bold=True, before=0, after=0)
    nd30.rule_line(left, 24, LEFT_COL_MM)
    nd30.title(doc, "DANH MỤC HỒ SƠ", "Kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}", line=False)
    centered(doc, "{{ cum.ten_day_du }}", size=14, bold=True)
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)  # F-TL-3, under the whole title
    para(doc, "Hồ sơ gồm các văn bản sau, xếp theo thứ tự trong hồ sơ:", before=12, keep_next=True)
    widths = [14, 101, 22, 28]
    nd30.loop_table(doc, widths, ["STT", "Tên văn bản", "Số trang", "Ghi chú"], "vb in van_ban",
                    [("{{ vb.stt }}", CENTER), ("{{ vb.ten }}", LEFT), ("{{ vb.so_trang }}", CENTER),
                     ("{{ vb.ghi_chu }}", LEFT)], together=False)  # a long dossier's index runs over
    para(doc, "{{ tong_cong }}./.", before=6)
    nd30.signature_table(doc, [
        ([""], "", ""),
        (["NGƯỜI LẬP DANH MỤC"], "(Ký, ghi rõ họ tên)", "{{ nguoi_lap }}"),
    ])
    return doc


TEMPLATES = {"danh-muc-ho-so.docx": danh_muc_ho_so}
