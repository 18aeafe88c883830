"""The one output object: tables or JSON on stdout, messages and warnings on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ronda.i18n import t

if TYPE_CHECKING:
    from rich.console import Console


PLAIN_TABLE_ROWS = 100


class Output:
    """Renders for one command in one language."""

    def __init__(self, lang: str, *, no_color: bool = False) -> None:
        self.lang = lang
        self.no_color = no_color

    def t(self, key: str, /, **args: Any) -> str:
        """The text of ``key``; dates and moments among ``args`` read as the user's
        (``28/11/2026``, ``28/11/2026 22.00``), so the core can raise errors with dates."""
        return t(key, self.lang, **{k: self._local(v) for k, v in args.items()})

    def _local(self, value: Any) -> Any:
        from datetime import date, datetime

        if isinstance(value, datetime):
            from ronda.dates import format_date, format_time

            return f"{format_date(value.date(), self.lang, weekday=False)} " \
                   f"{format_time(value.time(), self.lang)}"
        if isinstance(value, date):
            from ronda.dates import format_date

            return format_date(value, self.lang, weekday=False)
        return value

    def _console(self, stderr: bool) -> Console:
        from rich.console import Console

        return Console(stderr=stderr, no_color=self.no_color or None, highlight=False,
                       soft_wrap=stderr)

    @cached_property
    def console(self) -> Console:
        return self._console(stderr=False)

    @cached_property
    def err(self) -> Console:
        return self._console(stderr=True)

    # messages (stderr)
    def say(self, key: str, /, **args: Any) -> None:
        self.err.print(self.t(key, **args), markup=False)

    def done(self, key: str, /, **args: Any) -> None:
        self.err.print("✓ " + self.t(key, **args), style="green", markup=False)

    def warn(self, key: str, /, **args: Any) -> None:
        self.err.print(self.t("label.warning") + ": " + self.t(key, **args), style="yellow",
                       markup=False)

    def error_line(self, text: str) -> None:
        self.err.print(self.t("label.error") + ": " + text, style="red", markup=False)

    # data (stdout)
    def json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def text(self, text: str) -> None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
              title: str | None = None, row_styles: Sequence[str | None] | None = None,
              no_wrap: Sequence[int] = (), compact: bool = False) -> None:
        """A table whose header cells are message keys and whose cells are plain text.

        Long tables print as plain aligned text: rich takes about 1 ms a row to lay out.
        """
        if len(rows) > PLAIN_TABLE_ROWS:
            self._plain_table([self.t(k) for k in headers], rows, title)
            return
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, header_style="bold", title_justify="left",
                      box=box.SIMPLE_HEAD if compact else box.HEAVY_HEAD,
                      pad_edge=not compact, collapse_padding=compact)
        for i, key in enumerate(headers):
            # in a compact table, words may wrap but figures, dates and money never break
            words = compact and any(" " in row[i] for row in rows)
            longest = max((len(w) for row in rows for w in row[i].split()), default=0)
            table.add_column(self.t(key), overflow="fold",
                             no_wrap=(compact and not words) or i in no_wrap,
                             min_width=min(longest, 12) if words else None)
        for i, row in enumerate(rows):
            table.add_row(*(Text(cell) for cell in row),
                          style=(row_styles[i] if row_styles else None))
        self.console.print(table)

    def _plain_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
                     title: str | None) -> None:
        from rich.cells import cell_len

        widths = [max([cell_len(h), *(cell_len(r[i]) for r in rows)])
                  for i, h in enumerate(headers)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths,
                                                                        strict=True)).rstrip()

        head = [title] if title else []
        head += [line(headers), "  ".join("─" * w for w in widths)]
        sys.stdout.write("\n".join([*head, *(line(r) for r in rows)]) + "\n")

    def fields(self, pairs: Sequence[tuple[str, str]], *, title: str | None = None) -> None:
        """A two-column block of ``label: value`` (labels are message keys)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, show_header=False, box=None, title_justify="left",
                      padding=(0, 2, 0, 0))
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for key, value in pairs:
            table.add_row(Text(self.t(key)), Text(value))
        self.console.print(table)
