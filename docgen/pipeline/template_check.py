"""check-templates: what every template may use, learnt from the samples' real contexts."""
from __future__ import annotations

from pathlib import Path

from docgen.context import city, city_decision, cluster, common, district, district_awards, index, sheet
from docgen.context import district_opening as context_opening
from docgen.context import plan as context_plan
from docgen.errors import Issue, only_errors
from docgen.levels import city as levels_city
from docgen.levels import district as levels_district
from docgen.levels import district_opening
from docgen.levels.cluster import check_cluster, load_plan
from docgen.load import discover
from docgen.load.discover import inputs
from docgen.render import document, environment, overrides, template_check
from docgen.resources import samples_dir


def template_vocabulary(samples=None) -> dict[str, template_check.Map]:
    """For each template, the shape of every context docgen renders it with, from real sample clusters
    (never a hand-kept list: what context.py builds is what templates may use)."""
    vocab: dict[str, template_check.Map] = {}
    for f in inputs(samples or [samples_dir()]):
        checked = check_cluster(f)
        specs = cluster.build_documents(checked.plan.data, checked.cluster.data, checked.result)
        specs.append(index.index_spec(checked.plan.data, checked.cluster.data, specs))
        for spec in specs:
            vocab[spec.template] = template_check.merge(vocab.get(spec.template), template_check.shape_of(spec.context))
    if samples is None:
        for spec in _level_specs(samples_dir()):
            vocab[spec.template] = template_check.merge(vocab.get(spec.template), template_check.shape_of(spec.context))
    return vocab


def _level_specs(root: Path) -> list[common.DocumentSpec]:
    """The documents above the cluster, made from the samples: each plan's Kế hoạch and blank
    Phụ lục 01, each district folder's documents, each year folder's city report."""
    specs: list[common.DocumentSpec] = []
    for f in sorted(root.glob("ke-hoach-*.yaml")):
        plan, _ = load_plan(f)
        if plan.data.get("van_ban"):
            specs.append(common.DocumentSpec(f.name, "ke-hoach.docx", context_plan.document_context(plan), "Kế hoạch"))
        specs.append(sheet.blank_sheet(plan.data))
    years = sorted(p for p in root.iterdir() if p.is_dir() and discover.scan(p)[1])
    for year in years:
        for folder in sorted({f.parent for f in discover.scan(year)[0]}):
            specs += context_opening.opening_documents(district_opening.check_opening(folder))
            d = levels_district.check_district(folder)
            specs += district.district_documents(d) + district_awards.award_documents(d)
        c = levels_city.check_city(year)
        specs += city.city_documents(c) + city_decision.draft_decision(c)
    return specs


def check_templates(template_dir: Path | None = None, samples=None) -> list[Issue]:
    """Every problem of the templates a run would use: syntax, variables the contexts do not provide,
    missing files. With `template_dir` (a clerk's own templates), its files replace the shipped ones of
    the same name, and the shipped ones it does not replace are checked too."""
    found, problems = overrides.scan(template_dir) if template_dir is not None else ({}, [])
    if template_dir is not None and not Path(template_dir).is_dir():
        return problems
    issues = problems + template_check.check(environment.TEMPLATE_DIR, template_vocabulary(samples),
                                             environment.jinja_env(), found)
    broken = {i.source for i in only_errors(issues)}
    usable = {p.name: p for p in environment.TEMPLATE_DIR.glob("*.docx")} | found
    fine = [name for name, path in sorted(usable.items()) if str(path) not in broken]
    return issues + document.slow_templates(fine, template_dir)  # a warning: still usable, only slower
