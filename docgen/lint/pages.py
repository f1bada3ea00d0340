"""F-PGNUM-1: page numbers centred in the page header from page 2, none on page 1, none in the footer."""
from __future__ import annotations

from .findings import Findings
from .layout import Layout
from .text import place, pts

INSTR_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText"


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    model = layout.model
    for hp in model.header_paras:
        if hp.page_fields and hp.part.startswith("footer"):
            out.add("F-PGNUM-1", place(hp), "số trang ở chân trang", "số trang ở giữa lề trên (đầu trang)")
    for s in model.sections:
        default = s.headers.get("default")
        numbered = [hp for hp in model.header_paras if hp.page_fields and default is not None
                    and hp.container is default]
        if not numbered:
            if s.index == 1 and likely_pages(layout) > 1 and not any(hp.page_fields for hp in model.header_paras):
                out.add("F-PGNUM-1", "đầu trang", "văn bản nhiều trang mà không đánh số trang",
                        "số trang ở giữa lề trên, từ trang 2, cỡ 13–14")
            continue
        for hp in numbered:
            where = place(hp, "số trang")
            if hp.align != "center" and "\t" not in hp.text:
                out.add("F-PGNUM-1", where, "số trang không căn giữa", "số trang căn giữa lề trên")
            # the field's own runs count too: the number is printed in the size of its field code
            sizes = {r.size for r in hp.runs if r.el is not None and (r.text.strip() or r.el.find(INSTR_TEXT) is not None)}
            if sizes and not all(13 <= x <= 14 for x in sizes):
                out.add("F-PGNUM-1", where, f"cỡ chữ {pts(sizes)}", "cỡ 13–14")
        if s.index == 1:
            first = s.headers.get("first")
            first_numbered = first is not None and any(
                hp.page_fields for hp in model.header_paras if hp.container is first)
            if not s.title_pg or first is None or first_numbered:
                out.add("F-PGNUM-1", "đầu trang trang 1", "trang 1 có số trang",
                        "không hiện số trang ở trang 1 (bật 'Different First Page', để trống đầu trang của trang 1)")
    return out


def likely_pages(layout: Layout) -> float:
    """The page count Word saved, else an estimate from the paragraphs' lines and spacing."""
    model = layout.model
    if model.app_pages and model.app_pages > 1:
        return model.app_pages
    s = model.sections[0]
    height = (s.page_h - s.margins["top"] - s.margins["bottom"]) / 20  # points
    used = 0.0
    rows: dict = {}
    for p in model.paras:
        size = p.main_size() or 13
        lines = max(len(p.wrapped()), 1)
        h = lines * size * 1.17 * (p.line / 240 if p.line and p.line_rule == "auto" else 1) \
            + (p.before + p.after) / 20
        if p.table_no is None:
            used += h
        else:  # a table row is as tall as its tallest cell
            key = (p.table_no, p.row, p.col)
            rows[key] = rows.get(key, 0) + h
    per_row: dict = {}
    for (t, r, c), h in rows.items():
        per_row[(t, r)] = max(per_row.get((t, r), 0), h)
    used += sum(per_row.values())
    return used / height
