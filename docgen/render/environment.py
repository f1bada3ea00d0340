"""The sandboxed, strict, autoescaping Jinja environment docgen renders with, and where templates are found."""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen import resources
from docgen.errors import TemplateError

TEMPLATE_DIR = resources.template_dir()


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
def process_env() -> _Sandbox:
    """One environment per process for the compiled templates (the same settings as jinja_env())."""
    return jinja_env()
