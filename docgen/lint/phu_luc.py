"""F-PL-2, F-PL-3 and F-PGNUM-2: each "Phụ lục …" line, its name, its "(Kèm theo …)" line, its page numbers."""
from __future__ import annotations

import re

from .constants import PHU_LUC
from .findings import Findings
from .layout import Layout
from .text import centered_bold, is_upper, place, pts, run_sizes


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    model = layout.model
    paras = model.paras
    for i, p in enumerate(paras):
        if p.table_no is not None or p.in_textbox or not PHU_LUC.match(p.stripped):
            continue
        where = place(p, "dòng Phụ lục")
        if is_upper(p.stripped):
            out.add("F-PL-2", where, f"'{p.stripped}' in hoa", f"in thường: '{p.stripped[:1]}{p.stripped[1:].lower()}'")
        centered_bold(out, p, where, "F-PL-2", (14, 14))
        after = [q for q in paras[i + 1: i + 6] if q.stripped and q.table_no is None]
        titles = []
        for q in after:
            if q.stripped.startswith("(") or not is_upper(q.stripped):
                break
            titles.append(q)
        if not titles:
            out.add("F-PL-2", where, "không thấy tên phụ lục", "tên phụ lục IN HOA, đậm, cỡ 13–14, căn giữa")
        for q in titles:
            centered_bold(out, q, place(q, "tên phụ lục"), "F-PL-2", (13, 14), upper=True)
        rest = after[len(titles):]
        ref = rest[0] if rest and re.match(r"^\(\s*Kèm theo", rest[0].stripped, re.I) else None
        if ref is None:
            out.add("F-PL-3", where, "không có dòng '(Kèm theo …)' dưới tên phụ lục",
                    "'(Kèm theo Văn bản số … ngày … của …)', nghiêng, cỡ 13–14, căn giữa")
        else:
            rw = place(ref, "dòng Kèm theo")
            sizes = run_sizes(ref)
            if not all(r.italic for r in ref.text_runs()):
                out.add("F-PL-3", rw, "chữ không nghiêng", "chữ nghiêng")
            if not all(13 <= s <= 14 for s in sizes):
                out.add("F-PL-3", rw, f"cỡ chữ {pts(sizes)}", "cỡ 13–14")
            if ref.align != "center":
                out.add("F-PL-3", rw, "không căn giữa", "căn giữa")
        # F-PGNUM-2: a phụ lục starting a later section restarts its page numbers
        sec = model.sections[p.section - 1]
        if p.section > 1 and sec.first_para is p and sec.pg_start != 1:
            out.add("F-PGNUM-2", where, "phụ lục đánh số trang tiếp theo văn bản",
                    "đánh số trang riêng cho từng phụ lục (bắt đầu từ 1)")
    return out
