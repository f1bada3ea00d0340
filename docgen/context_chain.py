"""More of a cluster's dossier: visit schedule, Phụ lục 01 per commune, the cluster's report and the nominee's achievement report."""
from __future__ import annotations

from decimal import Decimal

from . import levels, schedule, score, tally, vi
from .context import DocumentSpec, blank, findings, signer, so_ky_hieu, unit_name
from .score import ClusterResult
from .vi import BLANK, decimal_text

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
    issuer = plan["co_quan_ban_hanh"]
    owner = issuer.get("co_quan_chu_quan") or ""
    body = issuer["ten"] + (" " + owner[len("UBND "):] if owner.startswith("UBND ") else "")
    date = plan.get("ngay_ban_hanh")
    return (f"Kế hoạch số {blank(plan.get('so_ky_hieu'))}"
            + (f" ngày {vi.short_date(date)}" if date else f" ngày {BLANK}") + f" của {body}")


# --- Lịch kiểm tra -------------------------------------------------------------------------------


def schedule_context(plan: dict, cluster: dict, common: dict) -> dict:
    units = cluster["don_vi"]
    by_code = {u["ma"]: u for u in units}
    leader = by_code[cluster["cum"]["cum_truong"]]
    up = levels.upper(plan, cluster)
    days = schedule.lead_days(plan)
    rows = []
    for n, v in enumerate(schedule.visits(plan, cluster), start=1):
        u = units[v.index]
        ubnd = f"UBND {unit_name(u)}"
        rows.append({
            "stt": n,
            "gio": vi.time_words(u.get("gio_bat_dau")) if u.get("gio_bat_dau") else "",
            "ngay": f"{vi.weekday(v.ngay)}, {vi.short_date(v.ngay)}",
            "don_vi": ubnd + (" (Cụm trưởng)" if v.cum_truong else ""),
            "dia_diem": u.get("dia_diem") or f"Trụ sở {ubnd}",
            "han_tu_cham": vi.short_date(v.han_tu_cham),
        })
    hop = cluster["hop_cum"]
    lich = cluster.get("lich_kiem_tra") or {}
    members = [u for u in units if u is not leader]
    return {
        **common, **leader_header(leader),
        "so_ky_hieu": so_ky_hieu(lich.get("so"), "TB-UBND"),
        "dia_danh_ngay": year_date_line(leader["ten"], lich.get("ngay"), plan["nam"]),
        "cum_truong_ubnd": f"UBND {unit_name(leader)}",
        "lich": rows,
        "so_ngay_truoc": f"{days:02d}",
        "hop": {"gio": vi.time_words(hop.get("gio_bat_dau")), "ngay": vi.date_words(hop["ngay"]),
                "dia_diem": hop.get("dia_diem") or f"Hội trường UBND {unit_name(leader)}"},
        "noi_nhan": ([f"- UBND {unit_name(u)};" for u in members]
                     + [f"- {up.nhan_bao_cao} (để báo cáo);", "- Lưu: VT, VP."]),
        "ky": signer(leader),
    }


# --- Phụ lục 01 ----------------------------------------------------------------------------------


def sheet_rows(plan: dict, r=None) -> list[dict]:
    """The plan's contents (and criteria, when the plan lists them) with their max points;
    the content rows carry the commune's three scores when `r` (its CommuneResult) is given."""
    rows = []
    for i, content in enumerate(plan["noi_dung"]):
        scores = ({"tu_cham": decimal_text(r.tu_cham[i]), "doan_cham": decimal_text(r.doan_cham[i]),
                   "thong_nhat": decimal_text(r.thong_nhat[i])} if r
                  else {"tu_cham": "", "doan_cham": "", "thong_nhat": ""})
        criteria = []
        for j, c in enumerate(content.get("tieu_chi") or []):
            top = c.get("diem_toi_da")
            criteria.append({"so": f"{LETTERS[j]})" if j < len(LETTERS) else f"{content['so']}.{j + 1}", "ten": c["ten"],
                             "toi_da": decimal_text(top) if top is not None else ""})
        rows.append({"so": content["so"], "ten": content["ten"], "toi_da": decimal_text(content["diem_toi_da"]),
                     **scores, "tieu_chi": criteria})
    return rows


def sheet_context(plan: dict, unit: dict | None = None, r=None, up: levels.Upper | None = None) -> dict:
    """Phụ lục 01 of one commune (filled from the cluster file) or blank for a commune to fill."""
    total = sum((Decimal(c["diem_toi_da"]) for c in plan["noi_dung"]), Decimal(0))
    ctx = {
        "nam": plan["nam"],
        "kem_theo": f"(Kèm theo {plan_reference(plan)})",
        "bang": sheet_rows(plan, r),
        "tong_toi_da": decimal_text(total),
        "dia_danh_ngay": f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {plan['nam']}",
    }
    if unit is None:
        ctx.update({"don_vi": BLANK, "tong_tu_cham": "", "tong_doan_cham": "", "tong_diem": "",
                    "ket_qua": f"Tổng điểm tự chấm: {BLANK} điểm. Đơn vị tự xếp loại: {BLANK}.", "ky": SIGN_BLANK})
        return ctx
    rules = score.rules_from_plan(plan)
    own = score.classify(rules, r.tu_cham)
    where = f", {up.dia_ban}" if up is not None else ""
    ctx.update({
        "don_vi": f"UBND {unit_name(unit)}{where}",
        "tong_tu_cham": decimal_text(r.tong_tu_cham), "tong_doan_cham": decimal_text(r.tong_doan_cham),
        "tong_diem": decimal_text(r.tong_diem),
        "ket_qua": (f"Tổng điểm tự chấm: {decimal_text(r.tong_tu_cham)} điểm, đơn vị tự xếp loại {own.xep_loai}. "
                    f"Điểm thống nhất của Cụm: {vi.score_with_words(r.tong_diem)}, xếp loại {r.xep_loai}."),
        "ky": signer(unit),
    })
    if unit.get("ngay_gui_tu_cham"):
        ctx["dia_danh_ngay"] = vi.place_date(unit["ten"], unit["ngay_gui_tu_cham"])
    return ctx


def blank_sheet(plan: dict) -> DocumentSpec:
    """Phụ lục 01 with no commune and no scores: the form a commune fills by hand."""
    return DocumentSpec(f"phu-luc-01-trong-{plan['nam']}.docx", "phu-luc-01.docx", sheet_context(plan),
                        "Phụ lục số 01: Bảng tự chấm điểm (để trống)")


# --- Báo cáo kết quả của Cụm --------------------------------------------------------------------


def report_context(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> dict:
    units = cluster["don_vi"]
    by_code = {u["ma"]: u for u in units}
    leader = by_code[cluster["cum"]["cum_truong"]]
    up = levels.upper(plan, cluster)
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
    counts = tally.count_classes(plan, [(f"UBND {unit_name(by_code[r.ma])}", r.xep_loai) for r in result.don_vi])
    classes = [f"Loại {c.loai}: {c.so_luong} đơn vị" + (f" ({', '.join(c.don_vi)})" if c.don_vi else "")
               for c in counts]
    nominee = hop.get("de_nghi_tap_the")
    if nominee:
        nr = result.by_code(nominee["don_vi"])
        form = nominee.get("hinh_thuc") or up.hinh_thuc
        tap_the = (f"Đề nghị {up.cap_tren} xem xét" + (f", tặng {form}" if form else ", khen thưởng")
                   + f" cho UBND {unit_name(by_code[nominee['don_vi']])} ({decimal_text(nr.tong_diem)} điểm, "
                   f"xếp loại {nr.xep_loai}), là đơn vị xuất sắc, tiêu biểu nhất của Cụm.")
    elif result.de_cu_goi_y:  # some commune reached the class, the meeting proposed none
        tap_the = "Cụm không đề nghị khen thưởng tập thể."
    else:
        allowed = (plan.get("khen_thuong") or {}).get("loai_duoc_de_nghi", "A")
        tap_the = f"Không có đơn vị đạt loại {allowed} nên Cụm không đề nghị khen thưởng tập thể."
    people = [f"{p['ho_ten']}, {blank(p.get('chuc_vu'))}, UBND {unit_name(by_code[p['don_vi']])}"
              for p in hop.get("de_nghi_ca_nhan") or []]
    bao_cao = cluster.get("bao_cao") or {}
    cv = cluster.get("cong_van") or {}
    return {
        **common, **leader_header(leader),
        "so_ky_hieu": so_ky_hieu(bao_cao.get("so"), "BC-UBND"),
        "dia_danh_ngay": vi.place_date(leader["ten"], bao_cao.get("ngay") or cv.get("ngay") or hop["ngay"]),
        "kinh_gui": up.kinh_gui,
        "cap_tren": up.cap_tren,
        "cum_truong_ubnd": f"UBND {unit_name(leader)}",
        "don_vi_trong_cum": ", ".join(f"UBND {unit_name(u)}" for u in units),
        "so_ngay_lam_viec": len({v.ngay for v in days.values()}),
        "kiem_tra": visits,
        "bang_ket_qua": table,
        "xep_loai": classes,
        "nhan_xet_chung": [_about(u) for u in units],
        "de_nghi_tap_the": tap_the,
        "de_nghi_ca_nhan": people,
        "kien_nghi": hop.get("y_kien") or [BLANK],
        "noi_nhan": ["- Như trên;", f"- UBND các đơn vị trong {cluster['cum']['ten']};",
                     f"- Lưu: VT, {cv.get('ky_hieu_don_vi_soan_thao') or 'VP'}."],
        "ky": signer(leader),
    }


def _about(unit: dict) -> str:
    """The head's conclusion on a commune, named once: most conclusions already start with its name."""
    name = f"UBND {unit_name(unit)}"
    text = blank(unit.get("ket_luan"))
    return text if name in text else f"{name}: {text}"


# --- Báo cáo thành tích --------------------------------------------------------------------------


def achievement_context(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> dict:
    """The collective achievement report (nd30-format K-7) of the cluster's nominee, filled with what
    the data holds; dotted blanks for the commune's own account."""
    units = cluster["don_vi"]
    hop = cluster["hop_cum"]
    nominee = hop["de_nghi_tap_the"]
    unit = next(u for u in units if u["ma"] == nominee["don_vi"])
    r = result.by_code(unit["ma"])
    up = levels.upper(plan, cluster)
    form = nominee.get("hinh_thuc") or up.hinh_thuc or BLANK
    province = levels.province_name(plan)
    full = f"Ủy ban nhân dân {unit_name(unit)}, " + (province if up.two_tier else f"{up.dia_ban}, {province}")
    votes = nominee.get("so_phieu_tan_thanh")
    voters = hop.get("so_nguoi_bieu_quyet")
    vote_text = (f"{votes}/{voters} phiếu tán thành" if votes is not None and voters
                 else f"{votes} phiếu tán thành" if votes is not None else f"{BLANK} phiếu tán thành")
    strengths = [f"Nội dung {n['so']} ({n['ten']}): {n['uu_diem']}" for n in findings(plan, unit)
                 if n["uu_diem"] != BLANK] or [BLANK]
    officer = unit["cong_chuc_vptk"]
    cv = cluster.get("cong_van") or {}
    return {
        **common,
        "chu_quan": up.chu_quan_hoa,
        "ten_don_vi_hoa": vi.upper(f"UBND {unit_name(unit)}"),
        "ten_don_vi": f"UBND {unit_name(unit)}",
        "so_ky_hieu": so_ky_hieu(None, "BC-UBND"),  # F-SO-1: numbered by hand when issued (F-SO-6)
        "dia_danh_ngay": vi.place_date(unit["ten"], cv.get("ngay") or hop["ngay"]),
        "hinh_thuc": form,
        "ten_day_du": full,
        "cong_chuc": f"{officer['ho_ten']}, {officer.get('chuc_vu') or 'Công chức Văn phòng - Thống kê'}",
        "ket_qua": (f"Qua kiểm tra chéo của {common['cum']['ten_day_du']} (từ {common['tu_ngay']} đến "
                    f"{common['den_ngay']}), UBND {unit_name(unit)} đạt {vi.score_with_words(r.tong_diem)}, xếp loại "
                    f"{r.xep_loai}, xếp thứ {r.hang}/{len(units)} đơn vị trong Cụm; được Cụm bình xét, đề nghị khen "
                    f"thưởng tại cuộc họp {common['ngay_hop_chu']} ({vote_text})."),
        "bang_diem": [{"so": c["so"], "ten": c["ten"], "toi_da": decimal_text(c["diem_toi_da"]),
                       "dat": decimal_text(r.thong_nhat[i])} for i, c in enumerate(plan["noi_dung"])],
        "tong_toi_da": decimal_text(sum((Decimal(c["diem_toi_da"]) for c in plan["noi_dung"]), Decimal(0))),
        "tong_diem": decimal_text(r.tong_diem),
        "uu_diem": strengths,
        "cac_nam": [str(plan["nam"] - k) for k in (3, 2, 1)],
        "ky": signer(unit),
    }


def extend(docs: list[DocumentSpec], plan: dict, cluster: dict, result: ClusterResult, common: dict) -> list[DocumentSpec]:
    """The cluster's dossier in filing order: schedule, Phụ lục 01 of each commune, the existing
    documents, the cluster's report, and the nominee's achievement report when there is one."""
    up = levels.upper(plan, cluster)
    first = [DocumentSpec("lich-kiem-tra.docx", "lich-kiem-tra.docx", schedule_context(plan, cluster, common),
                          "Thông báo lịch kiểm tra của Cụm")]
    for unit in cluster["don_vi"]:
        first.append(DocumentSpec(f"phu-luc-01-{vi.slug(unit['ten'])}.docx", "phu-luc-01.docx",
                                  sheet_context(plan, unit, result.by_code(unit["ma"]), up),
                                  f"Phụ lục số 01: Bảng chấm điểm của UBND {unit_name(unit)}"))
    last = [DocumentSpec("bao-cao-ket-qua-cum.docx", "bao-cao-ket-qua-cum.docx",
                         report_context(plan, cluster, result, common), "Báo cáo kết quả kiểm tra chéo của Cụm")]
    nominee = cluster["hop_cum"].get("de_nghi_tap_the")
    if nominee:
        unit = next(u for u in cluster["don_vi"] if u["ma"] == nominee["don_vi"])
        last.append(DocumentSpec(f"bao-cao-thanh-tich-{vi.slug(unit['ten'])}.docx", "bao-cao-thanh-tich.docx",
                                 achievement_context(plan, cluster, result, common),
                                 f"Báo cáo thành tích của UBND {unit_name(unit)}"))
    return first + docs + last
