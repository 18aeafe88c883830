"""Publishing calendars to a CalDAV server: finding (or making) the calendar, working out what
differs, and putting it there by UID within one deadline.

The network side of ronda, kept apart from the commands: ``caldav`` is imported only here and
only when a publish runs. Nothing here touches the data file; the command reads a snapshot,
publishes, then records what it published under a short lock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ronda.errors import BadInput

REQUEST_TIMEOUT = 15.0  # one request may take this long, the whole publish --timeout

if TYPE_CHECKING:
    from ronda.calendars.feeds import Feeds


def redact_url(url: str) -> str:
    """The address without any user or password written into it, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def credentials_in(url: str) -> tuple[str | None, str | None]:
    """A user and password written into the address (``https://user:pass@host/``)."""
    parts = urlsplit(url)
    return parts.username, parts.password


class Deadline:
    """One time limit for the whole publish; each request gets what is left (at most
    ``REQUEST_TIMEOUT``)."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the deadline has passed")
        return min(REQUEST_TIMEOUT, remaining)


@dataclass
class Action:
    """One change to make on the server."""

    kind: str  # put (added or changed), delete (an event) or drop (a whole calendar)
    uid: str
    label: str  # whose calendar, for messages
    event: Any  # the icalendar component, for messages (None for a calendar)
    text: str = ""  # the one-event calendar to put
    resource: Any = None  # what to delete: an event, or a calendar's address
    change: str = "added"  # added, changed, removed or dropped


@dataclass
class Progress:
    """What reached the server so far, how many changes were planned, and the personal
    calendars to record (address -> entry, None to forget)."""

    done: list[Action] = field(default_factory=list)
    same: int = 0
    planned: int = 0
    calendars: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "changed": 0, "removed": 0, "dropped": 0, "same": self.same}
        for a in self.done:
            out[a.change] += 1
        return out


class Server:
    """A CalDAV account, every call under one deadline."""

    def __init__(self, url: str, user: str | None, password: str | None,
                 deadline: Deadline) -> None:
        import caldav

        self.deadline = deadline
        self.writing = False  # a request that changes the server is on its way
        self.client = caldav.DAVClient(url=url, username=user, password=password,
                                       timeout=deadline.left())

    def call(self, action: Callable[[], Any], *, writes: bool = False) -> Any:
        """``action`` with what is left of the deadline; one that ``writes`` is marked as on
        its way until it is answered."""
        self.client.timeout = self.deadline.left()  # raises before anything is sent
        self.writing = writes
        result = action()
        self.writing = False
        return result

    def calendar(self, url: str, name: str, cal_id: str, colour: str = "", *,
                 make: bool = True) -> Any:
        """The calendar at ``url`` when it is one; made there (in ``colour``) when nothing is
        there yet (its parent too, for a new account), or None when not to ``make``; else,
        for a server root or a principal's address, the account's calendar ``cal_id`` (found
        by its address or its name, or made in the calendar home)."""
        from caldav.elements import dav
        from caldav.lib import error

        cal = self.client.calendar(url=url)
        try:
            kinds = self.call(lambda: cal.get_properties([dav.ResourceType()]))
            kind = str(kinds.get("{DAV:}resourcetype", ""))
        except error.NotFoundError:
            return self._make_at(url, name, colour) if make else None
        if "caldav}calendar" in kind:
            return cal
        principal = self.call(self.client.principal)
        for found in self.call(principal.calendars):
            if str(found.url).rstrip("/").endswith(f"/{cal_id}") or \
                    self.call(found.get_display_name) == name:
                return found
        made = self.call(lambda: principal.make_calendar(name=name, cal_id=cal_id), writes=True)
        if colour:
            self.call(lambda: made.set_properties([_colour(colour)]), writes=True)
        return made

    def home(self) -> str:
        """The account's calendar home, where per-person calendars are made."""
        principal = self.call(self.client.principal)
        return str(self.call(lambda: principal.calendar_home_set.url))

    def listing(self) -> list[str]:
        """The addresses of the account's calendars."""
        principal = self.call(self.client.principal)
        return [str(c.url) for c in self.call(principal.calendars)]

    def _make_at(self, url: str, name: str, colour: str) -> Any:
        import caldav

        response = self.call(lambda: self.client.mkcalendar(url), writes=True)
        if response.status == 409:  # the account's home does not exist yet: make it first
            parent = url.rstrip("/").rsplit("/", 1)[0] + "/"
            self.call(lambda: self.client.mkcol(parent, ""), writes=True)
            response = self.call(lambda: self.client.mkcalendar(url), writes=True)
        if response.status >= 300:
            raise BadInput("err.caldav_create", url=redact_url(url), status=response.status)
        cal = caldav.Calendar(client=self.client, url=url, name=name)
        self.call(lambda: cal.set_properties([_display_name(name)] +
                                             ([_colour(colour)] if colour else [])), writes=True)
        return cal

    def plan(self, cal: Any, wanted: Any, first: date, last: date, label: str,
             progress: Progress) -> list[Action]:
        """What must change for ``cal`` to hold the calendar ``wanted`` in [first, last]."""
        existing = {}
        for resource in self.call(cal.events):
            component = resource.icalendar_component
            uid = str(component.get("uid", ""))
            if uid.endswith("@ronda"):
                existing[uid] = (resource, component)
        return differences(existing, wanted, first, last, label, progress)

    def apply(self, cal: Any, actions: list[Action], progress: Progress) -> None:
        """Make the changes one by one; ``progress`` says which reached the server."""
        import caldav
        from caldav.lib import error

        for a in actions:
            if a.kind == "drop":
                response = self.call(lambda a=a: self.client.delete(a.resource), writes=True)
                if response.status >= 300 and response.status != 404:  # 404: already gone
                    raise error.DeleteError(f"HTTP {response.status} deleting a calendar")
            elif a.kind == "delete":
                self.call(a.resource.delete, writes=True)
            else:  # our SEQUENCE is the truth: the client must not raise it again
                event = caldav.Event(client=self.client, data=a.text, parent=cal)
                self.call(lambda e=event: e.save(increase_seqno=False), writes=True)
            progress.done.append(a)


def differences(existing: dict[str, tuple[Any, Any]], wanted: Any, first: date, last: date,
                label: str, progress: Progress) -> list[Action]:
    """The changes that make a calendar holding ``existing`` (uid -> (resource, event)) hold
    the calendar ``wanted`` in [first, last]: new and changed events put, cancelled and
    vanished ones deleted, the same ones counted in ``progress``. A changed event goes out
    with a SEQUENCE above the server's, whatever calendar sent it there before."""
    zones = list(wanted.walk("VTIMEZONE"))
    prodid = str(wanted.get("prodid", "-//ronda//ronda malam//ID"))
    actions = []
    for event in wanted.walk("VEVENT"):
        uid = str(event["uid"])
        if str(event.get("status", "")) == "CANCELLED":
            if uid in existing:
                actions.append(Action("delete", uid, label, event,
                                      resource=existing[uid][0], change="removed"))
            continue
        if uid in existing and same_event(existing[uid][1], event):
            progress.same += 1
            continue
        if uid in existing:
            above = int(existing[uid][1].get("sequence", 0)) + 1
            if int(event.get("sequence", 0)) < above:
                event.pop("sequence")
                event.add("sequence", above)
        actions.append(Action("put", uid, label, event, one_event(event, zones, prodid),
                              change="changed" if uid in existing else "added"))
    known = {str(e["uid"]) for e in wanted.walk("VEVENT")}
    for uid, (resource, component) in existing.items():
        start = component.decoded("dtstart")
        day = start.date() if hasattr(start, "date") else start
        if uid not in known and first <= day <= last:
            actions.append(Action("delete", uid, label, component, resource=resource,
                                  change="removed"))
    return actions


def _display_name(name: str) -> Any:
    from caldav.elements import dav

    return dav.DisplayName(name)


def _colour(colour: str) -> Any:
    from caldav.elements import ical

    return ical.CalendarColor(colour)


def same_event(on_server: Any, event: Any) -> bool:
    """The server already shows this event as it is: its times, texts, status and reminders
    (whichever SEQUENCE brought it there)."""
    keys = ("dtstart", "dtend", "summary", "description", "location", "status")

    def alarms(e: Any) -> list[str]:
        return sorted(str(a.decoded("trigger")) for a in e.walk("VALARM") if "trigger" in a)

    return all(str(on_server.get(k, "")) == str(event.get(k, "")) for k in keys) and \
        alarms(on_server) == alarms(event)


def sync_feeds(server: Server, feeds: Feeds, url: str, progress: Progress,
               recorded: dict[str, dict[str, Any]], *, dry_run: bool) -> None:
    """Make the server hold each feed: the shared one at ``url``, a person's in their own
    calendar under the account's home (a former volunteer's emptied, when it exists). The
    personal calendars ``recorded`` on this server that are marked for erasure (found by
    the digest of their address), or that a renamed volunteer left behind, are deleted.
    What was planned and done is in ``progress``, also when a failure stops the run
    half-way."""
    from ronda.calendars.registry import ERASE, LIVE, RETIRED, address_digest

    personal = [f for f in feeds.feeds if f.person is not None]
    home = server.home().rstrip("/") if personal else ""
    mine = {f"{home}/{f.cal_id}/" for f in personal}
    drops = {u: u for u, c in recorded.items() if c["state"] != ERASE and u not in mine and
             u.startswith(f"{home}/") and any(f.person == c["person"] for f in personal)}
    for feed in feeds.feeds:
        target = url if feed.person is None else f"{home}/{feed.cal_id}/"
        cal = server.calendar(target, feed.name, feed.cal_id,
                              str(feed.calendar.get("color", "")), make=not feed.former)
        if cal is not None:  # a former volunteer's calendar deleted on the server: done
            actions = server.plan(cal, feed.calendar, feed.period[0], feed.period[1],
                                  feed.label, progress)
            _run(server, cal, actions, progress, dry_run)
        entry = {"person": feed.person, "state": RETIRED if feed.former else LIVE}
        if feed.person is not None and recorded.get(target) != entry:
            progress.calendars[target] = entry
    erase = {c["digest"]: key for key, c in recorded.items() if c["state"] == ERASE}
    if erase:  # listed once the calendar at ``url`` exists: its address may be the account's
        found = {address_digest(u): u for u in server.listing()}
        drops |= {key: found.get(digest, "") for digest, key in erase.items()}
    drop = [Action("drop", key, f"#{recorded[key]['person']}", None, resource=address,
                   change="dropped") for key, address in drops.items() if address]
    _run(server, None, drop, progress, dry_run)
    progress.calendars.update({key: None for key in drops})


def _run(server: Server, cal: Any, actions: list[Action], progress: Progress,
         dry_run: bool) -> None:
    progress.planned += len(actions)
    if dry_run:
        progress.done += actions
    else:
        server.apply(cal, actions, progress)


def one_event(event: Any, zones: list[Any], prodid: str) -> str:
    """One event as the calendar text a CalDAV server stores, with its time zones."""
    import icalendar

    single = icalendar.Calendar()
    single.add("prodid", prodid)
    single.add("version", "2.0")
    for z in zones:
        single.add_component(z)
    single.add_component(event)
    return single.to_ical().decode("utf-8")


def may_have_arrived(exc: BaseException, server: Server | None) -> bool:
    """A change was on its way when ``exc`` stopped the run, and no answer from the server
    says whether it arrived (a time limit, a dropped connection)."""
    from caldav.lib import error

    return server is not None and server.writing and not isinstance(exc, error.DAVError)


def describe_failure(exc: BaseException) -> str:
    """``login``, ``timeout`` or ``unreachable``: what went wrong, without any secret."""
    kind, text = type(exc).__name__, str(exc)
    if isinstance(exc, TimeoutError) or "Timeout" in kind or "timed out" in text:
        return "timeout"
    # an HTTP status, not digits of a port or a path (127.0.0.1:34019 is no refused login)
    if "Authoriz" in kind or "Unauthor" in text or re.search(r"(?<!\d)40[13](?!\d)", text):
        return "login"
    return "unreachable"
