"""City scale: the compiled render path gives plain docxtpl's bytes, parallel builds give the same
dossiers as sequential ones, and the CLI reports a run without flooding."""
from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import DATA, DONG_ANH, GIA_LAM, INPUTS, ROOT, cluster_specs, level_specs, load_result
from docx import Document

from benchmarks.city import make_city
from docgen import errors
from docgen.cli import build as build_command
from docgen.cli import main
from docgen.load import discover, reader
from docgen.pipeline import batch
from docgen.render import compiled, document, environment
from docgen.render import plain as render_plain

SAMPLES = [DONG_ANH, GIA_LAM, DATA / "cum-toi-thieu.yaml"]


def sample_specs():
    """Every document docgen makes from the samples: the cluster dossiers with their index, then the
    plans, the district and the city documents."""
    return cluster_specs(SAMPLES) + level_specs()


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_compiled_path_gives_plain_docxtpl_bytes_for_every_template_and_sample_document():
    seen = set()
    for spec in sample_specs():
        path = environment.template_path(spec.template)
        # the fast path really is taken (otherwise this would compare the plain path with itself)
        assert compiled.compiled_for(path, environment.jinja_env(), environment.FIXED_TIME) is not None, spec.template
        assert compiled.is_plain(spec.context)
        assert document.render(spec.template, spec.context) == render_plain.render_plain(spec.template, spec.context), \
            spec.file_name
        seen.add(spec.template)
    assert seen == {p.name for p in environment.TEMPLATE_DIR.glob("*.docx")}


def test_same_bytes_with_line_breaks_tabs_markup_and_templated_core_properties(tmp_path):
    """Values with \\n and \\t go through docxtpl's listing rewrite; core properties vary per document."""
    for name in ("bien-ban-kiem-tra.docx", "cong-van-de-nghi-khen-thuong.docx"):
        doc = Document(str(environment.TEMPLATE_DIR / name))
        doc.core_properties.title = "{{ cum.ten }} – {{ so_ky_hieu }}"
        doc.core_properties.subject = "Hồ sơ {{ co_quan_chu_quan }}"
        doc.save(str(tmp_path / name))
    specs = [s for s in sample_specs() if s.template in ("bien-ban-kiem-tra.docx", "cong-van-de-nghi-khen-thuong.docx")]
    for spec in specs[:2] + specs[-1:]:
        ctx = dict(spec.context)
        ctx["so_ky_hieu"] = "Số: 7/BB\tĐKT\ndòng hai & <ba>"
        fast = document.render(spec.template, ctx, tmp_path)
        assert compiled.compiled_for(tmp_path / spec.template, environment.jinja_env(), environment.FIXED_TIME) is not None
        assert fast == render_plain.render_plain(spec.template, ctx, tmp_path)
    core = Document(io.BytesIO(fast)).core_properties
    assert core.title.startswith("Cụm số") and "ĐKT" in core.title


def test_both_paths_report_a_missing_variable_the_same_way():
    spec = cluster_specs(SAMPLES[:1])[0]
    ctx = {k: v for k, v in spec.context.items() if k != "doan"}
    with pytest.raises(errors.TemplateError) as fast:
        document.render(spec.template, ctx)
    with pytest.raises(errors.TemplateError) as plain:
        render_plain.render_plain(spec.template, ctx)
    assert fast.value.message == plain.value.message
    assert "doan" in fast.value.message


def test_jobs_1_and_jobs_2_write_identical_dossiers(tmp_path):
    city = tmp_path / "city"
    make_city(city, clusters=4, seed=7)
    shutil.copytree(INPUTS / "2017", city / "samples")  # their plan, ../../ke-hoach-2017.yaml, is the city's
    one = batch.build_many([city], tmp_path / "one", jobs=1)
    two = batch.build_many([city], tmp_path / "two", jobs=2)
    assert (one.jobs, two.jobs) == (1, 2)
    a, b = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    docx = sum(1 for name in a if name.endswith(".docx"))
    clusters = 4 + len(discover.expand([INPUTS / "2017"]))  # the synthetic ones and the samples
    assert one.clusters == two.clusters == clusters and one.documents == two.documents == docx > clusters * 7
    # every document, one manifest and one Phụ lục 02 as .xlsx per cluster
    assert len(a) == docx + 2 * clusters and a == b
    # and the same as the library's sequential build
    batch.build([city], tmp_path / "seq")
    assert tree_bytes(tmp_path / "seq") == a


def test_nothing_is_written_when_one_file_of_the_city_is_wrong(tmp_path):
    city = tmp_path / "city"
    files = make_city(city, clusters=3, seed=1)
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("ngay_kiem_tra: '2017-09-06'", "ngay_kiem_tra: '2017-02-30'", 1),
                        encoding="utf-8")
    shutil.copy(files[0], files[0].with_name("ban-sao.yaml"))  # same district and cluster: same folder
    with pytest.raises(errors.ValidationFailed) as e:
        batch.build_many([city], tmp_path / "out", jobs=2)
    text = "\n".join(e.value.lines())
    assert "không có thật" in text and str(files[1]) in text
    assert "cùng thư mục" in text and "ban-sao.yaml" in text
    assert not (tmp_path / "out").exists()


def test_an_error_in_a_worker_reaches_the_caller_whole(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(environment.TEMPLATE_DIR, templates)
    broken = zipfile.ZipFile(templates / "phu-luc-02.docx")
    parts = {info.filename: broken.read(info) for info in broken.infolist()}
    broken.close()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"{{ nd_1_ten }}", b"{{ 1 / 0 }}", 1)
    with zipfile.ZipFile(templates / "phu-luc-02.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(errors.TemplateError) as e:
        batch.build_many([DONG_ANH, GIA_LAM], tmp_path / "out", jobs=2, template_dir=templates)
    assert "phu-luc-02.docx" in e.value.message and "phép chia cho 0" in e.value.message and e.value.issues == []


def test_cli_summary_and_no_progress_when_stderr_is_not_a_terminal(tmp_path, capsys):
    assert main.main(["build", str(INPUTS / "2017"), "-o", str(tmp_path), "--jobs", "2"]) == 0
    out, err = capsys.readouterr()
    n = len(list(tmp_path.rglob("*.docx")))
    assert f"Xong: 4 Cụm, {n} văn bản trong " in out and "(2 tiến trình)" in out
    assert "bien-ban-hop-cum.docx" in out  # few clusters: every file is listed
    assert err == ""  # no progress bar, no control characters


def test_cli_with_many_clusters_prints_the_summary_and_the_folder_not_every_file(tmp_path, capsys):
    make_city(tmp_path / "city", clusters=build_command.LIST_LIMIT + 1, seed=3)
    assert main.main(["build", str(tmp_path / "city"), "-o", str(tmp_path / "out"), "-j", "1"]) == 0
    out, err = capsys.readouterr()
    n = len(list((tmp_path / "out").rglob("*.docx")))
    assert n > 7 * (build_command.LIST_LIMIT + 1)
    assert f"Xong: {build_command.LIST_LIMIT + 1} Cụm, {n} văn bản" in out and "(1 tiến trình)" in out
    assert f"Hồ sơ ở thư mục {tmp_path / 'out'}/" in out
    # no cluster and no file listed one by one
    assert "Đã lập hồ sơ" not in out and not any(line.startswith(f"  {tmp_path}") for line in out.splitlines())
    assert err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_cli_draws_a_progress_bar_on_a_terminal(tmp_path):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "build", str(INPUTS / "2017"), "-o", str(tmp_path),
                             "-j", "2"], stdout=subprocess.PIPE, stderr=slave,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    out = proc.stdout.read().decode()
    assert proc.wait() == 0
    drawn = drawn.decode("utf-8", "replace")
    assert "Kiểm tra, lập hồ sơ" in drawn and "4/4" in drawn
    assert "Xong: 4 Cụm" in out


# Loads each (text, name) of a JSON list on stdin as PyYAML without libyaml would: the C extension is
# made unimportable before yaml and docgen are imported. Prints the pickled results.
PURE = """
import json, pickle, sys
sys.modules["yaml.cyaml"] = None
import yaml
assert not yaml.__with_libyaml__
from conftest import load_result
sys.stdout.buffer.write(pickle.dumps([load_result(text, name) for text, name in json.load(sys.stdin)]))
"""

BAD_YAML = [
    "loai_tep: cum\nhuyen:\n\tten: Đông Anh\n",          # a tab
    "loai_tep: cum\nten: \"Cổ Loa\n",                   # an unclosed quote
    "loai_tep: cum\nten: a: b\n",                       # a stray colon
    "loai_tep: cum\n  ten: x\n",                        # bad indentation
    "loai_tep: cum\nten: *khong_co\n",                  # an unknown alias
    "loai_tep: cum\nten: a\x07b\n",                     # a control character
    "a: &x [1]\nb: *x\nb: 2\n",                         # a repeated key
]


def test_libyaml_and_pure_python_parsing_give_the_same_values_positions_and_messages(tmp_path):
    """docgen parses with libyaml when PyYAML has it, and with PyYAML's own parser otherwise (some
    installs): every sample file and every broken one must read the same either way."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml: only the pure-Python parser is used")
    files = list(INPUTS.rglob("*.yaml")) + list(DATA.glob("*.yaml")) + make_city(tmp_path, clusters=1)
    cases = [(reader.read_text(f), str(f)) for f in files] + [(text, f"hong-{n}.yaml") for n, text in enumerate(BAD_YAML)]
    fast = [load_result(text, name) for text, name in cases]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    proc = subprocess.run([sys.executable, "-c", PURE], input=json.dumps(cases).encode(), capture_output=True,
                          env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    slow = pickle.loads(proc.stdout)
    assert all(isinstance(r, list) for r in fast[len(files):]), "a broken text was read without an error"
    differ = [name for (_, name), a, b in zip(cases, fast, slow) if a != b]
    assert not differ, f"libyaml and the pure-Python parser disagree on: {differ}"


def test_each_cluster_is_checked_once_and_nothing_rendered_after_a_failure(tmp_path, monkeypatch):
    from docgen.levels import cluster
    from docgen.pipeline import dossier

    checks, renders = [], []
    check, render = cluster.check_cluster, dossier.render_cluster
    monkeypatch.setattr(cluster, "check_cluster", lambda path: checks.append(path) or check(path))
    monkeypatch.setattr(dossier, "render_cluster", lambda c, *a: renders.append(c.cluster.path) or render(c, *a))
    files = make_city(tmp_path / "city", clusters=3, seed=5)
    batch.build_many([tmp_path / "city"], tmp_path / "out", jobs=1)
    assert sorted(checks) == sorted(files) and len(renders) == 3
    checks.clear(), renders.clear()
    first = sorted(files)[0]
    first.write_text(first.read_text(encoding="utf-8").replace("loai_tep: cum", "loai_tep: cumm"), encoding="utf-8")
    with pytest.raises(errors.ValidationFailed):
        batch.build_many([tmp_path / "city"], tmp_path / "out2", jobs=1)
    assert len(checks) == 3 and renders == []  # every file checked, none rendered once one failed
