"""A commune's scores as a cluster file writes them: per content, optionally per criterion; every problem with its path.

Layout under a commune's `diem` (see the `cum` schema):

    tu_cham:    [5, 14, 23, 27, 9.5, 9, 5]      # one score per content, in the plan's order
    doan_cham:  [5, 13, 22, 26, 9, 8.5, 5]
    thong_nhat: [5, 13, ~, 26.5, 9, 8.5, 5]     # ~ (empty): docgen adds up the criteria
    tieu_chi:                                   # optional: per-criterion scores of some contents
      "3":                                      # the content's number (`so` in the plan)
        tu_cham:    [8, 7, 5, 3]                # one score per criterion of content 3, plan order
        thong_nhat: [7.5, 7, 4.5, 3]

When a content has criterion scores of a kind, its score of that kind is their sum; a content
score written beside them must equal that sum.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from docgen.errors import ScoreError
from docgen.score.rules import Rules, parse_score
from docgen.vi import decimal_text

KINDS = ("tu_cham", "doan_cham", "thong_nhat")


@dataclass(frozen=True)
class Problem:
    """A bad score: `path` from the commune's `diem` (a key's own place when `at_key`)."""

    path: tuple
    message: str
    at_key: bool = False


@dataclass
class UnitScores:
    """Resolved scores of one commune: per kind one Decimal per content, and the criteria given."""

    contents: dict[str, list[Decimal]] = field(default_factory=dict)
    criteria: dict[int, dict[str, list[Decimal]]] = field(default_factory=dict)


def read_scores(rules: Rules, diem: dict) -> tuple[UnitScores, list[Problem]]:
    """Every score of one commune checked against the plan: not a number, negative, more than 2
    decimals, above the max, wrong count, criteria not in the plan, content score ≠ sum of criteria."""
    problems: list[Problem] = []

    def value(path, raw, maximum, what):
        try:
            d = parse_score(raw)
        except ScoreError as e:
            problems.append(Problem(path, f"{what}: {e}."))
            return None
        if d > maximum:
            problems.append(Problem(path, f"{what}: {decimal_text(d)} điểm vượt điểm tối đa {decimal_text(maximum)}."))
            return None
        return d

    out = UnitScores()
    by_number = {str(c.so): c for c in rules.contents}
    written = diem.get("tieu_chi") or {}
    for key, kinds in written.items():
        content = by_number.get(str(key))
        if content is None:
            problems.append(Problem(("tieu_chi", key), f"không có nội dung số {key} trong Kế hoạch "
                                                       f"(các nội dung: {', '.join(by_number)}).", True))
            continue
        if not content.tieu_chi:
            problems.append(Problem(("tieu_chi", key), f"Kế hoạch không chia nội dung {key} thành tiêu chí nên "
                                                       "không chấm theo tiêu chí được. Bỏ mục này, hoặc thêm "
                                                       "tiêu chí vào nội dung đó trong tệp Kế hoạch.", True))
            continue
        for kind, values in (kinds or {}).items():
            path = ("tieu_chi", key, kind)
            if len(values) != len(content.tieu_chi):
                problems.append(Problem(path, f"nội dung {key} có {len(content.tieu_chi)} tiêu chí trong Kế hoạch, "
                                              f"ở đây có {len(values)} điểm."))
                continue
            parsed = [value(path + (j,), raw, crit.diem_toi_da, f"nội dung {key}, tiêu chí {j + 1} ({crit.ten})")
                      for j, (raw, crit) in enumerate(zip(values, content.tieu_chi))]
            if None not in parsed:
                out.criteria.setdefault(content.so, {})[kind] = parsed

    for kind in KINDS:
        values = diem[kind]
        if len(values) != len(rules.contents):
            problems.append(Problem((kind,), f"cần đúng {len(rules.contents)} điểm (nội dung {rules.contents[0].so} "
                                             f"đến {rules.contents[-1].so}), ở đây có {len(values)}."))
            continue
        resolved = []
        for j, (raw, content) in enumerate(zip(values, rules.contents)):
            parts = out.criteria.get(content.so, {}).get(kind)
            has_parts = kind in (written.get(str(content.so)) or {})  # written, even if some were bad
            if raw is None and has_parts:
                resolved.append(sum(parts, Decimal(0)) if parts is not None else None)
                continue
            if raw is None:
                problems.append(Problem((kind, j), f"nội dung {content.so}: chưa có điểm. Ghi điểm của nội dung, "
                                                   "hoặc ghi điểm từng tiêu chí ở mục tieu_chi."))
                resolved.append(None)
                continue
            d = value((kind, j), raw, content.diem_toi_da, f"nội dung {content.so}")
            if d is not None and parts is not None and d != sum(parts, Decimal(0)):
                problems.append(Problem((kind, j), (
                    f"nội dung {content.so}: ghi {decimal_text(d)} điểm nhưng tổng điểm các tiêu chí là "
                    f"{' + '.join(map(decimal_text, parts))} = {decimal_text(sum(parts, Decimal(0)))}. "
                    "Sửa cho khớp, hoặc để trống (~) để docgen tự cộng.")))
            resolved.append(sum(parts, Decimal(0)) if parts is not None else d)
        out.contents[kind] = resolved
    return out, problems
