"""Bounds on what an input file can ask of docgen: size, nodes, depth, list and text lengths, numbers.

Each bound is checked before the value is converted or walked, so a hostile or mistaken file is
answered at once with the place of the fault, never by using gigabytes or minutes. The largest real
file (the 2017 plan, 28 KB) has 355 values, lists of 21 items, 652-character texts and depth 10: every
bound below leaves a wide margin above it.
"""
from __future__ import annotations

import re

MAX_BYTES = 128 * 1024  # the slow YAML parser, used to word syntax errors, reads ~150 KB/s


MAX_NODES = 20_000  # values after aliases are expanded: stops alias bombs ("billion laughs")


MAX_DEPTH = 40


MAX_ITEMS = 500  # entries of one list or one group of keys


MAX_TEXT = 10_000  # characters of one value (about three pages of one paragraph)


MAX_KEY = 100  # characters of one key


MAX_DIGITS = 15  # digits of one number: Decimal and int are exact up to any size, but cost grows with it


MAX_EXPONENT = 15  # |exponent| of `1.5e3`: 5.0e-999999999 would print as a gigabyte of zeros


_EXPONENT = re.compile(r"[eE]([-+]?[0-9]+)$")


def number_vi(n: int) -> str:
    """20000 → '20.000': thousands grouped with dots, as Vietnamese documents write them."""
    return f"{n:,}".replace(",", ".")


def number_problem(text: str) -> str | None:
    """Why the number written `text` is out of bounds (a Vietnamese message), or None when it is fine.
    Works on the text alone: nothing is converted."""
    mantissa, exponent = text, None
    m = _EXPONENT.search(text)
    if m:
        mantissa, exponent = text[: m.start()], m[1].lstrip("+-").lstrip("0") or "0"
    digits = sum(c.isdigit() for c in mantissa)
    if digits <= MAX_DIGITS and (exponent is None or (len(exponent) <= 3 and int(exponent) <= MAX_EXPONENT)):
        return None
    shown = text if len(text) <= 24 else text[:20] + "…"
    why = (f"có {digits} chữ số (tối đa {MAX_DIGITS})" if digits > MAX_DIGITS
           else f"có số mũ quá lớn (viết dạng 1.5e{MAX_EXPONENT} là tối đa)")
    return (f"số '{shown}' {why}. Viết số thường, ví dụ 9.5 hay 2017; nếu đây là mã hay số hiệu "
            "thì đặt trong ngoặc kép.")


def text_problem(value: str, what: str = "giá trị") -> str | None:
    """Why a text or key is too long (a Vietnamese message), or None."""
    limit = MAX_KEY if what == "tên khóa" else MAX_TEXT
    if len(value) <= limit:
        return None
    return (f"{what} dài {number_vi(len(value))} ký tự, quá giới hạn {number_vi(limit)} ký tự. "
            "Hãy rút gọn nội dung, hoặc kiểm tra có dán nhầm cả một văn bản vào đây không.")


def items_problem(count: int, kind: str) -> str | None:
    """Why a list (kind 'danh sách') or a group of keys ('nhóm') has too many entries, or None."""
    if count <= MAX_ITEMS:
        return None
    unit = "mục" if kind == "danh sách" else "khóa"
    return (f"{kind} có {number_vi(count)} {unit}, quá giới hạn {MAX_ITEMS} {unit}. "
            "Tệp thật chỉ có vài chục mục ở mỗi chỗ: kiểm tra có dán nhầm dữ liệu không.")
