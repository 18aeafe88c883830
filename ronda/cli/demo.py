"""``ronda demo``: load the example neighbourhood and show what ronda does with it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.errors import BadInput
from ronda.model import Settings, Volunteer
from ronda.neighbourhood.example import WEEKS, example_settings, store_example
from ronda.store.datafile import create_data


def examples_dir() -> Path:
    """The example files: inside the installed package, or beside it in a checkout."""
    from importlib import resources

    packaged = Path(str(resources.files("ronda"))) / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples"


def demo_settings(lang: str, slots: str | None = None) -> Settings:
    """The example neighbourhood's settings from ``examples/neighbourhood.toml``."""
    return example_settings((examples_dir() / "neighbourhood.toml").read_text("utf-8"), lang,
                            slots)


def demo(ctx: typer.Context,
         slots: Annotated[str | None, typer.Option("--slots")] = None,
         area: Annotated[bool, typer.Option("--area")] = False) -> None:
    """Load the example neighbourhood into a demo file and show it."""
    st = state(ctx)
    if area:
        return demo_area(st)
    path = _demo_path(st)
    settings = demo_settings(st.lang, slots)
    today = st.today(settings.timezone)
    with create_data(path, settings) as data:
        people = store_example(data, (examples_dir() / "roster.csv").read_text("utf-8"), today)
    _show(st, path, settings, people, today)


def _demo_path(st: State) -> Path:
    import tempfile

    if st.db is None:
        st.db = str(Path(tempfile.mkdtemp(prefix="ronda-demo-")) / "ronda-demo.json")
    if st.path.exists():
        raise BadInput("err.file_exists", path=str(st.path))
    return st.path


def _show(st: State, path: Path, settings: Settings, people: list[Volunteer],
          today: date) -> None:
    """What the demo prints: the roster, this week, the poster files, the week's picture for
    phones, the calendar, the WhatsApp text, the incident stats and the letter to the Polsek."""
    from ronda.calendars.ics import calendar_colour, shift_events, to_ics
    from ronda.cli.files import write_bytes_file, write_text_file
    from ronda.cli.incident import write_letter
    from ronda.cli.incident.view import render_stats
    from ronda.cli.schedule.view import render_schedule
    from ronda.cli.volunteer import render_list
    from ronda.dates import format_period, week_of
    from ronda.incidents.report import incident_stats
    from ronda.neighbourhood.holidays import holiday_map
    from ronda.people.roster import roster_order
    from ronda.printing.html import sheets_html
    from ronda.printing.pdf import sheets_pdf
    from ronda.printing.picture import week_png
    from ronda.printing.poster import build_sheet
    from ronda.printing.text import sheet_whatsapp
    from ronda.schedule.timetable import Timetable
    from ronda.store.datafile import open_data

    monday, sunday = week_of(today)
    with open_data(path) as data:
        holidays = holiday_map(data.holidays())
        week, shifts, found = data.shifts(monday, sunday), data.shifts(), data.incidents()
    out, by_id = st.out, {v.id: v for v in people}
    out.say("demo.title", name=settings.name, area=settings.area)
    out.say("demo.file", path=str(path))
    out.say("demo.roster", count=len(people), teams=len({v.team for v in people}))
    render_list(st, sorted(people, key=roster_order), today)
    out.say("demo.schedule", weeks=WEEKS)
    render_schedule(out, week, Timetable.of(settings, holidays), by_id, today,
                    title=f"{settings.name} · {format_period(monday, sunday, out.lang)}")
    sheet = build_sheet(settings, week, by_id, holidays, monday, today, out.lang)
    poster = path.parent / f"jadwal-ronda-{monday.isoformat()}"
    write_text_file(f"{poster}.html", sheets_html([sheet]))
    write_bytes_file(f"{poster}.pdf", sheets_pdf([sheet]))
    calendar = path.parent / "ronda-demo.ics"
    write_bytes_file(str(calendar), to_ics(shift_events(shifts, settings, by_id, out.lang),
                                           out.t("cal.name", name=settings.name),
                                           settings.timezone, out.lang,
                                           colour=calendar_colour(settings.name)))
    write_bytes_file(f"{poster}.png", week_png([sheet]))
    out.say("demo.poster", html=f"{poster}.html", pdf=f"{poster}.pdf")
    out.say("demo.picture", png=f"{poster}.png", html=f"{poster}.html")
    out.say("demo.calendar", path=str(calendar))
    out.say("demo.whatsapp")
    out.text(sheet_whatsapp(sheet))
    first = min(i.occurred_at.date() for i in found)
    now = st.now(settings.timezone)
    result = incident_stats(found, [s for s in shifts if first - timedelta(days=1) <= s.date
                                    <= today], first, today, Timetable.of(settings), now)
    out.say("demo.incident")
    render_stats(out, result, format_period(first, today, out.lang))
    out.say("demo.letter")
    write_letter(st, folder=path.parent)
    out.say("demo.try", path=str(path))


def demo_area(st: State) -> None:
    """The example area: five RTs made in a folder (beside --db, else a temporary one), its
    area file, a month of joint patrols planned and written into the RTs' schedules, and the
    area's week side by side."""
    from ronda.cli.area import apply_visits, plan_for
    from ronda.cli.area.view import render_area_schedule, render_visits
    from ronda.cli.files import write_text_file
    from ronda.dates import week_of
    from ronda.neighbourhood.example_area import example_rts, store_example_rt
    from ronda.store.datafile import resolve_path

    folder = resolve_path(st.db).parent if st.db else _temp_folder()
    path = folder / "area.toml"
    if path.exists():
        raise BadInput("err.file_exists", path=str(path))
    examples = examples_dir()
    for rt in example_rts((examples / "area" / "rts.toml").read_text("utf-8"),
                          (examples / "neighbourhood.toml").read_text("utf-8"), st.lang):
        with create_data(folder / rt.file, rt.settings) as data:
            store_example_rt(data, rt, st.today(rt.settings.timezone))
    write_text_file(str(path), (examples / "area" / "area.toml").read_text("utf-8"))
    from ronda.store.area import read_area

    area, files = read_area(path)
    now, today = st.now(area.timezone), st.today(area.timezone)
    first = today + timedelta(days=1)
    snapshot, plan = plan_for(st, path, area, first, first + timedelta(weeks=4, days=-1), now)
    st.out.say("demo.area", name=area.name, count=len(files), path=str(path))
    render_visits(st.out, area, plan)
    apply_visits(st, snapshot, plan, area)
    monday, sunday = week_of(first + timedelta(days=7))
    from ronda.area.rollup import area_schedule
    from ronda.store.area import area_snapshot

    week = area_snapshot(path, first=monday, last=sunday).rts
    render_area_schedule(st.out, area, area_schedule(week, monday, sunday), monday, sunday,
                         today)
    st.out.say("demo.area_try", path=str(path), rt=str(folder / files[0].name),
               week=monday.isoformat())


def _temp_folder() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="ronda-area-"))
