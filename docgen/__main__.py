"""`python -m docgen` runs the same command as `docgen`."""
import sys

from .cli import main

sys.exit(main())
