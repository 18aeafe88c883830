"""``ronda board`` (``papan``): the week in one terminal screen, changed with a few keys."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli import context
from ronda.cli.context import state
from ronda.cli.options import Week
from ronda.errors import BadInput


def board(ctx: typer.Context, week: Week = None,
          read_only: Annotated[bool, typer.Option("--read-only")] = False) -> None:
    """The week on one screen: swap, exchange, guests and attendance with a few keys, each
    change saved at once and undone with u."""
    import gc

    from ronda.board.app import BoardApp  # Textual loads only here
    from ronda.board.model import Board
    from ronda.dates import parse_week

    st = state(ctx)
    start = parse_week(week, st.today()) if week else None
    app = BoardApp(Board(st.path, st.now, read_only=read_only, week=start), st.lang,
                   no_color=st.no_color)
    if not context.has_screen():  # piped or scripted: a screen waiting for keys would hang
        raise BadInput("err.board_needs_terminal")
    gc.freeze()  # what start-up loaded stays; the board runs for hours, so it collects
    gc.enable()
    app.run()
