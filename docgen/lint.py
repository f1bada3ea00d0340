"""Format checker: any .docx (docgen's or typed by hand) against the Nghị định 30/2020 rules listed in
docs nd30-format.md. Each deviation is a Finding with the rule ID, where it is and what is expected.

The document kind (Biên bản, Công văn, Báo cáo, Kế hoạch, Tờ trình, Phụ lục…) is read from the content,
so rules apply by kind. Discrepancies D-1..D-8 of the spec are tolerated; nothing marked UNCONFIRMED
there is enforced (e.g. column widths, the signature gap, "exact" line spacing, landscape phụ lục).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .ooxml import TNR, TWIPS_PER_MM, DocxModel, Para, nfc, text_width_mm

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# Tên loại → (kind, abbreviation of Phụ lục III). Công văn has no tên loại and no abbreviation.
KINDS = {
    "BIÊN BẢN": ("bien_ban", "BB"), "BÁO CÁO": ("bao_cao", "BC"), "KẾ HOẠCH": ("ke_hoach", "KH"),
    "TỜ TRÌNH": ("to_trinh", "TTr"), "QUYẾT ĐỊNH": ("quyet_dinh", "QĐ"), "THÔNG BÁO": ("thong_bao", "TB"),
    "CHƯƠNG TRÌNH": ("chuong_trinh", "CTr"), "HƯỚNG DẪN": ("huong_dan", "HD"), "NGHỊ QUYẾT": ("nghi_quyet", "NQ"),
    "CHỈ THỊ": ("chi_thi", "CT"), "QUY CHẾ": ("quy_che", "QC"), "QUY ĐỊNH": ("quy_dinh", "QyĐ"),
    "PHƯƠNG ÁN": ("phuong_an", "PA"), "ĐỀ ÁN": ("de_an", "ĐA"), "DỰ ÁN": ("du_an", "DA"),
    "THÔNG CÁO": ("thong_cao", "TC"), "HỢP ĐỒNG": ("hop_dong", "HĐ"), "CÔNG ĐIỆN": ("cong_dien", "CĐ"),
    "GIẤY MỜI": ("giay_moi", "GM"), "GIẤY GIỚI THIỆU": ("giay_gioi_thieu", "GGT"),
    # A dossier's index lists documents; it is filed with them, not issued, so it has no Số or Quốc hiệu.
    "DANH MỤC": ("danh_muc", None),
}
KIND_NAMES = {
    "bien_ban": "Biên bản", "bao_cao": "Báo cáo", "ke_hoach": "Kế hoạch", "to_trinh": "Tờ trình",
    "quyet_dinh": "Quyết định", "thong_bao": "Thông báo", "chuong_trinh": "Chương trình", "huong_dan": "Hướng dẫn",
    "nghi_quyet": "Nghị quyết", "chi_thi": "Chỉ thị", "quy_che": "Quy chế", "quy_dinh": "Quy định",
    "phuong_an": "Phương án", "de_an": "Đề án", "du_an": "Dự án", "thong_cao": "Thông cáo",
    "hop_dong": "Hợp đồng", "cong_dien": "Công điện", "giay_moi": "Giấy mời", "giay_gioi_thieu": "Giấy giới thiệu",
    "cong_van": "Công văn", "phu_luc": "Phụ lục", "danh_muc": "Danh mục", "khac": "văn bản khác",
}
ABBREVIATIONS = {abbr for _, abbr in KINDS.values() if abbr} | {"TrS", "SY", "SL", "PG", "PC", "PB", "BGN", "BTT", "GUQ",
                                                        "GNP", "CV"}
MIXED_CASE_OK = {"TTr", "CTr", "QyĐ", "TrS"}  # D-5
NEEDS_NOI_NHAN = {"cong_van", "ke_hoach", "to_trinh", "quyet_dinh", "thong_bao"}
NEEDS_KINH_GUI = {"cong_van", "to_trinh"}
NEEDS_SIGNATURE = {"bien_ban", "cong_van", "bao_cao", "ke_hoach", "to_trinh", "quyet_dinh", "thong_bao"}

PLACE_DATE = re.compile(r"^[^\s,][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
LOOSE_DATE = re.compile(r"^(?P<place>.*?)(?P<comma>,?)\s*ngày\s+(?P<d>\S+)\s+tháng\s+(?P<m>\S+)\s+năm\s+(?P<y>\S+?)\.?$")
BODY_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
BLANK = re.compile(r"^[….\s_]*$")
PHU_LUC = re.compile(r"^phụ lục(\s+(số\s+)?[0-9IVXLCDM]+[a-z]?)?$", re.I)
RULE_TEXT = re.compile(r"^[_\-–—─‗=.\s]{3,}$")
TITLES_BEFORE_NAME = re.compile(r"^(GS|PGS|TS|TSKH|ThS|Ths|KS|BS|CN|LS|Ông|Bà|Anh|Chị|Đồng chí|Đ/c)\.?(\s|$)")
# "Ông" is also a family name (Ông Văn Hải, Ông Ích Khiêm): it is the form of address only when a full name
# follows it, which starts with a family name. The commonest ones (those seldom used as middle names):
COMMON_FAMILY_NAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Đinh", "Phùng", "Trương", "Lại", "Lương", "Tạ", "Quách",
    "Triệu", "Nghiêm", "Giáp", "Khúc",
}
SIG_PREFIX = re.compile(r"^(T\.?M|K\.?T|T\.?L|T\.?U\.?Q|Q)\s*[./]?\s+(?=\S)", re.I)

TOL_TWIPS = 1  # python-docx stores 15 mm as 850 twips (14.99 mm): rounding, not a deviation
TN_LINE_TOLERANCE_MM = 5.0  # nd30-format.md §2: "within ±5 mm (the tolerance is a choice)"
SHORT_LINE_SLACK_MM = 2.0


@dataclass(frozen=True)
class Finding:
    """One deviation from the format."""

    file: str
    rule: str
    where: str
    what: str
    expected: str

    def format(self) -> str:
        return f"{self.file}: {self.rule}: {self.where}: {self.what} → {self.expected}"


@dataclass
class Report:
    """What lint found in one file: its kind and its deviations."""

    path: Path
    kind: str
    title: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind_name(self) -> str:
        return self.title or KIND_NAMES.get(self.kind, self.kind)


def lint_file(path) -> Report:
    """Check one .docx; InputError when it cannot be read as a .docx."""
    return _Linter(DocxModel(Path(path))).run()


def lint_files(paths) -> list[Report]:
    return [lint_file(p) for p in paths]


# ------------------------------------------------------------------------------------------------

def _q(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return "«" + (text if len(text) <= n else text[: n - 1] + "…") + "»"


def _mm(twips: int) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",") + " mm"


def _pt(size: float) -> str:
    return (f"{size:g}").replace(".", ",")


def _sizes(p: Para) -> set[float]:
    return {r.size for r in p.text_runs()}


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def _norm_upper(text: str) -> str:
    t = nfc(" ".join(text.split())).upper()
    return t.replace("HOÀ", "HÒA")  # D-4


class _Linter:
    def __init__(self, model: DocxModel):
        self.m = model
        self.file = str(model.path)
        self.findings: list[Finding] = []
        self.kind = "khac"
        self.title_text = ""
        self.qh = self.tn = self.so = self.place_date = self.vv = self.title = None
        self.agency: list[Para] = []
        self.subject: list[Para] = []
        self.header_end = 0          # index in model.paras after the header region
        self.kinh_gui = None
        self.noi_nhan = None
        self.signature_paras: set[int] = set()

    # -- reporting --------------------------------------------------------------------------------
    def add(self, rule, where, what, expected):
        f = Finding(self.file, rule, where, what, expected)
        if f not in self.findings:
            self.findings.append(f)

    def where(self, p: Para, label: str = "") -> str:
        if p.part != "body":
            kind, typ, sec = p.part.split(":")
            base = ("đầu trang" if kind == "header" else "chân trang") + \
                   (" trang 1" if typ == "first" else "") + f" (phần {sec})"
        elif p.table_no is not None:
            base = f"bảng {p.table_no}, hàng {p.row}, cột {p.col + 1}"
        elif p.in_textbox:
            base = "khung văn bản (text box)"
        else:
            base = f"đoạn {p.top_index}"
        text = f" {_q(p.text)}" if p.stripped else ""
        return f"{label + ' ' if label else ''}{base}{text}".strip()

    # -- main -------------------------------------------------------------------------------------
    def run(self) -> Report:
        self.page_setup()
        self.fonts()
        self.find_header()
        self.detect_kind()
        self.check_header()
        self.check_title()
        self.check_phu_luc_lines()
        self.check_kinh_gui()
        self.check_signature_and_recipients()
        self.check_body()
        self.check_dates_in_text()
        self.check_page_numbers()
        return Report(self.m.path, self.kind, self.title_text, self.findings)

    # -- F-PAGE ----------------------------------------------------------------------------------
    def page_setup(self):
        for s in self.m.sections:
            where = f"khổ giấy (phần {s.index})" if len(self.m.sections) > 1 else "khổ giấy"
            w, h = s.page_w, s.page_h
            landscape = w > h
            short, long_ = min(w, h), max(w, h)
            if abs(short - 11906) > 30 or abs(long_ - 16838) > 30:
                self.add("F-PAGE-1", where, f"{short / TWIPS_PER_MM:.0f} × {long_ / TWIPS_PER_MM:.0f} mm",
                         "khổ A4 (210 × 297 mm)")
            if landscape and not s.has_table:
                self.add("F-PAGE-2", where, "trang nằm ngang", "trang dọc (chỉ được nằm ngang khi có bảng, biểu)")
            m = s.margins
            ranges = {"top": (1134, 1418), "bottom": (1134, 1418), "left": (1701, 1985), "right": (851, 1134)}
            names = {"top": ("F-PAGE-3", "lề trên", "20–25 mm"), "bottom": ("F-PAGE-4", "lề dưới", "20–25 mm"),
                     "left": ("F-PAGE-5", "lề trái", "30–35 mm"), "right": ("F-PAGE-6", "lề phải", "15–20 mm")}

            def bad(margins):
                return [k for k, (lo, hi) in ranges.items() if not lo - TOL_TWIPS <= margins[k] <= hi + TOL_TWIPS]

            wrong = bad(m)
            if wrong and landscape:  # a landscape page may keep the margins of the portrait page, turned
                turned = {"top": m["right"], "bottom": m["left"], "left": m["top"], "right": m["bottom"]}
                if not bad(turned) or not bad({"top": m["left"], "bottom": m["right"], "left": m["bottom"],
                                               "right": m["top"]}):
                    wrong = []
            for k in wrong:
                rule, name, want = names[k]
                self.add(rule, where, f"{name} {_mm(m[k])}", f"{name} {want}")

    # -- F-FONT-1 ---------------------------------------------------------------------------------
    def fonts(self):
        bad_fonts: dict[str, list] = {}
        bad_colors: dict[str, list] = {}
        for p in self.m.paras + self.m.header_paras:
            for r in p.text_runs():
                for f in r.fonts:
                    if f != TNR:
                        bad_fonts.setdefault(f or "(không đặt phông)", []).append(p)
                if r.color:
                    bad_colors.setdefault(r.color, []).append(p)
        for font, paras in bad_fonts.items():
            more = f" (và {len(paras) - 1} chỗ khác)" if len(paras) > 1 else ""
            self.add("F-FONT-1", self.where(paras[0]) + more, f"phông '{font}'", f"dùng phông '{TNR}'")
        for color, paras in bad_colors.items():
            more = f" (và {len(paras) - 1} chỗ khác)" if len(paras) > 1 else ""
            self.add("F-FONT-1", self.where(paras[0]) + more, f"chữ màu #{color}", "chữ màu đen")
        st = self.m.styles
        if st.rpr_default is not None or st.by_id:
            levels = [st.rpr_default] if st.rpr_default is not None else []
            for slot in ("ascii", "hAnsi"):
                f = st.font(levels, slot)
                if f != TNR:
                    self.add("F-FONT-1", "phông mặc định của tệp (docDefaults)", f"'{f or 'không đặt'}'",
                             f"'{TNR}', để chữ gõ thêm cũng đúng phông")
                    break
        used = {p.style_id for p in self.m.paras if p.style_id}
        for r_el in self.m.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rStyle"):
            used.add(r_el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val"))
        for sid in sorted(x for x in used if x):
            chain = st.chain(sid)
            levels = [s.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr") for s in chain]
            levels = [x for x in levels if x is not None] + ([st.rpr_default] if st.rpr_default is not None else [])
            f = st.font(levels, "hAnsi") or st.font(levels, "ascii")
            if f != TNR:
                self.add("F-FONT-1", f"kiểu (style) '{st.name(sid)}'", f"phông '{f or 'không đặt'}'", f"'{TNR}'")

    # -- header block -----------------------------------------------------------------------------
    def find_header(self):
        paras = self.m.paras
        for i, p in enumerate(paras[:80]):
            if QUOC_HIEU in _norm_upper(p.text.replace("\n", " ")):
                self.qh = p
                break
        if self.qh is None:
            for i, p in enumerate(paras[:80]):
                t = _norm_upper(p.text)
                if t.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") or t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA":
                    self.qh = p
                    self.add("F-QH-1", self.where(p, "Quốc hiệu"), "Quốc hiệu bị ngắt làm hai dòng",
                             f"'{QUOC_HIEU}' trên một dòng")
                    break
        start = self.m.index(self.qh) if self.qh else 0
        tn_re = re.compile(r"độc\s*lập\s*[-–—−]*\s*tự\s*do\s*[-–—−]*\s*hạnh\s*phúc", re.I)
        for p in paras[start: start + 6]:
            if tn_re.search(p.text):
                self.tn = p
                break
        # the header region: the header table (if any), or the lines down to the Số / date line
        end = start
        if self.qh is not None:
            end = start + 1
            if self.qh.table_no is not None:
                while end < len(paras) and paras[end].table_no == self.qh.table_no:
                    end += 1
        if self.qh is None:
            region = []
        else:
            region = paras[:end] if self.qh.table_no is not None else paras[start:start + 8]
        last = self.m.index(self.tn) if self.tn is not None else start
        for p in region:
            t = p.stripped
            if self.so is None and re.match(r"^Số\b", t) and ("/" in t or p.table_no is not None):
                self.so = p
                last = max(last, self.m.index(p))
            elif self.vv is None and re.match(r"^V/[vV]\b", t):
                self.vv = p
                last = max(last, self.m.index(p))
            if self.place_date is None and re.search(r"ngày\s+\S+\s+tháng\s+\S+\s+năm", t.split("\t")[-1]):
                self.place_date = p
                last = max(last, self.m.index(p))
        if self.qh is not None and self.qh.table_no is None:
            end = last + 1
        self.header_end = end
        if self.place_date is None and self.qh is not None:
            for p in paras[end: end + 4]:
                if re.search(r"ngày\s+\S+\s+tháng\s+\S+\s+năm", p.stripped) and len(p.stripped) < 60:
                    self.place_date = p
                    self.header_end = self.m.index(p) + 1
                    break
        if self.qh is not None and self.qh.table_no is not None:
            self.agency = [p for p in paras[:end]
                           if p.table_no == self.qh.table_no and p.row == self.qh.row and p.col < self.qh.col
                           and p.stripped and not RULE_TEXT.match(p.stripped) and p is not self.so
                           and p is not self.vv]
            # stop at the Số line when it sits in the same cell
            if self.so is not None and self.so.container is (self.agency[0].container if self.agency else None):
                cut = [p for p in self.agency if self.m.index(p) < self.m.index(self.so)]
                self.agency = cut

    def detect_kind(self):
        paras = self.m.paras
        first = next((p for p in paras if p.stripped), None)
        # a Phụ lục starts with its "Phụ lục …" line, usually with no header block
        if first is not None and PHU_LUC.match(first.stripped) and (
                self.qh is None or self.m.index(first) < self.m.index(self.qh)):
            self.kind = "phu_luc"
            return
        # the title: first top-level paragraph after the header region
        for p in paras[self.header_end: self.header_end + 6]:
            if not p.stripped or p.table_no is not None or p.in_textbox:
                continue
            text = _norm_upper(p.stripped)
            known = next((k for k in sorted(KINDS, key=len, reverse=True) if text.startswith(k)), None)
            if known and _is_upper(p.stripped):
                self.title = p
                self.kind = KINDS[known][0]
                self.title_text = KIND_NAMES[self.kind]
            elif p.align == "center" and _is_upper(p.stripped) and len(p.stripped) <= 90 \
                    and not p.stripped.startswith("Kính gửi"):
                self.title = p
                self.kind = "khac"
                self.title_text = p.stripped.capitalize()
            break
        if self.title is None and self.qh is not None:
            abbr = self._so_abbr()
            if self.vv is not None or any(p.stripped.startswith("Kính gửi") for p in paras[self.header_end:
                                                                                         self.header_end + 4]):
                self.kind = "cong_van"
            elif abbr:
                self.kind = next((k for k, a in KINDS.values() if a == abbr), "khac")
        if self.kind == "khac" and self.title is None and first is not None and PHU_LUC.match(first.stripped):
            self.kind = "phu_luc"

    def _so_abbr(self) -> str | None:
        if self.so is None:
            return None
        m = re.search(r"/\s*([^\s/-]+)", self.so.stripped)
        return m.group(1) if m else None

    def check_header(self):
        if self.qh is None:
            if self.kind not in ("phu_luc", "danh_muc"):
                self.add("F-QH-1", "đầu trang 1", "không thấy Quốc hiệu", f"'{QUOC_HIEU}' (IN HOA, đậm, cỡ 12–13)")
            return
        qh, tn = self.qh, self.tn
        seg = qh.stripped
        if not _is_upper(seg.replace("\t", " ")):
            self.add("F-QH-1", self.where(qh, "Quốc hiệu"), "không in hoa", f"'{QUOC_HIEU}'")
        if "\n" in qh.text.strip():
            self.add("F-QH-1", self.where(qh, "Quốc hiệu"), "có dấu xuống dòng trong Quốc hiệu",
                     "Quốc hiệu trên một dòng")
        runs = [r for r in qh.text_runs() if QUOC_HIEU[:5] in _norm_upper(r.text) or _is_upper(r.text)]
        runs = runs or qh.text_runs()
        sizes = {r.size for r in runs}
        if not all(r.bold for r in runs):
            self.add("F-QH-1", self.where(qh, "Quốc hiệu"), "chữ không đậm", "Quốc hiệu IN HOA, đậm")
        if any(r.italic for r in runs):
            self.add("F-QH-1", self.where(qh, "Quốc hiệu"), "chữ nghiêng", "chữ đứng")
        if not all(12 <= s <= 13 for s in sizes):
            self.add("F-QH-1", self.where(qh, "Quốc hiệu"), f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}",
                     "cỡ 12–13")
        if "\t" not in qh.text and "\n" not in qh.text.strip() and sizes:
            need = text_width_mm(QUOC_HIEU, max(sizes), True)
            room = qh.line_width_mm() - max(qh.ind_first, 0) / TWIPS_PER_MM
            if need > room + 0.2:
                self.add("F-QH-1", self.where(qh, "Quốc hiệu"),
                         f"Quốc hiệu dài {need:.0f} mm mà chỗ chỉ rộng {room:.0f} mm nên bị xuống dòng".replace(".", ","),
                         "Quốc hiệu trên một dòng: nới rộng cột (≥ 90 mm với cỡ 12, ≥ 97 mm với cỡ 13)")
        # Tiêu ngữ
        if tn is None:
            self.add("F-QH-2", self.where(qh, "dưới Quốc hiệu"), "không thấy Tiêu ngữ",
                     f"'{TIEU_NGU}' (đậm, cỡ 13–14)")
        else:
            m = re.search(r"độc\s*lập\s*[-–—−]*\s*tự\s*do\s*[-–—−]*\s*hạnh\s*phúc", tn.text, re.I)
            typed = m.group(0)
            if typed != TIEU_NGU:
                self.add("F-QH-2", self.where(tn, "Tiêu ngữ"), f"'{typed}'",
                         f"viết '{TIEU_NGU}' (chữ đầu mỗi cụm viết hoa, gạch nối có cách hai bên)")
            truns = tn.text_runs()
            tsizes = {r.size for r in truns}
            if not all(r.bold for r in truns):
                self.add("F-QH-2", self.where(tn, "Tiêu ngữ"), "chữ không đậm", "Tiêu ngữ đậm")
            if any(r.italic for r in truns):
                self.add("F-QH-2", self.where(tn, "Tiêu ngữ"), "chữ nghiêng", "chữ đứng")
            if not all(13 <= s <= 14 for s in tsizes):
                self.add("F-QH-2", self.where(tn, "Tiêu ngữ"), f"cỡ chữ {', '.join(map(_pt, sorted(tsizes)))}",
                         "cỡ 13–14")
            if tn is not qh:
                between = self.m.paras[self.m.index(qh) + 1: self.m.index(tn)]
                if any(not p.stripped for p in between):
                    self.add("F-QH-4", self.where(tn, "Tiêu ngữ"), "có dòng trống giữa Quốc hiệu và Tiêu ngữ",
                             "Tiêu ngữ ngay dưới Quốc hiệu, cách dòng đơn")
            self.check_tn_line(tn, max(tsizes) if tsizes else 13)
        self.check_agency()
        self.check_so()
        self.check_place_date()
        self.check_vv()

    def _line_candidates(self, anchor: Para, pool: list[Para]):
        """Lines that could be the one under `anchor`: its bottom border, the border of the (empty)
        paragraph after it, shapes drawn in `pool`. Each: (length mm, description)."""
        out = []
        if anchor.border_bottom:
            out.append((anchor.line_width_mm(), anchor.border_bottom))
        nxt = self.m.following(anchor, 1)
        if nxt and not nxt[0].stripped:
            for b in (nxt[0].border_top, nxt[0].border_bottom):
                if b:
                    out.append((nxt[0].line_width_mm(), b))
        for p in pool:
            for s in p.shapes:
                out.append((s.length_mm, "shape"))
        return out

    def _typed_rule(self, anchor: Para) -> Para | None:
        nxt = self.m.following(anchor, 1)
        if nxt and nxt[0].stripped and RULE_TEXT.match(nxt[0].stripped):
            return nxt[0]
        return None

    def _pool(self, anchor: Para, extra: int = 2) -> list[Para]:
        if anchor.table_no is not None or anchor.in_textbox:
            return self.m.same_container(anchor)
        i = self.m.index(anchor)
        return self.m.paras[max(0, i - 2): i + 1 + extra]

    def check_tn_line(self, tn: Para, size: float):
        where = self.where(tn, "dưới Tiêu ngữ")
        if any(r.underline for r in tn.text_runs()):
            self.add("F-QH-3", where, "Tiêu ngữ được gạch chân (Underline)",
                     "bỏ gạch chân; kẻ một đường nét liền dưới Tiêu ngữ (đường vẽ hoặc viền dưới đoạn)")
            return
        typed = self._typed_rule(tn)
        if typed is not None:
            self.add("F-QH-3", self.where(typed, "dưới Tiêu ngữ"), "đường kẻ gõ bằng ký tự",
                     "kẻ đường nét liền (đường vẽ hoặc viền dưới đoạn), không gõ '____'")
            return
        want = text_width_mm(TIEU_NGU, size, True)
        cands = self._line_candidates(tn, self._pool(tn))
        if not cands:
            self.add("F-QH-3", where, "không có đường kẻ dưới Tiêu ngữ",
                     f"đường nét liền dài bằng dòng Tiêu ngữ (khoảng {want:.0f} mm)")
            return
        length, style = min(cands, key=lambda c: abs(c[0] - want))
        if style not in ("shape", "single", "thick", "double"):
            self.add("F-QH-3", where, f"đường kẻ kiểu '{style}'", "đường nét liền")
        if abs(length - want) > TN_LINE_TOLERANCE_MM:
            self.add("F-QH-3", where, f"đường kẻ dài {length:.0f} mm".replace(".", ","),
                     f"dài bằng dòng Tiêu ngữ (khoảng {want:.0f} mm, ±{TN_LINE_TOLERANCE_MM:.0f} mm)")

    def check_agency(self):
        if not self.agency:
            if self.qh is not None and self.qh.table_no is not None:
                self.add("F-CQ-2", self.where(self.qh, "bên trái Quốc hiệu"), "không thấy tên cơ quan ban hành",
                         "tên cơ quan IN HOA, đậm, cỡ 12–13")
            return
        last = self.agency[-1]
        for p in self.agency:
            sizes = _sizes(p)
            rule = "F-CQ-2" if p is last or p.all_bold() else "F-CQ-1"
            if not _is_upper(p.stripped):
                self.add(rule, self.where(p, "tên cơ quan"), "không in hoa", "tên cơ quan IN HOA")
            if not all(12 <= s <= 13 for s in sizes):
                self.add(rule, self.where(p, "tên cơ quan"), f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}",
                         "cỡ 12–13")
            if any(r.italic for r in p.text_runs()):
                self.add(rule, self.where(p, "tên cơ quan"), "chữ nghiêng", "chữ đứng")
        if not last.all_bold():
            self.add("F-CQ-2", self.where(last, "tên cơ quan ban hành"), "chữ không đậm",
                     "tên cơ quan ban hành IN HOA, đậm")
        # the line under the issuing body's name: 1/3 to 1/2 of its text line
        if any(r.underline for r in last.text_runs()):
            self.add("F-CQ-3", self.where(last, "dưới tên cơ quan"), "tên cơ quan được gạch chân (Underline)",
                     "bỏ gạch chân; kẻ đường nét liền dài 1/3–1/2 dòng chữ")
            return
        typed = self._typed_rule(last)
        if typed is not None:
            self.add("F-CQ-3", self.where(typed, "dưới tên cơ quan"), "đường kẻ gõ bằng ký tự",
                     "kẻ đường nét liền, không gõ '____'")
            return
        issuing = [p for p in self.agency if p.all_bold()] or [last]
        widths = [w for p in issuing for w in p.wrapped()]
        if not widths:
            return
        lo, hi = min(widths) / 3 - SHORT_LINE_SLACK_MM, max(widths) / 2 + SHORT_LINE_SLACK_MM
        cands = self._line_candidates(last, self._pool(last))
        if not cands:
            self.add("F-CQ-3", self.where(last, "dưới tên cơ quan"), "không có đường kẻ dưới tên cơ quan ban hành",
                     "đường nét liền dài 1/3–1/2 dòng chữ, đặt giữa")
            return
        length, _ = min(cands, key=lambda c: 0 if lo <= c[0] <= hi else min(abs(c[0] - lo), abs(c[0] - hi)))
        if not lo <= length <= hi:
            self.add("F-CQ-3", self.where(last, "dưới tên cơ quan"), f"đường kẻ dài {length:.0f} mm",
                     f"dài 1/3–1/2 dòng chữ (khoảng {max(lo, 0):.0f}–{hi:.0f} mm)")

    def check_so(self):
        p = self.so
        if p is None:
            if self.kind not in ("phu_luc", "khac"):
                self.add("F-SO-1", "dưới tên cơ quan", "không thấy dòng 'Số:'",
                         "'Số: …/…' cỡ 13 dưới tên cơ quan (để trống số khi chưa ban hành)")
            return
        where = self.where(p, "dòng Số")
        sizes = _sizes(p)
        if sizes and sizes != {13}:
            self.add("F-SO-1", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13")
        if any(r.italic for r in p.text_runs()):
            self.add("F-SO-1", where, "chữ nghiêng", "chữ đứng")
        t = " ".join(p.stripped.split("\t")[0].split()) if "\t" in p.stripped else p.stripped
        m = re.match(r"^Số(?P<colon>\s*:)?\s*(?P<num>[^/]*?)\s*(?P<sl>\s*/\s*)(?P<kh>.*)$", t)
        if not m:
            self.add("F-SO-1", where, f"'{t}'", "'Số: 05/BB-UBND' (số/ký hiệu)")
            return
        if not m.group("colon") or m.group("colon") != ":":
            fixed = f"Số: {m.group('num')}/{m.group('kh')}"
            self.add("F-SO-1", where, f"'{t}'", f"viết '{fixed}' (dấu hai chấm ngay sau 'Số')")
        num = m.group("num").strip()
        if num and not BLANK.match(num):
            if num.isdigit():
                n = int(num)
                good = f"{n:02d}" if n < 10 else str(n)
                if num != good:
                    self.add("F-SO-2", where, f"số '{num}'", f"viết '{good}' (thêm số 0 trước số 1–9, "
                                                             "không thêm từ 10 trở lên)")
        kh = m.group("kh")
        if m.group("sl") != "/" or re.search(r"\s", kh.strip()) or re.search(r"\s-|-\s", kh):
            clean = re.sub(r"\s+", "", kh)
            self.add("F-SO-3", where, f"'{t}'", f"viết liền, không cách: '{num or '…'}/{clean}'")
        groups = [g for g in re.sub(r"\s+", "", kh).split("-") if g]
        for g in groups:
            if g not in MIXED_CASE_OK and not _is_upper(g):
                self.add("F-SO-3", where, f"ký hiệu '{g}'", f"ký hiệu IN HOA ('{g.upper()}')")
        if groups:
            first = groups[0]
            if self.kind in ("cong_van",) and (first in ABBREVIATIONS):
                self.add("F-SO-5", where, f"ký hiệu '{'-'.join(groups)}' của Công văn",
                         "ký hiệu Công văn = tên viết tắt cơ quan - đơn vị soạn thảo (ví dụ 'UBND-VP'), "
                         "không có chữ viết tắt tên loại")
            wanted = next((a for k, a in KINDS.values() if k == self.kind), None)
            if wanted and first != wanted:
                self.add("F-SO-4", where, f"ký hiệu '{'-'.join(groups)}' trên {KIND_NAMES[self.kind]}",
                         f"ký hiệu bắt đầu bằng '{wanted}-' (chữ viết tắt tên loại)")

    def check_place_date(self):
        p = self.place_date
        if p is None:
            if self.kind not in ("bien_ban", "phu_luc", "khac"):  # D-1: optional in a Biên bản
                self.add("F-DATE-3", self.where(self.qh, "dưới Tiêu ngữ"), "không thấy dòng địa danh, ngày tháng",
                         "'Địa danh, ngày … tháng … năm …' (nghiêng, cỡ 13–14)")
            return
        where = self.where(p, "dòng địa danh, ngày tháng")
        runs = p.text_runs()
        sizes = {r.size for r in runs}
        if not all(r.italic for r in runs):
            self.add("F-DATE-2", where, "chữ không nghiêng", "chữ nghiêng")
        if not all(13 <= s <= 14 for s in sizes):
            self.add("F-DATE-2", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13–14")
        t = p.stripped.split("\t")[-1].strip()
        if PLACE_DATE.match(t):
            self._valid_date(p, where, t)
            return
        m = LOOSE_DATE.match(t)
        if not m:
            self.add("F-DATE-3", where, f"'{t}'", "viết 'Địa danh, ngày DD tháng M năm YYYY'")
            return
        place = m.group("place").strip()
        if not place or BLANK.match(place):
            pass  # a dotted blank for the place: filled by hand
        elif not place[0].isupper():
            self.add("F-DATE-2", where, f"địa danh '{place}'", f"viết hoa chữ cái đầu: '{place[0].upper() + place[1:]}'")
        if not m.group("comma"):
            self.add("F-DATE-2", where, f"'{t}'", f"thêm dấu phẩy sau địa danh: '{place}, ngày …'")
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
        for part, value in (("ngày", d), ("tháng", mo)):
            if BLANK.match(value):
                continue
            if not value.isdigit():
                self.add("F-DATE-3", where, f"'{part} {value}'", f"viết {part} bằng chữ số Ả Rập")
                continue
            good = self._two(part, int(value))
            if value != good:
                ctx = f"ngày {d} tháng {mo}" if part == "ngày" else f"tháng {mo}"
                fixed = f"ngày {good} tháng {mo}" if part == "ngày" else f"tháng {good}"
                self.add("F-DATE-4", where, f"'{ctx}'", f"viết '{fixed}'")
        if not BLANK.match(y) and not re.fullmatch(r"\d{4}", y):
            self.add("F-DATE-3", where, f"'năm {y}'", "năm viết đủ 4 chữ số")
        self._valid_date(p, where, t)

    @staticmethod
    def _two(part: str, n: int) -> str:
        if part == "ngày":
            return f"{n:02d}"
        return f"{n:02d}" if n <= 2 else str(n)

    def _valid_date(self, p, where, t):
        m = re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", t)
        if m:
            try:
                _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                self.add("F-DATE-3", where, f"'{m.group(0)}' không có thật", "một ngày có thật")

    def check_vv(self):
        p = self.vv
        if p is None:
            if self.kind == "cong_van":
                self.add("F-VV-1", self.where(self.so or self.qh, "dưới dòng Số"), "Công văn không có trích yếu 'V/v'",
                         "'V/v …' cỡ 12–13, chữ đứng, dưới dòng Số")
            return
        where = self.where(p, "trích yếu Công văn")
        if not p.stripped.startswith("V/v"):
            self.add("F-VV-1", where, f"'{p.stripped[:4]}'", "viết 'V/v'")
        sizes = _sizes(p)
        if not all(12 <= s <= 13 for s in sizes):
            self.add("F-VV-1", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 12–13")
        if any(r.bold for r in p.text_runs()):
            self.add("F-VV-1", where, "chữ đậm", "chữ thường, không đậm")
        if any(r.italic for r in p.text_runs()):
            self.add("F-VV-1", where, "chữ nghiêng", "chữ đứng")

    # -- title and trích yếu -----------------------------------------------------------------------
    def check_title(self):
        t = self.title
        if t is None:
            if self.kind == "cong_van" or self.kind == "phu_luc" or self.qh is None:
                return
            if self.kind != "khac":
                self.add("F-TL-1", "dưới phần đầu văn bản", "không thấy tên loại văn bản",
                         "tên loại IN HOA, đậm, cỡ 13–14, căn giữa")
            return
        where = self.where(t, "tên loại")
        self._centered_bold(t, where, "F-TL-1", (13, 14), upper=True)
        # trích yếu: the centred bold lines right under the title
        self.subject = []
        for p in self.m.following(t, 4, same_container=False):
            if not p.stripped or p.align != "center" or RULE_TEXT.match(p.stripped):
                break
            self.subject.append(p)
        for p in self.subject:
            self._centered_bold(p, self.where(p, "trích yếu"), "F-TL-2", (13, 14))
        last = self.subject[-1] if self.subject else t
        if self.kind == "bien_ban":  # D-2: the Biên bản sample has no line under the meeting name
            if not self._line_candidates(last, self._pool(last)):
                return
        typed = self._typed_rule(last)
        if typed is not None:
            self.add("F-TL-3", self.where(typed, "dưới trích yếu"), "đường kẻ gõ bằng ký tự",
                     "kẻ đường nét liền, không gõ '____'")
            return
        widths = [w for p in (self.subject or [t]) for w in p.wrapped()]
        lo, hi = min(widths) / 3 - SHORT_LINE_SLACK_MM, max(widths) / 2 + SHORT_LINE_SLACK_MM
        cands = self._line_candidates(last, self._pool(last))
        if not cands:
            self.add("F-TL-3", self.where(last, "dưới trích yếu"), "không có đường kẻ dưới trích yếu",
                     "đường nét liền dài 1/3–1/2 dòng chữ, đặt giữa")
            return
        length, _ = min(cands, key=lambda c: 0 if lo <= c[0] <= hi else min(abs(c[0] - lo), abs(c[0] - hi)))
        if not lo <= length <= hi:
            self.add("F-TL-3", self.where(last, "dưới trích yếu"), f"đường kẻ dài {length:.0f} mm",
                     f"dài 1/3–1/2 dòng chữ (khoảng {max(lo, 0):.0f}–{hi:.0f} mm)")

    def _centered_bold(self, p, where, rule, size_range, upper=False, exact=None):
        runs = p.text_runs()
        sizes = {r.size for r in runs}
        if upper and not _is_upper(p.stripped):
            self.add(rule, where, "không in hoa", "IN HOA")
        if not all(r.bold for r in runs):
            self.add(rule, where, "chữ không đậm", "chữ đậm")
        if any(r.italic for r in runs):
            self.add(rule, where, "chữ nghiêng", "chữ đứng")
        lo, hi = size_range
        if not all(lo <= s <= hi for s in sizes):
            want = f"cỡ {lo}" if lo == hi else f"cỡ {lo}–{hi}"
            self.add(rule, where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", want)
        if p.align != "center":
            self.add(rule, where, "không căn giữa", "căn giữa")

    # -- Phụ lục -----------------------------------------------------------------------------------
    def check_phu_luc_lines(self):
        paras = self.m.paras
        for i, p in enumerate(paras):
            if p.table_no is not None or p.in_textbox or not PHU_LUC.match(p.stripped):
                continue
            where = self.where(p, "dòng Phụ lục")
            if _is_upper(p.stripped):
                self.add("F-PL-2", where, f"'{p.stripped}' in hoa",
                         f"in thường: '{p.stripped[:1]}{p.stripped[1:].lower()}'")
            self._centered_bold(p, where, "F-PL-2", (14, 14))
            after = [q for q in paras[i + 1: i + 6] if q.stripped and q.table_no is None]
            titles = []
            for q in after:
                if q.stripped.startswith("(") or not _is_upper(q.stripped):
                    break
                titles.append(q)
            if not titles:
                self.add("F-PL-2", where, "không thấy tên phụ lục", "tên phụ lục IN HOA, đậm, cỡ 13–14, căn giữa")
            for q in titles:
                self._centered_bold(q, self.where(q, "tên phụ lục"), "F-PL-2", (13, 14), upper=True)
            rest = after[len(titles):]
            ref = rest[0] if rest and re.match(r"^\(\s*Kèm theo", rest[0].stripped, re.I) else None
            if ref is None:
                self.add("F-PL-3", where, "không có dòng '(Kèm theo …)' dưới tên phụ lục",
                         "'(Kèm theo Văn bản số … ngày … của …)', nghiêng, cỡ 13–14, căn giữa")
            else:
                rw = self.where(ref, "dòng Kèm theo")
                sizes = _sizes(ref)
                if not all(r.italic for r in ref.text_runs()):
                    self.add("F-PL-3", rw, "chữ không nghiêng", "chữ nghiêng")
                if not all(13 <= s <= 14 for s in sizes):
                    self.add("F-PL-3", rw, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13–14")
                if ref.align != "center":
                    self.add("F-PL-3", rw, "không căn giữa", "căn giữa")
            # F-PGNUM-2: a phụ lục starting a later section restarts its page numbers
            sec = self.m.sections[p.section - 1]
            if p.section > 1 and sec.first_para is p and sec.pg_start != 1:
                self.add("F-PGNUM-2", where, "phụ lục đánh số trang tiếp theo văn bản",
                         "đánh số trang riêng cho từng phụ lục (bắt đầu từ 1)")

    # -- Kính gửi --------------------------------------------------------------------------------
    def check_kinh_gui(self):
        paras = self.m.paras
        for i, p in enumerate(paras[self.header_end: self.header_end + 12], start=self.header_end):
            if p.table_no is None and re.match(r"^Kính\s+gửi", p.stripped):
                self.kinh_gui = p
                break
        if self.kinh_gui is None:
            if self.kind in NEEDS_KINH_GUI:
                self.add("F-NN-1", "dưới phần đầu văn bản", f"{KIND_NAMES[self.kind]} không có 'Kính gửi:'",
                         "'Kính gửi: <nơi nhận>' cỡ 13–14")
            return
        p = self.kinh_gui
        where = self.where(p, "Kính gửi")
        if not re.match(r"^Kính gửi:", p.stripped):
            self.add("F-NN-1", where, f"'{p.stripped[:12]}'", "viết 'Kính gửi:' (dấu hai chấm sau 'Kính gửi')")
        items = []
        inline = re.sub(r"^Kính\s+gửi\s*:?", "", p.stripped).strip()
        for q in paras[self.m.index(p) + 1:]:
            if q.table_no is not None or not q.stripped or not q.stripped.startswith(("-", "–", "+")):
                break
            items.append(q)
        for q in [p] + items:
            sizes = _sizes(q)
            if not all(13 <= s <= 14 for s in sizes):
                self.add("F-NN-1", self.where(q, "Kính gửi"), f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}",
                         "cỡ 13–14")
        if inline and items:
            self.add("F-NN-2", where, "vừa có nơi nhận cùng dòng vừa có danh sách",
                     "một nơi nhận thì viết cùng dòng; nhiều nơi thì mỗi nơi một dòng bắt đầu bằng '- '")
        if len(items) == 1 and not inline:
            self.add("F-NN-2", self.where(items[0], "Kính gửi"), "chỉ một nơi nhận mà xuống dòng",
                     f"viết cùng dòng: 'Kính gửi: {items[0].stripped.lstrip('-–+ ').rstrip(';.')}'")
        for k, q in enumerate(items):
            last = k == len(items) - 1
            end = "." if last else ";"
            if len(items) > 1 and not q.stripped.endswith(end):
                self.add("F-NN-2", self.where(q, "Kính gửi"), f"cuối dòng '{q.stripped[-1:]}'",
                         f"kết thúc bằng '{end}'")
            if not q.stripped.startswith("- "):
                self.add("F-NN-2", self.where(q, "Kính gửi"), f"'{q.stripped[:2]}'", "mỗi nơi bắt đầu bằng '- '")
        self.kinh_gui_items = items

    # -- signature, Nơi nhận ---------------------------------------------------------------------
    def check_signature_and_recipients(self):
        paras = self.m.paras
        nn = next((p for p in paras if re.match(r"^Nơi\s+nhận\b", p.stripped, re.I)), None)
        self.noi_nhan = nn
        columns = self._signature_columns(nn)
        if nn is None and self.kind in NEEDS_NOI_NHAN:
            self.add("F-NN-3", "cuối văn bản", "không có 'Nơi nhận:'",
                     "'Nơi nhận:' cỡ 12, nghiêng, đậm, bên trái ngang hàng chức vụ người ký")
        if nn is not None:
            self.check_noi_nhan(nn)
        if not columns:
            if self.kind in NEEDS_SIGNATURE:
                self.add("F-SIG-2", "cuối văn bản", "không thấy phần chữ ký (quyền hạn, chức vụ, họ tên)",
                         "chức vụ IN HOA đậm cỡ 13–14, họ tên đậm cỡ 13–14")
            return
        for authority, name in columns:
            for p in authority:
                self.signature_paras.add(id(p))
                where = self.where(p, "chức vụ người ký")
                runs = p.text_runs()
                sizes = {r.size for r in runs}
                if not all(r.bold for r in runs):
                    self.add("F-SIG-2", where, "chữ không đậm", "quyền hạn, chức vụ IN HOA, đậm")
                if any(r.italic for r in runs):
                    self.add("F-SIG-2", where, "chữ nghiêng", "chữ đứng")
                if not all(13 <= s <= 14 for s in sizes):
                    self.add("F-SIG-2", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13–14")
                m = SIG_PREFIX.match(p.stripped)
                if m:
                    raw = m.group(0).strip()
                    good = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}[
                        re.sub(r"[^A-Za-z]", "", m.group(1)).upper()]
                    if raw != good:
                        self.add("F-SIG-1", where, f"'{raw}'", f"viết '{good}'")
            if authority and authority[-1].stripped.upper().startswith("KT."):
                self.add("F-SIG-1", self.where(authority[-1], "chức vụ người ký"), "dưới 'KT. …' không có chức vụ",
                         "ghi chức vụ của người ký dưới dòng 'KT.', ví dụ 'PHÓ CHỦ TỊCH'")
            if name is None:
                continue
            self.signature_paras.add(id(name))
            where = self.where(name, "họ tên người ký")
            text = name.stripped
            if BLANK.match(text):
                continue
            runs = name.text_runs()
            sizes = {r.size for r in runs}
            if not all(r.bold for r in runs):
                self.add("F-SIG-3", where, "họ tên không đậm", "họ tên người ký in thường, đậm")
            if any(r.italic for r in runs):
                self.add("F-SIG-3", where, "chữ nghiêng", "chữ đứng")
            if not all(13 <= s <= 14 for s in sizes):
                self.add("F-SIG-3", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13–14")
            if _is_upper(text) and len(text) > 3:
                self.add("F-SIG-3", where, "họ tên in hoa", f"in thường: '{text.title()}'")
            m = TITLES_BEFORE_NAME.match(text)
            if m and m.group(1) == "Ông" and text.split()[1:2] and text.split()[1] not in COMMON_FAMILY_NAMES:
                m = None  # the family name Ông, not "Ông Nguyễn Văn A"
            if m:
                self.add("F-SIG-3", where, f"'{m.group(1)}' trước họ tên",
                         "không ghi học hàm, học vị, danh hiệu trước họ tên người ký")

    def _signature_columns(self, nn: Para | None):
        """[(authority paragraphs, name paragraph)] for each signature: the columns of tables after
        the body, or the last top-level paragraphs, shaped as title lines, a gap, then a name."""
        paras = self.m.paras
        tables = {}
        for p in paras[self.header_end:]:
            if p.table_no is not None and p.part == "body":
                tables.setdefault(p.table_no, {}).setdefault(p.col, []).append(p)
        columns = []
        for no, cols in tables.items():
            for col, ps in cols.items():
                if nn is not None and any(q is nn for q in ps):
                    continue
                sig = self._as_signature(ps)
                if sig:
                    columns.append(sig)
        if not columns:
            tail = [p for p in paras[self.header_end:] if p.table_no is None and not p.in_textbox]
            ends = [i for i, p in enumerate(tail) if p.stripped.endswith("./.")]
            if ends:
                sig = self._as_signature(tail[ends[-1] + 1:])
                if sig:
                    columns.append(sig)
        return columns

    @staticmethod
    def _as_signature(ps: list[Para]):
        items = [p for p in ps if not p.stripped.startswith("{%")]
        k = 0
        while k < len(items) and not items[k].stripped:
            k += 1
        authority = []
        while k < len(items) and items[k].stripped and _is_upper(items[k].stripped) \
                and len(items[k].stripped) <= 80 and not re.match(r"^(STT|TT)$", items[k].stripped):
            authority.append(items[k])
            k += 1
        if not authority or any(re.match(r"^\d", a.stripped) for a in authority):
            return None
        rest = items[k:]
        gap = 0
        best_gap = 0
        name = None
        for p in rest:
            if not p.stripped:
                gap += 1
                continue
            if gap >= 2:
                best_gap = gap
                name = p
            gap = 0
        if name is None or best_gap < 2:
            return None
        return authority, name

    def check_noi_nhan(self, nn: Para):
        where = self.where(nn, "Nơi nhận")
        if not nn.stripped.startswith("Nơi nhận:"):
            self.add("F-NN-3", where, f"'{nn.stripped[:10]}'", "viết 'Nơi nhận:' (in thường, có dấu hai chấm)")
        head = []
        for r in nn.text_runs():
            head.append(r)
            if "\n" in r.text or "Nơi nhận" in "".join(x.text for x in head) and ":" in r.text:
                break
        sizes = {r.size for r in head}
        problems = []
        if sizes != {12}:
            problems.append(f"cỡ {', '.join(map(_pt, sorted(sizes)))}")
        if not all(r.bold for r in head):
            problems.append("không đậm")
        if not all(r.italic for r in head):
            problems.append("không nghiêng")
        if problems:
            self.add("F-NN-3", where, "'Nơi nhận:' " + ", ".join(problems), "cỡ 12, nghiêng, đậm")
        if nn.align in ("center", "right") or nn.ind_first > 30:
            self.add("F-NN-3", where, "không sát lề trái", "'Nơi nhận:' sát lề trái")
        items = []
        for q in self.m.following(nn, 40):
            if not q.stripped:
                if items:
                    break
                continue
            if q.stripped.startswith("{%"):
                continue
            items.append(q)
        inline = [line.strip() for line in nn.text.split("\n")[1:] if line.strip()]
        if inline and not items:  # the list typed with line breaks (Shift+Enter) in the same paragraph
            for k, line in enumerate(inline):
                if not line.startswith("-"):
                    self.add("F-NN-4", where, f"'{line[:8]}'", "bắt đầu bằng '- '")
                if k < len(inline) - 1 and not line.endswith(";"):
                    self.add("F-NN-4", where, f"cuối dòng '{line[-1:]}'", "kết thúc bằng ';'")
            if not re.match(r"^-\s*Lưu\s*:\s*VT\b.*\.$", inline[-1]):
                self.add("F-NN-5", where, f"dòng cuối '{inline[-1]}'",
                         "dòng cuối '- Lưu: VT, <đơn vị soạn thảo>.' kết thúc bằng dấu chấm")
            return
        if not items:
            self.add("F-NN-4", where, "không có danh sách nơi nhận", "mỗi nơi một dòng '- …;', dòng cuối '- Lưu: VT, …'")
            return
        for k, q in enumerate(items):
            w = self.where(q, "Nơi nhận")
            sizes = _sizes(q)
            if sizes != {11}:
                self.add("F-NN-4", w, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 11")
            if any(r.italic for r in q.text_runs()):
                self.add("F-NN-4", w, "chữ nghiêng", "chữ đứng")
            if not q.stripped.startswith("-"):
                self.add("F-NN-4", w, f"'{q.stripped[:8]}'", "bắt đầu bằng '- '")
            last = k == len(items) - 1
            if not last and not q.stripped.endswith(";"):
                self.add("F-NN-4", w, f"cuối dòng '{q.stripped[-1:]}'", "kết thúc bằng ';'")
        last = items[-1]
        if not re.match(r"^-\s*Lưu\s*:\s*VT\b.*\.$", last.stripped):
            self.add("F-NN-5", self.where(last, "Nơi nhận"), f"dòng cuối '{last.stripped}'",
                     "dòng cuối '- Lưu: VT, <đơn vị soạn thảo>.' kết thúc bằng dấu chấm")
        if self.kinh_gui is not None and not items[0].stripped.startswith("- Như trên"):
            self.add("F-NN-6", self.where(items[0], "Nơi nhận"), f"dòng đầu '{items[0].stripped}'",
                     "văn bản có 'Kính gửi' thì Nơi nhận bắt đầu bằng '- Như trên;'")

    # -- body ------------------------------------------------------------------------------------
    def body_paragraphs(self) -> list[Para]:
        paras = self.m.paras
        start = self.header_end
        marks = [self.title] + self.subject
        if self.kind == "phu_luc":
            first = next(p for p in paras if p.stripped)
            i = self.m.index(first)
            for q in paras[i + 1:]:
                if q.table_no is not None or (q.stripped and not (q.align == "center")):
                    break
                i += 1
            start = max(start, i + 1)
        for p in marks:
            if p is not None:
                start = max(start, self.m.index(p) + 1)
        if self.kinh_gui is not None:
            start = max(start, self.m.index(self.kinh_gui) + 1 + len(getattr(self, "kinh_gui_items", [])))
        out = []
        for p in paras[start:]:
            if p.part != "body" or p.table_no is not None or p.in_textbox:
                continue
            if id(p) in self.signature_paras or p is self.noi_nhan:
                break
            if not p.stripped or p.stripped.startswith("{%") or RULE_TEXT.match(p.stripped):
                continue
            if p.align == "center" or p.align == "right":
                continue  # centred headings (F-BODY-7), signatures typed as paragraphs
            out.append(p)
        return out

    def check_body(self):
        body = self.body_paragraphs()
        if not body:
            return
        sizes = {}
        for p in body:
            for s in _sizes(p):
                sizes[s] = sizes.get(s, 0) + 1
        main = max(sizes, key=sizes.get) if sizes else None
        prev_after = {}
        for p in self.m.paras:
            prev_after[id(p)] = p.after
        paras = self.m.paras
        canc = []
        for p in body:
            where = self.where(p)
            ps = _sizes(p)
            if not all(13 <= s <= 14 for s in ps):
                self.add("F-BODY-1", where, f"cỡ chữ {', '.join(map(_pt, sorted(ps)))}", "cỡ 13–14")
            elif main is not None and 13 <= main <= 14 and ps != {main}:
                self.add("F-BODY-1", where, f"cỡ chữ {', '.join(map(_pt, sorted(ps)))}",
                         f"cùng một cỡ chữ cho cả phần nội dung ({_pt(main)})")
            if p.align not in ("both", "distribute", "justify"):
                name = {"left": "căn trái", "start": "căn trái", None: "căn trái", "end": "căn phải"}.get(
                    p.align, p.align)
                self.add("F-BODY-1", where, name, "căn đều hai lề (Justify)")
            if not (abs(p.ind_first - 567) <= 20 or abs(p.ind_first - 720) <= 20
                    or (p.ind_first == 0 and p.text.startswith("\t"))):
                self.add("F-BODY-2", where, f"thụt đầu dòng {_mm(p.ind_first)}", "thụt đầu dòng 1 cm hoặc 1,27 cm")
            i = self.m.index(p)
            prev = paras[i - 1] if i > 0 else None
            if prev is not None and prev.table_no is None and prev.stripped and prev.part == "body":
                gap = p.before + prev.after
                if p.contextual and prev.style_id == p.style_id:
                    gap = 0
                if gap < 120 - TOL_TWIPS and not p.before_auto:
                    self.add("F-BODY-3", where, f"cách đoạn trên {gap / 20:g} pt".replace(".", ","),
                             "cách đoạn ít nhất 6 pt")
            if p.line is not None and p.line_rule == "auto" and not 240 - 1 <= p.line <= 360 + 1:
                self.add("F-BODY-4", where, f"giãn dòng {p.line / 240:.2f} dòng".replace(".", ","),
                         "giãn dòng từ 1 (single) đến 1,5 dòng")
            if re.match(r"^[IVXLC]+\.\s+\S", p.stripped):
                if not _is_upper(p.stripped) or not p.all_bold():
                    self.add("F-BODY-8", where, "tên mục không in hoa, đậm", "tên mục 'I. TIÊU ĐỀ' IN HOA, đậm")
        # F-BODY-5: the căn cứ lines that open the content. A sentence that starts "Căn cứ …" and ends with
        # ':' ("…, Sở Nội vụ xây dựng Kế hoạch … như sau:") is the content's own opening, as a Kế hoạch or
        # Báo cáo (Mẫu 1.4, no căn cứ block) commonly begins: body text, not a căn cứ line of its own.
        for p in body:
            if re.match(r"^(Căn cứ|Theo đề nghị)\b", p.stripped) and not p.stripped.endswith(":"):
                canc.append(p)
            else:
                break
        if canc:
            self.check_can_cu(canc)
        # F-BODY-10: the content ends with "./." right before the signature
        last = body[-1]
        if self.signature_paras or self.noi_nhan is not None:
            end_el = next((p for p in paras if id(p) in self.signature_paras or p is self.noi_nhan), None)
            if end_el is not None:
                between = paras[self.m.index(last) + 1: self.m.index(end_el)]
                if not any(q.table_no is not None and q.table_no != end_el.table_no for q in between) \
                        and not last.stripped.endswith("./."):
                    self.add("F-BODY-10", self.where(last), f"đoạn cuối kết thúc bằng '{last.stripped[-3:]}'",
                             "phần nội dung kết thúc bằng './.'")

    def check_can_cu(self, block):
        if not block[0].stripped.startswith("Căn cứ"):
            return
        for k, p in enumerate(block):
            where = self.where(p, "căn cứ")
            if not all(r.italic for r in p.text_runs()):
                self.add("F-BODY-5", where, "căn cứ chữ đứng", "căn cứ in nghiêng")
            end = "." if k == len(block) - 1 else ";"
            if k < len(block) - 1 and not p.stripped.endswith(";"):
                self.add("F-BODY-5", where, f"cuối dòng '{p.stripped[-1:]}'", f"mỗi căn cứ kết thúc bằng '{end}'")

    def check_dates_in_text(self):
        for p in self.m.paras:
            if p is self.place_date:
                continue
            for m in BODY_DATE.finditer(p.text):
                d, mo = m.group(1), m.group(2)
                gd, gm = self._two("ngày", int(d)), self._two("tháng", int(mo))
                if d != gd:
                    self.add("F-DATE-4", self.where(p), f"'ngày {d} tháng {mo}'", f"viết 'ngày {gd} tháng {mo}'")
                if mo != gm:
                    self.add("F-DATE-4", self.where(p), f"'tháng {mo}'", f"viết 'tháng {gm}'")

    # -- page numbers -----------------------------------------------------------------------------
    def check_page_numbers(self):
        for hp in self.m.header_paras:
            if hp.page_fields and hp.part.startswith("footer"):
                self.add("F-PGNUM-1", self.where(hp), "số trang ở chân trang", "số trang ở giữa lề trên (đầu trang)")
        for s in self.m.sections:
            default = s.headers.get("default")
            numbered = [hp for hp in self.m.header_paras if hp.page_fields and default is not None
                        and hp.container is default]
            if not numbered:
                if s.index == 1 and self._likely_pages() > 1 and not any(
                        hp.page_fields for hp in self.m.header_paras):
                    self.add("F-PGNUM-1", "đầu trang", "văn bản nhiều trang mà không đánh số trang",
                             "số trang ở giữa lề trên, từ trang 2, cỡ 13–14")
                continue
            for hp in numbered:
                where = self.where(hp, "số trang")
                if hp.align != "center" and "\t" not in hp.text:
                    self.add("F-PGNUM-1", where, "số trang không căn giữa", "số trang căn giữa lề trên")
                runs = [r for r in hp.runs]
                sizes = {r.size for r in runs if r.el is not None and (r.text.strip() or r.el.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText") is not None)}
                if sizes and not all(13 <= x <= 14 for x in sizes):
                    self.add("F-PGNUM-1", where, f"cỡ chữ {', '.join(map(_pt, sorted(sizes)))}", "cỡ 13–14")
            if s.index == 1:
                first = s.headers.get("first")
                first_numbered = first is not None and any(
                    hp.page_fields for hp in self.m.header_paras if hp.container is first)
                if not s.title_pg or first is None or first_numbered:
                    self.add("F-PGNUM-1", "đầu trang trang 1", "trang 1 có số trang",
                             "không hiện số trang ở trang 1 (bật 'Different First Page', để trống đầu trang của trang 1)")

    def _likely_pages(self) -> float:
        if self.m.app_pages and self.m.app_pages > 1:
            return self.m.app_pages
        s = self.m.sections[0]
        height = (s.page_h - s.margins["top"] - s.margins["bottom"]) / 20  # points
        used = 0.0
        rows: dict = {}
        for p in self.m.paras:
            size = p.main_size() or 13
            lines = max(len(p.wrapped()), 1)
            h = lines * size * 1.17 * (p.line / 240 if p.line and p.line_rule == "auto" else 1) \
                + (p.before + p.after) / 20
            if p.table_no is None:
                used += h
            else:
                key = (p.table_no, p.row, p.col)
                rows[key] = rows.get(key, 0) + h
        per_row: dict = {}
        for (t, r, c), h in rows.items():
            per_row[(t, r)] = max(per_row.get((t, r), 0), h)
        used += sum(per_row.values())
        return used / height
