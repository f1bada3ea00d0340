"""Crash tests in the style of SQLite's: the write stage is stopped at every step it has (killed,
interrupted by Ctrl-C, or its disk full), and each time the dossier folder must hold the whole old or
the whole new dossier, and the next run, with either input, must succeed and leave nothing behind.

The steps are counted first (DOCGEN_FAULT=list:FILE), then each is faulted (DOCGEN_FAULT=N:kind, see
docgen/output/fault.py). Kills run in a subprocess; Ctrl-C and a full disk run in this process."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DONG_ANH, INPUTS, PLAN_2017

from docgen.cli import main

SLUG = "dong-anh-cum-so-1"
CLERK_NOTE = "ghi-chu-cua-van-thu.txt"  # a file of the clerk's own in the dossier folder: always kept


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def debris(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.name.startswith(".docgen"))


def manifest_matches_files(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["van_ban"] + manifest.get("pdf", []):
        assert hashlib.sha256((folder / entry["tep"]).read_bytes()).hexdigest() == entry["sha256"], entry["tep"]


def run(args, capsys, env=None, monkeypatch=None) -> tuple[int, str]:
    """docgen in this process; DOCGEN_FAULT as given (or unset)."""
    if env:
        monkeypatch.setenv("DOCGEN_FAULT", env)
    else:
        monkeypatch.delenv("DOCGEN_FAULT", raising=False)
    code = main.main(args)
    err = capsys.readouterr().err
    monkeypatch.delenv("DOCGEN_FAULT", raising=False)
    return code, err


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Two inputs (the new one renames a commune, so documents appear and become stale), the old
    dossier with a clerk's note, and what the folder holds after building the new input over it."""
    base = tmp_path_factory.mktemp("crash")
    text = DONG_ANH.read_text(encoding="utf-8").replace("../../ke-hoach-2017.yaml", str(PLAN_2017))
    old, new = base / "cu" / "cum-so-1.yaml", base / "moi" / "cum-so-1.yaml"
    for path, t in ((old, text), (new, text.replace("ten: Dục Tú", "ten: Dục Tú Mới")
                                               .replace("Hội trường UBND xã Cổ Loa", "Nhà văn hóa xã Cổ Loa"))):
        path.parent.mkdir()
        path.write_text(t, encoding="utf-8")
    template = base / "template"
    assert main.main(["build", str(old), "-o", str(template), "-j", "1"]) == 0
    (template / SLUG / CLERK_NOTE).write_text("của văn thư", encoding="utf-8")
    old_snap = snapshot(template / SLUG)
    after = base / "after"
    subprocess.run(["cp", "-a", str(template), str(after)], check=True)
    assert main.main(["build", str(new), "-o", str(after), "-j", "1"]) == 0
    new_snap = snapshot(after / SLUG)
    assert old_snap != new_snap and CLERK_NOTE in new_snap and "bien-ban-kiem-tra-duc-tu.docx" in new_snap
    return {"old": old, "new": new, "template": template, "old_snap": old_snap, "new_snap": new_snap}


def count_steps(world, base: Path, mode: str = "") -> list[str]:
    """The labelled steps of the write stage for the new input over the old dossier. `mode` "+rename":
    as on a system without an atomic folder exchange (Windows, macOS)."""
    out = base / f"count{mode}" / "out"
    out.parent.mkdir()
    subprocess.run(["cp", "-a", str(world["template"]), str(out)], check=True)
    listing = out.parent / "steps.txt"
    env = {**os.environ, "DOCGEN_FAULT": f"list:{listing}{mode}"}
    subprocess.run([sys.executable, "-m", "docgen", "build", str(world["new"]), "-o", str(out), "-j", "1"],
                   env=env, check=True, capture_output=True)
    labels = [line.split()[1] for line in listing.read_text().splitlines()]
    assert {"stage-file", "carry", "commit", "exchange", "remove"} <= set(labels)
    assert ("rename-in" in labels) == (mode == "+rename")
    return labels


@pytest.fixture(scope="module")
def steps(world, tmp_path_factory):
    return count_steps(world, tmp_path_factory.mktemp("steps"))


def fresh(world, tmp_path) -> Path:
    out = tmp_path / "out"
    tmp_path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", str(world["template"]), str(out)], check=True)
    return out


def whole(world, out: Path, mode: str = "") -> str:
    """'old' or 'new': which whole dossier the folder holds (fails when it holds neither). Without an
    atomic exchange ("+rename") the folder may also be briefly absent: 'absent', never mixed."""
    if mode == "+rename" and not (out / SLUG).exists():
        return "absent"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".docgen")) == [SLUG]
    snap = snapshot(out / SLUG)
    if snap == world["old_snap"]:
        return "old"
    assert snap == world["new_snap"], "the folder mixes two dossiers"
    return "new"


def next_run_is_clean(world, out: Path, which: str, capsys, monkeypatch) -> None:
    code, err = run(["build", str(world[which]), "-o", str(out), "-j", "1"], capsys, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "sửa tay" not in err
    assert debris(out) == []
    manifest_matches_files(out / SLUG)
    if which == "new":
        assert snapshot(out / SLUG) == world["new_snap"]
    else:
        assert (out / SLUG / CLERK_NOTE).is_file()


@pytest.mark.parametrize("mode", ["", "+rename"], ids=["exchange", "rename"])
def test_kill_at_every_step(world, steps, tmp_path, capsys, monkeypatch, mode):
    labels = steps if not mode else count_steps(world, tmp_path, mode)
    first = 1 if not mode else labels.index("commit") + 1  # before the commit both ways are the same
    seen = set()
    for n in range(first, len(labels) + 1):
        out = fresh(world, tmp_path / str(n))
        env = {**os.environ, "DOCGEN_FAULT": f"{n}:kill{mode}"}
        proc = subprocess.run([sys.executable, "-m", "docgen", "build", str(world["new"]), "-o", str(out), "-j", "1"],
                              env=env, capture_output=True, text=True)
        assert proc.returncode == -signal.SIGKILL, (n, labels[n - 1], proc.stderr)
        seen.add(whole(world, out, mode))
        next_run_is_clean(world, out, "old" if n % 2 else "new", capsys, monkeypatch)
    assert seen == ({"old", "new"} if not mode else {"old", "new", "absent"})


@pytest.mark.parametrize("mode", ["", "+rename"], ids=["exchange", "rename"])
@pytest.mark.parametrize("kind", ["int", "nospc"])
def test_ctrl_c_and_full_disk_at_every_step(world, steps, tmp_path, capsys, monkeypatch, kind, mode):
    labels = steps if not mode else count_steps(world, tmp_path, mode)
    for n in range(1, len(labels) + 1):
        out = fresh(world, tmp_path / str(n))
        code, err = run(["build", str(world["new"]), "-o", str(out), "-j", "1"], capsys, f"{n}:{kind}{mode}",
                        monkeypatch)
        assert "Traceback" not in err and "Lỗi nội bộ" not in err
        state = whole(world, out)
        if kind == "int":
            assert (code, err.strip()) == (130, "Đã dừng."), (n, labels[n - 1])
        elif code != 0:  # the disk filled before the swap: an error naming the output folder, nothing changed
            assert code == 1 and state == "old", (n, labels[n - 1])
            assert f"đĩa chứa thư mục {out} đã đầy" in err and "chọn thư mục trên đĩa khác bằng -o" in err
        else:  # it filled while tidying up after the swap: the new dossier is there whole
            assert state == "new" and labels[n - 1] in ("journal-remove", "remove", "tx-remove"), labels[n - 1]
        next_run_is_clean(world, out, "new" if n % 2 else "old", capsys, monkeypatch)


@pytest.mark.parametrize("code, says", [
    ("ENOSPC", "đã đầy"), ("EDQUOT", "hết hạn mức dung lượng (quota)"), ("EROFS", "chỉ cho đọc, không cho ghi"),
    ("EFBIG", "lớn hơn giới hạn cho phép"), ("EACCES", "không có quyền ghi vào thư mục"), ("EIO", "bị lỗi đọc, ghi")])
def test_disk_errors_name_the_output_folder_in_vietnamese(world, steps, tmp_path, capsys, monkeypatch, code, says):
    for label in ("stage-file", "carry", "commit", "exchange"):
        n = steps.index(label) + 1
        out = fresh(world, tmp_path / label)
        got, err = run(["build", str(world["new"]), "-o", str(out), "-j", "1"], capsys, f"{n}:{code}", monkeypatch)
        assert got == 1 and says in err and f"thư mục {out}" in err and "Hồ sơ cũ (nếu có) vẫn giữ nguyên" in err, err
        assert "(hệ thống báo: " in err  # the system's own words only in brackets, after the Vietnamese
        assert whole(world, out) == "old" and debris(out) == []


def test_a_file_size_limit_is_a_message_not_a_crash(tmp_path):
    """`ulimit -f`: the write fails with EFBIG (SIGXFSZ ignored) in the parent and in the workers."""
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        proc = subprocess.run(["bash", "-c", 'ulimit -f 16; exec "$@"', "-", sys.executable, "-m", "docgen", "build",
                               str(INPUTS / "2017"), "-o", str(out), "-j", jobs], capture_output=True, text=True)
        assert proc.returncode == 1, proc.stderr
        assert "lớn hơn giới hạn cho phép" in proc.stderr and "ulimit -f unlimited" in proc.stderr
        assert str(out) in proc.stderr and "Traceback" not in proc.stderr
        assert not out.exists() or debris(out) == []
