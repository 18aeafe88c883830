"""Wishes: nights someone would rather patrol or rather not, honoured after fair shares.

A wish is soft. Places, leaders and each person's total come first; among plans equal on
those, the builder keeps the most wishes, avoided nights weighing twice a preferred one
(``Volunteer.wish_on``). ``honour_wishes`` trades duties between two people of one group of
equals (so no total moves) wherever the trade keeps every rule and honours more wishes; the
evening out of Friday/Saturday nights and the other kinds comes after and never undoes one.
``wish_report`` counts what the plan honoured, person by person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date
from typing import NamedTuple

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.schedule.rules import Ledger, Rules
from ronda.schedule.shifts import Shift
from ronda.schedule.trades import groups_of_equals, try_trade

MAX_ROUNDS = 50


def honour_wishes(shifts: list[Shift], people: Sequence[Volunteer], rules: Rules,
                  ledger: Ledger, frozen: Collection[tuple[int, int]] = ()) -> None:
    """Trade duties within each group of equals while a trade the rules allow keeps more
    wishes (``trade_gain``); ``frozen`` duties never move."""
    where: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(shifts):
        for p in s.volunteers:
            where[p].append(i)
    for group in groups_of_equals(people, rules.max_per_week):
        wishing = [v for v in group if wishes(v)]
        if not wishing:
            continue
        for _ in range(MAX_ROUNDS):
            if not any(_better_trade(shifts, where, ledger, rules, a, group, frozen)
                       for a in wishing):
                break


def wishes(v: Volunteer) -> bool:
    """Whether ``v`` has any wish."""
    return bool(v.prefer or v.avoid or v.avoid_dates)


def wish_score(v: Volunteer, nights: Sequence[date]) -> tuple[int, int]:
    """How well ``nights`` suit ``v``: first the wishes kept (an avoided weekday or date
    with no duty on it counts 2, a preferred weekday with one at least 1), then the fewer
    duties on nights they would rather not, the better."""
    days = {DAY_KEYS[d.weekday()] for d in nights}
    avoided = sum(1 for k in v.avoid if k not in days) + sum(
        1 for a in v.avoid_dates if not any(a.covers(d) for d in nights))
    preferred = sum(1 for k in v.prefer if k in days)
    against = sum(1 for d in nights if v.wish_on(d) < 0)
    return 2 * avoided + preferred, -against


def trade_gain(va: Volunteer, vb: Volunteer, a_nights: Sequence[date],
               b_nights: Sequence[date], di: date, dj: date) -> tuple[int, int]:
    """What ``va`` giving night ``di`` for ``vb``'s ``dj`` does to their wishes together
    (``wish_score``): positive is better, (0, 0) no change."""
    if not (wishes(va) or wishes(vb)):
        return 0, 0

    def swapped(nights: Sequence[date], out: date, into: date) -> list[date]:
        left = list(nights)
        left.remove(out)
        return [*left, into]

    before = [sum(x) for x in zip(wish_score(va, a_nights), wish_score(vb, b_nights),
                                  strict=True)]
    after = [sum(x) for x in zip(wish_score(va, swapped(a_nights, di, dj)),
                                 wish_score(vb, swapped(b_nights, dj, di)), strict=True)]
    return after[0] - before[0], after[1] - before[1]


def _better_trade(shifts: list[Shift], where: dict[int, list[int]], ledger: Ledger,
                  rules: Rules, va: Volunteer, group: list[Volunteer],
                  frozen: Collection[tuple[int, int]]) -> bool:
    """One trade that keeps more of ``va``'s wishes, if the rules allow any: a night they
    would rather not for someone else's night, or someone else's night on a weekday they
    prefer and have none of."""
    a = va.id
    a_nights = [shifts[k].date for k in where[a]]
    have = {DAY_KEYS[d.weekday()] for d in a_nights}
    unwanted = [i for i in where[a] if va.wish_on(shifts[i].date) < 0 and (i, a) not in frozen]
    missing = [k for k in va.prefer if k not in have]
    if not unwanted and not missing:
        return False
    spare = [i for i in where[a] if (i, a) not in frozen
             and DAY_KEYS[shifts[i].date.weekday()] not in va.prefer]
    for vb in group:
        b = vb.id
        if b == a:
            continue
        b_nights = [shifts[k].date for k in where[b]]
        pairs = [(i, j) for i in unwanted for j in where[b]
                 if va.wish_on(shifts[j].date) >= 0]
        pairs += [(i, j) for j in where[b] if DAY_KEYS[shifts[j].date.weekday()] in missing
                  for i in spare]
        for i, j in pairs:
            si, sj = shifts[i], shifts[j]
            if (j, b) in frozen or b in si.volunteers or a in sj.volunteers or \
                    sj.date == si.date or (si.leader == a) != (sj.leader == b):
                continue
            if trade_gain(va, vb, a_nights, b_nights, si.date, sj.date) <= (0, 0):
                continue
            if try_trade(shifts, where, ledger, rules, i, va, j, vb):
                return True
    return False


class Unmet(NamedTuple):
    """A wish the plan could not keep: ``kind`` prefer/avoid/avoid_date, the weekday key or
    the first night of the period, how many duties went against it, and why (``days``: no
    other night they can come; ``few``: fewer duties than preferred days; ``fair``: the even
    shares and the rules left no trade)."""

    kind: str
    what: str | date
    count: int
    why: str


class WishReport(NamedTuple):
    """How many wishes a plan kept of those that apply to its nights, and the rest."""

    met: int
    total: int
    unmet: dict[int, list[Unmet]]


def wish_report(shifts: Sequence[Shift], people: Sequence[Volunteer], first: date,
                last: date) -> WishReport:
    """The wishes of the active people over the shifts of ``first``..``last``: an avoided
    weekday or date is kept when no duty falls on it, a preferred weekday when at least one
    does."""
    mine: dict[int, list[date]] = defaultdict(list)
    for s in shifts:
        if first <= s.date <= last:
            for p in s.volunteers:
                mine[p].append(s.date)
    total = 0
    unmet: dict[int, list[Unmet]] = {}
    for v in people:
        if not v.active or v.purged:
            continue
        nights = mine.get(v.id, [])
        missed = []
        for day in v.avoid:
            total += 1
            on = sum(1 for d in nights if DAY_KEYS[d.weekday()] == day)
            if on:
                only = set(v.days) <= set(v.avoid)
                missed.append(Unmet("avoid", day, on, "days" if only else "fair"))
        for period in v.avoid_dates:
            if period.end < first or period.start > last:
                continue
            total += 1
            on = sum(1 for d in nights if period.covers(d))
            if on:
                missed.append(Unmet("avoid_date", period.start, on, "fair"))
        for day in v.prefer:
            total += 1
            if not any(DAY_KEYS[d.weekday()] == day for d in nights):
                missed.append(Unmet("prefer", day, 0,
                                    "few" if len(nights) < len(v.prefer) else "fair"))
        if missed:
            unmet[v.id] = missed
    total_missed = sum(len(m) for m in unmet.values())
    return WishReport(total - total_missed, total, unmet)
