"""Who leads which night, planned for the whole range at once when leaders are few.

With three leaders, two rest nights and one leader wanted a night, there is exactly one way to
rotate them so every night is led; taking the least loaded free leader night after night finds
it only by luck (a leader who cannot come on Wednesdays breaks the rotation every week). So
when the roster has only a handful of leaders, their nights are planned first by dynamic
programming over the evenings: the state is, for each leader, the nights since their last duty
and their duties this week; the plan leads as many of the wanted shifts as the rules allow,
resting leaders longest first among equal plans.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import combinations
from typing import NamedTuple

from ronda.dates import day_key
from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules, blocked, on_roster

MAX_STATES = 4000  # beyond this the plan is left to the night-by-night builder


def plan_leaders(leaders: Sequence[Volunteer], evenings: Sequence[date],
                 wanted: dict[date, int], rules: Rules, ledger: Ledger,
                 people: Sequence[Volunteer] = ()) -> dict[date, tuple[int, ...]] | None:
    """For each evening, the leaders who lead it (as many as ``wanted`` allows, the most
    over the range); among plans that lead as many, the one that keeps fewest of the
    leaders' housemates (``people``) off nights they could serve, then the one resting
    leaders longest. ``None`` when there are too many leaders for an exact plan."""
    if not leaders or not evenings:
        return None
    rest = rules.rest
    limits = [v.max_per_week or rules.max_per_week for v in leaders]
    states = 1
    for limit in limits:
        states *= (rest + 2) * ((limit or 0) + 1)
    if states > MAX_STATES:
        return None
    first = evenings[0]
    start: list[tuple[int, int]] = []
    monday = first - timedelta(days=first.weekday())
    for v in leaders:
        last = ledger.last_before(v.id, first)
        gap = rest + 1 if last is None else min(rest + 1, (first - last).days)
        week = ledger.between(v.id, monday, first - timedelta(days=1))
        start.append((gap, week))
    homes = [v.household.casefold() if rules.households else "" for v in leaders]
    ids = {v.id for v in leaders}

    def housemates_kept_off(k: int, d: date) -> int:
        return sum(1 for v in people if v.id not in ids and homes[k]
                   and v.household.casefold() == homes[k] and day_key(d) in v.days
                   and v.away_on(d) is None)

    cost = {(k, d): housemates_kept_off(k, d) for k in range(len(leaders)) for d in evenings}
    # for each evening: state -> (led, rest score, previous state, leaders chosen)
    layers: list[dict[tuple, tuple[int, int, int, tuple | None, tuple[int, ...]]]] = []
    best: dict[tuple, tuple[int, int, int]] = {tuple(start): (0, 0, 0)}
    for d in evenings:
        new_week = d.weekday() == 0
        want = wanted.get(d, 0)
        free_today = [k for k, v in enumerate(leaders) if on_roster(v, d)]
        layer: dict[tuple, tuple[int, int, int, tuple | None, tuple[int, ...]]] = {}
        for before, (led, kept_off, score) in best.items():
            state = tuple((gap, 0) for gap, _ in before) if new_week else before
            can = [k for k in free_today if state[k][0] > rest
                   and (limits[k] is None or state[k][1] < limits[k])]
            for size in range(min(want, len(can)), -1, -1):
                for chosen in combinations(can, size):
                    houses = [homes[k] for k in chosen if homes[k]]
                    if len(houses) != len(set(houses)):
                        continue  # two of one household on one night
                    after = tuple(
                        (1, week + 1) if k in chosen else (min(gap + 1, rest + 1), week)
                        for k, (gap, week) in enumerate(state))
                    value = (led + size, kept_off - sum(cost[(k, d)] for k in chosen),
                             score + sum(state[k][0] for k in chosen))
                    if after not in layer or value > layer[after][:3]:
                        layer[after] = (*value, before, chosen)
        layers.append(layer)
        best = {state: entry[:3] for state, entry in layer.items()}
    state = max(best, key=lambda s: best[s])
    plan: dict[date, tuple[int, ...]] = {}
    for d, layer in zip(reversed(evenings), reversed(layers), strict=True):
        _, _, _, before, chosen = layer[state]
        plan[d] = tuple(leaders[k].id for k in chosen)
        state = before
    return plan


def rotate_leaders(leaders: Sequence[Volunteer], evenings: Sequence[date],
                   wanted: dict[date, int], rules: Rules, ledger: Ledger,
                   counts: LeaderCounts) -> dict[date, tuple[int, ...]] | None:
    """Leaders in turn, night by night: each wanted post to the free leader with the fewest
    duties, then (on a Friday, Saturday or holiday) the fewest such nights, then the fewest
    on this weekday, then the longest rest; of a night's leaders, the one who has led the
    shift after midnight least leads it. Among leaders who are equals this is a rotation
    that spreads every weekday evenly; ``None`` when it leaves a post unled that is wanted,
    for then only the exact plan (``plan_leaders``) is sure to lead the most."""
    trial = ledger.copy()
    load, special, weekday, last = (dict(counts.load), dict(counts.special),
                                    {p: list(w) for p, w in counts.weekday.items()},
                                    dict(counts.last))
    plan: dict[date, tuple[int, ...]] = {}
    shifts: dict[int, list[int]] = {v.id: [] for v in leaders}  # posts led per shift
    for d in evenings:
        marked = d in counts.special_nights
        w = d.weekday()
        order = sorted(leaders, key=lambda v: (load[v.id], v.wish_on(d) < 0,
                                               special[v.id] if marked else 0,
                                               weekday[v.id][w], last[v.id],
                                               counts.tiebreak[v.id]))
        chosen: list[int] = []
        for v in order:
            if len(chosen) == wanted.get(d, 0):
                break
            if blocked(v, d, trial, rules) is None:  # also a housemate just chosen
                chosen.append(v.id)
                trial.add(v.id, d)
                load[v.id] += 1
                special[v.id] += marked
                weekday[v.id][w] += 1
                last[v.id] = d.toordinal()
        if len(chosen) < wanted.get(d, 0):
            return None
        plan[d] = _by_shift(chosen, shifts)
    return plan


def _by_shift(chosen: list[int], shifts: dict[int, list[int]]) -> tuple[int, ...]:
    """The night's leaders in the order of its shifts: the latest shift to whoever has led
    it least, then the one before, so the shift after midnight goes round."""
    left, out = list(chosen), [0] * len(chosen)
    for k in reversed(range(len(chosen))):
        pick = min(left, key=lambda p: shifts[p][k] if k < len(shifts[p]) else 0)
        left.remove(pick)
        out[k] = pick
        while len(shifts[pick]) <= k:
            shifts[pick].append(0)
        shifts[pick][k] += 1
    return tuple(out)


class LeaderCounts(NamedTuple):
    """What the rotation weighs, as the builder counts it: each person's total (history
    included), Friday/Saturday and holiday nights, duties per weekday, last duty (ordinal),
    a seeded tie-break, and which evenings are special."""

    load: dict[int, float]
    special: dict[int, int]
    weekday: dict[int, list[int]]
    last: dict[int, int]
    tiebreak: dict[int, float]
    special_nights: frozenset[date]
