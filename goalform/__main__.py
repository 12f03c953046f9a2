import sys

from goalform.cli import main

sys.exit(main())
