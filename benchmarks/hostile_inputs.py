"""Benchmark: time and peak memory of `docgen validate` on hostile inputs (a benchmark, not a test).

    python benchmarks/hostile_inputs.py

Each case is the valid sample tests/data/cum-goc.yaml with one hostile value, validated in a fresh
process capped at 3 GB of address space (RLIMIT_AS), so that an unbounded case ends as an internal
error instead of swapping the machine. Prints exit code, wall time, peak RSS and the first message.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAP = 3 * 1024 ** 3


def cases() -> dict[str, tuple[str, str]]:
    laughs = "[" + ", ".join(["*a0"] * 10) + "]"
    return {
        "số mũ 5.0e-999999999": ("tu_cham: [4,", "tu_cham: [5.0e-999999999,"),
        "số 5000 chữ số": ("tu_cham: [4,", "tu_cham: [" + "9" * 5000 + ","),
        "danh sách 40.000 mục": ("thong_nhat: [", "thong_nhat: [" + "1, " * 40_000),
        "chữ 100.000 ký tự": ("  ten: Cụm số 3\n", "  ten: " + "x" * 100_000 + "\n"),
        "bí danh lồng nhau": ("loai_tep: cum\n", "loai_tep: cum\nzz: &a0 [1,2,3,4,5,6,7,8,9,10]\n"
                              + "".join(f"z{n}: &a{n} " + laughs.replace("a0", f"a{n - 1}") + "\n"
                                        for n in range(1, 6))),
    }


def run(path: Path) -> tuple[int, float, int, str]:
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "validate", str(path)], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, preexec_fn=cap,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss // 1024, err


def main() -> None:
    base = (ROOT / "tests" / "data" / "cum-goc.yaml").read_text(encoding="utf-8")
    base = base.replace("../../inputs/", f"{ROOT}/inputs/")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (old, new) in cases().items():
            path = Path(tmp) / "cum.yaml"
            path.write_text(base.replace(old, new, 1), encoding="utf-8")
            code, seconds, mb, err = run(path)
            first = next((ln for ln in err.splitlines() if ln.strip()), "")
            print(f"{name:24} rc {code}  {seconds:5.2f} s  {mb:5d} MB  {len(err):>10,} B  {first[:110]}")


if __name__ == "__main__":
    main()
