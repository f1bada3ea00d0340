"""Printing helpers shared by the commands, and the signal that a command reported problems (exit code 1)."""
from __future__ import annotations

import click


class Failed(Exception):
    """Raised by a command that has already printed what is wrong with the user's files: exit code 1."""


class Partial(Exception):
    """Raised by a command that wrote what it could and has printed what waits for more data: exit code 4."""


def err(line: str) -> None:
    click.echo(line, err=True)


def echo_all(lines) -> None:
    for line in lines:
        click.echo(line)


def err_all(issues) -> None:
    """Each issue (or warning) on its own line of stderr, `file:line:col: message`."""
    for issue in issues:
        err(issue.format())


def count(n: int) -> str:
    """1.022: Vietnamese groups thousands with a dot."""
    return f"{n:,}".replace(",", ".")
