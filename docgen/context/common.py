"""Pieces every document's context shares: names, numbers, signers, the plan's reference."""
from __future__ import annotations

from dataclasses import dataclass

from docgen import vi
from docgen.model import tiers
from docgen.vi import BLANK

LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # điểm a), b), c)… (F-BODY-8)


SIGN_BLANK = {"dong": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": BLANK}


def leader_header(leader: dict) -> dict:
    """A commune UBND has no chủ quản: its own name on two bold lines (nd30-format 10.1)."""
    return {"co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(unit_name(leader))}


def year_date_line(place: str, value, year: int) -> str:
    """The place-date line; without a date the year is still known: 'Cổ Loa, ngày …… tháng …… năm 2017'."""
    if value:
        return vi.place_date(place, value)
    return f"{place}, ngày {BLANK} tháng {BLANK} năm {year}"


def plan_reference(plan: dict) -> str:
    """'Kế hoạch số 148/KH-SNV ngày 23/01/2017 của Sở Nội vụ thành phố Hà Nội' (F-PL-3)."""
    date = plan.get("ngay_ban_hanh")
    return (f"Kế hoạch số {blank(plan.get('so_ky_hieu'))}"
            + (f" ngày {vi.short_date(date)}" if date else f" ngày {BLANK}") + f" của {_issuer(plan)}")


def _issuer(plan: dict) -> str:
    """'Sở Nội vụ thành phố Hà Nội' when the issuer's parent is a UBND; the issuer alone otherwise."""
    issuer = plan["co_quan_ban_hanh"]
    owner = issuer.get("co_quan_chu_quan") or ""
    return issuer["ten"] + (" " + owner[len("UBND "):] if owner.startswith("UBND ") else "")


def plan_body(plan: dict) -> str:
    """'Sở Nội vụ thành phố Hà Nội': the plan's issuer, named with its province."""
    issuer = plan["co_quan_ban_hanh"]
    return f"{issuer['ten']} {tiers.province_name(plan)}" if issuer.get("co_quan_chu_quan") else issuer["ten"]


def initials(name: str) -> str:
    """'Sở Nội vụ' → 'SNV' (the agency part of a ký hiệu, F-SO-4)."""
    return "".join(w[0] for w in vi.nfc(name).split() if w[0].isalpha()).upper()


def committee_signer(p: dict) -> dict:
    """Signing for a People's Committee, a commune's or a district's: TM., and KT. when a Vice-Chairman signs."""
    if p.get("chuc_vu") == "Phó Chủ tịch":
        return {"dong": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "ho_ten": p["ho_ten"]}
    return {"dong": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": p["ho_ten"]}


def title_at(title: str | None, unit: dict, default: str = "") -> str:
    """A post with its commune, written once: 'Phó Chủ tịch' → 'Phó Chủ tịch UBND xã Cổ Loa';
    'Chuyên viên Văn phòng HĐND và UBND' → '… HĐND và UBND phường Hoàn Kiếm' (never 'UBND UBND');
    'Phó Chủ tịch UBND xã' → 'Phó Chủ tịch UBND xã Cổ Loa'; a post that already names the commune stays."""
    title = " ".join(str(title or default).split())
    if not title:
        return BLANK
    name = unit_name(unit)
    if name.lower() in title.lower():
        return title
    for generic in (f"UBND {unit['loai']}", "UBND"):
        if title.endswith(" " + generic) or title == generic:
            return f"{title[:len(title) - len(generic)]}UBND {name}".strip()
    return f"{title} UBND {name}"


def post_in(title: str | None, body: str | None) -> str:
    """A guest's post and office as one phrase: 'Chuyên viên Phòng Nội vụ huyện Đông Anh' (not 'Chuyên viên,
    Phòng Nội vụ …'); 'Phó Trưởng phòng' + 'Phòng Nội vụ huyện Đông Anh' → 'Phó Trưởng phòng Nội vụ huyện
    Đông Anh' (the word 'phòng' once). An unknown part stays a blank."""
    title, body = " ".join(str(title or "").split()), " ".join(str(body or "").split())
    if not title or not body:
        return f"{title or BLANK}, {body or BLANK}" if title or body else BLANK
    if body.lower() in title.lower():
        return title
    if title.lower().endswith("phòng") and body.lower().startswith("phòng "):
        return f"{title} {body[len('phòng '):]}"
    return f"{title} {body}"


GENERIC_PLACES = ("trụ sở", "hội trường", "phòng họp")


def place_at(value: str | None, unit: dict, default: str) -> str:
    """Where a visit or meeting is held, naming whose building: 'Trụ sở UBND xã Uy Nỗ'. A bare
    'Trụ sở' / 'Hội trường' / 'Phòng họp' (or one ending 'UBND') gets the commune; the default is
    `default` followed by the commune."""
    text = " ".join(str(value or "").split())
    if not text:
        return f"{default} UBND {unit_name(unit)}"
    bare = text[:-len("UBND")].strip() if text.endswith(" UBND") else text
    if bare.lower() in GENERIC_PLACES:
        return f"{bare} UBND {unit_name(unit)}"
    return text


def in_sentence(place: str) -> str:
    """A place inside a sentence ('tại trụ sở UBND xã Uy Nỗ'): a common noun heading it is not capitalised
    (NĐ 30, Phụ lục II); a proper name ('Nhà văn hóa thôn Đông') is left as written."""
    for generic in GENERIC_PLACES:
        if place.lower().startswith(generic + " "):
            return generic + place[len(generic):]
    return place


def person_text(p: dict) -> str:
    return f"{p['ho_ten']}, {blank(p.get('chuc_vu'))}"


@dataclass(frozen=True)
class DocumentSpec:
    """One document to render: its file name in the dossier, its template and its variables."""

    file_name: str
    template: str
    context: dict
    title: str


def blank(value) -> str:
    """The value, or a dotted blank for the clerk to fill by hand: never 'None'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return BLANK
    return str(value)


def unit_name(unit: dict) -> str:
    """'xã Cổ Loa'."""
    return f"{unit['loai']} {unit['ten']}"


def plan_context(plan: dict) -> dict:
    body = _issuer(plan)
    number = plan.get("so_ky_hieu")
    date = plan.get("ngay_ban_hanh")
    ref = f"Kế hoạch số {blank(number)}"
    ref += f" ngày {vi.short_date(date)}" if date else ""
    t = plan["thoi_gian"]
    return {
        "nam": plan["nam"],
        "ten_day_du": f"{ref} của {body} về {plan['trich_yeu']}",
        "ky_nghiep_vu": blank(t.get("ky_nghiep_vu")),
        "ky_bao_cao_thong_ke": blank(t.get("ky_bao_cao_thong_ke")),
        "so_noi_dung": len(plan["noi_dung"]),
        "muc_xep_loai": f"Kế hoạch {body} năm {plan['nam']}",
    }


def person(p: dict | None, role: str = "") -> dict:
    p = p or {}
    return {"ho_ten": blank(p.get("ho_ten")), "chuc_vu": blank(p.get("chuc_vu")), "vai_tro": role}


NOTHING_TO_SAY = ("không", "không có")  # a finding the team marked as nothing to say: its line is left out
FINDINGS = ("uu_diem", "han_che", "kien_nghi")
# An empty finding in the minutes: a tab, dotted to the right margin by the paragraph's tab stop
# (tools/nd30.dotted_tab), and with <key>_trong the template adds two more dotted lines: room to write
# by hand. (Separate paragraphs, not line breaks: LibreOffice then keeps the heading with them.)
WRITING_ROOM = "\t"


def finding(value) -> str | None:
    """The team's note; BLANK when empty; None when marked 'không' (nothing to say)."""
    if isinstance(value, str) and value.strip().rstrip(".").strip().lower() in NOTHING_TO_SAY:
        return None
    return blank(value)


def findings(plan: dict, unit: dict) -> list[dict]:
    """Every content of the plan, with the team's notes: BLANK to fill in, None for nothing to say."""
    notes = {n["noi_dung"]: n for n in unit.get("nhan_xet") or []}
    out = []
    for content in plan["noi_dung"]:
        n = notes.get(content["so"], {})
        out.append({"so": content["so"], "ten": content["ten"]} | {k: finding(n.get(k)) for k in FINDINGS})
    return out


def findings_to_write(plan: dict, unit: dict) -> list[dict]:
    """findings() for the minutes, where an empty finding gets WRITING_ROOM instead of a short BLANK."""
    out = []
    for n in findings(plan, unit):
        empty = {k: n[k] == BLANK for k in FINDINGS}
        out.append(n | {k: WRITING_ROOM for k in FINDINGS if empty[k]} | {f"{k}_trong": empty[k] for k in FINDINGS})
    return out
