"""A progress bar on stderr for long batches, drawn only when stderr is a terminal."""
from __future__ import annotations

import contextlib
import sys

import click

from docgen.pipeline import batch

LABELS = {batch.BUILD: "Kiểm tra, lập hồ sơ"}


@contextlib.contextmanager
def progress_bar():
    """A progress callback drawing a bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    state = {"phase": None, "bar": None}

    def progress(phase, done, total):
        if state["phase"] != phase:
            if state["bar"] is not None:
                state["bar"].__exit__(None, None, None)
            state["phase"] = phase
            state["bar"] = click.progressbar(length=total, label=LABELS.get(phase, phase), file=sys.stderr,
                                             show_pos=True, width=30)
            state["bar"].__enter__()
        state["bar"].update(done - state["bar"].pos)

    try:
        yield progress
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)
