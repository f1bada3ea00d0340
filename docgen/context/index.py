"""The dossier index (Danh mục hồ sơ): every document of a dossier in filing order, with page counts when known."""
from __future__ import annotations

from docgen import vi
from docgen.context import cluster as context_cluster
from docgen.context.common import DocumentSpec
from docgen.model import tiers

FILE_NAME = "danh-muc-ho-so.docx"


TEMPLATE = "danh-muc-ho-so.docx"


TITLE = "Danh mục hồ sơ"


def index_spec(plan: dict, cluster: dict, documents: list[DocumentSpec],
               pages: dict[str, int] | None = None) -> DocumentSpec:
    """The index of `documents` (already in filing order); `pages` maps a .docx name to its page count."""
    up = tiers.upper(plan, cluster)  # the district, or the province when there is no district level
    district = up.dia_ban
    cum_name = cluster["cum"]["ten"]
    pages = pages or {}
    rows = [{"stt": i, "ten": d.title, "so_trang": str(pages[d.file_name]) if d.file_name in pages else "",
             "ghi_chu": ""} for i, d in enumerate(documents, start=1)]
    total = f"Tổng cộng: {len(documents)} văn bản"
    if documents and all(d.file_name in pages for d in documents):
        total += f", {sum(pages[d.file_name] for d in documents)} trang"
    ctx = {
        "co_quan_chu_quan": up.parent_header,
        "co_quan_ban_hanh": vi.upper(f"Đoàn kiểm tra chéo {cum_name}"),
        "ke_hoach": {"nam": plan["nam"]},
        "cum": {"ten_day_du": f"{cum_name}, {district}"},
        "van_ban": rows,
        "tong_cong": total,
        "nguoi_lap": context_cluster.team(cluster)["thu_ky"]["ho_ten"],
    }
    return DocumentSpec(FILE_NAME, TEMPLATE, ctx, TITLE)
