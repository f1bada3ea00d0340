"""Where docgen's own files are: templates, schemas and the sample inputs."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "inputs"  # the sample clusters whose contexts define what templates may use
