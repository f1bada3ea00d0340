"""What the district and city levels keep of a checked cluster: a small plain record, not the file itself.

A city has hundreds or thousands of clusters; keeping each one's Checked (its parsed file with the line
and column of every value, its scores) to the end made memory grow with the city. The levels above
need only these few fields, and the places of the few values their own checks may point at."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docgen.errors import DocgenError, Issue
from docgen.levels import cluster as levels_cluster
from docgen.load.reader import pointer_of
from docgen.vi import decimal_text


@dataclass(frozen=True)
class Commune:
    """One commune of the district with its cluster's verdict."""

    cum: str  # "Cụm số 1"
    ma: str
    ten_ubnd: str  # "UBND xã Cổ Loa"
    tong_diem: Decimal
    xep_loai: str
    hang: int  # rank inside its cluster
    loai: str = "xã"  # xã, phường or thị trấn: the district's documents name the kinds it has


@dataclass(frozen=True)
class Nominee:
    """The one commune a cluster proposes (hop_cum.de_nghi_tap_the)."""

    cum: str
    ma: str
    ten_ubnd: str
    tong_diem: Decimal
    xep_loai: str
    source: Path  # its cluster file

    def text(self) -> str:
        return f"{self.ten_ubnd} ({decimal_text(self.tong_diem)} điểm, xếp loại {self.xep_loai})"


@dataclass
class ClusterSummary:
    """One checked cluster as the district and the city see it."""

    path: Path
    plan_path: Path
    name: str  # cum.ten
    huyen: dict | None  # the district as the cluster file names it (none for a two-tier plan)
    leader: dict  # the leading commune: its loai and ten
    visit_days: list[str]  # each commune's ngay_kiem_tra, in file order
    meeting_day: str  # hop_cum.ngay
    communes: list[Commune]
    nominee: Nominee | None
    warnings: list[Issue] = field(default_factory=list)
    places: dict = field(default_factory=dict)  # (line, col) of the values the levels above may point at
    # what its minutes proposed for the district's Giấy khen (hop_cum.giay_khen_tap_the, de_nghi_ca_nhan)
    giay_khen: list[Commune] = field(default_factory=list)
    ca_nhan: list[dict] = field(default_factory=list)  # {ho_ten, chuc_vu, ten_ubnd}

    def issue(self, path: tuple, message: str, level: str = "error") -> Issue:
        line, col = self.places.get(tuple(path), (None, None))
        return Issue(message, str(self.path), line, col, pointer_of(path), level)


def summarize(checked: levels_cluster.Checked) -> ClusterSummary:
    """The summary of one checked cluster (the Checked itself can then be let go)."""
    data = checked.cluster.data
    name = data["cum"]["ten"]
    communes = []
    for u in data["don_vi"]:
        r = checked.result.by_code(u["ma"])
        communes.append(Commune(name, u["ma"], f"UBND {u['loai']} {u['ten']}", r.tong_diem, r.xep_loai, r.hang,
                                u["loai"]))
    nominee = None
    proposed = data["hop_cum"].get("de_nghi_tap_the")
    if proposed:
        c = next(c for c in communes if c.ma == proposed["don_vi"])
        nominee = Nominee(name, c.ma, c.ten_ubnd, c.tong_diem, c.xep_loai, checked.cluster.path)
    leader = next(u for u in data["don_vi"] if u["ma"] == data["cum"]["cum_truong"])
    paths = [("huyen",), ("ke_hoach",), ("cum", "ten")] + [("don_vi", i, "ten") for i in range(len(data["don_vi"]))]
    return ClusterSummary(
        path=checked.cluster.path, plan_path=checked.plan.path, name=name, huyen=dict(data["huyen"]) if data.get("huyen") else None,
        leader={"loai": leader["loai"], "ten": leader["ten"]},
        visit_days=[u["ngay_kiem_tra"] for u in data["don_vi"]], meeting_day=data["hop_cum"]["ngay"],
        communes=communes, nominee=nominee, warnings=list(checked.warnings),
        places={p: checked.cluster.where(p) for p in paths},
        giay_khen=[next(c for c in communes if c.ma == g["don_vi"]) for g in data["hop_cum"].get("giay_khen_tap_the") or []],
        ca_nhan=[{"ho_ten": p["ho_ten"], "chuc_vu": p.get("chuc_vu"),
                  "ten_ubnd": next(c.ten_ubnd for c in communes if c.ma == p["don_vi"])}
                 for p in data["hop_cum"].get("de_nghi_ca_nhan") or []])


def summarize_all(files) -> tuple[list[ClusterSummary], list[Issue]]:
    """Check every cluster file, one at a time, keeping only the summary of each that passes; and every
    problem of the ones that do not."""
    kept: list[ClusterSummary] = []
    problems: list[Issue] = []
    for f in files:
        try:
            kept.append(summarize(levels_cluster.check_cluster(f)))
        except DocgenError as e:
            problems += e.issues or [Issue(e.message, str(f))]
    return kept, problems
