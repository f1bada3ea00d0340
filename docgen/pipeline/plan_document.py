"""The Kế hoạch as a document: a plan file rendered to .docx and written."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.context.plan import document_context
from docgen.errors import Issue
from docgen.levels import cluster
from docgen.output import write
from docgen.pipeline.next_plan import TEMPLATE
from docgen.render import document, overrides


@dataclass
class RenderedPlan:
    """What `render_plan` wrote."""

    source: Path
    file: Path
    warnings: list[Issue]
    backup: Path | None = None  # the copy edited by hand, kept beside (force)


def render_plan(path: Path, out_dir: Path, template_dir: Path | None = None, force: bool = False) -> RenderedPlan:
    """Validate a plan file and write its Kế hoạch as OUT_DIR/<plan file name>.docx (or to OUT_DIR
    itself when it is a file name ending in .docx); a copy edited by hand stops it unless `force`,
    which keeps that copy beside the new one."""
    overrides.require(template_dir)
    plan, warnings = cluster.load_plan(Path(path))
    data = document.render(TEMPLATE, document_context(plan), template_dir)
    out = Path(out_dir)
    target = out if out.suffix.lower() == ".docx" else out / (Path(path).stem + ".docx")
    warnings = warnings + document.slow_templates([TEMPLATE], template_dir)
    written, kept = write.write_document(target, data, force)
    return RenderedPlan(Path(path), written, warnings, kept)
