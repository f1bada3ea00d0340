"""Template of the Kế hoạch itself (NĐ 30/2020 Mẫu 1.4, a document with a type name), laid out by nd30.py.

The body is one loop over ready-made paragraphs (docgen/plan_text.py numbers them and fills in the
placeholders); each kind of paragraph has its own formatting here, so a clerk who edits this .docx in
Word changes how every section heading, clause heading or paragraph looks.
"""
from __future__ import annotations

import nd30
from nd30 import para, tag


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
    return doc


TEMPLATES = {"ke-hoach.docx": ke_hoach}
