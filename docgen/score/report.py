"""Scores for people and for programs: text lines and JSON-ready data (numbers as numbers, never Decimal)."""
from __future__ import annotations

from decimal import Decimal

from docgen.score.classify import Classification
from docgen.score.cluster import ClusterResult
from docgen.score.rules import Rules
from docgen.vi import decimal_text


def number(value: Decimal) -> int | float:
    """A JSON number: 85 → 85, 84.99 → 84.99 (scores have at most 2 decimals, so the float prints exactly so)."""
    return int(value) if value == value.to_integral_value() else float(value)


def classification_json(c: Classification) -> dict:
    return {"tong_diem": number(c.tong_diem), "xep_loai": c.xep_loai, "ly_do": list(c.ly_do)}


def classification_lines(rules: Rules, c: Classification) -> list[str]:
    lines = [f"Tổng điểm: {decimal_text(c.tong_diem)}/{decimal_text(rules.max_total)}", f"Xếp loại: {c.xep_loai}", ""]
    for content, value, pct in zip(rules.contents, c.diem, c.ty_le):
        lines.append(f"  Nội dung {content.so}: {decimal_text(value)}/{decimal_text(content.diem_toi_da)} điểm "
                     f"({decimal_text(pct)}%)")
    lines += ["", "Lý do:"] + [f"  - {reason}" for reason in c.ly_do]
    return lines


def cluster_json(result: ClusterResult) -> list[dict]:
    """One object per commune, ranked."""
    return [{
        "ma": r.ma, "ten": r.ten, "hang": r.hang,
        "tong_tu_cham": number(r.tong_tu_cham), "tong_doan_cham": number(r.tong_doan_cham),
        "tong_diem": number(r.tong_diem), "xep_loai": r.xep_loai,
        "diem_thong_nhat": [number(v) for v in r.thong_nhat],
        "de_cu_goi_y": r.ma in result.de_cu_goi_y,
        "ly_do": list(r.ly_do),
    } for r in result.ranked()]


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(row):
        return "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def cluster_lines(title: str, rules: Rules, result: ClusterResult) -> list[str]:
    """The cluster's table (rank, commune, totals, class), the suggested nominee, then each class's reasons."""
    header = ["Hạng", "Mã", "Đơn vị", "Tự chấm", "Đoàn chấm", "Thống nhất", "Xếp loại"]
    rows = [[str(r.hang), r.ma, r.ten, decimal_text(r.tong_tu_cham), decimal_text(r.tong_doan_cham),
             decimal_text(r.tong_diem), r.xep_loai + (" *" if r.ma in result.de_cu_goi_y else "")]
            for r in result.ranked()]
    lines = [f"{title} — điểm tối đa {decimal_text(rules.max_total)}", ""]
    lines += _table(header, rows, right={0, 3, 4, 5})
    lines += ["", ("* " if result.de_cu_goi_y else "") + result.nomination_text(), "", "Lý do xếp loại:"]
    for r in result.ranked():
        lines.append(f"  {r.ten} ({r.xep_loai}):")
        lines += [f"    - {reason}" for reason in r.ly_do]
    return lines
