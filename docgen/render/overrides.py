"""A clerk's own templates: a folder whose .docx files replace docgen's shipped templates of the same name."""
from __future__ import annotations

import difflib
from pathlib import Path

from docgen.errors import Issue, TemplateError
from docgen.render import environment
from docgen.render.diagnose import template_parts


def _shipped() -> list[str]:
    return sorted(p.name for p in environment.TEMPLATE_DIR.glob("*.docx"))


def scan(folder: Path) -> tuple[dict[str, Path], list[Issue]]:
    """The templates of `folder` that replace shipped ones (by name), and what is wrong with the others.

    A file whose name is no shipped template's is an error rather than ignored: the clerk meant it to
    be used, and a document quietly made from docgen's template instead would be worse."""
    folder = Path(folder)
    if not folder.exists():
        return {}, [Issue("không có thư mục mẫu riêng này. Hãy kiểm tra lại đường dẫn sau -t/--templates.",
                          str(folder))]
    if not folder.is_dir():
        return {}, [Issue("đây là một tệp, không phải thư mục. Sau -t/--templates hãy ghi thư mục chứa các "
                          "mẫu .docx riêng (ví dụ: -t mau-rieng/).", str(folder))]
    shipped = _shipped()
    found: dict[str, Path] = {}
    issues: list[Issue] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".docx" and not p.name.startswith("~$"))
    for path in files:  # ~$...: Word's lock file while a template is open
        if path.name not in shipped:
            close = difflib.get_close_matches(path.name, shipped, n=1, cutoff=0.6)
            hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
            issues.append(Issue(f"tên tệp không trùng tên mẫu nào của docgen, nên không biết tệp này thay mẫu "
                                f"nào.{hint} Hãy đổi tên cho đúng tên mẫu cần thay, hoặc chuyển tệp ra khỏi thư "
                                f"mục. Các mẫu: {', '.join(shipped)}.", str(path)))
            continue
        try:
            template_parts(path)
        except Exception as e:  # noqa: BLE001 - whatever python-docx says, the file is not a usable .docx
            issues.append(Issue(f"không mở được mẫu ({type(e).__name__}): không phải tệp .docx hợp lệ. Hãy lưu "
                                "lại mẫu bằng Word hoặc LibreOffice dạng .docx.", str(path)))
            continue
        found[path.name] = path
    if not files:
        issues.append(Issue("thư mục mẫu riêng không có tệp .docx nào. Hãy chép vào đó các mẫu đã sửa (giữ "
                            "nguyên tên tệp, ví dụ bien-ban-hop-cum.docx).", str(folder)))
    return found, issues


def require(folder: Path | None) -> None:
    """Stop before anything is made when the clerk's template folder is missing or holds a file docgen
    cannot use (TemplateError naming each file); nothing to check without a folder."""
    if folder is None:
        return
    _, issues = scan(folder)
    if issues:
        raise TemplateError(f"Thư mục mẫu riêng {folder}: có {len(issues)} lỗi; chưa lập văn bản nào. "
                            "Sửa các lỗi dưới đây rồi chạy lại.", issues)

