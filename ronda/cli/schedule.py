"""``ronda schedule``: show, build and adjust the rotating night-patrol schedule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import DryRun, Force, From, Json, Slot, To, Week, Yes
from ronda.cli.replan_view import change_line
from ronda.cli.schedule_view import (
    accept_bent,
    reason_text,
    render_schedule,
    shift_json,
    shift_name,
)
from ronda.dates import format_date, format_period, parse_date, resolve_period
from ronda.i18n import format_decimal
from ronda.model import Volunteer, clean_text
from ronda.money import format_money
from ronda.neighbourhood.holidays import holiday_map
from ronda.parsing import parse_choice, parse_count
from ronda.people.volunteers import find_volunteer, label
from ronda.schedule.attendance import absentees, take_attendance
from ronda.schedule.edits import ShiftName, exchange_nights, guest_edit
from ronda.schedule.edits import swap as swap_shift
from ronda.schedule.replan import find_conflicts
from ronda.schedule.rules import Rules
from ronda.schedule.shifts import GUEST_ROLES, parse_absence_reason
from ronda.schedule.timetable import Timetable
from ronda.store.datafile import DataFile

app = typer.Typer(invoke_without_command=True, add_completion=False)
MOVED_SHOWN = 20
Opt = typer.Option


def _context(data: DataFile) -> tuple[dict, Timetable]:
    """The people by id and the timetable (slots, zone, holidays) of the data file."""
    people = {v.id: v for v in data.volunteers()}
    return people, Timetable.of(data.settings(), holiday_map(data.holidays()))


@app.callback()
def show(ctx: typer.Context, week: Week = None, from_: From = None, to: To = None,
         volunteer: Annotated[str | None, Opt("--volunteer")] = None, json: Json = False) -> None:
    """Show the schedule: this week unless told otherwise."""
    if ctx.invoked_subcommand is not None:
        return
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        first, last = resolve_period(today, week=week, start=from_, end=to,
                                    weeks=4 if volunteer else 1)
        people, timetable = _context(data)
        shifts = data.shifts(first, last)
        if volunteer:
            who = find_volunteer(people.values(), volunteer, include_inactive=True)
            shifts = [s for s in shifts if who.id in s.volunteers]
    lang = st.out.lang
    if json:
        st.out.json([shift_json(s, timetable, people, lang) for s in shifts])
        return
    if not shifts:
        st.out.say("msg.schedule_empty", period=format_period(first, last, lang))
        return
    title = f"{settings.name} · {format_period(first, last, lang)}"
    render_schedule(st.out, shifts, timetable, people, today, title=title)


@app.command("build")
def build(ctx: typer.Context, from_: From = None,
          weeks: Annotated[str | None, Opt("--weeks")] = None, to: To = None,
          mode: Annotated[str | None, Opt("--mode")] = None,
          fixed: Annotated[bool, Opt("--fixed")] = False,
          seed: Annotated[str, Opt("--seed")] = "0",
          fresh: Annotated[bool, Opt("--fresh")] = False,
          unpin: Annotated[bool, Opt("--unpin")] = False,
          dry_run: DryRun = False, yes: Yes = False) -> None:
    """Plan the nights from --from for --weeks N or up to --to."""
    from ronda.schedule.planning import build_period, plan_nights

    st = state(ctx)
    chosen_mode = parse_choice(mode or "rotate", ("rotate", "teams"), "--mode")
    number = parse_count(seed, "--seed", maximum=2**31)
    with st.data(write=not dry_run, backup=True) as data:
        now = st.now(data.settings().timezone)
        start, end = build_period(now.date(), from_, weeks, to)
        data.refresh_national_holidays(start, end)
        people, timetable = _context(data)
        planned = plan_nights(data.settings(), data.volunteers(), timetable.holidays,
                              data.shifts(), start, end, now, seed=number, mode=chosen_mode,
                              fixed=fixed, fresh=fresh, unpin=unpin)
        if not dry_run:
            if planned.plan.removed:
                st.confirm("confirm.rebuild", yes, removed=planned.plan.removed)
            data.save_plan(planned, now.isoformat(timespec="seconds"))
    _summary(st, planned.plan, people, timetable, start, end, now.date())
    if planned.past:
        st.out.say("msg.past_not_planned", count=planned.past)
    if dry_run:
        st.out.say("msg.dry_run")


def _summary(st: State, plan, people, timetable: Timetable,  # noqa: ANN001
             start: date, end: date, today: date) -> None:
    from ronda.schedule.reports import fairness, person_stats

    out, lang = st.out, st.out.lang
    filled = sum(1 for s in plan.shifts if not (s.short and s.short.available <
                                                  s.short.required))
    nights_count = (end - start).days + 1
    out.done("msg.built", period=format_period(start, end, lang), nights=nights_count,
             filled=filled, slots=len(plan.shifts))
    for s in plan.shifts:
        if s.short:
            out.warn("warn.short", night=shift_name(timetable, s, lang),
                     reason=reason_text(s.short, people, lang))
    stats = person_stats(plan.shifts, list(people.values()), timetable.holidays, today)
    f = fairness(stats, list(people.values()))
    out.say("msg.fairness", least=f.least, most=f.most, weekend_least=f.weekend_least,
            weekend_most=f.weekend_most, holiday_least=f.holiday_least,
            holiday_most=f.holiday_most)
    if plan.kept or plan.removed:
        out.say("msg.changes", kept=plan.kept, added=plan.added, removed=plan.removed)
        moved = [c for c in plan.moved if c.before]
        for c in moved[:MOVED_SHOWN]:
            out.say("msg.line", text=change_line(c, timetable, people, lang))
        if len(moved) > MOVED_SHOWN:
            out.say("msg.line", text=out.t("reason.more", count=len(moved) - MOVED_SHOWN))
    from ronda.schedule.rules import leader_rule

    has_leaders, per_shift = leader_rule(people.values(), len(timetable.slots))
    if has_leaders and not per_shift:
        out.warn("warn.few_leaders", leaders=sum(1 for v in people.values()
                                                 if v.active and v.leader),
                 slots=len(timetable.slots))
    for d, team, missing, suggested in plan.team_gaps:
        out.warn("warn.team_short", night=format_date(d, lang), team=team,
                 missing=", ".join(people[p].name for p in missing),
                 suggested=", ".join(label(people[p]) for p in suggested) or "-")


@app.command("swap")
def swap(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
         name_out: Annotated[str, typer.Argument(metavar="NAME_OUT")],
         name_in: Annotated[str, typer.Argument(metavar="NAME_IN")],
         slot: Slot = None, force: Force = False) -> None:
    """Put NAME_IN on a night in place of NAME_OUT, checking the rules."""
    st = state(ctx)
    with st.data(write=True) as data:
        people, timetable = _context(data)
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
    """Tukar giliran: NAME1 takes NAME2's night and NAME2 takes NAME1's."""
    st = state(ctx)
    with st.data(write=True) as data:
        people, timetable = _context(data)
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
    """List every conflict between the coming nights and the roster (exit 1 when any)."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        people, timetable = _context(data)
        now = st.now(settings.timezone)
        found = find_conflicts(data.shifts(now.date() - timedelta(days=14)),
                               list(people.values()), Rules.of(settings), timetable, now)
    if json:
        st.out.json([c.to_dict() for c in found])
    elif found:
        from ronda.cli.replan_view import conflict_text

        st.out.text("\n".join(conflict_text(c, timetable, people, st.lang) for c in found))
        st.out.say("msg.conflicts_hint", count=len(found))
    else:
        st.out.done("msg.no_conflicts")
    if found:
        raise typer.Exit(1)


@app.command("attend")
def attend(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
           present: Annotated[list[str] | None, Opt("--present")] = None,
           absent: Annotated[list[str] | None, Opt("--absent")] = None,
           reason: Annotated[str, Opt("--reason")] = "tanpa-keterangan",
           substitute: Annotated[list[str] | None, Opt("--substitute")] = None,
           note: Annotated[str | None, Opt("--note")] = None, slot: Slot = None) -> None:
    """Record a night's attendance and its log line."""
    st = state(ctx)
    default_reason = parse_absence_reason(reason)
    text = clean_text(note, field_name="--note") if note is not None else None
    with st.data(write=True) as data:
        people, timetable = _context(data)
        now = st.now(timetable.timezone)
        day = parse_date(night, now.date())
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
          role: Annotated[str, Opt("--role")] = "bhabinkamtibmas", slot: Slot = None,
          remove: Annotated[bool, Opt("--remove")] = False) -> None:
    """Add a joint-patrol guest (police, army, linmas) to a night, or --remove one; guests
    are not counted in the rotation."""
    st = state(ctx)
    kind = parse_choice(role, GUEST_ROLES, "--role")
    who = clean_text(name, field_name="NAME", required=True, limit=80)
    with st.data(write=True) as data:
        people, timetable = _context(data)
        day = parse_date(night, st.today(timetable.timezone))
        edit, key, shift = guest_edit(data.shifts(day, day), people, timetable, day, who, kind,
                                      slot, remove=remove)
        if edit is not None:
            data.save_shift(edit.after[0])
    st.out.done(key, name=who, night=ShiftName(timetable, shift))


@app.command("stats")
def stats(ctx: typer.Context, from_: From = None, to: To = None, json: Json = False) -> None:
    """Per person: planned, served, excused, absent, weekend and holiday nights, fines."""
    from ronda.money import format_money
    from ronda.schedule.reports import fairness, person_stats, team_totals, verdict

    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        shifts = data.shifts()
        first, last = resolve_period(
            today, start=from_, end=to, default_start=shifts[0].date if shifts else today,
            default_end=lambda _: shifts[-1].date if shifts else today)
        people, timetable = _context(data)
    in_range = [s for s in shifts if first <= s.date <= last]
    rows = person_stats(in_range, list(people.values()), timetable.holidays, today)
    leader_places = sum(1 for s in in_range if s.leader is not None
                        or (s.short is not None and s.short.no_leader))
    judged = verdict(rows, list(people.values()), first, last, settings.rest,
                     settings.max_per_week, leader_places)
    if json:
        st.out.json([{**r.to_dict(), **_share_json(judged.shares.get(r.id))} for r in rows])
        return
    out = st.out
    table = [[str(r.id), r.name or out.t("status.erased"), r.team, str(r.planned),
              format_decimal(judged.shares[r.id].share, out.lang) if r.id in judged.shares else "",
              str(r.served), str(r.excused), str(r.absent), str(r.substituted), str(r.weekend),
              str(r.holiday), "-" if r.min_gap is None else str(r.min_gap),
              format_money(r.fines) if r.fines else ""] for r in rows]
    out.table(["col.id", "col.name", "col.team", "col.planned", "col.share", "col.served",
               "col.excused", "col.absent", "col.substituted", "col.weekend", "col.holiday",
               "col.min_gap", "col.fines"], table, compact=True,
              title=f"{settings.name} · {format_period(first, last, out.lang)}")
    out.table(["col.team", "col.people", "col.planned", "col.served", "col.absent", "col.fines"],
              [[team, str(t["people"]), str(t["planned"]), str(t["served"]), str(t["absent"]),
                format_money(t["fines"]) if t["fines"] else ""]
               for team, t in team_totals(rows).items()])
    out.say("msg.attendance_key", fine=format_money(settings.fine) if settings.fine else "-")
    for r in rows:
        share = judged.shares.get(r.id)
        if share is not None and (share.capped or share.limits):
            out.say("msg.line", text=share_text(people[r.id], share, first, last, settings,
                                                out.lang))
    f = fairness(rows, list(people.values()))
    if judged.fair or judged.worst is None:
        out.say("verdict.fair", margin=format_decimal(1.5, out.lang), least=f.least, most=f.most)
    else:
        out.say("verdict.uneven", who=judged.worst.name, planned=judged.worst.planned,
                share=format_decimal(judged.share, out.lang))


def _share_json(share) -> dict:  # noqa: ANN001
    if share is None:
        return {"share": None, "can_carry": None, "share_limited_by": []}
    return {"share": round(share.share, 2), "can_carry": share.capacity,
            "share_limited_by": list(share.limits)}


def share_text(v: Volunteer, share, first: date, last: date, settings,  # noqa: ANN001
               lang: str) -> str:
    """``Joko Susilo: available Sat, Sun; at most 1 a week → can carry 4 duties``."""
    from ronda.dates import DAY_KEYS, DAY_SHORT
    from ronda.i18n import format_decimal, t

    parts = []
    if "days" in share.limits:
        parts.append(t("share.days", lang, days=", ".join(
            DAY_SHORT[lang][DAY_KEYS.index(d)] for d in v.days)))
    if "away" in share.limits:
        parts.append(t("share.away", lang, periods=", ".join(
            f"{format_date(max(a.start, first), lang, weekday=False)}–"
            f"{format_date(min(a.end, last), lang, weekday=False)}"
            for a in v.away if a.start <= last and a.end >= first)))
    if "week" in share.limits:
        parts.append(t("share.week", lang, limit=v.max_per_week or settings.max_per_week))
    if "joined" in share.limits and v.joined:
        parts.append(t("share.joined", lang, date=format_date(v.joined, lang, weekday=False)))
    if "leads" in share.limits:
        parts.append(t("share.leads", lang))
    if not parts:
        parts.append(t("share.rest", lang, rest=settings.rest))
    if share.capped:
        return t("share.line", lang, who=v.name, limits="; ".join(parts), can=share.capacity)
    return t("share.line_lead", lang, who=v.name, limits="; ".join(parts),
             share=format_decimal(share.share, lang))

