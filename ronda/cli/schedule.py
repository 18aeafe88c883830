"""``ronda schedule``: show, build and adjust the rotating night-patrol schedule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import DryRun, Force, From, Json, Slot, To, Week, Yes
from ronda.cli.replan_view import change_line
from ronda.cli.schedule_view import reason_text, render_schedule, shift_json, shift_name
from ronda.dates import check_range, format_date, format_period, parse_date, week_of
from ronda.errors import BadInput
from ronda.i18n import format_decimal
from ronda.model import Volunteer
from ronda.neighbourhood.holidays import holiday_map
from ronda.people.roster import find_volunteer, label, parse_count
from ronda.schedule.replan import open_to_change, settled_keys
from ronda.schedule.shifts import GUEST_ROLES, Guest, Shift, diff_plans
from ronda.schedule.timetable import Timetable
from ronda.store.datafile import DataFile

app = typer.Typer(invoke_without_command=True, add_completion=False)
MOVED_SHOWN = 20
Opt = typer.Option


def resolve_range(today: date, week: str | None, from_: str | None, to: str | None,
                  weeks: int = 1) -> tuple[date, date]:
    """``--week`` (any date in it), or ``--from``/``--to``, else this week (or ``weeks``)."""
    if week and (from_ or to):
        raise BadInput("err.week_or_range")
    if week:
        return week_of(parse_date(week, today))
    monday = week_of(today)[0]
    first = parse_date(from_, today) if from_ else monday
    last = parse_date(to, today) if to else (week_of(first)[0] + timedelta(weeks=weeks, days=-1))
    check_range(first, last)
    return first, last


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
        first, last = resolve_range(today, week, from_, to, weeks=4 if volunteer else 1)
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
    from ronda.neighbourhood.holidays import national_holidays
    from ronda.schedule.builder import Rules, build_schedule

    st = state(ctx)
    if from_ is None:
        raise BadInput("err.need_from")
    if (weeks is None) == (to is None):
        raise BadInput("err.weeks_or_to")
    chosen_mode = (mode or "rotate").strip().lower()
    if chosen_mode not in ("rotate", "teams"):
        raise BadInput("err.bad_choice", field="--mode", value=mode, choices="rotate, teams")
    number = parse_count(seed, "--seed", maximum=2**31)
    with st.data(write=not dry_run, backup=True) as data:
        settings = data.settings()
        today = st.today(settings.timezone)
        start = parse_date(from_, today)
        end = (start + timedelta(weeks=parse_count(weeks, "--weeks", minimum=1, maximum=260),
                                 days=-1)) if weeks else parse_date(to, today)
        check_range(start, end)
        years = set(range(start.year, end.year + 1))
        national = national_holidays(years)
        data.save_holidays(national, replace_national_years=years)
        people, timetable = _context(data)
        existing = data.shifts(start, end)
        now = st.now(settings.timezone)
        settled = settled_keys(existing, timetable, now, start, end)
        plan = build_schedule(data.volunteers(), Rules.of(settings), start, end,
                              history=data.shifts(last=start - timedelta(days=1)),
                              existing=existing, holidays=timetable.holidays, seed=number,
                              mode=chosen_mode, fixed=fixed, fresh=fresh, settled=settled,
                              unpin=unpin)
        planned_keys = {s.key for s in existing}
        past = sum(1 for key in settled if key not in planned_keys)
        if plan.removed and not dry_run:
            st.confirm("confirm.rebuild", yes, removed=plan.removed)
        if not dry_run:
            data.replace_shifts(start, end, plan.shifts)
            stamp = now.isoformat(timespec="seconds")
            data.record_plan_changes([replace(c, at=stamp) for c in plan.moved
                                      if c.before])
    _summary(st, plan, people, timetable, start, end, today)
    if past:
        st.out.say("msg.past_not_planned", count=past)
    if dry_run:
        st.out.say("msg.dry_run")


def _summary(st: State, plan, people, timetable: Timetable,  # noqa: ANN001
             start: date, end: date, today: date) -> None:
    from ronda.schedule.reports import fairness, person_stats

    out, lang = st.out, st.out.lang
    filled = sum(1 for s in plan.shifts if not (s.short and s.short.available <
                                                  s.short.required))
    nights_count = (end - start).days + 1
    out.done("msg.built", period=format_period(start, end, lang), count=nights_count,
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
        out.warn("warn.few_leaders", count=sum(1 for v in people.values()
                                               if v.active and v.leader),
                 slots=len(timetable.slots))
    for d, team, missing, suggested in plan.team_gaps:
        out.warn("warn.team_short", night=format_date(d, lang), team=team,
                 missing=", ".join(people[p].name for p in missing),
                 suggested=", ".join(label(people[p]) for p in suggested) or "-")


def _shift_of(shifts: Sequence[Shift], timetable: Timetable, day: date, slot: str | None,
              lang: str, members: Sequence[int] = ()) -> Shift:
    """Of an evening's ``shifts``, the one a command works on: ``--slot``, else the one
    ``members`` are on, else the only one; with several and nothing to tell them apart, ask."""
    if not shifts:
        raise BadInput("err.no_shift", night=day)
    index = timetable.parse_slot(slot)
    if index is not None:
        chosen = [s for s in shifts if s.slot == index]
    else:
        chosen = [s for s in shifts if members and set(members) <= set(s.volunteers)]
        if not chosen and len(shifts) > 1:
            raise BadInput("err.choose_slot", night=format_date(day, lang), choices=", ".join(
                f"--slot {s.slot + 1} ({timetable.hours_of(s, lang, with_zone=False)})"
                for s in shifts))
        chosen = chosen or shifts
    if not chosen:
        raise BadInput("err.no_shift", night=day)
    return chosen[0]


@app.command("swap")
def swap(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
         name_out: Annotated[str, typer.Argument(metavar="NAME_OUT")],
         name_in: Annotated[str, typer.Argument(metavar="NAME_IN")],
         slot: Slot = None, force: Force = False) -> None:
    """Put NAME_IN on a night in place of NAME_OUT, checking the rules."""
    from ronda.schedule.rules import Ledger, Rules, swap_in

    st = state(ctx)
    with st.data(write=True) as data:
        settings = data.settings()
        people, timetable = _context(data)
        day = parse_date(night, st.today(settings.timezone))
        out_v = find_volunteer(people.values(), name_out, include_inactive=True)
        in_v = find_volunteer(people.values(), name_in)
        tonight = data.shifts(day, day)
        if not any(out_v.id in s.volunteers for s in tonight):
            raise BadInput("err.not_on_shift", who=label(out_v), night=format_date(day, st.lang))
        shift = _shift_of(tonight, timetable, day, slot, st.lang, [out_v.id])
        if out_v.id not in shift.volunteers:
            raise BadInput("err.not_on_shift", who=label(out_v),
                           night=shift_name(timetable, shift, st.lang))
        now = st.now(settings.timezone)
        if not open_to_change(shift, timetable, now):
            raise BadInput("err.shift_settled", night=shift_name(timetable, shift, st.lang))
        if any(in_v.id in s.volunteers for s in tonight):
            raise BadInput("err.already_on_night", who=label(in_v))
        changed, why = swap_in(shift, out_v, in_v, Ledger(data.shifts(), people.values()),
                               Rules.of(settings), now)
        if why:
            st.out.warn("warn.rules_bent", rules=_bent_text(why, people, st.lang))
            if not force:
                st.confirm("confirm.swap", False, refusal="err.needs_force")
        data.save_shift(changed)
        data.record_plan_changes(diff_plans([shift], [changed], "swap",
                                            now.isoformat(timespec="seconds")))
    st.out.done("msg.swapped", night=shift_name(timetable, shift, st.out.lang),
                out=label(out_v), into=label(in_v))


def _bent_text(bent: Sequence, people: dict, lang: str) -> str:  # noqa: ANN001
    """``Teguh Santoso: resting, same household``: each person with the rules they bend."""
    from ronda.cli.schedule_view import why_text
    from ronda.people.roster import person_name

    by_person: dict[int, list[str]] = {}
    for e in bent:
        by_person.setdefault(e.volunteer, []).append(why_text(e.rule, e.detail, lang))
    return "; ".join(f"{person_name(people, p, lang)}: {', '.join(rules)}"
                     for p, rules in by_person.items())


@app.command("exchange")
def exchange(ctx: typer.Context, night_a: Annotated[str, typer.Argument(metavar="DATE1")],
             name_a: Annotated[str, typer.Argument(metavar="NAME1")],
             night_b: Annotated[str, typer.Argument(metavar="DATE2")],
             name_b: Annotated[str, typer.Argument(metavar="NAME2")],
             force: Force = False) -> None:
    """Tukar giliran: NAME1 takes NAME2's night and NAME2 takes NAME1's."""
    from ronda.schedule.rules import Ledger, Rules
    from ronda.schedule.rules import exchange as exchange_nights

    st = state(ctx)
    with st.data(write=True) as data:
        settings = data.settings()
        people, timetable = _context(data)
        today = st.today(settings.timezone)
        now = st.now(settings.timezone)
        a = find_volunteer(people.values(), name_a)
        b = find_volunteer(people.values(), name_b)
        day_a, day_b = parse_date(night_a, today), parse_date(night_b, today)
        first = _shift_of(data.shifts(day_a, day_a), timetable, day_a, None, st.lang, [a.id])
        second = _shift_of(data.shifts(day_b, day_b), timetable, day_b, None, st.lang, [b.id])
        for shift, who in ((first, a), (second, b)):
            if who.id not in shift.volunteers:
                raise BadInput("err.not_on_shift", who=label(who),
                               night=shift_name(timetable, shift, st.lang))
            if not open_to_change(shift, timetable, now):
                raise BadInput("err.shift_settled", night=shift_name(timetable, shift, st.lang))
        if a.id == b.id or first.date == second.date:
            raise BadInput("err.exchange_same")
        new_first, new_second, bent = exchange_nights(
            first, a, second, b, Ledger(data.shifts(), people.values()), Rules.of(settings), now)
        if bent:
            st.out.warn("warn.rules_bent", rules=_bent_text(bent, people, st.lang))
            if not force:
                st.confirm("confirm.swap", False, refusal="err.needs_force")
        data.save_shift(new_first)
        data.save_shift(new_second)
        stamp = now.isoformat(timespec="seconds")
        data.record_plan_changes(diff_plans([first, second], [new_first, new_second],
                                            "exchange", stamp))
    st.out.done("msg.exchanged", first=shift_name(timetable, new_first, st.out.lang),
                second=shift_name(timetable, new_second, st.out.lang), a=label(a), b=label(b))


@app.command("check")
def check(ctx: typer.Context, json: Json = False) -> None:
    """List every conflict between the coming nights and the roster (exit 1 when any)."""
    from ronda.schedule.replan import find_conflicts
    from ronda.schedule.rules import Rules

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
    from ronda.model import clean_text
    from ronda.schedule.attendance import Absent, record_attendance
    from ronda.schedule.shifts import parse_absence_reason

    st = state(ctx)
    default_reason = parse_absence_reason(reason)
    stand_ins = list(substitute or [])
    if len(stand_ins) > len(absent or []):
        raise BadInput("err.substitute_without_absent")
    text = clean_text(note, field_name="--note") if note is not None else None
    with st.data(write=True) as data:
        settings = data.settings()
        day = parse_date(night, st.today(settings.timezone))
        people, timetable = _context(data)

        def who(name: str) -> Volunteer:
            return find_volunteer(people.values(), name, include_inactive=True)

        came = [who(n) for n in present or []]
        missing = []
        for i, entry in enumerate(absent or []):
            name, _, why = entry.partition("=")
            helper = stand_ins[i].strip() if i < len(stand_ins) else ""
            stand_in, stand_in_name = None, ""
            if helper and helper != "-":
                try:
                    stand_in = find_volunteer(people.values(), helper)
                except BadInput:
                    stand_in_name = clean_text(helper, field_name="--substitute", limit=80)
            missing.append(Absent(who(name), parse_absence_reason(why) if why
                                  else default_reason, stand_in, stand_in_name))
        now = st.now(settings.timezone)
        night_shifts = data.shifts(day, day)
        begins = min((timetable.window_of(s)[0] for s in night_shifts), default=now)
        if begins > now:  # said before asking which shift: none has started
            raise BadInput("err.not_started", start=begins)
        shift = _shift_of(night_shifts, timetable, day, slot, st.lang,
                          [v.id for v in came] + [a.volunteer.id for a in missing])
        logged = record_attendance(shift, timetable.window_of(shift)[0], now, came, missing,
                                   text, settings.fine)
        data.save_shift(logged)
    others = {p for s in night_shifts if s.key != shift.key for p in s.volunteers}
    for a in missing:
        if a.stand_in is not None and a.stand_in.id in others:
            st.out.warn("warn.double_shift", who=label(a.stand_in))
    fines = sum(a.fine for a in logged.absences)
    st.out.done("msg.attended", night=shift_name(timetable, shift, st.out.lang),
                present=len(logged.present), absent=len(logged.absences))
    if fines:
        from ronda.money import format_money

        st.out.say("msg.fines_due", total=format_money(fines))


@app.command("guest")
def guest(ctx: typer.Context, night: Annotated[str, typer.Argument(metavar="DATE")],
          name: Annotated[str, typer.Argument(metavar="NAME")],
          role: Annotated[str, Opt("--role")] = "bhabinkamtibmas", slot: Slot = None,
          remove: Annotated[bool, Opt("--remove")] = False) -> None:
    """Add a joint-patrol guest (police, army, linmas) to a night, or --remove one; guests
    are not counted in the rotation."""
    from ronda.model import clean_text

    st = state(ctx)
    kind = role.strip().lower()
    if kind not in GUEST_ROLES:
        raise BadInput("err.bad_choice", field="--role", value=role,
                       choices=", ".join(GUEST_ROLES))
    who = clean_text(name, field_name="NAME", required=True, limit=80)
    with st.data(write=True) as data:
        settings = data.settings()
        day = parse_date(night, st.today(settings.timezone))
        people, timetable = _context(data)
        tonight = data.shifts(day, day)
        if remove and slot is None:  # the shift the guest is on
            found = [s for s in tonight
                     if any(g.name.casefold() == who.casefold() for g in s.guests)]
            slot = str(found[0].slot + 1) if found else None
        shift = _shift_of(tonight, timetable, day, slot, st.lang)
        on_duty = {people[p].name.casefold() for s in tonight
                   for p in s.volunteers if p in people}
        if not remove and who.casefold() in on_duty:
            raise BadInput("err.guest_on_duty", name=who)
        others = tuple(g for g in shift.guests if g.name.casefold() != who.casefold())
        if remove:
            if len(others) == len(shift.guests):
                raise BadInput("err.no_such_guest", name=who,
                               night=shift_name(timetable, shift, st.lang))
            data.save_shift(shift.with_changes(guests=others))
        elif len(others) == len(shift.guests) or Guest(who, kind) not in shift.guests:
            data.save_shift(shift.with_changes(guests=(*others, Guest(who, kind))))
    key = "msg.guest_removed" if remove else "msg.guest_added" if len(others) == len(
        shift.guests) else "msg.guest_already"
    st.out.done(key, name=who, night=shift_name(timetable, shift, st.out.lang))


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
        first = parse_date(from_, today) if from_ else (shifts[0].date if shifts else today)
        last = parse_date(to, today) if to else (shifts[-1].date if shifts else today)
        check_range(first, last)
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
        parts.append(t("share.rest", lang, count=settings.rest))
    if share.capped:
        return t("share.line", lang, who=v.name, limits="; ".join(parts), can=share.capacity)
    return t("share.line_lead", lang, who=v.name, limits="; ".join(parts),
             share=format_decimal(share.share, lang))

