"""The exact fairness reference of ``fairness_reference.py`` (OR-Tools CP-SAT), and ronda's
plans on its random neighbourhoods.

On random neighbourhoods (see ``generate``) ronda's plan must break no rule, tell every
shortfall truly, fill as many places and leader posts as the best plan that exists, keep the
busiest person's total as low as that plan does, and come within one duty of its max-min
fairness, on every neighbourhood where CP-SAT proves the optimum in its time limit. The
reference itself is checked on neighbourhoods small enough to work out by hand, and its plan
is put to the same rule checks (ronda's own reading of the rules included). The larger
neighbourhoods are measured by ``benchmarks/bench_fairness.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

import pytest

pytest.importorskip("ortools")

from fairness_reference import (  # noqa: E402
    EVERY_DAY,
    FIRST_MONDAY,
    MON_THU,
    WEEKENDS,
    HardRuleBroken,
    Instance,
    Measures,
    Optimum,
    Person,
    SlotNeed,
    check_hard_rules,
    check_shortfalls,
    deficit,
    generate,
    measure,
    solve_optimum,
    to_ronda,
    within_one,
)

from ronda.schedule.builder import Plan, build_schedule  # noqa: E402
from ronda.schedule.shifts import Shift  # noqa: E402

TIME_LIMIT = 3.0  # seconds per solve; the small instances prove in well under one
SMALL = range(1, 26)
MEDIUM = range(1, 6)


@dataclass(frozen=True)
class Case:
    """One neighbourhood, ronda's plan for it and its measures, and the reference optimum."""

    instance: Instance
    plan: Plan
    ronda: Measures
    optimum: Optimum


@cache
def case(size: str, seed: int) -> Case:
    instance = generate(seed, size)
    plan = build_schedule(**to_ronda(instance))
    return Case(instance, plan, measure(plan.shifts, instance),
                solve_optimum(instance, TIME_LIMIT))


# every instance is solved exactly (CP-SAT): the slow tier, which CI runs
CASES = [pytest.param("small", s, id=f"small-{s:02d}", marks=pytest.mark.slow)
         for s in SMALL] + [
    pytest.param("medium", s, id=f"medium-{s:02d}", marks=pytest.mark.slow)
    for s in MEDIUM]


def unproved(stage: str) -> None:
    pytest.skip(f"CP-SAT did not prove stage {stage} within {TIME_LIMIT:g} s a solve")


# ------------------------------------------------------------------ ronda on random instances

@pytest.mark.parametrize(("size", "seed"), CASES)
def test_ronda_breaks_no_hard_rule_and_tells_every_shortfall(size: str, seed: int) -> None:
    c = case(size, seed)
    check_hard_rules(c.plan, c.instance)
    check_shortfalls(c.plan, c.instance)


@pytest.mark.parametrize(("size", "seed"), CASES)
def test_ronda_fills_every_place_and_leader_post_the_best_plan_fills(size: str,
                                                                     seed: int) -> None:
    c = case(size, seed)
    if not c.optimum.leaders.proved:
        unproved("B")
    assert (c.ronda.filled, c.ronda.leaders) == (c.optimum.filled.value,
                                                 c.optimum.leaders.value)


@pytest.mark.parametrize(("size", "seed"), CASES)
def test_ronda_busiest_total_is_as_low_as_the_best_plan(size: str, seed: int) -> None:
    c = case(size, seed)
    if not c.optimum.max_load.proved:
        unproved("C")
    assert c.ronda.max_load == c.optimum.max_load.value


@pytest.mark.parametrize(("size", "seed"), CASES)
def test_ronda_comes_within_one_duty_of_max_min_fairness(size: str, seed: int) -> None:
    c = case(size, seed)
    if not c.optimum.loads.proved:
        unproved("D")
    assert within_one(c.ronda.loads, c.optimum.loads.value), (
        f"{c.ronda.loads} against {c.optimum.loads.value}: "
        f"{deficit(c.ronda.loads, c.optimum.loads.value)} below")


# ------------------------------------------------------------------ the reference itself

@pytest.mark.parametrize(("size", "seed"), CASES)
def test_the_reference_plan_keeps_ronda_rules_and_reaches_its_values(size: str,
                                                                      seed: int) -> None:
    c = case(size, seed)
    check_hard_rules(c.optimum.shifts, c.instance)
    if not c.optimum.loads.proved:
        unproved("D")
    got = measure(c.optimum.shifts, c.instance)
    assert (got.filled, got.leaders, got.max_load, got.loads) == (
        c.optimum.filled.value, c.optimum.leaders.value, c.optimum.max_load.value,
        c.optimum.loads.value)


def hand_made(people: list[Person], per_night: int, rest: int, weeks: int = 1,
              history: tuple[Shift, ...] = ()) -> Instance:
    return Instance("hand", 0, tuple(people), (SlotNeed(per_night),), rest, None, FIRST_MONDAY,
                    weeks, history)


def optimum_of(instance: Instance) -> tuple[int, int, int, tuple[int, ...]]:
    best = solve_optimum(instance, TIME_LIMIT)
    assert best.proved
    return best.filled.value, best.leaders.value, best.max_load.value, best.loads.value


def test_less_availability_lowers_a_share_only_where_it_binds() -> None:
    """Mon–Thu, every day and weekends only, one a night for two weeks: 14 duties. Shares in
    proportion to availability (8 : 14 : 6 nights) would be 4, 7 and 3; nobody's availability
    binds below 14 / 3, so the best is 4, 5 and 5."""
    people = [Person(1, MON_THU), Person(2, EVERY_DAY), Person(3, WEEKENDS)]
    assert optimum_of(hand_made(people, 1, rest=0, weeks=2)) == (14, 0, 5, (4, 5, 5))


def test_someone_who_can_come_once_gets_once_and_the_rest_share_evenly() -> None:
    people = [Person(1, frozenset({5})), Person(2), Person(3)]
    assert optimum_of(hand_made(people, 1, rest=0)) == (7, 0, 3, (1, 3, 3))


def test_one_evening_two_candidates_is_settled_in_whole_duties() -> None:
    """Either can have Monday, so neither is "stuck" at 0, yet only one gets it: the
    textbook progressive filling would stall here."""
    people = [Person(1, frozenset({0})), Person(2, frozenset({0}))]
    assert optimum_of(hand_made(people, 1, rest=0)) == (1, 0, 1, (0, 1))


def test_history_counts_towards_the_totals() -> None:
    before = tuple(Shift(FIRST_MONDAY - timedelta(days=k), 0, (1,)) for k in (1, 2, 3))
    instance = hand_made([Person(1), Person(2)], 1, rest=0, history=before)
    assert optimum_of(instance) == (7, 0, 5, (5, 5))


def test_history_keeps_its_rest_evenings() -> None:
    """Sunday's duty before the plan keeps person 1 off Monday and Tuesday with rest 2."""
    before = (Shift(FIRST_MONDAY - timedelta(days=1), 0, (1,)),)
    instance = hand_made([Person(1, frozenset({0, 1})), Person(2, frozenset({2}))], 1, rest=2,
                         history=before)
    assert optimum_of(instance)[:3] == (1, 0, 1)


def test_a_lone_leader_wanted_on_every_shift_comes_before_the_busiest_load() -> None:
    """One slot and one leader: every shift wants the leader, so they serve all seven
    evenings though three could share the fourteen places 5, 5, 4."""
    people = [Person(1, leader=True), Person(2), Person(3)]
    assert optimum_of(hand_made(people, 2, rest=0)) == (14, 7, 7, (3, 4, 7))


def test_with_fewer_leaders_than_slots_each_evening_wants_one() -> None:
    people = [Person(1, leader=True), Person(2), Person(3), Person(4)]
    instance = Instance("hand", 0, tuple(people), (SlotNeed(1), SlotNeed(1)), 1, None,
                        FIRST_MONDAY, 1)
    filled, leaders, busiest, loads = optimum_of(instance)
    assert (filled, leaders) == (14, 4)  # seven evenings want one; with rest 1 they lead four
    assert busiest == 4 and sum(loads) == 14


def test_the_household_and_weekly_rules_bind_the_optimum() -> None:
    """Two of one household (typed in different case) never go out together, and the third
    comes twice a week at most: of two places a night, nine can be filled; the household's
    seven evenings are shared 4 and 3."""
    people = [Person(1, household="B-01"), Person(2, household="b-01"),
              Person(3, max_per_week=2)]
    assert optimum_of(hand_made(people, 2, rest=0)) == (9, 0, 4, (2, 3, 4))


def test_within_one_compares_position_by_position() -> None:
    assert deficit((2, 3, 5), (3, 4, 4)) == 1 and within_one((2, 3, 5), (3, 4, 4))
    assert deficit((1, 3, 6), (3, 3, 4)) == 2 and not within_one((1, 3, 6), (3, 3, 4))
    assert deficit((5, 5), (4, 4)) == 0


def test_the_measures_of_a_plan() -> None:
    people = [Person(1, leader=True), Person(2), Person(3)]
    instance = hand_made(people, 2, rest=0)
    days = instance.evenings
    plan = [Shift(days[0], 0, (1, 2), 1), Shift(days[1], 0, (2, 3)), Shift(days[2], 0, (3,))]
    assert measure(plan, instance) == Measures(filled=5, places=14, leaders=1, leader_wants=7,
                                               max_load=2, loads=(1, 2, 2))


RULES_ROSTER = [Person(1, MON_THU), Person(2, away=((FIRST_MONDAY, FIRST_MONDAY),)),
                Person(3, household="B-07"), Person(4, household="b-07"),
                Person(5, max_per_week=1), Person(6, leader=True)]
D = [FIRST_MONDAY + timedelta(days=k) for k in range(7)]


@pytest.mark.parametrize(("plan", "rule"), [
    ([Shift(D[4], 0, (1,))], "weekday"),
    ([Shift(D[0], 0, (2,))], "away"),
    ([Shift(D[0], 0, (3, 4))], "household"),
    ([Shift(D[0], 0, (5,)), Shift(D[3], 0, (5,))], "more than 1"),
    ([Shift(D[0], 0, (6,)), Shift(D[1], 0, (6,))], "rest"),
    ([Shift(D[0], 0, (6, 1, 2))], "places"),
    ([Shift(D[1], 0, (1, 2), leader=1)], "not a leader"),
    ([Shift(D[1], 0, (6, 2), leader=6), Shift(D[1], 0, (3,))], "planned twice"),
], ids=["weekday", "away", "household", "week", "rest", "head-count", "leader", "twice"])
def test_every_hard_rule_is_checked(plan: list[Shift], rule: str) -> None:
    instance = Instance("rules", 0, tuple(RULES_ROSTER), (SlotNeed(2),), 1, None,
                        FIRST_MONDAY, 1)
    with pytest.raises(HardRuleBroken, match=rule):
        check_hard_rules(plan, instance)
    check_hard_rules([Shift(D[1], 0, (6, 2), leader=6), Shift(D[3], 0, (6, 3), leader=6),
                      Shift(D[0], 0, (1, 5))], instance)


@pytest.mark.slow
def test_the_generator_makes_varied_neighbourhoods() -> None:
    instances = [generate(s, "small") for s in SMALL]
    assert all(8 <= len(i.people) <= 14 and i.start.weekday() == 0 for i in instances)
    assert {i.rest for i in instances} == {0, 1, 2}
    assert {len(i.slots) for i in instances} == {1, 2}
    assert any(i.history for i in instances) and any(not i.history for i in instances)
    leaders = {(sum(p.leader for p in i.people) >= len(i.slots)) for i in instances}
    assert leaders == {True, False}
    assert any(p.away for i in instances for p in i.people)
    assert any(i.houses() for i in instances)
    assert generate(3) == generate(3)
