"""``ronda publish caldav``: a live calendar that follows every swap and rebuild.

Events are put on the server by UID (so a second publish replaces, never duplicates) and
events that no longer exist are deleted, so phones subscribed over CalDAV (iOS natively,
Android with DAVx⁵) follow the changes.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from ronda.cli._options import DryRun, From, To
from ronda.cli._state import State, state
from ronda.errors import BadInput
from ronda.roster import parse_count

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.callback()
def publish() -> None:
    """Live calendars on a CalDAV server."""


def _split(payload: bytes) -> dict[str, tuple[Any, str]]:
    """A calendar file as {uid: (event, one-event calendar text with its time zone)}."""
    import icalendar

    full = icalendar.Calendar.from_ical(payload)
    zones = list(full.walk("VTIMEZONE"))
    out = {}
    for event in full.walk("VEVENT"):
        single = icalendar.Calendar()
        single.add("prodid", "-//ronda//ronda malam//ID")
        single.add("version", "2.0")
        for z in zones:
            single.add_component(z)
        single.add_component(event)
        out[str(event["uid"])] = (event, single.to_ical().decode("utf-8"))
    return out


def _connect(url: str, user: str | None, password: str | None) -> Any:
    import caldav

    return caldav.DAVClient(url=url, username=user, password=password, timeout=15)


def _calendar(client: Any, url: str, name: str) -> Any:
    """The calendar collection at ``url``, created when it does not exist yet."""
    import caldav
    from caldav.lib import error

    cal = caldav.Calendar(client=client, url=url, name=name)
    try:
        cal.events()
    except error.NotFoundError:
        response = client.mkcalendar(url)
        if response.status >= 300:
            raise BadInput("err.caldav_create", url=url, status=response.status) from None
    return cal


def _network(action, url: str):  # noqa: ANN001, ANN202
    """Run a server call; a refused login or an unreachable server is one line, exit 2."""
    try:
        return action()
    except BadInput:
        raise
    except Exception as exc:  # requests, niquests and caldav raise many kinds
        kind = type(exc).__name__
        if "Authoriz" in kind or "Unauthor" in str(exc) or "401" in str(exc) or \
                "403" in str(exc):
            raise BadInput("err.caldav_login", url=url) from None
        raise BadInput("err.caldav_unreachable", url=url, detail=kind) from None


def _sync(st: State, cal: Any, payload: bytes, first, last, dry_run: bool,  # noqa: ANN001
          label: str) -> dict[str, int]:
    import caldav

    wanted = _split(payload)
    existing = {}
    for resource in cal.events():
        component = resource.icalendar_component
        uid = str(component.get("uid", ""))
        if uid.endswith("@ronda"):
            existing[uid] = (resource, component)
    counts = {"added": 0, "changed": 0, "removed": 0, "same": 0}
    for uid, (event, text) in wanted.items():
        cancelled = str(event.get("status", "")) == "CANCELLED"
        if cancelled:
            if uid in existing:
                counts["removed"] += 1
                _report(st, "-", event, label)
                if not dry_run:
                    existing[uid][0].delete()
            continue
        if uid in existing and _same(existing[uid][1], event):
            counts["same"] += 1
            continue
        kind = "changed" if uid in existing else "added"
        counts[kind] += 1
        _report(st, "~" if kind == "changed" else "+", event, label)
        if not dry_run:  # our SEQUENCE is the truth: the client must not raise it again
            caldav.Event(client=cal.client, data=text, parent=cal).save(increase_seqno=False)
    for uid, (resource, component) in existing.items():
        start = component.decoded("dtstart")
        day = start.date() if hasattr(start, "date") else start
        if uid not in wanted and first <= day <= last:
            counts["removed"] += 1
            _report(st, "-", component, label)
            if not dry_run:
                resource.delete()
    return counts


def _same(on_server: Any, event: Any) -> bool:
    """The server already holds this version of the event."""
    keys = ("sequence", "dtstart", "dtend", "summary", "description", "location")
    return all(str(on_server.get(k, "")) == str(event.get(k, "")) for k in keys[1:]) and \
        int(on_server.get("sequence", 0)) == int(event.get("sequence", 0))


def _report(st: State, mark: str, event: Any, label: str) -> None:
    start = event.decoded("dtstart")
    st.out.say("msg.caldav_change", mark=mark, label=label,
               when=start.strftime("%d/%m/%Y %H:%M"), summary=str(event.get("summary", "")))


@app.command("caldav")
def caldav_(ctx: typer.Context, url: Annotated[str, typer.Argument(metavar="URL")],
            user: Annotated[str | None, Opt("--user")] = None,
            password_env: Annotated[str | None, Opt("--password-env")] = None,
            per_volunteer: Annotated[bool, Opt("--per-volunteer")] = False,
            from_: From = None, to: To = None,
            alarm: Annotated[str, Opt("--alarm")] = "60", dry_run: DryRun = False) -> None:
    """Push the schedule to a CalDAV calendar (by UID: no duplicates, removals deleted)."""
    from ronda.calendar import slug
    from ronda.cli.export import build_calendars, calendar_range

    st = state(ctx)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    if not url.startswith(("http://", "https://")):
        raise BadInput("err.bad_url", url=url)
    password = None
    if password_env:
        password = os.environ.get(password_env)
        if password is None:
            raise BadInput("err.password_env", var=password_env)
    with st.data(write=not dry_run) as data:
        settings = data.settings()
        first, last = calendar_range(st, data, from_, to, st.today(settings.timezone))
        people = {v.id: v for v in data.volunteers() if v.active}
        ids: list[int | None] = list(people) if per_volunteer else [None]
        files = build_calendars(data, st, first, last, ids, False, minutes)
        client = _network(lambda: _connect(url, user, password), url)
        totals = {"added": 0, "changed": 0, "removed": 0, "same": 0}
        for pid, payload in files.items():
            target = url if pid is None else \
                f"{url.rstrip('/')}/ronda-{slug(people[pid].name)}-{pid}/"
            name = settings.name if pid is None else f"{settings.name} · {people[pid].name}"
            label = "" if pid is None else people[pid].name
            cal = _network(lambda t=target, n=name: _calendar(client, t, n), url)
            counts = _network(lambda c=cal, p=payload, lb=label: _sync(
                st, c, p, first, last, dry_run, lb), url)
            for key, value in counts.items():
                totals[key] += value
    st.out.done("msg.caldav_dry_run" if dry_run else "msg.caldav_published", url=url,
                calendars=len(files), **totals)
