"""Scaffold stage (`docgen init`): a new cluster file with every field, each explained by the schema itself.

The comment above each field is made from the schema's title, description and example, so the file
and the schema (which VS Code reads through the `yaml-language-server` line) always say the same.
"""
from __future__ import annotations

import json
import os
import re
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

from docgen import resources, vi
from docgen.errors import InputError, Issue
from docgen.levels import cluster
from docgen.load.reader import Loaded
from docgen.model import tiers
from docgen.output import write
from docgen.validate import schema as validate_schema

DISTRICT_KINDS = tiers.DISTRICT_KINDS


COMMUNE_KINDS = tiers.COMMUNE_KINDS


WIDTH = 100


_QUOTED = ("pattern",)  # dates, times and codes: always written in quotes


_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")


_LOOKS_TYPED = re.compile(r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9.][0-9.eE+-]*)$")


@dataclass
class Unit:
    """One commune of the cluster as the clerk named it."""

    ten: str
    loai: str
    ma: str


@dataclass
class Request:
    """What `docgen init` was told: the plan, the district, the cluster and its communes."""

    plan: Path
    out: Path | None
    huyen: str | None
    cum: str
    xa: list[str]
    loai_huyen: str = "huyện"
    loai_xa: str = "xã"
    tinh: str | None = None
    cum_truong: str | None = None


def split_kind(name: str, kinds: list[str], default: str) -> tuple[str, str]:
    """'thị trấn Đông Anh' → ('Đông Anh', 'thị trấn'); 'Cổ Loa' → ('Cổ Loa', default)."""
    name = vi.nfc(" ".join(name.split()))
    low = name.lower()
    for kind in sorted(kinds, key=len, reverse=True):
        if low.startswith(kind + " ") and len(name) > len(kind) + 1:
            return name[len(kind) + 1:].strip(), kind
    return name, default


def units_of(req: Request) -> list[Unit]:
    """The communes with their kind and code; InputError when two share a name or a code."""
    issues = []
    units: list[Unit] = []
    for raw in req.xa:
        name, kind = split_kind(raw, COMMUNE_KINDS, req.loai_xa)
        if not name:
            continue
        unit = Unit(name, kind, vi.slug(name))
        if any(u.ma == unit.ma for u in units):
            issues.append(Issue(f"đơn vị '{raw}' bị kê hai lần (mã '{unit.ma}').", "--xa"))
            continue
        units.append(unit)
    if not units:
        issues.append(Issue("cần ít nhất một xã, phường, thị trấn: --xa \"Cổ Loa\" --xa \"Uy Nỗ\" ...", "--xa"))
    if issues:
        raise InputError("Danh sách đơn vị của Cụm chưa đúng.", issues)
    return units


def load_plan(path: Path) -> Loaded:
    """The plan a new cluster file will follow; InputError or ValidationFailed saying why it cannot be used."""
    return cluster.load_plan(Path(path))[0]


def has_district(plan: dict) -> bool:
    """Whether a cluster of this plan names its district (three tiers) or reports to the province (two)."""
    return not tiers.two_tier(plan)


def size_rule(plan: dict) -> tuple[int, int]:
    """How many communes a cluster has under the plan: (at least, at most)."""
    rules = plan.get("cum") or {}
    return rules.get("so_don_vi_toi_thieu", 1), rules.get("so_don_vi_toi_da", 1000)


def size_problem(plan: dict, count: int) -> str | None:
    """Why `count` communes do not make a cluster under the plan, or None."""
    lo, hi = size_rule(plan)
    if lo <= count <= hi:
        return None
    return (f"Kế hoạch năm {plan.get('nam')} quy định mỗi Cụm có từ {lo} đến {hi} đơn vị (xã, phường, thị trấn); "
            f"ở đây có {count}.")


def commune_problem(raw: str, so_far: list[str], kind: str) -> str | None:
    """Why the commune typed `raw` cannot be added after `so_far`: no name, or listed already."""
    name, _ = split_kind(raw, COMMUNE_KINDS, kind)
    if not vi.slug(name):
        return f"'{raw}' chưa có tên đơn vị."
    for other in so_far:
        if vi.slug(split_kind(other, COMMUNE_KINDS, kind)[0]) == vi.slug(name):
            return f"'{raw}' đã có trong danh sách ('{other}'); mỗi đơn vị nhập một lần."
    return None


def tier_problem(plan: dict, huyen: str | None) -> str | None:
    """Why --huyen is wrong for this plan: missing under three tiers, given under two."""
    if has_district(plan) and not (huyen or "").strip():
        return (f"thiếu tên quận, huyện, thị xã (--huyen): Kế hoạch năm {plan.get('nam')} có cấp huyện "
                "(chính quyền địa phương ba cấp).")
    if not has_district(plan) and (huyen or "").strip():
        return (f"Kế hoạch năm {plan.get('nam')} theo mô hình chính quyền địa phương hai cấp: không còn cấp huyện, "
                "Cụm báo cáo thẳng về cấp tỉnh. Bỏ --huyen.")
    return None


def default_leader(names: list[str], kind: str) -> str:
    """The leader proposed when none is named: the last commune (visited last), without its kind."""
    return split_kind(names[-1], COMMUNE_KINDS, kind)[0]


def leader_of(req: Request, units: list[Unit]) -> Unit:
    """The leader commune: named by --cum-truong (name or code), else the last one (visited last)."""
    if not req.cum_truong:
        return units[-1]
    name, _ = split_kind(req.cum_truong, COMMUNE_KINDS, req.loai_xa)
    for u in units:
        if req.cum_truong in (u.ma, u.ten) or vi.slug(name) == u.ma:
            return u
    names = ", ".join(u.ten for u in units)
    raise InputError("Cụm trưởng không có trong danh sách đơn vị.", [
        Issue(f"'{req.cum_truong}' không phải một trong các đơn vị: {names}.", "--cum-truong")])


def relative(target: Path, start_dir: Path) -> str:
    """`target` as seen from `start_dir`, with '/' (also on Windows); absolute across drives."""
    target, start_dir = target.resolve(), start_dir.resolve()
    try:
        return Path(os.path.relpath(target, start_dir)).as_posix()
    except ValueError:  # another drive on Windows
        return target.as_posix()


def schema_link(folder: Path) -> list[str]:
    """The line through which VS Code checks the file against the schema. In a checkout: relative, so the
    link moves with the checkout. From a wheel: the installed schema's file: URI (the editor reads the link
    up to the first space; a URI has none). From a zipped package there is no file to link to: no line."""
    target = resources.schema_file(validate_schema.KINDS["cum"])
    if target is None:
        return []
    link = relative(target, folder) if resources.in_checkout() else target.resolve().as_uri()
    return [f"# yaml-language-server: $schema={link}"]


def default_output(huyen: str | None, cum: str, year) -> Path:
    """inputs/<year>/<district>/<cluster>.yaml, like the samples; inputs/<year>/<cluster>.yaml without a district."""
    folder = Path("inputs") / str(year)
    return (folder / vi.slug(huyen) if huyen else folder) / f"{vi.slug(cum)}.yaml"


def given_values(req: Request, plan: dict, units: list[Unit], leader: Unit) -> dict:
    """The values init knows; every other field is written empty."""
    issuer = plan.get("co_quan_ban_hanh") or {}
    contents = plan.get("noi_dung") or []
    district = {}
    if has_district(plan):
        huyen_name, huyen_kind = split_kind(req.huyen, DISTRICT_KINDS, req.loai_huyen)
        district = {"huyen": {"ten": huyen_name, "loai": huyen_kind, "tinh": req.tinh or issuer.get("dia_danh")}}
    return {
        "loai_tep": "cum",
        "ke_hoach": relative(req.plan, req.out.parent),
        **district,
        "cum": {"ten": vi.nfc(req.cum.strip()), "cum_truong": leader.ma},
        "don_vi": [
            {"ma": u.ma, "ten": u.ten, "loai": u.loai,
             # The plan: the leader commune's Chairman heads the team.
             "dai_dien": {"chuc_vu": "Chủ tịch"} if u is leader else {},
             "nhan_xet": [{"noi_dung": c["so"]} for c in contents]}
            for u in units
        ],
    }


def cluster_text(req: Request, plan: Loaded) -> str:
    """The whole cluster file for `req`, every field present, commented from the schema."""
    units = units_of(req)
    leader = leader_of(req, units)
    for value, kinds, opt in ((req.loai_huyen, DISTRICT_KINDS, "--loai-huyen"), (req.loai_xa, COMMUNE_KINDS, "--loai-xa")):
        if value not in kinds:
            raise InputError("Loại đơn vị hành chính chưa đúng.",
                             [Issue(f"'{value}' phải là một trong: {', '.join(kinds)}.", opt)])
    data = plan.data
    problem = tier_problem(data, req.huyen) or size_problem(data, len(units))
    if problem:
        raise InputError("Thông tin của Cụm chưa khớp với Kế hoạch.", [Issue(problem, str(req.plan))])
    if has_district(data):
        huyen_name, huyen_kind = split_kind(req.huyen, DISTRICT_KINDS, req.loai_huyen)
        where = f"{huyen_kind} {huyen_name}"
    else:
        where = tiers.province_name(data)
    w = _Writer(plan=data, leader=leader, skip=set() if has_district(data) else {"huyen"})
    w.lines += schema_link(req.out.parent) + [
        f"# Tệp Cụm: {req.cum}, {where}, kiểm tra chéo công tác văn thư, lưu trữ năm {data.get('nam')}.",
        "# Tạo bằng `docgen init`. Điền các mục còn trống: gõ sau dấu ':' (hoặc vào giữa hai dấu ngoặc kép),",
        "# giữ nguyên khoảng trắng đầu dòng. Dòng bắt đầu bằng '#' là lời dẫn, docgen bỏ qua.",
        f"# Xem còn thiếu gì: docgen validate {req.out.name}    Lập hồ sơ: docgen build {req.out.name} -o outputs/",
    ]
    schema = validate_schema.schema_for("cum")
    w.mapping(schema, given_values(req, data, units, leader), indent=0, spath="", top=True)
    return "\n".join(w.lines) + "\n"


def _scalar(value, quoted: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if quoted or not _PLAIN_SAFE.match(text) or _LOOKS_TYPED.match(text) or text != text.strip() \
            or ": " in text or text.endswith(":"):
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    return text


def _example_text(value) -> str:
    if isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            return value[0]
        return "[" + ", ".join(_scalar(v, False) for v in value) + "]"
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9-]+|\d[\d:/-]*", value):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _types(schema: dict) -> set:
    t = schema.get("type", [])
    return set(t if isinstance(t, list) else [t])


def explain(schema: dict, key: str, short: bool = False) -> str:
    """The comment for one field: title, what to write, an example; only title and example when `short`."""
    title = schema.get("title") or key
    desc = (schema.get("description") or "").strip()
    choices = schema.get("enum")
    examples = schema.get("examples")
    example = _example_text(examples[0]).rstrip(".") if examples else None
    if example is None:
        m = re.search(r"[Vv]í dụ:?\s*(.+)$", desc)
        if m:
            example = m.group(1).rstrip(".")
    if short:
        if choices:
            return f"{title}: một trong {', '.join(choices)}."
        return f"{title}. Ví dụ: {example}." if example else f"{title}."
    text = f"{title}: {desc}" if desc else title
    if choices and "một trong" not in desc.lower():
        text += f" Chọn một trong: {', '.join(choices)}."
    if examples and "ví dụ" not in desc.lower():
        text += f" Ví dụ: {example}."
    return text


@dataclass
class _Writer:
    plan: dict
    leader: Unit
    lines: list[str] = field(default_factory=list)
    explained: set = field(default_factory=set)
    skip: set = field(default_factory=set)  # top-level keys the plan has no use for (huyen, under two tiers)

    def comment(self, indent: int, text: str) -> None:
        pad = " " * indent
        for line in textwrap.wrap(text, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False):
            self.lines.append(f"{pad}# {line}")

    def explain(self, indent: int, schema: dict, key: str, spath: str, optional: bool) -> None:
        short = spath in self.explained
        self.explained.add(spath)
        text = explain(schema, key, short)
        if optional and not short and not ({"object", "array"} & _types(schema)):
            text += " (Có thể để trống.)"
        self.comment(indent, text)

    def mapping(self, schema: dict, given: dict, indent: int, spath: str, top: bool = False) -> None:
        required = set(schema.get("required", []))
        for key, sub in schema.get("properties", {}).items():
            if top and key in self.skip:
                continue
            if top and self.lines and key not in ("loai_tep", "ke_hoach"):
                self.lines.append("")
            self.field(sub, key, given.get(key), indent, f"{spath}.{key}".lstrip("."), key not in required)

    def field(self, schema: dict, key: str, value, indent: int, spath: str, optional: bool) -> None:
        pad = " " * indent
        types = _types(schema)
        self.explain(indent, schema, key, spath, optional)
        if "object" in types or "properties" in schema:
            self.lines.append(f"{pad}{key}:")
            self.mapping(schema, value or {}, indent + 2, spath)
        elif "array" in types:
            self.array(schema, key, value, indent, spath, optional)
        else:
            quoted = any(k in schema for k in _QUOTED)
            shown = _scalar(value, quoted) if value is not None else ('""' if quoted else "")
            self.lines.append(f"{pad}{key}: {shown}".rstrip())

    def array(self, schema: dict, key: str, value, indent: int, spath: str, optional: bool) -> None:
        pad = " " * indent
        items = schema.get("items", {})
        if "properties" in items:
            entries = value if value else [{}]  # an optional list shows one empty entry to copy
            if optional:
                self.comment(indent, "Mỗi mục là một khối bắt đầu bằng '- '; cần thêm mục thì chép thêm một khối. "
                                     "Không có thì để trống.")
            self.lines.append(f"{pad}{key}:")
            for i, entry in enumerate(entries):
                self.item(items, entry, i, indent + 2, spath + "[]")
        elif optional:
            self.comment(indent, "Mỗi ý một dòng, bắt đầu bằng '- '.")
            self.lines.append(f"{pad}{key}:")
            for v in value or [None]:
                self.lines.append(f"{pad}  - {_scalar(v, False)}".rstrip())
        else:
            n = len(self.plan.get("noi_dung") or [])
            if n and items.get("title") == "Điểm":
                maxima = ", ".join(vi.decimal_text(c["diem_toi_da"]) for c in self.plan["noi_dung"])
                self.comment(indent, f"Đủ {n} điểm, theo thứ tự nội dung 1 đến {n}, cách nhau bằng dấu phẩy "
                                     f"(điểm tối đa: {maxima}).")
            self.lines.append(f"{pad}{key}: [" + ", ".join(_scalar(v, False) for v in value or []) + "]")

    def item(self, schema: dict, entry: dict, index: int, indent: int, spath: str) -> None:
        label = self.item_label(schema, entry, index)
        if label:
            self.comment(indent, label)
        start = len(self.lines)
        self.mapping(schema, entry, indent + 2, spath)
        for i in range(start, len(self.lines)):  # the first key goes on the "- " line, its comment above
            line = self.lines[i]
            if line.lstrip().startswith("#"):
                self.lines[i] = line[2:]
            else:
                self.lines[i] = " " * indent + "- " + line[indent + 2:]
                break

    def item_label(self, schema: dict, entry: dict, index: int) -> str:
        if entry.get("ma") and entry.get("ten"):
            role = " (Cụm trưởng)" if entry["ma"] == self.leader.ma else ""
            return f"── Đơn vị {index + 1}: {entry['loai']} {entry['ten']}{role} " + "─" * 20
        if "noi_dung" in entry:
            content = next((c for c in self.plan.get("noi_dung") or [] if c["so"] == entry["noi_dung"]), None)
            if content:
                return (f"Nội dung {content['so']}: {content['ten']} "
                        f"(tối đa {vi.decimal_text(content['diem_toi_da'])} điểm)")
        return ""


def create(req: Request, force: bool = False) -> Path:
    """Write the new cluster file of `req` and return its path (default: inputs/<year>/<district>/<cluster>.yaml).

    OutputError when the file exists and `force` is not given: a filled file is never lost by accident."""
    plan = load_plan(Path(req.plan))
    huyen = split_kind(req.huyen, DISTRICT_KINDS, req.loai_huyen)[0] if req.huyen and has_district(plan.data) else None
    out = Path(req.out) if req.out else default_output(huyen, req.cum, plan.data.get("nam"))
    req = replace(req, plan=Path(req.plan), out=out)
    text = cluster_text(req, plan)
    write.write_file(out, text.encode("utf-8"), overwrite=force)
    return out
