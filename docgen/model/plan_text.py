"""The plan's document text: placeholders such as {nam} resolved from the plan's own data, numbering, paragraphs.

A plan file holds the Kế hoạch's words (`van_ban`, `noi_dung[].kiem_tra`, `xep_loai[].mo_ta`) next to the
numbers docgen scores and checks with. Years, dates and counts inside the words are written as placeholders
(`{nam}`, `{thoi_gian.huyen_gui_ke_hoach_truoc_ngay}`, `{cum.so_dai_dien_moi_don_vi:02}`, `{can_cu.kh_ubnd_tp}`)
so that the document always says what the checks enforce, and next year's plan moves them by moving the data.
Short fields that other documents quote as they are (trich_yeu, noi_dung[].ten, thoi_gian.ky_*) hold
no placeholders: `docgen plan --next` moves the years written in them instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from docgen import vi
from docgen.errors import ValidationFailed
from docgen.vi import BLANK, decimal_text

# Letters of the điểm of a khoản, in the order of the Vietnamese alphabet (đ after d, no f/j/w/z).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


_NAME = re.compile(r"^\s*(nam\s*[+-]\s*\d{1,2}|[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*(?::\s*([a-z0-9_]+)\s*)?$")


_DATE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$")


_MONTH_YEAR = re.compile(r"tháng (\d{1,2})/(\d{4})")


FORMATS = {
    "02": "số có 2 chữ số (03)",
    "ngay": "ngày/tháng/năm (20/8/2017)",
    "thang": "chỉ tháng (9)",
    "thang_nam": "tháng/năm (10/2017)",
    "nam": "chỉ năm (2017)",
    "day_du": "viết đầy đủ (ngày 20 tháng 8 năm 2017; \"tháng 8/2017\" thành \"tháng 8 năm 2017\")",
}


DERIVED = {"so_noi_dung": "số nội dung chấm điểm", "tong_diem_toi_da": "tổng điểm tối đa"}


GENERATED_LINES = ("diem_toi_da", "xep_loai")


class TextError(ValidationFailed):
    """Raised when a placeholder of the plan's text cannot be resolved; the message is Vietnamese and says what to write."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the Kế hoạch's body: `kieu` is muc (I. HEADING), khoan (1. Heading) or doan."""

    kieu: str
    chu: str


def text_date(value) -> str:
    """A date in running text, as the plan writes it (F-DATE-4): 20/8/2017, 05/11/2017, 23/01/2017."""
    return vi.short_date(value)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def letter(i: int) -> str:
    """The letter of the i-th điểm (0-based): a, b, c, d, đ, e…; past y: aa, ab…"""
    if i < len(LETTERS):
        return LETTERS[i]
    return LETTERS[i // len(LETTERS) - 1] + LETTERS[i % len(LETTERS)]


def citation(ref: dict) -> str:
    """'Kế hoạch số 235/KH-UBND ngày 27/12/2016'; blanks for what is not known yet."""
    number = (ref.get("so_ky_hieu") or "").strip() or BLANK
    date = text_date(ref["ngay"]) if ref.get("ngay") else BLANK
    return f"{ref['loai']} số {number} ngày {date}"


def _number(value, fmt: str | None) -> str:
    d = Decimal(value)
    if fmt == "02" and d == d.to_integral_value() and d >= 0:
        return f"{int(d):02d}"
    if d == d.to_integral_value():
        return str(int(d))  # years and counts: "năm 2017", never "2.017"
    return decimal_text(d)


def _derived(plan: dict, name: str):
    contents = plan.get("noi_dung") or []
    if name == "so_noi_dung":
        return len(contents)
    return sum((Decimal(c.get("diem_toi_da") or 0) for c in contents), Decimal(0))


def _lookup(plan: dict, name: str):
    m = re.fullmatch(r"nam\s*([+-])\s*(\d{1,2})", name)
    if m:
        return int(plan["nam"]) + (int(m[2]) if m[1] == "+" else -int(m[2]))
    if name in DERIVED:
        return _derived(plan, name)
    value = plan
    walked = []
    for part in name.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            where = ".".join(walked) or "cấp ngoài cùng của tệp"
            near = sorted(value)[:12] if isinstance(value, dict) else []
            hint = f" Có thể dùng: {', '.join(near)}." if near else ""
            raise TextError(f"không có '{part}' trong {where} (chỗ viết {{{name}}}).{hint}")
        walked.append(part)
    return value


def _format(value, fmt: str | None, name: str) -> str:
    if fmt is not None and fmt not in FORMATS:
        kinds = "; ".join(f":{k} {v}" for k, v in FORMATS.items())
        raise TextError(f"kiểu ':{fmt}' ở chỗ viết {{{name}:{fmt}}} không có. Các kiểu: {kinds}.")
    if isinstance(value, dict):
        if "loai" in value and "so_ky_hieu" in value and fmt is None:
            return citation(value)
        raise TextError(f"{{{name}}} là một nhóm dữ liệu, không phải một giá trị: hãy chỉ rõ khóa bên trong "
                        f"(ví dụ {{{name}.{next(iter(value), 'ten')}}}).")
    if isinstance(value, list):
        raise TextError(f"{{{name}}} là một danh sách, không phải một giá trị: thêm số thứ tự (ví dụ {{{name}.0}}).")
    if value is None:
        return BLANK
    if isinstance(value, bool):
        raise TextError(f"{{{name}}} là giá trị đúng/sai, không viết được vào văn bản.")
    if isinstance(value, (int, Decimal)):
        if fmt not in (None, "02"):
            raise TextError(f"{{{name}}} là một số; kiểu ':{fmt}' chỉ dùng cho ngày.")
        return _number(value, fmt)
    text = str(value)
    if _DATE.match(text.strip()):
        try:
            d = vi.parse_date(text)
        except ValueError as e:
            raise TextError(f"{{{name}}} là ngày '{text}' không có thật.") from e
        if fmt in (None, "ngay"):
            return text_date(d)
        if fmt == "thang":
            return str(d.month)
        if fmt == "thang_nam":
            return f"{d.month}/{d.year}"
        if fmt == "nam":
            return str(d.year)
        if fmt == "day_du":
            return vi.date_words(d)
        raise TextError(f"{{{name}}} là một ngày; kiểu ':{fmt}' chỉ dùng cho số.")
    if fmt == "day_du":
        return _MONTH_YEAR.sub(r"tháng \1 năm \2", text)
    if fmt is not None:
        raise TextError(f"{{{name}}} là chữ, không phải ngày hay số: bỏ ':{fmt}'.")
    return text


def resolve(text: str, plan: dict) -> str:
    """`text` with every placeholder replaced by the plan's data; TextError on the first that cannot be."""
    def one(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        if m.group(1) is None:
            raise TextError(f"dấu '{token}' lẻ: chỗ thay dữ liệu viết trong cặp ngoặc nhọn, ví dụ {{nam}}; "
                            f"muốn in chính dấu '{token}' thì viết hai lần ('{token * 2}').")
        spec = _NAME.match(m.group(1))
        if not spec:
            raise TextError(f"chỗ viết {token} sai dạng: viết {{tên}} hoặc {{tên.khóa}} hoặc {{tên:kiểu}}, "
                            "tên là chữ thường không dấu, ví dụ {nam}, {thoi_gian.kiem_tra_tu_ngay:thang}.")
        name = re.sub(r"\s+", "", spec[1])
        return _format(_lookup(plan, name), spec[2], name)

    return vi.nfc(_TOKEN.sub(one, text))


def _placeholders_removed(text: str) -> str:
    return _TOKEN.sub(" ", text)


def _lines(items, plan: dict) -> list[Paragraph]:
    out: list[Paragraph] = []
    for item in items or []:
        if isinstance(item, dict):
            out += _generated(item["tu_dong"], plan)
        else:
            out.append(Paragraph("doan", resolve(item, plan)))
    return out


def _ending(i: int, n: int) -> str:
    return "." if i == n - 1 else ";"


def _generated(kind: str, plan: dict) -> list[Paragraph]:
    """The lines docgen writes from the scoring data, so that words and rules never drift apart."""
    if kind == "diem_toi_da":
        contents = plan["noi_dung"]
        return [Paragraph("doan", f"+ Nội dung {c['so']}. {c['ten']}: điểm tối đa "
                                  f"{_number(c['diem_toi_da'], '02')} điểm{_ending(i, len(contents))}")
                for i, c in enumerate(contents)]
    if kind == "xep_loai":
        classes = plan["xep_loai"]
        out = []
        for i, k in enumerate(classes):
            if not k.get("mo_ta"):
                raise TextError(f"loại {k['loai']} chưa có lời văn (xep_loai[{i}].mo_ta).")
            out.append(Paragraph("doan", f"+ Loại {k['loai']}: {resolve(k['mo_ta'], plan).rstrip(' .;')}"
                                         f"{_ending(i, len(classes))}"))
        return out
    raise TextError(f"không biết lập '{kind}'; dùng một trong: {', '.join(GENERATED_LINES)}.")


def _clauses(muc: dict, plan: dict) -> list[dict]:
    out = []
    for item in muc.get("khoan") or []:
        if "tu_dong" in item:
            for c in plan["noi_dung"]:
                if not c.get("kiem_tra"):
                    raise TextError(f"nội dung {c['so']} chưa có lời văn ở mục Nội dung kiểm tra (noi_dung[].kiem_tra).")
                out.append(c["kiem_tra"])
        else:
            out.append(item)
    return out


def paragraphs(plan: dict) -> list[Paragraph]:
    """Every paragraph of the Kế hoạch's body in order, numbered: I. …, 1. …, a) …."""
    body = plan["van_ban"]
    out = _lines(body.get("mo_dau"), plan)
    for i, muc in enumerate(body["muc"], start=1):
        out.append(Paragraph("muc", f"{roman(i)}. {vi.upper(resolve(muc['ten'], plan))}"))
        out += _lines(muc.get("doan"), plan)
        for j, khoan in enumerate(_clauses(muc, plan), start=1):
            if khoan.get("ten"):
                out.append(Paragraph("khoan", f"{j}. {resolve(khoan['ten'], plan)}"))
            else:
                out.append(Paragraph("doan", f"{j}. {resolve(khoan['noi_dung'], plan)}"))
            out += _lines(khoan.get("doan"), plan)
            for k, diem in enumerate(khoan.get("diem") or []):
                out.append(Paragraph("doan", f"{letter(k)}) {resolve(diem['noi_dung'], plan)}"))
                out += _lines(diem.get("doan"), plan)
    out += _lines(body.get("ket_thuc"), plan)
    return out


def texts(plan: dict):
    """(path, text) of every string that the Kế hoạch document shows and that may hold placeholders."""
    def walk(value, path):
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for k, v in value.items():
                if k != "tu_dong":
                    yield from walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, path + (i,))

    yield from walk(plan.get("van_ban"), ("van_ban",))
    for i, c in enumerate(plan.get("noi_dung") or []):
        yield from walk(c.get("kiem_tra"), ("noi_dung", i, "kiem_tra"))
    for i, k in enumerate(plan.get("xep_loai") or []):
        if isinstance(k.get("mo_ta"), str):
            yield ("xep_loai", i, "mo_ta"), k["mo_ta"]


_DISTRICT = re.compile(r"cấp huyện|quận, huyện|Phòng Nội vụ", re.IGNORECASE)
