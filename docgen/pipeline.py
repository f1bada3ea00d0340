"""The pipeline: load → validate → score → render → write, for one cluster file or many."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, context, load, render, score, templates, validate, vi, write
from .errors import DocgenError, InputError, Issue, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "inputs"  # the sample clusters whose contexts define what templates may use


@dataclass
class Checked:
    """A cluster file that passed validation, with its plan and its scores."""

    cluster: load.Loaded
    plan: load.Loaded
    rules: score.Rules
    result: score.ClusterResult
    warnings: list[Issue] = field(default_factory=list)


@dataclass
class Built:
    """What `build` wrote for one cluster."""

    source: Path
    folder: Path
    files: list[Path]
    warnings: list[Issue]
    backups: list[Path] = field(default_factory=list)  # hand-edited documents kept beside the new ones (--force)


def load_plan(path: Path) -> tuple[load.Loaded, list[Issue]]:
    """A plan file, validated; ValidationFailed when it has errors."""
    plan = load.load_file(path)
    kind, issues = validate.kind_of(plan)
    if kind != "ke_hoach":
        issues = issues or [plan.issue(("loai_tep",), f"tệp này là {validate.KIND_NAMES.get(kind, kind)}, "
                                                      "không phải tệp Kế hoạch (loai_tep: ke_hoach).")]
        raise ValidationFailed(f"{path}: không phải tệp Kế hoạch hợp lệ.", issues)
    plan = validate.coerce_text(plan, "ke_hoach")
    issues = validate.input_issues(plan, "ke_hoach")
    if not issues:
        issues = validate.plan_issues(plan)
    errors = [i for i in issues if i.level == "error"]
    if errors:
        raise ValidationFailed(f"Tệp Kế hoạch {path} có {len(errors)} lỗi.", issues)
    return plan, issues


def plan_path_of(cluster: load.Loaded) -> Path:
    return (cluster.path.parent / cluster.data["ke_hoach"]).resolve()


def check_cluster(path: Path) -> Checked:
    """Load, validate and score one cluster file; ValidationFailed with every problem found."""
    cluster = load.load_file(path)
    kind, issues = validate.kind_of(cluster)
    if issues:
        raise ValidationFailed(f"{path}: thiếu hoặc sai 'loai_tep'.", issues)
    if kind != "cum":
        raise ValidationFailed(f"{path}: đây là tệp Kế hoạch, không phải tệp của một Cụm.", [
            cluster.issue(("loai_tep",), "lệnh này cần tệp của một Cụm (loai_tep: cum); tệp Kế hoạch được "
                                         "đọc qua khóa 'ke_hoach' trong tệp Cụm.")])
    cluster = validate.coerce_text(cluster, "cum")
    issues = validate.input_issues(cluster, "cum")
    if issues:
        raise ValidationFailed(f"Tệp {path} có {len(issues)} lỗi.", issues)
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
    issues = validate.cluster_issues(cluster, plan.data)
    errors = [i for i in issues if i.level == "error"]
    if errors:
        raise ValidationFailed(f"Tệp {path} có {len(errors)} lỗi.", issues)
    rules = score.rules_from_plan(plan.data)
    result = score.score_cluster(rules, cluster.data)
    issues += validate.award_issues(cluster, plan.data, result)
    errors = [i for i in issues if i.level == "error"]
    if errors:
        raise ValidationFailed(f"Tệp {path} có {len(errors)} lỗi.", issues)
    return Checked(cluster, plan, rules, result, plan_warnings + issues)


def check_file(path: Path) -> list[Issue]:
    """Every problem of one plan or cluster file (warnings included); raises only for unreadable files."""
    try:
        doc = load.load_file(path)
    except InputError as e:
        return e.issues or [Issue(e.message, str(path))]
    kind, issues = validate.kind_of(doc)
    if issues:
        return issues
    try:
        if kind == "ke_hoach":
            return load_plan(Path(path))[1]
        return check_cluster(Path(path)).warnings
    except DocgenError as e:
        return e.issues or [Issue(e.message, str(path))]


def cluster_slug(cluster: dict) -> str:
    return vi.slug(f"{cluster['huyen']['ten']} {cluster['cum']['ten']}")


def expand(paths) -> list[Path]:
    """Files as given; folders replaced by every cluster file (loai_tep: cum) inside them, sorted; each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        found = [f for f in sorted(list(p.rglob("*.yaml")) + list(p.rglob("*.yml"))) if _looks_like_cluster(f)] \
            if p.is_dir() else [p]
        for f in found:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                out.append(f)
    return out


def inputs(paths) -> list[Path]:
    """`expand`, or an InputError when there is nothing to work on."""
    files = expand(paths)
    if not files:
        raise InputError("Không tìm thấy tệp Cụm nào (tệp .yaml có dòng `loai_tep: cum`) trong "
                         + ", ".join(map(str, paths)) + ". Hãy chỉ tệp .yaml của Cụm hoặc thư mục chứa nó.")
    return files


def _looks_like_cluster(path: Path) -> bool:
    """A file that says `loai_tep:` and is not the plan: clusters, and files whose loai_tep is
    misspelt (so that validation says so rather than the file being skipped in silence)."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    for line in head.splitlines():
        m = re.match(r"""^loai_tep\s*:\s*["']?([^"'#]*?)["']?\s*(#.*)?$""", line)
        if m:
            return m[1].strip() != "ke_hoach"
    return False


def render_cluster(checked: Checked, template_dir: Path | None = None) -> tuple[dict[str, bytes], dict]:
    """Every document of the dossier as bytes, and the manifest describing them."""
    specs = context.build_documents(checked.plan.data, checked.cluster.data, checked.result)
    files: dict[str, bytes] = {}
    docs = []
    for spec in specs:
        if spec.file_name in files:  # validation keeps names apart; never let one document hide another
            raise ValidationFailed(f"Hai văn bản của hồ sơ trùng tên tệp {spec.file_name}.")
        data = render.render(spec.template, spec.context, template_dir)
        files[spec.file_name] = data
        docs.append({"tep": spec.file_name, "mau": spec.template, "ten": spec.title, "sha256": write.sha256(data),
                     "mau_sha256": write.sha256(render.template_path(spec.template, template_dir).read_bytes())})
    manifest = {
        "docgen": __version__,
        "dau_vao": {
            "cum": {"tep": checked.cluster.path.name, "sha256": write.sha256(checked.cluster.path.read_bytes())},
            "ke_hoach": {"tep": checked.plan.path.name, "sha256": write.sha256(checked.plan.path.read_bytes())},
        },
        "van_ban": docs,
    }
    return files, manifest


def build(paths, out_dir: Path, template_dir: Path | None = None, force: bool = False) -> list[Built]:
    """Build the dossier of every cluster file: all are checked and rendered before anything is written,
    and then written whole or not at all. A document edited by hand since the last run stops the build
    (OutputError naming it) unless `force`, which keeps it beside the new one."""
    files = inputs(paths)
    checked: list[Checked] = []
    problems: list[Issue] = []
    for f in files:
        try:
            checked.append(check_cluster(f))
        except DocgenError as e:
            problems += e.issues or [Issue(e.message, str(f))]
    folders: dict[str, Checked] = {}
    for c in checked:
        name = cluster_slug(c.cluster.data)
        if name in folders:
            problems.append(c.cluster.issue(("cum", "ten"), f"Cụm này trùng huyện và tên Cụm với tệp "
                                                            f"{folders[name].cluster.path}: cả hai sẽ ghi vào "
                                                            f"thư mục {name}/. Kiểm tra lại tên Cụm."))
        folders[name] = c
    if problems:
        n = len([i for i in problems if i.level == "error"])
        raise ValidationFailed(f"Có {n} lỗi; chưa tạo hồ sơ nào. Sửa các lỗi dưới đây rồi chạy lại.", problems)
    dossiers = [write.Dossier(Path(out_dir) / cluster_slug(c.cluster.data), *render_cluster(c, template_dir))
                for c in checked]
    written = write.write_all(dossiers, force)
    built = []
    for c, w in zip(checked, written):
        stale = [Issue("văn bản của lần lập trước, lần này không lập nữa (đơn vị đã đổi tên hoặc bỏ khỏi Cụm?); "
                       "docgen giữ nguyên, hãy xóa tay nếu không cần.", str(p), level="warning") for p in w.stale]
        built.append(Built(c.cluster.path, w.folder, w.files, c.warnings + stale, w.backups))
    return built


def template_vocabulary(samples=None) -> dict[str, templates.Map]:
    """For each template, the shape of every context docgen renders it with, from real sample clusters
    (never a hand-kept list: what context.py builds is what templates may use)."""
    vocab: dict[str, templates.Map] = {}
    for f in inputs(samples or [SAMPLES]):
        checked = check_cluster(f)
        for spec in context.build_documents(checked.plan.data, checked.cluster.data, checked.result):
            vocab[spec.template] = templates.merge(vocab.get(spec.template), templates.shape_of(spec.context))
    return vocab


def check_templates(template_dir: Path | None = None, samples=None) -> list[Issue]:
    """Every problem of the templates: syntax, variables the contexts do not provide, missing files."""
    return templates.check(Path(template_dir or render.TEMPLATE_DIR), template_vocabulary(samples),
                           render.jinja_env())
