"""Passes over a built schedule that move duties without breaking a rule: evening out loads
by direct moves, and trading weekend nights for ordinary ones (chains, in ``chains.py``, do
what needs several people to move)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Holiday, Shift, is_weekend


def _hand_over(shifts: list[Shift], ledger: Ledger, duties: dict[int, list[int]], i: int,
               out: int, into: int) -> None:
    """``into`` takes ``out``'s place on shift ``i`` (and their leading, if they led it)."""
    s = shifts[i]
    shifts[i] = s.with_changes(volunteers=tuple(into if p == out else p for p in s.volunteers),
                               leader=into if s.leader == out else s.leader)
    ledger.remove(out, s.date)
    ledger.add(into, s.date)
    duties[out].remove(i)
    duties[into].append(i)


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
        _hand_over(shifts, ledger, duties, i, a, b)
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
        _hand_over(shifts, ledger, where, i, out, into)

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
