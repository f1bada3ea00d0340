"""The rule-line fitting remembers paragraphs between documents; that memory never changes a document
and never keeps one alive."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import subprocess
import sys

from conftest import DONG_ANH, GIA_LAM, INPUTS, ROOT, cluster_specs, level_specs
from lxml import etree

from docgen.load import discover
from docgen.ooxml import DocxModel
from docgen.render import document

# Renders every sample document in a new process, last one first: each document then meets a paragraph
# memory filled by other documents than in this process (and the first one meets an empty memory).
FRESH = """
import hashlib, json
from conftest import INPUTS, cluster_specs, level_specs
from docgen.load import discover
from docgen.ooxml import DocxModel
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


def test_a_head_seen_before_is_not_measured_again(monkeypatch):
    """The documents of a cluster share their header block: once fitted, a head with the same XML takes its
    line lengths from the template's memory, and the document is the same as the plain path's."""
    from docgen.render import plain, rule_lines

    modelled = []

    class Counting(DocxModel):
        def __init__(self, *args, **kwargs):
            modelled.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(rule_lines, "DocxModel", Counting)
    spec = next(s for s in cluster_specs([GIA_LAM]) if s.template == "bien-ban-kiem-tra.docx")
    first = document.render(spec.template, spec.context)
    before = len(modelled)
    again = document.render(spec.template, spec.context)
    assert first == again == plain.render_plain(spec.template, spec.context)
    assert len(modelled) == before + 1  # only the plain path modelled it: the compiled path remembered it
