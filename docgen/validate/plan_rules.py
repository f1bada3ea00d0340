"""The plan file's own rules: dates in order, its text's placeholders and references."""
from __future__ import annotations

import re
from decimal import Decimal

from docgen.errors import Issue
from docgen.load.reader import Loaded
from docgen.model import tiers
from docgen.model.plan_text import (
    _DISTRICT,
    TextError,
    _placeholders_removed,
    resolve,
    texts,
)
from docgen.validate.fields import date_field
from docgen.vi import BLANK, decimal_text


def plan_issues(plan: Loaded) -> list[Issue]:
    """Cross-field checks of a plan file that the schema cannot express."""
    data = plan.data
    issues: list[Issue] = []
    numbers = [c.get("so") for c in data["noi_dung"]]
    for i, n in enumerate(numbers):
        if numbers.index(n) != i:
            issues.append(plan.issue(("noi_dung", i, "so"), f"nội dung số {n} bị lặp."))
    for i, c in enumerate(data["noi_dung"]):
        criteria = c.get("tieu_chi") or []
        total = sum((Decimal(str(t["diem_toi_da"])) for t in criteria), Decimal(0))
        if criteria and total != Decimal(str(c["diem_toi_da"])):
            issues.append(plan.issue(("noi_dung", i, "tieu_chi"),
                                     f"nội dung {c['so']}: tổng điểm tối đa các tiêu chí là {decimal_text(total)}, "
                                     f"khác điểm tối đa của nội dung ({decimal_text(c['diem_toi_da'])})."))
    for i, k in enumerate(data["xep_loai"]):
        for j, cond in enumerate(k.get("dieu_kien", [])):
            for m, n in enumerate(cond["noi_dung"]):
                if n not in numbers:
                    issues.append(plan.issue(("xep_loai", i, "dieu_kien", j, "noi_dung", m),
                                             f"nội dung số {n} không có trong danh sách nội dung."))
    if data["xep_loai"] and (data["xep_loai"][-1].get("dieu_kien") or data["xep_loai"][-1]["tong_diem_tu"] != 0
                             or data["xep_loai"][-1].get("so_noi_dung_thuc_hien_tu", 0) != 0):
        issues.append(plan.issue(("xep_loai", len(data["xep_loai"]) - 1),
                                 "loại cuối cùng (thấp nhất) phải có tong_diem_tu: 0, so_noi_dung_thuc_hien_tu: 0 "
                                 "và không có điều kiện, để đơn vị nào cũng được xếp loại."))
    rules = data["cum"]
    if rules["so_don_vi_toi_thieu"] > rules["so_don_vi_toi_da"]:
        issues.append(plan.issue(("cum", "so_don_vi_toi_da"), "số đơn vị tối đa của Cụm nhỏ hơn số tối thiểu."))
    start = date_field(plan, ("thoi_gian", "kiem_tra_tu_ngay"), issues)
    end = date_field(plan, ("thoi_gian", "kiem_tra_den_ngay"), issues)
    if start and end and start > end:
        issues.append(plan.issue(("thoi_gian", "kiem_tra_den_ngay"), "ngày kết thúc kiểm tra trước ngày bắt đầu."))
    for key in ("ky_nghiep_vu", "ky_bao_cao_thong_ke"):
        early = tiers.periods_before_the_units(data, str(data["thoi_gian"].get(key) or ""))
        if early:
            issues.append(plan.issue(("thoi_gian", key), f"Kế hoạch theo mô hình hai cấp: các xã, phường hiện nay "
                                     f"chỉ có từ ngày 01/7/2025, nhưng kỳ đánh giá nhắc {', '.join(early)}. Ghi kỳ "
                                     "từ ngày 01/7/2025 (tài liệu của các đơn vị cũ được giao quản lý vẫn được "
                                     "kiểm tra như tài liệu của đơn vị mới).", "warning"))
    issues += plan_text_issues(plan)  # the document's words: placeholders, reminders
    return issues


def plan_text_issues(doc: Loaded) -> list[Issue]:
    """Problems of the plan's document text: placeholders that do not resolve (errors), and reminders
    (warnings) for what next year's plan could not move or what the clerk still has to fill in."""
    plan = doc.data
    out: list[Issue] = []
    year = str(plan.get("nam"))
    literal_year = re.compile(rf"(?<![\d/]){year}(?!\d)|(?<=/){year}(?![\d/])")
    for path, text in texts(plan):
        try:
            resolve(text, plan)
        except TextError as e:
            out.append(doc.issue(path, str(e)))
            continue
        if literal_year.search(_placeholders_removed(text)):
            out.append(doc.issue(path, f"năm {year} được gõ thẳng vào đoạn văn: năm sau `docgen plan --next` "
                                       "không dời được. Hãy viết {nam} (hoặc {thoi_gian.<khóa>} cho một ngày).",
                                 "warning"))
        if plan.get("cap_chinh_quyen") == "hai_cap":
            m = _DISTRICT.search(text)
            if m:
                out.append(doc.issue(path, f"Kế hoạch theo chính quyền hai cấp (không có cấp huyện) mà đoạn văn còn "
                                           f"nhắc '{m[0]}'. Sửa lại nơi nhận báo cáo của Cụm.", "warning"))
    if plan.get("van_ban"):
        if _uses(plan, "noi_dung"):
            for n, c in enumerate(plan.get("noi_dung") or []):
                if not c.get("kiem_tra"):
                    out.append(doc.issue(("noi_dung", n), f"văn bản lấy các khoản của mục Nội dung kiểm tra từ các nội "
                                                          f"dung chấm điểm, mà nội dung {c.get('so')} chưa có `kiem_tra` "
                                                          "(lời văn của khoản)."))
        if _uses(plan, "xep_loai"):
            for n, k in enumerate(plan.get("xep_loai") or []):
                if not k.get("mo_ta"):
                    out.append(doc.issue(("xep_loai", n), f"loại {k.get('loai')} chưa có `mo_ta` (lời văn của loại) mà "
                                                          "văn bản có đoạn {tu_dong: xep_loai}."))
        if not plan.get("nguoi_ky"):
            out.append(doc.issue(("van_ban",), "chưa có `nguoi_ky` (quyền hạn, chức vụ, họ tên người ký): văn bản "
                                               "sẽ để trống chỗ ký.", "warning"))
        if not plan.get("noi_nhan"):
            out.append(doc.issue(("van_ban",), "chưa có `noi_nhan`: văn bản chỉ ghi \"- Lưu: VT.\".", "warning"))
    out += _class_words_issues(doc)
    out += _reference_issues(doc)
    return out


def _uses(plan: dict, kind: str) -> bool:
    def walk(value):
        if isinstance(value, dict):
            return value.get("tu_dong") == kind or any(walk(v) for v in value.values())
        if isinstance(value, list):
            return any(walk(v) for v in value)
        return False
    return walk(plan.get("van_ban"))


def _class_words_issues(doc: Loaded) -> list[Issue]:
    """The words of a class must carry its numbers: catches a rule changed in one place only."""
    plan = doc.data
    out = []
    n = len(plan.get("noi_dung") or [])
    for i, k in enumerate(plan.get("xep_loai") or []):
        words = k.get("mo_ta")
        if not isinstance(words, str):
            continue
        missing = []
        if k.get("tong_diem_tu"):  # "đạt từ 85 điểm trở lên", "đạt từ 70 đến dưới 85 điểm"
            total = decimal_text(k["tong_diem_tu"])
            if not re.search(rf"(?<![\d,]){re.escape(total)} (?:điểm|đến)", words):
                missing.append(f"từ {total} điểm")
        if k.get("so_noi_dung_thuc_hien_tu") and f"{k['so_noi_dung_thuc_hien_tu']}/{n}" not in words:
            missing.append(f"{k['so_noi_dung_thuc_hien_tu']}/{n} nội dung")
        for cond in k.get("dieu_kien") or []:
            pct = decimal_text(cond["ty_le"])
            if f"{pct}%" not in words.replace(" %", "%"):
                missing.append(f"{pct}%")
        if missing:
            out.append(doc.issue(("xep_loai", i, "mo_ta"),
                                 f"lời văn của loại {k['loai']} không nhắc {', '.join(missing)} như điều kiện của loại "
                                 "này: kiểm tra lại lời văn hoặc điều kiện, để văn bản và cách chấm điểm khớp nhau.",
                                 "warning"))
    return out


def _reference_issues(doc: Loaded) -> list[Issue]:
    """References still to be filled in (next year's plan leaves them so)."""
    out = []
    used = set()
    for _, text in texts(doc.data):
        used.update(re.findall(r"\{\s*can_cu\.([a-z0-9_]+)", text))
    for code, ref in (doc.data.get("can_cu") or {}).items():
        if code not in used or not isinstance(ref, dict):
            continue
        number = (ref.get("so_ky_hieu") or "").strip()
        if not number or number.startswith(BLANK) or not ref.get("ngay"):
            out.append(doc.issue(("can_cu", code), f"văn bản '{code}' ({ref.get('ghi_chu') or ref.get('loai')}) chưa có "
                                                   "đủ số, ký hiệu và ngày: văn bản Kế hoạch sẽ để \"……\". Điền trước khi "
                                                   "ban hành.", "warning"))
    return out
