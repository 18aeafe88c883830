"""A heavy-headed table drawn as text, as rich draws it, without loading rich's console.

The terminal views (the week above all) print one table. Loading ``rich.console`` and
``rich.table`` costs more than reading the week and laying it out, so ``draw`` lays the
table out the way ``rich.table.Table`` does (the same widths, the same wrapping, the same
box and padding, the same escape codes) for the cases the views meet: every column at its
natural width, or the columns that may wrap narrowed until the table fits. Anything else
(a table that must also narrow its unbreakable columns or that rich would lay out wider
than asked, tabs or control characters, a dumb or non-UTF-8 terminal, Jupyter, IDLE) is
left to rich: ``draw`` or ``stdout_screen`` returns ``None``.
``tests/test_boxed.py`` holds it to rich's own output, character for character.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from rich._wrap import divide_line  # rich's own word wrap: the lines break where rich's do
from rich.cells import cell_len, set_cell_size

# the SGR codes of the styles the views use, in rich's order (attributes, then colour)
_ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3"}
_COLOURS = {"red": "31", "green": "32", "yellow": "33"}
# control characters but "\n" (rich expands tabs, keeps others as zero-width), and the
# zero-width joiner (rich counts it at the end of a line)
_ODD = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\u200d]")
_TRAILING_SPACE = re.compile(r"\s+$")
# the heavy head: top, header row, the rule under it, body rows, bottom
_TOP, _HEAD, _RULE, _BODY, _BOTTOM = "┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "└─┴┘"


@dataclass(frozen=True)
class Screen:
    """Where stdout goes, as rich's console would see it: a terminal or not, its width, and
    whether colours may be used (bold and dim are kept without colours, as rich keeps them)."""

    terminal: bool
    width: int
    colour: bool


def stdout_screen(no_color: bool) -> Screen | None:
    """What rich's console decides for stdout, read from the same environment; ``None``
    where rich has rules of its own (a dumb terminal, Windows, Jupyter, IDLE, a non-UTF-8
    stream, a width of 0)."""
    environ = os.environ
    if sys.platform == "win32" or environ.get("TERM", "").lower() in ("dumb", "unknown") \
            or "IPython" in sys.modules \
            or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return None  # rich's own rules: legacy Windows, dumb terminals, Jupyter, IDLE
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    compatible = environ.get("TTY_COMPATIBLE", "")
    force = environ.get("FORCE_COLOR")
    if compatible in ("0", "1"):
        terminal = compatible == "1"
    elif force is not None:
        terminal = force != ""
    else:
        try:
            terminal = bool(sys.stdout.isatty())
        except (AttributeError, ValueError):
            terminal = False
    width = None
    for fd in (0, 1, 2):  # rich asks stdin, stdout and stderr in turn
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
        if not width:
            return None  # rich takes a width of 0 as it is
    colour = not (no_color or environ.get("NO_COLOR", "") != "")
    return Screen(terminal, width or 80, colour)


def draw(headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int,
         title: str | None = None, row_styles: Sequence[str | None] | None = None,
         cell_styles: Sequence[Sequence[str | None]] | None = None,
         no_wrap: Sequence[int] = (), min_widths: Sequence[int | None] = (),
         escapes: bool = False, colour: bool = True) -> str | None:
    """The table as ``rich.table.Table(box=HEAVY_HEAD, header_style="bold",
    title_justify="left")`` prints it ``width`` columns wide, each line ending in a newline;
    with ``escapes`` its styles as terminal codes, never wider than ``width``. ``None`` when
    rich would have to do more, or would lay it out wider."""
    cells = [list(headers), *(list(r) for r in rows)]
    if any(_ODD.search(c) for row in cells for c in row) or any("[" in h for h in headers) \
            or (title and _ODD.search(title)):
        return None  # rich expands tabs and reads markup in headers: left to rich
    styles = [*(row_styles or [None] * len(rows))]
    if any(s not in (None, "", *_ATTRIBUTES, *_COLOURS) for s in styles) or any(
            s not in (None, "", *_ATTRIBUTES, *_COLOURS) for r in cell_styles or [] for s in r):
        return None
    count = len(headers)
    limit = max(0, width - (count + 1))  # a border takes a column, and one more
    minimum = [(min_widths[i] if i < len(min_widths) else None) for i in range(count)]
    columns = [[row[i] for row in cells] for i in range(count)]
    widths = [_measure(col, limit, minimum[i])[1] or 1 for i, col in enumerate(columns)]
    if sum(widths) > limit:
        wrapable = [i not in no_wrap for i in range(count)]
        widths = _collapse(widths, wrapable, limit)
        if sum(widths) > limit:
            return None  # rich would narrow every column evenly, cutting words: its own way
        widths = [_measure(col, w, minimum[i])[1] for i, (col, w) in
                  enumerate(zip(columns, widths, strict=True))]
    total = sum(widths) + count + 1
    if min(widths) < 3 or total > width:
        # a column with no room inside its padding, or columns wider than asked (a column's
        # least width counts letters, not cells): rich's corner cases
        return None
    lines = [set_cell_size(part, total) for part in _wrap(title, total, False)] if title else []

    def paint(text: str, *names: str | None) -> str:
        if not escapes:
            return text
        attributes = [_ATTRIBUTES[n] for n in _ATTRIBUTES if n in names]
        colours = [_COLOURS[n] for n in names if n in _COLOURS] if colour else []
        codes = ";".join(attributes + colours[-1:])
        return f"\x1b[{codes}m{text}\x1b[0m" if codes else text

    def row_lines(row: Sequence[str], header: bool, style: str | None,
                  cell_style: Sequence[str | None]) -> list[str]:
        blocks = []
        for i, (text, w) in enumerate(zip(row, widths, strict=True)):
            inner = [set_cell_size(part, w - 2) for part in
                     _wrap(text, w - 2, i in no_wrap)]
            blocks.append((inner, w, cell_style[i] if cell_style else None))
        height = max(len(inner) for inner, _, _ in blocks)
        out = []
        for k in range(height):
            parts = []
            for inner, w, own in blocks:
                at = k - (height - len(inner)) if header else k  # a header sits at the bottom
                if 0 <= at < len(inner):
                    parts.append(paint(" ", style) + paint(inner[at], style, own)
                                 + paint(" ", style))
                else:
                    parts.append(paint(" " * w, style))
            edge = _HEAD if header else _BODY
            out.append(edge[0] + edge[1].join(parts) + edge[2])
        return out

    lines.append(_TOP[0] + _TOP[2].join(_TOP[1] * w for w in widths) + _TOP[3])
    lines += row_lines(cells[0], True, "bold", [])
    lines.append(_RULE[0] + _RULE[2].join(_RULE[1] * w for w in widths) + _RULE[3])
    for i, row in enumerate(cells[1:]):
        lines += row_lines(row, False, styles[i] if styles else None,
                           cell_styles[i] if cell_styles else [])
    lines.append(_BOTTOM[0] + _BOTTOM[2].join(_BOTTOM[1] * w for w in widths) + _BOTTOM[3])
    return "".join(line + "\n" for line in lines)


def _measure(texts: Sequence[str], limit: int, min_width: int | None) -> tuple[int, int]:
    """A column's narrowest and widest, padding included, ``limit`` wide at most (rich's
    ``Measurement`` of padded text, clamped to the column's ``min_width``)."""
    if limit < 1:
        return 0, 0
    low = high = 0
    first = True
    for text in texts:
        if limit - 2 < 1:
            m = (limit, limit)
        else:
            longest = max((cell_len(line) for line in text.splitlines()), default=0)
            shortest = max((cell_len(w) for w in text.split()), default=longest)
            shortest = max(0, min(max(0, shortest), longest))  # rich's normalize()
            longest = max(0, shortest, longest)
            shortest, longest = min(shortest, limit - 2), min(longest, limit - 2)
            if longest < 1:
                shortest = longest = 0
            m = (min(shortest + 2, limit), min(longest + 2, limit))
            if m[1] < 1:
                m = (0, 0)
        low, high = (m if first else (max(low, m[0]), max(high, m[1])))
        first = False
    low, high = min(low, limit), min(high, limit)
    if min_width is not None:
        low, high = max(low, min_width + 2), max(high, min_width + 2)
    return low, high


def _collapse(widths: list[int], wrapable: list[bool], limit: int) -> list[int]:
    """The widest columns that may wrap narrowed in turn to the next widest, until the
    table fits (rich's ``Table._collapse_widths``)."""
    total = sum(widths)
    excess = total - limit
    if not any(wrapable):
        return widths
    while total and excess > 0:
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max((w if ok and w != widest else 0)
                     for w, ok in zip(widths, wrapable, strict=True))
        ratios = [1 if (w == widest and ok) else 0
                  for w, ok in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        total = sum(widths)
        excess = total - limit
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]
            ) -> list[int]:
    """``total`` taken from ``values`` in proportion to ``ratios`` (rich's ``ratio_reduce``)."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    left_ratio = sum(ratios)
    if not left_ratio:
        return values[:]
    left = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and left_ratio > 0:
            taken = min(maximum, round(ratio * left / left_ratio))
            result.append(value - taken)
            left -= taken
            left_ratio -= ratio
        else:
            result.append(value)
    return result


def _wrap(text: str, width: int, keep: bool) -> list[str]:
    """A cell's lines ``width`` wide at most: each line of it broken between words (a word
    longer than the width folded), or kept whole when the column never wraps."""
    out = []
    for line in text.split("\n"):
        if keep:
            out.append(line)
            continue
        offsets = divide_line(line, width, fold=True)
        for start, end in zip([0, *offsets], [*offsets, len(line)], strict=True):
            part = line[start:end]
            if len(part) > width:  # whitespace beyond the width goes (rich's rstrip_end)
                space = _TRAILING_SPACE.search(part)
                if space:
                    part = part[:len(part) - min(len(space.group(0)), len(part) - width)]
            out.append(part)
    return out
