"""What a cluster's meeting proposed, worded once for its minutes, its letter and its report: (a) the
district's Giấy khen for class-A collectives and for individuals, (b) its one outstanding commune put
forward for the city's Bằng khen (two tiers: no district, so only (b) and the individuals)."""
from __future__ import annotations

from dataclasses import dataclass

from docgen.context.common import blank, unit_name
from docgen.model import tiers
from docgen.score.cluster import ClusterResult
from docgen.vi import BLANK, decimal_text


def votes(n, voters, how) -> str:
    """'8/8 thành viên tán thành' for a show of hands (people are counted), '8/8 phiếu tán thành' for a
    secret ballot (ballots are counted); the count the clerk left blank stays a blank."""
    noun = "phiếu" if how == "bỏ phiếu kín" else "thành viên"
    if n is None:
        return f"{BLANK} {noun} tán thành"
    return f"{n}/{voters} {noun} tán thành" if voters else f"{n} {noun} tán thành"


def short_form(form: str) -> str:
    """'Bằng khen của Chủ tịch UBND Thành phố' → 'Bằng khen' (when the addressee already names the giver)."""
    return form.split(" của ")[0]


def district_form(plan: dict, up: tiers.Upper) -> str | None:
    """The district's own award, named for this district: 'Giấy khen của Chủ tịch UBND huyện Đông Anh'
    (the plan, written for every district, says 'UBND cấp huyện'). None in two tiers."""
    form = (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_huyen")
    if up.two_tier or not form:
        return None
    return form.replace("UBND cấp huyện", up.ubnd).replace("cấp huyện", up.dia_ban)


def city_form(plan: dict) -> str:
    return (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen của Chủ tịch UBND Thành phố"


@dataclass(frozen=True)
class Proposals:
    """The meeting's proposals as sentences; `lines_a` are the dash lines under (a), the last ending '.'."""

    title_a: str
    lines_a: list[str]
    nominee: str  # "UBND xã Cổ Loa (93,5 điểm, xếp loại A)" or ""
    text_b: str  # (b) in full, with its vote when `with_votes`
    forward: str  # "đề nghị UBND huyện Đông Anh xét, đề nghị Chủ tịch UBND Thành phố tặng Bằng khen"


def proposals(plan: dict, cluster: dict, result: ClusterResult, *, with_votes: bool, scored: bool = True) -> Proposals:
    """`scored=False` names communes without their score and class (the letter states them once above)."""
    hop = cluster["hop_cum"]
    by_code = {u["ma"]: u for u in cluster["don_vi"]}
    up = tiers.upper(plan, cluster)
    how, voters = hop.get("hinh_thuc_bieu_quyet"), hop.get("so_nguoi_bieu_quyet")

    def with_vote(text, n):
        return f"{text}: {votes(n, voters, how)}" if with_votes else text

    def commune(code):
        r = result.by_code(code)
        if not scored:
            return f"UBND {unit_name(by_code[code])}"
        return f"UBND {unit_name(by_code[code])} ({decimal_text(r.tong_diem)} điểm, xếp loại {r.xep_loai})"

    collectives = [with_vote(commune(g["don_vi"]), g.get("so_phieu_tan_thanh")) for g in hop.get("giay_khen_tap_the") or []]
    people = [with_vote(f"{p['ho_ten']}, {blank(p.get('chuc_vu'))} UBND {unit_name(by_code[p['don_vi']])}",
                        p.get("so_phieu_tan_thanh")) for p in hop.get("de_nghi_ca_nhan") or []]
    form_a = district_form(plan, up)
    lines = []
    if form_a and not collectives and not people:  # nothing to list: one sentence, not two 'không đề nghị' lines
        title = f"Cụm không đề nghị Chủ tịch {up.ubnd} tặng {short_form(form_a)}."
        form_a = None
    elif form_a:
        title = f"Đề nghị Chủ tịch {up.ubnd} tặng {short_form(form_a)}:"
        lines.append("- Tập thể: " + ("; ".join(collectives) if collectives else "không đề nghị"))
    else:
        title = "Đề nghị khen thưởng cá nhân:" if people else "Cụm không đề nghị khen thưởng cá nhân."
    if form_a or people:
        lines.append("- Cá nhân: " + ("; ".join(people) if people else "không đề nghị"))
    lines = [x + ";" for x in lines[:-1]] + [x + "." for x in lines[-1:]]
    if not form_a and not people:
        lines = []
    city = city_form(plan)
    forward = (f"đề nghị {up.ubnd} xét, đề nghị Chủ tịch {tiers.province_ubnd(plan)}" if not up.two_tier
               else f"đề nghị {up.cap_tren} tổng hợp, trình Chủ tịch {tiers.province_ubnd(plan)}")
    forward += f" tặng {short_form(city)}"
    nominee = hop.get("de_nghi_tap_the")
    if nominee:
        text_b = (f"Đơn vị xuất sắc, tiêu biểu của Cụm, {forward}: "
                  + with_vote(commune(nominee["don_vi"]), nominee.get("so_phieu_tan_thanh")) + ".")
        named = commune(nominee["don_vi"])
    else:
        allowed = (plan.get("khen_thuong") or {}).get("loai_duoc_de_nghi", "A")
        text_b = ("Cụm không đề nghị đơn vị xuất sắc, tiêu biểu." if result.de_cu_goi_y else
                  f"Không có đơn vị đạt loại {allowed} nên Cụm không đề nghị đơn vị xuất sắc, tiêu biểu.")
        named = ""
    return Proposals(title, lines, named, text_b, forward)


def results_by_class(cluster: dict, result: ClusterResult) -> str:
    """The scores in one sentence, a class at a time (the letter's summary; the table is in the minutes):
    'loại A: UBND xã Cổ Loa (93,5 điểm), UBND xã Uy Nỗ (89 điểm); loại B: UBND xã Việt Hùng (73 điểm)'."""
    by_code = {u["ma"]: u for u in cluster["don_vi"]}
    order = {u["ma"]: i for i, u in enumerate(cluster["don_vi"])}
    classes: dict[str, list[str]] = {}
    for r in sorted(result.don_vi, key=lambda r: (r.hang, order[r.ma])):
        classes.setdefault(r.xep_loai, []).append(
            f"UBND {unit_name(by_code[r.ma])} ({decimal_text(r.tong_diem)} điểm)")
    return "; ".join(f"loại {c}: " + ", ".join(classes[c]) for c in sorted(classes))


def adjustments(plan: dict, cluster: dict, result: ClusterResult) -> list[str]:
    """Where the agreed score differs from the team's, what the meeting changed, why, and its vote: one
    line each (hop_cum.dieu_chinh_diem gives the reason and the vote; a blank when the file has none)."""
    hop = cluster["hop_cum"]
    notes = {(d["don_vi"], d["noi_dung"]): d for d in hop.get("dieu_chinh_diem") or []}
    how, voters = hop.get("hinh_thuc_bieu_quyet"), hop.get("so_nguoi_bieu_quyet")
    lines = []
    for u in cluster["don_vi"]:
        r = result.by_code(u["ma"])
        for i, content in enumerate(plan["noi_dung"]):
            team, agreed = r.doan_cham[i], r.thong_nhat[i]
            if team == agreed:
                continue
            d = notes.get((u["ma"], content["so"]), {})
            lines.append(f"- UBND {unit_name(u)}, Nội dung {content['so']} ({content['ten']}): Đoàn chấm "
                         f"{decimal_text(team)} điểm, Cụm thống nhất {decimal_text(agreed)} điểm; lý do: "
                         f"{blank(d.get('ly_do'))}; {votes(d.get('so_phieu_tan_thanh'), voters, how)}")
    return [x + ";" for x in lines[:-1]] + [x + "." for x in lines[-1:]]
