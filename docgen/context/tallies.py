"""The tallies as spreadsheets (the clerk's working copy beside the signed .docx): Phụ lục 02 of a cluster,
the district's and the city's tables. Built from the very contexts the .docx are rendered with, so both
show the same numbers; totals are formulas, so that a correction made in Excel recomputes."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from docgen import vi
from docgen.context.common import DocumentSpec

CLUSTER_FILE = "phu-luc-02-bang-cham-diem.xlsx"
DISTRICT_FILE = "bang-tong-hop-huyen.xlsx"
CITY_FILE = "bang-tong-hop-thanh-pho.xlsx"


@dataclass
class Block:
    """A bordered table: a header row, data rows, total rows. A value is a text, a number (Decimal or int)
    or a formula ('=…') where {r} is its own row, {first}/{last} this block's data rows, {total} its first total
    row and {firstN}/{lastN} the data rows of block N of the sheet."""

    headers: list[str]
    widths: list[float]  # in characters
    rows: list[list] = field(default_factory=list)
    totals: list[list] = field(default_factory=list)
    caption: str = ""  # a bold line above the table


@dataclass
class Sheet:
    """One worksheet: centred title lines over the table width, then the blocks, then a note."""

    name: str  # the sheet's tab (31 characters at most)
    titles: list[str]
    blocks: list[Block]
    note: str = ""


@dataclass
class Workbook:
    file_name: str
    signed: str  # the .docx it mirrors (the document that is signed)
    title: str
    sheets: list[Sheet]


def number(text) -> Decimal | str:
    """'93,5' → Decimal('93.5'); a blank (dotted or empty) stays as it is."""
    try:
        return vi.to_decimal(str(text))
    except ArithmeticError:
        return str(text)


def _letter(i: int) -> str:
    """0 → 'A'; the sheets here have fewer than 27 columns."""
    return chr(ord("A") + i)


def cluster_workbook(spec: DocumentSpec) -> Workbook:
    """Phụ lục 02 (the cluster's score table): each content's agreed score; the total is a row SUM."""
    ctx = spec.context
    n = sum(1 for k in ctx if k.startswith("nd_") and k.endswith("_diem"))
    first, last = _letter(2), _letter(2 + n - 1)
    rows = [[int(dv["stt"]), dv["ten_ubnd"], *[number(v) for v in dv["diem"]], f"=SUM({first}{{r}}:{last}{{r}})",
             dv["xep_loai"]] for dv in ctx["bang_tong_hop"]]
    heads = ["STT", "Đơn vị"] + [f"{ctx[f'nd_{i}_ten']} {ctx[f'nd_{i}_diem']}" for i in range(1, n + 1)] \
        + ["Tổng điểm", "Xếp loại"]
    sheet = Sheet("Phụ lục 02", [
        "Phụ lục số 02",
        f"BẢNG CHẤM ĐIỂM, XẾP LOẠI THI ĐUA CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {ctx['ke_hoach']['nam']}",
        ctx["cum"]["ten_day_du_hoa"],
        f"(Kèm theo Biên bản họp {ctx['cum']['ten_day_du']} {ctx['ngay_hop_chu']})"],
        [Block(heads, [6, 30] + [12] * n + [11, 9], rows)],
        f"Ghi chú: điểm thống nhất của các đơn vị; xếp loại theo {ctx['ke_hoach']['muc_xep_loai']}. Sửa điểm thì "
        "tổng điểm tự tính lại; xếp loại không tự đổi (xem điều kiện của Kế hoạch), bản ký là tệp .docx.")
    return Workbook(CLUSTER_FILE, spec.file_name, "Phụ lục số 02 (bảng tính)", [sheet])


def _class_block(classes: list[dict], class_col: str, caption: str) -> Block:
    """Counts per class as COUNTIF over the first block's class column, their share of the total."""
    rows = [[c["loai"], f'=COUNTIF({class_col}{{first0}}:{class_col}{{last0}},"{c["loai"].removeprefix("Loại ")}")',
             "=IF(B{total}=0,0,ROUND(B{r}*100/B{total},2))"] for c in classes]
    return Block(["Xếp loại", "Số lượng", "Tỷ lệ (%)"], [14, 12, 12], rows,
                 [["Tổng cộng", "=SUM(B{first}:B{last})", "=SUM(C{first}:C{last})"]], caption)


def district_workbook(spec: DocumentSpec) -> Workbook:
    """The district's report tables: each commune's total and class, the class counts (COUNTIF)."""
    ctx = spec.context
    rows = [[int(d["stt"]), d["ten_ubnd"], d["cum"], number(d["tong_diem"]), d["xep_loai"]] for d in ctx["don_vi"]]
    communes = Block(["STT", "Đơn vị", "Cụm", "Tổng điểm", "Xếp loại"], [6, 34, 14, 12, 10], rows,
                     caption="Kết quả chấm điểm, xếp loại từng đơn vị")
    sheet = Sheet("Tổng hợp huyện", [
        f"BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA CHÉO CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {ctx['ke_hoach']['nam']}",
        vi.upper(ctx["huyen"]["ubnd"])],
        [communes, _class_block(ctx["xep_loai"], "E", "Tổng hợp xếp loại")],
        "Sửa xếp loại của một đơn vị thì số lượng và tỷ lệ tự tính lại; bản ký là Báo cáo (.docx).")
    return Workbook(DISTRICT_FILE, spec.file_name, "Bảng tổng hợp cấp huyện (bảng tính)", [sheet])


def city_workbook(spec: DocumentSpec) -> Workbook:
    """The city's table as in the report: per district (or cluster) the count of each class; the number of
    communes is the SUM of its row, the total row SUMs each column."""
    ctx = spec.context
    k = len(ctx["loai"])
    first, last = _letter(4), _letter(4 + k - 1)
    numeric_side = str(ctx["tong"]["phu"]).isdigit()  # the number of clusters; two tiers: the leader's name
    rows = [[int(g["stt"]), g["ten"], int(g["phu"]) if numeric_side else g["phu"], f"=SUM({first}{{r}}:{last}{{r}})",
             *[int(v) for v in g["dem"]]] for g in ctx["nhom"]]
    total = ["", "Tổng cộng", "=SUM(C{first}:C{last})" if numeric_side else ""]
    total += [f"=SUM({_letter(3 + i)}{{first}}:{_letter(3 + i)}{{last}})" for i in range(k + 1)]
    block = Block(["STT", ctx["cot_nhom"], ctx["cot_phu"], "Số đơn vị", *[f"Loại {x}" for x in ctx["loai"]]],
                  [6, 28, 10 if numeric_side else 26, 11] + [10] * k, rows, [total])
    sheet = Sheet("Tổng hợp thành phố", [
        f"BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA CHÉO CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM {ctx['ke_hoach']['nam']}",
        ctx["co_quan_ban_hanh"]], [block],
        "Số đơn vị theo từng loại; sửa một số thì các tổng tự tính lại. Bản ký là Báo cáo (.docx).")
    return Workbook(CITY_FILE, spec.file_name, "Bảng tổng hợp cấp tỉnh, thành phố (bảng tính)", [sheet])
