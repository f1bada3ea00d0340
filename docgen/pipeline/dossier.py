"""A cluster's dossier end to end: check → contexts → render → manifest → write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen import vi
from docgen.context import cluster as context_cluster
from docgen.context import index as context_index
from docgen.context import tallies
from docgen.errors import Issue, ValidationFailed
from docgen.levels.cluster import Checked
from docgen.model import tiers
from docgen.output import manifest as output_manifest
from docgen.output import pdf
from docgen.pipeline import printed
from docgen.render import document, workbook


@dataclass
class Built:
    """What `build` wrote for one cluster."""

    source: Path
    folder: Path
    files: list[Path]
    warnings: list[Issue]
    backups: list[Path] = field(default_factory=list)  # hand-edited documents kept beside the new ones (--force)


def cluster_slug(cluster: dict, plan: dict | None = None) -> str:
    """'dong-anh-cum-so-1'; with no district (two-tier plans) the province: 'ha-noi-cum-so-1'."""
    where = cluster["huyen"]["ten"] if cluster.get("huyen") else (tiers.province_place(plan) if plan else "")
    return vi.slug(f"{where} {cluster['cum']['ten']}")


def render_cluster(checked: Checked, template_dir: Path | None = None,
                   soffice: str | None = None) -> tuple[dict[str, bytes], dict]:
    """Every file of the dossier as bytes, and the manifest describing them.

    First the index (Mục lục văn bản), then the documents in filing order; with `soffice` (LibreOffice)
    also a PDF of each and one combined PDF to print, and the index shows each document's sheets."""
    plan, cluster = checked.plan.data, checked.cluster.data
    specs = context_cluster.build_documents(plan, cluster, checked.result)
    documents: dict[str, bytes] = {}
    stream = pdf.Stream(soffice) if soffice else None  # LibreOffice converts while the rest is rendered
    try:
        for s in specs:
            if s.file_name in documents:  # validation keeps names apart; never let one document hide another
                raise ValidationFailed(f"Hai văn bản của hồ sơ trùng tên tệp {s.file_name}.")
            documents[s.file_name] = document.render(s.template, s.context, template_dir)
            if stream:
                stream.add({s.file_name: documents[s.file_name]})
        books = [tallies.cluster_workbook(s) for s in specs if s.template == "phu-luc-02.docx"]
        made: dict[str, bytes] = {}
        index, files, pdfs = printed.index_first(
            documents, lambda pages, own: context_index.index_spec(plan, cluster, specs, pages, own), template_dir,
            soffice, stream, meanwhile=lambda: made.update((b.file_name, workbook.render(b)) for b in books))
    except BaseException:
        if stream:
            stream.cancel()
        raise
    files.update(pdfs)
    inputs = {"cum": checked.cluster.path, "ke_hoach": checked.plan.path}
    manifest = output_manifest.build([index] + specs, files, inputs, inputs_by_role=True, template_dir=template_dir,
                                     template_hashes=True, pdfs=pdfs)
    return add_workbooks(files, manifest, books, made)


def add_workbooks(files: dict[str, bytes], manifest: dict, books: list,
                  made: dict[str, bytes] | None = None) -> tuple[dict[str, bytes], dict]:
    """The tallies' .xlsx beside their .docx, recorded in the manifest under `bang_tinh` (a working copy,
    not a document of the Mục lục văn bản: what is filed and signed is the .docx); `made` holds those already
    rendered."""
    for book in books:
        files[book.file_name] = made[book.file_name] if made and book.file_name in made else workbook.render(book)
    if books:
        manifest["bang_tinh"] = [{"tep": b.file_name, "ten": b.title, "ban_ky": b.signed,
                                  "sha256": output_manifest.sha256(files[b.file_name])} for b in books]
    return files, manifest
