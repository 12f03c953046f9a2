"""Frozen entry point of ``goalform-gui.exe`` (Windows, no console): always the GUI, optionally with a file."""
import multiprocessing
import sys

from goalform.ui.app.launcher import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes (a summary of many files) in the frozen build
    sys.exit(main(sys.argv[1:]))
