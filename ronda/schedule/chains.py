"""Ejection chains: filling a place, giving a shift its leader, or taking a duty off the busiest
person, by moving people along a short chain of nights when nobody can simply step in.

A chain: the place on night d goes to p, who could come if p left their duty on night e (the
rest or the weekly rule); p's place on e goes to q, who could come if q left night f; and so on,
until someone free takes the last place. Everyone on the chain keeps their number of duties
except the one at its end, who gets one more; that person is the least busy who can, and when
a duty is being taken off someone, only a person at least two duties lighter.

Settled shifts and duties kept from before (``frozen``) never move; a leader's place goes
to a leader; nothing here breaks a hard rule (every step is checked with ``blocked``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Protocol

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.schedule.rebalance import night_index
from ronda.schedule.rules import Ledger, Rules, blocked, blocks, needs_leader
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

MOVABLE = frozenset({"rest", "week", "tonight"})  # what leaving another duty can cure
BUDGET = 1000  # steps one chain search may take: bounded time on any roster
TOTAL_BUDGET = 10_000  # steps all searches of one build may take together
NO_LIMIT = float("inf")


class RunningBuild(Protocol):
    """What the chains read and update of a build in progress: the rules, the ledger of
    duties, each person's total load, the leader rule, the shifts nothing may change and the
    duties kept from before (``frozen``: (shift index, person))."""

    rules: Rules
    ledger: Ledger
    timetable: Timetable
    load: dict[int, float]
    has_leaders: bool
    leader_per_shift: bool
    settled: set[tuple[date, int]]
    frozen: set[tuple[int, int]]
    pinned: set[tuple[int, int]]


class Chains:
    """A plan being repaired: its shifts, who is on which, and the running build's ledger
    and loads (all kept up to date by every move)."""

    def __init__(self, shifts: list[Shift], by_id: dict[int, Volunteer],
                 b: RunningBuild) -> None:
        self.shifts, self.by_id, self.b = shifts, by_id, b
        self.rules, self.ledger, self.load = b.rules, b.ledger, b.load
        self.by_night = night_index(shifts)
        self.duties: dict[int, set[int]] = defaultdict(set)
        for i, s in enumerate(shifts):
            for p in s.volunteers:
                self.duties[p].add(i)
        # what a chain may not move: every duty kept from before (a rebuild changes as little
        # as it can); ``loosen`` lets kept duties move too, for places nothing else fills
        self.fixed = b.frozen
        self.leaders = [p for p, v in by_id.items() if v.leader]
        self.steps = 0
        self.spent = 0
        self.journal: list[tuple[int, int, Shift, int]] = []

    # -- the state -------------------------------------------------------------------------
    def settled(self, i: int) -> bool:
        return self.shifts[i].key in self.b.settled

    def required(self, i: int) -> int:
        return self.b.timetable.required_of(self.shifts[i])

    def short(self, i: int) -> bool:
        return not self.settled(i) and len(self.shifts[i].volunteers) < self.required(i)

    def wants_leader(self, i: int) -> bool:
        """Whether shift ``i`` lacks the leader the rule asks for (every shift when there is
        a leader for each of a night's shifts, else one a night)."""
        if not self.b.has_leaders or self.settled(i) or self.required(i) == 0:
            return False
        night = [self.shifts[j] for j in self.by_night[self.shifts[i].date]]
        return needs_leader(self.shifts[i], night, self.b.leader_per_shift)

    def add(self, i: int, p: int, *, lead: bool = False) -> None:
        before = self.shifts[i]
        ids = (p, *before.volunteers) if lead else (*before.volunteers, p)
        self.shifts[i] = before.with_changes(volunteers=ids, leader=p if lead else before.leader)
        self.ledger.add(p, before.date)
        self.load[p] += 1
        self.duties[p].add(i)
        self.journal.append((i, p, before, +1))

    def remove(self, i: int, p: int) -> bool:
        """Take ``p`` off shift ``i``; whether they were its leader."""
        before = self.shifts[i]
        led = before.leader == p
        self.shifts[i] = before.with_changes(
            volunteers=tuple(x for x in before.volunteers if x != p),
            leader=None if led else before.leader)
        self.ledger.remove(p, before.date)
        self.load[p] -= 1
        self.duties[p].discard(i)
        self.journal.append((i, p, before, -1))
        return led

    def lead(self, i: int, p: int) -> None:
        """``p``, already on shift ``i``, leads it."""
        before = self.shifts[i]
        self.shifts[i] = before.with_changes(
            leader=p, volunteers=(p, *(x for x in before.volunteers if x != p)))
        self.journal.append((i, p, before, 0))

    def rollback(self, mark: int) -> None:
        """Undo every move since ``mark`` (a length of the journal), last first."""
        while len(self.journal) > mark:
            i, p, before, change = self.journal.pop()
            self.shifts[i] = before
            if change > 0:
                self.ledger.remove(p, before.date)
                self.load[p] -= 1
                self.duties[p].discard(i)
            elif change < 0:
                self.ledger.add(p, before.date)
                self.load[p] += 1
                self.duties[p].add(i)

    def by_load(self, leaders_only: bool) -> list[int]:
        return sorted(self.leaders if leaders_only else self.by_id,
                      key=lambda p: (self.load[p], p))

    # -- the search ------------------------------------------------------------------------
    def _releases(self, p: int, d: date) -> Iterator[tuple[int, ...]]:
        """The shifts ``p`` could leave (one, else two: the nights on either side) to become
        free for night ``d``."""
        why = {e.rule for e in blocks(self.by_id[p], d, self.ledger, self.rules)}
        if not why or not why <= MOVABLE:
            return
        reach = timedelta(days=max(self.rules.rest, 6))
        dates = self.ledger.dates.get(p, [])  # sorted: only the nights within reach
        around = dates[bisect_left(dates, d - reach):bisect_right(dates, d + reach)]
        near = [j for e in sorted(set(around), key=lambda e: abs((e - d).days))
                for j in self.by_night.get(e, ()) if j in self.duties[p]
                and (j, p) not in self.fixed and not self.settled(j)][:4]
        for j in near:
            if blocked(self.by_id[p], d, self.ledger, self.rules,
                       ignore=self.shifts[j].date) is None:
                yield (j,)
        before = [j for j in near if self.shifts[j].date < d][:1]
        after = [j for j in near if self.shifts[j].date > d][:1]
        for j, k in zip(before, after, strict=False):  # the nights on either side
            e, f = self.shifts[j].date, self.shifts[k].date
            self.ledger.remove(p, e)
            self.ledger.remove(p, f)
            free = blocked(self.by_id[p], d, self.ledger, self.rules) is None
            self.ledger.add(p, e)
            self.ledger.add(p, f)
            if free:
                yield (j, k)

    def fill(self, i: int, *, lead: bool, depth: int, limit: float = NO_LIMIT,
             passing: frozenset[int] = frozenset(), exclude: frozenset[int] = frozenset()
             ) -> bool:
        """Put one more person on shift ``i`` (a leader, as its leader, when ``lead``): someone
        free whose load stays under ``limit``, or, ``depth`` steps deep, someone who leaves
        another night whose place is filled the same way. Who already moved on this chain
        (``passing``) does not move again but may end it; ``exclude`` does neither."""
        self.steps += 1
        self.spent += 1
        if self.steps > BUDGET or self.spent > TOTAL_BUDGET:
            return False
        d = self.shifts[i].date
        candidates = self.by_load(lead)
        if not candidates or self.load[candidates[0]] + 1 > limit:
            return False  # nobody light enough could end the chain
        if lead and self._promote(i, depth, limit, passing, exclude):
            return True
        on = set(self.shifts[i].volunteers)
        key = DAY_KEYS[d.weekday()]
        candidates = [p for p in candidates  # the roster's own rules first: cheap
                      if key in self.by_id[p].days and self.by_id[p].away_on(d) is None]
        for p in candidates:  # someone free
            if self.load[p] + 1 > limit:
                break
            if p in exclude or p in on:
                continue
            if blocked(self.by_id[p], d, self.ledger, self.rules) is None:
                self.add(i, p, lead=lead)
                return True
        if depth == 0:
            return False
        for p in candidates:  # someone who can leave another night
            if p in passing or p in exclude or p in on:
                continue
            self.steps += 1
            self.spent += 1
            if self.steps > BUDGET or self.spent > TOTAL_BUDGET:
                return False
            for js in list(self._releases(p, d)):
                self.steps += len(js)
                self.spent += len(js)
                if self.steps > BUDGET or self.spent > TOTAL_BUDGET:
                    return False
                mark = len(self.journal)
                led = [self.remove(j, p) for j in js]
                self.add(i, p, lead=lead)
                if all(self.fill(j, lead=was and self.wants_leader(j), depth=depth - 1,
                                 limit=limit, passing=passing | {p}, exclude=exclude)
                       for j, was in zip(js, led, strict=True)):
                    return True
                self.rollback(mark)
        return False

    def _promote(self, i: int, depth: int, limit: float, passing: frozenset[int],
                 exclude: frozenset[int]) -> bool:
        """A leader already on the shift as a member leads it; the place is filled as an
        ordinary one."""
        s = self.shifts[i]
        if s.leader is not None:
            return False
        for p in s.volunteers:
            if p not in self.by_id or not self.by_id[p].leader:
                continue
            mark = len(self.journal)
            self.lead(i, p)
            if self.fill(i, lead=False, depth=depth, limit=limit, passing=passing,
                         exclude=exclude):
                return True
            self.rollback(mark)
        return False

    def search(self, i: int, *, lead: bool, depth: int, limit: float = NO_LIMIT,
               exclude: frozenset[int] = frozenset()) -> bool:
        """``fill`` with a fresh step budget."""
        self.steps = 0
        self.journal.clear()  # nothing before this search is ever undone
        return self.fill(i, lead=lead, depth=depth, limit=limit, exclude=exclude)

    # -- what the builder asks for ---------------------------------------------------------
    def could_come(self, i: int, lead: bool) -> bool:
        """Whether anyone not on the night could come by weekday and away periods alone
        (if nobody could, no chain can fill the place)."""
        d = self.shifts[i].date
        night = {p for j in self.by_night[d] for p in self.shifts[j].volunteers}
        key = DAY_KEYS[d.weekday()]
        return any(p not in night and key in self.by_id[p].days and not self.by_id[p].away_on(d)
                   for p in (self.leaders if lead else self.by_id))

    def fill_places(self, depth: int) -> bool:
        """Fill every place that can be filled, a leader first where one is wanted."""
        changed = False
        for i in range(len(self.shifts)):
            while self.short(i) and self.could_come(i, False):
                lead = self.wants_leader(i)
                if (lead and self.search(i, lead=True, depth=depth)) or \
                        self.search(i, lead=False, depth=depth):
                    changed = True
                else:
                    break
        return changed

    def give_leaders(self, depth: int) -> bool:
        """Give each shift that lacks its leader one, in place of its busiest ordinary member
        when the shift is full."""
        changed = False
        for i in range(len(self.shifts)):
            if not self.wants_leader(i) or not self.could_come(i, True):
                continue
            s = self.shifts[i]
            members = [p for p in s.volunteers if p in self.by_id and not self.by_id[p].leader
                       and (i, p) not in self.b.pinned]
            outs: list[int | None] = [None] if len(s.volunteers) < self.required(i) else \
                sorted(members, key=lambda p: -self.load[p])
            for out in outs:
                if out is not None:
                    self.remove(i, out)
                if self.search(i, lead=True, depth=depth,
                               exclude=frozenset() if out is None else frozenset({out})):
                    changed = True
                    break
                if out is not None:
                    self.add(i, out)
        return changed

    def loosen(self) -> None:
        """From now on chains may move duties kept from before (not settled shifts or hand
        placements): filling a place or a leader post comes before keeping the plan still."""
        self.fixed = self.b.pinned

    def lighten(self, depth: int) -> bool:
        """Take duties off the busiest people while someone at least two duties lighter can
        have one (at the end of a chain): the busiest load goes down, the lightest up."""
        self.fixed = self.b.frozen
        changed = False
        for a in sorted(self.by_id, key=lambda p: -self.load[p]):
            floor = min(self.load.values(), default=0)
            if self.load[a] < floor + 2 - 1e-9:
                break
            for i in sorted(self.duties[a]):
                if (i, a) in self.b.frozen or self.settled(i):
                    continue
                before = self.load[a]
                led = self.remove(i, a)
                if self.search(i, lead=led, depth=depth, limit=before - 1 + 1e-9,
                               exclude=frozenset({a})):
                    changed = True
                    break
                self.add(i, a, lead=led)
        return changed
