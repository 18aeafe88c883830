"""ronda's quarter and year against the best plan that exists (CP-SAT, ``year_reference``):
the same places and leader wants, each group's busiest total equal to the optimum, and every
kind of night (Friday/Saturday, malam Minggu, holidays, each shift of the night) within one of
the smallest spread a plan with those figures can have."""

from __future__ import annotations

from collections import Counter

import pytest
from fairness_reference import Instance, check_hard_rules, to_ronda
from year_reference import KINDS, groups_of, holidays_of, solve_group_optimum, year_instance

from ronda.schedule.builder import build_schedule
from ronda.schedule.shifts import Holiday, Shift

CASES = [year_instance(13), year_instance(52), year_instance(13, 32, 8, (3, 3))]
WISHING = [year_instance(4, wishes=10), year_instance(13, wishes=10),
           year_instance(4, away=0, crowd=23)]
WISHING_IDS = ["4w-wishes", "13w-wishes", "4w-crowded-saturday"]


def figures(plan: list[Shift], instance: Instance) -> tuple[int, int, list[int], dict]:
    """Places filled, shifts led, each group's busiest total and its spread of each kind."""
    holidays = holidays_of(instance.start, instance.end)
    filled = sum(min(len(s.volunteers), instance.need(s.date, s.slot)) for s in plan)
    led = sum(1 for s in plan if s.leader is not None)
    load = Counter(p for s in plan for p in s.volunteers)
    kinds = [k for k in KINDS if not k.startswith("slot") or int(k[4:]) < len(instance.slots)]
    spreads = {}
    for g, ids in enumerate(groups_of(instance)):
        for kind in kinds:
            count = Counter(p for s in plan if KINDS[kind](s.date, s.slot, holidays)
                            for p in s.volunteers)
            spreads[(g, kind)] = max(count[p] for p in ids) - min(count[p] for p in ids)
    busiest = [max(load[p] for p in ids) for ids in groups_of(instance)]
    return filled, led, busiest, spreads


@pytest.mark.slow
@pytest.mark.parametrize("instance", CASES, ids=[c.name for c in CASES])
def test_a_quarter_and_a_year_match_the_optimum_of_each_group(instance: Instance) -> None:
    holidays = {d: Holiday(d, name) for d, name in holidays_of(instance.start,
                                                                instance.end).items()}
    plan = build_schedule(**to_ronda(instance), holidays=holidays)
    check_hard_rules(plan, instance)
    filled, led, busiest, spreads = figures(plan.shifts, instance)
    wide = tuple(key for key, spread in spreads.items() if spread > 1)
    best = solve_group_optimum(instance, wide)
    assert (filled, led) == (best.filled, best.led)
    if best.proved:
        assert busiest == list(best.busiest)
    else:  # the solver's best within its time: ronda is at least as good
        assert all(r <= b for r, b in zip(busiest, best.busiest, strict=True))
    for key, (smallest, _) in best.spreads.items():
        assert spreads[key] <= smallest + 1, (key, spreads[key], smallest)


def kept_wishes(plan: list[Shift], instance: Instance) -> int:
    """The wishes the plan keeps, weighed as the reference weighs them (avoid 2, prefer 1)."""
    from ronda.schedule.wishes import wish_report

    people = to_ronda(instance)["volunteers"]
    report = wish_report(plan, people, instance.start, instance.end)
    weight = {"avoid": 2, "avoid_date": 2, "prefer": 1}
    total = sum(2 * len(v.avoid) + len(v.prefer) for v in people)
    return total - sum(weight[u.kind] for missed in report.unmet.values() for u in missed)


@pytest.mark.slow
@pytest.mark.parametrize("instance", WISHING,
                         ids=WISHING_IDS)
def test_wishes_kept_are_the_optimum_under_the_fair_figures(instance: Instance) -> None:
    """Places, leader wants and each group's busiest total equal to the optimum, totals even
    within every group, and as many wishes kept as any plan with those totals keeps."""
    holidays = {d: Holiday(d, name) for d, name in holidays_of(instance.start,
                                                                instance.end).items()}
    plan = build_schedule(**to_ronda(instance), holidays=holidays)
    check_hard_rules(plan, instance)
    filled, led, busiest, _ = figures(plan.shifts, instance)
    load = Counter(p for s in plan.shifts for p in s.volunteers)
    totals = tuple((min(load[p] for p in ids), max(load[p] for p in ids),
                    sum(load[p] for p in ids)) for ids in groups_of(instance))
    best = solve_group_optimum(instance, totals=totals)
    assert (filled, led, busiest) == (best.filled, best.led, list(best.busiest))
    assert all(high - low <= 1 for low, high, _ in totals)  # even within every group
    assert kept_wishes(plan.shifts, instance) == best.wishes
