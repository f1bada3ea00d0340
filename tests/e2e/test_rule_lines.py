"""The rule-line fitting remembers paragraphs between documents; that memory never changes a document
and never keeps one alive."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import subprocess
import sys

import pytest
from conftest import DONG_ANH, GIA_LAM, INPUTS, ROOT, cluster_specs, level_specs
from lxml import etree

from docgen.load import discover
from docgen.ooxml import DocxModel, qn
from docgen.render import document

# Renders every sample document in a new process, last one first: each document then meets a paragraph
# memory filled by other documents than in this process (and the first one meets an empty memory).
FRESH = """
import hashlib, json
from conftest import INPUTS, cluster_specs, level_specs
from docgen.load import discover
from docgen.ooxml import DocxModel, qn
from docgen.render import document
specs = cluster_specs(discover.expand([INPUTS])) + level_specs()
print(json.dumps([hashlib.sha256(document.render(s.template, s.context)).hexdigest() for s in reversed(specs)]))
"""


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_rendering_again_or_in_a_fresh_process_gives_the_same_bytes():
    specs = cluster_specs(discover.expand([INPUTS])) + level_specs()
    assert len(specs) > 90
    first = [sha(document.render(s.template, s.context)) for s in specs]
    again = [sha(document.render(s.template, s.context)) for s in specs]  # every paragraph remembered now
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    proc = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    fresh = json.loads(proc.stdout)[::-1]
    changed = [s.file_name for s, a, b, c in zip(specs, first, again, fresh) if not a == b == c]
    assert not changed, f"{len(changed)} documents differ between renderings: {changed[:10]}"


def test_a_remembered_paragraph_reads_like_a_fresh_one(tmp_path):
    """DocxModel(reuse=True), which the fitting uses, sees every paragraph as DocxModel(reuse=False) does."""

    def seen(model):
        return [(p.part, p.text, p.width_mm, p.wrapped()) for p in model.paras]

    for n, s in enumerate(cluster_specs([DONG_ANH]) + level_specs()):
        f = tmp_path / f"{n}.docx"
        f.write_bytes(document.render(s.template, s.context))
        fresh = seen(DocxModel(f, reuse=False))
        assert seen(DocxModel(f, reuse=True)) == fresh == seen(DocxModel(f, reuse=True)), s.file_name


def live_xml_elements() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, etree._Element))


def test_the_paragraph_memory_keeps_no_document_alive():
    """Documents rendered one after another leave no XML behind: the memory holds what the fitting
    learnt from a paragraph, never the paragraph itself (or a city's worth of documents would stay)."""
    for s in cluster_specs([DONG_ANH]):  # templates compiled and cached once
        document.render(s.template, s.context)
    before = live_xml_elements()
    for s in cluster_specs([GIA_LAM]):  # the same templates, other paragraphs
        document.render(s.template, s.context)
    assert live_xml_elements() <= before


@pytest.fixture
def modelled(monkeypatch):
    """The paragraphs the rule-line fitting models (DocxModel built), in order, from now on."""
    from docgen.render import rule_lines
    seen = []

    class Counting(DocxModel):
        def __init__(self, *args, **kwargs):
            seen.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(rule_lines, "DocxModel", Counting)
    return seen


def test_a_head_seen_before_is_not_measured_again(modelled):
    """The documents of a cluster share their header block: once fitted, a head with the same XML takes its
    line lengths from the template's memory, and the document is the same as the plain path's."""
    from docgen.render import plain

    spec = next(s for s in cluster_specs([GIA_LAM]) if s.template == "bien-ban-kiem-tra.docx")
    first = document.render(spec.template, spec.context)
    before = len(modelled)
    again = document.render(spec.template, spec.context)
    assert first == again == plain.render_plain(spec.template, spec.context)
    assert len(modelled) == before + 1  # only the plain path modelled it: the compiled path remembered it


def test_a_head_of_the_same_shape_is_read_again_not_modelled(modelled, monkeypatch):
    """Each commune's Báo cáo tự đánh giá has the same header block but for its names: after the first, the
    fitting takes what the model read and only the texts are read again; every document is the plain path's."""
    from docgen.render import compiled, plain

    monkeypatch.setattr(compiled, "_CACHE", {})  # a template compiled afresh: its memory empty
    specs = [s for s in cluster_specs([GIA_LAM]) if s.template == "bao-cao-tu-danh-gia.docx"]
    assert len(specs) >= 3
    made = [document.render(s.template, s.context) for s in specs]
    assert len(set(made)) == len(specs)  # other names, other documents
    assert len(modelled) == 1  # only the first head was modelled
    for s, data in zip(specs, made):
        assert data == plain.render_plain(s.template, s.context), s.file_name
    assert len(modelled) == 1 + len(specs)  # the plain path models every document


def _head_paras(model):
    """The paragraphs of a model in the order and with the places rule_lines keeps them."""
    return [p for block in model.body.iterchildren() for p in block.iter(qn("w:p"))]


def test_reread_gives_what_the_model_reads(tmp_path):
    """A paragraph read again from another document of the same template (ooxml.reread) is the paragraph
    DocxModel reads there: same text, runs, fonts, widths and lines, for every sample document whose body
    has the shape of an earlier one's."""
    from docgen.render import rule_lines

    def seen(p):
        return (p.text, p.part, p.width_mm, p.align, p.border_bottom, p.wrapped(), p.all_bold(),
                [(r.text, r.bold, r.size, r.fonts, r.el) for r in p.runs], p.el)

    def boxes(paras):  # which paragraphs share a container (compared by identity only)
        numbers: dict = {}
        return [numbers.setdefault(id(p.container), len(numbers)) for p in paras]

    plans: dict = {}
    compared = 0
    for n, s in enumerate(cluster_specs([DONG_ANH, GIA_LAM])):
        f = tmp_path / f"{n}.docx"
        f.write_bytes(document.render(s.template, s.context))
        model = DocxModel(f, headers=False)
        paras = _head_paras(model)
        xml = tuple(etree.tostring(b) for b in model.body.iterchildren())
        shape = (s.template, rule_lines._shape(xml))
        where = {el: i for i, el in enumerate(paras)}
        if shape in plans:
            read = rule_lines._reread(plans[shape], paras)
            if read is not None:
                assert [seen(p) for p in read] == [seen(p) for p in model.paras], s.file_name
                assert boxes(read) == boxes(model.paras), s.file_name
                compared += 1
        else:
            plans[shape] = rule_lines._plan(model.paras, where)
    assert compared >= 5


def test_reread_refuses_a_text_needing_other_fonts():
    """A run whose new text uses another font slot (only ASCII where there was Vietnamese) is not taken
    from the old paragraph: its fonts must be looked up again, so reread says None and the model reads it."""
    from docx import Document

    from docgen.ooxml import reread

    doc = Document()
    p_el = doc.add_paragraph("PHƯỜNG ĐÔNG VÂN").runs[0]._r.getparent()
    model = DocxModel("x.docx", doc=doc, headers=False)
    p = model.paras[0]
    assert reread(p, p_el, p.container).text == "PHƯỜNG ĐÔNG VÂN"
    p_el.find(f"{qn('w:r')}/{qn('w:t')}").text = "PHƯỜNG TÂY HỒ"
    assert reread(p, p_el, p.container).text == "PHƯỜNG TÂY HỒ"
    p_el.find(f"{qn('w:r')}/{qn('w:t')}").text = "CUM SO 1"
    assert reread(p, p_el, p.container) is None


def test_reread_tells_font_slots_as_read_run_does():
    """reread compares which font slots a run's old and new texts use; read_run's own test, char by char."""
    from docgen.ooxml import formatting

    for c in map(chr, range(0x3000)):
        expected = (ord(c) < 128 and not c.isspace(), ord(c) >= 128)
        assert formatting._scripts(c) == expected, hex(ord(c))
    assert formatting._scripts(" \t\x1c") == (False, False) and formatting._scripts("Đ1") == (True, True)
