"""``ronda holiday``: national holidays and the neighbourhood's own dates."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli.context import state
from ronda.cli.options import Json
from ronda.cli.output import Output
from ronda.cli.replan import follow_roster, tell
from ronda.dates import format_date, parse_date
from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.model import clean_text
from ronda.neighbourhood.holidays import holidays_of_year, national_holidays, night_of_extra
from ronda.parsing import parse_count
from ronda.schedule.shifts import Holiday

app = typer.Typer(no_args_is_help=True, add_completion=False)


@app.command("add")
def add(ctx: typer.Context, day: Annotated[str, typer.Argument(metavar="DATE")],
        name: Annotated[str, typer.Argument(metavar="NAME")],
        extra: Annotated[str, typer.Option("--extra")] = "0") -> None:
    """Add a local date; --extra N people are needed that night."""
    st = state(ctx)
    title = clean_text(name, field_name=Term("metavar.name"), required=True, limit=80)
    more = parse_count(extra, "--extra", maximum=50)
    with st.data(write=True) as data:
        settings = data.settings()
        when = parse_date(day, st.today(settings.timezone))
        data.save_holidays([Holiday(when, title, more, local=True)],
                           replace_national_years=set())
        followed = follow_roster(st, data, "holiday")  # extras added, changed or gone
    # on a national holiday, the extra people go on its eve (the busy night)
    night = night_of_extra(when, [h.date for h in national_holidays([when.year])])
    several = len(settings.slots) > 1
    if more and night != when:
        key = "msg.holiday_added_eve_shifts" if several else "msg.holiday_added_eve"
    else:
        key = "msg.holiday_added_shifts" if several else "msg.holiday_added"
    st.out.done(key, name=title, night=format_date(when, st.out.lang), count=more,
                eve=format_date(night, st.out.lang))
    tell(st, followed)


@app.command("list")
def list_(ctx: typer.Context, year: Annotated[str | None, typer.Option("--year")] = None,
          json: Json = False) -> None:
    """List a year's holidays, national and local."""
    st = state(ctx)
    with st.data() as data:
        today = st.today(data.settings().timezone)
        chosen = parse_count(year, "--year", minimum=2000, maximum=2100) if year else today.year
        stored = data.holidays()
    found = holidays_of_year(chosen, stored)
    st.out.emit(json, lambda: [{**h.to_dict(), "title": h.title(st.lang)} for h in found],
                lambda: _render_holidays(st.out, found, chosen))


def _render_holidays(out: Output, found: list[Holiday], year: int) -> None:
    out.table(["col.date", "col.name", "col.extra", "col.kind"],
              [[format_date(h.date, out.lang), h.title(out.lang), str(h.extra) if h.extra else "",
                out.t("label.local" if h.local else "label.national")] for h in found],
              title=str(year))


@app.command("remove")
def remove(ctx: typer.Context, day: Annotated[str, typer.Argument(metavar="DATE")]) -> None:
    """Remove a local date."""
    st = state(ctx)
    with st.data(write=True) as data:
        when = parse_date(day, st.today(data.settings().timezone))
        if not data.remove_holiday(when):
            raise BadInput("err.no_holiday", night=format_date(when, st.lang))
        followed = follow_roster(st, data, "holiday")
    st.out.done("msg.holiday_removed", night=format_date(when, st.out.lang))
    tell(st, followed)
