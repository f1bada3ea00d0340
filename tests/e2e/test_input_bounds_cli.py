"""Hostile inputs through the real command, under a memory cap: refused with a located message, rc 1.

The cap (RLIMIT_AS) makes the old behaviour (gigabytes for one number, reading /dev/zero to the end)
fail fast as an internal error instead of swapping the machine; nothing here is timed.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

CAP = 1024 * 1024 * 1024  # bytes of address space: docgen validate needs about a tenth of it


def docgen(*args, cwd):
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
    return subprocess.run([sys.executable, "-m", "docgen", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, preexec_fn=cap, env={**os.environ, "PYTHONPATH": str(ROOT)})


def cluster_with(tmp_path, old, new):
    text = (DATA / "cum-goc.yaml").read_text(encoding="utf-8").replace("../../inputs/", f"{ROOT}/inputs/")
    assert old in text
    path = tmp_path / "cum.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("number", ["5.0e-999999999", "9" * 5000])
def test_a_hostile_number_is_refused_at_its_place(tmp_path, number):
    path = cluster_with(tmp_path, "tu_cham: [4,", f"tu_cham: [{number},")
    run = docgen("validate", path, cwd=tmp_path)
    assert run.returncode == 1, run.stderr[-2000:]
    assert f"{path}:21:17: số '" in run.stderr and "[don_vi[0].diem.tu_cham[0]]" in run.stderr
    assert len(run.stderr) < 2000 and "Lỗi nội bộ" not in run.stderr


def test_an_endless_file_is_refused_unread(tmp_path):
    endless = tmp_path / "cum.yaml"
    endless.symlink_to("/dev/zero")
    run = docgen("validate", endless, cwd=tmp_path)
    assert run.returncode == 1 and f"{endless}: tệp quá lớn" in run.stderr, run.stderr[-2000:]
    run = docgen("validate", tmp_path, cwd=tmp_path)  # a folder scan reads only the head of each file
    assert run.returncode == 1 and "Không tìm thấy tệp Cụm" in run.stderr, run.stderr[-2000:]
