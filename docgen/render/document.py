"""Render one document: the compiled fast path, or the plain path when a template needs it."""
from __future__ import annotations

from pathlib import Path

from docgen.errors import Issue
from docgen.render import compiled
from docgen.render.environment import FIXED_TIME, process_env, template_path
from docgen.render.plain import render_plain


def render(template: str, context: dict, template_dir: Path | None = None) -> bytes:
    """The rendered .docx as bytes; TemplateError naming the template, its part and the tag on failure.

    Uses the template compiled once per process (docgen.compiled) when it can be mirrored exactly,
    otherwise plain docxtpl; both give the same bytes. On any failure the plain path runs again, so
    that the error names the part and the tag as precisely as it can."""

    path = template_path(template, template_dir)
    if compiled.is_plain(context):
        try:
            fast = compiled.compiled_for(path, process_env(), FIXED_TIME)
            if fast is not None:
                return compiled.render_compiled(fast, context, FIXED_TIME)
        except Exception:  # noqa: BLE001 - the plain path below reports it properly
            pass
    return render_plain(template, context, template_dir)


def slow_templates(templates, template_dir: Path | None = None) -> list[Issue]:
    """A warning for each of these templates (file names, each once) that cannot take the fast path:
    its documents are still made, the same bytes, only slower; the clerk who edited it should know."""
    issues = []
    for name in dict.fromkeys(templates):
        path = template_path(name, template_dir)
        reason = compiled.slow_reason(path, process_env(), FIXED_TIME)
        if reason is not None:
            issues.append(Issue(f"mẫu {name} không dùng được cách lập nhanh ({reason}); vẫn lập được văn bản "
                                "nhưng chậm hơn.", str(path), level="warning"))
    return issues
