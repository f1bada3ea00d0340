"""`python -m docgen` runs the same command as `docgen`."""
import sys

from docgen.cli.main import main

if __name__ == "__main__":  # worker processes may import this module (spawn)
    sys.exit(main())
