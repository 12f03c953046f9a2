"""Test configuration: offscreen Qt, a private data folder per test, fixtures built through the API."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

TESTS = Path(__file__).parent
DATA = TESTS / "data"
sys.path.insert(0, str(TESTS))  # for formdump and the helpers below


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder: working copies never leak between tests."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("GOALFORM_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _default_signals() -> object:
    """The CLI installs its Ctrl+C/SIGTERM/SIGHUP handling when imported or run (goalform.signals);
    each test starts and ends with Python's own, as a program importing goalform would have it."""
    from goalform import signals

    signals.uninstall()
    yield
    signals.uninstall()


@pytest.fixture
def data_dir() -> Path:
    return DATA


# Property tests explore new random examples on developers' machines; on CI they replay a fixed
# sequence, so that a submission's result does not depend on the luck of the draw.
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that run the real event loop through the launcher (``app.exec()`` ended by ``quit()``)
    go last: after them no QTimer fires again in this process, so GUI tests that wait on a timer would
    time out. They sorted last before ui/ had feature folders; this keeps it so."""
    last = [item for item in items if item.path.name == "test_quit_after_show.py"]
    items[:] = [item for item in items if item not in last] + last
