"""Every bad input of tests/data/bad/ gets its clear Vietnamese message at its line, and nothing is written.

tests/data/bad/cases.yaml lists each file with the messages expected (text and line). Each file is
tests/data/cum-goc.yaml (a valid cluster without warnings) or the 2017 plan with one fault.
"""
from __future__ import annotations

import hashlib

import pytest
import yaml
from conftest import DATA

from docgen.cli import main
from docgen.levels import any_file

BAD = DATA / "bad"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))


def snapshot(folder):
    """Every file under `folder` with the hash of its bytes."""
    if not folder.exists():
        return None
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def huge_file(path):
    """A cluster file padded past the size limit with comments (3 MB, made here, not committed)."""
    line = "# " + "dòng chú thích rất dài để làm tệp lớn " * 4 + "\n"
    path.write_text("loai_tep: cum\n" + line * (3 * 1024 * 1024 // len(line.encode())), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_input_gets_its_message(case, tmp_path, capsys):
    path = huge_file(tmp_path / case["file"]) if case.get("make") == "huge" else BAD / case["file"]
    command = case.get("command", "validate")
    args = [command] + ([str(BAD / case["also"])] if "also" in case else []) + [str(path)]
    out = tmp_path / "outputs"
    (out / "da-co").mkdir(parents=True)
    (out / "da-co" / "van-ban-cu.docx").write_bytes(b"a document the clerk already has")
    if command == "build":
        args += ["-o", str(out)]
    before = snapshot(out)

    code = main.main(args)
    err = capsys.readouterr().err

    assert code == case.get("exit", 1), err
    assert "Traceback" not in err and "Lỗi nội bộ" not in err, err
    lines = err.splitlines()
    named = path / case["at"] if "at" in case else path
    for want in case["expect"]:
        if want["line"]:
            prefix = f"{named}:{want['line']}:"
            assert any(ln.startswith(prefix) and want["text"] in ln for ln in lines), \
                f"thiếu thông báo `{prefix} … {want['text']}` trong:\n{err}"
        else:
            assert any(want["text"] in ln for ln in lines), f"thiếu thông báo `{want['text']}` trong:\n{err}"
            assert str(named) in err, f"thông báo không nêu tên tệp {named}:\n{err}"
    if code != 0:
        assert snapshot(out) == before, "thư mục đầu ra đã bị thay đổi dù lệnh báo lỗi"


def test_corpus_covers_every_file_and_enough_cases():
    indexed = {c["file"] for c in CASES}
    on_disk = {p.name for p in BAD.iterdir() if p.name != "cases.yaml"}
    assert on_disk <= indexed, f"tệp không có trong cases.yaml: {sorted(on_disk - indexed)}"
    assert len(CASES) >= 40
    assert all(c["expect"] for c in CASES)


def test_the_base_of_the_corpus_is_valid_without_warnings():
    """So that each bad file fails for its own fault, not for one it shares with the base."""
    assert any_file.check_file(DATA / "cum-goc.yaml") == []
