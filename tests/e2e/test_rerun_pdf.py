"""PDFs are part of the dossier: recorded in the manifest, never taken for hand edits because
LibreOffice writes other bytes each run, removed when a build without --pdf replaces their data."""
from __future__ import annotations

import json
import sys

import pytest
from conftest import DONG_ANH, PLAN_2017, require_soffice
from test_crash import debris, manifest_matches_files

from docgen.cli import main
from docgen.output import pdf

SLUG = "dong-anh-cum-so-1"

# Stands for LibreOffice: a one-page PDF per document, with different bytes on every run (as LibreOffice's)
FAKE_SOFFICE = f"""#!{sys.executable}
import os, sys
from pathlib import Path
from pypdf import PdfWriter
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for name in args[args.index("--outdir") + 2:]:
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.add_metadata({{"/Producer": os.urandom(8).hex()}})
    with open(out / (Path(name).stem + ".pdf"), "wb") as f:
        w.write(f)
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    exe = tmp_path / "soffice"
    exe.write_text(FAKE_SOFFICE, encoding="utf-8")
    exe.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(exe))
    return exe


def changed_input(tmp_path):
    path = tmp_path / "in" / "cum-so-1.yaml"
    path.parent.mkdir()
    path.write_text(DONG_ANH.read_text(encoding="utf-8").replace("../../ke-hoach-2017.yaml", str(PLAN_2017))
                    .replace("Hội trường UBND xã Cổ Loa", "Nhà văn hóa xã Cổ Loa"), encoding="utf-8")
    return path


def pdfs_of(folder):
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".pdf")


def test_build_pdf_again_and_again(tmp_path, capsys, fake_soffice):
    out = tmp_path / "out"
    for _ in range(3):
        assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf", "-j", "1"]) == 0, capsys.readouterr().err
        assert "sửa tay" not in capsys.readouterr().err
    folder = out / SLUG
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(p["tep"] for p in manifest["pdf"]) == pdfs_of(folder) and pdf.COMBINED in pdfs_of(folder)
    assert not [p for p in folder.iterdir() if "ban-sua-tay" in p.name]
    manifest_matches_files(folder)
    assert debris(out) == []


def test_a_pdf_the_clerk_changed_is_protected_like_a_document(tmp_path, capsys, fake_soffice):
    out = tmp_path / "out"
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf", "-j", "1"]) == 0
    edited = out / SLUG / pdf.COMBINED
    edited.write_bytes(edited.read_bytes() + b"\n% ghi chu")
    capsys.readouterr()
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf", "-j", "1"]) == 1
    assert f"{edited}: văn bản đã sửa tay, chưa ghi đè." in capsys.readouterr().err
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf", "-j", "1", "--force"]) == 0
    assert (out / SLUG / "toan-bo-ho-so.ban-sua-tay.pdf").read_bytes().endswith(b"% ghi chu")


def test_a_build_without_pdf_removes_the_pdfs_of_older_data(tmp_path, capsys, fake_soffice):
    out = tmp_path / "out"
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf", "-j", "1"]) == 0
    assert pdf.COMBINED in pdfs_of(out / SLUG)
    n = len(pdfs_of(out / SLUG))
    capsys.readouterr()
    assert main.main(["build", str(changed_input(tmp_path)), "-o", str(out), "-j", "1"]) == 0
    assert pdfs_of(out / SLUG) == []  # toan-bo-ho-so.pdf with the old data would be printed
    assert f"{out / SLUG}: cảnh báo: đã xóa {n} tệp PDF của lần lập trước" in capsys.readouterr().err
    assert "pdf" not in json.loads((out / SLUG / "manifest.json").read_text(encoding="utf-8"))
    manifest_matches_files(out / SLUG)


@pytest.mark.libreoffice
def test_build_pdf_three_times_with_libreoffice(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", require_soffice())
    out = tmp_path / "out"
    for _ in range(3):
        assert main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf"]) == 0, capsys.readouterr().err
    assert not [p for p in (out / SLUG).iterdir() if "ban-sua-tay" in p.name]
    manifest_matches_files(out / SLUG)
    assert debris(out) == []
