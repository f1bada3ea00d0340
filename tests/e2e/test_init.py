"""`docgen init`: a new cluster file, every field present and explained by the schema; filled, it builds."""
from __future__ import annotations

import copy
import json
import os
import re
import select
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PLAN_2017, ROOT, docx_text

from docgen import vi
from docgen.cli import main
from docgen.errors import Incomplete
from docgen.levels import cluster
from docgen.load import reader
from docgen.validate import schema as validate_schema

XA = ["Phù Linh", "Tiên Dược", "thị trấn Sóc Sơn"]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def init(capsys, out: Path, *extra) -> tuple[int, str, str]:
    args = ["init", "--plan", str(PLAN_2017), "--huyen", "Sóc Sơn", "--cum", "Cụm số 3"]
    for x in XA:
        args += ["--xa", x]
    return run(capsys, *args, "-o", str(out), *extra)


def schema_at(schema: dict, path: tuple) -> dict:
    node = schema
    for part in path:
        node = node["items"] if isinstance(part, int) else node["properties"][part]
    return node


def general(path: tuple) -> str:
    return ".".join("[]" if isinstance(p, int) else p for p in path)


def schema_paths(node: dict, prefix: tuple = ()) -> set[str]:
    out = set()
    for key, sub in node.get("properties", {}).items():
        out.add(general(prefix + (key,)))
        out |= schema_paths(sub, prefix + (key,))
        if "properties" in sub.get("items", {}):
            out |= schema_paths(sub["items"], prefix + (key, 0))
    return out


def comment_above(lines: list[str], index: int) -> str:
    """The '#' lines right above line `index` (0-based), joined into one text."""
    block = []
    i = index - 1
    while i >= 0 and lines[i].lstrip().startswith("#"):
        block.insert(0, lines[i].lstrip()[1:].strip())
        i -= 1
    return " ".join(block)


def test_every_field_is_present_and_explained_by_the_schema(tmp_path, capsys):
    f = tmp_path / "cum" / "cum-so-3.yaml"
    code, out, _ = init(capsys, f)
    assert code == 0, out
    assert f"Đã tạo tệp Cụm: {f}" in out and f"docgen validate {f}" in out
    doc = reader.load_file(f)  # our YAML 1.2 core reader
    schema = validate_schema.schema_for("cum")
    assert {general(p) for p in doc.key_positions} == schema_paths(schema)
    lines = f.read_text(encoding="utf-8").splitlines()
    explained = set()
    for path, (line, _) in doc.key_positions.items():
        node = schema_at(schema, path)
        text = comment_above(lines, line - 1)
        assert node["title"] in text, (path, text)
        leaf = "properties" not in node and "properties" not in node.get("items", {})
        if leaf:  # what to write, with an example (or the choices)
            assert "ví dụ" in text.lower() or "một trong" in text.lower() or "Luôn là" in text, (path, text)
        if general(path) not in explained:  # the first time, the schema's whole description
            explained.add(general(path))
            assert " ".join(node["description"].split()) in text, (path, text)
        if "pattern" in node:  # dates, times and codes are quoted
            assert lines[line - 1].split(":", 1)[1].strip().startswith('"'), lines[line - 1]


def test_paths_in_the_file_are_relative_to_it(tmp_path, capsys):
    f = tmp_path / "a" / "b" / "cum.yaml"
    assert init(capsys, f)[0] == 0
    first = f.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m and not Path(m[1]).is_absolute()
    assert (f.parent / m[1]).resolve() == (ROOT / "schemas" / "cum.schema.json").resolve()
    data = reader.load_file(f).data
    assert not Path(data["ke_hoach"]).is_absolute()
    assert (f.parent / data["ke_hoach"]).resolve() == PLAN_2017.resolve()


def test_defaults_leader_kinds_and_contents(tmp_path, capsys):
    f = tmp_path / "cum.yaml"
    assert init(capsys, f)[0] == 0
    data = reader.load_file(f).data
    assert data["huyen"] == {"ten": "Sóc Sơn", "loai": "huyện", "tinh": "Hà Nội"}
    assert [(u["ma"], u["ten"], u["loai"]) for u in data["don_vi"]] == [
        ("phu-linh", "Phù Linh", "xã"), ("tien-duoc", "Tiên Dược", "xã"), ("soc-son", "Sóc Sơn", "thị trấn")]
    assert data["cum"]["cum_truong"] == "soc-son"  # the last one: the leader is visited last
    assert data["don_vi"][2]["dai_dien"]["chuc_vu"] == "Chủ tịch"  # the leader's Chairman heads the team
    plan = reader.load_file(PLAN_2017).data
    assert [n["noi_dung"] for n in data["don_vi"][0]["nhan_xet"]] == [c["so"] for c in plan["noi_dung"]]

    g = tmp_path / "other.yaml"
    assert init(capsys, g, "--cum-truong", "Tiên Dược", "--loai-huyen", "thị xã", "--tinh", "Hà Tây")[0] == 0
    data = reader.load_file(g).data
    assert data["cum"]["cum_truong"] == "tien-duoc"
    assert data["huyen"]["loai"] == "thị xã" and data["huyen"]["tinh"] == "Hà Tây"


def test_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    f = tmp_path / "cum.yaml"
    f.write_text("# đã điền\n", encoding="utf-8")
    code, _, err = init(capsys, f)
    assert code == 1 and "đã có" in err and "--force" in err
    assert f.read_text(encoding="utf-8") == "# đã điền\n"
    assert init(capsys, f, "--force")[0] == 0
    assert reader.load_file(f).data["loai_tep"] == "cum"


def test_unknown_leader_and_repeated_commune_are_input_errors(tmp_path, capsys):
    code, _, err = init(capsys, tmp_path / "a.yaml", "--cum-truong", "Mai Đình")
    assert code == 1 and "Mai Đình" in err and "Phù Linh" in err
    code, _, err = run(capsys, "init", "--plan", str(PLAN_2017), "--huyen", "Sóc Sơn", "--cum", "Cụm 3",
                       "--xa", "Phù Linh", "--xa", "xã Phù Linh", "-o", str(tmp_path / "b.yaml"))
    assert code == 1 and "hai lần" in err
    assert not (tmp_path / "a.yaml").exists() and not (tmp_path / "b.yaml").exists()


def test_without_a_keyboard_missing_options_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(main.cli, ["init", "--plan", str(PLAN_2017), "-o", str(tmp_path / "c.yaml")])
    assert result.exit_code == 2 and "thiếu --huyen" in result.output
    assert not (tmp_path / "c.yaml").exists()


def answer_at_a_terminal(cmd: list[str], cwd: Path, dialogue: list[tuple[str, str]]) -> tuple[int, str]:
    """Run `cmd` on a pseudo-terminal; wait for each question in turn and type its answer.
    (exit code, everything the terminal showed)."""
    import pty  # POSIX only: imported here so that the file still loads elsewhere

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, *cmd], stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(slave)
    shown, pending = b"", list(dialogue)
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            assert ready, f"docgen init không hỏi tiếp; màn hình:\n{shown.decode('utf-8', 'replace')}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            while pending and pending[0][0].encode() in shown.rsplit(b"\n", 1)[-1]:
                os.write(master, pending.pop(0)[1].encode() + b"\n")
    finally:
        os.close(master)
    return proc.wait(timeout=60), shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_at_a_keyboard_it_asks_in_vietnamese(tmp_path):
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "ke-hoach-2017.yaml").write_bytes(PLAN_2017.read_bytes())
    dialogue = [("Tệp Kế hoạch [inputs/ke-hoach-2017.yaml]", ""), ("Tên quận, huyện, thị xã", "Đông Anh"),
                ("Tên Cụm", "Cụm số 1"), ("Đơn vị thứ 1", "Uy Nỗ"), ("Đơn vị thứ 2", "Việt Hùng"),
                ("Đơn vị thứ 3", "Cổ Loa"), ("Đơn vị thứ 4", ""), ("Đơn vị Cụm trưởng [Cổ Loa]", "")]
    code, shown = answer_at_a_terminal(["-m", "docgen", "init"], tmp_path, dialogue)
    assert code == 0, shown
    f = tmp_path / "inputs" / "2017" / "dong-anh" / "cum-so-1.yaml"  # the default place
    data = reader.load_file(f).data
    assert [u["ten"] for u in data["don_vi"]] == ["Uy Nỗ", "Việt Hùng", "Cổ Loa"]
    assert data["cum"]["cum_truong"] == "co-loa"
    assert data["ke_hoach"] == "../../ke-hoach-2017.yaml"


# ---------------------------------------------------------------- partly filled: "chưa đủ"

NAMES = ["Đinh Văn Tài", "Mạc Thị Loan", "Quách Văn Hải", "Lò Thị Mây", "Vi Văn Đức", "Hà Thị Xuân"]
SCORES = [[5, 14, 23, 28, 9, 9, 5], [4, 10, 18, 20, 6, 6, 4], [3, 8, 12, 15, 5, 4, 3]]


def value_for(pointer: str, names) -> str:
    """What a clerk types for one to-do item (a YAML value)."""
    key = pointer.rsplit(".", 1)[-1]
    unit = int(re.match(r"don_vi\[(\d+)\]", pointer)[1]) if pointer.startswith("don_vi[") else None
    if key in ("tu_cham", "doan_cham", "thong_nhat"):
        return json.dumps(SCORES[unit])
    return {"ho_ten": lambda: json.dumps(next(names), ensure_ascii=False),
            "chuc_vu": lambda: "Phó Chủ tịch",
            "ngay_kiem_tra": lambda: f'"2017-10-{20 + unit // 2}"',
            "ngay": lambda: '"2017-10-23"'}[key]()


def fill_from_todo(path: Path, todo) -> None:
    """Type each value on the line the to-do list names, the way a clerk would."""
    names = iter(NAMES)
    lines = path.read_text(encoding="utf-8").splitlines()
    for item in todo:
        key = item.pointer.rsplit(".", 1)[-1]
        line = lines[item.line - 1]
        assert line.strip().startswith(key + ":"), (item.line, line, item.pointer)
        lines[item.line - 1] = f"{line.split(':', 1)[0]}: {value_for(item.pointer, names)}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_new_file_is_not_full_yet_and_says_what_is_left(tmp_path, capsys):
    f = tmp_path / "cum.yaml"
    init(capsys, f)
    code, out, err = run(capsys, "validate", str(f))
    assert code == 1
    assert f"{f}: chưa đủ, còn 21 mục cần điền." in out
    assert "dòng " in out and "Đơn vị 1 (Phù Linh) › Lãnh đạo UBND tham gia Đoàn › Họ và tên" in out
    assert "Đơn vị 3 (Sóc Sơn) › Điểm chấm › Điểm thống nhất" in out and "Cuộc họp Cụm › Ngày họp" in out
    # a to-do list, not schema errors about the blanks
    assert "phải là" not in out + err and "không hợp lệ" not in out + err and "viết chưa đúng" not in out + err
    with pytest.raises(Incomplete) as e:
        cluster.check_cluster(f)
    lines = f.read_text(encoding="utf-8").splitlines()
    for item in e.value.todo:  # each line number points at the field to fill
        assert f"dòng {item.line}: " in out
        assert lines[item.line - 1].strip().startswith(item.pointer.rsplit(".", 1)[-1] + ":")


def test_real_mistakes_are_listed_beside_the_blanks(tmp_path, capsys):
    f = tmp_path / "cum.yaml"
    init(capsys, f)
    text = f.read_text(encoding="utf-8").replace('ngay_kiem_tra: ""', 'ngay_kiem_tra: "20/13"', 1)
    f.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(f))
    assert code == 1 and "chưa đủ, còn 20 mục cần điền và 1 lỗi." in out
    assert "Ngày kiểm tra" in out and "'20/13'" in out


def test_a_build_of_a_half_filled_file_shows_the_same_list_and_writes_nothing(tmp_path, capsys):
    f = tmp_path / "cum.yaml"
    init(capsys, f)
    code, _, err = run(capsys, "build", str(f), "-o", str(tmp_path / "out"))
    assert code == 1 and "chưa đủ, còn 21 mục cần điền" in err and "Cuộc họp Cụm › Ngày họp" in err
    assert not (tmp_path / "out").exists()


def test_init_fill_build(tmp_path, capsys):
    """The clerk's day: init, fill what the to-do list asks, build the dossier."""
    f = tmp_path / "inputs" / "cum-so-3.yaml"
    assert init(capsys, f)[0] == 0
    with pytest.raises(Incomplete) as e:
        cluster.check_cluster(f)
    fill_from_todo(f, e.value.todo)
    code, out, err = run(capsys, "validate", str(f))
    assert code == 0, out + err
    assert f"{f}: hợp lệ" in out
    code, out, err = run(capsys, "build", str(f), "-o", str(tmp_path / "outputs"))
    assert code == 0, out + err
    folder = tmp_path / "outputs" / "soc-son-cum-so-3"
    for step in ("Việc tiếp theo:", "In hồ sơ", "Ghi số", "Ký:", "Đóng dấu"):
        assert step in out
    assert f"  {folder / 'muc-luc-van-ban.docx'}" in out
    minutes = docx_text(folder / "bien-ban-kiem-tra-tien-duoc.docx")
    assert "Quách Văn Hải, Phó Chủ tịch UBND xã Tiên Dược" in minutes
    assert "Vi Văn Đức, Chủ tịch UBND thị trấn Sóc Sơn - Trưởng đoàn" in minutes
    assert vi.date_words("2017-10-20") in minutes
    assert "Tổng điểm Đoàn kiểm tra chấm: 68 điểm" in minutes  # 4+10+18+20+6+6+4
    index = docx_text(folder / "muc-luc-van-ban.docx")
    assert "Biên bản kiểm tra tại UBND thị trấn Sóc Sơn" in index


def test_comments_come_from_the_schema(tmp_path, capsys, monkeypatch):
    """Change a description in the schema: the comment in a new file changes with it."""
    real = validate_schema.schema_for("cum")
    changed = copy.deepcopy(real)
    changed["properties"]["hop_cum"]["properties"]["ket_luan"]["description"] = "Mô tả thử nghiệm XYZ."
    monkeypatch.setattr(validate_schema, "schema_for", lambda kind: changed if kind == "cum" else real)
    f = tmp_path / "cum.yaml"
    assert init(capsys, f)[0] == 0
    assert "# Kết luận: Mô tả thử nghiệm XYZ." in f.read_text(encoding="utf-8")


def test_the_readme_guide_works_as_written(tmp_path, capsys, monkeypatch):
    """The guide's init, validate and build commands, run as a clerk copies them, beside the samples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme.split("## Hướng dẫn từng bước", 1)[1].split("\n## ", 1)[0]
    commands = [line for block in re.findall(r"```sh\n(.*?)```", guide, re.S)
                for line in block.splitlines() if line.startswith("docgen ")]
    init_cmd = next(c for c in commands if c.startswith("docgen init"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "ke-hoach-2017.yaml").write_bytes(PLAN_2017.read_bytes())
    for sample in (ROOT / "inputs" / "2017").rglob("*.yaml"):  # the samples are there too
        target = tmp_path / sample.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sample.read_bytes())
    code, out, err = run(capsys, *shlex.split(init_cmd)[1:])
    assert code == 0, err
    created = Path(re.search(r"Đã tạo tệp Cụm: (\S+)", out)[1])
    validate_cmd = next(c for c in commands if c.startswith("docgen validate") and str(created) in c)
    code, out, _ = run(capsys, *shlex.split(validate_cmd)[1:])
    assert code == 1 and "chưa đủ" in out
    with pytest.raises(Incomplete) as e:
        cluster.check_cluster(created)
    fill_from_todo(created, e.value.todo)
    build_cmd = next(c for c in commands if c.startswith("docgen build") and str(created) in c)
    args = [a for a in shlex.split(build_cmd)[1:] if a != "--pdf"]  # PDFs: see test_dossier_pdf.py
    code, out, err = run(capsys, *args)
    assert code == 0, err
    folder = re.search(r"hồ sơ nằm trong `([^`]+)`", guide, re.I)[1]
    assert (tmp_path / folder / "muc-luc-van-ban.docx").is_file()
