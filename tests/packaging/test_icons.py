"""The icon files made by packaging/make_icons.py: PNG sizes and a multi-size Windows .ico."""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from packaging_helpers import ROOT, load_script
from PySide6.QtGui import QImage

ICONS = ROOT / "resources" / "icons"


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    images = []
    for i in range(count):
        w, h, _colors, _res, planes, bpp, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert w == h and (planes, bpp) == (1, 32)
        assert offset + size <= len(data)
        images.append((w or 256, data[offset:offset + size]))
    return images


def test_svg_source_is_valid_xml():
    root = ET.parse(ICONS / "goalform.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", load_script("make_icons").PNG_SIZES)
def test_png_sizes(qapp, size):
    image = QImage(str(ICONS / f"goalform-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_windows_size():
    images = read_ico((ICONS / "goalform.ico").read_bytes())
    assert [size for size, _ in images] == [16, 24, 32, 48, 64, 256]
    for size, payload in images:
        if size == 256:
            assert payload.startswith(b"\x89PNG")
        else:  # BITMAPINFOHEADER with doubled height, then BGRA pixels and the AND mask
            header = struct.unpack_from("<IiiHH", payload, 0)
            assert header == (40, size, 2 * size, 1, 32)
            assert len(payload) == 40 + 4 * size * size + ((size + 31) // 32) * 4 * size


def test_ico_writer_round_trips_through_qt(qapp, tmp_path):
    """What make_icons writes, Qt's own ico reader reads back pixel for pixel."""
    from PySide6.QtGui import QColor, QImageReader

    make_icons = load_script("make_icons")
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    image.setPixelColor(3, 5, QColor(200, 30, 40, 255))
    data = make_icons.ico_bytes({16: image})
    path = tmp_path / "roundtrip.ico"
    path.write_bytes(data)
    back = QImageReader(str(path)).read()
    assert back.pixelColor(3, 5) == QColor(200, 30, 40, 255)
    assert back.pixelColor(0, 0).alpha() == 0
