"""Contexts of the district's documents: council minutes, letter to the city, summary report."""
from __future__ import annotations

from docgen import vi
from docgen.context import awards
from docgen.context.common import (
    DocumentSpec,
    blank,
    committee_signer,
    person_text,
    plan_body,
    plan_context,
)
from docgen.levels.district import DistrictResult
from docgen.model import tiers
from docgen.score import tally
from docgen.vi import BLANK, decimal_text, number_line


def district_documents(d: DistrictResult) -> list[DocumentSpec]:
    """The district's documents: council minutes, the letter to the city (when it has a choice), the report."""
    plan = d.plan.data
    data = d.file.data
    hd = data["hoi_dong"]
    place = data["huyen"]["ten"]
    ubnd = f"UBND {d.name}"
    form = (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen"
    # The council's voters are its chair and members; the secretary takes the minutes and does not vote.
    voters = hd.get("so_nguoi_bieu_quyet") or 1 + len(hd.get("thanh_vien") or [])
    votes = awards.votes((data.get("de_nghi") or {}).get("so_phieu_tan_thanh"), voters, hd.get("hinh_thuc_bieu_quyet"))
    lines = [f"Loại {c.loai}: {vi.unit_count(c.so_luong)}" for c in d.counts]
    de_cu = [{"stt": i, "cum": n.cum, "ten_ubnd": n.ten_ubnd, "tong_diem": decimal_text(n.tong_diem),
              "xep_loai": n.xep_loai} for i, n in enumerate(d.nominees, start=1)]
    if d.choice:
        vote = (f"Thường trực Hội đồng biểu quyết bằng hình thức {blank(hd.get('hinh_thuc_bieu_quyet'))}: {votes} "
                f"đề nghị tặng {form} cho {d.choice.text()}, đơn vị được {d.choice.cum} đề nghị.")
        choice_line = (f"Thường trực Hội đồng Thi đua - Khen thưởng {d.name} đã chọn {d.choice.text()}, đơn vị do "
                       f"{d.choice.cum} đề nghị, là tập thể xuất sắc, tiêu biểu nhất của {data['huyen']['loai']}; {ubnd} đề nghị Chủ tịch "
                       f"{tiers.province_ubnd(plan)} tặng {awards.short_form(form)}.")
    else:
        vote = "Không có đơn vị được các Cụm đề nghị nên Thường trực Hội đồng không xét đề nghị Bằng khen."
        choice_line = f"{ubnd} không có đơn vị đề nghị tặng {form}."
    common = {
        "ke_hoach": plan_context(plan),
        "huyen": {"ten_day_du": d.name, "ubnd": ubnd},
        "so_cum": len(d.clusters), "so_don_vi": len(d.communes),
        "cap_xa": vi.commune_kinds(c.loai for c in d.communes),
        "xep_loai": lines, "de_cu": de_cu,
    }
    office = (plan.get("cap_tren_truc_tiep") or {}).get("co_quan_tham_muu") or "Phòng Nội vụ"
    members = [person_text(hd["chu_tri"])] + [person_text(p) for p in hd.get("thanh_vien") or []] \
        + [person_text(hd["thu_ky"])]
    minutes = {
        **common,
        "co_quan_chu_quan": vi.upper(ubnd), "co_quan_ban_hanh": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "so_ky_hieu": number_line(hd.get("so_bien_ban"), "BB-HĐTĐKT"),
        "dia_danh_ngay": vi.place_date(place, hd["ngay"]),
        "hd": {
            "gio_bat_dau": vi.time_words(hd.get("gio_bat_dau")), "ngay": vi.date_words(hd["ngay"]),
            "gio_ket_thuc": vi.time_words(hd.get("gio_ket_thuc")),
            "dia_diem": hd.get("dia_diem") or f"Phòng họp {ubnd}",
            "thanh_phan": members, "chu_tri": person_text(hd["chu_tri"]), "thu_ky": person_text(hd["thu_ky"]),
            "y_kien": hd.get("y_kien") or [BLANK], "bieu_quyet": vote, "ket_luan": blank(hd.get("ket_luan")),
            "ky_thu_ky": hd["thu_ky"]["ho_ten"], "ky_chu_tri": hd["chu_tri"]["ho_ten"],
            "chu_tri_chuc_vu": blank(hd["chu_tri"].get("chuc_vu")),
            "so_ban": (f"Biên bản được lập thành 02 bản có giá trị như nhau: 01 bản gửi kèm hồ sơ đề nghị khen "
                       f"thưởng về {plan_body(plan)}, 01 bản lưu tại {office} (cơ quan thường trực Hội đồng)"
                       if d.choice else f"Biên bản được lập thành 01 bản, lưu tại {office} (cơ quan thường trực "
                                        "Hội đồng)"),
        },
    }
    docs = [DocumentSpec("bien-ban-hop-hoi-dong-thi-dua.docx", "bien-ban-hop-hoi-dong-thi-dua.docx", minutes,
                         "Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng")]
    header = {"co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(d.name)}
    cv = data.get("cong_van") or {}
    abbr = cv.get("ky_hieu_don_vi_soan_thao") or "NV"
    if d.choice:
        leader_letter = next(c for c in d.clusters if c.path == d.choice.source)
        lead = leader_letter.leader
        meeting = (f"Ngày {vi.short_date(hd['ngay'])}, Thường trực Hội đồng Thi đua - Khen thưởng {d.name} đã họp, "
                   f"xét chọn 01 tập thể tiêu biểu nhất đề nghị khen thưởng ({votes}).")
        letter = {
            **common, **header,
            "so_ky_hieu": number_line(cv.get("so"), f"UBND-{abbr}"),
            "trich_yeu": f"V/v đề nghị tặng Bằng khen tập thể có thành tích xuất sắc trong công tác văn thư, lưu trữ "
                         f"năm {plan['nam']}",
            "dia_danh_ngay": vi.place_date(place, cv.get("ngay") or hd["ngay"]),
            "kinh_gui": tiers.recipients([f"Chủ tịch {tiers.province_ubnd(plan)} (qua {plan['co_quan_ban_hanh']['ten']})"]),
            "cap_nhan": f"Chủ tịch {tiers.province_ubnd(plan)}",  # the Bằng khen is the Chairman's
            "so_de_cu": len(d.nominees), "de_cu_cac_cum": _proposed(d), "hop_hoi_dong": meeting,
            "hinh_thuc": awards.short_form(form),
            "de_nghi": f"{d.choice.ten_ubnd.replace('UBND', 'Ủy ban nhân dân', 1)}, {d.name} "
                       f"({decimal_text(d.choice.tong_diem)} điểm, xếp loại {d.choice.xep_loai}).",
            "ho_so_kem_theo": [
                f"Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng {d.name};",
                f"Công văn đề nghị của đơn vị Cụm trưởng {leader_letter.name} (UBND {lead['loai']} {lead['ten']});",
                f"Biên bản họp {leader_letter.name} (kèm theo Bảng chấm điểm - Phụ lục số 02);",
                f"Báo cáo thành tích của {d.choice.ten_ubnd} (đề nghị tặng {form}).",
            ],
            "noi_nhan": ["- Như trên;", f"- Chủ tịch, các Phó Chủ tịch UBND {d.name};", f"- Lưu: VT, {abbr}."],
            "ky": committee_signer(data["nguoi_ky"]),
        }
        docs.append(DocumentSpec("cong-van-de-nghi-bang-khen.docx", "cong-van-de-nghi-bang-khen.docx", letter,
                                 "Công văn đề nghị tặng Bằng khen"))
    bc = data.get("bao_cao") or {}
    days = sorted(vi.parse_date(day) for c in d.clusters for day in c.visit_days)
    clusters = []
    for i, c in enumerate(d.clusters, start=1):
        ds = sorted(vi.parse_date(day) for day in c.visit_days)
        span = vi.short_date(ds[0]) + ("" if ds[0] == ds[-1] else f" - {vi.short_date(ds[-1])}")
        clusters.append({"stt": i, "ten": c.name, "cum_truong": f"UBND {c.leader['loai']} {c.leader['ten']}",
                         "so_don_vi": len(c.visit_days), "thoi_gian": span})
    report = {
        **common, **header,
        "so_ky_hieu": number_line(bc.get("so"), "BC-UBND"),
        "dia_danh_ngay": vi.place_date(place, bc.get("ngay") or cv.get("ngay") or hd["ngay"]),
        "kinh_gui": tiers.recipients([plan_body(plan)]),
        "tu_ngay": vi.date_words(days[0]), "den_ngay": vi.date_words(days[-1]),
        "cac_cum": clusters,
        "don_vi": [{"stt": i, "ten_ubnd": c.ten_ubnd, "cum": c.cum, "tong_diem": decimal_text(c.tong_diem),
                    "xep_loai": c.xep_loai}
                   for i, c in enumerate(_ranked(d), start=1)],
        "xep_loai": [{"loai": f"Loại {c.loai}", "so_luong": c.so_luong, "ty_le": tally.percent(c.so_luong, len(d.communes))}
                     for c in d.counts],
        "lua_chon": choice_line,
        "kien_nghi": data.get("kien_nghi") or [BLANK],
        "noi_nhan": ["- Như trên;", f"- Chủ tịch, các Phó Chủ tịch UBND {d.name};", f"- Lưu: VT, {abbr}."],
        "ky": committee_signer(data["nguoi_ky"]),
    }
    docs.append(DocumentSpec("bao-cao-tong-hop-huyen.docx", "bao-cao-tong-hop-huyen.docx", report,
                             f"Báo cáo kết quả kiểm tra chéo của {ubnd}"))
    return docs


def _proposed(d: DistrictResult) -> str:
    """What each cluster's minutes proposed for the city's Bằng khen, cluster by cluster: the letter says
    no more than the minutes do."""
    by_source = {n.source: n for n in d.nominees}
    parts = []
    for c in d.clusters:
        n = by_source.get(c.path)
        met = vi.short_date(c.meeting_day)
        parts.append(f"{c.name} đề nghị {n.ten_ubnd} ({decimal_text(n.tong_diem)} điểm, xếp loại "
                     f"{n.xep_loai}, theo Biên bản họp Cụm ngày {met})" if n else
                     f"{c.name} không có đơn vị đề nghị (Biên bản họp Cụm ngày {met})")
    head = ("các Cụm đã bình xét, mỗi Cụm đề nghị 01 đơn vị xuất sắc, tiêu biểu: " if len(d.nominees) == len(d.clusters)
            else "kết quả bình xét đơn vị xuất sắc, tiêu biểu của các Cụm: ")
    return head + "; ".join(parts) + "."


def _ranked(d: DistrictResult) -> list:
    """Communes cluster by cluster, each cluster's best first (ties keep the file's order)."""
    order = {c.name: i for i, c in enumerate(d.clusters)}
    return [c for _, c in sorted(enumerate(d.communes), key=lambda p: (order[p[1].cum], p[1].hang, p[0]))]
