"""A clear word when the display cannot start (Linux): no DISPLAY, or a library of Qt's X11 plugin missing.

Qt itself would abort with 「Could not load the Qt platform plugin "xcb"」; the launcher says what is
missing and the exact apt line instead, and exits 2. The CLI commands need no display and keep working.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from goalform.ui.app import display_check

from goalform.ui.app import launcher

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "form-2026.goal"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux desktops")


def no_gui(*_args, **_kwargs):
    raise AssertionError("the GUI was started although the display cannot work")


@linux_only
def test_missing_xcb_library_names_it_and_the_apt_line(monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(display_check, "missing_libraries", lambda: ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"])
    monkeypatch.setattr(display_check, "display_reachable", no_gui)  # the libraries come first
    monkeypatch.setattr("goalform.ui.app.app.start", no_gui)
    assert launcher.main([str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert "缺少图形界面所需的系统库 libxcb-cursor.so.0、libxkbcommon-x11.so.0" in err
    assert "sudo apt install libxcb-cursor0 libxkbcommon-x11-0\n" in err
    assert "goalform validate" in err and "Traceback" not in err


@linux_only
def test_no_display_is_said_before_qt_tries(monkeypatch):
    monkeypatch.setattr(display_check, "missing_libraries", no_gui)  # not even probed without a display
    env = {"QT_QPA_PLATFORM": "xcb"}
    assert "未设置 DISPLAY" in display_check.problem(env)
    assert "未设置 DISPLAY" in display_check.problem({})  # Qt's default on Linux is xcb
    assert "WAYLAND_DISPLAY" in display_check.problem({"QT_QPA_PLATFORM": "wayland"})
    assert display_check.problem({"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert display_check.platform_name({"QT_QPA_PLATFORM": "xcb;wayland"}) == "xcb"
    assert display_check.platform_name({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"


@linux_only
def test_the_real_plugin_loads_when_its_libraries_are_there():
    plugin = next((d / "platforms" / "libqxcb.so" for d in display_check.plugin_dirs()
                   if (d / "platforms" / "libqxcb.so").is_file()), None)
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    found = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout if shutil.which("ldd") else ""
    if not found or "not found" in found:
        pytest.skip("this machine lacks a library of the xcb plugin")
    assert display_check.missing_libraries() == []


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "GOALFORM_LANG": "zh", **extra}


@linux_only
def test_without_a_display_the_gui_exits_2_and_the_cli_still_works(tmp_path):
    env = clean_env(QT_QPA_PLATFORM="xcb", GOALFORM_DATA_DIR=str(tmp_path))
    gui = subprocess.run([sys.executable, "-m", "goalform", str(EXAMPLE)], env=env, capture_output=True, text=True,
                         timeout=60)
    assert gui.returncode == 2, gui.stderr
    assert "无法打开窗口：没有图形显示（未设置 DISPLAY）" in gui.stderr
    assert "Could not load the Qt platform plugin" not in gui.stderr and "Traceback" not in gui.stderr
    cli = subprocess.run([sys.executable, "-m", "goalform", "validate", str(EXAMPLE)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert cli.returncode in (0, 1) and "错误" in cli.stdout, cli.stderr


@linux_only
def test_a_display_nobody_answers_is_named(tmp_path):
    env = clean_env(QT_QPA_PLATFORM="xcb", DISPLAY=":987", GOALFORM_DATA_DIR=str(tmp_path))
    gui = subprocess.run([sys.executable, "-m", "goalform", str(EXAMPLE)], env=env, capture_output=True, text=True,
                         timeout=60)
    if "缺少图形界面所需的系统库" in gui.stderr:
        pytest.skip("this machine lacks a library of the xcb plugin")
    assert gui.returncode == 2, gui.stderr
    assert "连接不上图形显示 :987" in gui.stderr and "Traceback" not in gui.stderr


@linux_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("unshare"),
                    reason="hiding a system library needs root and unshare")
def test_a_really_missing_library_is_named(tmp_path):
    """libxcb-cursor.so.0 made unloadable in a private mount namespace: the real dlopen failure is read."""
    lib = Path("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    if not lib.exists():
        pytest.skip("libxcb-cursor0 is not installed here")
    target = lib.resolve()
    script = f"mount --bind /dev/null {target} && exec \"$@\""
    env = clean_env(QT_QPA_PLATFORM="xcb", DISPLAY=":0", GOALFORM_DATA_DIR=str(tmp_path))
    proc = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                           sys.executable, "-m", "goalform", str(EXAMPLE)], env=env, capture_output=True, text=True,
                          timeout=60)
    if "mount" in proc.stderr and proc.returncode != 2:
        pytest.skip(f"mount not permitted here: {proc.stderr.strip()[:100]}")
    assert proc.returncode == 2, proc.stderr
    assert "libxcb-cursor.so.0" in proc.stderr and "sudo apt install libxcb-cursor0" in proc.stderr
