"""The ready-made LibreOffice profile (output.office_profile): made once by LibreOffice itself, kept in the
cache folder and copied for each office; the same PDF bytes as a seeded profile; every failure falls back
to the seeded profile, and nothing half-made is ever copied or left behind."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from conftest import DONG_ANH, require_soffice
from pypdf import PdfReader

from docgen.output import office_profile, pdf, soffice


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(folder))
    monkeypatch.setattr(office_profile, "_made", {})
    return folder


@pytest.fixture
def known(monkeypatch):
    """A LibreOffice 'lo' whose version is known (no real one run: `run` stands for it)."""
    monkeypatch.setitem(office_profile._versions, "lo", "7.4")
    return "lo"


def making(rc=0, effect=None):
    """A stand-in for LibreOffice making a profile: writes what it writes, returns `rc`; counts its runs."""
    runs = []

    def run(args, timeout):
        runs.append(args)
        profile = Path(url2pathname(urlparse(args[0].split("=", 1)[1]).path))
        (profile / "user" / "basic").mkdir(parents=True)
        (profile / "user" / "basic" / "script.xlc").write_text("basic", encoding="utf-8")
        if effect:
            effect(profile)
        return rc
    run.runs = runs
    return run


def test_made_once_then_copied_for_every_office(cache, known, tmp_path):
    run = making()
    assert office_profile.prepare(tmp_path / "p1", known, run) == "copied"
    assert office_profile.prepare(tmp_path / "p2", known, run) == "copied"
    assert len(run.runs) == 1 and "--terminate_after_init" in run.runs[0]
    for p in ("p1", "p2"):
        assert (tmp_path / p / "user" / "basic" / "script.xlc").read_text(encoding="utf-8") == "basic"
        assert "<value>7.4</value>" in (tmp_path / p / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    made = [p.name for p in cache.iterdir()]
    assert len(made) == 1 and made[0].startswith("lo-profile-")  # no temporary folder left
    office_profile._made.clear()  # another docgen process: finds it, does not make it again
    assert office_profile.prepare(tmp_path / "p3", known, run) == "copied" and len(run.runs) == 1


@pytest.mark.parametrize("rc", [1, None])
def test_a_libreoffice_that_fails_or_hangs_leaves_the_seeded_profile(cache, known, tmp_path, rc):
    run = making(rc)
    assert office_profile.prepare(tmp_path / "p", known, run) == "seeded"
    assert (tmp_path / "p" / "user" / "registrymodifications.xcu").is_file()
    assert not (tmp_path / "p" / "user" / "basic").exists()
    assert list(cache.iterdir()) == []  # nothing half-made kept


def test_no_cache_folder_or_unknown_version_changes_nothing(tmp_path, monkeypatch, known):
    monkeypatch.setattr(office_profile, "_made", {})
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")
    run = making()
    assert office_profile.prepare(tmp_path / "p", known, run) == "seeded" and not run.runs
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "c"))
    assert office_profile.prepare(tmp_path / "q", "unknown-office", run) == "" and not run.runs
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(blocker / "cache"))
    assert office_profile.prepare(tmp_path / "r", known, run) == "seeded" and not run.runs


def test_another_docgen_that_made_it_meanwhile_is_used(cache, known, tmp_path):
    target = office_profile.folder_for(known)

    def theirs(profile):  # while ours is made, another process renames its own into place
        shutil.copytree(profile, target)
        (target / "user" / "theirs").write_text("1", encoding="utf-8")

    assert office_profile.prepare(tmp_path / "p", known, making(effect=theirs)) == "copied"
    assert (tmp_path / "p" / "user" / "theirs").is_file()  # theirs, whole
    assert list(cache.iterdir()) == [target]  # ours removed


def test_half_made_profiles_of_killed_runs_are_removed_later(cache, known, tmp_path):
    cache.mkdir()
    old, recent = cache / ".lo-profile-old", cache / ".lo-profile-recent"
    for folder in (old, recent):
        (folder / "profile").mkdir(parents=True)
    past = time.time() - office_profile.STALE_S - 60
    os.utime(old, (past, past))
    office_profile.prepare(tmp_path / "p", known, making())
    assert not old.exists() and recent.exists()  # a recent one may be another docgen's, at work


def test_another_language_gets_another_profile(cache, known, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    office_profile.prepare(tmp_path / "p", known, making())
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    office_profile._made.clear()
    office_profile.prepare(tmp_path / "q", known, making())
    assert len([p for p in cache.iterdir() if p.name.startswith("lo-profile-")]) == 2


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands for LibreOffice")
def test_a_libreoffice_that_does_not_stop_is_killed(tmp_path):
    exe = tmp_path / "soffice"
    pid = tmp_path / "pid"
    exe.write_text(f'#!/bin/sh\necho $$ > "{pid}"\nexec sleep 60\n', encoding="utf-8")
    exe.chmod(0o755)
    started = time.monotonic()
    assert soffice._run_once(str(exe), ["--terminate_after_init"], 1.0) is None
    assert time.monotonic() - started < 30
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid.read_text()), 0)


@pytest.mark.libreoffice
def test_real_office_copies_the_ready_made_profile_and_prints_the_same_pdf(cache, tmp_path, monkeypatch):
    exe = require_soffice()
    built = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", str(tmp_path / "ra")],
                           capture_output=True, text=True, env={**os.environ, "DOCGEN_CACHE_DIR": ""})
    assert built.returncode == 0, built.stderr
    docx = next((tmp_path / "ra").rglob("bien-ban-hop-cum.docx"))
    pdfs = []
    for where in ("", str(cache)):  # seeded, then copied
        monkeypatch.setenv("DOCGEN_CACHE_DIR", where)
        office = soffice.Office(exe)
        try:
            office.launch()
            assert office._ready()
            assert office.prepared == ("copied" if where else "seeded")
            got = office.convert({docx.name: docx.read_bytes()})
            pdfs.append(got["bien-ban-hop-cum.pdf"])
        finally:
            office.close()
    assert next(cache.glob("lo-profile-*/user/registrymodifications.xcu")).is_file()
    assert pdf.reproducible(pdfs[0]) == pdf.reproducible(pdfs[1])
    assert len(PdfReader(io.BytesIO(pdfs[1])).pages) >= 1


def test_the_profile_of_a_libreoffice_unused_for_a_month_is_removed(cache, known, tmp_path):
    old = cache / "lo-profile-0000old"
    (old / "user").mkdir(parents=True)
    past = time.time() - 31 * 86400
    os.utime(old, (past, past))
    office_profile.prepare(tmp_path / "p", known, making())
    assert not old.exists() and office_profile.folder_for(known).is_dir()


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_a_copied_profile_whose_office_does_not_start_is_not_used_again(fake, cache, monkeypatch):
    exe, home = fake
    monkeypatch.setitem(office_profile._versions, exe, "7.4")
    office = soffice.Office(exe)
    try:
        assert list(office.convert({"a.docx": b"x"})) == ["a.pdf"]
        assert office.prepared == "copied" and office_profile.folder_for(exe).is_dir()  # made once, copied
    finally:
        office.close()
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "cold")  # now its office does not stay up (as with a broken profile)
    office = soffice.Office(exe)
    try:
        assert list(office.convert({"b.docx": b"x"})) == ["b.pdf"]  # converted all the same, by a cold office
        assert office.prepared == "seeded"  # its copy replaced by a seeded profile...
        assert not office_profile.folder_for(exe).exists()  # ...and the ready-made one removed: made anew next time
    finally:
        office.close()
