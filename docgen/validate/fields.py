"""Reading dated and timed fields of a loaded file, with an Issue where they are wrong."""
from __future__ import annotations

import re

from docgen.errors import Issue
from docgen.load.reader import Loaded
from docgen.model import workdays
from docgen.vi import parse_date, short_date


def date_field(doc: Loaded, path: tuple, issues: list[Issue]):
    """Parse the date at `path`, recording an issue when it is not a real date."""
    value = doc.data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else (value[part] if value is not None else None)
    if value in (None, ""):
        return None
    try:
        return parse_date(value)
    except ValueError:
        issues.append(doc.issue(path, f"ngày '{value}' không có thật. Kiểm tra lại ngày và tháng."))
        return None


def time_field(doc: Loaded, path: tuple, issues: list[Issue]):
    """Minutes since midnight of the time at `path`, recording an issue when it is not a real time."""
    value = doc.data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else value[part]
    if value in (None, ""):
        return None
    m = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(value).strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        issues.append(doc.issue(path, f"giờ '{value}' không có thật (giờ từ 0 đến 23, phút từ 00 đến 59)."))
        return None
    return int(m[1]) * 60 + int(m[2])


def times_field(doc: Loaded, path: tuple, issues: list[Issue]) -> None:
    start = time_field(doc, path + ("gio_bat_dau",), issues)
    end = time_field(doc, path + ("gio_ket_thuc",), issues)
    if start is not None and end is not None and end <= start:
        issues.append(doc.issue(path + ("gio_ket_thuc",), "giờ kết thúc phải sau giờ bắt đầu."))


def day_off_issue(doc: Loaded, path: tuple, day, what: str) -> list[Issue]:
    """A warning at `path` when `day` (a visit, a meeting) is a weekend day or a public holiday;
    an error when the year is beyond docgen's holiday table."""
    if day is None:
        return []
    try:
        why = workdays.day_off(day)
    except workdays.CalendarRangeError as e:
        return [doc.issue(path, e.message)]
    if not why:
        return []
    return [doc.issue(path, f"{what} ngày {short_date(day)} là ngày nghỉ ({why}). Chọn một ngày làm việc, "
                            "hoặc giữ nguyên nếu các đơn vị đã thống nhất làm việc ngày này.", "warning")]
