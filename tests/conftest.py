"""Shared fixtures: a temporary data file and a runner that calls ronda like a user would."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ronda.cli.app import app

TODAY = "2026-11-22"  # a Sunday; 28/11/2026 is the Saturday after
BASE_ENV = {"COLUMNS": "120", "NO_COLOR": "1", "RONDA_TODAY": TODAY, "RONDA_LANG": None,
            "RONDA_DB": None, "LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}

Run = Callable[..., Result]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "rt005.json"


@pytest.fixture
def run(db: Path) -> Run:
    """``run("volunteer", "list", lang="id")``: ronda with ``--db`` on the test file."""
    runner = CliRunner()

    def invoke(*args: str, lang: str | None = "en", input: str | None = None,
               env: dict[str, str | None] | None = None) -> Result:
        argv = ["--db", str(db)] + (["--lang", lang] if lang else []) + list(args)
        return runner.invoke(app, argv, input=input, env={**BASE_ENV, **(env or {})})

    return invoke


INIT = ("init", "--name", "RT 005 / RW 002", "--area",
        "Kel. Tembalang, Kec. Tembalang, Kota Semarang", "--timezone", "WIB", "--start", "22:00",
        "--end", "04.00", "--per-night", "4", "--rest", "2", "--coordinator", "Bambang Sutejo",
        "--coordinator-phone", "0812-2870-4411", "--liaison", "Bripka Agus Widodo",
        "--liaison-phone", "+62 813 9011 2468", "--post", "Pos Kamling RT 005", "--lang", "id")


@pytest.fixture
def neighbourhood(run: Run, db: Path) -> Path:
    """A set-up neighbourhood with no volunteers yet."""
    result = run(*INIT)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def roster(run: Run, neighbourhood: Path) -> Path:
    """A neighbourhood with four volunteers in two teams."""
    for args in (
        ("Budi Santoso", "--phone", "0812-3456-7890", "--household", "A-01", "--team", "Regu 1",
         "--leader"),
        ("Budi Hartono", "--phone", "0813-2765-4410", "--household", "A-02", "--team", "Regu 1"),
        ("Siti Aminah", "--household", "A-03", "--team", "Regu 2", "--days", "sen,rab,jum"),
        ("Andi Setiawan", "--household", "A-04", "--team", "Regu 2", "--leader"),
    ):
        result = run("volunteer", "add", *args)
        assert result.exit_code == 0, result.output
    return neighbourhood


def digest(path: Path) -> str:
    """The file's bytes, hashed: to show a command left it untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# A neighbourhood that splits the night in two, with 34 households and long names.
SLOTS = "22.00-01.00=3 sat=4, 01.00-04.00=3"
FIRST_NAMES = ("Muhammad", "Siti", "Agus", "Dewi", "Bambang", "Sri", "Raden", "Nur", "Hendra",
               "Rina", "Wahyu", "Endang", "Yohanes", "Kadek", "Putu", "Fransiskus", "Ahmad")
LAST_NAMES = ("Abdurrahman Wicaksono", "Kartika Sari Dewi Lestari", "Prasetyo Nugroho",
              "Hadiningrat Kusumawardhani", "Setiawan", "Rahayu Ningsih", "Simanjuntak",
              "Hidayatullah Al-Banjari", "Sitompul", "Wibisono Adiputro")
MONDAY = "2026-11-23"


def roster_csv() -> str:
    rows = ["nama;no_hp;rumah;ketua;hari"]
    for i in range(34):
        name = f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i % len(LAST_NAMES)]} {i + 1}"
        leader = "ya" if i % 4 == 0 else ""
        days = "sen-kam" if i % 7 == 3 else ""
        rows.append(f"{name};0812-{3000 + i:04d}-{4000 + i:04d};B-{i // 2 + 1:02d}"
                    f"{'' if i % 5 else 'x'};{leader};{days}")
    return "\n".join(rows) + "\n"


@pytest.fixture
def night_in_two(run: Run, db: Path, tmp_path: Path) -> Path:
    """Two shifts a night, 34 households, planned for four weeks from Monday 23/11/2026."""
    assert run("init", "--name", "RT 012 / RW 004", "--area", "Kel. Jatinegara, Kota Jakarta",
               "--timezone", "WIB", "--slots", SLOTS, "--rest", "1", "--lang", "id").exit_code == 0
    csv = tmp_path / "warga.csv"
    csv.write_text(roster_csv(), "utf-8")
    result = run("volunteer", "import", str(csv))
    assert result.exit_code == 0, result.output
    assert run("volunteer", "away", "Siti Kartika", "--from", "2026-11-24", "--to",
               "2026-11-30", "--reason", "mudik").exit_code == 0
    assert run("holiday", "add", "2026-11-28", "Haul Mbah Kyai", "--extra", "1").exit_code == 0
    result = run("schedule", "build", "--from", MONDAY, "--weeks", "4",
                 env={"RONDA_TODAY": "2026-11-22"})
    assert result.exit_code == 0, result.output
    return db


