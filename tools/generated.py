"""Write generated files (templates, schemas) without ever overwriting one edited since it was generated."""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# make_templates.py and schemas_src.py are a bootstrap: clerks and maintainers may then edit what they
# wrote (a template in Word). The record holds the sha256 of every file as last generated: a file still
# with its recorded hash is regenerated; one that differs is left alone and named, unless --force.
# It lives in tools/, not beside the files: it covers two folders, is for whoever runs the generators
# (never shipped with docgen), and stays put if the templates move into the package.
RECORD = Path("tools") / "generated.json"  # relative to the checkout written into


def arguments(description: str) -> argparse.Namespace:
    """The generators' shared options: --force, and --root (another checkout, e.g. a temporary folder)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--force", action="store_true",
                        help="ghi đè cả các tệp đã được sửa sau lần tạo trước (mất các chỗ đã sửa)")
    parser.add_argument("--root", type=Path, default=ROOT, metavar="THƯ_MỤC",
                        help="thư mục gốc để ghi vào (mặc định: thư mục docgen này)")
    return parser.parse_args()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(root: Path, files: dict[str, bytes], force: bool = False) -> int:
    """Write `files` (paths relative to `root`) unless edited since last generated; update the record.

    Returns the exit code: 0 when every file is as generated, 1 when one was left alone."""
    record_path = root / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    kept = []
    for rel, data in files.items():
        path = root / rel
        current = path.read_bytes() if path.is_file() else None
        if current is not None and current != data and record.get(rel) != _sha256(current) and not force:
            kept.append(rel)  # its record entry stays: the next run still sees it was edited
            continue
        if current != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        record[rel] = _sha256(data)
        print(path)
    record_path.parent.mkdir(parents=True, exist_ok=True)
    record_path.write_text(json.dumps(dict(sorted(record.items())), indent=2) + "\n", encoding="utf-8")
    for rel in kept:
        print(f"{rel}: tệp đã được sửa sau lần tạo trước (khác bản đã ghi trong {RECORD.as_posix()}), nên không "
              "ghi đè. Muốn thay bằng bản tạo lại (mất các chỗ đã sửa) thì chạy lại với --force; muốn giữ thì "
              "đưa các chỗ sửa vào mã nguồn trong tools/ rồi chạy lại với --force.", file=sys.stderr)
    return 1 if kept else 0
