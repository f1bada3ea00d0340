"""Benchmark: `docgen build --pdf` against LibreOffice's own batch floor, side by side (not a test).

    python benchmarks/pdf_city.py                    # 8 clusters, 2 processes, 3 rounds
    python benchmarks/pdf_city.py --clusters 16 --jobs 2 --rounds 2

Generates a city of N clusters (benchmarks/city.py's generator, seeded), then, in each round and in
turn: `docgen build CITY --pdf --jobs J` in a fresh process (wall time, start-up included), and the
floor: J `soffice --convert-to pdf` processes started at once, each converting its share of the very
same .docx files (the dossiers docgen wrote, indexes included, split by cluster) in one batch with a
fresh profile, as LibreOffice itself does it; and the same floor with each profile seeded as docgen seeds
its own (output/office_profile.py seed_profile: LibreOffice then skips the graphics self-tests it otherwise runs
at every headless start), LibreOffice at its best; and that seeded floor converting the copies docgen hands
LibreOffice (output/pdf.py for_office: without the styles nothing uses), so the same work for LibreOffice:
what is left of the ratio is docgen's own. It prints the times and ratios per round and the
medians (rounds alternate so that other work on the machine weighs on all alike). Then one cluster:
`docgen build FILE --pdf` as the README has the clerk run it (no --jobs: --jobs 1 would also hold docgen
to one LibreOffice), without --pdf, and LibreOffice alone converting that cluster's .docx files in one call
(fresh and seeded profile), wall times (medians of the rounds). Run it with byte-code written (not under
PYTHONDONTWRITEBYTECODE=1, which makes every fresh process compile docgen's modules again), as an
installed docgen runs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from city import make_city  # noqa: E402

from docgen.output.pdf import for_office  # noqa: E402


def soffice() -> str:
    exe = os.environ.get("DOCGEN_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("LibreOffice (soffice) is needed for this benchmark.")
    return exe


def docgen_build(inputs: Path, out: Path, jobs: int | None, pdf: bool = True) -> float:
    """Wall time of `docgen build INPUTS -o OUT [--pdf] [--jobs J]` in a fresh process (no --jobs: as the
    README has the clerk run it, a process and an office per core)."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "docgen", "build", str(inputs), "-o", str(out)]
    cmd += ["--jobs", str(jobs)] if jobs else []
    t0 = time.perf_counter()
    proc = subprocess.run(cmd + (["--pdf"] if pdf else []), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"docgen build failed:\n{proc.stderr}")
    return seconds


def floor(shares: list[list[Path]], work: Path, seeded: bool = False) -> float:
    """Wall time of len(shares) soffice processes at once, each converting its share in one call (each
    with a fresh profile, `seeded` as docgen seeds its own)."""
    from docgen.output import office_profile as office
    shutil.rmtree(work, ignore_errors=True)
    procs = []
    for k in range(len(shares)):
        (work / f"pdf-{k}").mkdir(parents=True)
        if seeded and not office.seed_profile(work / f"profile-{k}", soffice()):
            sys.exit("the installed LibreOffice's version was not found: cannot seed the profile")
    t0 = time.perf_counter()
    for k, files in enumerate(shares):
        out = work / f"pdf-{k}"
        cmd = [soffice(), f"-env:UserInstallation={(work / f'profile-{k}').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for p in procs:
        p.wait()
    seconds = time.perf_counter() - t0
    made = sum(1 for k in range(len(shares)) for _ in (work / f"pdf-{k}").glob("*.pdf"))
    if made != sum(len(s) for s in shares):
        sys.exit(f"the floor converted {made} of {sum(len(s) for s in shares)} files")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=2, help="processes, for docgen and for the floor alike")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--one-rounds", type=int, default=7, help="rounds of the one-cluster runs (short, noisy)")
    ap.add_argument("--seed", type=int, default=2017)
    args = ap.parse_args(argv)
    print(f"docgen build --pdf against LibreOffice's batch floor — {args.clusters} clusters, {args.jobs} processes, "
          f"{os.cpu_count()} CPU, load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-bench-") as tmp:
        tmp = Path(tmp)
        files = make_city(tmp / "city", args.clusters, args.seed)
        docgen_build(tmp / "city", tmp / "docx", args.jobs, pdf=False)
        folders = sorted(p for p in (tmp / "docx").iterdir() if p.is_dir())
        shares = []
        for k in range(args.jobs):  # one folder per process, each file named after its dossier (names repeat)
            share = tmp / "shares" / str(k)
            share.mkdir(parents=True)
            for f in folders[k::args.jobs]:
                for d in sorted(f.glob("*.docx")):
                    shutil.copy(d, share / f"{f.name}--{d.name}")
            shares.append(sorted(share.iterdir()))
        lean = []
        for k, share in enumerate(shares):  # the same files as docgen hands them to LibreOffice
            folder = tmp / "lean" / str(k)
            folder.mkdir(parents=True)
            for d in share:
                (folder / d.name).write_bytes(for_office(d.read_bytes()))
            lean.append(sorted(folder.iterdir()))
        n_docs = sum(len(s) for s in shares)
        print(f"{n_docs} .docx files ({len(folders)} dossiers, indexes included)")
        print(f"{'round':>5} {'docgen --pdf s':>14} {'floor s':>8} {'ratio':>6} {'seeded floor s':>14} {'ratio':>6} "
              f"{'lean floor s':>12} {'ratio':>6} {'docgen no pdf s':>15}")
        ours, floors, seeded, leans, plain = [], [], [], [], []
        for r in range(args.rounds):
            runs = [lambda: ours.append(docgen_build(tmp / "city", tmp / "out", args.jobs)),
                    lambda: floors.append(floor(shares, tmp / "floor")),
                    lambda: seeded.append(floor(shares, tmp / "floor", seeded=True)),
                    lambda: leans.append(floor(lean, tmp / "floor", seeded=True))]
            for run in runs[r % 4:] + runs[:r % 4]:  # each goes first in turn
                run()
            plain.append(docgen_build(tmp / "city", tmp / "out-plain", args.jobs, pdf=False))
            print(f"{r + 1:>5} {ours[-1]:>14.2f} {floors[-1]:>8.2f} {ours[-1] / floors[-1]:>5.2f}× {seeded[-1]:>14.2f} "
                  f"{ours[-1] / seeded[-1]:>5.2f}× {leans[-1]:>12.2f} {ours[-1] / leans[-1]:>5.2f}× {plain[-1]:>15.2f}")
        med = statistics.median
        print(f"median: docgen --pdf {med(ours):.2f} s, floor {med(floors):.2f} s, ratio "
              f"{med(a / b for a, b in zip(ours, floors)):.2f}× (goal ≤ 1.25×); seeded floor {med(seeded):.2f} s, "
              f"ratio {med(a / b for a, b in zip(ours, seeded)):.2f}×; lean floor {med(leans):.2f} s, ratio "
              f"{med(a / b for a, b in zip(ours, leans)):.2f}×; without --pdf {med(plain):.2f} s")

        one, one_plain, one_floor, one_seeded, one_lean = [], [], [], [], []
        first = [d for d in shares[0] if d.name.startswith(folders[0].name + "--")]
        first_lean = [d for d in lean[0] if d.name.startswith(folders[0].name + "--")]
        for _ in range(args.one_rounds):
            one.append(docgen_build(files[0], tmp / "one", None))  # the clerk's command: no --jobs
            one_plain.append(docgen_build(files[0], tmp / "one-plain", None, pdf=False))
            one_floor.append(floor([first], tmp / "one-floor"))
            one_seeded.append(floor([first], tmp / "one-floor", seeded=True))
            one_lean.append(floor([first_lean[0::2], first_lean[1::2]], tmp / "one-floor", seeded=True))
        print(f"one cluster, fresh process: --pdf {med(one):.2f} s (goal < 1.5 s), without --pdf "
              f"{med(one_plain):.2f} s, LibreOffice alone converting its {len(first)} .docx in one call "
              f"{med(one_floor):.2f} s (seeded profile {med(one_seeded):.2f} s; the copies docgen hands it, two "
              f"seeded offices, half each {med(one_lean):.2f} s) (medians of {args.one_rounds}; "
              "--pdf: " + ", ".join(f"{x:.2f}" for x in one) + ")")
    print(f"load average after: {os.getloadavg()[0]:.2f} (other work on the machine slows the wall times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
