"""Write stage: put rendered dossiers on disk whole or not at all, never over a document edited by hand.

Every file is first written under a temporary folder next to its target (same disk, so a rename is
atomic). Then each target is swapped in by rename, keeping the old file aside; if any rename fails,
every step already done is undone in reverse order, so the output folder is as it was.

A document listed in the previous manifest whose bytes no longer match the hash recorded there was
edited by hand after docgen wrote it: docgen stops and names it, or with `force` keeps it beside the
new one as `<name>.ban-sua-tay.docx`.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import Issue, OutputError
from docgen.output.manifest import manifest_bytes, sha256

MANIFEST = "manifest.json"


BACKUP = "ban-sua-tay"  # "edited by hand": the suffix of a kept copy


_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class Dossier:
    """One cluster's rendered documents (file name → bytes) and the manifest that describes them."""

    folder: Path
    files: dict[str, bytes | Path]  # the bytes, or a file already rendered to a scratch folder (city builds)
    manifest: dict


def content(data: bytes | Path) -> bytes:
    """A dossier file's bytes, read from its scratch file when it was rendered to disk."""
    return data.read_bytes() if isinstance(data, Path) else data


@dataclass
class Written:
    """What happened to one dossier on disk."""

    folder: Path
    files: list[Path]
    backups: list[Path] = field(default_factory=list)  # hand-edited documents kept beside the new ones
    stale: list[Path] = field(default_factory=list)  # documents of the old manifest not made this time


def check_name(name: str) -> None:
    """File names are ASCII slugs: never a path separator, never '..', never hidden."""
    if not _SAFE_NAME.match(name) or ".." in name:
        raise OutputError(f"Tên tệp không an toàn: {name!r}. docgen chỉ ghi tên tệp dạng chữ thường không "
                          "dấu, số và '-'.")


def recorded_hashes(folder: Path) -> dict[str, str]:
    """File name → sha256 from the folder's manifest.json; empty when there is none or it is unreadable."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {d["tep"]: d["sha256"] for d in manifest.get("van_ban", []) + manifest.get("bang_tinh", [])
                if isinstance(d.get("tep"), str) and isinstance(d.get("sha256"), str)}
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return {}


def edited_by_hand(dossier: Dossier) -> list[Path]:
    """Existing files this dossier would replace that docgen did not write as they are now."""
    recorded = recorded_hashes(dossier.folder)
    edited = []
    for name, data in dossier.files.items():
        target = dossier.folder / name
        if not target.exists():
            continue
        if target.is_dir():
            raise OutputError(f"Không ghi được {target}: ở đó đang có một thư mục cùng tên. Hãy đổi tên hoặc "
                              "chuyển thư mục đó đi.")
        current = sha256(target.read_bytes())
        if current != sha256(content(data)) and recorded.get(name) != current:
            edited.append(target)
    return edited


def backup_name(target: Path) -> Path:
    """`x.docx` → `x.ban-sua-tay.docx`, or `x.ban-sua-tay-2.docx` ... so no earlier copy is replaced."""
    n = 1
    while True:
        tag = BACKUP if n == 1 else f"{BACKUP}-{n}"
        candidate = target.with_name(f"{target.stem}.{tag}{target.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def write_all(dossiers: list[Dossier], force: bool = False) -> list[Written]:
    """Write every dossier, or — on any problem — leave every output folder exactly as it was."""
    for d in dossiers:
        check_name(d.folder.name)
        for name in d.files:
            check_name(name)
            if name == MANIFEST:
                raise OutputError(f"Tên tệp {MANIFEST} dành cho bản kê của hồ sơ.")
    try:
        edited = {id(d): edited_by_hand(d) for d in dossiers}
    except OSError as e:
        raise OutputError(f"Không đọc được tệp đã có {e.filename} ({e.strerror}). Kiểm tra quyền đọc, ghi "
                          "thư mục đầu ra.") from e
    if any(edited.values()) and not force:
        paths = [p for d in dossiers for p in edited[id(d)]]
        raise OutputError(
            f"Có {len(paths)} văn bản đã được sửa tay sau khi docgen lập (nội dung khác mã băm trong "
            f"{MANIFEST}); docgen không ghi đè và chưa ghi gì. Hãy chuyển các tệp này đi nơi khác, hoặc "
            f"chạy lại với --force: bản sửa tay được giữ lại bên cạnh bản mới, tên có thêm '.{BACKUP}'.",
            [Issue("văn bản đã sửa tay, chưa ghi đè.", str(p)) for p in paths])

    created: list[Path] = []  # folders docgen made (removed again on failure)
    staged: list[tuple[Dossier, Path]] = []
    journal: list[tuple[str, Path, Path | None]] = []  # ("moved", from, to) / ("placed", target, None)
    try:
        for d in dossiers:
            missing = [p for p in [d.folder, *d.folder.parents] if not p.exists()]
            d.folder.mkdir(parents=True, exist_ok=True)
            created += reversed(missing)
            staging = Path(tempfile.mkdtemp(prefix=".docgen-", dir=d.folder))
            staged.append((d, staging))
            (staging / "cu").mkdir()
            for name, data in [*d.files.items(), (MANIFEST, manifest_bytes(d.manifest))]:
                if isinstance(data, Path):
                    shutil.copyfile(data, staging / name)  # may be another disk: copy, never move
                else:
                    (staging / name).write_bytes(data)
        results = []
        for d, staging in staged:
            result = Written(d.folder, [])
            names = [*d.files, MANIFEST]
            hand = set(edited[id(d)])
            for name in names:
                target = d.folder / name
                if target.exists():
                    aside = backup_name(target) if target in hand else staging / "cu" / name
                    os.replace(target, aside)
                    journal.append(("moved", target, aside))
                    if target in hand:
                        result.backups.append(aside)
                os.replace(staging / name, target)
                journal.append(("placed", target, None))
                result.files.append(target)
            old = recorded_hashes(staging / "cu")
            result.stale = [d.folder / n for n in sorted(set(old) - set(names)) if (d.folder / n).exists()]
            results.append(result)
    except OSError as e:
        leftovers = _roll_back(journal, staged, created)
        raise OutputError(
            f"Không ghi được hồ sơ ({e.strerror}: {e.filename}). Kiểm tra dung lượng đĩa và quyền ghi; tệp đang "
            "mở trong Word cũng cần được đóng lại. "
            + ("Thư mục đầu ra giữ nguyên như trước." if not leftovers else
               "Không khôi phục được hết: các tệp cũ còn ở " + ", ".join(map(str, leftovers)) + ".")) from e
    for _, staging in staged:
        shutil.rmtree(staging, ignore_errors=True)
    return results


def _roll_back(journal, staged, created) -> list[Path]:
    """Undo the renames in reverse order. Returns the temporary folders that still hold old files
    (a restore failed), which are therefore kept for the clerk."""
    for action, target, aside in reversed(journal):
        try:
            if action == "placed":
                os.unlink(target)
            else:
                os.replace(aside, target)
        except OSError:
            continue
    leftovers = []
    for _, staging in staged:
        old = staging / "cu"
        if old.is_dir() and any(old.iterdir()):
            leftovers.append(old)
        else:
            shutil.rmtree(staging, ignore_errors=True)
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            pass
    return leftovers


def write_dossier(folder: Path, files: dict[str, bytes], manifest: dict, force: bool = False) -> list[Path]:
    """Write one dossier (see write_all); the paths written, manifest last."""
    return write_all([Dossier(Path(folder), files, manifest)], force)[0].files


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
        fd, tmp = tempfile.mkstemp(prefix=".docgen-", dir=path.parent)
    except OSError as e:
        raise OutputError(f"Không tạo được thư mục {path.parent}: {e.strerror}. Kiểm tra quyền ghi "
                          "hoặc chọn nơi khác bằng -o.") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(f"Không ghi được {path}: {e.strerror}. Kiểm tra dung lượng đĩa và quyền ghi; tệp "
                          "đang mở trong Word cũng cần được đóng lại.") from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
