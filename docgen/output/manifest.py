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


# A template's hash per file version: a city's clusters name the same dozen templates hundreds of times.
_TEMPLATE_HASHES: dict[tuple, str] = {}


TEMPLATE_HASHES_MAX = 256  # template versions remembered (a clerk's folder of copies, edited during a run)


def template_sha256(path: Path) -> str:
    """sha256 of a template file, read and hashed at most once per process and file version (as compiled
    templates are: render.environment.file_version; an edited or replaced template is read again)."""
    key = environment.file_version(path)
    digest = _TEMPLATE_HASHES.get(key)
    if digest is None:
        data = path.read_bytes()
        if len(data) != key[-1]:  # written while read: hash what was read, remember nothing
            return sha256(data)
        if len(_TEMPLATE_HASHES) >= TEMPLATE_HASHES_MAX:
            _TEMPLATE_HASHES.clear()
        digest = _TEMPLATE_HASHES[key] = sha256(data)
    return digest


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
            entry["mau_sha256"] = template_sha256(environment.template_path(spec.template, template_dir))
        van_ban.append(entry)
    manifest = {"docgen": __version__, "dau_vao": dau_vao, "van_ban": van_ban}
    if pdfs:
        manifest["pdf"] = [{"tep": name, "so_trang": pdf.page_count(data), "sha256": sha256(data)}
                           for name, data in pdfs.items()]
    return manifest
