"""What ronda's calendars sent, and where: the record behind SEQUENCE, cancellations and erasure.

Each feed (whose calendar it is, in which language, with which reminder, with phone numbers or
not) keeps its own record of the events it last carried, so exporting in another language or
without reminders never counts as a change in the usual calendar. The record also lists the
personal calendar files ronda wrote and the personal CalDAV calendars it keeps, so a volunteer
taken off the roster has their calendar emptied and an erased one has it removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from ronda.model import SchemaError, Volunteer

Entry = dict[str, Any]  # one event as a feed last sent it: fingerprint, sequence, times, …

LIVE, RETIRED, ERASE = "live", "retired", "erase"  # the states of a personal CalDAV calendar
STATES = (LIVE, RETIRED, ERASE)
KINDS = ("all", "person")  # of a CalDAV publish: the shared calendar, or one per volunteer


def feed_key(scope: str, lang: str, alarm: int, *, contacts: bool = False) -> str:
    """A feed's name in the record: whose calendar (``all``, ``person:7``, ``team:regu-1``,
    ``visit``), its language, its reminder, and whether it carries phone numbers."""
    return f"{scope}|{lang}|{alarm}" + ("|contacts" if contacts else "")


def file_digest(payload: bytes) -> str:
    """What a written file held, to know it again before deleting it."""
    return hashlib.sha256(payload).hexdigest()


def address_digest(url: str) -> str:
    """A calendar's address as a digest: enough to find it again, without the name in it."""
    return hashlib.sha256(url.rstrip("/").encode("utf-8")).hexdigest()


def erase_in_record(raw: dict[str, Any], person: int) -> bool:
    """Erase ``person`` from a stored calendar record (of the data file or a backup), in
    place, as ``CalendarRecord.erased`` does; whether it changed. ``SchemaError`` when the
    record cannot be read."""
    record = CalendarRecord.from_dict(raw)
    erased = record.erased(person)[0].to_dict()
    if erased == record.to_dict():
        return False
    raw.clear()
    raw.update(erased)
    return True


def server_of(url: str) -> str:
    """The server part of an address (scheme, host and port), without any user or password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


@dataclass(frozen=True)
class CalendarRecord:
    """Everything ronda remembers about the calendars it handed out.

    ``feeds``: feed key -> UID -> what that feed last sent; ``legacy``: the one record every
    feed shared before feeds had their own (a feed's first export starts from it);
    ``files``: path -> {person, digest, state} for each personal calendar file written;
    ``calendars``: address -> {person, state} for each personal CalDAV calendar;
    ``published``: the kinds of CalDAV publish done (``all``, ``person``: --per-volunteer);
    ``rewrite``: after an erasure, the earliest evening the calendars sent ("from"), when it
    was asked ("asked") and which kinds of publish ("left") are still to send every event
    since then again, without the erased name."""

    feeds: dict[str, dict[str, Entry]] = field(default_factory=dict)
    legacy: dict[str, Entry] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    calendars: dict[str, dict[str, Any]] = field(default_factory=dict)
    published: list[str] = field(default_factory=list)
    rewrite: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Any) -> CalendarRecord:
        """The record as stored; ``SchemaError`` when it does not have the shape ronda writes."""
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        feeds = _mapping(d, "feeds")
        for entries in feeds.values():
            _entries(entries)
        files = _mapping(d, "files")
        calendars = _mapping(d, "calendars")
        if not all(_person(f) is not None and isinstance(f.get("digest"), str)
                   and f.get("state", LIVE) in STATES for f in files.values()):
            raise SchemaError("schema.field_malformed", field="files")
        if not all(_person(c) is not None and c.get("state") in STATES
                   for c in calendars.values()):
            raise SchemaError("schema.field_malformed", field="calendars")
        rewrite = d.get("rewrite", {})
        if rewrite and not (isinstance(rewrite, dict) and _is_date(rewrite.get("from"))
                            and isinstance(rewrite.get("asked"), str)
                            and isinstance(rewrite.get("left"), list)):
            raise SchemaError("schema.field_malformed", field="rewrite")
        published = d.get("published", [])
        if not isinstance(published, list) or not all(k in KINDS for k in published):
            raise SchemaError("schema.field_malformed", field="published")
        return cls(feeds, _entries(d.get("uids", {})), files, calendars, published, rewrite)

    def to_dict(self) -> dict[str, Any]:
        return {"uids": self.legacy, "feeds": self.feeds, "files": self.files,
                "calendars": self.calendars, "published": self.published,
                "rewrite": self.rewrite}

    def sent(self, key: str, scopes: set[str]) -> dict[str, Entry]:
        """What feed ``key`` last sent; the first time, what the shared record of earlier
        versions holds for its scopes."""
        if key in self.feeds:
            return self.feeds[key]
        return {uid: e for uid, e in self.legacy.items() if e.get("scope") in scopes}

    def with_sent(self, sent: Mapping[str, dict[str, Entry]]) -> CalendarRecord:
        """This record with the feeds' records ``sent`` merged in; for an event recorded in
        both, the later sequence (another command may have sent it again meanwhile)."""
        feeds = dict(self.feeds)
        for key, entries in sent.items():
            current = feeds.get(key, {})
            feeds[key] = {**current, **{uid: e for uid, e in entries.items()
                                        if uid not in current
                                        or e["sequence"] >= current[uid]["sequence"]}}
        return replace(self, feeds=feeds)

    def with_files(self, written: Mapping[str, dict[str, Any]],
                   gone: Iterable[str] = ()) -> CalendarRecord:
        """This record with the personal files ``written`` (path -> person, digest, state)
        and without those ``gone``."""
        dropped = set(gone)
        files = {p: f for p, f in self.files.items() if p not in dropped}
        return replace(self, files={**files, **written})

    def with_written(self, written: Iterable[tuple[str, int | None, bytes, bool]],
                     folder: str | None = None) -> tuple[CalendarRecord, dict[str, str]]:
        """This record with the personal files just ``written`` (absolute path, person,
        content, whether the person has left the roster); with ``folder`` (absolute), also
        the files it holds there for the same people under another name (a renamed
        volunteer's earlier file): those to delete (path -> digest), which it forgets."""
        files = {path: {"person": person, "digest": file_digest(payload),
                        "state": RETIRED if former else LIVE}
                 for path, person, payload, former in written if person is not None}
        stale: dict[str, str] = {}
        if folder is not None:
            people = {f["person"] for f in files.values()}
            stale = {p: f["digest"] for p, f in self.files_in(folder).items()
                     if f["person"] in people and p not in files}
        return self.with_files(files, gone=stale), stale

    def with_calendars(self, changes: Mapping[str, dict[str, Any] | None]) -> CalendarRecord:
        """This record with personal CalDAV calendars set (or, for None, forgotten); a
        calendar marked for erasure meanwhile stays marked until it is deleted."""
        calendars = dict(self.calendars)
        for url, entry in changes.items():
            if entry is None:
                calendars.pop(url, None)
            elif calendars.get(url, {}).get("state") != ERASE:
                calendars[url] = entry
        return replace(self, calendars=calendars)

    def erased(self, person: int, asked: str = "") -> tuple[CalendarRecord, dict[str, str]]:
        """The record once ``person`` is erased: their feeds forgotten, their CalDAV
        calendars marked for deletion at the next publish (known by a digest of their
        address, which holds the name), and, when ``asked`` (now, as an ISO moment), every
        published calendar's earlier events to send again without their name; and their files
        to delete (path -> digest), which the record forgets."""
        mine = f"person:{person}"
        feeds = {k: v for k, v in self.feeds.items() if k.split("|")[0] != mine}
        legacy = {u: e for u, e in self.legacy.items() if e.get("scope") != mine}
        files = {p: f["digest"] for p, f in self.files.items() if f["person"] == person}
        calendars = {u: c for u, c in self.calendars.items()
                     if c["person"] != person or "digest" in c}
        for url in set(self.calendars) - set(calendars):
            digest = address_digest(url)
            calendars[f"{server_of(url)}/#{digest}"] = {"person": person, "state": ERASE,
                                                        "digest": digest}
        kept = {p: f for p, f in self.files.items() if p not in files}
        sent = [e.get("evening") or e["start"][:10]
                for entries in [*feeds.values(), legacy] for e in entries.values()]
        rewrite = self.rewrite
        if asked and sent and self.published:
            left = sorted({*self.published, *self.rewrite.get("left", ())})
            rewrite = {"from": min(sent + [self.rewrite.get("from", sent[0])]),
                       "asked": asked, "left": left}
        return CalendarRecord(feeds, legacy, kept, calendars, self.published, rewrite), files

    def rewrite_since(self, kind: str) -> date | None:
        """From which evening a publish of ``kind`` (``all``, ``person``) sends every event
        again, to take an erased name out of the earlier ones; None: only the usual period."""
        if kind not in self.rewrite.get("left", ()):
            return None
        return date.fromisoformat(self.rewrite["from"])

    def with_published(self, kind: str, rewritten: str = "") -> CalendarRecord:
        """This record once a publish of ``kind`` went out in full; ``rewritten``: the erasure
        (when it was asked) whose earlier events it sent again (a later erasure still waits)."""
        published = sorted({*self.published, kind})
        if not rewritten or self.rewrite.get("asked") != rewritten:
            return replace(self, published=published)
        left = [k for k in self.rewrite["left"] if k != kind]
        return replace(self, published=published,
                       rewrite={**self.rewrite, "left": left} if left else {})

    def files_in(self, folder: str) -> dict[str, dict[str, Any]]:
        """The personal files recorded in ``folder`` (an absolute path)."""
        return {p: f for p, f in self.files.items() if str(PurePath(p).parent) == folder}

    def calendars_on(self, server: str) -> dict[str, dict[str, Any]]:
        """The personal CalDAV calendars recorded on ``server`` (see ``server_of``)."""
        return {u: c for u, c in self.calendars.items() if server_of(u) == server}


def former_people(recorded: Mapping[str, dict[str, Any]], people: Iterable[Volunteer]
                  ) -> list[int]:
    """The people with a recorded live calendar (a file, or a CalDAV calendar not yet
    emptied) who are no longer on the roster: their calendars are sent once more, empty."""
    gone = {v.id for v in people if not v.active and not v.purged}
    return sorted({r["person"] for r in recorded.values()
                   if r["person"] in gone and r.get("state", LIVE) == LIVE})


def _mapping(d: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    value = d.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise SchemaError("schema.field_malformed", field=key)
    return value


def _entries(value: Any) -> dict[str, Entry]:
    """A feed's record, checked: each event with its sequence, scope and times."""
    if not isinstance(value, dict) or not all(
            isinstance(e, dict) and type(e.get("sequence")) is int
            and all(isinstance(e.get(k), str) for k in ("scope", "start", "end", "summary"))
            for e in value.values()):
        raise SchemaError("schema.field_malformed", field="uids")
    return value


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _person(entry: dict[str, Any]) -> int | None:
    person = entry.get("person")
    return person if type(person) is int else None
