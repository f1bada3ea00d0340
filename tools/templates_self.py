"""Template of each commune's Báo cáo tự đánh giá (plan III.3.b, IV.6.a). Registered in make_templates.TEMPLATES."""
from __future__ import annotations

import nd30
from nd30 import CENTER, LEFT, add_row, cell_text, para, tag


def _bullets(doc, loop: str):
    tag(doc, f"for x in {loop}")
    para(doc, "{{ x }}")
    tag(doc, "endfor")


def supervisors(doc, heading: str | None = None):
    """The district's supervisors among those present, when `giam_sat` is given (plan III.3.c)."""
    tag(doc, "if giam_sat")
    if heading:
        para(doc, heading, bold=True, keep_next=True)
        tag(doc, "for gs in giam_sat.thanh_vien")
        para(doc, "- {{ gs.ho_ten }}, {{ gs.chuc_vu }}" + nd30.ITEM_END)
    else:
        tag(doc, "for gs in giam_sat.thanh_vien")
        para(doc, "- Đoàn giám sát của {{ giam_sat.cua }}: {{ gs.ho_ten }}, {{ gs.chuc_vu }}" + nd30.ITEM_END)
    tag(doc, "endfor")
    tag(doc, "endif")


def supervisor_opinions(doc):
    tag(doc, "if giam_sat")
    para(doc, "Ý kiến tham gia của Đoàn giám sát:", keep_next=True)
    tag(doc, "for yk in giam_sat.y_kien")
    para(doc, "- {{ yk }}" + nd30.ITEM_END)
    tag(doc, "endfor")
    tag(doc, "endif")


def bao_cao_tu_danh_gia():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}", top_bold=True)
    nd30.title(doc, "BÁO CÁO", ["Tự đánh giá công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}"])
    nd30.kinh_gui(doc)
    para(doc, "{{ mo_dau }}", before=12)
    para(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True, keep_next=True)
    tag(doc, "for nd in noi_dung")
    para(doc, "{{ nd.so }}. {{ nd.ten }}", bold=True, keep_next=True)
    para(doc, "- Ưu điểm: {{ nd.uu_diem }}")
    para(doc, "- Hạn chế: {{ nd.han_che }}")
    tag(doc, "endfor")
    para(doc, "II. NGUYÊN NHÂN", bold=True, keep_next=True)
    _bullets(doc, "nguyen_nhan")
    para(doc, "III. GIẢI PHÁP", bold=True, keep_next=True)
    _bullets(doc, "giai_phap")
    para(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, keep_next=True)
    _bullets(doc, "de_xuat")
    para(doc, "V. TỰ CHẤM ĐIỂM, XẾP LOẠI", bold=True, keep_next=True)
    widths = [14, 101, 25, 25]
    t = nd30.loop_table(doc, widths, ["STT", "Nội dung", "Điểm tối đa", "Tự chấm"], "d in bang_diem",
                        [("{{ d.so }}", CENTER), ("{{ d.ten }}", LEFT), ("{{ d.toi_da }}", CENTER),
                         ("{{ d.tu_cham }}", CENTER)])
    row = add_row(t, widths)
    merged = row.cells[0].merge(row.cells[1])
    cell_text(merged, "Tổng cộng", bold=True)
    cell_text(row.cells[2], "{{ tong_toi_da }}", bold=True)
    cell_text(row.cells[3], "{{ tong_tu_cham }}", bold=True)
    para(doc, "{{ ket_qua }}", before=6)
    para(doc, "Trên đây là báo cáo tự đánh giá công tác văn thư, lưu trữ của đơn vị./.")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


TEMPLATES = {"bao-cao-tu-danh-gia.docx": bao_cao_tu_danh_gia}


def giay_moi_hop_cum():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}", top_bold=True)
    nd30.title(doc, "GIẤY MỜI", ["{{ trich_yeu }}"])
    para(doc, "{{ moi }}", before=12, keep_next=True)
    _bullets(doc, "khach")
    para(doc, "{{ thoi_gian }}")
    para(doc, "{{ dia_diem }}")
    para(doc, "{{ noi_dung }}")
    para(doc, "{{ ket }}")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


TEMPLATES["giay-moi-hop-cum.docx"] = giay_moi_hop_cum
