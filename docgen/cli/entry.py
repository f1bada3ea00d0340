"""The console entry point: Ctrl-C while docgen is still loading exits 130 with "Đã dừng." too."""
from __future__ import annotations

import sys


def _stopped() -> int:
    try:
        sys.stderr.write("Đã dừng.\n")
    except (UnicodeEncodeError, OSError):  # a redirected Windows console in a legacy code page
        pass
    return 130


def main(argv=None) -> int:
    try:
        from docgen.cli import main as cli_main
        from docgen.pipeline import workers
    except KeyboardInterrupt:
        return _stopped()
    workers.quiet_signals()
    return cli_main.main(argv)


def run() -> None:
    """`docgen` and `python -m docgen`: exit with main's code, and stay quiet on a late Ctrl-C."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = _stopped()
    sys.exit(code)
