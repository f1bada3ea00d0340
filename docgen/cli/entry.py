"""The console entry point: Ctrl-C while docgen is still loading exits 130 with "Đã dừng." too."""
from __future__ import annotations

import sys


def main(argv=None) -> int:
    try:
        from docgen.cli import main as cli_main
        from docgen.pipeline import workers
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 130
    workers.quiet_signals()
    return cli_main.main(argv)


def run() -> None:
    """`docgen` and `python -m docgen`: exit with main's code, and stay quiet on a late Ctrl-C."""
    try:
        code = main()
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        code = 130
    sys.exit(code)
