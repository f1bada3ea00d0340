"""Deterministic fault injection for the write stage (crash tests): DOCGEN_FAULT="N:kind" or "list:FILE".

Every step of the write stage that changes the disk calls `step(label)` first. With DOCGEN_FAULT unset
this is a counter increment. The test suite (tests/e2e/test_crash.py) first runs a build with
DOCGEN_FAULT=list:FILE to learn the steps (one label a line), then runs it again once per step N with
DOCGEN_FAULT=N:kind, where kind is
  kill   the process kills itself with SIGKILL (os._exit where there is no SIGKILL): a power cut, kill -9;
  int    KeyboardInterrupt, as Ctrl-C raises it;
  nospc  OSError ENOSPC on the step's path: the disk is full (any errno name, EROFS, EDQUOT..., works too);
  pause  the process writes its pid to FILE.paused (DOCGEN_FAULT=N:pause:FILE) and sleeps until killed,
         so that another process can be started against a build stopped inside its write stage (only
         the first process to reach step N stops: workers count their own steps).
A spec ending in "+rename" (e.g. "12:kill+rename") also makes the write stage behave as on a system
without an atomic folder exchange (Windows, macOS), so the fallback is crash-tested on Linux too.
Only the write stage reads the variable; it is never set in normal use.
"""
from __future__ import annotations

import errno
import os
import signal
import time

_count = 0


def _spec() -> str:
    return os.environ.get("DOCGEN_FAULT", "")


def no_exchange() -> bool:
    """The test asks for the fallback used where folders cannot be exchanged atomically."""
    return _spec().endswith("+rename")


def reset() -> None:
    """Start counting from zero (each in-process build of the test suite is its own run)."""
    global _count
    _count = 0


def step(label: str, path: os.PathLike | str = "") -> None:
    """One step of the write stage is about to change the disk; inject the configured fault here."""
    global _count
    spec = _spec()
    if not spec:
        return
    _count += 1
    head, _, rest = spec.removesuffix("+rename").partition(":")
    if head == "list":
        with open(rest, "a", encoding="utf-8") as f:
            f.write(f"{_count} {label}\n")
        return
    if not head.isdigit() or int(head) != _count:
        return
    kind, _, arg = rest.partition(":")
    if kind == "kill":
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(137)
    if kind == "int":
        raise KeyboardInterrupt
    code = errno.ENOSPC if kind == "nospc" else getattr(errno, kind, None) if kind.startswith("E") else None
    if code is not None:
        raise OSError(code, os.strerror(code), str(path))
    if kind == "pause":
        try:  # only the first process to get here (the parent or one worker) stops
            fd = os.open(arg + ".paused", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            return
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        while True:
            time.sleep(1)
