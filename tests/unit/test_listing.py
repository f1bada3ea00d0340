"""The paragraph-wise listing rewrite gives exactly docxtpl's resolve_listing text (\\t, \\a, \\n, \\f in values)."""
from __future__ import annotations

import random

from docgen.render import compiled

PIECES = ["a", "Hà Nội", "\n", "\t", "\a", "\f", "&amp;", " "]


def _run(rng: random.Random) -> str:
    props = rng.choice(["", "<w:rPr><w:b/></w:rPr>"])
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
    t = rng.choice(["<w:t>", '<w:t xml:space="preserve">'])
    attrs = rng.choice(["", ' w:rsidR="1"'])
    return f"<w:r{attrs}>{props}{t}{text}</w:t></w:r>"


def _paragraph(rng: random.Random) -> str:
    props = rng.choice(["", '<w:pPr><w:jc w:val="center"/></w:pPr>'])
    attrs = rng.choice(["", ' w:rsidR="2"'])
    runs = "".join(_run(rng) for _ in range(rng.randint(0, 3)))
    return f"<w:p{attrs}>{props}{runs}</w:p>"


def test_same_text_as_docxtpl_resolve_listing():
    rng = random.Random(15)
    for _ in range(2000):
        xml = "<w:body>" + rng.choice(["", "\n"]).join(_paragraph(rng) for _ in range(rng.randint(1, 5))) + "</w:body>"
        assert compiled._PARAGRAPH.sub(compiled._resolve_paragraph, xml) == compiled._HELPER.resolve_listing(xml)
