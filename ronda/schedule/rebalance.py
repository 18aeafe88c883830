"""Passes over a built schedule that move duties without breaking a rule: evening out loads,
trading weekend nights for ordinary ones, filling places the moves freed, and giving a leader
to a night without one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date
from typing import Protocol

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Holiday, Shift, is_weekend
from ronda.schedule.timetable import Timetable


class RunningBuild(Protocol):
    """What the filling pass reads and updates of a build in progress: the rules, the
    ledger of duties, each person's load and weight, and the shifts nothing may change."""

    rules: Rules
    ledger: Ledger
    timetable: Timetable
    load: dict[int, int]
    weight: dict[int, int]
    has_leaders: bool
    leader_per_shift: bool
    settled: set[tuple[date, int]]


def balance(shifts: list[Shift], by_id: dict[int, Volunteer], rules: Rules, ledger: Ledger,
            load: dict[int, float], frozen: Collection[tuple[int, int]] = ()) -> None:
    """Move duties from busier to less busy people while the rules allow it, busiest first,
    each to the least busy person free that night, until no duty can go to someone with at
    least one duty fewer. A duty in ``frozen`` ((shift index, person): kept from before)
    never moves; a leader's place goes only to a leader."""
    duties: dict[int, list[int]] = defaultdict(list)  # person -> indexes of their shifts
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            if p in by_id:
                duties[p].append(i)
    weekdays = {p: {DAY_KEYS.index(d) for d in v.days} for p, v in by_id.items()}

    def give(i: int, a: int, b: int) -> None:
        s = shifts[i]
        shifts[i] = s.with_changes(volunteers=tuple(b if p == a else p for p in s.volunteers),
                                   leader=b if s.leader == a else s.leader)
        ledger.remove(a, s.date)
        ledger.add(b, s.date)
        duties[a].remove(i)
        duties[b].append(i)
        load[a] -= 1
        load[b] += 1

    def taker(i: int, a: int, lightest: list[int], leaders: list[int]) -> int | None:
        s = shifts[i]
        for b in leaders if s.leader == a else lightest:
            if load[b] + 1 >= load[a] - 1e-9:
                return None
            if s.date.weekday() not in weekdays[b] or b in s.volunteers:
                continue
            if s.leader == a and not by_id[b].leader:
                continue
            if blocked(by_id[b], s.date, ledger, rules, leaving=a) is None:
                return b
        return None

    stuck: set[int] = set()  # nobody lighter could take any of their duties
    for _ in range(len(by_id) + 10):  # each sweep moves at least one duty or stops
        lightest = sorted(by_id, key=lambda p: load[p])
        leaders = [p for p in lightest if by_id[p].leader]
        moved = False
        for a in reversed(lightest):
            if load[lightest[0]] + 1 >= load[a] - 1e-9:
                break
            if a in stuck:
                continue
            for i in [i for i in duties[a] if (i, a) not in frozen]:
                b = taker(i, a, lightest, leaders)
                if b is not None:
                    give(i, a, b)
                    moved = True
                    break
            else:
                stuck.add(a)
        if not moved:
            return


def balance_special(shifts: list[Shift], by_id: dict[int, Volunteer], rules: Rules,
                     ledger: Ledger, special: dict[int, int], holidays: dict[date, Holiday],
                     frozen: Collection[tuple[int, int]] = ()) -> None:
    """Even out Friday/Saturday and holiday nights by trading them for ordinary nights.

    A trade swaps two people between a special and an ordinary night, so loads stay as they are.
    """
    marked = [is_weekend(s.date) or s.date in holidays for s in shifts]
    where: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            where[p].append(i)

    def move(i: int, out: int, into: int) -> None:
        s = shifts[i]
        shifts[i] = s.with_changes(volunteers=tuple(into if p == out else p for p in s.volunteers),
                                   leader=into if s.leader == out else s.leader)
        ledger.remove(out, s.date)
        ledger.add(into, s.date)
        where[out].remove(i)
        where[into].append(i)

    def trade(a: int, b: int) -> bool:
        va, vb = by_id[a], by_id[b]
        ordinary = [j for j in where[b] if not marked[j] and (j, b) not in frozen]
        for i in [i for i in where[a] if marked[i] and (i, a) not in frozen]:
            if shifts[i].leader == a and not vb.leader:
                continue
            for j in ordinary:
                di, dj = shifts[i].date, shifts[j].date
                if di == dj or (shifts[j].leader == b and not va.leader):
                    continue
                if blocked(vb, di, ledger, rules, ignore=dj, leaving=a) or \
                        blocked(va, dj, ledger, rules, ignore=di, leaving=b):
                    continue
                move(i, a, b)
                move(j, b, a)
                # both must still hold once the other has moved
                if blocked(vb, di, ledger, rules, ignore=di) is None and \
                        blocked(va, dj, ledger, rules, ignore=dj) is None:
                    special[a] -= 1
                    special[b] += 1
                    return True
                move(i, b, a)
                move(j, a, b)
        return False

    stuck: set[tuple[int, int, int, int]] = set()
    people = list(by_id)
    while True:
        people.sort(key=lambda p: special[p])
        traded = False
        for a in reversed(people):
            for b in people:
                if special[b] + 1 >= special[a]:
                    break
                if (a, b, special[a], special[b]) in stuck:
                    continue
                if trade(a, b):
                    traded = True
                    break
                stuck.add((a, b, special[a], special[b]))
            if traded:
                break
        if not traded:
            return


def night_index(shifts: list[Shift]) -> dict[date, list[int]]:
    by_night: dict[date, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        by_night[s.date].append(i)
    return by_night


def fill_short(shifts: list[Shift], by_id: dict[int, Volunteer], b: RunningBuild) -> bool:
    """Fill places still open: first with anyone free, then by moving someone from another
    night (where a free person takes their place) when that is what keeps them off this one."""
    by_night = night_index(shifts)
    rules, ledger = b.rules, b.ledger

    def put(i: int, v: Volunteer, replacing: int | None = None) -> None:
        s = shifts[i]
        if replacing is None:
            ids = (*s.volunteers, v.id)
        else:
            ids = tuple(v.id if p == replacing else p for p in s.volunteers)
            ledger.remove(replacing, s.date)
            b.load[replacing] -= 1
        shifts[i] = s.with_changes(volunteers=ids)
        ledger.add(v.id, s.date)
        b.load[v.id] += 1

    changed = False
    for i in range(len(shifts)):
        s = shifts[i]
        if s.key in b.settled:
            continue
        required = b.timetable.required_of(s)
        while len(shifts[i].volunteers) < required:
            d = s.date
            free = sorted((v for v in by_id.values() if blocked(v, d, ledger, rules) is None),
                          key=lambda v: (b.load[v.id] / b.weight[v.id], v.id))
            if free:
                put(i, free[0])
            elif not _substitute(shifts, i, by_id, b, by_night, put):
                break
            changed = True
    if b.has_leaders:
        changed |= _give_leaders(shifts, by_id, b, by_night)
    return changed


def _give_leaders(shifts: list[Shift], by_id: dict[int, Volunteer], b: RunningBuild,
                  by_night: dict[date, list[int]]) -> bool:
    """A shift without the leader it needs gets one who is free (in place of its most loaded
    ordinary member when the shift is full)."""
    rules, ledger = b.rules, b.ledger
    changed = False
    for d, indexes in by_night.items():
        if b.leader_per_shift:
            wanting = [j for j in indexes if shifts[j].leader is None]
        else:
            wanting = [] if any(shifts[j].leader for j in indexes) else \
                [min(indexes, key=lambda j: shifts[j].slot)]
        for i in wanting:
            s = shifts[i]
            if s.key in b.settled:
                continue
            required = b.timetable.required_of(s)
            if required == 0:
                continue
            members = [p for p in s.volunteers if p in by_id and not by_id[p].leader
                       and (i, p) not in b.frozen]
            full = len(s.volunteers) >= required
            out = max(members, key=lambda p: (b.load[p] / b.weight[p], p)) if (
                members and full) else None
            if full and out is None:
                continue
            for v in sorted((v for v in by_id.values() if v.leader),
                            key=lambda v: (b.load[v.id] / b.weight[v.id], v.id)):
                if blocked(v, d, ledger, rules, leaving=out) is not None:
                    continue
                ids = [v.id] + [p for p in s.volunteers if p != out]
                if out is not None:
                    ledger.remove(out, d)
                    b.load[out] -= 1
                ledger.add(v.id, d)
                b.load[v.id] += 1
                shifts[i] = s.with_changes(volunteers=tuple(ids), leader=v.id)
                changed = True
                break
    return changed


def _substitute(shifts, i, by_id, b, by_night, put) -> bool:  # noqa: ANN001
    """One augmenting step: p is kept off night d only by a duty on night e; a free q takes
    p's place on e and p comes to d."""
    rules, ledger = b.rules, b.ledger
    d = shifts[i].date
    for p in sorted(by_id, key=lambda x: (b.load[x] / b.weight[x], x)):
        vp = by_id[p]
        why = blocked(vp, d, ledger, rules)
        if why is None or why.rule not in ("rest", "week"):
            continue
        for j in [j for e, idx in by_night.items() if e != d and abs((e - d).days) <= 7
                  for j in idx if p in shifts[j].volunteers and (j, p) not in b.frozen]:
            e = shifts[j].date
            if shifts[j].leader == p or blocked(vp, d, ledger, rules, ignore=e) is not None:
                continue
            for q in sorted(by_id, key=lambda x: (b.load[x] / b.weight[x], x)):
                vq = by_id[q]
                if ledger.between(q, d, d) or blocked(vq, e, ledger, rules, leaving=p):
                    continue
                put(j, vq, replacing=p)
                if blocked(vp, d, ledger, rules) is None:
                    put(i, vp)
                    return True
                put(j, vp, replacing=q)  # undo
    return False
