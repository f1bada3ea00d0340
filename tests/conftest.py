"""Shared fixtures: paths from this file (never the cwd), the sample dossiers built once per session."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from docx import Document

from docgen.context import city as context_city
from docgen.context import city_decision, district_awards
from docgen.context import cluster as context_cluster
from docgen.context import district as context_district
from docgen.context import district_opening as context_opening
from docgen.context import index, sheet
from docgen.context import plan as context_plan
from docgen.context.common import DocumentSpec
from docgen.levels import city, cluster, district, district_opening
from docgen.errors import InputError
from docgen.load import discover, reader
from docgen.pipeline import batch, plan_document, upper_levels

# The tests' own code cache (render.code_cache), never the user's: set before anything renders, inherited by
# the docgen processes the tests start, removed at the end. Tests that look at the cache set their own.
_CODE_CACHE = tempfile.mkdtemp(prefix="docgen-test-code-")
os.environ.setdefault("DOCGEN_CACHE_DIR", _CODE_CACHE)


def pytest_unconfigure(config):
    shutil.rmtree(_CODE_CACHE, ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
PLAN_2017 = INPUTS / "ke-hoach-2017.yaml"
DONG_ANH = INPUTS / "2017" / "dong-anh" / "cum-so-1.yaml"
GIA_LAM = INPUTS / "2017" / "gia-lam" / "cum-so-2.yaml"
DATA = Path(__file__).resolve().parent / "data"
DONG_ANH_DIR = INPUTS / "2017" / "dong-anh"
GIA_LAM_DIR = INPUTS / "2017" / "gia-lam"
PLAN_2025 = INPUTS / "ke-hoach-2025.yaml"
CUM_2025 = INPUTS / "2025" / "cum-so-1.yaml"


def copy_yaml(src: Path, dst: Path, change=None) -> Path:
    """A sample file rewritten at `dst`, its plan path made absolute, `change(data)` applied."""
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["ke_hoach"] = str((src.parent / data["ke_hoach"]).resolve())
    if change:
        change(data)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dst


def copy_district(src_dir: Path, dst_dir: Path, district_change=None, cluster_changes=None) -> Path:
    cluster_changes = cluster_changes or {}
    for f in sorted(src_dir.glob("*.yaml")):
        copy_yaml(f, dst_dir / f.name, district_change if f.name == "huyen.yaml" else cluster_changes.get(f.name))
    return dst_dir


def unit(data, code):
    """The commune `code` of a cluster file's data."""
    return next(u for u in data["don_vi"] if u["ma"] == code)


def warnings_of(path):
    """The warnings of a valid cluster file."""
    return [w for w in cluster.check_cluster(path).warnings if w.level == "warning"]


def messages(excinfo) -> str:
    """The lines of a caught DocgenError, as the CLI would print them."""
    return "\n".join(excinfo.value.lines())


def cluster_specs(paths) -> list[DocumentSpec]:
    """Every document of each cluster's dossier, then its index (what `docgen build` renders)."""
    specs: list[DocumentSpec] = []
    for path in paths:
        c = cluster.check_cluster(path)
        docs = context_cluster.build_documents(c.plan.data, c.cluster.data, c.result)
        specs += docs + [index.index_spec(c.plan.data, c.cluster.data, docs)]
    return specs


def level_specs() -> list[DocumentSpec]:
    """The documents above the cluster from the samples: each plan's Kế hoạch and blank Phụ lục 01,
    each district's documents, each year's city report (what plan, phu-luc-01, district, city render)."""
    specs: list[DocumentSpec] = []
    for f in sorted(INPUTS.glob("ke-hoach-*.yaml")):
        plan, _ = cluster.load_plan(f)
        if plan.data.get("van_ban"):
            specs.append(DocumentSpec(f.name, "ke-hoach.docx", context_plan.document_context(plan), "Kế hoạch"))
        specs.append(sheet.blank_sheet(plan.data))
    for year in sorted(p for p in INPUTS.iterdir() if p.is_dir()):
        for folder in sorted({f.parent for f in discover.scan(year)[0]}):
            specs += context_opening.opening_documents(district_opening.check_opening(folder))
            d = district.check_district(folder)
            specs += context_district.district_documents(d) + district_awards.award_documents(d)
        c = city.check_city(year)
        specs += context_city.city_documents(c) + city_decision.draft_decision(c)
    return specs


def load_result(text: str, name: str):
    """What the reader makes of a YAML text: (data, value positions, key positions), or the error's lines."""
    try:
        got = reader.load_text(text, name)
        return got.data, got.positions, got.key_positions
    except InputError as e:
        return e.lines()


def docx_text(path) -> str:
    """Every paragraph of the body, its tables (nested too), headers: one line each, NFC."""
    doc = Document(str(path))
    lines: list[str] = []

    def walk(container):
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
            else:
                lines.append(block.text)

    walk(doc)
    return "\n".join(lines)


def table_rows(path, index=None) -> list[list[str]]:
    """The cell texts of every row of every top-level table, or of table number `index` only."""
    doc = Document(str(path))
    tables = doc.tables if index is None else [doc.tables[index]]
    return [[c.text for c in row.cells] for t in tables for row in t.rows]


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The sample clusters built once into a temporary folder: {cluster file: Built}."""
    out = tmp_path_factory.mktemp("outputs")
    return {b.source.resolve(): b for b in batch.build([INPUTS / "2017"], out)}


@pytest.fixture(scope="session")
def dong_anh_pdf(tmp_path_factory) -> tuple[Path, list[str]]:
    """Đông Anh Cụm 1 built with `--pdf` (real LibreOffice) once for the tests of the printed dossier's filing
    order: its folder, and the text of each page of its toan-bo-ho-so.pdf."""
    from pypdf import PdfReader

    from docgen import vi
    from docgen.output import pdf
    out = tmp_path_factory.mktemp("pdf-pages")
    run = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", str(out), "--pdf"],
                         capture_output=True, text=True, env={**os.environ, "DOCGEN_SOFFICE": require_soffice()})
    assert run.returncode == 0, run.stderr[-2000:]
    folder = out / "dong-anh-cum-so-1"
    return folder, [vi.nfc(p.extract_text()) for p in PdfReader(folder / pdf.COMBINED).pages]


@pytest.fixture(scope="session")
def chain_built(tmp_path_factory) -> dict[str, list[Path]]:
    """Every other document docgen makes, built once: the two-tier (2025) cluster dossiers, both districts'
    documents, the city reports of 2017 and 2025, the Kế hoạch of 2017 and 2026, the blank Phụ lục 01
    of 2017 and 2025. {what: [.docx files]}."""

    out = tmp_path_factory.mktemp("chain")

    def docx(files):
        return [f for f in files if f.suffix == ".docx"]

    made = {"cum-2025": docx(f for b in batch.build([INPUTS / "2025"], out) for f in b.files)}
    for d in ("dong-anh", "gia-lam"):
        made[f"huyen-{d}"] = docx(upper_levels.build_district(INPUTS / "2017" / d, out).files)
    for year in ("2017", "2025"):
        made[f"thanh-pho-{year}"] = docx(upper_levels.build_city(INPUTS / year, out).files)
        made[f"phu-luc-01-{year}"] = docx(upper_levels.build_blank_sheet(INPUTS / f"ke-hoach-{year}.yaml", out).files)
    for year in ("2017", "2026"):
        made[f"ke-hoach-{year}"] = [plan_document.render_plan(INPUTS / f"ke-hoach-{year}.yaml", out / "ke-hoach").file]
    return made


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """LibreOffice, or a skip on a developer machine without it; on CI its absence is a failure."""
    exe = soffice()
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) không có trên máy CI: .ci/run phải cài libreoffice-writer-nogui.")
    pytest.skip("LibreOffice chưa được cài (apt-get install libreoffice-writer-nogui)")


def to_pdf(files, out_dir: Path) -> list[Path]:
    """Convert .docx files with LibreOffice headless; returns the PDFs (fails loudly otherwise)."""
    exe = require_soffice()
    profile = out_dir / "lo-profile"
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(out_dir), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    pdfs = [out_dir / (Path(f).stem + ".pdf") for f in files]
    missing = [p for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    assert not missing, f"LibreOffice không chuyển được: {missing}\n{proc.stdout}\n{proc.stderr}"
    return pdfs


FAKE = DATA / "fake" / "soffice.py"


def blank_pdf(date: str | None = None) -> bytes:
    """A one-page PDF as LibreOffice writes them: a creation date and a random /ID."""
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(595, 842)
    if date:
        w.add_metadata({"/CreationDate": date})
    w.generate_file_identifiers()
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A fake `soffice` (tests/data/fake/soffice.py) and a way to read what it was asked: (exe, home)."""
    from docgen.output import soffice
    home = tmp_path / "fake"
    home.mkdir()
    (home / "blank.pdf").write_bytes(blank_pdf("D:20261129151756+07'00'"))
    exe = tmp_path / "soffice"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    monkeypatch.setenv("FAKE_SOFFICE_DIR", str(home))
    monkeypatch.setattr(soffice, "STALL_S", 1.0)
    yield str(exe), home
    soffice.close_all()
