"""LibreOffice kept warm per process: one office for many batches, restarted and resumed when it hangs or
crashes, never left running; and PDFs whose bytes do not depend on the clock, folder, time zone or language."""
from __future__ import annotations

import hashlib
import json
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import DONG_ANH, ROOT, blank_pdf, cluster_specs, require_soffice
from pypdf import PdfReader, PdfWriter

from docgen.errors import OutputError
from docgen.output import feed, office_profile, pdf, soffice

def calls(home: Path) -> list[list[str]]:
    """The files each `--convert-to` call was given, by name."""
    lines = (home / "calls.log").read_text(encoding="utf-8").splitlines()
    return [[Path(a).name for a in ln.split()[ln.split().index("--outdir") + 2:]] for ln in lines if "--convert-to" in ln]


def servers(home: Path) -> list[int]:
    log = home / "servers.log"
    return [int(p) for p in log.read_text(encoding="utf-8").split()] if log.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


DOCS = {f"van-ban-{i}.docx": f"docx {i}".encode() for i in range(1, 5)}


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_one_warm_office_converts_batch_after_batch(fake):
    exe, home = fake
    first = pdf.convert(DOCS, exe)
    second = pdf.convert({"danh-muc-ho-so.docx": b"index"}, exe)
    assert sorted(first) == [f"van-ban-{i}.pdf" for i in range(1, 5)] and list(second) == ["danh-muc-ho-so.pdf"]
    assert len(servers(home)) == 1  # started once, not once per call
    assert calls(home) == [list(DOCS), ["danh-muc-ho-so.docx"]]
    server = servers(home)[0]
    assert alive(server)
    soffice.close_all()
    assert not alive(server)  # no office left behind


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_two_offices_convert_one_cluster_side_by_side_in_order(fake):
    exe, home = fake
    soffice.warm_up(exe, 2)
    got = pdf.convert(DOCS, exe)
    assert list(got) == [n.replace(".docx", ".pdf") for n in DOCS]  # the filing order, kept
    assert [PdfReader(io.BytesIO(b)).metadata["/Title"] for b in got.values()] == [Path(n).stem for n in DOCS]
    names = list(DOCS)
    assert len(servers(home)) == 2 and sorted(calls(home)) == sorted([names[:2], names[2:]])  # half each
    assert list(pdf.convert({"danh-muc-ho-so.docx": b"index"}, exe)) == ["danh-muc-ho-so.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_one_cluster_and_two_cores_build_with_two_offices(fake, tmp_path, monkeypatch):
    from docgen.pipeline import batch
    exe, home = fake
    monkeypatch.setenv("DOCGEN_SOFFICE", exe)
    (b,) = batch.build_many([DONG_ANH], tmp_path / "ra", jobs=2, pdf=True).built
    assert len(servers(home)) == 2
    docx = [f for f in b.files if f.suffix == ".docx"]
    assert len(docx) > 10
    made, index = calls(home), docx[0].name  # the Mục lục first in the dossier
    # each document converted once, with a draft of the Mục lục; the Mục lục itself last, once pages are counted
    assert sorted(n for c in made[:-1] for n in c) == sorted(f.name for f in docx) and made[-1] == [index]
    assert len(made) - 1 <= len(docx) // feed.MIN_BATCH  # batches, never a call per document
    assert len(set(_call_offices(home)[:-1])) == 2  # both offices converted part of the dossier
    for f in docx:  # each PDF made from its own document, whichever office converted it
        assert PdfReader(f.with_suffix(".pdf")).metadata["/Title"] == f.stem


def _call_offices(home: Path) -> list[str]:
    """The profile (so the office) each `--convert-to` call went to."""
    lines = (home / "calls.log").read_text(encoding="utf-8").splitlines()
    return [ln.split()[1] for ln in lines if "--convert-to" in ln]


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_documents_are_converted_while_the_rest_are_rendered(fake, tmp_path, monkeypatch):
    """The order of events: LibreOffice is at work on the first documents before the last is rendered."""
    import threading
    from docgen.pipeline import batch
    from docgen.render import document
    exe, home = fake
    monkeypatch.setenv("DOCGEN_SOFFICE", exe)
    events, converting = [], threading.Event()
    real_render, real_convert = document.render, soffice.Office.convert
    specs = cluster_specs([DONG_ANH])[:-1]  # the dossier without its index

    def render(template, context, *args, **kwargs):
        if len([e for e in events if e == "render"]) == len(specs) - 1:  # the last document of the dossier
            converting.wait(timeout=30)  # without streaming no conversion starts before this one is done
        events.append("render")
        return real_render(template, context, *args, **kwargs)

    def convert(self, documents):
        events.append("convert")
        converting.set()
        return real_convert(self, documents)

    monkeypatch.setattr(document, "render", render)
    monkeypatch.setattr(soffice.Office, "convert", convert)
    batch.build_many([DONG_ANH], tmp_path / "ra", jobs=1, pdf=True)
    assert converting.is_set()
    assert events.index("convert") < len(specs) - 1 < len(events)  # a batch went out before the last render
    assert events.count("render") == len(specs) + 2  # and the Mục lục's draft and itself, rendered after


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
@pytest.mark.parametrize("mode", ["hang", "crash"])
def test_office_that_hangs_or_crashes_is_restarted_and_the_batch_resumed(fake, monkeypatch, mode):
    exe, home = fake
    monkeypatch.setenv("FAKE_SOFFICE_MODE", mode)
    got = pdf.convert(DOCS, exe)
    assert sorted(got) == [f"van-ban-{i}.pdf" for i in range(1, 5)]
    assert all(PdfReader(io.BytesIO(b)).pages for b in got.values())
    names = list(DOCS)
    assert calls(home) == [names, names[1:]]  # the second office gets only what is still missing
    first, second = servers(home)
    assert not alive(first) and alive(second)


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_office_that_never_converts_gives_a_clear_message(fake, monkeypatch):
    exe, home = fake
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "fail")
    with pytest.raises(OutputError) as e:
        pdf.convert(DOCS, exe)
    assert "LibreOffice không chuyển được van-ban-1.docx sang PDF" in e.value.message
    assert "Chưa ghi tệp nào" in e.value.message
    assert len(calls(home)) == 2  # tried again once with a fresh office, then gave up


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_without_a_warm_office_each_batch_starts_its_own(fake, monkeypatch):
    exe, home = fake
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "cold")
    assert sorted(pdf.convert(DOCS, exe)) == [f"van-ban-{i}.pdf" for i in range(1, 5)]
    assert sorted(pdf.convert({"a.docx": b"a"}, exe)) == ["a.pdf"]
    assert len(calls(home)) == 2


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_build_starts_the_office_before_rendering(fake, tmp_path, monkeypatch):
    from docgen.pipeline import batch
    from docgen.render import document
    exe, home = fake
    monkeypatch.setenv("DOCGEN_SOFFICE", exe)
    started = []
    real = document.render

    def spy(*args, **kwargs):
        started.append(soffice.office(exe).starts)
        return real(*args, **kwargs)

    monkeypatch.setattr(document, "render", spy)
    (b,) = batch.build_many([DONG_ANH], tmp_path / "ra", jobs=1, pdf=True).built
    assert started[0] == 1  # up while the documents were being rendered, not after
    index = next(f.name for f in b.files if f.suffix == ".docx")
    assert len(servers(home)) == 1 and calls(home)[-1] == [index]  # the documents, then the Mục lục
    assert (b.folder / pdf.COMBINED).is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_office_dies_with_the_process_that_started_it(fake, tmp_path, monkeypatch):
    exe, home = fake
    script = ("import sys, time\nfrom docgen.output import pdf\n"
              f"pdf.convert({{'a.docx': b'a'}}, {exe!r})\nprint('ok', flush=True)\ntime.sleep(600)\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, TMPDIR=str(scratch)))
    assert proc.stdout.readline().strip() == "ok"
    (server,) = servers(home)
    assert alive(server)
    proc.send_signal(signal.SIGKILL)  # nothing of docgen runs: the kernel tells the office
    proc.wait()
    deadline = time.monotonic() + 10
    while alive(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(server)
    (left,) = scratch.glob("docgen-lo-*")  # its folder stays until the next office sweeps it away
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    pdf.convert({"b.docx": b"b"}, exe)
    assert not left.exists()


def test_same_document_same_pdf_bytes_whatever_the_clock():
    a, b = blank_pdf("D:20261129151756+07'00'"), blank_pdf("D:20261129081800Z'")
    assert a != b
    fixed_a, fixed_b = pdf.reproducible(a), pdf.reproducible(b)
    assert fixed_a == fixed_b
    reader = PdfReader(io.BytesIO(fixed_a), strict=True)  # offsets still right
    assert len(reader.pages) == 1
    assert reader.metadata["/CreationDate"] == "D:19800101000000Z"
    digest = reader.trailer["/ID"][0]
    assert len(digest) == 16 and digest == reader.trailer["/ID"][1]
    other = PdfWriter()
    other.add_blank_page(842, 595)  # another content, another /ID
    other.generate_file_identifiers()
    buf = io.BytesIO()
    other.write(buf)
    assert PdfReader(io.BytesIO(pdf.reproducible(buf.getvalue()))).trailer.get("/ID") != digest


def test_a_date_of_another_length_moves_the_cross_reference_offsets():
    fixed = pdf.reproducible(blank_pdf("D:2017"))
    reader = PdfReader(io.BytesIO(fixed), strict=True)
    assert reader.metadata["/CreationDate"] == "D:19800101000000Z" and len(reader.pages) == 1
    assert fixed == pdf.reproducible(blank_pdf("D:2018"))


def test_a_pdf_with_a_cross_reference_stream_is_rewritten_with_the_fixed_date():
    import pikepdf
    shaped = []
    for date in ("D:20261129151756+07'00'", "D:20261129081800Z"):
        with pikepdf.open(io.BytesIO(blank_pdf(date))) as doc:
            buf = io.BytesIO()
            doc.save(buf, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            shaped.append(buf.getvalue())
    assert b"/XRef" in shaped[0] and shaped[0] != shaped[1]
    fixed = pdf.reproducible(shaped[0])
    assert fixed == pdf.reproducible(shaped[1])
    reader = PdfReader(io.BytesIO(fixed), strict=True)
    assert reader.metadata["/CreationDate"] == "D:19800101000000Z" and len(reader.pages) == 1


def build_pdfs(where: Path, tz: str, lang: str) -> dict[str, str]:
    env = dict(os.environ, TZ=tz, LANG=lang, LC_ALL=lang, DOCGEN_SOFFICE=require_soffice())
    where.mkdir()
    proc = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", "ra", "--pdf"],
                          cwd=where, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((where / "ra").rglob("*.pdf"))}


@pytest.mark.libreoffice
def test_pdf_bytes_same_across_folders_time_zones_and_languages(tmp_path):
    first = build_pdfs(tmp_path / "mot", "Asia/Ho_Chi_Minh", "vi_VN.UTF-8")
    time.sleep(1.1)  # another second on the clock
    second = build_pdfs(tmp_path / "hai-thu-muc-khac", "America/New_York", "C.UTF-8")
    made = json.loads(next((tmp_path / "mot" / "ra").rglob("manifest.json")).read_text(encoding="utf-8"))["van_ban"]
    assert len(first) == len(made) + 1 and pdf.COMBINED in first  # a PDF of each document, and the combined one
    assert first == second
    text = subprocess.run(["pdftotext", str(next((tmp_path / "mot" / "ra").rglob("lich-kiem-tra.pdf"))), "-"],
                          capture_output=True, text=True)
    if text.returncode != 127:
        assert "LỊCH KIỂM TRA" in text.stdout.upper() or "Lịch" in text.stdout


@pytest.mark.libreoffice
def test_city_build_leaves_no_office_running(tmp_path, monkeypatch):
    from docgen.pipeline import batch
    from conftest import GIA_LAM
    monkeypatch.setenv("DOCGEN_SOFFICE", require_soffice())
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # the workers' offices live here
    summary = batch.build_many([DONG_ANH, GIA_LAM], tmp_path / "ra", jobs=2, pdf=True)
    assert summary.clusters == 2
    left = []
    for proc in Path("/proc").iterdir():
        try:
            if str(scratch).encode() in (proc / "cmdline").read_bytes() and alive(int(proc.name)):
                left.append(proc.name)
        except (OSError, ValueError):
            pass
    assert left == []
    assert not any(scratch.glob("docgen-lo-*"))


def _office_processes(home: Path) -> list[int]:
    """The warm office's soffice.bin (not the --convert-to clients) running under `home`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"soffice.bin" in cmd and str(home).encode() in cmd and b"--convert-to" not in cmd and alive(int(proc.name)):
            found.append(int(proc.name))
    return found


@pytest.mark.libreoffice
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["crash", "hang"])
def test_real_office_killed_or_frozen_mid_batch_is_replaced(tmp_path, monkeypatch, fault):
    import threading
    exe = require_soffice()
    built = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", str(tmp_path / "ra")],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    docs = {p.name: p.read_bytes() for p in sorted((tmp_path / "ra").rglob("*.docx"))}
    monkeypatch.setattr(soffice, "STALL_S", 5.0)
    office = soffice.Office(exe)
    hit = []

    def strike():  # as soon as the first PDF of the batch is out, the office crashes or freezes
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if any(office.home.glob("lo-*/pdf/*.pdf")):
                for pid in _office_processes(office.home):
                    os.kill(pid, fault)
                    hit.append(pid)
                return
            time.sleep(0.01)

    try:
        threading.Thread(target=strike, daemon=True).start()
        got = office.convert(docs)
        assert hit and sorted(got) == sorted(n.replace(".docx", ".pdf") for n in docs)
        assert all(PdfReader(io.BytesIO(b)).pages for b in got.values())
        again = office.convert(docs)  # the office serving after the fault converts as before
        assert {n: pdf.reproducible(b) for n, b in got.items()} == {n: pdf.reproducible(b) for n, b in again.items()}
    finally:
        office.close()
    for pid in hit:
        if fault == signal.SIGSTOP:
            assert not alive(pid)  # the frozen office was killed, not left behind


@pytest.mark.libreoffice
def test_installed_version_read_without_starting_the_office():
    exe = require_soffice()
    told = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()
    version = office_profile.office_version(exe)
    assert version is not None and told[1].startswith(version + ".")  # 'LibreOffice 7.4.7.2 …' → '7.4'


def test_profile_seeded_once_and_only_when_the_version_is_known(fake, tmp_path):
    exe, _ = fake  # a wrapper script: no LibreOffice configuration beside it
    assert office_profile.office_version(exe) is None
    assert not office_profile.seed_profile(tmp_path / "p0", exe) and not (tmp_path / "p0").exists()
    office_profile._versions["lo"] = "7.4"
    try:
        assert office_profile.seed_profile(tmp_path / "p1", "lo")
        seeded = (tmp_path / "p1" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
        assert 'oor:name="ooSetupLastVersion"' in seeded and "<value>7.4</value>" in seeded
        assert not office_profile.seed_profile(tmp_path / "p1", "lo")  # a profile in use is never touched again
    finally:
        del office_profile._versions["lo"]


@pytest.mark.libreoffice
def test_warm_office_skips_the_graphics_self_tests(tmp_path):
    """LibreOffice writes GraphicsRenderTests.log into the profile when it runs its self-tests (about 0.7 s
    of CPU each start with a headless-only profile): the seeded profile makes it skip them."""
    exe = require_soffice()
    built = subprocess.run([sys.executable, "-m", "docgen", "build", str(DONG_ANH), "-o", str(tmp_path / "ra")],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    docx = next((tmp_path / "ra").rglob("lich-kiem-tra.docx"))
    office = soffice.Office(exe)
    try:
        got = office.convert({docx.name: docx.read_bytes()})
        assert PdfReader(io.BytesIO(got["lich-kiem-tra.pdf"])).pages
        user = office.home / "profile" / "user"
        assert (user / "registrymodifications.xcu").is_file()  # LibreOffice used the profile
        assert not (user / "GraphicsRenderTests.log").exists()
    finally:
        office.close()


def _parts(docx: bytes) -> dict[str, bytes]:
    import zipfile
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
        return {i.filename: z.read(i) for i in z.infolist()}


def _style_ids(styles: bytes) -> set[str]:
    import re
    return {m.decode() for m in re.findall(rb'w:styleId="([^"]*)"', styles)}


def test_office_copy_keeps_every_style_in_use_and_every_other_part(built):
    import re
    docx = next(f for f in built[DONG_ANH.resolve()].files if f.name.startswith("bien-ban-kiem-tra-"))
    original = docx.read_bytes()
    before, after = _parts(original), _parts(pdf.for_office(original))
    assert list(after) == list(before)  # same parts, same order
    assert all(after[n] == before[n] for n in before if n != "word/styles.xml")
    kept, had = _style_ids(after["word/styles.xml"]), _style_ids(before["word/styles.xml"])
    assert len(kept) < len(had) / 4  # most of a template's styles are never applied
    applied = {m.decode() for n, x in before.items() if n.startswith("word/") and n.endswith(".xml")
               and "styles" not in n.lower() for m in re.findall(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"', x)}
    assert applied and applied <= kept
    for sid in kept:  # whatever a kept style is based on or linked to is kept too
        block = re.search(rb'<w:style\b[^>]*w:styleId="' + sid.encode() + rb'".*?</w:style>', after["word/styles.xml"], re.S)
        for ref in re.findall(rb'<w:(?:basedOn|link|next) w:val="([^"]*)"', block.group(0)):
            assert ref.decode() in kept, (sid, ref)
    defaults = {m.decode() for m in re.findall(rb'<w:style [^>]*w:default="1"[^>]*w:styleId="([^"]*)"', before["word/styles.xml"])}
    assert defaults and defaults <= kept
    assert after["word/styles.xml"].startswith(before["word/styles.xml"][:200])  # document defaults untouched


def test_office_copy_keeps_a_style_named_only_in_a_field(built):
    docx = next(f for f in built[DONG_ANH.resolve()].files if f.name.startswith("bien-ban-kiem-tra-"))
    parts = _parts(docx.read_bytes())
    assert "Heading1" in _style_ids(parts["word/styles.xml"])
    assert "Heading1" not in _style_ids(_parts(pdf.for_office(docx.read_bytes()))["word/styles.xml"])
    field = (b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> STYLEREF '
             b'"heading 1" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:p>", field + b"</w:p>", 1)
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert "Heading1" in _style_ids(_parts(pdf.for_office(buf.getvalue()))["word/styles.xml"])


def test_office_copy_of_something_else_is_the_same_bytes():
    assert pdf.for_office(b"not a zip") == b"not a zip"
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")  # no styles.xml
    assert pdf.for_office(buf.getvalue()) == buf.getvalue()


@pytest.mark.libreoffice
def test_office_copy_prints_the_same_pdf(built):
    """Every document of a dossier, converted as written and as handed to LibreOffice: the same PDF bytes."""
    exe = require_soffice()
    docs = {f.name: f.read_bytes() for f in built[DONG_ANH.resolve()].files if f.suffix == ".docx"}
    lean = {n: pdf.for_office(d) for n, d in docs.items()}
    assert all(len(_style_ids(_parts(lean[n])["word/styles.xml"])) < len(_style_ids(_parts(docs[n])["word/styles.xml"]))
               for n in docs)
    office = soffice.Office(exe)
    try:
        as_written, as_given = office.convert(docs), office.convert(lean)
    finally:
        office.close()
    assert len(as_written) == len(docs)
    assert {n: pdf.reproducible(b) for n, b in as_written.items()} == {n: pdf.reproducible(b) for n, b in as_given.items()}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LibreOffice's soffice script is Linux's")
def test_stock_soffice_script_is_skipped_for_its_launcher(tmp_path):
    program = tmp_path / "lib" / "program"
    program.mkdir(parents=True)
    script, splash = program / "soffice", program / "oosplash"
    script.write_text('#!/bin/sh\nSAL_ENABLE_FILE_LOCKING=1\nexport SAL_ENABLE_FILE_LOCKING\n'
                      'exec $RRCHECK $VALGRINDCHECK $STRACECHECK "$sd_prog/oosplash" "$@"\n', encoding="utf-8")
    splash.write_text("#!/bin/sh\n", encoding="utf-8")
    for f in (script, splash):
        f.chmod(0o755)
    (tmp_path / "bin").mkdir()
    link = tmp_path / "bin" / "soffice"
    link.symlink_to(script)  # as /usr/bin/soffice
    assert soffice.launcher(str(link)) == (str(splash), {"SAL_ENABLE_FILE_LOCKING": "1"})
    (program / "ooenv").write_text("export X=1\n", encoding="utf-8")  # the script would source it: run the script
    moved = tmp_path / "bin" / "libreoffice"
    moved.symlink_to(script)
    assert soffice.launcher(str(moved)) == (str(moved), {})
    wrapper = tmp_path / "bin" / "wrapper"
    wrapper.write_text('#!/bin/sh\nexec /opt/lo/soffice "$@"\n', encoding="utf-8")
    assert soffice.launcher(str(wrapper)) == (str(wrapper), {})


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_build_of_one_cluster_starts_its_offices_before_loading_the_pipeline(fake, tmp_path):
    exe, home = fake
    script = ("import sys\nfrom docgen.output import soffice\nreal = soffice.Office.launch\nseen = []\n"
              "def launch(self):\n    seen.append('docgen.pipeline.batch' in sys.modules)\n    real(self)\n"
              "soffice.Office.launch = launch\nfrom docgen.cli import main\n"
              f"code = main.main(['build', {str(DONG_ANH)!r}, '-o', {str(tmp_path / 'ra')!r}, '--pdf', '-j', '2'])\n"
              "print(code, seen[:2])\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, DOCGEN_SOFFICE=exe, FAKE_SOFFICE_DIR=str(home)))
    assert proc.stdout.split("\n")[-2] == "0 [False, False]", proc.stderr  # both offices, before the pipeline loads
    assert len(servers(home)) == 2  # and no more: the build went on with them


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_cancelled_feed_does_not_wait_for_a_hung_office(fake, monkeypatch):
    exe, home = fake
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "hang")
    monkeypatch.setattr(soffice, "STALL_S", 30.0)
    fed = feed.Feed([soffice.office(exe)])
    fed.add(DOCS, last=True)
    deadline = time.monotonic() + 20
    while not (home / "calls.log").exists() or "--convert-to" not in (home / "calls.log").read_text(encoding="utf-8"):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    fed.cancel()  # Ctrl-C during the render: back at once, the hung call left to its office's thread
    assert fed._serving == 1



@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_the_tallies_are_made_while_the_index_is_converted(fake, tmp_path, monkeypatch):
    """The Mục lục's last conversion waits for every other PDF and nothing else can overlap it: the dossier's
    .xlsx tallies are made then, not before (when LibreOffice still has the documents to convert)."""
    import threading
    from docgen.pipeline import batch, dossier
    exe, home = fake
    monkeypatch.setenv("DOCGEN_SOFFICE", exe)
    events = []
    real_convert, real_render = soffice.Office.convert, dossier.workbook.render
    index_out = threading.Event()

    def convert(self, documents):
        names = tuple(documents)
        final = "muc-luc-van-ban.docx" in names and any("muc-luc-van-ban.docx" in e[1] for e in events)
        events.append(("convert", names))
        if final:  # the Mục lục again (its draft went with the documents): held until the tallies start
            assert names == ("muc-luc-van-ban.docx",)
            assert index_out.wait(timeout=30)
        return real_convert(self, documents)

    def render(book):
        events.append(("tally", book.file_name))
        index_out.set()
        return real_render(book)

    monkeypatch.setattr(soffice.Office, "convert", convert)
    monkeypatch.setattr(dossier.workbook, "render", render)
    summary = batch.build_many([DONG_ANH], tmp_path / "ra", jobs=1, pdf=True)
    assert summary.clusters == 1
    converts = [i for i, e in enumerate(events) if e[0] == "convert"]
    tally = next(i for i, e in enumerate(events) if e[0] == "tally")
    assert events[converts[-1]] == ("convert", ("muc-luc-van-ban.docx",))  # the Mục lục, last and alone
    assert all(i < tally for i in converts[:-1])  # every document's PDF (and the draft's) came back before
    assert index_out.is_set()  # and the Mục lục's conversion, held until they started, ended after
    assert any((tmp_path / "ra").rglob("phu-luc-02-bang-cham-diem.xlsx"))


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_each_pdf_is_made_reproducible_and_counted_on_its_office_thread(fake, monkeypatch):
    import threading
    exe, home = fake
    seen = []
    real = pdf.reproducible

    def reproducible(data):
        seen.append(threading.current_thread().name)
        return real(data)

    monkeypatch.setattr(pdf, "reproducible", reproducible)
    pdf._counted.clear()
    got = pdf.convert(DOCS, exe)
    assert seen == ["docgen-office"] * len(DOCS)  # not on the thread that waits for them all
    assert all(pdf._counted.get(data) == 1 for data in got.values())  # counted there too
    assert all(real(data) == data for data in got.values())
