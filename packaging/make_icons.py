"""Renders resources/icons/goalform.svg to the PNG sizes and the Windows goalform.ico.

Run after editing the SVG: ``python packaging/make_icons.py``; commit the results (the GUI, the
PyInstaller spec, the installer and the .desktop file use the generated files, so building a bundle
never needs QtSvg). The .ico is written here rather than by Qt's ico plugin because that plugin
writes one image per file, while Windows picks the best of several sizes (16 px in lists,
32/48 px on the desktop, 256 px in large-icon views).
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "goalform.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)  # Windows' standard set; 256 is stored as PNG, the rest as DIB


def png_name(size: int) -> str:
    return f"goalform-{size}.png"


def render(svg: Path, size: int) -> "QImage":  # noqa: F821 - Qt is imported lazily
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: "QImage") -> bytes:  # noqa: F821
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: "QImage") -> bytes:  # noqa: F821
    """A 32-bit BGRA DIB as stored in an .ico: header with doubled height, rows bottom-up, AND mask."""
    width, height = image.width(), image.height()
    rows = []
    mask_stride = ((width + 31) // 32) * 4
    mask_rows = []
    for y in range(height - 1, -1, -1):
        # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. B, G, R, A bytes on little-endian machines.
        line = image.constBits()[y * image.bytesPerLine(): y * image.bytesPerLine() + 4 * width]
        pixels = bytes(line)
        if sys.byteorder != "little":
            pixels = b"".join(pixels[i:i + 4][::-1] for i in range(0, len(pixels), 4))
        rows.append(pixels)
        mask = bytearray(mask_stride)
        for x in range(width):
            if pixels[4 * x + 3] == 0:  # fully transparent: set the AND bit
                mask[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(mask))
    xor, and_mask = b"".join(rows), b"".join(mask_rows)
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, len(xor) + len(and_mask), 0, 0, 0, 0)
    return header + xor + and_mask


def ico_bytes(images: dict[int, "QImage"]) -> bytes:  # noqa: F821
    """The ICO container: ICONDIR, one ICONDIRENTRY per size, then the image data."""
    payloads = [(size, png_bytes(img) if size >= 256 else dib_bytes(img)) for size, img in sorted(images.items())]
    offset = 6 + 16 * len(payloads)
    directory = struct.pack("<HHH", 0, 1, len(payloads))
    data = b""
    for size, payload in payloads:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset + len(data))
        data += payload
    return directory + data


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - painting needs one
    images = {size: render(SVG, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (ICONS / png_name(size)).write_bytes(png_bytes(images[size]))
    (ICONS / "goalform.ico").write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNG files and goalform.ico to {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
