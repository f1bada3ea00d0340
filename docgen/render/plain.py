"""Render stage, plain path: docxtpl as documented, plus rule lines and fixed zip metadata."""
from __future__ import annotations

import io
from pathlib import Path

from docxtpl import DocxTemplate

from docgen.errors import TemplateError
from docgen.render import diagnose, rule_lines, template_check
from docgen.render.environment import jinja_env, template_path
from docgen.render.package import normalize_zip


def render_plain(template: str, context: dict, template_dir: Path | None = None) -> bytes:
    """Plain docxtpl: a new DocxTemplate and a new Jinja environment per document (the reference)."""
    path = template_path(template, template_dir)
    try:
        doc = DocxTemplate(str(path))
        doc.init_docx()
    except Exception as e:  # noqa: BLE001 - whatever python-docx says, the file is not a usable .docx
        raise TemplateError(f"Mẫu văn bản {path}: không mở được ({type(e).__name__}), không phải tệp .docx hợp "
                            "lệ. Hãy lưu lại mẫu bằng Word hoặc LibreOffice dạng .docx.") from e
    env = jinja_env()
    try:
        doc.render(context, env, autoescape=True)
        rule_lines.fit(doc.docx, path.name)  # F-CQ-3, F-TL-3: short lines sized to the text now filled in
        buf = io.BytesIO()
        doc.save(buf)
    except Exception as e:  # noqa: BLE001 - the context is docgen's own: a failure here is the template's
        part = getattr(getattr(doc, "current_rendering_part", None), "partname", None)
        raise TemplateError(diagnose.describe(path, e, part, env, template_check.known_names(context))) from e
    return normalize_zip(buf.getvalue())
