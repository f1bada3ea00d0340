"""Pictures of page 1 of each kind of document, as LibreOffice prints them, for the README.

Builds the sample dossiers (inputs/2017), the Đông Anh district's and the city's documents and the 2017
Kế hoạch into a temporary folder, converts the first document made from each template to PDF with
LibreOffice, and page 1 of it to PNG with pdftoppm:
docs/images/<template-stem>.png (e.g. docs/images/bien-ban-kiem-tra.png).

Run from the repository root:  python tools/render_pages.py [--dpi 60] [--out docs/images]
Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.pipeline import (
    batch,  # noqa: E402
    plan_document,  # noqa: E402
    upper_levels,  # noqa: E402
)


def first_of_each_template(folders: list[Path]) -> dict[str, Path]:
    """template stem → the first document of the dossiers made from it (manifest order)."""
    picked: dict[str, Path] = {}
    for folder in folders:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for doc in manifest["van_ban"]:
            stem = Path(doc["mau"]).stem
            picked.setdefault(stem, folder / doc["tep"])
    return picked


def render(out_dir: Path, dpi: int) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        raise SystemExit("Cần LibreOffice (soffice) và poppler-utils (pdftoppm): "
                         "apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        built = batch.build([ROOT / "inputs" / "2017"], tmp / "ho-so")
        folders = [b.folder for b in built]
        folders.append(upper_levels.build_district(ROOT / "inputs" / "2017" / "dong-anh", tmp / "ho-so").folder)
        folders.append(upper_levels.build_city(ROOT / "inputs" / "2017", tmp / "ho-so").folder)
        picked = first_of_each_template(folders)
        picked["ke-hoach"] = plan_document.render_plan(ROOT / "inputs" / "ke-hoach-2017.yaml", tmp / "ke-hoach").file
        for stem, docx in picked.items():
            pdf_dir = tmp / "pdf" / stem
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp / 'lo'}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(pdf_dir), str(docx)],
                           check=True, capture_output=True, timeout=300)
            pdf = pdf_dir / (docx.stem + ".pdf")
            target = out_dir / f"{stem}.png"
            subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(dpi), "-png", "-singlefile",
                            str(pdf), str(target.with_suffix(""))], check=True, timeout=120)
            _shrink(target)
            written.append(target)
    return written


def _shrink(png: Path) -> None:
    """Documents are black on white: 16 grey levels keep the text sharp at a third of the size.
    Uses Pillow when it is there (it is not a docgen dependency); otherwise keeps the colour PNG."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as im:
        im.convert("L").quantize(16).save(png, optimize=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, default=60, help="resolution of the pictures (50–70 keeps them small)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = ap.parse_args(argv)
    for path in render(args.out, args.dpi):
        print(f"{path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
