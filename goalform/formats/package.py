"""Zip packages (.docx, .xlsx) and their XML parts, read with budgets: the files come by e-mail.

Before a single byte is inflated, the central directory's size and entry count are checked from the
end-of-central-directory record (listing 200,000 entries cost 130 MB), and a part
whose declared size is over the limit is refused. While a part is inflated, it is read in chunks and
reading stops at the limit, so a header that lies about the size does not help either. XML is parsed
by lxml without a DTD (a part with a DOCTYPE is refused, so entities are never expanded and nothing is
fetched), without network access and within libxml2's default depth and text limits. Every failure is
a :class:`ReadError` with a Chinese message; nothing else escapes.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Iterator

from goalform.domain.limits import (
    MAX_XML_TAGS, MAX_ZIP_DIRECTORY_BYTES, MAX_ZIP_MEMBER_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_TOTAL_BYTES, MiB)
from goalform.formats.reading import ReadError

_CHUNK = 1 << 16
# Errors of a damaged or hostile package (bad deflate data, CRC, truncation, unknown compression).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError)


class Package:
    """A zip package opened with budgets; ``kind`` names it in messages ("Word (.docx)")."""

    def __init__(self, path: Path | str, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        self.name = self.path.name
        self._read_total = 0
        try:
            _check_directory(self.path, self)
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise ReadError(f"找不到文件：{self.path}") from None
        except ReadError:
            raise
        except (*_DAMAGED, MemoryError):
            raise self.invalid() from None

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def invalid(self) -> ReadError:
        return ReadError(f"「{self.name}」不是有效的 {self.kind} 文件")

    def damaged(self, part: str) -> ReadError:
        return ReadError(f"「{self.name}」已损坏（{part} 无法读取），请在 Office 中打开后另存一份再导入")

    def has(self, part: str) -> bool:
        return part in self._zip.NameToInfo

    def read(self, part: str) -> bytes:
        """The inflated bytes of ``part``, refused past the per-part and per-package limits."""
        try:
            info = self._zip.getinfo(part)
        except KeyError:
            raise self.invalid() from None
        if info.flag_bits & 0x1:
            raise ReadError(f"「{self.name}」中的 {part} 已加密，请去掉密码后另存一份再导入")
        if info.file_size > MAX_ZIP_MEMBER_BYTES:
            raise self.too_big(part)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > MAX_ZIP_MEMBER_BYTES:
                        raise self.too_big(part)
                    if self._read_total > MAX_ZIP_TOTAL_BYTES:
                        raise ReadError(f"「{self.name}」解压后超过 {MAX_ZIP_TOTAL_BYTES // MiB} MB（导入上限），无法导入")
                    chunks.append(chunk)
        except ReadError:
            raise
        except (*_DAMAGED, RuntimeError):
            raise self.damaged(part) from None
        return b"".join(chunks)

    def too_big(self, part: str) -> ReadError:
        return ReadError(f"「{self.name}」中的 {part} 解压后超过 {MAX_ZIP_MEMBER_BYTES // MiB} MB（导入上限），"
                         "文件过大或已损坏，无法导入")

    def parse(self, part: str):  # -> lxml.etree._Element
        """The root element of the XML part ``part``."""
        return parse_xml(self.read(part), self, part)

    def iterparse(self, part: str, tag: str | tuple[str, ...], events: tuple[str, ...] = ("end",)) -> Iterator:
        """``(event, element)`` for each ``tag`` element of ``part``, streamed from its bytes.

        The caller clears elements it is done with, so memory stays with the bytes of the part.
        """
        from lxml import etree

        data = self.read(part)
        _refuse_doctype(data, self, part)
        _count_tags(data, self, part)
        try:
            yield from etree.iterparse(BytesIO(data), events=events, tag=tag, resolve_entities=False,
                                       no_network=True, huge_tree=False, load_dtd=False)
        except etree.LxmlError as e:
            raise _xml_error(e, self, part) from None


def parse_xml(data: bytes, package: Package, part: str):
    """Parse an XML part that must not carry a DTD; damaged XML is a :class:`ReadError`."""
    from lxml import etree

    _refuse_doctype(data, package, part)
    _count_tags(data, package, part)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError as e:
        raise _xml_error(e, package, part) from None
    if root.getroottree().docinfo.doctype:
        raise _doctype_error(package, part)
    return root


# The prolog before the root element: XML declaration, processing instructions, comments, spaces.
_PROLOG = re.compile(r"\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.S)
_PROLOG_BYTES = re.compile(_PROLOG.pattern.encode(), re.S)


def _refuse_doctype(data: bytes, package: Package, part: str) -> None:
    """Office never writes a DOCTYPE; one in a part is there for entity tricks (billion laughs, XXE)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\0", b"\0<"):  # UTF-16
        try:
            text = data.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError:
            raise package.damaged(part) from None
        found = text.startswith("<!DOCTYPE", _PROLOG.match(text).end())  # type: ignore[union-attr]
    else:
        data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        found = data.startswith(b"<!DOCTYPE", _PROLOG_BYTES.match(data).end())  # type: ignore[union-attr]
    if found:
        raise _doctype_error(package, part)


def _xml_error(error: Exception, package: Package, part: str) -> ReadError:
    """libxml2's own limits (depth 256, 10 MB of text in one node) said so; anything else is damage."""
    message = str(error)
    if "Excessive depth" in message:
        return ReadError(f"「{package.name}」的 {part} 中内容嵌套超过 256 层（导入上限），不像正常的 Office 文件，无法导入")
    if "Text node too long" in message or "huge" in message.lower():
        return ReadError(f"「{package.name}」的 {part} 中有一段文字超过 10 MB（导入上限），无法导入")
    return package.damaged(part)


def _count_tags(data: bytes, package: Package, part: str) -> None:
    if data.count(b"<") > MAX_XML_TAGS:
        raise ReadError(f"「{package.name}」的 {part} 中元素过多（超过 {MAX_XML_TAGS} 个标记，导入上限），无法导入")


def _doctype_error(package: Package, part: str) -> ReadError:
    return ReadError(f"「{package.name}」的 {part} 含有 DTD 声明（Office 文件从不含有，可能是恶意文件），已拒绝导入")


def _check_directory(path: Path, package: Package) -> None:
    """Refuse a central directory that is too large or has too many entries before zipfile lists it."""
    try:
        with path.open("rb") as f:
            end = zipfile._EndRecData(f)  # type: ignore[attr-defined]  # stable since Python 2
    except AttributeError:  # pragma: no cover - a future Python without the helper: zipfile checks only
        return
    if end is None:
        raise package.invalid()
    entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    size = end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if entries > MAX_ZIP_MEMBERS or size > MAX_ZIP_DIRECTORY_BYTES:
        raise ReadError(f"「{package.name}」中的部件过多（{entries} 个，上限 {MAX_ZIP_MEMBERS} 个），"
                        "不像 Office 文件，无法导入")
