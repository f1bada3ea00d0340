"""Benchmark: start-up time of `docgen --help` and `docgen validate FILE` against bare Python (a benchmark, not a test).

    python benchmarks/startup.py            # median of 15 runs each
    python benchmarks/startup.py --runs 31

Each command runs in a fresh process (`python -m docgen ...`, the venv's interpreter); the figure is the
median wall time of the runs, and "start-up" is that minus bare `python -c pass`. It also prints the heavy
libraries each command imports (docxtpl, python-docx, pypdf, Jinja, jsonschema, lxml).

Two settings: "byte-code cached" is how an installed docgen starts (pip compiles the .pyc files; an editable
install writes them on first run): the runs use a private PYTHONPYCACHEPREFIX after one warm-up run. "no
byte-code cache" is a shell with PYTHONDONTWRITEBYTECODE=1 (as on the shared development machine): every
run compiles docgen's ~50 modules from source, which alone costs 60-90 ms of CPU. The goal is stated for the
first; both are printed.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "inputs" / "2017" / "dong-anh" / "cum-so-1.yaml"
PLAN = ROOT / "inputs" / "ke-hoach-2017.yaml"
HEAVY = ("docxtpl", "docx", "pypdf", "jinja2", "jsonschema", "lxml")


def median_ms(argv: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system: less sensitive to other work on the machine)."""
    times, cpu = [], []
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)  # warm-up
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append((time.perf_counter() - t) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return statistics.median(times), statistics.median(cpu)


def heavy_imports(args: list[str]) -> list[str]:
    code = ("import sys\nfrom docgen.cli.main import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    line = next(x for x in out.stdout.splitlines() if x.startswith("HEAVY:"))
    return [m for m in line[len("HEAVY:"):].split(",") if m]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    import os
    import tempfile
    print(f"docgen start-up — median of {args.runs} runs, load average {os.getloadavg()[0]:.2f}")
    commands = {"docgen --help": ["--help"], "docgen validate cum-so-1.yaml": ["validate", str(CLUSTER)],
                "docgen validate ke-hoach-2017.yaml": ["validate", str(PLAN)]}
    with tempfile.TemporaryDirectory(prefix="docgen-pyc-") as pyc:
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = pyc
        uncached = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        uncached.pop("PYTHONPYCACHEPREFIX", None)
        for label, env in (("byte-code cached (as installed)", cached), ("no byte-code cache", uncached)):
            print(f" {label}:")
            bare, bare_cpu = median_ms([sys.executable, "-c", "pass"], args.runs, env)
            print(f"  {'python -c pass':<36} {bare:7.1f} ms wall {bare_cpu:7.1f} ms CPU")
            for name, extra in commands.items():
                ms, cpu = median_ms([sys.executable, "-m", "docgen", *extra], args.runs, env)
                print(f"  {name:<36} {ms:7.1f} ms wall {cpu:7.1f} ms CPU   start-up {ms - bare:6.1f} ms wall "
                      f"{cpu - bare_cpu:6.1f} ms CPU")
    for name, extra in commands.items():
        print(f"  {name:<36} imports: {', '.join(heavy_imports(extra)) or 'none of them'}")
    print("goal: start-up (the command minus bare python) under 120 ms, byte-code cached")
    return 0


if __name__ == "__main__":
    sys.exit(main())
