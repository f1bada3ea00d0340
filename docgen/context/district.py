"""Contexts of the district's documents: council minutes, letter to the city, summary report."""
from __future__ import annotations

from docgen import vi
from docgen.context.common import (
    DocumentSpec,
    blank,
    committee_signer,
    person_text,
    plan_body,
    plan_context,
    votes_text,
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
    votes = votes_text((data.get("de_nghi") or {}).get("so_phieu_tan_thanh"), hd.get("so_nguoi_bieu_quyet"))
    lines = [f"Loại {c.loai}: {vi.unit_count(c.so_luong)}" for c in d.counts]
    de_cu = [{"stt": i, "cum": n.cum, "ten_ubnd": n.ten_ubnd, "tong_diem": decimal_text(n.tong_diem),
              "xep_loai": n.xep_loai} for i, n in enumerate(d.nominees, start=1)]
    if d.choice:
        vote = (f"Thường trực Hội đồng biểu quyết bằng hình thức {blank(hd.get('hinh_thuc_bieu_quyet'))}: {votes} "
                f"đề nghị tặng {form} cho {d.choice.text()}, đơn vị được {d.choice.cum} đề nghị.")
        choice_line = (f"{ubnd} đề nghị tặng {form} cho {d.choice.text()}, là tập thể xuất sắc, tiêu biểu nhất "
                       f"của huyện.")
    else:
        vote = "Không có đơn vị được các Cụm đề nghị nên Thường trực Hội đồng không xét đề nghị Bằng khen."
        choice_line = f"{ubnd} không có đơn vị đề nghị tặng {form}."
    common = {
        "ke_hoach": plan_context(plan),
        "huyen": {"ten_day_du": d.name, "ubnd": ubnd},
        "so_cum": len(d.clusters), "so_don_vi": len(d.communes),
        "cap_xa": vi.commune_kinds(u["loai"] for c in d.clusters for u in c.cluster.data["don_vi"]),
        "xep_loai": lines, "de_cu": de_cu,
    }
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
        },
    }
    docs = [DocumentSpec("bien-ban-hop-hoi-dong-thi-dua.docx", "bien-ban-hop-hoi-dong-thi-dua.docx", minutes,
                         "Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng")]
    header = {"co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(d.name)}
    cv = data.get("cong_van") or {}
    abbr = cv.get("ky_hieu_don_vi_soan_thao") or "NV"
    if d.choice:
        leader_letter = next(c for c in d.clusters if c.cluster.path == d.choice.source)
        cum = leader_letter.cluster.data["cum"]
        lead = next(u for u in leader_letter.cluster.data["don_vi"] if u["ma"] == cum["cum_truong"])
        meeting = (f"Ngày {vi.short_date(hd['ngay'])}, Thường trực Hội đồng Thi đua - Khen thưởng {d.name} đã họp, "
                   f"xét chọn 01 tập thể tiêu biểu nhất đề nghị khen thưởng ({votes}).")
        letter = {
            **common, **header,
            "so_ky_hieu": number_line(cv.get("so"), f"UBND-{abbr}"),
            "trich_yeu": f"V/v đề nghị tặng Bằng khen tập thể có thành tích xuất sắc trong công tác văn thư, lưu trữ "
                         f"năm {plan['nam']}",
            "dia_danh_ngay": vi.place_date(place, cv.get("ngay") or hd["ngay"]),
            "kinh_gui": tiers.recipients([f"{tiers.province_ubnd(plan)} (qua {plan['co_quan_ban_hanh']['ten']})"]),
            "cap_nhan": tiers.province_ubnd(plan),
            "so_de_cu": len(d.nominees), "hop_hoi_dong": meeting, "hinh_thuc": form,
            "de_nghi": f"{d.choice.ten_ubnd.replace('UBND', 'Ủy ban nhân dân', 1)}, {d.name} "
                       f"({decimal_text(d.choice.tong_diem)} điểm, xếp loại {d.choice.xep_loai}).",
            "ho_so_kem_theo": [
                f"Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng {d.name};",
                f"Công văn đề nghị của đơn vị Cụm trưởng {cum['ten']} (UBND {lead['loai']} {lead['ten']});",
                f"Biên bản họp {cum['ten']} (kèm theo Bảng chấm điểm - Phụ lục số 02);",
                f"Báo cáo thành tích của {d.choice.ten_ubnd}.",
            ],
            "noi_nhan": ["- Như trên;", f"- Chủ tịch, các Phó Chủ tịch UBND {d.name};", f"- Lưu: VT, {abbr}."],
            "ky": committee_signer(data["nguoi_ky"]),
        }
        docs.append(DocumentSpec("cong-van-de-nghi-bang-khen.docx", "cong-van-de-nghi-bang-khen.docx", letter,
                                 "Công văn đề nghị tặng Bằng khen"))
    bc = data.get("bao_cao") or {}
    days = sorted(vi.parse_date(u["ngay_kiem_tra"]) for c in d.clusters for u in c.cluster.data["don_vi"])
    clusters = []
    for i, c in enumerate(d.clusters, start=1):
        cd = c.cluster.data
        lead = next(u for u in cd["don_vi"] if u["ma"] == cd["cum"]["cum_truong"])
        ds = sorted(vi.parse_date(u["ngay_kiem_tra"]) for u in cd["don_vi"])
        span = vi.short_date(ds[0]) + ("" if ds[0] == ds[-1] else f" - {vi.short_date(ds[-1])}")
        clusters.append({"stt": i, "ten": cd["cum"]["ten"], "cum_truong": f"UBND {lead['loai']} {lead['ten']}",
                         "so_don_vi": len(cd["don_vi"]), "thoi_gian": span})
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
                             "Báo cáo kết quả kiểm tra chéo của cấp huyện"))
    return docs


def _ranked(d: DistrictResult) -> list:
    """Communes cluster by cluster, each cluster's best first (ties keep the file's order)."""
    order = {c.cluster.data["cum"]["ten"]: i for i, c in enumerate(d.clusters)}
    return [c for _, c in sorted(enumerate(d.communes), key=lambda p: (order[p[1].cum], p[1].hang, p[0]))]
