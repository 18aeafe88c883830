"""Real ``ronda`` processes: killed mid-write, run side by side, started from a shell."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import BASE_ENV, INIT


def ronda_process(db: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in {**os.environ, **BASE_ENV}.items() if v is not None}
    return subprocess.Popen([sys.executable, "-m", "ronda", "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def ronda(db: Path, *args: str) -> subprocess.CompletedProcess:
    process = ronda_process(db, *args)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out.decode(),
                                       err.decode())


def seconds_of(db: Path, *args: str) -> float:
    """How long one run of ``args`` takes (it must succeed): kills are timed from it, so
    they land from a third of a run to past its end however fast the machine is."""
    begin = time.perf_counter()
    assert ronda(db, *args).returncode == 0
    return time.perf_counter() - begin


def finished_before_kill(db: Path, args: tuple[str, ...], took: float,
                         rng: random.Random) -> bool:
    """Run ``args`` and SIGKILL it at a random moment; whether it had finished first."""
    process = ronda_process(db, *args)
    time.sleep(rng.uniform(0.3 * took, 1.3 * took))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode == 0


def names_in(db: Path) -> set[str]:
    data = json.loads(db.read_text("utf-8"))  # must always parse
    return {v["name"] for v in data["volunteers"].values()}


def test_python_m_ronda_runs_a_whole_command(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, *INIT).returncode == 0
    added = ronda(db, "volunteer", "add", "Budi Santoso", "--phone", "0812-3456-7890")
    assert added.returncode == 0, added.stderr
    listed = ronda(db, "volunteer", "list", "--json")
    assert json.loads(listed.stdout)[0]["phone"] == "+6281234567890"
    bad = ronda(db, "volunteer", "add", "X", "--phone", "1")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_writer_killed_at_any_moment_never_leaves_a_broken_file(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, *INIT).returncode == 0
    big = tmp_path / "big.csv"
    big.write_text("nama,alamat\n" + "".join(f"Warga {i},Jl. Panjang Sekali No. {i} "
                                             f"{'x' * 150}\n" for i in range(2500)))
    assert ronda(db, "volunteer", "import", str(big)).returncode == 0
    took = seconds_of(db, "volunteer", "add", "Timed")
    committed: set[str] = {"Timed"}
    outcomes = {"finished": 0, "killed": 0}
    rng = random.Random(2026)
    for i in range(30):
        name = f"Crash {i}"
        if finished_before_kill(db, ("volunteer", "add", name), took, rng):
            committed.add(name)
            outcomes["finished"] += 1
        else:
            outcomes["killed"] += 1
        names = names_in(db)
        assert committed <= names, f"lost a finished write after kill {i}"
    assert outcomes["finished"] > 0 and outcomes["killed"] > 0, outcomes
    assert ronda(db, "db", "check").returncode == 0


@pytest.mark.slow
def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, *INIT).returncode == 0
    failures: list[str] = []

    def add_many(prefix: str) -> None:
        for i in range(8):
            result = ronda(db, "volunteer", "add", f"{prefix} {i}")
            if result.returncode != 0:
                failures.append(result.stderr)

    threads = [threading.Thread(target=add_many, args=(p,)) for p in ("Rumah A", "Rumah B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    data = json.loads(db.read_text())
    assert len(data["volunteers"]) == 16
    assert names_in(db) == {f"Rumah {p} {i}" for p in "AB" for i in range(8)}
    ids = [v["id"] for v in data["volunteers"].values()]
    assert sorted(ids) == list(range(1, 17))


@pytest.mark.slow  # real processes and a real pipe (test_python_m_ronda_runs_a_whole_command
# is the day-to-day run's one real process)
def test_a_reader_that_goes_away_is_no_error(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, "demo").returncode == 0
    for fmt in ("text", "terminal"):  # plain text, and rich's tables
        process = ronda_process(db, "roster", "--format", fmt, "--weeks", "53")  # > a pipe
        assert process.stdout is not None
        first = process.stdout.readline()
        process.stdout.close()  # like `ronda roster | head -1`
        _, err = process.communicate(timeout=60)
        assert "NIGHT PATROL SCHEDULE" in first.decode()
        assert process.returncode in (0, 1), err  # rich itself exits 1 on a broken pipe
        assert b"internal" not in err and b"Traceback" not in err


def logged_in(db: Path) -> dict[str, int]:
    """Every incident's description in the data file's year files, which must all parse,
    with its id."""
    json.loads(db.read_text("utf-8"))  # the data file parses too
    found: dict[str, int] = {}
    for year in sorted(db.parent.glob(f"{db.stem}.incidents-*.json")):
        for record in json.loads(year.read_text("utf-8"))["incidents"].values():
            found[record["description"]] = record["id"]
    return found


def big_book(db: Path, count: int) -> None:
    """``count`` incidents over three years (two a day back from 28/11/2026), made with the
    storage API as ``incident log`` stores them."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from ronda.incidents.book import Incident, Reporter, new_incident
    from ronda.store.datafile import open_data

    start = datetime(2026, 11, 28, 23, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    with open_data(db, write=True) as data:
        for n in range(count):
            at = start - timedelta(hours=12 * n)
            report = Incident(0, at, at, "theft", f"Lama {n} {'x' * 200}", "low", "Gang 1")
            data.add_incident(new_incident(report, at, None),
                              Reporter(0, f"Pelapor {n}") if n % 2 else None)


@pytest.mark.slow
def test_an_incident_log_killed_at_any_moment_never_leaves_a_broken_file(
        tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, *INIT).returncode == 0
    big_book(db, 2000)
    took = seconds_of(db, "incident", "log", "--at", "-2h", "--category", "theft",
                      "--description", "Timed")
    committed: dict[str, int] = {}
    outcomes = {"finished": 0, "killed": 0}
    rng = random.Random(2027)
    for i in range(30):
        text = f"Crash {i}"
        at = rng.choice(("-1h", "-400d", "-800d"))  # this year's file, or an older one
        if finished_before_kill(db, ("incident", "log", "--at", at, "--category", "theft",
                                     "--description", text, "--reporter", f"Saksi {i}"),
                                took, rng):
            outcomes["finished"] += 1
            committed[text] = 0
        else:
            outcomes["killed"] += 1
        found = logged_in(db)
        assert set(committed) <= set(found), f"lost a finished incident after kill {i}"
        ids = list(found.values())
        assert len(ids) == len(set(ids)), "an id given twice"
    assert outcomes["finished"] > 0 and outcomes["killed"] > 0, outcomes
    assert ronda(db, "db", "check").returncode == 0


@pytest.mark.slow
def test_two_processes_logging_at_once_lose_nothing_and_share_no_id(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    assert ronda(db, *INIT).returncode == 0
    failures: list[str] = []

    def log_many(prefix: str, at: str) -> None:
        for i in range(8):
            result = ronda(db, "incident", "log", "--at", at, "--category", "theft",
                           "--description", f"{prefix} {i}")
            if result.returncode != 0:
                failures.append(result.stderr)

    threads = [threading.Thread(target=log_many, args=p)
               for p in (("Rumah A", "-1h"), ("Rumah B", "-400d"))]  # two year files
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    found = logged_in(db)
    assert set(found) == {f"Rumah {p} {i}" for p in "AB" for i in range(8)}
    assert sorted(found.values()) == list(range(1, 17))
