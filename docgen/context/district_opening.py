"""Contexts of the district's opening documents (plan IV.4.b–d): its Kế hoạch triển khai, the Quyết định
thành lập Cụm thi đua và Đoàn kiểm tra, and the Quyết định thành lập Đoàn giám sát. They need only the
clusters' composition, so they are made while the scores are still empty."""
from __future__ import annotations

from docgen import vi
from docgen.context import index
from docgen.context.cluster import team
from docgen.context.common import DocumentSpec, committee_signer, plan_body, plan_reference, year_date_line
from docgen.levels.district_opening import Composed, Opening
from docgen.vi import BLANK, number_line

PLAN_FILE = "ke-hoach-trien-khai-huyen.docx"
DECISION_FILE = "quyet-dinh-thanh-lap-cum.docx"
SUPERVISION_FILE = "quyet-dinh-thanh-lap-doan-giam-sat.docx"
PLAN_TITLE = "Kế hoạch triển khai kiểm tra chéo của"  # + "UBND huyện Đông Anh": the index names the district
DECISION_TITLE = "Quyết định thành lập Cụm thi đua và Đoàn kiểm tra (kèm Danh sách)"
SUPERVISION_TITLE = "Quyết định thành lập Đoàn giám sát"
LOCAL_GOVERNMENT_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"


def opening_documents(o: Opening) -> list[DocumentSpec]:
    """In the order of the process: the district's plan, the clusters' decision, the supervisors' decision."""
    docs = [_plan(o), _decision(o)]
    if o.file.data.get("doan_giam_sat"):
        docs.append(_supervision(o))
    return docs


def _units(c: Composed) -> list[dict]:
    return c.data["don_vi"]


def _leader(c: Composed) -> dict:
    return next(u for u in _units(c) if u["ma"] == c.data["cum"]["cum_truong"])


def ubnd(unit: dict) -> str:
    return f"UBND {unit['loai']} {unit['ten']}"


def commune_kinds(o: Opening) -> str:
    """'các xã, thị trấn': the kinds of commune the district's clusters hold, in the law's order."""
    kinds = {u["loai"] for c in o.clusters for u in _units(c)}
    return "các " + ", ".join(k for k in ("xã", "phường", "thị trấn") if k in kinds)


def _numbered(o: Opening, key: str) -> dict:
    return o.file.data.get(key) or {}


def decision_reference(o: Opening) -> str:
    """'Quyết định số 2150/QĐ-UBND ngày 18/8/2017 của UBND huyện Đông Anh', blanks where not yet known."""
    qd = _numbered(o, "quyet_dinh_thanh_lap")
    number = number_line(qd.get("so"), "QĐ-UBND")[len("Số: "):].strip()
    date = vi.short_date(qd["ngay"]) if qd.get("ngay") else BLANK
    return f"Quyết định số {number} ngày {date} của UBND {o.name}"


def _common(o: Opening, key: str, suffix: str) -> dict:
    plan, data = o.plan.data, o.file.data
    doc = _numbered(o, key)
    abbr = doc.get("ky_hieu_don_vi_soan_thao") or "NV"
    return {
        "co_quan_dong_1": "ỦY BAN NHÂN DÂN", "co_quan_dong_2": vi.upper(o.name),
        "so_ky_hieu": number_line(doc.get("so"), suffix),
        "dia_danh_ngay": year_date_line(data["huyen"]["ten"], doc.get("ngay"), plan["nam"]),
        "ke_hoach": {"nam": plan["nam"]},
        "ky": committee_signer(data["nguoi_ky"]),
        "noi_nhan_cuoi": f"- Lưu: VT, {abbr}.",
    }


def _grounds(o: Opening) -> list[str]:
    plan = o.plan.data
    out = [LOCAL_GOVERNMENT_LAW] if 2016 <= plan["nam"] <= 2024 else []  # the 2015 law, in force over those years
    out.append(f"Căn cứ {plan_reference(plan)} về {plan['trich_yeu']};")
    kh = _numbered(o, "ke_hoach_trien_khai")
    if kh.get("so") or kh.get("ngay"):
        number = number_line(kh.get("so"), "KH-UBND")[len("Số: "):].strip()
        date = f" ngày {vi.short_date(kh['ngay'])}" if kh.get("ngay") else ""
        out.append(f"Căn cứ Kế hoạch số {number}{date} của UBND {o.name} về triển khai kiểm tra chéo công tác "
                   f"văn thư, lưu trữ năm {plan['nam']};")
    out.append(f"Theo đề nghị của Trưởng phòng Nội vụ {o.name}.")
    return out


def _members(c: Composed) -> list[dict]:
    roles = {" - Trưởng đoàn": "Trưởng đoàn", " - Thư ký": "Thư ký", " - Thành viên": "Thành viên"}
    return [{"stt": i, "ho_ten": m["ho_ten"], "chuc_vu": m["chuc_vu_day_du"], "nhiem_vu": roles[m["vai_tro"]]}
            for i, m in enumerate(team(c.data)["thanh_vien"], start=1)]


def _decision(o: Opening) -> DocumentSpec:
    plan = o.plan.data
    t = plan["thoi_gian"]
    rules = plan.get("cum") or {}
    n_units = sum(len(_units(c)) for c in o.clusters)
    communes = commune_kinds(o)
    report_by = t.get("cum_bao_cao_huyen_truoc_ngay")
    clusters = [{
        "tieu_de": f"{c.name}. Đơn vị Cụm trưởng: {ubnd(_leader(c))}",
        "don_vi": f"Gồm {len(_units(c)):02d} đơn vị: " + ", ".join(ubnd(u) for u in _units(c)) + ".",
        "doan": _members(c),
    } for c in o.clusters]
    ctx = {
        **_common(o, "quyet_dinh_thanh_lap", "QĐ-UBND"),
        "trich_yeu": f"Về việc thành lập Cụm thi đua và Đoàn kiểm tra chéo công tác văn thư, lưu trữ giữa "
                     f"UBND {communes[4:]} năm {plan['nam']}",
        "tham_quyen": vi.upper(f"Ủy ban nhân dân {o.name}"),
        "can_cu": _grounds(o),
        "dieu": [
            f"Điều 1. Thành lập {len(o.clusters):02d} Cụm thi đua hoạt động kiểm tra chéo công tác văn thư, lưu trữ "
            f"giữa UBND {communes} thuộc {o.name} năm {plan['nam']} ({n_units:02d} đơn vị) và Đoàn kiểm tra của "
            "từng Cụm (có Danh sách kèm theo).",
            f"Điều 2. Trưởng đoàn là {rules.get('truong_doan') or 'Chủ tịch UBND đơn vị Cụm trưởng'}; mỗi đơn vị "
            "cử 02 đại diện gồm Chủ tịch hoặc Phó Chủ tịch UBND và 01 công chức Văn phòng - Thống kê; Thư ký đoàn là "
            f"{rules.get('thu_ky') or 'công chức Văn phòng - Thống kê của đơn vị Cụm trưởng'}. Đoàn kiểm tra có "
            f"nhiệm vụ kiểm tra chéo, chấm điểm, xếp loại công tác văn thư, lưu trữ của các đơn vị trong Cụm theo "
            f"{plan_reference(plan)}, từ ngày {vi.short_date(t['kiem_tra_tu_ngay'])} đến ngày "
            f"{vi.short_date(t['kiem_tra_den_ngay'])}. Đơn vị Cụm trưởng được sử dụng con dấu của đơn vị mình "
            "trong quá trình hoạt động kiểm tra, báo cáo kết quả (kèm theo Biên bản kiểm tra, bình xét thi đua) về "
            f"UBND {o.name} (qua Phòng Nội vụ)"
            + (f" trước ngày {vi.short_date(report_by)}" if report_by else "")
            + " và tự giải thể sau khi hoàn thành nhiệm vụ.",
            f"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng "
            f"Nội vụ, Chủ tịch UBND {communes} có tên tại Điều 1 và các ông, bà có tên trong Danh sách kèm theo "
            "chịu trách nhiệm thi hành Quyết định này./.",
        ],
        "kem_theo": f"(Kèm theo {decision_reference(o)})",
        "cac_cum": clusters,
        "tong_cong": f"Tổng số: {len(o.clusters):02d} Cụm, {n_units:02d} đơn vị, "
                     f"{sum(len(c['doan']) for c in clusters):02d} thành viên Đoàn kiểm tra",
    }
    ctx["noi_nhan"] = ["- Như Điều 3;", f"- {plan_body(o.plan.data)} (để báo cáo);",
                       "- Chủ tịch, các Phó Chủ tịch UBND huyện;", ctx.pop("noi_nhan_cuoi")]
    return DocumentSpec(DECISION_FILE, DECISION_FILE, _last_apart(ctx), DECISION_TITLE)


def _last_apart(ctx: dict) -> dict:
    """The last article apart from the others: the template keeps it on the signature's page."""
    ctx["dieu_cuoi"] = ctx["dieu"].pop()
    return ctx


def _person(p: dict) -> str:
    return f"{p['ho_ten']}, {p.get('chuc_vu') or BLANK}"


def _supervision(o: Opening) -> DocumentSpec:
    plan = o.plan.data
    gs = o.file.data["doan_giam_sat"]
    communes = commune_kinds(o)
    lines = [f"- {_person(gs['truong_doan'])} - Trưởng đoàn;"]
    lines += [f"- {_person(p)} - Thành viên;" for p in gs.get("thanh_vien") or []]
    lines[-1] = lines[-1][:-1] + "."
    ctx = {
        **_common(o, "doan_giam_sat", "QĐ-UBND"),
        "trich_yeu": f"Về việc thành lập Đoàn giám sát hoạt động kiểm tra chéo công tác văn thư, lưu trữ giữa "
                     f"UBND {communes[4:]} năm {plan['nam']}",
        "tham_quyen": vi.upper(f"Ủy ban nhân dân {o.name}"),
        "can_cu": _grounds(o),
        "dieu": [f"Điều 1. Thành lập Đoàn giám sát hoạt động kiểm tra chéo công tác văn thư, lưu trữ của các Cụm "
                 f"thi đua giữa UBND {communes} thuộc {o.name} năm {plan['nam']}, gồm các ông, bà có tên sau:"]
                + lines + [
            f"Điều 2. Đoàn giám sát có nhiệm vụ giám sát hoạt động kiểm tra của {len(o.clusters):02d} Cụm thi đua "
            f"thành lập theo {decision_reference(o)}: dự các buổi kiểm tra và cuộc họp bình xét thi đua của các Cụm, "
            "có ý kiến tham gia (ghi vào biên bản) và báo cáo Chủ tịch UBND huyện kết quả giám sát. Đoàn giám sát "
            "tự giải thể sau khi hoàn thành nhiệm vụ.",
            f"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng "
            f"Nội vụ, Chủ tịch UBND {communes} và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết "
            "định này./.",
        ],
    }
    # its number and date are under doan_giam_sat.quyet_dinh, not a key of their own
    qd = gs.get("quyet_dinh") or {}
    ctx["so_ky_hieu"] = number_line(qd.get("so"), "QĐ-UBND")
    ctx["dia_danh_ngay"] = year_date_line(o.file.data["huyen"]["ten"], qd.get("ngay"), plan["nam"])
    ctx["noi_nhan"] = ["- Như Điều 3;", f"- {plan_body(plan)} (để báo cáo);",
                       "- Chủ tịch, các Phó Chủ tịch UBND huyện;",
                       f"- Lưu: VT, {qd.get('ky_hieu_don_vi_soan_thao') or 'NV'}."]
    ctx.pop("noi_nhan_cuoi")
    return DocumentSpec(SUPERVISION_FILE, SUPERVISION_FILE, _last_apart(ctx), SUPERVISION_TITLE)


def visit_span(c: Composed, plan: dict) -> str:
    """The cluster's visiting days as far as its file says; the plan's window when none is written yet."""
    days = sorted({vi.parse_date(u["ngay_kiem_tra"]) for u in _units(c) if u.get("ngay_kiem_tra")})
    if not days:
        t = plan["thoi_gian"]
        return f"{vi.short_date(t['kiem_tra_tu_ngay'])} - {vi.short_date(t['kiem_tra_den_ngay'])}"
    return vi.short_date(days[0]) + ("" if days[0] == days[-1] else f" - {vi.short_date(days[-1])}")


def _plan(o: Opening) -> DocumentSpec:
    plan = o.plan.data
    t = plan["thoi_gian"]
    rules = plan.get("cum") or {}
    communes = commune_kinds(o)
    n_units = sum(len(_units(c)) for c in o.clusters)
    total = sum(vi.to_decimal(c["diem_toi_da"]) for c in plan["noi_dung"])
    classes = [f"- Loại {x['loai']}: {x['mo_ta'].rstrip('.;')}" for x in plan.get("xep_loai") or [] if x.get("mo_ta")]
    classes = [c + (";" if i < len(classes) - 1 else ".") for i, c in enumerate(classes)]  # the last item ends the list
    before = [
        {"tieu_de": "I. MỤC ĐÍCH, YÊU CẦU", "doan": [
            f"1. Triển khai đến UBND {communes} trên địa bàn {o.name} hoạt động kiểm tra chéo công tác văn thư, "
            f"lưu trữ năm {plan['nam']} theo {plan_reference(plan)}.",
            "2. Qua kiểm tra đánh giá thực trạng công tác văn thư, lưu trữ của từng đơn vị; các đơn vị học tập, trao "
            "đổi kinh nghiệm; chấm điểm, xếp loại khách quan, đúng thang điểm của Kế hoạch; lựa chọn tập thể, cá "
            "nhân có thành tích xuất sắc đề nghị khen thưởng.",
        ]},
        {"tieu_de": "II. CỤM THI ĐUA VÀ ĐOÀN KIỂM TRA", "doan": [
            f"{n_units:02d} đơn vị của {o.name} tham gia kiểm tra chéo, chia thành {len(o.clusters):02d} Cụm thi đua "
            f"(mỗi Cụm từ {rules.get('so_don_vi_toi_thieu', 3)} đến {rules.get('so_don_vi_toi_da', 4)} đơn vị, "
            f"làm việc không quá {rules.get('so_ngay_lam_viec_toi_da', 2):02d} ngày). Mỗi Cụm có 01 đơn vị Cụm "
            f"trưởng; Trưởng đoàn là {rules.get('truong_doan') or 'Chủ tịch UBND đơn vị Cụm trưởng'}; mỗi đơn vị "
            "cử 02 đại diện gồm Chủ tịch hoặc Phó Chủ tịch UBND và 01 công chức Văn phòng - Thống kê; Thư ký đoàn "
            f"là {rules.get('thu_ky') or 'công chức Văn phòng - Thống kê của đơn vị Cụm trưởng'}. UBND huyện ban "
            "hành Quyết định thành lập Cụm và Đoàn kiểm tra.",
        ]},
    ]
    after = [
        {"tieu_de": "III. NỘI DUNG KIỂM TRA, CHẤM ĐIỂM", "doan": [
            f"Kiểm tra {len(plan['noi_dung']):02d} nội dung, thang điểm {vi.decimal_text(total)} điểm:"]
            + [f"{c['so']}. {c['ten']} ({vi.decimal_text(c['diem_toi_da'])} điểm);" for c in plan["noi_dung"]]
            + (["Xếp loại:"] + classes if classes else [])},
        {"tieu_de": "IV. THỜI GIAN THỰC HIỆN", "doan": [
            f"- Các Cụm kiểm tra từ ngày {vi.short_date(t['kiem_tra_tu_ngay'])} đến ngày "
            f"{vi.short_date(t['kiem_tra_den_ngay'])};",
            f"- Đơn vị được kiểm tra gửi báo cáo tự đánh giá, tự chấm điểm về đơn vị Cụm trưởng và các đơn vị trong "
            f"Cụm trước {int(t['so_ngay_gui_tu_cham_truoc_kiem_tra']):02d} ngày được kiểm tra;",
        ] + ([f"- Đơn vị Cụm trưởng báo cáo kết quả về UBND huyện (qua Phòng Nội vụ) trước ngày "
              f"{vi.short_date(t['cum_bao_cao_huyen_truoc_ngay'])};"] if t.get("cum_bao_cao_huyen_truoc_ngay") else [])
          + ([f"- UBND huyện báo cáo kết quả, hồ sơ đề nghị khen thưởng về {plan_body(plan)} trước ngày "
              f"{vi.short_date(t['huyen_bao_cao_thanh_pho_truoc_ngay'])}."]
             if t.get("huyen_bao_cao_thanh_pho_truoc_ngay") else [])},
        {"tieu_de": "V. TỔ CHỨC THỰC HIỆN", "doan": [
            "1. Phòng Nội vụ là cơ quan thường trực, tham mưu UBND huyện tổ chức thực hiện Kế hoạch; hướng dẫn, đôn "
            "đốc các Cụm; tổng hợp kết quả, trình Thường trực Hội đồng Thi đua - Khen thưởng huyện xét chọn đơn vị "
            "đề nghị khen thưởng.",
            "2. Văn phòng HĐND và UBND huyện phối hợp với Phòng Nội vụ trong quá trình kiểm tra.",
            f"3. UBND {communes} chuẩn bị tài liệu, báo cáo đánh giá công tác văn thư, lưu trữ theo "
            f"{len(plan['noi_dung']):02d} nội dung (ưu điểm, hạn chế, nguyên nhân, giải pháp, đề xuất kiến nghị), "
            "tự chấm điểm, xếp loại; cử Chủ tịch (Phó Chủ tịch) và công chức Văn phòng - Thống kê tham gia Đoàn "
            "kiểm tra; bố trí cán bộ, công chức làm việc theo yêu cầu của Đoàn.",
            "4. Đơn vị Cụm trưởng tổ chức hoạt động kiểm tra chéo trong Cụm, được sử dụng con dấu của đơn vị mình "
            "trong quá trình hoạt động kiểm tra và tự giải thể sau khi hoàn thành nhiệm vụ.",
        ]},
    ]
    ctx = {
        **_common(o, "ke_hoach_trien_khai", "KH-UBND"),
        "trich_yeu": f"Triển khai kiểm tra chéo công tác văn thư, lưu trữ giữa UBND {communes[4:]} trên địa bàn "
                     f"{o.name} năm {plan['nam']}",
        "mo_dau": f"Thực hiện {plan_reference(plan)} về {plan['trich_yeu']}, UBND {o.name} ban hành Kế hoạch "
                  "triển khai như sau:",
        "muc_truoc": before, "muc_sau": after,
        "bang_cum": "Các Cụm thi đua, đơn vị Cụm trưởng và thời gian kiểm tra:",
        "cac_cum": [{"stt": i, "ten": c.name, "cum_truong": ubnd(_leader(c)),
                     "don_vi": ", ".join(f"{u['loai']} {u['ten']}" for u in _units(c)),
                     "thoi_gian": visit_span(c, plan)} for i, c in enumerate(o.clusters, start=1)],
        "ket_thuc": f"Trên đây là Kế hoạch triển khai kiểm tra chéo công tác văn thư, lưu trữ năm {plan['nam']} của "
                    f"UBND {o.name}; trong quá trình thực hiện có vướng mắc, các đơn vị phản ánh về Phòng Nội vụ để "
                    f"tổng hợp, báo cáo UBND {o.name}./.",
    }
    ctx["noi_nhan"] = [f"- {plan_body(plan)} (để báo cáo);", f"- Chủ tịch, các Phó Chủ tịch UBND {o.name};",
                       "- Phòng Nội vụ, Văn phòng HĐND và UBND huyện;", f"- UBND {communes};", ctx.pop("noi_nhan_cuoi")]
    return DocumentSpec(PLAN_FILE, PLAN_FILE, ctx, f"{PLAN_TITLE} UBND {o.name}")


def late_plan_warning(o: Opening):
    """The district's plan dated after the plan's deadline for it (IV.4.b): a warning, the clerk may know why."""
    kh = _numbered(o, "ke_hoach_trien_khai")
    due = o.plan.data["thoi_gian"].get("huyen_gui_ke_hoach_truoc_ngay")
    if kh.get("ngay") and due and vi.parse_date(kh["ngay"]) > vi.parse_date(due):
        return [o.file.issue(("ke_hoach_trien_khai", "ngay"), f"Kế hoạch triển khai ký ngày "
                             f"{vi.short_date(kh['ngay'])}, sau hạn gửi {plan_body(o.plan.data)} "
                             f"({vi.short_date(due)}).", "warning")]
    return []


def district_index(o: Opening, documents: list[DocumentSpec], pages: dict[str, int] | None = None,
                   own_pages: int = 1) -> DocumentSpec:
    """The district's Mục lục văn bản, kept by its Phòng Nội vụ (plan IV.4.a): every document it made, in the
    order of the process (`pages`, `own_pages`: see index.rows). The .xlsx tallies are working copies, not
    filed: they are in the manifest only."""
    council = o.file.data.get("hoi_dong") or {}
    return index.index_of((vi.upper(f"UBND {o.name}"), "PHÒNG NỘI VỤ"), o.plan.data["nam"], f"UBND {o.name}",
                          documents, pages, own_pages, (council.get("thu_ky") or {}).get("ho_ten") or BLANK)
