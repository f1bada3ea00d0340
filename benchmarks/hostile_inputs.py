"""Benchmark: time and peak memory of docgen on hostile inputs and templates (a benchmark, not a test).

    python benchmarks/hostile_inputs.py

Each input case is the valid sample tests/data/cum-goc.yaml with one hostile value, validated in a
fresh process; each template case is templates_docx/bien-ban-kiem-tra.docx with one hostile tag, used
through `docgen build -t`. Every process is capped at 3 GB of address space (RLIMIT_AS) and 60 s of CPU
(RLIMIT_CPU), so that an unbounded case ends as an internal error or a kill (rc -9) instead of swapping
or hanging the machine. Prints exit code, wall time, peak RSS, size of the output and its first line.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAP = 3 * 1024 ** 3


def cases() -> dict[str, tuple[str, str]]:
    laughs = "[" + ", ".join(["*a0"] * 10) + "]"
    return {
        "tệp hợp lệ (để so sánh)": ("", ""),
        "số mũ 5.0e-999999999": ("tu_cham: [4,", "tu_cham: [5.0e-999999999,"),
        "số 5000 chữ số": ("tu_cham: [4,", "tu_cham: [" + "9" * 5000 + ","),
        "danh sách 40.000 mục": ("thong_nhat: [", "thong_nhat: [" + "1, " * 40_000),
        "chữ 100.000 ký tự": ("  ten: Cụm số 3\n", "  ten: " + "x" * 100_000 + "\n"),
        "bí danh lồng nhau": ("loai_tep: cum\n", "loai_tep: cum\nzz: &a0 [1,2,3,4,5,6,7,8,9,10]\n"
                              + "".join(f"z{n}: &a{n} " + laughs.replace("a0", f"a{n - 1}") + "\n"
                                        for n in range(1, 6))),
    }


TEMPLATE_CASES = {
    "mẫu không sửa (so sánh)": "{{ don_vi.ten_ubnd }}",
    "center(300000000)": "{{ 'x'|center(300000000) }}",
    "3 vòng range(100000)": "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
                            "{% endfor %}{% endfor %}{% endfor %}",
}


def clerk_template(folder: Path, tag: str) -> Path:
    """bien-ban-kiem-tra.docx with its first {{ don_vi.ten_ubnd }} replaced by `tag`, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    name = "bien-ban-kiem-tra.docx"
    with zipfile.ZipFile(ROOT / "templates_docx" / name) as src, zipfile.ZipFile(folder / name, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.decode("utf-8").replace("{{ don_vi.ten_ubnd }}", tag, 1).encode("utf-8")
            dst.writestr(info, data)
    return folder


def run(path: Path, *args: str) -> tuple[int, float, int, str]:
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    start = time.perf_counter()
    command = list(args) or ["validate", str(path)]
    proc = subprocess.Popen([sys.executable, "-m", "docgen", *command], stderr=subprocess.PIPE,
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
            path.write_text(base.replace(old, new, 1) if old else base, encoding="utf-8")
            code, seconds, mb, err = run(path)
            first = next((ln for ln in err.splitlines() if ln.strip()), "")
            print(f"{name:24} rc {code}  {seconds:5.2f} s  {mb:5d} MB  {len(err):>10,} B  {first[:110]}")
        sample = ROOT / "inputs" / "2017" / "dong-anh" / "cum-so-1.yaml"
        for n, (name, tag) in enumerate(TEMPLATE_CASES.items()):
            folder = clerk_template(Path(tmp) / f"mau{n}", tag)
            code, seconds, mb, err = run(sample, "build", str(sample), "-o", str(Path(tmp) / f"out{n}"), "-j", "1",
                                         "-t", str(folder))
            last = next((ln for ln in reversed(err.splitlines()) if ln.strip()), "")
            print(f"{name:24} rc {code}  {seconds:5.2f} s  {mb:5d} MB  {len(err):>10,} B  {last[-110:]}")


if __name__ == "__main__":
    main()
