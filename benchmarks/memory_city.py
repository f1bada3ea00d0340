"""Benchmark: peak memory (RSS) of `docgen city` and `docgen district` as the city grows (a benchmark, not a test).

    python benchmarks/memory_city.py                       # 146, 730 and 1,460 clusters, and a two-tier run of 830
    python benchmarks/memory_city.py --sizes 146 --two-tier 0

Each size is a synthetic three-tier city (benchmarks/city.py's generator: clusters of 4 communes over the
30 districts of Hà Nội in 2017, one huyen.yaml per district choosing the best nominee) with every commune
name made unique. `docgen city` runs on the whole city and `docgen district` on its largest district, each in
a fresh process (`python -m docgen`); the figure is that process's peak RSS (getrusage of the children,
measured one child at a time through a small wrapper). The two-tier run is the same generator under the
2025 plan: every cluster straight under the province, about 830 clusters, in one folder.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.city import SYLLABLES, make_city  # noqa: E402

DISTRICT_FILE = ROOT / "inputs" / "2017" / "dong-anh" / "huyen.yaml"
PLAN_2025 = ROOT / "inputs" / "ke-hoach-2025.yaml"


def _names(seed: int):
    """Commune names, all different: two syllables first, then three (a city of 1,460 clusters needs 5,840)."""
    rng = random.Random(seed)
    two = [" ".join(p) for p in itertools.permutations(SYLLABLES, 2)]
    three = [" ".join(p) for p in itertools.permutations(SYLLABLES, 3)]
    rng.shuffle(two)
    rng.shuffle(three)
    return iter(two + three)


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _rename(data: dict, names) -> None:
    """Give every commune of the cluster a name no other commune of the city has (its texts follow)."""
    for u in data["don_vi"]:
        old, new = u["ten"], next(names)
        u["ten"] = new
        for n in u.get("nhan_xet", []):
            n["uu_diem"] = n["uu_diem"].replace(old, new)
        u["ket_luan"] = u["ket_luan"].replace(old, new)
        if data["cum"]["cum_truong"] == u["ma"]:
            data["hop_cum"]["dia_diem"] = data["hop_cum"]["dia_diem"].replace(old, new)


def _total(unit: dict) -> Decimal:
    return sum((Decimal(str(x)) for x in unit["diem"]["thong_nhat"]), Decimal(0))


def three_tier_city(folder: Path, clusters: int, seed: int = 2017) -> Path:
    """A city folder: one folder per district, each with its cluster files and a huyen.yaml choosing the best nominee."""
    files = make_city(folder, clusters, seed)
    names = _names(seed)
    district = _load(DISTRICT_FILE)
    best: dict[Path, tuple[Decimal, str]] = {}
    for f in files:
        data = _load(f)
        _rename(data, names)
        _dump(f, data)
        nominee = data["hop_cum"].get("de_nghi_tap_the")
        if nominee:
            unit = next(u for u in data["don_vi"] if u["ma"] == nominee["don_vi"])
            best[f.parent] = max(best.get(f.parent, (Decimal(-1), "")), (_total(unit), unit["ma"]))
    homes = {f.parent: _load(f)["huyen"] for f in files}
    for home, huyen in homes.items():
        d = {**district, "ke_hoach": "../ke-hoach-2017.yaml", "huyen": huyen, "hoi_dong": {**district["hoi_dong"], "y_kien": [
            "Các thành viên thống nhất với kết quả của các Cụm."], "ket_luan": "Thống nhất đề nghị đơn vị được chọn."}}
        d.pop("de_nghi", None)
        if home in best:
            d["de_nghi"] = {"don_vi": best[home][1], "so_phieu_tan_thanh": 3}
        _dump(home / "huyen.yaml", d)
    return folder


def two_tier_city(folder: Path, clusters: int, seed: int = 2025) -> Path:
    """A two-tier province: every cluster file straight in `folder`, under the 2025 plan, names unique."""
    made = make_city(folder / "gen", clusters, seed)
    shutil.copy(PLAN_2025, folder / PLAN_2025.name)
    names = _names(seed)
    for k, f in enumerate(made, 1):
        text = f.read_text(encoding="utf-8").replace("2017-", "2025-")
        data = yaml.safe_load(text)
        data["ke_hoach"] = PLAN_2025.name
        data.pop("huyen")
        data["cum"]["ten"] = f"Cụm số {k}"
        for u in data["don_vi"]:
            u["loai"] = "phường" if u["loai"] != "xã" else "xã"
        _rename(data, names)
        _dump(folder / f"cum-so-{k}.yaml", data)
    shutil.rmtree(folder / "gen")
    return folder


def peak_rss(args: list[str]) -> dict:
    """One docgen command in a fresh process: its peak RSS (MB), wall time and exit code."""
    code = ("import json, resource, subprocess, sys, time\nt = time.perf_counter()\n"
            "p = subprocess.run([sys.executable, '-m', 'docgen', *sys.argv[1:]], capture_output=True, text=True)\n"
            "print(json.dumps({'rc': p.returncode, 'err': p.stderr[-2000:], 's': time.perf_counter() - t,\n"
            "                  'mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    if r["rc"] != 0:  # a figure for a failed run would mislead
        sys.exit(f"docgen {' '.join(args)} exited {r['rc']}:\n{r['err']}")
    return r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="146,730,1460", help="clusters in each three-tier city")
    ap.add_argument("--two-tier", type=int, default=830, help="clusters in the two-tier run (0: none)")
    args = ap.parse_args(argv)
    import os
    print(f"docgen city / district peak memory — load average {os.getloadavg()[0]:.2f}")
    print(f"{'run':<28} {'clusters':>8} {'city MB':>8} {'city s':>7} {'district MB':>11} {'district s':>10}")
    with tempfile.TemporaryDirectory(prefix="docgen-mem-") as tmp:
        tmp = Path(tmp)
        for n in [int(x) for x in args.sizes.split(",") if x]:
            city = three_tier_city(tmp / f"city-{n}", n)
            biggest = max((d for d in city.iterdir() if d.is_dir()), key=lambda d: len(list(d.glob("cum-*.yaml"))))
            c = peak_rss(["city", str(city), "-o", str(tmp / f"out-{n}")])
            d = peak_rss(["district", str(biggest), "-o", str(tmp / f"out-{n}")])
            print(f"{'three tiers (30 districts)':<28} {n:>8} {c['mb']:>8.0f} {c['s']:>7.1f} {d['mb']:>11.0f} {d['s']:>10.1f}"
                  f"   ({len(list(biggest.glob('cum-*.yaml')))} clusters in the district)")
            shutil.rmtree(city)
        if args.two_tier:
            city = two_tier_city(tmp / "two-tier", args.two_tier)
            c = peak_rss(["city", str(city), "-o", str(tmp / "out-two")])
            print(f"{'two tiers (nationwide-size)':<28} {args.two_tier:>8} {c['mb']:>8.0f} {c['s']:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
