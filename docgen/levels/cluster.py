"""Cluster level: one cluster file loaded, validated and scored with its plan (Checked)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docgen import resources
from docgen.errors import DocgenError, Incomplete, Issue, ValidationFailed, only_errors
from docgen.load import reader
from docgen.model import tiers
from docgen.score import classify
from docgen.score import cluster as score_cluster
from docgen.score import rules as score_rules
from docgen.validate import blanks, cluster_rules, plan_rules, schema, text


@dataclass
class Checked:
    """A cluster file that passed validation, with its plan and its scores."""

    cluster: reader.Loaded
    plan: reader.Loaded
    rules: score_rules.Rules
    result: score_cluster.ClusterResult
    warnings: list[Issue] = field(default_factory=list)

    def title(self) -> str:
        """'Cụm số 1, huyện Đông Anh': the cluster and its district (its province, for a two-tier plan)."""
        data = self.cluster.data
        return f"{data['cum']['ten']}, {tiers.upper(self.plan.data, data).dia_ban}"


_PLANS: dict[tuple, tuple[reader.Loaded, list[Issue]]] = {}  # see load_plan


PLANS_KEPT = 8


def load_plan(path: Path) -> tuple[reader.Loaded, list[Issue]]:
    """A plan file, validated; ValidationFailed when it has errors.

    A valid plan is read once per process and file version (path, size, modification time): a city's
    clusters all name the same plan, and reading and validating it cost more than checking a cluster.
    Callers share the Loaded plan and must not change it; the warnings list is their own copy."""
    try:
        st = Path(path).stat()
        key = (str(Path(path).resolve()), st.st_ino, st.st_size, st.st_mtime_ns)
    except OSError:
        key = None  # reader.load_file says why it cannot be read
    if key in _PLANS:
        plan, issues = _PLANS[key]
        return plan, list(issues)
    plan, issues = _load_plan(path)
    if key is not None:
        while len(_PLANS) >= PLANS_KEPT:
            del _PLANS[next(iter(_PLANS))]
        _PLANS[key] = (plan, list(issues))
    return plan, issues


def _load_plan(path: Path) -> tuple[reader.Loaded, list[Issue]]:
    plan = reader.load_file(path)
    kind, issues = schema.kind_of(plan)
    if kind != "ke_hoach":
        issues = issues or [plan.issue(("loai_tep",), f"tệp này là {schema.KIND_NAMES.get(kind, kind)}, "
                                                      "không phải tệp Kế hoạch (loai_tep: ke_hoach).")]
        raise ValidationFailed(f"{path}: không phải tệp Kế hoạch hợp lệ.", issues)
    plan = text.coerce_text(plan, "ke_hoach")
    issues = text.input_issues(plan, "ke_hoach")
    if not issues:
        issues = plan_rules.plan_issues(plan)
    errors = only_errors(issues)
    if errors:
        raise ValidationFailed(f"Tệp Kế hoạch {path} có {len(errors)} lỗi.", issues)
    return plan, issues


def plan_path_of(cluster: reader.Loaded) -> Path:
    return (cluster.path.parent / cluster.data["ke_hoach"]).resolve()


def check_cluster(path: Path) -> Checked:
    """Load, validate and score one cluster file; ValidationFailed with every problem found."""
    cluster = reader.load_file(path)
    kind, issues = schema.kind_of(cluster)
    if issues:
        raise ValidationFailed(f"{path}: thiếu hoặc sai 'loai_tep'.", issues)
    if kind != "cum":
        raise ValidationFailed(f"{path}: đây là {schema.KIND_NAMES[kind]}, không phải tệp của một Cụm.", [
            cluster.issue(("loai_tep",), "lệnh này cần tệp của một Cụm (loai_tep: cum); tệp Kế hoạch được "
                                         "đọc qua khóa 'ke_hoach' trong tệp Cụm.")])
    todo = blanks.todo(cluster, schema.schema_for("cum"))
    cluster = blanks.pruned(cluster, schema.schema_for("cum"))
    cluster = text.coerce_text(cluster, "cum")
    issues = text.input_issues(cluster, "cum")
    if todo:
        raise Incomplete(str(path), todo, [i for i in issues if not blanks.covers(todo, i)])
    if issues:
        issues = sorted(issues + _cross_field_too(cluster, issues), key=lambda i: (i.line or 0, i.column or 0))
        raise ValidationFailed(f"Tệp {path} có {len(only_errors(issues))} lỗi.", issues)
    plan_file = plan_path_of(cluster)
    if plan_file.is_dir():
        raise ValidationFailed(f"Tệp {path} có lỗi.", [cluster.issue(
            ("ke_hoach",), f"'{cluster.data['ke_hoach']}' là một thư mục, không phải tệp Kế hoạch. Ghi đường dẫn "
                           "đến tệp .yaml của Kế hoạch, ví dụ ../../ke-hoach-2017.yaml.")])
    if not plan_file.is_file():
        raise ValidationFailed(f"Tệp {path} có lỗi.", [cluster.issue(
            ("ke_hoach",), f"không tìm thấy tệp Kế hoạch '{cluster.data['ke_hoach']}' ({plan_file}). "
                           "Đường dẫn tính từ thư mục chứa tệp Cụm.")])
    plan, plan_warnings = load_plan(plan_file)
    issues, rules, result = cluster_rules.validate_cluster(cluster, plan.data)
    errors = only_errors(issues)
    if errors:
        raise ValidationFailed(f"Tệp {path} có {len(errors)} lỗi.", issues)
    return Checked(cluster, plan, rules, result, plan_warnings + issues)


_UNIT = re.compile(r"^[^.\[]+(\[\d+\])?")


def _cross_field_too(cluster, found: list[Issue]) -> list[Issue]:
    """The cross-field errors as well, when the file's schema errors leave them checkable, so that the clerk
    sees every problem in one pass (an unknown Cụm trưởng beside a time written "8h"). Best effort: a rule
    that trips over a value the schema already refused is skipped, and so is a finding in a part of the file
    (a unit, hop_cum…) where the schema already found a problem, since it may only echo that problem."""
    try:
        plan_file = plan_path_of(cluster)
        if not plan_file.is_file():
            return []
        plan, _ = load_plan(plan_file)
        more, _, _ = cluster_rules.validate_cluster(cluster, plan.data)
    except (DocgenError, LookupError, TypeError, ValueError, AttributeError, ArithmeticError):
        return []
    taken = {_part(i.pointer) for i in found}
    return [i for i in only_errors(more) if _part(i.pointer) not in taken]


def _part(pointer: str) -> str:
    """'don_vi[0].gio_bat_dau' → 'don_vi[0]'; 'hop_cum.ngay' → 'hop_cum'."""
    m = _UNIT.match(pointer or "")
    return m.group(0) if m else ""


def check_all(files) -> tuple[list[Checked], list[Issue]]:
    """Check every cluster file: the ones that pass, and every problem of the ones that do not."""
    checked: list[Checked] = []
    problems: list[Issue] = []
    for f in files:
        try:
            checked.append(check_cluster(f))
        except DocgenError as e:
            problems += e.issues or [Issue(e.message, str(f))]
    return checked, problems


def classify_scores(scores, plan_path: Path | None = None) -> tuple[score_rules.Rules, classify.Classification]:
    """The class of one set of agreed content scores ("10,5" or 10.5) under a plan (default: 2017)."""
    plan, _ = load_plan(Path(plan_path) if plan_path else resources.default_plan())
    rules = score_rules.rules_from_plan(plan.data)
    return rules, classify.classify(rules, list(scores))
