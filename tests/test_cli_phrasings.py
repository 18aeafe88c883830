"""What coordinators type, through the commands: the words are accepted where ronda asks for
a day or a moment, the data file holds what they meant, and a phrase that can be read two
ways is one line, exit 2, the file untouched. (The phrasings themselves are tabled in
``test_dates_phrasings.py``.)"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from builders import example_neighbourhood
from conftest import Run, digest

from ronda.store.datafile import open_data

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY_MORNING = {"RONDA_NOW": "2026-11-24T09:00:00+07:00"}


def test_an_incident_at_tadi_malam_02_belongs_to_last_evenings_shift(run: Run, db: Path) -> None:
    example_neighbourhood(db, date(2026, 11, 24))
    result = run("incident", "log", "--at", "tadi malam 02.00", "--category", "pencurian",
                 "--description", "Jemuran hilang", lang="id", env=TUESDAY_MORNING)
    assert result.exit_code == 0, result.output
    assert "Selasa, 24/11/2026 pukul 02.00 WIB" in result.stderr
    with open_data(db) as data:
        logged = data.incidents()[-1]
    assert logged.occurred_at == datetime(2026, 11, 24, 2, 0, tzinfo=WIB)
    assert logged.shift == (date(2026, 11, 23), 0)  # Monday evening's patrol


def test_an_incident_at_kemarin_23_15_category_berisik(run: Run, roster: Path) -> None:
    result = run("incident", "log", "--at", "kemarin 23.15", "--category", "berisik",
                 "--description", "Knalpot brong", env=TUESDAY_MORNING)
    assert result.exit_code == 0, result.output
    assert "Monday, 23/11/2026 at 23:15 WIB · Disturbance" in result.stderr
    with open_data(roster) as data:
        [logged] = data.incidents()
    assert logged.occurred_at == datetime(2026, 11, 23, 23, 15, tzinfo=WIB)
    assert logged.category == "disturbance"


def test_a_plan_from_besok_and_from_a_date_without_its_year(run: Run, roster: Path) -> None:
    # today is Sunday 22/11/2026 (conftest): besok is Monday 23/11, 2/12 the coming one
    assert run("schedule", "build", "--from", "besok", "--weeks", "1").exit_code == 0
    with open_data(roster) as data:
        planned = [s.date for s in data.shifts()]
    assert (planned[0], planned[-1]) == (date(2026, 11, 23), date(2026, 11, 29))
    assert run("schedule", "build", "--from", "2/12", "--to", "Sabtu 5/12").exit_code == 0
    with open_data(roster) as data:
        planned = [s.date for s in data.shifts(date(2026, 11, 30))]
    assert (planned[0], planned[-1]) == (date(2026, 12, 2), date(2026, 12, 5))


def test_an_event_besok_19_30(run: Run, roster: Path) -> None:
    result = run("event", "add", "Rapat RT", "--at", "besok 19.30", lang="id")
    assert result.exit_code == 0, result.output
    with open_data(roster) as data:
        [event] = data.events()
    assert event.start == datetime(2026, 11, 23, 19, 30, tzinfo=WIB)


def test_a_category_refused_lists_the_indonesian_names(run: Run, roster: Path) -> None:
    before = digest(roster)
    result = run("incident", "log", "--at", "-1h", "--category", "ufo", "--description", "x",
                 lang="id")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Galat: --category: 'ufo' bukan salah satu dari pencurian, curat, curas, curanmor, "
        "pencurian ternak, mencurigakan, perusakan, kebakaran, banjir, tawuran, balap liar, "
        "narkoba, miras, judi, pemalakan, kecelakaan, gangguan ketertiban, fasilitas rusak, "
        "lainnya."]
    assert digest(roster) == before


def test_a_phrase_read_two_ways_is_one_line_and_changes_nothing(run: Run, roster: Path) -> None:
    before = digest(roster)
    result = run("incident", "log", "--at", "Sabtu depan 23.00", "--category", "theft",
                 "--description", "x", lang="id", env=TUESDAY_MORNING)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Galat: 'Sabtu depan 23.00' bisa berarti Sabtu, 28/11/2026 atau Sabtu, 05/12/2026: "
        "tulis tanggalnya, atau pekannya (Sabtu pekan depan)."]
    week = run("incident", "log", "--at", "minggu lalu 23.00", "--category", "theft",
               "--description", "x", lang="id", env=TUESDAY_MORNING)  # minggu lalu: a week
    assert week.stderr.strip().splitlines() == [
        "Galat: 'minggu lalu 23.00' adalah 16–22 November 2026, bukan satu hari: sebutkan "
        "harinya, misalnya 28/11/2026."]
    assert digest(roster) == before
