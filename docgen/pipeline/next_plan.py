"""Next year's plan file from this year's: dates and years moved on, numbers to fill, comments kept.

`next_plan` copies a plan file to a later year, moving every date and year that belongs to the plan and
blanking the references that are re-issued every year, with the clerk's comments and layout kept
(ruamel.yaml round-trip). The text itself carries no literal years: its placeholders follow the moved data.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from docgen import vi
from docgen.errors import InputError, Issue, ValidationFailed, only_errors
from docgen.levels import cluster
from docgen.load import reader
from docgen.model import plan_text
from docgen.model.tiers import TWO_TIER_FROM
from docgen.output import write
from docgen.validate import plan_rules, schema
from docgen.vi import BLANK

TEMPLATE = "ke-hoach.docx"




# Free-text fields that only describe the plan's own periods: every year in them moves.
PERIOD_TEXTS = (("trich_yeu",), ("thoi_gian", "ky_nghiep_vu"), ("thoi_gian", "ky_bao_cao_thong_ke"))


_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


MARK = "# CẦN ĐIỀN: số, ngày văn bản năm"  # docgen's note on a reference to fill in


HEADER = re.compile(r"# Lập từ .* bằng `docgen plan --next`.*\n# dời sang năm .*\n# lời văn trước khi chạy `docgen plan`\.\n")


@dataclass
class NextPlan:
    """Next year's plan file: its text, where it goes, what moved, and what the clerk still has to do."""

    source: Path
    target: Path
    year: int
    text: str
    moved: list[str] = field(default_factory=list)  # "thoi_gian.kiem_tra_tu_ngay: 2017-09-01 → 2018-09-01"
    notes: list[Issue] = field(default_factory=list)


def shift_date(value: str, years: int) -> str:
    """The same date `years` later, written the same way ("2017-09-01" → "2018-09-01", "05/11/2017" →
    "05/11/2018"); 29/02 becomes 28/02 in a year that has none."""
    d = vi.parse_date(value)
    try:
        moved = d.replace(year=d.year + years)
    except ValueError:
        moved = d.replace(year=d.year + years, day=28)
    m = _ISO.match(value)
    if m:
        return f"{moved.year}-{moved.month:0{len(m[2])}d}-{moved.day:0{len(m[3])}d}"
    m = _DMY.match(value)
    return f"{moved.day:0{len(m[1])}d}/{moved.month:0{len(m[2])}d}/{moved.year}"


def shift_years(text: str, years: int) -> str:
    """Every year in a period text moved: 'năm 2015, năm 2016 và 8 tháng đầu năm 2017' → '… 2018'."""
    return _YEAR.sub(lambda m: str(int(m[0]) + years), text)


def _same_style(old, new):
    """`new` written with the quoting of `old` (a quoted date stays quoted)."""
    from ruamel.yaml.scalarstring import ScalarString
    return type(old)(new) if isinstance(old, ScalarString) else new


def _blank_number(number: str | None) -> str:
    """'235/KH-UBND' → '……/KH-UBND': the number goes, the symbol stays as a hint."""
    if not number or "/" not in number:
        return BLANK
    return BLANK + number[number.index("/"):]


def default_target(source: Path, year: int) -> Path:
    return Path(source).parent / f"ke-hoach-{year}.yaml"


def resolve_target(source: Path, year: int, target) -> Path:
    """Where next year's file goes: `target` itself, or ke-hoach-<year>.yaml inside it when it is a
    folder (an existing one, or a name ending in '/'), or next to `source` when not given."""
    if target is None or str(target) == "":
        return default_target(source, year)
    text = str(target)
    if text.endswith(("/", "\\")) or Path(text).is_dir():
        return Path(text) / default_target(source, year).name
    if Path(text).suffix.lower() not in (".yaml", ".yml"):
        raise InputError(f"Tệp Kế hoạch mới '{text}' cần đuôi .yaml (ví dụ ke-hoach-{year}.yaml), hoặc chỉ một thư "
                         "mục kết thúc bằng '/'.")
    return Path(text)


def next_plan(source: Path, year: int | None = None, target: Path | None = None) -> NextPlan:
    """Next year's plan file from a valid plan file (nothing is written; see `write_next_plan`).

    `target` is the new file, or a folder to put ke-hoach-<year>.yaml in; by default it sits next to `source`."""
    from ruamel.yaml import YAML, YAMLError
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    source = Path(source)
    plan, _ = cluster.load_plan(source)
    old_year = int(plan.data["nam"])
    year = old_year + 1 if year is None else int(year)
    if year <= old_year:
        raise InputError(f"Năm của Kế hoạch mới ({year}) phải sau năm của {source.name} ({old_year}).",
                         [plan.issue(("nam",), f"tệp này là Kế hoạch năm {old_year}; hãy chọn --year {old_year + 1} "
                                                "hoặc muộn hơn.")])
    delta = year - old_year
    target = resolve_target(source, year, target)

    ry = YAML(typ="rt")
    ry.preserve_quotes = True
    ry.width = 4096  # never re-wrap the clerk's long lines
    ry.indent(mapping=2, sequence=4, offset=2)
    try:
        doc = ry.load(reader.read_text(source))
    except YAMLError as e:  # docgen's loader accepted the file; ruamel should too, but say so if not
        raise InputError(f"Không đọc được {source} để lập Kế hoạch năm sau ({e}).") from e
    moved: list[str] = []

    def note(path: str, old, new):
        moved.append(f"{path}: {old if old not in (None, '') else '(trống)'} → {new if new not in (None, '') else '(trống)'}")

    doc["nam"] = year
    note("nam", old_year, year)
    for key in ("so_ky_hieu", "ngay_ban_hanh"):  # the new plan is not issued yet
        if doc.get(key) not in (None, ""):
            note(key, doc[key], None)
            doc[key] = None
    own = doc.get("bao_cao_tong_hop")  # this year's summary report and Tờ trình: not written yet next year
    for key in ("so", "ngay", "so_to_trinh"):
        if hasattr(own, "get") and own.get(key) not in (None, ""):
            note(f"bao_cao_tong_hop.{key}", own[key], None)
            own[key] = None
    for path in PERIOD_TEXTS:
        parent = doc
        for part in path[:-1]:
            parent = parent.get(part) if parent is not None else None
        if parent is not None and isinstance(parent.get(path[-1]), str):
            old = parent[path[-1]]
            new = shift_years(old, delta)
            if new != old:
                parent[path[-1]] = _same_style(old, new)
                note(".".join(path), old, new)
    times = doc.get("thoi_gian") or {}
    for key in list(times):
        value = times[key]
        if isinstance(value, str) and (_ISO.match(value) or _DMY.match(value)):
            new = shift_date(value, delta)
            times[key] = DoubleQuotedScalarString(new)  # quoted: every YAML reader keeps it as text
            note(f"thoi_gian.{key}", value, new)
    for code, ref in (doc.get("can_cu") or {}).items():
        if not hasattr(ref, "get") or not ref.get("hang_nam"):
            continue  # a standing document (a guidance letter…) is cited as it is
        old_number, old_date = ref.get("so_ky_hieu"), ref.get("ngay")
        ref["so_ky_hieu"] = _blank_number(old_number)
        ref["ngay"] = None
        was = ", ".join(x for x in ((old_number or "").strip(), plan_text.text_date(old_date) if old_date else "")
                        if x and not x.startswith(BLANK))
        _mark(ref, f"{MARK} {year}" + (f" (năm {old_year}: {was})" if was else ""))
        note(f"can_cu.{code}", was or BLANK, f"{ref['so_ky_hieu']} (cần điền)")

    out = io.StringIO()
    ry.dump(doc, out)
    text = _with_header(out.getvalue(), source.name, old_year, year)
    notes = _check(text, target, year)
    for key in times:  # a deadline ("…_truoc_ngay") moved onto a weekend is worth a second look
        value = times[key]
        if key.endswith("_truoc_ngay") and isinstance(value, str) and vi.parse_date(value).weekday() >= 5:
            notes.append(Issue(f"thoi_gian.{key} dời sang {plan_text.text_date(value)}, là {vi.weekday(value)}: "
                               "cân nhắc chọn ngày làm việc.", str(target), _line_of(text, f"  {key}:"), 3,
                               f"thoi_gian.{key}", "warning"))
    if plan.data.get("cap_chinh_quyen") == "ba_cap" and year > TWO_TIER_FROM.year:
        notes.insert(0, Issue(f"từ 01/7/2025 chính quyền địa phương có hai cấp (không còn cấp huyện): Kế hoạch năm "
                              f"{year} cần `cap_chinh_quyen: hai_cap`, nơi nhận báo cáo của Cụm và lời văn các mục "
                              "không còn nhắc cấp huyện. Xem mẫu inputs/ke-hoach-2026.yaml.",
                              str(target), _line_of(text, "cap_chinh_quyen:"), 1, "cap_chinh_quyen", "warning"))
    return NextPlan(source, target, year, text, moved, notes)


def _mark(ref, comment: str) -> None:
    """Put `comment` at the end of the first line of `ref` that has no comment yet, or that holds only
    docgen's marker of an earlier year: a clerk's own comment is never replaced (the validator's
    warning still points at the blank)."""
    for key in ("so_ky_hieu", "ngay", "loai", "hang_nam"):
        if key not in ref:
            continue
        slot = ref.ca.items.get(key)
        token = slot[2] if slot and len(slot) > 2 else None
        if slot and not (token is not None and token.value.startswith(MARK) and token.value.count("\n") <= 1
                         and not any(slot[:2]) and not any(slot[3:])):
            continue
        ref.ca.items.pop(key, None)
        ref.yaml_add_eol_comment(comment, key)
        return


def _line_of(text: str, prefix: str) -> int | None:
    for i, line in enumerate(text.splitlines(), start=1):
        if line.startswith(prefix):
            return i
    return None


def _with_header(text: str, source_name: str, old_year: int, year: int) -> str:
    """A comment saying where the file comes from, after the editor's schema line if there is one."""
    header = (f"# Lập từ {source_name} (năm {old_year}) bằng `docgen plan --next`: mọi ngày, năm của Kế hoạch đã\n"
              f"# dời sang năm {year}. Tìm \"CẦN ĐIỀN\" để điền số, ngày các văn bản của năm mới, rồi đọc lại\n"
              f"# lời văn trước khi chạy `docgen plan`.\n")
    text = HEADER.sub("", text, count=1)  # docgen's own note of an earlier --next, not the clerk's
    lines = text.splitlines(keepends=True)
    at = 1 if lines and lines[0].startswith("# yaml-language-server:") else 0
    return "".join(lines[:at]) + header + "".join(lines[at:])


def _check(text: str, target: Path, year: int) -> list[Issue]:
    """The new file must load with docgen's own YAML 1.2-core loader and validate; its warnings are the
    clerk's to-do list. An error here is docgen's fault, not the user's."""
    loaded = reader.load_text(text, target)
    issues = schema.schema_issues(loaded, "ke_hoach") or plan_rules.plan_issues(loaded)
    errors = only_errors(issues)
    if errors or loaded.data.get("nam") != year:
        raise ValidationFailed(f"Tệp Kế hoạch năm {year} lập ra không hợp lệ (lỗi của docgen, xin báo nhóm phát "
                               "triển); chưa ghi tệp nào.", errors)
    return issues


def write_next_plan(result: NextPlan, *, overwrite: bool = False) -> Path:
    """Write next year's plan file; an existing file is kept unless `overwrite`."""
    if result.target.resolve() == result.source.resolve():
        raise InputError(f"Tệp Kế hoạch mới không được trùng tệp gốc {result.source}; chọn tên khác bằng -o.")
    return write.write_file(result.target, result.text.encode("utf-8"), overwrite=overwrite)
