"""City scale: build every cluster of a folder in parallel worker processes, whole or not at all.

Two phases, with the output folder locked and the debris of any interrupted run recovered first
(output.transaction). First the workers check each cluster file (load, validate, score: once, the plan
read once per process) and render its dossier straight into its staging folder inside the output
folder (same disk: nothing is copied or moved later), each worker compiling each template once; only
paths and small records come back, so memory does not grow with the city. Once a file has failed, the
remaining files are only checked, so that every problem is listed and no time is spent on documents
that will not be written. Then, if every file passed, this process commits every dossier with
output.write.write_all: on any problem (a document edited by hand, a full disk, Ctrl-C) the output
folders stay exactly as they were. The result does not depend on the number of workers: every document
is rendered from its own cluster file alone. Workers ignore Ctrl-C (this process handles it) and die
with this process (pipeline.workers).
"""
from __future__ import annotations

import itertools
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from docgen.errors import DocgenError, Incomplete, Issue, OutputError, ValidationFailed, only_errors
from docgen.levels import cluster
from docgen.load import discover
from docgen.output import pdf as output_pdf
from docgen.output import soffice
from docgen.output import write
from docgen.output.disk import disk_error
from docgen.output.transaction import Transaction
from docgen.pipeline import dossier as pipeline_dossier
from docgen.pipeline import workers
from docgen.pipeline.dossier import Built
from docgen.render import document, overrides

BUILD = "lap_ho_so"  # the progress phase (each file checked and rendered), named for the CLI to label


STALE = ("văn bản của lần lập trước, lần này không lập nữa (đơn vị đã đổi tên hoặc bỏ khỏi Cụm?); "
         "docgen giữ nguyên, hãy xóa tay nếu không cần.")


# Files an earlier docgen made under another name: the warning says what replaced them, not a guess about
# the cluster (a clerk re-running over last year's folder would otherwise look for a renamed commune).
RENAMED = {"danh-muc-ho-so.docx": "muc-luc-van-ban.docx", "danh-muc-ho-so.pdf": "muc-luc-van-ban.pdf"}
STALE_RENAMED = ("văn bản do phiên bản docgen trước lập; nay thay bằng {new} (Danh mục hồ sơ nay gọi đúng là "
                 "Mục lục văn bản); docgen giữ nguyên, hãy xóa tay tệp cũ.")


def stale_warning(path: Path) -> Issue:
    """The warning for a document of the last run that this run did not make again."""
    new = RENAMED.get(Path(path).name)
    return Issue(STALE_RENAMED.format(new=new) if new else STALE, str(path), level="warning")


DROPPED = ("đã xóa {n} tệp PDF của lần lập trước (kể cả toan-bo-ho-so.pdf nếu có): lần này không lập PDF, "
           "để lại thì dễ in nhầm bản không khớp với các văn bản mới. Chạy lại với --pdf để có PDF mới.")


Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class Summary:
    """What a run built: each cluster (in file order), the totals and the time it took."""

    built: list[pipeline_dossier.Built]
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
    return soffice.cores()


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


def _failure(e: DocgenError) -> _Failure:
    return _Failure(type(e), e.message, dict(e.__dict__))


@dataclass
class _Outcome:
    """What a worker sends back for one cluster file: small plain data, never the checked file itself."""

    path: Path
    failure: _Failure | None = None
    slug: str | None = None
    where: tuple = (None, None)  # line and column of cum.ten, for a clash of output folders
    warnings: list[Issue] = field(default_factory=list)
    dossier: write.Dossier | None = None  # None when not rendered (a file of the run had failed by then)
    slow: list[Issue] = field(default_factory=list)


def _cluster_task(path: Path, out_dir: Path, template_dir: Path | None, soffice: str | None, staging_root: Path,
                  render: bool, offices: int = 1) -> _Outcome:
    """In a worker: check one cluster file (its only check) and, when `render` (no file of the run has
    failed so far), render its dossier (and convert it to PDF with `soffice`) into its staging folder
    `staging_root/<slug>` inside the output folder. Only paths and small records travel back, so the parent
    never holds a city's documents or checked files in memory. LibreOffice's scratch files go under
    `staging_root` too, where the recovery after a crash finds them.
    With `soffice`, the worker's LibreOffice starts first, in the background (it takes longer than checking);
    `offices` of them when there are fewer clusters than cores, to convert one cluster's documents side by side."""
    if soffice and render:
        output_pdf.warm_up(soffice, offices)  # before the tempdir switch: the office outlives this run's staging
    try:
        checked = cluster.check_cluster(path)
    except DocgenError as e:
        return _Outcome(path, _failure(e))
    slug = pipeline_dossier.cluster_slug(checked.cluster.data, checked.plan.data)
    out = _Outcome(path, None, slug, checked.cluster.where(("cum", "ten")), checked.warnings)
    if not render:
        return out
    saved = tempfile.tempdir
    try:
        tempfile.tempdir = str(staging_root)
        files, manifest = pipeline_dossier.render_cluster(checked, template_dir, soffice)
        staging = staging_root / slug
        try:
            staging.mkdir()
        except FileExistsError:
            return out  # another file of this run writes the same folder: the parent reports the clash
        staged = {name: write.stage_file(staging, name, data) for name, data in files.items()}
    except DocgenError as e:
        out.failure = _failure(e)
        return out
    except OSError as e:
        out.failure = _failure(disk_error(e, Path(out_dir)))
        return out
    finally:
        tempfile.tempdir = saved
    out.slow = document.slow_templates([d["mau"] for d in manifest["van_ban"]], template_dir)
    out.dossier = write.Dossier(Path(out_dir) / slug, staged, manifest)
    return out


class _InProcess:
    """The pool's interface, run here, one task at a time (--jobs 1: no process to start)."""

    def run(self, fn, tasks, on_result):
        for args in tasks:
            on_result(fn(*args))

    def close(self, cancel: bool = False):
        pass


class _Pool:
    """A process pool that reports each result as it completes; the first crash stops the run.

    Tasks are drawn from `tasks` only as workers free up (a few queued per worker), so that a task's
    arguments can depend on the results already in (see build_many: no render after a failure)."""

    def __init__(self, jobs: int):
        self.executor = workers.pool(jobs)
        self.window = 2 * jobs

    def run(self, fn, tasks, on_result):
        tasks = iter(tasks)
        pending: set = set()
        try:
            while True:
                for args in itertools.islice(tasks, self.window - len(pending)):
                    pending.add(self.executor.submit(fn, *args))
                if not pending:
                    return
                # a timeout, so that Ctrl-C is seen even when the signal lands on one of the pool's threads
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in done:
                    on_result(fut.result())  # a worker's bug re-raises here
        except BrokenProcessPool as e:
            raise OutputError("Một tiến trình lập hồ sơ bị dừng đột ngột (máy hết bộ nhớ, hoặc tiến trình bị "
                              "tắt từ bên ngoài); chưa ghi gì. Đóng bớt chương trình rồi chạy lại, hoặc chạy "
                              "với --jobs 1.") from e

    def close(self, cancel: bool = False):
        if cancel:
            workers.stop(self.executor)
        else:
            self.executor.shutdown(wait=True)


def build_many(paths, out_dir: Path, jobs: int | None = None, template_dir: Path | None = None,
               progress: Progress | None = None, *, force: bool = False, pdf: bool = False) -> Summary:
    """Build the dossier of every cluster file in `paths` with `jobs` worker processes.

    Every file is checked, once (ValidationFailed lists every problem of every file; after the first
    failure nothing more is rendered), every dossier is rendered before anything is committed, and then
    all are committed whole or not at all. A document edited by hand since the last run stops the build (OutputError naming it)
    unless `force`, which keeps it beside the new one. With `pdf`, LibreOffice must be installed
    (checked first). `template_dir` holds a clerk's own templates, each replacing the shipped one of
    the same name (checked first too)."""
    started = time.perf_counter()
    overrides.require(template_dir)
    soffice = output_pdf.require_soffice() if pdf else None
    files = discover.inputs(paths)
    wanted = jobs or default_jobs()
    jobs = max(1, min(wanted, len(files)))
    out_dir = Path(out_dir)
    report = progress or (lambda phase, done, total: None)
    runner = _InProcess() if jobs == 1 else _Pool(jobs)
    cancel = True
    try:
        outcomes: dict[Path, _Outcome] = {}
        failed = []

        def on_result(o: _Outcome):
            if o.failure is not None and o.slug is not None:
                raise o.failure.error()  # a template's or the disk's failure, not the file's: stop at once
            outcomes[o.path] = o
            if o.failure is not None:
                failed.append(o.path)
            report(BUILD, len(outcomes), len(files))

        with Transaction(out_dir) as tx:  # locked; an interrupted run's debris recovered first

            def tasks():
                for f in files:  # once a file has failed, the rest are only checked: nothing will be written
                    yield f, out_dir, template_dir, soffice, tx.root, not failed, wanted // jobs

            try:
                runner.run(_cluster_task, tasks(), on_result)
                cancel = False
            finally:  # no worker may still write into the staging folders when they are cleaned up
                runner.close(cancel=cancel)
            failures = [outcomes[f].failure.error() for f in files if outcomes[f].failure is not None]
            if len(files) == 1 and failures and isinstance(failures[0], Incomplete):
                raise failures[0]  # one file left half-filled: its to-do list says it best
            problems = [i for e in failures for i in (e.issues or [Issue(e.message)])]
            folders: dict[str, list[tuple[Path, tuple]]] = {}
            for f in files:
                if outcomes[f].slug is not None:
                    folders.setdefault(outcomes[f].slug, []).append((f, outcomes[f].where))
            problems += _same_folder_issues(folders, out_dir)
            errors = only_errors(problems)
            if failures or errors:
                raise ValidationFailed(f"Có {len(errors)} lỗi; chưa tạo hồ sơ nào. Sửa các lỗi dưới đây rồi chạy lại.",
                                       problems)
            written = write.write_all([outcomes[f].dossier for f in files], force, tx)
    finally:
        runner.close(cancel=cancel)
    built = []
    told: set[Issue] = set()  # a slow template is reported once per run, with the first cluster using it
    for f, w in zip(files, written):
        stale = [stale_warning(p) for p in w.stale]
        if w.dropped:
            stale.append(Issue(DROPPED.format(n=len(w.dropped)), str(w.folder), level="warning"))
        first = [i for i in outcomes[f].slow if i not in told]
        told.update(first)
        built.append(pipeline_dossier.Built(f, w.folder, w.files, outcomes[f].warnings + first + stale, w.backups))
    return Summary(built, out_dir, jobs, time.perf_counter() - started)


def _same_folder_issues(folders: dict[str, list[tuple[Path, tuple]]], out_dir: Path) -> list[Issue]:
    """Two cluster files with the same district and cluster name would write the same folder."""
    issues = []
    for slug, found in folders.items():
        if len(found) > 1:
            for p, (line, col) in found:
                others = ", ".join(str(o) for o, _ in found if o != p)
                issues.append(Issue(f"Cụm này trùng huyện và tên Cụm với tệp {others}: cả hai sẽ ghi vào cùng "
                                    f"thư mục {out_dir / slug}. Sửa 'huyen.ten' hoặc 'cum.ten' cho đúng.",
                                    str(p), line, col, pointer="cum.ten"))
    return issues


def build(paths, out_dir: Path, template_dir: Path | None = None, force: bool = False,
          pdf: bool = False, jobs: int = 1) -> list[Built]:
    """Build the dossier of every cluster file: all are checked and rendered before anything is written,
    and then written whole or not at all (see batch.build_many, which does the work)."""

    return build_many(paths, out_dir, jobs=jobs, template_dir=template_dir, force=force, pdf=pdf).built
