"""``ronda event``: outreach, RT meetings and joint patrols, for the calendars."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli.context import state
from ronda.cli.options import Json
from ronda.cli.output import Output
from ronda.dates import format_moment, parse_datetime
from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.i18n.labels import EVENT_KIND
from ronda.neighbourhood.events import CommunityEvent
from ronda.parsing import parse_count

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.command("add")
def add(ctx: typer.Context, title: Annotated[str, typer.Argument(metavar="TITLE")],
        at: Annotated[str, Opt("--at")] = ...,  # type: ignore[assignment]
        end: Annotated[str | None, Opt("--end")] = None,
        location: Annotated[str, Opt("--location")] = "",
        kind: Annotated[str, Opt("--kind")] = "other") -> None:
    """Add an event (two hours unless --end)."""
    from ronda.neighbourhood.events import new_event

    st = state(ctx)
    with st.data(write=True) as data:
        settings = data.settings()
        now = st.now(settings.timezone)
        start = parse_datetime(at, now)
        finish = parse_datetime(end, now) if end else None
        stored = data.add_event(new_event(title, start, finish, location, kind))
    st.out.done("msg.event_added", id=stored.id, title=stored.title,
                when=format_moment(stored.start, settings.timezone, st.out.lang))


@app.command("list")
def list_(ctx: typer.Context, json: Json = False) -> None:
    """List the events."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        events = data.events()
    st.out.emit(json, lambda: [e.to_dict() for e in events],
                lambda: _render_events(st.out, events, settings.timezone))


def _render_events(out: Output, events: list[CommunityEvent], timezone: str) -> None:
    out.table(["col.id", "col.when", "col.name", "col.kind", "col.location"],
              [[str(e.id), format_moment(e.start, timezone, out.lang), e.title,
                out.t(EVENT_KIND[e.kind]), e.location] for e in events],
              no_wrap=[1])  # a moment is never broken


@app.command("remove")
def remove(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Remove an event."""
    st = state(ctx)
    n = parse_count(number.lstrip("#"), Term("metavar.id"), minimum=1, maximum=10**9)
    with st.data(write=True) as data:
        gone = data.remove_event(n)
        if gone is None:
            raise BadInput("err.event_not_found", id=n)
    st.out.done("msg.event_removed", id=n, title=gone.title)
