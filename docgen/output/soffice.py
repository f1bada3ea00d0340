"""One warm LibreOffice per process: started once, fed batch after batch, restarted when it hangs or dies.

Why this way: `soffice --convert-to` with many files is LibreOffice's own batch, but each call starts an
office (about a second). A UNO client (unoserver) would keep one open, but needs the `uno` module, which
a venv on a clean Debian with libreoffice-writer-nogui does not have. LibreOffice's own single-instance
pipe needs nothing: an office started with a private profile and one document kept open stays running,
and each later `soffice --convert-to` with the same profile hands its files to it and waits until they
are written (about 0.1 s instead of a start). Without the warm office (it failed to start, or another
platform) the same call simply starts its own office, as before.

Each profile is seeded with the installed version as the last one seen (see office_profile.seed_profile):
without it, LibreOffice takes every start with a profile only ever used headless for the first start after an
upgrade and runs its graphics self-tests, about 0.7 s of CPU (three quarters of a start) at each office start.
Better still, it is a copy of a profile LibreOffice made once and docgen keeps (office_profile.prepare).
A dossier's documents go to the offices while the rest are still being rendered (output.feed), a few per call;
the calls run LibreOffice's launcher directly when `soffice` is its stock Linux script (launcher).
"""
from __future__ import annotations

import atexit
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing import util as mp_util
from pathlib import Path

from docgen.errors import OutputError
from docgen.output import office_profile

NOT_INSTALLED = (
    "Chưa có LibreOffice nên chưa tạo được PDF. Chưa ghi tệp nào.\n"
    "Cài LibreOffice rồi chạy lại lệnh:\n"
    "  - Linux (Debian, Ubuntu): sudo apt-get install libreoffice-writer-nogui\n"
    "  - Windows: cài LibreOffice từ trang chủ https://www.libreoffice.org/download/ (bản \"Stable\"), "
    "rồi mở lại cửa sổ lệnh.\n"
    "Hoặc bỏ --pdf: hồ sơ .docx vẫn mở, in được bằng Word hoặc LibreOffice."
)


STALL_S = 120.0  # no new PDF for this long: LibreOffice hangs; it is killed and started again


START_S = 60.0  # the warm office not ready after this long: convert without it


KEEP = "giu-mo.txt"  # the document the warm office keeps open, so that it does not quit after a batch


_POSIX = os.name == "posix"


_WINDOWS_PLACES = [r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]


def find_program() -> str | None:
    """LibreOffice's `soffice`: $DOCGEN_SOFFICE if set, else on the PATH, else where Windows installs it
    (here, not in output.pdf, so that `build --pdf` can start the office before loading the rest)."""
    chosen = os.environ.get("DOCGEN_SOFFICE")
    if chosen is not None:
        return chosen if Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_PLACES if Path(p).is_file()), None)
    return None


def cores() -> int:
    """The cores this process may use (affinity and containers included when the OS tells)."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


_SCRIPT_MARK = b'"$sd_prog/oosplash"'  # LibreOffice's own Linux `soffice` script runs this at its end


_launchers: dict[str, tuple[str, dict[str, str]]] = {}


def launcher(exe: str) -> tuple[str, dict[str, str]]:
    """(program, environment) to run for `exe`. LibreOffice's stock `soffice` on Linux is a shell script
    that only exports SAL_ENABLE_FILE_LOCKING=1 and runs `oosplash` beside it, after resolving its own
    links with dirname, basename, ls, sed, grep and uname: seven processes and about 25 ms for each
    `--convert-to` call, a few per dossier. That script is recognised and oosplash run directly with the
    same setting; anything else (another platform, a distribution's own script, an `ooenv` to source, a
    wrapper) runs as given."""
    if exe not in _launchers:
        chosen: tuple[str, dict[str, str]] = (exe, {})
        real = Path(os.path.realpath(exe))
        splash = real.with_name("oosplash")
        if sys.platform.startswith("linux") and real.name == "soffice" and not real.with_name("ooenv").exists():
            try:
                with real.open("rb") as f:
                    script = f.read(65536)
                if script.startswith(b"#!") and _SCRIPT_MARK in script and os.access(splash, os.X_OK):
                    chosen = (str(splash), {"SAL_ENABLE_FILE_LOCKING": "1"})
            except OSError:
                pass
        _launchers[exe] = chosen
    return _launchers[exe]


def _die_with_parent():  # pragma: no cover - runs in the child between fork and exec
    """Linux: LibreOffice gets SIGTERM (and closes its own office) if the process that started it dies,
    even by kill -9, so that no office outlives docgen."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _spawn(exe: str, args: list[str], out) -> subprocess.Popen:
    """LibreOffice started with `args`, its output to `out`, in its own session (killed as a group), dying
    with docgen (Linux), in one time zone (the same PDF bytes wherever docgen runs)."""
    program, settings = launcher(exe)
    extra = {"start_new_session": True} if _POSIX else {}
    if sys.platform.startswith("linux"):
        extra["preexec_fn"] = _die_with_parent
    return subprocess.Popen([program, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                            env=dict(os.environ, TZ="UTC", **settings), **extra)


def _run_once(exe: str, args: list[str], timeout: float) -> int | None:
    """Run LibreOffice with `args` until it stops: its exit code; None if it could not start, or did not stop
    within `timeout` and was killed (as it is on any interruption)."""
    try:
        proc = _spawn(exe, args, subprocess.DEVNULL)
    except OSError:
        return None
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    finally:
        _kill(proc)  # what it started and left (its whole session), reaped


def _kill(proc: subprocess.Popen | None) -> None:
    """Kill `proc` and everything it started (oosplash starts soffice.bin), and reap it."""
    if proc is None:
        return
    try:
        if _POSIX:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the whole group, soffice.bin included
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _complete(pdf: Path) -> bool:
    """A PDF written to the end (a killed office can leave half a file)."""
    try:
        with pdf.open("rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(max(0, size - 64))
            return size > 0 and b"%%EOF" in f.read()
    except OSError:
        return False


class Office:
    """A LibreOffice of this process with its own throw-away profile (an office already open on the
    clerk's desktop neither blocks nor changes the conversion)."""

    def __init__(self, exe: str, stall_s: float | None = None, start_s: float | None = None):
        self.exe = exe
        self.stall_s = STALL_S if stall_s is None else stall_s
        self.start_s = START_S if start_s is None else start_s
        self.owner = os.getpid()
        _sweep()
        self.home = Path(tempfile.mkdtemp(prefix=f"docgen-lo-{self.owner}-"))
        self.profile = f"-env:UserInstallation={(self.home / 'profile').as_uri()}"
        self._server: list[subprocess.Popen | None] = [None]  # shared with the finalizer, which kills it
        self.warm = True  # False once the warm office failed to start: each batch starts its own
        self.batches = 0
        self._jobs: queue.SimpleQueue | None = None  # work for this office's own thread (see submit)
        self.starts = 0  # how many warm offices this one started (restarts included)
        self._launched = 0.0
        self.prepared = ""  # how its profile was made: 'copied', 'seeded' or '' (by LibreOffice itself)
        # run at exit (worker processes of a pool included) or when this object goes
        self._finalizer = mp_util.Finalize(self, _cleanup, args=(self.home, self._server), exitpriority=50)

    @property
    def server(self) -> subprocess.Popen | None:
        return self._server[0]

    def _popen(self, args: list[str], log: Path, mode: str = "ab") -> subprocess.Popen:
        try:
            with log.open(mode) as out:
                return _spawn(self.exe, [self.profile, *args], out)
        except OSError as e:
            raise OutputError(f"Không chạy được LibreOffice ({self.exe}): {e.strerror}.\n{NOT_INSTALLED}") from e

    def launch(self) -> None:
        """Start the warm office without waiting for it (it gets ready while docgen checks and renders)."""
        if not self.warm or (self.server is not None and self.server.poll() is None):
            return
        self.stop()
        keep = self.home / KEEP
        for stale in (self._ready_mark, self.home / "profile" / ".lock"):  # left by a killed office
            stale.unlink(missing_ok=True)
        keep.write_text("docgen\n", encoding="utf-8")
        self.prepared = office_profile.prepare(self.home / "profile", self.exe,
                                               lambda args, limit: _run_once(self.exe, args, limit)) or self.prepared
        self._server[0] = self._popen(["--headless", "--norestore", "--nologo", str(keep)], self.home / "office.log")
        self.starts += 1
        self._launched = time.monotonic()

    @property
    def _ready_mark(self) -> Path:
        return self.home / f".~lock.{KEEP}#"  # LibreOffice's lock of the open document: it is up

    def _ready(self) -> bool:
        """Wait for the warm office; False (and none from now on: self.warm) if it does not get ready."""
        while not self._ready_mark.exists():
            if self.server.poll() is not None or time.monotonic() > self._launched + self.start_s:
                self.stop()
                self.warm = False
                if self.prepared == "copied":  # the ready-made profile may be what is wrong: not used again
                    office_profile.discard(self.exe, self.home / "profile")
                    self.prepared = "seeded" if office_profile.seed_profile(self.home / "profile", self.exe) else ""
                return False
            time.sleep(0.02)
        return True

    def submit(self, job) -> None:
        """Run `job()` on this office's own thread, which lives as long as the process: an office it has to
        start again (after a hang or crash) stays up after the job (on Linux an office dies with the thread
        that started it)."""
        if self._jobs is None:
            self._jobs = queue.SimpleQueue()
            threading.Thread(target=_work, args=(self._jobs,), daemon=True, name="docgen-office").start()
        self._jobs.put(job)

    def stop(self) -> None:
        """Kill the warm office (it is started again for the next batch)."""
        _kill(self.server)
        self._server[0] = None

    def close(self) -> None:
        """Kill the office and remove its profile and files."""
        self.stop()
        self._finalizer()

    def _run(self, names: list[str], src: Path, out: Path, log: Path) -> tuple[str, int | None]:
        """One `--convert-to` call for `names`: ('done', rc), ('hung', None) or ('died', rc)."""
        if self.warm:
            self.launch()
            self._ready()
        client = self._popen(["--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out),
                              *(str(src / n) for n in names)], log, "wb")
        seen = 0
        while True:
            try:
                rc = client.wait(timeout=self.stall_s)
                break
            except subprocess.TimeoutExpired:
                now = sum(1 for _ in out.iterdir())
                if now == seen:  # nothing new for stall_s: hung
                    _kill(client)
                    self.stop()
                    return "hung", None
                seen = now
        if self.server is not None and self.server.poll() is not None:
            self.stop()
            return "died", rc
        return "done", rc

    def convert(self, documents: dict[str, bytes]) -> dict[str, bytes]:
        """{name.docx: bytes} → {name.pdf: bytes}, in as few calls as the office allows: a call that
        hangs or dies is followed by a fresh office converting only what is still missing."""
        self.batches += 1
        batch = self.home / f"lo-{self.batches}"
        src, out = batch / "docx", batch / "pdf"
        src.mkdir(parents=True)
        out.mkdir()
        try:
            for name, data in documents.items():
                (src / name).write_bytes(data)
            pending = list(documents)
            stuck = 0
            while pending:
                outcome, rc = self._run(pending, src, out, batch / "convert.log")
                left = [n for n in pending if not _complete(out / (Path(n).stem + ".pdf"))]
                stuck = 0 if len(left) < len(pending) else stuck + 1
                pending = left
                if pending and stuck >= 2:
                    raise self._failure(pending[0], outcome, rc, batch / "convert.log")
                if pending:
                    self.stop()  # whatever went wrong, the rest goes to a fresh office
            return {Path(n).stem + ".pdf": (out / (Path(n).stem + ".pdf")).read_bytes() for n in documents}
        finally:
            shutil.rmtree(batch, ignore_errors=True)

    def _failure(self, name: str, outcome: str, rc: int | None, log: Path) -> OutputError:
        if outcome == "hung":
            return OutputError(f"LibreOffice treo khi chuyển {name} sang PDF (quá {self.stall_s:.0f} giây không "
                               "xong văn bản nào, đã thử lại). Chưa ghi tệp nào. Đóng các cửa sổ LibreOffice đang "
                               "mở rồi chạy lại.")
        detail = []
        for path in (log, self.home / "office.log"):  # a cold office writes to the first, a warm one to the second
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            except OSError:
                lines = []
            detail += [ln for ln in lines[-3:] if "Error" in ln or "error" in ln]
        return OutputError(f"LibreOffice không chuyển được {name} sang PDF (mã {rc}). Chưa ghi tệp nào. "
                           + " ".join(detail[-3:]))


def _work(jobs: queue.SimpleQueue) -> None:
    while True:
        jobs.get()()


def _sweep() -> None:
    """Remove the folders of offices whose process died without cleaning up (kill -9, power cut)."""
    for folder in Path(tempfile.gettempdir()).glob("docgen-lo-*-*"):
        try:
            pid = int(folder.name.split("-")[2])
            os.kill(pid, 0)
        except ValueError:
            continue
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # another user's process: not ours to judge
            continue


def _cleanup(home: Path, server: list) -> None:
    _kill(server[0])
    server[0] = None
    shutil.rmtree(home, ignore_errors=True)


_offices: dict[tuple[str, int], Office] = {}


_width: dict[str, tuple[int, int]] = {}  # exe: (process, how many offices it runs side by side)


def office(exe: str, slot: int = 0) -> Office:
    """This process's warm office number `slot` for `exe` (a worker forked from a process with one
    starts its own)."""
    found = _offices.get((exe, slot))
    if found is None or found.owner != os.getpid():
        found = _offices[(exe, slot)] = Office(exe)
    return found


def offices(exe: str) -> list[Office]:
    """The offices this process converts with, side by side (one unless warm_up asked for more)."""
    owner, count = _width.get(exe, (0, 1))
    return [office(exe, k) for k in range(count if owner == os.getpid() else 1)]


def warm_up(exe: str, count: int = 1) -> None:
    """Start this process's `count` offices for `exe` now, so that they are ready by the first batch (an
    office that cannot start is reported by that batch)."""
    _width[exe] = (os.getpid(), max(1, count))
    try:
        for o in offices(exe):
            o.launch()
    except OutputError:
        pass


def close_all() -> None:
    """Kill this process's offices (at exit, after a build run in this process)."""
    for key, o in list(_offices.items()):
        if o.owner == os.getpid():
            o.close()
        del _offices[key]
    _width.clear()


atexit.register(close_all)
