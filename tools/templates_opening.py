"""Templates of the district's opening documents (plan IV.4.b–d): its Kế hoạch triển khai, the Quyết định
thành lập Cụm thi đua và Đoàn kiểm tra (with the list attached) and the Quyết định thành lập Đoàn giám sát.
Registered in make_templates.TEMPLATES."""
from __future__ import annotations

import nd30
from nd30 import CENTER, LEFT, TEXT_WIDTH_MM, add_row, cell_text, centered, para, tag


def _header(doc):
    """A district UBND has no chủ quản: its name on two bold lines (nd30-format 10.1)."""
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}", top_bold=True)


def _decision_opening(doc):
    """Tên loại, trích yếu, the authority, the grounds, then "QUYẾT ĐỊNH:" (NĐ 30 Mẫu 1.1)."""
    nd30.title(doc, "QUYẾT ĐỊNH", "{{ trich_yeu }}", line=False)
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)
    centered(doc, "{{ tham_quyen }}", size=14, bold=True, before=12)
    para(doc, "", indent_first_mm=0, before=0)
    tag(doc, "for cc in can_cu")
    para(doc, "{{ cc }}", italic=True)
    tag(doc, "endfor")
    centered(doc, "QUYẾT ĐỊNH:", size=14, bold=True, before=12, after=6)


def _articles(doc):
    tag(doc, "for d in dieu")
    para(doc, "{{ d }}")
    tag(doc, "endfor")
    para(doc, "{{ dieu_cuoi }}")  # outside the loop: it keeps with the signature (a loop's last is a tag)


def quyet_dinh_thanh_lap_cum():
    doc = nd30.new_document()
    _header(doc)
    _decision_opening(doc)
    _articles(doc)
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    # The list, on its own page: the clusters, their communes and leader, each cluster's team.
    p = centered(doc, "DANH SÁCH", size=14, bold=True)
    p.paragraph_format.page_break_before = True
    centered(doc, "CỤM THI ĐUA VÀ ĐOÀN KIỂM TRA CHÉO CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {{ ke_hoach.nam }}",
             size=14, bold=True)
    centered(doc, "{{ kem_theo }}", size=14, italic=True)
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)
    para(doc, "", indent_first_mm=0, before=0)
    widths = [14, 52, 69, 30]
    t = nd30.table(doc, widths, borders=True)
    row = add_row(t, widths)
    for c, h in zip(row.cells, ["STT", "Họ và tên", "Chức vụ, đơn vị", "Nhiệm vụ trong Đoàn"]):
        cell_text(c, h, bold=True)
    nd30.repeat_header(row)
    nd30.keep_with_next_row(row)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr for c in cac_cum %}")
    row = add_row(t, widths)
    merged = row.cells[0].merge(row.cells[3])
    cell_text(merged, "{{ c.tieu_de }}", bold=True, align=LEFT)
    cell_text(merged, "{{ c.don_vi }}", italic=True, align=LEFT, before=0)
    nd30.keep_with_next_row(row)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr for tv in c.doan %}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{{ tv.stt }}")
    cell_text(row.cells[1], "{{ tv.ho_ten }}", align=LEFT)
    cell_text(row.cells[2], "{{ tv.chuc_vu }}", align=LEFT)
    cell_text(row.cells[3], "{{ tv.nhiem_vu }}", align=CENTER)
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr endfor %}")
    row = add_row(t, widths)
    cell_text(row.cells[0], "{%tr endfor %}")
    row = add_row(t, widths)  # the total in the table: "./." ends the articles, not the attached list
    merged = row.cells[0].merge(row.cells[3])
    cell_text(merged, "{{ tong_cong }}", bold=True, align=LEFT)
    return doc


def quyet_dinh_giam_sat():
    doc = nd30.new_document()
    _header(doc)
    _decision_opening(doc)
    _articles(doc)
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


def _sections(doc, loop: str):
    """Numbered sections: a bold heading, then its paragraphs (the table of clusters sits between two loops)."""
    tag(doc, f"for m in {loop}")
    para(doc, "{{ m.tieu_de }}", bold=True, keep_next=True)
    tag(doc, "for d in m.doan")
    para(doc, "{{ d }}")
    tag(doc, "endfor")
    tag(doc, "endfor")


def ke_hoach_trien_khai():
    doc = nd30.new_document()
    _header(doc)
    nd30.title(doc, "KẾ HOẠCH", ["{{ trich_yeu }}"])
    para(doc, "{{ mo_dau }}", before=12)
    _sections(doc, "muc_truoc")
    para(doc, "{{ bang_cum }}", keep_next=True)
    nd30.loop_table(doc, [14, 24, 42, 55, 30], ["STT", "Cụm", "Đơn vị Cụm trưởng", "Các đơn vị trong Cụm",
                                                "Thời gian kiểm tra"], "c in cac_cum",
                    [("{{ c.stt }}", CENTER), ("{{ c.ten }}", CENTER), ("{{ c.cum_truong }}", LEFT),
                     ("{{ c.don_vi }}", LEFT), ("{{ c.thoi_gian }}", CENTER)])
    _sections(doc, "muc_sau")
    para(doc, "{{ ket_thuc }}", before=6)
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


TEMPLATES = {
    "ke-hoach-trien-khai-huyen.docx": ke_hoach_trien_khai,
    "quyet-dinh-thanh-lap-doan-giam-sat.docx": quyet_dinh_giam_sat,
    "quyet-dinh-thanh-lap-cum.docx": quyet_dinh_thanh_lap_cum,
}
