"""Every bad-input case of the test suite, run once more with nothing but the language saved in
the data file: in Indonesian not one English word (``english.py``), in English no Indonesian
``Galat``; and the file untouched either way.

The cases are the suite's own lists (each test file keeps its cases in a named list), turned
into the command a user would type where a test calls the core directly."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from builders import add_people, example_neighbourhood, new_neighbourhood, set_setting
from conftest import FOUR, RT005, TODAY, Run, digest
from english import english_words
from test_bad_input import BAD_COMMANDS
from test_calendar import EXPORT_ERRORS
from test_choices import BAD_DAYS
from test_config import BAD_SETTINGS, BAD_SLOTS
from test_dates import BAD_DATES, BAD_TIMES
from test_dates_phrasings import REFUSED_DAYS, REFUSED_MOMENTS
from test_file_safety import EDGES
from test_import_limits import COLUMNS_TWICE
from test_phones import IMPOSSIBLE_PHONES
from test_plain_messages import NEGATIVE
from test_saved_language import ERRORS

LOG = ("incident", "log", "--category", "theft", "--description", "x", "--at")
PHRASINGS = {"RONDA_NOW": "2026-11-24T09:00:00+07:00"}  # the day test_dates_phrasings reads on

# on the four volunteers of ``roster`` (as each list's own test runs them), with the
# environment the list was written for
ON_ROSTER: list[tuple[tuple[str, ...], dict[str, str]]] = [
    *((args, {}) for args in BAD_COMMANDS),
    *((args, {}) for args, _ in ERRORS),
    *((args, {}) for args, _, _ in NEGATIVE),
    *((args, {}) for args in EDGES if args[:2] != ("--db", "")),  # no file: the locale speaks
    *((("config", "set", key, value), {}) for key, value in BAD_SETTINGS),
    *((("config", "set", "slots", text), {}) for text in BAD_SLOTS),
    *((("config", "set", "start", text), {}) for text in BAD_TIMES),
    *((("volunteer", "add", "Joko", "--phone", typed), {}) for typed in IMPOSSIBLE_PHONES),
    # an empty value clears a volunteer's days: only what is typed is refused
    *((("volunteer", "add", "Joko", "--days", typed), {}) for typed in BAD_DAYS if typed),
    *((("holiday", "add", text, "Libur"), {}) for text in BAD_DATES if text.strip()),
    *((("holiday", "add", text, "Libur"), PHRASINGS) for text, _ in REFUSED_DAYS
      if text.strip()),
    *(((*LOG, text), PHRASINGS) for text, _ in REFUSED_MOMENTS),
]
# on the example neighbourhood, planned, as test_calendar exports it on Tuesday 24/11/2026
ON_EXAMPLE = [(("export", "ics", *args), {"RONDA_TODAY": "2026-11-24"})
              for args in EXPORT_ERRORS]
# sheets a coordinator might bring: a column twice, not UTF-8, not a roster, bad rows
SHEETS = {
    **{f"twice-{i}.csv": f"{header}\nJoko,0895-4517-1614,Joko\n".encode()
       for i, (header, _) in enumerate(COLUMNS_TWICE)},
    "cp1252.csv": "nama;hp\nJosé;0812\n".encode("cp1252"),
    "utf16.csv": "nama;hp\nBudi;0812\n".encode("utf-16"),
    "json.csv": b'{"nama": "Budi"}\n',
    "rows.csv": b"nama,hp,hari\n,0812-3456-7891,\nSiti Rahma,12345,\nAndi Wijaya,,funday\n",
}


def _id(args: tuple[str, ...]) -> str:
    return " ".join(args)[:60] or "empty"


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two neighbourhoods, made once (each case gets its own copy)."""
    folder = tmp_path_factory.mktemp("templates")
    roster = new_neighbourhood(folder / "roster.json", RT005)
    add_people(roster, FOUR, joined=date.fromisoformat(TODAY))
    example = example_neighbourhood(folder / "example.json", date(2026, 11, 24), lang="id")
    return {"roster": roster, "example": example}


def _check(run: Run, db: Path, template: Path, args: tuple[str, ...],
           env: dict[str, str]) -> None:
    shutil.copy(template, db)
    db.chmod(0o600)
    before = digest(db)
    indonesian = run(*args, lang=None, env=env)
    said = indonesian.stderr + indonesian.stdout
    assert indonesian.exit_code in (1, 2), (args, said)
    assert "Galat" in said and not english_words(said), (args, said)
    assert digest(db) == before
    set_setting(db, "lang", "en")
    english = run(*args, lang=None, env=env)
    assert english.exit_code == indonesian.exit_code, (args, english.output)
    assert "Error" in english.stderr and "Galat" not in english.stderr, (args, english.stderr)


@pytest.mark.parametrize(("args", "env"), ON_ROSTER, ids=[_id(a) for a, _ in ON_ROSTER])
def test_every_bad_input_speaks_the_saved_language(run: Run, db: Path, templates,  # noqa: ANN001
                                                   args: tuple[str, ...],
                                                   env: dict[str, str]) -> None:
    _check(run, db, templates["roster"], args, env)


@pytest.mark.parametrize(("args", "env"), ON_EXAMPLE, ids=[_id(a) for a, _ in ON_EXAMPLE])
def test_every_bad_export_speaks_the_saved_language(run: Run, db: Path, templates,  # noqa: ANN001
                                                    args: tuple[str, ...], env: dict[str, str],
                                                    tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    _check(run, db, templates["example"], args, env)


@pytest.mark.parametrize("name", SHEETS)
def test_every_bad_sheet_speaks_the_saved_language(run: Run, db: Path, templates,  # noqa: ANN001
                                                   tmp_path: Path, name: str) -> None:
    sheet = tmp_path / name
    sheet.write_bytes(SHEETS[name])
    _check(run, db, templates["roster"], ("volunteer", "import", str(sheet)), {})
