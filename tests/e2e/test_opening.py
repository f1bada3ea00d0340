"""The district's opening documents (plan IV.4.b–d): Kế hoạch triển khai, Quyết định thành lập Cụm và Đoàn
kiểm tra, Quyết định thành lập Đoàn giám sát; made from the samples, and from cluster files without scores."""
from __future__ import annotations

import json

import pytest
from conftest import DONG_ANH_DIR, GIA_LAM_DIR, copy_district, docx_text, table_rows

from docgen import lint
from docgen.cli import main
from docgen.pipeline import upper_levels

OPENING = ["ke-hoach-trien-khai-huyen.docx", "quyet-dinh-thanh-lap-cum.docx",
           "quyet-dinh-thanh-lap-doan-giam-sat.docx"]
CLOSING = ["bien-ban-hop-hoi-dong-thi-dua.docx", "cong-van-de-nghi-bang-khen.docx", "bao-cao-tong-hop-huyen.docx"]


def _names_only(data):
    """A cluster file as it is in August: the communes and their people, nothing else."""
    for key in ("hop_cum", "cong_van"):
        data.pop(key, None)
    for u in data["don_vi"]:
        for key in list(u):
            if key not in ("ma", "ten", "loai", "dai_dien", "cong_chuc_vptk"):
                del u[key]


def _no_council(data):
    for key in ("hoi_dong", "de_nghi", "kien_nghi", "cong_van"):
        data.pop(key, None)


@pytest.fixture(scope="module")
def dong_anh(tmp_path_factory):
    return upper_levels.build_district(DONG_ANH_DIR, tmp_path_factory.mktemp("opening")).folder


def test_decision_lists_each_cluster_its_leader_and_team_from_the_cluster_files(dong_anh):
    qd = dong_anh / "quyet-dinh-thanh-lap-cum.docx"
    text = docx_text(qd)
    assert "Số: 2150/QĐ-UBND" in text and "Đông Anh, ngày 18 tháng 8 năm 2017" in text
    assert "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH" in text
    assert "Điều 1. Thành lập 02 Cụm thi đua" in text and "(08 đơn vị)" in text
    assert "(Kèm theo Quyết định số 2150/QĐ-UBND ngày 18/8/2017 của UBND huyện Đông Anh)" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Nguyễn Hữu Quang" in text  # nguoi_ky of huyen.yaml, a Chủ tịch
    rows = table_rows(qd, 2)  # the header, the recipients and signature, then the list
    assert rows[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị", "Nhiệm vụ trong Đoàn"]
    assert rows[1][0].startswith("Cụm số 1. Đơn vị Cụm trưởng: UBND xã Cổ Loa")
    assert "UBND xã Uy Nỗ, UBND xã Việt Hùng, UBND xã Dục Tú, UBND xã Cổ Loa" in rows[1][0]
    # the leader's Chairman heads the team, its VP-TK officer is the secretary, then two per member commune
    assert rows[2] == ["1", "Nguyễn Văn An", "Chủ tịch UBND xã Cổ Loa", "Trưởng đoàn"]
    assert rows[3] == ["2", "Ngô Thị Hương", "Công chức Văn phòng - Thống kê UBND xã Cổ Loa", "Thư ký"]
    assert rows[4] == ["3", "Trần Văn Bình", "Phó Chủ tịch UBND xã Uy Nỗ", "Thành viên"]
    assert len([r for r in rows if r[3] == "Trưởng đoàn"]) == 2
    assert rows[10][0].startswith("Cụm số 2. Đơn vị Cụm trưởng: UBND thị trấn Đông Anh")
    assert rows[-1][0] == "Tổng số: 02 Cụm, 08 đơn vị, 16 thành viên Đoàn kiểm tra"


def test_district_plan_has_the_clusters_the_contents_and_the_deadlines(dong_anh):
    kh = dong_anh / "ke-hoach-trien-khai-huyen.docx"
    text = docx_text(kh)
    assert "Số: 95/KH-UBND" in text and "Đông Anh, ngày 15 tháng 8 năm 2017" in text
    assert "08 đơn vị của huyện Đông Anh tham gia kiểm tra chéo, chia thành 02 Cụm thi đua" in text
    assert "Kiểm tra 07 nội dung, thang điểm 100 điểm:" in text
    assert "4. Công tác lưu trữ (30 điểm);" in text
    assert "trước ngày 31/10/2017" in text and "trước ngày 05/11/2017" in text
    rows = table_rows(kh, 1)
    assert rows[1] == ["1", "Cụm số 1", "UBND xã Cổ Loa", "xã Uy Nỗ, xã Việt Hùng, xã Dục Tú, xã Cổ Loa",
                       "10/10/2017 - 11/10/2017"]


def test_supervision_decision_only_where_the_district_names_a_team(dong_anh, tmp_path):
    text = docx_text(dong_anh / "quyet-dinh-thanh-lap-doan-giam-sat.docx")
    assert "Số: 2151/QĐ-UBND" in text
    assert "- Đoàn Thị Thu, Trưởng phòng Nội vụ huyện - Trưởng đoàn;" in text
    assert "- Lê Văn Mạnh, Chánh Văn phòng HĐND và UBND huyện - Thành viên." in text
    assert "thành lập theo Quyết định số 2150/QĐ-UBND ngày 18/8/2017" in text
    gia_lam = upper_levels.build_district(GIA_LAM_DIR, tmp_path).folder  # no doan_giam_sat there
    assert not (gia_lam / OPENING[2]).exists() and (gia_lam / OPENING[1]).exists()


def test_opening_documents_come_first_in_process_order_and_in_the_manifest(dong_anh):
    manifest = json.loads((dong_anh / "manifest.json").read_text(encoding="utf-8"))
    names = [d["tep"] for d in manifest["van_ban"]]
    awards = ["to-trinh-de-nghi-giay-khen.docx", "quyet-dinh-khen-thuong-huyen.docx"]  # after the council
    assert names == ["muc-luc-van-ban.docx"] + OPENING + CLOSING[:1] + awards + CLOSING[1:]
    index = [r[3] for r in table_rows(dong_anh / "muc-luc-van-ban.docx", 1)]  # the Mục lục văn bản, same order
    assert index[1:] == ["Kế hoạch triển khai kiểm tra chéo của UBND huyện Đông Anh",
                         "Quyết định thành lập Cụm thi đua và Đoàn kiểm tra (kèm Danh sách)",
                         "Quyết định thành lập Đoàn giám sát",
                         "Biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng",
                         "Tờ trình của Phòng Nội vụ đề nghị tặng Giấy khen",
                         "Quyết định khen thưởng của Chủ tịch UBND huyện Đông Anh (kèm Danh sách)",
                         "Công văn đề nghị tặng Bằng khen", "Báo cáo kết quả kiểm tra chéo của UBND huyện Đông Anh"]
    text = docx_text(dong_anh / "muc-luc-van-ban.docx")
    assert "PHÒNG NỘI VỤ" in text and "MỤC LỤC VĂN BẢN" in text and "Danh mục" not in text
    rows = {r[3]: r for r in table_rows(dong_anh / "muc-luc-van-ban.docx", 1)}
    assert rows[index[1]][1:5] == ["95/KH-UBND", "15/8/2017", index[1], "UBND huyện Đông Anh"]
    assert rows[index[2]][1:5] == ["2150/QĐ-UBND", "18/8/2017", index[2], "UBND huyện Đông Anh"]
    assert rows[index[4]][2:5] == ["25/10/2017", index[4], "Hội đồng Thi đua - Khen thưởng huyện Đông Anh"]
    assert rows[index[5]][1:5] == ["45/TTr-NV", "26/10/2017", index[5], "Phòng Nội vụ huyện Đông Anh"]


def test_opening_documents_pass_lint(dong_anh):
    assert [f.format() for name in OPENING for f in lint.lint_file(dong_anh / name).findings] == []


def test_cluster_files_with_names_only_make_the_opening_documents_and_exit_4(tmp_path, capsys):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", _no_council,
                           {"cum-so-1.yaml": _names_only, "cum-so-2.yaml": _names_only})
    assert main.main(["district", str(folder), "-o", str(tmp_path / "out")]) == 4
    err = capsys.readouterr().err
    assert "Chưa lập được" in err and "Báo cáo kết quả kiểm tra chéo của cấp huyện" in err
    assert "Cụm số 1 chưa đủ để lập các văn bản sau kiểm tra" in err and "chưa có cuộc họp Thường trực" in err
    out = tmp_path / "out" / "huyen-dong-anh"
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(OPENING + ["muc-luc-van-ban.docx"])
    rows = table_rows(out / "quyet-dinh-thanh-lap-cum.docx", 2)
    assert rows[2] == ["1", "Nguyễn Văn An", "Chủ tịch UBND xã Cổ Loa", "Trưởng đoàn"]
    # no visit written yet: the plan's window stands for the cluster's days
    assert table_rows(out / "ke-hoach-trien-khai-huyen.docx", 1)[1][4] == "01/9/2017 - 31/10/2017"


def test_one_complete_cluster_is_not_enough_for_the_closing_documents(tmp_path):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", None, {"cum-so-2.yaml": _names_only})
    w = upper_levels.build_district(folder, tmp_path / "out")
    assert w.not_yet and not (w.folder / CLOSING[0]).exists()


def test_a_missing_name_blocks_the_decision_and_says_where(tmp_path, capsys):
    def no_leader_name(data):
        _names_only(data)
        data["don_vi"][3]["dai_dien"]["ho_ten"] = ""
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", _no_council, {"cum-so-1.yaml": no_leader_name})
    assert main.main(["district", str(folder), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "cum-so-1.yaml" in err and "họ tên Chủ tịch hoặc Phó Chủ tịch tham gia Đoàn" in err
    assert not (tmp_path / "out").exists()


def test_a_real_error_in_a_partial_cluster_file_is_still_an_error(tmp_path, capsys):
    def bad_score(data):
        data["don_vi"][0]["diem"]["thong_nhat"][0] = 50  # content 1 is out of 5
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", _no_council, {"cum-so-1.yaml": bad_score})
    assert main.main(["district", str(folder), "-o", str(tmp_path / "out")]) == 1


def test_city_over_a_district_without_its_council_says_what_to_fill(tmp_path, capsys):
    copy_district(DONG_ANH_DIR, tmp_path / "in" / "dong-anh", _no_council)
    copy_district(GIA_LAM_DIR, tmp_path / "in" / "gia-lam")
    assert main.main(["city", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert "cần điền mục hoi_dong" in capsys.readouterr().err
