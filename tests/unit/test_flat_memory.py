"""The district and city levels keep a small record of each cluster, never the checked cluster file itself
(its parsed data with every value's place): memory stays flat in the size of the city."""
from __future__ import annotations

import gc
import weakref

import pytest
from conftest import DONG_ANH_DIR, INPUTS

from docgen.levels import city, district
from docgen.levels import cluster as levels_cluster


@pytest.mark.parametrize("check, folder", [(city.check_city, INPUTS / "2017"), (city.check_city, INPUTS / "2025"),
                                           (district.check_district, DONG_ANH_DIR)])
def test_no_checked_cluster_file_outlives_its_check(check, folder, monkeypatch):
    files = []  # a weak reference to each cluster file checked so far
    alive_at_each_check = []
    check_cluster = levels_cluster.check_cluster

    def watched(path):
        gc.collect()
        alive_at_each_check.append(sum(ref() is not None for ref in files))
        checked = check_cluster(path)
        files.append(weakref.ref(checked.cluster))
        return checked

    monkeypatch.setattr(levels_cluster, "check_cluster", watched)
    result = check(folder)
    gc.collect()
    assert len(alive_at_each_check) >= 2
    assert max(alive_at_each_check) == 0 and all(ref() is None for ref in files)
    assert result.warnings is not None  # (the result is alive while we look)
