"""Counting communes per class, the same way for a cluster, a district and the city."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from docgen.vi import percent_text


@dataclass(frozen=True)
class ClassCount:
    """How many communes got one class, and which ones."""

    loai: str
    so_luong: int
    don_vi: tuple[str, ...]  # names as they are to be printed


def class_names(plan: dict) -> list[str]:
    """The plan's classes, highest first (A, B, C, D in 2017)."""
    return [k["loai"] for k in plan["xep_loai"]]


def count_classes(plan: dict, graded) -> list[ClassCount]:
    """`graded`: (name, class) pairs. Every class of the plan is listed, zero counts included."""
    graded = list(graded)
    return [ClassCount(loai, sum(1 for _, c in graded if c == loai), tuple(n for n, c in graded if c == loai))
            for loai in class_names(plan)]


def percent(part: int, whole: int) -> str:
    """'33,33' — a share with a decimal comma, two decimals at most; '0' when there is nothing."""
    return percent_text(Decimal(part) * 100 / Decimal(whole)) if whole else "0"
