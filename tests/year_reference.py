"""An exact reference for fairness over a quarter and a year, within groups of equals.

The neighbourhoods are the ones RTs plan a year for: team leaders who lead every night in
turn, the other residents, some away for weeks (mudik, dinas), Indonesia's holidays, one
shift a night or two (the second after midnight). ``group_optimum`` solves each with CP-SAT
(the model of ``fairness_reference._Reference``: the hard rules read from the instance alone),
stage by stage: places filled, leader wants met, then the busiest total of each group of
equals (leaders first), each fixed before the next; and, on request, the smallest spread of
one kind of night within one group that a plan with those figures can have.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fairness_reference import EVERY_DAY, FIRST_MONDAY, Instance, Person, SlotNeed, _Reference


def holidays_of(first: date, last: date) -> dict[date, str]:
    """Indonesia's national holidays in ``first``..``last`` (the ``holidays`` package)."""
    import holidays as national

    found = national.Indonesia(years=range(first.year, last.year + 1))
    return {d: name for d, name in found.items() if first <= d <= last}


def year_instance(weeks: int, people: int = 30, leaders: int = 6, slots: tuple[int, ...] = (3,),
                  away: int = 3, wishes: int = 0, crowd: int = 0) -> Instance:
    """``people`` residents of whom ``leaders`` lead, one household each, every night
    available; ``away`` of the others away for three weeks at different times; ``wishes``
    of them (leaders and others in turn) wishing: every other one avoids a weekday, the rest
    prefer one; and ``crowd`` of the others all avoiding Saturday, more than the Saturdays
    can spare."""
    persons = []
    for i in range(people):
        gone: tuple[tuple[date, date], ...] = ()
        if leaders <= i < leaders + away:
            first = FIRST_MONDAY + timedelta(days=9 + 23 * (i - leaders))
            gone = ((first, first + timedelta(days=20)),)
        wish: dict[str, frozenset[int]] = {}
        if i % 3 == 1 and i // 3 < wishes:
            wish = {"avoid" if i % 2 else "prefer": frozenset({(i * 5) % 7})}
        if leaders <= i < leaders + crowd:
            wish = {"avoid": frozenset({5})}
        persons.append(Person(i + 1, EVERY_DAY, gone, f"H{i + 1}", i < leaders, **wish))
    return Instance(f"{weeks}w-{people}p-{leaders}l-{'+'.join(map(str, slots))}", 0,
                    tuple(persons), tuple(SlotNeed(n) for n in slots), 1, None, FIRST_MONDAY,
                    weeks)


def groups_of(instance: Instance) -> list[list[int]]:
    """The groups of equals of the instance (role, weekdays, weekly maximum), leaders first."""
    found: dict[tuple, list[int]] = {}
    for p in instance.people:
        found.setdefault((not p.leader, tuple(sorted(p.days)), instance.limit(p) or 0),
                         []).append(p.id)
    return [found[k] for k in sorted(found)]


KINDS: dict[str, Callable[[date, int, dict[date, str]], bool]] = {
    "weekend": lambda d, s, hol: d.weekday() in (4, 5),
    "saturday": lambda d, s, hol: d.weekday() == 5,
    "holiday": lambda d, s, hol: d in hol,
    "slot0": lambda d, s, hol: s == 0,
    "slot1": lambda d, s, hol: s == 1,
}


@dataclass(frozen=True)
class GroupOptimum:
    """The figures a plan can reach: places, leader wants and each group's busiest total (in
    ``groups_of`` order), the wishes kept, whether every stage was proved, and the smallest
    spread of each asked (group index, kind) with whether it was proved."""

    filled: int
    led: int
    busiest: tuple[int, ...]
    proved: bool
    spreads: dict[tuple[int, str], tuple[int, bool]]
    wishes: int | None = None  # the most wishes a plan with those figures keeps (avoid: 2)


def group_optimum(instance: Instance, asked: tuple[tuple[int, str], ...] = (),
                  time_limit: float = 60.0,
                  totals: tuple[tuple[int, int, int], ...] = ()) -> GroupOptimum:
    """Solve ``instance`` stage by stage (see the module); ``asked``: the (group, kind)
    pairs whose smallest spread is wanted, each solved on its own after the stages;
    ``totals``: each group's (least, most, sum) of a plan to hold fixed before the wishes
    (so the wishes are counted among plans as fair as that one)."""
    ref = _Reference(instance, time_limit, 2)
    m = ref.model
    proved = True

    def stage(objective: Any, maximize: bool) -> int:
        nonlocal proved
        ok, solver, _ = ref.solve(objective, maximize)
        assert solver is not None, f"{instance.name}: no plan found"
        proved &= ok
        value = round(solver.ObjectiveValue())
        m.Add(objective >= value if maximize else objective <= value)
        return value

    filled = stage(ref.filled, True)
    led = stage(sum(ref.led), True)
    busiest = []
    for k, ids in enumerate(groups_of(instance)):
        top = m.NewIntVar(0, 7 * instance.weeks, f"top{k}")
        for pid in ids:
            m.Add(ref.load[pid] <= top)
        busiest.append(stage(top, False))
    evenings = instance.evenings
    for ids, (low, high, total) in zip(groups_of(instance), totals, strict=False):
        for pid in ids:  # the totals of a given plan, each group's sorted to the same vector
            m.Add(ref.load[pid] >= low)
            m.Add(ref.load[pid] <= high)
        m.Add(sum(ref.load[pid] for pid in ids) == total)
    kept = None
    terms = []
    for p in instance.people:  # then the most wishes kept: an avoided weekday counts 2
        for day, weight, avoid in [(d, 2, True) for d in p.avoid] + [(d, 1, False)
                                                                      for d in p.prefer]:
            on = [v for (pid, i, _), v in ref.x.items() if pid == p.id
                  and evenings[i].weekday() == day]
            met = m.NewBoolVar(f"wish{p.id}_{day}")
            if avoid:
                for v in on:
                    m.Add(met <= 1 - v)
            else:
                m.Add(met <= sum(on))
            terms.append(weight * met)
    if terms:
        kept = stage(sum(terms), True)
    holidays = holidays_of(instance.start, instance.end)
    spreads = {}
    groups = groups_of(instance)
    for group, kind in asked:
        of_kind = KINDS[kind]
        counts = [sum(v for (pid, i, s), v in ref.x.items()
                      if pid == p and of_kind(evenings[i], s, holidays)) for p in groups[group]]
        low = m.NewIntVar(0, 7 * instance.weeks, f"low{group}{kind}")
        high = m.NewIntVar(0, 7 * instance.weeks, f"high{group}{kind}")
        for c in counts:
            m.Add(c >= low)
            m.Add(c <= high)
        ok, solver, _ = ref.solve(high - low, False)
        assert solver is not None
        spreads[(group, kind)] = (round(solver.ObjectiveValue()), ok)
    return GroupOptimum(filled, led, tuple(busiest), proved, spreads, kept)


_WORKER: Any = None


def solve_group_optimum(instance: Instance, asked: tuple[tuple[int, str], ...] = (),
                        time_limit: float = 60.0,
                        totals: tuple[tuple[int, int, int], ...] = ()) -> GroupOptimum:
    """``group_optimum`` in a process of its own (OR-Tools and ronda's HiGHS cannot share
    one: see ``fairness_reference.solve_optimum``)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    return _WORKER.submit(group_optimum, instance, asked, time_limit, totals).result()
