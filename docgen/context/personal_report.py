"""Context of the achievement report of each individual the cluster's meeting proposed (Báo cáo thành tích cá nhân)."""
from __future__ import annotations

from docgen import vi
from docgen.context import awards
from docgen.context.common import (
    WRITING_ROOM,
    DocumentSpec,
    committee_signer,
    leader_header,
    title_at,
    unit_name,
)
from docgen.model import tiers
from docgen.score.cluster import ClusterResult
from docgen.vi import BLANK, number_line

TEMPLATE = "bao-cao-thanh-tich-ca-nhan.docx"

# The form followed: NĐ 91/2017/NĐ-CP, Mẫu số 02 (báo cáo thành tích cho cá nhân), and in two-tier years
# NĐ 152/2025/NĐ-CP's "Báo cáo thành tích đề nghị khen thưởng … cho cá nhân". The section headings, the
# lines of the lý lịch and the two signatures are written FROM MEMORY of those forms (nd30-format K-2,
# K-3, K-7: the individual form was not checked against a source); only the table header of section III
# is confirmed in practice (K-7).
PROFILE = (  # (key, label): the lý lịch lines of the form, in its order
    ("ngay_sinh", "Ngày, tháng, năm sinh"),
    ("gioi_tinh", "Giới tính"),
    ("que_quan", "Quê quán"),
    ("noi_thuong_tru", "Nơi thường trú"),
    ("don_vi_cong_tac", "Đơn vị công tác"),
    ("chuc_vu", "Chức vụ (Đảng, chính quyền, đoàn thể)"),
    ("trinh_do", "Trình độ chuyên môn, nghiệp vụ"),
)


def file_names(people: list[dict]) -> list[str]:
    """'bao-cao-thanh-tich-ca-nhan-ngo-thi-huong.docx' for each person, in order; a name shared by two people
    gets their commune's code, and a pair still alike their rank, so that no report hides another."""
    base = [vi.slug(p["ho_ten"]) for p in people]
    names = [b if base.count(b) == 1 else f"{b}-{p['don_vi']}" for b, p in zip(base, people)]
    names = [n if names.count(n) == 1 else f"{n}-{i}" for i, n in enumerate(names, start=1)]
    return [f"bao-cao-thanh-tich-ca-nhan-{n}.docx" for n in names]


def personal_reports(plan: dict, cluster: dict, result: ClusterResult, common: dict) -> list[DocumentSpec]:
    """One report per person in hop_cum.de_nghi_ca_nhan, in the order of the minutes."""
    people = cluster["hop_cum"].get("de_nghi_ca_nhan") or []
    by_code = {u["ma"]: u for u in cluster["don_vi"]}
    specs = []
    for p, name in zip(people, file_names(people)):
        unit = by_code[p["don_vi"]]
        post = title_at(p.get("chuc_vu"), unit)
        specs.append(DocumentSpec(name, TEMPLATE, report_context(plan, cluster, result, common, p, unit),
                                  f"Báo cáo thành tích của cá nhân: {p['ho_ten']}, {post}"))
    return specs


def _lines(values) -> tuple[list[str], bool]:
    """The person's own lines, or one WRITING_ROOM line (the template adds two more): dotted lines to write on."""
    values = [f"- {v.strip()}" for v in values or [] if isinstance(v, str) and v.strip()]
    return (values, False) if values else ([WRITING_ROOM], True)


def _history(rows, years: list[str]) -> list[dict]:
    """Section III's rows as given; none given: one dotted row for each of the years before, to fill by hand."""
    if rows:
        return [{"nam": str(r.get("nam") or BLANK), "ten": r.get("ten") or BLANK,
                 "quyet_dinh": r.get("quyet_dinh") or BLANK} for r in rows]
    return [{"nam": y, "ten": BLANK, "quyet_dinh": BLANK} for y in years]


def _confirming_signer(unit: dict, person: dict) -> dict:
    """The commune's head confirms (TM., KT. for a Vice-Chairman); when the person proposed is that head,
    the name is left blank: another leader of the commune confirms, and nobody signs one paper twice."""
    head = unit["dai_dien"]
    if head["ho_ten"] != person["ho_ten"]:
        return committee_signer(head)
    other = {"ho_ten": BLANK, "chuc_vu": "Chủ tịch" if head.get("chuc_vu") == "Phó Chủ tịch" else "Phó Chủ tịch"}
    return committee_signer(other)


def report_context(plan: dict, cluster: dict, result: ClusterResult, common: dict, person: dict,
                   unit: dict) -> dict:
    """The report of `person`, of commune `unit`, as the cluster's meeting proposed them."""
    r = result.by_code(unit["ma"])
    hop = cluster["hop_cum"]
    up = tiers.upper(plan, cluster)
    cv = cluster.get("cong_van") or {}
    form = awards.district_form(plan, up)  # the Giấy khen the minutes proposed (None in two tiers)
    name = person["ho_ten"]
    province = tiers.province_name(plan)
    where = f"Ủy ban nhân dân {unit_name(unit)}, " + (province if up.two_tier else f"{up.dia_ban}, {province}")
    born = person.get("ngay_sinh")
    facts = {
        "ngay_sinh": vi.short_date(born) if born else None,
        "gioi_tinh": person.get("gioi_tinh"), "que_quan": person.get("que_quan"),
        "noi_thuong_tru": person.get("noi_thuong_tru"), "don_vi_cong_tac": where,
        "chuc_vu": person.get("chuc_vu"), "trinh_do": person.get("trinh_do"),
    }
    # an unknown fact: a tab, dotted to the right margin (tools/nd30.dotted_tab), to write by hand
    profile = [{"nhan": label, "gia_tri": str(facts[k]).strip() if facts[k] else WRITING_ROOM}
               for k, label in PROFILE]
    duties, duties_blank = _lines(person.get("nhiem_vu"))
    own, own_blank = _lines(person.get("thanh_tich"))
    vote = awards.votes(person.get("so_phieu_tan_thanh"), hop.get("so_nguoi_bieu_quyet"),
                        hop.get("hinh_thuc_bieu_quyet"))
    proposal = (f"Cụm đề nghị Chủ tịch {up.ubnd} tặng {awards.short_form(form)} cho đồng chí {name}" if form
                else f"Cụm đề nghị khen thưởng đồng chí {name}")
    officer = unit["cong_chuc_vptk"]["ho_ten"] == name  # the officer who does the commune's records work
    post = title_at(person.get("chuc_vu"), unit, "Công chức Văn phòng - Thống kê" if officer else "")
    role = (f"Năm {plan['nam']}, đồng chí {name}, {post}, trực tiếp thực hiện công tác văn thư, lưu trữ của "
            "đơn vị." if officer else f"Năm {plan['nam']}, đồng chí {name} công tác tại "
            f"UBND {unit_name(unit)} với chức vụ {post if person.get('chuc_vu') else BLANK}.")
    # The commune's agreed score and class: dated the công văn's day (or the meeting's), the paper knows them.
    result_text = (f"Qua kiểm tra chéo của {common['cum']['ten_day_du']} (từ {common['tu_ngay']} đến "
                   f"{common['den_ngay']}), công tác văn thư, lưu trữ của UBND {unit_name(unit)} đạt "
                   f"{vi.score_with_words(r.tong_diem)}, xếp loại {r.xep_loai}, xếp thứ {r.hang}/{len(cluster['don_vi'])} "
                   f"đơn vị trong Cụm. Tại cuộc họp bình xét thi đua {common['ngay_hop_chu']}, {proposal} ({vote}).")
    closing = (f"kính đề nghị Chủ tịch {up.ubnd} xem xét, tặng {awards.short_form(form)}./." if form
               else "kính đề nghị cấp có thẩm quyền xem xét, khen thưởng./.")
    years = [str(y) for y in range(plan["nam"] - 3, plan["nam"])]  # a person's past is not the unit's (two tiers)
    return {
        **common,
        **leader_header(unit),  # the commune as the unit, written as on its other papers (nd30-format 10.1)
        "so_ky_hieu": number_line(None, "BC-UBND"),  # numbered by hand when the commune sends it
        "dia_danh_ngay": vi.place_date(unit["ten"], cv.get("ngay") or hop["ngay"]),
        # NĐ 91/2017: "Đề nghị tặng <hình thức>"; NĐ 152/2025 (two tiers): "… đề nghị khen thưởng … cho cá nhân"
        "de_nghi": f"Đề nghị tặng {form}" if form else "Đề nghị khen thưởng cho cá nhân",
        "ho_ten": name,
        "ly_lich": profile,
        "nhiem_vu": duties, "nhiem_vu_trong": duties_blank,
        "vai_tro": role,
        "ket_qua": result_text,
        "thanh_tich": own, "thanh_tich_trong": own_blank,
        "danh_hieu": _history(person.get("danh_hieu_thi_dua"), years),
        "khen_thuong": _history(person.get("khen_thuong"), years),
        "ket_thuc": f"Trên đây là báo cáo thành tích của đồng chí {name} trong công tác văn thư, lưu trữ năm "
                    f"{plan['nam']}, {closing}",
        "ky": _confirming_signer(unit, person),
    }
