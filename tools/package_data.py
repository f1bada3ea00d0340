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

FOLDERS = {"templates_docx": "*.docx", "schemas": "*.json", "inputs": "**/*.yaml"}  # the plans and the samples


def data_files(root: Path) -> list[Path]:
    """The files the wheel carries, relative to the project root."""
    return sorted(f.relative_to(root) for folder, pattern in FOLDERS.items()
                  for f in (root / folder).glob(pattern) if f.is_file())


class BuildPy(build_py):
    """build_py that also copies the data folders into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        root = Path.cwd()  # setuptools builds from the project root
        target = Path(self.build_lib) / DATA
        shutil.rmtree(target, ignore_errors=True)  # nothing stale from an earlier build
        for rel in data_files(root):
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / rel, dest)

    def get_source_files(self):
        """What the sdist needs to build the wheel again: the data and this file."""
        here = Path(__file__).resolve().relative_to(Path.cwd().resolve()).as_posix()
        return [*super().get_source_files(), here, *(p.as_posix() for p in data_files(Path.cwd()))]
