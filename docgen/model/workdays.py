"""Vietnamese working days: weekends and the public holidays of Bộ luật Lao động (Điều 112), 2017–2030."""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from docgen.errors import DocgenError

# Lunar-calendar holidays as Gregorian dates, from the Vietnamese lunar calendar (âm lịch, UTC+7) as
# published in the yearly Vietnamese calendars (Hồ Ngọc Đức's tables give the same days):
# year: (mùng 1 Tết Nguyên đán, Giỗ Tổ Hùng Vương = 10/3 âm lịch).
LUNAR = {
    2017: ((1, 28), (4, 6)),
    2018: ((2, 16), (4, 25)),
    2019: ((2, 5), (4, 14)),
    2020: ((1, 25), (4, 2)),
    2021: ((2, 12), (4, 21)),
    2022: ((2, 1), (4, 10)),
    2023: ((1, 22), (4, 29)),
    2024: ((2, 10), (4, 18)),
    2025: ((1, 29), (4, 7)),
    2026: ((2, 17), (4, 26)),
    2027: ((2, 6), (4, 16)),
    2028: ((1, 26), (4, 4)),
    2029: ((2, 13), (4, 23)),
    2030: ((2, 3), (4, 12)),
}
FIRST, LAST = min(LUNAR), max(LUNAR)

# Quốc khánh has two days from 2021 (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: 2/9 and the day
# before or after it, chosen each year by the Thủ tướng). The days chosen for 2021–2025; for later
# years the day that joins the nearest weekend (the choice made every year so far).
QUOC_KHANH_EXTRA = {2021: 3, 2022: 1, 2023: 1, 2024: 3, 2025: 1}


class CalendarRangeError(DocgenError):
    """A date outside the years whose holidays docgen knows."""


def _adjacent_to_quoc_khanh(year: int) -> int:
    if year in QUOC_KHANH_EXTRA:
        return QUOC_KHANH_EXTRA[year]
    weekday = _dt.date(year, 9, 2).weekday()  # Monday 0
    return 3 if weekday in (0, 3) else 1  # Mon → Tue 3/9; Thu → Fri 3/9; otherwise 1/9


@lru_cache(maxsize=None)
def holidays(year: int) -> frozenset[_dt.date]:
    """The public holidays of a year (Bộ luật Lao động 2012 Điều 115 to 2020, 2019 Điều 112 from 2021).

    Tết Nguyên đán: 5 days, counted as the last day of the lunar year and mùng 1 to mùng 4 (the usual
    arrangement; the Thủ tướng fixes the exact days each year). Days given in compensation when a holiday
    falls on a weekend (nghỉ bù) and days swapped by decision are not counted: they never move a deadline
    by more than the days already counted, and they differ from year to year.
    """
    if year not in LUNAR:
        raise CalendarRangeError(
            f"docgen chỉ có lịch ngày nghỉ lễ, Tết của các năm {FIRST}–{LAST}; năm {year} nằm ngoài bảng. "
            "Bổ sung ngày Tết Nguyên đán và Giỗ Tổ Hùng Vương của năm này vào docgen/model/workdays.py.")
    (tm, td), (gm, gd) = LUNAR[year]
    tet = _dt.date(year, tm, td)
    days = {_dt.date(year, 1, 1), _dt.date(year, gm, gd), _dt.date(year, 4, 30), _dt.date(year, 5, 1),
            _dt.date(year, 9, 2)}
    days |= {tet + _dt.timedelta(days=n) for n in range(-1, 4)}
    if year >= 2021:
        days.add(_dt.date(year, 9, _adjacent_to_quoc_khanh(year)))
    return frozenset(days)


def holiday_name(day: _dt.date) -> str | None:
    """The Vietnamese name of the holiday on `day`, or None."""
    if day not in holidays(day.year):
        return None
    if (day.month, day.day) == (1, 1):
        return "Tết Dương lịch"
    if (day.month, day.day) == LUNAR[day.year][1]:
        return "Giỗ Tổ Hùng Vương"
    if (day.month, day.day) == (4, 30):
        return "ngày Chiến thắng 30/4"
    if (day.month, day.day) == (5, 1):
        return "ngày Quốc tế Lao động 1/5"
    if day.month == 9:
        return "Quốc khánh"
    return "Tết Nguyên đán"


def day_off(day: _dt.date) -> str | None:
    """Why `day` is not a working day ('Thứ Bảy', 'Chủ nhật', a holiday's name), or None."""
    if day.weekday() == 5:
        return "Thứ Bảy"
    if day.weekday() == 6:
        return "Chủ nhật"
    # Tết's eve can fall in the previous Gregorian year's table only in theory (Tết is never before 21/1).
    return holiday_name(day)


def working_day_on_or_before(day: _dt.date) -> _dt.date:
    """`day` itself when it is a working day, else the working day before it."""
    while day_off(day):
        day -= _dt.timedelta(days=1)
    return day


def working_day_after(day: _dt.date) -> _dt.date:
    """The first working day after `day`."""
    day += _dt.timedelta(days=1)
    while day_off(day):
        day += _dt.timedelta(days=1)
    return day
