"""The example area ``ronda demo --area`` shows: five RTs of one kelurahan, built in the style
of the example neighbourhood from ``examples/area/rts.toml``, and their area file.

The example files' text comes in, records go out; ``store_example_rt`` fills an open data
file (given to it: this module opens nothing).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ronda.dates import DAY_KEYS, week_of, zone
from ronda.incidents.book import Incident, new_incident, update_incident
from ronda.model import Settings, Volunteer
from ronda.neighbourhood.config import set_value
from ronda.neighbourhood.example import example_settings
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.timetable import Timetable

PAST_WEEKS = 5
WEEKS = 5
FIRST = ("Agus", "Siti", "Budi", "Dewi", "Eko", "Sri", "Hadi", "Nur", "Joko", "Rina", "Wahyu",
         "Endang", "Yohanes", "Kadek", "Putu", "Fajar", "Ahmad", "Lukas", "Made", "Tuti")
LAST = ("Santoso", "Lestari", "Prasetyo", "Wijaya", "Hidayat", "Rahayu", "Simanjuntak",
        "Nugroho", "Kusuma", "Saputra", "Purnomo", "Setiawan", "Gunawan")
PLACES = ("Jl. Mulawarman", "Gang Mawar", "Jl. Banjarsari", "Gang Melati", "Jl. Ngesrep")
KINDS = ("theft", "vehicle-theft", "suspicious", "fight", "burglary", "street-racing")


@dataclass(frozen=True)
class ExampleRT:
    """One RT of the example area: its file name, settings and how busy its book is."""

    file: str
    settings: Settings
    households: int
    incidents: int
    number: int
    leaders: int = 4  # one household in this many has a leader; 0: none


def example_rts(rts_toml: str, neighbourhood_toml: str, lang: str) -> list[ExampleRT]:
    """The RTs of ``examples/area/rts.toml`` on the example neighbourhood's settings."""
    out = []
    for number, spec in enumerate(tomllib.loads(rts_toml)["rt"], start=1):
        settings = example_settings(neighbourhood_toml, lang, str(spec["slots"]))
        for key, value in (("name", spec["name"]), ("coordinator.name", spec["coordinator"]),
                           ("coordinator.phone", f"0812-2870-{4400 + number:04d}"),
                           ("rt-head", spec["coordinator"]),
                           ("post", f"Pos Kamling {spec['name'].split(' /')[0]}"),
                           ("rest", str(spec.get("rest", 2)))):
            settings = set_value(settings, key, value)
        out.append(ExampleRT(spec["file"], settings, int(spec["households"]),
                             int(spec["incidents"]), number, int(spec.get("leaders", 4))))
    return out


def _roster(rt: ExampleRT, today: date) -> list[Volunteer]:
    people = []
    for i in range(rt.households):
        name = f"{FIRST[(i + 3 * rt.number) % len(FIRST)]} " \
               f"{LAST[(i * 7 + rt.number) % len(LAST)]}"
        if any(p.name == name for p in people):
            name += f" {i + 1}"
        people.append(Volunteer(
            0, name, phone=f"+62813{rt.number:02d}{(i * 7919 + 3001) % 1_000_000:06d}",
            household=f"{chr(64 + rt.number)}-{i + 1:02d}", team=f"Regu {i % 7 + 1}",
            leader=bool(rt.leaders) and i % max(rt.leaders, 1) == 0,
            days=DAY_KEYS[:5] if i % 9 == 5 else DAY_KEYS,
            joined=today - timedelta(weeks=PAST_WEEKS + 1)))
    return people


def _incidents(rt: ExampleRT, shifts: list, today: date) -> list[Incident]:
    tz = zone(rt.settings.timezone)
    timetable = Timetable.of(rt.settings)
    out = []
    for k in range(rt.incidents):
        days_ago = 2 + (k * 29 + rt.number * 5) % (PAST_WEEKS * 7 - 3)
        moment = datetime.combine(today - timedelta(days=days_ago),
                                  time((22 + k * 3) % 24, (k * 17) % 60), tz)
        kind = KINDS[(k + rt.number) % len(KINDS)]
        report = Incident(
            0, moment, moment, kind, f"Contoh kejadian {k + 1} di {rt.settings.name}.",
            "medium", f"{PLACES[k % len(PLACES)]} No. {k + 3}",
            behaviour="Mondar-mandir sambil melihat ke rumah warga." if kind == "suspicious"
            else "", vehicle="Sepeda motor hitam" if kind == "suspicious" else "")
        logged = moment + timedelta(minutes=40)
        found = new_incident(report, logged, timetable.shift_at(moment, shifts))
        if k % 3 == 0:
            found = update_incident(found, logged + timedelta(hours=6), status="forwarded",
                                    station="Polsek Tembalang", lp=f"LP/B/{400 + k}/2026")
        out.append(found)
    return out


def store_example_rt(data: Any, rt: ExampleRT, today: date) -> None:
    """Fill a new data file (``data``, open for writing, with ``rt.settings``) with the RT's
    roster, ten planned weeks (five past) and its incidents."""
    from ronda.neighbourhood.holidays import holiday_map

    people = data.add_volunteers(_roster(rt, today))
    monday = week_of(today)[0]
    first, last = monday - timedelta(weeks=PAST_WEEKS), monday + timedelta(weeks=WEEKS, days=-1)
    data.refresh_national_holidays(first, last)
    shifts = build_schedule(people, Rules.of(rt.settings), first, last,
                            holidays=holiday_map(data.holidays())).shifts
    data.replace_shifts(first, last, shifts)
    for incident in _incidents(rt, shifts, today):
        data.add_incident(incident, None)
