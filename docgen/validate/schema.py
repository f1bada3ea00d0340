"""JSON Schema checks of input files, each problem in Vietnamese with its place and the key it likely meant."""
from __future__ import annotations

import difflib
import functools
import re

from docgen.errors import Issue, ScoreError
from docgen.load.reader import Loaded, pointer_of
from docgen.score.rules import parse_score
from docgen.validate import quick_schema
from docgen.validate.schema_files import KINDS, schema_for
from docgen.vi import slug

__all__ = ["KINDS", "KIND_NAMES", "schema_for", "validator_for", "kind_of", "schema_issues", "nearest_key"]


KIND_NAMES = {"cum": "tệp Cụm", "ke_hoach": "tệp Kế hoạch", "huyen": "tệp cấp huyện"}


_TYPE_VI = {"string": "chữ", "integer": "số nguyên", "number": "số", "object": "một nhóm 'khóa: giá trị'",
            "array": "một danh sách", "boolean": "true hoặc false", "null": "để trống"}


@functools.lru_cache(maxsize=None)
def validator_for(kind: str):
    """Built once per kind. The schemas ship with docgen and are checked against their metaschema by
    tests/unit/test_schemas_valid.py, not here: that check cost more than validating a file.
    Imported here, not at the top: a valid file never needs jsonschema (see quick_schema)."""
    import jsonschema
    schema = schema_for(kind)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def kind_of(doc: Loaded) -> tuple[str | None, list[Issue]]:
    kind = doc.data.get("loai_tep")
    if isinstance(kind, str) and kind in KINDS:  # (a list or a mapping here is a typo, not a kind)
        return kind, []
    if kind is None:
        msg = ("thiếu khóa 'loai_tep' ở đầu tệp. Thêm dòng `loai_tep: cum` (tệp của một Cụm) "
               "hoặc `loai_tep: ke_hoach` (tệp Kế hoạch), `loai_tep: huyen` (tệp cấp huyện).")
    else:
        msg = (f"'loai_tep' là '{kind}', chưa đúng. Viết `loai_tep: cum` (tệp của một Cụm) "
               "hoặc `loai_tep: ke_hoach` (tệp Kế hoạch), `loai_tep: huyen` (tệp cấp huyện).")
    return None, [doc.issue(("loai_tep",) if kind is not None else (), msg)]


def _title(schema: dict, key=None) -> str:
    title = schema.get("title")
    if title:
        return f"'{title}'" + (f" (`{key}`)" if key is not None and not isinstance(key, int) else "")
    return f"`{key}`" if key is not None else "giá trị"


def _subschema(root: dict, path) -> dict:
    """The schema that governs the value at `path` (enough for titles and descriptions)."""
    node = _deref(root, root)
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        else:
            extra = node.get("additionalProperties")
            node = extra if isinstance(extra, dict) else {}
        node = _deref(root, node)
    return node


def _deref(root: dict, node: dict) -> dict:
    """`{"$ref": "#/$defs/x"}` → the definition (the only kind of reference our schemas use)."""
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return root.get("$defs", {}).get(ref.split("/")[-1], {})
    return node


def _score_place(path: tuple) -> str:
    """'Điểm thống nhất, nội dung thứ 4' from a path ending in a score list index (schema stage: no plan yet)."""
    kinds = {"tu_cham": "Điểm tự chấm", "doan_cham": "Điểm Đoàn chấm", "thong_nhat": "Điểm thống nhất"}
    if len(path) >= 2 and isinstance(path[-1], int) and path[-2] in kinds:
        if len(path) >= 4 and path[-4] == "tieu_chi":
            return f"{kinds[path[-2]]}, nội dung {path[-3]}, tiêu chí thứ {path[-1] + 1}"
        return f"{kinds[path[-2]]}, nội dung thứ {path[-1] + 1}"
    return "Điểm"


def _value_text(value) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return _TYPE_VI["object" if isinstance(value, dict) else "array"]
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def schema_issues(doc: Loaded, kind: str) -> list[Issue]:
    """Every schema error of the file, in Vietnamese, sorted by position."""
    if quick_schema.certainly_valid(doc.data, kind):
        return []  # jsonschema would find nothing: do not import or run it
    root = schema_for(kind)
    issues = []
    for err in validator_for(kind).iter_errors(doc.data):
        issues.extend(_translate(doc, root, err))
    issues.sort(key=lambda i: (i.line or 0, i.column or 0))
    return issues


def _translate(doc: Loaded, root: dict, err) -> list[Issue]:
    path = tuple(err.absolute_path)
    sub = _subschema(root, path)
    key = path[-1] if path else None
    name = _title(sub, key)
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1]
        if isinstance(err.instance, dict) and any(str(k).startswith(f"{missing}:") for k in err.instance):
            return []  # `{ho_ten:Trần}`: the key glued to its value is reported once, below, by its cause
        props = err.schema.get("properties", {})
        msg = (f"thiếu mục bắt buộc {_title(props.get(missing, {}), missing)}. "
               + props.get(missing, {}).get("description", ""))
        return [doc.issue(path, msg.strip())]
    if v == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        out = []
        for extra in sorted(set(err.instance) - set(allowed)):
            glued = re.match(r"([A-Za-z_][A-Za-z0-9_]*):(\S.*)", str(extra), re.S)
            if glued and glued[1] in allowed:
                line, col = doc.key_positions.get(path + (extra,), doc.where(path))
                out.append(Issue(f"thiếu dấu cách sau dấu ':' của '{glued[1]}'. YAML cần một dấu cách sau dấu ':' "
                                 f"để hiểu đây là 'khóa: giá trị': viết `{glued[1]}: {glued[2]}`.", doc.source, line,
                                 col, pointer_of(path + (glued[1],))))
                continue
            near = nearest_key(extra, allowed)
            hint = (f" Có phải ý bạn là '{near}' ({err.schema['properties'][near].get('title', '')})?"
                    if near else f" Các khóa được dùng ở đây: {', '.join(allowed)}.")
            line, col = doc.key_positions.get(path + (extra,), doc.where(path))
            out.append(Issue(f"khóa '{extra}' không có trong mẫu.{hint}", doc.source, line, col,
                             pointer_of(path + (extra,))))
        return out
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want_vi = " hoặc ".join(_TYPE_VI.get(t, t) for t in want if t != "null")
        hint = ""
        if isinstance(err.instance, bool) and "string" in want:
            hint = " (YAML đọc true/false là giá trị đúng/sai: nếu đây là chữ, hãy đặt trong ngoặc kép)"
        elif isinstance(err.instance, str) and "object" in want and _glued_key(err.instance, sub):
            key, value = _glued_key(err.instance, sub)
            return [doc.issue(path, f"thiếu dấu cách sau dấu ':' của '{key}'. YAML cần một dấu cách sau dấu ':' "
                                    f"để hiểu đây là 'khóa: giá trị': viết `{key}: {value}`.")]
        elif isinstance(err.instance, str) and "array" in want and "," in err.instance:
            hint = " (viết danh sách trong ngoặc vuông, ví dụ [5, 14, 23, 28, 9, 9, 5])"
        elif isinstance(err.instance, str) and {"integer", "number"} & set(want):
            hint = _number_hint(err.instance.strip(), "number" in want)
        elif "integer" in want and isinstance(doc.plain_text.get(path), str) and not isinstance(err.instance, bool):
            hint = _number_hint(doc.plain_text[path].strip(), False)  # `1.000` read as one point zero
        return [doc.issue(path, f"{name} phải là {want_vi}, không phải {_value_text(err.instance)}{hint}.")]
    if v in ("enum", "const"):
        options = err.validator_value if v == "enum" else [err.validator_value]
        return [doc.issue(path, f"{name} là {_value_text(err.instance)}, phải là một trong: "
                                f"{', '.join(str(o) for o in options)}.")]
    if v == "pattern" and "propertyNames" in err.schema_path:  # a bad key: point at the key itself
        line, col = doc.key_positions.get(path + (err.instance,), doc.where(path))
        return [Issue(f"khóa '{err.instance}' của {name} phải là số thứ tự của một nội dung, viết trong ngoặc "
                      f"kép, ví dụ \"3\".", doc.source, line, col, pointer_of(path + (err.instance,)))]
    if v == "pattern" or v == "format":
        hint = (_time_hint(err.instance) if "[:hg]" in str(err.validator_value)
                else _date_hint(err.instance) if r"\d{4}-" in str(err.validator_value) else "")
        return [doc.issue(path, f"{name} viết chưa đúng dạng ({_value_text(err.instance)}).{hint} "
                                f"{sub.get('description', '')}".strip())]
    if v == "minLength":
        return [doc.issue(path, f"{name} không được để trống.")]
    if v == "maxLength":
        return [doc.issue(path, f"{name} dài quá {err.validator_value} ký tự ({_value_text(err.instance)}).")]
    if v == "exclusiveMaximum":
        return [doc.issue(path, f"{name} là {_value_text(err.instance)}, phải nhỏ hơn {err.validator_value}.")]
    if v == "uniqueItems":
        return [doc.issue(path, f"{name} có mục bị lặp.")]
    if v in ("minimum", "exclusiveMinimum"):
        return [doc.issue(path, f"{name} là {_value_text(err.instance)}, phải "
                                f"{'lớn hơn' if v == 'exclusiveMinimum' else 'từ'} {err.validator_value}"
                                f"{'' if v == 'exclusiveMinimum' else ' trở lên'}.")]
    if v == "maximum":
        return [doc.issue(path, f"{name} là {_value_text(err.instance)}, không được quá {err.validator_value}.")]
    if v == "minProperties":
        keys = ", ".join(sub.get("properties", {}))
        return [doc.issue(path, f"{name} không được để trống" + (f": ghi ít nhất một trong {keys}." if keys else "."))]
    if v == "minItems":
        return [doc.issue(path, f"{name} cần ít nhất {err.validator_value} mục.")]
    if v == "maxItems":
        return [doc.issue(path, f"{name} có nhiều nhất {err.validator_value} mục.")]
    if v == "anyOf" and sub is root.get("$defs", {}).get("diem"):
        try:
            parse_score(err.instance)
            why = "không phải là số điểm"
        except ScoreError as e:
            why = str(e)
        if isinstance(err.instance, str) and ";" in err.instance:
            why += "; các điểm cách nhau bằng dấu phẩy và một dấu cách (5, 14, 23), không dùng dấu chấm phẩy ';'"
        return [doc.issue(path, f"{_score_place(path)}: {why}.")]
    if v == "anyOf":
        return [doc.issue(path, f"{name} không hợp lệ ({_value_text(err.instance)}). {sub.get('description', '')}".strip())]
    return [doc.issue(path, f"{name} không hợp lệ ({_value_text(err.instance)}). "
                            f"{sub.get('description', '')}".strip())]


def _glued_key(text: str, schema: dict) -> tuple[str, str] | None:
    """('ho_ten', 'Trần Thị Hoa') for `ho_ten:Trần Thị Hoa` where a group with a key ho_ten was expected."""
    m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*):(\S.*)", text, re.S)
    return (m[1], m[2]) if m and m[1] in schema.get("properties", {}) else None


def _number_hint(text: str, decimals: bool) -> str:
    """Why a number written as text is not read as one: a thousands separator, a decimal comma, quotes."""
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) and not (decimals and re.fullmatch(r"\d+,\d{1,2}", text)):
        return (f" (không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn: viết liền "
                f"{re.sub(r'[.,]', '', text)}, không đặt trong ngoặc kép)")
    if re.fullmatch(r"\d+,\d+", text):
        return (f" (số thập phân viết bằng dấu chấm: {text.replace(',', '.')}, không đặt trong ngoặc kép)"
                if decimals else " (ở đây chỉ ghi số nguyên)")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return " (viết số không đặt trong ngoặc kép, không có số 0 ở đầu)"
    return ""


def _time_hint(value) -> str:
    """' Viết "08:00".' for a time written the way it is said: 8h, 8 giờ, 8g30, 14h 30."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*(?:h|g|giờ|:)\s*(\d{1,2})?\s*(?:phút|p)?\s*", str(value), re.I)
    if not m or int(m[1]) > 23 or (m[2] and int(m[2]) > 59):
        return ""
    return f" Viết \"{int(m[1]):02d}:{int(m[2] or 0):02d}\"."


def _date_hint(value) -> str:
    """' Viết "10/10/2017".' for a date written with dots, dashes or spaces between day, month and year."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*[.\- ]\s*(\d{1,2})\s*[.\- ]\s*(\d{4})\s*", str(value))
    return f" Viết \"{m[1]}/{m[2]}/{m[3]}\"." if m else ""


def _plain_key(key: str) -> str:
    """'Ngày kiểm tra' → 'ngay_kiem_tra': how a key would be spelt without diacritics."""
    return slug(str(key)).replace("-", "_")


def nearest_key(key: str, allowed: list[str]) -> str | None:
    """The valid key a misspelt one most likely meant (diacritics and case ignored), or None."""
    plain = _plain_key(key)
    if plain in allowed:
        return plain
    near = difflib.get_close_matches(plain, allowed, n=1, cutoff=0.6)
    return near[0] if near else None
