"""Before Qt tries to open a window on Linux: is there a display, can Qt's X11 plugin load, does X answer?

Without this, a fresh desktop that lacks a library of Qt's xcb platform plugin (libxcb-cursor0 on
Debian 12) stops with Qt's 「Could not load the Qt platform plugin "xcb"」 and an abort — nothing a
clerk or IT can act on. Here the plugin is loaded the way Qt would load it (dlopen); when that fails,
the missing libraries are named with the exact ``apt install`` line, in Chinese, and the GUI exits
with code 2. The CLI commands never get here: they need no display.
"""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Mapping

XCB_PLUGIN = "libqxcb.so"


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DisplayCheck", text)


def cli_hint() -> str:
    return tr("不需要窗口的命令照常可用，例如：goalform validate 文件.goal")


def platform_name(env: Mapping[str, str]) -> str:
    """The platform plugin Qt will pick: QT_QPA_PLATFORM's first choice, else wayland or xcb."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def debian_package(soname: str) -> str:
    """Debian's name for a library's package (policy 8.1): libxcb-cursor.so.0 -> libxcb-cursor0."""
    m = re.match(r"^(lib.+?)\.so\.([0-9]+)", soname)
    if not m:
        return ""
    name, major = m[1].lower().replace("_", "-"), m[2]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def plugin_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    from PySide6.QtCore import QLibraryInfo

    dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    return dirs


def missing_libraries() -> list[str]:
    """Sonames the xcb plugin needs that cannot be loaded ([] when it loads, or is not found at all)."""
    plugin = next((d / "platforms" / XCB_PLUGIN for d in plugin_dirs() if (d / "platforms" / XCB_PLUGIN).is_file()),
                  None)
    if plugin is None:
        return []  # Qt will report that itself
    try:
        ctypes.CDLL(str(plugin))  # what Qt does; once loaded, Qt's own load reuses it
        return []
    except OSError as e:
        # "libxcb-cursor.so.0: cannot open shared object file: ..." (or a path, and another reason)
        first = [Path(m).name for m in re.findall(r"(\S*lib[\w.+-]+\.so[.\d]*): ", str(e))][:1]
    listed = []
    if shutil.which("ldd"):  # dlopen names only the first missing library; ldd names them all
        proc = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
        listed = re.findall(r"^\s*(\S+) => not found", proc.stdout, re.M)
    return sorted(set(listed) | set(first)) or first


def display_reachable(display: str) -> bool:
    """Whether an X server answers at ``display`` (one connection, closed at once; True when unsure)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the plugin check names the library
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    if not connection:
        return False
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def problem(env: Mapping[str, str] | None = None) -> str:
    """'' when the GUI can start; otherwise the Chinese message that says what is missing and what to do."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return ""
    name = platform_name(env)
    if name == "xcb":
        if not env.get("DISPLAY"):
            return tr("无法打开窗口：没有图形显示（未设置 DISPLAY）。请在桌面中启动 goalform，"
                      "远程登录时使用 ssh -X。") + "\n" + cli_hint()
        missing = missing_libraries()
        if missing:
            packages = " ".join(dict.fromkeys(p for p in map(debian_package, missing) if p))
            lines = [tr("无法打开窗口：缺少图形界面所需的系统库 {libs}。").format(libs="、".join(missing))]
            if packages:
                lines.append(tr("在 Debian、Ubuntu、统信 UOS、银河麒麟上安装：sudo apt install {packages}").format(
                    packages=packages))
            lines.append(cli_hint())
            return "\n".join(lines)
        if not display_reachable(env["DISPLAY"]):
            return tr("无法打开窗口：连接不上图形显示 {display}（DISPLAY={display}）。请在桌面中启动 goalform，"
                      "远程登录时使用 ssh -X。").format(display=env["DISPLAY"]) + "\n" + cli_hint()
    elif name == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return tr("无法打开窗口：没有图形显示（未设置 WAYLAND_DISPLAY）。请在桌面中启动 goalform。") + "\n" + cli_hint()
    return ""
