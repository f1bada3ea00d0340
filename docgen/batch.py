"""City scale: build every cluster of a folder in parallel worker processes, streaming.

Two phases over the same pool of workers. First every cluster file is checked (load, validate,
score) and nothing is written unless all pass. Then each worker builds whole clusters with
pipeline.build_one and writes each dossier as soon as it is rendered, so no more than one cluster's
documents per worker are ever held in memory. Each worker compiles each template once (the render
stage caches compiled templates per process). The result of a run does not depend on the number
of workers: every document is rendered from its own cluster file alone.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import pipeline
from .errors import DocgenError, InputError, Issue, ValidationFailed

CHECK = "kiem_tra"   # progress phases, named for the CLI to label
BUILD = "lap_ho_so"

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class Summary:
    """What a run built: each cluster (in file order), the totals and the time it took."""

    built: list[pipeline.Built]
    out_dir: Path
    jobs: int
    seconds: float

    @property
    def clusters(self) -> int:
        return len(self.built)

    @property
    def documents(self) -> int:
        return sum(1 for b in self.built for f in b.files if f.suffix == ".docx")


def default_jobs() -> int:
    """The cores this process may use (affinity and containers included when the OS tells)."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass
class _Failure:
    """A DocgenError raised in a worker, carried back whole (its issues included)."""

    kind: type
    message: str
    state: dict

    def error(self) -> DocgenError:
        err = self.kind.__new__(self.kind)
        Exception.__init__(err, self.message)
        err.__dict__.update(self.state)
        return err


def _check_task(path: Path) -> tuple[Path, list[Issue], str | None]:
    """Phase 1 in a worker: every problem of one cluster file, and the folder its dossier goes to."""
    try:
        checked = pipeline.check_cluster(path)
    except DocgenError as e:
        return path, e.issues or [Issue(e.message, str(path))], None
    return path, checked.warnings, pipeline.cluster_slug(checked.cluster.data)


def _build_task(path: Path, out_dir: Path, template_dir: Path | None):
    """Phase 2 in a worker: render and write one cluster's dossier."""
    try:
        return pipeline.build_one(path, out_dir, template_dir)
    except DocgenError as e:
        return _Failure(type(e), e.message, dict(e.__dict__))


class _InProcess:
    """The pool's interface, run here, one task at a time (--jobs 1: no process to start)."""

    def run(self, fn, tasks, on_result):
        for args in tasks:
            on_result(fn(*args))

    def close(self, cancel: bool = False):
        pass


class _Pool:
    """A process pool that reports each result as it completes; the first crash stops the run."""

    def __init__(self, jobs: int):
        self.executor = ProcessPoolExecutor(max_workers=jobs)

    def run(self, fn, tasks, on_result):
        futures = [self.executor.submit(fn, *args) for args in tasks]
        for fut in as_completed(futures):
            on_result(fut.result())  # a worker's bug re-raises here

    def close(self, cancel: bool = False):
        self.executor.shutdown(wait=True, cancel_futures=cancel)


def build_many(paths, out_dir: Path, jobs: int | None = None, template_dir: Path | None = None,
               progress: Progress | None = None) -> Summary:
    """Build the dossier of every cluster file in `paths` with `jobs` worker processes.

    Every file is checked before anything is written (ValidationFailed lists every problem of every
    file). Then each cluster's folder is written whole, as soon as it is rendered; if one fails,
    the clusters not yet started are not built and the error is raised."""
    started = time.perf_counter()
    files = pipeline.expand(paths)
    if not files:
        raise InputError("Không tìm thấy tệp Cụm nào (tệp .yaml có dòng `loai_tep: cum`) trong "
                         + ", ".join(map(str, paths)) + ".")
    jobs = max(1, min(jobs or default_jobs(), len(files)))
    out_dir = Path(out_dir)
    report = progress or (lambda phase, done, total: None)
    runner = _InProcess() if jobs == 1 else _Pool(jobs)
    cancel = True
    try:
        checked: dict[Path, tuple[list[Issue], str | None]] = {}

        def on_checked(result):
            path, issues, slug = result
            checked[path] = (issues, slug)
            report(CHECK, len(checked), len(files))

        runner.run(_check_task, [(f,) for f in files], on_checked)
        problems = [i for f in files for i in checked[f][0]]
        folders: dict[str, list[Path]] = {}
        for f in files:
            if checked[f][1] is not None:
                folders.setdefault(checked[f][1], []).append(f)
        problems += _same_folder_issues(folders, out_dir)
        errors = [i for i in problems if i.level == "error"]
        if errors:
            raise ValidationFailed(f"Có {len(errors)} lỗi; chưa tạo hồ sơ nào. Sửa các lỗi dưới đây rồi chạy lại.",
                                   problems)

        built: dict[Path, pipeline.Built] = {}

        def on_built(result):
            if isinstance(result, _Failure):
                raise result.error()
            built[Path(result.source)] = result
            report(BUILD, len(built), len(files))

        runner.run(_build_task, [(f, out_dir, template_dir) for f in files], on_built)
        cancel = False
    finally:
        runner.close(cancel=cancel)
    return Summary([built[f] for f in files], out_dir, jobs, time.perf_counter() - started)


def _same_folder_issues(folders: dict[str, list[Path]], out_dir: Path) -> list[Issue]:
    """Two cluster files with the same district and cluster name would write the same folder."""
    issues = []
    for slug, paths in folders.items():
        if len(paths) > 1:
            for p in paths:
                others = ", ".join(str(o) for o in paths if o != p)
                issues.append(Issue(f"Cụm này trùng tên huyện và tên Cụm với {others}: cả hai sẽ ghi vào cùng "
                                    f"thư mục {out_dir / slug}. Sửa 'huyen.ten' hoặc 'cum.ten' cho đúng.",
                                    str(p), pointer="cum.ten"))
    return issues
