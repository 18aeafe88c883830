"""Fairness within each group of equals: people of one role, the same nights available and the
same weekly maximum carry the same share of every kind of night.

After the totals are even, ``balance_kinds`` evens out, within each group and in this order,
Friday/Saturday nights, malam Minggu (Saturday), holiday nights and, where a night has several
shifts, each shift of the night, counting the duties of the fairness window before the plan
too, so a year and the next stay even. Each step is a trade: two people of the group exchange
one duty each, so nobody's total changes, and no trade widens a kind evened out before it
(a Saturday is best traded for a Friday, a shift for another of the same night).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from datetime import date
from functools import partial
from typing import NamedTuple

from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules
from ronda.schedule.shifts import Holiday, Shift, is_weekend
from ronda.schedule.trades import exchange, groups_of_equals, try_trade
from ronda.schedule.wishes import trade_gain, wishes

SATURDAY = 5
MAX_TRADES = 20_000  # a safety net; every trade narrows a spread, so far fewer happen


def night_kinds(holidays: dict[date, Holiday]) -> list[tuple[str, Callable[[Shift], bool]]]:
    """Each kind of night in the order it is evened out, with which shifts are of it."""
    return [("weekend", lambda s: is_weekend(s.date)),
            ("saturday", lambda s: s.date.weekday() == SATURDAY),
            ("holiday", lambda s: s.date in holidays)]


def balance_kinds(shifts: list[Shift], people: Sequence[Volunteer], rules: Rules,
                  ledger: Ledger, holidays: dict[date, Holiday], past: Sequence[Shift] = (),
                  frozen: Collection[tuple[int, int]] = ()) -> None:
    """Even out every kind of night within each group of equals (see the module), by trades
    that keep every rule and widen no kind evened out before; ``frozen`` duties ((shift
    index, person)) never move."""
    kinds = night_kinds(holidays)
    slots = sorted({s.slot for s in shifts})
    if len(slots) > 1:
        kinds += [(f"slot{k}", lambda s, k=k: s.slot == k) for k in slots]
    where: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            where[p].append(i)
    for group in groups_of_equals(people, rules.max_per_week):
        ids = [v.id for v in group]
        by_id = {v.id: v for v in group}
        count = {name: {p: sum(1 for s in past if p in s.volunteers and of_kind(s))
                        + sum(1 for i in where[p] if of_kind(shifts[i])) for p in ids}
                 for name, of_kind in kinds}
        for k, (name, of_kind) in enumerate(kinds):
            here, earlier = count[name], kinds[:k]
            stuck: set[tuple[int, int, int, int]] = set()

            keeps = partial(_keeps, count, ids, earlier)
            for _ in range(MAX_TRADES):
                pair = _widest_pair(ids, here, stuck)
                if pair is None:
                    break
                a, b = pair
                traded = _trade(shifts, where, ledger, rules, by_id[a], by_id[b], of_kind,
                                keeps, frozen)
                if traded is None:
                    stuck.add((a, b, here[a], here[b]))
                    continue
                si, sj = traded
                for other, is_of in kinds:
                    change = is_of(sj) - is_of(si)
                    count[other][a] += change
                    count[other][b] -= change


def _widest_pair(ids: list[int], here: dict[int, int],
                 stuck: set[tuple[int, int, int, int]]) -> tuple[int, int] | None:
    """The most loaded and the least loaded of the group two or more apart whose trade has
    not yet been found impossible at these counts (the widest first)."""
    order = sorted(ids, key=lambda p: here[p])
    for a in sorted(ids, key=lambda p: -here[p]):
        for b in order:
            if here[a] - here[b] <= 1:
                break
            if (a, b, here[a], here[b]) not in stuck:
                return a, b
    return None


def _keeps(count: dict[str, dict[int, int]], ids: list[int],
           earlier: list[tuple[str, Callable[[Shift], bool]]], si: Shift, sj: Shift, a: int,
           b: int) -> bool:
    """Whether ``a`` giving ``si`` for ``b``'s ``sj`` widens no kind in ``earlier`` beyond
    one or its present spread."""
    for other, is_of in earlier:
        change = is_of(sj) - is_of(si)  # for a; b the opposite
        if change:
            values = count[other]
            new = [values[a] + change, values[b] - change,
                   *(values[p] for p in ids if p not in (a, b))]
            old = max(values.values()) - min(values.values())
            if max(new) - min(new) > max(old, 1):
                return False
    return True


def _trade(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger, rules: Rules,
           va: Volunteer, vb: Volunteer, of_kind: Callable[[Shift], bool],
           keeps: Callable[[Shift, Shift, int, int], bool],
           frozen: Collection[tuple[int, int]]) -> tuple[Shift, Shift] | None:
    """``va`` gives one of their nights of the kind to ``vb`` for one of ``vb``'s nights not
    of it, as the rules and ``keeps`` allow; the two shifts as they were, or None."""
    a, b = va.id, vb.id
    nights = ([shifts[k].date for k in where[a]], [shifts[k].date for k in where[b]]) \
        if wishes(va) or wishes(vb) else None
    mine = [i for i in where[a] if of_kind(shifts[i]) and (i, a) not in frozen]
    theirs = [j for j in where[b] if not of_kind(shifts[j]) and (j, b) not in frozen]
    for i in mine:
        si = shifts[i]
        for j in theirs:
            sj = shifts[j]
            if not keeps(si, sj, a, b) or (nights is not None and trade_gain(
                    va, vb, *nights, si.date, sj.date) < (0, 0)):
                continue  # no kind evened out before widened, no wish given up
            if si.date == sj.date:  # two shifts of one night: they change places
                exchange(shifts, where, ledger, i, a, j, b)
                return si, sj
            if b in si.volunteers or a in sj.volunteers:
                continue
            if try_trade(shifts, where, ledger, rules, i, va, j, vb):
                return si, sj
    return None


class GroupSpread(NamedTuple):
    """How evenly one group of equals shares each kind of night over a plan: the group's
    role, days and weekly maximum, its size, (fewest, most) per kind (``total``,
    ``weekend``, ``saturday``, ``holiday``, ``slot0``…) and, for a kind whose spread is
    above one, what widens it (``history``, ``away``, ``joined``, ``wishes``, ``kept``, else
    ``rest`` nights, or ``rules``: rest nights and households where the group shares
    houses)."""

    leader: bool
    days: tuple[str, ...]
    max_per_week: int | None
    size: int
    kinds: dict[str, tuple[int, int]]
    why: dict[str, str]


def group_spreads(shifts: Sequence[Shift], people: Sequence[Volunteer],
                  max_per_week: int | None, holidays: dict[date, Holiday], first: date,
                  last: date, past: Sequence[Shift] = (), kept: bool = False
                  ) -> list[GroupSpread]:
    """Each group of equals among the active people and its spread of every kind of night
    over the shifts of ``first``..``last`` (leaders first, then the largest group). A spread
    above one is put down to the nights before (``past``, the fairness window) when with
    them it is one at most, to away periods, joining, wishes or a plan ``kept`` from before."""
    active = [v for v in people if v.active and not v.purged]
    in_range = [s for s in shifts if first <= s.date <= last]
    kinds: list[tuple[str, Callable[[Shift], bool]]] = [("total", lambda s: True)]
    kinds += night_kinds(holidays)
    slots = sorted({s.slot for s in in_range})
    if len(slots) > 1:
        kinds += [(f"slot{k}", lambda s, k=k: s.slot == k) for k in slots]
    found: dict[tuple, list[Volunteer]] = defaultdict(list)
    for v in active:
        found[(v.leader, tuple(sorted(v.days)), v.max_per_week or max_per_week)].append(v)

    def counted(ids: set[int], among: Sequence[Shift], of_kind: Callable[[Shift], bool]
                ) -> dict[int, int]:
        count = dict.fromkeys(ids, 0)
        for s in among:
            if of_kind(s):
                for p in s.volunteers:
                    if p in count:
                        count[p] += 1
        return count

    homes = [v.household.casefold() for v in active if v.household]
    shared = {h for h in homes if homes.count(h) > 1}
    out = []
    for (leader, days, limit), group in found.items():
        ids = {v.id for v in group}
        spread: dict[str, tuple[int, int]] = {}
        why: dict[str, str] = {}
        for name, of_kind in kinds:
            count = counted(ids, in_range, of_kind)
            spread[name] = (min(count.values()), max(count.values()))
            if spread[name][1] - spread[name][0] <= 1:
                continue
            before = counted(ids, past, of_kind)
            with_past = [count[p] + before[p] for p in ids]
            why[name] = ("history" if past and max(with_past) - min(with_past) <= 1
                         else "away" if any(a.start <= last and a.end >= first
                                            for v in group for a in v.away)
                         else "joined" if any(v.joined and v.joined > first for v in group)
                         else "wishes" if any(v.prefer or v.avoid or v.avoid_dates
                                              for v in group)
                         else "kept" if kept
                         else "rules" if any(v.household.casefold() in shared for v in group
                                             if v.household) else "rest")
        out.append(GroupSpread(leader, days, limit, len(group), spread, why))
    return sorted(out, key=lambda g: (not g.leader, -g.size))
