"""Errors of the disk (full, quota, read-only, file too large, no permission) as Vietnamese messages
that name the output folder and say what to do; the system's English text only ever in brackets."""
from __future__ import annotations

import errno
from pathlib import Path

from docgen.errors import OutputError

_UNCHANGED = "Hồ sơ cũ (nếu có) vẫn giữ nguyên."

# errno → (what happened, what to do); {out} is the output folder the clerk chose
_KNOWN = {
    errno.ENOSPC: ("đĩa chứa thư mục {out} đã đầy",
                   "Xóa bớt tệp không cần trên đĩa đó, hoặc chọn thư mục trên đĩa khác bằng -o, rồi chạy lại."),
    errno.EDQUOT: ("đã hết hạn mức dung lượng (quota) của tài khoản trên đĩa chứa thư mục {out}",
                   "Xóa bớt tệp của mình trên đĩa đó, xin quản trị mạng nâng hạn mức, hoặc chọn thư mục khác "
                   "bằng -o, rồi chạy lại."),
    errno.EROFS: ("đĩa chứa thư mục {out} chỉ cho đọc, không cho ghi",
                  "Chọn thư mục trên đĩa ghi được bằng -o (USB có khóa chống ghi thì gạt khóa), rồi chạy lại."),
    errno.EFBIG: ("tệp cần ghi vào thư mục {out} lớn hơn giới hạn cho phép (của hệ thống, ví dụ `ulimit -f`, "
                  "hoặc của đĩa, ví dụ đĩa FAT32 chỉ nhận tệp dưới 4 GB)",
                  "Bỏ giới hạn (`ulimit -f unlimited`) hoặc chọn thư mục trên đĩa khác bằng -o, rồi chạy lại."),
    errno.EACCES: ("không có quyền ghi vào thư mục {out}",
                   "Đóng các văn bản của hồ sơ đang mở trong Word (Windows không cho thay thư mục có tệp đang "
                   "mở); nếu vẫn vậy, chọn thư mục của mình bằng -o hoặc xin quyền ghi thư mục đó, rồi chạy lại."),
    errno.EPERM: ("hệ thống không cho ghi vào thư mục {out}",
                  "Chọn thư mục của mình bằng -o, hoặc xin quyền ghi thư mục đó, rồi chạy lại."),
    errno.EBUSY: ("có tệp trong thư mục {out} đang được chương trình khác mở",
                  "Đóng các văn bản đang mở trong Word, LibreOffice rồi chạy lại."),
    errno.EIO: ("đĩa chứa thư mục {out} bị lỗi đọc, ghi",
                "Kiểm tra đĩa (USB đã rút ra chưa?), hoặc chọn thư mục trên đĩa khác bằng -o, rồi chạy lại."),
    errno.ENAMETOOLONG: ("đường dẫn trong thư mục {out} quá dài",
                         "Chọn thư mục có đường dẫn ngắn hơn bằng -o, rồi chạy lại."),
}


def disk_error(e: OSError, out: Path, *, unchanged: bool = True) -> OutputError:
    """The OutputError for an OSError met while writing into `out` (a dossier folder or the output folder)."""
    code = getattr(e, "errno", None)
    what, todo = _KNOWN.get(code, ("không ghi được vào thư mục {out}",
                                   "Kiểm tra đĩa và quyền ghi; văn bản đang mở trong Word thì đóng lại; "
                                   "rồi chạy lại."))
    if getattr(e, "winerror", None) in (32, 33):  # Windows: the file is open in another program
        what, todo = _KNOWN[errno.EBUSY]
    system = f" (hệ thống báo: {e.strerror})" if e.strerror else ""
    return OutputError(f"Không ghi được hồ sơ: {what.format(out=out)}{system}. "
                       f"{_UNCHANGED + ' ' if unchanged else ''}{todo}")
