"""Template contexts of the district's documents (council minutes, letter to the city, summary report) and the city's report."""
from __future__ import annotations

from . import levels, tally, vi
from .city import CityResult
from .context import DocumentSpec, blank, plan_context, so_ky_hieu
from .context_chain import year_date_line
from .district import DistrictResult
from .errors import TemplateError
from .vi import BLANK, decimal_text

CITY_CLASS_COLUMNS = 4  # the city template's class columns (tools/templates_chain.py)


def plan_body(plan: dict) -> str:
    """'Sở Nội vụ thành phố Hà Nội': the plan's issuer, named with its province."""
    issuer = plan["co_quan_ban_hanh"]
    return f"{issuer['ten']} {levels.province_name(plan)}" if issuer.get("co_quan_chu_quan") else issuer["ten"]


def initials(name: str) -> str:
    """'Sở Nội vụ' → 'SNV' (the agency part of a ký hiệu, F-SO-4)."""
    return "".join(w[0] for w in vi.nfc(name).split() if w[0].isalpha()).upper()


def signer(p: dict) -> dict:
    """The district's signer: for the People's Committee (TM.), KT. when a Vice-Chairman signs."""
    if p.get("chuc_vu") == "Phó Chủ tịch":
        return {"dong": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "ho_ten": p["ho_ten"]}
    return {"dong": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": p["ho_ten"]}


def person_text(p: dict) -> str:
    return f"{p['ho_ten']}, {blank(p.get('chuc_vu'))}"


def _votes(n, voters) -> str:
    if n is None:
        return f"{BLANK} phiếu tán thành"
    return f"{n}/{voters} phiếu tán thành" if voters else f"{n} phiếu tán thành"


def district_documents(d: DistrictResult) -> list[DocumentSpec]:
    """The district's documents: council minutes, the letter to the city (when it has a choice), the report."""
    plan = d.plan.data
    data = d.file.data
    hd = data["hoi_dong"]
    place = data["huyen"]["ten"]
    ubnd = f"UBND {d.name}"
    form = (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen"
    votes = _votes((data.get("de_nghi") or {}).get("so_phieu_tan_thanh"), hd.get("so_nguoi_bieu_quyet"))
    lines = [f"Loại {c.loai}: {c.so_luong} đơn vị" for c in d.counts]
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
        "xep_loai": lines, "de_cu": de_cu,
    }
    members = [person_text(hd["chu_tri"])] + [person_text(p) for p in hd.get("thanh_vien") or []] \
        + [person_text(hd["thu_ky"])]
    minutes = {
        **common,
        "co_quan_chu_quan": vi.upper(ubnd), "co_quan_ban_hanh": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "so_ky_hieu": so_ky_hieu(hd.get("so_bien_ban"), "BB-HĐTĐKT"),
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
            "so_ky_hieu": so_ky_hieu(cv.get("so"), f"UBND-{abbr}"),
            "trich_yeu": f"V/v đề nghị tặng Bằng khen tập thể có thành tích xuất sắc trong công tác văn thư, lưu trữ "
                         f"năm {plan['nam']}",
            "dia_danh_ngay": vi.place_date(place, cv.get("ngay") or hd["ngay"]),
            "kinh_gui": levels.recipients([f"{levels.province_ubnd(plan)} (qua {plan['co_quan_ban_hanh']['ten']})"]),
            "cap_nhan": levels.province_ubnd(plan),
            "so_de_cu": len(d.nominees), "hop_hoi_dong": meeting, "hinh_thuc": form,
            "de_nghi": f"{d.choice.ten_ubnd.replace('UBND', 'Ủy ban nhân dân', 1)}, {d.name} "
                       f"({decimal_text(d.choice.tong_diem)} điểm, xếp loại {d.choice.xep_loai}).",
            "ho_so_kem_theo": [
                f"Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng {d.name};",
                f"Công văn đề nghị của đơn vị Cụm trưởng {cum['ten']} (UBND {lead['loai']} {lead['ten']});",
                f"Biên bản họp {cum['ten']} (kèm theo Bảng chấm điểm - Phụ lục số 02);",
                f"Báo cáo thành tích của {d.choice.ten_ubnd}.",
            ],
            "noi_nhan": ["- Như trên;", "- Chủ tịch, các Phó Chủ tịch UBND huyện;", f"- Lưu: VT, {abbr}."],
            "ky": signer(data["nguoi_ky"]),
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
        "so_ky_hieu": so_ky_hieu(bc.get("so"), "BC-UBND"),
        "dia_danh_ngay": vi.place_date(place, bc.get("ngay") or cv.get("ngay") or hd["ngay"]),
        "kinh_gui": levels.recipients([plan_body(plan)]),
        "tu_ngay": vi.date_words(days[0]), "den_ngay": vi.date_words(days[-1]),
        "cac_cum": clusters,
        "don_vi": [{"stt": i, "ten_ubnd": c.ten_ubnd, "cum": c.cum, "tong_diem": decimal_text(c.tong_diem),
                    "xep_loai": c.xep_loai}
                   for i, c in enumerate(_ranked(d), start=1)],
        "xep_loai": [{"loai": f"Loại {c.loai}", "so_luong": c.so_luong, "ty_le": tally.percent(c.so_luong, len(d.communes))}
                     for c in d.counts],
        "lua_chon": choice_line,
        "kien_nghi": data.get("kien_nghi") or [BLANK],
        "noi_nhan": ["- Như trên;", "- Chủ tịch, các Phó Chủ tịch UBND huyện;", f"- Lưu: VT, {abbr}."],
        "ky": signer(data["nguoi_ky"]),
    }
    docs.append(DocumentSpec("bao-cao-tong-hop-huyen.docx", "bao-cao-tong-hop-huyen.docx", report,
                             "Báo cáo kết quả kiểm tra chéo của cấp huyện"))
    return docs


def _ranked(d: DistrictResult) -> list:
    """Communes cluster by cluster, each cluster's best first (ties keep the file's order)."""
    order = {c.cluster.data["cum"]["ten"]: i for i, c in enumerate(d.clusters)}
    return [c for _, c in sorted(enumerate(d.communes), key=lambda p: (order[p[1].cum], p[1].hang, p[0]))]


def city_documents(c: CityResult) -> list[DocumentSpec]:
    """The Sở Nội vụ's summary report: classes per district (or per cluster, two tiers) and the nominees."""
    plan = c.plan.data
    names = tally.class_names(plan)
    if len(names) != CITY_CLASS_COLUMNS:
        raise TemplateError(f"Mẫu báo cáo tổng hợp cấp thành phố có {CITY_CLASS_COLUMNS} cột xếp loại, Kế hoạch có "
                            f"{len(names)} loại ({', '.join(names)}). Sửa mẫu bao-cao-tong-hop-thanh-pho.docx "
                            "(tools/templates_chain.py) cho đủ cột.")
    issuer = plan["co_quan_ban_hanh"]
    form = (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen"
    groups = [{"stt": i, "ten": g.ten[0].upper() + g.ten[1:], "phu": g.phu,
               "so_don_vi": g.so_don_vi, "dem": [k.so_luong for k in g.counts]}
              for i, g in enumerate(c.groups, start=1)]
    total_clusters = sum(int(g.phu) for g in c.groups) if not c.two_tier else ""
    nominees = [{"stt": i, "nhom": g.ten[0].upper() + g.ten[1:], "ten_ubnd": g.nominee.ten_ubnd,
                 "tong_diem": decimal_text(g.nominee.tong_diem), "xep_loai": g.nominee.xep_loai}
                for i, g in enumerate([g for g in c.groups if g.nominee], start=1)]
    k = len(nominees)
    ask = (f"{issuer['ten']} kính trình {levels.province_ubnd(plan)} xem xét, tặng {form} cho {k:02d} tập thể có thành "
           "tích xuất sắc tiêu biểu nêu trên./." if k else
           f"Không có tập thể nào được đề nghị tặng {form}./.")
    ctx = {
        "ke_hoach": plan_context(plan),
        "co_quan_chu_quan": vi.upper(levels.province_ubnd(plan)), "co_quan_ban_hanh": vi.upper(issuer["ten"]),
        "so_ky_hieu": so_ky_hieu(None, f"BC-{initials(issuer['ten'])}"),
        "dia_danh_ngay": year_date_line(levels.province_place(plan), None, plan["nam"]),
        "kinh_gui": levels.recipients([levels.province_ubnd(plan)]),
        "nguon": f"{len(c.groups)} Cụm" if c.two_tier else f"{len(c.groups)} quận, huyện, thị xã",
        "co_quan": plan_body(plan),
        "cot_nhom": "Cụm" if c.two_tier else "Quận, huyện, thị xã",
        "cap_xa": "xã, phường" if c.two_tier else "xã, phường, thị trấn",  # no thị trấn since 01/7/2025
        "cot_phu": "Đơn vị Cụm trưởng" if c.two_tier else "Số Cụm",
        "loai": names, "nhom": groups,
        "tong": {"phu": str(total_clusters), "so_don_vi": sum(g.so_don_vi for g in c.groups),
                 "dem": [k.so_luong for k in c.counts]},
        "gioi_thieu_de_cu": ("Mỗi Cụm đề nghị 01 tập thể xuất sắc, tiêu biểu:" if c.two_tier else
                             "Mỗi quận, huyện, thị xã đề nghị 01 tập thể xuất sắc, tiêu biểu nhất:"),
        "de_cu": nominees, "de_nghi": ask,
        "noi_nhan": ["- Như trên;", "- Lưu: VT, VP."],
        "ky": {"dong": ["GIÁM ĐỐC"], "ho_ten": BLANK},
    }
    return [DocumentSpec("bao-cao-tong-hop-thanh-pho.docx", "bao-cao-tong-hop-thanh-pho.docx", ctx,
                         "Báo cáo tổng hợp kết quả kiểm tra chéo của cấp tỉnh, thành phố")]
