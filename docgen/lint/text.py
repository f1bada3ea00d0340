"""Helpers every rule family uses: where a paragraph is, quoting, units, case, and the bold-centred check."""
from __future__ import annotations

from ..ooxml import TWIPS_PER_MM, Para, nfc
from .findings import Findings


def quote(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return "«" + (text if len(text) <= n else text[: n - 1] + "…") + "»"


def mm(twips: int) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",") + " mm"


def pt(size: float) -> str:
    return (f"{size:g}").replace(".", ",")


def pts(sizes) -> str:
    """'cỡ chữ' values as a message shows them: sorted, decimal comma."""
    return ", ".join(map(pt, sorted(sizes)))


def run_sizes(p: Para) -> set[float]:
    return {r.size for r in p.text_runs()}


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def norm_upper(text: str) -> str:
    t = nfc(" ".join(text.split())).upper()
    return t.replace("HOÀ", "HÒA")  # D-4


def two_digits(part: str, n: int) -> str:
    """A day or month as NĐ 30 writes it: a 0 before days 1–9 and months 1–2 (no digit can be slipped in
    front of them), none before months 3–12."""
    if part == "ngày":
        return f"{n:02d}"
    return f"{n:02d}" if n <= 2 else str(n)


def place(p: Para, label: str = "") -> str:
    """A paragraph's place as a clerk finds it in Word: đoạn N, bảng/hàng/cột, text box or page header."""
    if p.part != "body":
        kind, typ, sec = p.part.split(":")
        base = ("đầu trang" if kind == "header" else "chân trang") + \
               (" trang 1" if typ == "first" else "") + f" (phần {sec})"
    elif p.table_no is not None:
        base = f"bảng {p.table_no}, hàng {p.row}, cột {p.col + 1}"
    elif p.in_textbox:
        base = "khung văn bản (text box)"
    else:
        base = f"đoạn {p.top_index}"
    text = f" {quote(p.text)}" if p.stripped else ""
    return f"{label + ' ' if label else ''}{base}{text}".strip()


def bold_upright(out: Findings, runs, at: str, rule: str, size_range, bold: str,
                 not_bold: str = "chữ không đậm") -> None:
    """Bold, upright, `size_range` pt: what the Quốc hiệu, Tiêu ngữ, titles and signatures share.
    `bold`: what to write when the runs are not all bold."""
    found = {r.size for r in runs}
    if not all(r.bold for r in runs):
        out.add(rule, at, not_bold, bold)
    if any(r.italic for r in runs):
        out.add(rule, at, "chữ nghiêng", "chữ đứng")
    lo, hi = size_range
    if not all(lo <= s <= hi for s in found):
        out.add(rule, at, f"cỡ chữ {pts(found)}", f"cỡ {lo}" if lo == hi else f"cỡ {lo}–{hi}")


def centered_bold(out: Findings, p: Para, at: str, rule: str, size_range, upper=False) -> None:
    """A title-like line (tên loại, trích yếu, Phụ lục): bold, upright, centred, in `size_range`."""
    if upper and not is_upper(p.stripped):
        out.add(rule, at, "không in hoa", "IN HOA")
    bold_upright(out, p.text_runs(), at, rule, size_range, "chữ đậm")
    if p.align != "center":
        out.add(rule, at, "không căn giữa", "căn giữa")
