"""``ronda volunteer``: the roster of residents on patrol duty."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.files import decode_text, read_bytes_file, write_bytes_file, write_text_file
from ronda.cli.options import DryRun, Json, NoRepair, VolunteerRef, Yes
from ronda.cli.output import Output
from ronda.cli.replan import follow_roster, tell
from ronda.cli.volunteer.view import (
    VOLUNTEER_HEADERS,
    away_label,
    reason_label,
    reject_rows,
    show_sheet_update,
    status_label,
    tell_imported,
    volunteer_row,
)
from ronda.dates import DAY_KEYS, DAY_NAMES, DAY_SHORT, format_date, format_period, parse_date
from ronda.errors import BadInput
from ronda.model import Volunteer
from ronda.parsing import parse_count
from ronda.people.roster import lookalikes, roster_listing
from ronda.people.volunteers import (
    add_away,
    cancel_away,
    change_away,
    check_wishes,
    edit_volunteer,
    find_volunteer,
    label,
    mark_back,
    parse_avoid_dates,
    parse_reason,
    settle_team,
    volunteer_fields,
)
from ronda.phones import display_phone
from ronda.store.datafile import DataFile

if TYPE_CHECKING:
    from ronda.cli.export import Erased
    from ronda.people.sheet import SheetReading

app = typer.Typer(no_args_is_help=True, add_completion=False)
Opt = typer.Option

Phone = Annotated[str | None, Opt("--phone", help="help.opt.phone")]
Address = Annotated[str | None, Opt("--address", help="help.opt.address")]
Household = Annotated[str | None, Opt("--household", help="help.opt.household")]
Team = Annotated[str | None, Opt("--team", help="help.opt.team")]
Days = Annotated[str | None, Opt("--days", help="help.opt.days")]
MaxPerWeek = Annotated[str | None, Opt("--max-per-week", help="help.opt.max_per_week")]
Note = Annotated[str | None, Opt("--note", help="help.opt.note")]
Prefer = Annotated[str | None, Opt("--prefer", help="help.opt.prefer", metavar="DAYS")]
Avoid = Annotated[str | None, Opt("--avoid", help="help.opt.avoid", metavar="DAYS")]
AvoidDate = Annotated[list[str] | None, Opt("--avoid-date", help="help.opt.avoid_date",
                                            metavar="DATE")]


def _warn_lookalikes(st: State, data: DataFile, v: Volunteer) -> None:
    """Warn when someone else active has the same name or lives in the same household."""
    twin, housemate = lookalikes(v, data.volunteers())
    if twin:
        st.out.warn("warn.same_name", who=label(twin))
    if housemate:
        st.out.warn("warn.same_household", household=v.household)


@app.command("add")
def add(ctx: typer.Context, name: Annotated[str, typer.Argument(metavar="NAME")],
        phone: Phone = None, address: Address = None, household: Household = None,
        team: Team = None, leader: Annotated[bool, Opt("--leader")] = False, days: Days = None,
        max_per_week: MaxPerWeek = None, note: Note = None, prefer: Prefer = None,
        avoid: Avoid = None, avoid_date: AvoidDate = None, json: Json = False,
        no_repair: NoRepair = False) -> None:
    """Add a resident to the roster."""
    st = state(ctx)
    fields = volunteer_fields(name=name, phone=phone, address=address, household=household,
                              team=team, leader=leader, days=days, max_per_week=max_per_week,
                              note=note, prefer=prefer, avoid=avoid)
    with st.data(write=True) as data:
        today = st.today(data.settings().timezone)
        fields = settle_team(fields, data.volunteers())
        dates = parse_avoid_dates(avoid_date or [], today)
        if dates is not None:
            fields["avoid_dates"] = dates
        check_wishes(Volunteer(id=0, **fields))
        v = data.add_volunteer(Volunteer(id=0, joined=today, **fields))
        _warn_lookalikes(st, data, v)
        followed = follow_roster(st, data, "add", repair=not no_repair, welcome=[v.id])
    st.out.emit(json, v.to_dict, lambda: None)  # the new record, for scripts
    st.out.done("msg.volunteer_added", who=label(v))
    tell(st, followed)


@app.command("list")
def list_(ctx: typer.Context, team: Annotated[str | None, Opt("--team")] = None,
          all_: Annotated[bool, Opt("--all")] = False, json: Json = False) -> None:
    """List the roster."""
    st = state(ctx)
    with st.data() as data:
        people = roster_listing(data.volunteers(), team=team, everyone=all_)
        today = st.today(data.settings().timezone)
    st.out.emit(json, lambda: [v.to_dict() for v in people],
                lambda: render_list(st, people, today))


def wishes_label(v: Volunteer, lang: str) -> str:
    """``+Jum −Sab −24/12/2026``: preferred weekdays, then those and the nights avoided."""
    days = DAY_SHORT[lang]
    parts = [f"+{days[DAY_KEYS.index(d)]}" for d in v.prefer]
    parts += [f"−{days[DAY_KEYS.index(d)]}" for d in v.avoid]
    parts += [f"−{format_date(a.start, lang, weekday=False)}" + (
        f"–{format_date(a.end, lang, weekday=False)}" if a.end != a.start else "")
        for a in v.avoid_dates]
    return " ".join(parts)


def render_list(st: State, people: list[Volunteer], today: date) -> None:
    """The roster table and its count line."""
    lang = st.out.lang
    rows = [volunteer_row(v, today, lang) for v in people]
    headers = VOLUNTEER_HEADERS
    if any(v.prefer or v.avoid or v.avoid_dates for v in people):  # a column when someone wishes
        headers = (*headers, "col.wishes")
        rows = [[*row, wishes_label(v, lang)] for row, v in zip(rows, people, strict=True)]
    st.out.table(headers, rows, row_styles=[None if v.active else "dim" for v in people])
    away = sum(1 for v in people if v.active and v.away_on(today))
    st.out.say("msg.volunteer_count", count=len(people), away=away)


@app.command("show")
def show(ctx: typer.Context, volunteer: VolunteerRef, json: Json = False) -> None:
    """Show one volunteer."""
    st = state(ctx)
    with st.data() as data:
        v = find_volunteer(data.volunteers(), volunteer, include_inactive=True)
        today = st.today(data.settings().timezone)
    st.out.emit(json, v.to_dict, lambda: _render_volunteer(st.out, v, today))


def _render_volunteer(out: Output, v: Volunteer, today: date) -> None:
    lang = out.lang
    row = dict(zip(VOLUNTEER_HEADERS, volunteer_row(v, today, lang), strict=True))
    pairs = [("col.id", row["col.id"]), ("col.name", row["col.name"]),
             ("col.phone", display_phone(v.phone)), ("col.address", v.address),
             ("col.household", v.household), ("col.team", v.team),
             ("col.leader", out.t("label.yes" if v.leader else "label.no")),
             ("col.days", row["col.days"]),
             ("col.max_per_week", "" if v.max_per_week is None else str(v.max_per_week)),
             ("col.note", v.note), ("col.status", status_label(v, today, lang))]
    pairs += [("col.away", away_label(a, lang)) for a in v.away]
    days = DAY_NAMES[lang]
    if v.prefer:
        pairs.append(("col.prefer", ", ".join(days[DAY_KEYS.index(d)] for d in v.prefer)))
    if v.avoid:
        pairs.append(("col.avoid", ", ".join(days[DAY_KEYS.index(d)] for d in v.avoid)))
    pairs += [("col.avoid_date", format_date(a.start, lang) if a.start == a.end
               else format_period(a.start, a.end, lang)) for a in v.avoid_dates]
    out.fields(pairs, title=label(v))


@app.command("edit")
def edit(ctx: typer.Context, volunteer: VolunteerRef,
         name: Annotated[str | None, Opt("--name")] = None, phone: Phone = None,
         address: Address = None, household: Household = None, team: Team = None,
         leader: Annotated[bool | None, Opt("--leader/--no-leader")] = None, days: Days = None,
         max_per_week: MaxPerWeek = None, note: Note = None, prefer: Prefer = None,
         avoid: Avoid = None, avoid_date: AvoidDate = None,
         reactivate: Annotated[bool, Opt("--reactivate")] = False,
         no_repair: NoRepair = False) -> None:
    """Change a volunteer's details."""
    st = state(ctx)
    fields = volunteer_fields(name=name, phone=phone, address=address, household=household,
                              team=team, leader=leader, days=days, max_per_week=max_per_week,
                              note=note, prefer=prefer, avoid=avoid)
    if reactivate:
        fields["active"] = True
    if not fields and not avoid_date:
        raise BadInput("err.nothing_to_change")
    with st.data(write=True) as data:
        dates = parse_avoid_dates(avoid_date or [], st.today(data.settings().timezone))
        if dates is not None:
            fields["avoid_dates"] = dates
        v = edit_volunteer(find_volunteer(data.volunteers(), volunteer, include_inactive=True),
                           settle_team(fields, data.volunteers()))
        check_wishes(v)
        data.save_volunteer(v)
        _warn_lookalikes(st, data, v)
        followed = follow_roster(st, data, "edit", repair=not no_repair)
    st.out.done("msg.volunteer_changed", who=label(v))
    tell(st, followed)


@app.command("remove")
def remove(ctx: typer.Context, volunteer: VolunteerRef,
           purge: Annotated[bool, Opt("--purge")] = False, yes: Yes = False,
           no_repair: NoRepair = False) -> None:
    """Take a volunteer off the roster; history stays."""
    st = state(ctx)
    with st.data(write=True, backup=True) as data:
        v = find_volunteer(data.volunteers(), volunteer, include_inactive=True)
        if not v.active and not purge:
            raise BadInput("err.already_removed", who=label(v))
        mentioned: list[int] = []
        if purge:
            from ronda.cli.export import erase_calendars

            st.confirm("confirm.purge", yes, who=label(v))
            calendars = erase_calendars(data, v.id, st.now(data.settings().timezone))
            mentioned = data.erase_person(v)
        else:
            data.save_volunteer(v.with_changes(active=False))
        followed = follow_roster(st, data, "remove", repair=not no_repair)
    if purge:
        _tell_purged(st, v, data, mentioned, calendars)
    else:
        st.out.done("msg.volunteer_removed", who=label(v))
    tell(st, followed)


def _tell_purged(st: State, v: Volunteer, data: DataFile, mentioned: list[int],
                 calendars: Erased) -> None:
    """What a purge erased, a line each: the record, their calendars, the backups that held
    the person (each named), and the incidents whose hand-written text still names them."""
    from ronda.cli.export import tell_erased

    st.out.done("msg.volunteer_purged", id=v.id)
    tell_erased(st, calendars)
    scrubbed = data.scrubbed
    for key, files in (("msg.purge_backups", scrubbed.rewritten if scrubbed else []),
                       ("msg.purge_backups_deleted", scrubbed.deleted if scrubbed else [])):
        if files:
            st.out.say(key, count=len(files), folder=str(files[0].parent),
                       files=", ".join(p.name for p in files))
    if mentioned:
        st.out.warn("warn.purge_free_text", ids=", ".join(f"#{i}" for i in mentioned),
                    count=len(mentioned))


@app.command("away")
def away(ctx: typer.Context, volunteer: VolunteerRef,
         from_: Annotated[str | None, Opt("--from")] = None,
         to: Annotated[str | None, Opt("--to")] = None,
         reason: Annotated[str | None, Opt("--reason")] = None,
         list_: Annotated[bool, Opt("--list")] = False,
         cancel: Annotated[str | None, Opt("--cancel")] = None,
         change: Annotated[str | None, Opt("--change")] = None,
         json: Json = False, no_repair: NoRepair = False) -> None:
    """Record an away period (mudik, sakit, dinas, …)."""
    st = state(ctx)
    if sum(bool(x) for x in (list_ or json, cancel, change)) > 1:
        raise BadInput("err.away_one_action")
    showing = list_ or json or (to is None and cancel is None and change is None
                                and from_ is None and reason is None)
    if not showing and cancel is None and change is None and to is None:
        raise BadInput("err.need_to")
    why = parse_reason(reason) if reason is not None else None
    with st.data(write=not showing) as data:
        today = st.today(data.settings().timezone)
        v = find_volunteer(data.volunteers(), volunteer, include_inactive=showing)
        if showing:
            _list_away(st, v, today, json)
            return
        start = parse_date(from_, today) if from_ else None
        end = parse_date(to, today) if to else None
        if cancel is not None:
            v, gone = cancel_away(v, parse_count(cancel, "--cancel", minimum=1))
            message = ("msg.away_cancelled", {"period": away_label(gone, st.lang)})
        elif change is not None:
            if start is None and end is None and why is None:
                raise BadInput("err.nothing_to_change")
            v = change_away(v, parse_count(change, "--change", minimum=1), start, end, why)
            message = ("msg.away_changed", {})
        else:
            v = add_away(v, start or today, end or today, why or "lainnya")
            message = ("msg.volunteer_away", {"period": away_label(
                v.away_on(start or today) or v.away[-1], st.lang)})
        data.save_volunteer(v)
        followed = follow_roster(st, data, "away", repair=not no_repair)
    st.out.done(message[0], who=label(v), **message[1])
    tell(st, followed)


def _list_away(st: State, v: Volunteer, today: date, json: bool) -> None:
    """The numbered away periods of one volunteer, past ones marked."""
    st.out.emit(json, lambda: [{"number": i, **a.to_dict()} for i, a in enumerate(v.away, 1)],
                lambda: _render_away(st, v, today))


def _render_away(st: State, v: Volunteer, today: date) -> None:
    if not v.away:
        st.out.say("msg.no_away", who=label(v))
        return
    rows = [[str(i), format_date(a.start, st.lang), format_date(a.end, st.lang),
             reason_label(a.reason, st.lang),
             st.out.t("status.past") if a.end < today else
             st.out.t("status.now") if a.start <= today else ""]
            for i, a in enumerate(v.away, start=1)]
    st.out.table(["col.number", "col.from", "col.to", "col.reason", "col.status"], rows,
                 title=label(v))


@app.command("back")
def back(ctx: typer.Context, volunteer: VolunteerRef,
         from_: Annotated[str | None, Opt("--from")] = None,
         no_repair: NoRepair = False) -> None:
    """Record that a volunteer is back early."""
    st = state(ctx)
    with st.data(write=True) as data:
        today = st.today(data.settings().timezone)
        day = parse_date(from_, today, "near") if from_ else today
        v = mark_back(find_volunteer(data.volunteers(), volunteer), day)
        data.save_volunteer(v)
        followed = follow_roster(st, data, "back", repair=not no_repair)
    st.out.done("msg.volunteer_back", who=label(v), day=day)
    tell(st, followed)


@app.command("import")
def import_(ctx: typer.Context, file: Annotated[str, typer.Argument(metavar="FILE")],
            update: Annotated[bool, Opt("--update")] = False, dry_run: DryRun = False,
            sheet: Annotated[str | None, Opt("--sheet", metavar="NAME")] = None,
            map_: Annotated[list[str] | None, Opt("--map", metavar="'COLUMN=FIELD'")] = None
            ) -> None:
    """Add volunteers from a spreadsheet (.csv, .xlsx, .ods), or update them; all rows or
    none."""
    from ronda.cli.volunteer import sheet as view
    from ronda.people.csvfile import plan_import
    from ronda.people.headers import parse_map

    st = state(ctx)
    reading = _read_sheet(file, sheet, parse_map(map_ or []))
    with st.data(write=not dry_run, backup=True) as data:
        plan = plan_import(reading.rows, data.volunteers(), update=update, source=file)
        reading.errors += plan.errors
        view.tell_sheet(st, reading, plan.update, file, dry_run=dry_run)
        reject_rows(st, [], plan.new or reading.rows, file)
        if plan.update:
            show_sheet_update(st, plan.update, file)
        view.tell_rules(st, plan.after, full=dry_run)
        if not dry_run:
            today = st.today(data.settings().timezone)
            data.save_volunteers(plan.changed)
            added = data.add_volunteers([Volunteer(id=0, joined=today, **row.fields)
                                         for row in plan.new])
            followed = follow_roster(st, data, "edit" if plan.update else "add",
                                     welcome=[v.id for v in added])
    tell_imported(st, plan.update, len(plan.new), dry_run)
    if not dry_run:
        tell(st, followed)


def _read_sheet(file: str, sheet: str | None, by_hand: dict[str, str | None]) -> SheetReading:
    """The sheet in ``file``: a workbook (.xlsx, .ods, .xls) by its first bytes, else CSV
    text; refused by its size before it is read."""
    from ronda.people.csvfile import MAX_BYTES, import_limits, read_csv_sheet
    from ronda.people.workbook import is_workbook, read_workbook

    raw = read_bytes_file(file, limit=MAX_BYTES, size=import_limits()["size"])
    if is_workbook(raw):
        return read_workbook(raw, sheet=sheet, by_hand=by_hand)
    if sheet is not None:
        raise BadInput("err.sheet_csv_one", path=file)
    return read_csv_sheet(decode_text(raw, file), by_hand)


@app.command("export")
def export(ctx: typer.Context, file: Annotated[str, typer.Argument(metavar="FILE")],
           all_: Annotated[bool, Opt("--all")] = False,
           with_phones: Annotated[bool, Opt("--with-phones")] = False,
           excel: Annotated[bool, Opt("--excel")] = False) -> None:
    """Write the roster to a spreadsheet: CSV, or .xlsx (no phones unless asked)."""
    st = state(ctx)
    with st.data() as data:
        people = [v for v in data.volunteers() if (all_ or v.active) and not v.purged]
    if file.lower().endswith(".xlsx") or excel and not file.lower().endswith(".csv"):
        from ronda.people.csvfile import roster_cells
        from ronda.people.workbook import write_roster_xlsx

        header, rows = roster_cells(people, with_phones=with_phones, indonesian=st.lang == "id")
        write_bytes_file(file, write_roster_xlsx(header, rows))
    else:
        from ronda.people.csvfile import write_roster_csv

        write_text_file(file, write_roster_csv(people, with_phones=with_phones, excel=excel,
                                               lang=st.lang))
    if with_phones:
        st.out.warn("warn.export_phones")
    if file != "-":
        st.out.done("msg.exported", count=len(people), path=file)
