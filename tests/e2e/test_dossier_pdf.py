"""The dossier index (Mục lục văn bản) and `build --pdf`: one combined PDF to print, nothing half-written."""
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
    return [r for r in table_rows(folder / "muc-luc-van-ban.docx", 1) if r[0].isdigit()]


@pytest.mark.parametrize("path", [DONG_ANH, GIA_LAM], ids=["dong-anh", "gia-lam"])
def test_index_lists_every_document_in_filing_order(built, path):
    b = built[path.resolve()]
    specs = filing_order(path)
    rows = index_rows(b.folder)
    assert [r[3] for r in rows] == [s.title for s in specs]  # whatever build_documents returns, in its order
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(specs) + 1)]
    assert all(r[5] == "" for r in rows)  # sheets are only known with --pdf
    text = docx_text(b.folder / "muc-luc-van-ban.docx")
    assert "MỤC LỤC VĂN BẢN" in text and f"Tổng cộng: {len(specs)} văn bản./." in text
    assert "Hồ sơ kiểm tra chéo công tác văn thư, lưu trữ năm 2017" in text and "NGƯỜI LẬP" in text
    assert table_rows(b.folder / "muc-luc-van-ban.docx", 1)[0] == [
        "STT", "Số, ký hiệu văn bản", "Ngày, tháng,\nnăm văn bản", "Tên loại và trích yếu nội dung",
        "Tác giả văn bản", "Tờ số", "Ghi chú"]
    data = reader.load_file(path).data
    assert f"ĐOÀN KIỂM TRA CHÉO\n{data['cum']['ten'].upper()}" in text  # broken between names
    # the index comes first, every listed document is in the folder
    docx = [f.name for f in b.files if f.suffix == ".docx"]
    assert docx == ["muc-luc-van-ban.docx"] + [s.file_name for s in specs]
    manifest = json.loads((b.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [d["tep"] for d in manifest["van_ban"]] == docx


def test_index_gives_each_documents_number_date_and_author_from_its_header(built):
    rows = {r[3]: r for r in index_rows(built[DONG_ANH.resolve()].folder)}
    # numbered in the cluster file; the minutes' number is left for the văn thư to write
    assert rows["Báo cáo tự đánh giá của UBND xã Uy Nỗ"][1:3] == ["42/BC-UBND", "05/10/2017"]
    assert rows["Báo cáo tự đánh giá của UBND xã Uy Nỗ"][4] == "UBND xã Uy Nỗ"
    assert rows["Biên bản kiểm tra tại UBND xã Uy Nỗ"][1:3] == ["", "10/10/2017"]
    assert rows["Biên bản kiểm tra tại UBND xã Uy Nỗ"][4] == "Đoàn kiểm tra chéo Cụm số 1"
    assert rows["Giấy mời họp bình xét thi đua của Cụm"][1:3] == ["15/GM-UBND", "09/10/2017"]
    assert rows["Công văn đề nghị khen thưởng"][4] == "UBND xã Cổ Loa"
    assert rows["Phụ lục số 02: Bảng chấm điểm, xếp loại của Cụm"][1:3] + [rows[
        "Phụ lục số 02: Bảng chấm điểm, xếp loại của Cụm"][4]] == ["", "", ""]  # no header, number or date of its own


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
    docx = ["muc-luc-van-ban.docx"] + [s.file_name for s in specs]
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
    assert "MỤC LỤC VĂN BẢN" in first_pages[0]
    assert "Uy Nỗ" in first_pages[1] and "Phụ lục số 02" in first_pages[docx.index("phu-luc-02-bang-cham-diem.docx")]
    # the index now shows each document's sheets in the combined PDF (after its own) and the total
    rows = index_rows(folder)
    at = pages["muc-luc-van-ban.docx"] + 1
    for r, s in zip(rows, specs):
        n = pages[s.file_name]
        assert r[5] == (str(at) if n == 1 else f"{at}-{at + n - 1}"), (s.file_name, r)
        own_first = PdfReader(folder / s.file_name.replace(".docx", ".pdf")).pages[0].extract_text()
        assert combined.pages[at - 1].extract_text() == own_first, s.file_name  # the sheet it names
        at += n
    total = sum(pages[s.file_name] for s in specs)
    assert f"Tổng cộng: {len(specs)} văn bản, {total} trang./." in docx_text(folder / "muc-luc-van-ban.docx")
    assert f"({len(docx)} văn bản, {len(docx) + 1} tệp PDF)" in stdout
    assert f"  {folder / pdf.COMBINED}" in stdout and f"In hồ sơ: in tệp {pdf.COMBINED}" in stdout
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {d["tep"]: d["so_trang"] for d in manifest["pdf"]}[pdf.COMBINED] == sum(pages.values())
