"""The pipeline: load → validate → score → render → write, for one cluster file or many."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, blanks, context, danh_muc, levels, load, render, schedule, score, validate, vi, write
from . import pdf as pdf_stage
from .errors import DocgenError, Incomplete, InputError, Issue, ValidationFailed


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


def load_plan(path: Path) -> tuple[load.Loaded, list[Issue]]:
    """A plan file, validated; ValidationFailed when it has errors."""
    plan = load.load_file(path)
    kind, issues = validate.kind_of(plan)
    if kind != "ke_hoach":
        issues = issues or [plan.issue(("loai_tep",), f"tệp này là {validate.KIND_NAMES.get(kind, kind)}, "
                                                      "không phải tệp Kế hoạch (loai_tep: ke_hoach).")]
        raise ValidationFailed(f"{path}: không phải tệp Kế hoạch hợp lệ.", issues)
    issues = validate.schema_issues(plan, "ke_hoach")
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
        raise ValidationFailed(f"{path}: đây là {validate.KIND_NAMES[kind]}, không phải tệp của một Cụm.", [
            cluster.issue(("loai_tep",), "lệnh này cần tệp của một Cụm (loai_tep: cum); tệp Kế hoạch được "
                                         "đọc qua khóa 'ke_hoach' trong tệp Cụm.")])
    todo = blanks.todo(cluster, validate.schema_for("cum"))
    cluster = blanks.pruned(cluster, validate.schema_for("cum"))
    issues = validate.schema_issues(cluster, "cum")
    if todo:
        raise Incomplete(str(path), todo, [i for i in issues if not blanks.covers(todo, i)])
    if issues:
        raise ValidationFailed(f"Tệp {path} có {len(issues)} lỗi.", issues)
    plan_file = plan_path_of(cluster)
    if not plan_file.is_file():
        raise ValidationFailed(f"Tệp {path} có lỗi.", [cluster.issue(
            ("ke_hoach",), f"không tìm thấy tệp Kế hoạch '{cluster.data['ke_hoach']}' ({plan_file}). "
                           "Đường dẫn tính từ thư mục chứa tệp Cụm.")])
    plan, plan_warnings = load_plan(plan_file)
    issues = validate.cluster_issues(cluster, plan.data)
    issues += levels.tier_issues(cluster, plan.data) + schedule.issues(cluster, plan.data)
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
    """Every problem of one plan or cluster file (warnings included).

    Raises Incomplete for a cluster file that still has blanks to fill, so that the caller can show
    a to-do list rather than errors; every other problem is returned."""
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
        if kind == "huyen":
            from . import district  # the district level builds on this module
            return district.check_district_file(Path(path))
        return check_cluster(Path(path)).warnings
    except Incomplete:
        raise
    except DocgenError as e:
        return e.issues or [Issue(e.message, str(path))]


def cluster_slug(cluster: dict, plan: dict | None = None) -> str:
    """'dong-anh-cum-so-1'; with no district (two-tier plans) the province: 'ha-noi-cum-so-1'."""
    where = cluster["huyen"]["ten"] if cluster.get("huyen") else (levels.province_place(plan) if plan else "")
    return vi.slug(f"{where} {cluster['cum']['ten']}")


def expand(paths) -> list[Path]:
    """Files as given; folders replaced by every cluster file (loai_tep: cum) inside them, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(list(p.rglob("*.yaml")) + list(p.rglob("*.yml"))):
                if _looks_like_cluster(f):
                    out.append(f)
        else:
            out.append(p)
    return out


def _looks_like_cluster(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return any(line.split("#")[0].strip() == "loai_tep: cum" for line in head.splitlines())


def render_cluster(checked: Checked, template_dir: Path | None = None,
                   soffice: str | None = None) -> tuple[dict[str, bytes], dict]:
    """Every file of the dossier as bytes, and the manifest describing them.

    First the index (Danh mục hồ sơ), then the documents in filing order; with `soffice` (LibreOffice)
    also a PDF of each and one combined PDF to print, and the index shows the page counts."""
    plan, cluster = checked.plan.data, checked.cluster.data
    specs = context.build_documents(plan, cluster, checked.result)
    documents = {s.file_name: render.render(s.template, s.context, template_dir) for s in specs}
    pdfs: dict[str, bytes] = {}
    pages = None
    if soffice:
        pdfs = pdf_stage.convert(documents, soffice)
        pages = {s.file_name: pdf_stage.page_count(pdfs[Path(s.file_name).stem + ".pdf"]) for s in specs}
    index = danh_muc.index_spec(plan, cluster, specs, pages)
    files = {index.file_name: render.render(index.template, index.context, template_dir), **documents}
    if soffice:
        pdfs = {**pdf_stage.convert({index.file_name: files[index.file_name]}, soffice), **pdfs}
        pdfs[pdf_stage.COMBINED] = pdf_stage.combine(list(pdfs.values()))  # index first, then filing order
        files.update(pdfs)
    manifest = {
        "docgen": __version__,
        "dau_vao": {str(checked.cluster.path.name): write.sha256(checked.cluster.path.read_bytes()),
                    str(checked.plan.path.name): write.sha256(checked.plan.path.read_bytes())},
        "van_ban": [{"tep": s.file_name, "mau": s.template, "ten": s.title, "sha256": write.sha256(files[s.file_name])}
                    for s in [index] + specs],
    }
    if pdfs:
        manifest["pdf"] = [{"tep": name, "so_trang": pdf_stage.page_count(data), "sha256": write.sha256(data)}
                           for name, data in pdfs.items()]
    return files, manifest


def write_cluster(checked: Checked, out_dir: Path, template_dir: Path | None = None,
                  soffice: str | None = None) -> Built:
    files, manifest = render_cluster(checked, template_dir, soffice)
    folder = Path(out_dir) / cluster_slug(checked.cluster.data, checked.plan.data)
    written = write.write_dossier(folder, files, manifest)
    return Built(checked.cluster.path, folder, written, checked.warnings)


def build_one(path: Path, out_dir: Path, template_dir: Path | None = None, pdf: bool = False) -> Built:
    soffice = pdf_stage.require_soffice() if pdf else None
    return write_cluster(check_cluster(path), out_dir, template_dir, soffice)


def build(paths, out_dir: Path, template_dir: Path | None = None, pdf: bool = False) -> list[Built]:
    """Build the dossier of every cluster file; all are checked before anything is written.

    With `pdf`, LibreOffice must be installed (checked first, so a missing one writes nothing)."""
    soffice = pdf_stage.require_soffice() if pdf else None
    files = expand(paths)
    if not files:
        raise InputError("Không tìm thấy tệp Cụm nào (tệp .yaml có dòng `loai_tep: cum`) trong "
                         + ", ".join(map(str, paths)) + ".")
    problems: list[Issue] = []
    failed: list[DocgenError] = []
    checked: list[Checked] = []
    for f in files:
        try:
            checked.append(check_cluster(f))
        except DocgenError as e:
            failed.append(e)
            problems += e.issues or [Issue(e.message, str(f))]
    if len(failed) == 1 and isinstance(failed[0], Incomplete):
        raise failed[0]  # one file left half-filled: its to-do list says it best
    if problems:
        n = len([i for i in problems if i.level == "error"])
        raise ValidationFailed(f"Có {n} lỗi; chưa tạo hồ sơ nào. Sửa các lỗi dưới đây rồi chạy lại.", problems)
    return [write_cluster(c, out_dir, template_dir, soffice) for c in checked]


DEFAULT_PLAN = validate.ROOT / "inputs" / "ke-hoach-2017.yaml"  # the 2017 plan shipped with docgen


def classify_scores(scores, plan_path: Path | None = None) -> tuple[score.Rules, score.Classification]:
    """The class of one set of agreed content scores ("10,5" or 10.5) under a plan (default: 2017)."""
    plan, _ = load_plan(Path(plan_path) if plan_path else DEFAULT_PLAN)
    rules = score.rules_from_plan(plan.data)
    return rules, score.classify(rules, list(scores))
