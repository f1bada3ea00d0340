"""The levels of government a plan runs through: who a cluster reports to, in three-tier (2017) or two-tier (2025) mode."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from docgen import vi

THREE_TIER = "ba_cap"


TWO_TIER = "hai_cap"


DISTRICT_KINDS = ["quận", "huyện", "thị xã"]


COMMUNE_KINDS = ["xã", "phường", "thị trấn"]


TWO_TIER_FROM = _dt.date(2025, 7, 1)  # Luật 72/2025/QH15: communes of the new map exist from this day


def two_tier(plan: dict) -> bool:
    """True when the plan has no district level (local government of two tiers, since 01/7/2025)."""
    return plan.get("cap_chinh_quyen") == TWO_TIER


def province_ubnd(plan: dict) -> str:
    """'UBND thành phố Hà Nội': the plan issuer's parent body (co_quan_ban_hanh.co_quan_chu_quan)."""
    issuer = plan["co_quan_ban_hanh"]
    return issuer.get("co_quan_chu_quan") or issuer["ten"]


def province_place(plan: dict) -> str:
    """'Hà Nội': the place name of province-level documents (F-DATE-5)."""
    issuer = plan["co_quan_ban_hanh"]
    return issuer.get("dia_danh") or vi.BLANK


def province_name(plan: dict) -> str:
    """'thành phố Hà Nội': the province as named after 'UBND'."""
    ubnd = province_ubnd(plan)
    return ubnd[len("UBND "):] if ubnd.startswith("UBND ") else ubnd


def district_name(district: dict) -> str:
    """'huyện Đông Anh'."""
    return f"{district['loai']} {district['ten']}"


@dataclass(frozen=True)
class Upper:
    """The body a cluster reports to and proposes awards to, as the plan's structure says."""

    two_tier: bool
    ubnd: str  # "UBND huyện Đông Anh" | "UBND thành phố Hà Nội": the cluster's parent authority
    dia_ban: str  # "huyện Đông Anh" | "thành phố Hà Nội": appended to names ("Cụm số 1, huyện Đông Anh")
    kinh_gui: list[str]  # the "Kính gửi:" lines (F-NN-2)
    cap_tren: str  # "đề nghị {cap_tren} xem xét"
    nhan_bao_cao: str  # the recipient named in "Nơi nhận" for copies "để báo cáo"
    hinh_thuc: str | None  # the award the cluster proposes its nominee for

    @property
    def parent_header(self) -> str:
        """The header's chủ quản line (F-CQ-1, F-CQ-4): 'UBND HUYỆN ĐÔNG ANH'."""
        return vi.upper(self.ubnd)


def recipients(names: list[str]) -> list[str]:
    """F-NN-2: one recipient on the 'Kính gửi:' line itself; several, one per line '- …;', the last '.'."""
    if len(names) == 1:
        return [f"{names[0]}."]
    return [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]


def upper(plan: dict, cluster: dict) -> Upper:
    """Where a cluster's reports and proposals go.

    Three tiers: the cluster's district (its UBND, via the office the plan names, e.g. Phòng Nội vụ),
    computed from the cluster's `huyen` because one plan serves every district. Two tiers: the
    bodies the plan names literally in `cap_tren_truc_tiep` (e.g. Sở Nội vụ thành phố Hà Nội)."""
    above = plan.get("cap_tren_truc_tiep") or {}
    awards = plan.get("khen_thuong") or {}
    office = above.get("co_quan_tham_muu")
    if two_tier(plan):
        names = [above.get("ten") or province_ubnd(plan)] + ([office] if office else [])
        return Upper(True, province_ubnd(plan), province_name(plan), recipients(names), names[0],
                     names[-1], awards.get("hinh_thuc_cap_thanh_pho"))
    district = district_name(cluster["huyen"])
    ubnd = f"UBND {district}"
    names = [ubnd] + ([f"{office} {district}"] if office else [])
    via = f"{ubnd} (qua {office})" if office else ubnd
    return Upper(False, ubnd, district, recipients(names), ubnd, via, awards.get("hinh_thuc_cap_huyen"))


def history_years(plan: dict, back: int = 3) -> list[str]:
    """The past years an achievement report lists (the plan's year minus 3 … minus 1). Under two tiers the
    commune exists only from 01/7/2025, so years before 2025 are not its own and are left out: a 2025
    report lists none, a 2026 report lists 2025 (its first half year)."""
    years = range(plan["nam"] - back, plan["nam"])
    return [str(y) for y in years if not two_tier(plan) or y >= TWO_TIER_FROM.year]


def periods_before_the_units(plan: dict, text: str) -> list[str]:
    """The parts of a period ('năm 2023', '8 tháng đầu năm 2025', '2023') that fall before 01/7/2025,
    when the plan's communes are those of the two-tier map; [] otherwise."""
    if not two_tier(plan):
        return []
    start = TWO_TIER_FROM.year
    found = [m[0] for m in re.finditer(r"(?<!\d)(\d{4})(?!\d)", text) if int(m[0]) < start]
    found += [m[0] for m in re.finditer(rf"\d+ tháng đầu năm {start}|cả năm {start}|từ năm {start}", text)]
    return found
