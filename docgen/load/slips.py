"""Typing slips that YAML reports late or in its own terms, found in the text and named by their cause.

`ho_ten:Trần Thị Hoa` (no space after the colon) is one value to YAML, and the error surfaces a line or
more below as "thụt lề sai". A full-width colon `：` (typed with a Chinese or Japanese input method) and a
non-breaking space (pasted from Word or a web page) do the same. When parsing fails, the lines just
above the place YAML names are searched for these slips; the nearest one is the real fault.
"""
from __future__ import annotations

import re

WINDOW = 5  # lines above YAML's error searched for a slip


# `ho_ten:Trần`: a key, a colon, then at once something else; not `http://`, not `12:30` (keys start
# with a letter), not a Windows path `C:\`.
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?|.*[{,]\s*)([A-Za-z_][A-Za-z0-9_]*):(?![\s/\\:]|$)")


_NBSP_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\u00a0")


def _in_text(line: str, col: int) -> bool:
    """Whether position `col` of `line` is inside quotes or a comment (a slip there is the clerk's text)."""
    quote = None
    for i, c in enumerate(line[:col]):
        if quote:
            quote = None if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return True
    return quote is not None


def slip_on(line: str) -> tuple[int, str] | None:
    """(1-based column, Vietnamese message) of a typing slip on one line, or None."""
    if line.lstrip(" ").startswith("\u00a0"):
        col = len(line) - len(line.lstrip(" ")) + 1
        return col, ("đầu dòng có dấu cách không ngắt (U+00A0, thường lẫn vào khi sao chép từ Word hoặc trang "
                     "web) thay cho dấu cách thường. Xóa các dấu cách đầu dòng và gõ lại bằng phím cách.")
    full = line.find("：")
    if full >= 0 and not _in_text(line, full):
        return full + 1, ("dấu hai chấm '：' là dấu toàn độ rộng (của bộ gõ tiếng Trung, tiếng Nhật). Thay bằng "
                          "dấu ':' thường, rồi một dấu cách.")
    m = _NBSP_AFTER_COLON.match(line)
    if m:
        return m.end(), (f"sau dấu ':' của '{m[1]}' là dấu cách không ngắt (U+00A0), YAML không coi là dấu cách. "
                         f"Xóa nó và gõ lại một dấu cách thường: `{m[1]}: …`.")
    m = _NO_SPACE.match(line)
    if m and not _in_text(line, m.end(2)):
        rest = line[m.end():].split(",")[0].split("}")[0].strip()
        return m.end(2) + 1, (f"thiếu dấu cách sau dấu ':' của '{m[2]}'. YAML cần một dấu cách sau dấu ':' để "
                              f"hiểu đây là 'khóa: giá trị': viết `{m[2]}: {rest}`.")
    return None


def near(text: str, line: int | None) -> tuple[int, int, str] | None:
    """The slip nearest above (or on) YAML's error `line`: (line, column, message), or None."""
    if not line:
        return None
    lines = text.splitlines()
    for n in range(min(line, len(lines)), max(line - WINDOW, 0), -1):
        found = slip_on(lines[n - 1])
        if found:
            return n, found[0], found[1]
    return None
