"""The profile each office of docgen starts with (see output.soffice): copied from a ready-made one, or seeded.

A headless LibreOffice that finds an empty profile fills it first (presets, the Basic library, the
gallery, the bibliography database): about 0.13 s of CPU at every office start, two per one-cluster
`build --pdf`. LibreOffice itself can make a profile and stop (`--terminate_after_init`, 0.1 s); that
profile is kept in the user's cache folder (resources.cache_dir), one per LibreOffice program, version and
language, and copied for each office. Made in a temporary folder and renamed into place, so that another
docgen never copies half a profile; any failure (no cache folder, a LibreOffice that does not stop, a
copy that fails) leaves the office to the seeded profile it had before.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from docgen import resources

_SETUP_VERSION = re.compile(rb'<prop oor:name="ooSetupVersion">\s*<value>(\d+\.\d+)</value>')


_REGISTRY = ("../share/registry/main.xcd", "../Resources/registry/main.xcd")  # Linux and Windows; macOS


_versions: dict[str, str | None] = {}


def office_version(exe: str) -> str | None:
    """The installed LibreOffice's 'major.minor' ('7.4'), read from its own configuration beside the
    program (no process started); None when not found (a wrapper script, another layout)."""
    if exe not in _versions:
        found = None
        program = Path(os.path.realpath(exe)).parent
        for rel in _REGISTRY:
            try:
                m = _SETUP_VERSION.search((program / rel).read_bytes())
            except OSError:
                continue
            if m:
                found = m.group(1).decode()
                break
        _versions[exe] = found
    return _versions[exe]


SEED = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
        '<value>{version}</value></prop></item>\n'
        '</oor:items>\n')


def seed_profile(profile: Path, exe: str) -> bool:
    """Before its first start, tell a new profile that this version of LibreOffice has already run
    (ooSetupLastVersion, what the office writes itself only when it shows its window): LibreOffice then
    skips the graphics self-tests it runs on the first start after an upgrade, which otherwise come
    again at every headless start. The rest of the profile LibreOffice creates as usual. False (and
    nothing written) when the version is not known or the profile exists already."""
    version = office_version(exe)
    user = profile / "user"
    if version is None or user.exists():
        return False
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(SEED.format(version=version), encoding="utf-8")
    return True


READY_MADE_S = 60.0  # longest wait for LibreOffice to make a profile and stop


STALE_S = 3600.0  # a half-made profile left by a docgen that was killed, removed after this long


LANGUAGE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")  # the profile records the language it was made in


_made: dict[str, Path | None] = {}


def prepare(profile: Path, exe: str, run: Callable[[list[str], float], int | None]) -> str:
    """Make `profile` for a new office: 'copied' from the ready-made profile, 'seeded' when there is none to
    be had, '' when it exists already or LibreOffice's version is not known (LibreOffice then makes its own).
    `run(args, timeout)` runs LibreOffice with these arguments and returns its exit code (None: it did not
    stop in time, and was killed)."""
    if profile.exists():
        return ""
    made = ready_made(exe, run)
    if made is not None:
        try:
            shutil.copytree(made, profile)
            return "copied"
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
    return "seeded" if seed_profile(profile, exe) else ""


def ready_made(exe: str, run: Callable[[list[str], float], int | None]) -> Path | None:
    """The ready-made profile for `exe` (made now if there is none yet), or None."""
    folder = folder_for(exe)
    if folder is None:
        return None
    if str(folder) not in _made:
        _made[str(folder)] = made = folder if _complete(folder) else _make(folder, exe, run)
        if made is not None:
            resources.tidy_cache(made, "lo-profile-")  # the profile of a LibreOffice since removed, after a month
    return _made[str(folder)]


def discard(exe: str, profile: Path) -> None:
    """An office that started from a copy of the ready-made profile did not get ready: the copy and the
    ready-made profile are removed (the next docgen makes a new one), and none is copied again in this process."""
    shutil.rmtree(profile, ignore_errors=True)
    folder = folder_for(exe)
    if folder is not None:
        _made[str(folder)] = None
        shutil.rmtree(folder, ignore_errors=True)


def folder_for(exe: str) -> Path | None:
    """Where the ready-made profile for `exe` is kept (one per program, version and language), or None
    when there is no cache folder or the version is not known."""
    version = office_version(exe)
    root = resources.cache_dir()
    if version is None or root is None:
        return None
    key = "\0".join([os.path.realpath(exe), version, *(os.environ.get(v, "") for v in LANGUAGE_VARS)])
    return root / f"lo-profile-{hashlib.sha256(key.encode('utf-8', 'surrogateescape')).hexdigest()[:20]}"


def _complete(folder: Path) -> bool:
    return (folder / "user" / "registrymodifications.xcu").is_file()


def _make(folder: Path, exe: str, run) -> Path | None:
    """LibreOffice makes a profile in a temporary folder beside `folder` and stops; it is renamed to `folder`."""
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale(folder.parent)
        work = Path(tempfile.mkdtemp(prefix=".lo-profile-", dir=folder.parent))
    except OSError:
        return None
    try:
        profile = work / "profile"
        if not seed_profile(profile, exe):
            return None
        rc = run([f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--terminate_after_init"],
                 READY_MADE_S)
        if rc != 0 or not _complete(profile):
            return None
        try:
            profile.rename(folder)
        except OSError:  # another docgen made it meanwhile (or the folder is not ours to write): use theirs
            pass
        return folder if _complete(folder) else None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove_stale(root: Path) -> None:
    now = time.time()
    for old in root.glob(".lo-profile-*"):
        try:
            if now - old.stat().st_mtime > STALE_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue
