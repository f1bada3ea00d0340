"""render.compiled.is_plain: plain data takes the fast path; anything docxtpl treats specially, or a context
that holds itself, takes the plain one (and never overflows the recursion limit)."""
from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from docxtpl import RichText
from markupsafe import Markup

from docgen.render import compiled


class Sub(dict):
    pass


@pytest.mark.parametrize("value", [
    {"a": [1, (2.5, {"b": None})], "c": True}, "x", Decimal("9.5"), datetime.date(2017, 9, 16),
    datetime.time(8, 0), Markup("<b>"), Sub(a=[1]), [[[[]]]], {},
])
def test_plain_data(value):
    assert compiled.is_plain(value)


@pytest.mark.parametrize("value", [
    {1: "x"}, {"a": object()}, {"a": [RichText("x")]}, {"a": {"b": {b"k"}}}, b"bytes", [{"a": 1}, print],
])
def test_not_plain(value):
    assert not compiled.is_plain(value)


def test_a_context_that_holds_itself_or_nests_deeply_gives_an_answer():
    loop: list = []
    loop.append(loop)
    assert not compiled.is_plain({"a": loop})
    deep: list = []
    for _ in range(50_000):  # far past Python's recursion limit
        deep = [deep]
    assert compiled.is_plain(deep)
