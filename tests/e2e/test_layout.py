"""Documents as LibreOffice prints them: the Quốc hiệu on one line, the header block together on page 1,
no word broken or pushed outside its cell or the page, no signature left alone on a page."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import docx_text, to_pdf

pytestmark = pytest.mark.libreoffice


# The rest of the chain: every district and city document, both Kế hoạch, the blank Phụ lục 01 and the
# documents that change in a two-tier (2025) dossier, where the cluster writes straight to the city.
CHAIN_GROUPS = ("huyen-dong-anh", "thanh-pho-2017", "thanh-pho-2025", "ke-hoach-2017", "ke-hoach-2026",
                "phu-luc-01-2025")
TWO_TIER = ("cong-van-de-nghi-khen-thuong", "bao-cao-ket-qua-cum", "bao-cao-thanh-tich")


def chain_files(chain_built) -> list:
    picked = [f for g in CHAIN_GROUPS for f in chain_built[g]]
    first = chain_built["cum-2025"][0].parent
    return picked + [f for f in chain_built["cum-2025"] if f.parent == first and f.stem.startswith(TWO_TIER)]


@pytest.fixture(scope="module")
def pdfs(built, chain_built, tmp_path_factory):
    """One document of each template, per cluster, and the rest of the chain, converted once."""
    out = tmp_path_factory.mktemp("pdf")
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    folders = {}
    for f in files:
        folders.setdefault(f.parent.name, []).append(f)
    picked = []
    for group in folders.values():
        seen = set()
        for f in group:
            kind = re.sub(r"-[a-z-]+$", "", f.stem) if f.stem.startswith("bien-ban-kiem-tra") else f.stem
            if kind not in seen:
                seen.add(kind)
                picked.append(f)
    converted = {}
    for f in picked:  # one folder per cluster: same file names
        d = out / f.parent.name
        d.mkdir(exist_ok=True)
        converted[f] = to_pdf([f], d)[0]
    # one LibreOffice run for the rest: copied first under names that cannot clash
    staged = out / "chain"
    staged.mkdir()
    copies = {}
    for f in chain_files(chain_built):
        copy = staged / f"{f.parent.name}--{f.name}"
        shutil.copyfile(f, copy)
        copies[f] = copy
    for f, pdf in zip(copies, to_pdf(list(copies.values()), staged)):
        converted[f] = pdf
    return converted


def layout_pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def words_with_boxes(pdf):
    """[(page, word, xMin, xMax, page width)] from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    root = ET.fromstring(html.replace("&nbsp;", " "))
    out = []
    ns = "{http://www.w3.org/1999/xhtml}"
    for n, page in enumerate(root.iter(f"{ns}page"), start=1):
        width = float(page.get("width"))
        for w in page.iter(f"{ns}word"):
            out.append((n, w.text or "", float(w.get("xMin")), float(w.get("xMax")), width))
    return out


def test_header_block_on_page_1_with_the_quoc_hieu_on_one_line(pdfs):
    for docx, pdf in pdfs.items():
        if docx.stem.startswith(("phu-luc", "muc-luc")):
            continue  # a Phụ lục and the dossier's index have no header block
        page1 = layout_pages(pdf)[0]
        lines = page1.splitlines()
        qh = [i for i, line in enumerate(lines) if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line]
        assert qh, f"{docx.name}: Quốc hiệu not on one line:\n{page1[:600]}"
        head = "\n".join(lines[qh[0]: qh[0] + 6])
        assert "Độc lập - Tự do - Hạnh phúc" in head, docx.name
        assert re.search(r"Số:\s*(\d+)?\s*/", head), docx.name
        assert re.search(r", ngày \S+ tháng \S+ năm \S+", head), docx.name


def test_no_word_is_broken_or_outside_the_page(pdfs):
    """Every printed word is a word of the document (none cut in two by a narrow cell; only a word with
    a hyphen of its own, like '1548/SNV-VP', may break after that hyphen) and lies inside the page's text
    area (none overflowing a cell or the margin)."""
    for docx, pdf in pdfs.items():
        words = set()
        for line in docx_text(docx).splitlines():
            words.update(line.split())
        boxes = words_with_boxes(pdf)
        rest_of = set()  # indices of words that are the second half of a word broken at its hyphen
        for i, (page, word, x0, x1, width) in enumerate(boxes):
            if i in rest_of or set(word) == {"."}:
                pass  # (a run of dots is a tab's dotted leader: room to write by hand)
            elif word.endswith("-") and i + 1 < len(boxes) and word + boxes[i + 1][1] in words:
                rest_of.add(i + 1)
            else:
                assert word in words or word.isdigit(), f"{docx.name} p.{page}: '{word}' is a piece of a word"
            # margins: left ≥ 30 mm, right ≥ 15 mm (in points: 1 mm = 2.835 pt); 1 mm of slack
            assert x0 >= 29 * 2.835 and x1 <= width - 14 * 2.835, f"{docx.name} p.{page}: '{word}' outside"


def test_phu_luc_02_column_headers_on_two_lines(pdfs):
    pdf = next(p for d, p in pdfs.items() if d.stem.startswith("phu-luc-02"))
    page = layout_pages(pdf)[0]
    assert re.search(r"Nội dung 1\s+Nội dung 2\s+Nội dung 3\s+Nội dung 4\s+Nội dung 5\s+Nội dung 6\s+Nội dung 7", page)
    assert re.search(r"\(5 điểm\)\s+\(15 điểm\)\s+\(25 điểm\)\s+\(30 điểm\)\s+\(10 điểm\)\s+\(10 điểm\)\s+\(5 điểm\)",
                     page)


def test_signature_never_alone_on_its_page(pdfs):
    """The content's last paragraph ('…./.') is printed on the page of the signature."""
    for docx, pdf in pdfs.items():
        pages = layout_pages(pdf)
        last = [i for i, p in enumerate(pages) if "./." in p]
        assert last, docx.name
        sig = [i for i, p in enumerate(pages) if re.search(r"THƯ KÝ|CHỦ TỊCH|TRƯỞNG ĐOÀN|TRƯỞNG PHÒNG|NGƯỜI LẬP|GIÁM ĐỐC", p)]
        assert sig and sig[-1] == last[-1], f"{docx.name}: signature on page {sig}, end of text on {last}"
