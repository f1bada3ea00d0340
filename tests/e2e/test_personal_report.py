"""Báo cáo thành tích of each individual a cluster's meeting proposed: made by `build`, filed after the
collective's, named in the letter, in the manifest and the index, the facts of the cluster file and nothing
invented (dotted lines where a fact is missing), signed by the commune's head and the person."""
from __future__ import annotations

import json
import re

import pytest
from conftest import (CUM_2025, DONG_ANH, DONG_ANH_DIR, GIA_LAM_DIR, copy_yaml, docx_text, table_rows)
from docx import Document
from pypdf import PdfReader
from test_ready_chain import signers

from docgen import vi
from docgen.context import index as context_index
from docgen.lint import lint_file
from docgen.load import reader
from docgen.pipeline import batch, upper_levels

HUONG = "bao-cao-thanh-tich-ca-nhan-ngo-thi-huong.docx"
HOA = "bao-cao-thanh-tich-ca-nhan-le-thi-hoa.docx"


def folder_of(built, path=DONG_ANH):
    return built[path.resolve()].folder


def dotted_lines(path) -> int:
    """Paragraphs holding nothing but a tab: each prints as a dotted line to write on (nd30.dotted_tab)."""
    return sum(1 for p in Document(str(path)).paragraphs if p.text == "\t")


def test_each_individual_proposed_gets_a_report_in_every_sample(built):
    made = 0
    for b in built.values():
        people = reader.load_file(b.source).data["hop_cum"].get("de_nghi_ca_nhan") or []
        got = sorted(f.name for f in b.files if f.name.startswith("bao-cao-thanh-tich-ca-nhan-"))
        assert got == sorted(f"bao-cao-thanh-tich-ca-nhan-{vi.slug(p['ho_ten'])}.docx" for p in people), b.source
        made += len(got)
    assert made == 4  # Đông Anh Cụm 1 (2), Cụm 2 (1), Gia Lâm Cụm 2 (1)


def test_filed_after_the_collectives_report_in_the_index_and_the_manifest(built):
    folder = folder_of(built)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    names = [d["tep"] for d in manifest["van_ban"]]
    at = names.index("bao-cao-thanh-tich-co-loa.docx")
    assert names[at + 1:at + 3] == [HUONG, HOA]  # the order of the minutes
    index = docx_text(folder / context_index.FILE_NAME)  # the dossier's index, whatever it is named
    at = [index.index(title) for title in (
        "Báo cáo thành tích đề nghị tặng Bằng khen của UBND xã Cổ Loa",
        "Báo cáo thành tích của cá nhân: Ngô Thị Hương, Công chức Văn phòng - Thống kê UBND xã Cổ Loa",
        "Báo cáo thành tích của cá nhân: Lê Thị Hoa, Công chức Văn phòng - Thống kê UBND xã Uy Nỗ")]
    assert at == sorted(at) and "Báo cáo thành tích" not in index[at[-1] + 1:]  # the last ones of the dossier


def test_the_report_with_every_fact_given(built):
    path = folder_of(built) / HUONG
    text = docx_text(path)
    for line in ("ỦY BAN NHÂN DÂN\nXÃ CỔ LOA",  # the commune as the unit, as on its other papers
                 "Cổ Loa, ngày 16 tháng 10 năm 2017",  # the letter's day: after the meeting (12/10), sent with it
                 "BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Giấy khen của Chủ tịch UBND huyện Đông Anh",
                 "- Họ và tên: Ngô Thị Hương",
                 "- Ngày, tháng, năm sinh: 12/3/1985",
                 "- Giới tính: Nữ",
                 "- Quê quán: xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội",
                 "- Nơi thường trú: thôn Chợ, xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội",
                 "- Đơn vị công tác: Ủy ban nhân dân xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội",
                 "- Chức vụ (Đảng, chính quyền, đoàn thể): Công chức Văn phòng - Thống kê",
                 "- Trình độ chuyên môn, nghiệp vụ: Cử nhân Lưu trữ học và Quản trị văn phòng",
                 "- Tham mưu UBND xã tổ chức công tác văn thư, lưu trữ;",
                 "- Chủ trì chỉnh lý hoàn chỉnh tài liệu tồn đọng của UBND xã",
                 # the commune's agreed score, class and rank from the cluster's table, and the meeting's vote
                 "công tác văn thư, lưu trữ của UBND xã Cổ Loa đạt 93,5 điểm (chín mươi ba phẩy năm điểm), xếp loại "
                 "A, xếp thứ 1/4 đơn vị trong Cụm.",
                 "Cụm đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen cho đồng chí Ngô Thị Hương (8/8 thành viên "
                 "tán thành).",
                 "kính đề nghị Chủ tịch UBND huyện Đông Anh xem xét, tặng Giấy khen./.",
                 "THỦ TRƯỞNG ĐƠN VỊ\nXÁC NHẬN, ĐỀ NGHỊ\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký, đóng dấu)",
                 "NGƯỜI BÁO CÁO THÀNH TÍCH\n(Ký, ghi rõ họ và tên)"):
        assert line in text, line
    rows = table_rows(path)
    assert ["2016", "Chiến sĩ thi đua cơ sở",
            "Quyết định số 3120/QĐ-UBND ngày 20/12/2016 của Chủ tịch UBND huyện Đông Anh"] in rows
    assert ["2016", "Giấy khen của Chủ tịch UBND huyện Đông Anh",
            "Quyết định số 3121/QĐ-UBND ngày 20/12/2016 của Chủ tịch UBND huyện Đông Anh"] in rows
    assert dotted_lines(path) == 0 and "……" not in text.split("Số:")[1].split("\n", 1)[1]
    assert signers(path) == ["Nguyễn Văn An", "Ngô Thị Hương"]  # the commune's Chairman confirms, she reports


def test_missing_facts_are_dotted_lines_never_made_up(built):
    path = folder_of(built) / HOA
    text = docx_text(path)
    assert "- Quê quán: \t" in text and "- Nơi thường trú: \t" in text  # dotted to the margin
    assert "- Ngày, tháng, năm sinh: 21/7/1990" in text and "- Trình độ chuyên môn, nghiệp vụ: Cao đẳng" in text
    # no account of her own: the score of Uy Nỗ (agreed 89, not the team's 88,5), then three dotted lines
    assert ("UBND xã Uy Nỗ đạt 89 điểm (tám mươi chín điểm), xếp loại A, xếp thứ 2/4 đơn vị trong Cụm" in text
            and "(7/8 thành viên tán thành)" in text)
    assert dotted_lines(path) == 3
    rows = table_rows(path)
    assert [r for r in rows if r[0] in ("2014", "2015", "2016")] == [[y, "……", "……"] for y in ("2014", "2015", "2016")] * 2
    # Uy Nỗ's representative is its Vice-Chairman: he confirms for the Chairman
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    assert signers(path) == ["Trần Văn Bình", "Lê Thị Hoa"]

    minimal = folder_of(built, GIA_LAM_DIR / "cum-so-2.yaml") / "bao-cao-thanh-tich-ca-nhan-nguyen-thi-thanh.docx"
    text = docx_text(minimal)
    for label in ("Ngày, tháng, năm sinh", "Giới tính", "Quê quán", "Nơi thường trú", "Trình độ chuyên môn, nghiệp vụ"):
        assert f"- {label}: \t" in text, label
    assert dotted_lines(minimal) == 6  # II.1 and II.2: three lines each
    assert "- Đơn vị công tác: Ủy ban nhân dân xã Bát Tràng, huyện Gia Lâm, thành phố Hà Nội" in text


def test_the_letter_names_exactly_the_reports_made(built):
    """The individuals' line (the collectives' lines: tests/e2e/test_collective_reports.py)."""
    for b in built.values():
        letter = docx_text(b.folder / "cong-van-de-nghi-khen-thuong.docx")
        listed = re.findall(r"^- Báo cáo thành tích của (.*)\.$", letter, re.M)
        people = len([f for f in b.files if f.name.startswith("bao-cao-thanh-tich-ca-nhan-")])
        assert listed == ([f"{people:02d} cá nhân được đề nghị khen thưởng"] if people else []), (b.source, listed)
    letter = docx_text(folder_of(built) / "cong-van-de-nghi-khen-thuong.docx")
    assert "- Báo cáo thành tích của 02 cá nhân được đề nghị khen thưởng." in letter


def test_the_districts_giay_khen_lists_the_same_individuals(built, tmp_path):
    for district in (DONG_ANH_DIR, GIA_LAM_DIR):
        reported = sorted(signers(f)[-1] for b in built.values() if b.source.parent == district.resolve()
                          for f in b.files if f.name.startswith("bao-cao-thanh-tich-ca-nhan-"))
        made = upper_levels.build_district(district, tmp_path / district.name)
        for name in ("to-trinh-de-nghi-giay-khen.docx", "quyet-dinh-khen-thuong-huyen.docx"):
            doc = next(f for f in made.files if f.name == name)
            listed = sorted(r[1] for r in table_rows(doc) if len(r) == 4 and r[0].isdigit())
            assert listed == reported, (district.name, name)


def test_every_personal_report_passes_lint(built):
    files = [f for b in built.values() for f in b.files if f.name.startswith("bao-cao-thanh-tich-ca-nhan-")]
    assert len(files) == 4
    for f in files:
        report = lint_file(f)
        assert not report.findings, [str(x) for x in report.findings]


def test_the_commune_head_proposed_leaves_the_confirming_name_to_write(tmp_path):
    """Cổ Loa's Chairman himself proposed: another leader confirms (a blank name), nobody signs twice."""
    def head(data):
        data["hop_cum"]["de_nghi_ca_nhan"] = [{"ho_ten": "Nguyễn Văn An", "chuc_vu": "Chủ tịch", "don_vi": "co-loa"}]
    f = copy_yaml(DONG_ANH, tmp_path / "cum.yaml", head)
    path = batch.build([f], tmp_path / "out")[0].folder / "bao-cao-thanh-tich-ca-nhan-nguyen-van-an.docx"
    text = docx_text(path)
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Ký, đóng dấu)" in text
    assert signers(path) == ["Nguyễn Văn An"]  # the reporting person only; the confirming name is "……"
    names = [x for x in text.split("(Ký, ghi rõ họ và tên)")[1].split("\n") if x]
    assert names == ["……", "Nguyễn Văn An"]
    # not the officer of the commune: his post, no claim that he does its records work
    assert "đồng chí Nguyễn Văn An công tác tại UBND xã Cổ Loa với chức vụ Chủ tịch UBND xã Cổ Loa." in text


def test_the_records_officer_without_a_post_written_is_named_by_the_post_the_file_gives_her(tmp_path):
    """Her chuc_vu left out in de_nghi_ca_nhan: the commune's officer (cong_chuc_vptk) is still named by that post,
    never '……, trực tiếp thực hiện…'; the lý lịch line stays dotted, to write by hand."""
    def no_post(data):
        data["hop_cum"]["de_nghi_ca_nhan"][1].pop("chuc_vu")
    f = copy_yaml(DONG_ANH, tmp_path / "cum.yaml", no_post)
    text = docx_text(batch.build([f], tmp_path / "out")[0].folder / HOA)
    assert "đồng chí Lê Thị Hoa, Công chức Văn phòng - Thống kê UBND xã Uy Nỗ, trực tiếp thực hiện" in text
    assert "- Chức vụ (Đảng, chính quyền, đoàn thể): \t" in text


def test_two_tiers_use_the_2025_wording_and_a_persons_own_past(tmp_path):
    """No district in 2025: no Giấy khen of a district to name; the person's past years are listed even though
    the ward exists only from 01/7/2025 (her awards are hers, not the ward's)."""
    def one(data):
        ward = data["don_vi"][0]
        data["hop_cum"]["de_nghi_ca_nhan"] = [{"ho_ten": ward["cong_chuc_vptk"]["ho_ten"], "don_vi": ward["ma"],
                                               "chuc_vu": ward["cong_chuc_vptk"].get("chuc_vu"),
                                               "so_phieu_tan_thanh": 8}]
    f = copy_yaml(CUM_2025, tmp_path / "cum.yaml", one)
    b = batch.build([f], tmp_path / "out")[0]
    path = next(x for x in b.files if x.name.startswith("bao-cao-thanh-tich-ca-nhan-"))
    text = docx_text(path)
    assert "BÁO CÁO THÀNH TÍCH\nĐề nghị khen thưởng cho cá nhân\n" in text and "Giấy khen" not in text
    assert "Cụm đề nghị khen thưởng đồng chí" in text and "cấp có thẩm quyền xem xét, khen thưởng./." in text
    assert [r[0] for r in table_rows(path) if r[0].isdigit()] == ["2022", "2023", "2024"] * 2
    assert not lint_file(path).findings
    letter = docx_text(b.folder / "cong-van-de-nghi-khen-thuong.docx")
    assert ("- Báo cáo thành tích đề nghị tặng Bằng khen của UBND phường Hoàn Kiếm;\n"
            "- Báo cáo thành tích của 01 cá nhân được đề nghị khen thưởng.") in letter


def test_file_names_stay_apart_for_people_of_the_same_name():
    from docgen.context.personal_report import file_names  # here: the other tests also run on code without it
    people = [{"ho_ten": "Nguyễn Thị Lan", "don_vi": "co-loa"}, {"ho_ten": "Nguyễn Thị Lan", "don_vi": "uy-no"},
              {"ho_ten": "Lê Văn Tám", "don_vi": "uy-no"}, {"ho_ten": "Lê Văn Tám", "don_vi": "uy-no"}]
    assert file_names(people) == ["bao-cao-thanh-tich-ca-nhan-nguyen-thi-lan-co-loa.docx",
                                  "bao-cao-thanh-tich-ca-nhan-nguyen-thi-lan-uy-no.docx",
                                  "bao-cao-thanh-tich-ca-nhan-le-van-tam-uy-no-3.docx",
                                  "bao-cao-thanh-tich-ca-nhan-le-van-tam-uy-no-4.docx"]


@pytest.mark.libreoffice
def test_the_combined_pdf_prints_them_after_the_collectives_report(dong_anh_pdf):
    folder, pages = dong_anh_pdf
    first = [next(i for i, t in enumerate(pages) if mark in t)
             for mark in ("Tên tập thể đề nghị: Ủy ban nhân dân xã Cổ Loa", "Họ và tên: Ngô Thị Hương",
                          "Họ và tên: Lê Thị Hoa")]
    assert first[0] < first[1] < first[2]
    own = {n: len(PdfReader(folder / n.replace(".docx", ".pdf")).pages) for n in (HUONG, HOA)}
    assert first[2] - first[1] == own[HUONG]  # hers straight after the other's, nothing between
    assert first[2] + own[HOA] <= len(pages)
