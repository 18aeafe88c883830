"""The one output object: tables or JSON on stdout, messages and warnings on stderr."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ronda.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

    from ronda.cli.boxed import Screen


PLAIN_TABLE_ROWS = 100


class Shown(str):
    """A table header already in the reader's language (a day name), not a message key."""


_ESCAPE = "\x1b["


def _visible_width(line: str) -> int:
    """The columns a rendered line takes on the terminal, its colour codes left out."""
    from rich.cells import cell_len

    if _ESCAPE in line:
        import re

        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    return cell_len(line)


def _write_trimmed(text: str) -> None:
    """``text`` on stdout without the spaces that end its lines (piped output)."""
    sys.stdout.write("".join(line.rstrip() + "\n" for line in text.splitlines()))


class Output:
    """Renders for one command in one language."""

    def __init__(self, lang: str, *, no_color: bool = False) -> None:
        self.lang = lang
        self.no_color = no_color

    def t(self, key: str, /, **args: Any) -> str:
        """The text of ``key``; dates, moments and core values that ``localise`` themselves
        among ``args`` read as the user's (``28/11/2026``, ``28/11/2026 22.00``), so the core
        can raise errors naming them."""
        return t(key, self.lang, **{k: self._local(v) for k, v in args.items()})

    def _local(self, value: Any) -> Any:
        from datetime import date, datetime

        if hasattr(value, "localise"):  # a core value that names itself (a shift, a night)
            return value.localise(self.lang)
        if isinstance(value, datetime):
            from ronda.dates import format_date, format_time

            return f"{format_date(value.date(), self.lang, weekday=False)} " \
                   f"{format_time(value.time(), self.lang)}"
        if isinstance(value, date):
            from ronda.dates import format_date

            return format_date(value, self.lang, weekday=False)
        return value

    def _header(self, header: str) -> str:
        return header if isinstance(header, Shown) else self.t(header)

    def _console(self, stderr: bool) -> Console:
        from rich.console import Console

        return Console(stderr=stderr, no_color=self.no_color or None, highlight=False, emoji=False,
                       soft_wrap=stderr)

    @cached_property
    def console(self) -> Console:
        return self._console(stderr=False)

    @cached_property
    def screen(self) -> Screen | None:
        """Where stdout goes, read without loading rich's console (see ``boxed``)."""
        from ronda.cli.boxed import stdout_screen

        return stdout_screen(self.no_color)

    @cached_property
    def err(self) -> Console:
        return self._console(stderr=True)

    # messages (stderr)
    def say(self, key: str, /, **args: Any) -> None:
        self.line(self.t(key, **args))

    def done(self, key: str, /, **args: Any) -> None:
        self.line("✓ " + self.t(key, **args), style="green")

    def warn(self, key: str, /, **args: Any) -> None:
        self.line(self.t("label.warning") + ": " + self.t(key, **args), style="yellow")

    def line(self, text: str, *, style: str | None = None) -> None:
        """A message on stderr; on a terminal wrapped at the spaces between words to its
        width (an indented item's later lines hanging under its first), so the terminal
        never breaks a word, a number or a date; piped, one line as it is."""
        from rich.cells import cell_len

        if self.err.is_terminal and cell_len(text) > self.err.width:
            indent = " " * (len(text) - len(text.lstrip(" ")))
            indent += "  " if indent else ""  # an item's lines hang under its first
            text = "\n".join(textwrap.wrap(text, self.err.width, subsequent_indent=indent,
                                           break_long_words=False, break_on_hyphens=False))
        self.err.print(text, style=style, markup=False)

    def error_line(self, text: str) -> None:
        self.err.print(self.t("label.error") + ": " + text, style="red", markup=False)

    # data (stdout)
    def emit(self, as_json: bool, data: Any, render: Callable[[], None]) -> None:
        """The one output path of a list or show command: ``data`` (or what it returns, when
        it is a function) as JSON with ``--json``, else ``render()`` for people."""
        if as_json:
            self.json(data() if callable(data) else data)
        else:
            render()

    def json(self, data: Any) -> None:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def text(self, text: str) -> None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
              title: str | None = None, row_styles: Sequence[str | None] | None = None,
              no_wrap: Sequence[int] = (), compact: bool = False,
              cell_styles: Sequence[Sequence[str | None]] | None = None) -> None:
        """A table whose header cells are message keys (or ``Shown``) and whose cells are
        plain text (``cell_styles``: a style for single cells, e.g. a short night in red).

        Long tables print as plain aligned text: rich takes about 1 ms a row to lay out.
        """
        if len(rows) > PLAIN_TABLE_ROWS:
            self._plain_table([self._header(k) for k in headers], rows, title)
            return
        from rich.cells import cell_len

        shown = [self._header(key) for key in headers]
        least = natural = 1  # the narrowest it can be without cutting anything; its own
        kept: list[int] = []
        minimums: list[int | None] = []
        for i, header in enumerate(shown):
            # words may wrap; figures, dates, hours, phones and money never break
            words = any(" " in line for row in rows for line in row[i].splitlines())
            longest = max((len(w) for row in rows for w in row[i].split()), default=0)
            keep = not words or i in no_wrap
            kept += [i] if keep else []
            minimums.append(min(longest, 14) if words else None)
            cells = max((cell_len(line) for row in rows for line in row[i].splitlines()),
                        default=0)
            narrowest = max(min(longest, 14), *(cell_len(w) for w in header.split()), 3)
            pad = 2 if compact else 3
            least += (max(cells, cell_len(header)) if keep else narrowest) + pad
            natural += max(cells, cell_len(header)) + pad
        screen = None if compact else self.screen
        if screen is not None and (not screen.terminal or least <= screen.width):
            from ronda.cli.boxed import draw

            drawn = draw(shown, rows, width=screen.width if screen.terminal else
                         max(screen.width, natural), title=title, row_styles=row_styles,
                         cell_styles=cell_styles, no_wrap=kept, min_widths=minimums,
                         escapes=screen.terminal, colour=screen.colour)
            if drawn is not None:  # never wider than asked (else it is None)
                if screen.terminal:
                    sys.stdout.write(drawn)
                    sys.stdout.flush()
                else:  # piped or redirected: full width, nothing cut
                    _write_trimmed(drawn)
                return
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(title) if title else None, header_style="bold",
                      title_justify="left",
                      box=box.SIMPLE_HEAD if compact else box.HEAVY_HEAD,
                      pad_edge=not compact, collapse_padding=compact)
        for i, header in enumerate(shown):
            table.add_column(header, overflow="fold", no_wrap=i in kept,
                             min_width=minimums[i])
        for i, row in enumerate(rows):
            table.add_row(*(Text(cell, style=(cell_styles[i][j] or "") if cell_styles else "")
                            for j, cell in enumerate(row)),
                          style=(row_styles[i] if row_styles else None))
        console = self.console
        if not console.is_terminal:  # piped or redirected: full width, nothing cut
            from rich.console import Console

            plain = Console(width=max(console.width, natural), no_color=True, highlight=False,
                            emoji=False, force_terminal=False)
            with plain.capture() as captured:
                plain.print(table)
            _write_trimmed(captured.get())
        elif least > console.width:  # too narrow even wrapped: one block a row
            self._stacked(shown, rows, title, row_styles)
        else:
            # laid out once: rich's column minimums can add up to a little more than the
            # width it was given, and then it would crop the right edge; such a table is
            # shown a block a row instead
            with console.capture() as captured:
                console.print(table, crop=False)
            printed = captured.get()
            if all(_visible_width(line) <= console.width for line in printed.splitlines()):
                console.file.write(printed)
                console.file.flush()
            else:
                self._stacked(shown, rows, title, row_styles)

    def _stacked(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 title: str | None, row_styles: Sequence[str | None] | None) -> None:
        """A table too wide for the terminal, a block a row: the first column as a heading
        (with the second when the first is an id), short values packed on indented lines
        (``Plan: 6 · Share: 5.1``, never broken inside a pair), longer ones as ``Header: value``
        with their lines indented; nothing is cut."""
        from rich.cells import cell_len
        from rich.text import Text

        console = self.console
        width = max(console.width - 2, 20)
        if title:
            console.print(Text(title, style="bold"))
        for i, row in enumerate(rows):
            style = row_styles[i] if row_styles else None
            # an id alone is no heading: take the name with it; an empty first cell goes on
            # the block above (a night's second shift)
            first = 2 if row[0].strip() and cell_len(row[0]) <= 4 and len(row) > 1 else 1
            heading = "  ".join(" · ".join(c.splitlines()) for c in row[:first] if c.strip())
            if heading:
                console.print(Text(heading, style="bold"))
            # in the columns' order, every block alike: short values side by side, a long one
            # on lines of its own, wrapped lines hanging under the value's start
            packed: list[str] = []
            joinable = False
            for header, cell in zip(headers[first:], row[first:], strict=True):
                lines = [line.strip() for line in cell.splitlines() if line.strip()]
                if len(lines) == 1 and len(lines[0]) <= 24:
                    pair = f"{header}: {lines[0]}"
                    if joinable and cell_len(packed[-1]) + 3 + cell_len(pair) <= width:
                        packed[-1] += " · " + pair
                    else:
                        packed.append(pair)
                    joinable = True
                elif lines:
                    label = f"{header}: "
                    room = max(width - 2 - cell_len(label), 12)
                    wrapped = [part for line in lines
                               for part in textwrap.wrap(line, room, break_on_hyphens=False)]
                    packed.append(label + wrapped[0])
                    packed += [" " * cell_len(label) + line for line in wrapped[1:]]
                    joinable = False
            for line in packed:
                console.print(Text("  " + line, style=style), overflow="fold")

    def _plain_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
                     title: str | None) -> None:
        from rich.cells import cell_len

        widths = [max([cell_len(h), *(cell_len(part) for r in rows
                                      for part in r[i].splitlines() or [""])])
                  for i, h in enumerate(headers)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths,
                                                                        strict=True)).rstrip()

        head = [title] if title else []
        head += [line(headers), "  ".join("─" * w for w in widths)]
        body = []
        for r in rows:  # a cell of several lines takes as many lines, aligned
            parts = [cell.splitlines() or [""] for cell in r]
            for k in range(max(len(p) for p in parts)):
                body.append(line([p[k] if k < len(p) else "" for p in parts]))
        sys.stdout.write("\n".join([*head, *body]) + "\n")

    def fields(self, pairs: Sequence[tuple[str, str]], *, title: str | None = None) -> None:
        """A two-column block of ``label: value`` (labels are message keys)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(title) if title else None, show_header=False, box=None,
                      title_justify="left",
                      padding=(0, 2, 0, 0))
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for key, value in pairs:
            table.add_row(Text(self.t(key)), Text(value))
        self.console.print(table)
