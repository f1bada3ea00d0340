"""Any input file checked by its kind (plan, district or cluster): every problem, warnings too."""
from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError, Incomplete, InputError, Issue
from docgen.levels import district
from docgen.levels.cluster import check_cluster, load_plan
from docgen.load import reader
from docgen.validate import schema


def check_file(path: Path) -> list[Issue]:
    """Every problem of one plan or cluster file (warnings included).

    Raises Incomplete for a cluster file that still has blanks to fill, so that the caller can show
    a to-do list rather than errors; every other problem is returned."""
    try:
        doc = reader.load_file(path)
    except InputError as e:
        return e.issues or [Issue(e.message, str(path))]
    kind, issues = schema.kind_of(doc)
    if issues:
        return issues
    try:
        if kind == "ke_hoach":
            return load_plan(Path(path))[1]
        if kind == "huyen":
            return district.check_district_file(Path(path))
        return check_cluster(Path(path)).warnings
    except Incomplete:
        raise
    except DocgenError as e:
        return e.issues or [Issue(e.message, str(path))]
