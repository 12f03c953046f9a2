"""The documented limits of goalform: the largest form, cell and file it accepts (README, 限制).

Past a limit goalform refuses with a Chinese message naming the limit; it never crashes, hangs or
silently drops data. The figures are far above any real form (the largest reference form has about a
hundred rows) and low enough that an old office PC reads the worst allowed file in seconds.
"""
from __future__ import annotations

MiB = 1 << 20

# -- importing Word and Excel files ------------------------------------------------------------------
MAX_IMPORT_ROWS = 10_000  # rows of the form's table (each indicator is a row)
MAX_IMPORT_COLUMNS = 64  # columns of the form's table (the official layout has 9)
MAX_IMPORT_CELLS = 200_000  # cells with text on a sheet (10,000 rows of the form's 9 columns: 90,000)
MAX_INDICATORS = 10_000  # indicators of an imported form
MAX_CELL_CHARS = 100_000  # characters in one cell or paragraph (Excel itself stops at 32,767)
# Characters of a whole form: every cell, field, text section and 审核意见 together (a real form has
# a few thousand). Importing counts them as the cells are filled, so a sheet whose cells all point
# to one long shared string counts that string once per cell; a .goal is held to it too, apart from
# its notes (at most MAX_CELL_CHARS, which import and rollover fill with what has no other place),
# so that the largest allowed form opens, shows, reviews, summarizes and exports (Word, Excel and PDF)
# within 20 s and 1 GiB, with room to spare (bench/bench_largest_goal.py). The PDF sets it: laying out
# and drawing are about linear in the characters, and 10,000,000 characters took 17 s of CPU (CJK) and
# 27 s (characters no installed font has, which Qt looks for in every font on the machine); half of
# that stays under 15 s for both.
MAX_FORM_CHARS = 5_000_000
MAX_MERGED_RANGES = 50_000  # merged ranges on one sheet

# Zip packages (.docx, .xlsx): checked before and while anything is inflated.
MAX_ZIP_MEMBERS = 10_000  # entries in the package
MAX_ZIP_DIRECTORY_BYTES = 4 * MiB  # the central directory, read before any entry
MAX_ZIP_MEMBER_BYTES = 32 * MiB  # one part, inflated (declared size and bytes actually read)
MAX_ZIP_TOTAL_BYTES = 128 * MiB  # all parts read from one package, inflated

# XML parts: no DTD (so no entities), at most this deep, at most this many tags ('<'; a Word table
# of 10,000 rows has about 1.2 million), which bounds the parsed tree to a few hundred MB.
MAX_XML_DEPTH = 128
MAX_XML_TAGS = 2_000_000

# Legacy .doc/.xls/.wps/.et through LibreOffice.
LEGACY_TIMEOUT_SECONDS = 120
LEGACY_MEMORY_BYTES = 2048 * MiB  # address space of the LibreOffice process (it needs about 1 GB)

# -- .goal files (goalform.store) ----------------------------------------------------------------------
# A .goal holds at most MAX_INDICATORS indicators (both trees together) and MAX_CELL_CHARS characters
# in any cell (a field, text section, amount, indicator column or 审核意见), like an imported form, so
# that every form goalform imports can be saved and opened again.
MAX_GOAL_OTHER_ROWS = 10_000  # rows of any other table: fields, amounts, 审核意见, status changes
MAX_GOAL_BYTES = 64 * MiB  # size of a .goal file, checked before it is read (MAX_FORM_CHARS of 4-byte text)
MAX_GOAL_CHECK_SECONDS = 30.0  # the checks of an opened .goal (a real form needs milliseconds)


# The library's search keys (pinyin) are made from the first characters of a name: an indicator's name
# is a few words, and a 90,000-character name must not cost minutes of pinyin.
PINYIN_KEY_CHARS = 32
# Indicators learned from one opened form (我的表), and the characters kept of each learned text: a
# form with thousands of long indicators must not stall the window or grow the library by megabytes.
MAX_LEARNED_PER_FORM = 500
MAX_LEARNED_CHARS = 500
# Entries of the indicator library (built-in, bureaus' sheets and learned ones together): listing and
# searching hold them all in memory (a million took 21 s and 1.6 GB to list).
MAX_LIBRARY_ENTRIES = 100_000


def count_text(n: int) -> str:
    """A limit written for a message: 10000 -> '10,000'."""
    return f"{n:,}"
