"""Agency names in the header's left column are broken between names, never inside one."""
from __future__ import annotations

import pytest

from docgen.ooxml import text_width_mm
from docgen.render.header_names import split

COLUMN_MM = 64 - 2 * 1.905  # nd30.LEFT_COL_MM less Word's cell margins


@pytest.mark.parametrize("text, lines", [
    ("UBND THỊ TRẤN TRÂU QUỲ", ["UBND", "THỊ TRẤN TRÂU QUỲ"]),  # LibreOffice printed "… TRÂU / QUỲ"
    ("UBND HUYỆN THANH TRÌ UBND THỊ TRẤN VĂN ĐIỂN", ["UBND HUYỆN THANH TRÌ", "UBND", "THỊ TRẤN VĂN ĐIỂN"]),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN VĂN ĐIỂN", ["ỦY BAN NHÂN DÂN", "THỊ TRẤN VĂN ĐIỂN"]),
    ("ĐOÀN KIỂM TRA CHÉO CỤM SỐ 12", ["ĐOÀN KIỂM TRA CHÉO", "CỤM SỐ 12"]),
    ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", ["HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG"]),
    ("PHƯỜNG THANH XUÂN TRUNG BẮC", ["PHƯỜNG", "THANH XUÂN TRUNG BẮC"]),  # a name wider than the column
    ("THỊ XÃ SƠN TÂY ĐÔNG NAM BẮC", ["THỊ XÃ", "SƠN TÂY ĐÔNG NAM BẮC"]),  # "XÃ" of "THỊ XÃ" is no kind
    ("UBND HUYỆN ĐÔNG ANH", ["UBND HUYỆN ĐÔNG ANH"]),  # fits: untouched
])
def test_breaks_between_names(text, lines):
    assert split(text, COLUMN_MM, 13, True) == lines


def test_every_line_fits_its_column():
    for text in ("UBND THÀNH PHỐ HÀ NỘI UBND PHƯỜNG HAI BÀ TRƯNG", "ĐOÀN KIỂM TRA CHÉO CỤM SỐ 1, HUYỆN ĐÔNG ANH"):
        got = split(text, COLUMN_MM, 13, True)
        assert len(got) > 1 and " ".join(got) == text
        assert all(text_width_mm(line, 13, True) <= COLUMN_MM for line in got), got
