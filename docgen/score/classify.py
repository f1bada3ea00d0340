"""The plan's classification (A, B, C, D) of one set of scores, in exact decimal arithmetic, with its reasons."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from docgen.errors import ScoreError
from docgen.score.rules import CENT, HUNDRED, ClassRule, Condition, Rules, parse_score
from docgen.vi import decimal_text

ZERO = Decimal(0)


def percent(score: Decimal, maximum: Decimal) -> Decimal:
    """The share of the max, in %, to 2 decimals (display only: conditions never divide)."""
    if not maximum:
        return ZERO
    return (score * HUNDRED / maximum).quantize(CENT, ROUND_HALF_UP)


def join_vi(items: list[str]) -> str:
    """'2', '2 và 5', '2, 3, 4 và 5'."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


@dataclass
class Classification:
    """The class of one set of agreed scores, with the reasons in Vietnamese."""

    tong_diem: Decimal
    xep_loai: str
    ly_do: list[str] = field(default_factory=list)  # why this class first, then each higher class missed
    ty_le: list[Decimal] = field(default_factory=list)  # % of each content's max, for display
    diem: list[Decimal] = field(default_factory=list)  # the agreed scores classified


def _pct_shown(score: Decimal, maximum: Decimal, cond: Condition) -> str:
    shown = percent(score, maximum)
    if not cond.strict and shown >= cond.ty_le:
        # 79,996% must not read "80%, chưa đạt từ 80%": keep the digits that show it is below.
        shown = (score * HUNDRED / maximum).quantize(Decimal("0.0001"), ROUND_DOWN)
    return decimal_text(shown)


def _need(cond: Condition) -> str:
    return f"trên {decimal_text(cond.ty_le)}%" if cond.strict else f"đạt từ {decimal_text(cond.ty_le)}% trở lên"


def _misses(rule: ClassRule, rules: Rules, values: list[Decimal]) -> list[str]:
    """Why `values` do not reach `rule`'s class, one sentence per unmet requirement; empty when they do."""
    total = sum(values, ZERO)
    n = len(rules.contents)
    loai = f"nên chưa đạt loại {rule.loai}."
    out = []
    if total < rule.tong_diem_tu:
        out.append(f"Tổng điểm {decimal_text(total)} chưa đạt từ {decimal_text(rule.tong_diem_tu)} điểm trở lên {loai}")
    idle = [c.so for c, v in zip(rules.contents, values) if not v > 0]
    if n - len(idle) < rule.so_noi_dung_thuc_hien_tu:
        done = (f"Chưa thực hiện nội dung nào (cả {n} nội dung được 0 điểm)" if len(idle) == n else
                f"Mới thực hiện {n - len(idle)}/{n} nội dung (nội dung {join_vi(idle)} được 0 điểm)")
        out.append(f"{done}, chưa đủ {rule.so_noi_dung_thuc_hien_tu}/{n} {loai}")
    by_number = {c.so: (c, v) for c, v in zip(rules.contents, values)}
    for cond in rule.dieu_kien:
        failed = [(c, v) for c, v in (by_number[k] for k in cond.noi_dung) if not cond.holds(v, c.diem_toi_da)]
        if len(failed) > 2:  # "Các nội dung 1 (0/5 điểm, 0%), 2 (…) và 7 (…) đều chưa …"
            parts = [f"{c.so} ({decimal_text(v)}/{decimal_text(c.diem_toi_da)} điểm, "
                     f"{_pct_shown(v, c.diem_toi_da, cond)}%)" for c, v in failed]
            out.append(f"Các nội dung {join_vi(parts)} đều chưa {_need(cond)} {loai}")
        elif failed:  # "Nội dung 2 đạt 10,5/15 điểm (70%), chưa trên 70% …"
            parts = [f"nội dung {c.so} đạt {decimal_text(v)}/{decimal_text(c.diem_toi_da)} điểm "
                     f"({_pct_shown(v, c.diem_toi_da, cond)}%)" for c, v in failed]
            text = join_vi(parts)
            both = "đều " if len(failed) > 1 else ""
            out.append(f"{text[0].upper()}{text[1:]}, {both}chưa {_need(cond)} {loai}")
    return out


def _met(rule: ClassRule, rules: Rules, values: list[Decimal]) -> str:
    """The sentence saying which requirements of `rule` the values meet."""
    total = sum(values, ZERO)
    n = len(rules.contents)
    parts = []
    if rule.tong_diem_tu > 0:
        parts.append(f"tổng điểm {decimal_text(total)} (từ {decimal_text(rule.tong_diem_tu)} điểm trở lên)")
    if rule.so_noi_dung_thuc_hien_tu > 0:
        done = sum(1 for v in values if v > 0)
        parts.append(f"thực hiện đủ {done}/{n} nội dung" if rule.so_noi_dung_thuc_hien_tu == n else
                     f"thực hiện {done}/{n} nội dung (từ {rule.so_noi_dung_thuc_hien_tu}/{n} trở lên)")
    for cond in rule.dieu_kien:
        if len(cond.noi_dung) == n:
            who = f"cả {n} nội dung đều"
        elif len(cond.noi_dung) > 1:
            who = f"nội dung {join_vi(list(cond.noi_dung))} đều"
        else:
            who = f"nội dung {cond.noi_dung[0]}"
        need = (f"trên {decimal_text(cond.ty_le)}% điểm tối đa" if cond.strict
                else f"đạt từ {decimal_text(cond.ty_le)}% điểm tối đa trở lên")
        parts.append(f"{who} {need}")
    if not parts:
        higher = " vì chưa đạt điều kiện của loại cao hơn" if rule is not rules.classes[0] else ""
        return f"Xếp loại {rule.loai}{higher} (tổng điểm {decimal_text(total)})."
    return f"Đạt loại {rule.loai}: " + "; ".join(parts) + "."


def classify_values(rules: Rules, values: list[Decimal]) -> Classification:
    """The highest class whose lower bound and conditions all hold (the plan's cascade).

    `values` are valid agreed scores, one per content (see `classify` for raw input). The upper
    bounds of the plan ("dưới 85") only separate the classes: 90 points failing A's conditions but
    meeting B's is B.
    """
    total = sum(values, ZERO)
    missed: list[str] = []
    for rule in rules.classes:
        reasons = _misses(rule, rules, values)
        if not reasons:
            ty_le = [percent(v, c.diem_toi_da) for c, v in zip(rules.contents, values)]
            return Classification(total, rule.loai, [_met(rule, rules, values)] + missed, ty_le, list(values))
        missed += reasons
    # plan_issues makes the last class unconditional; reaching here means the plan skipped validation.
    raise ScoreError("Tệp Kế hoạch không có loại thấp nhất không điều kiện (ví dụ loại D: tong_diem_tu: 0, "
                     "so_noi_dung_thuc_hien_tu: 0, dieu_kien: []).")


def classify(rules: Rules, scores: list) -> Classification:
    """Classify raw agreed scores (numbers or text such as "10,5"); ScoreError listing every bad one."""
    problems = []
    if len(scores) != len(rules.contents):
        problems.append(f"cần đúng {len(rules.contents)} điểm (nội dung {rules.contents[0].so} đến "
                        f"{rules.contents[-1].so}, theo thứ tự), ở đây có {len(scores)}.")
    values = []
    for content, raw in zip(rules.contents, scores):
        try:
            value = parse_score(raw)
        except ScoreError as e:
            problems.append(f"nội dung {content.so}: {e}.")
            continue
        if value > content.diem_toi_da:
            problems.append(f"nội dung {content.so}: {decimal_text(value)} điểm vượt điểm tối đa "
                            f"{decimal_text(content.diem_toi_da)}.")
        values.append(value)
    if problems:
        raise ScoreError("Điểm chưa đúng:\n" + "\n".join(f"  - {p}" for p in problems))
    return classify_values(rules, values)
