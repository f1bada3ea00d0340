"""What lint reports: one Finding per deviation, one Report per file."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .constants import KIND_NAMES


@dataclass(frozen=True)
class Finding:
    """One deviation from the format."""

    file: str
    rule: str
    where: str
    what: str
    expected: str

    def format(self) -> str:
        return f"{self.file}: {self.rule}: {self.where}: {self.what} → {self.expected}"


@dataclass
class Report:
    """What lint found in one file: its kind and its deviations."""

    path: Path
    kind: str
    title: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind_name(self) -> str:
        return self.title or KIND_NAMES.get(self.kind, self.kind)


class Findings(list):
    """A rule family's findings in the order found; `add` fills in the file name."""

    def __init__(self, file: str):
        super().__init__()
        self.file = file

    def add(self, rule: str, where: str, what: str, expected: str) -> None:
        self.append(Finding(self.file, rule, where, what, expected))


def unique(findings) -> list[Finding]:
    """Each finding once, where it was first found: two checks may report the same deviation."""
    return list(dict.fromkeys(findings))
