"""Building a fair rotating schedule: a pure function of roster, rules, history, range and seed.

Hard rules are never broken: a person is placed only on days they are available and not away,
at most once a night, with the rest nights kept, within their weekly maximum, never two from one
household on a night, and with a leader on each shift where the roster has a leader for every
shift of a night (one a night where it has fewer). A slot that
cannot be filled within the rules stays short, and its ``Shortfall`` says who was ruled out why.

Fairness comes from the order candidates are taken in: the lowest total (duties in the fairness
window included; every duty counts the same for everyone), then weekend and holiday nights as
their own count, then weekday rotation and the longest rest since the last duty. With a handful
of leaders their nights are planned over the whole range first (``leaders.py``). Ejection chains
(``chains.py``) then fill what is left and take duties off the busiest, and weekend nights are
traded for ordinary ones (``rebalance.py``).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from heapq import heappop, heappush

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.schedule.chains import Chains
from ronda.schedule.exact import fill_exactly, lighten_exactly, solvable_at_once
from ronda.schedule.groups import balance_kinds
from ronda.schedule.history import PastLoad, history_loads, past_loads
from ronda.schedule.leaders import LeaderCounts, plan_leaders, rotate_leaders
from ronda.schedule.newcomers import give_fair_share
from ronda.schedule.rebalance import balance, balance_special
from ronda.schedule.rules import (
    ROSTER_RULES,
    Bends,
    Ledger,
    Rules,
    blocked,
    blocks,
    leader_rule,
    nights,
    serviceable,
    wants_leader,
)
from ronda.schedule.shifts import (
    WEEKEND_DAYS,
    Holiday,
    PlanChange,
    Shift,
    diff_plans,
    is_weekend,
    pinned,
)
from ronda.schedule.shortfalls import explain_shortfalls
from ronda.schedule.timetable import Timetable
from ronda.schedule.wishes import honour_wishes

__all__ = ["Ledger", "PastLoad", "Plan", "Rules", "blocked", "build_schedule", "nights",
           "past_loads", "serviceable", "team_for"]

TEAM_ANCHOR = date(2024, 1, 1)  # a Monday: team rotation is counted from here, so it is stable


@dataclass
class Plan:
    """The result of a build: the shifts of the range and how they differ from before."""

    shifts: list[Shift]
    kept: int = 0
    added: int = 0
    removed: int = 0
    moved: list[PlanChange] = field(default_factory=list)
    team_gaps: list[tuple[date, str, list[int], list[int]]] = field(default_factory=list)


class _Night:
    """The people placed on one evening, slot by slot, with each slot's leader."""

    def __init__(self, d: date, slots: int, holiday: Holiday | None) -> None:
        self.date = d
        self.holiday = holiday
        self.people: list[list[int]] = [[] for _ in range(slots)]
        self.leaders: list[int | None] = [None] * slots

    @property
    def special(self) -> bool:
        return is_weekend(self.date) or self.holiday is not None

    def needs_leader(self, slot: int, per_shift: bool) -> bool:
        """Whether ``slot`` still wants a leader: every slot when the roster has enough
        leaders for one a shift, else one a night."""
        return wants_leader(self.leaders, slot, per_shift)


class _Builder:
    """The running state of one build: loads, weekday counts and the ledger of duties."""

    def __init__(self, people: list[Volunteer], rules: Rules, timetable: Timetable,
                 start: date, end: date, history: Sequence[Shift], seed: int) -> None:
        self.people = people
        self.rules = rules
        self.timetable = timetable
        self.holidays = timetable.holidays
        window = start - timedelta(days=rules.fairness_window)
        past = [s for s in history if window <= s.date < start]
        self.past = past
        self.ledger = Ledger(past, people)
        # every duty counts the same for everyone: availability lowers a share only where it
        # binds (max-min fairness), never in proportion
        self.load = history_loads(people, past, window, start)
        self.special = {v.id: 0 for v in people}
        self.weekday = {v.id: [0] * 7 for v in people}
        for s in past:
            for p in s.volunteers:
                if p in self.weekday:
                    self.weekday[p][s.date.weekday()] += 1
                    self.special[p] += is_weekend(s.date) or s.date in self.holidays
        self.has_leaders, self.leader_per_shift = leader_rule(people, len(rules.slots))
        rng = random.Random(seed)
        self.tiebreak = {v.id: rng.random() for v in people}
        self.by_id = {v.id: v for v in people}
        self.weekdays = {v.id: [DAY_KEYS.index(d) for d in v.days] for v in people}
        # a weekday someone would rather not: asked last among equals (preferred weekdays
        # are met by the trades afterwards: one such night is the wish, not all of them)
        self.wish = {v.id: [-2 if k in v.avoid else 0 for k in DAY_KEYS] for v in people}
        self.last = {v.id: -1 for v in people}
        for s in past:
            for p in s.volunteers:
                if p in self.last:
                    self.last[p] = max(self.last[p], s.date.toordinal())
        self.version = {v.id: 0 for v in people}
        self.queues: dict[tuple[str, int], list[tuple]] = {}
        self.frozen: set[tuple[int, int]] = set()  # (shift index, person) the passes keep
        self.pinned: set[tuple[int, int]] = set()  # of those, what even a leader cannot move
        self.settled: set[tuple[date, int]] = set()  # shifts nothing may change

    def free(self, v: Volunteer, night: _Night) -> bool:
        return blocked(v, night.date, self.ledger, self.rules) is None

    def place_id(self, night: _Night, pid: int, slot: int, leader: bool = False) -> None:
        """Place someone as they stand on a settled shift, on the roster or not."""
        night.people[slot].append(pid)
        if leader:
            night.leaders[slot] = pid
        self.ledger.add(pid, night.date)
        if pid in self.load:
            self._count(pid, night)

    def place(self, night: _Night, v: Volunteer, slot: int, leader: bool = False) -> None:
        night.people[slot].append(v.id)
        if leader:
            night.leaders[slot] = v.id
        self.ledger.add(v.id, night.date)
        self._count(v.id, night)

    def _count(self, pid: int, night: _Night) -> None:
        self.load[pid] += 1
        self.weekday[pid][night.date.weekday()] += 1
        self.special[pid] += night.special
        self.last[pid] = max(self.last[pid], night.date.toordinal())
        if self.queues:
            self._enqueue(pid)

    # Who is asked first, per weekday: the lowest total load (history included), then not
    # who would rather not have the weekday, then on Friday and Saturday the fewest such
    # nights, then (for a member's place) non-leaders,
    # kept for leading, then the fewest duties on this weekday (so weekdays rotate), then the
    # longest rest since the last duty, then a seeded tie-break. Each weekday has a heap of
    # everyone available that day and one of its leaders; an entry is stale once the
    # person's counts changed (lazy deletion), so a night costs a few heap operations per
    # place instead of a pass over the whole roster.
    def _key(self, pid: int, weekday: int, as_member: bool) -> tuple[float, ...]:
        return (self.load[pid], -self.wish[pid][weekday],
                self.special[pid] if weekday in WEEKEND_DAYS else 0,
                1 if as_member and self.by_id[pid].leader else 0, self.weekday[pid][weekday],
                self.last[pid], self.tiebreak[pid])

    def _enqueue(self, pid: int) -> None:
        self.version[pid] += 1
        v, version = self.by_id[pid], self.version[pid]
        for w in self.weekdays[pid]:
            heappush(self.queues[("member", w)], (self._key(pid, w, True), version, pid))
            if v.leader:
                heappush(self.queues[("leader", w)], (self._key(pid, w, False), version, pid))

    def start_queues(self) -> None:
        """Fill the heaps once everything kept from before is placed."""
        self.queues = defaultdict(list)
        for v in self.people:
            self._enqueue(v.id)

    def _next_free(self, kind: str, night: _Night, skipped: list[tuple[str, tuple]]
                   ) -> Volunteer | None:
        heap = self.queues[(kind, night.date.weekday())]
        while heap:
            entry = heappop(heap)
            _, version, pid = entry
            if version != self.version[pid]:
                continue  # stale: the person's counts changed since
            skipped.append((kind, entry))  # back in once the night is planned
            v = self.by_id[pid]
            if self.free(v, night):
                return v
        return None

    def fill_rotating(self, night: _Night, open_slots: Sequence[int]) -> None:
        required = self.timetable.required_night(night.date)
        skipped: list[tuple[str, tuple]] = []
        if self.has_leaders:
            for slot in open_slots:
                if not night.needs_leader(slot, self.leader_per_shift) \
                        or len(night.people[slot]) >= required[slot]:
                    continue  # no leader wanted, or duties kept from before fill the shift
                chosen = self._next_free("leader", night, skipped)
                if chosen is not None:
                    self.place(night, chosen, slot, leader=True)
        for slot in open_slots:
            while len(night.people[slot]) < required[slot]:
                chosen = self._next_free("member", night, skipped)
                if chosen is None:
                    break
                self.place(night, chosen, slot)
        for kind, entry in skipped:
            if entry[1] == self.version[entry[2]]:
                heappush(self.queues[(kind, night.date.weekday())], entry)

    def candidates(self, night: _Night, pool: list[Volunteer]) -> list[Volunteer]:
        """Everyone of ``pool`` free on ``night`` (the regu mode asks its own members)."""
        return [v for v in pool if self.free(v, night)]

    def fill_team(self, night: _Night, candidates: list[Volunteer],
                  open_slots: Sequence[int]) -> None:
        members = sorted(candidates, key=lambda v: (not v.leader, v.name.casefold()))
        if not open_slots:
            return
        for i, v in enumerate(members):
            slot = open_slots[i % len(open_slots)]
            if self.free(v, night):
                self.place(night, v, slot, leader=(
                    v.leader and night.needs_leader(slot, self.leader_per_shift)))


def build_schedule(volunteers: Sequence[Volunteer], rules: Rules, start: date, end: date, *,
                   history: Sequence[Shift] = (), existing: Sequence[Shift] = (),
                   holidays: dict[date, Holiday] | None = None, seed: int = 0,
                   mode: str = "rotate", fixed: bool = False, fresh: bool = False,
                   settled: Collection[tuple[date, int]] = (), unpin: bool = False) -> Plan:
    """Plan every evening from ``start`` to ``end``.

    ``history`` holds shifts before ``start`` (never changed; they count towards fairness and
    the rest rule). ``existing`` holds the shifts already planned in the range: those in
    ``settled`` (started, or with attendance recorded) stay exactly as they are; people put
    on a shift by hand (a swap or exchange) stay unless ``unpin``; every other assignment that
    still fits the rules stays unless ``fresh``. All of these are placed before any place is
    filled and the balancing passes never move them, so a rebuild changes as few duties as
    the rules allow.
    """
    timetable = Timetable(rules.slots, holidays=holidays or {})
    people = [v for v in volunteers if v.active and not v.purged]
    by_id = {v.id: v for v in people}
    b = _Builder(people, rules, timetable, start, end, history, seed)
    before = planned = {s.key: s for s in existing if start <= s.date <= end}
    teams = sorted({v.team for v in people if v.team}, key=str.casefold)
    by_team = mode == "teams" and bool(teams)
    plan = Plan(shifts=[])
    slots = range(len(rules.slots))
    range_nights = {d: _Night(d, len(rules.slots), timetable.holidays.get(d))
                    for d in nights(start, end)}
    kept: set[tuple[date, int, int]] = set()  # (evening, slot, person) never moved
    placed_by_hand: set[tuple[date, int, int]] = set()  # of those, swaps and exchanges

    # settled shifts planned under slots the night no longer has: kept, counted in the ledger
    outside = [s for k, s in before.items() if k in settled and s.slot >= len(rules.slots)]
    for s in outside:
        for pid in s.volunteers:
            b.ledger.add(pid, s.date)
    for d, night in range_nights.items():  # settled shifts and hand placements first
        for slot in slots:
            shift = before.get((d, slot))
            if shift is None:
                continue
            if (d, slot) in settled:
                for pid in shift.volunteers:
                    b.place_id(night, pid, slot, leader=pid == shift.leader)
                    kept.add((d, slot, pid))
            elif not fresh and not unpin:
                for pid in sorted(pinned(shift)):  # unless the roster now rules them out
                    v = by_id.get(pid)
                    if v is None or b.ledger.between(pid, d, d) or any(
                            why.rule in ROSTER_RULES for why in blocks(v, d, b.ledger, rules)):
                        continue
                    b.place(night, v, slot, leader=pid == shift.leader and v.leader)
                    kept.add((d, slot, pid))
                    placed_by_hand.add((d, slot, pid))
    required_of = {d: timetable.required_night(d) for d in range_nights}
    bends = Bends([*history, *existing], rules)  # rules bent by hand on purpose
    if not fresh:  # then what was planned and still fits, with a newcomer's share given
        before = _welcomed(before, people, rules, timetable, history, settled)
        for d, night in range_nights.items():
            regu = team_for(d, teams, fixed) if by_team else None
            for slot in slots:
                shift = before.get((d, slot))
                if shift is None or (d, slot) in settled:
                    continue
                for pid in shift.volunteers:
                    v = by_id.get(pid)
                    if (v is None or (d, slot, pid) in kept
                            or len(night.people[slot]) >= required_of[d][slot]
                            or (by_team and v.team != regu)):
                        continue
                    if any(unpin or not bends.accepted(pid, d, why.rule)
                           for why in blocks(v, d, b.ledger, rules)):
                        continue
                    b.place(night, v, slot, leader=(pid == shift.leader and v.leader))
                    kept.add((d, slot, pid))

    if not by_team and b.has_leaders:
        _lead_in_turn(b, range_nights, required_of, settled, kept)
    b.start_queues()
    for d, night in range_nights.items():
        required = required_of[d]
        regu = team_for(d, teams, fixed) if by_team else None
        open_slots = [i for i in slots if (d, i) not in settled]
        pool = [v for v in people if v.team == regu] if by_team else people
        if by_team:
            b.fill_team(night, b.candidates(night, pool), open_slots)
        else:
            b.fill_rotating(night, open_slots)
        for slot in open_slots:
            if night.needs_leader(slot, b.leader_per_shift):
                night.leaders[slot] = next((p for p in night.people[slot]
                                            if p in by_id and by_id[p].leader), None)
        for slot in slots:
            if (d, slot) in settled:  # as it was; a past place never planned stays empty
                if (d, slot) in before:
                    plan.shifts.append(before[(d, slot)])
                continue
            base = before.get((d, slot)) or Shift(d, slot)
            # people kept from before keep their order
            earlier = {} if fresh else {p: i for i, p in enumerate(base.volunteers)}
            ids = sorted(night.people[slot], key=lambda p: earlier.get(p, len(earlier)))
            leader = night.leaders[slot]
            if leader is not None:
                ids = [leader] + [p for p in ids if p != leader]
            plan.shifts.append(base.with_changes(volunteers=tuple(ids), leader=leader,
                                                 short=None, start=rules.slots[slot].start,
                                                 end=rules.slots[slot].end))
        if by_team:
            _note_team_gap(plan, night, pool, required, people, b, teams, fixed)

    plan.shifts = sorted([*plan.shifts, *outside], key=lambda s: s.key)
    frozen = {(i, p) for i, s in enumerate(plan.shifts) for p in s.volunteers
              if (s.date, s.slot, p) in kept or s.key in settled}
    b.frozen, b.settled = frozen, set(settled)
    # a kept duty may still make way for a leader where a shift lacks one (coverage comes
    # before stability); settled shifts and hand placements never do
    b.pinned = {(i, p) for i, s in enumerate(plan.shifts) for p in s.volunteers
                if (s.date, s.slot, p) in placed_by_hand or s.key in settled}
    if not by_team:
        _even_out(plan.shifts, by_id, b, rules, timetable.holidays)
    explain_shortfalls(plan.shifts, people, rules, b.ledger, timetable,
                       regu_of=(lambda d: team_for(d, teams, fixed)) if by_team else None)
    # settled shifts stay exactly as they were, their shortfall notes included
    plan.shifts = [before[s.key] if s.key in settled else s for s in plan.shifts]
    _count_changes(plan, planned)
    plan.moved = diff_plans(list(planned.values()), plan.shifts, "rebuild", "")
    return plan


def _welcomed(before: dict[tuple[date, int], Shift], people: list[Volunteer], rules: Rules,
              timetable: Timetable, history: Sequence[Shift],
              settled: Collection[tuple[date, int]]) -> dict[tuple[date, int], Shift]:
    """The plan as it was, with whoever it leaves without a single night (someone added with
    the plan already made) given their fair share of its open shifts (``give_fair_share``)."""
    planned = {p for s in before.values() for p in s.volunteers}
    left_out = [v.id for v in people if v.id not in planned]
    if not planned or not left_out:
        return before
    shifts = dict(before)
    give_fair_share(shifts, [k for k, s in before.items() if k not in settled
                             and timetable.required_of(s) > 0],
                    Ledger([*history, *before.values()], people), people, rules, left_out)
    return shifts


def _lead_in_turn(b: _Builder, range_nights: dict[date, _Night],
                  required_of: dict[date, list[int]], settled: Collection[tuple[date, int]],
                  kept: set[tuple[date, int, int]]) -> None:
    """Plan who leads which night over the whole range first: leaders in turn
    (``rotate_leaders``) when that leads every wanted post, else the exact plan of
    ``plan_leaders`` (a handful of leaders, tightly bound by rest), unless some leader's
    nights are already fixed from before."""
    leaders = [v for v in b.people if v.leader]
    if any(b.by_id.get(p) is not None and b.by_id[p].leader for _, _, p in kept) or any(
            d in range_nights for d, _ in settled):
        return
    open_slots = {d: [i for i, n in enumerate(required_of[d]) if n > 0] for d in range_nights}
    wanted = {d: (len(slots) if b.leader_per_shift else min(1, len(slots)))
              for d, slots in open_slots.items()}
    counts = LeaderCounts(b.load, b.special, b.weekday, b.last, b.tiebreak,
                          frozenset(d for d, night in range_nights.items() if night.special))
    plan = rotate_leaders(leaders, list(range_nights), wanted, b.rules, b.ledger, counts) \
        or plan_leaders(leaders, list(range_nights), wanted, b.rules, b.ledger, b.people)
    for d, chosen in (plan or {}).items():
        for slot, pid in zip(open_slots[d], chosen, strict=False):
            b.place(range_nights[d], b.by_id[pid], slot, leader=True)


def _even_out(shifts: list[Shift], by_id: dict[int, Volunteer], b: _Builder, rules: Rules,
              holidays: dict[date, Holiday]) -> None:
    """After the nights are planned in order: fill every place and leader want the rules
    allow (criterion 1), take duties off the busiest while someone two lighter can have them
    (2 and 3), then even out Friday/Saturday and holiday nights by trades (4), and each kind
    of night within each group of equals (``balance_kinds``)."""
    chains = Chains(shifts, by_id, b)
    # a range small enough to solve at once leaves to the exact pass what short chains miss;
    # a longer one searches deeper chains first and solves only the nights around what is left
    deepest = 2 if solvable_at_once(chains) else 3
    for depth in range(deepest + 1):  # the shallowest chain that works: fewest people moved
        chains.fill_places(depth)
        chains.give_leaders(depth)
    chains.loosen()  # what is still open may move duties kept from before
    chains.fill_places(deepest)
    chains.give_leaders(deepest)
    proved = fill_exactly(chains)  # what no chain reaches: the nights around it solved exactly
    balance(shifts, by_id, rules, b.ledger, b.load, b.frozen)
    chains = Chains(shifts, by_id, b)
    _lighten(chains)
    if not proved and lighten_exactly(chains):  # the busiest as light as can be, proved
        _lighten(chains)
    balance_special(shifts, by_id, rules, b.ledger, b.special, holidays, b.frozen)
    honour_wishes(shifts, b.people, rules, b.ledger, b.frozen)
    balance_kinds(shifts, b.people, rules, b.ledger, holidays, b.past, b.frozen)
    chains = Chains(shifts, by_id, b)
    chains.fill_places(deepest)
    chains.give_leaders(deepest)


def _lighten(chains: Chains) -> None:
    for depth in (1, 2):
        while chains.lighten(depth):
            pass


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
    placed_ids = {p for slot in night.people for p in slot}
    missing = [v.id for v in pool if v.id not in placed_ids]
    led = not any(night.needs_leader(i, b.leader_per_shift) for i in range(len(required)))
    if not missing or (len(placed_ids) >= sum(required) and (led or not b.has_leaders)):
        return
    team = team_for(night.date, teams, fixed)
    free = [v for v in people if v.team != team and b.free(v, night)]
    free.sort(key=lambda v: (b.load[v.id], v.name.casefold()))
    plan.team_gaps.append((night.date, team, missing, [v.id for v in free[:3]]))


def _count_changes(plan: Plan, before: dict[tuple[date, int], Shift]) -> None:
    for s in plan.shifts:
        old = set(before[s.key].volunteers) if s.key in before else set()
        new = set(s.volunteers)
        plan.kept += len(old & new)
        plan.added += len(new - old)
        plan.removed += len(old - new)
