"""Source of schemas/*.json: run `python tools/schemas_src.py` after editing, then commit both (and tools/generated.json)."""
from __future__ import annotations

import copy
import json
import re

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def s(title, description, **kw):
    """A string property with a Vietnamese title and description."""
    return {"type": "string", "title": title, "description": description, "minLength": 1, **kw}


def opt_s(title, description, **kw):
    """A string the clerk may leave empty (it becomes a dotted blank in the documents)."""
    return {"type": ["string", "null"], "title": title, "description": description, **kw}


# docgen.context.common.finding: empty → dotted lines to write on; "không" → the line left out
NOTE_EMPTY = ("Để trống: Biên bản in dòng chấm để viết tay; ghi \"không\" khi Đoàn không có ý kiến: "
              "Biên bản bỏ dòng này.")


DATE = {
    "type": "string",
    "pattern": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$",
}
TIME = {"type": "string", "pattern": r"^\d{1,2}[:hg]\d{2}$"}
CODE = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$", "maxLength": 60}
SCORE = {
    "title": "Điểm",
    "description": "Số điểm không âm, không quá điểm tối đa, tối đa 2 chữ số thập phân; dấu thập phân là dấu chấm hoặc dấu phẩy (viết 10,5 thì đặt trong ngoặc kép: \"10,5\"). Để trống (~) chỉ khi nội dung đó có điểm theo tiêu chí ở mục tieu_chi: docgen tự cộng.",
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*\d+([.,]\d{1,2})?\s*$"},
        {"type": "null"},
    ],
}
SCORE_REF = {"$ref": "#/$defs/diem"}


def date(title, description):
    return {**DATE, "title": title, "description": description + " Viết dạng năm-tháng-ngày trong ngoặc kép, ví dụ \"2017-10-05\", hoặc \"05/10/2017\"."}


def opt_date(title, description):
    d = date(title, description)
    d["type"] = ["string", "null"]
    return d


def time(title, description):
    return {**TIME, "type": ["string", "null"], "title": title,
            "description": description + " Viết giờ:phút trong ngoặc kép, ví dụ \"08:00\"."}


def person(title, description, chuc_vu_enum=None):
    chuc_vu = opt_s("Chức vụ", "Chức vụ chính thức, ví dụ Chủ tịch UBND xã, công chức Văn phòng - Thống kê.")
    if chuc_vu_enum:
        chuc_vu = {"type": "string", "title": "Chức vụ", "enum": chuc_vu_enum,
                   "description": "Một trong: " + ", ".join(chuc_vu_enum) + "."}
    return {
        "type": "object", "title": title, "description": description,
        "additionalProperties": False,
        # the documents need the leader's position (Trưởng đoàn, TM./KT. signature): required when it is a choice
        "required": ["ho_ten", "chuc_vu"] if chuc_vu_enum else ["ho_ten"],
        "properties": {
            "ho_ten": s("Họ và tên", "Họ và tên đầy đủ, có dấu, không ghi học hàm, học vị. Ví dụ: Nguyễn Văn An."),
            "chuc_vu": chuc_vu,
        },
    }


def score_list(title, description):
    return {"type": "array", "title": title, "description": description,
            "minItems": 1, "maxItems": 20, "items": SCORE_REF}


LOAI_TEP = lambda value, title: {"const": value, "title": "Loại tệp",  # noqa: E731
                                 "description": f"Luôn là `{value}`: cho docgen biết đây là {title}."}

def _lines(title, description):
    return {"type": "array", "title": title, "description": description + " Mỗi ý một dòng.",
            "items": s(title, "Một ý.")}


def _award_rows(title, description, what):
    """Section III of a person's achievement report: one row a year (năm, what, the decision)."""
    return {"type": "array", "title": title, "description": description, "items": {
        "type": "object", "title": title, "description": "Một năm.", "additionalProperties": False,
        "required": ["nam", "ten"],
        "properties": {
            "nam": {"type": "integer", "minimum": 1945, "maximum": 2100, "title": "Năm", "description": "Năm được công nhận, khen thưởng. Ví dụ: 2016."},
            "ten": s(what, f"{what} đã được tặng hoặc công nhận."),
            "quyet_dinh": opt_s("Quyết định", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định. Ví dụ: Quyết định số 1520/QĐ-UBND ngày 20/12/2016 của Chủ tịch UBND huyện Đông Anh."),
        },
    }}


# The lý lịch and account of a proposed individual (Báo cáo thành tích cá nhân, NĐ 91/2017 Mẫu số 02): all
# optional; what is not given is printed as dotted lines to write by hand, never made up.
_BY_HAND = " Bỏ trống thì Báo cáo thành tích in dòng chấm để ghi tay."
PERSONAL_REPORT = {
    "ngay_sinh": opt_date("Ngày sinh", "Ngày, tháng, năm sinh, in ở mục Sơ lược lý lịch của Báo cáo thành tích." + _BY_HAND),
    "gioi_tinh": {"type": "string", "enum": ["Nam", "Nữ"], "title": "Giới tính",
                  "description": "Nam hoặc Nữ." + _BY_HAND},
    "que_quan": opt_s("Quê quán", "Xã, huyện, tỉnh. Ví dụ: xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội." + _BY_HAND),
    "noi_thuong_tru": opt_s("Nơi thường trú", "Địa chỉ thường trú." + _BY_HAND),
    "trinh_do": opt_s("Trình độ chuyên môn, nghiệp vụ", "Ví dụ: Cử nhân Lưu trữ học và Quản trị văn phòng." + _BY_HAND),
    "nhiem_vu": _lines("Quyền hạn, nhiệm vụ được giao", "Nhiệm vụ được giao hoặc đảm nhận, in ở mục II.1 của Báo cáo thành tích." + _BY_HAND),
    "thanh_tich": _lines("Thành tích đạt được", "Thành tích của cá nhân trong năm, in ở mục II.2 sau kết quả kiểm tra chéo của đơn vị (docgen ghi điểm, xếp loại của đơn vị từ bảng điểm của Cụm)." + _BY_HAND),
    "danh_hieu_thi_dua": _award_rows("Danh hiệu thi đua đã được công nhận", "Các năm trước: danh hiệu thi đua (ví dụ Lao động tiên tiến, Chiến sĩ thi đua cơ sở)." + " Bỏ trống thì Báo cáo thành tích in các năm trước với dòng chấm để ghi tay.", "Danh hiệu thi đua"),
    "khen_thuong": _award_rows("Hình thức khen thưởng đã nhận", "Các năm trước: hình thức khen thưởng (ví dụ Giấy khen của Chủ tịch UBND huyện)." + " Bỏ trống thì Báo cáo thành tích in các năm trước với dòng chấm để ghi tay.", "Hình thức khen thưởng"),
}


# The district's supervisors at a visit or at the meeting (plan III.3.c: "Ý kiến tham gia của Đoàn giám sát").
SUPERVISION = {
    "type": ["object", "null"], "title": "Đoàn giám sát dự",
    "description": "Không bắt buộc. Thành viên Đoàn giám sát của cấp huyện có mặt và ý kiến tham gia của Đoàn; có mục này thì biên bản ghi thành phần và ý kiến của Đoàn giám sát.",
    "additionalProperties": False,
    "required": ["thanh_vien"],
    "properties": {
        "thanh_vien": {"type": "array", "title": "Thành viên Đoàn giám sát có mặt", "minItems": 1,
                       "description": "Họ tên và chức vụ (kèm cơ quan) của từng người.",
                       "items": person("Thành viên", "Một thành viên Đoàn giám sát.")},
        "y_kien": _lines("Ý kiến tham gia", "Ý kiến của Đoàn giám sát ghi vào biên bản."),
    },
}

# The commune's own report (plan III.3.b, IV.6.a), sent with its self-scores before its visit.
SELF_REPORT = {
    "type": ["object", "null"], "title": "Báo cáo tự đánh giá của đơn vị",
    "description": "Không bắt buộc. Nội dung Báo cáo tự đánh giá công tác văn thư, lưu trữ theo 7 nội dung (ưu điểm, hạn chế, nguyên nhân, giải pháp, đề xuất kiến nghị) mà đơn vị gửi Cụm trưởng và các đơn vị trong Cụm trước ngày được kiểm tra. Điểm và xếp loại tự chấm lấy từ diem.tu_cham. Phần nào bỏ trống thì văn bản để dòng chấm để ghi tay.",
    "additionalProperties": False,
    "properties": {
        "so": opt_s("Số báo cáo", "Số của Báo cáo (nếu đã có)."),
        "ngay": opt_date("Ngày báo cáo", "Ngày ký Báo cáo. Mặc định: ngày gửi báo cáo tự chấm (ngay_gui_tu_cham), nếu không có thì hạn gửi theo Kế hoạch (lùi về ngày làm việc liền trước nếu rơi vào thứ Bảy, Chủ nhật)."),
        "noi_dung": {
            "type": "array", "title": "Đánh giá theo nội dung",
            "description": "Ưu điểm và hạn chế của đơn vị ở từng nội dung kiểm tra.",
            "items": {
                "type": "object", "title": "Đánh giá một nội dung", "description": "Tự đánh giá một nội dung.",
                "additionalProperties": False, "required": ["noi_dung"],
                "properties": {
                    "noi_dung": {"type": "integer", "minimum": 1, "maximum": 20, "title": "Số nội dung",
                                 "description": "Số thứ tự nội dung (1 đến 7)."},
                    "uu_diem": opt_s("Ưu điểm", "Những việc đơn vị đã làm tốt."),
                    "han_che": opt_s("Hạn chế", "Những việc còn thiếu sót."),
                },
            },
        },
        "nguyen_nhan": _lines("Nguyên nhân", "Nguyên nhân của hạn chế."),
        "giai_phap": _lines("Giải pháp", "Giải pháp khắc phục của đơn vị."),
        "de_xuat": _lines("Đề xuất, kiến nghị", "Đề xuất, kiến nghị với cấp trên."),
    },
}

cluster = {
    "$schema": DIALECT,
    "$id": "https://docgen.local/schemas/cum.schema.json",
    "title": "Tệp Cụm kiểm tra chéo",
    "description": "Dữ liệu của một Cụm thi đua kiểm tra chéo công tác văn thư, lưu trữ: các đơn vị, lịch kiểm tra, điểm chấm, nhận xét và cuộc họp Cụm.",
    "type": "object",
    "$defs": {"diem": SCORE},
    "additionalProperties": False,
    "required": ["loai_tep", "ke_hoach", "cum", "don_vi", "hop_cum"],  # huyen: only with a three-tier plan
    "properties": {
        "loai_tep": LOAI_TEP("cum", "tệp của một Cụm"),
        "ke_hoach": s("Tệp Kế hoạch", "Đường dẫn đến tệp Kế hoạch mà Cụm thực hiện, tính từ thư mục của tệp này. Ví dụ: ke-hoach-2017.yaml."),
        "huyen": {
            "type": "object", "title": "Cấp huyện",
            "description": "Quận, huyện, thị xã thành lập Cụm. Bắt buộc khi Kế hoạch có cấp huyện (cap_chinh_quyen: ba_cap); không ghi khi Kế hoạch theo mô hình chính quyền hai cấp (hai_cap, từ 01/7/2025).",
            "additionalProperties": False,
            "required": ["ten", "loai"],
            "properties": {
                "ten": s("Tên quận, huyện, thị xã", "Tên riêng, không kèm chữ huyện/quận. Ví dụ: Đông Anh."),
                "loai": {"type": "string", "enum": ["quận", "huyện", "thị xã"], "title": "Loại đơn vị hành chính",
                         "description": "Một trong: quận, huyện, thị xã."},
                "tinh": opt_s("Tỉnh, thành phố", "Tỉnh, thành phố trực thuộc trung ương. Mặc định: Hà Nội."),
            },
        },
        "cum": {
            "type": "object", "title": "Cụm", "description": "Tên Cụm và đơn vị Cụm trưởng.",
            "additionalProperties": False,
            "required": ["ten", "cum_truong"],
            "properties": {
                "ten": s("Tên Cụm", "Tên Cụm do cấp huyện đặt. Ví dụ: Cụm số 1."),
                "cum_truong": {**CODE, "title": "Mã đơn vị Cụm trưởng",
                               "description": "Mã (`ma`) của đơn vị làm Cụm trưởng, là một trong các đơn vị ở mục don_vi. Ví dụ: co-loa."},
                "quyet_dinh_thanh_lap": opt_s("Quyết định thành lập Cụm", "Số, ngày của văn bản cấp huyện thành lập Cụm (nếu có). Ví dụ: Quyết định số 1234/QĐ-UBND ngày 15/8/2017 của UBND huyện Đông Anh."),
            },
        },
        "don_vi": {
            "type": "array", "title": "Các đơn vị trong Cụm",
            "description": "Các UBND xã, phường, thị trấn của Cụm (3 hoặc 4 đơn vị), theo thứ tự được kiểm tra.",
            "minItems": 1, "maxItems": 10,
            "items": {
                "type": "object", "title": "Đơn vị",
                "description": "Một UBND xã, phường, thị trấn trong Cụm.",
                "additionalProperties": False,
                "required": ["ma", "ten", "loai", "dai_dien", "cong_chuc_vptk", "ngay_kiem_tra", "diem"],
                "properties": {
                    "ma": {**CODE, "title": "Mã đơn vị",
                           "description": "Mã ngắn, chữ thường không dấu, nối bằng '-', dùng để nhắc đến đơn vị trong tệp và đặt tên tệp. Ví dụ: co-loa."},
                    "ten": s("Tên đơn vị", "Tên riêng, không kèm chữ xã/phường/thị trấn. Ví dụ: Cổ Loa."),
                    "loai": {"type": "string", "enum": ["xã", "phường", "thị trấn"], "title": "Loại đơn vị",
                             "description": "Một trong: xã, phường, thị trấn."},
                    "dai_dien": person("Lãnh đạo UBND tham gia Đoàn", "Chủ tịch hoặc Phó Chủ tịch UBND của đơn vị, là đại diện của đơn vị trong Đoàn kiểm tra và ký biên bản của đơn vị.",
                                       ["Chủ tịch", "Phó Chủ tịch"]),
                    "cong_chuc_vptk": person("Công chức Văn phòng - Thống kê", "Công chức Văn phòng - Thống kê của đơn vị tham gia Đoàn kiểm tra."),
                    "thanh_phan_khac": {
                        "type": "array", "title": "Thành phần khác của đơn vị",
                        "description": "Những người khác của đơn vị dự buổi kiểm tra (nếu có).",
                        "items": person("Người dự", "Một người dự buổi kiểm tra."),
                    },
                    "ngay_kiem_tra": date("Ngày kiểm tra", "Ngày Đoàn kiểm tra đơn vị."),
                    "gio_bat_dau": time("Giờ bắt đầu", "Giờ bắt đầu buổi kiểm tra."),
                    "gio_ket_thuc": time("Giờ kết thúc", "Giờ kết thúc buổi kiểm tra (ghi ở cuối biên bản)."),
                    "dia_diem": opt_s("Địa điểm", "Nơi làm việc. Mặc định: Trụ sở UBND của đơn vị."),
                    "ngay_gui_tu_cham": opt_date("Ngày gửi báo cáo tự chấm", "Ngày đơn vị gửi báo cáo, tự chấm điểm cho Cụm trưởng (chậm nhất 3 ngày trước ngày kiểm tra)."),
                    "so_bien_ban": opt_s("Số biên bản", "Số của Biên bản kiểm tra (nếu đã có). Bỏ trống để ghi tay khi ban hành."),
                    "diem": {
                        "type": "object", "title": "Điểm chấm",
                        "description": "Điểm của 7 nội dung theo thứ tự nội dung 1 đến 7: đơn vị tự chấm, Đoàn chấm và điểm thống nhất (điểm dùng để xếp loại); có thể kèm điểm từng tiêu chí (tieu_chi).",
                        "additionalProperties": False,
                        "required": ["tu_cham", "doan_cham", "thong_nhat"],
                        "properties": {
                            "tu_cham": score_list("Điểm tự chấm", "Điểm đơn vị tự chấm cho từng nội dung, ví dụ [5, 14, 23, 28, 9, 9, 5]."),
                            "doan_cham": score_list("Điểm Đoàn chấm", "Điểm Đoàn kiểm tra chấm cho từng nội dung."),
                            "thong_nhat": score_list("Điểm thống nhất", "Điểm các đơn vị trong Cụm biểu quyết thống nhất cho từng nội dung; dùng để xếp loại."),
                            "tieu_chi": {
                                "type": "object", "title": "Điểm theo tiêu chí",
                                "description": "Không bắt buộc. Điểm từng tiêu chí (Phụ lục 01) của những nội dung mà tệp Kế hoạch chia thành tiêu chí. Khóa là số nội dung trong ngoặc kép, ví dụ \"3\"; bên trong là tu_cham, doan_cham, thong_nhat: mỗi mục một danh sách điểm theo thứ tự tiêu chí trong tệp Kế hoạch. Khi có, điểm của nội dung là tổng điểm các tiêu chí: ở danh sách điểm của nội dung, ghi đúng tổng đó hoặc để trống (~).",
                                "propertyNames": {"pattern": r"^[1-9][0-9]*$"},
                                "additionalProperties": {
                                    "type": "object", "title": "Điểm các tiêu chí của một nội dung",
                                    "description": "Danh sách điểm theo thứ tự tiêu chí của nội dung trong tệp Kế hoạch; ghi loại điểm nào thì loại điểm đó của nội dung được cộng từ tiêu chí.",
                                    "additionalProperties": False,
                                    "minProperties": 1,
                                    "properties": {
                                        "tu_cham": score_list("Điểm tự chấm theo tiêu chí", "Điểm đơn vị tự chấm cho từng tiêu chí của nội dung, ví dụ [8, 7, 5, 3]."),
                                        "doan_cham": score_list("Điểm Đoàn chấm theo tiêu chí", "Điểm Đoàn kiểm tra chấm cho từng tiêu chí của nội dung."),
                                        "thong_nhat": score_list("Điểm thống nhất theo tiêu chí", "Điểm Cụm biểu quyết thống nhất cho từng tiêu chí của nội dung."),
                                    },
                                },
                            },
                        },
                    },
                    "nhan_xet": {
                        "type": "array", "title": "Nhận xét theo nội dung",
                        "description": "Ưu điểm, hạn chế và kiến nghị của Đoàn cho từng nội dung kiểm tra. Mục nào "
                                       "để trống thì Biên bản kiểm tra in ba dòng chấm đủ chỗ để Đoàn viết tay; mục "
                                       "nào Đoàn không có ý kiến thì ghi \"không\": Biên bản bỏ hẳn dòng đó.",
                        "items": {
                            "type": "object", "title": "Nhận xét một nội dung",
                            "description": "Nhận xét của Đoàn về một nội dung.",
                            "additionalProperties": False,
                            "required": ["noi_dung"],
                            "properties": {
                                "noi_dung": {"type": "integer", "minimum": 1, "maximum": 20, "title": "Số nội dung",
                                             "description": "Số thứ tự nội dung (1 đến 7)."},
                                "uu_diem": opt_s("Ưu điểm", "Những việc đơn vị làm tốt. " + NOTE_EMPTY),
                                "han_che": opt_s("Hạn chế", "Những điểm còn thiếu sót. " + NOTE_EMPTY),
                                "kien_nghi": opt_s("Kiến nghị", "Đề nghị của Đoàn để khắc phục. " + NOTE_EMPTY),
                            },
                        },
                    },
                    "ket_luan": opt_s("Kết luận của Trưởng đoàn", "Kết luận chung của Trưởng đoàn sau buổi kiểm tra."),
                    "y_kien_don_vi": opt_s("Ý kiến của đơn vị được kiểm tra", "Ý kiến của đơn vị về kết quả kiểm tra (nếu có)."),
                    "ky_bien_ban": opt_s("Người ký thay mặt đơn vị được kiểm tra", "Họ tên người ký Biên bản kiểm tra ở phần \"Đại diện đơn vị được kiểm tra\"; phải là một người của đơn vị đã ghi ở dai_dien, cong_chuc_vptk hoặc thanh_phan_khac. Mặc định: người ở dai_dien; riêng đơn vị Cụm trưởng (Chủ tịch đã ký là Trưởng đoàn, công chức đã ký là Thư ký) là Phó Chủ tịch đầu tiên ở thanh_phan_khac. Ví dụ: Đặng Văn Hùng."),
                    "tu_danh_gia": SELF_REPORT,
                    "giam_sat": SUPERVISION,
                },
            },
        },
        "hop_cum": {
            "type": "object", "title": "Cuộc họp Cụm",
            "description": "Cuộc họp bình xét thi đua của Cụm sau khi kiểm tra xong các đơn vị.",
            "additionalProperties": False,
            "required": ["ngay"],
            "properties": {
                "ngay": date("Ngày họp", "Ngày họp Cụm."),
                "gio_bat_dau": time("Giờ bắt đầu", "Giờ bắt đầu cuộc họp."),
                "gio_ket_thuc": time("Giờ kết thúc", "Giờ kết thúc cuộc họp."),
                "dia_diem": opt_s("Địa điểm", "Nơi họp. Mặc định: Hội trường UBND của đơn vị Cụm trưởng."),
                "so_bien_ban": opt_s("Số biên bản", "Số Biên bản họp Cụm (nếu đã có)."),
                "giam_sat": SUPERVISION,
                "hinh_thuc_bieu_quyet": {"type": "string", "enum": ["giơ tay", "bỏ phiếu kín"], "title": "Hình thức biểu quyết",
                                          "description": "Cách các đơn vị thống nhất: giơ tay hoặc bỏ phiếu kín."},
                "so_nguoi_bieu_quyet": {"type": ["integer", "null"], "minimum": 1, "title": "Số người biểu quyết",
                                         "description": "Tổng số thành viên tham gia biểu quyết."},
                "khach_moi": {"type": "array", "title": "Đại biểu mời",
                               "description": "Đại biểu dự họp không thuộc Đoàn (ví dụ cán bộ Phòng Nội vụ).",
                               "items": {**person("Đại biểu", "Một đại biểu dự họp."),
                                         "properties": {**person("", "")["properties"],
                                                        "don_vi": opt_s("Cơ quan", "Cơ quan của đại biểu.")}}},
                "bieu_quyet_xep_loai": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành kết quả xếp loại",
                                         "description": "Số người tán thành kết quả chấm điểm, xếp loại."},
                "dieu_chinh_diem": {
                    "type": "array", "title": "Điều chỉnh điểm tại cuộc họp",
                    "description": "Mỗi nội dung mà điểm thống nhất khác điểm Đoàn chấm: lý do điều chỉnh và số phiếu tán thành, để Biên bản họp Cụm ghi lại việc điều chỉnh. Ví dụ: [{don_vi: uy-no, noi_dung: 4, ly_do: \"đơn vị bổ sung Mục lục hồ sơ năm 2016\", so_phieu_tan_thanh: 8}].",
                    "items": {
                        "type": "object", "title": "Một điều chỉnh", "description": "Điểm của một nội dung ở một đơn vị được Cụm điều chỉnh.",
                        "additionalProperties": False,
                        "required": ["don_vi", "noi_dung"],
                        "properties": {
                            "don_vi": {**CODE, "title": "Mã đơn vị", "description": "Mã (`ma`) của đơn vị được điều chỉnh điểm."},
                            "noi_dung": {"type": "integer", "minimum": 1, "maximum": 20, "title": "Số nội dung",
                                         "description": "Số thứ tự nội dung được điều chỉnh (1 đến 7)."},
                            "ly_do": opt_s("Lý do điều chỉnh", "Vì sao Cụm thống nhất điểm khác điểm Đoàn chấm."),
                            "so_phieu_tan_thanh": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành",
                                                   "description": "Số thành viên (giơ tay) hoặc số phiếu (bỏ phiếu kín) tán thành việc điều chỉnh."},
                        },
                    },
                },
                "giay_khen_tap_the": {
                    "type": "array", "title": "Tập thể đề nghị tặng Giấy khen cấp huyện",
                    "description": "Các đơn vị (phải đạt loại A) Cụm biểu quyết đề nghị Chủ tịch UBND quận, huyện, thị xã tặng Giấy khen, mỗi đơn vị một dòng kèm số phiếu tán thành. Chỉ dùng với Kế hoạch có cấp huyện (ba_cap). Ví dụ: [{don_vi: co-loa, so_phieu_tan_thanh: 8}].",
                    "items": {
                        "type": "object", "title": "Tập thể", "description": "Một đơn vị được đề nghị tặng Giấy khen.",
                        "additionalProperties": False,
                        "required": ["don_vi"],
                        "properties": {
                            "don_vi": {**CODE, "title": "Mã đơn vị", "description": "Mã (`ma`) của đơn vị được đề nghị."},
                            "so_phieu_tan_thanh": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành",
                                                   "description": "Số thành viên (giơ tay) hoặc số phiếu (bỏ phiếu kín) tán thành."},
                        },
                    },
                },
                "de_nghi_tap_the": {
                    "type": ["object", "null"], "title": "Đơn vị xuất sắc, tiêu biểu đề nghị tặng Bằng khen",
                    "description": "01 đơn vị xuất sắc, tiêu biểu nhất (phải đạt loại A) mà Cụm biểu quyết chọn để cấp huyện xét, đề nghị Chủ tịch UBND Thành phố tặng Bằng khen (Kế hoạch hai cấp: Sở Nội vụ tổng hợp, trình). Biên bản họp Cụm ghi tên đơn vị này. Bỏ trống nếu không có đơn vị loại A.",
                    "additionalProperties": False,
                    "required": ["don_vi"],
                    "properties": {
                        "don_vi": {**CODE, "title": "Mã đơn vị", "description": "Mã (`ma`) của đơn vị được đề nghị."},
                        "so_phieu_tan_thanh": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành",
                                               "description": "Số người tán thành đề nghị."},
                        "hinh_thuc": opt_s("Hình thức khen thưởng", "Mặc định theo Kế hoạch: Bằng khen của Chủ tịch UBND Thành phố (khen_thuong.hinh_thuc_cap_thanh_pho)."),
                    },
                },
                "de_nghi_ca_nhan": {
                    "type": "array", "title": "Cá nhân được đề nghị khen thưởng",
                    "description": "Cán bộ, công chức hoàn thành xuất sắc nhiệm vụ văn thư, lưu trữ mà Cụm đề nghị khen thưởng.",
                    "items": {
                        "type": "object", "title": "Cá nhân", "description": "Một cá nhân được đề nghị.",
                        "additionalProperties": False,
                        "required": ["ho_ten", "don_vi"],
                        "properties": {
                            "ho_ten": s("Họ và tên", "Họ và tên đầy đủ."),
                            "chuc_vu": opt_s("Chức vụ", "Chức vụ hoặc chức danh. Ví dụ: Công chức Văn phòng - Thống kê."),
                            "don_vi": {**CODE, "title": "Mã đơn vị", "description": "Mã (`ma`) của đơn vị công tác."},
                            "so_phieu_tan_thanh": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành",
                                                   "description": "Số người tán thành."},
                            **PERSONAL_REPORT,
                        },
                    },
                },
                "y_kien": {"type": "array", "title": "Ý kiến tại cuộc họp",
                           "description": "Tóm tắt các ý kiến phát biểu (mỗi ý kiến một dòng).",
                           "items": s("Ý kiến", "Một ý kiến.")},
                "ket_luan": opt_s("Kết luận", "Kết luận của chủ trì cuộc họp."),
            },
        },
        "cong_van": {
            "type": "object", "title": "Công văn đề nghị khen thưởng",
            "description": "Công văn của đơn vị Cụm trưởng gửi cấp huyện (qua Phòng Nội vụ) đề nghị khen thưởng.",
            "additionalProperties": False,
            "properties": {
                "so": opt_s("Số công văn", "Số của công văn (nếu đã có)."),
                "ngay": opt_date("Ngày công văn", "Ngày ký công văn. Mặc định: ngày họp Cụm."),
                "ky_hieu_don_vi_soan_thao": opt_s("Ký hiệu đơn vị soạn thảo", "Chữ viết tắt của bộ phận soạn thảo, dùng trong số ký hiệu và dòng 'Lưu'. Mặc định: VP."),
            },
        },
        "giay_moi": {
            "type": "object", "title": "Giấy mời họp Cụm",
            "description": "Số và ngày của Giấy mời dự họp bình xét thi đua do đơn vị Cụm trưởng gửi các đơn vị (giờ, địa điểm lấy từ hop_cum).",
            "additionalProperties": False,
            "properties": {
                "so": opt_s("Số giấy mời", "Số của Giấy mời (nếu đã có)."),
                "ngay": opt_date("Ngày ban hành", "Ngày ký Giấy mời, trước ngày họp. Bỏ trống để ghi tay."),
            },
        },
        "lich_kiem_tra": {
            "type": "object", "title": "Thông báo lịch kiểm tra",
            "description": "Số và ngày của Thông báo lịch kiểm tra do đơn vị Cụm trưởng ban hành (lịch lấy từ ngày, giờ kiểm tra của các đơn vị).",
            "additionalProperties": False,
            "properties": {
                "so": opt_s("Số thông báo", "Số của Thông báo lịch kiểm tra (nếu đã có)."),
                "ngay": opt_date("Ngày ban hành", "Ngày ký Thông báo; phải trước hạn gửi báo cáo tự chấm sớm nhất. Bỏ trống để ghi tay."),
            },
        },
        "bao_cao": {
            "type": "object", "title": "Báo cáo kết quả của Cụm",
            "description": "Số và ngày của Báo cáo kết quả kiểm tra chéo do đơn vị Cụm trưởng gửi cấp trên.",
            "additionalProperties": False,
            "properties": {
                "so": opt_s("Số báo cáo", "Số của Báo cáo (nếu đã có)."),
                "ngay": opt_date("Ngày báo cáo", "Ngày ký Báo cáo. Mặc định: ngày của công văn đề nghị, hoặc ngày họp Cụm."),
                "kien_nghi": {"type": "array", "title": "Kiến nghị, đề xuất",
                              "description": "Kiến nghị của Cụm với cấp trên ghi ở mục IV của Báo cáo, mỗi ý một dòng. Bỏ trống thì docgen đề xuất từ kết quả chấm điểm (hỗ trợ nội dung có kết quả thấp nhất của Cụm; chỉ đạo các đơn vị xếp loại thấp khắc phục hạn chế). Ví dụ: Đề nghị UBND huyện hỗ trợ kinh phí chỉnh lý tài liệu tồn đọng.",
                              "items": s("Kiến nghị", "Một kiến nghị. Ví dụ: Đề nghị UBND huyện hỗ trợ kinh phí chỉnh lý tài liệu tồn đọng cho các xã.")},
            },
        },
    },
}

plan_condition = {
    "type": "object", "title": "Điều kiện", "description": "Một điều kiện về tỷ lệ điểm của một số nội dung.",
    "additionalProperties": False,
    "required": ["noi_dung", "so_sanh", "ty_le"],
    "properties": {
        "noi_dung": {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1,
                     "title": "Các nội dung", "description": "Số thứ tự các nội dung phải đạt điều kiện. Ví dụ: [2, 5]."},
        "so_sanh": {"enum": ["tren", "tu"], "title": "Cách so sánh",
                    "description": "`tren`: phải trên (lớn hơn hẳn) tỷ lệ; `tu`: đạt từ tỷ lệ trở lên."},
        "ty_le": {"type": "number", "minimum": 0, "maximum": 100, "title": "Tỷ lệ (%)",
                  "description": "Phần trăm của điểm tối đa của nội dung. Ví dụ: 70."},
    },
}


# The plan's document text (issue 7): paragraphs may hold placeholders such as {nam} or
# {thoi_gian.huyen_gui_ke_hoach_truoc_ngay}, resolved by docgen/plan_text.py from the plan's own data.
PLACEHOLDER_NOTE = ("Chỗ viết trong ngoặc nhọn được thay bằng dữ liệu của tệp: {nam}, {nam-1}, "
                    "{thoi_gian.<khóa>}, {thoi_gian.<khóa>:thang_nam}, {cum.<khóa>:02}, {can_cu.<mã>}…")


def text(title, description):
    """A paragraph of the plan's document, with placeholders allowed."""
    return s(title, f"{description} {PLACEHOLDER_NOTE}")


paragraph_list = {
    "type": "array", "title": "Các đoạn văn",
    "description": "Các đoạn văn theo thứ tự. Một đoạn là một chuỗi, hoặc `{tu_dong: diem_toi_da}` / `{tu_dong: xep_loai}` để docgen lập các dòng từ dữ liệu chấm điểm.",
    "items": {
        "anyOf": [
            text("Đoạn văn", "Một đoạn văn; bắt đầu bằng \"- \" hoặc \"+ \" nếu là một gạch đầu dòng."),
            {"type": "object", "title": "Đoạn do docgen lập",
             "description": "`diem_toi_da`: mỗi nội dung một dòng \"+ Nội dung 1. …: điểm tối đa 05 điểm;\"; `xep_loai`: mỗi loại một dòng \"+ Loại A: …;\" lấy từ xep_loai[].mo_ta.",
             "additionalProperties": False, "required": ["tu_dong"],
             "properties": {"tu_dong": {"enum": ["diem_toi_da", "xep_loai"], "title": "Lập từ",
                                        "description": "`diem_toi_da` hoặc `xep_loai`."}}},
        ],
    },
}

point = {
    "type": "object", "title": "Điểm", "description": "Một điểm a), b)… của khoản; docgen tự ghi chữ cái.",
    "additionalProperties": False, "required": ["noi_dung"],
    "properties": {
        "noi_dung": text("Lời văn của điểm", "Viết sau \"a) \"."),
        "doan": paragraph_list,
    },
}

clause = {
    "type": "object", "title": "Khoản",
    "description": "Một khoản 1., 2.… của mục; docgen tự đánh số. Có `ten` (tiêu đề, in đậm) hoặc `noi_dung` (lời văn, chữ thường).",
    "additionalProperties": False,
    "anyOf": [{"required": ["ten"]}, {"required": ["noi_dung"]}],
    "properties": {
        "ten": text("Tiêu đề khoản", "In đậm sau số khoản, ví dụ \"Mục đích\"."),
        "noi_dung": text("Lời văn của khoản", "Khoản không có tiêu đề: lời văn ngay sau số khoản."),
        "doan": paragraph_list,
        "diem": {"type": "array", "title": "Các điểm", "description": "Các điểm a), b)… của khoản.", "items": point},
    },
}

section = {
    "type": "object", "title": "Mục", "description": "Một mục I., II.… của Kế hoạch; docgen tự đánh số La Mã.",
    "additionalProperties": False, "required": ["ten"],
    "properties": {
        "ten": text("Tên mục", "Docgen in hoa, ví dụ MỤC ĐÍCH, YÊU CẦU."),
        "doan": paragraph_list,
        "khoan": {
            "type": "array", "title": "Các khoản",
            "description": "Các khoản của mục. `{tu_dong: noi_dung}` chèn mỗi nội dung chấm điểm một khoản (lấy từ noi_dung[].kiem_tra).",
            "items": {"anyOf": [
                clause,
                {"type": "object", "title": "Các khoản do docgen lập",
                 "description": "`{tu_dong: noi_dung}`: mỗi nội dung chấm điểm một khoản, lấy từ noi_dung[].kiem_tra.",
                 "additionalProperties": False, "required": ["tu_dong"],
                 "properties": {"tu_dong": {"const": "noi_dung", "title": "Lập từ", "description": "Luôn là `noi_dung`."}}},
            ]},
        },
    },
}

reference = {
    "type": "object", "title": "Văn bản được dẫn",
    "description": "Một văn bản Kế hoạch dẫn đến; đoạn văn viết {can_cu.<mã>} để có \"<loai> số <so_ky_hieu> ngày <ngay>\".",
    "additionalProperties": False, "required": ["loai", "so_ky_hieu"],
    "properties": {
        "loai": s("Tên loại văn bản", "Ví dụ: Kế hoạch, Công văn, Quyết định."),
        "so_ky_hieu": opt_s("Số, ký hiệu", "Ví dụ: 235/KH-UBND. \"……/KH-UBND\" hoặc để trống khi chưa biết số."),
        "ngay": opt_date("Ngày ban hành", "Ngày ký văn bản; để trống khi chưa biết."),
        "hang_nam": {"type": "boolean", "title": "Ban hành lại mỗi năm",
                     "description": "true: văn bản của từng năm (ví dụ Kế hoạch năm của UBND Thành phố): `docgen plan --next` xóa số, ngày để điền văn bản năm mới. false: văn bản dùng lâu dài, giữ nguyên."},
        "ghi_chu": opt_s("Ghi chú", "Văn bản này là gì, để người lập Kế hoạch năm sau biết cần tìm văn bản nào."),
    },
}

plan = {
    "$schema": DIALECT,
    "$id": "https://docgen.local/schemas/ke-hoach.schema.json",
    "title": "Tệp Kế hoạch kiểm tra chéo",
    "description": "Kế hoạch kiểm tra chéo công tác văn thư, lưu trữ của một năm: nội dung chấm, thang điểm, xếp loại, thời hạn.",
    "type": "object",
    "additionalProperties": False,
    "required": ["loai_tep", "nam", "trich_yeu", "co_quan_ban_hanh", "cap_chinh_quyen", "thoi_gian", "cum", "noi_dung", "xep_loai", "khen_thuong"],
    "properties": {
        "loai_tep": LOAI_TEP("ke_hoach", "tệp Kế hoạch"),
        "nam": {"type": "integer", "minimum": 2000, "maximum": 2100, "title": "Năm", "description": "Năm thực hiện Kế hoạch. Ví dụ: 2017."},
        "so_ky_hieu": opt_s("Số, ký hiệu", "Số, ký hiệu của Kế hoạch, ví dụ 148/KH-SNV. Để trống thì văn bản ghi '……' để điền tay."),
        "ngay_ban_hanh": opt_date("Ngày ban hành", "Ngày ký ban hành Kế hoạch."),
        "trich_yeu": s("Trích yếu", "Trích yếu nội dung của Kế hoạch, viết thường, ví dụ: kiểm tra chéo hoạt động công tác văn thư, lưu trữ ... năm 2017."),
        "co_quan_ban_hanh": {
            "type": "object", "title": "Cơ quan ban hành", "description": "Cơ quan ban hành Kế hoạch.",
            "additionalProperties": False,
            "required": ["ten"],
            "properties": {
                "co_quan_chu_quan": opt_s("Cơ quan chủ quản", "Ví dụ: UBND thành phố Hà Nội."),
                "ten": s("Tên cơ quan", "Ví dụ: Sở Nội vụ."),
                "ky_hieu": opt_s("Chữ viết tắt tên cơ quan", "Dùng trong số, ký hiệu của Kế hoạch: …/KH-SNV. Mặc định: chữ cái đầu của tên cơ quan."),
                "dia_danh": opt_s("Địa danh", "Nơi cơ quan đóng trụ sở, ghi ở dòng địa danh, ngày tháng. Ví dụ: Hà Nội."),
            },
        },
        "cap_chinh_quyen": {"enum": ["ba_cap", "hai_cap"], "title": "Số cấp chính quyền địa phương",
                            "description": "`ba_cap`: xã → huyện → tỉnh (đến 30/6/2025); `hai_cap`: xã → tỉnh (từ 01/7/2025), không có bước cấp huyện."},
        "cap_tren_truc_tiep": {
            "type": "object", "title": "Cấp nhận báo cáo của Cụm", "description": "Nơi Cụm trưởng gửi báo cáo và đề nghị khen thưởng.",
            "additionalProperties": False,
            "properties": {
                "ten": s("Tên", "Ba cấp: tên chung, ví dụ UBND cấp huyện (tên thật lấy từ mục 'huyen' của tệp Cụm). Hai cấp: tên đầy đủ của nơi nhận, ví dụ Sở Nội vụ thành phố Hà Nội."),
                "co_quan_tham_muu": opt_s("Cơ quan tham mưu", "Cơ quan nhận hồ sơ thay mặt. Ba cấp: ví dụ Phòng Nội vụ (docgen ghép tên huyện). Hai cấp: tên đầy đủ, hoặc bỏ trống."),
            },
        },
        "can_cu": {
            "type": "object", "title": "Văn bản được dẫn",
            "description": "Các văn bản Kế hoạch dẫn đến (căn cứ, hướng dẫn), mỗi văn bản một mã, ví dụ kh_ubnd_tp.",
            "propertyNames": {"pattern": r"^[a-z][a-z0-9_]*$"},
            "additionalProperties": reference,
        },
        "thoi_gian": {
            "type": "object", "title": "Thời gian", "description": "Các mốc thời gian của Kế hoạch.",
            "additionalProperties": False,
            "required": ["kiem_tra_tu_ngay", "kiem_tra_den_ngay", "so_ngay_gui_tu_cham_truoc_kiem_tra"],
            "properties": {
                "kiem_tra_tu_ngay": date("Kiểm tra từ ngày", "Ngày đầu của thời gian kiểm tra chéo."),
                "kiem_tra_den_ngay": date("Kiểm tra đến ngày", "Ngày cuối của thời gian kiểm tra chéo."),
                "so_ngay_gui_tu_cham_truoc_kiem_tra": {"type": "integer", "minimum": 0, "title": "Số ngày gửi tự chấm trước khi kiểm tra",
                                                       "description": "Đơn vị gửi báo cáo, tự chấm điểm trước ngày được kiểm tra ít nhất bấy nhiêu ngày. Năm 2017: 3."},
                "cum_bao_cao_huyen_truoc_ngay": opt_date("Hạn Cụm báo cáo", "Hạn Cụm trưởng gửi báo cáo, đề nghị khen thưởng."),
                "huyen_gui_ke_hoach_truoc_ngay": opt_date("Hạn cấp huyện gửi kế hoạch", "Hạn cấp huyện gửi kế hoạch triển khai về Sở Nội vụ."),
                "huyen_bao_cao_thanh_pho_truoc_ngay": opt_date("Hạn cấp huyện báo cáo", "Hạn cấp huyện gửi báo cáo, hồ sơ khen thưởng về Sở Nội vụ."),
                "ky_nghiep_vu": opt_s("Kỳ kiểm tra nghiệp vụ", "Ví dụ: từ năm 2015 đến hết tháng 8/2017."),
                "ky_bao_cao_thong_ke": opt_s("Kỳ báo cáo thống kê", "Ví dụ: năm 2015, năm 2016 và 8 tháng đầu năm 2017."),
            },
        },
        "cum": {
            "type": "object", "title": "Quy định về Cụm", "description": "Số đơn vị của Cụm, số ngày làm việc, thành phần Đoàn.",
            "additionalProperties": False,
            "required": ["so_don_vi_toi_thieu", "so_don_vi_toi_da"],
            "properties": {
                "so_don_vi_toi_thieu": {"type": "integer", "minimum": 1, "title": "Số đơn vị tối thiểu", "description": "Năm 2017: 3."},
                "so_don_vi_toi_da": {"type": "integer", "minimum": 1, "title": "Số đơn vị tối đa", "description": "Năm 2017: 4."},
                "so_ngay_lam_viec_toi_da": {"type": "integer", "minimum": 1, "title": "Số ngày làm việc tối đa của Cụm", "description": "Năm 2017: 2."},
                "so_dai_dien_moi_don_vi": {"type": "integer", "minimum": 1, "title": "Số đại diện mỗi đơn vị", "description": "Năm 2017: 2."},
                "truong_doan": opt_s("Trưởng đoàn", "Ai làm Trưởng đoàn."),
                "thu_ky": opt_s("Thư ký đoàn", "Ai làm Thư ký đoàn."),
            },
        },
        "noi_dung": {
            "type": "array", "title": "Các nội dung chấm điểm", "description": "Các nội dung theo thứ tự, với điểm tối đa.",
            "minItems": 1, "maxItems": 20,
            "items": {
                "type": "object", "title": "Nội dung", "description": "Một nội dung chấm điểm.",
                "additionalProperties": False,
                "required": ["so", "ten", "diem_toi_da"],
                "properties": {
                    "so": {"type": "integer", "minimum": 1, "title": "Số thứ tự", "description": "1, 2, 3…"},
                    "ten": s("Tên nội dung", "Tên như trong Kế hoạch."),
                    "diem_toi_da": {"type": "number", "exclusiveMinimum": 0, "title": "Điểm tối đa", "description": "Ví dụ: 15."},
                    "kiem_tra": {**clause, "title": "Khoản ở mục Nội dung kiểm tra",
                                 "description": "Lời văn của nội dung này ở mục II (Nội dung kiểm tra) của văn bản Kế hoạch, với các điểm a), b)… nếu có."},
                    "tieu_chi": {"type": "array", "title": "Tiêu chí", "minItems": 1,
                                 "description": "Các tiêu chí chi tiết của nội dung (Phụ lục 01), nếu có, theo thứ tự. Tổng điểm tối đa các tiêu chí phải bằng điểm tối đa của nội dung. Tệp Cụm khi đó có thể chấm điểm từng tiêu chí (mục diem.tieu_chi).",
                                 "items": {"type": "object", "title": "Tiêu chí", "description": "Một tiêu chí.",
                                           "additionalProperties": False,
                                           "required": ["ten", "diem_toi_da"],
                                           "properties": {"ten": s("Tên tiêu chí", "Tên tiêu chí như trong Phụ lục 01."),
                                                          "diem_toi_da": {"type": "number", "exclusiveMinimum": 0, "title": "Điểm tối đa", "description": "Điểm tối đa của tiêu chí. Ví dụ: 7,5 viết là 7.5."}}}},
                },
            },
        },
        "xep_loai": {
            "type": "array", "title": "Xếp loại", "description": "Các loại từ cao xuống thấp; loại cuối cùng không có điều kiện.",
            "minItems": 1,
            "items": {
                "type": "object", "title": "Một loại", "description": "Điều kiện của một loại.",
                "additionalProperties": False,
                "required": ["loai", "tong_diem_tu", "dieu_kien"],
                "properties": {
                    "loai": s("Tên loại", "Ví dụ: A."),
                    "tong_diem_tu": {"type": "number", "minimum": 0, "title": "Tổng điểm từ", "description": "Tổng điểm tối thiểu (tính cả bằng)."},
                    "so_noi_dung_thuc_hien_tu": {"type": "integer", "minimum": 0, "title": "Số nội dung thực hiện tối thiểu",
                                                 "description": "Một nội dung được tính là có thực hiện khi điểm thống nhất lớn hơn 0."},
                    "dieu_kien": {"type": "array", "items": plan_condition, "title": "Các điều kiện", "description": "Các điều kiện về tỷ lệ điểm."},
                    "mo_ta": s("Lời văn của loại", "Câu của Kế hoạch cho loại này, viết sau \"+ Loại A: \", không có dấu câu cuối. docgen cảnh báo khi con số trong câu không khớp với điều kiện."),
                },
            },
        },
        "khen_thuong": {
            "type": "object", "title": "Khen thưởng", "description": "Quy định về đề nghị khen thưởng.",
            "additionalProperties": False,
            "properties": {
                "so_don_vi_de_nghi_moi_cum": {"type": "integer", "minimum": 0, "title": "Số đơn vị mỗi Cụm được đề nghị", "description": "Năm 2017: 1."},
                "loai_duoc_de_nghi": s("Loại được đề nghị", "Chỉ đơn vị đạt loại này mới được đề nghị. Năm 2017: A."),
                "hinh_thuc_cap_huyen": opt_s("Hình thức khen của cấp huyện", "Ví dụ: Giấy khen của Chủ tịch UBND cấp huyện."),
                "hinh_thuc_cap_thanh_pho": opt_s("Hình thức khen của cấp tỉnh, thành phố", "Ví dụ: Bằng khen của Chủ tịch UBND Thành phố."),
            },
        },
        "van_ban": {
            "type": "object", "title": "Văn bản Kế hoạch",
            "description": "Lời văn của Kế hoạch để `docgen plan` lập văn bản .docx: lời mở đầu, các mục, lời kết.",
            "additionalProperties": False, "required": ["muc"],
            "properties": {
                "mo_dau": {**paragraph_list, "title": "Lời mở đầu", "description": "Các đoạn trước mục I (căn cứ, mục đích ban hành)."},
                "muc": {"type": "array", "title": "Các mục", "description": "Các mục I, II… theo thứ tự.", "minItems": 1, "items": section},
                "ket_thuc": {**paragraph_list, "title": "Lời kết", "description": "Các đoạn sau mục cuối; đoạn cuối thường kết thúc bằng \"./.\"."},
            },
        },
        "noi_nhan": {"type": "array", "title": "Nơi nhận",
                     "description": "Mỗi dòng một nơi nhận, không cần \"- \" ở đầu và dấu câu ở cuối; dòng cuối thường là \"Lưu: VT, …\".",
                     "items": s("Nơi nhận", "Ví dụ: UBND các quận, huyện, thị xã.")},
        "bao_cao_tong_hop": {
            "type": "object", "title": "Báo cáo tổng hợp và Tờ trình của cấp tỉnh, thành phố",
            "description": "Số, ngày và người ký Báo cáo tổng hợp kết quả kiểm tra chéo (`docgen city`) của cơ quan ban hành Kế hoạch và Tờ trình đề nghị Chủ tịch UBND tỉnh, thành phố tặng Bằng khen. Bỏ trống thì văn bản để \"……\" cho người ký ghi tay.",
            "additionalProperties": False,
            "properties": {
                "so": opt_s("Số báo cáo", "Số của Báo cáo tổng hợp (nếu đã có)."),
                "ngay": opt_date("Ngày báo cáo", "Ngày ký Báo cáo tổng hợp và Tờ trình."),
                "so_to_trinh": opt_s("Số tờ trình", "Số của Tờ trình đề nghị tặng Bằng khen (nếu đã có)."),
                "nguoi_ky": {
                    "type": "object", "title": "Người ký",
                    "description": "Người ký Báo cáo tổng hợp và Tờ trình: Giám đốc, hoặc Phó Giám đốc ký thay (quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC).",
                    "additionalProperties": False,
                    "required": ["chuc_vu", "ho_ten"],
                    "properties": {
                        "quyen_han": opt_s("Quyền hạn", "Ví dụ: KT. GIÁM ĐỐC; để trống khi Giám đốc ký."),
                        "chuc_vu": s("Chức vụ", "Ví dụ: GIÁM ĐỐC hoặc PHÓ GIÁM ĐỐC."),
                        "ho_ten": opt_s("Họ và tên", "Họ tên người ký. Ví dụ: Nguyễn Thị Hà."),
                    },
                },
            },
        },
        "nguoi_ky": {
            "type": "object", "title": "Người ký", "description": "Quyền hạn, chức vụ và họ tên người ký Kế hoạch.",
            "additionalProperties": False,
            "properties": {
                "quyen_han": opt_s("Quyền hạn", "Ví dụ: KT. GIÁM ĐỐC; để trống khi người đứng đầu ký."),
                "chuc_vu": s("Chức vụ", "Ví dụ: PHÓ GIÁM ĐỐC hoặc GIÁM ĐỐC."),
                "ho_ten": opt_s("Họ và tên", "Để trống thì văn bản để \"……\" cho người ký ghi tay."),
            },
        },
    },
}

# Examples for the fields whose description has none: `docgen init` writes them in the comment above
# each field and VS Code shows them on hover. Keyed by path ("[]" = every item of a list).
CLUSTER_EXAMPLES = {
    "huyen.tinh": "Hà Nội",
    "don_vi[].dia_diem": "Trụ sở UBND xã Uy Nỗ",
    "don_vi[].so_bien_ban": "05",
    "don_vi[].diem.doan_cham": [5, 13, 22, 26, 9, 8.5, 5],
    "don_vi[].diem.thong_nhat": [5, 13, 22, 26.5, 9, 8.5, 5],
    "don_vi[].nhan_xet[].noi_dung": 3,
    "don_vi[].nhan_xet[].uu_diem": "Văn bản đi, đến được đăng ký đầy đủ vào sổ.",
    "don_vi[].nhan_xet[].han_che": "Chưa ban hành Danh mục hồ sơ năm 2017.",
    "don_vi[].nhan_xet[].kien_nghi": "Ban hành Danh mục hồ sơ trong quý IV năm 2017.",
    "don_vi[].ket_luan": "UBND xã Uy Nỗ thực hiện tốt công tác văn thư, lưu trữ.",
    "don_vi[].y_kien_don_vi": "Nhất trí với kết quả kiểm tra của Đoàn.",
    "hop_cum.dia_diem": "Hội trường UBND xã Cổ Loa",
    "hop_cum.so_bien_ban": "01",
    "hop_cum.so_nguoi_bieu_quyet": 8,
    "hop_cum.khach_moi[].don_vi": "Phòng Nội vụ huyện Đông Anh",
    "hop_cum.bieu_quyet_xep_loai": 8,
    "hop_cum.de_nghi_tap_the.don_vi": "co-loa",
    "hop_cum.de_nghi_tap_the.so_phieu_tan_thanh": 8,
    "hop_cum.de_nghi_tap_the.hinh_thuc": "Bằng khen của Chủ tịch UBND Thành phố",
    "hop_cum.dieu_chinh_diem[].don_vi": "uy-no",
    "hop_cum.dieu_chinh_diem[].noi_dung": 4,
    "hop_cum.dieu_chinh_diem[].ly_do": "đơn vị bổ sung Mục lục hồ sơ năm 2016 ngay sau buổi kiểm tra",
    "hop_cum.dieu_chinh_diem[].so_phieu_tan_thanh": 8,
    "hop_cum.giay_khen_tap_the[].don_vi": "uy-no",
    "hop_cum.giay_khen_tap_the[].so_phieu_tan_thanh": 8,
    "hop_cum.de_nghi_ca_nhan[].ho_ten": "Ngô Thị Hương",
    "hop_cum.de_nghi_ca_nhan[].don_vi": "co-loa",
    "hop_cum.de_nghi_ca_nhan[].so_phieu_tan_thanh": 7,
    "hop_cum.de_nghi_ca_nhan[].ngay_sinh": "1985-03-12",
    "hop_cum.de_nghi_ca_nhan[].noi_thuong_tru": "thôn Chợ, xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội",
    "hop_cum.de_nghi_ca_nhan[].nhiem_vu": ["Tham mưu UBND xã tổ chức công tác văn thư, lưu trữ; quản lý con dấu."],
    "hop_cum.de_nghi_ca_nhan[].thanh_tich": ["Hướng dẫn nộp lưu 100% hồ sơ năm 2016 vào Lưu trữ cơ quan."],
    "hop_cum.de_nghi_ca_nhan[].danh_hieu_thi_dua[].ten": "Lao động tiên tiến",
    "hop_cum.de_nghi_ca_nhan[].khen_thuong[].ten": "Giấy khen của Chủ tịch UBND huyện Đông Anh",
    "hop_cum.y_kien": ["Các đơn vị thống nhất với kết quả chấm điểm của Đoàn kiểm tra."],
    "hop_cum.ket_luan": "Cụm số 1 hoàn thành kiểm tra chéo đúng Kế hoạch.",
    "cong_van.so": "25",
    "lich_kiem_tra.so": "12",
    "giay_moi.so": "15",
    "don_vi[].giam_sat.thanh_vien[].ho_ten": "Đoàn Thị Thu",
    "don_vi[].giam_sat.y_kien": ["Đoàn kiểm tra làm việc đúng nội dung, chấm điểm khách quan."],
    "hop_cum.giam_sat.thanh_vien[].ho_ten": "Lý Thị Ngọc",
    "hop_cum.giam_sat.y_kien": ["Cụm bình xét đúng quy trình của Kế hoạch."],
    "bao_cao.so": "30",
    "cong_van.ky_hieu_don_vi_soan_thao": "VP",
    "don_vi[].tu_danh_gia.so": "42",
    "don_vi[].tu_danh_gia.noi_dung[].noi_dung": 4,
    "don_vi[].tu_danh_gia.noi_dung[].uu_diem": "Có kho lưu trữ riêng, giá sắt và bình chữa cháy.",
    "don_vi[].tu_danh_gia.noi_dung[].han_che": "Tài liệu giai đoạn 2005–2010 chưa được chỉnh lý.",
    "don_vi[].tu_danh_gia.nguyen_nhan": ["Kinh phí cho công tác lưu trữ chưa được bố trí hằng năm."],
    "don_vi[].tu_danh_gia.giai_phap": ["Hoàn thành nộp lưu hồ sơ năm 2016 trong quý IV năm 2017."],
    "don_vi[].tu_danh_gia.de_xuat": ["Đề nghị UBND huyện hỗ trợ kinh phí chỉnh lý tài liệu tồn đọng."],
}


def with_examples(schema: dict, examples: dict) -> dict:
    """The schema with `examples` set at each path; a path that names no property is an error."""
    out = copy.deepcopy(schema)
    for path, example in examples.items():
        node = out
        for part in re.findall(r"[^.\[\]]+|\[\]", path):
            node = node["items"] if part == "[]" else node["properties"][part]
        node["examples"] = [example]
    return out


def numbered(title, description):
    """The number and date of a document the district issues."""
    return {
        "type": "object", "title": title, "description": description, "additionalProperties": False,
        "properties": {
            "so": opt_s("Số văn bản", "Số của văn bản (nếu đã có). Bỏ trống để ghi tay khi ban hành."),
            "ngay": opt_date("Ngày ký", "Ngày ký văn bản. Mặc định: ngày họp Thường trực Hội đồng."),
            "ky_hieu_don_vi_soan_thao": opt_s("Ký hiệu đơn vị soạn thảo", "Chữ viết tắt của cơ quan soạn thảo, dùng trong số ký hiệu và dòng 'Lưu'. Mặc định: NV (Phòng Nội vụ)."),
        },
    }


# The district's opening documents (plan IV.4.b–d): made while the clusters' scores are still empty.
OPENING = {
    "ke_hoach_trien_khai": numbered("Kế hoạch triển khai của cấp huyện", "Kế hoạch của UBND cấp huyện triển khai kiểm tra chéo giữa các UBND cấp xã (gửi Sở Nội vụ trước hạn của Kế hoạch). Ngày ký mặc định: ngày Quyết định thành lập Cụm."),
    "quyet_dinh_thanh_lap": numbered("Quyết định thành lập Cụm thi đua và Đoàn kiểm tra", "Quyết định của UBND cấp huyện thành lập các Cụm thi đua kiểm tra chéo và Đoàn kiểm tra của từng Cụm (danh sách kèm theo lấy từ các tệp Cụm). Ngày ký mặc định: để trống, ghi tay."),
    "doan_giam_sat": {
        "type": ["object", "null"], "title": "Đoàn giám sát của cấp huyện",
        "description": "Đoàn giám sát hoạt động kiểm tra của các Cụm (Kế hoạch mục IV.4.c). Có mục này thì docgen lập Quyết định thành lập Đoàn giám sát.",
        "additionalProperties": False,
        "required": ["truong_doan"],
        "properties": {
            "quyet_dinh": numbered("Quyết định thành lập Đoàn giám sát", "Số, ngày của Quyết định thành lập Đoàn giám sát."),
            "truong_doan": person("Trưởng đoàn giám sát", "Ví dụ: Phó Chủ tịch UBND huyện hoặc Trưởng phòng Nội vụ; chức vụ ghi đầy đủ."),
            "thanh_vien": {"type": "array", "title": "Thành viên Đoàn giám sát",
                           "description": "Các thành viên (ngoài Trưởng đoàn), chức vụ ghi đầy đủ kèm cơ quan.",
                           "items": person("Thành viên", "Một thành viên Đoàn giám sát.")},
        },
    },
}

# The district's Giấy khen after the clusters' meetings (plan IV.4.e): Phòng Nội vụ's Tờ trình, the Chairman's decision.
AWARDS = {
    "giay_khen": {
        "type": ["object", "null"], "title": "Khen thưởng Giấy khen của cấp huyện",
        "description": "Tờ trình của Phòng Nội vụ và Quyết định của Chủ tịch UBND cấp huyện tặng Giấy khen cho các tập thể, cá nhân do các Cụm đề nghị (danh sách lấy từ các tệp Cụm). Bỏ trống thì số, ngày, người ký Tờ trình và mức tiền thưởng để trống, ghi tay.",
        "additionalProperties": False,
        "properties": {
            "to_trinh": numbered("Tờ trình của Phòng Nội vụ", "Số, ngày của Tờ trình đề nghị tặng Giấy khen (ký hiệu TTr-NV)."),
            "quyet_dinh": numbered("Quyết định khen thưởng", "Số, ngày của Quyết định của Chủ tịch UBND cấp huyện tặng Giấy khen."),
            "truong_phong": person("Trưởng phòng Nội vụ", "Người ký Tờ trình (Trưởng phòng, hoặc Phó Trưởng phòng ký thay). Ví dụ: {ho_ten: Đoàn Thị Thu, chuc_vu: Trưởng phòng}.",
                                   ["Trưởng phòng", "Phó Trưởng phòng"]),
            "tien_thuong_tap_the": opt_s("Tiền thưởng mỗi tập thể", "Mức tiền thưởng kèm Giấy khen cho mỗi tập thể, ghi bằng số, ví dụ: 1.000.000. Bỏ trống để ghi tay theo quy định hiện hành."),
            "tien_thuong_ca_nhan": opt_s("Tiền thưởng mỗi cá nhân", "Mức tiền thưởng kèm Giấy khen cho mỗi cá nhân, ghi bằng số, ví dụ: 500.000. Bỏ trống để ghi tay theo quy định hiện hành."),
        },
    },
}

district = {
    "$schema": DIALECT,
    "$id": "https://docgen.local/schemas/huyen.schema.json",
    "title": "Tệp cấp huyện",
    "description": "Dữ liệu của một quận, huyện, thị xã cho bước tổng hợp cấp huyện: người ký, cuộc họp Thường trực Hội đồng Thi đua - Khen thưởng và đơn vị được chọn đề nghị Bằng khen. Đặt trong thư mục chứa các tệp Cụm của huyện.",
    "type": "object",
    "additionalProperties": False,
    # hoi_dong may wait until the clusters have met: before that the opening documents are made alone
    "required": ["loai_tep", "ke_hoach", "huyen", "nguoi_ky"],
    "properties": {
        "loai_tep": LOAI_TEP("huyen", "tệp cấp huyện"),
        "ke_hoach": s("Tệp Kế hoạch", "Đường dẫn đến tệp Kế hoạch, tính từ thư mục của tệp này; phải là Kế hoạch của các tệp Cụm trong thư mục. Ví dụ: ../../ke-hoach-2017.yaml."),
        "huyen": {**cluster["properties"]["huyen"], "description": "Quận, huyện, thị xã; phải trùng với mục 'huyen' của các tệp Cụm trong thư mục."},
        "nguoi_ky": person("Người ký của UBND cấp huyện", "Chủ tịch hoặc Phó Chủ tịch UBND cấp huyện ký công văn đề nghị và báo cáo.",
                           ["Chủ tịch", "Phó Chủ tịch"]),
        "hoi_dong": {
            "type": "object", "title": "Cuộc họp Thường trực Hội đồng Thi đua - Khen thưởng",
            "description": "Cuộc họp của Thường trực Hội đồng Thi đua - Khen thưởng cấp huyện xét chọn 01 đơn vị đề nghị Bằng khen.",
            "additionalProperties": False,
            "required": ["ngay", "chu_tri", "thu_ky"],
            "properties": {
                "so_bien_ban": opt_s("Số biên bản", "Số Biên bản họp (nếu đã có)."),
                "ngay": date("Ngày họp", "Ngày họp; phải sau ngày họp của các Cụm."),
                "gio_bat_dau": time("Giờ bắt đầu", "Giờ bắt đầu cuộc họp."),
                "gio_ket_thuc": time("Giờ kết thúc", "Giờ kết thúc cuộc họp."),
                "dia_diem": opt_s("Địa điểm", "Nơi họp. Mặc định: Phòng họp UBND cấp huyện."),
                "chu_tri": person("Chủ trì", "Người chủ trì, thường là Chủ tịch Hội đồng; chức vụ ghi đầy đủ, ví dụ: Chủ tịch UBND huyện, Chủ tịch Hội đồng."),
                "thu_ky": person("Thư ký", "Người ghi biên bản, ví dụ chuyên viên Phòng Nội vụ."),
                "thanh_vien": {"type": "array", "title": "Thành viên dự họp",
                               "description": "Các thành viên Thường trực Hội đồng dự họp (ngoài chủ trì và thư ký).",
                               "items": person("Thành viên", "Một thành viên dự họp.")},
                "hinh_thuc_bieu_quyet": {"type": "string", "enum": ["giơ tay", "bỏ phiếu kín"], "title": "Hình thức biểu quyết",
                                          "description": "Giơ tay hoặc bỏ phiếu kín."},
                "so_nguoi_bieu_quyet": {"type": ["integer", "null"], "minimum": 1, "title": "Số người biểu quyết",
                                         "description": "Số thành viên Thường trực Hội đồng tham gia biểu quyết: chủ trì và các thành viên dự họp; thư ký ghi biên bản không biểu quyết. Mặc định: chủ trì và số người ở thanh_vien."},
                "y_kien": {"type": "array", "title": "Ý kiến tại cuộc họp", "description": "Tóm tắt các ý kiến (mỗi ý kiến một dòng).",
                           "items": s("Ý kiến", "Một ý kiến.")},
                "ket_luan": opt_s("Kết luận", "Kết luận của chủ trì cuộc họp."),
            },
        },
        "de_nghi": {
            "type": ["object", "null"], "title": "Đơn vị được chọn đề nghị Bằng khen",
            "description": "Đơn vị Hội đồng chọn trong số các đơn vị được các Cụm đề nghị (mỗi huyện 01 đơn vị). Bỏ trống thì docgen gợi ý đơn vị có tổng điểm thống nhất cao nhất; nếu bằng điểm nhau thì Hội đồng phải chọn.",
            "additionalProperties": False,
            "required": ["don_vi"],
            "properties": {
                "don_vi": {**CODE, "title": "Mã đơn vị", "description": "Mã (`ma`) của đơn vị trong tệp Cụm của đơn vị đó. Ví dụ: co-loa."},
                "so_phieu_tan_thanh": {"type": ["integer", "null"], "minimum": 0, "title": "Số phiếu tán thành",
                                       "description": "Số người tán thành."},
            },
        },
        "kien_nghi": {"type": "array", "title": "Kiến nghị, đề xuất", "description": "Kiến nghị của cấp huyện ghi trong báo cáo (mỗi ý một dòng).",
                      "items": s("Kiến nghị", "Một kiến nghị.")},
        "cong_van": numbered("Công văn đề nghị Bằng khen", "Công văn của UBND cấp huyện đề nghị Chủ tịch UBND cấp tỉnh tặng Bằng khen."),
        "bao_cao": numbered("Báo cáo kết quả", "Báo cáo kết quả kiểm tra chéo của cấp huyện gửi Sở Nội vụ."),
        **OPENING,
        **AWARDS,
    },
}

if __name__ == "__main__":
    import sys

    import generated  # beside this file
    args = generated.arguments("Tạo các tệp schemas/*.json (không ghi đè tệp đã sửa tay).")
    cluster = with_examples(cluster, CLUSTER_EXAMPLES)
    files = {f"schemas/{name}.schema.json": (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
             for name, schema in [("cum", cluster), ("ke-hoach", plan), ("huyen", district)]}
    sys.exit(generated.write(args.root, files, args.force))
