"""A stand-in for LibreOffice's `soffice` in tests: behaves like the real one (a warm office keeping a
document open, `--convert-to` calls writing one PDF per file) but can hang, crash or fail on purpose.

Set by the test through the environment: FAKE_SOFFICE_DIR (where it logs its calls and finds blank.pdf)
and FAKE_SOFFICE_MODE: '' (works), 'hang' (the first call converts one file, then hangs), 'crash' (the
first call converts one file, then kills the warm office and exits 1), 'fail' (never converts anything),
'cold' (the warm office quits at once, as on a platform where it cannot stay open).
`--terminate_after_init` makes a profile (output.office_profile) and stops.
"""
import os
import signal
import sys
import time
from pathlib import Path

home = Path(os.environ["FAKE_SOFFICE_DIR"])
mode = os.environ.get("FAKE_SOFFICE_MODE", "")
args = sys.argv[1:]
with (home / "calls.log").open("a", encoding="utf-8") as log:
    log.write(f"{os.getpid()} {' '.join(args)}\n")
if "--terminate_after_init" in args:  # make the profile, as LibreOffice does, and stop
    profile = Path(args[0].split("=", 1)[1].removeprefix("file://"))
    (profile / "user" / "basic").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").touch()
    sys.exit(0)
if "--convert-to" not in args:  # the warm office: say it is up (LibreOffice's lock of the open document)
    if mode == "cold":
        sys.exit(0)
    keep = Path(args[-1])
    with (home / "servers.log").open("a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    (keep.parent / f".~lock.{keep.name}#").write_text("fake\n", encoding="utf-8")
    while True:
        time.sleep(3600)
calls = (home / "calls.log").read_text(encoding="utf-8").count("--convert-to")
out = Path(args[args.index("--outdir") + 1])
files = args[args.index("--outdir") + 2:]
if mode == "fail":
    sys.exit(0)
for i, f in enumerate(files):
    from pypdf import PdfWriter  # each PDF says which document it was made from
    made = PdfWriter(clone_from=str(home / "blank.pdf"))
    made.add_metadata({"/Title": Path(f).stem})
    made.write(out / (Path(f).stem + ".pdf"))
    if i == 0 and calls == 1 and mode == "hang":
        while True:
            time.sleep(3600)
    if i == 0 and calls == 1 and mode == "crash":
        server = int((home / "servers.log").read_text(encoding="utf-8").split()[-1])
        os.killpg(server, signal.SIGKILL)
        sys.exit(1)
