"""The district's supervisors in the cluster's minutes (plan III.3.c: "Ý kiến tham gia của Đoàn giám sát
(nếu có)"): who attended a visit or the meeting, and their opinions, from the optional `giam_sat` keys."""
from __future__ import annotations

from docgen import vi
from docgen.context.common import DocumentSpec
from docgen.model import tiers
from docgen.vi import BLANK


def _context(entry: dict | None, whose: str) -> dict | None:
    if not entry:
        return None
    return {"cua": whose,  # "UBND huyện Đông Anh": the dossier names its own district, never "cấp huyện"
            "thanh_vien": [{"ho_ten": p["ho_ten"], "chuc_vu": p.get("chuc_vu") or BLANK} for p in entry["thanh_vien"]],
            "y_kien": list(entry.get("y_kien") or []) or ["Không có ý kiến khác."]}


def with_supervision(plan: dict, cluster: dict, specs: list[DocumentSpec]) -> list[DocumentSpec]:
    """Each inspection minutes gets its visit's `giam_sat`, the meeting's minutes the meeting's (None: absent)."""
    whose = tiers.upper(plan, cluster).ubnd
    by_file = {f"bien-ban-kiem-tra-{vi.slug(u['ten'])}.docx": u.get("giam_sat") for u in cluster["don_vi"]}
    out = []
    for s in specs:
        if s.template == "bien-ban-kiem-tra.docx":
            s = DocumentSpec(s.file_name, s.template, {**s.context, "giam_sat": _context(by_file.get(s.file_name), whose)},
                             s.title)
        elif s.template == "bien-ban-hop-cum.docx":
            s = DocumentSpec(s.file_name, s.template,
                             {**s.context, "giam_sat": _context(cluster["hop_cum"].get("giam_sat"), whose)}, s.title)
        out.append(s)
    return out
