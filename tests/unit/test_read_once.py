"""The plan file is read and validated once per process and file version, however many clusters name it."""
from __future__ import annotations

import os
import shutil
from collections import Counter

from conftest import INPUTS

from docgen.levels import cluster
from docgen.load import reader


def counting_reads(monkeypatch) -> Counter:
    reads: Counter = Counter()
    load_file = reader.load_file

    def counted(path, *args, **kwargs):
        reads[os.path.basename(path)] += 1
        return load_file(path, *args, **kwargs)

    monkeypatch.setattr(reader, "load_file", counted)
    return reads


def copy_samples(tmp_path):
    shutil.copytree(INPUTS / "2017", tmp_path / "2017")
    shutil.copy(INPUTS / "ke-hoach-2017.yaml", tmp_path / "ke-hoach-2017.yaml")  # a new path: not read before
    return tmp_path / "2017"


def test_clusters_of_one_plan_read_it_once(tmp_path, monkeypatch):
    folder = copy_samples(tmp_path)
    reads = counting_reads(monkeypatch)
    for f in sorted(folder.glob("*/cum-so-*.yaml")):
        cluster.check_cluster(f)
    assert reads["ke-hoach-2017.yaml"] == 1 and reads["cum-so-1.yaml"] == 2


def test_an_edited_plan_is_read_again(tmp_path, monkeypatch):
    folder = copy_samples(tmp_path)
    plan_file = tmp_path / "ke-hoach-2017.yaml"
    reads = counting_reads(monkeypatch)
    first, _ = cluster.load_plan(plan_file)
    text = plan_file.read_text(encoding="utf-8")
    before = first.data["so_ky_hieu"]
    plan_file.write_text(text.replace(f"so_ky_hieu: {before}", "so_ky_hieu: 99/KH-UBND", 1), encoding="utf-8")
    again = cluster.check_cluster(folder / "dong-anh" / "cum-so-1.yaml")
    assert reads["ke-hoach-2017.yaml"] == 2
    assert before != "99/KH-UBND" and again.plan.data["so_ky_hieu"] == "99/KH-UBND"


def test_each_caller_gets_its_own_warnings_list(tmp_path):
    copy_samples(tmp_path)
    _, warnings = cluster.load_plan(tmp_path / "ke-hoach-2017.yaml")
    warnings.append("changed by a caller")
    assert "changed by a caller" not in cluster.load_plan(tmp_path / "ke-hoach-2017.yaml")[1]
