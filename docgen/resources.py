"""Where docgen's own files are: templates, schemas and the sample inputs, in a checkout or an installed wheel;
and the user's cache folder, where docgen keeps what only saves time."""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent  # templates_docx/, schemas/, inputs/ at the top, for the clerk


def _packed():
    """The copy a wheel carries in docgen/_data/ (tools/package_data.py puts it there), or None in a checkout
    or an editable install, which read the top-level folders: a template edited in Word counts at once."""
    data = resources.files("docgen") / "_data"
    return data if data.is_dir() else None


def in_checkout() -> bool:
    return _packed() is None


@functools.lru_cache(maxsize=None)
def _folder(name: str) -> Path:
    """One of the data folders as a real folder: docxtpl, LibreOffice and the YAML loader read paths."""
    packed = _packed()
    if packed is None:
        return CHECKOUT / name
    if isinstance(packed, Path):
        return packed / name
    # The package is zipped (run from a .whl or .zip on sys.path): copy the folder out once per process.
    tmp = Path(tempfile.mkdtemp(prefix="docgen-"))
    atexit.register(shutil.rmtree, tmp, True)
    _copy_out(packed / name, tmp / name)
    return tmp / name


def _copy_out(source, dest: Path) -> None:
    dest.mkdir(parents=True)
    for item in source.iterdir():
        if item.is_dir():
            _copy_out(item, dest / item.name)
        else:
            (dest / item.name).write_bytes(item.read_bytes())


def template_dir() -> Path:
    """docgen's own templates (templates_docx/)."""
    return _folder("templates_docx")


def samples_dir() -> Path:
    """The sample plans and clusters (inputs/): their contexts define what templates may use."""
    return _folder("inputs")


def default_plan() -> Path:
    """The 2017 plan shipped with docgen, for `classify` without --plan."""
    return samples_dir() / "ke-hoach-2017.yaml"


def schema_text(name: str) -> str:
    """The text of schemas/<name>, read in place (also from a zipped package)."""
    packed = _packed()
    source = CHECKOUT / "schemas" / name if packed is None else packed / "schemas" / name
    return source.read_text(encoding="utf-8")


def schema_file(name: str) -> Path | None:
    """schemas/<name> as a file an editor can open, or None when the package is zipped (no such file)."""
    packed = _packed()
    if packed is None:
        return CHECKOUT / "schemas" / name
    return packed / "schemas" / name if isinstance(packed, Path) else None


CACHE_ENV = "DOCGEN_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder for what docgen keeps between runs only to save time (compiled template code, a ready-made
    LibreOffice profile): DOCGEN_CACHE_DIR when set (empty: no cache), else the user's cache folder as
    platformdirs gives it (~/.cache/docgen on Linux, %LOCALAPPDATA%\\docgen\\Cache on Windows). Not made here."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    try:
        import platformdirs  # imported here: only a build needs it
        return Path(platformdirs.user_cache_dir("docgen", appauthor=False))
    except Exception:  # noqa: BLE001 - no home folder to speak of: no cache
        return None


UNUSED_DAYS = 30  # a cache entry (a folder) no docgen used for this long is removed


def tidy_cache(used: Path, prefix: str) -> None:
    """Mark the cache folder `used` as in use now, and remove its siblings named `prefix`… that no docgen used
    for UNUSED_DAYS days (left by an older docgen or LibreOffice): the cache stays bounded. Never fails."""
    now = time.time()
    try:
        os.utime(used)
        siblings = list(used.parent.glob(prefix + "*"))
    except OSError:
        return
    for folder in siblings:
        try:
            if folder != used and now - folder.stat().st_mtime > UNUSED_DAYS * 86400:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
