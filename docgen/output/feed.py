"""A dossier's documents converted while the rest are still being rendered, by this process's offices."""
from __future__ import annotations

import threading

from docgen.output.soffice import Office


MIN_BATCH = 2  # documents per office that wait (unless the feed is closed) before a `--convert-to` call


class Feed:
    """Documents converted while the rest are still being rendered. Each office of `offices`, on its own
    thread, takes whenever it is free its part of the documents waiting (what waits divided by the number of
    offices, so that none is left idle at the end while another has a long batch) and converts them in one
    `--convert-to` call; while more may come, it waits until each office's part is at least MIN_BATCH
    documents. So the offices work while Python renders, with a few calls per dossier rather than one per
    document."""

    def __init__(self, offices: list[Office], min_batch: int = MIN_BATCH, finish=None):
        self.offices = offices
        self.finish = finish  # applied to each PDF on its office's thread, as its batch comes back
        for o in offices:
            o.launch()  # from this thread: on Linux an office dies with the thread that started it
        self.min_batch = min_batch
        self._cond = threading.Condition()
        self._waiting: list[tuple[str, bytes]] = []
        self._parts: list[list[tuple[str, bytes]]] = []  # the last round, shared out once all are in
        self._closed = False
        self._error: BaseException | None = None
        self._done: dict[str, bytes] = {}
        self._serving = len(offices)
        for o in offices:
            o.submit(lambda o=o: self._serve(o))

    def add(self, documents: dict[str, bytes], last: bool = False) -> None:
        """Queue `documents` ({name.docx: bytes}) for conversion; `last`: no more will come (all are shared
        out between the offices at once)."""
        with self._cond:
            self._waiting.extend(documents.items())
            self._closed = self._closed or last
            self._cond.notify_all()

    def _take(self) -> dict[str, bytes] | None:
        with self._cond:
            while True:
                k = len(self.offices)
                if self._closed and self._waiting:  # the last round: what is left, one part per office
                    size = -(-len(self._waiting) // k)
                    self._parts += [self._waiting[i:i + size] for i in range(0, len(self._waiting), size)]
                    self._waiting = []
                if self._error is not None or (self._closed and not self._parts):
                    return None
                if self._parts:
                    return dict(self._parts.pop(0))
                if len(self._waiting) >= self.min_batch * k:
                    share = -(-len(self._waiting) // k)  # its part only: the others may be free the next moment
                    taken, self._waiting = self._waiting[:share], self._waiting[share:]
                    return dict(taken)
                self._cond.wait()

    def _serve(self, office: Office) -> None:
        try:
            while (batch := self._take()) is not None:
                got = office.convert(batch)
                if self.finish is not None:  # meanwhile the other offices convert, and Python renders
                    got = {name: self.finish(data) for name, data in got.items()}
                with self._cond:
                    self._done.update(got)
        except BaseException as e:  # noqa: BLE001 - carried to the thread that waits (result)
            with self._cond:
                self._error = self._error or e
        finally:
            with self._cond:
                self._serving -= 1
                self._cond.notify_all()

    def result(self) -> dict[str, bytes]:
        """Close the feed, wait for every document: {name.pdf: bytes}; the first failure is raised."""
        self._finish()
        if self._error is not None:
            raise self._error
        return dict(self._done)

    def cancel(self) -> None:
        """Drop what waits, without waiting for the calls under way (Ctrl-C must not wait for a LibreOffice
        that hangs): they end on the offices' own threads, in the offices' own folders, and are thrown away."""
        with self._cond:
            self._waiting.clear()
            self._parts.clear()
            self._closed = True
            self._cond.notify_all()

    def _finish(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            while self._serving:
                self._cond.wait()
