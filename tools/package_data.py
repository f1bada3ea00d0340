"""Build step (named in pyproject.toml): the wheel carries templates_docx/, schemas/ and inputs/ in docgen/_data/.

The folders stay at the top of the checkout, where a clerk sees and edits them; there is one copy in
the repository and no symlink (a Windows checkout or a zip download turns a symlink into a small text
file). A checkout and an editable install read the top-level folders themselves (docgen/resources.py);
only a built wheel gets this copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

DATA = "docgen/_data"  # where docgen.resources looks for its own copy

ROOT = Path(__file__).resolve().parent.parent

FOLDERS = {"templates_docx": "*.docx", "schemas": "*.json", "inputs": "**/*.yaml"}  # the plans and the samples


def data_files() -> list[Path]:
    """The files the wheel carries, relative to the project root."""
    return sorted(f.relative_to(ROOT) for folder, pattern in FOLDERS.items()
                  for f in (ROOT / folder).glob(pattern) if f.is_file())


class BuildPy(build_py):
    """build_py that also copies the data folders into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        target = Path(self.build_lib) / DATA
        shutil.rmtree(target, ignore_errors=True)  # nothing stale from an earlier build
        for rel in data_files():
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / rel, dest)

    def get_source_files(self):
        """What the sdist needs to build the wheel again: the data and this file (relative to the root)."""
        here = Path(__file__).resolve().relative_to(ROOT)
        return [*super().get_source_files(), *(p.as_posix() for p in [here, *data_files()])]
