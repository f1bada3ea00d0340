"""A cluster's visit schedule (Lịch kiểm tra): visits in order, self-report due dates, and the plan's "nên" rule."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .errors import Issue
from .load import Loaded
from .vi import parse_date, short_date


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


def _after(a: Visit, b: Visit) -> bool:
    """Whether visit `a` surely comes after visit `b` (same day without both times: the file's order)."""
    if a.ngay != b.ngay:
        return a.ngay > b.ngay
    if a.gio and b.gio:
        return a.gio > b.gio
    return a.index > b.index


def issues(cluster: Loaded, plan: dict) -> list[Issue]:
    """The schedule's soft rules, as warnings: the plan says the leader 'nên' (should) be visited last,
    and the schedule must reach the members before their self-reports are due."""
    data = cluster.data
    out: list[Issue] = []
    try:
        order = visits(plan, data)
    except (ValueError, KeyError):
        return out  # bad dates are reported by the cross-field checks
    leader = next((v for v in order if v.cum_truong), None)
    if leader is not None:
        later = [v for v in order if not v.cum_truong and _after(v, leader)]
        if later:
            names = ", ".join(data["don_vi"][v.index]["ten"] for v in later)
            out.append(cluster.issue(
                ("don_vi", leader.index, "ngay_kiem_tra"),
                f"đơn vị Cụm trưởng ({data['don_vi'][leader.index]['ten']}) được kiểm tra trước {names}. "
                "Theo Kế hoạch, nên kiểm tra các đơn vị thành viên trước và kết thúc tại đơn vị Cụm trưởng.",
                "warning"))
    issued = (data.get("lich_kiem_tra") or {}).get("ngay")
    if issued and order:
        try:
            day = parse_date(issued)
        except ValueError:
            out.append(cluster.issue(("lich_kiem_tra", "ngay"), f"ngày '{issued}' không có thật."))
            return out
        first_due = min(v.han_tu_cham for v in order)
        if day > first_due:
            out.append(cluster.issue(
                ("lich_kiem_tra", "ngay"),
                f"Lịch kiểm tra ban hành ngày {short_date(day)}, sau hạn gửi báo cáo tự chấm đầu tiên "
                f"({short_date(first_due)}): các đơn vị không kịp chuẩn bị.", "warning"))
    return out
