"""Publishing to a real CalDAV server (Radicale, started on 127.0.0.1 for the test): the
change arrives, nothing is duplicated, removed duties disappear."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import caldav
import pytest
from conftest import Run, digest

TUESDAY = {"RONDA_TODAY": "2026-11-24"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def radicale(tmp_path: Path):  # noqa: ANN201
    """A Radicale server on loopback; users 'koordinator' (password 'rahasia')."""
    port = free_port()
    users = tmp_path / "users"
    users.write_text("koordinator:rahasia\n")
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={tmp_path / 'dav'}",
         f"--server-hosts=127.0.0.1:{port}", "--auth-type=htpasswd",
         f"--auth-htpasswd-filename={users}", "--auth-htpasswd-encryption=plain"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def planned(run: Run, db: Path) -> Path:
    assert run("demo", env=TUESDAY).exit_code == 0
    return db


ENV = {**TUESDAY, "RONDA_DAV_PASSWORD": "rahasia"}


def publish(run: Run, url: str, *args: str):  # noqa: ANN201
    return run("publish", "caldav", url, "--user", "koordinator", "--password-env",
               "RONDA_DAV_PASSWORD", "--to", "2026-12-06", *args, env=ENV)


def read_back(url: str) -> dict[str, object]:
    client = caldav.DAVClient(url=url, username="koordinator", password="rahasia")
    cal = client.calendar(url=url)
    found = {}
    for resource in cal.events():
        uid = str(resource.icalendar_component["uid"])
        assert uid not in found, "duplicate event"
        found[uid] = resource.icalendar_component
    return found


def test_publish_change_and_publish_again(run: Run, planned: Path, radicale: str) -> None:
    url = f"{radicale}/koordinator/ronda-rt-005/"
    first = publish(run, url)
    assert first.exit_code == 0, first.output
    week_two = json.loads(run("schedule", "--json", "--from", "2026-11-23", "--to",
                              "2026-12-06", env=TUESDAY).stdout)
    on_server = read_back(url)
    assert len([u for u in on_server if "-all." in u]) == len(week_two) == 14
    assert "14 added" in first.stderr
    week = week_two[:7]
    out_id = week[3]["volunteers"][-1]["id"]
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    on_week = {v["id"] for s in week for v in s["volunteers"]}
    in_id = next(v["id"] for v in roster if v["id"] not in on_week and not v["away"]
                 and "thu" in v["days"])
    assert run("schedule", "swap", "26/11/2026", str(out_id), str(in_id),
               env=TUESDAY).exit_code == 0
    dry = publish(run, url, "--dry-run")
    assert dry.exit_code == 0 and "1 to change" in dry.stderr
    second = publish(run, url)
    assert second.exit_code == 0, second.output
    assert "1 changed" in second.stderr and "0 added" in second.stderr
    after = read_back(url)
    assert after.keys() == on_server.keys()
    thursday = after["2026-11-26-0-all.rt-005-rw-002@ronda"]
    in_name = next(v["name"] for v in roster if v["id"] == in_id)
    out_name = next(v["name"] for v in roster if v["id"] == out_id)
    assert in_name in str(thursday["description"])
    assert out_name not in str(thursday["description"])
    assert int(thursday["sequence"]) == 1


def test_per_volunteer_calendars_drop_a_swapped_night(run: Run, planned: Path,
                                                      radicale: str) -> None:
    base = f"{radicale}/koordinator/"
    assert publish(run, base, "--per-volunteer").exit_code == 0
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    out = week[3]["volunteers"][-1]
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    on_week = {v["id"] for s in week for v in s["volunteers"]}
    in_id = next(v["id"] for v in roster if v["id"] not in on_week and not v["away"]
                 and "thu" in v["days"])
    slug = out["name"].lower().replace(" ", "-").replace("'", "-")
    mine = f"{base}ronda-{slug}-{out['id']}/"
    uid = f"2026-11-26-0-{out['id']}.rt-005-rw-002@ronda"
    assert uid in read_back(mine)
    assert run("schedule", "swap", "26/11/2026", str(out["id"]), str(in_id),
               env=TUESDAY).exit_code == 0
    assert publish(run, base, "--per-volunteer").exit_code == 0
    assert uid not in read_back(mine)


def test_refused_login_and_unreachable_server_change_nothing(run: Run, planned: Path,
                                                            radicale: str) -> None:
    before = digest(planned)
    wrong = run("publish", "caldav", f"{radicale}/koordinator/ronda/", "--user", "koordinator",
                "--password-env", "WRONG", env={**TUESDAY, "WRONG": "salah"})
    assert wrong.exit_code == 2 and "refused the login" in wrong.stderr
    closed = f"http://127.0.0.1:{free_port()}/koordinator/ronda/"
    gone = run("publish", "caldav", closed, env=TUESDAY)
    assert gone.exit_code == 2 and "Cannot reach" in gone.stderr
    assert len(gone.stderr.strip().splitlines()) == 1
    missing = run("publish", "caldav", closed, "--password-env", "NOT_SET_ANYWHERE",
                  env=TUESDAY)
    assert missing.exit_code == 2 and "never on the command line" in missing.stderr
    assert digest(planned) == before
    assert "password" not in os.environ.get("RONDA_DB", "")
