"""`docgen classify` and `docgen score` as a clerk and a script use them: text for people, JSON for programs."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import DATA, DONG_ANH, GIA_LAM, INPUTS, ROOT

from docgen.cli.main import main

B90 = ["5", "10,5", "25", "30", "10", "7", "2,5"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_prints_the_class_and_the_reasons(capsys):
    code, out, err = run(capsys, "classify", *B90)
    assert code == 0 and err == ""
    assert "Tổng điểm: 90/100" in out
    assert "Xếp loại: B" in out
    assert "  Nội dung 2: 10,5/15 điểm (70%)" in out
    assert "  - Nội dung 2 đạt 10,5/15 điểm (70%), chưa trên 70% nên chưa đạt loại A." in out


def test_classify_json_is_exactly_one_object_with_numbers(capsys):
    code, out, err = run(capsys, "classify", *B90, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)  # the whole of stdout is one JSON document
    assert set(data) == {"tong_diem", "xep_loai", "ly_do"}
    assert data["tong_diem"] == 90 and isinstance(data["tong_diem"], (int, float))
    assert data["xep_loai"] == "B"
    assert data["ly_do"][1] == "Nội dung 2 đạt 10,5/15 điểm (70%), chưa trên 70% nên chưa đạt loại A."


@pytest.mark.parametrize("scores, total, loai", [
    (["5", "12", "22", "26", "8", "6.99", "5"], 84.99, "B"),
    (["5", "12", "22", "26", "8", "7", "5"], 85, "A"),
    (["5", "12", "22", "26", "8", "7,01", "5"], 85.01, "A"),
    (["4.1", "12.1", "22.1", "26.3", "8.1", "7.3", "5"], 85, "A"),
    (["0", "0", "0", "0", "0", "0", "0"], 0, "D"),
])
def test_classify_json_totals_are_exact_json_numbers(capsys, scores, total, loai):
    code, out, _ = run(capsys, "classify", "--json", *scores)
    data = json.loads(out)
    assert code == 0 and data["tong_diem"] == total and data["xep_loai"] == loai
    assert f'"tong_diem": {total}' in out  # written as a number, not "84.99" in quotes


def test_classify_accepts_a_comma_or_a_dot(capsys):
    _, comma, _ = run(capsys, "classify", "--json", *B90)
    _, dot, _ = run(capsys, "classify", "--json", *[s.replace(",", ".") for s in B90])
    assert comma == dot


@pytest.mark.parametrize("scores, message", [
    (["5", "-1", "25", "30", "10", "7", "2,5"], "nội dung 2: điểm -1 là số âm"),
    (["5", "16", "25", "30", "10", "7", "2,5"], "nội dung 2: 16 điểm vượt điểm tối đa 15."),
    (["5", "mười", "25", "30", "10", "7", "2,5"], "nội dung 2: 'mười' không phải là số điểm"),
    (["5", "10,555", "25", "30", "10", "7", "2,5"], "nội dung 2: điểm 10,555 có 3 chữ số thập phân"),
    (["5", "10", "25"], "cần đúng 7 điểm (nội dung 1 đến 7, theo thứ tự), ở đây có 3."),
])
def test_classify_bad_scores_exit_1_with_a_vietnamese_message(capsys, scores, message):
    for extra in ([], ["--json"]):
        code, out, err = run(capsys, "classify", *scores, *extra)
        assert code == 1 and out == ""
        assert err.startswith("Điểm chưa đúng:") and message in err


def test_classify_a_mistyped_option_is_a_usage_error_but_a_negative_score_is_a_score(capsys):
    code, out, err = run(capsys, "classify", *B90, "--jsn")
    assert code == 2 and out == "" and "--jsn" in err
    code, _, err = run(capsys, "classify", "-5", *B90[1:])
    assert code == 1 and "nội dung 1: điểm -5 là số âm" in err


def test_classify_with_another_plan_and_a_missing_one(capsys):
    code, out, _ = run(capsys, "classify", "--plan", str(DATA / "ke-hoach-tieu-chi.yaml"), "--json", *B90)
    assert code == 0 and json.loads(out)["xep_loai"] == "B"
    code, out, err = run(capsys, "classify", "--plan", str(DATA / "khong-co.yaml"), *B90)
    assert code == 1 and out == "" and "không tìm thấy tệp" in err


def test_classify_as_a_separate_process_prints_one_json_line():
    proc = subprocess.run([sys.executable, "-m", "docgen", "classify", *B90, "--json"], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd="/")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1 and json.loads(proc.stdout)["xep_loai"] == "B"


def test_score_prints_the_ranked_table_and_the_nominee(capsys):
    code, out, _ = run(capsys, "score", str(DONG_ANH))
    assert code == 0
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Hạng"))
    rows = [line.split() for line in lines[header + 2: header + 6]]
    assert [(r[0], r[1], r[-2] if r[-1] == "*" else r[-1]) for r in rows] == [
        ("1", "co-loa", "A"), ("2", "uy-no", "A"), ("3", "viet-hung", "B"), ("4", "duc-tu", "C")]
    assert rows[0][-4:] == ["93,5", "93,5", "A", "*"]  # team and agreed totals, class, suggested
    assert "* Gợi ý đề nghị khen thưởng: Cổ Loa (93,5 điểm), tổng điểm cao nhất trong các đơn vị loại A." in out
    assert "Nội dung 3 đạt 18,5/25 điểm (74%) và nội dung 4 đạt 22/30 điểm (73,33%)" in out


def test_score_json_lists_every_commune_with_numbers(capsys):
    code, out, _ = run(capsys, "score", str(GIA_LAM), "--json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 3
    for item in data:
        assert {"ma", "ten", "tong_diem", "xep_loai", "hang", "tong_tu_cham", "tong_doan_cham"} <= set(item)
        for key in ("tong_diem", "tong_tu_cham", "tong_doan_cham", "hang"):
            assert isinstance(item[key], (int, float)) and not isinstance(item[key], bool), key
    assert [(d["ma"], d["tong_diem"], d["xep_loai"]) for d in data][0] == ("bat-trang", 85.5, "A")
    assert [d["ma"] for d in data if d["de_cu_goi_y"]] == ["bat-trang"]


def test_score_json_stays_clean_when_there_are_warnings(capsys):
    code, out, err = run(capsys, "score", str(DATA / "cum-tieu-chi.yaml"), "--json")
    assert code == 0 and "cảnh báo" in err  # no nominee recorded yet: a warning, on stderr only
    assert [(d["ma"], d["tong_diem"], d["xep_loai"], d["hang"]) for d in json.loads(out)] == [
        ("phu-linh", 88, "A", 1), ("tien-duoc", 68, "C", 2), ("soc-son", 50, "D", 3)]


def test_score_a_file_with_a_bad_score_exits_1_with_its_place(capsys, tmp_path):
    text = (DATA / "cum-toi-thieu.yaml").read_text(encoding="utf-8")
    text = text.replace("ke_hoach: ../../inputs/ke-hoach-2017.yaml", f"ke_hoach: {ROOT / 'inputs' / 'ke-hoach-2017.yaml'}")
    text = text.replace("thong_nhat: [4, 10, 18, 20, 6, 6, 4]", "thong_nhat: [4, 10, 18, 20, 6, 11, 4]")
    bad = tmp_path / "cum.yaml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "score", str(bad), "--json")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if "[4, 10, 18, 20, 6, 11, 4]" in s)
    col = text.splitlines()[line - 1].index("11") + 1
    assert code == 1 and out == ""
    assert f"{bad}:{line}:{col}: nội dung 6: 11 điểm vượt điểm tối đa 10." in err


def test_help_of_both_commands_has_examples(capsys):
    for command in ("classify", "score"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "Ví dụ:" in out and f"docgen {command} " in out


def test_score_of_a_two_tier_cluster_names_the_province(capsys):
    """A 2025 cluster has no district: the table is headed with the province, not a crash."""
    code, out, _ = run(capsys, "score", str(INPUTS / "2025" / "cum-so-1.yaml"))
    assert code == 0
    assert out.splitlines()[0].startswith("Cụm số 1, thành phố Hà Nội")
