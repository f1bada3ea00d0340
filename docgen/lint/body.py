"""F-BODY and F-DATE-4: the content between the header and the signature, căn cứ lines, dates in the text."""
from __future__ import annotations

import re

from ..ooxml import Para
from .constants import BODY_DATE, RULE_TEXT, TOL_TWIPS
from .findings import Findings
from .layout import Layout
from .text import is_upper, mm, place, pt, pts, run_sizes, two_digits


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    _body(out, layout)
    _dates_in_text(out, layout)
    return out


def body_paragraphs(layout: Layout) -> list[Para]:
    """The top-level paragraphs of the content: after the title, trích yếu and Kính gửi, up to the
    signature or Nơi nhận; centred headings and signatures typed as paragraphs left out."""
    model = layout.model
    paras = model.paras
    start = layout.header_end
    if layout.kind == "phu_luc":  # after the "Phụ lục …" line and the centred lines under it
        first = next(p for p in paras if p.stripped)
        i = model.index(first)
        for q in paras[i + 1:]:
            if q.table_no is not None or (q.stripped and not (q.align == "center")):
                break
            i += 1
        start = max(start, i + 1)
    for p in (layout.title, *layout.subject):
        if p is not None:
            start = max(start, model.index(p) + 1)
    if layout.kinh_gui is not None:
        start = max(start, model.index(layout.kinh_gui) + 1 + len(layout.kinh_gui_items))
    out = []
    for p in paras[start:]:
        if id(p) in layout.signature_ids or p is layout.noi_nhan:
            break  # the content ends at the signature, in its table or not; phụ lục after it are not content
        if p.part != "body" or p.table_no is not None or p.in_textbox:
            continue
        if not p.stripped or p.stripped.startswith("{%") or RULE_TEXT.match(p.stripped):
            continue
        if p.align == "center" or p.align == "right":
            continue  # centred headings (F-BODY-7), signatures typed as paragraphs
        out.append(p)
    return out


def _body(out: Findings, layout: Layout) -> None:
    model = layout.model
    body = body_paragraphs(layout)
    if not body:
        return
    counts = {}
    for p in body:
        for s in run_sizes(p):
            counts[s] = counts.get(s, 0) + 1
    main = max(counts, key=counts.get) if counts else None
    paras = model.paras
    for p in body:
        where = place(p)
        ps = run_sizes(p)
        if not all(13 <= s <= 14 for s in ps):
            out.add("F-BODY-1", where, f"cỡ chữ {pts(ps)}", "cỡ 13–14")
        elif main is not None and 13 <= main <= 14 and ps != {main}:
            out.add("F-BODY-1", where, f"cỡ chữ {pts(ps)}", f"cùng một cỡ chữ cho cả phần nội dung ({pt(main)})")
        if p.align not in ("both", "distribute", "justify"):
            name = {"left": "căn trái", "start": "căn trái", None: "căn trái", "end": "căn phải"}.get(p.align, p.align)
            out.add("F-BODY-1", where, name, "căn đều hai lề (Justify)")
        if not (abs(p.ind_first - 567) <= 20 or abs(p.ind_first - 720) <= 20
                or (p.ind_first == 0 and p.text.startswith("\t"))):
            out.add("F-BODY-2", where, f"thụt đầu dòng {mm(p.ind_first)}", "thụt đầu dòng 1 cm hoặc 1,27 cm")
        i = model.index(p)
        prev = paras[i - 1] if i > 0 else None
        if prev is not None and prev.table_no is None and prev.stripped and prev.part == "body":
            gap = p.before + prev.after
            if p.contextual and prev.style_id == p.style_id:
                gap = 0
            if gap < 120 - TOL_TWIPS and not p.before_auto:
                out.add("F-BODY-3", where, f"cách đoạn trên {gap / 20:g} pt".replace(".", ","), "cách đoạn ít nhất 6 pt")
        if p.line is not None and p.line_rule == "auto" and not 240 - 1 <= p.line <= 360 + 1:
            out.add("F-BODY-4", where, f"giãn dòng {p.line / 240:.2f} dòng".replace(".", ","),
                    "giãn dòng từ 1 (single) đến 1,5 dòng")
        if re.match(r"^[IVXLC]+\.\s+\S", p.stripped):
            if not is_upper(p.stripped) or not p.all_bold():
                out.add("F-BODY-8", where, "tên mục không in hoa, đậm", "tên mục 'I. TIÊU ĐỀ' IN HOA, đậm")
    # F-BODY-5: the căn cứ lines that open the content. A sentence that starts "Căn cứ …" and ends with
    # ':' ("…, Sở Nội vụ xây dựng Kế hoạch … như sau:") is the content's own opening, as a Kế hoạch or
    # Báo cáo (Mẫu 1.4, no căn cứ block) commonly begins: body text, not a căn cứ line of its own.
    canc = []
    for p in body:
        if re.match(r"^(Căn cứ|Theo đề nghị)\b", p.stripped) and not p.stripped.endswith(":"):
            canc.append(p)
        else:
            break
    if canc:
        _can_cu(out, canc)
    # F-BODY-10: the content ends with "./." right before the signature
    last = body[-1]
    if layout.signature_ids or layout.noi_nhan is not None:
        end_el = next((p for p in paras if id(p) in layout.signature_ids or p is layout.noi_nhan), None)
        if end_el is not None:
            between = paras[model.index(last) + 1: model.index(end_el)]
            if not any(q.table_no is not None and q.table_no != end_el.table_no for q in between) \
                    and not last.stripped.endswith("./."):
                out.add("F-BODY-10", place(last), f"đoạn cuối kết thúc bằng '{last.stripped[-3:]}'",
                        "phần nội dung kết thúc bằng './.'")


def _can_cu(out: Findings, block: list[Para]) -> None:
    if not block[0].stripped.startswith("Căn cứ"):
        return
    for k, p in enumerate(block):
        where = place(p, "căn cứ")
        if not all(r.italic for r in p.text_runs()):
            out.add("F-BODY-5", where, "căn cứ chữ đứng", "căn cứ in nghiêng")
        end = "." if k == len(block) - 1 else ";"
        if k < len(block) - 1 and not p.stripped.endswith(";"):
            out.add("F-BODY-5", where, f"cuối dòng '{p.stripped[-1:]}'", f"mỗi căn cứ kết thúc bằng '{end}'")


def _dates_in_text(out: Findings, layout: Layout) -> None:
    for p in layout.model.paras:
        if p is layout.place_date:  # checked with its own rules (F-DATE-2/3/4) by the header family
            continue
        for m in BODY_DATE.finditer(p.text):
            d, mo = m.group(1), m.group(2)
            gd, gm = two_digits("ngày", int(d)), two_digits("tháng", int(mo))
            if d != gd:
                out.add("F-DATE-4", place(p), f"'ngày {d} tháng {mo}'", f"viết 'ngày {gd} tháng {mo}'")
            if mo != gm:
                out.add("F-DATE-4", place(p), f"'tháng {mo}'", f"viết 'tháng {gm}'")
