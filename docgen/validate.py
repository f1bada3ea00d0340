"""Validate stage: JSON Schema and the plan's cross-field rules, every problem in Vietnamese with its place."""
from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import jsonschema

from . import legacy, plan_text
from .cluster_scores import read_scores
from .errors import Issue
from .load import Loaded, pointer_of
from .rules import parse_score, rules_from_plan
from .vi import decimal_text, parse_date, short_date, slug

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"
KINDS = {"cum": "cum.schema.json", "ke_hoach": "ke-hoach.schema.json", "huyen": "huyen.schema.json"}
KIND_NAMES = {"cum": "tệp Cụm", "ke_hoach": "tệp Kế hoạch", "huyen": "tệp cấp huyện"}

_TYPE_VI = {"string": "chữ", "integer": "số nguyên", "number": "số", "object": "một nhóm 'khóa: giá trị'",
            "array": "một danh sách", "boolean": "true hoặc false", "null": "để trống"}


@functools.lru_cache(maxsize=None)
def schema_for(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / KINDS[kind]).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def validator_for(kind: str):
    """Built once per kind: the schema is checked against its metaschema first."""
    schema = schema_for(kind)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
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


def input_issues(doc: Loaded, kind: str) -> list[Issue]:
    """Every problem of the file on its own, all at once: schema errors and bad text, in file order."""
    issues = schema_issues(doc, kind) + text_issues(doc, kind)
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
        except ValueError as e:
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


def _bad_char(text: str) -> tuple[int, str] | None:
    """The first control or invisible character of `text`: (index, Vietnamese name)."""
    for i, c in enumerate(text):
        if c == "\n":
            continue
        if c == "\t":
            return i, "ký tự Tab"
        if unicodedata.category(c) == "Cc":
            return i, f"ký tự điều khiển U+{ord(c):04X}"
        if c in _INVISIBLE:
            return i, f"{_INVISIBLE[c]} (U+{ord(c):04X})"
        if unicodedata.category(c) in ("Co", "Cn"):
            return i, f"ký tự không có trong bảng mã Unicode chuẩn (U+{ord(c):04X})"
    return None


def text_issues(doc: Loaded, kind: str) -> list[Issue]:
    """Text typed in a legacy encoding (TCVN3, VNI) or carrying control characters, field by field."""
    root = schema_for(kind)
    issues: list[Issue] = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str):
            name = _title(_subschema(root, path), path[-1] if path else None)
            found = legacy.detect(value)
            if found:
                enc = " hoặc ".join("TCVN3 (ABC, phông .VnTime)" if e == "TCVN3" else "VNI (phông VNI-Times)"
                                    for e in found.encodings)
                fix = f", hoặc thay bằng: {found.unicode}" if found.unicode else ""
                issues.append(doc.issue(path, f"{name} được gõ bằng bảng mã cũ {enc}: {_value_text(value)}. "
                                              "docgen chỉ nhận chữ Unicode: hãy gõ lại bằng bảng mã Unicode "
                                              f"(Unikey: Bảng mã → Unicode){fix}"))
                return
            bad = _bad_char(value)
            if bad:
                i, what = bad
                issues.append(doc.issue(path, f"{name} có {what} ở ký tự thứ {i + 1} "
                                              f"({_value_text(value[max(0, i - 10):i])}…). Hãy xóa ký tự đó "
                                              "(thường lẫn vào khi sao chép từ Word, Excel hoặc trang web)."))

    walk(doc.data, ())
    issues.sort(key=lambda i: (i.line or 0, i.column or 0))
    return issues


def _date(doc: Loaded, path: tuple, issues: list[Issue]):
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


def plan_issues(plan: Loaded) -> list[Issue]:
    """Cross-field checks of a plan file that the schema cannot express."""
    data = plan.data
    issues: list[Issue] = []
    numbers = [c.get("so") for c in data["noi_dung"]]
    for i, n in enumerate(numbers):
        if numbers.index(n) != i:
            issues.append(plan.issue(("noi_dung", i, "so"), f"nội dung số {n} bị lặp."))
    for i, c in enumerate(data["noi_dung"]):
        criteria = c.get("tieu_chi") or []
        total = sum((Decimal(str(t["diem_toi_da"])) for t in criteria), Decimal(0))
        if criteria and total != Decimal(str(c["diem_toi_da"])):
            issues.append(plan.issue(("noi_dung", i, "tieu_chi"),
                                     f"nội dung {c['so']}: tổng điểm tối đa các tiêu chí là {decimal_text(total)}, "
                                     f"khác điểm tối đa của nội dung ({decimal_text(c['diem_toi_da'])})."))
    for i, k in enumerate(data["xep_loai"]):
        for j, cond in enumerate(k.get("dieu_kien", [])):
            for m, n in enumerate(cond["noi_dung"]):
                if n not in numbers:
                    issues.append(plan.issue(("xep_loai", i, "dieu_kien", j, "noi_dung", m),
                                             f"nội dung số {n} không có trong danh sách nội dung."))
    if data["xep_loai"] and (data["xep_loai"][-1].get("dieu_kien") or data["xep_loai"][-1]["tong_diem_tu"] != 0
                             or data["xep_loai"][-1].get("so_noi_dung_thuc_hien_tu", 0) != 0):
        issues.append(plan.issue(("xep_loai", len(data["xep_loai"]) - 1),
                                 "loại cuối cùng (thấp nhất) phải có tong_diem_tu: 0, so_noi_dung_thuc_hien_tu: 0 "
                                 "và không có điều kiện, để đơn vị nào cũng được xếp loại."))
    rules = data["cum"]
    if rules["so_don_vi_toi_thieu"] > rules["so_don_vi_toi_da"]:
        issues.append(plan.issue(("cum", "so_don_vi_toi_da"), "số đơn vị tối đa của Cụm nhỏ hơn số tối thiểu."))
    start = _date(plan, ("thoi_gian", "kiem_tra_tu_ngay"), issues)
    end = _date(plan, ("thoi_gian", "kiem_tra_den_ngay"), issues)
    if start and end and start > end:
        issues.append(plan.issue(("thoi_gian", "kiem_tra_den_ngay"), "ngày kết thúc kiểm tra trước ngày bắt đầu."))
    issues += plan_text.issues(plan)  # the document's words: placeholders, reminders
    return issues


def _time(doc: Loaded, path: tuple, issues: list[Issue]):
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


def _times(doc: Loaded, path: tuple, issues: list[Issue]) -> None:
    start = _time(doc, path + ("gio_bat_dau",), issues)
    end = _time(doc, path + ("gio_ket_thuc",), issues)
    if start is not None and end is not None and end <= start:
        issues.append(doc.issue(path + ("gio_ket_thuc",), "giờ kết thúc phải sau giờ bắt đầu."))


def cluster_issues(cluster: Loaded, plan: dict) -> list[Issue]:
    """Cross-field checks of a cluster file against itself and its plan."""
    data = cluster.data
    issues: list[Issue] = []
    units = data["don_vi"]
    codes = [u["ma"] for u in units]
    rules = plan["cum"]
    lo, hi = rules["so_don_vi_toi_thieu"], rules["so_don_vi_toi_da"]
    if not lo <= len(units) <= hi:
        issues.append(cluster.issue(("don_vi",), f"Cụm có {len(units)} đơn vị; theo Kế hoạch mỗi Cụm có từ {lo} "
                                                 f"đến {hi} đơn vị."))
    for i, code in enumerate(codes):
        if codes.index(code) != i:
            issues.append(cluster.issue(("don_vi", i, "ma"), f"mã đơn vị '{code}' bị lặp (đơn vị thứ "
                                                             f"{codes.index(code) + 1} cũng dùng mã này); mỗi "
                                                             "đơn vị một mã riêng."))
    names = [f"{u['loai']} {u['ten']}" for u in units]
    files = [slug(u["ten"]) for u in units]
    for i, name in enumerate(names):
        if names.index(name) != i:
            issues.append(cluster.issue(("don_vi", i, "ten"), f"đơn vị '{name}' được kê hai lần (đơn vị thứ "
                                                              f"{names.index(name) + 1} và thứ {i + 1})."))
        elif files.index(files[i]) != i:
            other = units[files.index(files[i])]["ten"]
            issues.append(cluster.issue(("don_vi", i, "ten"), f"tên '{units[i]['ten']}' và '{other}' giống nhau khi "
                                                              "bỏ dấu, nên biên bản của hai đơn vị sẽ trùng tên tệp. "
                                                              "Kiểm tra lại tên đơn vị."))

    def known(path, code, what="đơn vị"):
        if code not in codes:
            near = difflib.get_close_matches(code, codes, n=1)
            hint = f" Có phải là '{near[0]}'?" if near else f" Các mã có trong Cụm: {', '.join(codes)}."
            issues.append(cluster.issue(path, f"{what} mã '{code}' không phải là đơn vị của Cụm (không có trong "
                                              f"mục don_vi).{hint}"))
            return False
        return True

    leader = data["cum"]["cum_truong"]
    if known(("cum", "cum_truong"), leader, "đơn vị Cụm trưởng"):
        li = codes.index(leader)
        head = units[li]["dai_dien"]
        if head.get("chuc_vu") != "Chủ tịch":
            issues.append(cluster.issue(("don_vi", li, "dai_dien", "chuc_vu"),
                                        "theo Kế hoạch, Trưởng đoàn là Chủ tịch UBND của đơn vị Cụm trưởng; "
                                        "ở đây người đại diện là Phó Chủ tịch.", "warning"))
        if li != len(units) - 1:
            issues.append(cluster.issue(("don_vi", li), f"đơn vị Cụm trưởng ({units[li]['ten']}) đứng thứ {li + 1}; "
                                                        "theo Kế hoạch nên kiểm tra các đơn vị thành viên trước và "
                                                        "kết thúc tại đơn vị Cụm trưởng (đặt đơn vị này cuối danh "
                                                        "sách).", "warning"))

    # The team (Đoàn kiểm tra): two different people from each commune, nobody twice.
    seen: dict[str, tuple] = {}
    for i, unit in enumerate(units):
        for role in ("dai_dien", "cong_chuc_vptk"):
            name = " ".join(str(unit[role]["ho_ten"]).split()).lower()
            if name in seen:
                j, other_role = seen[name]
                where = "cùng đơn vị" if j == i else f"đơn vị {units[j]['ten']}"
                issues.append(cluster.issue(("don_vi", i, role, "ho_ten"),
                                            f"{unit[role]['ho_ten']} đã có trong Đoàn kiểm tra ({where}, mục "
                                            f"{other_role}); theo Kế hoạch mỗi đơn vị cử 2 người khác nhau: lãnh "
                                            "đạo UBND và công chức Văn phòng - Thống kê."))
            else:
                seen[name] = (i, role)

    contents = plan["noi_dung"]
    score_rules = rules_from_plan(plan)
    for i, unit in enumerate(units):
        found = []
        for p in read_scores(score_rules, unit["diem"])[1]:
            path = ("don_vi", i, "diem") + p.path
            if p.at_key and path in cluster.key_positions:
                line, col = cluster.key_positions[path]
                found.append(Issue(p.message, cluster.source, line, col, pointer_of(path)))
            else:
                found.append(cluster.issue(path, p.message))
        issues += sorted(found, key=lambda x: (x.line or 0, x.column or 0))
        for j, note in enumerate(unit.get("nhan_xet") or []):
            if note["noi_dung"] not in [c["so"] for c in contents]:
                issues.append(cluster.issue(("don_vi", i, "nhan_xet", j, "noi_dung"),
                                            f"không có nội dung số {note['noi_dung']} trong Kế hoạch."))
        _times(cluster, ("don_vi", i), issues)

    t = plan["thoi_gian"]
    start = parse_date(t["kiem_tra_tu_ngay"])
    end = parse_date(t["kiem_tra_den_ngay"])
    lead_days = t["so_ngay_gui_tu_cham_truoc_kiem_tra"]
    visit_days = set()
    for i, unit in enumerate(units):
        day = _date(cluster, ("don_vi", i, "ngay_kiem_tra"), issues)
        if day is None:
            continue
        visit_days.add(day)
        if not start <= day <= end:
            issues.append(cluster.issue(("don_vi", i, "ngay_kiem_tra"),
                                        f"ngày kiểm tra {short_date(day)} nằm ngoài thời gian của Kế hoạch "
                                        f"({short_date(start)} đến {short_date(end)})."))
        sent = _date(cluster, ("don_vi", i, "ngay_gui_tu_cham"), issues)
        if sent and (day - sent).days < lead_days:
            issues.append(cluster.issue(("don_vi", i, "ngay_gui_tu_cham"),
                                        f"báo cáo tự chấm gửi ngày {short_date(sent)}, muộn hơn hạn: phải gửi trước "
                                        f"ngày kiểm tra ({short_date(day)}) ít nhất {lead_days} ngày."))
    max_days = rules.get("so_ngay_lam_viec_toi_da")
    if max_days and len(visit_days) > max_days:
        issues.append(cluster.issue(("don_vi",), f"Cụm kiểm tra trong {len(visit_days)} ngày khác nhau; theo Kế hoạch "
                                                 f"thời gian làm việc của Cụm chỉ từ 1 đến {max_days} ngày.", "warning"))
    meeting = _date(cluster, ("hop_cum", "ngay"), issues)
    if meeting and visit_days and meeting < max(visit_days):
        issues.append(cluster.issue(("hop_cum", "ngay"), "ngày họp Cụm phải sau (hoặc cùng) ngày kiểm tra cuối cùng."))
    report_by = t.get("cum_bao_cao_huyen_truoc_ngay")
    letter = _date(cluster, ("cong_van", "ngay"), issues) if (data.get("cong_van") or {}).get("ngay") else None
    if letter and meeting and letter < meeting:
        issues.append(cluster.issue(("cong_van", "ngay"), f"công văn đề nghị khen thưởng ghi ngày {short_date(letter)}, "
                                                          f"trước ngày họp Cụm ({short_date(meeting)}); công văn "
                                                          "gửi sau khi Cụm đã họp bình xét."))
    if report_by and (letter or meeting) and (letter or meeting) > parse_date(report_by):
        path = ("cong_van", "ngay") if letter else ("hop_cum", "ngay")
        issues.append(cluster.issue(path, f"ngày {short_date(letter or meeting)} đã quá hạn Cụm báo cáo theo Kế hoạch "
                                          f"({short_date(report_by)}).", "warning"))
    _times(cluster, ("hop_cum",), issues)

    hop = data["hop_cum"]
    voters = hop.get("so_nguoi_bieu_quyet")
    nominee = hop.get("de_nghi_tap_the")
    votes = [(("hop_cum", "bieu_quyet_xep_loai"), hop.get("bieu_quyet_xep_loai"))]
    if nominee:
        known(("hop_cum", "de_nghi_tap_the", "don_vi"), nominee["don_vi"], "đơn vị được đề nghị khen thưởng")
        votes.append((("hop_cum", "de_nghi_tap_the", "so_phieu_tan_thanh"), nominee.get("so_phieu_tan_thanh")))
    for j, person in enumerate(hop.get("de_nghi_ca_nhan") or []):
        known(("hop_cum", "de_nghi_ca_nhan", j, "don_vi"), person["don_vi"], f"đơn vị của {person['ho_ten']}")
        votes.append((("hop_cum", "de_nghi_ca_nhan", j, "so_phieu_tan_thanh"), person.get("so_phieu_tan_thanh")))
    if voters:
        for path, n in votes:
            if n is not None and n > voters:
                issues.append(cluster.issue(path, f"{n} phiếu tán thành, nhiều hơn số người biểu quyết ({voters})."))
    return issues


def award_issues(cluster: Loaded, plan: dict, result) -> list[Issue]:
    """The meeting's proposals against the scores: the nominee must be of the class the plan allows."""
    issues: list[Issue] = []
    allowed = result.loai_de_cu
    nominee = cluster.data["hop_cum"].get("de_nghi_tap_the")
    codes = [u["ma"] for u in cluster.data["don_vi"]]
    if nominee and nominee["don_vi"] in codes:
        r = result.by_code(nominee["don_vi"])
        unit = next(u for u in cluster.data["don_vi"] if u["ma"] == nominee["don_vi"])
        if r.xep_loai != allowed:
            none = (f" Cụm không có đơn vị nào đạt loại {allowed} nên không đề nghị tập thể: bỏ mục de_nghi_tap_the."
                    if not result.de_cu_goi_y else "")
            issues.append(cluster.issue(("hop_cum", "de_nghi_tap_the", "don_vi"),
                                        f"UBND {unit['loai']} {r.ten} xếp loại {r.xep_loai} ({decimal_text(r.tong_diem)} điểm); "
                                        f"theo Kế hoạch chỉ đơn vị đạt loại {allowed} mới được đề nghị khen thưởng tập thể."
                                        + none))
        elif result.de_cu_goi_y and nominee["don_vi"] not in result.de_cu_goi_y:
            best = ", ".join(result.by_code(c).ten for c in result.de_cu_goi_y)
            issues.append(cluster.issue(("hop_cum", "de_nghi_tap_the", "don_vi"),
                                        f"đơn vị được đề nghị không có tổng điểm cao nhất trong các đơn vị loại "
                                        f"{allowed} (cao nhất: {best}). Nếu Cụm đã biểu quyết như vậy thì giữ nguyên.",
                                        "warning"))
    elif not nominee and result.de_cu_goi_y:
        best = ", ".join(result.by_code(c).ten for c in result.de_cu_goi_y)
        tie = " (bằng điểm nhau: Cụm biểu quyết chọn 1)" if len(result.de_cu_goi_y) > 1 else ""
        issues.append(cluster.issue(("hop_cum",), f"Cụm chưa ghi đơn vị đề nghị khen thưởng (de_nghi_tap_the); "
                                                  f"gợi ý: {best}{tie}.", "warning"))
    return issues
