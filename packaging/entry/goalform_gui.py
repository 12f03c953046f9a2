"""Frozen entry point of ``goalform-gui.exe`` (Windows, no console): always the GUI, optionally with a file."""
import sys

from goalform.ui.launcher import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
