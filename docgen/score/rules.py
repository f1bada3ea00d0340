"""The plan's scoring numbers as plain data: contents, criteria, classes, conditions; and what a score is."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from docgen.errors import ScoreError

HUNDRED = Decimal(100)


CENT = Decimal("0.01")


# Looser than the schema's pattern on purpose: "-1" and "10,123" are read so that the message can
# say what is wrong with them (negative, too many decimals) instead of "not a number".
_SCORE_TEXT = re.compile(r"^\s*([-+]?)(\d+)(?:[.,](\d+))?\s*$")


def parse_score(value) -> Decimal:
    """A score written 10, 10.5 or "10,5" as an exact Decimal.

    ScoreError, in Vietnamese, for the three ways a score can be bad on its own: not a number,
    negative, more than 2 decimals (being above the max depends on the content: see callers).
    """
    if value is None:
        raise ScoreError("chưa có điểm (để trống)")
    if isinstance(value, bool):
        raise ScoreError(f"'{_shown(value)}' không phải là số điểm (viết ví dụ 10 hoặc 10,5)")
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, Decimal):
        d = value
    elif isinstance(value, float):
        d = Decimal(repr(value))  # the number as written (0.1 → 0.1), not its binary expansion
    elif isinstance(value, str):
        m = _SCORE_TEXT.match(value)
        if not m:
            raise ScoreError(f"'{value.strip()}' không phải là số điểm (viết ví dụ 10 hoặc 10,5)")
        d = Decimal(f"{m[1]}{m[2]}.{m[3]}" if m[3] else f"{m[1]}{m[2]}")
    else:
        raise ScoreError(f"'{_shown(value)}' không phải là số điểm (viết ví dụ 10 hoặc 10,5)")
    if not d.is_finite():
        raise ScoreError(f"'{value}' không phải là số điểm (viết ví dụ 10 hoặc 10,5)")
    if d < 0:
        raise ScoreError(f"điểm {_written(d)} là số âm; điểm phải từ 0 trở lên")
    try:
        exact = d == d.quantize(CENT)
    except InvalidOperation as e:  # an exponent too large to quantize, e.g. 1.5e99999
        raise ScoreError(f"'{value}' không phải là số điểm hợp lý") from e
    if not exact:
        places = -d.normalize().as_tuple().exponent
        raise ScoreError(f"điểm {_written(d)} có {places} chữ số thập phân; điểm chỉ ghi tối đa 2 chữ số thập phân")
    return d


def _written(d: Decimal) -> str:
    text = format(d, "f")
    return text.replace(".", ",")


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Criterion:
    """A criterion under a content (Phụ lục 01), with its max points."""

    ten: str
    diem_toi_da: Decimal


@dataclass(frozen=True)
class Content:
    """A scored content of the plan (nội dung), its max points and its criteria if the plan lists them."""

    so: int
    ten: str
    diem_toi_da: Decimal
    tieu_chi: tuple[Criterion, ...] = ()


@dataclass(frozen=True)
class Condition:
    """Every content in `noi_dung` must score above (strict) or at least (not strict) `ty_le` % of its max."""

    noi_dung: tuple[int, ...]
    strict: bool  # "trên" (>) when True, "từ ... trở lên" / "đạt" (>=) when False
    ty_le: Decimal

    def holds(self, score: Decimal, maximum: Decimal) -> bool:
        # score/max > ratio/100, cross-multiplied: exact, and no division by a zero max.
        lhs, rhs = score * HUNDRED, self.ty_le * maximum
        return lhs > rhs if self.strict else lhs >= rhs


@dataclass(frozen=True)
class ClassRule:
    """A class (loại) and what it needs: a lower bound on the total, a performed count, conditions."""

    loai: str
    tong_diem_tu: Decimal
    so_noi_dung_thuc_hien_tu: int
    dieu_kien: tuple[Condition, ...]


@dataclass(frozen=True)
class Rules:
    """The numbers of the plan that scoring needs, read from the plan file."""

    contents: tuple[Content, ...]
    classes: tuple[ClassRule, ...]  # highest first; the last one has no conditions
    loai_de_cu: str  # the class a commune needs to be nominated for an award

    @property
    def max_total(self) -> Decimal:
        return sum((c.diem_toi_da for c in self.contents), Decimal(0))

    def rank_of(self, loai: str) -> int:
        """0 for the highest class, 1 for the next…"""
        return [k.loai for k in self.classes].index(loai)


def _dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def rules_from_plan(plan: dict) -> Rules:
    """Build the rules from a validated plan file's data."""
    contents = tuple(
        Content(int(c["so"]), c["ten"], _dec(c["diem_toi_da"]),
                tuple(Criterion(t["ten"], _dec(t["diem_toi_da"])) for t in c.get("tieu_chi") or []))
        for c in plan["noi_dung"])
    classes = tuple(
        ClassRule(
            loai=k["loai"],
            tong_diem_tu=_dec(k["tong_diem_tu"]),
            so_noi_dung_thuc_hien_tu=int(k.get("so_noi_dung_thuc_hien_tu", 0)),
            dieu_kien=tuple(Condition(tuple(int(n) for n in d["noi_dung"]),
                                      d["so_sanh"] == "tren", _dec(d["ty_le"]))
                            for d in k.get("dieu_kien", [])),
        )
        for k in plan["xep_loai"]
    )
    award = (plan.get("khen_thuong") or {}).get("loai_duoc_de_nghi") or classes[0].loai
    return Rules(contents, classes, award)
