"""A damaged record anywhere in the data file stops every command with exit code 1 and one
line, and the file is never rewritten: proven on the reported damages and on random ones
(Hypothesis) in every table."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from builders import add_event, example_neighbourhood, remember_calendar, remove_volunteer
from conftest import BASE_ENV, digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ronda.cli.app import app
from ronda.store.datafile import check_records

NOW = {"RONDA_NOW": "2026-11-24T08:00:00+07:00"}
# readers and writers of every part of the file
COMMANDS = (("volunteer", "list"), ("schedule", "--json"), ("incident", "list"),
            ("incident", "stats"), ("volunteer", "add", "Warga Baru"),
            ("incident", "log", "--at", "-1h", "--category", "theft", "--description", "x"),
            ("export", "ics", "-o", "-"), ("event", "list"), ("holiday", "list"))


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo file with every table filled: roster, shifts, incidents, reporters, events,
    the calendar registry and the log of plan changes."""
    db = tmp_path_factory.mktemp("sound") / "rt.json"
    now = datetime.fromisoformat(NOW["RONDA_NOW"])
    example_neighbourhood(db, now.date())
    add_event(db, "Sosialisasi narkoba", datetime(2026, 12, 12, 19, 30, tzinfo=now.tzinfo))
    remember_calendar(db, now.date(), "en")
    remove_volunteer(db, "Dimas Anggoro", now)
    tables = json.loads(db.read_text())
    for table in ("volunteers", "shifts", "incidents", "reporters", "events", "calendar",
                  "plan_changes", "holidays"):
        assert tables.get(table), table
    return db


def run_all(db: Path) -> list[tuple[tuple[str, ...], int, str]]:
    runner = CliRunner()
    out = []
    for args in COMMANDS:
        result = runner.invoke(app, ["--db", str(db), *args], env={**BASE_ENV, **NOW})
        out.append((args, result.exit_code, result.output))
    return out


def damaged(sound: Path, tmp_path: Path, table: str, change) -> Path:  # noqa: ANN001
    db = tmp_path / "rt.json"
    shutil.copy(sound, db)
    data = json.loads(db.read_text())
    key = sorted(data[table], key=int)[0]
    change(data[table][key])
    db.write_text(json.dumps(data))
    db.chmod(0o600)
    return db


@pytest.mark.parametrize(("table", "field", "value"), [
    ("incidents", "timeline", "oops"),
    ("incidents", "occurred_at", 5),
    ("incidents", "id", "1"),
    ("incidents", "occurred_at", "2026-11-23T01:40:00"),  # no time zone
    ("incidents", "category", "alien-abduction"),
    ("reporters", "incident", None),
    ("volunteers", "days", ["someday"]),
    ("shifts", "volunteers", ["3"]),
    ("events", "id", "1"),
    ("plan_changes", "before", "x"),
    ("holidays", "extra", "2"),
])
def test_a_reported_damage_stops_every_command(sound: Path, tmp_path: Path, table: str,
                                               field: str, value: object) -> None:
    db = damaged(sound, tmp_path, table, lambda r: r.__setitem__(field, value))
    before = digest(db)
    for args, code, output in run_all(db):
        assert code == 1, (args, output)
        assert "Traceback" not in output and "damaged" in output, (args, output)
        assert len(output.strip().splitlines()) == 1
    assert digest(db) == before
    assert not list(tmp_path.glob("backups/*"))


JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 10**12) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
TABLES = ("volunteers", "shifts", "incidents", "reporters", "events", "plan_changes",
          "holidays", "settings")


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TABLES), st.data())
def test_any_damage_to_any_record_is_refused_or_harmless(sound: Path, tmp_path_factory,  # noqa: ANN001
                                                         table: str, data) -> None:  # noqa: ANN001
    tmp = tmp_path_factory.mktemp("fuzz")
    record = json.loads(sound.read_text())[table]
    first = record[sorted(record, key=int)[0]]
    field = data.draw(st.sampled_from(sorted(first)))
    value = data.draw(JSON)
    db = damaged(sound, tmp, table, lambda r: r.__setitem__(field, value))
    before = digest(db)
    broken = bool(check_records(json.loads(db.read_text())))
    for args, code, output in run_all(db):
        assert code in (0, 1, 2), (args, output)
        assert "Traceback" not in output and "internal" not in output, (args, output)
        if broken:
            assert code == 1, (args, field, value, output)
    if broken:
        assert digest(db) == before


def test_a_sound_file_without_its_digest_reads_in_full_and_passes(sound: Path,
                                                                 tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    shutil.copy(sound, db)  # as an older ronda left it: no digest beside it
    assert not (tmp_path / ".rt.json.checked").exists()
    for args, code, output in run_all(db):
        assert code == 0, (args, output)
    assert (tmp_path / ".rt.json.checked").exists()
    assert check_records(json.loads(db.read_text())) == []
