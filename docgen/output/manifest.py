"""The manifest of a dossier: what was written, from which inputs, with their hashes."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from docgen import __version__
from docgen.context.common import DocumentSpec
from docgen.output import pdf
from docgen.render import environment


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def build(documents: list[DocumentSpec], files: dict[str, bytes], inputs: dict[str, Path], *,
          inputs_by_role: bool = False, template_dir: Path | None = None, template_hashes: bool = False,
          pdfs: dict[str, bytes] | None = None) -> dict:
    """The manifest of rendered `files`: docgen's version, the inputs' hashes, each document in filing order.

    Two shapes are recorded, and kept as they are (earlier dossiers are compared with them): a cluster's
    dossier names its inputs by role (`"cum": {"tep": …, "sha256": …}`), hashes each document's template
    (`mau_sha256`) and lists its PDFs; the levels above name inputs by path (`"dong-anh/huyen.yaml": sha256`)."""
    if inputs_by_role:
        dau_vao = {role: {"tep": path.name, "sha256": sha256(path.read_bytes())} for role, path in inputs.items()}
    else:
        dau_vao = {name: sha256(path.read_bytes()) for name, path in inputs.items()}
    van_ban = []
    for spec in documents:
        entry = {"tep": spec.file_name, "mau": spec.template, "ten": spec.title, "sha256": sha256(files[spec.file_name])}
        if template_hashes:
            entry["mau_sha256"] = sha256(environment.template_path(spec.template, template_dir).read_bytes())
        van_ban.append(entry)
    manifest = {"docgen": __version__, "dau_vao": dau_vao, "van_ban": van_ban}
    if pdfs:
        manifest["pdf"] = [{"tep": name, "so_trang": pdf.page_count(data), "sha256": sha256(data)}
                           for name, data in pdfs.items()]
    return manifest
