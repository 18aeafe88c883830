"""The files ronda writes, under faults: symbolic links, loose modes, killed writers, clocks
that were wrong, folders that cannot be written, and inputs at the edges of what parses."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import Demo, Run, digest

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


def test_the_per_volunteer_folder_is_private(run: Run, demo: Demo, tmp_path: Path) -> None:
    demo()
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


def test_every_temporary_file_a_killed_writer_left_is_removed_by_the_next_write(
        run: Run, roster: Path) -> None:
    import time

    assert run("incident", "log", "--at", "-1h", "--category", "theft",
               "--description", "Helm hilang").exit_code == 0  # a year file: 2026
    assert run("volunteer", "remove", "Siti").exit_code == 0  # and backups
    here, backups, stem = roster.parent, roster.parent / "backups", roster.stem
    stale = [here / f"..{roster.name}.checked.k3j9x_2a.tmp",  # each kind of file's own
             here / f".{stem}.incidents-2026.json.p0q1r2s3.tmp",
             here / f"..{stem}.incidents-2026.json.checked.a1b2c3d4.tmp",
             backups / f".{stem}-000007-20261122T100000000000Z.json.zz99yy88.tmp",
             backups / f".{stem}.incidents-2026-000001-20261122T100000000000Z.json.q1w2.tmp"]
    kept = [here / f"..{roster.name}.checked.n0w1n2u3.tmp",  # a reader writes it right now
            here / ".rt006.json.abcdefgh.tmp",  # another neighbourhood's, beside it
            here / f".{roster.name}.notes.tmp.keep", backups / "catatan.tmp"]
    hour_ago = time.time() - 3600
    for p in stale + kept:
        p.write_text(roster.read_text())
    for p in stale:
        os.utime(p, (hour_ago, hour_ago))
    assert run("incident", "list").exit_code == 0
    assert all(p.exists() for p in stale)  # readers never touch them
    assert run("volunteer", "add", "Warga Baru").exit_code == 0
    assert [p.name for p in stale if p.exists()] == []
    assert all(p.exists() for p in kept)


@pytest.mark.parametrize(("lang", "words"), [("en", "they are now readable by you only"),
                                             ("id", "kini hanya bisa dibaca oleh Anda")])
def test_files_others_can_read_are_made_private_when_read_and_the_user_told_once(
        run: Run, roster: Path, lang: str, words: str) -> None:
    assert run("incident", "log", "--at", "-1h", "--category", "theft",
               "--description", "Helm hilang").exit_code == 0
    assert run("volunteer", "remove", "Siti").exit_code == 0
    year = roster.parent / f"{roster.stem}.incidents-2026.json"
    digests = [roster.parent / f".{roster.name}.checked", roster.parent / f".{year.name}.checked"]
    for p in [roster, year, *digests]:
        p.chmod(0o644)
    before = digest(roster)
    listed = run("incident", "list", lang=lang)  # a reader: it reads all four
    assert listed.exit_code == 0, listed.output
    warned = [line for line in listed.stderr.splitlines() if str(roster.parent) in line]
    assert len(warned) == 1 and words in warned[0]
    assert all(f"{p} (644)" in warned[0] for p in [roster, year, *digests])
    assert all(mode(p) == 0o600 for p in [roster, year, *digests])
    assert digest(roster) == before  # its mode changed, not a byte of it
    assert run("incident", "list", lang=lang).stderr.count(words) == 0  # said once
    (backup,) = list_backups(roster)
    backup.path.chmod(0o640)
    shown = run("db", "backups", lang=lang)
    assert f"{backup.path} (640)" in shown.stderr and mode(backup.path) == 0o600


def test_a_file_ronda_does_not_own_stays_as_it_is_and_the_user_is_told_what_to_run(
        run: Run, roster: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roster.chmod(0o644)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(roster).st_uid + 1)
    result = run("volunteer", "list")
    assert result.exit_code == 0
    assert f"{roster} (644)" in result.stderr and "chmod 600" in result.stderr
    assert mode(roster) == 0o644


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
    assert all(b.taken.utcoffset() is not None for b in list_backups(roster))  # local time
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
    assert "the disk is full" in result.stderr and "Traceback" not in result.output
    assert "disk penuh" in run("volunteer", "add", "Warga Baru", lang=None).stderr  # saved id
    assert digest(roster) == before


def test_a_backups_file_where_the_folder_should_be_is_a_file_problem(run: Run,
                                                                     roster: Path) -> None:
    (roster.parent / "backups").write_text("not a folder")
    before = digest(roster)
    result = run("volunteer", "remove", "Budi Hartono")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert digest(roster) == before


EDGES = [
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
]


@pytest.mark.parametrize("args", EDGES)
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


def test_a_calendar_to_stdout_is_printed_not_written(run: Run, demo: Demo,
                                                     tmp_path: Path) -> None:
    demo()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("export", "ics", "-o", "-")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()
