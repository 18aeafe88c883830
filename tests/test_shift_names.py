"""A shift after midnight belongs to its evening and is named with its morning's date too:
"Kamis malam 26/11/2026 (malam Jumat) · 01.00–04.00 (Jumat dini hari 27/11/2026)" /
"Thu night 26/11/2026 · 01:00–04:00 (Fri 27/11/2026)". A shift that starts in the evening is
named by its evening alone. Every surface that names a shift says it the same way, in both
languages, on a night of two shifts (22.00–01.00 and 01.00–04.00)."""

from __future__ import annotations

import json
import shutil
from datetime import date, time
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
from builders import MONDAY, two_shift_neighbourhood
from conftest import TODAY, Run, again

ENV = {"RONDA_TODAY": TODAY}
NIGHT = "2026-11-26"  # a Thursday; its late shift runs on Friday 27/11 from 01.00
LATE = {"en": "Thu night 26/11/2026 · 01:00–04:00 (Fri 27/11/2026)",
        "id": "Kamis malam 26/11/2026 (malam Jumat) · 01.00–04.00 (Jumat dini hari 27/11/2026)"}
LATE_WIB = {"en": "Thu night 26/11/2026 · 01:00–04:00 WIB (Fri 27/11/2026)",
            "id": "Kamis malam 26/11/2026 (malam Jumat) · 01.00–04.00 WIB "
                  "(Jumat dini hari 27/11/2026)"}
EARLY_WIB = {"en": "Thu night 26/11/2026 · 22:00–01:00 WIB",
             "id": "Kamis malam 26/11/2026 (malam Jumat) · 22.00–01.00 WIB"}
LANGS = pytest.mark.parametrize("lang", ["en", "id"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two shifts a night, planned for four weeks from Monday 23/11/2026, built once."""
    return two_shift_neighbourhood(tmp_path_factory.mktemp("two") / "rt012.json",
                                   date.fromisoformat(TODAY), date.fromisoformat(MONDAY))


@pytest.fixture
def two(built: Path, db: Path) -> Path:
    """A copy of the built neighbourhood at the ``run`` fixture's data file."""
    shutil.copy(built, db)
    return db


def shifts(run: Run) -> dict[tuple[str, int], dict]:
    result = run("schedule", "--week", MONDAY, "--json", env=ENV)
    assert result.exit_code == 0, result.output
    return {(s["date"], s["slot"]): s for s in json.loads(result.stdout)}


def line_starting(text: str, start: str) -> bool:
    """Whether a line of ``text`` starts with ``start`` (a warning may come first)."""
    return any(line.startswith(start) for line in text.splitlines())


def off_night(run: Run, night: str) -> str:
    """Someone on no shift of ``night`` and not away: free to come in."""
    on = {v["id"] for (d, _), s in shifts(run).items() if d == night for v in s["volunteers"]}
    people = json.loads(run("volunteer", "list", "--json", env=ENV).stdout)
    return next(str(v["id"]) for v in people if v["id"] not in on and not v["away"]
                and v["active"])


def test_one_function_names_the_night_and_the_morning_of_a_shift() -> None:
    from ronda.dates import format_shift

    monday = date(2027, 3, 1)
    assert format_shift(monday, time(1), time(4), "en") == \
        "Mon night 01/03 · 01:00–04:00 (Tue 02/03)"
    assert format_shift(monday, time(1), time(4), "id") == \
        "Senin malam 01/03 (malam Selasa) · 01.00–04.00 (Selasa dini hari 02/03)"
    assert format_shift(monday, time(22), time(4), "en") == "Mon night 01/03 · 22:00–04:00"
    assert format_shift(monday, time(22), time(4), "id") == \
        "Senin malam 01/03 (malam Selasa) · 22.00–04.00"
    # the night of one evening shift needs no hours; a shift after midnight always has them
    assert format_shift(monday, time(22), time(4), "id", hours=False) == \
        "Senin malam 01/03 (malam Selasa)"
    assert format_shift(monday, time(0), time(3), "en", hours=False) == \
        "Mon night 01/03 · 00:00–03:00 (Tue 02/03)"
    # under a night already named; with the year and the zone, across the new year
    assert format_shift(monday, time(1), time(4), "id", night=False) == \
        "01.00–04.00 (Selasa dini hari 02/03)"
    assert format_shift(date(2026, 12, 31), time(1), time(4), "id", year=True,
                        zone_name="Asia/Makassar") == \
        "Kamis malam 31/12/2026 (malam Jumat) · 01.00–04.00 WITA (Jumat dini hari 01/01/2027)"
    assert format_shift(date(2026, 12, 31), time(1), time(4), "en", year=True,
                        zone_name="Asia/Jakarta") == \
        "Thu night 31/12/2026 · 01:00–04:00 WIB (Fri 01/01/2027)"


@pytest.mark.parametrize("lang", [again("en", id="en"), "id"])
def test_a_swap_names_the_late_shift_by_its_night_and_its_morning(run: Run, two: Path,
                                                                  lang: str) -> None:
    member = shifts(run)[(NIGHT, 1)]["volunteers"][1]["id"]
    result = run("schedule", "swap", NIGHT, str(member), off_night(run, NIGHT), "--force",
                 env=ENV, lang=lang)
    assert result.exit_code == 0, result.output
    assert line_starting(result.stderr, f"✓ {LATE[lang]}: #")


@LANGS
def test_an_exchange_names_both_shifts(run: Run, two: Path, lang: str) -> None:
    planned = shifts(run)
    late = planned[(NIGHT, 1)]["volunteers"][1]["id"]
    on_thursday = {v["id"] for (d, _), s in planned.items() if d == NIGHT
                   for v in s["volunteers"]}
    other = next(v["id"] for v in planned[("2026-11-28", 0)]["volunteers"][1:]
                 if v["id"] not in on_thursday)
    result = run("schedule", "exchange", NIGHT, str(late), "2026-11-28", str(other),
                 "--force", env=ENV, lang=lang)
    assert result.exit_code == 0, result.output
    saturday = {"en": "Sat night 28/11/2026 · 22:00–01:00",
                "id": "Sabtu malam 28/11/2026 (malam Minggu) · 22.00–01.00"}[lang]
    assert f"{saturday}, " in result.stderr and f"{LATE[lang]}." in result.stderr


@LANGS
def test_a_guest_and_the_attendance_name_the_late_shift(run: Run, two: Path,
                                                        lang: str) -> None:
    guest = run("schedule", "guest", NIGHT, "Bripka Agus", "--slot", "2", env=ENV, lang=lang)
    assert guest.exit_code == 0, guest.output
    assert f" {LATE[lang]}." in guest.stderr
    team = shifts(run)[(NIGHT, 1)]["volunteers"]
    attended = run("schedule", "attend", NIGHT, "--absent", str(team[1]["id"]), "--substitute",
                   "Pak Darto", "--slot", "2", env={"RONDA_TODAY": "2026-11-27"}, lang=lang)
    assert attended.exit_code == 0, attended.output
    assert line_starting(attended.stderr, f"✓ {LATE[lang]}: ")
    settled = run("schedule", "swap", NIGHT, str(team[2]["id"]), off_night(run, NIGHT),
                  env={"RONDA_TODAY": "2026-11-27"}, lang=lang)
    assert settled.exit_code == 2 and LATE[lang] in settled.stderr


@LANGS
def test_the_change_message_and_each_tell_link_name_the_morning(run: Run, two: Path,
                                                                lang: str) -> None:
    early, late = shifts(run)[(NIGHT, 0)], shifts(run)[(NIGHT, 1)]
    coming = off_night(run, NIGHT)
    assert run("schedule", "swap", NIGHT, str(late["volunteers"][1]["id"]), coming, "--force",
               env=ENV).exit_code == 0
    assert run("schedule", "swap", NIGHT, str(early["volunteers"][1]["id"]),
               off_night(run, NIGHT), "--force", env=ENV).exit_code == 0
    group = run("roster", "--changes", "--format", "whatsapp", env=ENV, lang=lang).stdout
    assert f"*{LATE_WIB[lang]}*\n" in group and f"*{EARLY_WIB[lang]}*\n" in group
    told = run("roster", "--tell", env=ENV, lang=lang).stdout
    joined = {"en": "you are now on duty", "id": "Anda kini bertugas"}[lang]
    links = [unquote(line) for line in told.splitlines() if line.startswith("https://wa.me/")]
    assert len(links) == 4
    assert sum(f"{joined} {LATE_WIB[lang]}\n" in link for link in links) == 1


@LANGS
def test_tonight_s_reminder_gives_the_late_shift_its_morning(run: Run, two: Path,
                                                             lang: str) -> None:
    text = run("roster", "--tonight", "--format", "whatsapp", lang=lang,
               env={"RONDA_NOW": "2026-11-26T19:00:00+07:00"}).stdout
    late = {"en": "_01:00–04:00 (Fri 27/11)_", "id": "_01.00–04.00 (Jumat dini hari 27/11)_"}
    early = {"en": "_22:00–01:00_", "id": "_22.00–01.00_"}
    assert f"\n{late[lang]}\n" in text and f"\n{early[lang]}\n" in text


@LANGS
def test_the_slip_names_each_shift_by_its_night_and_morning(run: Run, two: Path,
                                                            lang: str) -> None:
    name = shifts(run)[(NIGHT, 1)]["volunteers"][1]["name"]
    slip = run("roster", "--volunteer", name, "--week", MONDAY, "--format", "text", env=ENV,
               lang=lang).stdout
    assert f"\n- {LATE_WIB[lang]} · " in slip


@LANGS
def test_the_calendar_says_whose_night_a_late_shift_is(run: Run, two: Path, tmp_path: Path,
                                                       lang: str) -> None:
    out = tmp_path / "jadwal.ics"
    made = run("export", "ics", "-o", str(out), "--from", NIGHT, "--to", NIGHT, env=ENV,
               lang=lang)
    assert made.exit_code == 0, made.output
    events = {e["dtstart"].dt.hour: e
              for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    summary = {"en": "Night patrol, Thu night 26/11 · 01:00–04:00 (Fri 27/11) · ",
               "id": "Ronda Kamis malam 26/11 (malam Jumat) · 01.00–04.00 (Jumat dini hari "
                     "27/11) · "}[lang]
    assert str(events[1]["summary"]).startswith(summary)
    assert str(events[1]["description"]).startswith(f"{LATE_WIB[lang]}\n")
    assert str(events[22]["description"]).startswith(f"{EARLY_WIB[lang]}\n")


@LANGS
def test_the_liaison_s_plan_and_calendar_name_the_late_shift(run: Run, two: Path,
                                                             tmp_path: Path, lang: str) -> None:
    area = tmp_path / "area.toml"
    assert run("area", "init", "--name", "Kel. Jatinegara", "--liaison", "Bripka Agus",
               "--file", two.name, "--area", str(area)).exit_code == 0
    assert run("schedule", "guest", NIGHT, "Bripka Agus", "--slot", "2",
               env=ENV).exit_code == 0
    in_area = {**ENV, "RONDA_AREA": str(area), "COLUMNS": "150"}
    plan = run("area", "plan-visits", "--from", MONDAY, "--weeks", "1", env=in_area, lang=lang)
    assert plan.exit_code == 0, plan.output
    row = {"en": "│ Thursday, 26/11/2026 │ RT 012 / RW 004 │ 01:00–04:00 (Fri 27/11) │",
           "id": "│ Kamis, 26/11/2026 │ RT 012 / RW 004 │ 01.00–04.00 (Jumat dini hari 27/11) │"}
    assert row[lang] in plan.stdout
    out = tmp_path / "agus.ics"
    made = run("area", "export", "ics", "-o", str(out), "--from", NIGHT, "--to", NIGHT,
               env=in_area, lang=lang)
    assert made.exit_code == 0, made.output
    [visit] = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert f": {LATE_WIB[lang]}. " in str(visit["description"])


@LANGS
def test_an_incident_names_the_shift_on_duty(run: Run, two: Path, lang: str) -> None:
    now = {"RONDA_NOW": "2026-11-27T07:00:00+07:00", "COLUMNS": "250"}
    logged = run("incident", "log", "--at", "27/11/2026 02.15", "--category", "theft",
                 "--description", "Tabung gas hilang dari dapur", "--json", env=now)
    assert logged.exit_code == 0, logged.output
    shown = run("incident", "show", str(json.loads(logged.stdout)["id"]), env=now, lang=lang)
    assert f" {LATE_WIB[lang]} · ★ " in shown.stdout
