"""Write stage: put a rendered dossier on disk whole or not at all, with a manifest of what was written."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .errors import OutputError

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_dossier(folder: Path, files: dict[str, bytes], manifest: dict) -> list[Path]:
    """Write every file of a dossier into `folder` atomically (temporary names, then rename).

    If anything fails before the renames, nothing in `folder` changes."""
    folder = Path(folder)
    for name in files:
        if "/" in name or "\\" in name or name.startswith("."):
            raise OutputError(f"Tên tệp không hợp lệ: {name!r}.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".docgen-", dir=folder))
    except OSError as e:
        raise OutputError(f"Không tạo được thư mục {folder}: {e.strerror}. Kiểm tra quyền ghi "
                          "hoặc chọn thư mục khác bằng -o.") from e
    try:
        all_files = dict(files)
        all_files[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
        for name, data in all_files.items():
            (staging / name).write_bytes(data)
        written = []
        for name in all_files:
            os.replace(staging / name, folder / name)
            written.append(folder / name)
    except OSError as e:
        raise OutputError(f"Không ghi được hồ sơ vào {folder}: {e.strerror}. Kiểm tra dung lượng đĩa "
                          "và quyền ghi; tệp đang mở trong Word cũng cần được đóng lại.") from e
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


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
