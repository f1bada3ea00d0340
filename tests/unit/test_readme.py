"""Guardrails: the README's two commands are the ones CI runs, and the README tells the truth."""
from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_readme_has_the_two_newcomer_commands():
    setup, tests = readme_commands()[:2]
    assert "pip install" in setup and "docgen build" in setup
    assert "pytest" in tests


def test_ci_runs_exactly_the_readme_commands():
    ci_lines = [line.strip() for line in CI.splitlines()]
    for command in readme_commands()[:2]:
        assert command in ci_lines, f"{command!r} không có trong .ci/run"


def test_ci_installs_libreoffice():
    assert "libreoffice-writer-nogui" in CI


def test_every_command_is_in_the_readme_with_examples_in_its_help():
    from docgen.cli.main import cli

    for name, command in cli.commands.items():
        assert f"`docgen {name}" in README, f"README thiếu lệnh `docgen {name}`"
        assert "Ví dụ:" in (command.help or ""), f"`docgen {name} --help` thiếu ví dụ"
