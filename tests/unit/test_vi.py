"""Vietnamese writing helpers: dates, decimal commas, numbers in words, upper case, Số lines."""
from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from docgen import vi

# --- dates (F-DATE-2..4) -------------------------------------------------------------------------

@pytest.mark.parametrize("value, words", [
    ("2017-10-05", "ngày 05 tháng 10 năm 2017"),   # day < 10: leading zero
    ("2020-01-05", "ngày 05 tháng 01 năm 2020"),   # month 1: leading zero
    ("2019-02-28", "ngày 28 tháng 02 năm 2019"),   # month 2: leading zero
    ("2019-03-01", "ngày 01 tháng 3 năm 2019"),    # month 3..9: none
    ("2019-06-29", "ngày 29 tháng 6 năm 2019"),
    ("2019-09-10", "ngày 10 tháng 9 năm 2019"),
    ("2017-12-31", "ngày 31 tháng 12 năm 2017"),
    ("05/11/2025", "ngày 05 tháng 11 năm 2025"),   # dd/mm/yyyy as a clerk types it
    (dt.date(2017, 10, 16), "ngày 16 tháng 10 năm 2017"),
])
def test_date_words_follow_f_date_4(value, words):
    assert vi.date_words(value) == words


def test_every_day_and_month_matches_the_checker_regex():
    """The format of §3 of nd30-format.md, for every day of a (leap) year."""
    import re
    pattern = re.compile(r"^[^\s,][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
    day = dt.date(2016, 1, 1)
    while day.year == 2016:
        assert pattern.match(vi.place_date("Đông Anh", day)), day
        day += dt.timedelta(days=1)


def test_place_date_line_and_its_blank_form():
    assert vi.place_date("Cổ Loa", "2017-10-16") == "Cổ Loa, ngày 16 tháng 10 năm 2017"
    assert vi.place_date("Cổ Loa", None) == "Cổ Loa, ngày …… tháng …… năm ……"
    assert vi.place_date(None, "2017-10-16") == "……, ngày 16 tháng 10 năm 2017"


@pytest.mark.parametrize("bad", ["2017-13-01", "2017-02-30", "5/10", "hôm qua", ""])
def test_impossible_dates_are_refused(bad):
    with pytest.raises(ValueError):
        vi.parse_date(bad)


def test_short_date_and_time():
    # One rule for every date (F-DATE-4): no zero before months 3–12, one before days 1–9 and months 1–2.
    assert vi.short_date("2017-8-18") == "18/8/2017"
    assert vi.short_date("2017-09-16") == "16/9/2017"
    assert vi.short_date("2017-10-05") == "05/10/2017"
    assert vi.short_date("2017-01-23") == "23/01/2017"
    assert vi.date_words("2017-09-16") == "ngày 16 tháng 9 năm 2017"
    assert vi.time_words("8:30") == "08 giờ 30"
    assert vi.time_words(None) == "…… giờ ……"
    assert vi.weekday("2017-10-16") == "Thứ Hai"


# --- decimal comma (N-9, N-10) -------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (84.5, "84,5"), (Decimal("85.0"), "85"), (85, "85"), ("52.50", "52,5"), (0.5, "0,5"), (6.05, "6,05"),
    (0.1, "0,1"),            # a float by its shortest form, never 0,1000000000000000055511151231257827
    ("84,5", "84,5"),        # already written with a comma
    (1250000, "1.250.000"),  # a dot between thousands
    (1234.5, "1.234,5"), (-2.5, "-2,5"), (Decimal("1E+2"), "100"),
])
def test_decimal_text(value, text):
    assert vi.decimal_text(value) == text


def test_percent_text_rounds_to_two_decimals():
    assert vi.percent_text(Decimal(200) / 3) == "66,67"
    assert vi.percent_text(70) == "70"


# --- numbers in words (N-1..N-12) ---------------------------------------------------------------

# Humanizer's vi cases (src/Humanizer.Tests/Localisation/vi/NumberToWordsTests.cs) up to 999, all kept.
HUMANIZER = {
    0: "không", 1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
    10: "mười", 11: "mười một", 14: "mười bốn", 15: "mười lăm", 21: "hai mươi mốt", 24: "hai mươi tư",
    25: "hai mươi lăm", 50: "năm mươi", 55: "năm mươi lăm", 100: "một trăm", 105: "một trăm linh năm",
    110: "một trăm mười", 114: "một trăm mười bốn", 115: "một trăm mười lăm", 134: "một trăm ba mươi tư",
    500: "năm trăm", 505: "năm trăm linh năm", 555: "năm trăm năm mươi lăm",
    1000: "một nghìn", 1115: "một nghìn một trăm mười lăm", 1000000: "một triệu",
    10115: "mười nghìn một trăm mười lăm", 11115: "mười một nghìn một trăm mười lăm",
}


@pytest.mark.parametrize("n", sorted(HUMANIZER))
def test_integer_words_humanizer_cases(n):
    assert vi.integer_words(n) == HUMANIZER[n]


@pytest.mark.parametrize("n, words", [
    # Humanizer drops "không trăm" (1005 "một nghìn linh năm"); N-7 keeps the common form, as sea-g2p and
    # trinhvuduc do, and Humanizer's "tỉ" is written "tỷ".
    (1005, "một nghìn không trăm linh năm"),
    (10005, "mười nghìn không trăm linh năm"),
    (30005, "ba mươi nghìn không trăm linh năm"),
    (100005, "một trăm nghìn không trăm linh năm"),
    (100001005, "một trăm triệu không trăm linh một nghìn không trăm linh năm"),
    (1000000000, "một tỷ"),
    (1111111111111111, "một triệu một trăm mười một nghìn một trăm mười một tỷ một trăm mười một triệu "
                       "một trăm mười một nghìn một trăm mười một"),
    # the table of nd30-format.md §14
    (10, "mười"), (90, "chín mươi"),                                   # N-1
    (71, "bảy mươi mốt"), (151, "một trăm năm mươi mốt"),              # N-3
    (84, "tám mươi tư"), (44, "bốn mươi tư"),                          # N-4: "tư" throughout
    (85, "tám mươi lăm"), (35, "ba mươi lăm"), (5, "năm"),             # N-5, N-11 (never "nhăm")
    (2024, "hai nghìn không trăm hai mươi tư"), (2001, "hai nghìn không trăm linh một"),  # N-7
    (1015, "một nghìn không trăm mười lăm"),                           # num2words says "lẻ mười lăm"
    (104, "một trăm linh bốn"), (1000005, "một triệu không trăm linh năm"),
    (-3, "âm ba"),
])
def test_integer_words_rules(n, words):
    assert vi.integer_words(n) == words


@pytest.mark.parametrize("value, words", [
    (84.5, "tám mươi tư phẩy năm"), (12.5, "mười hai phẩy năm"), (0.5, "không phẩy năm"),
    (6.05, "sáu phẩy không năm"), (8.25, "tám phẩy hai mươi lăm"), (7.05, "bảy phẩy không năm"),
    (Decimal("93.50"), "chín mươi ba phẩy năm"), (100, "một trăm"), (Decimal("85.0"), "tám mươi lăm"),
    (0, "không"), ("52,5", "năm mươi hai phẩy năm"),
])
def test_number_words_decimals_n9(value, words):
    assert vi.number_words(value) == words


def test_score_with_words_n12():
    assert vi.score_with_words(Decimal("84.5")) == "84,5 điểm (tám mươi tư phẩy năm điểm)"
    assert vi.score_with_words(85) == "85 điểm (tám mươi lăm điểm)"
    assert vi.score_with_words(100) == "100 điểm (một trăm điểm)"


def test_words_are_nfc_and_lowercase():
    for n in range(0, 1200, 7):
        w = vi.integer_words(n)
        assert w == unicodedata.normalize("NFC", w) == w.lower()
        assert "  " not in w and w == w.strip()
        assert "nhăm" not in w and "lẻ" not in w


# --- upper case, Số lines, slugs ----------------------------------------------------------------

@pytest.mark.parametrize("text, up", [
    ("Ủy ban nhân dân xã Cổ Loa", "ỦY BAN NHÂN DÂN XÃ CỔ LOA"),
    ("Đoàn kiểm tra chéo Cụm số 1", "ĐOÀN KIỂM TRA CHÉO CỤM SỐ 1"),
    ("thị trấn Đông Anh", "THỊ TRẤN ĐÔNG ANH"),
    (unicodedata.normalize("NFD", "huyện Gia Lâm"), "HUYỆN GIA LÂM"),  # decomposed input comes out NFC
])
def test_upper(text, up):
    assert vi.upper(text) == up
    assert unicodedata.is_normalized("NFC", vi.upper(text))


@pytest.mark.parametrize("number, line", [
    (5, "Số: 05/BB-UBND"), ("5", "Số: 05/BB-UBND"), ("05", "Số: 05/BB-UBND"),   # F-SO-2: zero below 10
    (15, "Số: 15/BB-UBND"), ("015", "Số: 15/BB-UBND"), (123, "Số: 123/BB-UBND"),  # no padding from 10
    (None, "Số:       /BB-UBND"), ("", "Số:       /BB-UBND"), ("  ", "Số:       /BB-UBND"),  # F-SO-6
    ("7/UBND-VX", "Số: 07/UBND-VX"),  # a whole số-ký hiệu keeps its own ký hiệu
])
def test_number_line(number, line):
    assert vi.number_line(number, "BB-UBND") == line


def test_slug():
    assert vi.slug("Cổ Loa") == "co-loa"
    assert vi.slug("Đông Anh / ../x") == "dong-anh-x"
    assert vi.slug("") == "khong-ten"


def test_counts_and_kinds_of_communes_in_words():
    assert vi.unit_count(0) == "không có đơn vị nào"
    assert vi.unit_count(3) == "3 đơn vị"
    assert vi.commune_kinds(["thị trấn", "xã", "xã"]) == "xã, thị trấn"
    assert vi.commune_kinds(["phường"]) == "phường"
