"""The compiled-template code cache (render.code_cache): a fresh process takes the templates' code from disk
instead of compiling it, with the same bytes out; an edited template, another docgen, a damaged, unwritable
or full cache folder each fall back to compiling, silently; the sandbox's bounds hold on cached code."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import DONG_ANH, ROOT
from test_templates_check import edited_templates

from docgen.levels import cluster as levels_cluster
from docgen.pipeline import dossier
from docgen.render import code_cache, compiled, environment
from docgen.render.sandbox import GuardedSandbox, TemplateLimit

NAME = "bien-ban-kiem-tra.docx"
TAG = "{{ don_vi.ten_ubnd }}"


@pytest.fixture(scope="module")
def spec():
    checked = levels_cluster.check_cluster(DONG_ANH)
    return next(s for s in dossier.context_cluster.build_documents(checked.plan.data, checked.cluster.data,
                                                                      checked.result) if s.template == NAME)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(code_cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def compiles(monkeypatch):
    """How many Jinja compiles run from here on (the sandbox environment's compile, counted)."""
    count = [0]
    real = GuardedSandbox.compile

    def counted(self, *args, **kwargs):
        count[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(GuardedSandbox, "compile", counted)
    return count


def fresh(path):
    """The template compiled as a new process would (this process's own memo of compiled templates not used)."""
    return compiled.compile_template(path, environment.process_env(), environment.FIXED_TIME)


def render(path, spec) -> bytes:
    return compiled.render_compiled(fresh(path), spec.context, environment.FIXED_TIME)


def body(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml").decode("utf-8")


def entries(folder):
    return sorted(p for p in folder.rglob("*.jinja"))


def test_a_second_process_takes_the_code_from_the_cache_and_renders_the_same_bytes(cache_dir, compiles, spec):
    path = environment.TEMPLATE_DIR / NAME
    cold = render(path, spec)
    first = compiles[0]
    assert first > 0 and entries(cache_dir)  # body, header and footer parts, file properties
    warm = render(path, spec)
    assert compiles[0] == first  # nothing compiled again
    assert warm == cold


def test_the_same_bytes_with_the_cache_off(monkeypatch, tmp_path, spec):
    monkeypatch.setenv(code_cache.ENV_VAR, str(tmp_path / "on"))
    on = render(environment.TEMPLATE_DIR / NAME, spec)
    monkeypatch.setenv(code_cache.ENV_VAR, "")
    assert code_cache.cache() is None
    assert render(environment.TEMPLATE_DIR / NAME, spec) == on
    assert list(tmp_path.iterdir()) == [tmp_path / "on"]


def test_an_edited_template_is_compiled_again(cache_dir, compiles, spec, tmp_path):
    folder = edited_templates(tmp_path, NAME, TAG, "{{ don_vi.ten_ubnd }} (đã sửa)")
    render(environment.TEMPLATE_DIR / NAME, spec)
    before = compiles[0]
    edited = render(folder / NAME, spec)  # another path, another text: no entry of the shipped template fits it
    assert compiles[0] > before
    again = compiles[0]
    # the same path, edited again: its entries no longer match the text and are compiled again
    shutil.copy(environment.TEMPLATE_DIR / NAME, folder / NAME)
    edited_templates(tmp_path, NAME, TAG, "{{ don_vi.ten_ubnd }} (sửa lần hai)")
    second = render(folder / NAME, spec)
    assert compiles[0] > again
    assert "(đã sửa)" in body(edited) and "(sửa lần hai)" in body(second) and "(đã sửa)" not in body(second)


def test_another_docgen_or_sandbox_uses_another_folder(cache_dir, monkeypatch):
    one = code_cache.cache().directory
    monkeypatch.setattr(code_cache.docgen, "__version__", "9.9.9")
    code_cache._cache_for.cache_clear()
    assert code_cache.cache().directory != one
    monkeypatch.undo()
    code_cache._cache_for.cache_clear()
    monkeypatch.setenv(code_cache.ENV_VAR, str(cache_dir))
    assert code_cache.cache().directory == one
    assert "sandbox.py" in code_cache.SOURCES  # the budget is compiled into the code


def test_damaged_entries_are_compiled_again_silently(cache_dir, compiles, spec):
    path = environment.TEMPLATE_DIR / NAME
    cold = render(path, spec)
    for i, entry in enumerate(entries(cache_dir)):  # cut short, garbage, empty
        entry.write_bytes([entry.read_bytes()[:40], b"\x80\x04garbage", b""][i % 3])
    before = compiles[0]
    assert render(path, spec) == cold
    assert compiles[0] > before


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch, compiles, spec):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(code_cache.ENV_VAR, str(blocker / "cache"))
    cold = render(environment.TEMPLATE_DIR / NAME, spec)
    if os.geteuid() != 0:  # root writes anywhere: only the file in the way is tested then
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        monkeypatch.setenv(code_cache.ENV_VAR, str(locked))
        assert render(environment.TEMPLATE_DIR / NAME, spec) == cold
        assert not any(locked.rglob("*.jinja"))
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_full_cache_is_emptied_before_it_grows(cache_dir, monkeypatch, spec):
    monkeypatch.setattr(code_cache, "MAX_ENTRIES", 3)
    monkeypatch.setattr(code_cache, "_room_checked", {})
    folder = code_cache.cache().directory
    os.makedirs(folder, exist_ok=True)
    for i in range(5):
        (cache_dir / os.path.basename(folder) / f"old-{i}.jinja").write_bytes(b"x")
    render(environment.TEMPLATE_DIR / NAME, spec)
    assert not any(p.name.startswith("old-") for p in entries(cache_dir))


def test_the_sandbox_bounds_hold_on_cached_code(cache_dir, tmp_path, spec):
    source = "{% for a in range(2000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}"
    folder = edited_templates(tmp_path, NAME, TAG, source)
    for _ in range(2):  # compiled, then taken from the cache
        with pytest.raises(TemplateLimit):
            render(folder / NAME, spec)


def test_two_builds_in_fresh_processes_give_the_same_dossier(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), code_cache.ENV_VAR: str(tmp_path / "cache")}
    outs = []
    for k in range(2):
        out = tmp_path / f"out-{k}"
        run = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", str(out), "-j", "1"],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
        assert run.returncode == 0, run.stderr[-2000:]
        outs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.docx"))})
        if k == 0:
            assert entries(tmp_path / "cache")
    assert outs[0] == outs[1] and len(outs[0]) > 10


def test_folders_of_another_docgen_unused_for_a_month_are_removed(cache_dir, spec):
    cache_dir.mkdir()
    old, recent = cache_dir / "code-0000old", cache_dir / "code-0000recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "x.jinja").write_bytes(b"x")
    past = time.time() - 31 * 86400
    os.utime(old, (past, past))
    render(environment.TEMPLATE_DIR / NAME, spec)
    assert not old.exists() and recent.exists()
    ours = Path(code_cache.cache().directory)
    assert time.time() - ours.stat().st_mtime < 3600  # ours marked as in use
