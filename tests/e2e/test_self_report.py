"""Each commune's Báo cáo tự đánh giá (plan III.3.b, IV.6.a): its findings, self-scores and self-class, sent
to the Cụm trưởng and the other communes before its visit, filed just before its Phụ lục 01."""
from __future__ import annotations

import datetime as dt

from conftest import DONG_ANH, copy_yaml, docx_text, table_rows, unit

from docgen.context.self_report import working_day_on_or_before
from docgen.pipeline import batch


def test_report_with_findings_goes_to_the_leader_and_the_members_signed_by_its_representative(built):
    folder = built[DONG_ANH.resolve()].folder
    text = docx_text(folder / "bao-cao-tu-danh-gia-uy-no.docx")
    assert "Số: 42/BC-UBND" in text and "Uy Nỗ, ngày 05 tháng 10 năm 2017" in text  # ngay_gui_tu_cham
    assert "- UBND xã Cổ Loa (đơn vị Cụm trưởng);" in text and "- UBND xã Dục Tú." in text
    assert "- UBND xã Uy Nỗ" not in text  # not to itself
    assert "- Ưu điểm: Có kho lưu trữ riêng, giá sắt và bình chữa cháy." in text
    assert "- Hạn chế: Tài liệu giai đoạn 2005–2010 còn tích đống, chưa được chỉnh lý." in text
    assert "- Kinh phí cho công tác lưu trữ chưa được bố trí hằng năm." in text
    assert "- Đề nghị UBND huyện hỗ trợ kinh phí chỉnh lý tài liệu giai đoạn 2005–2010." in text
    # its self-scores [5, 14, 23, 27, 9.5, 9, 5]: 92,5 by hand, class A under the 2017 plan
    assert "Tổng điểm tự chấm: 92,5 điểm (chín mươi hai phẩy năm điểm); tự xếp loại: A" in text
    rows = table_rows(folder / "bao-cao-tu-danh-gia-uy-no.docx", 1)
    assert rows[-1][2:] == ["100", "92,5"] and rows[5][3] == "9,5"
    assert "KT. CHỦ TỊCH" in text and "Trần Văn Bình" in text  # a Phó Chủ tịch signs for the Chairman


def test_leader_report_goes_to_the_members_and_blanks_stay_to_fill(built):
    text = docx_text(built[DONG_ANH.resolve()].folder / "bao-cao-tu-danh-gia-co-loa.docx")
    assert "(đơn vị Cụm trưởng)" not in text
    assert "- UBND xã Uy Nỗ;" in text and "- UBND xã Dục Tú." in text
    assert "- Ưu điểm: ……" in text  # no tu_danh_gia in its file: dotted lines
    assert "CHỦ TỊCH" in text and "KT. CHỦ TỊCH" not in text and "Nguyễn Văn An" in text


def test_each_report_is_filed_before_its_phu_luc_01(built):
    index = [r[3] for r in table_rows(built[DONG_ANH.resolve()].folder / "muc-luc-van-ban.docx", 1)]
    for name in ("Uy Nỗ", "Cổ Loa"):
        report = index.index(f"Báo cáo tự đánh giá của UBND xã {name}")
        assert index[report + 1] == f"Phụ lục số 01: Bảng chấm điểm của UBND xã {name}"


def test_without_a_date_the_report_is_dated_the_working_day_on_or_before_the_due_day(tmp_path):
    def undated(data):
        del unit(data, "viet-hung")["ngay_gui_tu_cham"]  # visit Tuesday 10/10/2017, due 07/10: a Saturday
    f = copy_yaml(DONG_ANH, tmp_path / "cum.yaml", undated)
    [b] = batch.build([f], tmp_path / "out")
    assert "Việt Hùng, ngày 06 tháng 10 năm 2017" in docx_text(b.folder / "bao-cao-tu-danh-gia-viet-hung.docx")


def test_working_day_on_or_before():
    assert working_day_on_or_before(dt.date(2017, 10, 8)) == dt.date(2017, 10, 6)  # Sunday → Friday
    assert working_day_on_or_before(dt.date(2017, 10, 9)) == dt.date(2017, 10, 9)  # a Monday stays
