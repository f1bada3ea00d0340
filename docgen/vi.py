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
    """A date in digits, for tables and running text, by the same rule as the place-date line (F-DATE-4):
    '16/9/2017', '05/10/2017', '23/01/2017' (a zero only before days 1–9 and months 1–2)."""
    d = parse_date(value)
    return f"{day2(d.day)}/{month2(d.month)}/{d.year}"


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def weekday(value) -> str:
    return WEEKDAYS[parse_date(value).weekday()]


def time_words(value) -> str:
    """'08:30' → '08 giờ 30'; '14:00' → '14 giờ 00'."""
    if value in (None, ""):
        return f"{BLANK} giờ {BLANK}"
    m = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(value).strip())
    if not m:
        raise ValueError(str(value))
    return f"{int(m[1]):02d} giờ {m[2]}"


COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")


def commune_kinds(kinds) -> str:
    """The kinds of commune-level units actually present, in the usual order: 'xã, thị trấn' for a
    district without phường (never a blanket 'xã, phường, thị trấn')."""
    present = {nfc(str(k)).strip().lower() for k in kinds}
    known = [k for k in COMMUNE_KINDS if k in present]
    return ", ".join(known + sorted(present - set(COMMUNE_KINDS)))


def unit_count(n: int) -> str:
    """'3 đơn vị'; none is said in words: 'không có đơn vị nào' (never '0 đơn vị')."""
    return f"{n} đơn vị" if n else "không có đơn vị nào"


def to_decimal(value) -> Decimal:
    """A Decimal from an int, a str or a float; a float by its shortest repr, so 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        return Decimal(value.strip().replace(",", "."))
    return Decimal(value)


def _group_thousands(digits: str) -> str:
    """'1250000' → '1.250.000' (N-10: a dot between thousands)."""
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def decimal_text(value) -> str:
    """A number with a decimal comma, a dot between thousands and no trailing zeros (N-9, N-10):
    84.5 → '84,5', 85.0 → '85', 1250000 → '1.250.000'."""
    d = to_decimal(value)
    sign = "-" if d < 0 else ""
    d = abs(d)
    if d == d.to_integral_value():
        return sign + _group_thousands(str(int(d)))
    whole, frac = format(d.normalize(), "f").split(".")
    return f"{sign}{_group_thousands(whole)},{frac}"


def percent_text(value) -> str:
    """A percentage to at most 2 decimals with a decimal comma: '70', '66,67'."""
    d = to_decimal(value).quantize(Decimal("0.01"))
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


def _words(n: int, full: bool) -> list[str]:
    """Words for 0 < n; `full` when a higher group precedes. Above 10^9 the number splits
    around 'tỷ' and each part is read the same way ('một nghìn tỷ', Humanizer's scheme)."""
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        words = _words(high, full) + ["tỷ"]
        return words + (_words(low, True) if low else [])
    groups = [n // 10**6, n // 1000 % 1000, n % 1000]
    names = ["triệu", "nghìn", ""]
    words: list[str] = []
    for g, name in zip(groups, names):
        if g == 0:
            continue
        words += _under_thousand(g, full=full or bool(words))
        if name:
            words.append(name)
    return words


def integer_words(n: int) -> str:
    """Vietnamese words for an integer (rules N-1..N-8): 24 'hai mươi tư', 105 'một trăm linh năm',
    1005 'một nghìn không trăm linh năm' (N-7: the common form keeps 'không trăm')."""
    n = int(n)
    if n < 0:
        return "âm " + integer_words(-n)
    if n == 0:
        return "không"
    return " ".join(_words(n, full=False))


def number_words(value) -> str:
    """Words for a score: 84.5 → 'tám mươi tư phẩy năm'; 6.05 → 'sáu phẩy không năm' (N-9):
    the digits after the comma are read as one number, their leading zeros one by one."""
    d = to_decimal(value)
    sign = "âm " if d < 0 else ""
    d = abs(d)
    if d == d.to_integral_value():
        return sign + integer_words(int(d))
    whole, frac = format(d.normalize(), "f").split(".")
    rest = frac.lstrip("0")
    zeros = ["không"] * (len(frac) - len(rest))
    return " ".join([sign + integer_words(int(whole)), "phẩy", *zeros, integer_words(int(rest))])


def score_with_words(value) -> str:
    """'84,5 điểm (tám mươi tư phẩy năm điểm)' (N-12)."""
    return f"{decimal_text(value)} điểm ({number_words(value)} điểm)"


def number_line(number, suffix: str) -> str:
    """The Số line (F-SO-1..3, F-SO-6): 'Số: 05/BB-UBND' (a zero before 1–9 only), 'Số: 15/BB-UBND',
    or 'Số:       /BB-UBND' with room for the number written at issue when none is given.
    A number given whole ('5/BB-UBND') keeps its own ký hiệu."""
    text = "" if number is None else str(number).strip()
    if text == "":
        return f"Số:       /{suffix}"
    if "/" in text:
        head, tail = text.split("/", 1)
        return f"Số: {_number_part(head.strip())}/{tail.strip()}"
    return f"Số: {_number_part(text)}/{suffix}"


def _number_part(text: str) -> str:
    if text.isdigit():
        n = int(text)
        return f"{n:02d}" if n < 10 else str(n)  # F-SO-2: 05, but 15 and 123
    return text


def slug(text: str) -> str:
    """An ASCII file-name slug: 'Cổ Loa' → 'co-loa'; never a path separator or '..'."""
    t = nfc(text).replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t or "khong-ten"
