"""Templates of the district's award chain after the council (plan IV.4.e): the Phòng Nội vụ's Tờ trình
proposing the Giấy khen, and the Chairman's Quyết định khen thưởng with its Danh sách. Registered in
make_templates.TEMPLATES."""
from __future__ import annotations

import nd30
from nd30 import CENTER, LEFT, TEXT_WIDTH_MM, centered, para, tag
from templates_opening import _decision_opening, _header


def _lists(doc):
    """I. Tập thể, II. Cá nhân: each table only when the list has someone (an empty table says nothing)."""
    tag(doc, "if tap_the")
    para(doc, "{{ muc_tap_the }}", bold=True, keep_next=True)
    nd30.loop_table(doc, [14, 70, 35, 24, 22], ["STT", "Tập thể", "{{ cot_nhom }}", "Tổng điểm", "Xếp loại"], "t in tap_the",
                    [("{{ t.stt }}", CENTER), ("{{ t.ten }}", LEFT), ("{{ t.cum }}", LEFT),
                     ("{{ t.tong_diem }}", CENTER), ("{{ t.xep_loai }}", CENTER)], together=False)
    tag(doc, "endif")
    tag(doc, "if ca_nhan")
    para(doc, "{{ muc_ca_nhan }}", bold=True, keep_next=True, before=12)
    nd30.loop_table(doc, [14, 50, 70, 31], ["STT", "Họ và tên", "Chức vụ, đơn vị", "Cụm"], "p in ca_nhan",
                    [("{{ p.stt }}", CENTER), ("{{ p.ho_ten }}", LEFT), ("{{ p.chuc_vu }}", LEFT),
                     ("{{ p.cum }}", LEFT)], together=False)
    tag(doc, "endif")


def to_trinh_giay_khen():
    """Phòng Nội vụ to the district UBND: the clusters' proposals, for the Chairman to decide."""
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "TỜ TRÌNH", ["Về việc đề nghị tặng {{ hinh_thuc }} cho các tập thể, cá nhân",
                                 "có thành tích trong công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}"])
    nd30.kinh_gui(doc)
    tag(doc, "for d in mo_dau")
    para(doc, "{{ d }}")
    tag(doc, "endfor")
    para(doc, "{{ de_nghi }}", keep_next=True)
    _lists(doc)
    para(doc, "Hồ sơ kèm theo:", keep_next=True, before=12)
    tag(doc, "for hs in ho_so_kem_theo")
    para(doc, "- {{ hs }}")
    tag(doc, "endfor")
    para(doc, "{{ ket_thuc }}")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


def quyet_dinh_khen_thuong():
    """The Chairman's decision: Điều 1 the award, Điều 2 the money, Điều 3 who executes; the list after."""
    doc = nd30.new_document()
    # The Sở's draft for the Chairman of the province carries its mark above the header (a draft, not issued).
    tag(doc, "if du_thao")
    para(doc, "DỰ THẢO", bold=True, indent_first_mm=0, before=0, size=13)
    tag(doc, "endif")
    _header(doc)
    _decision_opening(doc)
    tag(doc, "for d in dieu")
    para(doc, "{{ d }}")
    tag(doc, "endfor")
    para(doc, "{{ dieu_cuoi }}")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    p = centered(doc, "DANH SÁCH", size=14, bold=True)
    p.paragraph_format.page_break_before = True
    centered(doc, "{{ danh_sach_tieu_de }}", size=14, bold=True)
    centered(doc, "{{ kem_theo }}", size=14, italic=True)
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)
    para(doc, "", indent_first_mm=0, before=0)
    _lists(doc)
    para(doc, "{{ tong_cong }}", bold=True, before=12, indent_first_mm=0)
    return doc


TEMPLATES = {
    "to-trinh-de-nghi-giay-khen.docx": to_trinh_giay_khen,
    "quyet-dinh-khen-thuong-huyen.docx": quyet_dinh_khen_thuong,
    "du-thao-quyet-dinh-bang-khen.docx": quyet_dinh_khen_thuong,  # the same decision, drafted by the Sở
}
