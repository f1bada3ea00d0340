"""Every sample document, read as words: one way of writing dates, no doubled word, no double brackets,
lists that end with '.', no '0 đơn vị' (issue 14, 'Words' and 'When')."""
from __future__ import annotations

import re

import pytest
from conftest import docx_text


@pytest.fixture(scope="module")
def texts(built, chain_built) -> dict[str, str]:
    """{document: its text}: the 2017 clusters of two districts, the districts, the city of 2017 and of
    2025 with its two-tier clusters, the plans of 2017 and 2026 and the blank Phụ lục 01."""
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    files += [f for group in chain_built.values() for f in group]
    assert len(files) > 60
    return {f"{f.parent.name}/{f.name}": docx_text(f) for f in files}


def found(texts, pattern, flags=0) -> list[str]:
    """'document: the words around each match' for every match of `pattern` in every document."""
    out = []
    for name, text in texts.items():
        for m in re.finditer(pattern, text, flags):
            out.append(f"{name}: …{text[max(0, m.start() - 40):m.end() + 20]}…")
    return out


def test_dates_in_digits_follow_the_place_date_rule(texts):
    """F-DATE-4 for every date, in words or digits: '16/9/2017', '05/10/2017', '23/01/2017';
    never '16/09/2017' nor '5/10/2017'."""
    bad = []
    for name, text in texts.items():
        for m in re.finditer(r"(?<![\d/])(\d{1,2})/ ?(\d{1,2})/(\d{4})(?!\d)", text):
            day, month = m[1], m[2]
            want_day = f"{int(day):02d}"
            want_month = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
            if (day, month) != (want_day, want_month) or " " in m[0]:
                bad.append(f"{name}: {m[0]}")
    assert not bad, bad[:20]


def test_no_word_is_doubled(texts):
    """'Văn phòng HĐND và UBND UBND phường Hoàn Kiếm' is a post joined to its commune twice."""
    bad = [f for f in found(texts, r"(?<!\w)(\w{2,}) \1(?!\w)")
           if not re.search(r"(năm năm|\d \d)", f)]  # 'năm năm' can be read as a count of years
    assert not bad, bad[:20]


def test_no_two_brackets_in_a_row(texts):
    """'(qua Phòng Nội vụ) (để báo cáo)': one pair of brackets."""
    bad = found(texts, r"\)\s*\(")
    assert not bad, bad[:20]


def test_dash_lists_end_with_a_full_stop(texts):
    """Every item of a '- …' list ends with ';' except the last, which ends with '.'."""
    bad = []
    for name, text in texts.items():
        lines = [ln.strip() for ln in text.split("\n")]
        for i, line in enumerate(lines):
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if line.startswith("- ") and line.endswith(";") and not after.startswith(("- ", "+ ")):
                bad.append(f"{name}: {line[-60:]} → {after[:30]}")
    assert not bad, bad[:20]


def test_no_count_of_zero_units(texts):
    assert not found(texts, r"(?<![\d,])0 đơn vị")


def test_every_person_of_the_inspected_commune_names_the_commune(texts):
    """'Nhân viên lưu trữ;' or 'Phó Chủ tịch UBND xã;' without whose: every line under 'Đơn vị được kiểm tra'."""
    bad = []
    for name, text in texts.items():
        if "bien-ban-kiem-tra" not in name:
            continue
        block = text.split("Đơn vị được kiểm tra: ")[1].split("II. NỘI DUNG")[0]
        block = block.split("3. Đoàn giám sát")[0].split("\n")  # the district's supervisors are not the unit's people
        unit = block[0].strip()  # "UBND xã Uy Nỗ"
        bad += [f"{name}: {ln}" for ln in block[1:] if ln.startswith("- ") and unit not in ln]
    assert not bad, bad[:20]


def test_a_district_without_phuong_is_not_called_one(texts):
    """The district's own words name the kinds of units it has ('xã, thị trấn'); the plan's title is quoted as is."""
    for name, text in texts.items():
        if name.startswith("huyen-"):
            own = text.replace("giữa các UBND xã, phường, thị trấn thuộc UBND quận, huyện, thị xã", "")
            assert "xã, phường, thị trấn" not in own, name


def test_every_document_cites_the_plan_by_number_and_date(texts):
    """No 'Kế hoạch số ……': the plan files carry their own number and date. (The 2026 plan's citation of
    the UBND Thành phố's 2026 plan stays blank: that plan is not issued yet, and the file says CẦN ĐIỀN.)"""
    bad = [f for f in found(texts, r"Kế hoạch số …") if not f.startswith("ke-hoach/ke-hoach-2026")]
    assert not bad, bad[:10]


def test_an_opening_that_cites_the_plan_is_a_sentence_with_a_main_clause(texts):
    """'Thực hiện Kế hoạch …; Quyết định … .' alone says nothing: the same sentence says who does what."""
    verbs = ("tiến hành", "thông báo", "báo cáo", "đã ", "đề nghị", "tổng hợp", "xây dựng", "ban hành")
    bad = []
    for name, text in texts.items():
        paras = text.split("\n")
        for i, para in enumerate(paras):
            if para.startswith("Thực hiện Kế hoạch số"):
                while para.endswith(";") and i + 1 < len(paras):  # grounds on lines of their own, ending ";"
                    i += 1
                    para += " " + paras[i]
                tail = para.split(";")[-1]
                if not any(v in tail for v in verbs):
                    bad.append(f"{name}: …{tail[-80:]}")
    assert not bad, bad[:10]


def test_two_tier_documents_claim_no_history_before_the_units_existed(texts):
    """The 2025 phường exist from 01/7/2025: no period 'năm 2023, năm 2024 và 8 tháng đầu năm 2025', no award
    table for 2022–2024; the achievement report says the commune has no earlier awards instead."""
    two_tier = {k: v for k, v in texts.items() if k.startswith(("ha-noi", "phu-luc-01-2025"))}
    assert len(two_tier) > 20
    bad = found(two_tier, r"(năm|^\| ?)20(1\d|2[0-4])\b|tháng đầu năm 2025", re.M)
    assert not bad, bad[:10]
    report = next(v for k, v in two_tier.items() if "bao-cao-thanh-tich" in k)
    assert "hoạt động từ ngày 01/7/2025" in report


def test_common_nouns_inside_a_sentence_are_not_capitalised(texts):
    """'tại trụ sở UBND xã Uy Nỗ', 'tại hội trường …' (NĐ 30, Phụ lục II); a label ('Địa điểm: Hội trường …')
    or a table cell starts with a capital."""
    assert not found(texts, r"\b(tại|ở) (Trụ sở|Hội trường|Phòng họp)\b")
    assert "tại trụ sở UBND xã Uy Nỗ" in texts["dong-anh-cum-so-1/bien-ban-kiem-tra-uy-no.docx"]


def test_no_short_blank_where_the_unit_writes_its_opinion(texts):
    """'Ý kiến của đơn vị được kiểm tra: ……' is too short to write on: dotted lines to the margin instead."""
    assert not found(texts, r"Ý kiến của đơn vị được kiểm tra: …")
    assert not found(texts, r"&")  # 'Văn hóa & Thông tin' is not how a post is written


def test_a_guest_is_named_with_post_and_office_in_one_phrase(texts):
    assert "- Đại biểu mời: Lý Thị Ngọc, Chuyên viên Phòng Nội vụ huyện Đông Anh." in texts["dong-anh-cum-so-1/bien-ban-hop-cum.docx"]
    assert not found(texts, r"Đại biểu mời: [^,\n]+, Chuyên viên, ")


def test_the_city_names_the_kinds_of_districts_that_reported(texts):
    """Two huyện reported in 2017: 'báo cáo của UBND 2 huyện', 'Mỗi huyện đề nghị …', never a blanket 'quận,
    huyện, thị xã' (the plan's title is quoted as is)."""
    city = {n: t.replace("thuộc UBND quận, huyện, thị xã", "") for n, t in texts.items() if n.startswith("ha-noi-2017/")}
    assert len(city) == 4  # the Mục lục, the report, the Tờ trình and the draft Quyết định
    for name, text in city.items():
        assert "quận, huyện, thị xã" not in text and "Quận, huyện, thị xã" not in text, name
    assert "trên cơ sở báo cáo của UBND 2 huyện," in city["ha-noi-2017/bao-cao-tong-hop-thanh-pho.docx"]
