# Builds dist\goalform\ (PyInstaller) and dist\goalform-<version>-setup.exe (Inno Setup) on Windows.
# Needs: 64-bit Python 3.11 (py launcher), Inno Setup 6 (ISCC.exe on PATH or in its default folder).
# Run from anywhere:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# -Python C:\path\to\python.exe: the Python 3.11 x64 to build with (CI); default: the py launcher's.
param([string]$Python = "")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if ($Python) { & $Python -m venv .venv } else { py -3.11-64 -m venv .venv }
    if ($LASTEXITCODE -ne 0) { throw "could not create .venv with Python 3.11 x64" }
}
$python = ".venv\Scripts\python.exe"
& $python -m pip install --upgrade pip
# The pinned, hash-checked versions that `make windows` builds with under Wine (same Qt, same PyInstaller),
# then goalform itself with whatever else its metadata asks for (nothing, when the pins are complete).
& $python -m pip install --no-deps --require-hashes -r packaging\windows\requirements.txt
if ($LASTEXITCODE -ne 0) { throw "pip install of the pinned requirements failed" }
& $python -m pip install -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# Stages goalform, writes the build info, runs PyInstaller on packaging\goalform.spec, then
# ISCC /DAppVersion=<version from the package metadata> packaging\windows\goalform.iss.
& $python packaging\build.py --installer
if ($LASTEXITCODE -ne 0) { throw "build failed" }

# The same checks as on Linux: CLI, templates, GUI start (offscreen), size.
& $python packaging\check_bundle.py --in-place
if ($LASTEXITCODE -ne 0) { throw "bundle check failed" }
