"""Busiest totals proved light enough. An exact solve takes a busiest total as proved once no
plan's total can lie between the solver's bound and its best plan: a total is someone's load
plus whole duties, so two totals that differ by more than a millionth of a duty (the solver's
own tolerance, 1e-6) differ by more than ``closest`` of the loads. And a build asks no solve
at all when a bound shows that no plan can be lighter (``lightest``): the duties, or the
leader posts among the leaders, raised evenly to what each can carry."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_scheduler import shift_rules

from ronda.dates import DAY_KEYS
from ronda.model import Away, Slot, Volunteer
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.lightest import _at_least, closest

MONDAY = date(2026, 11, 23)

# loads as the builder keeps them: whole duties, and a later joiner's credit (the average
# before they joined times the nights they missed, so any fraction)
LOADS = st.lists(st.one_of(st.integers(0, 60).map(float),
                           st.floats(0, 60, allow_nan=False, allow_infinity=False)),
                 min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(LOADS)
def test_no_two_busiest_totals_are_nearer_than_the_gap(loads: list[float]) -> None:
    gap = closest(loads)
    totals = sorted(load + k for load in loads for k in range(4))
    assert 0 < gap < 1
    assert all(b - a > gap or b - a <= 1e-6
               for a, b in zip(totals, totals[1:], strict=False)), (gap, totals)


def test_whole_duties_leave_almost_a_duty_and_a_credit_its_fraction() -> None:
    assert closest([10.0, 3.0, 7.0]) > 0.99
    # a later joiner counted as 1.3 beside whole totals: 10 and 10.3 are the nearest two
    assert 0.29 < closest([10.0, 4.0, 1.3]) < 0.3


# --- a busiest total proved without a solve --------------------------------------------------


@st.composite
def neighbourhoods(draw: st.DrawFn) -> tuple[list[Volunteer], Rules, int]:
    """An RT of 8 to 36 residents, a quarter leaders, most free most nights, some away or
    with a weekly maximum, one to three shifts a night; and how many nights to plan."""
    people = []
    for i in range(1, draw(st.integers(8, 36)) + 1):
        days = tuple(d for d in DAY_KEYS if draw(st.integers(0, 4)) > 0) or ("sat",)
        away = ()
        if draw(st.integers(0, 6)) == 0:
            first = MONDAY + timedelta(days=draw(st.integers(-3, 20)))
            away = (Away(first, first + timedelta(days=draw(st.integers(0, 9))), "mudik"),)
        people.append(Volunteer(id=i, name=f"Warga {i}", household=f"H{i // 2}",
                                leader=draw(st.integers(0, 3)) == 0, days=days, away=away,
                                max_per_week=draw(st.sampled_from([None, None, 2, 3]))))
    return people, draw(shift_rules()), draw(st.sampled_from([7, 14, 28]))


def bound_checked_against_highs(monkeypatch: pytest.MonkeyPatch, examples: int) -> None:
    """Plan ``examples`` random neighbourhoods; whenever the bound says the busiest total is
    as light as it can be, HiGHS, asked to lighten it, must find nothing lighter."""
    import ronda.schedule.exact as exact

    proved = []
    bound = exact.lightest

    def checked(chains: Any, window: list[int], fixed: set[tuple[int, int]]) -> bool:
        said = bound(chains, window, fixed)
        first, last = (min(chains.shifts[i].date for i in window),
                       max(chains.shifts[i].date for i in window))
        assert exact._shifts_between(chains, first, last) == window
        if said and not exact._open_in(chains, window):
            # nothing open: HiGHS, solving, could only lighten the busiest total
            monkeypatch.setattr(exact, "lightest", lambda *_: False)
            assert not exact._solve_window(chains, first, last, exact.TIME_LIMIT, fixed,
                                           busiest=True)
            monkeypatch.setattr(exact, "lightest", checked)
            proved.append((first, last))
        return said

    monkeypatch.setattr(exact, "lightest", checked)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(neighbourhoods(), st.integers(0, 5))
    def plans(neighbourhood: tuple[list[Volunteer], Rules, int], seed: int) -> None:
        people, rules, length = neighbourhood
        history = build_schedule(people, rules, MONDAY - timedelta(days=14),
                                 MONDAY - timedelta(days=1), seed=seed).shifts
        build_schedule(people, rules, MONDAY, MONDAY + timedelta(days=length - 1),
                       history=history, seed=seed)

    plans()
    assert len(proved) >= examples // 5  # the bound did prove, often: this checked something


@pytest.mark.slow  # a solve for each bound that proves: the exact solver's checks run in CI
def test_a_busiest_total_the_bound_proves_is_one_no_solve_can_lighten(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping the solve the bound makes needless changes no plan, on 30 random RTs."""
    bound_checked_against_highs(monkeypatch, 30)


def test_nine_leaders_for_56_shifts_make_7_the_lightest_busiest_total(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """RT 012's four weeks: two shifts a night, each wanting a leader, nine leaders. 56 posts
    among nine leaders give one of them at least 7 (56 / 9 = 6.2), so a plan whose busiest
    has 7 is as light as any can be, without asking the solver."""
    leaders = [Volunteer(id=i, name=f"Ketua {i}", leader=True) for i in range(1, 10)]
    others = [Volunteer(id=i, name=f"Warga {i}") for i in range(10, 35)]
    rules = Rules((Slot(time(22), time(1), 3), Slot(time(1), time(4), 3)), rest=1)
    import ronda.schedule.exact as exact

    def solver(*_: object, **__: object) -> None:
        raise AssertionError("HiGHS was asked")

    monkeypatch.setattr(exact, "_Solver", solver)
    plan = build_schedule(leaders + others, rules, MONDAY, MONDAY + timedelta(days=27))
    led = Counter(s.leader for s in plan.shifts)
    assert sum(led.values()) == 56 and max(led.values()) == 7
    assert len({s.leader for s in plan.shifts}) == 9


def test_the_level_is_where_the_lightest_carry_the_duties_and_a_total_can_be() -> None:
    floors = {1: 0.0, 2: 3.0, 3: 1.3}  # 1.3: a later joiner's credit
    # 4 duties more: 1 and 3 rise to 2.65 together, and the nearest total 1 or 3 can reach
    # there is 3 (none of 2.3, 2.65 is a load plus whole duties but 3.0 and 3.3)
    assert _at_least(floors, {1: 9, 2: 9, 3: 9}, [1, 2, 3], 4) == 3.0
    # 1 can carry one: 2 and 3 rise with the rest to 3.65, and the nearest total is 4
    assert _at_least(floors, {1: 1, 2: 9, 3: 9}, [1, 2, 3], 4) == 4.0
    assert _at_least(floors, {1: 1, 2: 1, 3: 1}, [1, 2, 3], 4) == 0.0  # they cannot carry 4
