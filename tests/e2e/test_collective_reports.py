"""Báo cáo thành tích of the collectives a cluster's meeting proposed: one for each commune proposed for the
district's Giấy khen (hop_cum.giay_khen_tap_the), one for the nominee for the city's Bằng khen (a commune in
both lists gets both), filed Giấy khen's first, then the Bằng khen's, then the individuals'; named in the
letter, the manifest and the Mục lục; the commune's agreed score, class and rank; signed by its head."""
from __future__ import annotations

import json
import re

import pytest
from conftest import (CUM_2025, DONG_ANH, DONG_ANH_DIR, GIA_LAM_DIR, INPUTS, docx_text, table_rows, unit)
from pypdf import PdfReader
from test_ready_chain import signers

from docgen import vi
from docgen.context import index as context_index
from docgen.lint import lint_file
from docgen.load import reader
from docgen.pipeline import batch, upper_levels

GK = "bao-cao-thanh-tich-giay-khen-{}.docx"
BK = "bao-cao-thanh-tich-{}.docx"


def ubnd(data, code) -> str:
    u = unit(data, code)
    return f"UBND {vi.nfc(u['loai'])} {u['ten']}"


def results(folder) -> dict[str, tuple[str, str, int]]:
    """'UBND xã Uy Nỗ' → (agreed total, class, rank), read from the cluster report's table (ranked, as Phụ lục 02)."""
    rows = [r for r in table_rows(folder / "bao-cao-ket-qua-cum.docx") if len(r) == 6 and r[0].isdigit()]
    return {r[1]: (r[4], r[5], int(r[0])) for r in rows}


def test_every_commune_proposed_for_the_giay_khen_has_its_report_in_every_sample(built):
    made = 0
    for b in built.values():
        data = reader.load_file(b.source).data
        hop = data["hop_cum"]
        scores = results(b.folder)
        for g in hop["giay_khen_tap_the"]:
            u = unit(data, g["don_vi"])
            path = b.folder / GK.format(vi.slug(u["ten"]))
            assert path.exists(), (b.source, path.name)
            text = docx_text(path)
            total, klass, rank = scores[ubnd(data, g["don_vi"])]
            district = "Đông Anh" if "dong-anh" in str(b.source) else "Gia Lâm"
            assert f"BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Giấy khen của Chủ tịch UBND huyện {district}\n" in text
            assert "Bằng khen" not in text, path.name
            assert f"Tên tập thể đề nghị: Ủy ban nhân dân {vi.nfc(u['loai'])} {u['ten']}, huyện {district}, " \
                   "thành phố Hà Nội." in text
            assert f"{ubnd(data, g['don_vi'])} đạt {total} điểm (" in text  # then the score in words
            assert f"xếp loại {klass}, xếp thứ {rank}/{len(data['don_vi'])} đơn vị trong Cụm" in text
            # the minutes' words for (a), with this commune's own vote
            assert (f"Cụm đề nghị Chủ tịch UBND huyện {district} tặng Giấy khen ({g['so_phieu_tan_thanh']}/"
                    f"{hop['so_nguoi_bieu_quyet']} ") in text
            assert f"tặng Giấy khen của Chủ tịch UBND huyện {district}./." in text
            # dated the letter's day: after the meeting, when the agreed score and the vote are known
            day = vi.parse_date((data.get("cong_van") or {}).get("ngay") or hop["ngay"])
            assert day >= vi.parse_date(hop["ngay"])
            assert f"{u['ten']}, ngày {day.day} tháng {day.month} năm {day.year}" in text
            assert signers(path) == [u["dai_dien"]["ho_ten"]]  # the commune's head, once
            assert not lint_file(path).findings, [str(x) for x in lint_file(path).findings]
            made += 1
    assert made == 6  # Đông Anh Cụm 1 (Cổ Loa, Uy Nỗ), Cụm 2 (2), Gia Lâm Cụm 1 (1), Cụm 2 (1)


def test_the_bang_khen_nominee_keeps_its_report_and_a_commune_in_both_lists_gets_two(built):
    folder = built[DONG_ANH.resolve()].folder
    bang, giay = docx_text(folder / BK.format("co-loa")), docx_text(folder / GK.format("co-loa"))
    assert "BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Bằng khen của Chủ tịch UBND Thành phố\n" in bang
    assert "Giấy khen" not in bang
    assert ("Cụm bình xét là đơn vị xuất sắc, tiêu biểu của Cụm, đề nghị UBND huyện Đông Anh xét, đề nghị Chủ tịch "
            "UBND thành phố Hà Nội tặng Bằng khen (8/8 thành viên tán thành).") in bang
    assert "Cụm đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen (8/8 thành viên tán thành)." in giay
    for text in (bang, giay):  # the same facts in both, only the award differs
        assert "UBND xã Cổ Loa đạt 93,5 điểm (chín mươi ba phẩy năm điểm), xếp loại A, xếp thứ 1/4 đơn vị" in text
    uy_no = docx_text(folder / GK.format("uy-no"))
    assert "UBND xã Uy Nỗ đạt 89 điểm (tám mươi chín điểm), xếp loại A, xếp thứ 2/4 đơn vị trong Cụm" in uy_no
    assert signers(folder / GK.format("uy-no")) == ["Trần Văn Bình"]
    assert not (folder / BK.format("uy-no")).exists()  # Uy Nỗ is not the Bằng khen's nominee


def collective_files(data) -> list[tuple[str, str]]:
    """(file, Mục lục title) of each collective report, in the expected filing order."""
    out = [(GK.format(vi.slug(unit(data, g["don_vi"])["ten"])),
            f"Báo cáo thành tích đề nghị tặng Giấy khen của {ubnd(data, g['don_vi'])}")
           for g in data["hop_cum"].get("giay_khen_tap_the") or []]
    nominee = data["hop_cum"].get("de_nghi_tap_the")
    if nominee:
        out.append((BK.format(vi.slug(unit(data, nominee["don_vi"])["ten"])),
                    f"Báo cáo thành tích đề nghị tặng Bằng khen của {ubnd(data, nominee['don_vi'])}"))
    return out


def test_filed_giay_khen_then_bang_khen_then_individuals_in_the_manifest_and_the_index(built):
    for b in built.values():
        data = reader.load_file(b.source).data
        manifest = json.loads((b.folder / "manifest.json").read_text(encoding="utf-8"))
        names = [d["tep"] for d in manifest["van_ban"]]
        titles = [d["ten"] for d in manifest["van_ban"]]
        expected = collective_files(data)
        people = [n for n in names if n.startswith("bao-cao-thanh-tich-ca-nhan-")]
        at = names.index("bao-cao-ket-qua-cum.docx")
        assert names[at + 1:] == [f for f, _ in expected] + people, b.source  # the dossier's last papers
        assert [titles[names.index(f)] for f, _ in expected] == [t for _, t in expected]
        index = docx_text(b.folder / context_index.FILE_NAME)
        where = [index.index(t) for _, t in expected]
        assert where == sorted(where), b.source
        if people:
            assert index.index("Báo cáo thành tích của cá nhân:") > where[-1]


def test_the_letter_names_each_awards_reports(built):
    for b in built.values():
        data = reader.load_file(b.source).data
        hop = data["hop_cum"]
        letter = docx_text(b.folder / "cong-van-de-nghi-khen-thuong.docx")
        listed = re.findall(r"^- (Báo cáo thành tích .*)[;.]$", letter, re.M)
        want = ["Báo cáo thành tích đề nghị tặng Giấy khen của "
                + ", ".join(ubnd(data, g["don_vi"]) for g in hop["giay_khen_tap_the"]),
                f"Báo cáo thành tích đề nghị tặng Bằng khen của {ubnd(data, hop['de_nghi_tap_the']['don_vi'])}"]
        n = len(hop.get("de_nghi_ca_nhan") or [])
        want += [f"Báo cáo thành tích của {n:02d} cá nhân được đề nghị khen thưởng"] if n else []
        assert listed == want, (b.source, listed)
    letter = docx_text(built[DONG_ANH.resolve()].folder / "cong-van-de-nghi-khen-thuong.docx")
    assert ("- Báo cáo thành tích đề nghị tặng Giấy khen của UBND xã Cổ Loa, UBND xã Uy Nỗ;\n"
            "- Báo cáo thành tích đề nghị tặng Bằng khen của UBND xã Cổ Loa;\n"
            "- Báo cáo thành tích của 02 cá nhân được đề nghị khen thưởng.") in letter


def test_the_districts_giay_khen_lists_exactly_the_collectives_whose_reports_are_attached(built, tmp_path):
    """Phòng Nội vụ's Tờ trình says 'Báo cáo thành tích của các tập thể, cá nhân được đề nghị' is attached:
    each collective in its list has its Giấy khen report in its cluster's dossier, and no other."""
    for district in (DONG_ANH_DIR, GIA_LAM_DIR):
        reported = sorted(re.search(r"Tên tập thể đề nghị: Ủy ban nhân dân (.*?), huyện", docx_text(f))[1]
                          for b in built.values() if b.source.parent == district.resolve()
                          for f in b.files if f.name.startswith("bao-cao-thanh-tich-giay-khen-"))
        made = upper_levels.build_district(district, tmp_path / district.name)
        doc = next(f for f in made.files if f.name == "to-trinh-de-nghi-giay-khen.docx")
        assert "Báo cáo thành tích của các tập thể, cá nhân được đề nghị;" in docx_text(doc)
        listed = sorted(r[1].removeprefix("UBND ") for r in table_rows(doc, 1) if r[0].isdigit())
        assert listed == reported and listed, district.name


def test_two_tiers_make_the_bang_khen_report_only(tmp_path):
    """2025: no district, so no Giấy khen (validation refuses giay_khen_tap_the): each ward's Bằng khen report."""
    for b in batch.build([INPUTS / "2025"], tmp_path):
        data = reader.load_file(b.source).data
        assert not [f for f in b.files if f.name.startswith("bao-cao-thanh-tich-giay-khen-")]
        assert [f for f, _ in collective_files(data)] == [f.name for f in b.files if f.name.startswith(
            "bao-cao-thanh-tich-") and not f.name.startswith("bao-cao-thanh-tich-ca-nhan-")]
    folder = next(b.folder for b in batch.build([CUM_2025], tmp_path / "one"))
    letter = docx_text(folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "- Báo cáo thành tích đề nghị tặng Bằng khen của UBND phường Hoàn Kiếm." in letter
    assert "Giấy khen" not in letter


@pytest.mark.libreoffice
def test_the_combined_pdf_prints_them_in_filing_order(dong_anh_pdf):
    folder, pages = dong_anh_pdf

    def first(*marks):
        return next(i for i, t in enumerate(pages) if all(m in t for m in marks))
    gk_co_loa = first("Đề nghị tặng Giấy khen", "Tên tập thể đề nghị: Ủy ban nhân dân xã Cổ Loa")
    gk_uy_no = first("Đề nghị tặng Giấy khen", "Tên tập thể đề nghị: Ủy ban nhân dân xã Uy Nỗ")
    bk_co_loa = first("Đề nghị tặng Bằng khen", "Tên tập thể đề nghị: Ủy ban nhân dân xã Cổ Loa")
    huong = first("Họ và tên: Ngô Thị Hương")
    own = {n: len(PdfReader(folder / n.replace(".docx", ".pdf")).pages)
           for n in (GK.format("co-loa"), GK.format("uy-no"), BK.format("co-loa"))}
    # each straight after the one before, nothing between
    assert gk_uy_no - gk_co_loa == own[GK.format("co-loa")]
    assert bk_co_loa - gk_uy_no == own[GK.format("uy-no")]
    assert huong - bk_co_loa == own[BK.format("co-loa")]
