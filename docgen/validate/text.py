"""Text values: NFC, control characters, legacy encodings (TCVN3, VNI)."""
from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal

from docgen.errors import Issue
from docgen.load.reader import Loaded, string_leaves
from docgen.validate import legacy
from docgen.validate.fields import real_value_issues
from docgen.validate.schema import (
    _subschema,
    _title,
    _value_text,
    schema_for,
    schema_issues,
)


def input_issues(doc: Loaded, kind: str) -> list[Issue]:
    """Every problem of the file on its own, all at once: schema errors and bad text, in file order."""
    issues = schema_issues(doc, kind) + text_issues(doc, kind) + real_value_issues(doc, schema_for(kind), _subschema)
    issues.sort(key=lambda i: (i.line or 0, i.column or 0))
    return issues


def coerce_text(doc: Loaded, kind: str) -> Loaded:
    """A copy of `doc` where a number written unquoted in a text field (`so_bien_ban: 5`,
    `ten: 2017`) becomes the text as written, so that YAML's reading never decides for the clerk."""
    root = schema_for(kind)

    def walk(value, path, schema):
        if isinstance(value, dict):
            props = schema.get("properties", {})
            return {k: walk(v, path + (k,), props.get(k, {})) for k, v in value.items()}
        if isinstance(value, list):
            items = schema.get("items", {})
            return [walk(v, path + (i,), items) for i, v in enumerate(value)]
        types = schema.get("type")
        types = types if isinstance(types, list) else [types]
        if ("string" in types and not {"integer", "number"} & set(types) and not isinstance(value, bool)
                and isinstance(value, (int, Decimal)) and path in doc.plain_text):
            return doc.plain_text[path]
        return value

    return dataclasses.replace(doc, data=walk(doc.data, (), root))


# Invisible or control characters that have no place in a document's text.
_INVISIBLE = {"\u00ad": "gạch nối mềm", "\u200b": "dấu cách độ rộng 0", "\u200c": "ký tự ẩn ZWNJ",
              "\u200d": "ký tự ẩn ZWJ", "\u200e": "dấu chiều viết", "\u200f": "dấu chiều viết",
              "\u2028": "ngắt dòng Unicode", "\u2029": "ngắt đoạn Unicode", "\u2060": "ký tự nối ẩn",
              "\ufeff": "dấu BOM"}


# Bidirectional-text controls: invisible, they reorder what is printed (U+202E shows "Hà Nội" reversed)
# and can make a name read differently on paper than in the file.
_BIDI = {**{c: "ký tự điều khiển chiều viết" for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"},
         "\u061c": "dấu chiều viết"}


def _bad_char(text: str) -> tuple[int, str] | None:
    """The first control or invisible character of `text`: (index, Vietnamese name)."""
    if text.replace("\n", "").isprintable() and _INVISIBLE.keys().isdisjoint(text):
        return None  # no Cc, Cf, Co or Cn character (isprintable is False for each), checked in C
    return _first_bad(text)


def _first_bad(text: str) -> tuple[int, str] | None:
    """_bad_char character by character (the slow path, for text that has something unusual)."""
    for i, c in enumerate(text):
        if c == "\n":
            continue
        if c == "\t":
            return i, "ký tự Tab"
        if unicodedata.category(c) == "Cc":
            return i, f"ký tự điều khiển U+{ord(c):04X}"
        if c in _INVISIBLE:
            return i, f"{_INVISIBLE[c]} (U+{ord(c):04X})"
        if c in _BIDI:
            return i, f"{_BIDI[c]} (U+{ord(c):04X})"
        if unicodedata.category(c) == "Cf":  # any other invisible format character
            return i, f"ký tự định dạng ẩn (U+{ord(c):04X})"
        if unicodedata.category(c) in ("Co", "Cn"):
            return i, f"ký tự không có trong bảng mã Unicode chuẩn (U+{ord(c):04X})"
    return None


def text_issues(doc: Loaded, kind: str) -> list[Issue]:
    """Text typed in a legacy encoding (TCVN3, VNI) or carrying control characters, field by field."""
    root = schema_for(kind)
    issues: list[Issue] = []
    for path, value in string_leaves(doc.data):
        found = legacy.detect(value)
        bad = None if found else _bad_char(value)
        if not (found or bad):
            continue  # (the field's title is looked up only for a message: most strings have none)
        name = _title(_subschema(root, path), path[-1] if path else None)
        if found:
            enc = " hoặc ".join("TCVN3 (ABC, phông .VnTime)" if e == "TCVN3" else "VNI (phông VNI-Times)"
                                for e in found.encodings)
            fix = f", hoặc thay bằng: {found.unicode}" if found.unicode else ""
            issues.append(doc.issue(path, f"{name} được gõ bằng bảng mã cũ {enc}: {_value_text(value)}. "
                                          "docgen chỉ nhận chữ Unicode: hãy gõ lại bằng bảng mã Unicode "
                                          f"(Unikey: Bảng mã → Unicode){fix}"))
            continue
        if bad:
            i, what = bad
            issues.append(doc.issue(path, f"{name} có {what} ở ký tự thứ {i + 1} "
                                          f"({_value_text(value[max(0, i - 10):i])}…). Hãy xóa ký tự đó "
                                          "(thường lẫn vào khi sao chép từ Word, Excel hoặc trang web)."))
    issues.sort(key=lambda i: (i.line or 0, i.column or 0))
    return issues
