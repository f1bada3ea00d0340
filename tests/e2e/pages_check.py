"""What a reviewer sees turning the pages of a document printed by LibreOffice: the checks of test_pages.py.

Each function takes the .docx and its PDF and returns the problems found, in words (empty when none), so
that the same checks can be run by hand on any folder of outputs:
    python tests/e2e/pages_check.py FOLDER   (every FOLDER/*.docx beside its FOLDER/*.pdf)
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

# letters that fit on one page (công văn, tờ trình); not the Phòng Nội vụ's Tờ trình for the Giấy khen, whose
# list of collectives and individuals grows with the district's clusters
ONE_PAGE = re.compile(r"(^|--)(cong-van|to-trinh)-(?!de-nghi-giay-khen)")
SHORT_ROWS = 6  # a table of at most this many rows (header, four classes, total) is never split


def pages(pdf: Path, layout: bool = True) -> list[str]:
    """The text of each page (pdftotext; -layout keeps the columns of a table on one line)."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    out = text.split("\f")
    return out[:-1] if out and not out[-1].strip() else out


def _words(text: str) -> list[str]:
    return text.split()


def _text(el) -> str:
    """The text of an element's paragraphs, one space between them."""
    return " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in el.iter(qn("w:p")))


def _content_lines(page: str, number: int) -> list[str]:
    """The page's non-empty lines without the page number printed at its top (F-PGNUM-1)."""
    lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
    if lines and lines[0] == str(number):
        lines = lines[1:]
    return lines


def closing_text(docx: Path) -> str | None:
    """The content's closing sentence: the last top-level paragraph ending with './.'."""
    found = None
    for p in Document(str(docx)).paragraphs:
        if p.text.strip().endswith("./."):
            found = p.text.strip()
    return found


def closing_alone(docx: Path, pdf: Path) -> list[str]:
    """A page after the first that starts with the closing sentence (or its tail): it holds nothing of the
    content but the closing and the signatures."""
    closing = closing_text(docx)
    if closing is None:
        return []
    tail_words = _words(closing)
    out = []
    for n, page in enumerate(pages(pdf, layout=False), start=1):
        if n == 1:
            continue
        words = _words("\n".join(_content_lines(page, n)))
        end = next((i for i, w in enumerate(words) if w.endswith("./.")), None)
        if end is None:
            continue
        before = words[: end + 1]
        if before and before[0].startswith("("):  # an attachment note "(Kèm theo …)" is no content either
            close = next((i for i, w in enumerate(before) if w.endswith(")") or w.endswith(".)")), None)
            before = before[close + 1:] if close is not None and close < len(before) - 1 else before
        if before == tail_words[-len(before):]:
            out.append(f"trang {n} chỉ có câu kết '{' '.join(before)[:60]}…' và chữ ký")
    return out


def _header_rows(docx: Path) -> list[tuple[list[str], bool]]:
    """Each table's repeated header row (its words) and whether it must stay on one page: its data rows
    keep together, or it is short."""
    out = []
    for t in Document(str(docx)).tables:
        rows = t._tbl.findall(qn("w:tr"))
        if not rows or rows[0].find(qn("w:trPr") + "/" + qn("w:tblHeader")) is None:
            continue
        words = _words(_text(rows[0]))
        data = rows[1:]
        together = bool(data) and all(p.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None
                                      for tr in data for p in tr.iter(qn("w:p")) if _text(p).strip())
        out.append((words, together or len(rows) <= SHORT_ROWS))
    return out


def _headings(docx: Path) -> list[str]:
    """Headings of the content: top-level bold paragraphs kept with the next ('II. NỘI DUNG …')."""
    out = []
    for p in Document(str(docx)).paragraphs:
        runs = [r for r in p.runs if r.text.strip()]
        if p.paragraph_format.keep_with_next and runs and all(r.bold for r in runs) and "{" not in p.text:
            out.append(" ".join(p.text.split()))
    return out


def alone_at_foot(docx: Path, pdf: Path) -> list[str]:
    """The last lines of a page (not the last page) are a table's header row or a heading: what they
    head is on the next page."""
    out = []
    heads = _header_rows(docx)
    headings = [h for h in _headings(docx) if h]
    texts = pages(pdf)
    for n, page in enumerate(texts[:-1], start=1):
        lines = _content_lines(page, n)
        if not lines:
            continue
        for words, _ in heads:
            starts = [i for i, ln in enumerate(lines) if ln.split()[0] == words[0]]
            if starts:
                rest = _words(" ".join(lines[starts[-1]:]))
                if set(rest) <= set(words):
                    out.append(f"trang {n}: hàng tiêu đề bảng '{' '.join(words)[:50]}' nằm một mình cuối trang")
        flat = " ".join(" ".join(lines).split())
        for h in headings:
            if flat.endswith(h):
                out.append(f"trang {n}: đề mục '{h}' nằm một mình cuối trang")
        following = _content_lines(texts[n], n + 1)
        if lines[-1].endswith(":") and any(_opens_with(following, words) for words, _ in heads):
            out.append(f"trang {n}: câu dẫn '…{lines[-1][-40:]}' cuối trang, bảng ở trang sau")
    return out


def split_short_table(docx: Path, pdf: Path) -> list[str]:
    """A table whose rows keep together (a cluster's units, the plan's contents, the classes) printed
    over two pages: its repeated header row opens a later page."""
    out = []
    texts = pages(pdf)
    for words, together in _header_rows(docx):
        if not together:
            continue
        for n, page in enumerate(texts[1:], start=2):
            if _opens_with(_content_lines(page, n), words) and _holds(_content_lines(texts[n - 2], n - 1), words):
                out.append(f"bảng '{' '.join(words)[:50]}' bị tách, sang trang {n}")
    return out


def _opens_with(lines: list[str], words: list[str]) -> bool:
    """The page's first lines are this header row (repeated at the top of a page the table runs onto)."""
    head = _words(" ".join(lines[:3]))[: len(words)]
    return bool(head) and head[0] == words[0] and set(head) <= set(words)


def _holds(lines: list[str], words: list[str]) -> bool:
    """The header row is printed somewhere on this page: a line starting with its first word whose next
    lines hold all its words."""
    for i, ln in enumerate(lines):
        if ln.split()[0] == words[0] and set(words) <= set(_words(" ".join(lines[i:i + 3]))):
            return True
    return False


def one_page(docx: Path, pdf: Path) -> list[str]:
    if not ONE_PAGE.search(docx.name):
        return []
    n = len(pages(pdf))
    return [] if n == 1 else [f"công văn dài {n} trang (cần vừa 1 trang)"]


def header_wrapped(docx: Path, pdf: Path) -> list[str]:
    """A line of the header's left column (an agency's name, as docgen broke it) that the printer wrapped:
    it is not printed whole on one line of page 1 ("UBND THỊ TRẤN TRÂU / QUỲ")."""
    doc = Document(str(docx))
    if not doc.tables:
        return []
    printed = [" ".join(ln.split()) for ln in pages(pdf)[0].splitlines()]
    out = []
    for p in doc.tables[0].rows[0].cells[0].paragraphs:
        for line in p.text.split("\n"):
            line = " ".join(line.split())
            if line and "{" not in line and not any(line in ln for ln in printed):
                out.append(f"tên cơ quan '{line}' bị ngắt dòng ở đầu văn bản")
    return out


CHECKS = (closing_alone, alone_at_foot, split_short_table, one_page, header_wrapped)


def problems(docx: Path, pdf: Path) -> list[str]:
    return [f"{docx.name}: {m}" for check in CHECKS for m in check(docx, pdf)]


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    found = [m for d in sorted(folder.glob("*.docx")) for m in problems(d, d.with_suffix(".pdf"))]
    print("\n".join(found) or "không có lỗi trang")
    sys.exit(1 if found else 0)
