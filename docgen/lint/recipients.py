"""F-NN, F-SIG: Kính gửi, the signatures (authority, title, name) and the Nơi nhận list."""
from __future__ import annotations

import re

from ..ooxml import Para
from .constants import (BLANK, COMMON_FAMILY_NAMES, KIND_NAMES, NEEDS_KINH_GUI, NEEDS_NOI_NHAN, NEEDS_SIGNATURE,
                        SIG_PREFIX, TITLES_BEFORE_NAME)
from .findings import Findings
from .layout import Layout
from .text import bold_upright, is_upper, place, pts, run_sizes

LUU_VT = re.compile(r"^-\s*Lưu\s*:\s*VT\b.*\.$")


def check(layout: Layout) -> Findings:
    out = Findings(layout.file)
    _kinh_gui(out, layout)
    nn = layout.noi_nhan
    if nn is None and layout.kind in NEEDS_NOI_NHAN:
        out.add("F-NN-3", "cuối văn bản", "không có 'Nơi nhận:'",
                "'Nơi nhận:' cỡ 12, nghiêng, đậm, bên trái ngang hàng chức vụ người ký")
    if nn is not None:
        _noi_nhan(out, layout, nn)
    if not layout.signatures:
        if layout.kind in NEEDS_SIGNATURE:
            out.add("F-SIG-2", "cuối văn bản", "không thấy phần chữ ký (quyền hạn, chức vụ, họ tên)",
                    "chức vụ IN HOA đậm cỡ 13–14, họ tên đậm cỡ 13–14")
        return out
    for authority, name in layout.signatures:
        _authority(out, authority)
        _signer(out, name)
    return out


def _kinh_gui(out: Findings, layout: Layout) -> None:
    p, items = layout.kinh_gui, layout.kinh_gui_items
    if p is None:
        if layout.kind in NEEDS_KINH_GUI:
            out.add("F-NN-1", "dưới phần đầu văn bản", f"{KIND_NAMES[layout.kind]} không có 'Kính gửi:'",
                    "'Kính gửi: <nơi nhận>' cỡ 13–14")
        return
    where = place(p, "Kính gửi")
    if not re.match(r"^Kính gửi:", p.stripped):
        out.add("F-NN-1", where, f"'{p.stripped[:12]}'", "viết 'Kính gửi:' (dấu hai chấm sau 'Kính gửi')")
    inline = re.sub(r"^Kính\s+gửi\s*:?", "", p.stripped).strip()
    for q in (p, *items):
        sizes = run_sizes(q)
        if not all(13 <= s <= 14 for s in sizes):
            out.add("F-NN-1", place(q, "Kính gửi"), f"cỡ chữ {pts(sizes)}", "cỡ 13–14")
    if inline and items:
        out.add("F-NN-2", where, "vừa có nơi nhận cùng dòng vừa có danh sách",
                "một nơi nhận thì viết cùng dòng; nhiều nơi thì mỗi nơi một dòng bắt đầu bằng '- '")
    if len(items) == 1 and not inline:
        out.add("F-NN-2", place(items[0], "Kính gửi"), "chỉ một nơi nhận mà xuống dòng",
                f"viết cùng dòng: 'Kính gửi: {items[0].stripped.lstrip('-–+ ').rstrip(';.')}'")
    for k, q in enumerate(items):
        last = k == len(items) - 1
        end = "." if last else ";"
        if len(items) > 1 and not q.stripped.endswith(end):
            out.add("F-NN-2", place(q, "Kính gửi"), f"cuối dòng '{q.stripped[-1:]}'", f"kết thúc bằng '{end}'")
        if not q.stripped.startswith("- "):
            out.add("F-NN-2", place(q, "Kính gửi"), f"'{q.stripped[:2]}'", "mỗi nơi bắt đầu bằng '- '")


def _authority(out: Findings, authority: tuple[Para, ...]) -> None:
    """The quyền hạn and chức vụ lines of one signature (TM., KT., … then the title)."""
    for p in authority:
        where = place(p, "chức vụ người ký")
        bold_upright(out, p.text_runs(), where, "F-SIG-2", (13, 14), "quyền hạn, chức vụ IN HOA, đậm")
        m = SIG_PREFIX.match(p.stripped)
        if m:
            raw = m.group(0).strip()
            good = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}[
                re.sub(r"[^A-Za-z]", "", m.group(1)).upper()]
            if raw != good:
                out.add("F-SIG-1", where, f"'{raw}'", f"viết '{good}'")
    if authority and authority[-1].stripped.upper().startswith("KT."):
        out.add("F-SIG-1", place(authority[-1], "chức vụ người ký"), "dưới 'KT. …' không có chức vụ",
                "ghi chức vụ của người ký dưới dòng 'KT.', ví dụ 'PHÓ CHỦ TỊCH'")


def _signer(out: Findings, name: Para) -> None:
    """The signer's name: bold, lower case, no academic title or form of address before it."""
    where = place(name, "họ tên người ký")
    text = name.stripped
    if BLANK.match(text):
        return
    bold_upright(out, name.text_runs(), where, "F-SIG-3", (13, 14), "họ tên người ký in thường, đậm",
                 not_bold="họ tên không đậm")
    if is_upper(text) and len(text) > 3:
        out.add("F-SIG-3", where, "họ tên in hoa", f"in thường: '{text.title()}'")
    m = TITLES_BEFORE_NAME.match(text)
    if m and m.group(1) == "Ông" and text.split()[1:2] and text.split()[1] not in COMMON_FAMILY_NAMES:
        m = None  # the family name Ông, not "Ông Nguyễn Văn A"
    if m:
        out.add("F-SIG-3", where, f"'{m.group(1)}' trước họ tên",
                "không ghi học hàm, học vị, danh hiệu trước họ tên người ký")


def _noi_nhan(out: Findings, layout: Layout, nn: Para) -> None:
    where = place(nn, "Nơi nhận")
    if not nn.stripped.startswith("Nơi nhận:"):
        out.add("F-NN-3", where, f"'{nn.stripped[:10]}'", "viết 'Nơi nhận:' (in thường, có dấu hai chấm)")
    head = []  # the runs of "Nơi nhận:" itself, before a list typed in the same paragraph
    for r in nn.text_runs():
        head.append(r)
        if "\n" in r.text or "Nơi nhận" in "".join(x.text for x in head) and ":" in r.text:
            break
    sizes = {r.size for r in head}
    problems = []
    if sizes != {12}:
        problems.append(f"cỡ {pts(sizes)}")
    if not all(r.bold for r in head):
        problems.append("không đậm")
    if not all(r.italic for r in head):
        problems.append("không nghiêng")
    if problems:
        out.add("F-NN-3", where, "'Nơi nhận:' " + ", ".join(problems), "cỡ 12, nghiêng, đậm")
    if nn.align in ("center", "right") or nn.ind_first > 30:
        out.add("F-NN-3", where, "không sát lề trái", "'Nơi nhận:' sát lề trái")
    items = []
    for q in layout.model.following(nn, 40):
        if not q.stripped:
            if items:
                break
            continue
        if q.stripped.startswith("{%"):
            continue
        items.append(q)
    inline = [line.strip() for line in nn.text.split("\n")[1:] if line.strip()]
    if inline and not items:  # the list typed with line breaks (Shift+Enter) in the same paragraph
        for k, line in enumerate(inline):
            if not line.startswith("-"):
                out.add("F-NN-4", where, f"'{line[:8]}'", "bắt đầu bằng '- '")
            if k < len(inline) - 1 and not line.endswith(";"):
                out.add("F-NN-4", where, f"cuối dòng '{line[-1:]}'", "kết thúc bằng ';'")
        if not LUU_VT.match(inline[-1]):
            out.add("F-NN-5", where, f"dòng cuối '{inline[-1]}'",
                    "dòng cuối '- Lưu: VT, <đơn vị soạn thảo>.' kết thúc bằng dấu chấm")
        return
    if not items:
        out.add("F-NN-4", where, "không có danh sách nơi nhận", "mỗi nơi một dòng '- …;', dòng cuối '- Lưu: VT, …'")
        return
    for k, q in enumerate(items):
        w = place(q, "Nơi nhận")
        sizes = run_sizes(q)
        if sizes != {11}:
            out.add("F-NN-4", w, f"cỡ chữ {pts(sizes)}", "cỡ 11")
        if any(r.italic for r in q.text_runs()):
            out.add("F-NN-4", w, "chữ nghiêng", "chữ đứng")
        if not q.stripped.startswith("-"):
            out.add("F-NN-4", w, f"'{q.stripped[:8]}'", "bắt đầu bằng '- '")
        last = k == len(items) - 1
        if not last and not q.stripped.endswith(";"):
            out.add("F-NN-4", w, f"cuối dòng '{q.stripped[-1:]}'", "kết thúc bằng ';'")
    last = items[-1]
    if not LUU_VT.match(last.stripped):
        out.add("F-NN-5", place(last, "Nơi nhận"), f"dòng cuối '{last.stripped}'",
                "dòng cuối '- Lưu: VT, <đơn vị soạn thảo>.' kết thúc bằng dấu chấm")
    if layout.kinh_gui is not None and not items[0].stripped.startswith("- Như trên"):
        out.add("F-NN-6", place(items[0], "Nơi nhận"), f"dòng đầu '{items[0].stripped}'",
                "văn bản có 'Kính gửi' thì Nơi nhận bắt đầu bằng '- Như trên;'")
