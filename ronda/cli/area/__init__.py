"""``ronda area``: the Bhabinkamtibmas's view of one kelurahan or desa, many RTs.

Every command reads the RT data files the area file names, read-only: each under its own
lock while it is read, an unreadable one reported in one line and the others read on. Only
``plan-visits --apply`` writes into the RT files, each through its own locked, backed-up write.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from ronda.area.model import Area, AreaSnapshot, Liaison
from ronda.area.visits import VisitPlan
from ronda.cli.area.view import (
    render_area,
    render_area_incidents,
    render_area_schedule,
    render_area_stats,
    render_visits,
    report_problems,
)
from ronda.cli.context import State, state
from ronda.cli.options import DryRun, From, Json, To, Week, parse_format
from ronda.dates import parse_days, resolve_period
from ronda.errors import BadInput
from ronda.incidents.book import EARLIEST
from ronda.parsing import parse_count
from ronda.schedule.shifts import parse_guest_role
from ronda.store.area import area_path, area_snapshot, read_area

app = typer.Typer(invoke_without_command=True, add_completion=False)
incidents_app = typer.Typer(no_args_is_help=True, add_completion=False)
export_app = typer.Typer(no_args_is_help=True, add_completion=False)
publish_app = typer.Typer(no_args_is_help=True, add_completion=False)
app.add_typer(incidents_app, name="incidents")
app.add_typer(export_app, name="export")
app.add_typer(publish_app, name="publish")
Opt = typer.Option
AreaFile = Annotated[str | None, Opt("--area", help="help.opt.area")]
Since = Annotated[str | None, Opt("--since", help="help.opt.since")]
Until = Annotated[str | None, Opt("--until", help="help.opt.until")]
LOOKBACK = timedelta(days=90)
YEAR = timedelta(days=366)


def _snapshot(st: State, path: Path, **period: object) -> AreaSnapshot:
    """The area and its RTs as they read now; each RT that does not read, in one line."""
    snapshot = area_snapshot(path, **period)  # type: ignore[arg-type]
    report_problems(st.out, snapshot.problems)
    return snapshot


def _today(ctx: typer.Context, area_file: str | None):  # noqa: ANN202
    """The area file (this command's --area, else the group's), the area, today and now."""
    st = state(ctx)
    path = area_path(area_file or ctx.meta.get("ronda.area"))
    area, _ = read_area(path)
    return path, area, st.today(area.timezone), st.now(area.timezone)


@app.callback()
def show(ctx: typer.Context, area_file: AreaFile = None, json: Json = False) -> None:
    """The area's RTs: their files, rosters, plans and incident books."""
    ctx.meta["ronda.area"] = area_file  # for the subcommand: 'ronda area --area F schedule'
    if ctx.invoked_subcommand is not None:
        return
    st = state(ctx)
    path, area, today, now = _today(ctx, area_file)
    snapshot = _snapshot(st, path, first=today, last=today + YEAR, since=EARLIEST,
                         until=today)
    from ronda.area.rollup import rt_rows

    rows = rt_rows(snapshot.rts, now)
    st.out.emit(json, lambda: {"area": area.name, "liaison": area.liaison.name, "rts": rows,
                               "problems": _problems(st, snapshot)},
                lambda: render_area(st.out, area, rows))


def _problems(st: State, snapshot: AreaSnapshot) -> list[dict[str, str]]:
    return [{"file": p.file, "error": st.out.t(p.key, **p.args)} for p in snapshot.problems]


@app.command("init")
def init(ctx: typer.Context, name: Annotated[str, Opt("--name")],
         liaison: Annotated[str, Opt("--liaison")],
         file: Annotated[list[str] | None, Opt("--file")] = None,
         folder: Annotated[str | None, Opt("--folder")] = None,
         role: Annotated[str, Opt("--role")] = "bhabinkamtibmas",
         nights: Annotated[str, Opt("--nights")] = "all",
         rest: Annotated[str, Opt("--rest")] = "1",
         per_week: Annotated[str, Opt("--per-week")] = "2", area_file: AreaFile = None,
         force: Annotated[bool, Opt("--force")] = False) -> None:
    """Write an area file: its name, the liaison, and the RT data files (--file, repeated)
    or the folder that holds them."""
    from ronda.area.model import area_toml, parse_area
    from ronda.store.area import write_area

    st = state(ctx)
    if bool(file) == (folder is not None):
        raise BadInput("err.area_files_or_folder")
    who = Liaison(liaison, parse_guest_role(role), tuple(parse_days(nights)),
                  parse_count(rest, "--rest", maximum=6),
                  parse_count(per_week, "--per-week", minimum=1, maximum=7))
    path = area_path(area_file)
    area = parse_area(area_toml(Area(name, who, tuple(file or ()), folder)), str(path))
    write_area(path, area, replace=force)
    st.out.done("msg.area_written", path=str(path), name=area.name)


@app.command("schedule")
def schedule(ctx: typer.Context, week: Week = None, from_: From = None, to: To = None,
             format_: Annotated[str | None, Opt("--format")] = None,
             output: Annotated[str | None, Opt("--output", "-o")] = None,
             area_file: AreaFile = None, json: Json = False) -> None:
    """Every RT's nights side by side (this week by default); short nights marked; --format
    html or pdf prints a page a week."""
    from ronda.area.rollup import area_schedule

    st = state(ctx)
    path, area, today, _ = _today(ctx, area_file)
    first, last = resolve_period(today, week=week, start=from_, end=to)
    snapshot = _snapshot(st, path, first=first, last=last)
    rows = area_schedule(snapshot.rts, first, last)
    if format_ is not None:
        _schedule_paper(st, area, rows, first, last, format_, output)
        return
    st.out.emit(json, lambda: {"area": area.name, "from": first.isoformat(),
                               "to": last.isoformat(), "rts": [r.to_dict() for r in rows],
                               "problems": _problems(st, snapshot)},
                lambda: render_area_schedule(st.out, area, rows, first, last, today))


def _schedule_paper(st: State, area: Area, rows: list, first: date, last: date, fmt: str,
                    output: str | None) -> None:
    from ronda.area.paper import area_document
    from ronda.cli.documents import write_document

    write_document(st, area_document(area.name, rows, first, last, st.lang), fmt, output,
                   f"area-{first.isoformat()}", formats=("html", "pdf"))


@app.command("plan-visits")
def plan_visits(ctx: typer.Context, from_: From = None,
                weeks: Annotated[str, Opt("--weeks")] = "4",
                per_week: Annotated[str | None, Opt("--per-week")] = None,
                nights: Annotated[str | None, Opt("--nights")] = None,
                apply: Annotated[bool, Opt("--apply")] = False, area_file: AreaFile = None,
                json: Json = False) -> None:
    """Plan the liaison's joint patrols across the RTs: one RT a night, each RT at least
    once, more where incidents and short patrols were more frequent; --apply writes them
    into each RT's schedule."""
    st = state(ctx)
    path, area, today, now = _today(ctx, area_file)
    first, last = resolve_period(today, start=from_, weeks=1, toward="next",
                                 default_end=lambda d: d + timedelta(
                                     weeks=parse_count(weeks, "--weeks", minimum=1, maximum=53),
                                     days=-1))
    snapshot, result = plan_for(st, path, area, first, last, now, per_week=per_week,
                                nights=nights)
    st.out.emit(json, result.to_dict, lambda: render_visits(st.out, area, result))
    if apply:
        apply_visits(st, snapshot, result, area)


def plan_for(st: State, path: Path, area: Area, first: date, last: date, now: datetime, *,
             per_week: str | None = None, nights: str | None = None
             ) -> tuple[AreaSnapshot, VisitPlan]:
    """The area read for planning (90 days back for the weights) and its joint patrols."""
    from ronda.area.visits import plan_visits as plan

    snapshot = _snapshot(st, path, first=first - LOOKBACK, last=last, since=first - LOOKBACK,
                         until=first)
    return snapshot, plan(snapshot.rts, area.liaison, first, last, now,
                          per_week=parse_count(per_week, "--per-week", minimum=1, maximum=7)
                          if per_week else None,
                          nights=parse_days(nights) if nights else None)


def apply_visits(st: State, snapshot: AreaSnapshot, result: VisitPlan, area: Area) -> None:
    """Write the new joint patrols into each RT's file, each its own write."""
    from ronda.area.visits import add_visits
    from ronda.store.area import update_rts

    jobs = [(rt, lambda data, rt=rt: add_visits(data, [v for v in result.new if v.rt == rt.key],
                                                area.liaison))
            for rt in snapshot.rts if any(v.rt == rt.key for v in result.new)]
    done = update_rts(jobs)
    report_problems(st.out, [d for _, d in done if not isinstance(d, int)])
    added = sum(d for _, d in done if isinstance(d, int))
    st.out.done("msg.visits_applied", count=added,
                rts=sum(1 for _, d in done if isinstance(d, int) and d))


@incidents_app.callback()
def incidents() -> None:
    """The RTs' incident books together, reporters never shown."""


def _incidents(ctx: typer.Context, area_file: str | None, since: str | None,
               until: str | None):  # noqa: ANN202
    st = state(ctx)
    path, area, today, now = _today(ctx, area_file)
    first, last = resolve_period(today, start=since, end=until, toward="past",
                                 default_start=EARLIEST, default_end=lambda _: today)
    snapshot = _snapshot(st, path, since=first, until=last)
    if not since:
        from ronda.area.rollup import area_opening_evening

        first = area_opening_evening(snapshot.rts) or first
    return area, snapshot, first, last, now


@incidents_app.command("list")
def incidents_list(ctx: typer.Context, since: Since = None, until: Until = None,
                   area_file: AreaFile = None, json: Json = False) -> None:
    """Every RT's incidents by time (--since, --until); overdue follow-ups flagged."""
    from ronda.area.rollup import area_incidents, incident_row

    st = state(ctx)
    area, snapshot, _, _, now = _incidents(ctx, area_file, since, until)
    found = area_incidents(snapshot.rts)
    st.out.emit(json, lambda: [incident_row(rt, i, now) for rt, i in found],
                lambda: render_area_incidents(st.out, found, now))


@incidents_app.command("stats")
def incidents_stats(ctx: typer.Context, since: Since = None, until: Until = None,
                    area_file: AreaFile = None, json: Json = False) -> None:
    """Counts by RT, category and month, the crime clock, overdue police follow-ups."""
    from ronda.area.rollup import area_incident_stats
    from ronda.dates import format_period

    st = state(ctx)
    area, snapshot, first, last, now = _incidents(ctx, area_file, since, until)
    result = area_incident_stats(snapshot.rts, first, last, now)
    st.out.emit(json, result, lambda: render_area_stats(
        st.out, area, result, format_period(first, last, st.out.lang)))


@incidents_app.command("export")
def incidents_export(ctx: typer.Context, format_: Annotated[str, Opt("--format")] = "csv",
                     since: Since = None, until: Until = None,
                     output: Annotated[str, Opt("--output", "-o")] = "-",
                     area_file: AreaFile = None) -> None:
    """The area's report for the Polsek: csv, json or md, with no reporter or witness."""
    from ronda.area.rollup import area_incidents, incident_row
    from ronda.cli.files import write_text_file
    from ronda.incidents.export import TEXT_FORMATS, incident_file

    st = state(ctx)
    fmt = parse_format(format_, TEXT_FORMATS)  # the PDF handover is an RT's
    area, snapshot, first, last, now = _incidents(ctx, area_file, since, until)
    rows = [incident_row(rt, i, now) for rt, i in area_incidents(snapshot.rts)]
    write_text_file(output, incident_file(fmt, rows, area.name, first, last, st.out.lang,
                                          False, lead=("rt", "rt_name"),
                                          timezone=area.timezone))
    if output != "-":
        st.out.done("msg.exported_incidents", count=len(rows), path=output)


@export_app.callback()
def export() -> None:
    """The liaison's own calendar file."""


def _feeds(ctx: typer.Context, area_file: str | None, from_: str | None, to: str | None,
           alarm: str, lang: str | None):  # noqa: ANN202
    """The liaison's calendar over the period (this week's Monday to the last planned
    night), with the sequences of the area's registry."""
    from ronda.area.calendar import area_feeds
    from ronda.calendars.feeds import calendar_period
    from ronda.store.area import area_registry

    st = state(ctx)
    path, area, today, now = _today(ctx, area_file)
    minutes = parse_count(alarm, "--alarm", maximum=24 * 60)
    start = resolve_period(today, start=from_, end=to, default_end=lambda d: d,
                           toward="next")[0]
    snapshot = _snapshot(st, path, first=start, last=start + YEAR)
    first, last = calendar_period(today, from_, to, [s for rt in snapshot.rts
                                                     for s in rt.shifts])
    return path, area_feeds(area, snapshot.rts, area_registry(path),
                            first, last, lang=st.document_lang(lang), alarm=minutes,
                            stamp=now)


@export_app.command("ics")
def export_ics(ctx: typer.Context, output: Annotated[str, Opt("--output", "-o")],
               from_: From = None, to: To = None, alarm: Annotated[str, Opt("--alarm")] = "60",
               lang: Annotated[str | None, Opt("--lang")] = None,
               area_file: AreaFile = None) -> None:
    """Write the liaison's calendar: joint patrols and community events across the RTs."""
    from ronda.cli.files import write_bytes_file
    from ronda.store.area import save_area_registry

    st = state(ctx)
    path, feeds = _feeds(ctx, area_file, from_, to, alarm, lang)
    write_bytes_file(output, feeds.merged())
    save_area_registry(path, feeds.sent)  # only once the file is written
    if output != "-":
        st.out.done("msg.ics_written", count=1, path=output)


@publish_app.callback()
def publish() -> None:
    """The liaison's live calendar on a CalDAV server."""


@publish_app.command("caldav")
def publish_caldav(ctx: typer.Context, url: Annotated[str, typer.Argument(metavar="URL")],
                   user: Annotated[str | None, Opt("--user")] = None,
                   password_env: Annotated[str | None, Opt("--password-env")] = None,
                   from_: From = None, to: To = None,
                   alarm: Annotated[str, Opt("--alarm")] = "60",
                   timeout: Annotated[str, Opt("--timeout")] = "60", dry_run: DryRun = False,
                   area_file: AreaFile = None) -> None:
    """Push the liaison's calendar to a CalDAV calendar by UID, as 'ronda publish caldav'
    does for an RT."""
    from ronda.calendars.caldav import Progress
    from ronda.cli.publish import push
    from ronda.store.area import save_area_registry

    path, feeds = _feeds(ctx, area_file, from_, to, alarm, None)

    def record(progress: Progress, _complete: bool) -> None:
        if progress.done:
            save_area_registry(path, feeds.sent)

    push(state(ctx), feeds, url, user, password_env, timeout, dry_run, record)
