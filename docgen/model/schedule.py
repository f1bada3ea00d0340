"""A cluster's visit schedule (Lịch kiểm tra): visits in order, self-report due dates, and the plan's "nên" rule."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from docgen.vi import parse_date


@dataclass(frozen=True)
class Visit:
    """One visit of the team to a commune, with the day its self-report is due."""

    index: int  # position in the cluster file's don_vi list
    ma: str
    ngay: _dt.date
    gio: tuple[int, int] | None
    han_tu_cham: _dt.date  # the visit day minus the plan's lead days (3 in 2017)
    cum_truong: bool


def clock(value) -> tuple[int, int] | None:
    """'08:00', '8h30' → (8, 0), (8, 30); None when not given."""
    if value in (None, ""):
        return None
    m = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(value).strip())
    return (int(m[1]), int(m[2])) if m else None


def lead_days(plan: dict) -> int:
    return int(plan["thoi_gian"]["so_ngay_gui_tu_cham_truoc_kiem_tra"])


def visits(plan: dict, cluster: dict) -> list[Visit]:
    """Every visit in the order it happens: by day, then start time, then the file's order."""
    leader = cluster["cum"]["cum_truong"]
    days = lead_days(plan)
    out = []
    for i, unit in enumerate(cluster["don_vi"]):
        day = parse_date(unit["ngay_kiem_tra"])
        out.append(Visit(i, unit["ma"], day, clock(unit.get("gio_bat_dau")),
                         day - _dt.timedelta(days=days), unit["ma"] == leader))
    return sorted(out, key=lambda v: (v.ngay, v.gio or (99, 99), v.index))
