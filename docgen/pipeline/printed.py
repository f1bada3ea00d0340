"""A dossier as it is printed: each document's PDF, the Mục lục văn bản with each document's sheets, and one
combined PDF in filing order (`build`, `district` and `city` with --pdf)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from docgen.context.common import DocumentSpec
from docgen.errors import OutputError
from docgen.output import pdf
from docgen.render import document

# Builds the Mục lục from each document's page count (None: not known) and its own length in pages.
MakeIndex = Callable[[dict[str, int] | None, int], DocumentSpec]


DRAFT_PAGES = 99  # a draft Mục lục with three-digit sheets: as wide as the real one, so as long, in practice


def _pdf_name(docx: str) -> str:
    return Path(docx).stem + ".pdf"


def index_first(documents: dict[str, bytes], make_index: MakeIndex, template_dir: Path | None,
                soffice: str | None, stream: pdf.Stream | None = None, meanwhile: Callable[[], None] | None = None
                ) -> tuple[DocumentSpec, dict[str, bytes], dict[str, bytes]]:
    """The Mục lục of `documents` (in filing order) rendered, and the files: the Mục lục first, then the
    documents; with `soffice` also the PDFs (the Mục lục's first, then the documents', then the combined one).

    The Mục lục gives each document's sheets in the combined PDF, which starts with the Mục lục itself, so its
    own length must be known before it is written: a draft with sheets as wide as the real ones is converted
    with the documents, and the real one is converted again until its length is the one it assumed.
    `stream`: the documents are in it already (converted while they were rendered); the draft joins them.
    `meanwhile`: other work of the dossier (its tallies), done while LibreOffice converts the Mục lục, the
    one conversion nothing else can overlap."""
    def render(spec: DocumentSpec) -> bytes:
        return document.render(spec.template, spec.context, template_dir)

    if not soffice:
        spec = make_index(None, 1)
        data = render(spec)
        if meanwhile is not None:
            meanwhile()
        return spec, {spec.file_name: data, **documents}, {}
    draft = make_index({n: DRAFT_PAGES for n in documents}, DRAFT_PAGES % 10)
    if stream is None:
        converted = pdf.convert({draft.file_name: render(draft), **documents}, soffice)
    else:
        stream.add({draft.file_name: render(draft)}, last=True)
        converted = stream.result()
    pages = {n: pdf.page_count(converted[_pdf_name(n)]) for n in documents}
    own, tried = pdf.page_count(converted[_pdf_name(draft.file_name)]), set()
    while True:
        spec = make_index(pages, own)
        data = render(spec)
        first = pdf.convert({spec.file_name: data}, soffice, meanwhile)[_pdf_name(spec.file_name)]
        meanwhile = None  # done once, with the first conversion
        length = pdf.page_count(first)
        if length == own:
            break
        tried.add(own)
        if length in tried:  # the sheets' width moves its length back and forth: never seen, but never loop
            raise OutputError("Không tính được số tờ của Mục lục văn bản (độ dài thay đổi theo số tờ ghi trong "
                              "đó). Chưa ghi tệp nào. Chạy lại không có --pdf, hoặc báo cho nhóm phát triển.")
        own = length
    pdfs = {_pdf_name(spec.file_name): first, **{_pdf_name(n): converted[_pdf_name(n)] for n in documents}}
    pdfs[pdf.COMBINED] = pdf.combine(list(pdfs.values()))  # the Mục lục first, then filing order
    return spec, {spec.file_name: data, **documents}, pdfs
