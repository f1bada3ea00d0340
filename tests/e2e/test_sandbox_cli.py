"""A clerk's template that asks for gigabytes or endless loops: `docgen build -t` stops with a message
naming the template and the tag, on the fast compiled path as on the plain one.

The CLI runs in a subprocess capped in memory (RLIMIT_AS) and CPU time (RLIMIT_CPU): code without the
sandbox's bounds dies there (killed, or an internal error) instead of hanging or swapping the machine.
The caps are not timings: the bounded code needs a small fraction of each."""
from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest
from conftest import DONG_ANH, ROOT
from test_templates_check import edited_templates

from docgen.errors import TemplateError
from docgen.levels import cluster as levels_cluster
from docgen.pipeline import dossier
from docgen.render import compiled, document, environment
from docgen.render.sandbox import TemplateLimit

TAG = "{{ don_vi.ten_ubnd }}"
HOSTILE = {
    "center": ("{{ 'x'|center(300000000) }}", "'center' được gọi với số 300.000.000"),
    "loops": ("{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
              "{% endfor %}{% endfor %}{% endfor %}", "quá nhiều việc"),
}


def docgen(*args, cwd):
    def caps():
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 ** 2,) * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (120, 120))
    return subprocess.run([sys.executable, "-m", "docgen", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, preexec_fn=caps, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("kind", HOSTILE)
def test_build_stops_a_hostile_template_and_names_it(tmp_path, kind):
    source, why = HOSTILE[kind]
    folder = edited_templates(tmp_path, "bien-ban-kiem-tra.docx", TAG, source)
    run = docgen("build", DONG_ANH, "-o", tmp_path / "out", "-j", "1", "-t", folder, cwd=tmp_path)
    assert run.returncode == 1, run.stderr[-3000:]
    assert f"Mẫu văn bản {folder / 'bien-ban-kiem-tra.docx'} (phần thân văn bản), thẻ" in run.stderr
    assert why in run.stderr and "bỏ mẫu khỏi thư mục -t" in run.stderr
    assert "Traceback" not in run.stderr and "Lỗi nội bộ" not in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))


def test_the_fast_compiled_path_holds_the_same_bounds(tmp_path):
    source = "{% for a in range(2000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}"
    folder = edited_templates(tmp_path, "bien-ban-kiem-tra.docx", TAG, source)
    checked = levels_cluster.check_cluster(DONG_ANH)
    spec = next(s for s in dossier.context_cluster.build_documents(checked.plan.data, checked.cluster.data,
                                                                      checked.result)
                if s.template == "bien-ban-kiem-tra.docx")
    fast = compiled.compiled_for(folder / spec.template, environment.process_env(), environment.FIXED_TIME)
    assert fast is not None  # the template takes the fast path...
    with pytest.raises(TemplateLimit):  # ...and the bound holds there
        compiled.render_compiled(fast, spec.context, environment.FIXED_TIME)
    with pytest.raises(TemplateError) as e:  # and through the public entry, whichever path it takes
        document.render(spec.template, spec.context, folder)
    assert "thẻ {% for a in range(2000) %}" in e.value.message and "quá nhiều việc" in e.value.message
