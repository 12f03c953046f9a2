"""Frozen entry point of ``goalform`` (goalform.exe): the CLI when given a command, the GUI otherwise."""
import sys

from goalform.cli import main

if __name__ == "__main__":
    sys.exit(main())
