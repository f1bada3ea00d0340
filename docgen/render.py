"""Render stage: fill a .docx template with a context through docxtpl, strictly and safely, into bytes."""
from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from .errors import TemplateError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / "templates_docx"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same input, same bytes: no clock in the zip


def jinja_env() -> SandboxedEnvironment:
    """Sandboxed (a clerk may edit templates), strict (an unknown variable is an error, never
    silently empty) and autoescaped (an '&' or '<' in a name must not break the XML)."""
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def template_path(name: str, template_dir: Path | None = None) -> Path:
    path = (template_dir or TEMPLATE_DIR) / name
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu văn bản {path}. Hãy khôi phục tệp mẫu trong thư mục "
                            f"templates_docx/ (ví dụ bằng `git checkout templates_docx/{name}`).")
    return path


def render(template: str, context: dict, template_dir: Path | None = None) -> bytes:
    """The rendered .docx as bytes; TemplateError naming the template and the tag on failure.

    Uses the template compiled once per process (docgen.compiled) when it can be mirrored exactly,
    otherwise plain docxtpl; both give the same bytes."""
    from . import compiled  # imports this module

    path = template_path(template, template_dir)
    with _template_errors(path):
        fast = compiled.compiled_for(path, _process_env(), FIXED_TIME) if compiled.is_plain(context) else None
        if fast is not None:
            return compiled.render_compiled(fast, context, FIXED_TIME)
    return render_plain(template, context, template_dir)


def render_plain(template: str, context: dict, template_dir: Path | None = None) -> bytes:
    """Plain docxtpl: a new DocxTemplate and a new Jinja environment per document (the reference)."""
    path = template_path(template, template_dir)
    with _template_errors(path):
        doc = DocxTemplate(str(path))
        doc.render(context, jinja_env(), autoescape=True)
        buf = io.BytesIO()
        doc.save(buf)
    return normalize_zip(buf.getvalue())


_ENV: SandboxedEnvironment | None = None


def _process_env() -> SandboxedEnvironment:
    """One environment per process for the compiled templates (the same settings as jinja_env())."""
    global _ENV
    if _ENV is None:
        _ENV = jinja_env()
    return _ENV


@contextlib.contextmanager
def _template_errors(path: Path):
    """Jinja and package errors as TemplateError naming the template and what to fix."""
    try:
        yield
    except jinja2.UndefinedError as e:
        raise TemplateError(f"{path}: mẫu dùng biến không có trong dữ liệu ({_undefined_name(e)}). "
                            "Kiểm tra lại tên biến trong thẻ {{ ... }} của mẫu.") from e
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{path}: thẻ Jinja sai cú pháp ({e.message}). Kiểm tra các thẻ "
                            "{{ ... }} và {% ... %} trong mẫu.") from e
    except jinja2.exceptions.SecurityError as e:
        raise TemplateError(f"{path}: mẫu dùng thao tác không được phép ({e}).") from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"{path}: lỗi khi điền mẫu ({e}).") from e
    except (zipfile.BadZipFile, KeyError) as e:
        raise TemplateError(f"{path}: không phải tệp .docx hợp lệ. Hãy lưu lại mẫu bằng Word "
                            "hoặc LibreOffice dạng .docx.") from e


def _undefined_name(e: jinja2.UndefinedError) -> str:
    return str(e.message or e).replace("'", "")


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that the same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
