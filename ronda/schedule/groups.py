"""Fairness within each group of equals: people of one role, the same nights available and the
same weekly maximum carry the same share of every kind of night.

After the totals are even, ``balance_kinds`` evens out, within each group and in this order,
Friday/Saturday nights, malam Minggu (Saturday), holiday nights and, where a night has several
shifts, each shift of the night, counting the duties of the fairness window before the plan
too, so a year and the next stay even. Each step is a trade: two people of the group exchange
one duty each, so nobody's total changes and nothing balanced by an earlier step moves: a
Saturday is traded for a Friday, a holiday for an ordinary night of the same kind, a shift
for another of the same kind of night.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from datetime import date

from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Holiday, Shift, is_weekend

SATURDAY = 5
MAX_TRADES = 20_000  # a safety net; every trade narrows a spread, so far fewer happen


def groups_of_equals(people: Sequence[Volunteer], max_per_week: int | None
                     ) -> list[list[Volunteer]]:
    """The people who should carry the same: one role, the same days, the same weekly
    maximum (groups of one have nobody to be fair to)."""
    found: dict[tuple, list[Volunteer]] = defaultdict(list)
    for v in people:
        found[(v.leader, tuple(sorted(v.days)), v.max_per_week or max_per_week)].append(v)
    return [g for g in found.values() if len(g) > 1]


def night_kinds(holidays: dict[date, Holiday]) -> list[tuple[str, Callable[[Shift], bool],
                                                            Callable[[Shift, Shift], bool]]]:
    """Each kind of night in the order it is evened out: its name, which shifts are of it,
    and which pairs of shifts may be traded for it without moving an earlier kind."""

    def weekend(s: Shift) -> bool:
        return is_weekend(s.date)

    def saturday(s: Shift) -> bool:
        return s.date.weekday() == SATURDAY

    def holiday(s: Shift) -> bool:
        return s.date in holidays

    return [
        ("weekend", weekend, lambda a, b: holiday(a) == holiday(b)),
        ("saturday", saturday, lambda a, b: weekend(b) and holiday(a) == holiday(b)),
        ("holiday", holiday, lambda a, b: weekend(a) == weekend(b)
         and saturday(a) == saturday(b)),
    ]


def balance_kinds(shifts: list[Shift], people: Sequence[Volunteer], rules: Rules,
                  ledger: Ledger, holidays: dict[date, Holiday], past: Sequence[Shift] = (),
                  frozen: Collection[tuple[int, int]] = ()) -> None:
    """Even out every kind of night within each group of equals (see the module), by trades
    that keep every rule; ``frozen`` duties ((shift index, person)) never move."""
    kinds = night_kinds(holidays)
    slots = sorted({s.slot for s in shifts})
    for k in slots if len(slots) > 1 else ():
        kinds.append((f"slot{k}", lambda s, k=k: s.slot == k,
                      lambda a, b: all(same(a) == same(b) for _, same, _ in kinds[:3])))
    where: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            where[p].append(i)
    for group in groups_of_equals(people, rules.max_per_week):
        ids = [v.id for v in group]
        by_id = {v.id: v for v in group}
        for _, of_kind, tradable in kinds:
            before = {p: sum(1 for s in past if p in s.volunteers and of_kind(s)) for p in ids}
            count = {p: before[p] + sum(1 for i in where[p] if of_kind(shifts[i])) for p in ids}
            stuck: set[tuple[int, int, int, int]] = set()
            for _ in range(MAX_TRADES):
                pair = next(((a, b) for a in sorted(ids, key=lambda p: -count[p])
                             for b in sorted(ids, key=lambda p: count[p])
                             if count[a] - count[b] > 1
                             and (a, b, count[a], count[b]) not in stuck), None)
                if pair is None:
                    break
                a, b = pair
                if _trade(shifts, where, ledger, rules, by_id[a], by_id[b], of_kind, tradable,
                          frozen):
                    count[a] -= 1
                    count[b] += 1
                else:
                    stuck.add((a, b, count[a], count[b]))


def _trade(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger, rules: Rules,
           va: Volunteer, vb: Volunteer, of_kind: Callable[[Shift], bool],
           tradable: Callable[[Shift, Shift], bool], frozen: Collection[tuple[int, int]]
           ) -> bool:
    """``va`` gives one of their nights of the kind to ``vb`` for one of ``vb``'s nights not
    of it; whether a trade the rules allow was found and made."""
    a, b = va.id, vb.id
    mine = [i for i in where[a] if of_kind(shifts[i]) and (i, a) not in frozen]
    theirs = [j for j in where[b] if not of_kind(shifts[j]) and (j, b) not in frozen]
    for i in mine:
        si = shifts[i]
        for j in theirs:
            sj = shifts[j]
            if not tradable(si, sj):
                continue
            if si.date == sj.date:  # two shifts of one night: they change places
                _exchange(shifts, where, ledger, i, a, j, b)
                return True
            if b in si.volunteers or a in sj.volunteers:
                continue
            if blocked(vb, si.date, ledger, rules, ignore=sj.date, leaving=a) or \
                    blocked(va, sj.date, ledger, rules, ignore=si.date, leaving=b):
                continue
            _exchange(shifts, where, ledger, i, a, j, b)
            # both must still hold once the other has moved
            if blocked(vb, si.date, ledger, rules, ignore=si.date) is None and \
                    blocked(va, sj.date, ledger, rules, ignore=sj.date) is None:
                return True
            _exchange(shifts, where, ledger, i, b, j, a)
    return False


def _exchange(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger, i: int,
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
