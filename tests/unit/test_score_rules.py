"""The plan's classification (section III.3.d), condition by condition, at its boundaries; and its reasons.

Every row changes one score of a base set that meets everything else, so the row's class is decided
by the one condition it names. The expected classes are worked out by hand from the plan's words
(domain.md: "trên" is strict, "từ ... trở lên" and "đạt 50%" are inclusive, performed = above 0).
"""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from conftest import PLAN_2017
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.errors import DocgenError, ScoreError
from docgen.load import reader
from docgen.score import classify
from docgen.score import rules as score_rules
from docgen.score.rules import ClassRule, Condition, Content, Rules

PLAN = reader.load_file(PLAN_2017).data
RULES = score_rules.rules_from_plan(PLAN)
MAXES = [5, 15, 25, 30, 10, 10, 5]


def with_score(base, content, value):
    out = list(base)
    out[content - 1] = value
    return out


# Bases: each meets every condition of its class with room to spare, except the one a row moves.
FULL = [5, 15, 25, 30, 10, 10, 5]      # 100, A
T85 = [5, 12, 22, 26, 8, 7, 5]         # 85 exactly, A (c6 carries the total's boundary)
BB = [4, 11, 21, 25, 8, 6, 4]          # 79, B
T70 = [2.5, 10, 17, 26, 7, 5, 2.5]     # 70 exactly, B (c4 carries the total's boundary)
CC = [2, 2, 13, 16, 9, 8, 0]           # 50 exactly, C, 6 of 7 performed (c6 carries the total)
C34 = [5, 10, 20, 20, 5, 5, 5]         # C's "contents 3 and 4 above 50%" (with 3 or 4 moved)

BOUNDARIES = [
    # --- A: total from 85
    ("A total 84.99", with_score(T85, 6, "6.99"), "B"),
    ("A total 85", T85, "A"),
    ("A total 85.01", with_score(T85, 6, "7.01"), "A"),
    # --- A: every content at least 50% (inclusive); B needs it too, so missing it falls to C
    ("A c1 2.49 (49.8%)", with_score(FULL, 1, "2.49"), "C"),
    ("A c1 2.5 (50%)", with_score(FULL, 1, "2.5"), "A"),
    ("A c1 2.51", with_score(FULL, 1, "2.51"), "A"),
    ("A c6 4.99", with_score(FULL, 6, "4.99"), "C"),
    ("A c6 5", with_score(FULL, 6, "5"), "A"),
    ("A c6 5.01", with_score(FULL, 6, "5.01"), "A"),
    ("A c7 2.49", with_score(FULL, 7, "2.49"), "C"),
    ("A c7 2.5", with_score(FULL, 7, "2.5"), "A"),
    ("A c7 2.51", with_score(FULL, 7, "2.51"), "A"),
    # --- A: contents 2 and 5 above 70% (strict)
    ("A c2 10.49", with_score(FULL, 2, "10.49"), "B"),
    ("A c2 10.5 (70%)", with_score(FULL, 2, "10.5"), "B"),
    ("A c2 10.51", with_score(FULL, 2, "10.51"), "A"),
    ("A c5 6.99", with_score(FULL, 5, "6.99"), "B"),
    ("A c5 7 (70%)", with_score(FULL, 5, "7"), "B"),
    ("A c5 7.01", with_score(FULL, 5, "7.01"), "A"),
    # --- A: contents 3 and 4 from 80% (inclusive)
    ("A c3 19.99", with_score(FULL, 3, "19.99"), "B"),
    ("A c3 20 (80%)", with_score(FULL, 3, "20"), "A"),
    ("A c3 20.01", with_score(FULL, 3, "20.01"), "A"),
    ("A c4 23.99", with_score(FULL, 4, "23.99"), "B"),
    ("A c4 24 (80%)", with_score(FULL, 4, "24"), "A"),
    ("A c4 24.01", with_score(FULL, 4, "24.01"), "A"),
    # --- B: total from 70
    ("B total 69.99", with_score(T70, 4, "25.99"), "C"),
    ("B total 70", T70, "B"),
    ("B total 70.01", with_score(T70, 4, "26.01"), "B"),
    # --- B: every content at least 50% (inclusive)
    ("B c1 2.49", with_score(BB, 1, "2.49"), "C"),
    ("B c1 2.5", with_score(BB, 1, "2.5"), "B"),
    ("B c1 2.51", with_score(BB, 1, "2.51"), "B"),
    ("B c6 4.99", with_score(BB, 6, "4.99"), "C"),
    ("B c6 5", with_score(BB, 6, "5"), "B"),
    ("B c6 5.01", with_score(BB, 6, "5.01"), "B"),
    # --- B: contents 2, 3, 4 and 5 above 65% (strict)
    ("B c2 9.74", with_score(BB, 2, "9.74"), "C"),
    ("B c2 9.75 (65%)", with_score(BB, 2, "9.75"), "C"),
    ("B c2 9.76", with_score(BB, 2, "9.76"), "B"),
    ("B c3 16.24", with_score(BB, 3, "16.24"), "C"),
    ("B c3 16.25 (65%)", with_score(BB, 3, "16.25"), "C"),
    ("B c3 16.26", with_score(BB, 3, "16.26"), "B"),
    ("B c4 19.49", with_score(BB, 4, "19.49"), "C"),
    ("B c4 19.5 (65%)", with_score(BB, 4, "19.5"), "C"),
    ("B c4 19.51", with_score(BB, 4, "19.51"), "B"),
    ("B c5 6.49", with_score(BB, 5, "6.49"), "C"),
    ("B c5 6.5 (65%)", with_score(BB, 5, "6.5"), "C"),
    ("B c5 6.51", with_score(BB, 5, "6.51"), "B"),
    # --- C: total from 50
    ("C total 49.99", with_score(CC, 6, "7.99"), "D"),
    ("C total 50", CC, "C"),
    ("C total 50.01", with_score(CC, 6, "8.01"), "C"),
    # --- C: contents 3 and 4 above 50% (strict)
    ("C c3 12.49", with_score(C34, 3, "12.49"), "D"),
    ("C c3 12.5 (50%)", with_score(C34, 3, "12.5"), "D"),
    ("C c3 12.51", with_score(C34, 3, "12.51"), "C"),
    ("C c4 14.99", with_score(C34, 4, "14.99"), "D"),
    ("C c4 15 (50%)", with_score(C34, 4, "15"), "D"),
    ("C c4 15.01", with_score(C34, 4, "15.01"), "C"),
    # --- performed count (agreed score above 0): C needs 5 of 7, A and B 7 of 7
    ("7 of 7 performed", [1, 1, 25, 30, 1, 1, 1], "C"),
    ("6 of 7 performed", [0, 1, 25, 30, 1, 1, 1], "C"),
    ("5 of 7 performed", [0, 0, 25, 30, 1, 1, 1], "C"),
    ("4 of 7 performed", [0, 0, 25, 30, 0, 1, 1], "D"),
    ("0.01 counts as performed", [0.01, 0, 25, 30, 0, 1, 1], "C"),
    ("0 is not performed", [0, 0, 25, 30, 0, 1, 1], "D"),
    ("95 points, 6 of 7 performed", [0, 15, 25, 30, 10, 10, 5], "C"),
    # --- the cascade: the highest class whose lower bound and conditions hold
    ("90 failing A's c2, meeting B", [5, 10.5, 25, 30, 10, 7, 2.5], "B"),
    ("90 failing A and B, meeting C", [2, 15, 25, 30, 10, 8, 0], "C"),
    ("87.5 with c3 at 50%: D", [5, 15, 12.5, 30, 10, 10, 5], "D"),
    # --- zeros and full marks
    ("all zero", [0, 0, 0, 0, 0, 0, 0], "D"),
    ("full marks", FULL, "A"),
]


@pytest.mark.parametrize("scores, expected", [(s, e) for _, s, e in BOUNDARIES], ids=[n for n, _, _ in BOUNDARIES])
def test_class_at_every_boundary(scores, expected):
    assert classify.classify(RULES, scores).xep_loai == expected


def test_the_table_covers_every_condition_of_every_class():
    """A new condition in the plan file without a row here fails this test (and reminds to add rows)."""
    names = " ".join(n for n, _, _ in BOUNDARIES)
    for rule in RULES.classes[:-1]:
        assert f"{rule.loai} total" in names
        for cond in rule.dieu_kien:  # each condition is moved on at least one content it names
            assert any(f"{rule.loai} c{n} " in names for n in cond.noi_dung), (rule.loai, cond)
    assert {"4 of 7 performed", "5 of 7 performed", "6 of 7 performed", "7 of 7 performed"} <= set(
        n for n, _, _ in BOUNDARIES)


@pytest.mark.parametrize("scores, total", [
    (T85, "85"), (with_score(T85, 6, "6.99"), "84.99"), (with_score(T85, 6, "7.01"), "85.01"), ([0] * 7, "0"),
])
def test_total_is_exact(scores, total):
    assert classify.classify(RULES, scores).tong_diem == Decimal(total)


def test_comma_and_dot_decimals_are_the_same_score():
    dot = classify.classify(RULES, ["5", "10.5", "25", "30", "10", "7", "2.5"])
    comma = classify.classify(RULES, ["5", "10,5", "25", "30", "10", "7", "2,5"])
    assert (comma.tong_diem, comma.xep_loai, comma.ly_do) == (dot.tong_diem, dot.xep_loai, dot.ly_do)
    assert comma.xep_loai == "B"
    assert classify.classify(RULES, ["5", "10,51", "25", "30", "10", "7", "2,5"]).xep_loai == "A"
    assert classify.classify(RULES, [" 5 ", "10,51", "25,00", "30", "10", "7", "2,50"]).tong_diem == Decimal("90.01")


def test_sums_that_binary_floats_get_wrong():
    # 85 exactly in decimal; binary floats add these up to 84.99999999999999 and would say B.
    scores = [4.1, 12.1, 22.1, 26.3, 8.1, 7.3, 5]
    assert sum(scores) < 85  # the trap is real
    c = classify.classify(RULES, scores)
    assert (c.tong_diem, c.xep_loai) == (Decimal(85), "A")
    assert classify.classify(RULES, [str(s).replace(".", ",") for s in scores]).xep_loai == "A"


def test_ten_steps_of_a_tenth_make_exactly_one():
    ten = tuple(range(1, 11))
    rules = Rules(tuple(Content(i, f"Nội dung {i}", Decimal("0.1")) for i in ten),
                  (ClassRule("A", Decimal(1), 10, (Condition(ten, False, Decimal(100)),)),
                   ClassRule("D", Decimal(0), 0, ())), "A")
    assert sum([0.1] * 10) != 1  # the trap is real
    for scores in ([0.1] * 10, ["0,1"] * 10, [Decimal("0.1")] * 10):
        c = classify.classify(rules, scores)
        assert (c.tong_diem, c.xep_loai) == (Decimal(1), "A")


def test_the_numbers_come_from_the_plan_file():
    plan = copy.deepcopy(PLAN)
    plan["xep_loai"][0]["tong_diem_tu"] = 80
    plan["xep_loai"][0]["dieu_kien"][1]["ty_le"] = 60
    rules = score_rules.rules_from_plan(plan)
    assert classify.classify(RULES, with_score(T85, 6, "6.99")).xep_loai == "B"
    assert classify.classify(rules, with_score(T85, 6, "6.99")).xep_loai == "A"
    assert classify.classify(rules, with_score(FULL, 2, "10.5")).xep_loai == "A"
    plan["xep_loai"][2]["so_noi_dung_thuc_hien_tu"] = 4
    assert classify.classify(score_rules.rules_from_plan(plan), [0, 0, 25, 30, 0, 1, 1]).xep_loai == "C"


# ---- reasons ----------------------------------------------------------------------------------

def reasons(scores):
    return classify.classify(RULES, scores).ly_do


def test_reason_for_a_strict_condition_missed_exactly_at_its_bound():
    r = reasons([5, 10.5, 25, 30, 10, 7, 2.5])
    assert "Nội dung 2 đạt 10,5/15 điểm (70%), chưa trên 70% nên chưa đạt loại A." in r


def test_reason_for_an_inclusive_condition_says_from_and_upwards():
    r = reasons(with_score(FULL, 3, "19.99"))
    assert "Nội dung 3 đạt 19,99/25 điểm (79,96%), chưa đạt từ 80% trở lên nên chưa đạt loại A." in r
    r = reasons(with_score(FULL, 1, "2.49"))
    assert "Nội dung 1 đạt 2,49/5 điểm (49,8%), chưa đạt từ 50% trở lên nên chưa đạt loại A." in r
    assert "Nội dung 1 đạt 2,49/5 điểm (49,8%), chưa đạt từ 50% trở lên nên chưa đạt loại B." in r


def test_reason_for_the_total_and_the_performed_count():
    assert "Tổng điểm 84,99 chưa đạt từ 85 điểm trở lên nên chưa đạt loại A." in reasons(with_score(T85, 6, "6.99"))
    r = reasons([0, 0, 25, 30, 0, 1, 1])
    assert ("Mới thực hiện 4/7 nội dung (nội dung 1, 2 và 5 được 0 điểm), chưa đủ 5/7 nên chưa đạt loại C."
            in r)
    assert "Mới thực hiện 6/7 nội dung (nội dung 1 được 0 điểm), chưa đủ 7/7 nên chưa đạt loại A." in reasons(
        [0, 15, 25, 30, 10, 10, 5])


def test_reasons_name_the_class_obtained_first_then_each_higher_class_missed():
    r = reasons([5, 10.5, 25, 30, 10, 7, 2.5])
    assert r[0].startswith("Đạt loại B: tổng điểm 90 (từ 70 điểm trở lên); thực hiện đủ 7/7 nội dung;")
    assert "nội dung 2, 3, 4 và 5 đều trên 65% điểm tối đa" in r[0]
    assert len(r) == 2  # B obtained, A missed for one reason only

    r = reasons([0] * 7)
    assert r[0] == "Xếp loại D vì chưa đạt điều kiện của loại cao hơn (tổng điểm 0)."
    for loai in "ABC":
        assert any(x.endswith(f"nên chưa đạt loại {loai}.") for x in r), loai
    assert not any("loại D" in x for x in r[1:])

    r = reasons(FULL)
    assert r == ["Đạt loại A: tổng điểm 100 (từ 85 điểm trở lên); thực hiện đủ 7/7 nội dung; cả 7 nội dung đều "
                 "đạt từ 50% điểm tối đa trở lên; nội dung 2 và 5 đều trên 70% điểm tối đa; nội dung 3 và 4 đều "
                 "đạt từ 80% điểm tối đa trở lên."]


def test_several_contents_missing_one_condition_make_one_sentence():
    r = reasons([4, 11, 19, 23, 8, 6, 4])
    assert ("Nội dung 3 đạt 19/25 điểm (76%) và nội dung 4 đạt 23/30 điểm (76,67%), đều chưa đạt từ 80% trở lên "
            "nên chưa đạt loại A.") in r
    r = reasons([0] * 7)
    assert ("Các nội dung 2 (0/15 điểm, 0%), 3 (0/25 điểm, 0%), 4 (0/30 điểm, 0%) và 5 (0/10 điểm, 0%) đều chưa "
            "trên 65% nên chưa đạt loại B.") in r
    assert "Chưa thực hiện nội dung nào (cả 7 nội dung được 0 điểm), chưa đủ 5/7 nên chưa đạt loại C." in r


def test_a_percentage_below_a_bound_never_reads_as_the_bound():
    # 199.99 of 250 is 79.996%: rounded to 2 decimals it would print "80%, chưa đạt từ 80%".
    rules = Rules((Content(1, "Nội dung 1", Decimal(250)),),
                  (ClassRule("A", Decimal(0), 0, (Condition((1,), False, Decimal(80)),)),
                   ClassRule("D", Decimal(0), 0, ())), "A")
    r = classify.classify(rules, ["199,99"]).ly_do
    assert "Nội dung 1 đạt 199,99/250 điểm (79,996%), chưa đạt từ 80% trở lên nên chưa đạt loại A." in r


# ---- bad scores --------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, message", [
    ("-1", "nội dung 4: điểm -1 là số âm"),
    (-0.5, "nội dung 4: điểm -0,5 là số âm"),
    ("30,5", "nội dung 4: 30,5 điểm vượt điểm tối đa 30."),
    (31, "nội dung 4: 31 điểm vượt điểm tối đa 30."),
    ("abc", "nội dung 4: 'abc' không phải là số điểm"),
    ("1e2", "nội dung 4: '1e2' không phải là số điểm"),
    (True, "nội dung 4: 'true' không phải là số điểm"),
    (None, "nội dung 4: chưa có điểm"),
    ("24,125", "nội dung 4: điểm 24,125 có 3 chữ số thập phân"),
    (Decimal("24.001"), "nội dung 4: điểm 24,001 có 3 chữ số thập phân"),
])
def test_a_bad_score_is_a_score_error_naming_the_content(bad, message):
    with pytest.raises(ScoreError) as e:
        classify.classify(RULES, with_score(FULL, 4, bad))
    assert message in e.value.message


@pytest.mark.parametrize("bad", ["abc", "-1", "24,125", None, True])
def test_a_bad_score_on_its_own_is_a_docgen_error_with_its_message(bad):
    """parse_score's errors share the root that the CLI turns into a message and exit code 1."""
    with pytest.raises(DocgenError) as e:
        score_rules.parse_score(bad)
    assert isinstance(e.value, ScoreError) and str(e.value) == e.value.message and e.value.lines() == [str(e.value)]


def test_every_bad_score_is_reported_at_once_and_the_count_is_checked():
    with pytest.raises(ScoreError) as e:
        classify.classify(RULES, ["-1", "x", 25])
    text = e.value.message
    assert "cần đúng 7 điểm" in text and "nội dung 1: điểm -1 là số âm" in text and "nội dung 2: 'x'" in text


def test_trailing_zeros_are_not_extra_decimals():
    assert classify.classify(RULES, ["5,00", "15.0", 25, 30, 10, 10, "5.000"]).tong_diem == 100


# ---- property --------------------------------------------------------------------------------

def scores_within_max():
    return st.tuples(*[st.integers(0, m * 100) for m in MAXES]).map(lambda t: [Decimal(k) / 100 for k in t])


@settings(max_examples=300, deadline=None)
@given(scores=scores_within_max(), data=st.data())
def test_raising_one_score_never_lowers_the_class(scores, data):
    i = data.draw(st.integers(0, 6), label="content index")
    room = MAXES[i] * 100 - int(scores[i] * 100)
    raised = list(scores)
    raised[i] = scores[i] + Decimal(data.draw(st.integers(0, room), label="raise (hundredths)")) / 100
    before = classify.classify_values(RULES, scores).xep_loai
    after = classify.classify_values(RULES, raised).xep_loai
    assert RULES.rank_of(after) <= RULES.rank_of(before), (scores, raised, before, after)


@settings(max_examples=100, deadline=None)
@given(scores=scores_within_max())
def test_text_with_a_comma_classifies_like_the_number(scores):
    texts = [format(s, "f").replace(".", ",") for s in scores]
    assert classify.classify(RULES, texts) == classify.classify_values(RULES, scores)
