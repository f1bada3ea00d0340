"""Folder scans: a cluster file is found by its `loai_tep` line however the clerk quoted or commented it,
and `docgen district` and `docgen city` find exactly the files `docgen build` finds."""
from __future__ import annotations

from pathlib import Path

from conftest import DONG_ANH_DIR, GIA_LAM_DIR, copy_district

from docgen.levels import city, district
from docgen.load import discover

# The first line of each copied cluster file, as a clerk may write it (all valid YAML for `cum`).
WRITTEN = {"cum-so-1.yaml": 'loai_tep: "cum"', "cum-so-2.yaml": "loai_tep: 'cum'  # tệp của một Cụm"}


def quoted_district(src: Path, dst: Path) -> Path:
    """A copy of a sample district whose cluster files write `loai_tep` with quotes and a comment."""
    copy_district(src, dst)
    for name, line in WRITTEN.items():
        f = dst / name
        text = f.read_text(encoding="utf-8")
        assert text.startswith("loai_tep: cum\n")
        f.write_text(line + text[len("loai_tep: cum"):], encoding="utf-8")
    return dst


def cluster_files(checked) -> list[Path]:
    return sorted(Path(c.path) for c in checked)


def test_quoted_or_commented_loai_tep_is_found_by_build_district_and_city(tmp_path):
    folder = quoted_district(DONG_ANH_DIR, tmp_path / "2017" / "dong-anh")
    quoted_district(GIA_LAM_DIR, tmp_path / "2017" / "gia-lam")
    by_build = discover.expand([folder])
    assert [f.name for f in by_build] == ["cum-so-1.yaml", "cum-so-2.yaml"]
    d = district.check_district(folder)
    assert cluster_files(d.clusters) == sorted(by_build)
    assert sum(c.so_luong for c in d.counts) == 8  # every commune of both clusters
    c = city.check_city(tmp_path / "2017")
    assert set(discover.expand([tmp_path / "2017"])) <= set(map(Path, c.inputs))
    assert [(g.ten, g.so_don_vi) for g in c.groups] == [("huyện Đông Anh", 8), ("huyện Gia Lâm", 7)]
