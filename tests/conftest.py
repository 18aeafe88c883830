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
