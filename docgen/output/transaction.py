"""A write transaction over one output folder: lock, stage whole dossier folders, commit, swap, recover.

Why a whole-folder swap with a journal, rather than a journal of file renames: a dossier is read as a
whole (printed from toan-bo-ho-so.pdf, checked against manifest.json), so the unit that must change
atomically is the folder, not the file. Each dossier is staged complete as a sibling folder under
OUT/.docgen-tx/ (same disk, so nothing is copied: the workers render straight into it and the clerk's
own files are hard-linked over). Then, like a database commit, a journal naming every staged folder
(by inode) is written and fsynced: that is the commit point. Each staged folder is then swapped with
the live one by renameat2(RENAME_EXCHANGE), one atomic system call: at every instant the path shows
the whole old folder or the whole new one. POSIX rename cannot replace a non-empty folder, so where the
exchange is not available (Windows, macOS, some network disks) the live folder is renamed aside and the
staged one renamed in: for the instant between the two renames the folder is absent (never mixed),
and the journal lets the next run finish the step.

Recovery (`recover`, run under the lock before anything else by every command that writes): no
journal means the crash came before the commit, so the staged folders are simply deleted and the
live folders, never touched, stay as they were; a journal means the commit happened, so every dossier
whose live folder is not yet the staged inode is swapped in (roll forward). Then OUT/.docgen-tx/ is
removed. The lock (OUT/.docgen.lock, `filelock`) keeps a second docgen from staging or swapping in
the same folder at the same time; it is released by the system if the process dies.
"""
from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import shutil
import sys
from pathlib import Path

import filelock

from docgen.errors import OutputError
from docgen.output import fault
from docgen.output.disk import disk_error

TX = ".docgen-tx"       # staging, scratch and journal of the transaction in progress
LOCK = ".docgen.lock"   # held while a docgen command writes into the output folder
TEMP = ".docgen-tmp-"   # a single file being written (output.write.write_file)
JOURNAL = "journal.json"
ASIDE = ".cu"           # suffix of a live folder renamed aside where the exchange is unavailable
_PLAIN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # a dossier folder's name: never a path

LOCK_WAIT_S = 10.0      # a second build waits this long for the first, then refuses


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (renames, new names) durable; a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_EXCHANGE = _renameat2()


def _libc_syncfs():
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int]
    return fn


_SYNCFS = _libc_syncfs()


def deferred_sync() -> bool:
    """True where a whole staging folder is made durable at once by `sync_staged` (Linux's syncfs), so the
    files staged in it need no fsync each: a dossier is 15 files, and an fsync each was ~40% of a build's
    wall time. Elsewhere each staged file is fsynced as it is written, as before."""
    return _SYNCFS is not None


def sync_staged(root: Path) -> None:
    """Everything staged under `root` (files written by this process or its workers, moved, linked) on
    disk before the journal is written: one syncfs of the disk `root` is on. syncfs reports the write-back
    errors of that disk (Linux 5.8 and later), so a failed write still stops the commit."""
    if _SYNCFS is None:
        return  # each file was fsynced when staged (write.stage_file)
    fault.step("sync", root)
    fd = os.open(root, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(root))
    finally:
        os.close(fd)


def exchange(a: Path, b: Path) -> bool:
    """Swap the folders `a` and `b` in one atomic step; False where the system or the disk cannot."""
    if _EXCHANGE is None or fault.no_exchange():
        return False
    if _EXCHANGE(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTTY):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(staged: Path, live: Path, aside: Path) -> str:
    """Put the staged folder at `live`; returns how ('new', 'exchanged' or 'aside') for an undo."""
    if not live.exists():
        fault.step("rename-new", live)
        os.rename(staged, live)
        return "new"
    fault.step("exchange", live)
    if exchange(staged, live):
        return "exchanged"
    os.rename(live, aside)
    try:
        fault.step("rename-in", live)
        os.rename(staged, live)
    except OSError:
        os.rename(aside, live)  # the old folder back at once; the caller undoes the folders done before
        raise
    return "aside"


def _undo(how: str, staged: Path, live: Path, aside: Path) -> None:
    if how == "new":
        os.rename(live, staged)
    elif how == "exchanged":
        exchange(staged, live)
    else:
        os.rename(live, staged)
        os.rename(aside, live)


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _remove(path: Path) -> None:
    fault.step("remove", path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def recover(out: Path) -> None:
    """Finish (journal present) or undo (no journal) a transaction a crashed run left in `out`, then
    remove its debris. Call with the lock held."""
    _remove_temp_files(Path(out))
    tx = Path(out) / TX
    if not tx.is_dir():
        if tx.exists() or tx.is_symlink():
            _remove(tx)  # docgen's name, never the clerk's
        return
    try:
        entries = json.loads((tx / JOURNAL).read_text(encoding="utf-8"))["dossiers"]
        if not all(_PLAIN.match(e["ten"]) and isinstance(e["ino"], int) for e in entries):
            raise ValueError(entries)
    except (OSError, ValueError, KeyError, TypeError):
        entries = []  # no commit record (written by rename, so never half there): roll back
    for entry in entries:
        live, staged = Path(out) / entry["ten"], tx / entry["ten"]
        if _inode(live) != entry["ino"] and _inode(staged) == entry["ino"]:
            _swap_in(staged, live, tx / (entry["ten"] + ASIDE))
    if entries:
        fsync_dir(Path(out))
    if (tx / JOURNAL).exists():
        fault.step("journal-remove", tx / JOURNAL)
        (tx / JOURNAL).unlink()
        fsync_dir(tx)
    for child in sorted(tx.iterdir()):
        _remove(child)
    fault.step("tx-remove", tx)
    tx.rmdir()


def _remove_temp_files(out: Path) -> None:
    """Temporary files of a single-file write (write.write_file) a crash left in `out`."""
    for p in out.glob(TEMP + "*"):
        if p.is_file():
            _remove(p)


class Transaction:
    """`with Transaction(out) as tx:` lock `out`, recover, stage folders under `tx.root`, `tx.commit(...)`.

    Leaving the block by an exception before the commit deletes what was staged; after the commit
    (an interruption while swapping) it finishes the swap. Folders it created are removed on failure."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.root = self.out / TX
        self.created: list[Path] = []
        self.lock: filelock.BaseFileLock | None = None

    def __enter__(self) -> Transaction:
        fault.reset()
        try:
            missing = [p for p in [self.out, *self.out.parents] if not p.exists()]
            self.out.mkdir(parents=True, exist_ok=True)
            self.created = list(reversed(missing))
        except OSError as e:
            raise disk_error(e, self.out) from e
        try:
            self.lock = _acquire(self.out / LOCK)
        except filelock.Timeout as e:
            self.lock = None
            raise OutputError(
                f"Thư mục {self.out} đang được một lệnh docgen khác ghi (đã chờ {_lock_wait():g} giây). "
                "Đợi lệnh đó chạy xong rồi chạy lại lệnh này; hai lệnh cùng ghi một thư mục sẽ làm lẫn "
                "hồ sơ nên docgen không ghi gì.") from e
        except OSError as e:
            self.lock = None
            raise disk_error(e, self.out) from e
        try:
            recover(self.out)
            fault.step("tx-create", self.root)
            self.root.mkdir()
        except BaseException as e:
            self._release(failed=True)
            if isinstance(e, OSError):
                raise disk_error(e, self.out) from e
            raise
        return self

    def staging(self, name: str) -> Path:
        """The folder where the new version of OUT/<name> is assembled."""
        return self.root / name

    def commit(self, names: list[str]) -> None:
        """Swap in every staged folder OUT/.docgen-tx/<name> as OUT/<name>, all or none (after recovery)."""
        entries = [{"ten": n, "ino": os.stat(self.root / n).st_ino} for n in names]
        sync_staged(self.root)  # the data first: the journal below is the commit point
        journal = self.root / JOURNAL
        tmp = self.root / (JOURNAL + ".tmp")
        fault.step("journal-write", tmp)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"dossiers": entries}, f)
            f.flush()
            os.fsync(f.fileno())
        fsync_dir(self.root)
        fault.step("commit", journal)
        os.replace(tmp, journal)
        fsync_dir(self.root)
        done: list[tuple[str, str]] = []
        try:
            for n in names:
                done.append((n, _swap_in(self.root / n, self.out / n, self.root / (n + ASIDE))))
        except OSError:
            try:  # a disk error (a file open in Word on Windows): put back the ones already swapped
                for n, how in reversed(done):
                    _undo(how, self.root / n, self.out / n, self.root / (n + ASIDE))
                journal.unlink()
            except OSError:
                pass  # the journal stays: the next run finishes the swap
            raise
        fsync_dir(self.out)

    def __exit__(self, kind, exc, tb) -> None:
        self._release(failed=kind is not None)

    def _release(self, failed: bool) -> None:
        try:
            recover(self.out)  # after a failure: undo or finish; after a success: clean up
            if failed and self.created and _only_lock(self.out):
                for folder in reversed(self.created):
                    folder.rmdir()
        except OSError:
            pass  # the dossiers are whole either way; the next run removes what is left
        finally:
            if self.lock is not None:
                _release(self.lock)
                self.lock = None


def _only_lock(out: Path) -> bool:
    """Nothing in `out` but the lock file, which `_release` unlinks just before unlocking."""
    try:
        if [p.name for p in out.iterdir()] != [LOCK]:
            return False
        (out / LOCK).unlink()
        return True
    except OSError:
        return False


def _fd(lock: filelock.BaseFileLock) -> int | None:
    return getattr(getattr(lock, "_context", None), "lock_file_fd", None)


def _acquire(path: Path) -> filelock.BaseFileLock:
    """Lock `path`, making sure the locked file is still the one at `path`: the holder before us
    unlinks the lock file when it is done (so that no lock file stays in the clerk's folder), and a
    process that opened the old file meanwhile must not believe it holds the lock."""
    while True:
        lock = filelock.FileLock(path, timeout=_lock_wait())
        lock.acquire()
        fd = _fd(lock)
        try:
            if fd is None or os.fstat(fd).st_ino == os.stat(path).st_ino:
                return lock
        except OSError:
            pass
        lock.release()


def _release(lock: filelock.BaseFileLock) -> None:
    """Unlock, unlinking the lock file first (see `_acquire`) where the lock's file is known."""
    try:
        if _fd(lock) is not None:
            os.unlink(lock.lock_file)
    except OSError:
        pass
    lock.release()


def _lock_wait() -> float:
    try:
        return float(os.environ.get("DOCGEN_LOCK_WAIT", LOCK_WAIT_S))
    except ValueError:
        return LOCK_WAIT_S
