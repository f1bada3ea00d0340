"""The Giấy mời to the cluster's meeting: from the leader commune, to the members' two representatives and
the guests, with the meeting's time and place, filed after the visits and before Phụ lục 02."""
from __future__ import annotations

from conftest import DONG_ANH, GIA_LAM, docx_text, table_rows

from docgen import lint


def test_invitation_names_every_member_representative_and_the_meeting(built):
    path = built[DONG_ANH.resolve()].folder / "giay-moi-hop-cum.docx"
    text = docx_text(path)
    assert "GIẤY MỜI" in text and "Số: 15/GM-UBND" in text and "Cổ Loa, ngày 09 tháng 10 năm 2017" in text
    assert "UBND xã Cổ Loa (đơn vị Cụm trưởng) trân trọng kính mời:" in text
    assert "- Ông (bà) Trần Văn Bình, Phó Chủ tịch UBND xã Uy Nỗ;" in text
    assert "- Ông (bà) Lê Thị Hoa, Công chức Văn phòng - Thống kê UBND xã Uy Nỗ;" in text
    assert "- Ông (bà) Lý Thị Ngọc, Chuyên viên, Phòng Nội vụ huyện Đông Anh." in text  # hop_cum.khach_moi
    assert "Nguyễn Văn An, Chủ tịch" not in text  # the leader's own people are the hosts
    assert "Thời gian: 08 giờ 30, ngày 12 tháng 10 năm 2017." in text
    assert "Địa điểm: Hội trường UBND xã Cổ Loa." in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and text.rstrip().endswith("Nguyễn Văn An")
    assert lint.lint_file(path).findings == []


def test_invitation_is_filed_before_phu_luc_02_and_undated_without_giay_moi(built):
    folder = built[GIA_LAM.resolve()].folder
    index = [r[3] for r in table_rows(folder / "muc-luc-van-ban.docx", 1)]
    at = index.index("Giấy mời họp bình xét thi đua của Cụm")
    assert index[at + 1] == "Phụ lục số 02: Bảng chấm điểm, xếp loại của Cụm"
    assert index[at - 1].startswith("Biên bản kiểm tra tại")
    assert "Số:       /GM-UBND" in docx_text(folder / "giay-moi-hop-cum.docx")
