"""Two-tier communes exist from 01/7/2025: no award years or evaluated periods before that."""
from __future__ import annotations

from docgen.model import tiers


def test_two_tier_units_have_no_years_before_the_reform():
    two = {"nam": 2025, "cap_chinh_quyen": "hai_cap"}
    assert tiers.history_years(two) == []
    assert tiers.history_years({**two, "nam": 2026}) == ["2025"]
    assert tiers.history_years({"nam": 2017, "cap_chinh_quyen": "ba_cap"}) == ["2014", "2015", "2016"]
    assert tiers.periods_before_the_units(two, "năm 2023, năm 2024 và 8 tháng đầu năm 2025") == [
        "2023", "2024", "8 tháng đầu năm 2025"]
    assert tiers.periods_before_the_units(two, "từ ngày 01/7/2025 đến hết tháng 8 năm 2025") == []
    assert tiers.periods_before_the_units({**two, "cap_chinh_quyen": "ba_cap"}, "năm 2015") == []
