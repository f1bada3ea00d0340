"""Write stage: put rendered dossiers on disk whole or not at all, never over a document edited by hand.

Each dossier's new folder is assembled beside the live one and swapped in whole (see
output.transaction for the commit, the swap and the recovery after a crash). The new folder holds the
new documents, PDFs and manifest.json, plus every other file of the old folder (the clerk's own
files, kept copies, documents no longer made), hard-linked so nothing is copied. PDFs recorded in the
old manifest and not made this time are PDFs of older data and are left out; a document edited by
hand is never left out: without `force` docgen stops and names it, with `force` it is kept beside the
new one as `<name>.ban-sua-tay.docx`.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import Issue, OutputError
from docgen.output import fault
from docgen.output.disk import disk_error
from docgen.output.manifest import manifest_bytes
from docgen.output.previous import MANIFEST, Previous
from docgen.output.transaction import TEMP, Transaction, deferred_sync, fsync_dir

BACKUP = "ban-sua-tay"  # "edited by hand": the suffix of a kept copy


_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class Dossier:
    """One cluster's rendered documents (file name → bytes) and the manifest that describes them."""

    folder: Path
    files: dict[str, bytes | Path]  # the bytes, or a file already rendered to disk (staged by a worker)
    manifest: dict


@dataclass
class Written:
    """What happened to one dossier on disk."""

    folder: Path
    files: list[Path]
    backups: list[Path] = field(default_factory=list)  # hand-edited documents kept beside the new ones
    stale: list[Path] = field(default_factory=list)  # documents of the old manifest not made this time
    dropped: list[Path] = field(default_factory=list)  # PDFs of older data, not carried into the new folder


def check_name(name: str) -> None:
    """File names are ASCII slugs: never a path separator, never '..', never hidden."""
    if not _SAFE_NAME.match(name) or ".." in name:
        raise OutputError(f"Tên tệp không an toàn: {name!r}. docgen chỉ ghi tên tệp dạng chữ thường không "
                          "dấu, số và '-'.")


def backup_name(target: Path, taken: set[str] = frozenset()) -> Path:
    """`x.docx` → `x.ban-sua-tay.docx`, or `x.ban-sua-tay-2.docx` ... so no earlier copy is replaced."""
    n = 1
    while True:
        tag = BACKUP if n == 1 else f"{BACKUP}-{n}"
        candidate = target.with_name(f"{target.stem}.{tag}{target.suffix}")
        if not candidate.exists() and candidate.name not in taken:
            return candidate
        n += 1


def stage_file(staging: Path, name: str, data: bytes) -> Path:
    """Write one new file of a dossier into its staging folder (a step of the write stage); durable by the
    commit: fsynced here, or with the whole staging folder by Transaction.commit where it can (syncfs)."""
    path = staging / name
    fault.step("stage-file", path)
    with open(path, "wb") as f:
        f.write(data)
        if not deferred_sync():
            f.flush()
            os.fsync(f.fileno())
    return path


def _carry(src: Path, dst: Path) -> None:
    """The old folder's entry `src` into the new folder: a hard link (nothing copied, the old folder
    untouched); a copy where the disk has no hard links (FAT USB sticks)."""
    fault.step("carry", dst)
    if src.is_dir() and not src.is_symlink():
        dst.mkdir()
        for child in sorted(src.iterdir()):
            _carry(child, dst / child.name)
        return
    if src.is_symlink():  # the link itself, not what it points to
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _stage(d: Dossier, prev: Previous, staging: Path, edited: set[str]) -> Written:
    """Assemble the new folder of `d` in `staging`; returns what the swap will have written."""
    staging.mkdir(exist_ok=True)
    for name, data in d.files.items():
        if isinstance(data, Path) and data.parent == staging:
            continue  # a worker rendered it in place
        if isinstance(data, Path):
            fault.step("move", staging / name)
            try:
                os.replace(data, staging / name)  # same disk: moved, never copied
                continue
            except OSError:
                data = data.read_bytes()
        stage_file(staging, name, data)
    stage_file(staging, MANIFEST, manifest_bytes(d.manifest))
    result = Written(d.folder, [d.folder / n for n in [*d.files, MANIFEST]])
    taken = set(d.files) | set(prev.names)
    for name in prev.names:
        if name == MANIFEST or name.startswith(".docgen-") or (name in d.files and name not in edited):
            continue  # replaced, or the debris of an older docgen
        if name not in d.files and prev.is_old_pdf(name):
            result.dropped.append(d.folder / name)  # a PDF of older data: gone with the data it was made from
            continue
        target = staging / name
        if name in edited:
            target = staging / backup_name(d.folder / name, taken).name
            taken.add(target.name)
            result.backups.append(d.folder / target.name)
        elif name in prev.recorded:
            result.stale.append(d.folder / name)
        _carry(d.folder / name, target)
    if not deferred_sync():
        fsync_dir(staging)
    return result


def write_all(dossiers: list[Dossier], force: bool = False, tx: Transaction | None = None) -> list[Written]:
    """Write every dossier, or — on any problem — leave every output folder exactly as it was.

    `tx` is the transaction the dossiers were staged in (workers render into `tx.staging(name)`);
    without one, a transaction is opened on the dossiers' common parent folder."""
    for d in dossiers:
        check_name(d.folder.name)
        for name in d.files:
            check_name(name)
            if name == MANIFEST:
                raise OutputError(f"Tên tệp {MANIFEST} dành cho bản kê của hồ sơ.")
    if tx is None:
        parents = {d.folder.parent for d in dossiers}
        if len(parents) != 1:
            return [w for p in sorted(parents) for w in write_all([d for d in dossiers if d.folder.parent == p], force)]
        with Transaction(parents.pop()) as tx:
            return write_all(dossiers, force, tx)
    previous = {id(d): Previous.read(d.folder) for d in dossiers}
    edited = {id(d): previous[id(d)].edited(d.files, force) for d in dossiers}
    paths = [d.folder / n for d in dossiers for n in edited[id(d)]]
    if paths and not force:
        raise OutputError(
            f"Có {len(paths)} văn bản đã được sửa tay sau khi docgen lập (nội dung khác mã băm trong "
            f"{MANIFEST}); docgen không ghi đè và chưa ghi gì. Hãy chuyển các tệp này đi nơi khác, hoặc "
            f"chạy lại với --force: bản sửa tay được giữ lại bên cạnh bản mới, tên có thêm '.{BACKUP}'."
            + "".join(previous[id(d)].no_manifest_note() for d in dossiers if edited[id(d)]),
            [Issue("văn bản đã sửa tay, chưa ghi đè.", str(p)) for p in paths])
    try:
        results = [_stage(d, previous[id(d)], tx.staging(d.folder.name), edited[id(d)]) for d in dossiers]
        tx.commit([d.folder.name for d in dossiers])
    except OSError as e:
        raise disk_error(e, dossiers[0].folder.parent) from e
    return results


def write_dossier(folder: Path, files: dict[str, bytes], manifest: dict, force: bool = False) -> list[Path]:
    """Write one dossier (see write_all); the paths written, manifest last."""
    return write_all([Dossier(Path(folder), files, manifest)], force)[0].files


_UNTOUCHED = re.compile(rb"<cp:lastModifiedBy>docgen</cp:lastModifiedBy>.*<cp:revision>1</cp:revision>.*"
                        rb"<dcterms:modified[^>]*>1980-01-01T00:00:00Z<", re.S)


def saved_since_docgen(data: bytes) -> bool:
    """A .docx docgen did not write as it is now: Word and LibreOffice stamp the editor's name, the
    time and a new revision into docProps/core.xml on every save, where docgen writes fixed ones."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return not _UNTOUCHED.search(z.read("docProps/core.xml"))
    except (zipfile.BadZipFile, KeyError, OSError):
        return True


def write_document(path: Path, data: bytes, force: bool = False) -> tuple[Path, Path | None]:
    """Write one stand-alone .docx (the Kế hoạch) whole, never over a copy edited by hand: without
    `force` OutputError names it; with `force` it is kept beside as `<name>.ban-sua-tay.docx`.
    Returns the path and the kept copy, if any."""
    path = Path(path)
    with Transaction(path.parent):  # locked, and a crashed run's debris recovered first
        try:
            kept = _keep_edited(path, path.read_bytes() if path.is_file() else None, data, force)
        except OSError as e:
            raise disk_error(e, path.parent) from e
        return write_file(path, data), kept


def _keep_edited(path: Path, old: bytes | None, data: bytes, force: bool) -> Path | None:
    kept = None
    if old is not None and old != data and saved_since_docgen(old):
        if not force:
            raise OutputError(
                f"Văn bản {path} đã được sửa tay (hoặc không do docgen lập); docgen không ghi đè và chưa ghi gì. "
                f"Hãy chuyển tệp đó đi nơi khác, hoặc chạy lại với --force: bản sửa tay được giữ lại bên cạnh "
                f"bản mới, tên có thêm '.{BACKUP}'.", [Issue("văn bản đã sửa tay, chưa ghi đè.", str(path))])
        kept = backup_name(path)
        try:
            os.link(path, kept)
        except OSError:
            shutil.copy2(path, kept)
    return kept


def write_file(path: Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write one file whole or not at all (a temporary name in the same folder, then rename).

    With overwrite=False an existing file is left alone and OutputError says how to proceed."""
    path = Path(path)
    if not overwrite and path.exists():
        raise OutputError(f"Tệp {path} đã có; docgen không ghi đè để khỏi mất phần đã sửa tay. Chọn tên khác "
                          "bằng -o, hoặc thêm --force nếu muốn thay tệp đó.")
    if path.is_dir():
        raise OutputError(f"{path} là một thư mục; hãy chỉ tên tệp cần ghi.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TEMP, dir=path.parent)
    except OSError as e:
        raise disk_error(e, path.parent) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        raise disk_error(e, path) from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
