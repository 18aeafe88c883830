"""Trades within a group of equals: who should carry the same, and two people exchanging one
duty each (so no total moves), for evening out each kind of night (``groups``) and keeping
wishes (``wishes``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Shift


def groups_of_equals(people: Sequence[Volunteer], max_per_week: int | None
                     ) -> list[list[Volunteer]]:
    """The people who should carry the same: one role, the same days, the same weekly
    maximum (groups of one have nobody to be fair to)."""
    found: dict[tuple, list[Volunteer]] = defaultdict(list)
    for v in people:
        found[(v.leader, tuple(sorted(v.days)), v.max_per_week or max_per_week)].append(v)
    return [g for g in found.values() if len(g) > 1]


def exchange(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger, i: int,
              a: int, j: int, b: int) -> None:
    """``b`` takes ``a``'s place on shift ``i`` and ``a`` takes ``b``'s on ``j`` (leading
    where the other led)."""
    for k, out, into in ((i, a, b), (j, b, a)):
        s = shifts[k]
        shifts[k] = s.with_changes(
            volunteers=tuple(into if p == out else p for p in s.volunteers),
            leader=into if s.leader == out else s.leader)
        ledger.remove(out, s.date)
        where[out].remove(k)
    for k, into in ((i, b), (j, a)):
        ledger.add(into, shifts[k].date)
        where[into].append(k)


def try_trade(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger, rules: Rules,
              i: int, va: Volunteer, j: int, vb: Volunteer) -> bool:
    """``exchange`` ``va`` on shift ``i`` with ``vb`` on ``j`` when the rules allow it for
    both, checked before and again once both have moved (one's move can block the other's);
    whether it was made (when not, the shifts are as they were)."""
    a, b, si, sj = va.id, vb.id, shifts[i], shifts[j]
    if blocked(vb, si.date, ledger, rules, ignore=sj.date, leaving=a) or \
            blocked(va, sj.date, ledger, rules, ignore=si.date, leaving=b):
        return False
    exchange(shifts, where, ledger, i, a, j, b)
    if blocked(vb, si.date, ledger, rules, ignore=si.date) is None and \
            blocked(va, sj.date, ledger, rules, ignore=sj.date) is None:
        return True
    exchange(shifts, where, ledger, i, b, j, a)
    return False
