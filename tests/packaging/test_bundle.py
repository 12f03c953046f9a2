"""The real thing: build the one-folder bundle and run packaging/check_bundle.py on it.

Slow (about 30 s on 2 cores: build 21 s, check 9 s, with PyInstaller's cache cold), so it runs only
with GOALFORM_TEST_PACKAGE=1 and the ``package`` extra installed: `make package check-package`
does the same outside pytest.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from packaging_helpers import PACKAGING


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("GOALFORM_TEST_PACKAGE") != "1",
                    reason="builds the bundle: set GOALFORM_TEST_PACKAGE=1 (needs the `package` extra)")
def test_bundle_builds_and_passes_its_checks_in_a_clean_environment():
    pytest.importorskip("PyInstaller", reason="the `package` extra is not installed")
    started = time.monotonic()
    build = subprocess.run([sys.executable, str(PACKAGING / "build.py")], capture_output=True, text=True,
                           encoding="utf-8", timeout=1800)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    built = time.monotonic()
    check = subprocess.run([sys.executable, str(PACKAGING / "check_bundle.py")], capture_output=True, text=True,
                           encoding="utf-8", timeout=600)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "bundle OK" in check.stdout and "FAIL" not in check.stdout
    print(f"\nbuild {built - started:.0f} s, check {time.monotonic() - built:.0f} s\n{check.stdout}")
