"""An exact solve takes a busiest total as proved once no plan's total can lie between the
solver's bound and its best plan: a total is someone's load plus whole duties, so two totals
that differ by more than a millionth of a duty (the solver's own tolerance, 1e-6) differ by
more than ``_closest`` of the loads."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ronda.schedule.exact import _closest

# loads as the builder keeps them: whole duties, and a later joiner's credit (the average
# before they joined times the nights they missed, so any fraction)
LOADS = st.lists(st.one_of(st.integers(0, 60).map(float),
                           st.floats(0, 60, allow_nan=False, allow_infinity=False)),
                 min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(LOADS)
def test_no_two_busiest_totals_are_nearer_than_the_gap(loads: list[float]) -> None:
    gap = _closest(loads)
    totals = sorted(load + k for load in loads for k in range(4))
    assert 0 < gap < 1
    assert all(b - a > gap or b - a <= 1e-6
               for a, b in zip(totals, totals[1:], strict=False)), (gap, totals)


def test_whole_duties_leave_almost_a_duty_and_a_credit_its_fraction() -> None:
    assert _closest([10.0, 3.0, 7.0]) > 0.99
    # a later joiner counted as 1.3 beside whole totals: 10 and 10.3 are the nearest two
    assert 0.29 < _closest([10.0, 4.0, 1.3]) < 0.3
