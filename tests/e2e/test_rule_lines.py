"""The rule-line fitting's paragraph cache (ooxml DocxModel(reuse=True)) never changes a document."""
from __future__ import annotations

from conftest import INPUTS

from docgen import ooxml, resources
from docgen.context import cluster as context_cluster
from docgen.context import index
from docgen.levels import cluster
from docgen.load import discover
from docgen.pipeline import template_check
from docgen.render import document
from docgen.render import rule_lines as render_rule_lines


def every_sample_spec():
    specs = []
    for f in discover.expand([INPUTS]):
        c = cluster.check_cluster(f)
        docs = context_cluster.build_documents(c.plan.data, c.cluster.data, c.result)
        specs += docs + [index.index_spec(c.plan.data, c.cluster.data, docs)]
    return specs + template_check._level_specs(resources.SAMPLES)


def test_cached_and_uncached_fitting_give_the_same_bytes(monkeypatch):
    specs = every_sample_spec()
    cached = [document.render(s.template, s.context) for s in specs]  # twice: the second run hits the cache
    cached_again = [document.render(s.template, s.context) for s in specs]
    assert ooxml._PARA_CACHE, "the fitting did not use the paragraph cache"

    real = ooxml.DocxModel
    monkeypatch.setattr(render_rule_lines, "DocxModel", lambda *a, **kw: real(*a, **{**kw, "reuse": False}))
    ooxml._PARA_CACHE.clear()
    uncached = [document.render(s.template, s.context) for s in specs]
    assert not ooxml._PARA_CACHE
    assert len(specs) > 90
    assert cached == cached_again == uncached


def test_a_cached_paragraph_holds_no_document():
    """Entries are kept without their elements, so that the cache does not keep documents alive."""
    spec = every_sample_spec()[0]
    document.render(spec.template, spec.context)
    assert ooxml._PARA_CACHE
    for p in ooxml._PARA_CACHE.values():
        assert p.el is None and p.container is None and all(r.el is None for r in p.runs)
