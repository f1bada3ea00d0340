"""Compiled template code kept on disk, so that a fresh `docgen` process skips Jinja's compile.

Why: a clerk runs `docgen build` again and again, each time in a new process, and compiling the parts of a
dossier's templates (docxtpl's patch_xml, then Jinja's parse, the sandbox's rewrite and Python's compile)
was about a third of a one-cluster build. Jinja's own FileSystemBytecodeCache does the storing (written to
a temporary file and renamed, so another process never reads half a file; each entry carries Jinja's
bytecode version, the Python version and the checksum of its source); this module chooses what an entry
is checked against and makes the cache optional in every way:

- an entry belongs to one template part (the template's path and the part's member name) and is checked
  against the part's XML as it is in the template, before docxtpl patches it: an edited template misses;
- the folder's name is a fingerprint of everything else the code depends on: docgen's version, the source
  of the modules that patch and compile (this one, compiled, environment, sandbox: the sandbox's budget is
  compiled into the code), the versions of Jinja and docxtpl, and Python's. Another docgen never reads code
  it did not compile;
- a folder that cannot be made, read or written (read-only home, full disk), or an entry that is damaged,
  is a miss: the part is compiled as before, and nothing is reported (the output is the same);
- at most MAX_ENTRIES entries: past that, the folder is emptied (templates renamed or copied to many
  folders leave entries no one reads again); the folder of another docgen no one ran for a month is removed;
- DOCGEN_CACHE_DIR chooses the folder; set to an empty value, it turns the cache off.

The folder is the user's own (resources.cache_dir, made readable by its owner only), like Python's own
__pycache__: code in it is run.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

import docxtpl
import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

import docgen
from docgen import resources

MAX_ENTRIES = 2000  # the shipped templates have about 200 parts


ENV_VAR = resources.CACHE_ENV


SOURCES = ("code_cache.py", "compiled.py", "environment.py", "sandbox.py")  # this package's modules the code depends on


class _Cache(FileSystemBytecodeCache):
    """Jinja's file cache, every failure a miss (the cache only ever saves time)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged entry (bad pickle, wrong marshal) is a miss
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            if not _room_checked.get(self.directory):
                _room_checked[self.directory] = True
                if sum(1 for _ in os.scandir(self.directory)) >= MAX_ENTRIES:
                    self.clear()
            super().dump_bytecode(bucket)
        except OSError:
            pass


_room_checked: dict[str, bool] = {}


def _fingerprint() -> str | None:
    """What the compiled code depends on besides the template; None when a module's source is not there
    to hash (a build without .py files): then no cache."""
    h = hashlib.sha256()
    for part in (docgen.__version__, jinja2.__version__, getattr(docxtpl, "__version__", "?"), sys.version,
                 sys.implementation.cache_tag or ""):
        h.update(part.encode() + b"\0")
    for name in SOURCES:
        try:
            h.update(Path(__file__).with_name(name).read_bytes())
        except OSError:
            return None
    return h.hexdigest()[:20]


@functools.lru_cache(maxsize=None)
def _cache_for(root: Path) -> _Cache | None:
    fingerprint = _fingerprint()
    if fingerprint is None:
        return None
    folder = root / f"code-{fingerprint}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    resources.tidy_cache(folder, "code-")  # another docgen's code, not used for a month: removed
    return _Cache(str(folder), pattern="%s.jinja")


def cache() -> _Cache | None:
    """This process's code cache (its folder chosen when first asked, then each time DOCGEN_CACHE_DIR
    changes); None when it is off or has no folder."""
    root = resources.cache_dir()
    return _cache_for(root) if root is not None else None


def load(env: jinja2.Environment, name: str, source: str):
    """The code stored for part `name` compiled from `source`, or None."""
    store = cache()
    if store is None:
        return None
    try:
        return store.get_bucket(env, name, None, source).code
    except Exception:  # noqa: BLE001 - see _Cache: a miss
        return None


def save(env: jinja2.Environment, name: str, source: str, code) -> None:
    """Keep `code` (compiled from `source`, as checked by load) for part `name`."""
    store = cache()
    if store is None:
        return
    try:
        bucket = Bucket(env, store.get_cache_key(name, None), store.get_source_checksum(source))
        bucket.code = code
        store.set_bucket(bucket)
    except Exception:  # noqa: BLE001 - see _Cache
        pass
