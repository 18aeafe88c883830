"""The neighbourhoods the tests start from are made with the core (``builders.py``), not the
commands. Here each is made both ways and the two data files must hold the same records (only
the moment the file was created differs) and the same number of backups: what a command does
to the data file is exactly what its core calls do."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from builders import (
    MONDAY,
    TWO_SHIFTS,
    add_event,
    example_neighbourhood,
    plan,
    remember_calendar,
    remove_volunteer,
    roster_csv,
    set_setting,
)
from conftest import BASE_ENV, FOUR, INIT, Run
from typer.testing import CliRunner, Result

from ronda.cli.app import app
from ronda.dates import zone


def records(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text("utf-8"))
    del data["_meta"]["1"]["created"]
    return data


def backups(path: Path) -> int:
    folder = path.parent / "backups"
    return len(list(folder.iterdir())) if folder.exists() else 0


def same_file(by_commands: Path, by_core: Path) -> None:
    assert records(by_commands) == records(by_core)
    assert backups(by_commands) == backups(by_core)


def core_file(tmp_path: Path) -> Path:
    (tmp_path / "core").mkdir()
    return tmp_path / "core" / "rt.json"


def commands(path: Path) -> Run:
    """``run`` on another data file: ronda in English with ``--db PATH``."""
    path.parent.mkdir()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, ["--db", str(path), "--lang", "en", *args],
                                  env={**BASE_ENV, **(env or {})})

    return invoke


def test_init_and_four_volunteer_adds_store_the_roster_fixture(roster: Path,
                                                               tmp_path: Path) -> None:
    by_commands = tmp_path / "cli" / "rt.json"
    run = commands(by_commands)
    assert run(*INIT).exit_code == 0
    for person in FOUR:
        options = [part for key, value in person.items() if key not in ("name", "leader")
                   for part in (f"--{key}", value)]
        result = run("volunteer", "add", person["name"], *options,
                     *(["--leader"] if person.get("leader") else []))
        assert result.exit_code == 0, result.output
    same_file(by_commands, roster)


def test_init_import_away_holiday_and_build_store_the_two_shift_fixture(
        night_in_two: Path, tmp_path: Path) -> None:
    by_commands = tmp_path / "cli" / "rt.json"
    run = commands(by_commands)
    settings = dict(TWO_SHIFTS)
    assert run("init", "--name", settings["name"], "--area", settings["area"], "--timezone",
               settings["timezone"], "--slots", settings["slots"], "--rest", settings["rest"],
               "--lang", settings["lang"]).exit_code == 0
    csv = tmp_path / "warga.csv"
    csv.write_text(roster_csv(), "utf-8")
    for args in (("volunteer", "import", str(csv)),
                 ("volunteer", "away", "Siti Kartika", "--from", "2026-11-24", "--to",
                  "2026-11-30", "--reason", "mudik"),
                 ("holiday", "add", "2026-11-28", "Haul Mbah Kyai", "--extra", "1"),
                 ("schedule", "build", "--from", MONDAY, "--weeks", "4")):
        result = run(*args)
        assert result.exit_code == 0, result.output
    same_file(by_commands, night_in_two)


def test_demo_then_a_rebuild_and_a_setting_store_the_example_fixtures(
        run: Run, db: Path, tmp_path: Path) -> None:
    tuesday = {"RONDA_TODAY": "2026-11-24"}
    assert run("demo", env=tuesday).exit_code == 0
    core = example_neighbourhood(core_file(tmp_path), date(2026, 11, 24))
    same_file(db, core)
    assert run("schedule", "build", "--from", "23/11/2026", "--weeks", "4", "--yes",
               env=tuesday).exit_code == 0
    plan(core, date(2026, 11, 23), 4, date(2026, 11, 24))
    assert run("config", "set", "rw-head", "H. Mulyono").exit_code == 0
    set_setting(core, "rw-head", "H. Mulyono")
    same_file(db, core)


def test_demo_event_export_and_remove_store_the_damaged_records_fixture(
        run: Run, db: Path, tmp_path: Path) -> None:
    env = {"RONDA_NOW": "2026-11-24T08:00:00+07:00"}
    now = datetime.fromisoformat(env["RONDA_NOW"])
    core = example_neighbourhood(core_file(tmp_path), now.date())
    for args in (("demo",), ("event", "add", "Sosialisasi narkoba", "--at", "12/12/2026 19.30"),
                 ("export", "ics", "-o", str(tmp_path / "x.ics")),
                 ("volunteer", "remove", "Dimas Anggoro")):
        result = run(*args, env=env)
        assert result.exit_code == 0, result.output
    add_event(core, "Sosialisasi narkoba", datetime(2026, 12, 12, 19, 30,
                                                    tzinfo=zone("Asia/Jakarta")))
    remember_calendar(core, now.date(), "en")
    remove_volunteer(core, "Dimas Anggoro", now)
    same_file(db, core)
