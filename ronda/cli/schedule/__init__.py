"""``ronda schedule``: show, build and adjust the rotating night-patrol schedule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import DryRun, Force, From, FromRequired, Json, Slot, To, Week, Yes
from ronda.cli.schedule.view import render_week, shift_json
from ronda.dates import resolve_period
from ronda.neighbourhood.holidays import holiday_map, marking
from ronda.people.volunteers import find_volunteer, label
from ronda.schedule.timetable import Timetable

if TYPE_CHECKING:
    from ronda.schedule.builder import Plan
    from ronda.schedule.planning import Figures
    from ronda.store.datafile import DataFile

app = typer.Typer(invoke_without_command=True, add_completion=False)
MOVED_SHOWN = 20
Opt = typer.Option


def schedule_context(data: DataFile) -> tuple[dict, Timetable]:
    """The people by id and the timetable (slots, zone, holidays) of the data file."""
    people = {v.id: v for v in data.volunteers()}
    return people, Timetable.of(data.settings(), holiday_map(data.holidays()))


@app.callback()
def show(ctx: typer.Context, week: Week = None, from_: From = None, to: To = None,
         volunteer: Annotated[str | None, Opt("--volunteer")] = None, json: Json = False) -> None:
    """Show the schedule (this week by default), or build and adjust it."""
    if ctx.invoked_subcommand is not None:
        return
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        first, last = resolve_period(today, week=week, start=from_, end=to,
                                    weeks=4 if volunteer else 1)
        timetable = Timetable.of(settings, holiday_map(data.holidays(*marking(first, last))))
        shifts = data.shifts(first, last)
        if volunteer:
            people = {v.id: v for v in data.volunteers()}
            who = find_volunteer(people.values(), volunteer, include_inactive=True)
            shifts = [s for s in shifts if who.id in s.volunteers]
        else:  # the people the week names, not the whole roster
            people = data.people(set().union(*(s.people() for s in shifts)))
    st.out.emit(json, lambda: [shift_json(s, timetable, people, st.lang) for s in shifts],
                lambda: render_week(st.out, shifts, timetable, people, today, settings.name,
                                    (first, last)))


@app.command("build")
def build(ctx: typer.Context, from_: FromRequired,
          weeks: Annotated[str | None, Opt("--weeks")] = None, to: To = None,
          mode: Annotated[str | None, Opt("--mode")] = None,
          fixed: Annotated[bool, Opt("--fixed")] = False,
          seed: Annotated[str, Opt("--seed")] = "0",
          fresh: Annotated[bool, Opt("--fresh")] = False,
          unpin: Annotated[bool, Opt("--unpin")] = False,
          dry_run: DryRun = False, yes: Yes = False) -> None:
    """Plan the nights from --from for --weeks N or up to --to, fairly and within the rules."""
    from ronda.parsing import parse_choice, parse_count
    from ronda.schedule.planning import build_period, plan_nights

    st = state(ctx)
    chosen_mode = parse_choice(mode or "rotate", ("rotate", "teams"), "--mode")
    number = parse_count(seed, "--seed", maximum=2**31)
    with st.data(write=not dry_run, backup=True) as data:
        now = st.now(data.settings().timezone)
        start, end = build_period(now.date(), from_, weeks, to)
        data.refresh_national_holidays(start, end)
        people, timetable = schedule_context(data)
        planned = plan_nights(data.settings(), data.volunteers(), timetable.holidays,
                              data.shifts(), start, end, now, seed=number, mode=chosen_mode,
                              fixed=fixed, fresh=fresh, unpin=unpin)
        if not dry_run:
            if planned.plan.removed:
                st.confirm("confirm.rebuild", yes, removed=planned.plan.removed)
            data.save_plan(planned, now.isoformat(timespec="seconds"))
        window = start - timedelta(days=data.settings().fairness_window)
        past = data.shifts(window, start - timedelta(days=1))
    _summary(st, planned.plan, people, timetable, start, end, now.date(), planned.figures,
             data.settings().fairness_window, data.settings().max_per_week, past,
             kept=bool(planned.plan.kept) and not fresh)
    if planned.past:
        st.out.say("msg.past_not_planned", count=planned.past)
    if dry_run:
        st.out.say("msg.dry_run")


def _figures(st: State, f: Figures, days: int, people: dict) -> None:
    """The plan's figures on each criterion of fairness, in their order, and the credit of
    who joined later, named apart (it is no duty)."""
    from ronda.i18n import format_count
    from ronda.people.volunteers import person_name

    st.out.say("msg.criteria", filled=f.filled, places=f.places, led=f.led,
               wanted=f.leader_wants, days=days, busiest=f.busiest, least=f.least)
    if f.credits:
        st.out.say("msg.credited", people=", ".join(
            st.out.t("label.credit", who=person_name(people, p, st.lang),
                     count=format_count(c, st.lang))
            for p, c in sorted(f.credits.items(), key=lambda pc: -pc[1])))


def _summary(st: State, plan: Plan, people: dict, timetable: Timetable,
             start: date, end: date, today: date, figures: Figures, window: int,
             max_per_week: int | None, past: list, *, kept: bool) -> None:
    from ronda.cli.replan import change_line
    from ronda.cli.schedule.view import group_lines, shift_name, warn_short, wish_lines
    from ronda.dates import format_date, format_period
    from ronda.schedule.summary import build_summary

    out, lang = st.out, st.out.lang
    summary = build_summary(plan, list(people.values()), timetable, start, end, today,
                            max_per_week, past, kept)
    out.done("msg.built", period=format_period(start, end, lang), count=summary.nights,
             filled=summary.filled, slots=summary.places)
    for s in summary.short:
        warn_short(out, shift_name(timetable, s, lang), s.short, people)
    f = summary.fairness
    out.say("msg.fairness", least=f.least, most=f.most, weekend_least=f.weekend_least,
            weekend_most=f.weekend_most, holiday_least=f.holiday_least,
            holiday_most=f.holiday_most)
    group_lines(out, summary.groups, timetable.slots)
    wish_lines(out, summary.wishes, people)
    _figures(st, figures, window, people)
    if plan.kept or plan.removed:
        out.say("msg.changes", kept=plan.kept, added=plan.added, removed=plan.removed)
        for c in summary.moved[:MOVED_SHOWN]:
            out.say("msg.line", text=change_line(c, timetable, people, lang))
        if len(summary.moved) > MOVED_SHOWN:
            out.say("msg.line", text=out.t("reason.more",
                                           count=len(summary.moved) - MOVED_SHOWN))
    if summary.leaders is not None:
        out.warn("warn.few_leaders", count=summary.leaders, slots=len(timetable.slots))
    for d, team, missing, suggested in plan.team_gaps:
        out.warn("warn.team_short", night=format_date(d, lang), team=team,
                 missing=", ".join(people[p].name for p in missing),
                 suggested=", ".join(label(people[p]) for p in suggested) or "-")


@app.command("swap")
def swap(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
         name_out: Annotated[str, typer.Argument(metavar="NAME_OUT")],
         name_in: Annotated[str, typer.Argument(metavar="NAME_IN")],
         slot: Slot = None, force: Force = False) -> None:
    """Put NAME_IN on a night in place of NAME_OUT; the rules are checked."""
    from ronda.cli.schedule.view import accept_bent
    from ronda.dates import parse_date
    from ronda.schedule.edits import ShiftName
    from ronda.schedule.edits import swap as swap_shift
    from ronda.schedule.rules import Rules

    st = state(ctx)
    with st.data(write=True) as data:
        people, timetable = schedule_context(data)
        now = st.now(timetable.timezone)
        leaving, coming = (find_volunteer(people.values(), name_out, include_inactive=True),
                           find_volunteer(people.values(), name_in))
        edit = swap_shift(data.shifts(), list(people.values()), timetable, Rules.of(
            data.settings()), parse_date(night, now.date()), leaving, coming, slot, now)
        accept_bent(st, edit, people, force)
        data.apply_edit(edit, now.isoformat(timespec="seconds"))
    st.out.done("msg.swapped", night=ShiftName(timetable, edit.before[0]), out=label(leaving),
                into=label(coming))


@app.command("exchange")
def exchange(ctx: typer.Context, night_a: Annotated[str, typer.Argument(metavar="DATE1")],
             name_a: Annotated[str, typer.Argument(metavar="NAME1")],
             night_b: Annotated[str, typer.Argument(metavar="DATE2")],
             name_b: Annotated[str, typer.Argument(metavar="NAME2")],
             force: Force = False) -> None:
    """Tukar giliran: NAME1 takes NAME2's night and NAME2 takes NAME1's; the rules are
    checked (--force to bend them)."""
    from ronda.cli.schedule.view import accept_bent
    from ronda.dates import parse_date
    from ronda.schedule.edits import ShiftName, exchange_nights
    from ronda.schedule.rules import Rules

    st = state(ctx)
    with st.data(write=True) as data:
        people, timetable = schedule_context(data)
        now = st.now(timetable.timezone)
        a, b = find_volunteer(people.values(), name_a), find_volunteer(people.values(), name_b)
        edit = exchange_nights(data.shifts(), list(people.values()), timetable,
                               Rules.of(data.settings()), a, parse_date(night_a, now.date()),
                               b, parse_date(night_b, now.date()), now)
        accept_bent(st, edit, people, force)
        data.apply_edit(edit, now.isoformat(timespec="seconds"))
    st.out.done("msg.exchanged", first=ShiftName(timetable, edit.after[0]),
                second=ShiftName(timetable, edit.after[1]), a=label(a), b=label(b))


@app.command("check")
def check(ctx: typer.Context, json: Json = False) -> None:
    """List conflicts between the coming nights and the roster, and the places left open;
    exit code 1 when there are any."""
    from ronda.cli.replan import list_conflicts
    from ronda.schedule.replan import find_conflicts, open_places
    from ronda.schedule.rules import Rules

    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        people, timetable = schedule_context(data)
        now = st.now(settings.timezone)
        coming = data.shifts(now.date() - timedelta(days=14))
        found = [*find_conflicts(coming, list(people.values()), Rules.of(settings), timetable,
                                 now), *open_places(coming, timetable, now)]
    st.out.emit(json, lambda: [c.to_dict() for c in found],
                lambda: list_conflicts(st, found, timetable, people))
    if found:
        raise typer.Exit(1)


@app.command("attend")
def attend(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
           present: Annotated[list[str] | None, Opt("--present")] = None,
           absent: Annotated[list[str] | None, Opt("--absent")] = None,
           reason: Annotated[str, Opt("--reason")] = "tanpa-keterangan",
           substitute: Annotated[list[str] | None, Opt("--substitute")] = None,
           note: Annotated[str | None, Opt("--note")] = None, slot: Slot = None) -> None:
    """Record a night's attendance, an absence and the log line."""
    from ronda.dates import parse_date
    from ronda.model import clean_text
    from ronda.money import format_money
    from ronda.schedule.attendance import absentees, take_attendance
    from ronda.schedule.edits import ShiftName
    from ronda.schedule.shifts import parse_absence_reason

    st = state(ctx)
    default_reason = parse_absence_reason(reason)
    text = clean_text(note, field_name="--note") if note is not None else None
    with st.data(write=True) as data:
        people, timetable = schedule_context(data)
        now = st.now(timetable.timezone)
        day = parse_date(night, now.date(), "past")
        came = [find_volunteer(people.values(), n, include_inactive=True) for n in present or []]
        missing = absentees(list(people.values()), absent or [], substitute or [], default_reason)
        taken = take_attendance(data.shifts(day, day), timetable, day, slot, came, missing, text,
                                data.settings().fine, now)
        data.save_shift(taken.after)
    for helper in taken.double_shift:
        st.out.warn("warn.double_shift", who=label(helper))
    st.out.done("msg.attended", night=ShiftName(timetable, taken.before),
                present=len(taken.after.present), absent=len(taken.after.absences))
    if taken.fines:
        st.out.say("msg.fines_due", total=format_money(taken.fines))


@app.command("guest")
def guest(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
          name: Annotated[str, typer.Argument(metavar="NAME")],
          role: Annotated[str | None, Opt("--role")] = None, slot: Slot = None,
          remove: Annotated[bool, Opt("--remove")] = False) -> None:
    """Add a joint-patrol guest to a night (not counted in the rotation)."""
    from ronda.dates import parse_date
    from ronda.i18n.labels import GUEST_ROLE, label
    from ronda.schedule.edits import ShiftName, guest_edit, guest_name, guest_role
    from ronda.schedule.shifts import parse_guest_role

    st = state(ctx)
    kind = parse_guest_role(role) if role is not None else None
    who = guest_name(name)
    with st.data(write=True) as data:
        people, timetable = schedule_context(data)
        kind = kind or guest_role(who, data.settings().liaison.name)
        day = parse_date(night, st.today(timetable.timezone))
        edit, key, shift = guest_edit(data.shifts(day, day), people, timetable, day, who, kind,
                                      slot, remove=remove)
        if edit is not None:
            data.save_shift(edit.after[0])
    st.out.done(key, name=f"{who} ({label(GUEST_ROLE, kind, st.lang)})",
                night=ShiftName(timetable, shift))


@app.command("fine")
def fine(ctx: typer.Context, paid: Annotated[str | None, Opt("--paid")] = None,
         night: Annotated[str | None, Opt("--night")] = None,
         all_: Annotated[bool, Opt("--all")] = False, json: Json = False) -> None:
    """Fines owed from the attendance logs; --paid ID|NAME records them paid into the kas."""
    from ronda.cash.book import fines, unpaid
    from ronda.cli.kas.view import render_fines

    st = state(ctx)
    if paid is not None:
        with st.data(write=True) as data:
            _pay_fines(st, data, paid, night)
        return
    with st.data() as data:
        found = fines(data.shifts(), data.cash())
        people = {v.id: v for v in data.volunteers()}
    shown = found if all_ else unpaid(found)
    st.out.emit(json, [f.to_dict() for f in shown], lambda: render_fines(st.out, shown, people))


def _pay_fines(st: State, data: DataFile, who: str, night: str | None) -> None:
    from ronda.cash.book import balance, fines, pay_fines, unpaid
    from ronda.dates import parse_date
    from ronda.money import format_money

    today = st.today(data.settings().timezone)
    v = find_volunteer(data.volunteers(), who, include_inactive=True)
    evening = parse_date(night, today) if night else None
    owed = unpaid(fines(data.shifts(), data.cash()), volunteer=v.id, evening=evening)
    entries = data.add_cash(pay_fines(owed, today, label(v)))
    st.out.done("msg.fines_paid", count=len(entries), who=label(v),
                total=format_money(sum(e.amount for e in entries)),
                balance=format_money(balance(data.cash())))


@app.command("stats")
def stats(ctx: typer.Context, from_: From = None, to: To = None,
          all_: Annotated[bool, Opt("--all")] = False, json: Json = False) -> None:
    """Per person and per regu: planned, served, absent, weekend and holiday nights, fines;
    and a verdict on fairness."""
    from ronda.cli.schedule.view import render_report
    from ronda.schedule.reports import schedule_report

    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        shifts = data.shifts()
        first, last = resolve_period(
            today, start=from_, end=to, toward="past",
            default_start=shifts[0].date if shifts else today,
            default_end=lambda _: shifts[-1].date if shifts else today)
        people, timetable = schedule_context(data)
    report = schedule_report(shifts, list(people.values()), timetable.holidays, first, last,
                             settings.rest, settings.max_per_week, today,
                             settings.fairness_window, include_removed=all_)
    st.out.emit(json, report.to_json, lambda: render_report(st.out, report, people, settings))
