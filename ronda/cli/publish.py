"""``ronda publish caldav``: a live calendar that follows every swap and rebuild.

Events are put on the server by UID (so a second publish replaces, never duplicates) and
events that no longer exist are deleted, so phones subscribed over CalDAV (iOS natively,
Android with DAVx⁵) follow the changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ronda.cli.context import State, state
from ronda.cli.options import DryRun, From, To
from ronda.errors import BadInput
from ronda.i18n.labels import CALDAV_ERROR, CALDAV_UNSURE, CALDAV_WHY
from ronda.parsing import parse_count

if TYPE_CHECKING:
    from ronda.calendars.caldav import Progress

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.callback()
def publish() -> None:
    """Live calendars on a CalDAV server."""


@app.command("caldav")
def caldav_(ctx: typer.Context, url: Annotated[str, typer.Argument(metavar="URL")],
            user: Annotated[str | None, Opt("--user")] = None,
            password_env: Annotated[str | None, Opt("--password-env")] = None,
            per_volunteer: Annotated[bool, Opt("--per-volunteer")] = False,
            from_: From = None, to: To = None,
            alarm: Annotated[str, Opt("--alarm")] = "60",
            timeout: Annotated[str, Opt("--timeout")] = "60", dry_run: DryRun = False) -> None:
    """Push the schedule to a CalDAV calendar (Radicale, Nextcloud, …) by UID: changes
    replace, removals are deleted."""
    from ronda.calendars.feeds import feeds_from
    from ronda.calendars.registry import former_people, server_of

    st = state(ctx)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    with st.data() as data:  # a snapshot: the file is not locked while the server talks
        # the personal calendars ronda keeps on this server: the former volunteers' to empty,
        # the erased volunteers' to delete
        snapshot = data.calendar_record()
        recorded = snapshot.calendars_on(server_of(url))
        former = former_people(recorded, data.volunteers()) if per_volunteer else []
        # after an erasure, the earlier events go out again too, without the erased name
        kind = "person" if per_volunteer else "all"
        since = snapshot.rewrite_since(kind)
        feeds = feeds_from(data, st.now(data.settings().timezone), from_, to, [], None,
                           per_volunteer, st.lang, alarm=minutes, allow_empty=True,
                           former=former, since=since)

    def record(progress: Progress, complete: bool) -> None:  # under a short lock
        done = (kind, snapshot.rewrite["asked"] if since else "") if complete else None
        if progress.done or progress.calendars or \
                (complete and (since or kind not in snapshot.published)):
            with st.data(write=True) as data:
                data.record_published(feeds.sent, progress.calendars, done)

    push(st, feeds, url, user, password_env, timeout, dry_run, record, recorded)


def push(st: State, feeds: Any, url: str, user: str | None, password_env: str | None,
         timeout: str, dry_run: bool, record: Callable[[Progress, bool], None],
         recorded: dict[str, dict[str, Any]] | None = None) -> None:
    """Publish ``feeds`` within one deadline, say what changed, hand ``record`` what reached
    the server (and whether all did), and turn a failure into one line that says what may
    have arrived."""
    from ronda.calendars.caldav import (
        Deadline,
        Progress,
        Server,
        describe_failure,
        may_have_arrived,
        sync_feeds,
    )

    seconds = parse_count(timeout, "--timeout", minimum=1, maximum=3600)
    shown, user, password = _account(url, user, password_env)
    progress, failure, detail, unsure = Progress(), None, "", False
    server = None
    try:
        server = Server(shown, user, password, Deadline(seconds))
        sync_feeds(server, feeds, shown, progress, recorded or {}, dry_run=dry_run)
    except BadInput:
        raise
    except Exception as exc:  # the server, the network or the deadline
        if st.debug:
            raise
        failure, detail = describe_failure(exc), type(exc).__name__
        unsure = may_have_arrived(exc, server)
    for a in progress.done:
        _report(st, a)
    if not dry_run:
        record(progress, failure is None)
    if failure is not None:
        if progress.done and not dry_run:
            raise BadInput("err.caldav_partial_unsure" if unsure else "err.caldav_partial",
                           url=shown, done=len(progress.done), planned=progress.planned,
                           why=st.out.t(CALDAV_WHY[failure]))
        raise BadInput((CALDAV_UNSURE if unsure else CALDAV_ERROR)[failure], url=shown,
                       seconds=seconds, detail=detail)
    if not dry_run and not progress.planned:
        st.out.done("msg.caldav_nothing", url=shown, count=len(feeds.feeds), same=progress.same)
        return
    st.out.done("msg.caldav_dry_run" if dry_run else "msg.caldav_published", url=shown,
                count=len(feeds.feeds), **progress.counts())


def _account(url: str, user: str | None, password_env: str | None
             ) -> tuple[str, str | None, str | None]:
    """The address as it may be shown (no password in it), the user and the password."""
    from ronda.calendars.caldav import credentials_in, redact_url

    shown = redact_url(url)  # a password written into the address is never printed
    if not url.startswith(("http://", "https://")):
        raise BadInput("err.bad_url", url=shown)
    url_user, password = credentials_in(url)
    if password_env:
        password = os.environ.get(password_env)
        if password is None:
            raise BadInput("err.password_env", var=password_env)
    return shown, user or url_user, password


def _report(st: State, action: Any) -> None:
    if action.kind == "drop":
        st.out.say("msg.caldav_dropped", who=action.label)
        return
    mark = {"added": "+", "changed": "~", "removed": "-"}[action.change]
    st.out.say("msg.caldav_change", mark=mark, label=action.label,
               when=action.event.decoded("dtstart"),  # 28/11/2026 22.00 in Indonesian
               summary=str(action.event.get("summary", "")))
