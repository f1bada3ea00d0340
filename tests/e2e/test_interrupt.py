"""Two builds into one folder, a real Ctrl-C, a parent killed with -9: real processes, stopped inside
the write stage by the fault hook (DOCGEN_FAULT=N:pause:FILE, see docgen/output/fault.py)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DONG_ANH, INPUTS
from test_crash import debris, manifest_matches_files, snapshot

from docgen.cli import main

WAIT_S = 120  # generous: the machine may be busy; the tests never measure time


def start(args, marker: Path, step: int, tmpdir: Path | None = None, **kw) -> subprocess.Popen:
    env = {**os.environ, "DOCGEN_FAULT": f"{step}:pause:{marker}"}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    return subprocess.Popen([sys.executable, "-m", "docgen", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def paused(proc: subprocess.Popen, marker: Path) -> int:
    """Wait until the process (or one of its workers) stopped at the step; the pid that stopped."""
    deadline = time.monotonic() + WAIT_S
    while not Path(f"{marker}.paused").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "never reached the step"
        time.sleep(0.05)
    time.sleep(0.2)  # the file is written before the sleep starts
    return int(Path(f"{marker}.paused").read_text())


def children(pid: int) -> set[int]:
    kids = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids |= {int(k) for k in (task / "children").read_text().split()}
    return kids


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_second_build_into_the_same_folder_refuses(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "-j", "1"]) == 0
    capsys.readouterr()
    before = snapshot(out / "dong-anh-cum-so-1")
    first = start(["build", str(DONG_ANH), "-o", str(out), "-j", "1"], tmp_path / "m", 3)
    try:
        paused(first, tmp_path / "m")
        monkeypatch.setenv("DOCGEN_LOCK_WAIT", "0.2")
        assert main.main(["build", str(INPUTS / "2017"), "-o", str(out), "-j", "1"]) == 1
        err = capsys.readouterr().err
        assert f"Thư mục {out} đang được một lệnh docgen khác ghi" in err and "chạy lại" in err
        assert snapshot(out / "dong-anh-cum-so-1") == before
        assert not (out / "gia-lam-cum-so-2").exists()
    finally:
        first.kill()
        first.wait()
    assert main.main(["build", str(INPUTS / "2017"), "-o", str(out), "-j", "1"]) == 0
    assert debris(out) == []
    manifest_matches_files(out / "gia-lam-cum-so-2")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_inside_the_write_stage_exits_130_quietly(tmp_path, jobs):
    out = tmp_path / "out"
    proc = start(["build", str(INPUTS / "2017"), "-o", str(out), "-j", jobs], tmp_path / "m", 2,
                 start_new_session=True)
    paused(proc, tmp_path / "m")
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends: to every process of the job
    _, err = proc.communicate(timeout=WAIT_S)
    assert (proc.returncode, err.strip()) == (130, "Đã dừng.")
    assert not out.exists() or debris(out) == []


def test_workers_die_with_their_parent(tmp_path):
    out = tmp_path / "out"
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    proc = start(["build", str(INPUTS / "2017"), "-o", str(out), "-j", "2"], tmp_path / "m", 2, system_temp)  # a worker
    worker = paused(proc, tmp_path / "m")
    workers = children(proc.pid)
    assert worker in workers and len(workers) == 2
    proc.kill()  # kill -9: no chance to clean up
    proc.wait()
    deadline = time.monotonic() + WAIT_S
    while any(alive(w) for w in workers):
        assert time.monotonic() < deadline, "a worker outlived its parent"
        time.sleep(0.1)
    assert list(system_temp.iterdir()) == []  # scratch lives in the output folder, where recovery finds it
    assert debris(out) != []
    assert main.main(["build", str(INPUTS / "2017"), "-o", str(out), "-j", "1"]) == 0
    assert debris(out) == []


def test_ctrl_c_while_docgen_is_still_loading(tmp_path):
    """Ctrl-C before the commands are even imported: the console entry point says 'Đã dừng.', exits 130."""
    code = ("import sys\n"
            "class Interrupt:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'docgen.cli.main':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Interrupt())\n"
            "sys.argv = ['docgen', '--version']\n"
            "from docgen.cli.entry import run\n"
            "run()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (130, "Đã dừng.\n")
