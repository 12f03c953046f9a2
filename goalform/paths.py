"""The one gate for the paths goalform opens or writes, shared by the store, the exporters and the CLI.

A path the user gives may be odd but valid (a symbolic link, a 250-byte name, a hard link to another
input) or hostile (a symlink loop, a FIFO, a device, a read-only file). Every layer asks here:

- :func:`resolved`: the absolute path with symlinks followed; a loop is a :class:`PathProblem`
  (Python's own ``Path.resolve`` raises ``RuntimeError: Symlink loop``), never a traceback;
- :func:`write_target`: the file writing to a path replaces (a symlink's target), or why it must not be
  replaced (folder, FIFO or device, read-only, a missing folder, a loop, a name too long);
- :func:`source_stat`: the stat of a file to be read, or why it cannot be (missing, a loop, a folder,
  FIFO or device, unreadable), before any open() that could hang;
- :func:`refuse_inputs`: an output that is one of the command's inputs, also through a hard link or a
  symlink (compared by device and inode), is refused before anything is read or written;
- :func:`temp_name` / :func:`side_name`: names beside a target (temporary copies, the save lock) that
  always fit in the file system's 255-byte limit, however long the target's own name.

Messages are Chinese phrases; the caller puts them into its own sentence (「不能保存到 X：…」), choosing
by ``kind`` and using ``detail`` (the bare phrase: what the path is, or the OS error) where its words
differ. Every writer (formats/output, store/saving) and reader (formats/importer, store/database,
store/library_file) judges its path here; none stats a target itself.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from goalform.domain.errors import UserError, not_plain, os_error_text

NAME_MAX = 255  # bytes in one name on Linux/macOS file systems (Windows: 255 UTF-16 units)
_JOURNAL = len("-journal")  # SQLite adds this to a database's name


class PathProblem(UserError):
    """A path goalform must not use; ``reason`` is the Chinese phrase, ``kind`` says which check failed,
    ``detail`` is the bare phrase behind it (not_plain's 「是一个文件夹」, an OS error's text) for callers
    that say it in their own sentence (``reason`` when there is none)."""

    def __init__(self, reason: str, kind: str = "other", detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.detail = detail or reason


LOOP = "快捷方式（符号链接）循环，无法找到它指向的文件"
READ_ONLY = "这是只读文件"


def name_size(name: str) -> int:
    """The size of a file name as the file system counts it: UTF-8 bytes (UTF-16 units on Windows)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))


def too_long(name: str) -> str:
    """'' when ``name`` fits, else the phrase saying that it does not."""
    if name_size(name) <= NAME_MAX:
        return ""
    return f"文件名太长（{name_size(name)} 字节，最多 {NAME_MAX} 字节，约 85 个汉字），请改用较短的文件名"


def fitted(name: str, room: int, mark: bool = True) -> str:
    """``name`` cut (at a character boundary) to at most ``room`` bytes; a cut name ends in a short hash
    of the whole name (unless not ``mark``), so that two long names sharing their beginning still differ."""
    if name_size(name) <= room:
        return name
    import hashlib  # (rarely needed: not at start-up)

    digest = "~" + hashlib.sha1(os.fsencode(name)).hexdigest()[:8] if mark else ""
    keep = room - len(digest)
    cut = name
    while cut and name_size(cut) > keep:
        cut = cut[:-max(1, (name_size(cut) - keep) // 4)]  # a character is at most 4 bytes
    return cut + digest


_TAG_ROOM = len(".00000000-4294967295-00000000.tmp")  # the longest ``.<tag>.tmp`` temp_name is given


def side_name(name: str, ending: str) -> str:
    """``.NAME<ending>`` (the save lock ``.NAME.goal.lock``) within NAME_MAX."""
    return "." + fitted(name, NAME_MAX - 1 - name_size(ending)) + ending


def temp_prefix(name: str) -> str:
    """What every :func:`temp_name` of ``name`` begins with (for cleaning up after a killed writer)."""
    return "." + fitted(name, NAME_MAX - 1 - _TAG_ROOM - _JOURNAL) + "."


def temp_name(name: str, tag: str) -> str:
    """A temporary name ``.NAME.<tag>.tmp`` beside ``name`` that fits, with SQLite's ``-journal`` after it."""
    ending = f"{tag}.tmp"
    assert len(ending) < _TAG_ROOM, tag
    return temp_prefix(name) + ending


def resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with every symlink followed (a missing end is fine); a loop raises PathProblem."""
    try:
        return Path(path).resolve()
    except RuntimeError:  # Python 3.11: "Symlink loop from ..."
        raise PathProblem(LOOP, "loop") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise PathProblem(LOOP, "loop") from None
        raise PathProblem(os_error_text(e), "os") from None


def identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names, links followed; None when there is none (yet)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file that writing to ``path`` replaces (a symlink's target: the link stays a link).

    Raises PathProblem when it must not be written: its folder is missing, a symlink loops, its name
    is too long, it is a folder, FIFO or device (``kind`` "not_plain"), or read-only ("read_only")."""
    given = Path(path)
    target = resolved(given) if os.path.islink(given) else given
    if reason := too_long(target.name):
        raise PathProblem(reason, "name")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not folder.is_dir():
            raise PathProblem("文件夹不存在", "folder") from None
        return target
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise PathProblem(LOOP, "loop") from None
        raise PathProblem(os_error_text(e), "os") from None
    if what := not_plain(st):
        raise PathProblem(f"这{what}", "not_plain", what)
    if not st.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise PathProblem(READ_ONLY, "read_only")
    return target


def source_stat(path: str | os.PathLike[str]) -> os.stat_result:
    """The stat of a file to be read (links followed), or PathProblem at once: missing ("missing"),
    a symlink loop, a folder, FIFO or device ("not_plain"), or unreadable; no open() that could hang."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise PathProblem(f"快捷方式（符号链接）指向的文件不存在：{path}", "missing") from None
        raise PathProblem(f"找不到文件：{path}", "missing") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise PathProblem(f"{LOOP}：{path}", "loop", os_error_text(e)) from None
        raise PathProblem(f"无法读取「{path}」：{os_error_text(e)}", "os", os_error_text(e)) from None
    if what := not_plain(st):
        raise PathProblem(f"「{path}」{what}", "not_plain", what)
    return st


def not_usable(path: str | os.PathLike[str]) -> str:
    """'' when ``path`` is a plain file or does not exist yet (a settings file, a library), else why
    goalform must not open it (a FIFO would block the open for ever, a device or folder is no file)."""
    try:
        source_stat(path)
    except PathProblem as e:
        return "" if e.kind == "missing" and not os.path.islink(path) else e.reason
    return ""


def refuse_inputs(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """PathProblem when writing ``output`` would replace one of ``inputs``: the same name, or the same
    file through a hard link or symlink (device and inode compared, after following links)."""
    out = identity(output)
    try:
        out_path = resolved(output)
    except PathProblem:
        out_path = None
    for given in inputs:
        same = out is not None and out == identity(given)
        if not same and out_path is not None:
            try:
                same = os.path.normcase(str(out_path)) == os.path.normcase(str(resolved(given)))
            except PathProblem:
                same = False
        if same:
            raise PathProblem(f"输出文件就是输入文件「{given}」，写入会毁掉它，请另选一个输出文件", "input")


def check_suffix(output: str | os.PathLike[str], suffixes: Iterable[str], what: str) -> None:
    """PathProblem unless ``output`` ends in one of ``suffixes`` (e.g. import -o must be a .goal)."""
    allowed = tuple(suffixes)
    if Path(output).suffix.lower() not in allowed:
        raise PathProblem(f"{what}须以 {'、'.join(allowed)} 结尾：{output}", "suffix")
