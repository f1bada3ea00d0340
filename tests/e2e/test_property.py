"""Random mutations of the sample clusters: docgen answers each with exit 0 or 1, never a traceback;
an error always says where, and a failed build leaves the output folder exactly as it was."""
from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import DONG_ANH, GIA_LAM, PLAN_2017
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.cli import main
from docgen.load import reader
from docgen.pipeline import batch

SAMPLES = {"dong-anh": reader.load_file(DONG_ANH).data, "gia-lam": reader.load_file(GIA_LAM).data}
PLAN = reader.load_file(PLAN_2017).data


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """An output folder holding the sample dossiers, as a clerk's folder would after a first run."""
    out = tmp_path_factory.mktemp("baseline")
    batch.build([DONG_ANH, GIA_LAM], out)
    return out


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def paths_of(value, prefix=()):
    """Every path (keys and indexes) inside the data, parents before children."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths_of(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths_of(v, prefix + (i,))


def get(data, path):
    for part in path:
        data = data[part]
    return data


WRONG_VALUES = st.one_of(
    st.integers(-10**6, 10**6), st.booleans(), st.none(), st.just([]), st.just({}),
    st.lists(st.integers(0, 100), max_size=3), st.dictionaries(st.sampled_from(["a", "ten", "x"]), st.integers(), max_size=2),
    st.text(max_size=20), st.sampled_from(["no", "yes", "0123", "12:30", "2017-13-45", "-1", "1e9", "~", ""]),
)


@st.composite
def mutation(draw, data):
    """One change a clerk could make by mistake: remove or rename a key, a value of the wrong type,
    random Unicode typed into a text."""
    paths = [p for p in paths_of(data) if p]
    path = draw(st.sampled_from(paths))
    kind = draw(st.sampled_from(["remove", "rename", "wrong_type", "unicode"]))
    parent = get(data, path[:-1])
    key = path[-1]
    if kind == "remove":
        del parent[key]
    elif kind == "rename" and isinstance(parent, dict):
        new = draw(st.one_of(st.text(min_size=1, max_size=15), st.just(f"{key}x"), st.just(key[:-1] or "k")))
        if new not in parent:
            parent[new] = parent.pop(key)
    elif kind == "unicode" and isinstance(parent[key], str):
        text = draw(st.text(min_size=1, max_size=30))
        at = draw(st.integers(0, len(parent[key])))
        parent[key] = parent[key][:at] + text + parent[key][at:]
    else:
        parent[key] = draw(WRONG_VALUES)
    return f"{kind} {path}"


def to_yaml(data) -> str:
    def plain(v):
        if isinstance(v, Decimal):
            return float(v)
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v
    return yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False)


@st.composite
def mutated_sample(draw):
    """A sample cluster and the 2017 plan, one of them (mostly the cluster) changed 1 to 3 times."""
    name = draw(st.sampled_from(sorted(SAMPLES)))
    cluster = yaml.safe_load(to_yaml(SAMPLES[name]))  # deep copies in plain types
    plan = yaml.safe_load(to_yaml(PLAN))
    cluster["ke_hoach"] = "ke-hoach.yaml"  # both files are written side by side
    target = draw(st.sampled_from(["cum", "cum", "cum", "ke_hoach"]))
    done = [f"{target}: " + draw(mutation(cluster if target == "cum" else plan))
            for _ in range(draw(st.integers(1, 3)))]
    return name, done, to_yaml(cluster), to_yaml(plan)


# "file:line[:col]: …", or a to-do item "  dòng N: …" under its file's "chưa đủ" heading
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(:\d+)?: |^  dòng (?P<todo>\d+): ")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sample=mutated_sample())
def test_mutated_inputs_get_a_located_answer_and_lose_nothing(baseline, sample):
    name, mutations, text, plan = sample
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "ke-hoach.yaml").write_text(plan, encoding="utf-8")
        source = tmp / f"{name}.yaml"
        source.write_text(text, encoding="utf-8")
        out = tmp / "outputs"
        shutil.copytree(baseline, out)
        before = snapshot(out)
        err, std = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
            code = main.main(["build", str(source), "-o", str(out)])
        err = err.getvalue()
        context = f"{mutations}\n{err}"
        assert code in (0, 1), context
        assert "Traceback" not in err and "Lỗi nội bộ" not in err, context
        if code == 1:
            located = [m for m in map(LOCATED.match, err.splitlines()) if m]
            assert located, f"không có thông báo nào chỉ ra dòng:\n{context}"
            assert snapshot(out) == before, f"thư mục đầu ra bị thay đổi:\n{context}"
        else:
            assert "Đã lập hồ sơ" in std.getvalue(), context
