"""The live folder of a dossier before a write: its files, and what its manifest.json says docgen wrote."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import OutputError
from docgen.output.manifest import sha256

MANIFEST = "manifest.json"


def _entries(manifest, key: str) -> dict[str, str]:
    listed = manifest.get(key) or []
    if not isinstance(listed, list):
        raise TypeError(key)
    return {e["tep"]: e["sha256"] for e in listed if isinstance(e.get("tep"), str) and isinstance(e.get("sha256"), str)}


@dataclass
class Previous:
    """What a dossier folder holds now. `state` of its manifest: 'ok', 'missing', 'none' (no folder) or
    'corrupt' (with `problem`)."""

    folder: Path
    names: list[str] = field(default_factory=list)
    recorded: dict[str, str] = field(default_factory=dict)   # every file docgen wrote: name → sha256
    pdfs: set[str] = field(default_factory=set)
    state: str = "none"
    problem: str = ""

    @classmethod
    def read(cls, folder: Path) -> Previous:
        prev = cls(Path(folder))
        if not prev.folder.exists():
            return prev
        if not prev.folder.is_dir():
            raise OutputError(f"Không ghi được hồ sơ vào {folder}: ở đó đang có một tệp cùng tên. Hãy đổi tên "
                              "hoặc chuyển tệp đó đi rồi chạy lại.")
        prev.names = sorted(p.name for p in prev.folder.iterdir())
        path = prev.folder / MANIFEST
        if path.is_dir():
            raise OutputError(f"Trong thư mục hồ sơ {folder} có một thư mục tên {MANIFEST}; tên này dành cho bản "
                              "kê của hồ sơ do docgen ghi. docgen không xóa thư mục đó và chưa ghi gì: hãy đổi "
                              "tên hoặc chuyển nó đi rồi chạy lại.")
        if not path.exists():
            prev.state = "missing"
            return prev
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            docs, pdfs = {**_entries(manifest, "van_ban"), **_entries(manifest, "bang_tinh")}, _entries(manifest, "pdf")
        except UnicodeDecodeError:
            prev.state, prev.problem = "corrupt", "không phải văn bản UTF-8"
        except ValueError as e:
            prev.state, prev.problem = "corrupt", f"không phải JSON hợp lệ, dòng {getattr(e, 'lineno', '?')}"
        except (AttributeError, TypeError, KeyError):
            prev.state, prev.problem = "corrupt", "thiếu hoặc sai danh sách văn bản"
        else:
            prev.state, prev.recorded, prev.pdfs = "ok", {**docs, **pdfs}, set(pdfs)
        return prev

    def is_old_pdf(self, name: str) -> bool:
        """A PDF docgen made from earlier data and nobody has changed since."""
        if name not in self.pdfs:
            return False
        try:
            return sha256((self.folder / name).read_bytes()) == self.recorded[name]
        except OSError:
            return False

    def edited(self, files: dict, force: bool) -> set[str]:
        """The names of `files` whose live file docgen did not write as it is now (edited by hand)."""
        changed = set()
        for name, data in files.items():
            target = self.folder / name
            if name not in self.names:
                continue
            if target.is_dir():
                raise OutputError(f"Không ghi được {target}: ở đó đang có một thư mục cùng tên. Hãy đổi tên hoặc "
                                  "chuyển thư mục đó đi.")
            current = sha256(target.read_bytes())
            if current != sha256(data.read_bytes() if isinstance(data, Path) else data):
                changed.add(name)
        if self.state == "corrupt" and changed and not force:
            raise OutputError(
                f"Tệp {self.folder / MANIFEST} (bản kê docgen ghi kèm hồ sơ) bị hỏng ({self.problem}), nên "
                "docgen không biết văn bản nào trong thư mục đã được sửa tay; chưa ghi gì. Nếu chắc không "
                "có văn bản nào sửa tay: chạy lại với --force (các văn bản khác bản mới được giữ lại bên "
                f"cạnh, tên có thêm '.ban-sua-tay'). Nếu không: chuyển thư mục {self.folder} đi nơi khác "
                "rồi chạy lại.")
        return {n for n in changed if self.recorded.get(n) != sha256((self.folder / n).read_bytes())}

    def no_manifest_note(self) -> str:
        """Why files look edited when the folder has no manifest."""
        if self.state != "missing":
            return ""
        return (f"\nThư mục {self.folder} không có {MANIFEST} (bản kê docgen ghi kèm hồ sơ), nên docgen không "
                "biết các tệp dưới đây có phải do docgen lập hay không.")
