"""The tallies as .xlsx beside their .docx: recomputed by LibreOffice Calc, they show the .docx's numbers,
and a correction made in the spreadsheet recomputes the totals."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import DONG_ANH, DONG_ANH_DIR, INPUTS, require_soffice, table_rows

from docgen.pipeline import batch, upper_levels

CSV_UTF8_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"


def calc_rows(xlsx: Path, work: Path) -> list[list[str]]:
    """The sheet as LibreOffice Calc computes and shows it (formulas evaluated, numbers as displayed)."""
    exe = require_soffice()
    out = work / "csv"
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless", "--convert-to",
                           CSV_UTF8_AS_SHOWN, "--outdir", str(out), str(xlsx)], capture_output=True, text=True,
                          timeout=300)
    target = out / (xlsx.stem + ".csv")
    if not target.is_file():
        if "could not be loaded" in proc.stderr + proc.stdout:
            pytest.skip("LibreOffice Calc chưa được cài (apt-get install libreoffice-calc-nogui)")
        pytest.fail(f"LibreOffice không chuyển được {xlsx}: {proc.stdout}{proc.stderr}")
    with target.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f)]
    target.unlink()
    return rows


def _table(rows: list[list[str]], first_header: str) -> list[list[str]]:
    """The rows from the header starting with `first_header` to the next empty row."""
    start = next(i for i, r in enumerate(rows) if r and r[0] == first_header)
    out = []
    for r in rows[start:]:
        if not any(r):
            break
        out.append(r)
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("tallies")
    [cluster] = batch.build([DONG_ANH], out)
    return {"cum": cluster.folder, "huyen": upper_levels.build_district(DONG_ANH_DIR, out).folder,
            "tp": upper_levels.build_city(INPUTS / "2017", out).folder,
            "tp25": upper_levels.build_city(INPUTS / "2025", out).folder}


def test_xlsx_are_in_the_manifest_beside_their_signed_docx_not_in_the_index(made):
    for key, name, signed in (("cum", "phu-luc-02-bang-cham-diem.xlsx", "phu-luc-02-bang-cham-diem.docx"),
                              ("huyen", "bang-tong-hop-huyen.xlsx", "bao-cao-tong-hop-huyen.docx"),
                              ("tp", "bang-tong-hop-thanh-pho.xlsx", "bao-cao-tong-hop-thanh-pho.docx")):
        manifest = json.loads((made[key] / "manifest.json").read_text(encoding="utf-8"))
        [entry] = manifest["bang_tinh"]
        assert entry["tep"] == name and entry["ban_ky"] == signed and (made[key] / name).is_file()
        assert name not in [d["tep"] for d in manifest["van_ban"]]
    index = [r[3] for r in table_rows(made["cum"] / "muc-luc-van-ban.docx", 1)]
    assert not any("bảng tính" in t for t in index)


def test_xlsx_has_formulas_and_the_print_setup(made):
    ws = openpyxl.load_workbook(made["cum"] / "phu-luc-02-bang-cham-diem.xlsx").active
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "STT")
    assert ws.cell(header + 1, 10).value == f"=SUM(C{header + 1}:I{header + 1})"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${header}:${header}"
    assert ws.cell(header + 1, 3).number_format == "[$-42A]General"  # Vietnamese locale: decimal comma
    ws = openpyxl.load_workbook(made["huyen"] / "bang-tong-hop-huyen.xlsx").active
    assert any(str(c.value).startswith("=COUNTIF(") for row in ws.iter_rows() for c in row)


@pytest.mark.libreoffice
def test_phu_luc_02_recomputed_by_calc_equals_the_docx_and_follows_a_correction(made, tmp_path):
    xlsx = made["cum"] / "phu-luc-02-bang-cham-diem.xlsx"
    docx_rows = table_rows(made["cum"] / "phu-luc-02-bang-cham-diem.docx", 0)
    calc = _table(calc_rows(xlsx, tmp_path), "STT")
    assert [r[1:] for r in calc[1:]] == [r[1:] for r in docx_rows[1:]]  # every score, total and class
    # a clerk corrects Cổ Loa's content 1 from 5 to 4 in the spreadsheet: its total follows
    copy = tmp_path / "sua.xlsx"
    shutil.copy(xlsx, copy)
    wb = openpyxl.load_workbook(copy)
    ws = wb.active
    row = next(r for r in range(1, 20) if ws.cell(r, 2).value == "UBND xã Cổ Loa")
    ws.cell(row, 3).value = 4
    wb.save(copy)
    fixed = _table(calc_rows(copy, tmp_path), "STT")
    assert next(r for r in fixed if r[1] == "UBND xã Cổ Loa")[9] == "92,5"


@pytest.mark.libreoffice
def test_district_tally_recomputed_by_calc_equals_the_report(made, tmp_path):
    xlsx = made["huyen"] / "bang-tong-hop-huyen.xlsx"
    report = made["huyen"] / "bao-cao-tong-hop-huyen.docx"
    rows = calc_rows(xlsx, tmp_path)
    docx = table_rows(report)
    start = docx.index(["STT", "Đơn vị", "Cụm", "Tổng điểm", "Xếp loại"])
    communes = _table(rows, "STT")
    assert communes[1:] == docx[start + 1:start + len(communes)]
    classes = _table(rows, "Xếp loại")
    docx_classes = docx[docx.index(["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"]) + 1:][:len(classes) - 1]
    assert [r[:3] for r in classes[1:]] == docx_classes
    # a class corrected in the spreadsheet moves one commune from D to C: the counts and shares follow
    copy = tmp_path / "sua.xlsx"
    shutil.copy(xlsx, copy)
    wb = openpyxl.load_workbook(copy)
    ws = wb.active
    row = next(r for r in range(1, 30) if ws.cell(r, 2).value == "UBND xã Vân Nội")
    ws.cell(row, 5).value = "C"
    wb.save(copy)
    fixed = {r[0]: r[1:3] for r in _table(calc_rows(copy, tmp_path), "Xếp loại")[1:]}
    assert fixed["Loại C"] == ["2", "25"] and fixed["Loại D"] == ["0", "0"] and fixed["Tổng cộng"][0] == "8"


@pytest.mark.libreoffice
@pytest.mark.parametrize("key", ["tp", "tp25"])
def test_city_tally_recomputed_by_calc_equals_the_report(made, tmp_path, key):
    report = made[key] / "bao-cao-tong-hop-thanh-pho.docx"
    calc = _table(calc_rows(made[key] / "bang-tong-hop-thanh-pho.xlsx", tmp_path), "STT")
    docx = table_rows(report, 1)
    assert calc == docx  # the same table, totals included, as Calc computes it
