"""F-PAGE and F-FONT-1: paper size, orientation, margins; Times New Roman in black everywhere."""
from __future__ import annotations

from ..ooxml import TNR, TWIPS_PER_MM
from .constants import TOL_TWIPS
from .findings import Findings
from .layout import Layout
from .text import mm, place

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARGINS = {"top": (1134, 1418), "bottom": (1134, 1418), "left": (1701, 1985), "right": (851, 1134)}  # twips
MARGIN_NAMES = {"top": ("F-PAGE-3", "lề trên", "20–25 mm"), "bottom": ("F-PAGE-4", "lề dưới", "20–25 mm"),
                "left": ("F-PAGE-5", "lề trái", "30–35 mm"), "right": ("F-PAGE-6", "lề phải", "15–20 mm")}


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    _page_setup(out, layout)
    _fonts(out, layout)
    return out


def _bad_margins(margins) -> list[str]:
    return [k for k, (lo, hi) in MARGINS.items() if not lo - TOL_TWIPS <= margins[k] <= hi + TOL_TWIPS]


def _page_setup(out: Findings, layout: Layout) -> None:
    sections = layout.model.sections
    for s in sections:
        where = f"khổ giấy (phần {s.index})" if len(sections) > 1 else "khổ giấy"
        w, h = s.page_w, s.page_h
        landscape = w > h
        short, long_ = min(w, h), max(w, h)
        if abs(short - 11906) > 30 or abs(long_ - 16838) > 30:
            out.add("F-PAGE-1", where, f"{short / TWIPS_PER_MM:.0f} × {long_ / TWIPS_PER_MM:.0f} mm",
                    "khổ A4 (210 × 297 mm)")
        if landscape and not s.has_table:
            out.add("F-PAGE-2", where, "trang nằm ngang", "trang dọc (chỉ được nằm ngang khi có bảng, biểu)")
        m = s.margins
        wrong = _bad_margins(m)
        if wrong and landscape:  # a landscape page may keep the margins of the portrait page, turned
            turned = {"top": m["right"], "bottom": m["left"], "left": m["top"], "right": m["bottom"]}
            if not _bad_margins(turned) or not _bad_margins({"top": m["left"], "bottom": m["right"],
                                                              "left": m["bottom"], "right": m["top"]}):
                wrong = []
        for k in wrong:
            rule, name, want = MARGIN_NAMES[k]
            out.add(rule, where, f"{name} {mm(m[k])}", f"{name} {want}")


def _fonts(out: Findings, layout: Layout) -> None:
    model = layout.model
    bad_fonts: dict[str, list] = {}
    bad_colors: dict[str, list] = {}
    for p in model.paras + model.header_paras:
        for r in p.text_runs():
            for f in r.fonts:
                if f != TNR:
                    bad_fonts.setdefault(f or "(không đặt phông)", []).append(p)
            if r.color:
                bad_colors.setdefault(r.color, []).append(p)
    for font, paras in bad_fonts.items():
        more = f" (và {len(paras) - 1} chỗ khác)" if len(paras) > 1 else ""
        out.add("F-FONT-1", place(paras[0]) + more, f"phông '{font}'", f"dùng phông '{TNR}'")
    for color, paras in bad_colors.items():
        more = f" (và {len(paras) - 1} chỗ khác)" if len(paras) > 1 else ""
        out.add("F-FONT-1", place(paras[0]) + more, f"chữ màu #{color}", "chữ màu đen")
    st = model.styles
    if st.rpr_default is not None or st.by_id:
        levels = [st.rpr_default] if st.rpr_default is not None else []
        for slot in ("ascii", "hAnsi"):
            f = st.font(levels, slot)
            if f != TNR:
                out.add("F-FONT-1", "phông mặc định của tệp (docDefaults)", f"'{f or 'không đặt'}'",
                        f"'{TNR}', để chữ gõ thêm cũng đúng phông")
                break
    # the styles in use, not all of styles.xml: Word's built-in styles nobody applies do not print
    used = {p.style_id for p in model.paras if p.style_id}
    for r_el in model.body.iter(W + "rStyle"):
        used.add(r_el.get(W + "val"))
    for sid in sorted(x for x in used if x):
        chain = st.chain(sid)
        levels = [s.find(W + "rPr") for s in chain]
        levels = [x for x in levels if x is not None] + ([st.rpr_default] if st.rpr_default is not None else [])
        f = st.font(levels, "hAnsi") or st.font(levels, "ascii")
        if f != TNR:
            out.add("F-FONT-1", f"kiểu (style) '{st.name(sid)}'", f"phông '{f or 'không đặt'}'", f"'{TNR}'")
