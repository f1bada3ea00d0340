"""The levels above a cluster end to end (check → contexts → render → write): district, city, blank Phụ lục 01."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen import vi
from docgen.context import city as context_city
from docgen.context import city_decision
from docgen.context import district as context_district
from docgen.context import district_awards
from docgen.context import district_opening as context_opening
from docgen.context import sheet, tallies
from docgen.context.common import DocumentSpec
from docgen.errors import Issue
from docgen.levels import city, cluster, district, district_opening
from docgen.model import tiers
from docgen.output import manifest as output_manifest
from docgen.output import pdf as output_pdf
from docgen.output import write
from docgen.pipeline import printed
from docgen.pipeline.batch import DROPPED, stale_warning
from docgen.pipeline.dossier import add_workbooks
from docgen.render import document, overrides


@dataclass
class Written:
    """What one command wrote: the folder, its files (manifest last) and the warnings met on the way."""

    folder: Path
    files: list[Path]
    warnings: list[Issue]
    backups: list[Path] = field(default_factory=list)  # documents edited by hand, kept beside (force)
    not_yet: list[str] = field(default_factory=list)  # documents that wait for data still to fill (titles)


def _write(target: Path, files: dict, manifest: dict, warnings: list[Issue], force: bool) -> Written:
    """Write the folder whole (output.write), protecting documents edited by hand like `build` does, and
    saying, as `build` does, which documents of the last run were not made again and which old PDFs went."""
    done = write.write_all([write.Dossier(target, files, manifest)], force)[0]
    warnings = warnings + [stale_warning(p) for p in done.stale]
    if done.dropped:
        warnings.append(Issue(DROPPED.format(n=len(done.dropped)), str(done.folder), level="warning"))
    return Written(target, done.files, warnings, done.backups)


def _render(specs: list[DocumentSpec], template_dir: Path | None) -> dict[str, bytes]:
    return {spec.file_name: document.render(spec.template, spec.context, template_dir) for spec in specs}


def _finish(specs: list[DocumentSpec], files: dict, pdfs: dict, inputs: dict[str, Path],
            template_dir: Path | None) -> tuple[dict, dict, list]:
    """The files with their PDFs, their manifest and a warning for each template that had to take the slow path."""
    files = {**files, **pdfs}
    return (files, output_manifest.build(specs, files, inputs, pdfs=pdfs),
            document.slow_templates([s.template for s in specs], template_dir))


def _office(pdf: bool) -> str | None:
    """LibreOffice when PDFs are asked for (checked before anything is read or written, as `build` does),
    started now so that it is ready by the time the documents are."""
    if not pdf:
        return None
    soffice = output_pdf.require_soffice()
    output_pdf.warm_up(soffice)
    return soffice


def _names(paths: list[Path], base: Path) -> dict[str, Path]:
    """Input files named relative to the folder given (cum-so-1.yaml exists in several districts)."""
    out = {}
    for p in paths:
        p = Path(p).resolve()
        try:
            name = str(p.relative_to(base.resolve()))
        except ValueError:
            name = p.name
        out[name] = p
    return out


def build_district(folder: Path, out_dir: Path, template_dir: Path | None = None, force: bool = False,
                   pdf: bool = False) -> Written:
    """The district's documents for the folder of one district (its district file and cluster files); with
    `pdf` also a PDF of each and toan-bo-ho-so.pdf, the Mục lục first, then in the order of the process."""
    overrides.require(template_dir)
    soffice = _office(pdf)
    # The opening documents need only the clusters' names and people; the rest waits for scores and meetings.
    o = district_opening.check_opening(Path(folder))
    specs = context_opening.opening_documents(o)
    warnings, not_yet = context_opening.late_plan_warning(o), []
    if o.ready:
        d = district.check_district(Path(folder), o.summaries())  # each cluster file checked once, above
        closing = context_district.district_documents(d)  # the council's minutes first, then the Giấy khen
        specs += closing[:1] + district_awards.award_documents(d) + closing[1:]
        warnings = d.warnings + warnings
    else:
        warnings = o.warnings + warnings + o.pending()
        not_yet = [CLOSING_TITLES]
    inputs = [o.plan.path, o.file.path] + [c.path for c in o.clusters]
    # the Mục lục first, as in a cluster's dossier; with its sheets in the combined PDF when there is one
    index, files, pdfs = printed.index_first(
        _render(specs, template_dir), lambda pages, own: context_opening.district_index(o, specs, pages, own),
        template_dir, soffice)
    files, manifest, slow = _finish([index] + specs, files, pdfs, _names(inputs, Path(folder)), template_dir)
    files, manifest = add_workbooks(files, manifest, [tallies.district_workbook(s) for s in specs
                                                      if s.template == "bao-cao-tong-hop-huyen.docx"])
    target = Path(out_dir) / vi.slug(o.name)
    written = _write(target, files, manifest, warnings + slow, force)
    written.not_yet = not_yet
    return written


CLOSING_TITLES = ("Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng, Công văn đề nghị tặng Bằng khen, "
                  "Báo cáo kết quả kiểm tra chéo của cấp huyện")


def build_city(folder: Path, out_dir: Path, template_dir: Path | None = None, force: bool = False,
               pdf: bool = False) -> Written:
    """The Sở Nội vụ's summary report over a folder of districts (or of clusters, for a two-tier plan); with
    `pdf` also a PDF of each document and toan-bo-ho-so.pdf, the Mục lục first, then in the order of the process."""
    overrides.require(template_dir)
    soffice = _office(pdf)
    c = city.check_city(Path(folder))
    specs = context_city.city_documents(c)
    specs += city_decision.draft_decision(c)  # beside the Sở's Tờ trình
    # the Mục lục first, as the district's; with its sheets in the combined PDF when there is one
    index, files, pdfs = printed.index_first(
        _render(specs, template_dir), lambda pages, own: context_city.city_index(c, specs, pages, own),
        template_dir, soffice)
    files, manifest, slow = _finish([index] + specs, files, pdfs, _names(c.inputs, Path(folder)), template_dir)
    files, manifest = add_workbooks(files, manifest, [tallies.city_workbook(s) for s in specs  # not the Tờ trình
                                                      if s.template == "bao-cao-tong-hop-thanh-pho.docx"])
    target = Path(out_dir) / vi.slug(f"{tiers.province_place(c.plan.data)} {c.plan.data['nam']}")
    return _write(target, files, manifest, c.warnings + slow, force)


def build_blank_sheet(plan_file: Path, out_dir: Path, template_dir: Path | None = None, force: bool = False) -> Written:
    """Phụ lục 01 of a plan with no commune and no scores, for a commune to fill by hand."""
    overrides.require(template_dir)
    plan, warnings = cluster.load_plan(Path(plan_file))
    spec = sheet.blank_sheet(plan.data)
    files, manifest, slow = _finish([spec], _render([spec], template_dir), {}, {plan.path.name: plan.path},
                                    template_dir)
    target = Path(out_dir) / f"phu-luc-01-{plan.data['nam']}"
    return _write(target, files, manifest, warnings + slow, force)
