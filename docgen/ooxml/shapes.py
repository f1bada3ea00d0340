"""Straight lines drawn in a paragraph (DrawingML or VML) and the width of text boxes."""
from __future__ import annotations

from .para import Shape
from .units import EMU_PER_MM, length_css_mm, twips
from .wml import A_NS, O_NS, V_NS, WP_NS, WPS_NS, under_fallback


def shapes(p_el) -> list[Shape]:
    """Straight lines drawn in this paragraph (not inside its text boxes' own paragraphs)."""
    out = []
    for anchor in p_el.iter(f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline"):
        if under_fallback(anchor):
            continue
        ext = anchor.find(f"{{{WP_NS}}}extent")
        if ext is None:
            continue
        cx, cy = twips(ext.get("cx")), twips(ext.get("cy"))
        prst = anchor.find(f".//{{{A_NS}}}prstGeom")
        is_line = (prst is not None and prst.get("prst") in ("line", "straightConnector1")) \
            or anchor.find(f".//{{{WPS_NS}}}cNvCnPr") is not None
        flat = cy < 0.6 * EMU_PER_MM and cx > 5 * EMU_PER_MM and anchor.find(f".//{{{WPS_NS}}}wsp") is not None
        if (is_line or flat) and cx > 0:
            out.append(Shape(cx / EMU_PER_MM, "shape"))
    for el in p_el.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape"):
        if under_fallback(el):  # the VML copy of a DrawingML shape already counted
            continue
        if el.tag == f"{{{V_NS}}}line":
            a, b = (el.get("from") or "0,0").split(","), (el.get("to") or "0,0").split(",")
            x1, x2 = length_css_mm(a[0]), length_css_mm(b[0])
            y1, y2 = length_css_mm(a[-1]), length_css_mm(b[-1])
            if None not in (x1, x2, y1, y2):
                out.append(Shape(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, "shape"))
        elif (el.get(f"{{{O_NS}}}connectortype") == "straight"
              or (el.get("type") or "").endswith("_x0000_t32")):
            style = dict(kv.split(":", 1) for kv in (el.get("style") or "").split(";") if ":" in kv)
            width = length_css_mm(style.get("width", ""))
            if width:
                out.append(Shape(width, "shape"))
    return out


def textbox_width_mm(tb) -> float:
    """The width for text inside a text box: the drawn box less Word's default insets (2 × 2,54 mm)."""
    parent = tb.getparent()
    while parent is not None:
        if parent.tag in (f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline"):
            ext = parent.find(f"{{{WP_NS}}}extent")
            if ext is not None:
                return max(twips(ext.get("cx")) / EMU_PER_MM - 5.08, 10)
        if parent.tag in (f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
            style = dict(kv.split(":", 1) for kv in (parent.get("style") or "").split(";") if ":" in kv)
            width = length_css_mm(style.get("width", ""))
            if width:
                return max(width - 5.08, 10)
        parent = parent.getparent()
    return 80.0
