"""Working days: deadlines in the Lịch fall on working days, visits and meetings on a day off warn, the Lịch is dated."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import DONG_ANH_DIR, GIA_LAM_DIR, INPUTS, copy_yaml, unit, warnings_of

from docgen.levels import cluster
from docgen.model import schedule, workdays

D = dt.date


def test_public_holidays_of_the_labour_code():
    off = workdays.holidays(2025)
    assert {D(2025, 1, 1), D(2025, 1, 28), D(2025, 1, 29), D(2025, 2, 1), D(2025, 4, 7), D(2025, 4, 30),
            D(2025, 5, 1), D(2025, 9, 1), D(2025, 9, 2)} <= off
    assert D(2025, 2, 2) not in off and D(2025, 9, 3) not in off
    assert D(2017, 9, 1) not in workdays.holidays(2017)  # one Quốc khánh day before the 2019 Code
    assert workdays.day_off(D(2026, 2, 17)) == "Tết Nguyên đán"
    assert workdays.day_off(D(2026, 4, 24)) is None  # Friday before Giỗ Tổ (Sunday 26/4/2026)
    assert workdays.day_off(D(2017, 10, 7)) == "Thứ Bảy"


def test_every_year_of_the_table_and_a_clear_error_beyond_it():
    for year in range(2017, 2031):
        assert len(workdays.holidays(year)) >= 10
    with pytest.raises(workdays.CalendarRangeError) as e:
        workdays.day_off(D(2031, 9, 2))
    assert "2017–2030" in e.value.message and "2031" in e.value.message


def test_a_deadline_on_a_day_off_moves_to_the_working_day_before():
    assert schedule.due_date(D(2017, 10, 11), 3) == D(2017, 10, 6)  # 08/10 is a Sunday
    assert schedule.due_date(D(2025, 9, 5), 3) == D(2025, 8, 29)  # 02/9 and 01/9 are Quốc khánh, 31/8 Sunday
    assert schedule.due_date(D(2017, 10, 13), 3) == D(2017, 10, 10)  # a Tuesday stays


def test_no_sample_deadline_falls_on_a_day_off():
    files = sorted((INPUTS / "2017").rglob("cum-*.yaml")) + sorted((INPUTS / "2025").glob("cum-*.yaml"))
    for f in files:
        c = cluster.check_cluster(f)
        for v in schedule.visits(c.plan.data, c.cluster.data):
            assert workdays.day_off(v.han_tu_cham) is None, (f, v)
            assert (v.ngay - v.han_tu_cham).days >= 3


def test_a_visit_or_meeting_on_a_day_off_is_a_warning_at_its_field(tmp_path):
    def weekend(d):
        unit(d, "duc-tu").update(ngay_kiem_tra="2017-10-14", ngay_gui_tu_cham="2017-10-10")
        d["hop_cum"]["ngay"] = "2017-10-15"
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml", weekend)
    found = [w for w in warnings_of(f) if "ngày nghỉ" in w.message]
    assert [w.pointer for w in found] == ["don_vi[2].ngay_kiem_tra", "hop_cum.ngay"]
    assert "14/10/2017 là ngày nghỉ (Thứ Bảy)" in found[0].message and found[0].line


def test_a_holiday_visit_is_a_warning(tmp_path):
    f = copy_yaml(INPUTS / "2025" / "cum-so-2.yaml", tmp_path / "cum.yaml",
                  lambda d: d["don_vi"][0].update(ngay_kiem_tra="2025-09-02", ngay_gui_tu_cham="2025-08-29"))
    assert any("(Quốc khánh)" in w.message for w in warnings_of(f))


def test_the_schedule_is_dated_when_the_file_gives_no_date():
    c = cluster.check_cluster(DONG_ANH_DIR / "cum-so-1.yaml")  # decision 18/8/2017 (Friday)
    order = schedule.visits(c.plan.data, c.cluster.data)
    assert schedule.issue_date(c.cluster.data, order) == D(2017, 8, 21)
    g = cluster.check_cluster(GIA_LAM_DIR / "cum-so-1.yaml")  # no decision date: a week before 15/9/2017
    assert schedule.issue_date(g.cluster.data, schedule.visits(g.plan.data, g.cluster.data)) == D(2017, 9, 8)

