"""Template of the Kế hoạch itself (NĐ 30/2020 Mẫu 1.4, a document with a type name), laid out by nd30.py.

The body is one loop over ready-made paragraphs (docgen/plan_text.py numbers them and fills in the
placeholders); each kind of paragraph has its own formatting here, so a clerk who edits this .docx in
Word changes how every section heading, clause heading or paragraph looks.
"""
from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

import nd30
from nd30 import CENTER, LEFT, TEXT_WIDTH_MM, centered, para, tag


def ke_hoach():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "KẾ HOẠCH", "{{ trich_yeu }}")  # F-TL-1..3
    para(doc, "", indent_first_mm=0, before=6)
    tag(doc, "for d in doan")
    tag(doc, "if d.kieu == 'muc'")
    para(doc, "{{ d.chu }}", bold=True, keep_next=True)  # F-BODY-8: "I. TIÊU ĐỀ" in capitals, bold
    tag(doc, "elif d.kieu == 'khoan'")
    para(doc, "{{ d.chu }}", bold=True, keep_next=True)  # F-BODY-8: "1. Tiêu đề" bold
    tag(doc, "else")
    para(doc, "{{ d.chu }}")  # F-BODY-1..4: justified, 1 cm first line, 6 pt before, single spacing
    tag(doc, "endif")
    tag(doc, "endfor")
    para(doc, "", indent_first_mm=0, before=0)  # a blank line between the text and the signature
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}", previous=0)  # F-NN-3..5, F-SIG-2/3
    _phu_luc_01(doc)
    _phu_luc_02(doc)
    return doc


def _appendix_section(doc, landscape=False):
    """A new page and section for a phụ lục: its pages numbered from 1 (F-PGNUM-2, F-PL-4)."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), "1")
    sec._sectPr.append(num)
    sec.different_first_page_header_footer = True
    return sec


def _appendix_heads(doc, name, titles, width_mm):
    centered(doc, name, size=14, bold=True)  # F-PL-2
    for i, t in enumerate(titles):
        centered(doc, t, size=14, bold=True, before=6 if i == 0 else 0)
    centered(doc, "{{ kem_theo }}", size=14, italic=True)  # F-PL-3
    nd30.rule_line(doc, 40, width_mm, before=2)


def _phu_luc_01(doc):
    """The plan's Phụ lục số 01: its contents and criteria with their max points, a column for the commune's
    self-score (the form each commune fills and sends before its visit)."""
    _appendix_section(doc)
    _appendix_heads(doc, "Phụ lục số 01", ["BẢNG CHẤM ĐIỂM THI ĐUA", "CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {{ nam }}"],
                    TEXT_WIDTH_MM)
    para(doc, "Đơn vị: ……", bold=True, before=12)
    nd30.self_score_table(doc, "phu_luc_01", ["toi_da"], ["tong_toi_da"])
    para(doc, "Tổng điểm tự chấm: …… điểm. Đơn vị tự xếp loại: …….", before=12)
    para(doc, "Ghi chú: đơn vị tự chấm điểm từng nội dung, gửi bảng này cùng báo cáo về Cụm trưởng và các đơn vị "
              "trong Cụm trước ngày được kiểm tra {{ so_ngay_truoc }} ngày; Thủ trưởng đơn vị ký, đóng dấu.",
         italic=True)


def _phu_luc_02(doc):
    """The plan's Phụ lục số 02: the cluster's table of agreed scores and classes (landscape, 7 contents)."""
    _appendix_section(doc, landscape=True)
    width = 297 - 30 - 15
    _appendix_heads(doc, "Phụ lục số 02", ["BẢNG CHẤM ĐIỂM, XẾP LOẠI THI ĐUA CỦA CỤM",
                                          "CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {{ nam }}"], width)
    para(doc, "Cụm: ……", bold=True, before=12)
    n = 7
    widths = [12, 46] + [22] * n + [22, 18]
    heads = (["STT", "Đơn vị"] + [["{{ pl02_nd[" + str(i) + "].ten }}", "{{ pl02_nd[" + str(i) + "].diem }}"]
                                  for i in range(n)] + ["Tổng điểm", "Xếp loại"])
    cells = [("{{ dong }}", CENTER), ("", LEFT)] + [("", CENTER)] * (n + 2)
    t = nd30.loop_table(doc, widths, heads, "dong in pl02_dong", cells, header_size=12)
    nd30.cell_margins(t, 1.0)
    para(doc, "Ghi chú: điểm trong bảng là điểm các đơn vị trong Cụm biểu quyết thống nhất; xếp loại theo "
              "điểm d khoản 3 mục III của Kế hoạch này. Bảng kèm theo Biên bản họp Cụm; Cụm trưởng ký, đóng dấu.",
         italic=True, before=6)  # one size for the whole content (F-BODY-1)


TEMPLATES = {"ke-hoach.docx": ke_hoach}
