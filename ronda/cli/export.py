"""``ronda export ics``: the schedule and community events as calendar files for phones."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

import typer

from ronda.cli.context import State, state
from ronda.cli.files import private_folder, write_bytes_file
from ronda.cli.options import From, To
from ronda.dates import resolve_period
from ronda.errors import BadInput
from ronda.parsing import parse_count
from ronda.people.roster import find_volunteer

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.callback()
def export() -> None:
    """Calendar files for phones."""


def calendar_range(st: State, data, from_: str | None, to: str | None,  # noqa: ANN001
                   today: date) -> tuple[date, date]:
    """From this week's Monday (or --from) to the last planned night (or --to)."""
    def last_planned(first: date) -> date:
        planned = data.shifts(first)
        return planned[-1].date if planned else first + timedelta(weeks=4)

    return resolve_period(today, start=from_, end=to, default_end=last_planned)


def build_calendars(data, st: State, first: date, last: date, people_ids: list[int | None],  # noqa: ANN001, E501
                    with_contacts: bool, alarm: int
                    ) -> tuple[dict[int | None, bytes], dict[str, dict[str, Any]]]:
    """One calendar per person id (None: the whole neighbourhood), and the registry of UIDs
    with their new sequences, for the caller to save once the calendars went out."""
    from ronda.calendars.ics import community_events, shift_events, to_ics, with_sequences

    settings = data.settings()
    lang = st.out.lang
    people = {v.id: v for v in data.volunteers()}
    shifts = data.shifts(first, last)
    events = [e for e in data.events() if first <= e.start.date() <= last]
    registry = data.calendar_registry()
    out: dict[int | None, bytes] = {}
    for pid in people_ids:
        current = shift_events(shifts, settings, people, lang, person=pid,
                               with_contacts=with_contacts)
        current += community_events(events, settings, lang)
        scopes = {f"person:{pid}" if pid is not None else "all", "event"}
        final, registry = with_sequences(current, registry, scopes, first, last)
        name = settings.name if pid is None else f"{settings.name} · {people[pid].name}"
        out[pid] = to_ics(final, st.out.t("cal.name", name=name), settings.timezone, lang,
                          alarm=alarm, stamp=st.now(settings.timezone))
    return out, registry


@app.command("ics")
def ics(ctx: typer.Context, output: Annotated[str | None, Opt("--output", "-o")] = None,
        volunteer: Annotated[list[str] | None, Opt("--volunteer")] = None,
        team: Annotated[str | None, Opt("--team")] = None, from_: From = None, to: To = None,
        alarm: Annotated[str, Opt("--alarm")] = "60",
        with_contacts: Annotated[bool, Opt("--with-contacts")] = False,
        per_volunteer: Annotated[str | None, Opt("--per-volunteer")] = None,
        lang: Annotated[str | None, Opt("--lang")] = None) -> None:
    """Write the schedule as an .ics calendar file (or one file per volunteer)."""
    st = state(ctx)
    st.choose_lang(lang)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    if (output is None) == (per_volunteer is None):
        raise BadInput("err.output_or_per_volunteer")
    for option, value in (("--output", output), ("--per-volunteer", per_volunteer)):
        if value is not None and not value.strip():
            raise BadInput("err.empty", field=option)
    with st.data(write=True) as data:
        today = st.today(data.settings().timezone)
        first, last = calendar_range(st, data, from_, to, today)
        people = data.volunteers()
        chosen: list[int | None] = [find_volunteer(people, n).id for n in volunteer or []]
        if team:
            members = [v.id for v in people if v.active and
                       v.team.casefold() == team.strip().casefold()]
            if not members:
                raise BadInput("err.no_such_team", team=team)
            chosen += members
        if per_volunteer:
            chosen = chosen or [v.id for v in people if v.active]
        if not data.shifts(first, last) and not data.events():
            raise BadInput("err.nothing_to_export")
        files, registry = build_calendars(data, st, first, last, chosen or [None],
                                          with_contacts, minutes)
        data.save_calendar_registry(registry)
        # written inside the session: if a file cannot be written, the registry is not saved
        if per_volunteer:
            _write_per_volunteer(st, per_volunteer, files, {v.id: v.name for v in people})
        else:
            assert output is not None
            write_bytes_file(output, b"".join(files.values()) if len(files) == 1 else
                             _merge(list(files.values())))
            if output != "-":
                st.out.done("msg.ics_written", path=output)
    if with_contacts:
        st.out.warn("warn.export_phones")


def _write_per_volunteer(st: State, folder_name: str, files: dict[int | None, bytes],
                         names: dict[int, str]) -> None:
    from ronda.calendars.ics import slug

    folder = private_folder(folder_name)
    for pid, payload in files.items():
        assert pid is not None
        write_bytes_file(str(folder / f"ronda-{slug(names[pid])}-{pid}.ics"), payload)
    st.out.done("msg.ics_per_volunteer", count=len(files), path=folder_name)


def _merge(calendars: list[bytes]) -> bytes:
    """Several people's calendars as one file (for --volunteer A --volunteer B or --team)."""
    import icalendar

    merged = icalendar.Calendar.from_ical(calendars[0])
    seen = {str(c.get("uid")) for c in merged.walk("VEVENT")}
    for raw in calendars[1:]:
        for event in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
            if str(event.get("uid")) not in seen:
                merged.add_component(event)
                seen.add(str(event.get("uid")))
    return merged.to_ical()
