"""The incident book in one file per year beside the data file: what each file holds, which
commands read or write which file, the migration of a book still in the data file, erasure
in every year, and backups and restores that never give an id twice."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from builders import log_incident
from conftest import Run, book_files, digest, incident_book

from ronda.incidents.book import Incident, Reporter
from ronda.model import Volunteer
from ronda.store.datafile import list_backups, open_data, year_path

WIB = ZoneInfo("Asia/Jakarta")
NOW = {"RONDA_NOW": "2026-11-24T08:00:00+07:00"}


def report(when: datetime, text: str) -> Incident:
    return Incident(0, when, when, "theft", text, "low", "Gang 3")


@pytest.fixture
def years(roster: Path) -> Path:
    """Four incidents over three years (2024, 2025 and two in 2026), two with a reporter,
    one of them Budi Santoso."""
    with open_data(roster, write=True) as data:
        budi = next(v for v in data.volunteers() if v.name == "Budi Santoso")
        for when, text, reporter in (
                (datetime(2024, 12, 31, 23, 30, tzinfo=WIB), "Helm hilang", None),
                (datetime(2025, 6, 1, 1, 0, tzinfo=WIB), "Pagar dirusak",
                 Reporter(0, budi.name, budi.id)),
                (datetime(2026, 1, 1, 0, 30, tzinfo=WIB), "Petasan", None),
                (datetime(2026, 11, 20, 2, 0, tzinfo=WIB), "Jemuran hilang",
                 Reporter(0, "Bu Sri", None))):
            log_incident(data, report(when, text), when + timedelta(hours=1), reporter)
    return roster


def test_each_year_has_its_own_private_tinydb_file_and_the_data_file_keeps_the_rest(
        years: Path) -> None:
    assert [p.name for p in book_files(years)] == [
        "rt005.incidents-2024.json", "rt005.incidents-2025.json", "rt005.incidents-2026.json"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in book_files(years))
    main = json.loads(years.read_text())
    assert "incidents" not in main and "reporters" not in main
    assert main["_meta"]["1"]["next_id"]["incidents"] == 5  # the counter stays here
    book = incident_book(years)  # plain TinyDB reads them
    assert sorted(book["incidents"]) == ["1", "2", "3", "4"]
    assert [r["name"] for r in book["reporters"].values()] == ["Budi Santoso", "Bu Sri"]
    late = json.loads(year_path(years, 2024).read_text())["incidents"]
    assert [i["description"] for i in late.values()] == ["Helm hilang"]  # by its local date


def test_a_command_reads_and_writes_only_the_years_it_needs(run: Run, years: Path) -> None:
    before = {p.name: digest(p) for p in book_files(years)}
    for p in book_files(years):
        p.write_text("not json")  # any reader of it would stop
    broken = {p.name: digest(p) for p in book_files(years)}
    assert run("volunteer", "list").exit_code == 0
    assert run("volunteer", "add", "Warga Baru").exit_code == 0
    assert run("schedule", "--json").exit_code == 0
    assert {p.name: digest(p) for p in book_files(years)} == broken
    assert before  # and with sound files, a log changes only its own year and the data file
    listed = run("incident", "list", env=NOW)
    assert listed.exit_code == 1 and "rt005.incidents-" in listed.stderr
    assert "no backup of it" in listed.stderr  # and none to restore is offered


def test_a_log_writes_its_year_and_the_counter_only(run: Run, years: Path) -> None:
    others = {p.name: digest(p) for p in book_files(years) if "2026" not in p.name}
    result = run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
                 "Sandal hilang", env=NOW)
    assert result.exit_code == 0, result.output
    assert "#5" in result.stderr
    assert {p.name: digest(p) for p in book_files(years) if "2026" not in p.name} == others
    assert "Sandal hilang" in year_path(years, 2026).read_text()
    assert json.loads(years.read_text())["_meta"]["1"]["next_id"]["incidents"] == 6


def test_incidents_are_found_in_any_year(run: Run, years: Path) -> None:
    shown = run("incident", "show", "2", "--json", "--with-reporters", env=NOW)
    assert json.loads(shown.stdout)["reporter"]["name"] == "Budi Santoso"
    since = json.loads(run("incident", "list", "--since", "2025-01-01", "--json",
                           env=NOW).stdout)
    assert [i["id"] for i in since] == [2, 3, 4]
    assert run("incident", "update", "1", "--status", "closed", env=NOW).exit_code == 0
    assert incident_book(years)["incidents"]["1"]["status"] == "closed"
    records = json.loads(run("info", "--json").stdout)["records"]
    assert records["incidents"] == 4 and records["reporters"] == 2
    checked = json.loads(run("db", "check", "--json").stdout)
    assert checked["records"]["incidents"] == 4


def test_purging_a_volunteer_erases_them_as_a_reporter_in_every_year(run: Run,
                                                                     years: Path) -> None:
    assert "Budi Santoso" in year_path(years, 2025).read_text()
    purged = run("volunteer", "remove", "Budi Santoso", "--purge", "--yes")
    assert purged.exit_code == 0
    assert all("Budi Santoso" not in p.read_text() for p in [years, *book_files(years)])
    # the year file changed by a command that backs up was backed up first, without them
    (backup,) = list_backups(year_path(years, 2025))
    assert "Pagar dirusak" in backup.path.read_text()
    assert "Budi Santoso" not in backup.path.read_text()
    assert backup.path.name in purged.stderr


def test_a_data_file_that_still_holds_the_book_is_backed_up_and_moved_out(
        run: Run, years: Path) -> None:
    main = json.loads(years.read_text())
    book = incident_book(years)
    main["incidents"], main["reporters"] = book["incidents"], book["reporters"]
    main["_meta"]["1"]["schema"] = 1
    main["_meta"]["1"]["next_id"] = {"volunteers": 5}  # an old file: counters behind
    for p in book_files(years):
        p.unlink()
    years.write_text(json.dumps(main))
    old = years.read_bytes()
    listed = json.loads(run("incident", "list", "--json", env=NOW).stdout)  # reads in memory
    assert [i["id"] for i in listed] == [1, 2, 3, 4]
    assert years.read_bytes() == old and book_files(years) == []
    assert run("volunteer", "add", "Warga Baru").exit_code == 0  # a writer migrates
    assert [p.name[-9:-5] for p in book_files(years)] == ["2024", "2025", "2026"]
    assert incident_book(years) == book
    migrated = json.loads(years.read_text())
    assert migrated["_meta"]["1"]["schema"] == 2 and "incidents" not in migrated
    assert list_backups(years)[0].path.read_bytes() == old
    logged = run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
                 "x", "--json", env=NOW)
    assert json.loads(logged.stdout[logged.stdout.index("{"):])["id"] == 5  # never reused


def test_a_restored_data_file_never_gives_an_incident_id_twice(run: Run, years: Path) -> None:
    assert run("volunteer", "remove", "Siti Aminah").exit_code == 0  # backup 1: 4 incidents
    assert run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
               "Kelima", env=NOW).exit_code == 0
    assert run("db", "restore", "1", "--yes").exit_code == 0
    assert "Kelima" in year_path(years, 2026).read_text()  # the book stays as it is
    logged = run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
                 "Keenam", "--json", env=NOW)
    assert json.loads(logged.stdout[logged.stdout.index("{"):])["id"] == 6
    assert sorted(incident_book(years)["incidents"]) == ["1", "2", "3", "4", "5", "6"]


def test_a_year_file_is_restored_from_its_own_backups(run: Run, years: Path) -> None:
    assert run("volunteer", "remove", "Budi Santoso", "--purge", "--yes").exit_code == 0
    listed = run("db", "backups", "--year", "2025", "--json")
    assert len(json.loads(listed.stdout)) == 1
    assert run("db", "restore", "1", "--year", "2025", "--yes").exit_code == 0
    restored = year_path(years, 2025).read_text()
    assert "Pagar dirusak" in restored and "Budi Santoso" not in restored  # erased there too
    assert run("db", "check").exit_code == 0


def test_a_new_neighbourhood_never_adopts_an_old_book(run: Run, years: Path) -> None:
    years.unlink()
    result = run("demo")
    assert result.exit_code == 1 and "rt005.incidents-2024.json" in result.stderr
    assert len(book_files(years)) == 3  # left as they were


def test_the_area_reads_an_rt_s_incidents_from_its_year_files_and_skips_them_as_rts(
        run: Run, years: Path, tmp_path: Path) -> None:
    from ronda.store.area import read_area, read_rt

    (tmp_path / "area.toml").write_text('name = "Kel. Tembalang"\nfolder = "."\n'
                                        '[liaison]\nname = "Bripka Agus"\n')
    _, files = read_area(tmp_path / "area.toml")
    assert [p.name for p in files] == ["rt005.json"]
    rt = read_rt(years, "rt005", None, None, datetime(2025, 1, 1).date(),
                 datetime(2026, 12, 31).date())
    assert [i.id for i in rt.incidents] == [2, 3, 4]


def test_volunteers_added_alongside_keep_their_own_counter(years: Path) -> None:
    with open_data(years, write=True) as data:
        stored = data.add_volunteer(Volunteer(0, "Warga Lima"))
    assert stored.id == 5
