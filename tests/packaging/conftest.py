"""Packaging tests: make packaging_helpers importable (tests use --import-mode=importlib)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
