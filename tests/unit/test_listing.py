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


def _odd_paragraph(rng: random.Random) -> str:
    """A paragraph with listing characters also outside its texts: in attributes, between runs, in an
    empty or self-closing w:t, in a w:tab or w:tbl tag name's neighbourhood."""
    odd = ["\n", "\t", "\a", "\f", ""]
    pieces = [_run(rng) for _ in range(rng.randint(0, 2))]
    pieces += [f'<w:r><w:t xml:space="pre{rng.choice(odd)}serve">x{rng.choice(odd)}</w:t></w:r>',
               f"<w:r><w:t/>{rng.choice(odd)}</w:r>", f"<w:r><w:tab/>{rng.choice(odd)}<w:t>y</w:t></w:r>",
               f"<w:r><w:t>z</w:t>{rng.choice(odd)}</w:r>", rng.choice(odd)]
    rng.shuffle(pieces)
    return f"<w:p>{''.join(pieces[:rng.randint(0, len(pieces))])}</w:p>"


def test_finish_part_gives_docxtpls_text_with_a_declaration_before_the_body():
    """_finish_part runs the listing rewrite only where a listing character may sit in a <w:t>: the \n
    after the XML declaration, newlines between paragraphs or characters in tags change nothing, as in
    docxtpl; one in a text or a w:t's attributes is rewritten."""
    import re

    rng = random.Random(29)
    rewritten = 0
    for _ in range(3000):
        head = rng.choice(["", "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n", "\t<!-- \a -->\n"])
        make = rng.choice([_paragraph, _odd_paragraph])
        body = rng.choice(["", "\n", "\n\n", "\t"]).join(make(rng) for _ in range(rng.randint(0, 4)))
        xml = f"{head}<w:document><w:body>{body}</w:body></w:document>"
        rendered = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)  # as _compile_part gives it to Jinja
        plain = re.sub(r"\n<w:p([ >])", r"<w:p\1", rendered)
        docxtpl = compiled._HELPER.resolve_listing(plain)
        assert compiled._finish_part(rendered) == docxtpl, xml
        rewritten += docxtpl != plain
    assert rewritten > 300


def test_a_part_without_tags_is_rendered_once_as_jinja_renders_it():
    from docgen.render import environment

    env = environment.jinja_env()
    for src in ["", "Hồ sơ", "dòng\n", "a\r\nb\n\n", "<w:p>x &amp; y</w:p>\n", "50% } %}"]:
        part = compiled._template(env, src, f"test|{src}")
        assert isinstance(part, compiled._Constant), src
        assert part.render({"x": 1}) == env.from_string(src).render({"x": 1})
    for src in ["{{ x }}", "{% if x %}a{% endif %}", "{# note #}b"]:
        assert not isinstance(compiled._template(env, src, f"test|{src}"), compiled._Constant)


def _nested_or_broken(rng: random.Random) -> str:
    """Paragraphs inside paragraphs (a text box), opening tags without a closing one, a closing tag alone,
    an opening tag whose attributes swallow a "</w:p>" (not XML, but text the rewrite must treat as docxtpl)."""
    odd = rng.choice(["<w:p>", "</w:p>", '<w:p w:x="</w:p>">', "<w:p a<b>", "<w:pPr>\n</w:pPr>", "\n"])
    inner = _paragraph(rng)
    return rng.choice([f"<w:p><w:r><w:txbxContent>{inner}</w:txbxContent>\n<w:t>a\nb</w:t></w:r></w:p>",
                       odd, _paragraph(rng) + odd, odd + _odd_paragraph(rng)])


def test_only_paragraphs_with_a_listing_character_in_a_text_go_through_resolve_listing(monkeypatch):
    """The same text as docxtpl's whole-part rewrite, on ordinary, odd, nested and broken paragraphs; and
    resolve_listing is called for the paragraphs with a listing character in a w:t only (newlines between
    runs, in tags or between paragraphs no longer send a paragraph through it)."""
    import re

    rng = random.Random(31)
    for _ in range(4000):
        make = rng.choice([_paragraph, _odd_paragraph, _nested_or_broken])
        sep = rng.choice(["", "\n", "\t\n"])
        xml = "<w:body>" + sep.join(make(rng) for _ in range(rng.randint(0, 6))) + "</w:body>"
        if rng.random() < 0.3:  # docxtpl's escaped tag marks, as a value or the template may leave them
            xml = xml.replace("a", rng.choice(["{_{", "}_}", "{_%", "%_}", "{_", "_}", "{_%_}"]))
        plain = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)  # docxtpl's render_xml_part, before resolve_listing
        plain = plain.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        assert compiled._finish_part(xml) == compiled._HELPER.resolve_listing(plain), xml

    seen = []
    resolve = compiled._HELPER.resolve_listing
    monkeypatch.setattr(compiled._HELPER, "resolve_listing", lambda text: seen.append(text) or resolve(text))
    plain = '<w:p><w:r><w:t>Kế hoạch</w:t></w:r>\n<w:r><w:tab/></w:r></w:p>'
    listed = '<w:p><w:r><w:t xml:space="preserve">Dòng 1\nDòng 2</w:t></w:r></w:p>'
    out = compiled._finish_part("<w:body>" + "".join([plain] * 50 + [listed] + [plain] * 50) + "</w:body>")
    assert seen == [listed]
    assert out.count("<w:br/>") == 1 and out.count(plain) == 100
