"""The dossier index (Danh mục hồ sơ) and `build --pdf`: one combined PDF to print, nothing half-written."""
from __future__ import annotations

import json

import pytest
from conftest import DONG_ANH, GIA_LAM, docx_text, require_soffice, table_rows
from pypdf import PdfReader

from docgen.cli import main
from docgen.context import cluster as context_cluster
from docgen.levels import cluster
from docgen.load import reader
from docgen.output import pdf


def filing_order(path):
    checked = cluster.check_cluster(path)
    return context_cluster.build_documents(checked.plan.data, checked.cluster.data, checked.result)


def index_rows(folder):
    return [r for r in table_rows(folder / "danh-muc-ho-so.docx", 1) if r[0].isdigit()]


@pytest.mark.parametrize("path", [DONG_ANH, GIA_LAM], ids=["dong-anh", "gia-lam"])
def test_index_lists_every_document_in_filing_order(built, path):
    b = built[path.resolve()]
    specs = filing_order(path)
    rows = index_rows(b.folder)
    assert [r[1] for r in rows] == [s.title for s in specs]  # whatever build_documents returns, in its order
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(specs) + 1)]
    assert all(r[2] == "" for r in rows)  # page counts are only known with --pdf
    text = docx_text(b.folder / "danh-muc-ho-so.docx")
    assert "DANH MỤC HỒ SƠ" in text and f"Tổng cộng: {len(specs)} văn bản./." in text
    data = reader.load_file(path).data
    assert f"ĐOÀN KIỂM TRA CHÉO\n{data['cum']['ten'].upper()}" in text  # broken between names
    # the index comes first, every listed document is in the folder
    docx = [f.name for f in b.files if f.suffix == ".docx"]
    assert docx == ["danh-muc-ho-so.docx"] + [s.file_name for s in specs]
    manifest = json.loads((b.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [d["tep"] for d in manifest["van_ban"]] == docx


def test_missing_libreoffice_is_explained_and_nothing_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "khong-co-soffice"))
    out = tmp_path / "outputs"
    code = main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Chưa có LibreOffice" in err and "Chưa ghi tệp nào" in err
    assert "apt-get install libreoffice-writer-nogui" in err
    assert "Windows: cài LibreOffice từ trang chủ" in err
    assert not out.exists()


@pytest.mark.libreoffice
def test_build_pdf_writes_a_combined_pdf_with_every_page(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", require_soffice())
    out = tmp_path / "outputs"
    code = main.main(["build", str(DONG_ANH), "-o", str(out), "--pdf"])
    stdout = capsys.readouterr().out
    assert code == 0
    folder = out / "dong-anh-cum-so-1"
    specs = filing_order(DONG_ANH)
    docx = ["danh-muc-ho-so.docx"] + [s.file_name for s in specs]
    pages = {}
    for name in docx:
        p = folder / name.replace(".docx", ".pdf")
        assert p.is_file(), p
        pages[name] = len(PdfReader(p).pages)
        assert pages[name] >= 1
    combined = PdfReader(folder / pdf.COMBINED)
    assert len(combined.pages) == sum(pages.values())
    # the combined PDF is in filing order: index first, then each document's own first page
    first_pages, at = [], 0
    for name in docx:
        first_pages.append(combined.pages[at].extract_text())
        at += pages[name]
    assert "DANH MỤC HỒ SƠ" in first_pages[0]
    assert "Uy Nỗ" in first_pages[1] and "Phụ lục số 02" in first_pages[docx.index("phu-luc-02-bang-cham-diem.docx")]
    # the index now shows each document's page count and the total
    rows = index_rows(folder)
    assert [int(r[2]) for r in rows] == [pages[s.file_name] for s in specs]
    total = sum(pages[s.file_name] for s in specs)
    assert f"Tổng cộng: {len(specs)} văn bản, {total} trang./." in docx_text(folder / "danh-muc-ho-so.docx")
    assert f"({len(docx)} văn bản, {len(docx) + 1} tệp PDF)" in stdout
    assert f"  {folder / pdf.COMBINED}" in stdout and f"In hồ sơ: in tệp {pdf.COMBINED}" in stdout
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {d["tep"]: d["so_trang"] for d in manifest["pdf"]}[pdf.COMBINED] == sum(pages.values())
