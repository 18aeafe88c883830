"""The night before a national holiday is its eve, the busy ronda night: malam Natal, malam
Tahun Baru, malam takbiran. It is marked on every surface and takes the extra people the RT
sets for the holiday; the holiday's own night keeps its name."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from builders import add_local_holiday, example_neighbourhood, plan
from conftest import Run

from ronda.neighbourhood.holidays import holiday_map, national_holidays
from ronda.schedule.shifts import Holiday
from ronda.schedule.timetable import Timetable

TUESDAY = {"RONDA_TODAY": "2026-11-24"}


def marks(*local: Holiday) -> dict[date, Holiday]:
    return holiday_map([*national_holidays([2026, 2027]), *local])


def test_the_eves_of_christmas_new_year_and_both_eids_are_marked() -> None:
    found = marks()
    named = {d: (h.title("id"), h.title("en")) for d, h in found.items()}
    assert named[date(2026, 12, 24)] == ("Malam Natal", "Christmas Eve")
    assert named[date(2026, 12, 31)] == ("Malam Tahun Baru", "New Year's Eve")
    assert named[date(2026, 3, 20)] == ("Malam Takbiran Idul Fitri",
                                        "Takbiran night (eve of Eid al-Fitr)")
    assert named[date(2026, 5, 26)] == ("Malam Takbiran Idul Adha",
                                        "Takbiran night (eve of Eid al-Adha)")
    assert named[date(2026, 8, 16)] == ("Malam Hari Kemerdekaan Republik Indonesia",
                                        "Eve of Independence Day")
    # the holiday's own night keeps its name
    assert named[date(2026, 12, 25)] == ("Hari Raya Natal", "Christmas Day")
    assert named[date(2026, 3, 21)][0] == "Hari Raya Idul Fitri"
    # Idul Fitri's first day is its own, not the eve of the second
    assert named[date(2026, 3, 22)][0] == "Hari kedua dari Hari Raya Idul Fitri"
    # an estimated date's eve is estimated too
    assert named[date(2027, 3, 9)] == ("Malam Takbiran Idul Fitri (perkiraan)",
                                       "Takbiran night (eve of Eid al-Fitr) (estimated)")


def test_the_extra_people_set_for_a_holiday_go_to_its_eve() -> None:
    found = marks(Holiday(date(2026, 12, 25), "Natal", 2), Holiday(date(2026, 8, 1), "HUT RT", 3))
    timetable = Timetable.of(_settings(), found)
    assert timetable.required(date(2026, 12, 24), 0) == 6  # the eve: 4 + 2
    assert timetable.required(date(2026, 12, 25), 0) == 4
    assert found[date(2026, 12, 25)].title("id") == "Natal · Hari Raya Natal"
    assert timetable.required(date(2026, 8, 1), 0) == 7  # a local date keeps its own night


def test_an_eve_the_rt_named_itself_keeps_its_name_and_the_larger_extra() -> None:
    found = marks(Holiday(date(2026, 3, 20), "Takbiran keliling", 1),
                  Holiday(date(2026, 3, 21), "Lebaran", 3))
    assert found[date(2026, 3, 20)].title("en") == "Takbiran keliling"
    assert found[date(2026, 3, 20)].extra == 3


def _settings():  # noqa: ANN202
    from ronda.model import Settings

    return Settings(name="RT 005")


@pytest.mark.parametrize(("lang", "eve", "own"), [("id", "Malam Natal", "Hari Raya Natal"),
                                                  ("en", "Christmas Eve", "Christmas Day")])
def test_every_surface_shows_the_eve(run: Run, db: Path, lang: str, eve: str,
                                     own: str) -> None:
    example_neighbourhood(db, date(2026, 11, 24))
    add_local_holiday(db, date(2026, 12, 25), "Natal", 2)
    plan(db, date(2026, 12, 21), 1, date(2026, 11, 24))
    week = ("--week", "24/12/2026")
    night = next(s for s in json.loads(run("schedule", "--json", *week, lang=lang,
                                            env=TUESDAY).stdout)
                 if s["date"] == "2026-12-24")
    assert night["holiday"] == eve and night["required"] == 6 and len(night["volunteers"]) == 6
    table = run("roster", *week, "--format", "md", lang=lang, env=TUESDAY).stdout
    heads, _, cells = (row.strip("| ").split(" | ") for row in table.splitlines()
                       if row.startswith("| ") or row.startswith("|---"))
    thursday = next(i for i, head in enumerate(heads) if "24/12/2026" in head)
    assert cells[thursday].startswith(f"_{eve}_") and own in cells[thursday + 1]
    poster = db.with_suffix(".html")  # the printed poster: placed on the page, in its column
    assert run("roster", *week, "--format", "html", "-o", str(poster), lang=lang,
               env=TUESDAY).exit_code == 0
    words = " ".join(re.sub(r"<[^>]+>", " ", poster.read_text()).split())
    assert eve in words and own in words
    for fmt in ("text", "whatsapp", "terminal"):
        text = run("roster", *week, "--format", fmt, lang=lang, env=TUESDAY).stdout
        if fmt == "terminal":  # the nights' column, its wrapped lines read as one text
            text = " ".join(line.split("│")[1].strip() for line in text.splitlines()
                            if line.startswith("│"))
        thursday = text.index("24/12/2026")
        friday = text.index("25/12/2026")
        assert eve in text[thursday:friday], (fmt, text[thursday:friday])
        assert own in text[friday:], fmt


def test_new_year_s_eve_is_marked_when_the_plan_ends_on_it(run: Run, db: Path) -> None:
    example_neighbourhood(db, date(2026, 11, 24))
    assert run("schedule", "build", "--from", "28/12/2026", "--to", "31/12/2026",
               env=TUESDAY).exit_code == 0
    nights = json.loads(run("schedule", "--json", "--week", "31/12/2026", env=TUESDAY).stdout)
    assert {s["date"]: s["holiday"] for s in nights}["2026-12-31"] == "New Year's Eve"
    listed = json.loads(run("holiday", "list", "--year", "2026", "--json", env=TUESDAY).stdout)
    assert {h["date"]: h["title"] for h in listed}["2026-12-31"] == "New Year's Eve"


def test_adding_extra_people_for_a_holiday_says_they_go_on_its_eve(run: Run, db: Path) -> None:
    example_neighbourhood(db, date(2026, 11, 24))
    said = run("holiday", "add", "25/12/2026", "Natal", "--extra", "2", lang="id", env=TUESDAY)
    assert said.exit_code == 0, said.output
    assert "Jumat, 25/12/2026: Natal (+2 orang pada malam sebelumnya, Kamis, 24/12/2026)." \
        in said.stderr
    english = run("holiday", "add", "17/08/2027", "Tujuhbelasan", "--extra", "1", env=TUESDAY)
    assert "(+1 person on its eve, Monday, 16/08/2027)." in english.stderr


def test_a_holiday_s_extra_people_are_said_as_added_and_then_as_off(run: Run,
                                                                     db: Path) -> None:
    example_neighbourhood(db, date(2026, 11, 24))
    assert run("schedule", "build", "--from", "23/11/2026", "--weeks", "2",
               env=TUESDAY).exit_code == 0
    added = run("holiday", "add", "26/11/2026", "Haul", "--extra", "2", env=TUESDAY).stderr
    line = next(x for x in added.splitlines() if "Thu night 26/11/2026" in x)
    assert " added; now " in line and "→" not in line and "- " not in line
    group = run("roster", "--changes", "--format", "whatsapp", lang="id", env=TUESDAY).stdout
    assert "Ditambah: " in group and "- →" not in group
    off = run("holiday", "remove", "26/11/2026", lang="id", env=TUESDAY).stderr
    line = next(x for x in off.splitlines() if "Kamis malam 26/11/2026" in x)
    assert " tidak lagi bertugas; kini " in line and "→" not in line
