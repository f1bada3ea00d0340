"""The hồ sơ's Mục lục văn bản: every document of a dossier in filing order, with its number, date, author
and, once the PDFs are made, its sheets in the combined PDF.

Why "Mục lục văn bản" and not "Danh mục hồ sơ": in records management (NĐ 30/2020, Điều 28 and its Phụ lục
on lập hồ sơ; Thông tư 07/2012/TT-BNV) the Danh mục hồ sơ is an agency's yearly list of the files it plans
to open, one of the very things this inspection scores, while the list of the documents inside one hồ sơ
is its Mục lục văn bản."""
from __future__ import annotations

import datetime as _dt
import re

from docgen import vi
from docgen.context import cluster as context_cluster
from docgen.context.common import DocumentSpec
from docgen.model import tiers

FILE_NAME = "muc-luc-van-ban.docx"


TEMPLATE = "muc-luc-van-ban.docx"


TITLE = "Mục lục văn bản"


HO_SO = "Hồ sơ kiểm tra chéo công tác văn thư, lưu trữ năm {nam}"


_NUMBER = re.compile(r"^Số:\s*(\S*?)\s*/\s*(\S+)$")


_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


_KINDS = ("THỊ TRẤN", "THỊ XÃ", "THÀNH PHỐ", "PHƯỜNG", "HUYỆN", "QUẬN", "XÃ", "TỈNH")


# Bodies whose name is printed in capitals in the header, as they are written in running text.
_BODIES = {"ĐOÀN KIỂM TRA CHÉO": "Đoàn kiểm tra chéo", "PHÒNG NỘI VỤ": "Phòng Nội vụ",
           "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG": "Hội đồng Thi đua - Khen thưởng", "SỞ NỘI VỤ": "Sở Nội vụ"}


def _place(upper: str) -> str:
    """'XÃ CỔ LOA' → 'xã Cổ Loa'; 'THỊ TRẤN ĐÔNG ANH' → 'thị trấn Đông Anh' (a place name's words each capitalised)."""
    kind = next((k for k in _KINDS if upper.startswith(k + " ")), None)
    if kind is None:
        return upper.title()
    return vi.nfc(kind.lower() + " " + upper[len(kind) + 1:].title())


def _body(main: str, parent: str) -> str:
    """'ĐOÀN KIỂM TRA CHÉO CỤM SỐ 1' → 'Đoàn kiểm tra chéo Cụm số 1'; 'PHÒNG NỘI VỤ' under 'UBND HUYỆN ĐÔNG
    ANH' → 'Phòng Nội vụ huyện Đông Anh'. A name docgen does not know is given as the header prints it."""
    for upper, written in _BODIES.items():
        if main.startswith(upper):
            rest = main[len(upper):].strip()
            if rest.startswith("CỤM SỐ "):
                return f"{written} Cụm số {rest[len('CỤM SỐ '):]}"
            if not rest and parent.startswith("UBND "):
                return f"{written} {_place(parent[len('UBND '):])}"
            if not rest:
                return written
    return main


def author(ctx: dict) -> str:
    """Who issued the document, read from its header: 'UBND xã Cổ Loa'; '' for a Phụ lục (no header of its own)."""
    if ctx.get("co_quan_dong_1") == "ỦY BAN NHÂN DÂN" and ctx.get("co_quan_dong_2"):
        return "UBND " + _place(ctx["co_quan_dong_2"])
    if ctx.get("co_quan_ban_hanh"):
        return _body(ctx["co_quan_ban_hanh"], ctx.get("co_quan_chu_quan") or "")
    return ""


def number(ctx: dict) -> str:
    """'Số: 95/KH-UBND' → '95/KH-UBND'; '' while the number is left blank for the văn thư to write."""
    m = _NUMBER.match((ctx.get("so_ky_hieu") or "").strip())
    return f"{m.group(1)}/{m.group(2)}" if m and any(ch.isdigit() for ch in m.group(1)) else ""


def date(ctx: dict) -> str:
    """The document's date in digits ('15/8/2017'), from its place-date line; '' while the date is blank."""
    m = _DATE.search(ctx.get("dia_danh_ngay") or "")
    return vi.short_date(_dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))) if m else ""


def rows(documents: list[DocumentSpec], pages: dict[str, int] | None, own_pages: int) -> tuple[list[dict], str]:
    """The table's rows and the total line. With `pages` (a .docx name → its page count), each document's
    sheets in the combined PDF, which starts with the Mục lục itself (`own_pages` long)."""
    pages = pages or {}
    out, at = [], own_pages + 1
    for i, d in enumerate(documents, start=1):
        n = pages.get(d.file_name)
        sheets = "" if not n else (str(at) if n == 1 else f"{at}-{at + n - 1}")
        at += n or 0
        out.append({"stt": i, "so_ky_hieu": number(d.context), "ngay": date(d.context), "ten": d.title,
                    "tac_gia": author(d.context), "to_so": sheets, "ghi_chu": ""})
    total = f"Tổng cộng: {len(documents)} văn bản"
    if documents and all(d.file_name in pages for d in documents):
        total += f", {sum(pages[d.file_name] for d in documents)} trang"
    return out, total


def index_of(header: tuple[str, str], year: int, unit: str, documents: list[DocumentSpec],
             pages: dict[str, int] | None, own_pages: int, signer: str) -> DocumentSpec:
    """The Mục lục văn bản of a hồ sơ kept by `header` (chủ quản, the body itself) for `unit`."""
    van_ban, total = rows(documents, pages, own_pages)
    ctx = {
        "co_quan_chu_quan": header[0], "co_quan_ban_hanh": header[1],
        "ho_so": {"tieu_de": HO_SO.format(nam=year), "don_vi": unit},
        "van_ban": van_ban, "tong_cong": total, "nguoi_lap": signer,
    }
    return DocumentSpec(FILE_NAME, TEMPLATE, ctx, TITLE)


def index_spec(plan: dict, cluster: dict, documents: list[DocumentSpec],
               pages: dict[str, int] | None = None, own_pages: int = 1) -> DocumentSpec:
    """The cluster's Mục lục of `documents` (already in filing order), kept by its team and drawn up by its
    secretary; `pages` maps a .docx name to its page count, `own_pages` is the Mục lục's own."""
    up = tiers.upper(plan, cluster)  # the district, or the province when there is no district level
    cum_name = cluster["cum"]["ten"]
    return index_of((up.parent_header, vi.upper(f"Đoàn kiểm tra chéo {cum_name}")), plan["nam"],
                    f"{cum_name}, {up.dia_ban}", documents, pages, own_pages,
                    context_cluster.team(cluster)["thu_ky"]["ho_ten"])
