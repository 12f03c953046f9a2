import multiprocessing
import sys

from goalform.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes (goalform summarize) of a frozen build
    sys.exit(main())
