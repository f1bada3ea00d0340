"""File names docgen writes: slugs are safe ASCII, and a name that could leave the folder is refused."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen import vi
from docgen.errors import OutputError
from docgen.output import write


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_a_slug_is_always_a_safe_ascii_file_name(text):
    s = vi.slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) and ".." not in s
    write.check_name(s + ".docx")


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", "a\\b.docx", ".an.docx", "Cổ-loa.docx", "x..docx", ""])
def test_unsafe_file_names_are_refused(name):
    with pytest.raises(OutputError):
        write.check_name(name)


def test_slugs_of_vietnamese_names():
    assert [vi.slug(t) for t in ["Cổ Loa", "Đông Anh", "Uy Nỗ", "Cụm số 1", "Thị trấn Trâu Quỳ"]] == \
        ["co-loa", "dong-anh", "uy-no", "cum-so-1", "thi-tran-trau-quy"]
