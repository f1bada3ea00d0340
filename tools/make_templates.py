"""Write templates_docx/*.docx: real Word files with docxtpl tags, in the NĐ 30/2020 format.

Run `python tools/make_templates.py` after changing the layout here, and commit the .docx files with
tools/generated.json. Clerks may also edit the .docx files directly in Word or LibreOffice: a rerun then
leaves an edited file alone and names it (see generated.py), unless --force.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import generated
import nd30
import templates_ke_hoach
import templates_muc_luc
import templates_self
from nd30 import CENTER, LEFT, add_row, cell_text, centered, para, tag

from docgen.render.package import normalize_zip  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "templates_docx"


def bien_ban_kiem_tra():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "BIÊN BẢN", ["Kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}",
                                 "tại {{ don_vi.ten_ubnd }}"])
    # One sentence with a main clause: what is done (the team inspects), under which plan.
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}; {{ can_cu_cum }}, hồi {{ don_vi.gio_bat_dau }}, "
              "{{ don_vi.ngay_kiem_tra }}, tại {{ don_vi.dia_diem }}, Đoàn kiểm tra chéo {{ cum.ten_day_du }} "
              "tiến hành kiểm tra công tác văn thư, lưu trữ của {{ don_vi.ten_ubnd }}.", before=12)
    para(doc, "I. THÀNH PHẦN", bold=True, indent_first_mm=10, keep_next=True)
    para(doc, "1. Đoàn kiểm tra", bold=True, keep_next=True)
    tag(doc, "for tv in doan.thanh_vien")
    para(doc, "- {{ tv.ho_ten }}, {{ tv.chuc_vu_day_du }}{{ tv.vai_tro }}" + nd30.ITEM_END)
    tag(doc, "endfor")
    para(doc, "2. Đơn vị được kiểm tra: {{ don_vi.ten_ubnd }}", bold=True, keep_next=True)
    tag(doc, "for ng in don_vi.thanh_phan")
    para(doc, "- {{ ng.ho_ten }}, {{ ng.chuc_vu }}" + nd30.ITEM_END)
    tag(doc, "endfor")
    templates_self.supervisors(doc, "3. Đoàn giám sát của {{ giam_sat.cua }}")
    para(doc, "II. NỘI DUNG KIỂM TRA", bold=True, keep_next=True)
    para(doc, "{{ don_vi.ten_ubnd }} báo cáo kết quả hoạt động công tác văn thư, lưu trữ; báo cáo thống kê "
              "công tác văn thư, công tác lưu trữ và tài liệu lưu trữ {{ ke_hoach.ky_bao_cao_thong_ke }}; "
              "báo cáo kết quả tự chấm điểm, xếp loại. Đoàn kiểm tra thực tế hoạt động văn thư, lưu trữ "
              "{{ ke_hoach.ky_nghiep_vu }} theo {{ ke_hoach.so_noi_dung }} nội dung của Kế hoạch.")
    para(doc, "III. KẾT QUẢ KIỂM TRA", bold=True, keep_next=True)
    tag(doc, "for nx in don_vi.nhan_xet")
    para(doc, "{{ nx.so }}. {{ nx.ten }}", bold=True, keep_next=True)
    for key, label in (("uu_diem", "Ưu điểm"), ("han_che", "Hạn chế"), ("kien_nghi", "Kiến nghị")):
        tag(doc, f"if nx.{key} is not none")  # None: the team marked it 'không', nothing to say
        nd30.dotted_tab(para(doc, f"- {label}: {{{{ nx.{key} }}}}"))  # empty: a tab, dotted to the margin
        tag(doc, f"if nx.{key}_trong")  # and two more dotted lines: room to write by hand
        for _ in range(2):
            nd30.dotted_tab(para(doc, "\t", indent_first_mm=0, before=0))
        tag(doc, "endif")
        tag(doc, "endif")
    tag(doc, "endfor")
    para(doc, "IV. CHẤM ĐIỂM VÀ XẾP LOẠI", bold=True, keep_next=True)
    # Dated the visit day, the minutes know the self-score and the team's score; the agreed score is
    # voted later at the cluster meeting (its minutes and Phụ lục 02).
    widths = [14, 91, 20, 20, 20]
    t = nd30.loop_table(doc, widths, ["STT", "Nội dung", "Điểm tối đa", "Đơn vị tự chấm", "Đoàn chấm"],
                        "d in don_vi.bang_diem",
                        [("{{ d.so }}", CENTER), ("{{ d.ten }}", LEFT)]
                        + [("{{ d." + k + " }}", CENTER) for k in ["toi_da", "tu_cham", "doan_cham"]])
    row = add_row(t, widths)
    merged = row.cells[0].merge(row.cells[1])
    cell_text(merged, "Tổng cộng", bold=True)
    for c, k in zip(row.cells[2:], ["tong_toi_da", "tong_tu_cham", "tong_doan_cham"]):
        cell_text(c, "{{ don_vi." + k + " }}", bold=True)
    para(doc, "Tổng điểm Đoàn kiểm tra chấm: {{ don_vi.tong_doan_cham_chu }}. Xếp loại: {{ don_vi.xep_loai_doan }}.",
         bold=True, before=12)
    para(doc, "Kết quả chấm điểm, xếp loại được xem xét, thống nhất tại cuộc họp bình xét thi đua của Cụm.")
    para(doc, "V. KẾT LUẬN CỦA TRƯỞNG ĐOÀN", bold=True, keep_next=True)
    para(doc, "{{ don_vi.ket_luan }}")
    # Empty: a dotted line to the margin and one more, room for the unit to write its opinion by hand.
    nd30.dotted_tab(para(doc, "Ý kiến của đơn vị được kiểm tra: {{ don_vi.y_kien_don_vi }}"))
    tag(doc, "if don_vi.y_kien_trong")
    nd30.dotted_tab(para(doc, "\t", indent_first_mm=0, before=0))
    tag(doc, "endif")
    templates_self.supervisor_opinions(doc)
    para(doc, "Biên bản kết thúc vào hồi {{ don_vi.gio_ket_thuc }} cùng ngày, đã được đọc lại cho các thành "
              "viên Đoàn kiểm tra và đại diện {{ don_vi.ten_ubnd }} cùng nghe, nhất trí thông qua. "
              "{{ don_vi.so_ban }}./.")  # how many copies, who keeps them
    nd30.signature_table(doc, [
        (["ĐẠI DIỆN ĐƠN VỊ", "ĐƯỢC KIỂM TRA"], "(Ký, ghi rõ họ tên)", "{{ don_vi.dai_dien.ho_ten }}"),
        (["THƯ KÝ"], "(Ký, ghi rõ họ tên)", "{{ doan.thu_ky.ho_ten }}"),
        (["TRƯỞNG ĐOÀN"], "(Ký, ghi rõ họ tên)", "{{ doan.truong_doan.ho_ten }}"),
    ])
    return doc


def phu_luc_02():
    doc = nd30.new_document(landscape=True)
    width = 297 - 30 - 15
    centered(doc, "Phụ lục số 02", size=14, bold=True)  # F-PL-2
    centered(doc, "BẢNG CHẤM ĐIỂM, XẾP LOẠI THI ĐUA CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {{ ke_hoach.nam }}",
             size=14, bold=True, before=6)
    centered(doc, "{{ cum.ten_day_du_hoa }}", size=14, bold=True)
    centered(doc, "(Kèm theo Biên bản họp {{ cum.ten_day_du }} {{ ngay_hop_chu }})", size=14, italic=True)
    nd30.rule_line(doc, 40, width, before=2)
    n = 7
    # 252 mm of landscape text width; narrow cell margins let "Nội dung 1" / "(15 điểm)" each fit on
    # one line of its column (a two-line header instead of four broken lines).
    widths = [12, 46] + [22] * n + [22, 18]
    heads = (["STT", "Đơn vị"] + [["{{ nd_" + str(i) + "_ten }}", "{{ nd_" + str(i) + "_diem }}"] for i in range(1, n + 1)]
             + ["Tổng điểm", "Xếp loại"])
    cells = ([("{{ dv.stt }}", CENTER), ("{{ dv.ten_ubnd }}", LEFT)]
             + [("{{ dv.diem[" + str(i) + "] }}", CENTER) for i in range(n)]
             + [("{{ dv.tong_diem }}", CENTER, True), ("{{ dv.xep_loai }}", CENTER, True)])
    t = nd30.loop_table(doc, widths, heads, "dv in bang_tong_hop", cells, header_size=12)
    nd30.cell_margins(t, 1.0)
    para(doc, "Ghi chú: điểm trong bảng là điểm thống nhất của các đơn vị trong Cụm; xếp loại theo "
              "{{ ke_hoach.muc_xep_loai }}./.", size=13, italic=True, before=6)
    nd30.signature_table(doc, [
        (["THƯ KÝ"], "(Ký, ghi rõ họ tên)", "{{ doan.thu_ky.ho_ten }}"),
        (["CỤM TRƯỞNG"], "{{ cum_truong_chuc_vu }}", "{{ doan.truong_doan.ho_ten }}"),
    ], width_mm=width)
    return doc


def bien_ban_hop_cum():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "BIÊN BẢN", ["Họp bình xét thi đua công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}",
                                 "{{ cum.ten_day_du }}"])
    para(doc, "Thời gian bắt đầu: {{ hop.gio_bat_dau }}, {{ hop.ngay }}.", before=12)
    para(doc, "Địa điểm: {{ hop.dia_diem }}.")
    para(doc, "Thành phần tham dự:", keep_next=True)
    tag(doc, "for tv in doan.thanh_vien")
    para(doc, "- {{ tv.ho_ten }}, {{ tv.chuc_vu_day_du }}"
              '{{ "." if loop.last and not hop.khach_moi else ";" }}')  # the guests' list may follow
    tag(doc, "endfor")
    tag(doc, "for kh in hop.khach_moi")
    para(doc, "- Đại biểu mời: {{ kh.ho_ten }}, {{ kh.chuc_vu_don_vi }}" + nd30.ITEM_END)
    tag(doc, "endfor")
    templates_self.supervisors(doc)
    para(doc, "Chủ trì: {{ doan.truong_doan.ho_ten }}, {{ doan.truong_doan.chuc_vu_day_du }}, Cụm trưởng.")
    para(doc, "Thư ký: {{ doan.thu_ky.ho_ten }}, {{ doan.thu_ky.chuc_vu_day_du }}.")
    para(doc, "NỘI DUNG CUỘC HỌP", bold=True, keep_next=True, before=12)
    para(doc, "1. Kết quả kiểm tra, chấm điểm", bold=True, keep_next=True)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, từ {{ tu_ngay }} đến {{ den_ngay }}, Đoàn kiểm tra chéo "
              "{{ cum.ten_day_du }} đã kiểm tra {{ so_don_vi }} đơn vị. Kết quả chấm điểm thống nhất và xếp loại "
              "(chi tiết tại Phụ lục số 02 kèm theo):")
    widths = [14, 71, 40, 40]
    nd30.loop_table(doc, widths, ["STT", "Đơn vị", "Tổng điểm", "Xếp loại"], "dv in bang_tong_hop",
                    [("{{ dv.stt }}", CENTER), ("{{ dv.ten_ubnd }}", LEFT), ("{{ dv.tong_diem }}", CENTER),
                     ("{{ dv.xep_loai }}", CENTER)])
    para(doc, "{{ hop.dieu_chinh }}", before=6, keep_next=True)  # what the meeting changed in the team's scores
    tag(doc, "for dc in hop.dieu_chinh_dong")
    para(doc, "{{ dc }}")
    tag(doc, "endfor")
    para(doc, "Kết quả xếp loại được biểu quyết bằng hình thức {{ hop.hinh_thuc_bieu_quyet }}: "
              "{{ hop.bieu_quyet_xep_loai }}.")
    para(doc, "2. Ý kiến của các thành viên", bold=True, keep_next=True)
    tag(doc, "for yk in hop.y_kien")
    para(doc, "- {{ yk }}")
    tag(doc, "endfor")
    templates_self.supervisor_opinions(doc)
    para(doc, "3. Đề nghị khen thưởng", bold=True, keep_next=True)
    para(doc, "a) {{ hop.khen_a }}", keep_next=True)  # the district's Giấy khen: collectives of class A, people
    tag(doc, "for kt in hop.khen_a_dong")
    para(doc, "{{ kt }}")
    tag(doc, "endfor")
    para(doc, "b) {{ hop.khen_b }}")  # the cluster's one outstanding commune, forwarded for the city's Bằng khen
    nd30.minutes_ending(doc, "hop", "{{ doan.thu_ky.ho_ten }}", "{{ cum_truong_chuc_vu }}",
                        "{{ doan.truong_doan.ho_ten }}")
    return doc


def cong_van_de_nghi():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}",
                      vv_line="{{ trich_yeu }}", top_bold=True)
    # A one-page letter: no blank line under the header, 6 pt before the text, 3 lines for the signature
    nd30.kinh_gui(doc)  # F-NN-2: one recipient (two-tier plans: Sở Nội vụ) on the same line
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}; {{ can_cu_cum }}, {{ cum.ten_day_du }} đã tổ chức kiểm tra "
              "chéo công tác văn thư, lưu trữ tại {{ so_don_vi }} đơn vị {{ thoi_gian_kiem_tra }} "
              "và họp bình xét thi đua {{ ngay_hop_so }}.")
    # The scores one class at a time: the full table is the attached Phụ lục 02, the letter stays one page.
    para(doc, "Kết quả chấm điểm, xếp loại (chi tiết tại Biên bản họp Cụm kèm theo): {{ ket_qua }}.")
    para(doc, "Căn cứ kết quả bình xét của Cụm, {{ co_quan_ban_hanh_thuong }} (đơn vị Cụm trưởng) đề nghị như sau:")
    para(doc, "1. {{ khen_a }}", keep_next=True)
    tag(doc, "for kt in khen_a_dong")
    para(doc, "{{ kt }}")
    tag(doc, "endfor")
    para(doc, "2. {{ khen_b }}")
    para(doc, "Hồ sơ kèm theo:", keep_next=True)
    tag(doc, "for hs in ho_so_kem_theo")
    para(doc, "- {{ hs }}")
    tag(doc, "endfor")
    para(doc, "{{ ket_thuc }}")  # three tiers: the district decides; two tiers: the Sở sums up, it does not decide
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}", gap=3)
    nd30.body_size(doc, 13)  # a cluster of 8 communes and 3 people proposed still fits on one page
    return doc


TEMPLATES = {
    "bien-ban-kiem-tra.docx": bien_ban_kiem_tra,
    "phu-luc-02.docx": phu_luc_02,
    "bien-ban-hop-cum.docx": bien_ban_hop_cum,
    "cong-van-de-nghi-khen-thuong.docx": cong_van_de_nghi,
}
TEMPLATES.update(templates_muc_luc.TEMPLATES)
TEMPLATES.update(templates_ke_hoach.TEMPLATES)  # the Kế hoạch itself (docgen plan)
TEMPLATES.update(__import__("templates_chain").TEMPLATES)  # schedule, Phụ lục 01, reports, district, city
TEMPLATES.update(__import__("templates_opening").TEMPLATES)  # the district's plan and decisions (IV.4.b–d)
TEMPLATES.update(__import__("templates_self").TEMPLATES)  # each commune's Báo cáo tự đánh giá (III.3.b)
TEMPLATES.update(__import__("templates_awards").TEMPLATES)  # the district's Giấy khen: Tờ trình, Quyết định



def generate() -> dict[str, bytes]:
    """Every template's bytes by its path in the checkout."""
    out = {}
    for name, build in TEMPLATES.items():
        buf = io.BytesIO()
        build().save(buf)
        # Fixed zip timestamps: an unchanged template is byte-identical after regeneration.
        out[f"{OUT.relative_to(generated.ROOT).as_posix()}/{name}"] = normalize_zip(buf.getvalue())
    return out


if __name__ == "__main__":
    args = generated.arguments("Tạo các mẫu .docx trong templates_docx/ (không ghi đè mẫu đã sửa bằng Word).")
    sys.exit(generated.write(args.root, generate(), args.force))
