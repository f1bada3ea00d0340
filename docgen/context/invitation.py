"""Context of the Giấy mời to the cluster's meeting (bình xét thi đua): from the leader commune, to the
member communes' Chairmen (or Vice-Chairmen) and Văn phòng - Thống kê officers, and the guests."""
from __future__ import annotations

from docgen import vi
from docgen.context.common import DocumentSpec, committee_signer, leader_header, title_at, unit_name, year_date_line
from docgen.vi import number_line

FILE_NAME = "giay-moi-hop-cum.docx"
TITLE = "Giấy mời họp bình xét thi đua của Cụm"


def invitation(plan: dict, cluster: dict, full_name: str) -> DocumentSpec:
    """`full_name`: 'Cụm số 1, huyện Đông Anh'."""
    units = cluster["don_vi"]
    leader = next(u for u in units if u["ma"] == cluster["cum"]["cum_truong"])
    hop = cluster["hop_cum"]
    gm = cluster.get("giay_moi") or {}
    guests = []
    for u in units:
        if u is leader:
            continue
        officer = u["cong_chuc_vptk"]  # title_at: the post with its commune once (never "UBND UBND")
        guests.append(f"- Ông (bà) {u['dai_dien']['ho_ten']}, {title_at(u['dai_dien']['chuc_vu'], u)};")
        guests.append(f"- Ông (bà) {officer['ho_ten']}, "
                      f"{title_at(officer.get('chuc_vu'), u, 'Công chức Văn phòng - Thống kê')};")
    for k in hop.get("khach_moi") or []:
        guests.append(f"- Ông (bà) {k['ho_ten']}" + "".join(f", {k[x]}" for x in ("chuc_vu", "don_vi") if k.get(x))
                      + ";")
    guests[-1] = guests[-1][:-1] + "."
    leader_ubnd = f"UBND {unit_name(leader)}"
    ctx = {
        **leader_header(leader),
        "so_ky_hieu": number_line(gm.get("so"), "GM-UBND"),
        "dia_danh_ngay": year_date_line(leader["ten"], gm.get("ngay"), plan["nam"]),
        "trich_yeu": f"Dự họp bình xét thi đua công tác văn thư, lưu trữ năm {plan['nam']} của {full_name}",
        "moi": f"{leader_ubnd} (đơn vị Cụm trưởng) trân trọng kính mời:",
        "khach": guests,
        "thoi_gian": f"Thời gian: {vi.time_words(hop.get('gio_bat_dau'))}, {vi.date_words(hop['ngay'])}.",
        "dia_diem": f"Địa điểm: {hop.get('dia_diem') or f'Hội trường {leader_ubnd}'}.",
        "noi_dung": "Nội dung: Thông qua kết quả kiểm tra, chấm điểm của Đoàn kiểm tra; biểu quyết thống nhất điểm, "
                    "xếp loại thi đua và đề nghị khen thưởng tập thể, cá nhân của Cụm.",
        "ket": "Rất mong các đại biểu tham dự đúng thời gian./.",
        "noi_nhan": ["- Như trên;", "- Lưu: VT, VP."],
        "ky": committee_signer(leader["dai_dien"]),
    }
    return DocumentSpec(FILE_NAME, FILE_NAME, ctx, TITLE)


def with_invitation(plan: dict, cluster: dict, specs: list[DocumentSpec], full_name: str) -> list[DocumentSpec]:
    """The invitation goes after the visits' minutes, just before the meeting's Phụ lục 02."""
    out = list(specs)
    at = next((i for i, s in enumerate(out) if s.template == "phu-luc-02.docx"), len(out))
    out.insert(at, invitation(plan, cluster, full_name))
    return out
