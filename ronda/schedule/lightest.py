"""What no plan can beat, known without a solve: the busiest total a plan cannot go under, and
how near two busiest totals can lie.

A person's total is their load (duties in the fairness window, a later joiner's credit) plus
whole duties, so totals move in whole duties from each load. The exact solves (``exact``) use
these to stop once a total is proved, or not to start when a bound already proves it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ronda.schedule.rules import on_roster

if TYPE_CHECKING:
    from ronda.schedule.chains import Chains


def even(load: dict[int, float]) -> bool:
    """Whether no plan can have a lighter busiest total: everyone within one duty (in whole
    duties), or nobody above the average."""
    if not load:
        return True
    top, low = max(load.values()), min(load.values())
    whole = all(abs(v - round(v)) < 1e-9 for v in load.values())
    return (whole and top - low <= 1 + 1e-9) or top <= sum(load.values()) / len(load) + 1e-9


def lightest(chains: Chains, window: list[int], fixed: set[tuple[int, int]]) -> bool:
    """Whether no plan of the shifts ``window`` (the duties in ``fixed`` kept) can have a
    lighter busiest total, by a bound that needs no solve.

    The duties that may move, given to whoever is lightest and each no more than they could
    carry (their weekdays and away periods, one duty in ``rest + 1`` nights, their weekly
    maximum), raise the lightest to a level the busiest total cannot be under; so do the
    leader posts now met by duties that may move, among the leaders. Totals are a load plus
    whole duties: when none lies between that level and the busiest total now, the plan is
    as light as it can be and a solve would find nothing better."""
    by_id, shifts = chains.by_id, chains.shifts
    floors = {p: chains.load[p] for p in by_id}
    duties = 0
    for i in window:
        for p in shifts[i].volunteers:
            if p in floors and (i, p) not in fixed:
                floors[p] -= 1
                duties += 1
    busiest = max(chains.load[p] for p in by_id)
    if max(floors.values()) >= busiest - 1e-6:  # the busiest total is kept as it is
        return True
    caps = _carry(chains, sorted({shifts[i].date for i in window}))
    leaders = [p for p, v in by_id.items() if v.leader]
    return any(_at_least(floors, caps, group, total) >= busiest - 1e-6
               for group, total in ((list(by_id), duties),
                                    (leaders, _posts_moving(chains, window, fixed)))
               if total)


def _posts_moving(chains: Chains, window: list[int], fixed: set[tuple[int, int]]) -> int:
    """How many leader posts of ``window`` are met now by a leader whose duty may move (each
    needs a leader's duty in any plan that meets as many): a shift's own, or a night's when
    there is one a night (counted only when every shift of the night may be planned again
    and none is led by a duty that stays)."""
    if not chains.b.has_leaders:
        return 0
    shifts, by_id = chains.shifts, chains.by_id

    def moving(i: int) -> bool:
        s = shifts[i]
        return s.leader in by_id and (i, s.leader) not in fixed and chains.required(i) > 0

    if chains.b.leader_per_shift:
        return sum(1 for i in window if moving(i))
    inside = set(window)
    posts = 0
    for d in {shifts[i].date for i in window}:
        night = sorted(chains.by_night[d], key=lambda j: shifts[j].slot)
        led = [j for j in night if shifts[j].leader is not None]
        if night and all(j in inside for j in night) and chains.required(night[0]) > 0 \
                and led and all(moving(j) for j in led):
            posts += 1
    return posts


def _carry(chains: Chains, nights: list[date]) -> dict[int, int]:
    """The most of ``nights`` each person could serve: their weekdays, away periods, one duty
    in ``rest + 1`` nights (the earliest nights first fit the most) and their weekly maximum,
    each taken alone (so never fewer than they can)."""
    rules = chains.rules
    caps: dict[int, int] = {}
    for p, v in chains.by_id.items():
        free = [d for d in nights if on_roster(v, d)]
        apart = 0
        previous: date | None = None
        for d in free:
            if previous is None or (d - previous).days > rules.rest:
                apart += 1
                previous = d
        limit = v.max_per_week or rules.max_per_week
        if limit is not None:
            weeks: dict[date, int] = defaultdict(int)
            for d in free:
                weeks[d - timedelta(days=d.weekday())] += 1
            apart = min(apart, sum(min(limit, n) for n in weeks.values()))
        caps[p] = apart
    return caps


def _at_least(floors: dict[int, float], caps: dict[int, int], group: list[int],
              total: int) -> float:
    """The least busiest total of ``group`` once its members carry ``total`` duties more,
    from ``floors``, each at most ``caps``: the level the lightest rise to, up to the
    nearest total someone can reach (a floor plus whole duties); 0 when they cannot."""
    if not group or sum(caps[p] for p in group) < total:
        return 0.0
    low = min(floors[p] for p in group)
    high = max(floors[p] + caps[p] for p in group)
    for _ in range(50):
        level = (low + high) / 2
        given = sum(min(caps[p], max(0.0, level - floors[p])) for p in group)
        low, high = (level, high) if given < total else (low, level)
    return min(floors[p] + max(0, math.ceil(low - floors[p] - 1e-6)) for p in group)


def closest(loads: Iterable[float]) -> float:
    """How near two different busiest totals can be, less a margin: a total is someone's load
    plus whole duties, so two differ by a whole number or by the difference of two loads'
    fractions (a later joiner's credit). A solve whose bound is nearer its best plan than this
    has proved it; without it, HiGHS spends its whole time limit closing the last fraction of
    a duty that no plan can take."""
    fractions = sorted({round(v % 1.0, 6) % 1.0 for v in loads})
    steps = [b - a for a, b in zip(fractions, fractions[1:], strict=False)]
    steps.append(1.0 - fractions[-1] + fractions[0] if fractions else 1.0)
    return max(1e-6, min(steps) - 1e-4)
