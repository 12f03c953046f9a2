"""Run every benchmark in bench/ (files named bench_*.py) and print their figures.

Each benchmark is a script that prints its own figures and the target it is measured against.
Usage: python bench/run.py [NAME ...]   (NAME: part of a benchmark file name)
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(a in s.name for a in argv)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        rc = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
