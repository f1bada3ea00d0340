"""The Sở's draft Quyết định of the Chairman of the province tặng Bằng khen, beside its Tờ trình: the same
nominees, from the districts (three tiers) or the clusters (two tiers)."""
from __future__ import annotations

import json

from conftest import INPUTS, docx_text, table_rows

from docgen import lint
from docgen.pipeline import upper_levels

DRAFT = "du-thao-quyet-dinh-bang-khen.docx"


def test_draft_decision_names_the_nominees_of_the_submission_three_tiers(tmp_path):
    out = upper_levels.build_city(INPUTS / "2017", tmp_path).folder
    text = docx_text(out / DRAFT)
    assert text.startswith("DỰ THẢO")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" in text and "Hà Nội, ngày …… tháng …… năm 2017" in text
    assert "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số" in text and "/TTr-SNV" in text
    assert "Điều 1. Tặng Bằng khen của Chủ tịch UBND thành phố Hà Nội cho 02 tập thể" in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    rows = table_rows(out / DRAFT, 2)
    assert rows[0][2] == "Huyện"
    assert [r[1:] for r in rows[1:]] == [["UBND xã Cổ Loa", "Huyện Đông Anh", "93,5", "A"],
                                         ["UBND thị trấn Trâu Quỳ", "Huyện Gia Lâm", "89,5", "A"]]
    # the Tờ trình submits the same collectives
    assert [r[1] for r in table_rows(out / "to-trinh-de-nghi-bang-khen.docx", 1)[1:]] == [r[1] for r in rows[1:]]
    names = [d["tep"] for d in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["van_ban"]]
    assert names.index(DRAFT) == names.index("to-trinh-de-nghi-bang-khen.docx") + 1
    assert lint.lint_file(out / DRAFT).findings == []


def test_draft_decision_two_tiers_lists_the_clusters_nominees(tmp_path):
    out = upper_levels.build_city(INPUTS / "2025", tmp_path).folder
    rows = table_rows(out / DRAFT, 2)
    assert rows[0][2] == "Cụm"
    assert len(rows) - 1 == len(table_rows(out / "to-trinh-de-nghi-bang-khen.docx", 1)) - 1 >= 1
    text = docx_text(out / DRAFT)
    assert "Chủ tịch UBND các xã, phường có liên quan" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text  # the law in force in 2025
    assert lint.lint_file(out / DRAFT).findings == []
