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

    kind: str  # put (added or changed) or delete
    uid: str
    label: str  # whose calendar, for messages
    event: Any  # the icalendar component, for messages
    text: str = ""  # the one-event calendar to put
    resource: Any = None  # what to delete
    change: str = "added"  # added, changed or removed


@dataclass
class Progress:
    """What reached the server so far, and how many changes were planned."""

    done: list[Action] = field(default_factory=list)
    same: int = 0
    planned: int = 0

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "changed": 0, "removed": 0, "same": self.same}
        for a in self.done:
            out[a.change] += 1
        return out


class Server:
    """A CalDAV account, every call under one deadline."""

    def __init__(self, url: str, user: str | None, password: str | None,
                 deadline: Deadline) -> None:
        import caldav

        self.deadline = deadline
        self.client = caldav.DAVClient(url=url, username=user, password=password,
                                       timeout=deadline.left())

    def call(self, action: Callable[[], Any]) -> Any:
        self.client.timeout = self.deadline.left()
        return action()

    def calendar(self, url: str, name: str, cal_id: str) -> Any:
        """The calendar at ``url`` when it is one; made there when nothing is there yet (its
        parent too, for a new account); else, for a server root or a principal's address,
        the account's calendar ``cal_id`` (found by its address or its name, or made in the
        calendar home)."""
        from caldav.elements import dav
        from caldav.lib import error

        cal = self.client.calendar(url=url)
        try:
            kinds = self.call(lambda: cal.get_properties([dav.ResourceType()]))
            kind = str(kinds.get("{DAV:}resourcetype", ""))
        except error.NotFoundError:
            return self._make_at(url, name)
        if "caldav}calendar" in kind:
            return cal
        principal = self.call(self.client.principal)
        for found in self.call(principal.calendars):
            if str(found.url).rstrip("/").endswith(f"/{cal_id}") or \
                    self.call(found.get_display_name) == name:
                return found
        return self.call(lambda: principal.make_calendar(name=name, cal_id=cal_id))

    def home(self) -> str:
        """The account's calendar home, where per-person calendars are made."""
        principal = self.call(self.client.principal)
        return str(self.call(lambda: principal.calendar_home_set.url))

    def _make_at(self, url: str, name: str) -> Any:
        import caldav

        response = self.call(lambda: self.client.mkcalendar(url))
        if response.status == 409:  # the account's home does not exist yet: make it first
            parent = url.rstrip("/").rsplit("/", 1)[0] + "/"
            self.call(lambda: self.client.mkcol(parent, ""))
            response = self.call(lambda: self.client.mkcalendar(url))
        if response.status >= 300:
            raise BadInput("err.caldav_create", url=redact_url(url), status=response.status)
        cal = caldav.Calendar(client=self.client, url=url, name=name)
        self.call(lambda: cal.set_properties([_display_name(name)]))
        return cal

    def plan(self, cal: Any, wanted: dict[str, tuple[Any, str]], first: date, last: date,
             label: str, progress: Progress) -> list[Action]:
        """What must change for ``cal`` to hold ``wanted`` (by UID) in [first, last]."""
        existing = {}
        for resource in self.call(cal.events):
            component = resource.icalendar_component
            uid = str(component.get("uid", ""))
            if uid.endswith("@ronda"):
                existing[uid] = (resource, component)
        actions = []
        for uid, (event, text) in wanted.items():
            if str(event.get("status", "")) == "CANCELLED":
                if uid in existing:
                    actions.append(Action("delete", uid, label, event,
                                          resource=existing[uid][0], change="removed"))
                continue
            if uid in existing and same_event(existing[uid][1], event):
                progress.same += 1
                continue
            actions.append(Action("put", uid, label, event, text,
                                  change="changed" if uid in existing else "added"))
        for uid, (resource, component) in existing.items():
            start = component.decoded("dtstart")
            day = start.date() if hasattr(start, "date") else start
            if uid not in wanted and first <= day <= last:
                actions.append(Action("delete", uid, label, component, resource=resource,
                                      change="removed"))
        return actions

    def apply(self, cal: Any, actions: list[Action], progress: Progress) -> None:
        """Make the changes one by one; ``progress`` says which reached the server."""
        import caldav

        for a in actions:
            if a.kind == "delete":
                self.call(a.resource.delete)
            else:  # our SEQUENCE is the truth: the client must not raise it again
                event = caldav.Event(client=self.client, data=a.text, parent=cal)
                self.call(lambda e=event: e.save(increase_seqno=False))
            progress.done.append(a)


def _display_name(name: str) -> Any:
    from caldav.elements import dav

    return dav.DisplayName(name)


def same_event(on_server: Any, event: Any) -> bool:
    """The server already holds this version of the event."""
    keys = ("dtstart", "dtend", "summary", "description", "location")
    return all(str(on_server.get(k, "")) == str(event.get(k, "")) for k in keys) and \
        int(on_server.get("sequence", 0)) == int(event.get("sequence", 0))


def sync_feeds(server: Server, feeds: Feeds, url: str, progress: Progress, *,
               dry_run: bool) -> None:
    """Make the server hold each feed: the shared one at ``url``, a person's in their own
    calendar under the account's home. What was planned and done is in ``progress``, also
    when a failure stops the run half-way."""
    home = server.home() if any(f.person is not None for f in feeds.feeds) else ""
    for feed in feeds.feeds:
        target = url if feed.person is None else f"{home.rstrip('/')}/{feed.cal_id}/"
        cal = server.calendar(target, feed.name, feed.cal_id)
        actions = server.plan(cal, split_calendar(feed.calendar), feeds.first, feeds.last,
                              feed.label, progress)
        progress.planned += len(actions)
        if dry_run:
            progress.done += actions
        else:
            server.apply(cal, actions, progress)


def split_calendar(full: Any) -> dict[str, tuple[Any, str]]:
    """An ``icalendar.Calendar`` as {uid: (event, one-event calendar text with its zone)}."""
    import icalendar

    zones = list(full.walk("VTIMEZONE"))
    out = {}
    for event in full.walk("VEVENT"):
        single = icalendar.Calendar()
        single.add("prodid", full.get("prodid", "-//ronda//ronda malam//ID"))
        single.add("version", "2.0")
        for z in zones:
            single.add_component(z)
        single.add_component(event)
        out[str(event["uid"])] = (event, single.to_ical().decode("utf-8"))
    return out


def describe_failure(exc: BaseException) -> str:
    """``login``, ``timeout`` or ``unreachable``: what went wrong, without any secret."""
    kind, text = type(exc).__name__, str(exc)
    if isinstance(exc, TimeoutError) or "Timeout" in kind or "timed out" in text:
        return "timeout"
    # an HTTP status, not digits of a port or a path (127.0.0.1:34019 is no refused login)
    if "Authoriz" in kind or "Unauthor" in text or re.search(r"(?<!\d)40[13](?!\d)", text):
        return "login"
    return "unreachable"
