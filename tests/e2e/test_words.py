"""Every sample document, read as words: one way of writing dates, no doubled word, no double brackets,
lists that end with '.', no '0 đơn vị' (issue 14, 'Words' and 'When')."""
from __future__ import annotations

import re

import pytest
from conftest import docx_text


@pytest.fixture(scope="module")
def texts(built, chain_built) -> dict[str, str]:
    """{document: its text}: the 2017 clusters of two districts, the districts, the city of 2017 and of
    2025 with its two-tier clusters, the plans of 2017 and 2026 and the blank Phụ lục 01."""
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    files += [f for group in chain_built.values() for f in group]
    assert len(files) > 60
    return {f"{f.parent.name}/{f.name}": docx_text(f) for f in files}


def found(texts, pattern, flags=0) -> list[str]:
    """'document: the words around each match' for every match of `pattern` in every document."""
    out = []
    for name, text in texts.items():
        for m in re.finditer(pattern, text, flags):
            out.append(f"{name}: …{text[max(0, m.start() - 40):m.end() + 20]}…")
    return out


def test_dates_in_digits_follow_the_place_date_rule(texts):
    """F-DATE-4 for every date, in words or digits: '16/9/2017', '05/10/2017', '23/01/2017';
    never '16/09/2017' nor '5/10/2017'."""
    bad = []
    for name, text in texts.items():
        for m in re.finditer(r"(?<![\d/])(\d{1,2})/ ?(\d{1,2})/(\d{4})(?!\d)", text):
            day, month = m[1], m[2]
            want_day = f"{int(day):02d}"
            want_month = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
            if (day, month) != (want_day, want_month) or " " in m[0]:
                bad.append(f"{name}: {m[0]}")
    assert not bad, bad[:20]
