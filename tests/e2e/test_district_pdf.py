"""`docgen district --pdf` and `docgen city --pdf`: each document's PDF and toan-bo-ho-so.pdf in the order of
the process (the Mục lục first, then the opening documents, then the council's), written through the same
transaction as the documents, recorded in the manifest, removed by a run without --pdf."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DONG_ANH_DIR, INPUTS, copy_district, require_soffice, table_rows
from pypdf import PdfReader
from test_crash import debris, manifest_matches_files, snapshot
from test_opening import _names_only

from docgen.cli import main
from docgen.output import pdf

DISTRICT = "huyen-dong-anh"
CITY = "ha-noi-2017"
PROCESS = ["ke-hoach-trien-khai-huyen.docx", "quyet-dinh-thanh-lap-cum.docx", "quyet-dinh-thanh-lap-doan-giam-sat.docx",
           "bien-ban-hop-hoi-dong-thi-dua.docx", "to-trinh-de-nghi-giay-khen.docx",
           "quyet-dinh-khen-thuong-huyen.docx", "cong-van-de-nghi-bang-khen.docx", "bao-cao-tong-hop-huyen.docx"]

# Stands for LibreOffice, quickly and with the same bytes for the same document: one to three pages per
# document, as many as its file name's hash says, so that the sheets in the Mục lục are not all "1". By name,
# not content: the Mục lục's content holds the sheets, so a length drawn from its content could change with
# every pass of printed.index_first and never settle (real LibreOffice lays it out the same each time).
SAME_SOFFICE = f"""#!{sys.executable}
import hashlib, sys
from pathlib import Path
from pypdf import PdfWriter
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for name in args[args.index("--outdir") + 2:]:
    digest = hashlib.sha256(Path(name).read_bytes()).hexdigest()
    w = PdfWriter()
    for _ in range(1 + int(hashlib.sha256(Path(name).name.encode()).hexdigest(), 16) % 3):
        w.add_blank_page(595, 842)
    w.add_metadata({{"/Title": digest}})
    with open(out / (Path(name).stem + ".pdf"), "wb") as f:
        w.write(f)
"""


@pytest.fixture
def same_soffice(tmp_path, monkeypatch):
    exe = tmp_path / "bin" / "soffice"
    exe.parent.mkdir()
    exe.write_text(SAME_SOFFICE, encoding="utf-8")
    exe.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(exe))
    return exe


def pdfs_of(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".pdf")


def sheets(folder: Path) -> dict[str, str]:
    """The Mục lục's 'Tờ số' of each document, by title."""
    return {r[3]: r[5] for r in table_rows(folder / "muc-luc-van-ban.docx", 1) if r[0].isdigit()}


def check_combined(folder: Path, documents: list[str]) -> None:
    """toan-bo-ho-so.pdf is the Mục lục then `documents`, each whole and in that order, and the Mục lục
    names the sheets each one has there; the manifest records every PDF with its pages."""
    count = {n: len(PdfReader(folder / n.replace(".docx", ".pdf")).pages) for n in ["muc-luc-van-ban.docx"] + documents}
    combined = PdfReader(folder / pdf.COMBINED)
    assert len(combined.pages) == sum(count.values())
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    titles = {d["tep"]: d["ten"] for d in manifest["van_ban"]}
    assert [d["tep"] for d in manifest["van_ban"]] == ["muc-luc-van-ban.docx"] + documents
    at, listed = count["muc-luc-van-ban.docx"] + 1, sheets(folder)
    for n in documents:
        first = PdfReader(folder / n.replace(".docx", ".pdf")).pages[0].extract_text()
        assert combined.pages[at - 1].extract_text() == first, n
        assert listed[titles[n]] == (str(at) if count[n] == 1 else f"{at}-{at + count[n] - 1}"), n
        at += count[n]
    recorded = {d["tep"]: d["so_trang"] for d in manifest["pdf"]}
    assert sorted(recorded) == pdfs_of(folder)
    assert recorded[pdf.COMBINED] == len(combined.pages)
    manifest_matches_files(folder)


@pytest.mark.libreoffice
def test_district_pdf_in_the_order_of_the_process_with_exact_sheets(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", require_soffice())
    out = tmp_path / "out"
    assert main.main(["district", str(DONG_ANH_DIR), "-o", str(out), "--pdf"]) == 0
    stdout = capsys.readouterr().out
    folder = out / DISTRICT
    assert pdfs_of(folder) == sorted([n.replace(".docx", ".pdf") for n in ["muc-luc-van-ban.docx"] + PROCESS]
                                     + [pdf.COMBINED])
    check_combined(folder, PROCESS)
    combined = PdfReader(folder / pdf.COMBINED)
    assert "MỤC LỤC VĂN BẢN" in combined.pages[0].extract_text()
    assert "KẾ HOẠCH" in combined.pages[1].extract_text()  # the opening documents first
    assert "(9 văn bản, 10 tệp PDF, 1 bảng tính)" in stdout and f"In hồ sơ: in tệp {pdf.COMBINED}" in stdout
    # run again without --pdf: the PDFs of that run go, and the clerk is told (as `build` does)
    assert main.main(["district", str(DONG_ANH_DIR), "-o", str(out)]) == 0
    assert pdfs_of(folder) == []
    assert f"{folder}: cảnh báo: đã xóa 10 tệp PDF của lần lập trước" in capsys.readouterr().err
    assert all(r == "" for r in sheets(folder).values())
    manifest_matches_files(folder)
    assert debris(out) == []


CITY_PROCESS = ["bao-cao-tong-hop-thanh-pho.docx", "to-trinh-de-nghi-bang-khen.docx", "du-thao-quyet-dinh-bang-khen.docx"]


@pytest.mark.libreoffice
@pytest.mark.parametrize("year", ["2017", "2025"])
def test_city_pdf_the_mục_lục_first_then_the_sos_documents_with_exact_sheets(tmp_path, capsys, monkeypatch, year):
    monkeypatch.setenv("DOCGEN_SOFFICE", require_soffice())
    out = tmp_path / "out"
    assert main.main(["city", str(INPUTS / year), "-o", str(out), "--pdf"]) == 0, capsys.readouterr().err
    folder = out / f"ha-noi-{year}"
    assert pdfs_of(folder) == sorted([n.replace(".docx", ".pdf") for n in ["muc-luc-van-ban.docx"] + CITY_PROCESS]
                                     + [pdf.COMBINED])
    check_combined(folder, CITY_PROCESS)
    combined = PdfReader(folder / pdf.COMBINED)
    assert "MỤC LỤC VĂN BẢN" in combined.pages[0].extract_text()
    assert "(4 văn bản, 5 tệp PDF, 1 bảng tính)" in capsys.readouterr().out


@pytest.mark.parametrize("command,folder", [("district", DONG_ANH_DIR), ("city", INPUTS / "2017")])
def test_missing_libreoffice_is_explained_as_for_build_and_nothing_is_written(tmp_path, capsys, monkeypatch,
                                                                              command, folder):
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "khong-co-soffice"))
    out = tmp_path / "outputs"
    assert main.main([command, str(folder), "-o", str(out), "--pdf"]) == 1
    err = capsys.readouterr().err
    assert "Chưa có LibreOffice" in err and "Chưa ghi tệp nào" in err
    assert "apt-get install libreoffice-writer-nogui" in err and "Hoặc bỏ --pdf" in err
    assert not out.exists()


def test_before_the_visits_the_opening_documents_make_the_combined_pdf(tmp_path, capsys, same_soffice):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", lambda d: d.pop("hoi_dong"),
                           {"cum-so-1.yaml": _names_only, "cum-so-2.yaml": _names_only})
    assert main.main(["district", str(folder), "-o", str(tmp_path / "out"), "--pdf"]) == 4
    assert "Chưa lập được" in capsys.readouterr().err
    check_combined(tmp_path / "out" / DISTRICT, PROCESS[:3])


def test_district_pdf_again_and_again_is_the_same_and_not_taken_for_hand_edits(tmp_path, capsys, same_soffice):
    out = tmp_path / "out"
    snaps = []
    for _ in range(2):
        assert main.main(["district", str(DONG_ANH_DIR), "-o", str(out), "--pdf"]) == 0, capsys.readouterr().err
        assert "sửa tay" not in capsys.readouterr().err
        snaps.append(snapshot(out / DISTRICT))
    assert snaps[0] == snaps[1]
    check_combined(out / DISTRICT, PROCESS)
    assert debris(out) == []


def _run(args, env_fault=None, cwd=None):
    env = {k: v for k, v in os.environ.items() if k != "DOCGEN_FAULT"}
    if env_fault:
        env["DOCGEN_FAULT"] = env_fault
    return subprocess.run([sys.executable, "-m", "docgen", *args], env=env, capture_output=True, text=True, cwd=cwd)


def test_a_kill_while_the_pdfs_are_written_leaves_the_whole_old_or_new_district(tmp_path, same_soffice):
    """The district's PDFs are staged and swapped in with its documents (output.transaction): killed while
    staging a PDF, at the commit or at the swap, the folder holds the whole old dossier (made without PDFs)
    or the whole new one, and the next run succeeds and leaves nothing behind."""
    template, after = tmp_path / "template", tmp_path / "after"
    assert _run(["district", str(DONG_ANH_DIR), "-o", str(template)]).returncode == 0
    old = snapshot(template / DISTRICT)
    subprocess.run(["cp", "-a", str(template), str(after)], check=True)
    assert _run(["district", str(DONG_ANH_DIR), "-o", str(after), "--pdf"]).returncode == 0
    new = snapshot(after / DISTRICT)
    assert pdf.COMBINED in new and pdf.COMBINED not in old
    listing = tmp_path / "steps.txt"
    count = tmp_path / "count"
    subprocess.run(["cp", "-a", str(template), str(count)], check=True)
    assert _run(["district", str(DONG_ANH_DIR), "-o", str(count), "--pdf"], f"list:{listing}").returncode == 0
    steps = [line.split() for line in listing.read_text().splitlines()]
    staged = [int(n) for n, label in steps if label == "stage-file"]
    # staged in the files' order: the 9 documents, their 9 PDFs and the combined one, the workbook, the manifest
    assert len(staged) == 9 + 10 + 1 + 1
    picked = [staged[9 + 5], next(int(n) for n, label in steps if label == "commit"),
              next(int(n) for n, label in steps if label == "exchange")]
    for n in picked:
        out = tmp_path / f"kill-{n}"
        subprocess.run(["cp", "-a", str(template), str(out)], check=True)
        killed = _run(["district", str(DONG_ANH_DIR), "-o", str(out), "--pdf"], f"{n}:kill")
        assert killed.returncode != 0, n
        if (out / DISTRICT).exists():
            assert snapshot(out / DISTRICT) in (old, new), f"step {n}: the folder mixes two dossiers"
        done = _run(["district", str(DONG_ANH_DIR), "-o", str(out), "--pdf"])
        assert done.returncode == 0, done.stderr
        assert snapshot(out / DISTRICT) == new and debris(out) == []
