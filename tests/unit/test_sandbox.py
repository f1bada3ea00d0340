"""The template sandbox: hostile templates stop with a Vietnamese reason; templates within bounds render
exactly as Jinja's own sandbox renders them. Sizes here are just above each bound, so that code without
the bound renders them (slowly) instead of raising: the tests fail on it without hurting the machine."""
from __future__ import annotations

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen.render.environment import jinja_env
from docgen.render.sandbox import TemplateLimit

HOSTILE = [
    ("{{ 'x'|center(150000) }}", "'center' được gọi với số 150.000"),
    ("{{ 'x'.ljust(150000) }}", "'ljust' được gọi với số 150.000"),
    ("{{ '%150000s' % 'x' }}", "độ rộng 150000"),
    ("{{ '%*s' % (150000, 'x') }}", "số 150.000"),
    ("{{ '{:>150000}'.format('x') }}", "độ rộng 150000"),
    ("{{ '{:>{}}'.format('x', 150000) }}", "số 150.000"),
    ("{{ ('x' * 50000)|replace('', 'y' * 50) }}", "bộ lọc 'replace'"),
    ("{{ ('x' * 50000).replace('x', 'y' * 50) }}", "'replace'"),
    ("{{ range(3000)|map('string')|join('y' * 1000) }}", "bộ lọc 'join'"),
    ("{{ ('a\n' * 40000)|indent(100) }}", "bộ lọc 'indent'"),
    ("{{ [1]|batch(150000, 'x')|list|length }}", "'batch' được gọi với số 150.000"),
    ("{% for a in range(1100) %}{% for b in range(1000) %}{% endfor %}{% endfor %}", "quá nhiều việc"),
    ("{% macro m() %}{% for i in range(210) %}{{ big }}{% endfor %}{% endmacro %}"
     "{% for j in range(1000) %}{{ m()|length }}{% endfor %}", "quá nhiều chữ"),
    ("{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(19) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     "quá dài (2.621.440"),
    ("{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(19) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
     "phép cộng '+'"),
    ("{{ lipsum(150000)|length }}", "số 150.000"),
    ("{% for x in range(3) recursive %}{% if loop.depth < 3 %}{{ loop(range(1000)) }}{% endif %}{% endfor %}",
     "quá nhiều việc"),
]


@pytest.mark.parametrize("source, why", HOSTILE, ids=[h[0][:40] for h in HOSTILE])
def test_a_hostile_template_is_stopped_with_its_reason(source, why):
    with pytest.raises(TemplateLimit) as e:
        jinja_env().from_string(source).render(big="b" * 100_000)
    assert why in str(e.value)


@pytest.mark.parametrize("source", [
    "{% for u in units %}{{ loop.index }}. {{ u.ten|upper }} – {{ '%.1f' % u.diem }}{% endfor %}",
    "{{ 'x'|center(9) }}|{{ xs|join(', ') }}|{{ 'a' ~ 'b' ~ 1 }}|{{ '{:>5}'.format('z') }}|{{ '{:,}'.format(1234567) }}",
    "{% macro m(n) %}<{{ n }}>{% endmacro %}{% for i in range(3) %}{{ m(i) }}{% endfor %}{{ 2 ** 10 }}{{ [1] + [2] }}",
    "{% set s %}{% for x in xs %}{{ x }}&amp;{% endfor %}{% endset %}{{ s|length }} {{ xs|map('upper')|list }}",
    "{% for x in tree recursive %}[{{ x.n }}{{ loop(x.c) }}]{% endfor %}{{ 'a\nb'|indent(2, true) }}",
])
def test_templates_within_bounds_render_as_jinja_renders_them(source):
    data = {"units": [{"ten": "Cổ Loa", "diem": 92.5}, {"ten": "Uy <Nỗ>", "diem": 80}], "xs": ["a&b", "c"],
            "tree": [{"n": 1, "c": [{"n": 2, "c": []}]}]}
    plain = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    assert jinja_env().from_string(source).render(data) == plain.from_string(source).render(data)
