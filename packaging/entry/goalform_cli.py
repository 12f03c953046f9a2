"""Frozen entry point of ``goalform`` (goalform.exe): the CLI when given a command, the GUI otherwise."""
import multiprocessing

from goalform.cli import entry

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes (a summary of many files) in the frozen build
    entry()
