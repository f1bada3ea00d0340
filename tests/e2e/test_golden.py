"""Every sample document docgen makes is byte-identical to the recorded hashes (guards refactors)."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # not from conftest: this file also runs as a script
INPUTS = ROOT / "inputs"
GOLDEN = ROOT / "tests" / "data" / "golden-sha256.json"

# Each command as a user types it; outputs go under one folder whose files are hashed.
COMMANDS = [
    ["build", "{i}/2017", "-o", "o"],
    ["build", "{i}/2025", "-o", "o"],
    ["district", "{i}/2017/dong-anh", "-o", "o"],
    ["district", "{i}/2017/gia-lam", "-o", "o"],
    ["city", "{i}/2017", "-o", "o"],
    ["city", "{i}/2025", "-o", "o"],
    ["phu-luc-01", "{i}/ke-hoach-2017.yaml", "-o", "o/phu-luc-01-2017"],
    ["phu-luc-01", "{i}/ke-hoach-2025.yaml", "-o", "o/phu-luc-01-2025"],
    ["plan", "{i}/ke-hoach-2017.yaml", "-o", "o/ke-hoach-2017"],
    ["plan", "{i}/ke-hoach-2026.yaml", "-o", "o/ke-hoach-2026"],
    ["plan", "--next", "{i}/ke-hoach-2017.yaml", "-o", "o/ke-hoach-2018.yaml"],
    ["init", "--plan", "{i}/ke-hoach-2017.yaml", "--huyen", "Sóc Sơn", "--cum", "Cụm số 3",
     "--xa", "Phù Linh", "--xa", "Tiên Dược", "--xa", "thị trấn Sóc Sơn", "-o", "o/init/cum-so-3.yaml"],
]
# Printed results that are part of the contract too.
PRINTED = [
    ["score", "{i}/2017/dong-anh/cum-so-1.yaml", "--json"],
    ["classify", "5", "14", "22,5", "26", "9", "9", "4", "--json"],
]


def make_all(workdir: Path, docgen=(sys.executable, "-m", "docgen"), inputs: Path = INPUTS,
             env: dict | None = None) -> dict[str, str]:
    """Run every command in `workdir` with `docgen` on the samples in `inputs`;
    {relative path or 'stdout:<command>': sha256}."""
    env = {**(os.environ if env is None else env), "PYTHONHASHSEED": "0"}
    digests: dict[str, str] = {}

    def run(cmd):
        args = [a.format(i=inputs) for a in cmd]
        proc = subprocess.run([*docgen, *args], cwd=workdir, env=env, capture_output=True, timeout=600)
        assert proc.returncode == 0, (args, proc.stderr.decode())
        return proc.stdout

    for cmd in COMMANDS:
        run(cmd)
    for cmd in PRINTED:
        digests["stdout:" + " ".join(cmd[:1] + cmd[2:] if cmd[0] == "score" else cmd)] = (
            hashlib.sha256(run(cmd)).hexdigest())
    for f in sorted((workdir / "o").rglob("*")):
        if f.is_file():
            data = f.read_bytes()
            if f.suffix == ".yaml":  # `docgen init` links the checkout's schema and plan by a relative path
                data = data.replace(os.path.relpath(inputs.parent, f.parent).encode(), b"<checkout>")
            digests[f.relative_to(workdir / "o").as_posix()] = hashlib.sha256(data).hexdigest()
    return digests


@pytest.mark.slow
def test_every_sample_output_is_byte_identical_to_the_recorded_one(tmp_path):
    made = make_all(tmp_path)
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(made) == sorted(recorded), "the set of documents changed"
    changed = [k for k in recorded if made[k] != recorded[k]]
    assert not changed, f"{len(changed)} outputs differ from the recorded bytes: {changed[:10]}"


if __name__ == "__main__":  # python tests/e2e/test_golden.py: record today's hashes (only on purpose)
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        GOLDEN.write_text(json.dumps(make_all(Path(d)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {GOLDEN}")
