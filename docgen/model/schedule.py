"""A cluster's visit schedule (Lịch kiểm tra): visits in order, self-report due dates, and the plan's "nên" rule."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from docgen.model.workdays import working_day_after, working_day_on_or_before
from docgen.vi import parse_date


@dataclass(frozen=True)
class Visit:
    """One visit of the team to a commune, with the day its self-report is due."""

    index: int  # position in the cluster file's don_vi list
    ma: str
    ngay: _dt.date
    gio: tuple[int, int] | None
    han_tu_cham: _dt.date  # the visit day minus the plan's lead days (3 in 2017), on a working day
    cum_truong: bool


def clock(value) -> tuple[int, int] | None:
    """'08:00', '8h30' → (8, 0), (8, 30); None when not given."""
    if value in (None, ""):
        return None
    m = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(value).strip())
    return (int(m[1]), int(m[2])) if m else None


def lead_days(plan: dict) -> int:
    return int(plan["thoi_gian"]["so_ngay_gui_tu_cham_truoc_kiem_tra"])


def due_date(visit: _dt.date, days: int) -> _dt.date:
    """The self-report deadline: `days` before the visit; on a day off, the working day before it
    (sending earlier still keeps the plan's "trước 03 ngày")."""
    return working_day_on_or_before(visit - _dt.timedelta(days=days))


def visits(plan: dict, cluster: dict) -> list[Visit]:
    """Every visit in the order it happens: by day, then start time, then the file's order."""
    leader = cluster["cum"]["cum_truong"]
    days = lead_days(plan)
    out = []
    for i, unit in enumerate(cluster["don_vi"]):
        day = parse_date(unit["ngay_kiem_tra"])
        out.append(Visit(i, unit["ma"], day, clock(unit.get("gio_bat_dau")),
                         due_date(day, days), unit["ma"] == leader))
    return sorted(out, key=lambda v: (v.ngay, v.gio or (99, 99), v.index))


_DECISION_DATE = re.compile(r"ngày\s+(\d{1,2}/\d{1,2}/\d{4})")


def decision_date(cluster: dict) -> _dt.date | None:
    """The date of the decision forming the cluster, read from its citation ('… ngày 18/8/2017 …')."""
    m = _DECISION_DATE.search(str((cluster.get("cum") or {}).get("quyet_dinh_thanh_lap") or ""))
    try:
        return parse_date(m[1]) if m else None
    except ValueError:
        return None


def issue_date(cluster: dict, order: list[Visit]) -> _dt.date | None:
    """The Lịch's own date: the file's `lich_kiem_tra.ngay`; else the first working day after the
    district's decision forming the cluster (the leader exists from that decision and schedules at once,
    plan III.3.a); else one week before the first self-report deadline, on a working day, so members
    have time to prepare. Never after the first deadline."""
    given = (cluster.get("lich_kiem_tra") or {}).get("ngay")
    if given:
        return parse_date(given)
    if not order:
        return None
    first_due = min(v.han_tu_cham for v in order)
    m = _DECISION_DATE.search(str((cluster.get("cum") or {}).get("quyet_dinh_thanh_lap") or ""))
    if m:
        day = working_day_after(parse_date(m[1]))
        if day <= first_due:
            return day
    return working_day_on_or_before(first_due - _dt.timedelta(days=7))
