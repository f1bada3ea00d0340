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


def write_new_file(path: Path, data: bytes, overwrite: bool = False) -> Path:
    """Write one file whole (temporary name, then rename); OutputError if it exists and `overwrite` is off."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputError(f"Tệp {path} đã có. docgen không ghi đè để không mất dữ liệu đã điền: chọn tên khác "
                          "bằng -o, hoặc thêm --force nếu chắc chắn muốn thay tệp cũ.")
    if path.is_dir():
        raise OutputError(f"{path} là một thư mục; hãy chỉ tên tệp, ví dụ {path / 'cum-so-1.yaml'}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".docgen-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(f"Không ghi được {path}: {e.strerror}. Kiểm tra quyền ghi vào thư mục.") from e
    return path
