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
                  away: int = 3) -> Instance:
    """``people`` residents of whom ``leaders`` lead, one household each, every night
    available; ``away`` of the others away for three weeks at different times."""
    persons = []
    for i in range(people):
        gone: tuple[tuple[date, date], ...] = ()
        if leaders <= i < leaders + away:
            first = FIRST_MONDAY + timedelta(days=9 + 23 * (i - leaders))
            gone = ((first, first + timedelta(days=20)),)
        persons.append(Person(i + 1, EVERY_DAY, gone, f"H{i + 1}", i < leaders))
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
    """The figures a plan can reach: places, leader wants and each group's busiest total
    (in ``groups_of`` order), whether every stage was proved, and the smallest spread of
    each asked (group index, kind) with whether it was proved."""

    filled: int
    led: int
    busiest: tuple[int, ...]
    proved: bool
    spreads: dict[tuple[int, str], tuple[int, bool]]


def group_optimum(instance: Instance, asked: tuple[tuple[int, str], ...] = (),
                  time_limit: float = 60.0) -> GroupOptimum:
    """Solve ``instance`` stage by stage (see the module); ``asked``: the (group, kind)
    pairs whose smallest spread is wanted, each solved on its own after the stages."""
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
    holidays = holidays_of(instance.start, instance.end)
    evenings = instance.evenings
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
    return GroupOptimum(filled, led, tuple(busiest), proved, spreads)


_WORKER: Any = None


def solve_group_optimum(instance: Instance, asked: tuple[tuple[int, str], ...] = (),
                        time_limit: float = 60.0) -> GroupOptimum:
    """``group_optimum`` in a process of its own (OR-Tools and ronda's HiGHS cannot share
    one: see ``fairness_reference.solve_optimum``)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    return _WORKER.submit(group_optimum, instance, asked, time_limit).result()
