"""The data file: private, atomic, locked, versioned, backed up, and never overwritten broken."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from conftest import Run, digest
from filelock import FileLock

from ronda.model import Settings, Volunteer
from ronda.store import datafile as storage
from ronda.store.datafile import create_data, list_backups, load, open_data


def test_a_new_data_file_is_readable_by_its_owner_only(run: Run, neighbourhood: Path) -> None:
    assert stat.S_IMODE(neighbourhood.stat().st_mode) == 0o600
    assert [p.name for p in neighbourhood.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_file_records_its_schema_version(neighbourhood: Path) -> None:
    data = json.loads(neighbourhood.read_text())
    assert data["_meta"]["1"]["schema"] == storage.SCHEMA_VERSION


def test_changes_are_written_once_at_the_end_and_not_at_all_after_an_error(
        neighbourhood: Path) -> None:
    before = digest(neighbourhood)
    with pytest.raises(RuntimeError), open_data(neighbourhood, write=True) as data:
        data.add_volunteer(Volunteer(0, "Budi"))
        raise RuntimeError("the command failed half-way")
    assert digest(neighbourhood) == before
    with open_data(neighbourhood, write=True) as data:
        data.add_volunteer(Volunteer(0, "Budi"))
    assert [v["name"] for v in load(neighbourhood)[1]["volunteers"].values()] == ["Budi"]
    with open_data(neighbourhood) as data:
        assert [v.name for v in data.volunteers()] == ["Budi"]


def test_ids_are_never_reused(neighbourhood: Path) -> None:
    with open_data(neighbourhood, write=True) as data:
        a = data.add_volunteer(Volunteer(0, "A"))
        b = data.add_volunteer(Volunteer(0, "B"))
    with open_data(neighbourhood, write=True) as data:
        data.save_volunteer(b.purge())
        c = data.add_volunteer(Volunteer(0, "C"))
    assert (a.id, b.id, c.id) == (1, 2, 3)


def test_a_locked_file_makes_a_writer_give_up_cleanly(run: Run, neighbourhood: Path) -> None:
    before = digest(neighbourhood)
    with FileLock(str(neighbourhood) + ".lock"):
        result = run("volunteer", "add", "Budi", env={"RONDA_LOCK_TIMEOUT": "0.2"})
    assert result.exit_code == 1
    assert "in use by another ronda command" in result.stderr
    assert digest(neighbourhood) == before


def test_the_lock_waits_its_timeout_then_gives_up_and_is_free_once_released(
        tmp_path: Path) -> None:
    from ronda.store.lock import LockTimeout, hold

    path = str(tmp_path / "rt.json.lock")
    with hold(path, 1.0):
        begin = time.monotonic()
        with pytest.raises(LockTimeout), hold(path, 0.1):
            pass
        assert time.monotonic() - begin >= 0.1
    with hold(path, 0.0):  # released: taken at once
        assert (os.stat(path).st_mode & 0o777) == 0o600


def test_a_file_system_without_flock_still_gets_a_lock(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import fcntl

    from ronda.store.lock import LockTimeout, hold

    def unsupported(handle: int, operation: int) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(fcntl, "flock", unsupported)
    path = str(tmp_path / "rt.json.lock")
    with hold(path, 1.0), pytest.raises(LockTimeout), hold(path, 0.1):  # filelock's way
        pass
    with hold(path, 0.0):  # released
        pass


def test_a_file_from_a_newer_ronda_is_refused(run: Run, neighbourhood: Path) -> None:
    data = json.loads(neighbourhood.read_text())
    data["_meta"]["1"]["schema"] = storage.SCHEMA_VERSION + 1
    neighbourhood.write_text(json.dumps(data))
    before = digest(neighbourhood)
    for args in (("volunteer", "list"), ("volunteer", "add", "Budi")):
        result = run(*args)
        assert result.exit_code == 1
        assert "newer ronda" in result.stderr
    assert digest(neighbourhood) == before


def test_an_older_file_is_backed_up_then_migrated(neighbourhood: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    old_bytes = neighbourhood.read_bytes()
    current = storage.SCHEMA_VERSION

    def add_notes_table(data: dict) -> dict:
        return {**data, "notes": {}}

    monkeypatch.setattr(storage, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(storage.MIGRATIONS, current, add_notes_table)
    with open_data(neighbourhood) as data:  # reading migrates in memory only
        assert data.counts()["notes"] == 0
    assert neighbourhood.read_bytes() == old_bytes
    with open_data(neighbourhood, write=True):
        pass
    migrated = json.loads(neighbourhood.read_text())
    assert migrated["_meta"]["1"]["schema"] == current + 1
    assert migrated["notes"] == {}
    (backup,) = list_backups(neighbourhood)
    assert backup.path.read_bytes() == old_bytes


def test_a_damaged_file_is_never_overwritten_and_the_message_says_how_to_restore(
        run: Run, roster: Path) -> None:
    assert run("volunteer", "remove", "Siti").exit_code == 0  # makes a backup
    newest = list_backups(roster)[0].path
    roster.write_bytes(roster.read_bytes()[:-40])  # cut short, as a crash of another tool might
    before = digest(roster)
    for args in (("volunteer", "list"), ("volunteer", "add", "Joko"), ("config", "show")):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert str(roster) in result.stderr and str(newest) in result.stderr
        assert "ronda db restore 1" in result.stderr
        assert "Traceback" not in result.output
    assert digest(roster) == before
    result = run("db", "restore", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert run("volunteer", "list").exit_code == 0


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("There is no backup of it", "copy you keep elsewhere", "text editor")),
    ("id", ("Belum ada cadangannya", "salinan yang Anda simpan", "penyunting teks"))])
def test_a_damaged_file_with_no_backup_says_so_and_what_to_do_instead(
        run: Run, roster: Path, lang: str, words: tuple[str, ...]) -> None:
    assert not (roster.parent / "backups").exists()
    roster.write_bytes(roster.read_bytes()[:-40])
    for args, target in ((("volunteer", "list"), roster), (("db", "check"), roster)):
        result = run(*args, lang=lang)
        said = result.stderr.replace("\n", "")
        assert result.exit_code == 1 and str(target) in said
        assert all(w in said for w in words), said
        assert "restore" not in said and ": -" not in said
        assert len(result.stderr.strip().splitlines()) == 1
    assert list_backups(roster) == []  # and still none: a damaged file is never copied


def test_a_damaged_year_file_with_no_backup_can_be_moved_aside(run: Run, roster: Path) -> None:
    assert run("incident", "log", "--at", "-1h", "--category", "theft",
               "--description", "Helm hilang").exit_code == 0
    year = roster.parent / f"{roster.stem}.incidents-2026.json"
    year.write_bytes(year.read_bytes()[:-10])
    result = run("incident", "list")
    said = result.stderr.replace("\n", "")
    assert result.exit_code == 1 and "There is no backup of it" in said
    assert "move the file out of this folder to go on without the incidents of 2026" in said
    assert "restore" not in said
    indonesian = run("incident", "list", lang="id").stderr.replace("\n", "")
    assert "Belum ada cadangannya" in indonesian and "kejadian tahun 2026" in indonesian


def test_a_damaged_backup_is_not_restored_and_another_is_offered(run: Run,
                                                                 roster: Path) -> None:
    assert run("volunteer", "remove", "Siti").exit_code == 0
    (backup,) = list_backups(roster)
    backup.path.write_bytes(backup.path.read_bytes()[:-40])
    before = digest(roster)
    result = run("db", "restore", "1", "--yes")
    said = result.stderr.replace("\n", "")
    assert result.exit_code == 1 and str(backup.path) in said
    assert "Choose another backup: 'ronda db backups' lists them." in said
    assert digest(roster) == before


def test_records_that_break_the_schema_are_reported_like_a_damaged_file(
        run: Run, roster: Path) -> None:
    data = json.loads(roster.read_text())
    data["volunteers"]["2"]["phone"] = 812345
    roster.write_text(json.dumps(data))
    result = run("volunteer", "list")
    assert result.exit_code == 1
    assert "volunteers/2" in result.stderr
    check = run("db", "check")
    assert check.exit_code == 1


def test_only_the_newest_ten_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "rt.json"
    with create_data(path, Settings(name="RT 1")):
        pass
    for i in range(13):
        with open_data(path, write=True, backup=True) as data:
            data.add_volunteer(Volunteer(0, f"Warga {i}"))
    backups = list_backups(path)
    assert len(backups) == storage.KEEP_BACKUPS
    assert [b.number for b in backups] == list(range(1, 11))
    assert all(stat.S_IMODE(os.stat(b.path).st_mode) == 0o600 for b in backups)
    newest = json.loads(backups[0].path.read_text())
    assert len(newest["volunteers"]) == 12  # the copy taken before the 13th was added
