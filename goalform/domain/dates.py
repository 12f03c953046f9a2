"""Dates as clerks write them: 2025-12-31, 2025/12/31, 2025.12.31, 2025年12月31日, 20251231."""
from __future__ import annotations

import datetime
import re
import unicodedata

_DATE = re.compile(r"(\d{4})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})\s*日?")


def parse_date(text: str) -> datetime.date | None:
    """The date ``text`` means, or None when it is blank or not a real date."""
    s = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.fullmatch(s)
    if m:
        year, month, day = m.groups()
    elif len(s) == 8 and s.isdecimal():  # 20251231 (isdecimal: the digits \d matches)
        year, month, day = s[:4], s[4:6], s[6:]
    else:
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # 2025-02-30
        return None


def normalized_date(text: str) -> str:
    """``text`` as the form stores a date (2025-12-31) when it reads as one, else ``text`` unchanged.

    Clerks type 2025/12/5, 2025.12.5 or 2025年12月5日; the form (and the calendar) keep one spelling so
    that exports, comparisons and the next year's rollover all see the same text.
    """
    date = parse_date(text)
    return date.isoformat() if date is not None else text
