"""The form's notes (备注) as the one cell that collects text from elsewhere, kept within its limit.

Import puts whatever found no place in the form into the notes, and rollover its [待核对] marks; both
can be longer than a cell may be (``MAX_CELL_CHARS``: a .goal refuses longer cells, so such a form
could never be saved). :func:`fit_notes` keeps whole lines from the start while they fit and ends
with one line saying how many lines and characters were left out, so that nothing is dropped silently.
"""
from __future__ import annotations

from goalform.domain.limits import MAX_CELL_CHARS, count_text

# Room kept for the closing line that says what was left out.
_RESERVE = 200


def dropped_line(lines: int, chars: int, what: str) -> str:
    what = f"{what}，" if what else ""
    return (f"……其余 {count_text(lines)} 行（{what}共 {count_text(chars)} 字）超过备注 {count_text(MAX_CELL_CHARS)} 字"
            "的上限，没有保存，请对照原文件")


def fit_notes(kept: str, block: list[str], what: str = "", limit: int = MAX_CELL_CHARS) -> str:
    """``kept`` (the notes so far), a blank line and the lines of ``block``, cut to ``limit``
    characters at a line; ``what`` names the lines that may be left out (e.g. 「未能放入表中的内容」)."""
    text = "\n\n".join(part for part in (kept, "\n".join(block)) if part)
    if len(text) <= limit:
        return text
    room = limit - _RESERVE
    lines = (kept.split("\n") + [""] if kept else []) + [line for chunk in block for line in chunk.split("\n")]
    out: list[str] = []
    used = 0
    for n, line in enumerate(lines):
        cost = len(line) + (1 if out else 0)
        if used + cost > room:
            keep = room - used - (1 if out else 0) - 1  # a long line: its start and 「…」, if there is room
            if keep < 40:
                rest = lines[n:]
            else:
                out.append(line[:keep] + "…")
                rest = [line[keep:]] + lines[n + 1:]
            break
        out.append(line)
        used += cost
    else:  # pragma: no cover - the whole text fitted after all
        return text
    chars = sum(len(line) for line in rest)
    out.append(dropped_line(len(rest), chars, what))
    return "\n".join(out)
