"""Templates of the rest of the chain (NĐ 30/2020 format): schedule, Phụ lục 01, the cluster's report,
the achievement report, and the district and city documents. Registered in make_templates.TEMPLATES."""
from __future__ import annotations

import nd30
from nd30 import LEFT, TEXT_WIDTH_MM, add_row, cell_text, centered, para, tag

CITY_CLASS_COLUMNS = 4  # the city table has one column per class; docgen.chain checks the plan has 4


def _bullets(doc, loop: str, text: str, *, empty: str | None = None):
    tag(doc, "for " + loop)
    para(doc, text)
    if empty:
        tag(doc, "else")
        para(doc, empty)
    tag(doc, "endfor")


def _letter_header(doc, so="{{ so_ky_hieu }}", vv=None):
    """A UBND with no chủ quản: its name on two bold lines (nd30-format 10.1)."""
    nd30.header_block(doc, left_top="{{ co_quan_dong_1 }}", left_main="{{ co_quan_dong_2 }}", so_line=so,
                      place_date="{{ dia_danh_ngay }}", vv_line=vv, top_bold=True)


def lich_kiem_tra():
    doc = nd30.new_document()
    _letter_header(doc)
    nd30.title(doc, "THÔNG BÁO", ["Lịch kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}",
                                  "{{ cum.ten_day_du }}"])
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}; {{ can_cu_cum }}, {{ cum_truong_ubnd }} (đơn vị Cụm trưởng) "
              "thông báo lịch kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }} của {{ cum.ten_day_du }} "
              "như sau:", before=12)
    para(doc, "1. Lịch kiểm tra", bold=True, keep_next=True)
    nd30.loop_table(doc, [14, 40, 46, 35, 30],
           ["STT", "Thời gian", "Đơn vị được kiểm tra", "Địa điểm", "Hạn gửi báo cáo, tự chấm điểm"],
           "l in lich",
           [("{{ l.stt }}", nd30.CENTER), ("{{ l.gio }} {{ l.ngay }}", nd30.CENTER), ("{{ l.don_vi }}", LEFT),
            ("{{ l.dia_diem }}", LEFT), ("{{ l.han_tu_cham }}", nd30.CENTER)])
    para(doc, "Họp bình xét thi đua của Cụm: {{ hop.gio }}, {{ hop.ngay }}, tại {{ hop.dia_diem }}.", before=6)
    para(doc, "2. Thành phần Đoàn kiểm tra", bold=True, keep_next=True)
    _bullets(doc, "tv in doan.thanh_vien", "- {{ tv.ho_ten }}, {{ tv.chuc_vu_day_du }}{{ tv.vai_tro }}" + nd30.ITEM_END)
    para(doc, "3. Đề nghị các đơn vị trong Cụm", bold=True, keep_next=True)
    para(doc, "- Gửi báo cáo kết quả hoạt động công tác văn thư, lưu trữ; báo cáo thống kê công tác văn thư, công "
              "tác lưu trữ và tài liệu lưu trữ {{ ke_hoach.ky_bao_cao_thong_ke }}; báo cáo tự chấm điểm, xếp loại "
              "(Phụ lục số 01) về {{ cum_truong_ubnd }} và các đơn vị trong Cụm trước {{ so_ngay_truoc }} ngày "
              "được kiểm tra, chậm nhất vào ngày ghi ở cột cuối của bảng trên;")
    para(doc, "- Cử Chủ tịch (hoặc Phó Chủ tịch) UBND và công chức Văn phòng - Thống kê tham gia Đoàn kiểm tra;")
    para(doc, "- Bố trí cán bộ, công chức làm việc theo yêu cầu của Đoàn kiểm tra./.")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


def phu_luc_01():
    doc = nd30.new_document()
    centered(doc, "Phụ lục số 01", size=14, bold=True)  # F-PL-2
    centered(doc, "BẢNG CHẤM ĐIỂM THI ĐUA", size=14, bold=True, before=6)
    centered(doc, "CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {{ nam }}", size=14, bold=True)
    centered(doc, "{{ kem_theo }}", size=14, italic=True)  # F-PL-3
    nd30.rule_line(doc, 40, TEXT_WIDTH_MM, before=2)
    para(doc, "Đơn vị: {{ don_vi }}", bold=True, before=12)  # body text: 1 cm first line (F-BODY-2)
    # The sheet a commune sends with its self-report, dated that day: only what it can know then. The team's
    # score and the agreed score come a week later, in the minutes and in Phụ lục 02.
    nd30.self_score_table(doc, "bang", ["toi_da", "tu_cham"], ["tong_toi_da", "tong_tu_cham"])
    para(doc, "{{ ket_qua }}", before=12)
    para(doc, "Ghi chú: đơn vị tự chấm điểm từng nội dung, gửi bảng này cùng báo cáo về Cụm trưởng và các đơn vị "
              "trong Cụm trước ngày được kiểm tra. Điểm Đoàn chấm và điểm thống nhất của Cụm ghi tại Biên bản kiểm "
              "tra và Phụ lục số 02./.",
         italic=True)  # one size for the whole content (F-BODY-1)
    widths = [TEXT_WIDTH_MM - 95, 95]
    t = nd30.table(doc, widths)
    row = add_row(t, widths)
    cell_text(row.cells[1], "{{ dia_danh_ngay }}", size=14, italic=True, before=12)
    cell_text(row.cells[1], "{%p for dong in ky.dong %}", size=14, before=0, after=0)
    cell_text(row.cells[1], "{{ dong }}", size=14, bold=True, before=0, after=0)
    cell_text(row.cells[1], "{%p endfor %}", size=14, before=0, after=0)
    cell_text(row.cells[1], "(Ký tên, đóng dấu)", size=13, italic=True, before=0, after=0)
    for _ in range(3):
        cell_text(row.cells[1], "", size=14, before=0, after=0)
    cell_text(row.cells[1], "{{ ky.ho_ten }}", size=14, bold=True, before=0, after=0)
    return doc


def bao_cao_ket_qua_cum():
    doc = nd30.new_document()
    _letter_header(doc)
    nd30.title(doc, "BÁO CÁO", ["Kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}",
                                "{{ cum.ten_day_du }}"])
    nd30.kinh_gui(doc)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}; {{ can_cu_cum }}, {{ cum_truong_ubnd }} (đơn vị Cụm trưởng) "
              "báo cáo kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }} của {{ cum.ten_day_du }} "
              "như sau:", before=12)
    para(doc, "I. CÔNG TÁC TỔ CHỨC KIỂM TRA", bold=True, keep_next=True)
    para(doc, "Cụm gồm {{ so_don_vi }} đơn vị: {{ don_vi_trong_cum }}; {{ cum_truong_ubnd }} là đơn vị Cụm trưởng. "
              "Đoàn kiểm tra do đồng chí {{ doan.truong_doan.ho_ten }}, {{ doan.truong_doan.chuc_vu_day_du }} làm "
              "Trưởng đoàn; đồng chí {{ doan.thu_ky.ho_ten }}, {{ doan.thu_ky.chuc_vu_day_du }} làm Thư ký.")
    para(doc, "Đoàn đã kiểm tra {{ so_don_vi }} đơn vị từ {{ tu_ngay }} đến {{ den_ngay }} "
              "({{ so_ngay_lam_viec }} ngày làm việc), theo Lịch kiểm tra của Cụm:")
    _bullets(doc, "kt in kiem_tra", "- {{ kt }}")
    para(doc, "Cụm đã họp bình xét thi đua {{ ngay_hop_chu }}, biểu quyết thống nhất kết quả chấm điểm, xếp loại "
              "và đề nghị khen thưởng.")
    para(doc, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI", bold=True, keep_next=True)
    para(doc, "1. Kết quả chấm điểm", bold=True, keep_next=True)
    nd30.loop_table(doc, [14, 61, 22, 22, 24, 22],
           ["STT", "Đơn vị", "Tự chấm", "Đoàn chấm", "Điểm thống nhất", "Xếp loại"], "dv in bang_ket_qua",
           [("{{ dv.stt }}", nd30.CENTER), ("{{ dv.ten_ubnd }}", LEFT), ("{{ dv.tu_cham }}", nd30.CENTER),
            ("{{ dv.doan_cham }}", nd30.CENTER), ("{{ dv.tong_diem }}", nd30.CENTER),
            ("{{ dv.xep_loai }}", nd30.CENTER)])
    para(doc, "2. Xếp loại", bold=True, keep_next=True, before=12)
    _bullets(doc, "xl in xep_loai", "- {{ xl }}" + nd30.ITEM_END)
    para(doc, "3. Nhận xét chung", bold=True, keep_next=True)
    _bullets(doc, "nx in nhan_xet_chung", "- {{ nx }}")
    para(doc, "III. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, keep_next=True)
    para(doc, "1. {{ khen_a }}", keep_next=True)
    _bullets(doc, "kt in khen_a_dong", "{{ kt }}")
    para(doc, "2. {{ khen_b }}")
    para(doc, "IV. KIẾN NGHỊ, ĐỀ XUẤT", bold=True, keep_next=True)
    _bullets(doc, "kn in kien_nghi", "- {{ kn }}")
    para(doc, "(Kèm theo Biên bản kiểm tra tại các đơn vị, Biên bản họp Cụm và Bảng chấm điểm - Phụ lục số 02.)",
         italic=True)
    para(doc, "Trên đây là báo cáo kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }} của "
              "{{ cum.ten_day_du }}, kính báo cáo {{ cap_tren }} xem xét./.")
    # the "(Kèm theo …)" note and the recommendations go with the closing: never a page of just those
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}", previous=2)
    return doc


def bao_cao_thanh_tich():
    doc = nd30.new_document()
    _letter_header(doc)  # the commune's UBND, written as in its other papers; a Báo cáo numbered at issue
    nd30.title(doc, "BÁO CÁO THÀNH TÍCH", ["Đề nghị tặng {{ hinh_thuc }}",
                                           "về thành tích xuất sắc trong công tác văn thư, lưu trữ năm "
                                           "{{ ke_hoach.nam }}"])
    para(doc, "Tên tập thể đề nghị: {{ ten_day_du }}.", bold=True, before=12)
    para(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, keep_next=True)
    para(doc, "1. Đặc điểm, tình hình", bold=True, keep_next=True)
    para(doc, "- Địa chỉ trụ sở: ……")
    para(doc, "- Diện tích tự nhiên: ……; dân số: ……")
    para(doc, "- Tổng số cán bộ, công chức: ……")
    para(doc, "- Công chức phụ trách công tác văn thư, lưu trữ: {{ cong_chuc }}.")
    para(doc, "- Kho lưu trữ, trang thiết bị bảo quản tài liệu: ……")
    para(doc, "2. Chức năng, nhiệm vụ", bold=True, keep_next=True)
    para(doc, "……")
    para(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, keep_next=True)
    para(doc, "1. Kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}", bold=True, keep_next=True)
    para(doc, "{{ ket_qua }}")
    nd30.loop_table(doc, [14, 101, 25, 25], ["STT", "Nội dung", "Điểm tối đa", "Điểm đạt"], "d in bang_diem",
           [("{{ d.so }}", nd30.CENTER), ("{{ d.ten }}", LEFT), ("{{ d.toi_da }}", nd30.CENTER),
            ("{{ d.dat }}", nd30.CENTER)],
           total=["", "Tổng cộng", "{{ tong_toi_da }}", "{{ tong_diem }}"])
    para(doc, "Những ưu điểm Đoàn kiểm tra ghi nhận:", before=12, keep_next=True)
    _bullets(doc, "ud in uu_diem", "- {{ ud }}")
    para(doc, "2. Các giải pháp, biện pháp đã thực hiện", bold=True, keep_next=True)
    para(doc, "……")
    para(doc, "3. Việc thực hiện các phong trào thi đua; công tác xây dựng Đảng, đoàn thể", bold=True, keep_next=True)
    para(doc, "……")
    para(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, keep_next=True)
    tag(doc, "if cac_nam")  # no table of years the commune did not exist (two tiers, from 01/7/2025)
    for n, (what, decision) in enumerate([
            ("Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; "
                                  "cơ quan ban hành quyết định"),
            ("Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành "
                                      "quyết định")], start=1):
        para(doc, f"{n}. {what}", bold=True, keep_next=True)
        nd30.loop_table(doc, [20, 60, 85], ["Năm", what, decision], "nam in cac_nam",
               [("{{ nam }}", nd30.CENTER), ("……", nd30.CENTER), ("……", nd30.CENTER)])
    tag(doc, "else")
    para(doc, "{{ chua_co_nam }}")
    tag(doc, "endif")
    para(doc, "Trên đây là báo cáo thành tích của {{ ten_don_vi }} trong công tác văn thư, lưu trữ năm "
              "{{ ke_hoach.nam }}, kính đề nghị cấp có thẩm quyền xem xét, tặng {{ hinh_thuc }}./.",
         before=12)  # F-BODY-10: the content ends with "./.", on the page of the signatures
    _two_signatures(doc, ["THỦ TRƯỞNG ĐƠN VỊ", "CẤP TRÊN TRỰC TIẾP", "NHẬN XÉT, XÁC NHẬN"], "(Ký, đóng dấu)")
    return doc


def _two_signatures(doc, left_lines, note):
    """Left: a fixed authority (to sign by hand); right: the unit's signer, whose lines vary (TM./KT.).
    One unsplittable row, so that a name never lands alone on the next page."""
    nd30.keep_with_signature(doc)
    para(doc, "", indent_first_mm=0, before=0, keep_next=True)
    widths = [TEXT_WIDTH_MM / 2] * 2
    t = nd30.table(doc, widths)
    row = add_row(t, widths)
    left, right = row.cells
    for line in left_lines:
        cell_text(left, line, size=13, bold=True, before=0, after=0)
    cell_text(left, note, size=13, italic=True, before=0, after=0)
    cell_text(right, "{%p for dong in ky.dong %}", size=14, before=0, after=0)
    cell_text(right, "{{ dong }}", size=14, bold=True, before=0, after=0)
    cell_text(right, "{%p endfor %}", size=14, before=0, after=0)
    cell_text(right, note, size=13, italic=True, before=0, after=0)
    for _ in range(4):
        cell_text(right, "", size=14, before=0, after=0)
    cell_text(right, "{{ ky.ho_ten }}", size=14, bold=True, before=0, after=0)


def bien_ban_hop_hoi_dong():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "BIÊN BẢN", ["Họp Thường trực Hội đồng Thi đua - Khen thưởng {{ huyen.ten_day_du }}",
                                 "xét đề nghị khen thưởng công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}"])
    para(doc, "Thời gian bắt đầu: {{ hd.gio_bat_dau }}, {{ hd.ngay }}.", before=12)
    para(doc, "Địa điểm: {{ hd.dia_diem }}.")
    para(doc, "Thành phần tham dự:", keep_next=True)
    _bullets(doc, "tv in hd.thanh_phan", "- {{ tv }}" + nd30.ITEM_END)
    para(doc, "Chủ trì: {{ hd.chu_tri }}.")
    para(doc, "Thư ký: {{ hd.thu_ky }}.")
    para(doc, "NỘI DUNG CUỘC HỌP", bold=True, keep_next=True, before=12)
    para(doc, "1. Kết quả kiểm tra chéo của các Cụm", bold=True, keep_next=True)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, {{ huyen.ubnd }} đã thành lập {{ so_cum }} Cụm thi đua kiểm tra "
              "chéo với {{ so_don_vi }} đơn vị. Kết quả xếp loại:")
    _bullets(doc, "xl in xep_loai", "- {{ xl }}" + nd30.ITEM_END)
    para(doc, "Các Cụm đề nghị khen thưởng các tập thể sau (mỗi Cụm 01 đơn vị xuất sắc, tiêu biểu):", keep_next=True)
    nd30.loop_table(doc, [14, 38, 65, 24, 24], ["STT", "Cụm", "Đơn vị được Cụm đề nghị", "Tổng điểm", "Xếp loại"],
           "dc in de_cu",
           [("{{ dc.stt }}", nd30.CENTER), ("{{ dc.cum }}", LEFT), ("{{ dc.ten_ubnd }}", LEFT),
            ("{{ dc.tong_diem }}", nd30.CENTER), ("{{ dc.xep_loai }}", nd30.CENTER)])
    para(doc, "2. Ý kiến của các thành viên", bold=True, keep_next=True, before=12)
    _bullets(doc, "yk in hd.y_kien", "- {{ yk }}")
    para(doc, "3. Kết quả biểu quyết", bold=True, keep_next=True)
    para(doc, "{{ hd.bieu_quyet }}")
    nd30.minutes_ending(doc, "hd", "{{ hd.ky_thu_ky }}", "{{ hd.chu_tri_chuc_vu }}", "{{ hd.ky_chu_tri }}")
    return doc


def cong_van_de_nghi_bang_khen():
    doc = nd30.new_document()
    _letter_header(doc, vv="{{ trich_yeu }}")
    nd30.kinh_gui(doc)  # a one-page letter, spaced as the cluster's (make_templates.cong_van_de_nghi)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, {{ huyen.ubnd }} đã chỉ đạo {{ so_cum }} Cụm thi đua tổ chức "
              "kiểm tra chéo công tác văn thư, lưu trữ tại {{ so_don_vi }} UBND {{ cap_xa }}; "
              "{{ de_cu_cac_cum }}")  # what each cluster's minutes proposed, cluster by cluster
    para(doc, "{{ hop_hoi_dong }}")
    para(doc, "{{ huyen.ubnd }} kính đề nghị {{ cap_nhan }} xem xét, tặng {{ hinh_thuc }} cho:")
    para(doc, "{{ de_nghi }}", bold=True)
    para(doc, "Hồ sơ kèm theo:", keep_next=True)
    _bullets(doc, "hs in ho_so_kem_theo", "- {{ hs }}")
    para(doc, "Kính đề nghị {{ cap_nhan }} xem xét./.")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}", gap=3)
    return doc


def bao_cao_tong_hop_huyen():
    doc = nd30.new_document()
    _letter_header(doc)
    nd30.title(doc, "BÁO CÁO", ["Kết quả kiểm tra chéo công tác văn thư, lưu trữ",
                                "giữa các UBND {{ cap_xa }} năm {{ ke_hoach.nam }}"])
    nd30.kinh_gui(doc)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, {{ huyen.ubnd }} báo cáo kết quả như sau:", before=12)
    para(doc, "I. CÔNG TÁC TỔ CHỨC", bold=True, keep_next=True)
    para(doc, "{{ huyen.ubnd }} thành lập {{ so_cum }} Cụm thi đua kiểm tra chéo với {{ so_don_vi }} đơn vị; các "
              "Cụm kiểm tra từ {{ tu_ngay }} đến {{ den_ngay }}:", keep_next=True)
    nd30.loop_table(doc, [14, 33, 55, 23, 40], ["STT", "Cụm", "Đơn vị Cụm trưởng", "Số đơn vị", "Thời gian kiểm tra"],
           "c in cac_cum",
           [("{{ c.stt }}", nd30.CENTER), ("{{ c.ten }}", LEFT), ("{{ c.cum_truong }}", LEFT),
            ("{{ c.so_don_vi }}", nd30.CENTER), ("{{ c.thoi_gian }}", nd30.CENTER)])
    para(doc, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI", bold=True, keep_next=True, before=12)
    para(doc, "1. Kết quả của từng đơn vị", bold=True, keep_next=True)
    nd30.loop_table(doc, [14, 68, 35, 24, 24], ["STT", "Đơn vị", "Cụm", "Tổng điểm", "Xếp loại"], "dv in don_vi",
           [("{{ dv.stt }}", nd30.CENTER), ("{{ dv.ten_ubnd }}", LEFT), ("{{ dv.cum }}", LEFT),
            ("{{ dv.tong_diem }}", nd30.CENTER), ("{{ dv.xep_loai }}", nd30.CENTER)],
           together=False)  # every commune of the district: may run over a page
    para(doc, "2. Tổng hợp xếp loại", bold=True, keep_next=True, before=12)
    nd30.loop_table(doc, [40, 40, 40], ["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"], "xl in xep_loai",
           [("{{ xl.loai }}", nd30.CENTER), ("{{ xl.so_luong }}", nd30.CENTER), ("{{ xl.ty_le }}", nd30.CENTER)],
           total=["Tổng cộng", "{{ so_don_vi }}", "100"])
    para(doc, "III. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, keep_next=True, before=12)
    para(doc, "1. Các Cụm đề nghị (mỗi Cụm 01 đơn vị xuất sắc, tiêu biểu):", keep_next=True)
    _bullets(doc, "dc in de_cu", "- {{ dc.cum }}: {{ dc.ten_ubnd }} ({{ dc.tong_diem }} điểm, xếp loại {{ dc.xep_loai }})" + nd30.ITEM_END,
             empty="Không Cụm nào có đơn vị đạt loại được đề nghị.")
    para(doc, "2. {{ lua_chon }}")
    para(doc, "IV. KIẾN NGHỊ, ĐỀ XUẤT", bold=True, keep_next=True)
    _bullets(doc, "kn in kien_nghi", "- {{ kn }}")
    para(doc, "Trên đây là báo cáo kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }} của "
              "{{ huyen.ubnd }}./.")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


def bao_cao_tong_hop_thanh_pho():
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "BÁO CÁO", ["Tổng hợp kết quả kiểm tra chéo công tác văn thư, lưu trữ",
                                "giữa các UBND {{ cap_xa }} năm {{ ke_hoach.nam }}"])
    nd30.kinh_gui(doc)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, trên cơ sở báo cáo của {{ nguon }}, {{ co_quan }} tổng hợp kết "
              "quả như sau:", before=12)
    para(doc, "I. KẾT QUẢ XẾP LOẠI", bold=True, keep_next=True)
    classes = ["Loại {{ loai[" + str(i) + "] }}" for i in range(CITY_CLASS_COLUMNS)]
    counts = [("{{ n.dem[" + str(i) + "] }}", nd30.CENTER) for i in range(CITY_CLASS_COLUMNS)]
    totals = ["{{ tong.dem[" + str(i) + "] }}" for i in range(CITY_CLASS_COLUMNS)]
    nd30.loop_table(doc, [14, 40, 31, 20] + [15] * CITY_CLASS_COLUMNS,
           ["STT", "{{ cot_nhom }}", "{{ cot_phu }}", "Số đơn vị"] + classes, "n in nhom",
           [("{{ n.stt }}", nd30.CENTER), ("{{ n.ten }}", LEFT), ("{{ n.phu }}", nd30.CENTER),
            ("{{ n.so_don_vi }}", nd30.CENTER)] + counts,
           total=["", "Tổng cộng", "{{ tong.phu }}", "{{ tong.so_don_vi }}"] + totals,
           together=False)  # one row per district: may run over a page
    para(doc, "II. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, keep_next=True, before=12)
    para(doc, "{{ gioi_thieu_de_cu }}", keep_next=True)
    nd30.loop_table(doc, [14, 40, 63, 24, 24], ["STT", "{{ cot_nhom }}", "Tập thể được đề nghị", "Tổng điểm", "Xếp loại"],
           "dc in de_cu",
           [("{{ dc.stt }}", nd30.CENTER), ("{{ dc.nhom }}", LEFT), ("{{ dc.ten_ubnd }}", LEFT),
            ("{{ dc.tong_diem }}", nd30.CENTER), ("{{ dc.xep_loai }}", nd30.CENTER)],
           together=False)
    para(doc, "{{ de_nghi }}", before=12)
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


def to_trinh_bang_khen():
    """The Sở's Tờ trình to the Chairman of the province: it sums up the districts' (two tiers: the
    clusters') choices and submits them; the Chairman decides."""
    doc = nd30.new_document()
    nd30.header_block(doc, left_top="{{ co_quan_chu_quan }}", left_main="{{ co_quan_ban_hanh }}",
                      so_line="{{ so_ky_hieu }}", place_date="{{ dia_danh_ngay }}")
    nd30.title(doc, "TỜ TRÌNH", ["Về việc đề nghị tặng {{ hinh_thuc }} cho các tập thể",
                                 "có thành tích xuất sắc trong công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}"])
    nd30.kinh_gui(doc)
    para(doc, "Thực hiện {{ ke_hoach.ten_day_du }}, trên cơ sở {{ nguon }}, {{ co_quan }} đã tổng hợp kết quả kiểm "
              "tra chéo công tác văn thư, lưu trữ năm {{ ke_hoach.nam }} ({{ bao_cao }}).", before=12)
    para(doc, "{{ co_quan_ngan }} kính trình {{ cap_nhan }} xem xét, tặng {{ hinh_thuc }} cho {{ so_tap_the }} tập thể "
              "có thành tích xuất sắc, tiêu biểu trong công tác văn thư, lưu trữ năm {{ ke_hoach.nam }}:", keep_next=True)
    nd30.loop_table(doc, [14, 63, 40, 24, 24], ["STT", "Tập thể", "{{ cot_nhom }}", "Tổng điểm", "Xếp loại"],
           "dc in de_cu",
           [("{{ dc.stt }}", nd30.CENTER), ("{{ dc.ten_ubnd }}", LEFT), ("{{ dc.nhom }}", LEFT),
            ("{{ dc.tong_diem }}", nd30.CENTER), ("{{ dc.xep_loai }}", nd30.CENTER)])
    para(doc, "Hồ sơ kèm theo:", keep_next=True, before=12)
    _bullets(doc, "hs in ho_so_kem_theo", "- {{ hs }}")
    para(doc, "{{ co_quan_ngan }} kính trình {{ cap_nhan }} xem xét, quyết định./.")
    nd30.recipients_and_signature(doc, "noi_nhan", "ky.dong", "{{ ky.ho_ten }}")
    return doc


TEMPLATES = {
    "lich-kiem-tra.docx": lich_kiem_tra,
    "phu-luc-01.docx": phu_luc_01,
    "bao-cao-ket-qua-cum.docx": bao_cao_ket_qua_cum,
    "bao-cao-thanh-tich.docx": bao_cao_thanh_tich,
    "bien-ban-hop-hoi-dong-thi-dua.docx": bien_ban_hop_hoi_dong,
    "cong-van-de-nghi-bang-khen.docx": cong_van_de_nghi_bang_khen,
    "bao-cao-tong-hop-huyen.docx": bao_cao_tong_hop_huyen,
    "bao-cao-tong-hop-thanh-pho.docx": bao_cao_tong_hop_thanh_pho,
    "to-trinh-de-nghi-bang-khen.docx": to_trinh_bang_khen,
}
