"""Format checker: any .docx (docgen's or typed by hand) against the Nghị định 30/2020 rules listed in
docs nd30-format.md. Each deviation is a Finding with the rule ID, where it is and what is expected.

The document kind (Biên bản, Công văn, Báo cáo, Kế hoạch, Tờ trình, Phụ lục…) is read from the content,
so rules apply by kind. Discrepancies D-1..D-8 of the spec are tolerated; nothing marked UNCONFIRMED
there is enforced (e.g. column widths, the signature gap, "exact" line spacing, landscape phụ lục).

The layout (header block, kind, title, Kính gửi, signatures, Nơi nhận) is found once by layout.py; each
rule family then checks it on its own. A report lists the families' findings in FAMILIES order.
"""
from __future__ import annotations

from pathlib import Path

from ..ooxml import DocxModel
from . import body, header, page, pages, phu_luc, recipients
from .constants import KIND_NAMES, KINDS
from .findings import Finding, Report, unique
from .layout import Layout, read_layout

# The order of a report's findings: page setup and fonts, the header and title, Phụ lục lines, Kính gửi,
# signatures and Nơi nhận, the body, page numbers.
FAMILIES = (page, header, phu_luc, recipients, body, pages)

__all__ = ["FAMILIES", "KINDS", "KIND_NAMES", "Finding", "Layout", "Report", "lint_file", "lint_files", "read_layout"]


def lint_file(path) -> Report:
    """Check one .docx; InputError when it cannot be read as a .docx."""
    layout = read_layout(DocxModel(Path(path)))
    found = unique(f for family in FAMILIES for f in family.check(layout))
    return Report(layout.model.path, layout.kind, layout.title_text, found)


def lint_files(paths) -> list[Report]:
    return [lint_file(p) for p in paths]
