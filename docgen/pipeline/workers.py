"""Worker processes that die with their parent and leave Ctrl-C to it."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a pool is made: `docgen validate` never needs multiprocessing
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
WATCH_S = 1.0  # how often a worker looks whether its parent is still there


def quiet_signals() -> None:
    """Ctrl-C is the parent's to handle (it stops the run and says so once); a write past `ulimit -f`
    fails with EFBIG, which is reported, instead of killing the process with SIGXFSZ."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet_signals()
    if sys.platform.startswith("linux"):
        import ctypes
        try:  # the kernel sends SIGKILL to this worker the moment its parent dies (kill -9 included)
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()  # elsewhere: poll


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_S)
    os._exit(1)


def pool(jobs: int) -> ProcessPoolExecutor:
    """A process pool whose workers ignore Ctrl-C and exit when this process dies."""
    from concurrent.futures import ProcessPoolExecutor
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(os.getpid(),))


def stop(executor: ProcessPoolExecutor) -> None:
    """Stop at once: queued tasks cancelled, running workers terminated (a Ctrl-C, an error)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        try:
            p.terminate()
        except (OSError, AttributeError, ValueError):
            pass
    for p in processes:
        try:
            p.join(5)
        except (OSError, AttributeError, ValueError, AssertionError):
            pass
