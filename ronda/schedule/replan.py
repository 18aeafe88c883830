"""The plan follows the roster: what in the coming nights no longer fits the roster, and the
smallest repair that makes it fit.

Only shifts that have not started and have no attendance recorded can change; the past never
does. A repair takes a person off a shift they can no longer serve and puts in their place
the least loaded person the rules allow (a leader for a leader), touching no other shift; a
place nobody can take stays short, with the reason.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ronda.model import Volunteer
from ronda.schedule.newcomers import give_fair_share
from ronda.schedule.rules import (
    Bends,
    Ledger,
    Rules,
    blocked,
    blocks,
    leader_rule,
    needs_leader,
    serviceable,
)
from ronda.schedule.shifts import Exclusion, PlanChange, Shift, diff_plans, pinned
from ronda.schedule.timetable import Timetable

LOAD_WINDOW = timedelta(days=28)  # a replacement is chosen by duties in the four weeks around


@dataclass(frozen=True)
class Conflict:
    """Something on a coming shift that the roster no longer allows."""

    date: date
    slot: int
    volunteer: int | None  # None: the shift itself (its leader)
    rule: str  # inactive, erased, day, away, rest, week, tonight, household, leader, slots;
    # short and no_leader: a place the rules left open (``open_places``)
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "slot": self.slot, "volunteer": self.volunteer,
                "rule": self.rule, "detail": self.detail}


@dataclass
class Repair:
    """The shifts a repair changed (new versions), what changed, what is left, and how many
    places (or leaders wanted) it left open that were filled before (``opened``)."""

    shifts: list[Shift] = field(default_factory=list)
    changes: list[PlanChange] = field(default_factory=list)
    remaining: list[Conflict] = field(default_factory=list)
    opened: int = 0


def open_to_change(shift: Shift, timetable: Timetable, now: datetime) -> bool:
    """Whether a shift may still change: it has not started and has no attendance."""
    return not shift.logged and timetable.window_of(shift)[0] > now


def settled_keys(existing: Sequence[Shift], timetable: Timetable, now: datetime,
                 first: date, last: date) -> set[tuple[date, int]]:
    """What a rebuild of [first, last] may not touch: shifts that have started or have their
    attendance, every shift of a night whose patrol began under other shifts than the night
    has now, and the places of the night's slots whose hours have passed (nothing is planned
    into the past)."""
    settled = {s.key for s in existing if not open_to_change(s, timetable, now)}
    begun = {d for d, _ in settled}
    settled |= {s.key for s in existing if s.date in begun and not timetable.current(s)}
    d = first
    while d <= min(last, now.date()):
        settled |= {(d, i) for i in range(len(timetable.slots))
                    if timetable.window(d, i)[0] <= now}
        d += timedelta(days=1)
    return settled


def replan_for_new_slots(planned: Sequence[Shift], people: Sequence[Volunteer],
                         history: Sequence[Shift], rules: Rules, timetable: Timetable,
                         now: datetime) -> tuple[date, date, list[Shift], list[PlanChange]]:
    """The night's shifts changed: plan the coming nights again for the new shifts, keeping
    who was on the same slot where it still fits; nights whose patrol has begun stay as they
    were, with their own hours. Returns the range, its new shifts and what changed."""
    from ronda.schedule.builder import build_schedule

    coming = [s for s in planned if open_to_change(s, timetable, now)]
    begun = {s.date for s in planned if not open_to_change(s, timetable, now)}
    coming = [s for s in coming if s.date not in begun]
    if not coming:
        return now.date(), now.date(), [], []
    first, last = min(s.date for s in coming), max(s.date for s in planned)
    existing = [s for s in planned if first <= s.date <= last]
    settled = {s.key for s in existing if s.date in begun}
    before = [*(s for s in history if s.date < first), *(s for s in planned if s.date < first)]
    plan = build_schedule(people, rules, first, last, history=before,
                          existing=[s for s in existing
                                    if s.slot < len(rules.slots) or s.key in settled],
                          holidays=dict(timetable.holidays), settled=settled)
    changes = diff_plans([s for s in existing if s.key not in settled],
                         [s for s in plan.shifts if s.key not in settled], "slots",
                         now.isoformat(timespec="seconds"))
    return first, last, plan.shifts, changes


def person_conflict(v: Volunteer | None, shift: Shift, ledger: Ledger, rules: Rules,
                    bends: Bends | None = None) -> Exclusion | None:
    """Why a person planned on ``shift`` may no longer be there, or None."""
    if v is None or v.purged:
        return Exclusion(v.id if v else -1, "erased")
    if not v.active:
        return Exclusion(v.id, "inactive")
    return next((why for why in blocks(v, shift.date, ledger, rules, ignore=shift.date)
                 if bends is None or not bends.accepted(v.id, shift.date, why.rule)), None)


def find_conflicts(shifts: Sequence[Shift], people: Sequence[Volunteer], rules: Rules,
                   timetable: Timetable, now: datetime) -> list[Conflict]:
    """Every conflict between the coming shifts and the roster."""
    by_id = {v.id: v for v in people}
    ledger = Ledger(shifts, people)
    bends = Bends(shifts, rules)
    begun = {s.date for s in shifts if not open_to_change(s, timetable, now)}
    out = []
    for s in shifts:
        if not open_to_change(s, timetable, now):
            continue
        for pid in s.volunteers:
            why = person_conflict(by_id.get(pid), s, ledger, rules, bends)
            if why is not None:
                out.append(Conflict(s.date, s.slot, pid, why.rule, why.detail))
        v = by_id.get(s.leader) if s.leader is not None else None
        if v is not None and v.active and not v.leader:
            out.append(Conflict(s.date, s.slot, None, "leader", str(v.id)))
        if not timetable.current(s) and s.date not in begun:  # shifts the night no longer has
            out.append(Conflict(s.date, s.slot, None, "slots"))
    return out


def open_places(shifts: Sequence[Shift], timetable: Timetable, now: datetime) -> list[Conflict]:
    """The coming shifts still short of people or without the leader they want (as the
    last build or repair left them: the rules allowed no better then)."""
    out = []
    for s in shifts:
        if s.short is None or not open_to_change(s, timetable, now):
            continue
        if s.short.available < s.short.required:
            out.append(Conflict(s.date, s.slot, None, "short",
                                f"{s.short.available}/{s.short.required}"))
        if s.short.no_leader:
            out.append(Conflict(s.date, s.slot, None, "no_leader"))
    return out


class _Repairer:
    def __init__(self, shifts: Sequence[Shift], people: Sequence[Volunteer], rules: Rules,
                 timetable: Timetable) -> None:
        self.shifts = {s.key: s for s in shifts}
        self.people = [v for v in people if v.active and not v.purged]
        self.by_id = {v.id: v for v in people}
        self.rules = rules
        self.timetable = timetable
        self.ledger = Ledger(shifts, people)
        self.has_leaders, self.per_shift = leader_rule(people, len(rules.slots))
        self.bends = Bends(shifts, rules)

    def load(self, v: Volunteer, d: date) -> tuple[float, int]:
        first, last = d - LOAD_WINDOW, d + LOAD_WINDOW
        return (self.ledger.between(v.id, first, last) / max(1, serviceable(v, first, last)),
                v.id)

    def replace(self, key: tuple[date, int], out: int | None, leader: bool) -> int | None:
        """Take ``out`` off (when given) and put the best free person in, a leader when
        ``leader``; the id put in, or None when nobody can come."""
        s = self.shifts[key]
        if out is not None:
            self.ledger.remove(out, s.date)
            s = s.with_changes(volunteers=tuple(p for p in s.volunteers if p != out),
                               leader=None if s.leader == out else s.leader)
        free = sorted((v for v in self.people if (v.leader or not leader)
                       and blocked(v, s.date, self.ledger, self.rules) is None),
                      key=lambda v: (self.load(v, s.date)[0], v.wish_on(s.date) < 0, v.id))
        chosen = free[0] if free else None
        if chosen is not None:
            self.ledger.add(chosen.id, s.date)
            ids = [*s.volunteers, chosen.id]
            if leader:
                ids = [chosen.id, *s.volunteers]
                s = s.with_changes(leader=chosen.id)
            s = s.with_changes(volunteers=tuple(ids))
        self.shifts[key] = s
        return chosen.id if chosen else None

    def night(self, d: date) -> list[Shift]:
        return [s for k, s in self.shifts.items() if k[0] == d]

    def wants_leader(self, s: Shift) -> bool:
        return (self.has_leaders and self.timetable.required_of(s) > 0
                and needs_leader(s, self.night(s.date), self.per_shift))


def repair_plan(shifts: Sequence[Shift], people: Sequence[Volunteer], rules: Rules,
                timetable: Timetable, now: datetime, *, cause: str,
                welcome: Collection[int] = ()) -> Repair:
    """Make the coming shifts fit the roster with the fewest changes.

    People who can no longer serve a shift leave it and each place is refilled by the least
    loaded free person (a leader where the shift loses its leader); a shift whose leader is
    no longer one gets a free leader in place of its most loaded member; coming shifts that
    are short get whoever is free, and those with more people than they now need free their
    most loaded members. People in ``welcome`` (just added to the roster) are then given
    their fair share of the coming nights (``give_fair_share``). Shortfall reasons are
    renewed on the nights touched.
    """
    from ronda.schedule.shortfalls import explain_shortfalls

    r = _Repairer(shifts, people, rules, timetable)
    original = {s.key: s for s in shifts}
    coming = sorted(k for k, s in original.items() if open_to_change(s, timetable, now))
    for key in coming:
        while True:  # one person at a time: each removal may settle the next conflict
            s = r.shifts[key]
            order = sorted(s.volunteers, key=lambda p: (p in pinned(s), p == s.leader))
            found = next((p for p in order
                          if person_conflict(r.by_id.get(p), s, r.ledger, rules, r.bends)),
                         None)
            if found is None:
                break
            r.replace(key, found, leader=s.leader == found and r.has_leaders)
        s = r.shifts[key]
        ex = r.by_id.get(s.leader) if s.leader is not None else None
        if ex is not None and not ex.leader:  # no longer a leader: stays as a member
            r.shifts[key] = s.with_changes(leader=None)
    for key in coming:
        s = r.shifts[key]
        required = timetable.required_of(s)
        if r.wants_leader(s):
            members = [p for p in s.volunteers if p not in pinned(s)]
            out = max(members, key=lambda p: r.load(r.by_id[p], s.date)) if (
                members and len(s.volunteers) >= required) else None
            if len(s.volunteers) < required or out is not None:
                chosen = r.replace(key, out, leader=True)
                if chosen is None and out is not None:  # no leader is free: the member stays
                    r.ledger.add(out, s.date)
                    r.shifts[key] = s
        while len(r.shifts[key].volunteers) < required:
            if r.replace(key, None, leader=False) is None:
                break
        s = r.shifts[key]
        spare = [p for p in s.volunteers if p != s.leader and p not in pinned(s)]
        while len(s.volunteers) > required and spare:  # fewer needed now: free the busiest
            out = max(spare, key=lambda p: r.load(r.by_id[p], s.date) if p in r.by_id
                      else (0.0, p))
            spare.remove(out)
            r.ledger.remove(out, s.date)
            s = r.shifts[key] = s.with_changes(volunteers=tuple(p for p in s.volunteers
                                                                if p != out))
    if welcome:
        give_fair_share(r.shifts, [k for k in coming if timetable.required_of(r.shifts[k])],
                        r.ledger, r.people, rules, welcome)
    touched = {k[0] for k in coming if r.shifts[k] != original[k] or original[k].short}
    renewed = [s for k, s in sorted(r.shifts.items()) if k[0] in touched]
    explain_shortfalls(renewed, people, rules, r.ledger, timetable)
    open_keys = set(coming)
    for s in renewed:
        if s.key in open_keys:
            r.shifts[s.key] = s
    final = [r.shifts[k] for k in coming if r.shifts[k] != original[k]]
    changes = diff_plans([original[s.key] for s in final], final, cause,
                         now.isoformat(timespec="seconds"))
    remaining = find_conflicts(list(r.shifts.values()), people, rules, timetable, now)
    opened = len(open_places(list(r.shifts.values()), timetable, now)) \
        - len(open_places(shifts, timetable, now))
    return Repair(final, changes, remaining, max(0, opened))
