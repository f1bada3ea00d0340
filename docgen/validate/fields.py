"""Reading dated and timed fields of a loaded file, with an Issue where they are wrong."""
from __future__ import annotations

import calendar
import re

from docgen.errors import Issue
from docgen.load.reader import Loaded, string_leaves
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
        issues.append(doc.issue(path, f"ngày '{value}' không có thật{_why_no_date(str(value))}. Kiểm tra lại "
                                      "ngày và tháng."))
        return None


def _why_no_date(text: str) -> str:
    """' (tháng 9 năm 2017 chỉ có 30 ngày)': why a date in the right form does not exist, when it can be told."""
    m = re.fullmatch(r"\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4}))\s*", text)
    if not m:
        return ""
    year, month, day = (int(m[1]), int(m[2]), int(m[3])) if m[1] else (int(m[6]), int(m[5]), int(m[4]))
    if not 1 <= month <= 12:
        return f" (không có tháng {month}; có phải đã viết ngày trước tháng?)" if m[1] and day <= 12 \
            else f" (không có tháng {month})"
    if year < 1:
        return ""
    last = calendar.monthrange(year, month)[1]
    return f" (tháng {month} năm {year} chỉ có {last} ngày)" if day > last or day < 1 else ""


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


_DATE_PATTERN = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$"


_TIME_PATTERN = r"^\d{1,2}[:hg]\d{2}$"


def real_value_issues(doc: Loaded, schema: dict, subschema) -> list[Issue]:
    """Dates and times written in the right form but that do not exist ("31/09/2017", "25:00"), found with
    the schema's errors rather than after them: the clerk sees every problem of the file at once.
    `subschema(schema, path)` gives the schema of the value at `path`."""
    issues: list[Issue] = []
    for path, value in string_leaves(doc.data):
        pattern = subschema(schema, path).get("pattern")
        if pattern == _DATE_PATTERN and re.match(pattern, value):
            date_field(doc, path, issues)
        elif pattern == _TIME_PATTERN and re.match(pattern, value):
            time_field(doc, path, issues)
    return issues


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
