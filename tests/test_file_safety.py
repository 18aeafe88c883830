"""The files ronda writes, under faults: symbolic links, loose modes, killed writers, clocks
that were wrong, folders that cannot be written, and inputs at the edges of what parses."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import Run, digest

from ronda.store.datafile import list_backups


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_file_that_is_a_link_is_written_through_it(run: Run, roster: Path,
                                                          tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(roster)
    result = run("--db", str(link), "volunteer", "add", "Warga Lewat Tautan")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()  # still a link, and the target got the write
    assert "Warga Lewat Tautan" in roster.read_text()
    assert not (tmp_path / "link.json.lock").exists()  # one lock: the target's
    assert (roster.parent / "rt005.json.lock").exists()


def test_a_linked_backups_folder_is_refused(run: Run, roster: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.json").write_text("{}")
    (roster.parent / "backups").symlink_to(elsewhere)
    before = digest(roster)
    result = run("volunteer", "remove", "Budi Hartono")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert digest(roster) == before and (elsewhere / "keep.json").exists()


def test_exports_are_private_and_never_follow_a_link(run: Run, roster: Path,
                                                     tmp_path: Path) -> None:
    loose = tmp_path / "warga.csv"
    loose.write_text("old")
    loose.chmod(0o666)
    assert run("volunteer", "export", str(loose), "--with-phones").exit_code == 0
    assert mode(loose) == 0o600
    target = tmp_path / "target.csv"
    target.write_text("untouched")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = run("volunteer", "export", str(link))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert target.read_text() == "untouched"


def test_the_per_volunteer_folder_is_private(run: Run, db: Path, tmp_path: Path) -> None:
    assert run("demo").exit_code == 0
    folder = tmp_path / "kalender"
    assert run("export", "ics", "--per-volunteer", str(folder)).exit_code == 0
    assert mode(folder) == 0o700 and all(mode(p) == 0o600 for p in folder.iterdir())


def test_leftovers_of_a_killed_writer_are_removed_on_the_next_write(run: Run,
                                                                    roster: Path) -> None:
    leftover = roster.parent / f".{roster.name}.abc123.tmp"
    leftover.write_text(roster.read_text())
    assert run("volunteer", "list").exit_code == 0
    assert leftover.exists()  # readers never touch it
    assert run("volunteer", "add", "Warga Baru").exit_code == 0
    assert not leftover.exists()


def test_backups_follow_their_sequence_not_the_clock(run: Run, roster: Path) -> None:
    for name in ("Budi Hartono", "Siti Aminah"):
        assert run("volunteer", "remove", name).exit_code == 0
    backups = list_backups(roster)
    assert len(backups) == 2
    newest, older = backups[0].path, backups[1].path
    # a clock that was once a year ahead named the older one later
    ahead = older.with_name(older.name.replace(older.stem[-20:], "20271231T235959000000"))
    older.rename(ahead)
    assert list_backups(roster)[0].path == newest
    broken = roster.parent / "backups" / "rt005-000099-20260101T000000000000.json"
    broken.write_text(json.dumps({"settings": {"1": {"name": 5}}}))
    before = digest(roster)
    result = run("db", "restore", "1", "--yes")
    assert result.exit_code == 1 and "damaged" in result.stderr
    assert digest(roster) == before


def test_a_loose_data_file_is_tightened_and_the_user_told(run: Run, roster: Path) -> None:
    roster.chmod(0o644)
    result = run("volunteer", "add", "Warga Baru")
    assert result.exit_code == 0 and "readable by you only" in result.stderr
    assert mode(roster) == 0o600


def test_a_full_disk_is_a_file_problem(run: Run, roster: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = digest(roster)
    monkeypatch.setattr(tempfile, "mkstemp", full)
    result = run("volunteer", "add", "Warga Baru")
    assert result.exit_code == 1, result.output
    assert "No space left" in result.stderr and "Traceback" not in result.output
    assert digest(roster) == before


def test_a_backups_file_where_the_folder_should_be_is_a_file_problem(run: Run,
                                                                     roster: Path) -> None:
    (roster.parent / "backups").write_text("not a folder")
    before = digest(roster)
    result = run("volunteer", "remove", "Budi Hartono")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert digest(roster) == before


@pytest.mark.parametrize("args", [
    ("volunteer", "add", "Bud\udcffi"),  # an undecodable byte, as the shell hands it over
    ("volunteer", "show", "9" * 5000),
    ("volunteer", "show", "²"),
    ("schedule", "guest", "2026-11-28", "Tamu", "--slot", "²"),
    ("schedule", "--week", "9999-12-31"),
    ("schedule", "--week", "0001-01-01"),
    ("incident", "log", "--at", "-99999999d", "--category", "theft", "--description", "x"),
    ("incident", "log", "--at", "-" + "9" * 5000 + "d", "--category", "theft",
     "--description", "x"),
    ("event", "add", "Rapat", "--at", "31/12/9999 23.00"),
    ("--db", "", "volunteer", "list"),
])
def test_inputs_at_the_edges_are_bad_input(run: Run, roster: Path, args: tuple) -> None:
    before = digest(roster)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    assert digest(roster) == before


def test_a_bad_lock_timeout_is_bad_input(run: Run, roster: Path) -> None:
    before = digest(roster)
    result = run("volunteer", "add", "Warga", env={"RONDA_LOCK_TIMEOUT": "abc"})
    assert result.exit_code == 2 and "RONDA_LOCK_TIMEOUT" in result.stderr
    assert digest(roster) == before


def test_a_calendar_to_stdout_is_printed_not_written(run: Run, db: Path,
                                                     tmp_path: Path) -> None:
    assert run("demo").exit_code == 0
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("export", "ics", "-o", "-")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()
