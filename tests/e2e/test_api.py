"""The library's entry points named in the README: `from docgen import build, check_cluster, check_file`."""
from __future__ import annotations

import subprocess
import sys

import docgen
from conftest import DONG_ANH, INPUTS


def test_the_readme_library_example_builds_every_cluster(tmp_path):
    built = docgen.build([INPUTS / "2017" / "dong-anh"], tmp_path)
    assert [b.folder.name for b in built] == ["dong-anh-cum-so-1", "dong-anh-cum-so-2"]
    assert all((b.folder / "manifest.json").is_file() for b in built)


def test_check_cluster_and_check_file_are_reachable_from_the_package():
    assert docgen.check_cluster(DONG_ANH).result.don_vi
    assert docgen.check_file(DONG_ANH) == [] or all(i.level == "warning" for i in docgen.check_file(DONG_ANH))
    assert issubclass(docgen.DocgenError, Exception)


def test_importing_docgen_loads_no_stage_until_one_is_used():
    code = "import sys, docgen; print(sorted(m for m in sys.modules if m.startswith('docgen.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
