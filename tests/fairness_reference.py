"""An exact reference for schedule fairness: random neighbourhoods, what any plan achieves for
them, and the best plan that can exist, proved by a solver, to hold ronda's builder against.

For a coordinator the question is: could a better rota have been made from the same roster?
This module answers it with numbers. It has four parts.

``Instance`` / ``generate``
    A made-up neighbourhood of the kind ronda serves: 8–30 residents (60–100 for the
    benchmark), 2–6 on patrol a night in one slot or two, people who can only come
    Monday–Thursday or only at weekends, a few team leaders, households of up to three,
    weekly maxima, a few away periods (mudik, dinas), four weeks from a Monday, and often some
    weeks already served before it (made by ronda's own builder, with some people away then,
    so that the past is uneven, as it is after Lebaran).
``to_ronda``
    The same neighbourhood as the arguments of ``build_schedule``.
``measure`` / ``check_hard_rules``
    What any plan achieves on the product's fairness criterion, and whether it breaks a rule.
``solve_optimum``
    The best plan on that criterion, found with OR-Tools CP-SAT, stage by stage, with a flag
    saying whether the solver proved each stage optimal.

The criterion (lexicographic: each stage only breaks ties left by the ones before):

A. Places filled: the number of (evening, slot, person) places filled, each shift counting
   at most its head count. "Everyone the rules allow is out on patrol."
B. Leader wants met. ronda's rule, read here from the roster alone: with no leader on the
   roster nobody wants one; with at least as many leaders as slots a night, every shift with
   a head count wants a leader; with fewer, every evening whose first slot has a head count
   wants one, met by a leader on any of its shifts. A want is met by the shift's
   ``Shift.leader``: a leader of the roster who is on that shift. Coverage comes first
   because an empty place leaves the post short-handed whoever leads it; leaders are the
   second coverage figure, as the product states it. (When both can be met, which is almost
   always, the order does not matter.)
C. The busiest person's total: history duties plus duties in this plan, as small as possible.
   History is every shift the instance passes as ``history`` (at most four weeks, so all of it
   lies within ronda's 56-day look-back).
D. Max-min ("water-filling") fairness of the totals: the totals of the people who can serve at
   all (at least one evening of the plan on one of their weekdays and outside their away
   periods), sorted ascending, made lexicographically as large as possible: first the lowest
   total as high as it can be, then as few people as possible at that total, then the next
   total as high as possible, and so on. Someone who can come less gets less only where their
   availability, away period or weekly maximum actually binds.

ronda is "within 1" on D when each element of its sorted total vector is at least the
optimum's element at the same position minus one (``within_one``); ``deficit`` is the largest
amount by which it falls below (0 when nowhere).

Why D is computed by levels and not by the textbook progressive filling ("maximise the minimum
t, fix everyone who cannot exceed t, repeat"): with whole duties that procedure can stall. Two
people available on the same single evening can each be the one who gets it, so neither
"cannot exceed 0", yet only one of them can have it. Each level here is one exact solve:
maximise ``(n + 1) * u + m`` where ``u`` is the lowest total of the people still open and ``m``
how many of them can be above ``u``; then at least ``n - k`` people stay at ``>= u`` and at
least ``m`` at ``>= u + 1``, and the ``n - k - m`` positions in between are fixed at ``u``.
Since the plan's total is fixed by stage A, the last solution has exactly the optimal vector.

The solver model reads only the instance's own data (weekdays as numbers, away periods as date
pairs, households as text); it never calls ronda's rules. ``check_hard_rules`` checks a plan
twice: with this module's own reading of the rules, and with ronda's ``blocked``, so the two
readings are compared on every plan checked, the reference's own included.
"""

from __future__ import annotations

import random
import time as clock
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import pairwise
from typing import Any, ClassVar

from ronda.dates import DAY_KEYS
from ronda.model import Away, Slot, Volunteer
from ronda.schedule.builder import Plan, build_schedule
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Shift

FIRST_MONDAY = date(2027, 1, 4)
SIZES: dict[str, tuple[int, int]] = {"small": (8, 14), "medium": (15, 30), "large": (60, 100)}
MON_THU = frozenset({0, 1, 2, 3})
WEEKENDS = frozenset({4, 5, 6})  # Friday, Saturday and Sunday evenings
EVERY_DAY = frozenset(range(7))
SOLVER_PARAMETERS: dict[str, Any] = {"subsolvers": ["max_lp"]}


# ------------------------------------------------------------------ the neighbourhood

@dataclass(frozen=True)
class Person:
    """A resident on the roster, as the reference reads them.

    ``days``: the weekdays they patrol (0 = Monday evening … 6 = Sunday evening). ``away``:
    periods they cannot come, both ends included. ``household``: compared without regard to
    case; empty means a household of their own. ``max_per_week``: their own weekly maximum,
    overriding the neighbourhood's.
    """

    id: int
    days: frozenset[int] = EVERY_DAY
    away: tuple[tuple[date, date], ...] = ()
    household: str = ""
    leader: bool = False
    max_per_week: int | None = None
    prefer: frozenset[int] = frozenset()  # wishes: weekdays they would rather patrol
    avoid: frozenset[int] = frozenset()  # and rather not


@dataclass(frozen=True)
class SlotNeed:
    """One shift of the night and its head count, with other counts on some weekdays
    (``by_day``: weekday number to head count, e.g. one more on Saturday)."""

    required: int
    by_day: tuple[tuple[int, int], ...] = ()

    def on(self, d: date) -> int:
        """The head count on evening ``d``."""
        return dict(self.by_day).get(d.weekday(), self.required)


@dataclass(frozen=True)
class Instance:
    """A neighbourhood to plan: its roster, its slots and rules, the weeks to plan from a
    Monday, and the shifts already served before them (``history``)."""

    name: str
    seed: int
    people: tuple[Person, ...]
    slots: tuple[SlotNeed, ...]
    rest: int
    max_per_week: int | None
    start: date
    weeks: int = 4
    history: tuple[Shift, ...] = ()

    @property
    def end(self) -> date:
        """The last evening planned."""
        return self.start + timedelta(weeks=self.weeks, days=-1)

    @property
    def evenings(self) -> list[date]:
        """Every evening planned, in order."""
        return [self.start + timedelta(days=i) for i in range(7 * self.weeks)]

    def need(self, d: date, slot: int) -> int:
        """The head count of slot ``slot`` on evening ``d``."""
        return self.slots[slot].on(d)

    def per_night(self) -> str:
        """The usual head count of a night, e.g. ``4`` or ``2+3`` for two slots."""
        return "+".join(str(s.required) for s in self.slots)

    def limit(self, p: Person) -> int | None:
        """A person's weekly maximum: their own, else the neighbourhood's."""
        return p.max_per_week or self.max_per_week

    def free_on(self, p: Person, d: date) -> bool:
        """Whether the roster lets ``p`` come on ``d``: one of their weekdays, not away."""
        return d.weekday() in p.days and not any(a <= d <= b for a, b in p.away)

    def can_serve(self, p: Person) -> bool:
        """Whether ``p`` could serve at all in the plan (weekdays and away periods alone):
        only these people take part in the max-min comparison (criterion D)."""
        return any(self.free_on(p, d) for d in self.evenings)

    def history_dates(self) -> dict[int, list[date]]:
        """Each person's duties before the plan."""
        out: dict[int, list[date]] = defaultdict(list)
        for s in self.history:
            for pid in s.volunteers:
                out[pid].append(s.date)
        return out

    def leader_wants(self) -> tuple[bool, bool]:
        """(any leader on the roster, a leader wanted on every shift rather than every
        evening): every shift when there are at least as many leaders as slots a night."""
        count = sum(1 for p in self.people if p.leader)
        return count > 0, count >= len(self.slots)

    def houses(self) -> dict[str, list[int]]:
        """Households of two or more, by name without regard to case."""
        out: dict[str, list[int]] = defaultdict(list)
        for p in self.people:
            if p.household.strip():
                out[p.household.strip().casefold()].append(p.id)
        return {h: ids for h, ids in out.items() if len(ids) > 1}


def generate(seed: int, size: str = "small") -> Instance:
    """A random but realistic neighbourhood; the same ``seed`` and ``size`` always give the
    same one. ``size``: ``small`` (8–14 people), ``medium`` (15–30) or ``large`` (60–100)."""
    rng = random.Random(f"ronda-fairness/{size}/{seed}")
    low, high = SIZES[size]
    count = rng.randint(low, high)
    rest = rng.choice((0, 1, 1, 2, 2))
    start = FIRST_MONDAY + timedelta(weeks=rng.randint(0, 40))

    people_days = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.5:
            people_days.append(EVERY_DAY)
        elif kind < 0.65:
            people_days.append(MON_THU)
        elif kind < 0.77:
            people_days.append(WEEKENDS)
        else:
            people_days.append(frozenset(rng.sample(range(7), rng.randint(3, 6))))
    global_max = rng.choice((None, None, None, 1, 2, 3)) if rest < 2 else rng.choice((None, 2))
    own_max = [rng.choice((1, 2)) if rng.random() < 0.15 else None for _ in range(count)]

    # households of one to three; a singleton often leaves the field empty; the same house is
    # typed in different case by different members
    houses: list[str] = []
    number = 1
    while len(houses) < count:
        members = rng.choice((1, 1, 1, 2, 2, 3))
        name = f"B-{number:02d}"
        for k in range(members):
            houses.append(name.lower() if k % 2 else name)
        if members == 1 and rng.random() < 0.5:
            houses[-1] = ""
        number += 1
    houses = houses[:count]

    away: list[tuple[tuple[date, date], ...]] = [() for _ in range(count)]
    for i in rng.sample(range(count), rng.randint(0, min(3, count))):
        first = start + timedelta(days=rng.randint(-5, 25))
        away[i] = ((first, first + timedelta(days=rng.randint(2, 10))),)

    # head count: one slot of 2–6, or two slots of 1–3; kept within what the roster can give
    # (up to 15 % short), so most nights can be filled and some cannot
    def capacity() -> float:
        total = 0.0
        for i in range(count):
            free = sum(1 for k in range(28) if (start + timedelta(days=k)).weekday()
                       in people_days[i] and not any(a <= start + timedelta(days=k) <= b
                                                     for a, b in away[i]))
            cap = min(free, 28 / (rest + 1) + 1)
            limit = own_max[i] or global_max
            if limit:
                cap = min(cap, 4 * limit)
            total += cap
        return total

    most = max(2, int(1.15 * capacity() / 28))
    if rng.random() < 0.35 and most >= 2:
        first_slot = rng.randint(1, min(3, most - 1))
        second = rng.randint(1, max(1, min(3, most - first_slot)))
        counts = [first_slot, second]
    else:
        counts = [rng.randint(2, max(2, min(6, most)))]
    slots = []
    for n in counts:
        saturday = ((5, n + 1),) if rng.random() < 0.2 else ()
        slots.append(SlotNeed(n, saturday))

    leader_count = rng.randint(0, len(counts) + 2)
    leaders = set(rng.sample(range(count), min(leader_count, count)))
    people = tuple(Person(i + 1, people_days[i], away[i], houses[i], i in leaders, own_max[i])
                   for i in range(count))
    name = f"s{seed:02d}-{count}p-{'+'.join(map(str, counts))}n-r{rest}"
    instance = Instance(name, seed, people, tuple(slots), rest, global_max, start)

    weeks_before = rng.choice((0, 0, 1, 2, 3, 4))
    if not weeks_before:
        return instance
    # the weeks before, planned by ronda with some people away then: newcomers away for all
    # of it, others for part, so that history loads differ
    first = start - timedelta(weeks=weeks_before)
    volunteers = _volunteers(people)
    for i in rng.sample(range(count), rng.randint(1, max(1, count // 3))):
        gone = first + timedelta(days=rng.randint(0, 7 * weeks_before - 1))
        back = gone + timedelta(days=rng.randint(3, 7 * weeks_before))
        if rng.random() < 0.3:
            gone, back = first, start - timedelta(days=1)
        v = volunteers[i]
        volunteers[i] = v.with_changes(away=(*v.away, Away(gone, back, "mudik")))
    past = build_schedule(volunteers, _rules(instance), first, start - timedelta(days=1),
                          seed=seed).shifts
    return Instance(f"{name}-h{weeks_before}", seed, people, tuple(slots), rest, global_max,
                    start, history=tuple(past))


# ------------------------------------------------------------------ ronda's view of it

def _volunteers(people: Iterable[Person]) -> list[Volunteer]:
    return [Volunteer(p.id, f"Warga {p.id}", household=p.household, leader=p.leader,
                      days=tuple(DAY_KEYS[d] for d in sorted(p.days)),
                      max_per_week=p.max_per_week,
                      away=tuple(Away(a, b, "dinas") for a, b in p.away),
                      prefer=tuple(DAY_KEYS[d] for d in sorted(p.prefer)),
                      avoid=tuple(DAY_KEYS[d] for d in sorted(p.avoid)))
            for p in people]


def _rules(instance: Instance) -> Rules:
    hours = [(time(22), time(4))] if len(instance.slots) == 1 else \
        [(time(22), time(1)), (time(1), time(4))]
    slots = tuple(Slot(a, b, s.required, {DAY_KEYS[k]: n for k, n in s.by_day})
                  for (a, b), s in zip(hours, instance.slots, strict=True))
    return Rules(slots, rest=instance.rest, max_per_week=instance.max_per_week)


def to_ronda(instance: Instance) -> dict[str, Any]:
    """The arguments of ``build_schedule`` for this neighbourhood:
    ``build_schedule(**to_ronda(instance))``."""
    return {"volunteers": _volunteers(instance.people), "rules": _rules(instance),
            "start": instance.start, "end": instance.end, "history": list(instance.history),
            "seed": instance.seed}


# ------------------------------------------------------------------ measuring a plan

@dataclass(frozen=True)
class Measures:
    """What a plan achieves on the criterion, for the coordinator's eye.

    ``filled`` of ``places``: places filled of those asked for. ``leaders`` of
    ``leader_wants``: shifts (or evenings) that have the leader they want. ``max_load``: the
    busiest person's duties, history included. ``loads``: everyone's total who can serve at
    all, sorted ascending (criterion D).
    """

    filled: int
    places: int
    leaders: int
    leader_wants: int
    max_load: int
    loads: tuple[int, ...]


def measure(plan_shifts: Iterable[Shift], instance: Instance) -> Measures:
    """The measures of any plan of ``instance`` (shifts outside the planned evenings are
    ignored; a shift counts at most its head count)."""
    shifts = {s.key: s for s in plan_shifts if instance.start <= s.date <= instance.end
              and 0 <= s.slot < len(instance.slots)}
    leaders = {p.id for p in instance.people if p.leader}
    has_leaders, per_shift = instance.leader_wants()

    def led(d: date, slot: int) -> bool:
        s = shifts.get((d, slot))
        return s is not None and s.leader in leaders and s.leader in s.volunteers

    filled = places = met = wants = 0
    for d in instance.evenings:
        for i in range(len(instance.slots)):
            need = instance.need(d, i)
            places += need
            s = shifts.get((d, i))
            filled += min(need, len(s.volunteers)) if s else 0
            if has_leaders and need and (per_shift or i == 0):
                wants += 1
                slots = [i] if per_shift else range(len(instance.slots))
                met += any(led(d, j) for j in slots)
    loads = Counter({p.id: 0 for p in instance.people})
    loads.update(pid for s in instance.history for pid in s.volunteers)
    loads.update(pid for s in shifts.values() for pid in s.volunteers)
    vector = tuple(sorted(loads[p.id] for p in instance.people if instance.can_serve(p)))
    return Measures(filled, places, met, wants, max(loads.values(), default=0), vector)


def deficit(ronda: Sequence[int], best: Sequence[int]) -> int:
    """How far ronda's sorted totals fall below the optimum's, at the worst position (0 when
    nowhere below)."""
    return max([0, *(b - r for r, b in zip(ronda, best, strict=True))])


def within_one(ronda: Sequence[int], best: Sequence[int]) -> bool:
    """Criterion D passes: every element of ronda's sorted totals is at least the optimum's
    element at the same position minus one."""
    return deficit(ronda, best) <= 1


class HardRuleBroken(AssertionError):
    """A plan breaks a hard rule of the roster."""


def check_hard_rules(plan: Plan | Sequence[Shift], instance: Instance) -> None:
    """Raise ``HardRuleBroken`` listing every broken rule of ``plan`` (its shifts): a person
    off their weekdays or away, twice on an evening, without their rest evenings (history
    included), over their weekly maximum, two of one household on an evening, more people
    than a shift asks for, or a shift leader who is not a leader on that shift. Each duty is
    also put to ronda's own ``blocked``, so ronda's reading of the rules must agree."""
    plan = plan.shifts if isinstance(plan, Plan) else plan
    people = {p.id: p for p in instance.people}
    problems: list[str] = []
    seen: set[tuple[date, int]] = set()
    duties: dict[int, list[date]] = instance.history_dates()
    on_evening: dict[date, list[int]] = defaultdict(list)
    for s in plan:
        where = f"{s.date} slot {s.slot}"
        if not instance.start <= s.date <= instance.end or not 0 <= s.slot < len(instance.slots):
            problems.append(f"{where}: outside the plan")
            continue
        if s.key in seen:
            problems.append(f"{where}: planned twice")
        seen.add(s.key)
        if len(s.volunteers) > instance.need(s.date, s.slot):
            problems.append(f"{where}: {len(s.volunteers)} people for "
                            f"{instance.need(s.date, s.slot)} places")
        if s.leader is not None and (s.leader not in s.volunteers
                                     or not people.get(s.leader, Person(0)).leader):
            problems.append(f"{where}: leader {s.leader} is not a leader on the shift")
        for pid in s.volunteers:
            p = people.get(pid)
            if p is None:
                problems.append(f"{where}: {pid} is not on the roster")
                continue
            if s.date.weekday() not in p.days:
                problems.append(f"{where}: {pid} does not patrol on that weekday")
            if any(a <= s.date <= b for a, b in p.away):
                problems.append(f"{where}: {pid} is away")
            duties[pid].append(s.date)
            on_evening[s.date].append(pid)
    for d, ids in on_evening.items():
        for pid, n in Counter(ids).items():
            if n > 1:
                problems.append(f"{d}: {pid} on {n} shifts of one evening")
        house = Counter(people[pid].household.strip().casefold() for pid in set(ids)
                        if pid in people and people[pid].household.strip())
        problems += [f"{d}: {n} of household {h!r}" for h, n in house.items() if n > 1]
    for pid, dates in duties.items():
        dates.sort()
        problems += [f"{pid}: duties {a} and {b} closer than {instance.rest} evenings of rest"
                     for a, b in pairwise(dates) if a != b
                     and (b - a).days <= instance.rest]
        limit = instance.limit(people[pid]) if pid in people else None
        weeks = Counter(d - timedelta(days=d.weekday()) for d in dates
                        if d + timedelta(days=6 - d.weekday()) >= instance.start)
        problems += [f"{pid}: {n} duties in the week of {w}, more than {limit}"
                     for w, n in weeks.items() if limit and n > limit]
    if not problems:
        problems = _ronda_disagrees(plan, instance)
    if problems:
        raise HardRuleBroken("; ".join(problems[:12]) + (" …" if len(problems) > 12 else ""))


def _ronda_disagrees(plan: Sequence[Shift], instance: Instance) -> list[str]:
    """Each duty of ``plan`` put to ronda's ``blocked`` with that duty taken out: a plan that
    keeps the rules as the reference reads them must keep them as ronda reads them."""
    args = to_ronda(instance)
    by_id = {v.id: v for v in args["volunteers"]}
    ledger = Ledger([*instance.history, *plan], args["volunteers"])
    problems = []
    for s in plan:
        for pid in s.volunteers:
            ledger.remove(pid, s.date)
            why = blocked(by_id[pid], s.date, ledger, args["rules"])
            ledger.add(pid, s.date)
            if why is not None:
                problems.append(f"{s.date} slot {s.slot}: ronda's rules keep {pid} off "
                                f"({why.rule})")
    return problems


def check_shortfalls(plan: Plan, instance: Instance) -> None:
    """Raise ``HardRuleBroken`` unless ronda marks exactly the shifts that are short, of people
    or of the leader they want (criterion B's reading), with the true counts: what the
    coordinator is told must be what ``measure`` counts."""
    leaders = {p.id for p in instance.people if p.leader}
    has_leaders, per_shift = instance.leader_wants()
    night: dict[date, list[Shift]] = defaultdict(list)
    for s in plan.shifts:
        night[s.date].append(s)
    problems = []
    for s in plan.shifts:
        need = instance.need(s.date, s.slot)
        led = [x for x in night[s.date] if (x.slot == s.slot or not per_shift)
               and x.leader in leaders and x.leader in x.volunteers]
        no_leader = has_leaders and need > 0 and (per_shift or s.slot == 0) and not led
        short = s.short
        if (short is not None) != (len(s.volunteers) < need or no_leader):
            problems.append(f"{s.date} slot {s.slot}: marked short {short is not None}, "
                            f"has {len(s.volunteers)} of {need}, no leader {no_leader}")
        elif short is not None and (short.no_leader, short.available, short.required) != (
                no_leader, len(s.volunteers), need):
            problems.append(f"{s.date} slot {s.slot}: shortfall {short.available}/"
                            f"{short.required} no leader {short.no_leader}, "
                            f"not {len(s.volunteers)}/{need} {no_leader}")
    if problems:
        raise HardRuleBroken("; ".join(problems[:12]))


# ------------------------------------------------------------------ the exact optimum

@dataclass(frozen=True)
class Stage:
    """One stage of the criterion as the solver left it: the best value found, whether the
    solver proved it optimal (every solve OPTIMAL, and every stage before proved), the wall
    time spent and the number of solves."""

    value: Any
    proved: bool
    seconds: float
    solves: int = 1


@dataclass(frozen=True)
class Optimum:
    """The best plan on the criterion: stage A (places filled), B (leader wants met), C (the
    busiest person's total), D (the sorted totals, max-min), and a plan (its shifts) that
    reaches them all when every stage is proved."""

    filled: Stage
    leaders: Stage
    max_load: Stage
    loads: Stage
    shifts: tuple[Shift, ...] = ()
    stages: ClassVar[tuple[str, ...]] = ("filled", "leaders", "max_load", "loads")

    @property
    def seconds(self) -> float:
        """Wall time of every stage together."""
        return sum(getattr(self, s).seconds for s in self.stages)

    @property
    def proved(self) -> bool:
        """Whether every stage was proved optimal."""
        return self.loads.proved


class _Reference:
    """The CP-SAT model of an instance: one yes/no per (person, evening, slot) the roster
    allows, the hard rules as constraints, and the figures of each stage."""

    def __init__(self, instance: Instance, time_limit: float, workers: int) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.instance = instance
        self.time_limit = time_limit
        self.workers = workers
        m = self.model = cp_model.CpModel()
        evenings = instance.evenings
        slots = range(len(instance.slots))
        past = instance.history_dates()
        x: dict[tuple[int, int, int], Any] = {}
        for p in instance.people:
            for i, d in enumerate(evenings):
                if not instance.free_on(p, d) or any(
                        abs((d - h).days) <= instance.rest for h in past.get(p.id, ())):
                    continue
                for s in slots:
                    if instance.need(d, s) > 0:
                        x[p.id, i, s] = m.NewBoolVar(f"x{p.id}_{i}_{s}")
        self.x = x
        on: dict[int, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for (pid, i, _), var in x.items():
            on[pid][i].append(var)
        for by_evening in on.values():
            # once an evening, and rest: any rest + 1 evenings in a row hold one duty at most
            for i in range(len(evenings)):
                window = [v for j in range(i, i + instance.rest + 1) for v in by_evening.get(j, ())]
                if len(window) > 1:
                    m.AddAtMostOne(window)
        people = {p.id: p for p in instance.people}
        for pid, by_evening in on.items():
            limit = instance.limit(people[pid])
            if not limit:
                continue
            weeks: dict[date, list[Any]] = defaultdict(list)
            for i, vs in by_evening.items():
                d = evenings[i]
                weeks[d - timedelta(days=d.weekday())] += vs
            for monday, vs in weeks.items():
                before = sum(1 for h in past.get(pid, ()) if monday <= h <= monday
                             + timedelta(days=6))
                m.Add(sum(vs) <= max(0, limit - before))
        for ids in instance.houses().values():
            for i in range(len(evenings)):
                together = [v for pid in ids for v in on.get(pid, {}).get(i, ())]
                if len(together) > 1:
                    m.AddAtMostOne(together)
        for i, d in enumerate(evenings):
            for s in slots:
                here = [v for (_, j, t), v in x.items() if j == i and t == s]
                if len(here) > instance.need(d, s):
                    m.Add(sum(here) <= instance.need(d, s))
        self.filled = sum(x.values())

        has_leaders, per_shift = instance.leader_wants()
        leaders = {p.id for p in instance.people if p.leader}
        self.led: list[Any] = []
        if has_leaders:
            for i, d in enumerate(evenings):
                for s in slots:
                    if not instance.need(d, s) or not (per_shift or s == 0):
                        continue
                    cover = [v for (pid, j, t), v in x.items() if pid in leaders and j == i
                             and (t == s or not per_shift)]
                    want = m.NewBoolVar(f"led{i}_{s}")
                    m.Add(want <= sum(cover))
                    self.led.append(want)
        counts = Counter(pid for s in instance.history for pid in s.volunteers)
        self.load = {p.id: counts[p.id] + sum(v for by in on.get(p.id, {}).values()
                                              for v in by) for p in instance.people}
        self.values: dict[tuple[int, int, int], int] | None = None

    def solve(self, objective: Any, maximize: bool) -> tuple[bool, Any, float]:
        """One solve: (proved optimal, the solver when it found a solution, wall seconds)."""
        cp = self.cp
        if maximize:
            self.model.Maximize(objective)
        else:
            self.model.Minimize(objective)
        solver = cp.CpSolver()
        solver.parameters.max_time_in_seconds = self.time_limit
        solver.parameters.num_workers = self.workers
        solver.parameters.random_seed = 7
        for key, value in SOLVER_PARAMETERS.items():
            if isinstance(value, list):
                getattr(solver.parameters, key).extend(value)
            else:
                setattr(solver.parameters, key, value)
        begin = clock.perf_counter()
        status = solver.Solve(self.model)
        seconds = clock.perf_counter() - begin
        if status not in (cp.OPTIMAL, cp.FEASIBLE):
            return False, None, seconds
        self.values = {k: solver.Value(v) for k, v in self.x.items()}
        self.model.ClearHints()
        for k, v in self.x.items():  # the next stage starts from this plan
            self.model.AddHint(v, self.values[k])
        return status == cp.OPTIMAL, solver, seconds

    def shifts(self) -> tuple[Shift, ...]:
        """The last solution as ronda shifts, a leader on each shift that has one."""
        inst = self.instance
        leaders = {p.id for p in inst.people if p.leader}
        out = []
        for i, d in enumerate(inst.evenings):
            for s in range(len(inst.slots)):
                ids = sorted(pid for (pid, j, t), v in (self.values or {}).items()
                             if v and j == i and t == s)
                leader = next((pid for pid in ids if pid in leaders), None)
                if leader is not None:
                    ids = [leader] + [pid for pid in ids if pid != leader]
                out.append(Shift(d, s, tuple(ids), leader))
        return tuple(out)


_WORKER: Any = None


def solve_optimum(instance: Instance, time_limit: float = 5.0, workers: int = 2,
                  budget: float = 8.0) -> Optimum:
    """``optimum`` computed in a process of its own.

    OR-Tools ships its own build of the HiGHS library under the same name as the one ronda's
    exact pass loads (``highspy``); the two cannot live in one process, so CP-SAT runs in a
    worker process started once (spawned: nothing of this process's libraries is inherited).
    """
    global _WORKER
    if _WORKER is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _WORKER = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    return _WORKER.submit(optimum, instance, time_limit, workers, budget).result()


def optimum(instance: Instance, time_limit: float = 5.0, workers: int = 2,
            budget: float = 8.0) -> Optimum:
    """The best plan of ``instance`` on the criterion, stage by stage (A, B, C, D of the module
    text), each stage's value fixed before the next. ``time_limit``: seconds per solve; stage
    D takes one solve per total between the lowest and the highest, and gives up after
    ``budget`` times ``time_limit`` in all. A stage the solver could not prove keeps the best
    value found, with ``proved=False``, and so do the stages after it; a stage left without
    any solution (or D given up) has value None, and so do the stages after it."""
    ref = _Reference(instance, time_limit, workers)
    m = ref.model
    nothing = Stage(None, False, 0.0, 0)
    stages: list[Stage] = []
    proved = True

    def run(objective: Any, maximize: bool) -> int | None:
        """Solve one stage, record it, and fix its value for the stages after it."""
        nonlocal proved
        ok, solver, seconds = ref.solve(objective, maximize)
        proved &= ok
        value = None if solver is None else round(solver.ObjectiveValue())
        stages.append(Stage(value, proved and value is not None, seconds))
        if value is not None:
            m.Add(objective >= value if maximize else objective <= value)
        return value

    past = Counter(pid for s in instance.history for pid in s.volunteers)
    busiest = m.NewIntVar(0, 7 * instance.weeks + max(past.values(), default=0), "busiest")
    for load in ref.load.values():
        m.Add(busiest >= load)
    if (run(ref.filled, True) is None or run(sum(ref.led), True) is None
            or (top := run(busiest, False)) is None):
        stages += [nothing] * (4 - len(stages))
        return Optimum(*stages, shifts=ref.shifts())

    # D: the lowest total as high as it can be; then, for each higher total in turn, the sum
    # of how far people fall short of it as small as it can be
    open_people = [p.id for p in instance.people if instance.can_serve(p)]
    lowest = m.NewIntVar(0, top, "lowest")
    for pid in open_people:
        m.Add(ref.load[pid] >= lowest)
    ok, solver, spent = ref.solve(lowest, maximize=True)
    proved &= ok
    solves = 1
    below: dict[int, int] = {}  # total -> how far the open people fall short of it, summed
    if solver is not None:
        level = solver.Value(lowest)
        m.Add(lowest >= level)
        below[level] = 0
        for total in range(level + 1, top + 1):
            if total == top:  # all are at or below the top: the sum is known
                everyone = sum(ref.load[pid] for pid in open_people)
                below[top] = len(open_people) * top - solver.Value(everyone)
                break
            if spent > budget * time_limit:
                break
            gap = [m.NewIntVar(0, total, f"gap{total}_{pid}") for pid in open_people]
            for pid, g in zip(open_people, gap, strict=True):
                m.Add(g >= total - ref.load[pid])
            ok, solver, seconds = ref.solve(sum(gap), maximize=False)
            spent += seconds
            solves += 1
            proved &= ok
            if solver is None:
                break
            below[total] = round(solver.ObjectiveValue())
            m.Add(sum(gap) <= below[total])
    vector = _sorted_totals(below, len(open_people)) if top in below else None
    loads = Stage(vector, proved and vector is not None, spent, solves)
    return Optimum(*stages, loads, shifts=ref.shifts())


def _sorted_totals(below: dict[int, int], n: int) -> tuple[int, ...] | None:
    """The sorted totals from the shortfall below each total (``below[t]``: the sum over
    people of ``max(0, t - total)``, for every t from the lowest total to the highest): the
    number of people at or below ``t`` is ``below[t + 1] - below[t]``."""
    ts = sorted(below)
    if ts != list(range(ts[0], ts[-1] + 1)):
        return None
    out: list[int] = []
    for t in ts[:-1]:
        out += [t] * (below[t + 1] - below[t] - len(out))
    return tuple(out + [ts[-1]] * (n - len(out)))
