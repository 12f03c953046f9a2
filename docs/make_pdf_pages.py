"""Make docs/pdf-pages-2024.png and docs/pdf-pages-2026.png: every page of each example's PDF export,
side by side (pdftoppm at 50 dpi, joined with Qt), to look at page breaks: no page ends with a heading,
the 填报说明 stays together. Run from a source checkout: ``.venv/bin/python docs/make_pdf_pages.py``."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from goalform.formats.export import export_file  # noqa: E402
from goalform.formats.paging import ensure_gui_application  # noqa: E402
from goalform.store import read_form  # noqa: E402


def main() -> None:
    ensure_gui_application(widgets=False)
    from PySide6.QtGui import QColor, QImage, QPainter

    for year in ("2024", "2026"):
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / f"form-{year}.pdf"
            export_file(*read_form(ROOT / "examples" / f"form-{year}.goal"), pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(Path(folder) / "p")], check=True)
            pages = [QImage(str(p)) for p in sorted(Path(folder).glob("p-*.png"))]
            gap = 8
            out = QImage(sum(p.width() for p in pages) + gap * (len(pages) - 1), max(p.height() for p in pages),
                         QImage.Format.Format_RGB32)
            out.fill(QColor("#888888"))
            painter = QPainter(out)
            x = 0
            for page in pages:
                painter.drawImage(x, 0, page)
                x += page.width() + gap
            painter.end()
            out.convertToFormat(QImage.Format.Format_Grayscale8).save(str(ROOT / "docs" / f"pdf-pages-{year}.png"))


if __name__ == "__main__":
    main()
