"""The dossier's .docx files converted to PDF by LibreOffice headless, page counts, one combined PDF to print."""
from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import re
import struct
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Callable

from docgen.errors import OutputError
from docgen.output import feed
from docgen.output import soffice as office
from docgen.output.soffice import NOT_INSTALLED
from docgen.render import package
from docgen.render.environment import FIXED_TIME

COMBINED = "toan-bo-ho-so.pdf"


FIXED_DATE = "D:{:04d}{:02d}{:02d}{:02d}{:02d}{:02d}Z".format(*FIXED_TIME).encode()  # the .docx files' clock


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((?:[^()\\]|\\.)*\)")


_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{32})")


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")


_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")


def require_soffice() -> str:
    """The LibreOffice program (soffice.find_program), or an OutputError telling how to install it."""
    exe = office.find_program()
    if not exe:
        raise OutputError(NOT_INSTALLED)
    return exe


def warm_up(soffice: str, count: int = 1) -> None:
    """Start this process's LibreOffice (`count` of them, to convert side by side) now, so that it is up
    by the first conversion."""
    office.warm_up(soffice, count)


def convert(documents: dict[str, bytes], soffice: str, meanwhile: Callable[[], None] | None = None
            ) -> dict[str, bytes]:
    """{name.docx: bytes} → {name.pdf: bytes} by this process's warm LibreOffice (started at the first
    call, kept for the next ones, restarted if it hangs or dies), shared out between its offices when it
    has more than one; the same document gives the same bytes. `meanwhile`: other work, done on this
    thread while LibreOffice converts (if it fails, the conversion is dropped)."""
    if not documents:
        if meanwhile is not None:
            meanwhile()
        return {}
    stream = Stream(soffice)
    try:
        stream.add(documents, last=True)
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        stream.cancel()
        raise
    return stream.result()


class Stream:
    """A dossier's documents converted while the rest are still being rendered: `add` each as soon as it is
    made, `result` once all are in ({name.pdf: bytes} in the order added). LibreOffice is given each
    document without the styles it does not use (for_office); the PDFs come back reproducible."""

    def __init__(self, soffice: str):
        self._feed = feed.Feed(office.offices(soffice), finish=_finished)
        self._order: list[str] = []

    def add(self, documents: dict[str, bytes], last: bool = False) -> None:
        """Queue `documents` ({name.docx: bytes}); `last`: no more will come."""
        self._order += documents
        self._feed.add({name: for_office(data) for name, data in documents.items()}, last)

    def result(self) -> dict[str, bytes]:
        done = self._feed.result()
        return {name: done[name] for name in (Path(n).stem + ".pdf" for n in self._order)}

    def cancel(self) -> None:
        self._feed.cancel()


_STYLE = re.compile(rb"<w:style\b(?:[^>]*?/>|[^>]*>.*?</w:style>)", re.S)


_STYLE_OPEN = re.compile(rb"<w:style\b")


_STYLE_ID = re.compile(rb'\bw:styleId="([^"]*)"')


_STYLE_NAME = re.compile(rb'<w:name\s+w:val="([^"]*)"')


_VAL = re.compile(rb'w:val="([^"]*)"')  # no \b: five times faster, and over-matching only keeps more


_INSTR = re.compile(rb"<w:instrText(?:\s[^>]*)?>([^<]*)<|w:instr=\"([^\"]*)\"")


_styles_read: dict[tuple[int, int], tuple] = {}  # (crc, size) of a styles.xml: (its styles, its bytes)


def _style_table(xml: bytes) -> list | None:
    """[(id, name, start, end, default, values)] of every w:style of styles.xml, or None when the file
    does not split cleanly into them (then nothing is removed)."""
    table = []
    for m in _STYLE.finditer(xml):
        head = xml[m.start():xml.index(b">", m.start())]
        sid, name = _STYLE_ID.search(head), _STYLE_NAME.search(m.group(0))
        if sid is None:
            return None
        table.append((sid.group(1), name.group(1) if name else None, m.start(), m.end(), b'w:default="1"' in head,
                      set(_VAL.findall(m.group(0)))))
    return table if len(table) == len(_STYLE_OPEN.findall(xml)) else None


def for_office(docx: bytes) -> bytes:
    """The .docx as handed to LibreOffice: the same package with word/styles.xml stripped of the styles
    nothing uses. A python-docx or Word template carries some 160 styles (350 kB of XML) for the few a
    document applies, and LibreOffice parses and builds every one of them for each document: about 40 % of
    its time per document. Kept: the default styles, every style whose id is the value of any w:val in the
    document's other parts (paragraph, run, table and numbering references, settings) or is named in a field
    instruction (STYLEREF, TOC), and all they are based on or linked to; what LibreOffice prints is the same
    (tests/e2e/test_pdf_office.py compares the PDFs byte for byte). Anything unexpected: the bytes unchanged.
    The .docx files written to the dossier are never changed."""
    skip = ("word/styles.xml", "word/stylesWithEffects.xml")
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            infos = z.infolist()
            info = z.getinfo("word/styles.xml")
            # zip64, encrypted, data descriptors (entries not copyable as they are): not ours
            if len(docx) >= 1 << 31 or any(i.flag_bits & 9 for i in infos) or not package.raw_copy_ok():
                return docx
            key = (info.CRC, info.file_size)
            if key not in _styles_read:  # a dossier's documents share one styles.xml: read once
                if len(_styles_read) >= 16:
                    del _styles_read[next(iter(_styles_read))]
                styles = z.read(info)
                _styles_read[key] = (_style_table(styles), styles)
            table, styles = _styles_read[key]
            scanned = [z.read(i) for i in infos if i.filename.endswith(".xml") and i.filename not in skip]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return docx
    if not table:
        return docx
    used: set[bytes] = set()
    instructions = b""
    for data in scanned:
        used.update(_VAL.findall(data))
        if b"instr" in data:
            instructions += b" ".join(a or b for a, b in _INSTR.findall(data))
    by_id = {t[0]: t for t in table}
    keep = {t[0] for t in table if t[4] or t[0] in used or (instructions and (t[0] in instructions or
                                                                                (t[1] and t[1] in instructions)))}
    todo = list(keep)
    while todo:
        for value in by_id[todo.pop()][5]:
            if value in by_id and value not in keep:
                keep.add(value)
                todo.append(value)
    if len(keep) == len(table):
        return docx
    out, at = [], 0
    for sid, _, start, end, _, _ in table:
        if sid not in keep:
            out.append(styles[at:start])
            at = end
    out.append(styles[at:])
    return _with_part(docx, infos, "word/styles.xml", b"".join(out))


def _with_part(docx: bytes, infos: list[zipfile.ZipInfo], name: str, data: bytes) -> bytes:
    """The zip `docx` with part `name` replaced by `data`, every other entry (local header and compressed
    data) copied as it is, still compressed (inflating and deflating 800 kB per document would cost more
    than the rest), written by the same raw-entry writer as every docgen .docx (render.package)."""
    entries = []
    for i in infos:
        if i.filename == name:
            entries.append(package.entry(name, data, i.date_time))
        else:
            names, extra = struct.unpack_from("<HH", docx, i.header_offset + 26)
            end = i.header_offset + 30 + names + extra + i.compress_size
            entries.append(package.Entry(copy.copy(i), docx[i.header_offset:end]))
    return package.zip_entries(entries)


def reproducible(pdf: bytes) -> bytes:
    """The PDF without LibreOffice's clock and random file identifier, so that the same document gives the
    same bytes in any folder, time zone or language: the dates become the .docx files' fixed date and the
    /ID (and LibreOffice's /DocChecksum) a hash of the content. The bytes are edited where they are and
    the cross-reference table's offsets moved by what the dates grew or shrank (a few bytes, instead of
    rewriting the whole file); a PDF of another shape is rewritten by pikepdf."""
    edits = [(m.start(), m.end(), b"/" + m.group(1) + b"(" + FIXED_DATE + b")") for m in _DATE.finditer(pdf)]
    edited = _edited(pdf, edits)
    if edited is None:
        return _rewritten(pdf)
    marks = [m.span(g) for rx in (_ID, _CHECKSUM) for m in rx.finditer(edited) for g in range(1, rx.groups + 1)]
    for a, b in marks:
        edited[a:b] = b"0" * (b - a)
    digest = hashlib.md5(edited, usedforsecurity=False).hexdigest().upper().encode()
    for a, b in marks:
        edited[a:b] = digest
    return bytes(edited)


def _edited(pdf: bytes, edits: list[tuple[int, int, bytes]]) -> bytearray | None:
    """`pdf` with each (start, end, new) of `edits` applied and its one classic cross-reference table and
    startxref moved to match; None when the file has another shape (xref stream, incremental update)."""
    tail = _STARTXREF.search(pdf, max(0, len(pdf) - 1024))
    if tail is None:
        return None
    old_xref = int(tail.group(1))

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if end <= offset)

    out = bytearray()
    at = 0
    for start, end, new in edits:
        if start < at or start <= old_xref < end:
            return None
        out += pdf[at:start] + new
        at = end
    out += pdf[at:]
    xref = moved(old_xref)
    if not out.startswith(b"xref", xref) or b"/Prev" in out[xref:]:
        return None
    pos = out.index(b"\n", xref) + 1
    while True:
        header = _SUBSECTION.match(out, pos)
        if header is None:
            break
        pos = header.end()
        for _ in range(int(header.group(2))):
            entry = _ENTRY.match(out, pos)
            if entry is None:
                return None
            if entry.group(3) == b"n":
                out[pos:pos + 10] = b"%010d" % moved(int(entry.group(1)))
            pos = entry.end()
    if not out.startswith(b"trailer", pos):
        return None
    tail = _STARTXREF.search(out, max(0, len(out) - 1024))
    out[tail.start(1):tail.end(1)] = str(xref).encode()
    return out


def _rewritten(pdf: bytes) -> bytes:
    """A PDF of another shape (a cross-reference stream) written again by pikepdf with the fixed dates
    and an /ID computed from its content."""
    import pikepdf
    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            for key in ("/CreationDate", "/ModDate"):
                if key in doc.docinfo:
                    doc.docinfo[key] = FIXED_DATE.decode()
            if "/ID" in doc.trailer:  # qpdf would keep its random first half
                del doc.trailer["/ID"]
            buf = io.BytesIO()
            doc.save(buf, deterministic_id=True)
    except pikepdf.PdfError as e:
        raise OutputError(f"Tệp PDF do LibreOffice tạo ra bị hỏng ({e}).") from e
    return buf.getvalue()


def _finished(pdf: bytes) -> bytes:
    """A PDF as LibreOffice wrote it, made reproducible and counted (on its office's thread: the index needs
    every count the moment the last document is back)."""
    pdf = reproducible(pdf)
    page_count(pdf)
    return pdf


_counted: dict[bytes, int] = {}  # a dossier's PDFs are counted for the index and again for the manifest


_counting = threading.Lock()  # the offices' threads count too


def page_count(pdf: bytes) -> int:
    """How many pages `pdf` has (counted once: the last few answers are kept)."""
    found = _counted.get(pdf)
    if found is None:
        import pikepdf  # here: only `build --pdf` needs it
        try:
            with pikepdf.open(io.BytesIO(pdf)) as doc:
                found = len(doc.pages)
        except pikepdf.PdfError as e:
            raise OutputError(f"Tệp PDF do LibreOffice tạo ra bị hỏng ({e}).") from e
        _remember(pdf, found)
    return found


def _remember(pdf: bytes, pages: int) -> None:
    with _counting:
        if len(_counted) >= 64:
            del _counted[next(iter(_counted))]
        _counted[pdf] = pages


def combine(pdfs: list[bytes]) -> bytes:
    """One PDF with every page of `pdfs`, in order: the dossier as it is printed and filed.

    By pikepdf (qpdf): a dossier's 15 PDFs in about a quarter of pypdf's time, which counts when the
    whole of `build --pdf` is meant to stay near LibreOffice's own time; its /ID is a hash of the content."""
    import pikepdf
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(pikepdf.new())
        try:
            for data in pdfs:
                out.pages.extend(stack.enter_context(pikepdf.open(io.BytesIO(data))).pages)
        except pikepdf.PdfError as e:
            raise OutputError(f"Tệp PDF do LibreOffice tạo ra bị hỏng ({e}).") from e
        buf = io.BytesIO()
        out.save(buf, deterministic_id=True)
    combined = buf.getvalue()
    _remember(combined, sum(page_count(d) for d in pdfs))
    return combined
