"""``ronda export ics``: the schedule and community events as calendar files for phones."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.calendars.feeds import feeds_from
from ronda.cli.context import state
from ronda.cli.files import private_folder, write_bytes_file
from ronda.cli.options import From, To
from ronda.errors import BadInput
from ronda.parsing import parse_count

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.callback()
def export() -> None:
    """Calendar files for phones."""


@app.command("ics")
def ics(ctx: typer.Context, output: Annotated[str | None, Opt("--output", "-o")] = None,
        volunteer: Annotated[list[str] | None, Opt("--volunteer")] = None,
        team: Annotated[str | None, Opt("--team")] = None, from_: From = None, to: To = None,
        alarm: Annotated[str, Opt("--alarm")] = "60",
        with_contacts: Annotated[bool, Opt("--with-contacts")] = False,
        per_volunteer: Annotated[str | None, Opt("--per-volunteer")] = None,
        lang: Annotated[str | None, Opt("--lang")] = None) -> None:
    """Write the schedule (and community events) as an .ics file; one per volunteer with
    --per-volunteer."""
    st = state(ctx)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    if (output is None) == (per_volunteer is None):
        raise BadInput("err.output_or_per_volunteer")
    if not (output or per_volunteer or "").strip():
        raise BadInput("err.empty", field="--output" if output is not None else "--per-volunteer")
    with st.data(write=True) as data:
        feeds = feeds_from(data, st.now(data.settings().timezone), from_, to, volunteer or [],
                           team, per_volunteer is not None, st.document_lang(lang),
                           with_contacts=with_contacts, alarm=minutes)
        # written inside the session: if a file cannot be written, the registry is not saved
        if per_volunteer:
            folder = private_folder(per_volunteer)
            for feed in feeds.feeds:
                write_bytes_file(str(folder / feed.file_name), feed.to_ical())
        else:
            write_bytes_file(output, feeds.merged())
        data.save_calendar_registry(feeds.registry)
    if per_volunteer or output != "-":
        st.out.done("msg.ics_per_volunteer" if per_volunteer else "msg.ics_written",
                    count=len(feeds.feeds), path=per_volunteer or output)
    if with_contacts:
        st.out.warn("warn.export_phones")
