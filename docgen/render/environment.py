"""The sandboxed, strict, autoescaping Jinja environment docgen renders with, and where templates are found."""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from docgen import resources
from docgen.errors import TemplateError
from docgen.render.sandbox import GuardedSandbox

TEMPLATE_DIR = resources.template_dir()


FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same input, same bytes: no clock in the zip


FIXED_ISO = b"1980-01-01T00:00:00Z"  # ... nor in the document's properties (created, modified)


def jinja_env() -> GuardedSandbox:
    """Sandboxed with a budget of work and text (a clerk may edit templates: render/sandbox.py), strict
    (an unknown variable is an error, never silently empty) and autoescaped (an '&' or '<' in a name
    must not break the XML)."""
    return GuardedSandbox(undefined=jinja2.StrictUndefined, autoescape=True)


def template_path(name: str, template_dir: Path | None = None) -> Path:
    """The template file a document is made from: the clerk's own copy in `template_dir` when it has
    one of that name, otherwise docgen's shipped template."""
    if template_dir is not None and (Path(template_dir) / name).is_file():
        return Path(template_dir) / name
    path = TEMPLATE_DIR / name
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu văn bản {path}. Hãy khôi phục tệp mẫu trong thư mục "
                            f"templates_docx/ (ví dụ bằng `git checkout templates_docx/{name}`).")
    return path


@functools.lru_cache(maxsize=1)
def process_env() -> GuardedSandbox:
    """One environment per process for the compiled templates (the same settings as jinja_env())."""
    return jinja_env()


def file_version(path: Path) -> tuple:
    """What tells one version of a file from another in this process: its path as given, the file it names
    (device and inode: a template replaced by another one, renamed over it with its size and time kept as
    `cp -p` or an unzip keeps them, is another file), its size and modification time. One stat, where
    resolving the path to compare (an lstat per folder of it) cost 30 µs a document."""
    st = path.stat()
    return (str(path), st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
