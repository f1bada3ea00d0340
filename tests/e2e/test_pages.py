"""Every sample document as LibreOffice prints it, page by page: no page holding only the closing sentence
and the signatures, no table header or heading alone at a page foot, no short table split, and the
one-page letters on one page (checks in pages_check.py)."""
from __future__ import annotations

import shutil

import pytest
import pages_check
from conftest import to_pdf

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def printed(built, chain_built, tmp_path_factory) -> list:
    """[(docx, pdf)] for every document docgen makes from the samples, converted in one LibreOffice run
    (copied first under '<folder>--<name>' so that names cannot clash)."""
    out = tmp_path_factory.mktemp("pages")
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    files += [f for group in chain_built.values() for f in group]
    copies = []
    for f in dict.fromkeys(files):
        copy = out / f"{f.parent.name}--{f.name}"
        shutil.copyfile(f, copy)
        copies.append(copy)
    return list(zip(copies, to_pdf(copies, out)))


def _found(printed, *checks) -> list[str]:
    return [f"{d.name}: {m}" for d, pdf in printed for check in checks for m in check(d, pdf)]


def test_no_page_holds_only_the_closing_and_the_signatures(printed):
    assert not _found(printed, pages_check.closing_alone)


def test_no_table_header_or_heading_alone_at_a_page_foot_and_short_tables_whole(printed):
    assert not _found(printed, pages_check.alone_at_foot, pages_check.split_short_table)


def test_letters_fit_on_one_page(printed):
    letters = [d for d, _ in printed if pages_check.ONE_PAGE.search(d.name)]
    assert len(letters) >= 6  # every cluster's công văn and each district's
    assert not _found(printed, pages_check.one_page)


def test_no_agency_name_is_wrapped_in_the_header(printed):
    headed = [d for d, _ in printed if "ỦY BAN NHÂN DÂN" in pages_check.pages(d.with_suffix(".pdf"))[0]]
    assert len(headed) >= 20
    assert not _found(printed, pages_check.header_wrapped)
