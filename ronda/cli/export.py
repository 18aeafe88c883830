"""``ronda export ics``: the schedule and community events as calendar files for phones."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ronda.calendars.feeds import feeds_from
from ronda.cli.context import State, state
from ronda.cli.files import private_folder, remove_written, write_bytes_file
from ronda.cli.options import From, To
from ronda.errors import BadInput
from ronda.parsing import parse_count

if TYPE_CHECKING:
    from ronda.calendars.feeds import Feeds
    from ronda.calendars.registry import CalendarRecord

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option


@app.callback()
def export() -> None:
    """Calendar files for phones."""


@app.command("ics")
def ics(ctx: typer.Context, output: Annotated[str | None, Opt("--output", "-o")] = None,
        volunteer: Annotated[list[str] | None, Opt("--volunteer")] = None,
        team: Annotated[str | None, Opt("--team")] = None, from_: From = None, to: To = None,
        alarm: Annotated[str, Opt("--alarm")] = "60",
        with_contacts: Annotated[bool, Opt("--with-contacts")] = False,
        per_volunteer: Annotated[str | None, Opt("--per-volunteer")] = None,
        lang: Annotated[str | None, Opt("--lang")] = None) -> None:
    """Write the schedule (and community events) as an .ics file; one per volunteer with
    --per-volunteer."""
    from ronda.calendars.registry import former_people

    st = state(ctx)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    if (output is None) == (per_volunteer is None):
        raise BadInput("err.output_or_per_volunteer")
    if not (output or per_volunteer or "").strip():
        raise BadInput("err.empty", field="--output" if output is not None else "--per-volunteer")
    with st.data(write=True) as data:
        record = data.calendar_record()
        # the files of people gone from the roster are written once more, duties cancelled
        former = former_people(record.files_in(os.path.abspath(per_volunteer)),
                               data.volunteers()) if per_volunteer else []
        feeds = feeds_from(data, st.now(data.settings().timezone), from_, to, volunteer or [],
                           team, per_volunteer is not None, st.document_lang(lang),
                           with_contacts=with_contacts, alarm=minutes, former=former)
        # written inside the session: if a file cannot be written, the record is not saved
        if per_volunteer:
            record = _write_per_volunteer(st, per_volunteer, feeds)
        else:
            payload = feeds.merged()
            write_bytes_file(output, payload)
            # one person's calendar in a file of its own is recorded as theirs
            one = feeds.feeds[0] if output != "-" and len(feeds.feeds) == 1 else None
            record, _ = feeds.record.with_written(
                [(os.path.abspath(output), one.person, payload, one.former)] if one else [])
        data.save_calendar_record(record)
    if per_volunteer or output != "-":
        st.out.done("msg.ics_per_volunteer" if per_volunteer else "msg.ics_written",
                    count=len(feeds.feeds), path=per_volunteer or output)
    if former:
        st.out.say("msg.ics_former", count=len(former),
                   names=", ".join(f.label for f in feeds.feeds if f.person in former))
    if with_contacts:
        st.out.warn("warn.export_phones")


def _write_per_volunteer(st: State, folder_name: str, feeds: Feeds) -> CalendarRecord:
    """One file per person into the folder; a person's earlier file there under another name
    (a renamed volunteer) is deleted when it still holds what ronda wrote."""
    folder = private_folder(folder_name)
    written = []
    for feed in feeds.feeds:
        payload = feed.to_ical()
        write_bytes_file(str(folder / feed.file_name), payload)
        written.append((os.path.abspath(folder / feed.file_name), feed.person, payload,
                        feed.former))
    record, stale = feeds.record.with_written(written, os.path.abspath(folder))
    for path, digest in stale.items():
        outcome = remove_written(path, digest)
        if outcome not in ("removed", "gone"):
            _left(st, path, outcome)
    return record


def _left(st: State, path: str, why: str) -> None:
    """Say that a calendar file ronda wrote is still there, and why (see ``remove_written``)."""
    st.out.warn("warn.calendar_file_left", path=path,
                why=st.out.t("calendar.file_changed") if why == "changed" else why)


@dataclass
class Erased:
    """What erasing a volunteer did to their calendars."""

    removed: list[str] = field(default_factory=list)  # files deleted
    left: list[tuple[str, str]] = field(default_factory=list)  # files left, and why
    servers: list[str] = field(default_factory=list)  # where a CalDAV calendar waits
    rewrite: bool = False  # published calendars' earlier events to send again


def erase_calendars(data: Any, person: int, now: datetime) -> Erased:
    """An erased volunteer's calendars: the personal calendar files ronda wrote for them
    deleted now (one changed since is left), their CalDAV calendars marked for deletion, and
    every published calendar's earlier events to send again without their name, at the next
    publish (this command does not talk to the server)."""
    from ronda.calendars.registry import server_of

    record, files = data.calendar_record().erased(person, f"{now.isoformat()}#{person}")
    data.save_calendar_record(record)
    erased = Erased(servers=sorted({server_of(u) for u, c in record.calendars.items()
                                    if c["person"] == person}), rewrite=bool(record.rewrite))
    for path, digest in sorted(files.items()):
        outcome = remove_written(path, digest)
        if outcome == "removed":
            erased.removed.append(path)
        elif outcome != "gone":
            erased.left.append((path, outcome))
    return erased


def tell_erased(st: State, erased: Erased) -> None:
    """Say what became of an erased volunteer's calendars."""
    if erased.removed:
        st.out.done("msg.purge_calendar_files", count=len(erased.removed),
                    folders=", ".join(sorted({os.path.dirname(p) for p in erased.removed})))
    for path, why in erased.left:
        _left(st, path, why)
    if erased.servers:
        st.out.warn("warn.purge_caldav_pending", count=len(erased.servers),
                    servers=", ".join(erased.servers))
    if erased.rewrite:
        st.out.say("msg.purge_caldav_rewrite")
