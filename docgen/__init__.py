"""docgen: the cross-inspection dossier of a cluster of communes, from one YAML file to .docx."""

__version__ = "0.1.0"

from .errors import DocgenError  # noqa: E402
from .pipeline import build, check_cluster, check_file  # noqa: E402

__all__ = ["DocgenError", "build", "check_cluster", "check_file", "__version__"]
