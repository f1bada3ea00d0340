"""Scores as clerks write them in a cluster file: bad ones located by line:col, criteria, ranking, nominee."""
from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA, PLAN_2017

from docgen.errors import ScoreError
from docgen.levels import any_file, cluster
from docgen.load import reader
from docgen.score import cluster as score_cluster
from docgen.score import rules

MINIMAL = DATA / "cum-toi-thieu.yaml"      # 2017 plan, content scores only
CRITERIA = DATA / "cum-tieu-chi.yaml"      # test plan with criteria under contents 3 and 4
CRITERIA_PLAN = DATA / "ke-hoach-tieu-chi.yaml"


def variant(tmp_path: Path, source: Path, old: str, new: str, plan: Path) -> tuple[Path, str]:
    """A copy of `source` with `old` replaced once by `new`, its plan path made absolute."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    text = re.sub(r"(?m)^ke_hoach: .*$", f"ke_hoach: {plan}", text)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path, text


def position(text: str, line_marker: str, token: str) -> tuple[int, int]:
    """Line and column (1-based) of `token` on the first line containing `line_marker`."""
    for n, line in enumerate(text.splitlines(), start=1):
        if line_marker in line:
            return n, line.index(token) + 1
    raise AssertionError(line_marker)


def errors(path: Path):
    return [i for i in any_file.check_file(path) if i.level == "error"]


# The agreed scores of the first commune of the minimal file, content 4 replaced by a bad value.
AGREED = "thong_nhat: [5, 12, 20, 25, 8, 8, 5]"


@pytest.mark.parametrize("bad, message", [
    ("-1", "Điểm thống nhất, nội dung thứ 4: điểm -1 là số âm; điểm phải từ 0 trở lên."),
    ('"-2,5"', "Điểm thống nhất, nội dung thứ 4: điểm -2,5 là số âm; điểm phải từ 0 trở lên."),
    ("31", "nội dung 4: 31 điểm vượt điểm tối đa 30."),
    ('"30,01"', "nội dung 4: 30,01 điểm vượt điểm tối đa 30."),
    ("abc", "Điểm thống nhất, nội dung thứ 4: 'abc' không phải là số điểm (viết ví dụ 10 hoặc 10,5)."),
    ("true", "Điểm thống nhất, nội dung thứ 4: 'true' không phải là số điểm (viết ví dụ 10 hoặc 10,5)."),
    ("24.125", "nội dung 4: điểm 24,125 có 3 chữ số thập phân; điểm chỉ ghi tối đa 2 chữ số thập phân."),
    ('"24,125"', "Điểm thống nhất, nội dung thứ 4: điểm 24,125 có 3 chữ số thập phân; điểm chỉ ghi tối đa 2 "
                 "chữ số thập phân."),
    ("~", "nội dung 4: chưa có điểm. Ghi điểm của nội dung, hoặc ghi điểm từng tiêu chí ở mục tieu_chi."),
])
def test_a_bad_content_score_is_an_error_at_its_line_and_column(tmp_path, bad, message):
    bad_line = f"thong_nhat: [5, 12, 20, {bad}, 8, 8, 5]"
    path, text = variant(tmp_path, MINIMAL, AGREED, bad_line, PLAN_2017)
    found = errors(path)
    assert [i.message for i in found] == [message]
    assert (found[0].line, found[0].column) == position(text, bad_line, bad)
    assert found[0].pointer == "don_vi[0].diem.thong_nhat[3]"
    assert found[0].format().startswith(f"{path}:{found[0].line}:{found[0].column}: ")


def test_a_wrong_count_of_scores_is_located_at_the_list(tmp_path):
    path, text = variant(tmp_path, MINIMAL, AGREED, "thong_nhat: [5, 12, 20, 25, 8, 8]", PLAN_2017)
    [e] = errors(path)
    assert e.message == "cần đúng 7 điểm (nội dung 1 đến 7), ở đây có 6."
    assert (e.line, e.column) == position(text, "thong_nhat: [5, 12, 20, 25, 8, 8]", "[")


# ---- criteria ----------------------------------------------------------------------------------

def test_criteria_scores_add_up_to_the_content_score_exactly():
    checked = cluster.check_cluster(CRITERIA)
    r = checked.result.by_code("phu-linh")
    assert r.thong_nhat[2] == Decimal(20)  # 7.3 + 6.1 + 5.9 + 0.7, left empty beside them
    assert sum([7.3, 6.1, 5.9, 0.7]) != 20  # what binary floats would have made of it
    assert r.tu_cham[2] == Decimal("24.5")  # 8 + 7 + 5.5 + 4
    assert r.thong_nhat[3] == Decimal(27)  # written 27 beside 9.5 + 8.5 + 6 + 3
    assert r.doan_cham[2] == Decimal(20)  # no team criteria: the content score as written
    assert r.tong_diem == Decimal(88) and r.xep_loai == "A"  # content 3 at exactly 80%
    assert r.tieu_chi[3]["thong_nhat"] == [Decimal("7.3"), Decimal("6.1"), Decimal("5.9"), Decimal("0.7")]
    assert checked.result.de_cu_goi_y == ["phu-linh"]


def test_a_content_score_written_beside_its_criteria_must_equal_their_sum(tmp_path):
    old = "thong_nhat: [5, 13, ~, 27, 9, 9, 5]"
    ok, _ = variant(tmp_path, CRITERIA, old, "thong_nhat: [5, 13, 20, 27, 9, 9, 5]", CRITERIA_PLAN)
    assert errors(ok) == []
    bad_line = "thong_nhat: [5, 13, 19.99, 27, 9, 9, 5]"
    path, text = variant(tmp_path, CRITERIA, old, bad_line, CRITERIA_PLAN)
    [e] = errors(path)
    assert e.message == ("nội dung 3: ghi 19,99 điểm nhưng tổng điểm các tiêu chí là 7,3 + 6,1 + 5,9 + 0,7 = 20. "
                         "Sửa cho khớp, hoặc để trống (~) để docgen tự cộng.")
    assert (e.line, e.column) == position(text, bad_line, "19.99")


CRIT_SELF = "tu_cham: [8, 7, 5.5, 4]"


@pytest.mark.parametrize("new, token, message", [
    ("tu_cham: [8, 7.5, 5.5, 4]", "7.5",
     "nội dung 3, tiêu chí 2 (Công tác quản lý văn bản đến, văn bản đi): 7,5 điểm vượt điểm tối đa 7."),
    ("tu_cham: [8, -1, 5.5, 4]", "-1", "Điểm tự chấm, nội dung 3, tiêu chí thứ 2: điểm -1 là số âm; điểm phải từ "
                                       "0 trở lên."),
    ("tu_cham: [8, bảy, 5.5, 4]", "bảy", "Điểm tự chấm, nội dung 3, tiêu chí thứ 2: 'bảy' không phải là số điểm "
                                         "(viết ví dụ 10 hoặc 10,5)."),
    ("tu_cham: [8, 6.999, 5.5, 4]", "6.999",
     "nội dung 3, tiêu chí 2 (Công tác quản lý văn bản đến, văn bản đi): điểm 6,999 có 3 chữ số thập phân; "
     "điểm chỉ ghi tối đa 2 chữ số thập phân."),
    ("tu_cham: [8, 7, 5.5]", "[", "nội dung 3 có 4 tiêu chí trong Kế hoạch, ở đây có 3 điểm."),
])
def test_a_bad_criterion_score_is_an_error_at_its_line_and_column(tmp_path, new, token, message):
    path, text = variant(tmp_path, CRITERIA, CRIT_SELF, new, CRITERIA_PLAN)
    [e] = errors(path)
    assert e.message == message
    assert (e.line, e.column) == position(text, new, token)


@pytest.mark.parametrize("key, message", [
    ('"9"', "không có nội dung số 9 trong Kế hoạch (các nội dung: 1, 2, 3, 4, 5, 6, 7)."),
    ('"2"', "Kế hoạch không chia nội dung 2 thành tiêu chí nên không chấm theo tiêu chí được. Bỏ mục này, hoặc "
            "thêm tiêu chí vào nội dung đó trong tệp Kế hoạch."),
    ('"bốn"', "khóa 'bốn' của 'Điểm theo tiêu chí' (`tieu_chi`) phải là số thứ tự của một nội dung, viết trong "
              "ngoặc kép, ví dụ \"3\"."),
])
def test_criteria_of_a_content_the_plan_does_not_split_are_an_error_at_the_key(tmp_path, key, message):
    path, text = variant(tmp_path, CRITERIA, '        "4":', f"        {key}:", CRITERIA_PLAN)
    [e] = errors(path)
    assert e.message == message
    assert (e.line, e.column) == position(text, f"        {key}:", key)


def test_a_content_key_with_no_scores_under_it_is_an_error(tmp_path):
    old = '        "4":\n          thong_nhat: [9.5, 8.5, 6, 3]\n'
    path, text = variant(tmp_path, CRITERIA, old, '        "4": {}\n', CRITERIA_PLAN)
    [e] = errors(path)
    assert e.message == ("'Điểm các tiêu chí của một nội dung' (`4`) không được để trống: ghi ít nhất một trong "
                         "tu_cham, doan_cham, thong_nhat.")
    assert (e.line, e.column) == position(text, '"4": {}', "{")


def test_an_empty_content_score_needs_criteria_of_the_same_kind(tmp_path):
    # content 4 has agreed criteria only: its team score cannot be left empty
    old = "doan_cham: [5, 13, 20, 27, 9, 9, 5]"
    new = "doan_cham: [5, 13, 20, ~, 9, 9, 5]"
    path, text = variant(tmp_path, CRITERIA, old, new, CRITERIA_PLAN)
    [e] = errors(path)
    assert e.message.startswith("nội dung 4: chưa có điểm.")
    assert (e.line, e.column) == position(text, new, "~")


def test_criteria_maxima_must_add_up_to_the_content_max(tmp_path):
    text = CRITERIA_PLAN.read_text(encoding="utf-8")
    old = "        diem_toi_da: 3.5\n"
    assert text.count(old) == 1
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text.replace(old, "        diem_toi_da: 3\n"), encoding="utf-8")
    [e] = [i for i in any_file.check_file(path) if i.level == "error"]
    assert e.message == "nội dung 4: tổng điểm tối đa các tiêu chí là 29,5, khác điểm tối đa của nội dung (30)."
    assert e.pointer == "noi_dung[3].tieu_chi"
    assert e.line == text.splitlines().index("    tieu_chi:", text.splitlines().index("  - so: 4")) + 2


def test_the_2017_plan_has_no_invented_criteria():
    assert all(not c.get("tieu_chi") for c in reader.load_file(PLAN_2017).data["noi_dung"])


# ---- the cluster: ranking and the suggested nominee ------------------------------------------

RULES = rules.rules_from_plan(reader.load_file(PLAN_2017).data)
BASE = reader.load_file(MINIMAL).data


def cluster_with(agreed: dict) -> dict:
    """The minimal cluster with the given agreed scores per commune code (self and team set equal)."""
    data = copy.deepcopy(BASE)
    data["don_vi"].append({**copy.deepcopy(data["don_vi"][0]), "ma": "hong-ky", "ten": "Hồng Kỳ"})
    for unit in data["don_vi"]:
        s = agreed[unit["ma"]]
        unit["diem"] = {"tu_cham": s, "doan_cham": s, "thong_nhat": s}
    return data


A88 = [5, 13, 22, 26, 8, 9, 5]      # 88, A
A88b = [5, 14, 21, 26, 8, 9, 5]     # 88, A (another way)
A86 = [5, 13, 22, 25, 8, 8, 5]      # 86, A
B90 = [5, 10.5, 25, 30, 10, 7, 2.5]  # 90, B: the highest total is not A
C60 = [1, 1, 25, 30, 1, 1, 1]        # 60, C


def test_ranking_shares_a_rank_on_equal_totals_and_the_tie_is_reported():
    result = score_cluster.score_cluster(RULES, cluster_with(
        {"phu-linh": A86, "tien-duoc": A88, "soc-son": A88b, "hong-ky": C60}))
    assert {r.ma: r.hang for r in result.don_vi} == {"tien-duoc": 1, "soc-son": 1, "phu-linh": 3, "hong-ky": 4}
    assert [r.ma for r in result.ranked()] == ["tien-duoc", "soc-son", "phu-linh", "hong-ky"]
    assert result.de_cu_goi_y == ["tien-duoc", "soc-son"] and result.tied
    assert result.nomination_text() == ("Có 2 đơn vị loại A bằng điểm cao nhất (88 điểm): Tiên Dược và Sóc Sơn. "
                                   "Cụm biểu quyết chọn 1 đơn vị để đề nghị khen thưởng.")


def test_the_nominee_is_the_highest_total_among_class_a_not_overall():
    result = score_cluster.score_cluster(RULES, cluster_with(
        {"phu-linh": A86, "tien-duoc": B90, "soc-son": A88, "hong-ky": C60}))
    assert result.by_code("tien-duoc").hang == 1 and result.by_code("tien-duoc").xep_loai == "B"
    assert result.de_cu_goi_y == ["soc-son"] and not result.tied
    assert result.nomination_text() == ("Gợi ý đề nghị khen thưởng: Sóc Sơn (88 điểm), tổng điểm cao nhất trong các "
                                   "đơn vị loại A.")


def test_no_nominee_when_no_commune_is_class_a():
    result = score_cluster.score_cluster(RULES, cluster_with(
        {"phu-linh": B90, "tien-duoc": C60, "soc-son": C60, "hong-ky": [0] * 7}))
    assert result.de_cu_goi_y == [] and not result.tied
    assert result.nomination_text() == "Không có đơn vị nào đạt loại A nên Cụm không đề nghị khen thưởng tập thể."


def test_score_cluster_refuses_unvalidated_bad_scores():
    data = cluster_with({"phu-linh": A86, "tien-duoc": [5, 13, 22, 31, 8, 8, 5], "soc-son": A88, "hong-ky": C60})
    with pytest.raises(ScoreError) as e:
        score_cluster.score_cluster(RULES, data)
    assert [i.pointer for i in e.value.issues] == [f"don_vi[1].diem.{k}[3]" for k in ("tu_cham", "doan_cham",
                                                                                      "thong_nhat")]
    assert "31 điểm vượt điểm tối đa 30" in e.value.issues[0].message


NOMINEE_AT = "hop_cum:\n  ngay: 20/10/2017\n"


def test_a_recorded_nominee_not_of_class_a_is_an_error_at_its_line(tmp_path):
    # No commune of the minimal file is A: Phù Linh 83 (B), Tiên Dược 68 (C), Sóc Sơn 50 with content 3 at 48% (D).
    new = NOMINEE_AT + "  de_nghi_tap_the:\n    don_vi: tien-duoc\n"
    path, text = variant(tmp_path, MINIMAL, NOMINEE_AT, new, PLAN_2017)
    [e] = errors(path)
    assert e.message.startswith("UBND xã Tiên Dược xếp loại C (68 điểm); theo Kế hoạch chỉ đơn vị đạt loại A mới được "
                                "đề nghị khen thưởng tập thể.")
    assert "không có đơn vị nào đạt loại A" in e.message
    assert (e.line, e.column) == position(text, "    don_vi: tien-duoc", "tien-duoc")


def test_a_recorded_nominee_of_class_a_passes_and_a_missing_one_is_suggested(tmp_path):
    new = NOMINEE_AT + "  de_nghi_tap_the:\n    don_vi: phu-linh\n"
    path, _ = variant(tmp_path, CRITERIA, NOMINEE_AT, new, CRITERIA_PLAN)
    assert any_file.check_file(path) == []
    warnings = any_file.check_file(CRITERIA)
    assert [w.level for w in warnings] == ["warning"]
    assert "gợi ý: Phù Linh" in warnings[0].message
