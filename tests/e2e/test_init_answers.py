"""Interactive `docgen init`: each answer is checked as it is typed and asked again with the reason; a
two-tier plan asks for no district; the file written is one `validate` accepts (only blanks left to fill).

Answers are piped (CliRunner input=) with the keyboard check switched on, so that the whole dialogue
runs in the test process; test_init.py also runs it on a real pseudo-terminal."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import PLAN_2017, PLAN_2025

from docgen.cli import init as cli_init
from docgen.cli import main
from docgen.errors import Incomplete
from docgen.levels import cluster
from docgen.load import reader


@pytest.fixture(autouse=True)
def keyboard(monkeypatch):
    monkeypatch.setattr(cli_init, "_interactive", lambda: True)


def dialogue(tmp_path, answers: list[str], *args) -> tuple[int, str]:
    result = CliRunner().invoke(main.cli, ["init", *args], input="\n".join(answers) + "\n", prog_name="docgen")
    return result.exit_code, result.output


def only_blanks_left(path):
    """The file validates: nothing but the to-do list of blanks, no error."""
    with pytest.raises(Incomplete) as e:
        cluster.check_cluster(path)
    assert e.value.errors == [], [i.format() for i in e.value.errors]
    return e.value


def test_each_wrong_answer_is_asked_again_at_once_with_its_reason(tmp_path):
    out = tmp_path / "cum.yaml"
    code, shown = dialogue(tmp_path, [
        str(tmp_path / "khong-co.yaml"), str(PLAN_2017),   # a plan file that does not exist, then the right one
        "   ", "Sóc Sơn",                                   # only spaces typed for the district
        "Cụm số 3",
        "Phù Linh", "xã Phù Linh", "", "Tiên Dược", "", "thị trấn Sóc Sơn", "",  # a repeat; too few, twice
        "Mai Đình", "Tiên Dược",                            # a leader not in the list, then one that is
    ], "-o", str(out))
    assert code == 0, shown
    steps = shown.split("\n")
    missing = next(i for i, s in enumerate(steps) if "không tìm thấy tệp" in s)
    assert "Chưa đúng:" in steps[missing] and steps[missing + 1].startswith("Tệp Kế hoạch")
    assert "Chưa đúng: chưa nhập gì." in shown
    assert "'xã Phù Linh' đã có trong danh sách ('Phù Linh')" in shown
    assert shown.count("Chưa đủ: theo Kế hoạch mỗi Cụm có ít nhất 3 đơn vị") == 2
    assert "Chưa đúng: 'Mai Đình' không phải một trong các đơn vị: Phù Linh, Tiên Dược, Sóc Sơn." in shown
    data = reader.load_file(out).data
    assert [u["ten"] for u in data["don_vi"]] == ["Phù Linh", "Tiên Dược", "Sóc Sơn"]
    assert data["cum"]["cum_truong"] == "tien-duoc"
    only_blanks_left(out)


def test_the_list_stops_at_the_most_the_plan_allows(tmp_path):
    out = tmp_path / "cum.yaml"
    code, shown = dialogue(tmp_path, [str(PLAN_2017), "Sóc Sơn", "Cụm số 3", "Phù Linh", "Tiên Dược", "Thanh Xuân",
                                      "Mai Đình", ""], "-o", str(out))
    assert code == 0 and "Đã đủ 4 đơn vị (nhiều nhất theo Kế hoạch)." in shown, shown
    assert "Đơn vị thứ 5" not in shown
    only_blanks_left(out)


def test_a_two_tier_plan_asks_no_district_and_writes_a_file_that_validates(tmp_path):
    out = tmp_path / "cum.yaml"
    code, shown = dialogue(tmp_path, [str(PLAN_2025), "Cụm số 5", "Cửa Nam", "phường Ba Đình", "Hoàn Kiếm", "", ""],
                           "-o", str(out), "--loai-xa", "phường")
    assert code == 0, shown
    assert "huyện" not in shown.split("Tên Cụm")[0]  # no district question
    data = reader.load_file(out).data
    assert "huyen" not in data and data["cum"]["cum_truong"] == "hoan-kiem"
    assert "thành phố Hà Nội" in out.read_text(encoding="utf-8").splitlines()[1]
    todo = only_blanks_left(out)
    assert not any("huyen" in i.pointer for i in todo.todo)


def test_without_a_keyboard_the_plan_decides_what_is_needed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli_init, "_interactive", lambda: False)

    def run(*args):
        code = main.main(["init", *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    common = ["--cum", "Cụm số 5", "--xa", "Cửa Nam", "--xa", "Ba Đình", "--xa", "Hoàn Kiếm", "--loai-xa", "phường"]
    code, shown = run("--plan", str(PLAN_2025), *common, "-o", str(tmp_path / "a.yaml"))
    assert code == 0, shown
    only_blanks_left(tmp_path / "a.yaml")
    code, shown = run("--plan", str(PLAN_2025), "--huyen", "Đông Anh", *common, "-o", str(tmp_path / "b.yaml"))
    assert code == 1 and "hai cấp: không còn cấp huyện" in shown and "Bỏ --huyen" in shown
    code, shown = run("--plan", str(PLAN_2017), "--huyen", "Sóc Sơn", "--cum", "Cụm 3", "--xa", "Phù Linh",
                      "-o", str(tmp_path / "c.yaml"))
    assert code == 1 and "mỗi Cụm có từ 3 đến 4 đơn vị" in shown and "ở đây có 1" in shown
    assert not (tmp_path / "b.yaml").exists() and not (tmp_path / "c.yaml").exists()
