"""Render stage: fill a .docx template with a context through docxtpl, strictly and safely, into bytes."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import rule_lines, templates
from .errors import TemplateError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / "templates_docx"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same input, same bytes: no clock in the zip
FIXED_ISO = b"1980-01-01T00:00:00Z"  # ... nor in the document's properties (created, modified)
MAX_REPEAT = 100_000  # longest text or list a template may build with '*'


class _Sandbox(ImmutableSandboxedEnvironment):
    """A template cannot reach Python internals, change the data shared by the documents of a dossier,
    or build a string of a billion characters with `'x' * 10**9`."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 100:
            raise SecurityError("số mũ quá lớn")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
                    raise SecurityError("chuỗi hoặc danh sách quá dài")
        return super().call_binop(context, operator, left, right)


def jinja_env() -> ImmutableSandboxedEnvironment:
    """Sandboxed (a clerk may edit templates), strict (an unknown variable is an error, never
    silently empty) and autoescaped (an '&' or '<' in a name must not break the XML)."""
    return _Sandbox(undefined=jinja2.StrictUndefined, autoescape=True)


def template_path(name: str, template_dir: Path | None = None) -> Path:
    path = (template_dir or TEMPLATE_DIR) / name
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu văn bản {path}. Hãy khôi phục tệp mẫu trong thư mục "
                            f"templates_docx/ (ví dụ bằng `git checkout templates_docx/{name}`).")
    return path


def render(template: str, context: dict, template_dir: Path | None = None) -> bytes:
    """The rendered .docx as bytes; TemplateError naming the template, its part and the tag on failure.

    Uses the template compiled once per process (docgen.compiled) when it can be mirrored exactly,
    otherwise plain docxtpl; both give the same bytes. On any failure the plain path runs again, so
    that the error names the part and the tag as precisely as it can."""
    from . import compiled  # imports this module

    path = template_path(template, template_dir)
    if compiled.is_plain(context):
        try:
            fast = compiled.compiled_for(path, _process_env(), FIXED_TIME)
            if fast is not None:
                return compiled.render_compiled(fast, context, FIXED_TIME)
        except Exception:  # noqa: BLE001 - the plain path below reports it properly
            pass
    return render_plain(template, context, template_dir)


_ENV: _Sandbox | None = None


def _process_env() -> _Sandbox:
    """One environment per process for the compiled templates (the same settings as jinja_env())."""
    global _ENV
    if _ENV is None:
        _ENV = jinja_env()
    return _ENV


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
        raise TemplateError(templates.describe(path, e, part, env, templates.known_names(context))) from e
    return normalize_zip(buf.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that the same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = fixed_core_properties(data)
            dst.writestr(fixed, data)
    return out.getvalue()


def fixed_core_properties(xml: bytes) -> bytes:
    """The document's properties without a clock or an editor's name: created and modified are fixed."""
    xml = re.sub(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>" + FIXED_ISO + rb"\g<3>", xml)
    xml = re.sub(rb"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)", rb"\g<1>" + FIXED_ISO + rb"\g<2>", xml)
    xml = re.sub(rb"(<cp:lastModifiedBy>)[^<]*(</cp:lastModifiedBy>)", rb"\g<1>docgen\g<2>", xml)
    return re.sub(rb"(<cp:revision>)[^<]*(</cp:revision>)", rb"\g<1>1\g<2>", xml)
