"""The largest form goalform reads or writes, in one place.

A .goal, a Word or an Excel file can come from anyone; these limits keep a crafted or broken file
from hanging the program or exhausting memory. They are generous: the largest real forms seen hold a
few hundred indicators and cells of a few hundred characters. Readers check them *before* loading
everything (counting rows or measuring lengths first) and refuse a file past them with a message
that names the limit (see README, "Limits").
"""
from __future__ import annotations

# Indicators (all levels) in one tree (长期目标 or 年度目标) of a form.
MAX_INDICATORS_PER_TREE = 5_000
# Characters in one cell: a field, a text section, an amount, an indicator's column, a 审核意见.
MAX_CELL_CHARS = 20_000
# Rows in any other table of a .goal (fields, amounts, 审核意见, status history).
MAX_OTHER_ROWS = 10_000
# Size of a .goal file on disk.
MAX_FILE_BYTES = 200 * 1024 * 1024
# Seconds the checks of an untrusted .goal may take before it is refused (a real form needs milliseconds).
MAX_CHECK_SECONDS = 30.0


def count_text(n: int) -> str:
    """A limit written for a message: 20,000 -> '20,000'."""
    return f"{n:,}"


def file_size_text(n: int = MAX_FILE_BYTES) -> str:
    return f"{n // (1024 * 1024)} MB"
