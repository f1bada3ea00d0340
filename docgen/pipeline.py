"""The pipeline: load → validate → score → render → write, for one cluster file or many."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, blanks, context, danh_muc, levels, load, render, schedule, score, templates, validate, vi, write
from . import pdf as pdf_stage
from .errors import DocgenError, Incomplete, InputError, Issue, ValidationFailed

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
        raise ValidationFailed(f"{path}: đây là {validate.KIND_NAMES[kind]}, không phải tệp của một Cụm.", [
            cluster.issue(("loai_tep",), "lệnh này cần tệp của một Cụm (loai_tep: cum); tệp Kế hoạch được "
                                         "đọc qua khóa 'ke_hoach' trong tệp Cụm.")])
    todo = blanks.todo(cluster, validate.schema_for("cum"))
    cluster = blanks.pruned(cluster, validate.schema_for("cum"))
    cluster = validate.coerce_text(cluster, "cum")
    issues = validate.input_issues(cluster, "cum")
    if todo:
        raise Incomplete(str(path), todo, [i for i in issues if not blanks.covers(todo, i)])
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


def cluster_slug(cluster: dict, plan: dict | None = None) -> str:
    """'dong-anh-cum-so-1'; with no district (two-tier plans) the province: 'ha-noi-cum-so-1'."""
    where = cluster["huyen"]["ten"] if cluster.get("huyen") else (levels.province_place(plan) if plan else "")
    return vi.slug(f"{where} {cluster['cum']['ten']}")


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
            return m[1].strip() not in ("ke_hoach", "huyen")
    return False


def render_cluster(checked: Checked, template_dir: Path | None = None,
                   soffice: str | None = None) -> tuple[dict[str, bytes], dict]:
    """Every file of the dossier as bytes, and the manifest describing them.

    First the index (Danh mục hồ sơ), then the documents in filing order; with `soffice` (LibreOffice)
    also a PDF of each and one combined PDF to print, and the index shows the page counts."""
    plan, cluster = checked.plan.data, checked.cluster.data
    specs = context.build_documents(plan, cluster, checked.result)
    documents: dict[str, bytes] = {}
    for s in specs:
        if s.file_name in documents:  # validation keeps names apart; never let one document hide another
            raise ValidationFailed(f"Hai văn bản của hồ sơ trùng tên tệp {s.file_name}.")
        documents[s.file_name] = render.render(s.template, s.context, template_dir)
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
        "dau_vao": {
            "cum": {"tep": checked.cluster.path.name, "sha256": write.sha256(checked.cluster.path.read_bytes())},
            "ke_hoach": {"tep": checked.plan.path.name, "sha256": write.sha256(checked.plan.path.read_bytes())},
        },
        "van_ban": [{"tep": s.file_name, "mau": s.template, "ten": s.title, "sha256": write.sha256(files[s.file_name]),
                     "mau_sha256": write.sha256(render.template_path(s.template, template_dir).read_bytes())}
                    for s in [index] + specs],
    }
    if pdfs:
        manifest["pdf"] = [{"tep": name, "so_trang": pdf_stage.page_count(data), "sha256": write.sha256(data)}
                           for name, data in pdfs.items()]
    return files, manifest


def build(paths, out_dir: Path, template_dir: Path | None = None, force: bool = False,
          pdf: bool = False, jobs: int = 1) -> list[Built]:
    """Build the dossier of every cluster file: all are checked and rendered before anything is written,
    and then written whole or not at all (see batch.build_many, which does the work)."""
    from . import batch  # builds on this module

    return batch.build_many(paths, out_dir, jobs=jobs, template_dir=template_dir, force=force, pdf=pdf).built


def template_vocabulary(samples=None) -> dict[str, templates.Map]:
    """For each template, the shape of every context docgen renders it with, from real sample clusters
    (never a hand-kept list: what context.py builds is what templates may use)."""
    vocab: dict[str, templates.Map] = {}
    for f in inputs(samples or [SAMPLES]):
        checked = check_cluster(f)
        specs = context.build_documents(checked.plan.data, checked.cluster.data, checked.result)
        specs.append(danh_muc.index_spec(checked.plan.data, checked.cluster.data, specs))
        for spec in specs:
            vocab[spec.template] = templates.merge(vocab.get(spec.template), templates.shape_of(spec.context))
    if samples is None:
        for spec in _level_specs(SAMPLES):
            vocab[spec.template] = templates.merge(vocab.get(spec.template), templates.shape_of(spec.context))
    return vocab


def _level_specs(root: Path) -> list[context.DocumentSpec]:
    """The documents above the cluster, made from the samples: each plan's Kế hoạch and blank
    Phụ lục 01, each district folder's documents, each year folder's city report."""
    # imported here: these modules build on this one
    from . import city, context_chain, context_levels, district
    from . import plan as plan_doc
    specs: list[context.DocumentSpec] = []
    for f in sorted(root.glob("ke-hoach-*.yaml")):
        plan, _ = load_plan(f)
        if plan.data.get("van_ban"):
            specs.append(context.DocumentSpec(f.name, "ke-hoach.docx", plan_doc.document_context(plan), "Kế hoạch"))
        specs.append(context_chain.blank_sheet(plan.data))
    years = sorted(p for p in root.iterdir() if p.is_dir() and district.scan(p)[1])
    for year in years:
        for folder in sorted({f.parent for f in district.scan(year)[0]}):
            specs += context_levels.district_documents(district.check_district(folder))
        specs += context_levels.city_documents(city.check_city(year))
    return specs


def check_templates(template_dir: Path | None = None, samples=None) -> list[Issue]:
    """Every problem of the templates: syntax, variables the contexts do not provide, missing files."""
    return templates.check(Path(template_dir or render.TEMPLATE_DIR), template_vocabulary(samples),
                           render.jinja_env())


DEFAULT_PLAN = validate.ROOT / "inputs" / "ke-hoach-2017.yaml"  # the 2017 plan shipped with docgen


def classify_scores(scores, plan_path: Path | None = None) -> tuple[score.Rules, score.Classification]:
    """The class of one set of agreed content scores ("10,5" or 10.5) under a plan (default: 2017)."""
    plan, _ = load_plan(Path(plan_path) if plan_path else DEFAULT_PLAN)
    rules = score.rules_from_plan(plan.data)
    return rules, score.classify(rules, list(scores))
