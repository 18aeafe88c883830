"""Bad input never hurts: one line in the user's language, exit code 2, the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, digest

BAD_COMMANDS = [
    ("volunteer", "add", ""),
    ("volunteer", "add", "   "),
    ("volunteer", "add", "Budi\x07Santoso"),
    ("volunteer", "add", "Budi", "--phone", "12345"),
    ("volunteer", "add", "Budi", "--days", "funday"),
    ("volunteer", "add", "Budi", "--max-per-week", "nine"),
    ("volunteer", "add", "Budi", "--max-per-week", "0"),
    ("volunteer", "add", "Budi", "--bogus"),
    ("volunteer", "add"),
    ("volunteer", "show", "Nobody"),
    ("volunteer", "show", "budi"),
    ("volunteer", "show", "99"),
    ("volunteer", "edit", "Siti"),
    ("volunteer", "edit", "Siti", "--phone", "0812"),
    ("volunteer", "remove", "Nobody"),
    ("volunteer", "remove", "Siti", "--purge"),
    ("volunteer", "away", "Siti", "--to", "32/12/2026"),
    ("volunteer", "away", "Siti", "--from", "2026-12-05", "--to", "2026-12-01"),
    ("volunteer", "away", "Siti", "--from", "2026-12-05"),
    ("volunteer", "away", "Siti", "--cancel", "1"),
    ("volunteer", "away", "Siti", "--list", "--cancel", "1"),
    ("volunteer", "back", "Siti"),
    ("schedule", "exchange", "25/11/2026", "Siti", "25/11/2026", "Budi Santoso"),
    ("volunteer", "back", "Siti"),
    ("volunteer", "import", "/nonexistent/warga.csv"),
    ("volunteer", "frobnicate"),
    ("config", "set", "rest", "-3"),
    ("config", "set", "timezone", "Mars/Base"),
    ("config", "set", "lang", "fr"),
    ("config", "set", "no-such-key", "1"),
    ("config", "set", "slots", "22-22"),
    ("config", "set", "name"),
    ("db", "restore", "7", "--yes"),
    ("db", "restore", "abc", "--yes"),
    ("init", "--name", "RT 1"),
    ("schedule", "build", "--weeks", "2"),
    ("schedule", "build", "--from", "2026-11-23"),
    ("schedule", "build", "--from", "2026-11-23", "--weeks", "2", "--to", "2026-12-01"),
    ("schedule", "build", "--from", "2026-11-23", "--weeks", "2", "--mode", "random"),
    ("schedule", "build", "--from", "2026-11-23", "--to", "2026-11-01"),
    ("schedule", "build", "--from", "2026-11-23", "--weeks", "x"),
    ("schedule", "build", "--from", "2026-11-23", "--weeks", "2", "--seed", "-4"),
    ("schedule", "--week", "32/11/2026"),
    ("schedule", "--week", "2026-11-23", "--from", "2026-11-23"),
    ("schedule", "--volunteer", "Nobody"),
    ("schedule", "swap", "2026-11-23", "Siti", "Andi"),
    ("schedule", "attend", "2026-11-23", "--absent", "Siti", "--reason", "bolos"),
    ("schedule", "guest", "2026-11-23", "Pak Bhabin", "--role", "mayor"),
    ("schedule", "guest", "2026-11-23", "Pak Bhabin"),
    ("schedule", "stats", "--from", "x"),
    ("holiday", "add", "2026-13-01", "X"),
    ("holiday", "add", "2026-12-24", ""),
    ("holiday", "add", "2026-12-24", "X", "--extra", "-1"),
    ("holiday", "remove", "2026-12-24"),
    ("holiday", "list", "--year", "1800"),
    ("incident", "log", "--category", "ufo", "--description", "x"),
    ("incident", "log", "--category", "theft", "--description", ""),
    ("incident", "log", "--category", "theft", "--description", "x", "--at", "2030-01-01 22:00"),
    ("incident", "log", "--category", "theft", "--description", "x", "--at", "kapan-kapan"),
    ("incident", "log", "--category", "theft", "--description", "x", "--at", "kemarin"),
    ("incident", "log", "--category", "theft", "--description", "x", "--at", "Sabtu depan 23.00"),
    ("schedule", "build", "--from", "malam 28/11", "--weeks", "1"),
    ("schedule", "--week", "Desember"),
    ("incident", "log", "--category", "theft", "--description", "x", "--severity", "huge"),
    ("incident", "log", "--category", "theft", "--description", "x", "--loss", "banyak"),
    ("incident", "log", "--category", "suspicious", "--description", "x"),
    ("incident", "update", "99", "--status", "closed"),
    ("incident", "update", "abc", "--note", "x"),
    ("incident", "show", "99"),
    ("incident", "list", "--category", "ufo"),
    ("incident", "export", "--format", "xls"),
    ("incident", "board", "--weeks", "0"),
    ("event", "add", "Rapat RT", "--at", "besok"),
    ("event", "add", "Rapat RT", "--at", "12/12/2026 19.30", "--kind", "party"),
    ("event", "add", "", "--at", "12/12/2026 19.30"),
    ("event", "add", "Rapat RT", "--at", "12/12/2026 19.30", "--end", "12/12/2026 18.00"),
    ("event", "remove", "9"),
    ("publish", "caldav", "ftp://dav.example.org/"),
    ("publish", "caldav", "https://dav.example.org/", "--password-env", "RONDA_NOT_SET"),
    ("roster", "--format", "poster"),
    ("roster", "--weeks", "0"),
    ("roster", "--week", "31/02/2026"),
    ("roster", "--lang", "fr"),
    ("roster", "--volunteer", "Nobody"),
    ("roster", "--format", "whatsapp", "--patrol-sheet"),
    ("roster", "--format", "pdf", "-o", "/nonexistent/dir/x.pdf"),
]


@pytest.mark.parametrize("args", BAD_COMMANDS, ids=[" ".join(a) or "empty" for a in BAD_COMMANDS])
def test_bad_input_gives_one_line_exit_2_and_leaves_the_file_alone(
        run: Run, roster: Path, args: tuple[str, ...]) -> None:
    before = digest(roster)
    results = {lang: run(*args, lang=lang) for lang in ("en", "id")}
    for lang, result in results.items():
        assert result.exit_code == 2, (lang, result.output)
        assert "Traceback" not in result.output
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Error: " if lang == "en" else "Galat: ")
    assert results["en"].stderr != results["id"].stderr
    assert digest(roster) == before


def test_a_broken_csv_lists_rows_but_is_still_exit_2_and_harmless(run: Run, roster: Path,
                                                                  tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes("nama;hp\nBudi;0812\n".encode("utf-16"))
    before = digest(roster)
    result = run("volunteer", "import", str(bad))
    assert result.exit_code == 2 and "not UTF-8" in result.stderr
    assert digest(roster) == before


def test_an_unexpected_error_shows_no_traceback_unless_debug(run: Run, roster: Path,
                                                             monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise ValueError("secret resident data")

    monkeypatch.setattr("ronda.cli.volunteer.find_volunteer", explode)
    result = run("volunteer", "show", "Siti")
    assert result.exit_code == 3
    assert "Traceback" not in result.output and "secret" not in result.output
    assert "--debug" in result.stderr
    debug = run("--debug", "volunteer", "show", "Siti")
    assert isinstance(debug.exception, ValueError)


def test_a_missing_data_file_says_to_run_init(run: Run, db: Path) -> None:
    result = run("volunteer", "list")
    assert result.exit_code == 1
    assert "ronda init" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_change_in_a_folder_that_does_not_exist_says_to_run_init(
        tmp_path: Path, lang: str) -> None:
    from typer.testing import CliRunner

    from ronda.cli.app import app

    nowhere = tmp_path / "no" / "folder" / "ronda.json"
    result = CliRunner().invoke(app, ["--db", str(nowhere), "--lang", lang,
                                      "volunteer", "add", "Budi"])
    assert result.exit_code == 1
    assert "ronda init" in result.stderr and ".lock" not in result.stderr
    assert not (tmp_path / "no").exists()


def test_confirmation_in_a_terminal(run: Run, roster: Path, monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    before = digest(roster)
    no = run("volunteer", "remove", "Siti", "--purge", input="n\n")
    assert no.exit_code == 2 and "Cancelled" in no.stderr
    assert digest(roster) == before
    yes = run("volunteer", "remove", "Siti", "--purge", input="y\n")
    assert yes.exit_code == 0, yes.output
    assert "Siti" not in roster.read_text()


def test_a_typo_in_a_command_or_option_suggests_the_right_one(run: Run, roster: Path) -> None:
    command = run("volunteer", "lst", lang="id")
    assert command.exit_code == 2
    assert "Perintah 'lst' tidak dikenal. Maksudnya 'list'?" in command.stderr
    option = run("volunteer", "list", "--tem", "x")
    assert "Unknown option --tem. Did you mean '--team'?" in option.stderr


@pytest.mark.parametrize("argv", [("--db", "~nobody-here-0/rt.json", "volunteer", "list"),
                                  ("area", "schedule", "--area", "~nobody-here-0")])
def test_a_home_that_does_not_exist_is_a_path_as_typed(argv: tuple[str, ...]) -> None:
    """``~user`` of no user is left as typed, as a shell leaves it: the file is not found."""
    from conftest import BASE_ENV
    from typer.testing import CliRunner

    from ronda.cli.app import app

    result = CliRunner().invoke(app, ["--lang", "en", *argv], env=BASE_ENV)
    assert result.exit_code in (1, 2), result.output
    assert "~nobody-here-0" in result.output and "internal error" not in result.output
