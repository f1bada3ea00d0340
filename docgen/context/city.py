"""Context of the Sở Nội vụ's summary report over the city."""
from __future__ import annotations

from docgen import vi
from docgen.context import index
from docgen.context.common import (
    DocumentSpec,
    initials,
    plan_body,
    plan_context,
    year_date_line,
)
from docgen.errors import TemplateError
from docgen.levels.city import CityResult
from docgen.model import tiers
from docgen.score import tally
from docgen.vi import BLANK, decimal_text, number_line

CITY_CLASS_COLUMNS = 4  # the city template's class columns (tools/templates_chain.py)


def director_signer(p: dict | None) -> dict:
    """The Sở's signer as the plan file names it: GIÁM ĐỐC, or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC; a blank name otherwise."""
    p = p or {}
    lines = [vi.upper(x) for x in (p.get("quyen_han"), p.get("chuc_vu") or "GIÁM ĐỐC") if x]
    return {"dong": lines, "ho_ten": p.get("ho_ten") or BLANK}


def city_documents(c: CityResult) -> list[DocumentSpec]:
    """The Sở Nội vụ's summary report: classes per district (or per cluster, two tiers) and the nominees."""
    plan = c.plan.data
    names = tally.class_names(plan)
    if len(names) != CITY_CLASS_COLUMNS:
        raise TemplateError(f"Mẫu báo cáo tổng hợp cấp thành phố có {CITY_CLASS_COLUMNS} cột xếp loại, Kế hoạch có "
                            f"{len(names)} loại ({', '.join(names)}). Sửa mẫu bao-cao-tong-hop-thanh-pho.docx "
                            "(tools/templates_chain.py) cho đủ cột.")
    issuer = plan["co_quan_ban_hanh"]
    own = plan.get("bao_cao_tong_hop") or {}
    form = (plan.get("khen_thuong") or {}).get("hinh_thuc_cap_thanh_pho") or "Bằng khen"
    # Two tiers: the leader commune as every other cell names a commune ('UBND phường Hoàn Kiếm').
    groups = [{"stt": i, "ten": g.ten[0].upper() + g.ten[1:], "phu": f"UBND {g.phu}" if c.two_tier else g.phu,
               "so_don_vi": g.so_don_vi, "dem": [k.so_luong for k in g.counts]}
              for i, g in enumerate(c.groups, start=1)]
    total_clusters = sum(int(g.phu) for g in c.groups) if not c.two_tier else ""
    nominees = [{"stt": i, "nhom": g.ten[0].upper() + g.ten[1:], "ten_ubnd": g.nominee.ten_ubnd,
                 "tong_diem": decimal_text(g.nominee.tong_diem), "xep_loai": g.nominee.xep_loai}
                for i, g in enumerate([g for g in c.groups if g.nominee], start=1)]
    k = len(nominees)
    # The Sở sums up and submits; the award is the Chairman's to decide (the plan's "Sở Nội vụ: Đề nghị Chủ tịch
    # UBND Thành phố tặng Bằng khen").
    ask = (f"{issuer['ten']} tổng hợp, kính trình Chủ tịch {tiers.province_ubnd(plan)} tặng "
           f"{form.split(' của ')[0]} cho {k:02d} tập thể có thành tích xuất sắc, tiêu biểu nêu trên./." if k else
           f"Không có tập thể nào được đề nghị tặng {form}./.")
    kinds = district_kinds([g.ten for g in c.groups])
    ctx = {
        "ke_hoach": plan_context(plan),
        "co_quan_chu_quan": vi.upper(tiers.province_ubnd(plan)), "co_quan_ban_hanh": vi.upper(issuer["ten"]),
        "so_ky_hieu": number_line(own.get("so"), f"BC-{initials(issuer['ten'])}"),
        "dia_danh_ngay": year_date_line(tiers.province_place(plan), own.get("ngay"), plan["nam"]),
        "kinh_gui": tiers.recipients([tiers.province_ubnd(plan)]),
        "nguon": f"{len(c.groups)} Cụm" if c.two_tier else f"UBND {len(c.groups)} {kinds}",
        "co_quan": plan_body(plan),
        "cot_nhom": "Cụm" if c.two_tier else kinds[0].upper() + kinds[1:],
        "cap_xa": "xã, phường" if c.two_tier else "xã, phường, thị trấn",  # no thị trấn since 01/7/2025
        "cot_phu": "Đơn vị Cụm trưởng" if c.two_tier else "Số Cụm",
        "loai": names, "nhom": groups,
        "tong": {"phu": str(total_clusters), "so_don_vi": sum(g.so_don_vi for g in c.groups),
                 "dem": [k.so_luong for k in c.counts]},
        "gioi_thieu_de_cu": ("Mỗi Cụm đề nghị 01 tập thể xuất sắc, tiêu biểu:" if c.two_tier else
                             f"Mỗi {kinds} đề nghị 01 tập thể xuất sắc, tiêu biểu nhất:"),
        "de_cu": nominees, "de_nghi": ask,
        "noi_nhan": ["- Như trên;", "- Lưu: VT, VP."],
        "ky": director_signer(own.get("nguoi_ky")),
    }
    docs = [DocumentSpec("bao-cao-tong-hop-thanh-pho.docx", "bao-cao-tong-hop-thanh-pho.docx", ctx,
                         "Báo cáo tổng hợp kết quả kiểm tra chéo của cấp tỉnh, thành phố")]
    if k:
        docs.append(DocumentSpec("to-trinh-de-nghi-bang-khen.docx", "to-trinh-de-nghi-bang-khen.docx",
                                 submission(c, ctx, own, form), "Tờ trình đề nghị tặng Bằng khen"))
    return docs


DISTRICT_KINDS = ("quận", "huyện", "thị xã", "thành phố")


def district_kinds(names: list[str]) -> str:
    """The kinds of the districts reporting, in the usual order: 'huyện' for 'huyện Đông Anh', 'huyện Gia Lâm'
    (never a blanket 'quận, huyện, thị xã' when no quận or thị xã reported)."""
    present = {k for n in names for k in DISTRICT_KINDS if n.lower().startswith(k + " ")}
    return ", ".join(k for k in DISTRICT_KINDS if k in present) or "quận, huyện, thị xã"


def submission(c: CityResult, report: dict, own: dict, form: str) -> dict:
    """The Tờ trình: the Sở submits the nominees of its report to the Chairman, who decides."""
    plan = c.plan.data
    issuer = plan["co_quan_ban_hanh"]
    date = own.get("ngay")
    number = own.get("so")
    cited = (f"Báo cáo số {number or BLANK}/BC-{initials(issuer['ten'])}" if number else "Báo cáo tổng hợp")
    cited += f" ngày {vi.short_date(date)}" if date else " kèm theo"
    if c.two_tier:
        source = f"Báo cáo kết quả và Công văn đề nghị khen thưởng của {len(c.groups)} Cụm"
        files = ["Báo cáo kết quả và Công văn đề nghị khen thưởng của các đơn vị Cụm trưởng;",
                 "Biên bản họp Cụm (kèm theo Bảng chấm điểm - Phụ lục số 02) của các Cụm;"]
    else:
        names = [g.ten for g in c.groups]  # a few districts are named; a whole city is counted
        source = ("Công văn đề nghị của " + ", ".join(f"UBND {n}" for n in names) if len(names) <= 5 else
                  f"Công văn đề nghị của UBND {len(names)} {district_kinds(names)}")
        files = [f"Công văn đề nghị của UBND các {district_kinds(names)};",
                 f"Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng của các {district_kinds(names)};"]
    files = [f"Báo cáo tổng hợp kết quả kiểm tra chéo công tác văn thư, lưu trữ năm {plan['nam']} của {issuer['ten']};"]\
        + files + ["Báo cáo thành tích của các tập thể được đề nghị."]
    return {
        **{key: report[key] for key in ("ke_hoach", "co_quan_chu_quan", "co_quan_ban_hanh", "dia_danh_ngay", "co_quan",
                                        "cot_nhom", "de_cu", "noi_nhan", "ky")},
        "so_ky_hieu": number_line(own.get("so_to_trinh"), f"TTr-{initials(issuer['ten'])}"),
        "kinh_gui": tiers.recipients([f"Chủ tịch {tiers.province_ubnd(plan)}"]),
        "cap_nhan": f"Chủ tịch {tiers.province_ubnd(plan)}",
        "hinh_thuc": form.split(" của ")[0], "so_tap_the": f"{len(report['de_cu']):02d}",
        "nguon": source, "bao_cao": cited, "co_quan_ngan": issuer["ten"],
        "ho_so_kem_theo": files,
    }


def city_index(c: CityResult, documents: list[DocumentSpec], pages: dict[str, int] | None = None,
               own_pages: int = 1) -> DocumentSpec:
    """The Sở Nội vụ's Mục lục văn bản, under the header its report prints: every document it made, in the
    order of the process (`pages`, `own_pages`: see index.rows). The .xlsx tallies are working copies, not
    filed: they are in the manifest only. No plan field names who draws it up: a blank to sign by hand."""
    plan = c.plan.data
    issuer = plan["co_quan_ban_hanh"]["ten"]
    return index.index_of((vi.upper(tiers.province_ubnd(plan)), vi.upper(issuer)), plan["nam"],
                          f"{issuer} {tiers.province_name(plan)}", documents, pages, own_pages, BLANK)
