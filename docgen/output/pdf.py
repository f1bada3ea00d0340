"""The dossier's .docx files converted to PDF by LibreOffice headless, page counts, one combined PDF to print."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from docgen.errors import OutputError

COMBINED = "toan-bo-ho-so.pdf"


TIMEOUT_S = 600


_WINDOWS_PLACES = [r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]


NOT_INSTALLED = (
    "Chưa có LibreOffice nên chưa tạo được PDF. Chưa ghi tệp nào.\n"
    "Cài LibreOffice rồi chạy lại lệnh:\n"
    "  - Linux (Debian, Ubuntu): sudo apt-get install libreoffice-writer-nogui\n"
    "  - Windows: cài LibreOffice từ trang chủ https://www.libreoffice.org/download/ (bản \"Stable\"), "
    "rồi mở lại cửa sổ lệnh.\n"
    "Hoặc bỏ --pdf: hồ sơ .docx vẫn mở, in được bằng Word hoặc LibreOffice."
)


def find_soffice() -> str | None:
    """LibreOffice's `soffice`: $DOCGEN_SOFFICE if set, else on the PATH, else where Windows installs it."""
    chosen = os.environ.get("DOCGEN_SOFFICE")
    if chosen is not None:
        return chosen if Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_PLACES if Path(p).is_file()), None)
    return None


def require_soffice() -> str:
    """The LibreOffice program, or an OutputError telling how to install it."""
    exe = find_soffice()
    if not exe:
        raise OutputError(NOT_INSTALLED)
    return exe


def convert(documents: dict[str, bytes], soffice: str) -> dict[str, bytes]:
    """{name.docx: bytes} → {name.pdf: bytes}, in one LibreOffice run with a private, throw-away profile
    (a LibreOffice already open on the clerk's desktop neither blocks nor changes the conversion)."""
    if not documents:
        return {}
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
        tmp_dir = Path(tmp)
        src, out = tmp_dir / "docx", tmp_dir / "pdf"
        src.mkdir()
        out.mkdir()
        for name, data in documents.items():
            (src / name).write_bytes(data)
        cmd = [soffice, f"-env:UserInstallation={(tmp_dir / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out), *(str(src / n) for n in documents)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as e:
            raise OutputError(f"LibreOffice chạy quá {TIMEOUT_S // 60} phút mà chưa chuyển xong sang PDF. "
                              "Đóng các cửa sổ LibreOffice đang mở rồi chạy lại.") from e
        except OSError as e:
            raise OutputError(f"Không chạy được LibreOffice ({soffice}): {e.strerror}.\n{NOT_INSTALLED}") from e
        result = {}
        for name in documents:
            pdf = out / (Path(name).stem + ".pdf")
            if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
                detail = (proc.stderr or proc.stdout or "").strip().splitlines()[-3:]
                raise OutputError(f"LibreOffice không chuyển được {name} sang PDF (mã {proc.returncode}). "
                                  "Chưa ghi tệp nào. " + " ".join(detail))
            result[pdf.name] = pdf.read_bytes()
        return result


def page_count(pdf: bytes) -> int:
    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except PyPdfError as e:
        raise OutputError(f"Tệp PDF do LibreOffice tạo ra bị hỏng ({e}).") from e


def combine(pdfs: list[bytes]) -> bytes:
    """One PDF with every page of `pdfs`, in order: the dossier as it is printed and filed."""
    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
