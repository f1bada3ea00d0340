"""JSON Schema checks of input files, each problem in Vietnamese with its place and the key it likely meant."""
from __future__ import annotations

import difflib
import functools
import json
import re

import jsonschema

from docgen import resources
from docgen.errors import Issue, ScoreError
from docgen.load.reader import Loaded, pointer_of
from docgen.score.rules import parse_score
from docgen.vi import slug

KINDS = {"cum": "cum.schema.json", "ke_hoach": "ke-hoach.schema.json", "huyen": "huyen.schema.json"}


KIND_NAMES = {"cum": "tệp Cụm", "ke_hoach": "tệp Kế hoạch", "huyen": "tệp cấp huyện"}


_TYPE_VI = {"string": "chữ", "integer": "số nguyên", "number": "số", "object": "một nhóm 'khóa: giá trị'",
            "array": "một danh sách", "boolean": "true hoặc false", "null": "để trống"}


@functools.lru_cache(maxsize=None)
def schema_for(kind: str) -> dict:
    return json.loads(resources.schema_text(KINDS[kind]))


@functools.lru_cache(maxsize=None)
def validator_for(kind: str):
    """Built once per kind. The schemas ship with docgen and are checked against their metaschema by
    tests/unit/test_schemas_valid.py, not here: that check cost more than validating a file."""
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
        props = err.schema.get("properties", {})
        msg = (f"thiếu mục bắt buộc {_title(props.get(missing, {}), missing)}. "
               + props.get(missing, {}).get("description", ""))
        return [doc.issue(path, msg.strip())]
    if v == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        out = []
        for extra in sorted(set(err.instance) - set(allowed)):
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
        elif isinstance(err.instance, str) and "array" in want and "," in err.instance:
            hint = " (viết danh sách trong ngoặc vuông, ví dụ [5, 14, 23, 28, 9, 9, 5])"
        elif isinstance(err.instance, str) and {"integer", "number"} & set(want):
            hint = (" (viết số không đặt trong ngoặc kép, không có số 0 ở đầu, dấu thập phân là dấu chấm)"
                    if re.fullmatch(r"\s*\d+([.,]\d+)?\s*", err.instance) else "")
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
        return [doc.issue(path, f"{name} viết chưa đúng dạng ({_value_text(err.instance)}). "
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
        return [doc.issue(path, f"{_score_place(path)}: {why}.")]
    if v == "anyOf":
        return [doc.issue(path, f"{name} không hợp lệ ({_value_text(err.instance)}). {sub.get('description', '')}".strip())]
    return [doc.issue(path, f"{name} không hợp lệ ({_value_text(err.instance)}). "
                            f"{sub.get('description', '')}".strip())]


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
