"""Benchmark: every dossier of a synthetic city the size of Hà Nội in 2017 (a benchmark, not a test).

    python benchmarks/city.py                 # 1/4, 1/2 and the whole 2017 city, 2 processes
    python benchmarks/city.py --sizes 1,1.5 --jobs 2

For each size it generates a city (deterministic, seeded: 30 districts, clusters of 4 communes,
146 clusters = 584 communes at size 1) into a temporary folder, builds it in a fresh process with
`docgen build --jobs N` semantics, and prints documents, wall time, documents per second, ms per
document and peak memory (RSS). In the same run it renders a sample of the same documents three
ways in this process (plain docxtpl: a new DocxTemplate per document, render, save; docgen's plain
path, which also rewrites the zip with fixed timestamps; docgen's compiled path) and prints the ratio.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.context import cluster as context_cluster  # noqa: E402
from docgen.levels import cluster as levels_cluster  # noqa: E402
from docgen.load import reader  # noqa: E402
from docgen.pipeline import (
    batch,  # noqa: E402
    dossier,  # noqa: E402
)
from docgen.render import (
    document,  # noqa: E402
    environment,  # noqa: E402
    plain,  # noqa: E402
)
from docgen.score import cluster  # noqa: E402
from docgen.score import rules as score_rules  # noqa: E402
from docgen.model.workdays import working_day_after  # noqa: E402

PLAN = ROOT / "inputs" / "ke-hoach-2017.yaml"
WORKING_DAYS = [dt.date(2017, 9, 5)]  # Tuesday; visits, meetings and letters of the made-up clusters
while len(WORKING_DAYS) < 40:
    WORKING_DAYS.append(working_day_after(WORKING_DAYS[-1]))
CLUSTERS_2017 = 146  # 584 communes in clusters of 4
DISTRICTS_2017 = [  # the 30 district-level units of Hà Nội in 2017
    ("quận", "Ba Đình"), ("quận", "Hoàn Kiếm"), ("quận", "Tây Hồ"), ("quận", "Long Biên"),
    ("quận", "Cầu Giấy"), ("quận", "Đống Đa"), ("quận", "Hai Bà Trưng"), ("quận", "Hoàng Mai"),
    ("quận", "Thanh Xuân"), ("quận", "Nam Từ Liêm"), ("quận", "Bắc Từ Liêm"), ("quận", "Hà Đông"),
    ("thị xã", "Sơn Tây"), ("huyện", "Ba Vì"), ("huyện", "Chương Mỹ"), ("huyện", "Đan Phượng"),
    ("huyện", "Đông Anh"), ("huyện", "Gia Lâm"), ("huyện", "Hoài Đức"), ("huyện", "Mê Linh"),
    ("huyện", "Mỹ Đức"), ("huyện", "Phú Xuyên"), ("huyện", "Phúc Thọ"), ("huyện", "Quốc Oai"),
    ("huyện", "Sóc Sơn"), ("huyện", "Thạch Thất"), ("huyện", "Thanh Oai"), ("huyện", "Thanh Trì"),
    ("huyện", "Thường Tín"), ("huyện", "Ứng Hòa"),
]
SYLLABLES = ("An Bình Cát Đại Đông Đức Hà Hải Hòa Hồng Hưng Kim Lâm Liên Long Minh Nam Ngọc Phú Phúc "
             "Phương Quang Sơn Tân Thạch Thanh Thắng Thịnh Thọ Thủy Tiến Trung Vân Việt Xuân Yên").split()
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Tạ Lưu Quách".split()
MIDDLE = "Văn Thị Đức Minh Thu Ngọc Quang Thanh Hữu Kim".split()
GIVEN = "An Bình Chi Dung Giang Hà Hải Hạnh Hòa Hùng Hương Lan Linh Long Mai Nam Nga Phong Quân Sơn Tâm Thắng Thu Trang Tú Vân".split()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _distinct_people(rng: random.Random, units: list[dict]) -> None:
    """The 8 people of a team are 8 different people (docgen checks it): redraw any repeated name."""
    seen: set[str] = set()
    for u in units:
        for role in ("dai_dien", "cong_chuc_vptk"):
            while u[role]["ho_ten"] in seen:
                u[role]["ho_ten"] = _name(rng)
            seen.add(u[role]["ho_ten"])


def _half(x: float) -> float | int:
    v = round(x * 2) / 2
    return int(v) if v == int(v) else v


def _unit(rng: random.Random, name: str, kind: str, code: str, day: str, chair: bool, maxima) -> dict:
    doan = [_half(m * rng.uniform(0.45, 1.0)) for m in maxima]
    tu = [min(m, _half(d + rng.choice((0, 0.5, 1)))) for d, m in zip(doan, maxima)]
    return {
        "ma": code, "ten": name, "loai": kind,
        "dai_dien": {"ho_ten": _name(rng), "chuc_vu": "Chủ tịch" if chair else "Phó Chủ tịch"},
        "cong_chuc_vptk": {"ho_ten": _name(rng), "chuc_vu": "Công chức Văn phòng - Thống kê"},
        "ngay_kiem_tra": day, "gio_bat_dau": "08:00", "gio_ket_thuc": "11:30",
        "ngay_gui_tu_cham": (dt.date.fromisoformat(day) - dt.timedelta(days=5)).isoformat(),
        "diem": {"tu_cham": tu, "doan_cham": doan, "thong_nhat": list(doan)},
        "nhan_xet": [{"noi_dung": 4, "uu_diem": f"Kho lưu trữ của UBND {kind} {name} có giá, hộp, bìa đúng quy định.",
                      "han_che": "Một phần tài liệu chưa được chỉnh lý.",
                      "kien_nghi": "Bố trí kinh phí chỉnh lý tài liệu tồn đọng."}],
        "ket_luan": f"UBND {kind} {name} thực hiện công tác văn thư, lưu trữ theo quy định.",
    }


def make_city(folder: Path, clusters: int = CLUSTERS_2017, seed: int = 2017) -> list[Path]:
    """Write a city of `clusters` cluster files (4 communes each) over the 30 districts; same seed, same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PLAN, folder / PLAN.name)
    plan = reader.load_file(folder / PLAN.name).data
    rules = score_rules.rules_from_plan(plan)
    maxima = [float(c["diem_toi_da"]) for c in plan["noi_dung"]]
    used: set[str] = set()
    per_district: dict[str, int] = {}
    files = []
    for k in range(clusters):
        district_kind, district = DISTRICTS_2017[k % len(DISTRICTS_2017)]
        per_district[district] = per_district.get(district, 0) + 1
        unit_kind = "phường" if district_kind != "huyện" else "xã"
        names: list[str] = []
        tries = 0
        while len(names) < 4:  # unique in the city while two-syllable names last, always in the cluster
            first_syllable, second = rng.sample(SYLLABLES, 2)
            name = f"{first_syllable} {second}"
            tries += 1
            if name not in names and (name not in used or tries > 100):
                used.add(name)
                names.append(name)
        # two working days of visits, then the meeting and the letter, all on working days
        days = [WORKING_DAYS[k % 30 + d].isoformat() for d in (0, 0, 1, 1, 2, 4)]
        units = [_unit(rng, n, unit_kind, f"dv-{i + 1}-{k + 1}", days[i], i == 3, maxima) for i, n in enumerate(names)]
        _distinct_people(rng, units)
        leader = units[3]
        deputy = _name(rng)  # signs the leader's own inspection minutes for the unit (its Chairman is the head)
        while deputy in {u[r]["ho_ten"] for u in units for r in ("dai_dien", "cong_chuc_vptk")}:
            deputy = _name(rng)
        leader["thanh_phan_khac"] = [{"ho_ten": deputy, "chuc_vu": "Phó Chủ tịch"}]
        data = {
            "loai_tep": "cum", "ke_hoach": f"../{PLAN.name}",
            "huyen": {"ten": district, "loai": district_kind, "tinh": "Hà Nội"},
            "cum": {"ten": f"Cụm số {per_district[district]}", "cum_truong": leader["ma"]},
            "don_vi": units,
            "hop_cum": {"ngay": days[4], "gio_bat_dau": "08:30", "gio_ket_thuc": "10:30",
                        "dia_diem": f"Hội trường UBND {unit_kind} {leader['ten']}",
                        "hinh_thuc_bieu_quyet": "giơ tay", "so_nguoi_bieu_quyet": 8, "bieu_quyet_xep_loai": 8,
                        "y_kien": ["Các đơn vị thống nhất với kết quả chấm điểm của Đoàn kiểm tra."],
                        "ket_luan": "Cụm hoàn thành kiểm tra chéo đúng Kế hoạch."},
            "cong_van": {"ngay": days[5]},
        }
        result = cluster.score_cluster(rules, data)
        if result.de_cu_goi_y:  # propose the best class-A commune and its records officer
            best = next(u for u in units if u["ma"] == result.de_cu_goi_y[0])
            data["hop_cum"]["de_nghi_tap_the"] = {"don_vi": best["ma"], "so_phieu_tan_thanh": 8}
            data["hop_cum"]["de_nghi_ca_nhan"] = [{**best["cong_chuc_vptk"], "don_vi": best["ma"],
                                                   "so_phieu_tan_thanh": 7}]
        path = folder / dossier.cluster_slug(data).split("-cum-so-")[0] / f"cum-so-{per_district[district]}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        files.append(path)
    return files


def _maxrss_mb(who) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run_build(city: Path, out: Path, jobs: int) -> dict:
    """One build in this (fresh) process: what a clerk's `docgen build --jobs N` does, timed."""
    t0 = time.perf_counter()
    summary = batch.build_many([city], out, jobs=jobs)
    seconds = time.perf_counter() - t0
    cpu = sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    return {"clusters": summary.clusters, "documents": summary.documents, "seconds": seconds, "cpu_seconds": cpu,
            "jobs": summary.jobs, "rss_parent_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "rss_worker_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def measure_build(city: Path, out: Path, jobs: int) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--run-build", str(city), str(out), str(jobs)],
                          capture_output=True, text=True, check=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - t0  # with Python's start-up and imports
    return figures


def sample_specs(city_files: list[Path], n: int) -> list:
    specs = []
    for f in city_files:
        c = levels_cluster.check_cluster(f)
        specs += context_cluster.build_documents(c.plan.data, c.cluster.data, c.result)
        if len(specs) >= n:
            return specs[:n]
    return specs


def plain_docxtpl(spec) -> bytes:
    """Plain docxtpl as its documentation shows it: a new DocxTemplate per document, render, save."""
    from docxtpl import DocxTemplate
    doc = DocxTemplate(str(environment.template_path(spec.template)))
    doc.render(spec.context, environment.jinja_env(), autoescape=True)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def per_document(specs) -> dict:
    """ms per document, one process, the same documents each way, a dossier at a time each way in
    turn (so that other work on the machine weighs on each way alike)."""
    t0 = time.perf_counter()
    first = {s.template: s for s in reversed(specs)}  # one document of each template
    for s in first.values():  # first use: compiles every template of the sample once
        document.render(s.template, s.context)
    cold = (time.perf_counter() - t0) * 1000
    ways = {"fast": lambda s: document.render(s.template, s.context),
            "plain": lambda s: plain.render_plain(s.template, s.context), "bare": plain_docxtpl}
    total = dict.fromkeys(ways, 0.0)
    same = True
    for i in range(0, len(specs), 7):  # a dossier at a time, each way in turn
        block = specs[i:i + 7]
        out = {}
        for name, fn in ways.items():
            t = time.perf_counter()
            out[name] = [fn(s) for s in block]
            total[name] += time.perf_counter() - t
        same = same and out["fast"] == out["plain"]
    ms = {name: t * 1000 / len(specs) for name, t in total.items()}
    return {"n": len(specs), **ms, "first_dossier_ms": cold, "identical": same}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.25,0.5,1", help="fractions of the 2017 city (146 clusters)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the build (default 2)")
    ap.add_argument("--sample", type=int, default=70, help="documents rendered each way for the ratio")
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--run-build", nargs=3, metavar=("CITY", "OUT", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run_build:
        city, out, jobs = args.run_build
        print(json.dumps(run_build(Path(city), Path(out), int(jobs))))
        return 0

    import os
    import platform
    print(f"docgen city benchmark — Python {platform.python_version()}, {os.cpu_count()} CPU, "
          f"{args.jobs} processes, seed {args.seed}, load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="docgen-city-") as tmp:
        tmp = Path(tmp)
        full = None
        print(f"{'size':>5} {'clusters':>8} {'docs':>6} {'build s':>8} {'+start s':>8} {'docs/s':>7} "
              f"{'ms/doc':>7} {'CPU s':>6} {'RSS parent':>10} {'RSS worker':>10} {'sum ≤':>7}")
        for size in [float(x) for x in args.sizes.split(",")]:
            clusters = max(1, round(CLUSTERS_2017 * size))
            city = tmp / f"city-{size}"
            files = make_city(city, clusters, args.seed)
            if size == 1:
                full = files
            r = measure_build(city, tmp / f"out-{size}", args.jobs)
            total = r["rss_parent_mb"] + r["jobs"] * r["rss_worker_mb"] if r["jobs"] > 1 else r["rss_parent_mb"]
            print(f"{size:>5g} {r['clusters']:>8} {r['documents']:>6} {r['seconds']:>8.2f} {r['process_seconds']:>8.2f} "
                  f"{r['documents'] / r['seconds']:>7.0f} {r['seconds'] * 1000 / r['documents']:>7.2f} {r['cpu_seconds']:>6.2f} "
                  f"{r['rss_parent_mb']:>8.0f}MB {r['rss_worker_mb']:>8.0f}MB {total:>5.0f}MB")
            shutil.rmtree(tmp / f"out-{size}")
        print("build s: the run itself (docgen's summary line); +start s: with Python start-up and imports;\n"
              "CPU s: parent and workers together; sum ≤: parent + each worker at its own peak (an upper bound).")
        p = per_document(sample_specs(full or files, args.sample))
        print(f"\nPer document, one process, {p['n']} documents of the city (render + .docx bytes, no disk):")
        print(f"  docxtpl (new DocxTemplate, render, save)      {p['bare']:7.2f} ms")
        print(f"  docgen plain path (+ fixed-timestamp zip)     {p['plain']:7.2f} ms")
        print(f"  docgen compiled path                          {p['fast']:7.2f} ms"
              f"   (compiling the templates once: {p['first_dossier_ms']:.0f} ms)")
        print(f"  ratio: {p['bare'] / p['fast']:.1f}× faster than docxtpl, {p['plain'] / p['fast']:.1f}× than the plain path;"
              f" bytes identical to the plain path: {'yes' if p['identical'] else 'NO'}")
        print(f"load average after: {os.getloadavg()[0]:.2f} (other work on the machine slows the wall times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
