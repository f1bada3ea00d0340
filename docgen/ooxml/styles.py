"""styles.xml read once: basedOn chains, the default styles, the document defaults and theme fonts."""
from __future__ import annotations

from lxml import etree

from .wml import A_NS, on, qn


class Styles:
    """styles.xml with its basedOn chains, the document defaults and the theme fonts."""

    def __init__(self, styles_el, theme_fonts: dict[str, str]):
        self.element = styles_el
        self.by_id: dict[str, etree._Element] = {}
        self.default: dict[str, str] = {}
        self.theme_fonts = theme_fonts
        self.rpr_default = self.ppr_default = None
        if styles_el is None:
            return
        for s in styles_el.iterfind(qn("w:style")):
            sid = s.get(qn("w:styleId"))
            self.by_id[sid] = s
            if on(s.find(qn("w:default"))) or s.get(qn("w:default")) in ("1", "true", "on"):
                self.default.setdefault(s.get(qn("w:type")), sid)
        dd = styles_el.find(qn("w:docDefaults"))
        if dd is not None:
            self.rpr_default = dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.ppr_default = dd.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, sid: str | None) -> list:
        out, seen = [], set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            s = self.by_id[sid]
            out.append(s)
            based = s.find(qn("w:basedOn"))
            sid = based.get(qn("w:val")) if based is not None else None
        return out

    def name(self, sid: str | None) -> str:
        s = self.by_id.get(sid or "")
        n = s.find(qn("w:name")) if s is not None else None
        return n.get(qn("w:val")) if n is not None else (sid or "")

    def font(self, levels, slot: str) -> str | None:
        """The font for `slot` ('ascii' or 'hAnsi') from the first level that sets it; theme fonts resolved."""
        for lv in levels:
            rf = lv.find(qn("w:rFonts"))
            if rf is None:
                continue
            theme = rf.get(qn(f"w:{slot}Theme"))
            if theme:
                return self.theme_fonts.get(theme, f"(phông theo chủ đề {theme})")
            value = rf.get(qn(f"w:{slot}"))
            if value:
                return value
        return None


def theme_fonts(doc) -> dict[str, str]:
    for part in doc.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            root = etree.fromstring(part.blob)
            out = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
                if latin is not None and latin.get("typeface"):
                    for slot in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                        out[f"{kind}{slot}"] = latin.get("typeface")
            return out
    return {}

