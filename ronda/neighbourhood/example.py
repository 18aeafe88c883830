"""The example neighbourhood ``ronda demo`` shows: its settings, roster, away periods, a
planned month with a joint patrol, and two incidents from the past nights.

The example files' text comes in, records go out; ``store_example`` puts them in an open
data file (given to it: this module opens nothing).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ronda.dates import week_of, zone
from ronda.incidents.book import Incident, new_incident, update_incident
from ronda.model import Settings, Volunteer
from ronda.neighbourhood.config import set_value
from ronda.people.csvfile import read_roster_csv
from ronda.people.volunteers import add_away, find_volunteer
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.shifts import Guest, Holiday, Shift
from ronda.schedule.timetable import Timetable

WEEKS = 4
PAST_WEEKS = 2  # already served, so the incident book has patrols to compare with
# (name, first day from today, last day from today, reason): away periods around today
AWAY = (("Sutrisno", -3, 9, "mudik"), ("Hendra", 0, 2, "sakit"), ("Wahyu", 5, 12, "dinas"))


def _flatten(table: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _flatten(value, f"{prefix}{key}.")
        else:
            out.append((prefix + key, str(value)))
    return out


def example_settings(toml_text: str, lang: str, slots: str | None = None) -> Settings:
    """The settings of ``examples/neighbourhood.toml``, with other ``slots`` if given."""
    settings = Settings(name="-", lang=lang)
    for key, value in _flatten(tomllib.loads(toml_text)):
        settings = set_value(settings, key, value)
    return set_value(settings, "slots", slots) if slots is not None else settings


def example_roster(csv_text: str, today: date) -> list[Volunteer]:
    """The residents of ``examples/roster.csv`` with the away periods around ``today``."""
    rows, errors = read_roster_csv(csv_text)
    if errors:  # the shipped example is tested to be clean
        raise ValueError(f"examples/roster.csv: {errors[0]}")
    people = [Volunteer(id=0, **row.fields) for row in rows]
    for name, first, last, reason in AWAY:
        v = find_volunteer(people, name)
        people[people.index(v)] = add_away(v, today + timedelta(days=first),
                                           today + timedelta(days=last), reason)
    return people


def example_period(today: date) -> tuple[date, date]:
    """Two weeks served and four to come, from Monday to Sunday."""
    monday = week_of(today)[0]
    return monday - timedelta(weeks=PAST_WEEKS), monday + timedelta(weeks=WEEKS, days=-1)


def example_plan(settings: Settings, people: Sequence[Volunteer],
                 holidays: dict[date, Holiday], today: date) -> list[Shift]:
    """The planned nights, with the Bhabinkamtibmas on this Saturday's first shift."""
    first, last = example_period(today)
    shifts = build_schedule(people, Rules.of(settings), first, last, holidays=holidays).shifts
    saturday = week_of(today)[0] + timedelta(days=5)
    return [s.with_changes(guests=(Guest(settings.liaison.name, "bhabinkamtibmas"),))
            if s.date == saturday and s.slot == 0 else s for s in shifts]


@dataclass(frozen=True)
class ExampleIncident:
    """An incident of the example book: the record, who reported it, and its follow-up."""

    incident: Incident
    reporter: str | None
    forwarded: dict[str, str] | None = None
    forwarded_after: timedelta = timedelta(hours=5)


def example_incidents(settings: Settings, shifts: Sequence[Shift],
                      today: date) -> list[ExampleIncident]:
    """A motorbike theft forwarded to the Polsek, and a suspicious pair seen three nights
    ago; each linked to the shift on duty then."""
    tz = zone(settings.timezone)
    now = datetime.combine(today, time(8, 0), tz)
    timetable = Timetable.of(settings)
    theft = Incident(0, datetime.combine(today - timedelta(days=1), time(1, 40), tz), now,
                     "vehicle-theft",
                     "Sepeda motor Honda Beat hitam hilang dari teras; kunci stang dirusak.",
                     "high", "Jl. Mulawarman Raya No. 21", loss=14_000_000,
                     action="Lapor ketua regu, cek CCTV musala, lapor Polsek.")
    seen = Incident(0, datetime.combine(today - timedelta(days=3), time(23, 15), tz), now,
                    "suspicious", "Dua orang mondar-mandir di depan rumah kosong.", "medium",
                    "Gang Mawar 3",
                    behaviour="Mengintip ke pagar rumah yang kosong lalu pergi ke arah utara.",
                    vehicle="Yamaha Mio merah", plate="H 1234 XY")
    out = []
    for report, reporter, forwarded in (
            (theft, "Rahmat", {"station": "Polsek Tembalang", "lp": "LP/B/512/XI/2026",
                               "sp2hp": "A1"}),
            (seen, None, None)):
        logged = report.occurred_at + timedelta(minutes=50)
        linked = new_incident(report, logged, timetable.shift_at(report.occurred_at, shifts))
        out.append(ExampleIncident(linked, reporter, forwarded))
    return out


def forwarded(example: ExampleIncident, stored: Incident) -> Incident | None:
    """The stored incident after its follow-up with the police, if it had one."""
    if example.forwarded is None:
        return None
    return update_incident(stored, stored.recorded_at + example.forwarded_after,
                           status="forwarded", **example.forwarded)


def store_example(data: Any, roster_csv: str, today: date) -> list[Volunteer]:
    """Fill a new data file (``data``, open for writing, with the example's settings) with
    the example roster, its planned weeks and its incident book; returns the people."""
    from ronda.incidents.book import Reporter
    from ronda.neighbourhood.holidays import holiday_map

    settings = data.settings()
    people = data.add_volunteers(example_roster(roster_csv, today))
    first, last = example_period(today)
    data.refresh_national_holidays(first, last)
    shifts = example_plan(settings, people, holiday_map(data.holidays()), today)
    data.replace_shifts(first, last, shifts)
    for example in example_incidents(settings, shifts, today):
        stored = data.add_incident(example.incident, Reporter(0, example.reporter)
                                   if example.reporter else None)
        if (followed := forwarded(example, stored)) is not None:
            data.save_incident(followed)
    return people

