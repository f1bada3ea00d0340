"""Guardrail (like sqlite-utils' test_docs): every command explains itself in Vietnamese, with an example,
and is in the README. New commands added later are covered too."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from docgen.cli.main import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)
ENGLISH = ["Usage:", "Options:", "Commands:", "[OPTIONS]", "COMMAND", "[ARGS]", "FILES", " TEXT",
           "DIRECTORY", " PATH", "INTEGER", "Show this message", "default:", "required]"]


def help_of(*args) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="docgen", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_there_are_commands():
    assert {"init", "validate", "build"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_purpose_and_example(name):
    text = help_of(name)
    purpose = cli.commands[name].get_short_help_str(limit=200)
    assert purpose and purpose[0].isupper() and not purpose.endswith("..."), purpose
    assert "Ví dụ:" in text
    examples = text.split("Ví dụ:", 1)[1]
    assert re.search(rf"^\s+docgen {name}\b", examples, re.M), f"no 'docgen {name} ...' example"


@pytest.mark.parametrize("name", [""] + COMMANDS)
def test_help_has_no_english_left(name):
    text = help_of(*([name] if name else []))
    assert text.startswith("Cách dùng: docgen")
    for word in ENGLISH:
        assert word not in text, f"{word!r} in `docgen {name} --help`"


def test_group_help_has_an_example_and_lists_every_command():
    text = help_of()
    assert "Ví dụ:" in text
    for name in COMMANDS:
        assert re.search(rf"^  {name}\s+\S", text, re.M)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name):
    table = README.split("## Lệnh / Commands", 1)[1].split("\n## ", 1)[0]
    assert re.search(rf"^\| `docgen {name}\b", table, re.M), f"`docgen {name}` has no row in the README's command table"


def test_a_wrong_choice_is_explained_in_vietnamese():
    result = CliRunner().invoke(cli, ["init", "--loai-xa", "làng"], prog_name="docgen")
    assert result.exit_code == 2
    assert "'làng' không phải một trong: 'xã', 'phường', 'thị trấn'." in result.output
    assert "is not" not in result.output
