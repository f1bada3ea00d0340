"""`docgen city`: the Sở Nội vụ's Mục lục văn bản first (issue 16), under the header of its report, listing
every document of the city output in the order of the process with the number, date and author each one
prints; the .xlsx tally is in the manifest only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import INPUTS, PLAN_2025, copy_yaml, docx_text, table_rows

from docgen import lint
from docgen.cli import main
from docgen.context import city as context_city
from docgen.context import city_decision
from docgen.levels import city
from docgen.vi import BLANK

INDEX = "muc-luc-van-ban.docx"
PROCESS = ["bao-cao-tong-hop-thanh-pho.docx", "to-trinh-de-nghi-bang-khen.docx", "du-thao-quyet-dinh-bang-khen.docx"]
SO = "Sở Nội vụ thành phố Hà Nội"
CHAIRMAN = "UBND thành phố Hà Nội"


def _titles(folder: Path) -> list[str]:
    """The documents' titles as their contexts give them, in the order the Sở made them."""
    c = city.check_city(folder)
    return [s.title for s in context_city.city_documents(c) + city_decision.draft_decision(c)]


def _rows(folder: Path) -> list[list[str]]:
    return [r for r in table_rows(folder / INDEX, 1) if r[0].isdigit()]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("city-index")
    for year in ("2017", "2025"):
        assert main.main(["city", str(INPUTS / year), "-o", str(out)]) == 0
    return {"2017": out / "ha-noi-2017", "2025": out / "ha-noi-2025"}


@pytest.mark.parametrize("year,day", [("2017", "10/11/2017"), ("2025", "20/10/2025")])
def test_the_mục_lục_comes_first_and_lists_the_sos_documents_in_order(made, year, day):
    folder = made[year]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [d["tep"] for d in manifest["van_ban"]] == [INDEX] + PROCESS
    assert [d["tep"] for d in manifest["bang_tinh"]] == ["bang-tong-hop-thanh-pho.xlsx"]  # a working copy, not filed
    assert sorted(p.name for p in folder.glob("*.docx")) == sorted([INDEX] + PROCESS)
    titles = _titles(INPUTS / year)
    assert [d["ten"] for d in manifest["van_ban"]] == ["Mục lục văn bản"] + titles
    # STT, number (left for the văn thư: the plan gives none), date, title, author, sheets (no PDF), note
    assert _rows(folder) == [["1", "", day, titles[0], SO, "", ""], ["2", "", day, titles[1], SO, "", ""],
                             ["3", "", "", titles[2], CHAIRMAN, "", ""]]  # the draft: numbered and dated on signing
    d, m, y = day.split("/")
    assert f"ngày {d} tháng {m} năm {y}" in docx_text(folder / PROCESS[0])  # the date the report itself prints
    text = docx_text(folder / INDEX).splitlines()
    assert text[:2] == ["UBND THÀNH PHỐ HÀ NỘI", "SỞ NỘI VỤ"]  # the header of the Sở's report
    assert f"Hồ sơ kiểm tra chéo công tác văn thư, lưu trữ năm {year}" in text and SO in text
    assert "Tổng cộng: 3 văn bản./." in text
    # nobody in the files is named to draw it up: a blank to sign, no invented name
    assert "NGƯỜI LẬP" in text and text[-1] == BLANK


@pytest.mark.parametrize("year", ["2017", "2025"])
def test_the_citys_mục_lục_passes_lint(made, year):
    assert [f.format() for f in lint.lint_file(made[year] / INDEX).findings] == []


def test_numbers_given_in_the_plan_are_listed(tmp_path):
    """With the report's and the Tờ trình's numbers in the plan, the Mục lục gives them as the documents print them."""
    plan = yaml.safe_load(PLAN_2025.read_text(encoding="utf-8"))
    plan["bao_cao_tong_hop"].update({"so": "215", "so_to_trinh": "216"})
    plan_file = tmp_path / "ke-hoach-2025.yaml"
    plan_file.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for f in sorted((INPUTS / "2025").glob("*.yaml")):
        copy_yaml(f, tmp_path / "2025" / f.name, lambda d: d.update(ke_hoach=str(plan_file)))
    assert main.main(["city", str(tmp_path / "2025"), "-o", str(tmp_path / "out")]) == 0
    folder = tmp_path / "out" / "ha-noi-2025"
    assert "Số: 215/BC-SNV" in docx_text(folder / PROCESS[0]) and "Số: 216/TTr-SNV" in docx_text(folder / PROCESS[1])
    assert [r[1] for r in _rows(folder)] == ["215/BC-SNV", "216/TTr-SNV", ""]
