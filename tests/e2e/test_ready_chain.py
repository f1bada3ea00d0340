"""Ready to sign, the award chain: who signs, what the meetings proposed and voted, what each level forwards."""
from __future__ import annotations

from pathlib import Path

from conftest import CUM_2025, DONG_ANH_DIR, GIA_LAM_DIR, copy_district, copy_yaml, docx_text, unit, warnings_of
from docx import Document

from docgen.errors import ValidationFailed
from docgen.levels import cluster as levels_cluster
from docgen.levels import district
from docgen.pipeline import upper_levels


ROLES = ("THƯ KÝ", "CHỦ TRÌ", "TRƯỞNG", "CHỦ TỊCH", "GIÁM ĐỐC", "ĐẠI DIỆN", "NGƯỜI LẬP", "NGƯỜI BÁO CÁO")


def signers(path: Path) -> list[str]:
    """The names under the signature blocks: in each table cell holding a role in capitals (THƯ KÝ, TRƯỞNG
    ĐOÀN, CHỦ TỊCH, GIÁM ĐỐC…) above a name, that name (its last line); where the names sit in a row of their
    own (the personal achievement report), the name in the same column of the next row. Headers and Nơi
    nhận are not signatures."""
    def lines_of(cell):
        return [p.text.strip() for p in cell.paragraphs if p.text.strip()]

    def is_name(line):
        return line != line.upper() and not line.startswith(("Số:", "(", "-"))

    def has_role(lines):
        return any(line == line.upper() and any(r in line for r in ROLES) for line in lines)

    names = []
    for table in Document(str(path)).tables:
        rows = [list({id(c._tc): c for c in row.cells}.values()) for row in table.rows]
        for i, cells in enumerate(rows):
            for j, cell in enumerate(cells):
                lines = lines_of(cell)
                if len(lines) >= 2 and is_name(lines[-1]) and has_role(lines[:-1]):
                    names.append(lines[-1])
                elif lines and has_role(lines) and not is_name(lines[-1]) and i + 1 < len(rows) \
                        and j < len(rows[i + 1]):
                    below = lines_of(rows[i + 1][j])
                    if len(below) == 1 and is_name(below[0]):
                        names.append(below[0])
    return names


def every_sample_document(built, chain_built) -> list[Path]:
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    return files + [f for fs in chain_built.values() for f in fs]


# --- Who signs ---------------------------------------------------------------------------------


def test_nobody_signs_one_document_twice_in_any_sample(built, chain_built):
    twice = {}
    checked = 0
    for f in every_sample_document(built, chain_built):
        names = [n for n in signers(f) if n != "……"]
        checked += bool(names)
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            twice[f"{f.parent.name}/{f.name}"] = dup
    assert checked > 60  # the scan reads the signatures of (nearly) every kind
    assert not twice, twice


def test_the_leader_commune_is_represented_by_its_vice_chairman_in_its_own_minutes(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    names = signers(folder / "bien-ban-kiem-tra-co-loa.docx")
    assert names == ["Đặng Văn Hùng", "Ngô Thị Hương", "Nguyễn Văn An"]  # unit, secretary, head of the team
    assert signers(folder / "bien-ban-kiem-tra-uy-no.docx")[0] == "Trần Văn Bình"  # a member: its own leader


def test_the_cluster_file_may_name_the_unit_signer_but_not_the_head_of_the_team(tmp_path):
    def named(who):
        def change(data):
            unit(data, "co-loa")["ky_bien_ban"] = who
        return change
    with_head = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "a.yaml", named("Nguyễn Văn An"))
    try:
        levels_cluster.check_cluster(with_head)
        raise AssertionError("the head of the team named as the unit's signer was accepted")
    except ValidationFailed as e:
        assert any("Trưởng đoàn" in i.message and i.pointer == "don_vi[3].ky_bien_ban" for i in e.issues)
    stranger = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", named("Người Lạ"))
    try:
        levels_cluster.check_cluster(stranger)
        raise AssertionError("a signer who did not attend was accepted")
    except ValidationFailed as e:
        assert any("không có trong thành phần" in i.message for i in e.issues)

    def no_deputy(data):
        unit(data, "co-loa").pop("thanh_phan_khac")
    alone = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "c.yaml", no_deputy)
    assert any("ky_bien_ban" in w.message for w in warnings_of(alone))


def test_the_city_report_is_signed_by_the_person_the_plan_file_names(chain_built):
    report = next(f for f in chain_built["thanh-pho-2017"] if f.name == "bao-cao-tong-hop-thanh-pho.docx")
    text = docx_text(report)
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in text and signers(report)[-1] == "Trần Thị Hạnh"
    report = next(f for f in chain_built["thanh-pho-2025"] if f.name == "bao-cao-tong-hop-thanh-pho.docx")
    assert signers(report)[-1] == "Lê Quang Tuấn"


# --- The award chain, commune → cluster → district → city ----------------------------------------


def _doc(files, name) -> str:
    return docx_text(next(f for f in files if f.name == name))


def test_the_cluster_minutes_name_the_districts_giay_khen_and_the_one_commune_for_the_bang_khen(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    text = docx_text(folder / "bien-ban-hop-cum.docx")
    assert "a) Đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen:" in text
    assert ("- Tập thể: UBND xã Cổ Loa (93,5 điểm, xếp loại A): 8/8 thành viên tán thành; UBND xã Uy Nỗ (89 điểm, "
            "xếp loại A): 8/8 thành viên tán thành;") in text
    assert ("b) Đơn vị xuất sắc, tiêu biểu của Cụm, đề nghị UBND huyện Đông Anh xét, đề nghị Chủ tịch UBND thành phố "
            "Hà Nội tặng Bằng khen: UBND xã Cổ Loa (93,5 điểm, xếp loại A): 8/8 thành viên tán thành.") in text
    letter = docx_text(folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "1. Đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen:" in letter and "tặng Bằng khen: UBND xã Cổ Loa" in letter
    report = docx_text(folder / "bao-cao-ket-qua-cum.docx")
    assert "tặng Bằng khen: UBND xã Cổ Loa (93,5 điểm, xếp loại A)." in report
    achievement = docx_text(folder / "bao-cao-thanh-tich-co-loa.docx")
    assert "Đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố" in achievement and "Giấy khen" not in achievement


def test_no_document_of_a_district_says_ubnd_cap_huyen(built, chain_built):
    """The plan is written for every district ("UBND cấp huyện"); each dossier names its own."""
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    files += chain_built["huyen-dong-anh"] + chain_built["huyen-gia-lam"]
    said = [f"{f.parent.name}/{f.name}" for f in files if "cấp huyện" in docx_text(f)]
    assert not said


def test_giay_khen_goes_only_to_class_a_communes_and_not_in_two_tier_years(tmp_path):
    def class_b(data):
        data["hop_cum"]["giay_khen_tap_the"].append({"don_vi": "viet-hung", "so_phieu_tan_thanh": 8})
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", class_b)
    try:
        levels_cluster.check_cluster(f)
        raise AssertionError("a class-B commune proposed for a collective Giấy khen was accepted")
    except ValidationFailed as e:
        assert any(i.pointer == "hop_cum.giay_khen_tap_the[2].don_vi" and "loại A" in i.message for i in e.issues)

    def two_tier(data):
        data["hop_cum"]["giay_khen_tap_the"] = [{"don_vi": "hoan-kiem"}]
    f = copy_yaml(CUM_2025, tmp_path / "c.yaml", two_tier)
    try:
        levels_cluster.check_cluster(f)
        raise AssertionError("a district Giấy khen in a two-tier year was accepted")
    except ValidationFailed as e:
        assert any(i.pointer == "hop_cum.giay_khen_tap_the" and "hai cấp" in i.message for i in e.issues)


def test_the_district_letter_says_what_each_clusters_minutes_proposed_and_asks_the_chairman(chain_built):
    letter = _doc(chain_built["huyen-dong-anh"], "cong-van-de-nghi-bang-khen.docx")
    assert "đề nghị 2 đơn vị" not in letter
    assert ("Cụm số 1 đề nghị UBND xã Cổ Loa (93,5 điểm, xếp loại A, theo Biên bản họp Cụm ngày 12/10/2017); Cụm số 2 "
            "đề nghị UBND thị trấn Đông Anh (93,5 điểm, xếp loại A, theo Biên bản họp Cụm ngày 19/10/2017).") in letter
    assert "Kính gửi: Chủ tịch UBND thành phố Hà Nội (qua Sở Nội vụ)." in letter
    assert "kính đề nghị Chủ tịch UBND thành phố Hà Nội xem xét, tặng Bằng khen cho:" in letter
    assert "Báo cáo thành tích của UBND xã Cổ Loa (đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố)." in letter
    report = _doc(chain_built["huyen-dong-anh"], "bao-cao-tong-hop-huyen.docx")
    assert "đã chọn UBND xã Cổ Loa (93,5 điểm, xếp loại A), đơn vị do Cụm số 1 đề nghị" in report


def test_the_city_sums_up_and_submits_to_the_chairman_it_does_not_decide(chain_built):
    for year in ("2017", "2025"):
        text = _doc(chain_built[f"thanh-pho-{year}"], "bao-cao-tong-hop-thanh-pho.docx")
        assert "Sở Nội vụ tổng hợp, kính trình Chủ tịch UBND thành phố Hà Nội tặng Bằng khen cho 02 tập thể" in text
        assert "xem xét, quyết định" not in text and "kính trình UBND" not in text
    # two tiers: the cluster writes to the Sở, which sums up and submits; it does not decide
    letters = [f for f in chain_built["cum-2025"] if f.name == "cong-van-de-nghi-khen-thuong.docx"]
    assert len(letters) == 2
    for f in letters:
        text = docx_text(f)
        assert "Kính đề nghị Sở Nội vụ thành phố Hà Nội tổng hợp, trình Chủ tịch UBND thành phố Hà Nội xem xét" in text
        assert "tổng hợp, trình Chủ tịch UBND thành phố Hà Nội tặng Bằng khen: UBND phường" in text


# --- What the meeting did: adjustments and votes ------------------------------------------------


def test_the_minutes_record_an_adjusted_score_its_reason_and_its_vote(built):
    text = docx_text(built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder / "bien-ban-hop-cum.docx")
    assert "thống nhất với kết quả chấm điểm của Đoàn" not in text  # Uy Nỗ's content 4 was changed
    assert ("- UBND xã Uy Nỗ, Nội dung 4 (Công tác lưu trữ): Đoàn chấm 26 điểm, Cụm thống nhất 26,5 điểm; lý do: "
            "đơn vị đã hoàn thành Mục lục hồ sơ lưu trữ năm 2016 sau buổi kiểm tra; 8/8 thành viên tán thành.") in text
    other = docx_text(built[(DONG_ANH_DIR / "cum-so-2.yaml").resolve()].folder / "bien-ban-hop-cum.docx")
    assert "thống nhất với kết quả chấm điểm của Đoàn kiểm tra, không điều chỉnh điểm." in other  # nothing changed


def test_an_adjustment_without_its_reason_warns_and_one_without_a_change_is_an_error(tmp_path):
    def unexplained(data):
        data["hop_cum"].pop("dieu_chinh_diem")
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "a.yaml", unexplained)
    assert any("hop_cum.dieu_chinh_diem" in w.message and w.pointer == "don_vi[0].diem.thong_nhat"
               for w in warnings_of(f))

    def phantom(data):
        data["hop_cum"]["dieu_chinh_diem"].append({"don_vi": "co-loa", "noi_dung": 1, "ly_do": "x"})
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", phantom)
    try:
        levels_cluster.check_cluster(f)
        raise AssertionError("an adjustment of an unchanged score was accepted")
    except ValidationFailed as e:
        assert any(i.pointer == "hop_cum.dieu_chinh_diem[1]" for i in e.issues)


def test_a_secret_ballot_is_counted_in_ballots_a_show_of_hands_in_members(built):
    ballot = docx_text(built[(GIA_LAM_DIR / "cum-so-2.yaml").resolve()].folder / "bien-ban-hop-cum.docx")
    assert "bằng hình thức bỏ phiếu kín" in ballot and "/6 phiếu tán thành" in ballot
    assert "thành viên tán thành" not in ballot
    hands = docx_text(built[(GIA_LAM_DIR / "cum-so-1.yaml").resolve()].folder / "bien-ban-hop-cum.docx")
    assert "8/8 thành viên tán thành" in hands and "phiếu tán thành" not in hands


def test_the_district_council_counts_its_voting_members_not_its_secretary(tmp_path, chain_built):
    minutes = _doc(chain_built["huyen-gia-lam"], "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "giơ tay: 3/3 thành viên tán thành" in minutes  # the chair and two members; the secretary writes

    def secretary_counted(d):
        d["hoi_dong"]["thanh_vien"] = d["hoi_dong"]["thanh_vien"][:1]  # chair + 1 member, 3 voters claimed
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gl", secretary_counted)
    try:
        district.check_district(folder)
        raise AssertionError("a vote counting the secretary was accepted")
    except ValidationFailed as e:
        assert any(i.pointer == "hoi_dong.so_nguoi_bieu_quyet" and "Thư ký" in i.message for i in e.issues)

    def unstated(d):
        d["hoi_dong"].pop("so_nguoi_bieu_quyet")
    folder = copy_district(DONG_ANH_DIR, tmp_path / "da", unstated)
    out = upper_levels.build_district(folder, tmp_path / "out")
    assert "bỏ phiếu kín: 3/4 phiếu tán thành" in docx_text(out.folder / "bien-ban-hop-hoi-dong-thi-dua.docx")


# --- What a minutes must say; what a report concludes --------------------------------------------


def test_every_minutes_says_how_many_copies_and_who_keeps_them(built, chain_built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    member = docx_text(folder / "bien-ban-kiem-tra-uy-no.docx")
    assert ("Biên bản được lập thành 03 bản có giá trị như nhau: UBND xã Uy Nỗ giữ 01 bản, đơn vị Cụm trưởng (UBND xã "
            "Cổ Loa) giữ 01 bản, 01 bản gửi kèm Báo cáo kết quả về UBND huyện Đông Anh (qua Phòng Nội vụ)./.") in member
    assert "lập thành 02 bản" in docx_text(folder / "bien-ban-kiem-tra-co-loa.docx")  # the leader keeps one for both
    assert ("lập thành 05 bản có giá trị như nhau: mỗi đơn vị trong Cụm giữ 01 bản, 01 bản gửi kèm Báo cáo kết quả "
            "về UBND huyện Đông Anh (qua Phòng Nội vụ)./.") in docx_text(folder / "bien-ban-hop-cum.docx")
    council = _doc(chain_built["huyen-dong-anh"], "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "lập thành 02 bản có giá trị như nhau: 01 bản gửi kèm hồ sơ đề nghị khen thưởng về Sở Nội vụ" in council
    two_tier = [f for f in chain_built["cum-2025"] if f.name.startswith("bien-ban-")]
    assert two_tier and all("Biên bản được lập thành" in docx_text(f) for f in two_tier)
    assert all("về Sở Nội vụ thành phố Hà Nội./." in docx_text(f) for f in two_tier)


def test_the_cluster_report_assesses_the_contents_and_recommends_not_copies_the_meeting(built):
    text = docx_text(built[(DONG_ANH_DIR / "cum-so-2.yaml").resolve()].folder / "bao-cao-ket-qua-cum.docx")
    # by hand, agreed scores of Đông Anh 93,5 / Nguyên Khê 85 / Tiên Dương 71 / Vân Nội 45, content 6: 26/40 = 65%
    assert ("thấp nhất là Nội dung 6 (ứng dụng khoa học công nghệ và công nghệ thông tin), bình quân đạt 65%.") in text
    assert "- Nội dung 5: bình quân 7,13/10 điểm (71,3%); chưa có đơn vị nào đạt điểm tối đa." in text
    part = text.split("IV. KIẾN NGHỊ, ĐỀ XUẤT")[1]
    assert "Các đơn vị thống nhất với kết quả chấm điểm" not in part
    assert "Đề nghị UBND huyện Đông Anh quan tâm hướng dẫn, hỗ trợ các đơn vị trong Cụm nâng cao kết quả Nội dung 6" in part
    assert "chỉ đạo UBND xã Vân Nội (xếp loại D) khắc phục" in part
    own = docx_text(built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder / "bao-cao-ket-qua-cum.docx")
    assert "- Đề nghị UBND huyện Đông Anh hỗ trợ kinh phí chỉnh lý tài liệu tồn đọng" in own  # bao_cao.kien_nghi
    # contents 1 and 7 both at 85% (17/20 and 17/20 points): the tie is said, not broken
    assert "tốt nhất Nội dung 1 (công tác tuyên truyền" in own and "lưu trữ) và Nội dung 7 (thực hiện chế độ" in own


# --- The whole chain in the samples: the city's Tờ trình ----------------------------------------


def test_the_sos_to_trinh_submits_the_districts_choices_to_the_chairman(chain_built):
    from docgen import lint
    for year, rows in (("2017", [["1", "UBND xã Cổ Loa", "Huyện Đông Anh", "93,5", "A"],
                                 ["2", "UBND thị trấn Trâu Quỳ", "Huyện Gia Lâm", "89,5", "A"]]),
                       ("2025", [["1", "UBND phường Hoàn Kiếm", "Cụm số 1", "95", "A"],
                                 ["2", "UBND phường Giảng Võ", "Cụm số 2", "87", "A"]])):
        f = next(f for f in chain_built[f"thanh-pho-{year}"] if f.name == "to-trinh-de-nghi-bang-khen.docx")
        assert lint.lint_file(f).kind == "to_trinh" and lint.lint_file(f).findings == []
        text = docx_text(f)
        assert "TỜ TRÌNH" in text and "Kính gửi: Chủ tịch UBND thành phố Hà Nội." in text
        assert "Sở Nội vụ kính trình Chủ tịch UBND thành phố Hà Nội xem xét, tặng Bằng khen cho 02 tập thể" in text
        assert "Số:       /TTr-SNV" in text
        body = [[c.text for c in r.cells] for r in Document(str(f)).tables[1].rows]
        assert body[1:] == rows
    # Đông Anh: two clusters proposed Cổ Loa and thị trấn Đông Anh (93,5 each); the council chose Cổ Loa
    council = _doc(chain_built["huyen-dong-anh"], "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "UBND xã Cổ Loa" in council and "UBND thị trấn Đông Anh" in council


def test_the_district_report_names_its_own_kind_of_district(tmp_path):
    """A thị xã's report says 'tiêu biểu nhất của thị xã', never 'của huyện'."""
    def town(data):
        data["huyen"]["loai"] = "thị xã"
    folder = copy_district(DONG_ANH_DIR, tmp_path / "da", town, {"cum-so-1.yaml": town, "cum-so-2.yaml": town})
    out = upper_levels.build_district(folder, tmp_path / "out")
    report = docx_text(out.folder / "bao-cao-tong-hop-huyen.docx")
    assert "là tập thể xuất sắc, tiêu biểu nhất của thị xã; UBND thị xã Đông Anh đề nghị" in report
    assert "của huyện" not in report
