"""`python -m docgen` runs the same command as `docgen`."""
from docgen.cli.entry import run

if __name__ == "__main__":  # worker processes may import this module (spawn)
    run()
