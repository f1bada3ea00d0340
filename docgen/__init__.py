"""docgen: the cross-inspection dossier of a cluster of communes, from one YAML file to .docx."""
from __future__ import annotations

__version__ = "0.1.0"

# The library's entry points, imported on first use: `import docgen` stays cheap and cycle-free.
_API = {
    "DocgenError": "docgen.errors",
    "build": "docgen.pipeline.batch",
    "check_cluster": "docgen.levels.cluster",
    "check_file": "docgen.levels.any_file",
}
__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'docgen' has no attribute {name!r}")
