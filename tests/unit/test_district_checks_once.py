"""`docgen district` checks each cluster file once: the check made for the opening documents feeds the
closing ones (issue 15), with the same documents and messages as two checks gave."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import DONG_ANH_DIR

from docgen.levels import cluster as levels_cluster
from docgen.load import reader
from docgen.pipeline import upper_levels


def test_each_cluster_file_is_checked_and_read_once(tmp_path, monkeypatch):
    checks, loads = Counter(), Counter()
    check, load = levels_cluster.check_cluster, reader.load_file

    def counting_check(path, *a, **k):
        checks[Path(path).resolve()] += 1
        return check(path, *a, **k)

    def counting_load(path, *a, **k):
        loads[Path(path).resolve()] += 1
        return load(path, *a, **k)

    monkeypatch.setattr(levels_cluster, "check_cluster", counting_check)
    monkeypatch.setattr(reader, "load_file", counting_load)
    w = upper_levels.build_district(DONG_ANH_DIR, tmp_path)
    assert not w.not_yet  # the samples are complete: the closing documents were made from the same check
    assert (w.folder / "bao-cao-tong-hop-huyen.docx").is_file()
    clusters = sorted(p.resolve() for p in Path(DONG_ANH_DIR).glob("cum-*.yaml"))
    assert len(clusters) == 2
    assert {p: checks[p] for p in clusters} == {p: 1 for p in clusters}
    assert {p: loads[p] for p in clusters} == {p: 1 for p in clusters}
