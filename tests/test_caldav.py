"""Publishing to a real CalDAV server (Radicale, started on 127.0.0.1 for the test): the
change arrives, nothing is duplicated, removed duties disappear."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import caldav
import pytest
from builders import example_neighbourhood
from conftest import Run, digest

pytestmark = pytest.mark.slow  # a real CalDAV server for each test
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
def planned(db: Path) -> Path:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026."""
    return example_neighbourhood(db, date(2026, 11, 24))


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


class Proxy:
    """A loopback proxy in front of Radicale that can fail every PUT from the Nth on, stall
    the Nth, or answer the first MKCALENDAR with 409 (a new account without its home)."""

    def __init__(self, upstream: str, *, fail_put: int = 0, stall_put: int = 0,
                 conflict: bool = False) -> None:
        import http.client
        import http.server
        import threading
        from urllib.parse import urlsplit

        target = urlsplit(upstream)
        proxy = self
        self.puts = 0
        self.conflict = conflict
        self.release = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def __getattr__(self, name: str):  # noqa: ANN204
                if name.startswith("do_"):
                    return self.forward
                raise AttributeError(name)

            def forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.command == "PUT":
                    proxy.puts += 1
                    if fail_put and proxy.puts >= fail_put:  # the server breaks down
                        self.send_response(500)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    if proxy.puts == stall_put:
                        proxy.release.wait(30)
                if self.command == "MKCALENDAR" and proxy.conflict:
                    proxy.conflict = False
                    self.send_response(409)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                conn.request(self.command, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                payload = answer.read()
                self.send_response(answer.status)
                for k, v in answer.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def test_a_server_root_is_enough_and_the_password_is_never_printed(
        run: Run, planned: Path, radicale: str) -> None:
    root = radicale.replace("http://", "http://koordinator:rahasia@") + "/"
    first = run("publish", "caldav", root, "--to", "2026-12-06", env=TUESDAY)
    assert first.exit_code == 0, first.output
    assert "rahasia" not in first.output and "14 added" in first.stderr
    again = run("publish", "caldav", f"{radicale}/koordinator/", "--user", "koordinator",
                "--password-env", "RONDA_DAV_PASSWORD", "--to", "2026-12-06", env=ENV)
    assert again.exit_code == 0, again.output  # found, not made twice, nothing sent again
    assert "Nothing changed in 1 calendar" in again.stderr and "all 14 events" in again.stderr
    client = caldav.DAVClient(url=radicale, username="koordinator", password="rahasia")
    calendars = client.principal().calendars()
    assert len(calendars) == 1 and calendars[0].get_display_name() == "RT 005 / RW 002"
    wrong = run("publish", "caldav", root.replace("rahasia", "salah"), env=TUESDAY)
    assert wrong.exit_code == 2 and "salah" not in wrong.output


def test_a_new_accounts_home_is_made_first(run: Run, planned: Path, radicale: str) -> None:
    proxy = Proxy(radicale, conflict=True)
    try:
        result = publish(run, f"{proxy.url}/koordinator/jadwal/")
    finally:
        proxy.close()
    assert result.exit_code == 0, result.output
    assert len(read_back(f"{radicale}/koordinator/jadwal/")) == 14


def test_a_failure_part_way_says_what_arrived_and_the_next_publish_repairs(
        run: Run, planned: Path, radicale: str) -> None:
    url = "/koordinator/ronda-rt-005/"
    proxy = Proxy(radicale, fail_put=6)
    try:
        broken = publish(run, proxy.url + url)
    finally:
        proxy.close()
    assert broken.exit_code == 2
    assert "Only 5 of 14 changes reached" in broken.stderr
    assert broken.stderr.count("\n+ ") + broken.stderr.startswith("+ ") == 5
    assert len(read_back(radicale + url)) == 5
    repaired = publish(run, radicale + url)
    assert repaired.exit_code == 0, repaired.output
    assert "9 added" in repaired.stderr and "5 unchanged" in repaired.stderr
    assert len(read_back(radicale + url)) == 14


def test_a_stalled_server_meets_the_deadline_and_leaves_the_file_free(
        run: Run, planned: Path, radicale: str) -> None:
    import threading

    proxy = Proxy(radicale, stall_put=3)
    outcome: dict[str, object] = {}
    try:
        worker = threading.Thread(target=lambda: outcome.setdefault("r", publish(
            run, f"{proxy.url}/koordinator/ronda-rt-005/", "--timeout", "4")))
        started = time.monotonic()
        worker.start()
        while proxy.puts < 3 and time.monotonic() - started < 20:
            time.sleep(0.05)
        # while the server stalls, the data file is not locked: other commands run
        other = subprocess.run([sys.executable, "-m", "ronda", "--db", str(planned),
                                "volunteer", "add", "Warga Sabar"],
                               capture_output=True, text=True, timeout=30,
                               env={**os.environ, "RONDA_LOCK_TIMEOUT": "1", **TUESDAY})
        assert other.returncode == 0, other.stderr
        worker.join(timeout=30)
        elapsed = time.monotonic() - started
    finally:
        proxy.close()
    result = outcome["r"]
    assert result.exit_code == 2 and "Only 2 of 14 changes reached" in result.stderr
    assert "and the one being sent then may have too" in " ".join(result.stderr.split())
    assert elapsed < 15
    assert "Warga Sabar" in planned.read_text()


def test_a_port_with_401_in_it_is_no_refused_login() -> None:
    from ronda.calendars.caldav import describe_failure

    refused = ConnectionRefusedError("Max retries exceeded with url (host 127.0.0.1:34019)")
    assert describe_failure(refused) == "unreachable"
    assert describe_failure(Exception("401 Unauthorized")) == "login"
    assert describe_failure(Exception("HTTP 403 from /koordinator/ronda/")) == "login"


def test_a_republish_after_other_exports_sends_nothing(run: Run, planned: Path, radicale: str,
                                                       tmp_path: Path) -> None:
    url = "/koordinator/ronda-rt-005/"
    assert publish(run, radicale + url).exit_code == 0
    for args in (("--lang", "id"), ("--alarm", "0"), ()):  # other calendars, other records
        assert run("export", "ics", "-o", str(tmp_path / "x.ics"), "--to", "2026-12-06", *args,
                   env=TUESDAY).exit_code == 0
    proxy = Proxy(radicale)
    try:
        again = publish(run, proxy.url + url)
    finally:
        proxy.close()
    assert again.exit_code == 0, again.output
    assert proxy.puts == 0
    assert "Nothing changed in 1 calendar" in again.stderr and "nothing was sent" in again.stderr
    assert {int(e["sequence"]) for e in read_back(radicale + url).values()} == {0}


def test_a_removed_volunteers_calendar_is_emptied_at_the_next_publish(
        run: Run, planned: Path, radicale: str) -> None:
    base = f"{radicale}/koordinator/"
    mine = f"{base}ronda-lukman-hakim-28/"
    assert publish(run, base, "--per-volunteer").exit_code == 0
    before = read_back(mine)
    coming = {u for u, e in before.items() if e.decoded("dtstart").date() >= date(2026, 11, 24)}
    assert coming and all(str(e["status"]) == "CONFIRMED" for e in before.values())
    assert run("volunteer", "remove", "Lukman Hakim", env=TUESDAY).exit_code == 0
    emptied = publish(run, base, "--per-volunteer")
    assert emptied.exit_code == 0, emptied.output
    assert emptied.stderr.count("- Lukman Hakim ") == len(coming)
    assert set(read_back(mine)) == set(before) - coming  # nothing from tonight on
    again = publish(run, base, "--per-volunteer")
    assert "Nothing changed" in again.stderr and "Lukman" not in again.stderr


def test_an_erased_volunteers_calendar_is_deleted_at_the_next_publish(
        run: Run, planned: Path, radicale: str) -> None:
    base = f"{radicale}/koordinator/"
    assert publish(run, base, "--per-volunteer").exit_code == 0
    client = caldav.DAVClient(url=radicale, username="koordinator", password="rahasia")
    names = {c.get_display_name() for c in client.principal().calendars()}
    assert "RT 005 / RW 002 · Lukman Hakim" in names and len(names) == 28
    purged = run("volunteer", "remove", "Lukman Hakim", "--purge", "--yes", env=TUESDAY)
    assert purged.exit_code == 0, purged.output
    assert f"their CalDAV calendar on {radicale} is deleted at the next 'ronda publish " \
           "caldav'" in " ".join(purged.stderr.split())
    assert "lukman" not in planned.read_text().lower()  # not even in the calendar's address
    shared = publish(run, f"{base}ronda-rt-005/")  # any publish to that server will do
    assert shared.exit_code == 0, shared.output
    assert "- #28: calendar deleted" in shared.stderr
    left = {c.get_display_name() for c in client.principal().calendars()}
    assert left == names - {"RT 005 / RW 002 · Lukman Hakim"} | {"RT 005 / RW 002"}
    assert "lukman" not in planned.read_text().lower()


def test_a_timeout_on_the_first_change_says_it_may_have_arrived(
        run: Run, planned: Path, radicale: str) -> None:
    before = digest(planned)
    proxy = Proxy(radicale, stall_put=1)
    try:
        result = publish(run, f"{proxy.url}/koordinator/ronda-rt-005/", "--timeout", "3")
    finally:
        proxy.close()
    assert result.exit_code == 2
    text = " ".join(result.stderr.split())
    assert "did not finish within 3 s" in text and "nothing was changed" not in text
    assert "the change being sent then may have reached it" in text
    assert digest(planned) == before
