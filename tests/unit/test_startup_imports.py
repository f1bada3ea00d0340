"""`docgen --help` and `docgen validate` start without the libraries only rendering needs (start-up time)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DONG_ANH, PLAN_2017, ROOT

HEAVY = ("docxtpl", "docx", "pypdf", "jinja2", "lxml")

RUN = """
import sys
from docgen.cli.main import main
code = main(sys.argv[1:])
print("LOADED:" + ",".join(m for m in {heavy!r} if m in sys.modules), code)
"""


def loaded_by(*args: str) -> tuple[list[str], str]:
    out = subprocess.run([sys.executable, "-c", RUN.format(heavy=HEAVY), *args], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("LOADED:"))
    names, code = line[len("LOADED:"):].rsplit(" ", 1)
    return [n for n in names.split(",") if n], code


@pytest.mark.parametrize("args", [["--help"], ["validate", str(DONG_ANH)], ["validate", str(PLAN_2017)],
                                  ["build", "--help"], ["classify", "5", "12", "22", "26", "8", "7", "5"]])
def test_command_does_not_import_the_render_libraries(args):
    assert loaded_by(*args) == ([], "0")


def test_the_cli_names_the_combined_pdf_as_the_output_stage_does():
    from docgen.cli import build
    from docgen.output import pdf
    assert build.COMBINED == pdf.COMBINED


@pytest.mark.parametrize("args", [["validate", str(DONG_ANH)], ["validate", str(PLAN_2017)]])
def test_validating_a_valid_file_does_not_import_jsonschema(args):
    """jsonschema (and referencing, rpds, attrs) is only needed to word the errors of an invalid file, and a
    process pool only to build."""
    code = RUN.format(heavy=("jsonschema", "referencing", "rpds", "attrs", "multiprocessing", "concurrent.futures"))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout
    assert next(x for x in out.splitlines() if x.startswith("LOADED:")) == "LOADED: 0"
