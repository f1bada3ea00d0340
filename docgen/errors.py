"""All errors docgen raises: one root, each carrying where the problem is and what to do."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem found in a user's file: where it is and what to do about it."""

    message: str
    source: str = ""
    line: int | None = None
    column: int | None = None
    pointer: str = ""
    level: str = "error"  # "error" blocks the build; "warning" never does

    def location(self) -> str:
        """`file:line:col`, or as much of it as is known."""
        parts = [self.source or "<?>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    @property
    def is_error(self) -> bool:
        """An error blocks the build; a warning never does."""
        return self.level == "error"

    def format(self) -> str:
        prefix = "cảnh báo: " if self.level == "warning" else ""
        where = f" [{self.pointer}]" if self.pointer else ""
        return f"{self.location()}: {prefix}{self.message}{where}"


def only_errors(issues) -> list[Issue]:
    """The issues that block the build, in order; warnings left out."""
    return [i for i in issues if i.is_error]


class DocgenError(Exception):
    """Root of every error docgen raises on purpose; the CLI turns it into exit code 1."""

    def __init__(self, message: str, issues: list[Issue] | None = None):
        super().__init__(message)
        self.message = message
        self.issues: list[Issue] = list(issues or [])

    def lines(self) -> list[str]:
        """The message, then one line per issue, ready to print."""
        return [self.message] + [issue.format() for issue in self.issues]


class InputError(DocgenError):
    """Raised when an input file cannot be read or parsed (missing, not YAML, bad encoding)."""


class ValidationFailed(DocgenError):
    """Raised when input files parse but break the schema or the plan's rules."""


class Incomplete(ValidationFailed):
    """Raised when a cluster file still has required values left empty: a to-do list, not a wall of errors."""

    def __init__(self, source: str, todo: list[Issue], errors: list[Issue] | None = None):
        self.todo = list(todo)
        self.errors = list(errors or [])
        more = f" và {len(self.errors)} lỗi" if self.errors else ""
        super().__init__(f"{source}: chưa đủ, còn {len(self.todo)} mục cần điền{more}.", self.todo + self.errors)

    def lines(self) -> list[str]:
        out = [self.message, "Các mục còn trống (dòng: mục):"]
        out += [f"  dòng {i.line}: {i.message.split(': ', 1)[-1]}" for i in self.todo]
        if self.errors:
            out.append("Lỗi cần sửa:")
            out += [f"  {e.format()}" for e in self.errors]
        out.append("Mở tệp, điền các mục trên (gõ sau dấu ':'), lưu lại rồi chạy lại lệnh.")
        return out


class ScoreError(DocgenError):
    """Raised when scores are not valid numbers for the plan (negative, above the max...)."""


class TemplateError(DocgenError):
    """Raised when a .docx template is missing or its Jinja tags fail."""


class OutputError(DocgenError):
    """Raised when the dossier cannot be written safely (hand-edited files, disk errors)."""
