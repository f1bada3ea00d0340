"""Contexts of the cluster's report (Báo cáo kết quả) and the collective achievement reports (Giấy khen, Bằng khen)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from docgen import vi
from docgen.context import awards
from docgen.context.common import (
    DocumentSpec,
    committee_signer,
    findings,
    leader_header,
    title_at,
    unit_name,
)
from docgen.model import schedule, tiers
from docgen.score import tally
from docgen.score.cluster import ClusterResult
from docgen.vi import BLANK, decimal_text, number_line


def report_context(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> dict:
    units = cluster["don_vi"]
    by_code = {u["ma"]: u for u in units}
    leader = by_code[cluster["cum"]["cum_truong"]]
    up = tiers.upper(plan, cluster)
    hop = cluster["hop_cum"]
    days = {v.ma: v for v in schedule.visits(plan, cluster)}
    visits = []
    for u in sorted(units, key=lambda u: (days[u["ma"]].ngay, days[u["ma"]].gio or (99, 99), days[u["ma"]].index)):
        v = days[u["ma"]]
        sent = u.get("ngay_gui_tu_cham")
        visits.append(f"UBND {unit_name(u)}: kiểm tra ngày {vi.short_date(v.ngay)}; gửi báo cáo, tự chấm điểm "
                      f"ngày {vi.short_date(sent) if sent else BLANK} (hạn {vi.short_date(v.han_tu_cham)}).")
    ranked = sorted(result.don_vi, key=lambda r: (r.hang, units.index(by_code[r.ma])))  # as in Phụ lục 02
    table = [{"stt": n, "ten_ubnd": f"UBND {unit_name(by_code[r.ma])}", "tu_cham": decimal_text(r.tong_tu_cham),
              "doan_cham": decimal_text(r.tong_doan_cham), "tong_diem": decimal_text(r.tong_diem),
              "xep_loai": r.xep_loai} for n, r in enumerate(ranked, start=1)]
    # Named in rank order, as in the table above (Cổ Loa 93,5 before Uy Nỗ 89).
    counts = tally.count_classes(plan, [(f"UBND {unit_name(by_code[r.ma])}", r.xep_loai) for r in ranked])
    classes = [f"Loại {c.loai}: {vi.unit_count(c.so_luong)}" + (f" ({', '.join(c.don_vi)})" if c.don_vi else "")
               for c in counts]
    asked = awards.proposals(plan, cluster, result, with_votes=False)
    bao_cao = cluster.get("bao_cao") or {}
    cv = cluster.get("cong_van") or {}
    return {
        **common, **leader_header(leader),
        "so_ky_hieu": number_line(bao_cao.get("so"), "BC-UBND"),
        "dia_danh_ngay": vi.place_date(leader["ten"], bao_cao.get("ngay") or cv.get("ngay") or hop["ngay"]),
        "kinh_gui": up.kinh_gui,
        "cap_tren": up.cap_tren,
        "cum_truong_ubnd": f"UBND {unit_name(leader)}",
        "don_vi_trong_cum": ", ".join(f"UBND {unit_name(u)}" for u in units),
        "so_ngay_lam_viec": len({v.ngay for v in days.values()}),
        "kiem_tra": visits,
        "bang_ket_qua": table,
        "xep_loai": classes,
        "nhan_xet_chung": overview(plan, result),
        "khen_a": asked.title_a, "khen_a_dong": asked.lines_a, "khen_b": asked.text_b,
        "kien_nghi": bao_cao.get("kien_nghi") or recommendations(plan, cluster, result, up),
        "noi_nhan": ["- Như trên;", f"- UBND các đơn vị trong {cluster['cum']['ten']};",
                     f"- Lưu: VT, {cv.get('ky_hieu_don_vi_soan_thao') or 'VP'}."],
        "ky": committee_signer(leader["dai_dien"]),
    }


def _shares(plan: dict, result: ClusterResult) -> list[tuple[dict, Decimal]]:
    """Each content with the cluster's average agreed score as a share of its maximum (0..1)."""
    n = len(result.don_vi)
    out = []
    for i, c in enumerate(plan["noi_dung"]):
        total = sum((r.thong_nhat[i] for r in result.don_vi), Decimal(0))
        out.append((c, total / n / Decimal(str(c["diem_toi_da"]))))
    return out


def _pct(share: Decimal) -> str:
    return vi.decimal_text((share * 100).quantize(Decimal("0.1"), ROUND_HALF_UP))


def overview(plan: dict, result: ClusterResult) -> list[str]:
    """The 7 contents assessed across the cluster, from the agreed scores: where the cluster is strong,
    where it is weak, then each content's average share of its maximum."""
    shares = _shares(plan, result)
    n = len(result.don_vi)
    high, low = max(s for _, s in shares), min(s for _, s in shares)

    def named(share):  # every content at that share: a tie is said, never broken silently
        return " và ".join(f"Nội dung {c['so']} ({c['ten'][0].lower()}{c['ten'][1:]})" for c, s in shares if s == share)
    lines = [f"Các đơn vị thực hiện tốt nhất {named(high)}, bình quân đạt {_pct(high)}% số điểm tối đa; thấp nhất "
             f"là {named(low)}, bình quân đạt {_pct(low)}%."]
    for i, (c, share) in enumerate(shares):
        full = sum(1 for r in result.don_vi if r.thong_nhat[i] == Decimal(str(c["diem_toi_da"])))
        lines.append(f"Nội dung {c['so']}: bình quân {vi.decimal_text((share * Decimal(str(c['diem_toi_da']))).quantize(Decimal('0.01'), ROUND_HALF_UP))}"
                     f"/{vi.decimal_text(c['diem_toi_da'])} điểm ({_pct(share)}%); "
                     + (f"{full}/{n} đơn vị đạt điểm tối đa." if full else "chưa có đơn vị nào đạt điểm tối đa."))
    return lines


def recommendations(plan: dict, cluster: dict, result: ClusterResult, up: tiers.Upper) -> list[str]:
    """What the cluster asks of the level above when its file writes none: help on its weakest content,
    and follow-up for the communes classed below the plan's award class."""
    shares = _shares(plan, result)
    weakest, share = min(shares, key=lambda p: p[1])
    out = [f"Đề nghị {up.cap_tren} quan tâm hướng dẫn, hỗ trợ các đơn vị trong Cụm nâng cao kết quả "
           f"Nội dung {weakest['so']} ({weakest['ten'][0].lower()}{weakest['ten'][1:]}), nội dung có kết quả thấp nhất "
           f"của Cụm (bình quân {_pct(share)}% số điểm tối đa)."]
    low_classes = tally.class_names(plan)[2:]  # the plan's classes below the first two (C, D in 2017)
    low = [r for r in result.don_vi if r.xep_loai in low_classes]
    by_code = {u["ma"]: u for u in cluster["don_vi"]}
    if low:
        names = ", ".join(f"UBND {unit_name(by_code[r.ma])} (xếp loại {r.xep_loai})" for r in low)
        out.append(f"Đề nghị {up.cap_tren} chỉ đạo {names} khắc phục các hạn chế đã nêu tại Biên bản kiểm tra.")
    return out


GIAY_KHEN, BANG_KHEN = "giay_khen", "bang_khen"


def proposed_collectives(plan: dict, cluster: dict) -> list[tuple[str, dict, str, dict]]:
    """(award, commune, form, its entry in the minutes) for each collective achievement report, in filing
    order: each commune proposed for the district's Giấy khen (hop_cum.giay_khen_tap_the, in the minutes'
    order), then the nominee for the city's Bằng khen. Giấy khen first because the process runs that way: the
    minutes list (a) before (b), and the district decides its own Giấy khen before it forwards (b) to the
    city. A commune in both lists (Cổ Loa) gets two reports, one per award: each goes into a different dossier
    (the district's Giấy khen file kept by Phòng Nội vụ, the Bằng khen file sent on to the Sở), each titled for
    its award and signed by the commune once. Two tiers: no district, no Giấy khen (validation refuses the
    key), so only the Bằng khen report. The dossier (collective_reports) and the cluster's letter (its list of
    attachments) both read this list, so the letter names exactly the reports made."""
    by_code = {u["ma"]: u for u in cluster["don_vi"]}
    hop = cluster["hop_cum"]
    out = []
    district = awards.district_form(plan, tiers.upper(plan, cluster))
    if district:
        out += [(GIAY_KHEN, by_code[g["don_vi"]], district, g) for g in hop.get("giay_khen_tap_the") or []]
    nominee = hop.get("de_nghi_tap_the")
    if nominee:  # (b) goes forward for the city's Bằng khen
        out.append((BANG_KHEN, by_code[nominee["don_vi"]], nominee.get("hinh_thuc") or awards.city_form(plan),
                    nominee))
    return out


def collective_reports(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> list[DocumentSpec]:
    """The collective achievement reports, in filing order (proposed_collectives)."""
    specs = []
    for award, unit, form, entry in proposed_collectives(plan, cluster):
        # the Bằng khen's keeps the file name of before: it was the only collective one, the city's chain names it
        prefix = "bao-cao-thanh-tich-giay-khen-" if award == GIAY_KHEN else "bao-cao-thanh-tich-"
        short = "Giấy khen" if award == GIAY_KHEN else "Bằng khen"
        specs.append(DocumentSpec(f"{prefix}{vi.slug(unit['ten'])}.docx", "bao-cao-thanh-tich.docx",
                                  achievement_context(plan, cluster, result, common, unit, award, form, entry),
                                  f"Báo cáo thành tích đề nghị tặng {short} của UBND {unit_name(unit)}"))
    return specs


def achievement_context(plan: dict, cluster: dict, result: ClusterResult, common: dict, unit: dict,
                        award: str, form: str, entry: dict) -> dict:
    """The collective achievement report (nd30-format K-7) of commune `unit` for `award` in `form`, as the
    minutes' `entry` proposed it (GIAY_KHEN: the district's, from hop_cum.giay_khen_tap_the; BANG_KHEN: the
    city's, hop_cum.de_nghi_tap_the), filled with what the data holds; dotted blanks for the commune's own
    account. Dated the letter's day (or the meeting's): the agreed score, class and rank it states are known
    then."""
    units = cluster["don_vi"]
    hop = cluster["hop_cum"]
    r = result.by_code(unit["ma"])
    up = tiers.upper(plan, cluster)
    if award == GIAY_KHEN:
        # the minutes' words for (a): "Đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen"
        proposed = f"Cụm đề nghị Chủ tịch {up.ubnd} tặng {awards.short_form(form)}"
    else:
        proposed = ("Cụm bình xét là đơn vị xuất sắc, tiêu biểu của Cụm, "
                    + awards.proposals(plan, cluster, result, with_votes=False).forward)
    province = tiers.province_name(plan)
    full = f"Ủy ban nhân dân {unit_name(unit)}, " + (province if up.two_tier else f"{up.dia_ban}, {province}")
    vote_text = awards.votes(entry.get("so_phieu_tan_thanh"), hop.get("so_nguoi_bieu_quyet"),
                             hop.get("hinh_thuc_bieu_quyet"))
    strengths = [f"Nội dung {n['so']} ({n['ten']}): {n['uu_diem']}" for n in findings(plan, unit)
                 if n["uu_diem"] not in (BLANK, None)] or [BLANK]
    officer = unit["cong_chuc_vptk"]
    cv = cluster.get("cong_van") or {}
    return {
        **common,
        **leader_header(unit),  # a commune UBND has no chủ quản: "ỦY BAN NHÂN DÂN / XÃ CỔ LOA", as in its letters
        "ten_don_vi": f"UBND {unit_name(unit)}",
        "so_ky_hieu": number_line(None, "BC-UBND"),  # F-SO-1: numbered by hand when issued (F-SO-6)
        "dia_danh_ngay": vi.place_date(unit["ten"], cv.get("ngay") or hop["ngay"]),
        "hinh_thuc": form,
        "ten_day_du": full,
        # the post with its commune, never a dangling 'Văn phòng HĐND và UBND.'
        "cong_chuc": f"{officer['ho_ten']}, {title_at(officer.get('chuc_vu'), unit, 'Công chức Văn phòng - Thống kê')}",
        "ket_qua": (f"Qua kiểm tra chéo của {common['cum']['ten_day_du']} (từ {common['tu_ngay']} đến "
                    f"{common['den_ngay']}), UBND {unit_name(unit)} đạt {vi.score_with_words(r.tong_diem)}, xếp loại "
                    f"{r.xep_loai}, xếp thứ {r.hang}/{len(units)} đơn vị trong Cụm; tại cuộc họp {common['ngay_hop_chu']}, "
                    f"{proposed} ({vote_text})."),
        "bang_diem": [{"so": c["so"], "ten": c["ten"], "toi_da": decimal_text(c["diem_toi_da"]),
                       "dat": decimal_text(r.thong_nhat[i])} for i, c in enumerate(plan["noi_dung"])],
        "tong_toi_da": decimal_text(sum((Decimal(c["diem_toi_da"]) for c in plan["noi_dung"]), Decimal(0))),
        "tong_diem": decimal_text(r.tong_diem),
        "uu_diem": strengths,
        "cac_nam": tiers.history_years(plan),
        # a commune of the two-tier map has no award history before 01/7/2025: say so instead of a table
        "chua_co_nam": (f"UBND {unit_name(unit)} hoạt động từ ngày {vi.short_date(tiers.TWO_TIER_FROM)} (sau "
                        "sắp xếp đơn vị hành chính cấp xã); chưa có danh hiệu thi đua, hình thức khen thưởng của "
                        "những năm trước."),
        "ky": committee_signer(unit["dai_dien"]),
    }
