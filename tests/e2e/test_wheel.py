"""The built wheel works on its own: installed in a fresh venv and run from an empty folder, or run zipped."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from test_golden import GOLDEN, INPUTS, ROOT, make_all

pytestmark = [pytest.mark.slow, pytest.mark.wheel]

INIT = "init/cum-so-3.yaml"  # the one output that links docgen's own schema file
CHECKOUT_LINK = b"# yaml-language-server: $schema=<checkout>/schemas/cum.schema.json\n"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing of the checkout on the path


def run(cmd, cwd: Path, env=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env or ENV, capture_output=True, text=True,
                          encoding="utf-8", timeout=600)
    assert proc.returncode == 0, (cmd, proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a clean copy of the project: nothing left from an earlier build/ gets in, nothing is
    written into the checkout."""
    source = tmp_path_factory.mktemp("src") / "docgen"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "outputs", "*.egg-info", "__pycache__", ".*cache", ".hypothesis"))
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", out], cwd=out)
    [built] = out.glob("docgen-*.whl")
    return built


@pytest.fixture(scope="module")
def venv_bin(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel (and its dependencies) installed: no checkout, no editable install."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--clear", venv], cwd=venv)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], cwd=venv)
    return bin_dir


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def installed_schema(first_line: str) -> Path:
    """The schema a file made by `docgen init` links to, which must be the wheel's own copy."""
    m = re.fullmatch(r"# yaml-language-server: \$schema=(file:\S+)", first_line)
    assert m, first_line
    path = Path(unquote(urlparse(m[1]).path))
    assert path.is_file() and "site-packages" in path.parts, path
    assert path.read_bytes() == (ROOT / "schemas" / "cum.schema.json").read_bytes()
    return path


def test_the_installed_wheel_makes_every_sample_document_from_an_empty_folder(venv_bin, tmp_path):
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    empty = tmp_path / "empty"
    empty.mkdir()
    docgen = [venv_bin / "docgen"]
    where = run([venv_bin / "python", "-c", "import docgen; print(docgen.__file__)"], cwd=empty).stdout
    assert "site-packages" in Path(where.strip()).parts, where  # the wheel's copy, not the checkout

    # What needs no input file: the default plan, the templates and the samples, all from the package.
    printed = run([*docgen, "classify", "5", "14", "22,5", "26", "9", "9", "4", "--json"], cwd=empty).stdout
    assert sha256(printed.encode()) == recorded["stdout:classify 5 14 22,5 26 9 9 4 --json"]
    assert "dùng được" in run([*docgen, "check-templates"], cwd=empty).stdout
    assert not any(empty.iterdir())

    # Every sample command (build, district, city, plan, phu-luc-01, init, score) on a copy of the samples.
    # (in a folder of their own: "../" alone, the link of a plan to its schema, must not read as "<checkout>/")
    copy = empty / "mau"
    shutil.copytree(INPUTS, copy / "inputs")
    made = make_all(empty, docgen=docgen, inputs=copy / "inputs", env=ENV)
    init_file = empty / "o" / INIT
    first, rest = init_file.read_bytes().split(b"\n", 1)
    installed_schema(first.decode())
    rest = rest.replace(os.path.relpath(copy, init_file.parent).encode(), b"<checkout>")
    made[INIT] = sha256(CHECKOUT_LINK + rest)
    assert sorted(made) == sorted(recorded)
    assert [k for k in recorded if made[k] != recorded[k]] == []
    docx = sorted((empty / "o").rglob("*.docx"))
    assert len(docx) == sum(k.endswith(".docx") for k in recorded)

    run([*docgen, "validate", "mau/inputs/ke-hoach-2017.yaml", "mau/inputs/2017", "mau/inputs/2025"], cwd=empty)
    run([*docgen, "lint", *docx[:3]], cwd=empty)


def test_the_wheel_runs_zipped(venv_bin, wheel, tmp_path):
    """On sys.path as a .whl, docgen reads its files from inside the zip (copied out where a path is needed)."""
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    env = {**ENV, "PYTHONPATH": str(wheel)}  # ahead of the installed copy
    docgen = [venv_bin / "python", "-m", "docgen"]
    where = run([venv_bin / "python", "-c", "import docgen; print(docgen.__file__)"], cwd=tmp_path, env=env).stdout
    assert where.startswith(str(wheel)), where

    plan = INPUTS / "ke-hoach-2017.yaml"
    run([*docgen, "build", INPUTS / "2017" / "dong-anh" / "cum-so-1.yaml", "-o", "o"], cwd=tmp_path, env=env)
    built = sorted((tmp_path / "o").rglob("*.docx"))
    assert built and all(sha256(f.read_bytes()) == recorded[f.relative_to(tmp_path / "o").as_posix()] for f in built)
    assert "dùng được" in run([*docgen, "check-templates"], cwd=tmp_path, env=env).stdout
    printed = run([*docgen, "classify", "5", "14", "22,5", "26", "9", "9", "4", "--json"], cwd=tmp_path, env=env).stdout
    assert sha256(printed.encode()) == recorded["stdout:classify 5 14 22,5 26 9 9 4 --json"]

    # No schema file to link to inside a zip: the file starts with its title line instead.
    run([*docgen, "init", "--plan", plan, "--huyen", "Sóc Sơn", "--cum", "Cụm số 3", "--xa", "Phù Linh",
         "--xa", "Tiên Dược", "--xa", "thị trấn Sóc Sơn", "-o", "cum.yaml"], cwd=tmp_path, env=env)
    assert (tmp_path / "cum.yaml").read_text(encoding="utf-8").startswith("# Tệp Cụm: Cụm số 3")
