"""The document's layout found once (header block, kind, title, Kính gửi, Nơi nhận, signatures) for every check."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ooxml import DocxModel, Para
from .constants import KIND_NAMES, KINDS, PHU_LUC, QUOC_HIEU, RULE_TEXT
from .text import is_upper, norm_upper

TN_RE = re.compile(r"độc\s*lập\s*[-–—−]*\s*tự\s*do\s*[-–—−]*\s*hạnh\s*phúc", re.I)


@dataclass(frozen=True, eq=False)
class Layout:
    """Where each part of the document is. None or empty: not found."""

    model: DocxModel
    file: str
    qh: Para | None                  # the Quốc hiệu line
    qh_split: bool                   # found only as "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" broken off its last words
    tn: Para | None                  # the Tiêu ngữ
    so: Para | None                  # the "Số: …/…" line
    vv: Para | None                  # a Công văn's "V/v …" trích yếu
    place_date: Para | None
    agency: tuple[Para, ...]         # the issuing body's name (and its parent body's) left of the Quốc hiệu
    header_end: int                  # index in model.paras after the header region
    kind: str                        # a key of KIND_NAMES
    title: Para | None               # the tên loại line (or an upper-case centred title)
    title_text: str                  # the kind's name as the report shows it
    subject: tuple[Para, ...]        # the trích yếu lines under the title
    kinh_gui: Para | None
    kinh_gui_items: tuple[Para, ...]  # its "- …" lines
    noi_nhan: Para | None
    signatures: tuple                # ((authority paragraphs, name paragraph), …), one per signature
    signature_ids: frozenset         # id() of every paragraph of the signatures: where the body stops


def read_layout(model: DocxModel) -> Layout:
    paras = model.paras
    head = _header(model)
    kind, title, title_text = _kind(model, head)
    subject = []
    if title is not None:  # the centred lines right under the title
        for p in model.following(title, 4, same_container=False):
            if not p.stripped or p.align != "center" or RULE_TEXT.match(p.stripped):
                break
            subject.append(p)
    end = head["header_end"]
    kinh_gui = next((p for p in paras[end: end + 12] if p.table_no is None and re.match(r"^Kính\s+gửi", p.stripped)),
                    None)
    items = []
    if kinh_gui is not None:
        for q in paras[model.index(kinh_gui) + 1:]:
            if q.table_no is not None or not q.stripped or not q.stripped.startswith(("-", "–", "+")):
                break
            items.append(q)
    nn = next((p for p in paras if re.match(r"^Nơi\s+nhận\b", p.stripped, re.I)), None)
    columns = _signature_columns(model, end, nn)
    ids = {id(p) for authority, name in columns for p in (*authority, name)}
    return Layout(model=model, file=str(model.path), kind=kind, title=title, title_text=title_text,
                  subject=tuple(subject), kinh_gui=kinh_gui, kinh_gui_items=tuple(items), noi_nhan=nn,
                  signatures=tuple(columns), signature_ids=frozenset(ids), **head)


def _header(model: DocxModel) -> dict:
    """The Quốc hiệu, Tiêu ngữ, agency, Số, V/v and place-date lines, and where the header region ends."""
    paras = model.paras
    qh = tn = so = vv = place_date = None
    qh_split = False
    agency: list[Para] = []
    for p in paras[:80]:
        if QUOC_HIEU in norm_upper(p.text.replace("\n", " ")):
            qh = p
            break
    if qh is None:
        for p in paras[:80]:
            t = norm_upper(p.text)
            if t.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") or t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA":
                qh = p
                qh_split = True
                break
    start = model.index(qh) if qh else 0
    for p in paras[start: start + 6]:
        if TN_RE.search(p.text):
            tn = p
            break
    # the header region: the header table (if any), or the lines down to the Số / date line
    end = start
    if qh is not None:
        end = start + 1
        if qh.table_no is not None:
            while end < len(paras) and paras[end].table_no == qh.table_no:
                end += 1
    if qh is None:
        region = []
    else:
        region = paras[:end] if qh.table_no is not None else paras[start:start + 8]
    last = model.index(tn) if tn is not None else start
    for p in region:
        t = p.stripped
        if so is None and re.match(r"^Số\b", t) and ("/" in t or p.table_no is not None):
            so = p
            last = max(last, model.index(p))
        elif vv is None and re.match(r"^V/[vV]\b", t):
            vv = p
            last = max(last, model.index(p))
        if place_date is None and re.search(r"ngày\s+\S+\s+tháng\s+\S+\s+năm", t.split("\t")[-1]):
            place_date = p
            last = max(last, model.index(p))
    if qh is not None and qh.table_no is None:
        end = last + 1
    header_end = end
    if place_date is None and qh is not None:
        for p in paras[end: end + 4]:
            if re.search(r"ngày\s+\S+\s+tháng\s+\S+\s+năm", p.stripped) and len(p.stripped) < 60:
                place_date = p
                header_end = model.index(p) + 1
                break
    if qh is not None and qh.table_no is not None:
        agency = [p for p in paras[:end]
                  if p.table_no == qh.table_no and p.row == qh.row and p.col < qh.col
                  and p.stripped and not RULE_TEXT.match(p.stripped) and p is not so and p is not vv]
        # stop at the Số line when it sits in the same cell
        if so is not None and so.container is (agency[0].container if agency else None):
            agency = [p for p in agency if model.index(p) < model.index(so)]
    return dict(qh=qh, qh_split=qh_split, tn=tn, so=so, vv=vv, place_date=place_date, agency=tuple(agency),
                header_end=header_end)


def _kind(model: DocxModel, head: dict) -> tuple[str, Para | None, str]:
    """(kind, title paragraph, title text), read from the content: the tên loại, else the V/v, Kính gửi
    or the Số's abbreviation, else a leading "Phụ lục" line."""
    paras = model.paras
    qh, end = head["qh"], head["header_end"]
    kind, title, title_text = "khac", None, ""
    first = next((p for p in paras if p.stripped), None)
    # a Phụ lục starts with its "Phụ lục …" line, usually with no header block
    if first is not None and PHU_LUC.match(first.stripped) and (qh is None or model.index(first) < model.index(qh)):
        return "phu_luc", None, ""
    # the title: first top-level paragraph after the header region
    for p in paras[end: end + 6]:
        if not p.stripped or p.table_no is not None or p.in_textbox:
            continue
        text = norm_upper(p.stripped)
        known = next((k for k in sorted(KINDS, key=len, reverse=True) if text.startswith(k)), None)
        if known and is_upper(p.stripped):
            title = p
            kind = KINDS[known][0]
            title_text = KIND_NAMES[kind]
        elif p.align == "center" and is_upper(p.stripped) and len(p.stripped) <= 90 \
                and not p.stripped.startswith("Kính gửi"):
            title = p
            kind = "khac"
            title_text = p.stripped.capitalize()
        break
    if title is None and qh is not None:
        abbr = so_abbr(head["so"])
        if head["vv"] is not None or any(p.stripped.startswith("Kính gửi") for p in paras[end: end + 4]):
            kind = "cong_van"
        elif abbr:
            kind = next((k for k, a in KINDS.values() if a == abbr), "khac")
    if kind == "khac" and title is None and first is not None and PHU_LUC.match(first.stripped):
        kind = "phu_luc"
    return kind, title, title_text


def so_abbr(so: Para | None) -> str | None:
    """The first group of the ký hiệu after the '/': the tên loại's abbreviation on most kinds."""
    if so is None:
        return None
    m = re.search(r"/\s*([^\s/-]+)", so.stripped)
    return m.group(1) if m else None


def _signature_columns(model: DocxModel, header_end: int, nn: Para | None):
    """[(authority paragraphs, name paragraph)] for each signature: the columns of tables after
    the body, or the last top-level paragraphs, shaped as title lines, a gap, then a name."""
    paras = model.paras
    tables = {}
    for p in paras[header_end:]:
        if p.table_no is not None and p.part == "body":
            tables.setdefault(p.table_no, {}).setdefault(p.col, []).append(p)
    columns = []
    for no, cols in tables.items():
        for col, ps in cols.items():
            if nn is not None and any(q is nn for q in ps):
                continue
            sig = _as_signature(ps)
            if sig:
                columns.append(sig)
    if not columns:
        tail = [p for p in paras[header_end:] if p.table_no is None and not p.in_textbox]
        ends = [i for i, p in enumerate(tail) if p.stripped.endswith("./.")]
        if ends:
            sig = _as_signature(tail[ends[-1] + 1:])
            if sig:
                columns.append(sig)
    return columns


def _as_signature(ps: list[Para]):
    items = [p for p in ps if not p.stripped.startswith("{%")]
    k = 0
    while k < len(items) and not items[k].stripped:
        k += 1
    authority = []
    while k < len(items) and items[k].stripped and is_upper(items[k].stripped) \
            and len(items[k].stripped) <= 80 and not re.match(r"^(STT|TT)$", items[k].stripped):
        authority.append(items[k])
        k += 1
    if not authority or any(re.match(r"^\d", a.stripped) for a in authority):
        return None
    rest = items[k:]
    gap = 0
    best_gap = 0
    name = None
    for p in rest:
        if not p.stripped:
            gap += 1
            continue
        if gap >= 2:
            best_gap = gap
            name = p
        gap = 0
    if name is None or best_gap < 2:
        return None
    return tuple(authority), name
