"""Contexts of the cluster's report (Báo cáo kết quả) and the nominee's achievement report."""
from __future__ import annotations

from decimal import Decimal

from docgen import vi
from docgen.context.common import (
    blank,
    committee_signer,
    findings,
    leader_header,
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
        "nhan_xet_chung": [_about(u) for u in units],
        "de_nghi_tap_the": tap_the,
        "de_nghi_ca_nhan": people,
        "kien_nghi": hop.get("y_kien") or [BLANK],
        "noi_nhan": ["- Như trên;", f"- UBND các đơn vị trong {cluster['cum']['ten']};",
                     f"- Lưu: VT, {cv.get('ky_hieu_don_vi_soan_thao') or 'VP'}."],
        "ky": committee_signer(leader["dai_dien"]),
    }


def _about(unit: dict) -> str:
    """The head's conclusion on a commune, named once: most conclusions already start with its name."""
    name = f"UBND {unit_name(unit)}"
    text = blank(unit.get("ket_luan"))
    return text if name in text else f"{name}: {text}"


def achievement_context(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> dict:
    """The collective achievement report (nd30-format K-7) of the cluster's nominee, filled with what
    the data holds; dotted blanks for the commune's own account."""
    units = cluster["don_vi"]
    hop = cluster["hop_cum"]
    nominee = hop["de_nghi_tap_the"]
    unit = next(u for u in units if u["ma"] == nominee["don_vi"])
    r = result.by_code(unit["ma"])
    up = tiers.upper(plan, cluster)
    form = nominee.get("hinh_thuc") or up.hinh_thuc or BLANK
    province = tiers.province_name(plan)
    full = f"Ủy ban nhân dân {unit_name(unit)}, " + (province if up.two_tier else f"{up.dia_ban}, {province}")
    votes = nominee.get("so_phieu_tan_thanh")
    voters = hop.get("so_nguoi_bieu_quyet")
    vote_text = (f"{votes}/{voters} phiếu tán thành" if votes is not None and voters
                 else f"{votes} phiếu tán thành" if votes is not None else f"{BLANK} phiếu tán thành")
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
        "ky": committee_signer(unit["dai_dien"]),
    }
