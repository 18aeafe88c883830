"""Shared fixtures: a temporary data file, a runner that calls ronda like a user would, the
neighbourhoods most tests start from (made with the core, see ``builders.py``) and the golden
file check."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import typer.main
import typer.testing
from builders import MONDAY, add_people, new_neighbourhood, two_shift_neighbourhood
from typer.testing import CliRunner, Result

from ronda.cli.app import app

TODAY = "2026-11-22"  # a Sunday; 28/11/2026 is the Saturday after
BASE_ENV = {"COLUMNS": "120", "NO_COLOR": "1", "RONDA_TODAY": TODAY, "RONDA_LANG": None,
            "RONDA_DB": None, "LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}

Run = Callable[..., Result]
Made = Callable[..., Path]


def again(*values: object, id: str | None = None) -> object:
    """A case of a parametrized test that checks again, in the other language or another
    size or format, or as a real process, what a case of the day-to-day run checks already,
    on the same lines and branches: it runs in the full run (CI) with the slow tier."""
    return pytest.param(*values, marks=pytest.mark.slow, id=id)


def pytest_collection_finish(session: pytest.Session) -> None:
    """A test process lives long and holds many objects (the modules, Textual's apps, the
    built commands): Python's cycle collector walked all of them again and again, 3.5 s of
    CPU a run. What is loaded by now is left out of its walks (``gc.freeze``), and it walks
    less often; it still collects, so a test's cycles do not pile up (a worker peaks at
    290 MB, against 280 MB)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """A test worker (pytest-xdist) has sent every result by now: it leaves at once rather
    than free its few hundred megabytes object by object, which kept the run waiting a second
    after its last test. Not under coverage, which writes its data as the process ends."""
    if hasattr(config, "workerinput") and "coverage" not in sys.modules:
        import multiprocessing

        for child in multiprocessing.active_children():  # the exact references' solvers
            child.terminate()
            child.join()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Byte-compile ronda first, as an installed package is: with PYTHONDONTWRITEBYTECODE
    set (as here and on some CI machines) every ``python -m ronda`` a test starts would
    otherwise compile every module it loads again."""
    import compileall

    import ronda

    compileall.compile_dir(Path(ronda.__file__).parent, quiet=1)


# typer's test runner builds the root command again at every call (it reads the root
# options' signature: 2 ms a call, 2,000 calls a run); ronda's root is built once a process,
# as the installed command does, and each call still parses and runs it from the start
_ROOT = typer.main.get_command(app)
typer.testing._get_command = lambda called: _ROOT if called is app else \
    typer.main.get_command(called)

# the test modules, their asserts rewritten by pytest, are kept compiled too (pytest reads
# them back only when the source is unchanged): otherwise each test process rewrites all of
# them at every run, with PYTHONDONTWRITEBYTECODE set, 2 s of a run
sys.dont_write_bytecode = False


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    """``made(db, builder, *args)``: the files ``builder(db, *args)`` makes (the data file,
    its year files, backups and digest), made once a test process and copied beside ``db``
    for each test, so every test still changes a file of its own."""
    folders: dict[tuple[object, ...], Path] = {}

    def copy(db: Path, builder: Callable[..., object], *args: object) -> Path:
        key = (builder.__module__, builder.__qualname__, db.name, *args)
        if key not in folders:
            folder = tmp_path_factory.mktemp("made")
            builder(folder / db.name, *args)
            folders[key] = folder
        shutil.copytree(folders[key], db.parent, dirs_exist_ok=True)
        return db

    return copy


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
# The same neighbourhood as ``config set`` keys, and four volunteers as ``volunteer add`` takes
# them: what the ``neighbourhood`` and ``roster`` fixtures store.
RT005 = (("name", "RT 005 / RW 002"), ("area", "Kel. Tembalang, Kec. Tembalang, Kota Semarang"),
         ("timezone", "WIB"), ("lang", "id"), ("start", "22:00"), ("end", "04.00"),
         ("per-night", "4"), ("rest", "2"), ("coordinator.name", "Bambang Sutejo"),
         ("coordinator.phone", "0812-2870-4411"), ("liaison.name", "Bripka Agus Widodo"),
         ("liaison.phone", "+62 813 9011 2468"), ("post", "Pos Kamling RT 005"))
FOUR = ({"name": "Budi Santoso", "phone": "0812-3456-7890", "household": "A-01",
         "team": "Regu 1", "leader": True},
        {"name": "Budi Hartono", "phone": "0813-2765-4410", "household": "A-02",
         "team": "Regu 1"},
        {"name": "Siti Aminah", "household": "A-03", "team": "Regu 2", "days": "sen,rab,jum"},
        {"name": "Andi Setiawan", "household": "A-04", "team": "Regu 2", "leader": True})


@pytest.fixture
def neighbourhood(db: Path, made: Made) -> Path:
    """A set-up neighbourhood with no volunteers yet (``INIT``)."""
    return made(db, new_neighbourhood, RT005)


def four_volunteers(path: Path) -> Path:
    """``RT005`` with the ``FOUR`` volunteers, added today."""
    new_neighbourhood(path, RT005)
    add_people(path, FOUR, joined=date.fromisoformat(TODAY))
    return path


@pytest.fixture
def roster(neighbourhood: Path, made: Made) -> Path:
    """A neighbourhood with four volunteers in two teams, added today."""
    return made(neighbourhood, four_volunteers)


def demo_files(path: Path, lang: str, today: str) -> Path:
    """What ``ronda --db PATH --lang LANG demo`` leaves beside ``path`` on ``today``: the data
    file, the week's poster, picture and calendar, the letter to the Polsek."""
    result = CliRunner().invoke(app, ["--db", str(path), "--lang", lang, "demo"],
                                env={**BASE_ENV, "RONDA_TODAY": today})
    assert result.exit_code == 0, result.output
    return path


Demo = Callable[..., Path]


@pytest.fixture
def demo(db: Path, made: Made) -> Demo:
    """``demo(today=TODAY, lang="en")``: ``db`` as ``ronda demo`` leaves it, for a test that
    starts from the demo (the demo is run once a test process, its files copied)."""
    def copy(today: str = TODAY, lang: str = "en") -> Path:
        return made(db, demo_files, lang, today)

    return copy


def book_files(db: Path) -> list[Path]:
    """The incident book's year files beside the data file ``db``, oldest year first."""
    return sorted(db.parent.glob(f"{db.stem}.incidents-*.json"))


def incident_book(db: Path) -> dict[str, dict[str, dict]]:
    """The incident book (``incidents``, ``reporters``) of every year file, read with plain
    TinyDB as any other program could, records by their key."""
    from tinydb import TinyDB

    book: dict[str, dict[str, dict]] = {"incidents": {}, "reporters": {}}
    for path in book_files(db):
        with TinyDB(path, access_mode="r") as year:
            for table, records in book.items():
                records.update({str(d.doc_id): dict(d) for d in year.table(table).all()})
    return book


def digest(path: Path) -> str:
    """The file's bytes, hashed: to show a command left it untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def night_in_two(db: Path, made: Made) -> Path:
    """Two shifts a night, 34 households, planned for four weeks from Monday 23/11/2026."""
    return made(db, two_shift_neighbourhood, date.fromisoformat(TODAY), date.fromisoformat(MONDAY))


GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """``text`` is what ``tests/golden/NAME`` holds; with ``RONDA_UPDATE_GOLDEN=1`` the file
    is written first (look at the difference before committing it)."""
    golden = GOLDEN / name
    if os.environ.get("RONDA_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, "utf-8")
    assert golden.exists(), f"no {golden}: run once with RONDA_UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text("utf-8"), f"{name} changed"
