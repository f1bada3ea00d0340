"""Templates of the award chain: each proposed individual's Báo cáo thành tích (in the cluster's dossier), and
the district's after the council (plan IV.4.e): the Phòng Nội vụ's Tờ trình proposing the Giấy khen, and the
Chairman's Quyết định khen thưởng with its Danh sách. Registered in make_templates.TEMPLATES."""
from __future__ import annotations

import nd30
from nd30 import CENTER, LEFT, TEXT_WIDTH_MM, add_row, cell_text, centered, para, tag
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


def _written_lines(doc, loop: str, blank: str):
    """The person's own lines; none given (`blank`): the one empty line docgen gives is a tab dotted to the
    margin, and two more dotted lines follow: room to write by hand (as in the inspection minutes)."""
    tag(doc, "for x in " + loop)
    nd30.dotted_tab(para(doc, "{{ x }}"))
    tag(doc, "endfor")
    tag(doc, "if " + blank)
    for _ in range(2):
        nd30.dotted_tab(para(doc, "\t", indent_first_mm=0, before=0))
    tag(doc, "endif")


def bao_cao_thanh_tich_ca_nhan():
    """NĐ 91/2017 Mẫu số 02 (cá nhân), in two-tier years NĐ 152/2025's form for an individual; the headings
    and signatures are from memory of those forms (see docgen/context/personal_report.py)."""
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}", top_bold=True)
    nd30.title(doc, "BÁO CÁO THÀNH TÍCH", ["{{ de_nghi }}",
                                           "về thành tích xuất sắc trong công tác văn thư, lưu trữ năm "
                                           "{{ ke_hoach.nam }}"])
    para(doc, "I. SƠ LƯỢC LÝ LỊCH", bold=True, keep_next=True, before=12)
    para(doc, "- Họ và tên: {{ ho_ten }}", keep_next=True)
    tag(doc, "for d in ly_lich")
    nd30.dotted_tab(para(doc, "- {{ d.nhan }}: {{ d.gia_tri }}"))  # unknown: dotted to the margin
    tag(doc, "endfor")
    para(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, keep_next=True)
    para(doc, "1. Quyền hạn, nhiệm vụ được giao", bold=True, keep_next=True)
    _written_lines(doc, "nhiem_vu", "nhiem_vu_trong")
    para(doc, "2. Thành tích đạt được", bold=True, keep_next=True)
    para(doc, "{{ vai_tro }}")
    para(doc, "{{ ket_qua }}")
    _written_lines(doc, "thanh_tich", "thanh_tich_trong")
    para(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, keep_next=True)
    for n, (what, decision, loop) in enumerate([
            ("Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; "
                                  "cơ quan ban hành quyết định", "danh_hieu"),
            ("Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành "
                                      "quyết định", "khen_thuong")], start=1):
        para(doc, f"{n}. {what}", bold=True, keep_next=True)
        nd30.loop_table(doc, [20, 60, 85], ["Năm", what, decision], f"k in {loop}",
                        [("{{ k.nam }}", CENTER), ("{{ k.ten }}", LEFT), ("{{ k.quyet_dinh }}", LEFT)])
    para(doc, "{{ ket_thuc }}", before=12)  # F-BODY-10: the content ends with "./."
    _confirm_and_report(doc)
    return doc


def _confirm_and_report(doc):
    """Left: the commune's head confirms for the UBND (TM., KT. lines vary), with its seal; right: the person
    who reports. Two unsplittable rows kept together: the titles, then room to sign and the names, which so
    line up whatever the number of lines above them."""
    nd30.keep_with_signature(doc)
    para(doc, "", indent_first_mm=0, before=0, keep_next=True)
    widths = [TEXT_WIDTH_MM / 2] * 2
    t = nd30.table(doc, widths)
    row = add_row(t, widths)
    left, right = row.cells
    cell_text(left, "THỦ TRƯỞNG ĐƠN VỊ", size=13, bold=True, before=0, after=0)
    cell_text(left, "XÁC NHẬN, ĐỀ NGHỊ", size=13, bold=True, before=0, after=0)
    cell_text(left, "{%p for dong in ky.dong %}", size=14, before=0, after=0)
    cell_text(left, "{{ dong }}", size=14, bold=True, before=0, after=0)
    cell_text(left, "{%p endfor %}", size=14, before=0, after=0)
    cell_text(left, "(Ký, đóng dấu)", size=13, italic=True, before=0, after=0)
    cell_text(right, "NGƯỜI BÁO CÁO THÀNH TÍCH", size=13, bold=True, before=0, after=0)
    cell_text(right, "(Ký, ghi rõ họ và tên)", size=13, italic=True, before=0, after=0)
    nd30.keep_with_next_row(row)
    row = add_row(t, widths)
    for cell, name in zip(row.cells, ("{{ ky.ho_ten }}", "{{ ho_ten }}")):
        for _ in range(4):  # room for the signature (and the seal, F-SIG-8)
            cell_text(cell, "", size=14, before=0, after=0)
        cell_text(cell, name, size=14, bold=True, before=0, after=0)


TEMPLATES = {
    "bao-cao-thanh-tich-ca-nhan.docx": bao_cao_thanh_tich_ca_nhan,
    "to-trinh-de-nghi-giay-khen.docx": to_trinh_giay_khen,
    "quyet-dinh-khen-thuong-huyen.docx": quyet_dinh_khen_thuong,
    "du-thao-quyet-dinh-bang-khen.docx": quyet_dinh_khen_thuong,  # the same decision, drafted by the Sở
}
