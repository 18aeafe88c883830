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
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ronda.dates import DAY_KEYS, day_key
from ronda.model import Settings, Slot, Volunteer
from ronda.shifts import Exclusion, Holiday, Shift, Shortfall, is_weekend

LOOKBACK = timedelta(days=56)  # duties in the eight weeks before a build count towards fairness
TEAM_ANCHOR = date(2024, 1, 1)  # a Monday: team rotation is counted from here, so it is stable
MAX_LISTED = 12
RULE_ORDER = ("away", "rest", "week", "day", "household", "tonight")


@dataclass(frozen=True)
class Rules:
    """The scheduling rules of a neighbourhood."""

    slots: tuple[Slot, ...]
    rest: int = 2
    max_per_week: int | None = None

    @classmethod
    def of(cls, settings: Settings) -> Rules:
        return cls(settings.slots, settings.rest, settings.max_per_week)


@dataclass
class Plan:
    """The result of a build: the shifts of the range and how they differ from before."""

    shifts: list[Shift]
    kept: int = 0
    added: int = 0
    removed: int = 0
    team_gaps: list[tuple[date, str, list[int], list[int]]] = field(default_factory=list)


def nights(start: date, end: date) -> list[date]:
    """Every evening from ``start`` to ``end``, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


class Ledger:
    """Who is on duty when: sorted duty dates per person, for the rest and weekly rules."""

    def __init__(self, shifts: Iterable[Shift] = ()) -> None:
        self.dates: dict[int, list[date]] = defaultdict(list)
        for shift in shifts:
            for pid in shift.volunteers:
                self.add(pid, shift.date)

    def add(self, pid: int, d: date) -> None:
        insort(self.dates[pid], d)

    def remove(self, pid: int, d: date) -> None:
        self.dates[pid].remove(d)

    def between(self, pid: int, first: date, last: date) -> int:
        ds = self.dates.get(pid, [])
        return bisect_right(ds, last) - bisect_left(ds, first)

    def last_before(self, pid: int, d: date) -> date | None:
        ds = self.dates.get(pid, [])
        i = bisect_left(ds, d)
        return ds[i - 1] if i else None


def blocked(v: Volunteer, d: date, ledger: Ledger, rules: Rules, *,
            ignore: date | None = None) -> Exclusion | None:
    """The rule that keeps ``v`` off night ``d`` (ignoring a duty on ``ignore``), or None."""
    if day_key(d) not in v.days:
        return Exclusion(v.id, "day", day_key(d))
    away = v.away_on(d)
    if away:
        return Exclusion(v.id, "away", away.reason)
    around = ledger.between(v.id, d - timedelta(days=rules.rest), d + timedelta(days=rules.rest))
    if ignore is not None and abs((ignore - d).days) <= rules.rest:
        around -= 1
    if around > 0:
        own = ledger.between(v.id, d, d) - (1 if ignore == d else 0)
        return Exclusion(v.id, "tonight" if own > 0 else "rest")
    limit = v.max_per_week or rules.max_per_week
    if limit is not None:
        monday = d - timedelta(days=d.weekday())
        count = ledger.between(v.id, monday, monday + timedelta(days=6))
        if ignore is not None and monday <= ignore <= monday + timedelta(days=6):
            count -= 1
        if count >= limit:
            return Exclusion(v.id, "week", str(limit))
    return None


def _serviceable(v: Volunteer, first: date, last: date) -> int:
    """Nights in [first, last] a person could serve by day and away periods alone."""
    def count(a: date, b: date) -> int:
        if b < a:
            return 0
        weeks, extra = divmod((b - a).days + 1, 7)
        wanted = {DAY_KEYS.index(d) for d in v.days}
        tail = sum(1 for k in range(extra) if (a.weekday() + k) % 7 in wanted)
        return weeks * len(wanted) + tail

    total = count(first, last)
    merged: list[list[date]] = []
    for away in sorted(v.away, key=lambda a: a.start):  # overlapping periods count once
        if merged and away.start <= merged[-1][1] + timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], away.end)
        else:
            merged.append([away.start, away.end])
    for start, end in merged:
        total -= count(max(start, first), min(end, last))
    return total


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
        self.weight = {v.id: max(1, _serviceable(v, max(window, v.joined or window), end))
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
            _balance(plan.shifts, by_id, rules, b.ledger, b.load, b.weight)
            _balance_special(plan.shifts, by_id, rules, b.ledger, b.special, holidays)
            if not _fill_short(plan.shifts, by_id, b, holidays):
                break
        else:
            _fill_short(plan.shifts, by_id, b, holidays)
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


def _balance(shifts: list[Shift], by_id: dict[int, Volunteer], rules: Rules, ledger: Ledger,
             load: dict[int, int], weight: dict[int, int]) -> None:
    """Move duties from the most to the least loaded person while the rules allow it."""
    duties: dict[int, list[int]] = defaultdict(list)  # person -> indexes of their shifts
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            duties[p].append(i)
    night_people: dict[date, set[int]] = defaultdict(set)
    for s in shifts:
        night_people[s.date].update(s.volunteers)

    def norm(p: int, delta: int = 0) -> float:
        return (load[p] + delta) / weight[p]

    def try_move(a: int, b: int) -> bool:
        vb = by_id[b]
        for i in list(duties[a]):
            s = shifts[i]
            if b in night_people[s.date]:
                continue
            if s.leader == a and not vb.leader:
                continue
            hh = {by_id[p].household.casefold() for p in night_people[s.date]
                  if p != a and by_id[p].household}
            if vb.household and vb.household.casefold() in hh:
                continue
            if blocked(vb, s.date, ledger, rules):
                continue
            ids = tuple(b if p == a else p for p in s.volunteers)
            shifts[i] = s.with_changes(volunteers=ids, leader=b if s.leader == a else s.leader)
            ledger.remove(a, s.date)
            ledger.add(b, s.date)
            night_people[s.date].discard(a)
            night_people[s.date].add(b)
            duties[a].remove(i)
            duties[b].append(i)
            load[a] -= 1
            load[b] += 1
            return True
        return False

    people = list(by_id)
    for _ in range(4 * len(people) + 10):
        people.sort(key=norm)
        moved = False
        for a in reversed(people):
            if not duties[a]:
                continue
            for b in people:
                if norm(b, 1) >= norm(a) - 1e-9:
                    break
                if try_move(a, b):
                    moved = True
                    break
            if moved:
                break
        if not moved:
            return


def _balance_special(shifts: list[Shift], by_id: dict[int, Volunteer], rules: Rules,
                     ledger: Ledger, special: dict[int, int],
                     holidays: dict[date, Holiday]) -> None:
    """Even out Friday/Saturday and holiday nights by trading them for ordinary nights.

    A trade swaps two people between a special and an ordinary night, so loads stay as they are.
    """
    marked = [is_weekend(s.date) or s.date in holidays for s in shifts]
    on_night: dict[date, set[int]] = defaultdict(set)
    houses: dict[date, Counter[str]] = defaultdict(Counter)
    where: dict[int, list[int]] = defaultdict(list)
    home = {p: v.household.casefold() for p, v in by_id.items() if v.household}
    for i, s in enumerate(shifts):
        on_night[s.date].update(s.volunteers)
        for p in s.volunteers:
            where[p].append(i)
            if p in home:
                houses[s.date][home[p]] += 1

    def fits(v: Volunteer, i: int, leaving: int) -> bool:
        s = shifts[i]
        if v.id in on_night[s.date] or (s.leader == leaving and not v.leader):
            return False
        house = home.get(v.id)
        if house is None:
            return True
        return houses[s.date][house] - (home.get(leaving) == house) == 0

    def move(i: int, out: int, into: int) -> None:
        s = shifts[i]
        shifts[i] = s.with_changes(volunteers=tuple(into if p == out else p for p in s.volunteers),
                                   leader=into if s.leader == out else s.leader)
        on_night[s.date].discard(out)
        on_night[s.date].add(into)
        if out in home:
            houses[s.date][home[out]] -= 1
        if into in home:
            houses[s.date][home[into]] += 1
        ledger.remove(out, s.date)
        ledger.add(into, s.date)
        where[out].remove(i)
        where[into].append(i)

    def trade(a: int, b: int) -> bool:
        va, vb = by_id[a], by_id[b]
        ordinary = [j for j in where[b] if not marked[j]]
        for i in [i for i in where[a] if marked[i]]:
            if not fits(vb, i, a):
                continue
            for j in ordinary:
                di, dj = shifts[i].date, shifts[j].date
                if di == dj or not fits(va, j, b):
                    continue
                if blocked(vb, di, ledger, rules, ignore=dj) or \
                        blocked(va, dj, ledger, rules, ignore=di):
                    continue
                move(i, a, b)
                move(j, b, a)
                # both must still hold once the other has moved
                if blocked(vb, di, ledger, rules, ignore=di) is None and \
                        blocked(va, dj, ledger, rules, ignore=dj) is None:
                    special[a] -= 1
                    special[b] += 1
                    return True
                move(i, b, a)
                move(j, a, b)
        return False

    stuck: set[tuple[int, int, int, int]] = set()
    people = list(by_id)
    while True:
        people.sort(key=lambda p: special[p])
        traded = False
        for a in reversed(people):
            for b in people:
                if special[b] + 1 >= special[a]:
                    break
                if (a, b, special[a], special[b]) in stuck:
                    continue
                if trade(a, b):
                    traded = True
                    break
                stuck.add((a, b, special[a], special[b]))
            if traded:
                break
        if not traded:
            return


def _night_index(shifts: list[Shift]) -> dict[date, list[int]]:
    by_night: dict[date, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        by_night[s.date].append(i)
    return by_night


def _fill_short(shifts: list[Shift], by_id: dict[int, Volunteer], b: _Builder,
                holidays: dict[date, Holiday]) -> bool:
    """Fill places still open: first with anyone free, then by moving someone from another
    night (where a free person takes their place) when that is what keeps them off this one."""
    by_night = _night_index(shifts)
    rules, ledger = b.rules, b.ledger

    def people_on(d: date) -> set[int]:
        return {p for j in by_night[d] for p in shifts[j].volunteers}

    def clash(v: Volunteer, d: date, leaving: int | None = None) -> bool:
        houses = {by_id[p].household.casefold() for p in people_on(d)
                  if p != leaving and by_id[p].household}
        return bool(v.household) and v.household.casefold() in houses

    def put(i: int, v: Volunteer, replacing: int | None = None) -> None:
        s = shifts[i]
        if replacing is None:
            ids = (*s.volunteers, v.id)
        else:
            ids = tuple(v.id if p == replacing else p for p in s.volunteers)
            ledger.remove(replacing, s.date)
            b.load[replacing] -= 1
        shifts[i] = s.with_changes(volunteers=ids)
        ledger.add(v.id, s.date)
        b.load[v.id] += 1

    changed = False
    for i in range(len(shifts)):
        s = shifts[i]
        holiday = holidays.get(s.date)
        required = rules.slots[s.slot].required_on(day_key(s.date)) + (
            holiday.extra if holiday else 0)
        while len(shifts[i].volunteers) < required:
            d = s.date
            here = people_on(d)
            free = sorted((v for v in by_id.values() if v.id not in here and not clash(v, d)
                           and blocked(v, d, ledger, rules) is None),
                          key=lambda v: (b.load[v.id] / b.weight[v.id], v.id))
            if free:
                put(i, free[0])
            elif not _substitute(shifts, i, by_id, b, by_night, people_on, clash, put):
                break
            changed = True
    if b.has_leaders:
        changed |= _give_leaders(shifts, by_id, b, by_night, people_on, clash)
    return changed


def _give_leaders(shifts, by_id, b, by_night, people_on, clash) -> bool:  # noqa: ANN001
    """A night without a leader gets one who is free (in place of its most loaded ordinary
    member when the slot is full), or one freed by handing their other night to someone."""
    rules, ledger = b.rules, b.ledger
    changed = False
    for d, indexes in by_night.items():
        if any(shifts[j].leader for j in indexes):
            continue
        i = next(j for j in indexes if shifts[j].slot == 0)
        s = shifts[i]
        required = rules.slots[0].required_on(day_key(d))
        members = [p for p in s.volunteers if not by_id[p].leader]
        out = max(members, key=lambda p: (b.load[p] / b.weight[p], p)) if (
            members and len(s.volunteers) >= required) else None
        here = people_on(d)
        for v in sorted((v for v in by_id.values() if v.leader and v.id not in here),
                        key=lambda v: (b.load[v.id] / b.weight[v.id], v.id)):
            if len(s.volunteers) >= required and out is None:
                break
            if clash(v, d, leaving=out) or blocked(v, d, ledger, rules) is not None:
                continue
            ids = [v.id] + [p for p in s.volunteers if p != out]
            if out is not None:
                ledger.remove(out, d)
                b.load[out] -= 1
            ledger.add(v.id, d)
            b.load[v.id] += 1
            shifts[i] = s.with_changes(volunteers=tuple(ids), leader=v.id)
            changed = True
            break
    return changed


def _substitute(shifts, i, by_id, b, by_night, people_on, clash, put) -> bool:  # noqa: ANN001
    """One augmenting step: p is kept off night d only by a duty on night e; a free q takes
    p's place on e and p comes to d."""
    rules, ledger = b.rules, b.ledger
    d = shifts[i].date
    here = people_on(d)
    for p in sorted(by_id, key=lambda x: (b.load[x] / b.weight[x], x)):
        vp = by_id[p]
        if p in here or clash(vp, d):
            continue
        why = blocked(vp, d, ledger, rules)
        if why is None or why.rule not in ("rest", "week"):
            continue
        for j in [j for e, idx in by_night.items() if e != d and abs((e - d).days) <= 7
                  for j in idx if p in shifts[j].volunteers]:
            e = shifts[j].date
            if shifts[j].leader == p or blocked(vp, d, ledger, rules, ignore=e) is not None:
                continue
            there = people_on(e)
            for q in sorted(by_id, key=lambda x: (b.load[x] / b.weight[x], x)):
                vq = by_id[q]
                if q in there or q in here or clash(vq, e, leaving=p):
                    continue
                if blocked(vq, e, ledger, rules) is not None:
                    continue
                put(j, vq, replacing=p)
                if blocked(vp, d, ledger, rules) is None and not clash(vp, d):
                    put(i, vp)
                    return True
                put(j, vp, replacing=q)  # undo
    return False


def _explain_shortfalls(shifts: list[Shift], people: list[Volunteer], rules: Rules,
                        ledger: Ledger, holidays: dict[date, Holiday],
                        has_leaders: bool) -> None:
    """Say for each short slot why it is short, read from the final plan, so every reason
    is true of the schedule as saved."""
    by_night = _night_index(shifts)
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
