"""A cluster's scores: each commune's totals, class and rank, and who may be proposed for awards."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from docgen.errors import Issue, ScoreError
from docgen.load.reader import pointer_of
from docgen.score.classify import ZERO, classify_values, join_vi
from docgen.score.rules import Rules
from docgen.score.unit_scores import read_scores
from docgen.vi import decimal_text


@dataclass
class CommuneResult:
    """Scores and class of one commune of a cluster."""

    ma: str
    ten: str
    tu_cham: list[Decimal]
    doan_cham: list[Decimal]
    thong_nhat: list[Decimal]
    tong_tu_cham: Decimal
    tong_doan_cham: Decimal
    tong_diem: Decimal
    xep_loai: str
    ly_do: list[str]
    ty_le: list[Decimal] = field(default_factory=list)
    tieu_chi: dict = field(default_factory=dict)  # content number -> kind -> criterion scores
    hang: int = 0
    xep_loai_doan: str = ""  # the class of the team's score: all the inspection minutes can know


@dataclass
class ClusterResult:
    """Every commune's result, ranked, and the suggested nominee (several when tied)."""

    don_vi: list[CommuneResult]
    de_cu_goi_y: list[str]  # codes of the communes of the award class with the highest agreed total
    loai_de_cu: str = "A"

    def by_code(self, ma: str) -> CommuneResult:
        return next(r for r in self.don_vi if r.ma == ma)

    @property
    def tied(self) -> bool:
        """True when several communes share the highest total: the meeting votes, docgen does not pick."""
        return len(self.de_cu_goi_y) > 1

    def ranked(self) -> list[CommuneResult]:
        """By rank, then in the file's order."""
        order = {r.ma: i for i, r in enumerate(self.don_vi)}
        return sorted(self.don_vi, key=lambda r: (r.hang, order[r.ma]))

    def nomination_text(self) -> str:
        """The suggestion in one Vietnamese sentence."""
        if not self.de_cu_goi_y:
            return (f"Không có đơn vị nào đạt loại {self.loai_de_cu} nên Cụm không đề nghị khen thưởng tập thể.")
        best = [self.by_code(c) for c in self.de_cu_goi_y]
        total = decimal_text(best[0].tong_diem)
        if len(best) == 1:
            return (f"Gợi ý đề nghị khen thưởng: {best[0].ten} ({total} điểm), tổng điểm cao nhất trong các đơn vị "
                    f"loại {self.loai_de_cu}.")
        return (f"Có {len(best)} đơn vị loại {self.loai_de_cu} bằng điểm cao nhất ({total} điểm): "
                f"{join_vi([r.ten for r in best])}. Cụm biểu quyết chọn 1 đơn vị để đề nghị khen thưởng.")


def score_cluster(rules: Rules, cluster: dict) -> ClusterResult:
    """Score every commune of a cluster file (validated first: bad scores raise ScoreError here)."""
    results = []
    problems: list[Issue] = []
    for i, unit in enumerate(cluster["don_vi"]):
        scores, found = read_scores(rules, unit["diem"])
        problems += [Issue(p.message, pointer=pointer_of(("don_vi", i, "diem") + p.path)) for p in found]
        if found:
            continue
        tu, doan, agreed = scores.contents["tu_cham"], scores.contents["doan_cham"], scores.contents["thong_nhat"]
        c = classify_values(rules, agreed)
        results.append(CommuneResult(
            ma=unit["ma"], ten=unit["ten"], tu_cham=tu, doan_cham=doan, thong_nhat=agreed,
            tong_tu_cham=sum(tu, ZERO), tong_doan_cham=sum(doan, ZERO),
            tong_diem=c.tong_diem, xep_loai=c.xep_loai, ly_do=c.ly_do, ty_le=c.ty_le,
            tieu_chi=scores.criteria, xep_loai_doan=classify_values(rules, doan).xep_loai))
    if problems:
        raise ScoreError("Điểm trong tệp Cụm chưa đúng.", problems)
    # Competition ranking (1, 2, 2, 4): equal totals share a rank, nothing is broken silently.
    for r in results:
        r.hang = 1 + sum(1 for o in results if o.tong_diem > r.tong_diem)
    eligible = [r for r in results if r.xep_loai == rules.loai_de_cu]
    high = max((r.tong_diem for r in eligible), default=None)
    nominees = [r.ma for r in eligible if r.tong_diem == high]
    return ClusterResult(results, nominees, rules.loai_de_cu)
