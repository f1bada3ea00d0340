"""Context of the cluster's visit schedule (Lịch kiểm tra)."""
from __future__ import annotations

from docgen import vi
from docgen.context.common import (
    committee_signer,
    in_sentence,
    leader_header,
    place_at,
    unit_name,
    year_date_line,
)
from docgen.model import schedule, tiers


def report_copy(recipient: str) -> str:
    """'UBND huyện Đông Anh (qua Phòng Nội vụ, để báo cáo)': one pair of brackets, never ') ('."""
    if recipient.endswith(")"):
        return f"{recipient[:-1]}, để báo cáo)"
    return f"{recipient} (để báo cáo)"


def schedule_context(plan: dict, cluster: dict, common: dict) -> dict:
    units = cluster["don_vi"]
    by_code = {u["ma"]: u for u in units}
    leader = by_code[cluster["cum"]["cum_truong"]]
    up = tiers.upper(plan, cluster)
    days = schedule.lead_days(plan)
    rows = []
    order = schedule.visits(plan, cluster)
    for n, v in enumerate(order, start=1):
        u = units[v.index]
        ubnd = f"UBND {unit_name(u)}"
        rows.append({
            "stt": n,
            "gio": vi.time_words(u.get("gio_bat_dau")) if u.get("gio_bat_dau") else "",
            "ngay": f"{vi.weekday(v.ngay)}, {vi.short_date(v.ngay)}",
            "don_vi": ubnd + (" (Cụm trưởng)" if v.cum_truong else ""),
            "dia_diem": place_at(u.get("dia_diem"), u, "Trụ sở"),
            "han_tu_cham": vi.short_date(v.han_tu_cham),
        })
    hop = cluster["hop_cum"]
    lich = cluster.get("lich_kiem_tra") or {}
    members = [u for u in units if u is not leader]
    return {
        **common, **leader_header(leader),
        "so_ky_hieu": vi.number_line(lich.get("so"), "TB-UBND"),
        "dia_danh_ngay": year_date_line(leader["ten"], schedule.issue_date(cluster, order), plan["nam"]),
        "cum_truong_ubnd": f"UBND {unit_name(leader)}",
        "lich": rows,
        "so_ngay_truoc": f"{days:02d}",
        "hop": {"gio": vi.time_words(hop.get("gio_bat_dau")), "ngay": vi.date_words(hop["ngay"]),
                "dia_diem": in_sentence(place_at(hop.get("dia_diem"), leader, "Hội trường"))},
        "noi_nhan": ([f"- UBND {unit_name(u)};" for u in members]
                     + [f"- {report_copy(up.nhan_bao_cao)};", "- Lưu: VT, VP."]),
        "ky": committee_signer(leader["dai_dien"]),
    }
