"""Tables of the NĐ 30 format: tên loại and their abbreviations, what each kind needs, patterns, tolerances."""
from __future__ import annotations

import re

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
    # A hồ sơ's Mục lục văn bản lists its documents; it is filed with them, not issued, so it has no Số or
    # Quốc hiệu. "DANH MỤC" is how earlier docgen (and many clerks) titled that list: still recognised.
    "MỤC LỤC": ("muc_luc", None),
    "DANH MỤC": ("danh_muc", None),
}
KIND_NAMES = {
    "bien_ban": "Biên bản", "bao_cao": "Báo cáo", "ke_hoach": "Kế hoạch", "to_trinh": "Tờ trình",
    "quyet_dinh": "Quyết định", "thong_bao": "Thông báo", "chuong_trinh": "Chương trình", "huong_dan": "Hướng dẫn",
    "nghi_quyet": "Nghị quyết", "chi_thi": "Chỉ thị", "quy_che": "Quy chế", "quy_dinh": "Quy định",
    "phuong_an": "Phương án", "de_an": "Đề án", "du_an": "Dự án", "thong_cao": "Thông cáo",
    "hop_dong": "Hợp đồng", "cong_dien": "Công điện", "giay_moi": "Giấy mời", "giay_gioi_thieu": "Giấy giới thiệu",
    "cong_van": "Công văn", "phu_luc": "Phụ lục", "muc_luc": "Mục lục văn bản",
    "danh_muc": "Danh mục", "khac": "văn bản khác",
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
