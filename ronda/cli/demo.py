"""``ronda demo``: load the example neighbourhood and show what ronda does with it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ronda.cli.context import state
from ronda.errors import BadInput
from ronda.model import Settings
from ronda.neighbourhood.config import set_value

# (name, first day from today, last day from today, reason): away periods around today
DEMO_WEEKS = 4
DEMO_PAST_WEEKS = 2  # already served, so the incident book has patrols to compare with
DEMO_AWAY = (("Sutrisno", -3, 9, "mudik"), ("Hendra", 0, 2, "sakit"), ("Wahyu", 5, 12, "dinas"))


def examples_dir() -> Path:
    """The example files: inside the installed package, or beside it in a checkout."""
    from importlib import resources

    packaged = Path(str(resources.files("ronda"))) / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples"


def _flatten(table: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _flatten(value, f"{prefix}{key}.")
        else:
            out.append((prefix + key, str(value)))
    return out


def demo_settings(lang: str) -> Settings:
    """The example neighbourhood's settings from ``examples/neighbourhood.toml``."""
    import tomllib

    text = (examples_dir() / "neighbourhood.toml").read_text("utf-8")
    settings = Settings(name="-", lang=lang)
    for key, value in _flatten(tomllib.loads(text)):
        settings = set_value(settings, key, value)
    return settings


def demo(ctx: typer.Context,
         slots: Annotated[str | None, typer.Option("--slots")] = None) -> None:
    """Load the example neighbourhood into a demo data file and show it."""
    import tempfile
    from datetime import timedelta

    from ronda.cli.files import write_bytes_file, write_text_file
    from ronda.cli.schedule_view import render_schedule
    from ronda.cli.volunteer import render_list
    from ronda.cli.volunteer_view import roster_order
    from ronda.dates import format_period, week_of
    from ronda.model import Volunteer
    from ronda.neighbourhood.holidays import holiday_map, national_holidays
    from ronda.people.csvfile import read_roster_csv
    from ronda.people.volunteers import add_away, find_volunteer
    from ronda.printing.html import sheets_html
    from ronda.printing.pdf import sheets_pdf
    from ronda.printing.poster import build_sheet
    from ronda.printing.text import sheet_whatsapp
    from ronda.schedule.builder import Rules, build_schedule
    from ronda.schedule.shifts import Guest
    from ronda.schedule.timetable import Timetable
    from ronda.store.datafile import create_data

    st = state(ctx)
    if st.db is None:
        st.db = str(Path(tempfile.mkdtemp(prefix="ronda-demo-")) / "ronda-demo.json")
    path = st.path
    if path.exists():
        raise BadInput("err.file_exists", path=str(path))
    settings = demo_settings(st.lang)
    if slots is not None:  # the example roster with the shifts the user has in mind
        settings = set_value(settings, "slots", slots)
    rows, errors = read_roster_csv((examples_dir() / "roster.csv").read_text("utf-8"))
    assert not errors, errors  # the shipped example is tested to be clean
    today = st.today(settings.timezone)
    monday, sunday = week_of(today)
    with create_data(path, settings) as data:
        data.add_volunteers([Volunteer(id=0, **row.fields) for row in rows])
        for name, first, last, reason in DEMO_AWAY:
            v = find_volunteer(data.volunteers(), name)
            data.save_volunteer(add_away(v, today + timedelta(days=first),
                                         today + timedelta(days=last), reason))
        people = data.volunteers()
        first = monday - timedelta(weeks=DEMO_PAST_WEEKS)
        last = monday + timedelta(weeks=DEMO_WEEKS, days=-1)
        years = set(range(first.year, last.year + 1))
        data.save_holidays(national_holidays(years), replace_national_years=years)
        holidays = holiday_map(data.holidays())
        plan = build_schedule(people, Rules.of(settings), first, last, holidays=holidays)
        saturday = next(s for s in plan.shifts if s.date == monday + timedelta(days=5)
                        and s.slot == 0)
        plan.shifts[plan.shifts.index(saturday)] = saturday.with_changes(
            guests=(Guest(settings.liaison.name, "bhabinkamtibmas"),))
        data.replace_shifts(first, last, plan.shifts)
        week = data.shifts(monday, sunday)
    out = st.out
    out.say("demo.title", name=settings.name, area=settings.area)
    out.say("demo.file", path=str(path))
    out.say("demo.roster", count=len(people),
            teams=len({v.team for v in people}))
    render_list(st, sorted(people, key=roster_order), today)
    out.say("demo.schedule", weeks=DEMO_WEEKS)
    render_schedule(out, week, Timetable.of(settings, holidays), {v.id: v for v in people},
                    today, title=f"{settings.name} · {format_period(monday, sunday, out.lang)}")
    sheet = build_sheet(settings, week, {v.id: v for v in people}, holidays, monday, today,
                        out.lang)
    poster = path.parent / f"jadwal-ronda-{monday.isoformat()}"
    write_text_file(f"{poster}.html", sheets_html([sheet]))
    write_bytes_file(f"{poster}.pdf", sheets_pdf([sheet]))
    from ronda.calendars.ics import shift_events, to_ics

    calendar = path.parent / "ronda-demo.ics"
    write_bytes_file(str(calendar), to_ics(
        shift_events(plan.shifts, settings, {v.id: v for v in people}, out.lang),
        out.t("cal.name", name=settings.name), settings.timezone, out.lang))
    out.say("demo.poster", html=f"{poster}.html", pdf=f"{poster}.pdf")
    out.say("demo.calendar", path=str(calendar))
    out.say("demo.whatsapp")
    out.text(sheet_whatsapp(sheet))
    _sample_incidents(st, path, settings, today)
    out.say("demo.try", path=str(path))


def _sample_incidents(st, path: Path, settings: Settings, today) -> None:  # noqa: ANN001
    """Log two incidents of the past nights, follow one up, and show the stats."""
    from datetime import datetime, time, timedelta

    from ronda.cli.incident_view import render_stats
    from ronda.dates import format_period, zone
    from ronda.incidents.book import Incident, Reporter, new_incident, update_incident
    from ronda.incidents.report import incident_stats
    from ronda.schedule.timetable import Timetable
    from ronda.store.datafile import open_data

    tz = zone(settings.timezone)
    now = datetime.combine(today, time(8, 0), tz)
    samples = [
        (Incident(0, datetime.combine(today - timedelta(days=1), time(1, 40), tz), now,
                  "vehicle-theft",
                  "Sepeda motor Honda Beat hitam hilang dari teras; kunci stang dirusak.",
                  "high", "Jl. Mulawarman Raya No. 21", loss=14_000_000,
                  action="Lapor ketua regu, cek CCTV musala, lapor Polsek."), "Rahmat"),
        (Incident(0, datetime.combine(today - timedelta(days=3), time(23, 15), tz), now,
                  "suspicious", "Dua orang mondar-mandir di depan rumah kosong.", "medium",
                  "Gang Mawar 3",
                  behaviour="Mengintip ke pagar rumah yang kosong lalu pergi ke arah utara.",
                  vehicle="Yamaha Mio merah", plate="H 1234 XY"), None),
    ]
    with open_data(path, write=True) as data:
        shifts = data.shifts()
        timetable = Timetable.of(settings)
        for report, reporter in samples:
            logged = report.occurred_at + timedelta(minutes=50)
            stored = data.add_incident(
                new_incident(report, logged, timetable.shift_at(report.occurred_at, shifts)),
                Reporter(0, reporter) if reporter else None)
            if stored.category == "vehicle-theft":
                data.save_incident(update_incident(
                    stored, logged + timedelta(hours=5), status="forwarded",
                    station="Polsek Tembalang", lp="LP/B/512/XI/2026", sp2hp="A1"))
        found = data.incidents()
        first = min(i.occurred_at.date() for i in found)
        result = incident_stats(found, data.shifts(first - timedelta(days=1), today), first,
                                today, timetable, now)
    st.out.say("demo.incident")
    render_stats(st.out, result, format_period(first, today, st.out.lang))
