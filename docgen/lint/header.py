"""F-QH, F-CQ, F-SO, F-DATE-2/3, F-VV, F-TL: the header block, the place-date line and the title."""
from __future__ import annotations

import datetime as _dt
import re

from ..ooxml import TWIPS_PER_MM, Para, text_width_mm
from .constants import (ABBREVIATIONS, BLANK, KIND_NAMES, KINDS, LOOSE_DATE, MIXED_CASE_OK, PLACE_DATE, QUOC_HIEU,
                        TIEU_NGU, TN_LINE_TOLERANCE_MM)
from .findings import Findings
from .layout import TN_RE, Layout
from .lines import check_short_line, line_candidates, pool, typed_rule
from .text import bold_upright, centered_bold, is_upper, norm_upper, place, pts, run_sizes, two_digits


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    if layout.qh_split:  # found while locating the header, so reported before the header's other checks
        out.add("F-QH-1", place(layout.qh, "Quốc hiệu"), "Quốc hiệu bị ngắt làm hai dòng",
                f"'{QUOC_HIEU}' trên một dòng")
    if layout.qh is None:
        if layout.kind not in ("phu_luc", "muc_luc", "danh_muc"):
            out.add("F-QH-1", "đầu trang 1", "không thấy Quốc hiệu", f"'{QUOC_HIEU}' (IN HOA, đậm, cỡ 12–13)")
    else:
        _quoc_hieu(out, layout)
        _tieu_ngu(out, layout)
        _agency(out, layout)
        _so(out, layout)
        _place_date(out, layout)
        _vv(out, layout)
    _title(out, layout)
    return out


def _quoc_hieu(out: Findings, layout: Layout) -> None:
    qh = layout.qh
    seg = qh.stripped
    if not is_upper(seg.replace("\t", " ")):
        out.add("F-QH-1", place(qh, "Quốc hiệu"), "không in hoa", f"'{QUOC_HIEU}'")
    if "\n" in qh.text.strip():
        out.add("F-QH-1", place(qh, "Quốc hiệu"), "có dấu xuống dòng trong Quốc hiệu", "Quốc hiệu trên một dòng")
    # the runs of the Quốc hiệu itself, not an agency name typed before it on the same line with a tab
    runs = [r for r in qh.text_runs() if QUOC_HIEU[:5] in norm_upper(r.text) or is_upper(r.text)]
    runs = runs or qh.text_runs()
    sizes = {r.size for r in runs}
    bold_upright(out, runs, place(qh, "Quốc hiệu"), "F-QH-1", (12, 13), "Quốc hiệu IN HOA, đậm")
    if "\t" not in qh.text and "\n" not in qh.text.strip() and sizes:
        need = text_width_mm(QUOC_HIEU, max(sizes), True)
        room = qh.line_width_mm() - max(qh.ind_first, 0) / TWIPS_PER_MM
        if need > room + 0.2:
            out.add("F-QH-1", place(qh, "Quốc hiệu"),
                    f"Quốc hiệu dài {need:.0f} mm mà chỗ chỉ rộng {room:.0f} mm nên bị xuống dòng".replace(".", ","),
                    "Quốc hiệu trên một dòng: nới rộng cột (≥ 90 mm với cỡ 12, ≥ 97 mm với cỡ 13)")


def _tieu_ngu(out: Findings, layout: Layout) -> None:
    qh, tn, model = layout.qh, layout.tn, layout.model
    if tn is None:
        out.add("F-QH-2", place(qh, "dưới Quốc hiệu"), "không thấy Tiêu ngữ", f"'{TIEU_NGU}' (đậm, cỡ 13–14)")
        return
    typed = TN_RE.search(tn.text).group(0)
    if typed != TIEU_NGU:
        out.add("F-QH-2", place(tn, "Tiêu ngữ"), f"'{typed}'",
                f"viết '{TIEU_NGU}' (chữ đầu mỗi cụm viết hoa, gạch nối có cách hai bên)")
    tsizes = run_sizes(tn)
    bold_upright(out, tn.text_runs(), place(tn, "Tiêu ngữ"), "F-QH-2", (13, 14), "Tiêu ngữ đậm")
    if tn is not qh:
        between = model.paras[model.index(qh) + 1: model.index(tn)]
        if any(not p.stripped for p in between):
            out.add("F-QH-4", place(tn, "Tiêu ngữ"), "có dòng trống giữa Quốc hiệu và Tiêu ngữ",
                    "Tiêu ngữ ngay dưới Quốc hiệu, cách dòng đơn")
    _tn_line(out, layout, tn, max(tsizes) if tsizes else 13)


def _tn_line(out: Findings, layout: Layout, tn: Para, size: float) -> None:
    model = layout.model
    where = place(tn, "dưới Tiêu ngữ")
    if any(r.underline for r in tn.text_runs()):
        out.add("F-QH-3", where, "Tiêu ngữ được gạch chân (Underline)",
                "bỏ gạch chân; kẻ một đường nét liền dưới Tiêu ngữ (đường vẽ hoặc viền dưới đoạn)")
        return
    typed = typed_rule(model, tn)
    if typed is not None:
        out.add("F-QH-3", place(typed, "dưới Tiêu ngữ"), "đường kẻ gõ bằng ký tự",
                "kẻ đường nét liền (đường vẽ hoặc viền dưới đoạn), không gõ '____'")
        return
    want = text_width_mm(TIEU_NGU, size, True)
    cands = line_candidates(model, tn, pool(model, tn))
    if not cands:
        out.add("F-QH-3", where, "không có đường kẻ dưới Tiêu ngữ",
                f"đường nét liền dài bằng dòng Tiêu ngữ (khoảng {want:.0f} mm)")
        return
    length, style = min(cands, key=lambda c: abs(c[0] - want))
    if style not in ("shape", "single", "thick", "double"):
        out.add("F-QH-3", where, f"đường kẻ kiểu '{style}'", "đường nét liền")
    if abs(length - want) > TN_LINE_TOLERANCE_MM:
        out.add("F-QH-3", where, f"đường kẻ dài {length:.0f} mm".replace(".", ","),
                f"dài bằng dòng Tiêu ngữ (khoảng {want:.0f} mm, ±{TN_LINE_TOLERANCE_MM:.0f} mm)")


def _agency(out: Findings, layout: Layout) -> None:
    agency, qh = layout.agency, layout.qh
    if not agency:
        if qh.table_no is not None:
            out.add("F-CQ-2", place(qh, "bên trái Quốc hiệu"), "không thấy tên cơ quan ban hành",
                    "tên cơ quan IN HOA, đậm, cỡ 12–13")
        return
    last = agency[-1]
    for p in agency:
        sizes = run_sizes(p)
        # the issuing body is the last (bold) line; a regular line above it is its parent body (F-CQ-1)
        rule = "F-CQ-2" if p is last or p.all_bold() else "F-CQ-1"
        if not is_upper(p.stripped):
            out.add(rule, place(p, "tên cơ quan"), "không in hoa", "tên cơ quan IN HOA")
        if not all(12 <= s <= 13 for s in sizes):
            out.add(rule, place(p, "tên cơ quan"), f"cỡ chữ {pts(sizes)}", "cỡ 12–13")
        if any(r.italic for r in p.text_runs()):
            out.add(rule, place(p, "tên cơ quan"), "chữ nghiêng", "chữ đứng")
    if not last.all_bold():
        out.add("F-CQ-2", place(last, "tên cơ quan ban hành"), "chữ không đậm", "tên cơ quan ban hành IN HOA, đậm")
    # the line under the issuing body's name: 1/3 to 1/2 of its text line
    if any(r.underline for r in last.text_runs()):
        out.add("F-CQ-3", place(last, "dưới tên cơ quan"), "tên cơ quan được gạch chân (Underline)",
                "bỏ gạch chân; kẻ đường nét liền dài 1/3–1/2 dòng chữ")
        return
    issuing = [p for p in agency if p.all_bold()] or [last]
    check_short_line(out, layout.model, last, issuing, "F-CQ-3", "dưới tên cơ quan",
                     "không có đường kẻ dưới tên cơ quan ban hành")


def _so(out: Findings, layout: Layout) -> None:
    p, kind = layout.so, layout.kind
    if p is None:
        if kind not in ("phu_luc", "khac"):
            out.add("F-SO-1", "dưới tên cơ quan", "không thấy dòng 'Số:'",
                    "'Số: …/…' cỡ 13 dưới tên cơ quan (để trống số khi chưa ban hành)")
        return
    where = place(p, "dòng Số")
    sizes = run_sizes(p)
    if sizes and sizes != {13}:
        out.add("F-SO-1", where, f"cỡ chữ {pts(sizes)}", "cỡ 13")
    if any(r.italic for r in p.text_runs()):
        out.add("F-SO-1", where, "chữ nghiêng", "chữ đứng")
    t = " ".join(p.stripped.split("\t")[0].split()) if "\t" in p.stripped else p.stripped
    m = re.match(r"^Số(?P<colon>\s*:)?\s*(?P<num>[^/]*?)\s*(?P<sl>\s*/\s*)(?P<kh>.*)$", t)
    if not m:
        out.add("F-SO-1", where, f"'{t}'", "'Số: 05/BB-UBND' (số/ký hiệu)")
        return
    if not m.group("colon") or m.group("colon") != ":":
        fixed = f"Số: {m.group('num')}/{m.group('kh')}"
        out.add("F-SO-1", where, f"'{t}'", f"viết '{fixed}' (dấu hai chấm ngay sau 'Số')")
    num = m.group("num").strip()
    if num and not BLANK.match(num):
        if num.isdigit():
            n = int(num)
            good = f"{n:02d}" if n < 10 else str(n)
            if num != good:
                out.add("F-SO-2", where, f"số '{num}'", f"viết '{good}' (thêm số 0 trước số 1–9, "
                                                        "không thêm từ 10 trở lên)")
    kh = m.group("kh")
    if m.group("sl") != "/" or re.search(r"\s", kh.strip()) or re.search(r"\s-|-\s", kh):
        clean = re.sub(r"\s+", "", kh)
        out.add("F-SO-3", where, f"'{t}'", f"viết liền, không cách: '{num or '…'}/{clean}'")
    groups = [g for g in re.sub(r"\s+", "", kh).split("-") if g]
    for g in groups:
        if g not in MIXED_CASE_OK and not is_upper(g):
            out.add("F-SO-3", where, f"ký hiệu '{g}'", f"ký hiệu IN HOA ('{g.upper()}')")
    if groups:
        first = groups[0]
        if kind in ("cong_van",) and (first in ABBREVIATIONS):
            out.add("F-SO-5", where, f"ký hiệu '{'-'.join(groups)}' của Công văn",
                    "ký hiệu Công văn = tên viết tắt cơ quan - đơn vị soạn thảo (ví dụ 'UBND-VP'), "
                    "không có chữ viết tắt tên loại")
        wanted = next((a for k, a in KINDS.values() if k == kind), None)
        if wanted and first != wanted:
            out.add("F-SO-4", where, f"ký hiệu '{'-'.join(groups)}' trên {KIND_NAMES[kind]}",
                    f"ký hiệu bắt đầu bằng '{wanted}-' (chữ viết tắt tên loại)")


def _place_date(out: Findings, layout: Layout) -> None:
    p = layout.place_date
    if p is None:
        if layout.kind not in ("bien_ban", "phu_luc", "khac"):  # D-1: optional in a Biên bản
            out.add("F-DATE-3", place(layout.qh, "dưới Tiêu ngữ"), "không thấy dòng địa danh, ngày tháng",
                    "'Địa danh, ngày … tháng … năm …' (nghiêng, cỡ 13–14)")
        return
    where = place(p, "dòng địa danh, ngày tháng")
    runs = p.text_runs()
    sizes = {r.size for r in runs}
    if not all(r.italic for r in runs):
        out.add("F-DATE-2", where, "chữ không nghiêng", "chữ nghiêng")
    if not all(13 <= s <= 14 for s in sizes):
        out.add("F-DATE-2", where, f"cỡ chữ {pts(sizes)}", "cỡ 13–14")
    t = p.stripped.split("\t")[-1].strip()
    if PLACE_DATE.match(t):
        _valid_date(out, where, t)
        return
    m = LOOSE_DATE.match(t)
    if not m:
        out.add("F-DATE-3", where, f"'{t}'", "viết 'Địa danh, ngày DD tháng M năm YYYY'")
        return
    place_name = m.group("place").strip()
    if not place_name or BLANK.match(place_name):
        pass  # a dotted blank for the place: filled by hand
    elif not place_name[0].isupper():
        out.add("F-DATE-2", where, f"địa danh '{place_name}'",
                f"viết hoa chữ cái đầu: '{place_name[0].upper() + place_name[1:]}'")
    if not m.group("comma"):
        out.add("F-DATE-2", where, f"'{t}'", f"thêm dấu phẩy sau địa danh: '{place_name}, ngày …'")
    d, mo, y = m.group("d"), m.group("m"), m.group("y")
    for part, value in (("ngày", d), ("tháng", mo)):
        if BLANK.match(value):
            continue
        if not value.isdigit():
            out.add("F-DATE-3", where, f"'{part} {value}'", f"viết {part} bằng chữ số Ả Rập")
            continue
        good = two_digits(part, int(value))
        if value != good:
            ctx = f"ngày {d} tháng {mo}" if part == "ngày" else f"tháng {mo}"
            fixed = f"ngày {good} tháng {mo}" if part == "ngày" else f"tháng {good}"
            out.add("F-DATE-4", where, f"'{ctx}'", f"viết '{fixed}'")
    if not BLANK.match(y) and not re.fullmatch(r"\d{4}", y):
        out.add("F-DATE-3", where, f"'năm {y}'", "năm viết đủ 4 chữ số")
    _valid_date(out, where, t)


def _valid_date(out: Findings, where: str, t: str) -> None:
    m = re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", t)
    if m:
        try:
            _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            out.add("F-DATE-3", where, f"'{m.group(0)}' không có thật", "một ngày có thật")


def _vv(out: Findings, layout: Layout) -> None:
    p = layout.vv
    if p is None:
        if layout.kind == "cong_van":
            out.add("F-VV-1", place(layout.so or layout.qh, "dưới dòng Số"), "Công văn không có trích yếu 'V/v'",
                    "'V/v …' cỡ 12–13, chữ đứng, dưới dòng Số")
        return
    where = place(p, "trích yếu Công văn")
    if not p.stripped.startswith("V/v"):
        out.add("F-VV-1", where, f"'{p.stripped[:4]}'", "viết 'V/v'")
    sizes = run_sizes(p)
    if not all(12 <= s <= 13 for s in sizes):
        out.add("F-VV-1", where, f"cỡ chữ {pts(sizes)}", "cỡ 12–13")
    if any(r.bold for r in p.text_runs()):
        out.add("F-VV-1", where, "chữ đậm", "chữ thường, không đậm")
    if any(r.italic for r in p.text_runs()):
        out.add("F-VV-1", where, "chữ nghiêng", "chữ đứng")


def _title(out: Findings, layout: Layout) -> None:
    t, kind, model = layout.title, layout.kind, layout.model
    if t is None:
        if kind == "cong_van" or kind == "phu_luc" or layout.qh is None:
            return
        if kind != "khac":
            out.add("F-TL-1", "dưới phần đầu văn bản", "không thấy tên loại văn bản",
                    "tên loại IN HOA, đậm, cỡ 13–14, căn giữa")
        return
    centered_bold(out, t, place(t, "tên loại"), "F-TL-1", (13, 14), upper=True)
    for p in layout.subject:
        centered_bold(out, p, place(p, "trích yếu"), "F-TL-2", (13, 14))
    last = layout.subject[-1] if layout.subject else t
    if kind == "bien_ban":  # D-2: the Biên bản sample has no line under the meeting name
        if not line_candidates(model, last, pool(model, last)):
            return
    check_short_line(out, model, last, list(layout.subject or [t]), "F-TL-3", "dưới trích yếu",
                     "không có đường kẻ dưới trích yếu")
