"""render.workbook makes each tally as openpyxl's own API would (every cell styled through it, the workbook
saved by openpyxl's save), without a temporary file: the same bytes, for every sample tally."""
from __future__ import annotations

import io

import pytest
from conftest import DONG_ANH, GIA_LAM, cluster_specs, level_specs

from docgen.context import tallies
from docgen.render import package, workbook


def sample_books():
    books = [tallies.cluster_workbook(s) for s in cluster_specs([DONG_ANH, GIA_LAM]) if s.template == "phu-luc-02.docx"]
    for s in level_specs():
        if s.template == "bao-cao-tong-hop-huyen.docx":
            books.append(tallies.district_workbook(s))
        elif s.template == "bao-cao-tong-hop-thanh-pho.docx":
            books.append(tallies.city_workbook(s))
    return books


def openpyxl_own(book) -> bytes:
    """The tally through openpyxl's public API only: each style set on each cell, wb.save."""

    class Plain(workbook._Styles):
        def apply(self, cell, **style):
            for name, value in style.items():
                setattr(cell, name, value)

    saved = workbook._Styles, workbook._save
    workbook._Styles = Plain

    def save(wb):
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    workbook._save = save
    try:
        return workbook.render(book)
    finally:
        workbook._Styles, workbook._save = saved


def test_the_same_bytes_as_openpyxls_own_api_for_every_sample_tally(monkeypatch, tmp_path):
    books = sample_books()
    kinds = {b.file_name for b in books}
    assert len(books) >= 4 and len(kinds) >= 3  # the cluster's, a district's and a city's tallies
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # where openpyxl would put its temporary files
    for book in books:
        fast = workbook.render(book)
        assert list(tmp_path.iterdir()) == [], "a temporary file was made"
        assert fast == openpyxl_own(book), book.file_name
        assert fast == package.normalize_zip(fast)  # written as docgen writes every zip


def test_a_tally_is_made_without_a_temporary_file(monkeypatch):
    from openpyxl.worksheet import _writer

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl made a temporary file")

    monkeypatch.setattr(_writer, "create_temporary_file", refuse)
    book = sample_books()[0]
    assert workbook.render(book)[:2] == b"PK"
    with pytest.raises(AssertionError):
        openpyxl_own(book)
