"""Vietnamese writing helpers: dates, decimal commas, numbers in words, upper case, slugs."""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal

BLANK = "……"  # a dotted blank the clerk fills by hand


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def upper(text: str) -> str:
    """Vietnamese upper case, NFC ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN")."""
    return nfc(nfc(text).upper())


def parse_date(value) -> _dt.date:
    """A date written "2017-10-05" or "05/10/2017"; ValueError otherwise."""
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return _dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


def day2(day: int) -> str:
    """Days 1–9 take a leading zero (F-DATE-4)."""
    return f"{day:02d}"


def month2(month: int) -> str:
    """Only months 1 and 2 take a leading zero (F-DATE-4): tháng 01, tháng 02, tháng 3 … tháng 12."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(value) -> str:
    """'ngày 05 tháng 10 năm 2017'."""
    d = parse_date(value)
    return f"ngày {day2(d.day)} tháng {month2(d.month)} năm {d.year}"


def place_date(place: str | None, value) -> str:
    """The place-date line: 'Đông Anh, ngày 05 tháng 10 năm 2017' (F-DATE-2..4)."""
    if value in (None, ""):
        when = f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    else:
        when = date_words(value)
    return f"{place or BLANK}, {when}"


def short_date(value) -> str:
    """'05/10/2017', for tables and running text."""
    d = parse_date(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def weekday(value) -> str:
    return WEEKDAYS[parse_date(value).weekday()]


def time_words(value) -> str:
    """'08:30' → '08 giờ 30 phút'; '14:00' → '14 giờ 00'."""
    if value in (None, ""):
        return f"{BLANK} giờ {BLANK}"
    m = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(value).strip())
    if not m:
        raise ValueError(str(value))
    return f"{int(m[1]):02d} giờ {m[2]}"


def decimal_text(value) -> str:
    """A score with a decimal comma and no trailing zeros: 84.5 → '84,5', 85.0 → '85'."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d.normalize(), "f")
    return text.replace(".", ",")


def percent_text(value) -> str:
    """A percentage to at most 2 decimals with a decimal comma: '70', '66,67'."""
    d = Decimal(value).quantize(Decimal("0.01"))
    return decimal_text(d)


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _under_thousand(n: int, full: bool) -> list[str]:
    """Words for 0 < n < 1000; `full` when a higher group precedes (so 'không trăm' is said)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")  # N-6: 105 một trăm linh năm
        if units:
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")  # N-1, N-2
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens >= 2 else "một")  # N-3
    elif units == 4:
        words.append("tư" if tens >= 2 else "bốn")  # N-4: Northern "tư", used throughout
    elif units == 5:
        words.append("lăm")  # N-5
    elif units:
        words.append(_DIGITS[units])
    return words


def integer_words(n: int) -> str:
    """Vietnamese words for a non-negative integer (rules N-1..N-8)."""
    if n < 0:
        return "âm " + integer_words(-n)
    if n == 0:
        return "không"
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    if n >= 10**12:
        raise ValueError("số quá lớn")
    names = ["", "nghìn", "triệu", "tỷ"]
    words: list[str] = []
    top = len(groups) - 1
    for i in range(top, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        words += _under_thousand(g, full=i < top)
        if i:
            words.append(names[i])
    return " ".join(w for w in words if w)


def number_words(value) -> str:
    """Words for a score: 84.5 → 'tám mươi tư phẩy năm'; 6.05 → 'sáu phẩy không năm' (N-9)."""
    text = format(Decimal(value).normalize(), "f") if Decimal(value) != 0 else "0"
    if "." not in text:
        return integer_words(int(text))
    whole, frac = text.split(".")
    frac_words = " ".join(_DIGITS[int(c)] for c in frac[: len(frac) - len(frac.lstrip("0"))])
    frac_rest = frac.lstrip("0")
    parts = [integer_words(int(whole)), "phẩy"]
    if frac_words:
        parts.append(frac_words)
    if frac_rest:
        parts.append(integer_words(int(frac_rest)))
    return " ".join(parts)


def score_with_words(value) -> str:
    """'84,5 điểm (tám mươi tư phẩy năm điểm)' (N-12)."""
    return f"{decimal_text(value)} điểm ({number_words(value)} điểm)"


def slug(text: str) -> str:
    """An ASCII file-name slug: 'Cổ Loa' → 'co-loa'; never a path separator or '..'."""
    t = nfc(text).replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t or "khong-ten"
