"""What ronda's calendars remember and what a publish sends, without a server: each calendar's
own record, the changes worked out against what a server holds, a former volunteer's calendar
emptied, an erased one's deleted, and an honest word when the time runs out mid-change.
(``test_caldav.py`` does the same against a real Radicale server.)"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from builders import example_neighbourhood, remove_volunteer
from conftest import Run, digest

from ronda.calendars.caldav import Progress, differences, same_event, sync_feeds
from ronda.calendars.feeds import feeds_from
from ronda.calendars.ics import CalendarEvent, to_calendar
from ronda.calendars.registry import (
    ERASE,
    LIVE,
    RETIRED,
    CalendarRecord,
    former_people,
    server_of,
)
from ronda.dates import zone
from ronda.model import SchemaError
from ronda.store.datafile import open_data

WIB = zone("Asia/Jakarta")
NOW = datetime(2026, 11, 24, 8, 0, tzinfo=WIB)
HOME = "http://dav.example:5232/koordinator/"
SHARED = f"{HOME}ronda-rt-005/"


def event(uid: str, day: int, text: str = "team", sequence: int = 0,
          cancelled: bool = False) -> CalendarEvent:
    start = datetime(2026, 11, day, 22, tzinfo=WIB)
    return CalendarEvent(f"{uid}@ronda", start, start + timedelta(hours=6), "Night patrol",
                         "Pos", text, sequence=sequence, cancelled=cancelled)


def components(*events: CalendarEvent, alarm: int = 60) -> dict[str, tuple[str, Any]]:
    """Events as a server holds them: uid -> (resource, component)."""
    cal = to_calendar(list(events), "RT", "Asia/Jakarta", "en", alarm=alarm, stamp=NOW)
    return {str(e["uid"]): (str(e["uid"]), e) for e in cal.walk("VEVENT")}


def test_the_changes_against_a_server_outbid_its_sequence_and_skip_the_same() -> None:
    on_server = components(event("same", 24), event("text", 25, sequence=3),
                           event("gone", 26), event("vanished", 27), event("before", 20),
                           alarm=30) | components(event("alarm", 28), alarm=60)
    wanted = to_calendar([event("same", 24), event("text", 25, "new team", sequence=1),
                          event("gone", 26, sequence=1, cancelled=True), event("new", 29),
                          event("alarm", 28)], "RT", "Asia/Jakarta", "en", alarm=30, stamp=NOW)
    progress = Progress()
    actions = differences(on_server, wanted, date(2026, 11, 23), date(2026, 11, 29), "RT",
                          progress)
    found = {a.uid.split("@")[0]: (a.kind, a.change) for a in actions}
    assert found == {"text": ("put", "changed"), "gone": ("delete", "removed"),
                     "new": ("put", "added"), "vanished": ("delete", "removed"),
                     "alarm": ("put", "changed")}  # a new reminder is a change on a phone
    assert progress.same == 1  # "same": not sent again; "before": outside the period, kept
    text = next(a.text for a in actions if a.uid == "text@ronda")
    assert int(icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["sequence"]) == 4
    assert vobject.readOne(text).vevent.sequence.value == "4"  # above the server's 3


def test_the_same_event_is_the_same_whichever_sequence_brought_it() -> None:
    ours = components(event("a", 24, sequence=2))["a@ronda"][1]
    theirs = components(event("a", 24, sequence=5))["a@ronda"][1]
    other = components(event("a", 24, "another team"))["a@ronda"][1]
    assert same_event(theirs, ours) and not same_event(other, ours)


def test_a_record_of_an_older_version_is_read_and_a_damaged_one_is_refused() -> None:
    entry = {"fingerprint": "f", "sequence": 2, "scope": "all", "start": "2026-11-24T22:00:00",
             "end": "2026-11-25T04:00:00", "summary": "Night patrol", "cancelled": False}
    old = CalendarRecord.from_dict({"uids": {"x@ronda": entry,
                                             "y@ronda": {**entry, "scope": "person:3"}}})
    assert old.sent("all|id|60", {"all", "event"}) == {"x@ronda": entry}  # seeded, its scope
    assert old.with_sent({"all|id|60": {}}).sent("all|id|60", {"all"}) == {}
    for broken in ({"uids": {"x@ronda": {**entry, "sequence": "2"}}},
                   {"uids": {}, "feeds": {"all|en|60": []}},
                   {"uids": {}, "files": {"/k/a.ics": {"person": 3}}},
                   {"uids": {}, "calendars": {SHARED: {"person": 3, "state": "gone"}}}):
        with pytest.raises(SchemaError):
            CalendarRecord.from_dict(broken)


class FakeServer:
    """A CalDAV account in memory: calendars by address, events by UID."""

    def __init__(self) -> None:
        self.calendars: dict[str, dict[str, Any]] = {}
        self.writing = False
        self.sent = 0

    def home(self) -> str:
        return HOME

    def listing(self) -> list[str]:
        return list(self.calendars)

    def calendar(self, url: str, name: str, cal_id: str, colour: str = "", *,
                 make: bool = True) -> str | None:
        if url not in self.calendars:
            if not make:
                return None
            self.calendars[url] = {}
        return url

    def plan(self, cal: str, wanted: Any, first: date, last: date, label: str,
             progress: Progress) -> list:
        existing = {uid: (uid, c) for uid, c in self.calendars[cal].items()}
        return differences(existing, wanted, first, last, label, progress)

    def apply(self, cal: str | None, actions: list, progress: Progress) -> None:
        for a in actions:
            self.sent += 1
            if a.kind == "drop":
                self.calendars.pop(a.resource)
            elif a.kind == "delete":
                self.calendars[cal].pop(a.uid)
            else:
                self.calendars[cal][a.uid] = \
                    icalendar.Calendar.from_ical(a.text).walk("VEVENT")[0]
            progress.done.append(a)


def publish(db: Path, server: FakeServer, *, per_volunteer: bool = True,
            now: datetime = NOW) -> Progress:
    """What ``ronda publish caldav SHARED [--per-volunteer]`` does at ``now``, against
    ``server``."""
    kind = "person" if per_volunteer else "all"
    with open_data(db) as data:
        snapshot = data.calendar_record()
        recorded = snapshot.calendars_on(server_of(SHARED))
        former = former_people(recorded, data.volunteers()) if per_volunteer else []
        feeds = feeds_from(data, now, None, "2026-12-06", [], None, per_volunteer, "en",
                           allow_empty=True, former=former, since=snapshot.rewrite_since(kind))
    progress = Progress()
    sync_feeds(server, feeds, SHARED, progress, recorded, dry_run=False)
    with open_data(db, write=True) as data:
        data.record_published(feeds.sent, progress.calendars,
                              (kind, snapshot.rewrite["asked"] if snapshot.rewrite else ""))
    return progress


def test_a_former_volunteers_calendar_is_emptied_and_an_erased_ones_deleted(
        tmp_path: Path) -> None:
    db = example_neighbourhood(tmp_path / "rt.json", NOW.date())
    server = FakeServer()
    first = publish(db, server)
    lukman = f"{HOME}ronda-lukman-hakim-28/"
    assert len(server.calendars) == 28 and first.counts()["added"] == server.sent
    mine = dict(server.calendars[lukman])
    assert mine and all(str(e["status"]) == "CONFIRMED" for e in mine.values())
    with open_data(db) as data:
        assert data.calendar_record().calendars[lukman] == {"person": 28, "state": LIVE}
    sent = server.sent
    again = publish(db, server)  # nothing changed: nothing sent, and nothing to record
    assert server.sent == sent and again.planned == 0 and not again.calendars
    remove_volunteer(db, "Lukman Hakim", NOW)
    emptied = publish(db, server)
    coming = {u for u, e in mine.items() if e.decoded("dtstart").date() >= NOW.date()}
    assert coming and set(server.calendars[lukman]) == set(mine) - coming
    assert {a.uid for a in emptied.done if a.label == "Lukman Hakim"} == coming
    with open_data(db) as data:
        assert data.calendar_record().calendars[lukman] == {"person": 28, "state": RETIRED}
    assert publish(db, server).planned == 0  # emptied once, then left alone
    joko = f"{HOME}ronda-joko-susilo-4/"
    with open_data(db, write=True) as data:
        record, files = data.calendar_record().erased(4, "2026-11-24T08:00:00+07:00#4")
        data.save_calendar_record(record)
    assert files == {} and joko not in record.calendars
    assert [c["state"] for c in record.calendars.values() if c["person"] == 4] == [ERASE]
    assert "joko-susilo" not in db.read_text()  # the address held the name: a digest now
    dropped = publish(db, server, per_volunteer=False)
    assert joko not in server.calendars and len(server.calendars[SHARED]) == 14
    assert [(a.kind, a.label) for a in dropped.done if a.kind != "put"] == [("drop", "#4")]
    with open_data(db) as data:
        assert [c for c in data.calendar_record().calendars.values() if c["person"] == 4] == []


def test_an_erasure_takes_the_name_out_of_earlier_published_events(run: Run,
                                                                   db: Path) -> None:
    example_neighbourhood(db, NOW.date())
    server = FakeServer()
    publish(db, server, per_volunteer=False, now=NOW - timedelta(days=14))  # from 09/11
    shared = server.calendars[SHARED]
    assert len(shared) == 28
    first = min(shared.values(), key=lambda e: e.decoded("dtstart"))
    name = str(first["description"]).splitlines()[-1].removeprefix("- ")
    named = {u for u, e in shared.items() if name in str(e["description"])}
    early = {u for u in named if shared[u].decoded("dtstart").date() < date(2026, 11, 23)}
    assert early  # before this week: outside the usual period of a publish today
    purged = run("volunteer", "remove", name, "--purge", "--yes",
                 env={"RONDA_NOW": NOW.isoformat()})
    assert purged.exit_code == 0, purged.output
    assert "lose the name from their earlier events too" in " ".join(purged.stderr.split())
    again = publish(db, server, per_volunteer=False)
    assert not [e for e in server.calendars[SHARED].values() if name in str(e["description"])]
    assert named <= {a.uid for a in again.done}
    assert all(int(server.calendars[SHARED][u]["sequence"]) == 1 for u in early)
    with open_data(db) as data:
        assert data.calendar_record().rewrite == {}  # done: the next publish is the usual one
    assert publish(db, server, per_volunteer=False).planned == 0


class Stalling(FakeServer):
    """A server whose time runs out: in the middle of the first change sent, or before."""

    mid_change = True

    def __init__(self, url: str, user: str | None, password: str | None, deadline: Any) -> None:
        super().__init__()

    def plan(self, cal: str, wanted: Any, first: date, last: date, label: str,
             progress: Progress) -> list:
        if not self.mid_change:
            raise TimeoutError("timed out")
        return super().plan(cal, wanted, first, last, label, progress)

    def apply(self, cal: str | None, actions: list, progress: Progress) -> None:
        self.writing = True
        raise TimeoutError("timed out")


@pytest.mark.parametrize(("lang", "unsure", "sure"), [
    ("en", "the change being sent then may have reached it", "nothing was changed"),
    ("id", "perubahan yang sedang dikirim saat itu mungkin sudah sampai",
     "tidak ada yang diubah")])
def test_a_timeout_says_whether_a_change_may_have_arrived(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, unsure: str,
        sure: str) -> None:
    import ronda.calendars.caldav

    db = example_neighbourhood(tmp_path / "rt005.json", NOW.date())
    before = digest(db)
    monkeypatch.setattr(ronda.calendars.caldav, "Server", Stalling)
    env = {"RONDA_TODAY": NOW.date().isoformat()}
    midway = run("publish", "caldav", SHARED, lang=lang, env=env)
    assert midway.exit_code == 2 and "Traceback" not in midway.output
    text = " ".join(midway.stderr.split())
    assert unsure in text and sure not in text
    monkeypatch.setattr(Stalling, "mid_change", False)
    early = run("publish", "caldav", SHARED, lang=lang, env=env)
    assert early.exit_code == 2 and sure in " ".join(early.stderr.split())
    assert digest(db) == before


def test_files_written_are_recorded_and_a_renamed_person_s_earlier_file_is_to_delete() -> None:
    """Budi's file is written under his new name: the one under his old name in the same
    folder is to delete (with the digest ronda wrote, to check it is unchanged) and is
    forgotten; another folder's file of his and the other people's files stay."""
    folder, other = "/rt/kalender", "/rt/lama"
    record = CalendarRecord({}, {}, {
        f"{folder}/budi.ics": {"person": 2, "digest": "d-old", "state": LIVE},
        f"{other}/budi.ics": {"person": 2, "digest": "d-other", "state": LIVE},
        f"{folder}/siti.ics": {"person": 3, "digest": "d-siti", "state": LIVE}}, {}, [], {})
    written = [(f"{folder}/budi-santoso.ics", 2, b"BEGIN:VCALENDAR", False),
               (f"{folder}/agus.ics", 1, b"BEGIN:VCALENDAR\n", True),
               (f"{folder}/semua.ics", None, b"BEGIN:VCALENDAR", False)]
    after, stale = record.with_written(written, folder)
    assert stale == {f"{folder}/budi.ics": "d-old"}
    assert sorted(after.files) == [f"{folder}/agus.ics", f"{folder}/budi-santoso.ics",
                                   f"{folder}/siti.ics", f"{other}/budi.ics"]
    assert after.files[f"{folder}/agus.ics"]["state"] == RETIRED  # no longer on the roster
    assert after.files[f"{folder}/budi-santoso.ics"]["digest"] != \
        after.files[f"{folder}/agus.ics"]["digest"]
    alone, none = record.with_written(written[:1])  # one file, no folder: nothing to delete
    assert none == {} and f"{folder}/budi.ics" in alone.files
