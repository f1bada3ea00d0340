"""Score stage: the plan's classification rules (A, B, C, D) in exact decimal arithmetic."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .vi import decimal_text, percent_text

HUNDRED = Decimal(100)
_SCORE_TEXT = re.compile(r"^\s*(\d+)(?:[.,](\d{1,2}))?\s*$")


def parse_score(value) -> Decimal:
    """A score written 10, 10.5 or "10,5"; ValueError (Vietnamese) when it is not one."""
    if isinstance(value, bool) or value is None:
        raise ValueError("không phải là số điểm")
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, Decimal):
        d = value
    elif isinstance(value, float):
        d = Decimal(repr(value))
    elif isinstance(value, str):
        m = _SCORE_TEXT.match(value)
        if not m:
            raise ValueError(f"'{value}' không phải là số điểm (viết ví dụ 10 hoặc 10,5)")
        d = Decimal(f"{m[1]}.{m[2]}" if m[2] else m[1])
    else:
        raise ValueError("không phải là số điểm")
    try:
        if d < 0:
            raise ValueError(f"điểm {decimal_text(d)} là số âm")
        if d != d.quantize(Decimal("0.01")):
            raise ValueError(f"điểm {format(d, 'f')} có quá 2 chữ số thập phân")
    except InvalidOperation as e:
        raise ValueError("không phải là số điểm") from e
    return d


@dataclass(frozen=True)
class Content:
    so: int
    ten: str
    diem_toi_da: Decimal


@dataclass(frozen=True)
class Condition:
    noi_dung: tuple[int, ...]
    strict: bool  # "trên" (>) when True, "từ ... trở lên" (>=) when False
    ty_le: Decimal

    def holds(self, score: Decimal, maximum: Decimal) -> bool:
        # Compare score*100 with ratio*max: exact, no division.
        lhs, rhs = score * HUNDRED, self.ty_le * maximum
        return lhs > rhs if self.strict else lhs >= rhs


@dataclass(frozen=True)
class ClassRule:
    loai: str
    tong_diem_tu: Decimal
    so_noi_dung_thuc_hien_tu: int
    dieu_kien: tuple[Condition, ...]


@dataclass(frozen=True)
class Rules:
    """The numbers of the plan that scoring needs, read from the plan file."""

    contents: tuple[Content, ...]
    classes: tuple[ClassRule, ...]  # highest first; the last one is the fallback

    @property
    def max_total(self) -> Decimal:
        return sum((c.diem_toi_da for c in self.contents), Decimal(0))


def rules_from_plan(plan: dict) -> Rules:
    """Build the rules from a validated plan file's data."""
    contents = tuple(Content(int(c["so"]), c["ten"], Decimal(c["diem_toi_da"]))
                     for c in plan["noi_dung"])
    classes = tuple(
        ClassRule(
            loai=k["loai"],
            tong_diem_tu=Decimal(k["tong_diem_tu"]),
            so_noi_dung_thuc_hien_tu=int(k.get("so_noi_dung_thuc_hien_tu", 0)),
            dieu_kien=tuple(Condition(tuple(int(n) for n in d["noi_dung"]),
                                      d["so_sanh"] == "tren", Decimal(d["ty_le"]))
                            for d in k.get("dieu_kien", [])),
        )
        for k in plan["xep_loai"]
    )
    return Rules(contents, classes)


@dataclass
class Classification:
    """The class of one set of agreed scores, with the reasons in Vietnamese."""

    tong_diem: Decimal
    xep_loai: str
    ly_do: list[str] = field(default_factory=list)


def _misses(rule: ClassRule, rules: Rules, scores: list[Decimal]) -> list[str]:
    """Why `scores` do not reach `rule`'s class; empty when they do."""
    total = sum(scores, Decimal(0))
    performed = sum(1 for s in scores if s > 0)
    n = len(rules.contents)
    out = []
    if total < rule.tong_diem_tu:
        out.append(f"Tổng điểm {decimal_text(total)} dưới {decimal_text(rule.tong_diem_tu)} điểm "
                   f"nên chưa đạt loại {rule.loai}.")
    if performed < rule.so_noi_dung_thuc_hien_tu:
        out.append(f"Thực hiện {performed}/{n} nội dung, chưa đủ {rule.so_noi_dung_thuc_hien_tu}/{n} "
                   f"nên chưa đạt loại {rule.loai}.")
    by_number = {c.so: (c, s) for c, s in zip(rules.contents, scores)}
    for cond in rule.dieu_kien:
        for number in cond.noi_dung:
            content, score = by_number[number]
            if not cond.holds(score, content.diem_toi_da):
                pct = score * HUNDRED / content.diem_toi_da if content.diem_toi_da else Decimal(0)
                need = ("trên" if cond.strict else "từ") + f" {decimal_text(cond.ty_le)}%"
                tail = "" if cond.strict else " trở lên"
                out.append(f"Nội dung {number} đạt {decimal_text(score)}/{decimal_text(content.diem_toi_da)}"
                           f" điểm ({percent_text(pct)}%), chưa {need}{tail} nên chưa đạt loại {rule.loai}.")
    return out


def classify(rules: Rules, scores: list) -> Classification:
    """The highest class whose lower bound and conditions all hold (the plan's cascade)."""
    values = [parse_score(s) for s in scores]
    if len(values) != len(rules.contents):
        raise ValueError(f"cần đúng {len(rules.contents)} điểm, nhận được {len(values)}")
    for content, value in zip(rules.contents, values):
        if value > content.diem_toi_da:
            raise ValueError(f"nội dung {content.so}: {decimal_text(value)} điểm vượt điểm tối đa "
                             f"{decimal_text(content.diem_toi_da)}")
    total = sum(values, Decimal(0))
    reasons: list[str] = []
    for rule in rules.classes:
        missed = _misses(rule, rules, values)
        if not missed:
            reasons.append(f"Tổng điểm {decimal_text(total)}, đạt mọi điều kiện của loại {rule.loai}.")
            return Classification(total, rule.loai, reasons)
        reasons.extend(missed)
    # The plan always ends with a class that has no conditions; reaching here means it does not.
    raise ValueError("kế hoạch không có loại thấp nhất không điều kiện (ví dụ loại D)")


@dataclass
class CommuneResult:
    """Scores and class of one commune of a cluster."""

    ma: str
    ten: str
    tu_cham: list[Decimal]
    doan_cham: list[Decimal]
    thong_nhat: list[Decimal]
    tong_tu_cham: Decimal
    tong_doan_cham: Decimal
    tong_diem: Decimal
    xep_loai: str
    ly_do: list[str]
    hang: int = 0


@dataclass
class ClusterResult:
    """Every commune's result, ranked, and the suggested nominee (several when tied)."""

    don_vi: list[CommuneResult]
    de_cu_goi_y: list[str]  # codes of the class-A communes with the highest agreed total

    def by_code(self, ma: str) -> CommuneResult:
        return next(r for r in self.don_vi if r.ma == ma)


def score_cluster(rules: Rules, cluster: dict) -> ClusterResult:
    """Score every commune of a validated cluster file."""
    results = []
    for unit in cluster["don_vi"]:
        diem = unit["diem"]
        tu = [parse_score(v) for v in diem["tu_cham"]]
        doan = [parse_score(v) for v in diem["doan_cham"]]
        agreed = [parse_score(v) for v in diem["thong_nhat"]]
        c = classify(rules, agreed)
        results.append(CommuneResult(
            ma=unit["ma"], ten=unit["ten"], tu_cham=tu, doan_cham=doan, thong_nhat=agreed,
            tong_tu_cham=sum(tu, Decimal(0)), tong_doan_cham=sum(doan, Decimal(0)),
            tong_diem=c.tong_diem, xep_loai=c.xep_loai, ly_do=c.ly_do))
    # Competition ranking (1, 2, 2, 4): equal totals share a rank, nothing is broken silently.
    for r in results:
        r.hang = 1 + sum(1 for o in results if o.tong_diem > r.tong_diem)
    top_class = rules.classes[0].loai
    best = [r for r in results if r.xep_loai == top_class]
    if best:
        high = max(r.tong_diem for r in best)
        nominees = [r.ma for r in best if r.tong_diem == high]
    else:
        nominees = []
    return ClusterResult(results, nominees)
