# Two entry points a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE ?= examples/form-2026.goal

.PHONY: run test venv bench examples clean package check-package windows check-windows
.PHONY: package-arm64 check-package-arm64

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install whenever the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/goalform "$(EXAMPLE)"

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

examples: $(STAMP)
	$(BIN)/python examples/build_examples.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The one-folder bundle, .tar.gz and .deb in dist/ (packaging/README.md); check-package runs the bundle in a
# clean environment and installs and purges the .deb (root). The Windows setup: `make windows check-windows`.
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/python packaging/build.py

check-package: $(STAMP)
	$(BIN)/python packaging/check_bundle.py
	$(BIN)/python packaging/check_deb.py

# The real Windows program, built on Linux under Wine (packaging/wine_build.py; packaging/README.md):
# embeddable CPython and the pinned win_amd64 wheels (downloads cached in ~/.cache/goalform-windows),
# PyInstaller with the project's spec, Inno Setup -> dist/goalform-VERSION-setup.exe. check-windows
# installs it in a fresh Wine prefix, runs the installed program (CLI, exports, GUI on Xvfb) and
# uninstalls it. Installs nothing on the machine: Wine comes from .ci/run. No Wine: one SKIP line.
windows: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/python packaging/wine_build.py

check-windows: $(STAMP)
	$(BIN)/python packaging/check_windows.py

# arm64 (信创 office PCs): dist/goalform_VERSION_arm64.deb built in an arm64 Debian 12 chroot under qemu-user,
# then installed with apt into a clean one and run there (packaging/README.md, "The arm64 .deb"). Root, with
# qemu-user-static, binfmt-support and debootstrap; without them each prints one SKIP line. The chroots are
# cached in /var/cache/goalform-arm64 (GOALFORM_ARM64_CACHE).
package-arm64: $(STAMP)
	$(BIN)/python packaging/build_arm64.py

check-package-arm64: $(STAMP)
	$(BIN)/python packaging/check_arm64.py

clean:
	rm -rf $(VENV) build dist *.egg-info
