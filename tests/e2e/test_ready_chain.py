"""Ready to sign, the award chain: who signs, what the meetings proposed and voted, what each level forwards."""
from __future__ import annotations

from pathlib import Path

from conftest import DONG_ANH_DIR, copy_yaml, docx_text, unit, warnings_of
from docx import Document

from docgen.errors import ValidationFailed
from docgen.levels import cluster as levels_cluster


ROLES = ("THƯ KÝ", "CHỦ TRÌ", "TRƯỞNG", "CHỦ TỊCH", "GIÁM ĐỐC", "ĐẠI DIỆN", "NGƯỜI LẬP")


def signers(path: Path) -> list[str]:
    """The names under the signature blocks: in each table cell holding a role in capitals (THƯ KÝ, TRƯỞNG
    ĐOÀN, CHỦ TỊCH, GIÁM ĐỐC…) above a name, that name (its last line). Headers and Nơi nhận are not signatures."""
    names = []
    for table in Document(str(path)).tables:
        for row in table.rows:
            for cell in {id(c._tc): c for c in row.cells}.values():
                lines = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
                if len(lines) < 2 or lines[-1] == lines[-1].upper() or lines[-1].startswith(("Số:", "(", "-")):
                    continue
                if any(line == line.upper() and any(r in line for r in ROLES) for line in lines[:-1]):
                    names.append(lines[-1])
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
