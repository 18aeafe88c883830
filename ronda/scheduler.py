"""Building a fair rotating schedule: a pure function of roster, rules, history, range and seed.

Hard rules are never broken: a person is placed only on days they are available and not away,
at most once a night, with the rest nights kept, within their weekly maximum, never two from one
household on a night, and with a leader each night where the roster has leaders. A slot that
cannot be filled within the rules stays short, and its ``Shortfall`` says who was ruled out why.

Fairness comes from the order candidates are taken in: lowest load relative to the nights a
person can serve (history included), then weekend and holiday nights as their own count, then
weekday rotation and the longest rest since the last duty. A balancing pass then moves duties
from the most to the least loaded where the rules allow.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ronda.dates import day_key
from ronda.model import Volunteer
from ronda.rebalance import balance, balance_special, fill_short, night_index
from ronda.rules import Ledger, Rules, blocked, nights, serviceable
from ronda.shifts import Exclusion, Holiday, Shift, Shortfall, is_weekend

__all__ = ["Ledger", "Plan", "Rules", "blocked", "build_schedule", "nights", "serviceable",
           "team_for"]

LOOKBACK = timedelta(days=56)  # duties in the eight weeks before a build count towards fairness
TEAM_ANCHOR = date(2024, 1, 1)  # a Monday: team rotation is counted from here, so it is stable
MAX_LISTED = 12
RULE_ORDER = ("away", "rest", "week", "day", "household", "tonight")


@dataclass
class Plan:
    """The result of a build: the shifts of the range and how they differ from before."""

    shifts: list[Shift]
    kept: int = 0
    added: int = 0
    removed: int = 0
    team_gaps: list[tuple[date, str, list[int], list[int]]] = field(default_factory=list)


class _Night:
    """The people placed on one evening, across its slots."""

    def __init__(self, d: date, slots: int, holiday: Holiday | None) -> None:
        self.date = d
        self.holiday = holiday
        self.people: list[list[int]] = [[] for _ in range(slots)]
        self.households: set[str] = set()
        self.leader: int | None = None

    @property
    def everyone(self) -> set[int]:
        return {p for slot in self.people for p in slot}

    @property
    def special(self) -> bool:
        return is_weekend(self.date) or self.holiday is not None

    def shares_household(self, v: Volunteer) -> bool:
        return bool(v.household) and v.household.casefold() in self.households


class _Builder:
    """The running state of one build: loads, weekday counts and the ledger of duties."""

    def __init__(self, people: list[Volunteer], rules: Rules, start: date, end: date,
                 history: Sequence[Shift], holidays: dict[date, Holiday], seed: int) -> None:
        self.people = people
        self.rules = rules
        self.holidays = holidays
        window = start - LOOKBACK
        past = [s for s in history if window <= s.date < start]
        self.ledger = Ledger(past)
        # a person owes a share of the nights since they joined the roster
        self.weight = {v.id: max(1, serviceable(v, max(window, v.joined or window), end))
                       for v in people}
        self.load = {v.id: self.ledger.between(v.id, window, start - timedelta(days=1))
                     for v in people}
        self.special = {v.id: 0 for v in people}
        self.weekday = {v.id: [0] * 7 for v in people}
        for s in past:
            for p in s.volunteers:
                if p in self.weekday:
                    self.weekday[p][s.date.weekday()] += 1
                    self.special[p] += is_weekend(s.date) or s.date in holidays
        self.has_leaders = any(v.leader for v in people)
        self.rng = random.Random(seed)
        self.tiebreak: dict[int, float] = {}

    def required(self, night: _Night) -> list[int]:
        extra = night.holiday.extra if night.holiday else 0
        return [slot.required_on(day_key(night.date)) + extra for slot in self.rules.slots]

    def place(self, night: _Night, v: Volunteer, slot: int, leader: bool = False) -> None:
        night.people[slot].append(v.id)
        if v.household:
            night.households.add(v.household.casefold())
        if leader:
            night.leader = v.id
        self.ledger.add(v.id, night.date)
        self.load[v.id] += 1
        self.weekday[v.id][night.date.weekday()] += 1
        self.special[v.id] += night.special

    def order(self, night: _Night, v: Volunteer, as_member: bool) -> tuple[float, ...]:
        """Lower is taken first: relative load, weekend/holiday count, leaders kept for
        leading, weekday rotation, longest rest, then the seeded tie-break."""
        last = self.ledger.last_before(v.id, night.date)
        return ((self.load[v.id] + 1) / self.weight[v.id],
                self.special[v.id] if night.special else 0,
                1 if (as_member and v.leader) else 0,
                self.weekday[v.id][night.date.weekday()],
                -((night.date - last).days if last else 10_000),
                self.tiebreak.get(v.id, 0.0))

    def candidates(self, night: _Night, pool: list[Volunteer]) -> list[Volunteer]:
        found = [v for v in pool if v.id not in night.everyone
                 and blocked(v, night.date, self.ledger, self.rules) is None]
        self.tiebreak = {v.id: self.rng.random() for v in found}
        return found

    def fill_rotating(self, night: _Night, candidates: list[Volunteer]) -> None:
        required = self.required(night)
        if self.has_leaders and night.leader is None:
            leaders = sorted((v for v in candidates
                              if v.leader and not night.shares_household(v)),
                             key=lambda v: self.order(night, v, False))
            if leaders:
                self.place(night, leaders[0], 0, leader=True)
        ranked = sorted((v for v in candidates if v.id not in night.everyone),
                        key=lambda v: self.order(night, v, True))
        for slot in range(len(self.rules.slots)):
            for v in ranked:
                if len(night.people[slot]) >= required[slot]:
                    break
                if v.id not in night.everyone and not night.shares_household(v):
                    self.place(night, v, slot)

    def fill_team(self, night: _Night, candidates: list[Volunteer]) -> None:
        members = sorted(candidates, key=lambda v: (not v.leader, v.name.casefold()))
        for i, v in enumerate(members):
            if not night.shares_household(v):
                self.place(night, v, i % len(self.rules.slots),
                           leader=(night.leader is None and v.leader))


def build_schedule(volunteers: Sequence[Volunteer], rules: Rules, start: date, end: date, *,
                   history: Sequence[Shift] = (), existing: Sequence[Shift] = (),
                   holidays: dict[date, Holiday] | None = None, seed: int = 0,
                   mode: str = "rotate", fixed: bool = False, fresh: bool = False) -> Plan:
    """Plan every evening from ``start`` to ``end``.

    ``history`` holds shifts before ``start`` (never changed; they count towards fairness and
    the rest rule); ``existing`` holds the shifts already planned in the range, whose still-valid
    assignments are kept unless ``fresh``.
    """
    holidays = holidays or {}
    people = [v for v in volunteers if v.active and not v.purged]
    by_id = {v.id: v for v in people}
    b = _Builder(people, rules, start, end, history, holidays, seed)
    before = {s.key: s for s in existing if start <= s.date <= end}
    keep = {} if fresh else before
    teams = sorted({v.team for v in people if v.team}, key=str.casefold)
    by_team = mode == "teams" and bool(teams)
    plan = Plan(shifts=[])

    for d in nights(start, end):
        night = _Night(d, len(rules.slots), holidays.get(d))
        required = b.required(night)
        regu = team_for(d, teams, fixed) if by_team else None
        for slot in range(len(rules.slots)):  # keep what was planned and is still valid
            shift = keep.get((d, slot))
            for pid in shift.volunteers if shift else ():
                v = by_id.get(pid)
                if (v is None or len(night.people[slot]) >= required[slot]
                        or (by_team and v.team != regu)
                        or blocked(v, d, b.ledger, rules) or night.shares_household(v)):
                    continue
                b.place(night, v, slot, leader=(pid == shift.leader and v.leader))
        pool = [v for v in people if v.team == regu] if by_team else people
        candidates = b.candidates(night, pool)
        if by_team:
            b.fill_team(night, candidates)
        else:
            b.fill_rotating(night, candidates)
        if night.leader is None:
            night.leader = next((p for p in night.people[0] if by_id[p].leader), None)
        for slot in range(len(rules.slots)):
            ids = night.people[slot]
            leader = night.leader if night.leader in ids else None
            if leader is not None:
                ids = [leader] + [p for p in ids if p != leader]
            base = before.get((d, slot)) or Shift(d, slot)
            plan.shifts.append(base.with_changes(volunteers=tuple(ids), leader=leader,
                                                 short=None))
        if by_team:
            _note_team_gap(plan, night, pool, required, people, b, teams, fixed)

    if not by_team:
        for _ in range(3):  # balancing can free someone for a short night: fill last
            balance(plan.shifts, by_id, rules, b.ledger, b.load, b.weight)
            balance_special(plan.shifts, by_id, rules, b.ledger, b.special, holidays)
            if not fill_short(plan.shifts, by_id, b, holidays):
                break
        else:
            fill_short(plan.shifts, by_id, b, holidays)
    _explain_shortfalls(plan.shifts, people, rules, b.ledger, holidays, b.has_leaders)
    _count_changes(plan, before)
    return plan


def team_for(d: date, teams: list[str], fixed: bool) -> str | None:
    """The regu on duty on evening ``d``: nightly in turn; with seven regu and rotation, each
    regu moves one weekday earlier every week so Saturday passes round (earlier, not later,
    so that no regu serves two nights in a row across the week's end)."""
    if not teams:
        return None
    k = (d - TEAM_ANCHOR).days
    shift = 0 if fixed or len(teams) != 7 else k // 7
    return teams[(k + shift) % len(teams)]


def _note_team_gap(plan: Plan, night: _Night, pool: list[Volunteer], required: list[int],
                   people: list[Volunteer], b: _Builder, teams: list[str], fixed: bool) -> None:
    """A regu short on its night: who is missing, and who from other regu is free and rested."""
    missing = [v.id for v in pool if v.id not in night.everyone]
    placed = sum(len(p) for p in night.people)
    if not missing or (placed >= sum(required) and night.leader is not None):
        return
    team = team_for(night.date, teams, fixed)
    free = [v for v in people if v.team != team and not night.shares_household(v)
            and blocked(v, night.date, b.ledger, b.rules) is None]
    free.sort(key=lambda v: (b.load[v.id] / b.weight[v.id], v.name.casefold()))
    plan.team_gaps.append((night.date, team, missing, [v.id for v in free[:3]]))


def _explain_shortfalls(shifts: list[Shift], people: list[Volunteer], rules: Rules,
                        ledger: Ledger, holidays: dict[date, Holiday],
                        has_leaders: bool) -> None:
    """Say for each short slot why it is short, read from the final plan, so every reason
    is true of the schedule as saved."""
    by_night = night_index(shifts)
    for d, indexes in by_night.items():
        holiday = holidays.get(d)
        extra = holiday.extra if holiday else 0
        on_night = {p for j in indexes for p in shifts[j].volunteers}
        households = {v.household.casefold() for v in people
                      if v.id in on_night and v.household}
        night_leader = any(shifts[j].leader for j in indexes)
        for i in indexes:
            s = shifts[i]
            required = rules.slots[s.slot].required_on(day_key(d)) + extra
            no_leader = has_leaders and s.slot == 0 and not night_leader
            if len(s.volunteers) >= required and not no_leader:
                shifts[i] = s.with_changes(short=None)
                continue
            exclusions = []
            for v in people:
                if v.id in on_night:
                    continue
                why = blocked(v, d, ledger, rules)
                if why is None and v.household and v.household.casefold() in households:
                    why = Exclusion(v.id, "household", v.household)
                if why is not None:
                    exclusions.append(why)
            listed = sorted(exclusions, key=lambda e: (
                RULE_ORDER.index(e.rule) if e.rule in RULE_ORDER else 99, e.volunteer))
            shifts[i] = s.with_changes(short=Shortfall(len(s.volunteers), required,
                                                       tuple(listed[:MAX_LISTED]), no_leader))


def _count_changes(plan: Plan, before: dict[tuple[date, int], Shift]) -> None:
    for s in plan.shifts:
        old = set(before[s.key].volunteers) if s.key in before else set()
        new = set(s.volunteers)
        plan.kept += len(old & new)
        plan.added += len(new - old)
        plan.removed += len(old - new)
