"""render.compiled._fix_tables gives docxtpl's fix_tables tree, whether a table needs its grid fitted or not."""
from __future__ import annotations

import pytest
from docxtpl import DocxTemplate
from lxml import etree

from docgen.render import compiled

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def cell(span=None, text="x"):
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span is not None else ""
    return f"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def table(grid, *rows):
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"


CASES = {
    "fits": table([3000, 3000], [cell(), cell()], [cell(2)]),
    "a row with more cells than the grid": table([3000, 3000], [cell(), cell(), cell()]),
    "every row narrower than the grid": table([2000, 2000, 2000], [cell(), cell()]),
    "spans fill the grid": table([2000, 2000, 2000], [cell(2), cell()]),
    "no row": table([2000, 2000]),
    "a span written oddly": table([2000, 2000], [cell(" 2")]),
    "nested": table([4000, 4000], [cell(), "<w:tc>" + table([1000], [cell(), cell()]) + "<w:p/></w:tc>"]),
    "no table": "<w:p><w:r><w:t>x</w:t></w:r></w:p>",
}


@pytest.mark.parametrize("name", list(CASES))
def test_same_tree_as_docxtpl(name):
    xml = f"<w:body {W}>{CASES[name]}<w:sectPr/></w:body>"
    expected = etree.tostring(DocxTemplate(None).fix_tables(xml))
    assert etree.tostring(compiled._fix_tables(xml)) == expected
