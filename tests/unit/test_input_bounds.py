"""Bounds on what a file can ask for: each refused at once, before conversion, at its line and column."""
from __future__ import annotations

import pytest
from conftest import DATA

from docgen.errors import InputError
from docgen.load import limits, reader

BASE = (DATA / "cum-goc.yaml").read_text(encoding="utf-8")


def refused(text: str) -> list:
    with pytest.raises(InputError) as e:
        reader.load_text(text, "x.yaml")
    return e.value.issues


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first `needle` in `text`."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize("number, why", [
    ("5.0e-999999999", "số mũ quá lớn"),
    ("1.5e16", "số mũ quá lớn"),
    ("9" * 5000, "5000 chữ số"),
    ("1234567890123456.5", "17 chữ số"),
])
def test_a_number_too_long_or_too_far_is_refused_where_it_stands(number, why):
    text = BASE.replace("tu_cham: [", f"tu_cham: [{number}, ", 1)
    issues = refused(text)
    assert len(issues) == 1 and why in issues[0].message and "ngoặc kép" in issues[0].message
    assert (issues[0].line, issues[0].column) == at(text, number)
    assert issues[0].pointer.endswith("diem.tu_cham[0]")
    assert len(issues[0].message) < 300  # the number is shown cut short, never printed whole


def test_tagged_numbers_are_bounded_too():
    assert "chữ số" in refused("a: !!int " + "7" * 40 + "\n")[0].message


def test_numbers_within_bounds_are_read_exactly():
    data = reader.load_text("a: 123456789012345\nb: 1.5e15\nc: 0.25\nd: 1.0e-3\n", "x.yaml").data
    assert data["a"] == 123456789012345 and str(data["c"]) == "0.25"
    assert data["b"] == 1.5e15 and str(data["d"]) == "0.0010"


def test_a_list_too_long_is_refused_before_its_items_are_read():
    text = BASE.replace("thong_nhat: [", "thong_nhat: [" + "1, " * (limits.MAX_ITEMS + 1), 1)
    issues = refused(text)
    assert len(issues) == 1 and "quá giới hạn 500 mục" in issues[0].message
    assert (issues[0].line, issues[0].column) == at(text, "[1, 1")
    assert issues[0].pointer.endswith("diem.thong_nhat")


def test_a_group_with_too_many_keys_is_refused():
    text = "loai_tep: cum\nx:\n" + "".join(f"  k{i}: 1\n" for i in range(limits.MAX_ITEMS + 1))
    issues = refused(text)
    assert "501 khóa" in issues[0].message and (issues[0].line, issues[0].column) == (3, 3)


def test_a_text_too_long_is_refused_with_its_place():
    long_text = "Kết luận rất dài. " * 600
    text = BASE.replace("  ten: Cụm số 3\n", f"  ten: {long_text}\n", 1)
    issues = refused(text)
    assert "quá giới hạn 10.000 ký tự" in issues[0].message
    assert (issues[0].line, issues[0].column) == at(text, long_text)
    assert issues[0].pointer == "cum.ten"


def test_a_key_too_long_is_refused():
    issues = refused("loai_tep: cum\n" + "k" * 500 + ": 1\n")
    assert "tên khóa dài 500 ký tự" in issues[0].message and issues[0].line == 2


def test_aliases_are_bounded_after_expansion():
    """Ten levels of ten aliases would be 10**10 values; five levels (111,110) already pass the bound."""
    text = "loai_tep: cum\na0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
    for n in range(1, 5):
        text += f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]\n"
    issues = refused(text)
    assert "bí danh" in issues[0].message and issues[0].line is not None


def test_a_file_over_the_size_bound_is_refused_unread(tmp_path):
    path = tmp_path / "cum.yaml"
    path.write_text("loai_tep: cum\n" + "# chú thích\n" * (limits.MAX_BYTES // 10), encoding="utf-8")
    with pytest.raises(InputError) as e:
        reader.load_file(path)
    assert "tệp quá lớn" in e.value.issues[0].message and e.value.issues[0].source == str(path)
