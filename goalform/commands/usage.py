"""The error a command raises for unusable input (a bad option, a wrong output name).

It lives here, beside the commands, not in ``goalform.cli``: cli.py loads the command modules by
name, so a command importing cli would close an import circle that no import scan of cli.py sees.
"""
from __future__ import annotations

from goalform.domain.errors import UserError


class UsageError(UserError):
    """Unusable input: printed on one line, exit code 2."""
