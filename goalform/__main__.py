import sys

from goalform.cli import main

if __name__ == "__main__":  # not when a worker process (goalform summarize) imports it
    sys.exit(main())
