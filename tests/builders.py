"""Test data made with the core and the storage API, the way the commands make it.

Each helper opens the data file once, as the command it stands for would (``init``,
``volunteer add``/``import``/``away``, ``holiday add``, ``schedule build``, ``incident log``,
``demo``), so a fixture gets the same file without going through the command layer.
``test_core_fixtures.py`` checks that the files match what the commands write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ronda.calendars.feeds import Whose, build_feeds
from ronda.dates import week_of, zone
from ronda.incidents.book import EARLIEST, Incident, Reporter, new_incident, select_incidents
from ronda.model import Away, Settings, Volunteer
from ronda.neighbourhood.config import set_value
from ronda.neighbourhood.events import new_event
from ronda.neighbourhood.example import example_settings, store_example
from ronda.neighbourhood.holidays import holiday_map
from ronda.neighbourhood.letters import issue_letter
from ronda.people.csvfile import read_roster_csv
from ronda.people.volunteers import add_away, find_volunteer, parse_reason, volunteer_fields
from ronda.printing.poster import Sheet
from ronda.schedule.planning import plan_nights
from ronda.schedule.replan import repair_plan
from ronda.schedule.rules import Rules
from ronda.schedule.shifts import Holiday
from ronda.schedule.timetable import Timetable
from ronda.store.datafile import DataFile, create_data, open_data

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def settings_of(pairs: Iterable[tuple[str, str]], lang: str = "en") -> Settings:
    """Settings from ``config set`` keys and values, applied in order (as ``ronda init``
    applies its options); ``lang`` is the language ronda was run in."""
    settings = Settings(name="-", lang=lang)
    for key, value in pairs:
        settings = set_value(settings, key, value)
    return settings


def new_neighbourhood(path: Path, pairs: Iterable[tuple[str, str]]) -> Path:
    """``ronda init`` with these settings."""
    with create_data(path, settings_of(pairs)):
        pass
    return path


def add_people(path: Path, people: Sequence[dict[str, Any]], joined: date, *,
               backup: bool = False) -> list[Volunteer]:
    """``ronda volunteer add`` for each of ``people`` (the options as keyword arguments:
    name, phone, household, team, leader, days, …); ``backup`` as ``volunteer import``."""
    with open_data(path, write=True, backup=backup) as data:
        return data.add_volunteers([Volunteer(id=0, joined=joined, **volunteer_fields(**p))
                                    for p in people])


def import_roster(path: Path, csv_text: str, joined: date) -> list[Volunteer]:
    """``ronda volunteer import`` of a clean CSV text."""
    rows, errors = read_roster_csv(csv_text)
    assert not errors, errors
    with open_data(path, write=True, backup=True) as data:
        return data.add_volunteers([Volunteer(id=0, joined=joined, **row.fields)
                                    for row in rows])


def mark_away(path: Path, who: str, first: date, last: date, reason: str) -> None:
    """``ronda volunteer away WHO --from --to --reason`` (before any plan exists)."""
    with open_data(path, write=True) as data:
        v = find_volunteer(data.volunteers(), who)
        data.save_volunteer(add_away(v, first, last, parse_reason(reason)))


def add_local_holiday(path: Path, day: date, name: str, extra: int = 0) -> None:
    """``ronda holiday add DAY NAME --extra N`` (before any plan exists)."""
    with open_data(path, write=True) as data:
        data.save_holidays([Holiday(day, name, extra, local=True)],
                           replace_national_years=set())


def plan(path: Path, first: date, weeks: int, today: date) -> None:
    """``ronda schedule build --from FIRST --weeks N`` run on ``today`` (at 23.59, as with
    ``RONDA_TODAY``), default mode and seed."""
    last = first + timedelta(weeks=weeks, days=-1)
    with open_data(path, write=True, backup=True) as data:
        settings = data.settings()
        now = datetime.combine(today, time(23, 59), zone(settings.timezone))
        data.refresh_national_holidays(first, last)
        planned = plan_nights(settings, data.volunteers(), holiday_map(data.holidays()),
                              data.shifts(), first, last, now)
        data.save_plan(planned, now.isoformat(timespec="seconds"))


def log_incident(data: DataFile, report: Incident, logged: datetime,
                 reporter: Reporter | None = None) -> Incident:
    """``ronda incident log`` at ``logged``: linked to the shift on duty, stored."""
    timetable = Timetable.of(data.settings())
    moment = report.occurred_at
    on_duty = timetable.shift_at(moment, data.shifts(moment.date() - timedelta(days=2),
                                                     moment.date()))
    return data.add_incident(new_incident(report, logged, on_duty), reporter)


def add_event(path: Path, title: str, start: datetime) -> None:
    """``ronda event add TITLE --at START`` (two hours, kind ``other``)."""
    with open_data(path, write=True) as data:
        data.add_event(new_event(title, start, None, "", "other"))


def remember_calendar(path: Path, today: date, lang: str) -> None:
    """What ``ronda export ics -o FILE`` run on ``today`` remembers in the data file: what the
    neighbourhood calendar (in ``lang``, the usual reminder) sent from this week's Monday to
    the last planned night, each event with its sequence."""
    with open_data(path, write=True) as data:
        settings = data.settings()
        first = week_of(today)[0]
        shifts = data.shifts(first)
        last = shifts[-1].date
        made = build_feeds(settings, {v.id: v for v in data.volunteers()}, shifts,
                           data.events(), data.calendar_record(), first, last, [Whose()],
                           lang=lang, with_contacts=False, alarm=60,
                           stamp=datetime.combine(today, time(8), zone(settings.timezone)))
        data.save_calendar_record(made.record)


def remove_volunteer(path: Path, who: str, now: datetime) -> None:
    """``ronda volunteer remove WHO`` at ``now``: off the roster, the coming nights repaired
    and the changes recorded."""
    with open_data(path, write=True, backup=True) as data:
        v = find_volunteer(data.volunteers(), who)
        data.save_volunteer(v.with_changes(active=False))
        settings = data.settings()
        timetable = Timetable.of(settings, holiday_map(data.holidays()))
        result = repair_plan(data.shifts(now.date() - timedelta(days=14)), data.volunteers(),
                             Rules.of(settings), timetable, now, cause="remove")
        for shift in result.shifts:
            data.save_shift(shift)
        data.record_plan_changes(result.changes)


def set_setting(path: Path, key: str, value: str) -> None:
    """``ronda config set KEY VALUE`` for a key that does not touch the plan (rw-head, …)."""
    with open_data(path, write=True, backup=True) as data:
        data.save_settings(set_value(data.settings(), key, value))


# ------------------------------------------------------------ the example neighbourhood

def example_neighbourhood(path: Path, today: date, *, lang: str = "en",
                          slots: str | None = None) -> Path:
    """What ``ronda demo`` stores when run on ``today`` in ``lang``: the example roster and
    settings, three away periods, six weeks planned (two past) with the liaison as guest on
    this week's Saturday, two incidents of the past nights, one forwarded to the police, and
    the letter handing them over to the Polsek in the register of letters. (The demo's poster,
    PDF, calendar and letter files are not written.)"""
    settings = example_settings((EXAMPLES / "neighbourhood.toml").read_text("utf-8"), lang,
                                slots)
    with create_data(path, settings) as data:
        store_example(data, (EXAMPLES / "roster.csv").read_text("utf-8"), today)
    with open_data(path, write=True) as data:
        found = select_incidents(data.incidents(EARLIEST, today))
        data.add_letter(issue_letter(data.letters(), "polsek", [i.id for i in found], today)[0])
    return path


# ------------------------------------------------------------ the two-shift neighbourhood

MONDAY = "2026-11-23"

TWO_SHIFTS = (("name", "RT 012 / RW 004"), ("area", "Kel. Jatinegara, Kota Jakarta"),
              ("timezone", "WIB"), ("lang", "id"), ("slots", "22.00-01.00=3 sat=4, 01.00-04.00=3"),
              ("rest", "1"))
FIRST_NAMES = ("Muhammad", "Siti", "Agus", "Dewi", "Bambang", "Sri", "Raden", "Nur", "Hendra",
               "Rina", "Wahyu", "Endang", "Yohanes", "Kadek", "Putu", "Fransiskus", "Ahmad")
LAST_NAMES = ("Abdurrahman Wicaksono", "Kartika Sari Dewi Lestari", "Prasetyo Nugroho",
              "Hadiningrat Kusumawardhani", "Setiawan", "Rahayu Ningsih", "Simanjuntak",
              "Hidayatullah Al-Banjari", "Sitompul", "Wibisono Adiputro")


def roster_csv() -> str:
    """34 residents in 17 houses, long names, a leader in four, some on weekdays only."""
    rows = ["nama;no_hp;rumah;ketua;hari"]
    for i in range(34):
        name = f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i % len(LAST_NAMES)]} {i + 1}"
        leader = "ya" if i % 4 == 0 else ""
        days = "sen-kam" if i % 7 == 3 else ""
        rows.append(f"{name};0812-{3000 + i:04d}-{4000 + i:04d};B-{i // 2 + 1:02d}"
                    f"{'' if i % 5 else 'x'};{leader};{days}")
    return "\n".join(rows) + "\n"


def two_shift_neighbourhood(path: Path, today: date, monday: date) -> Path:
    """RT 012 with two shifts a night and 34 residents imported on ``today``; one away for
    mudik, a local holiday with one more on Saturday 28/11/2026, four weeks planned from
    ``monday`` at 23.59 on ``today``."""
    new_neighbourhood(path, TWO_SHIFTS)
    import_roster(path, roster_csv(), today)
    mark_away(path, "Siti Kartika", date(2026, 11, 24), date(2026, 11, 30), "mudik")
    add_local_holiday(path, date(2026, 11, 28), "Haul Mbah Kyai", extra=1)
    plan(path, monday, 4, today)
    return path


# ------------------------------------------------------------ the example area

def example_area(folder: Path, today: date, *, lang: str = "en") -> Path:
    """What ``ronda demo --area`` stores before it plans the joint patrols: the five RTs of
    ``examples/area/rts.toml`` and the area file naming them; returns the area file."""
    from ronda.neighbourhood.example_area import example_rts, store_example_rt

    folder.mkdir(parents=True, exist_ok=True)
    for rt in example_rts((EXAMPLES / "area" / "rts.toml").read_text("utf-8"),
                          (EXAMPLES / "neighbourhood.toml").read_text("utf-8"), lang):
        with create_data(folder / rt.file, rt.settings) as data:
            store_example_rt(data, rt, today)
    area = folder / "area.toml"
    area.write_text((EXAMPLES / "area" / "area.toml").read_text("utf-8"), "utf-8")
    return area


# ------------------------------------------------------------ a full week on paper

SHIFT_HOURS = ("19.00-22.00", "22.00-01.00", "01.00-04.00")
LONG_NAME = "Raden Mas Bagus Hadiningrat Wicaksono"  # 37 letters, a number makes it 40


def full_settings(shifts: int, per_shift: int) -> Settings:
    """A neighbourhood with everything a printed footer can hold: ``shifts`` shifts of
    ``per_shift`` people, fine, jimpitan, liaison, coordinator, both heads, the pos and its
    place, two more numbers and the calendar address."""
    slots = ", ".join(f"{h}={per_shift}" for h in SHIFT_HOURS[-shifts:])
    return settings_of((("name", "RT 005 / RW 002"),
                        ("area", "Kel. Tembalang, Kec. Tembalang, Kota Semarang"),
                        ("lang", "id"), ("slots", slots), ("rest", "0"), ("fine", "20000"),
                        ("jimpitan", "500"), ("rt-head", "Suparman"), ("rw-head", "H. Mulyono"),
                        ("liaison.name", "Bripka Agus Widodo"),
                        ("liaison.phone", "0813-9011-2468"),
                        ("coordinator.name", "Bambang Sutrisno"),
                        ("coordinator.phone", "0812-2000-3000"),
                        ("post", "Pos Kamling Mawar"), ("post.location", "Jl. Mawar 3"),
                        ("emergency.polsek", "024-7460-110"), ("emergency.pln", "123"),
                        ("calendar-url", "https://ronda.example.org/rt005/jadwal.ics")))


def full_week(monday: date, *, shifts: int = 3, per_shift: int = 5, name_length: int = 40,
              guests: int = 3, holidays: int = 2, patrol: bool = False,
              away: int = 3, lang: str = "id",
              names: Callable[[int], str] | None = None) -> Sheet:
    """The sheet of a week as full as the paper promises to hold: every night ``shifts``
    shifts of ``per_shift`` people with names ``name_length`` letters long, the leader first,
    ``guests`` guests on Saturday's first shift, holidays on the first ``holidays`` nights,
    ``away`` houses empty, and the full footer; ``names`` gives the ``i``-th person's name."""
    from ronda.printing.poster import build_sheet
    from ronda.schedule.shifts import Guest, Shift

    settings = full_settings(shifts, per_shift)
    count = 7 * shifts * per_shift
    people = {}
    for i in range(1, count + 1):
        name = names(i) if names else f"{LONG_NAME} {i}".ljust(name_length, "a")[:name_length]
        people[i] = Volunteer(i, name, household=f"B-{i:02d}", phone=f"+62812300{i:05d}",
                              joined=monday - timedelta(days=90))
    for i in range(1, away + 1):
        people[i] = people[i].with_changes(away=(Away(monday, monday + timedelta(days=6),
                                                      "mudik"),))
    roles = ("bhabinkamtibmas", "babinsa", "other")
    plan = []
    for d in range(7):
        for s in range(shifts):
            first = (d * shifts + s) * per_shift + 1
            members = tuple(range(first, first + per_shift))
            visitors = tuple(Guest(f"Tamu {k + 1} {LONG_NAME}"[:30], roles[k % 3])
                             for k in range(guests)) if d == 5 and s == 0 else ()
            plan.append(Shift(monday + timedelta(days=d), s, members, leader=first,
                              guests=visitors))
    days = {monday + timedelta(days=k): Holiday(monday + timedelta(days=k),
                                                 f"Hari libur nasional ke-{k + 1}")
            for k in range(holidays)}
    return build_sheet(settings, plan, people, days, monday, monday, lang, patrol=patrol)
