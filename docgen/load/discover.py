"""Finding input files: cluster files in folders, by their `loai_tep:` line."""
from __future__ import annotations

import re
from pathlib import Path

from docgen.errors import InputError


def not_a_folder(path: Path, wanted: str) -> str:
    what = "là một tệp, không phải thư mục" if path.exists() else "không tìm thấy thư mục này"
    return f"{path}: {what}. Hãy ghi đường dẫn đến {wanted}."


# `loai_tep: cum`, `loai_tep: "cum"  # comment`: the value without quotes or comment.
_KIND_LINE = re.compile(r"""^loai_tep\s*:\s*["']?([^"'#]*?)["']?\s*(#.*)?$""")


def kind_line(path: Path) -> str | None:
    """The value of the `loai_tep:` line near the top of a YAML file, read without parsing it (fast, for
    scans): '' when the line has no value, None when the file has no such line or cannot be read."""
    try:
        with path.open("rb") as f:  # the head only: a folder may hold a huge or endless file
            head = f.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return None
    for line in head.splitlines():
        m = _KIND_LINE.match(line)
        if m:
            return m[1].strip()
    return None


def scan(folder: Path) -> tuple[list[Path], list[Path]]:
    """(district files, cluster files) under `folder`, sorted."""
    files = sorted(set(folder.rglob("*.yaml")) | set(folder.rglob("*.yml")))
    kinds = {f: kind_line(f) for f in files}
    return [f for f in files if kinds[f] == "huyen"], [f for f in files if kinds[f] == "cum"]


def expand(paths) -> list[Path]:
    """Files as given; folders replaced by every cluster file (loai_tep: cum) inside them, sorted; each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        found = [f for f in sorted(list(p.rglob("*.yaml")) + list(p.rglob("*.yml"))) if _looks_like_cluster(f)] \
            if p.is_dir() else [p]
        for f in found:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                out.append(f)
    return out


def inputs(paths) -> list[Path]:
    """`expand`, or an InputError when there is nothing to work on."""
    files = expand(paths)
    if not files:
        raise InputError("Không tìm thấy tệp Cụm nào (tệp .yaml có dòng `loai_tep: cum`) trong "
                         + ", ".join(map(str, paths)) + ". Hãy chỉ tệp .yaml của Cụm hoặc thư mục chứa nó.")
    return files


def latest_plan(folder: Path = Path("inputs")) -> Path | None:
    """The newest plan file (ke-hoach-<year>.yaml) in `folder`, offered as the default; None when there is none."""
    plans = sorted(Path(folder).glob("ke-hoach-*.yaml"))
    return plans[-1] if plans else None


def docx_files(paths) -> list[Path]:
    """Files as given; folders replaced by every .docx inside them, sorted, without Word's lock files (~$...)."""
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(f for f in p.rglob("*.docx") if not f.name.startswith("~$")) if p.is_dir() else [p]
    return out


def _looks_like_cluster(path: Path) -> bool:
    """A file that says `loai_tep:` and is not the plan or a district file: clusters, and files whose
    loai_tep is misspelt (so that validation says so rather than the file being skipped in silence)."""
    kind = kind_line(path)
    return kind is not None and kind not in ("ke_hoach", "huyen")
