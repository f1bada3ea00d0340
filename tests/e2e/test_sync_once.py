"""A build makes its staged dossiers durable with one syncfs before the journal's commit point, not an
fsync per file (Linux); where syncfs is missing, every staged file is still fsynced as it is written."""
from __future__ import annotations

import os

import pytest
from conftest import DONG_ANH, PLAN_2017

from docgen.cli import main
from docgen.output import fault, transaction


def _events(monkeypatch) -> list[str]:
    """What the write stage does, in order: its fault steps, each fsync and each syncfs."""
    events: list[str] = []
    step, fsync = fault.step, os.fsync
    monkeypatch.setattr(fault, "step", lambda label, path="": (events.append(label), step(label, path))[1])
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), fsync(fd))[1])
    if transaction._SYNCFS is not None:
        real = transaction._SYNCFS
        monkeypatch.setattr(transaction, "_SYNCFS", lambda fd: (events.append("syncfs"), real(fd))[1])
    return events


def _build(tmp_path, capsys) -> None:
    text = DONG_ANH.read_text(encoding="utf-8").replace("../../ke-hoach-2017.yaml", str(PLAN_2017))
    (tmp_path / "cum-so-1.yaml").write_text(text, encoding="utf-8")
    assert main.main(["build", str(tmp_path / "cum-so-1.yaml"), "--output", str(tmp_path / "out"), "--jobs", "1"]) == 0
    capsys.readouterr()


@pytest.mark.skipif(transaction._SYNCFS is None, reason="syncfs is Linux's")
def test_one_syncfs_before_the_commit_and_no_fsync_per_staged_file(tmp_path, capsys, monkeypatch):
    events = _events(monkeypatch)
    _build(tmp_path, capsys)
    staged = events.count("stage-file")
    assert staged >= 10
    assert events.count("syncfs") == 1
    sync, journal = events.index("syncfs"), events.index("journal-write")
    assert events.index("sync") < sync < journal  # the data is on disk before the commit point
    assert "fsync" not in events[:sync]  # not one per file
    assert events[journal:].count("fsync") <= 6  # the journal and the folders' entries


def test_without_syncfs_each_staged_file_is_fsynced_before_the_commit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(transaction, "_SYNCFS", None)
    events = _events(monkeypatch)
    _build(tmp_path, capsys)
    journal = events.index("journal-write")
    assert "syncfs" not in events
    assert events[:journal].count("fsync") >= events.count("stage-file")
