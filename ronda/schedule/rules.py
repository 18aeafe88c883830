"""The hard rules of a patrol schedule, and the ledger of who is on duty when.

A person is placed only on days they are available and not away, at most once a night, with
the rest nights kept, within their weekly maximum, and never with someone of their household
on the same night. ``blocked`` names the rule that keeps someone off a night; the scheduler,
its repair passes and the swap command all ask it, and nothing else checks these rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ronda.dates import DAY_KEYS, day_key
from ronda.model import Settings, Slot, Volunteer
from ronda.schedule.shifts import Exclusion, Shift, Swap


@dataclass(frozen=True)
class Rules:
    """The scheduling rules of a neighbourhood."""

    slots: tuple[Slot, ...]
    rest: int = 2
    max_per_week: int | None = None
    fairness_window: int = 365  # days before a plan whose duties count toward fair shares
    households: bool = True  # never two of one household on one night

    @classmethod
    def of(cls, settings: Settings) -> Rules:
        return cls(settings.slots, settings.rest, settings.max_per_week,
                   settings.fairness_window, settings.household_rule)


def nights(start: date, end: date) -> list[date]:
    """Every evening from ``start`` to ``end``, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


class Ledger:
    """Who is on duty when: sorted duty dates per person, for the rest and weekly rules, and
    how many of each household are out on each night, for the household rule."""

    def __init__(self, shifts: Iterable[Shift] = (), people: Iterable[Volunteer] = ()) -> None:
        self.home = {v.id: v.household.casefold() for v in people if v.household}
        self.dates: dict[int, list[date]] = defaultdict(list)
        self.houses: dict[date, Counter[str]] = defaultdict(Counter)
        for shift in shifts:
            for pid in shift.volunteers:
                self.add(pid, shift.date)

    def copy(self) -> Ledger:
        """A ledger to try moves on, this one left as it is."""
        other = Ledger()
        other.home = self.home
        other.dates = defaultdict(list, {p: list(ds) for p, ds in self.dates.items()})
        other.houses = defaultdict(Counter, {d: Counter(c) for d, c in self.houses.items()})
        return other

    def add(self, pid: int, d: date) -> None:
        insort(self.dates[pid], d)
        if pid in self.home:
            self.houses[d][self.home[pid]] += 1

    def remove(self, pid: int, d: date) -> None:
        self.dates[pid].remove(d)
        if pid in self.home:
            self.houses[d][self.home[pid]] -= 1

    def between(self, pid: int, first: date, last: date) -> int:
        ds = self.dates.get(pid, [])
        return bisect_right(ds, last) - bisect_left(ds, first)

    def last_before(self, pid: int, d: date) -> date | None:
        ds = self.dates.get(pid, [])
        i = bisect_left(ds, d)
        return ds[i - 1] if i else None

    def housemates_on(self, v: Volunteer, d: date, leaving: int | None = None) -> int:
        """How many of ``v``'s household other than ``v`` (and ``leaving``) are out on ``d``."""
        house = v.household.casefold() if v.household else ""
        if not house:
            return 0
        count = self.houses.get(d, Counter())[house]
        for pid in {v.id, leaving} - {None}:
            if self.home.get(pid) == house and self.between(pid, d, d):  # type: ignore[arg-type]
                count -= 1
        return count


def blocked(v: Volunteer, d: date, ledger: Ledger, rules: Rules, *,
            ignore: date | None = None, leaving: int | None = None) -> Exclusion | None:
    """The rule that keeps ``v`` off night ``d``, or None.

    ``ignore`` is a night ``v`` is leaving (their duty there does not count) and ``leaving``
    someone ``v`` would replace on ``d`` (their household does not count). The rules, in the
    order they are told: the weekday, an away period, already on the night or resting, the
    weekly maximum, and two of one household on one night.
    """
    return next(blocks(v, d, ledger, rules, ignore=ignore, leaving=leaving), None)


def blocks(v: Volunteer, d: date, ledger: Ledger, rules: Rules, *,
           ignore: date | None = None, leaving: int | None = None) -> Iterator[Exclusion]:
    """Every rule that keeps ``v`` off night ``d``, in the order ``blocked`` tells them."""
    if day_key(d) not in v.days:
        yield Exclusion(v.id, "day", day_key(d))
    away = v.away_on(d)
    if away:
        yield Exclusion(v.id, "away", away.reason)
    around = ledger.between(v.id, d - timedelta(days=rules.rest), d + timedelta(days=rules.rest))
    if ignore is not None and abs((ignore - d).days) <= rules.rest:
        around -= 1
    if around > 0:
        own = ledger.between(v.id, d, d) - (1 if ignore == d else 0)
        yield Exclusion(v.id, "tonight" if own > 0 else "rest")
    limit = v.max_per_week or rules.max_per_week
    if limit is not None:
        monday = d - timedelta(days=d.weekday())
        count = ledger.between(v.id, monday, monday + timedelta(days=6))
        if ignore is not None and monday <= ignore <= monday + timedelta(days=6):
            count -= 1
        if count >= limit:
            yield Exclusion(v.id, "week", str(limit))
    if rules.households and ledger.housemates_on(v, d, leaving) > 0:
        yield Exclusion(v.id, "household", v.household)


ROSTER_RULES = ("erased", "inactive", "day", "away")


class Bends:
    """The rules the coordinator chose to bend by hand (``swap --force``, ``exchange``): a
    conflict they explain is accepted, not repaired. Only what the roster says of a person
    (removed, erased, not that day, away) always counts."""

    def __init__(self, shifts: Sequence[Shift], rules: Rules) -> None:
        self.rest = rules.rest
        self.by_person: dict[int, list[tuple[date, set[str]]]] = {}
        self.by_night: dict[date, set[str]] = {}
        for s in shifts:
            for sw in s.swaps:
                if sw.bent and sw.into in s.volunteers:
                    self.by_person.setdefault(sw.into, []).append((s.date, set(sw.bent)))
                    self.by_night.setdefault(s.date, set()).update(sw.bent)

    def accepted(self, pid: int, d: date, rule: str) -> bool:
        if rule in ROSTER_RULES:
            return False
        if rule == "household":
            return rule in self.by_night.get(d, set())
        reach = self.rest if rule in ("rest", "tonight") else 6
        return any(rule in bent and abs((when - d).days) <= reach
                   for when, bent in self.by_person.get(pid, []))


def active_leaders(people: Iterable[Volunteer]) -> int:
    """How many leaders the roster has on duty."""
    return sum(1 for v in people if v.active and not v.purged and v.leader)


def leader_rule(people: Iterable[Volunteer], slots: int) -> tuple[bool, bool]:
    """Whether the roster has leaders, and whether every shift needs one: it does when there
    is a leader for each of the night's ``slots``; with fewer, each night needs one."""
    count = active_leaders(people)
    return count > 0, count >= slots


def wants_leader(leaders: Sequence[int | None], slot: int, per_shift: bool) -> bool:
    """Whether slot ``slot`` of a night whose shifts have ``leaders`` still wants one: its
    own with a leader a shift, else while the night has none."""
    if per_shift:
        return leaders[slot] is None
    return all(x is None for x in leaders)


def needs_leader(shift: Shift, night: Iterable[Shift], per_shift: bool) -> bool:
    """Whether ``shift`` lacks the leader the rule asks for (``night``: all shifts of its
    evening); with one a night, the night's first shift is the one that lacks it."""
    shifts = sorted(night, key=lambda s: s.slot)
    index = next(i for i, s in enumerate(shifts) if s.slot == shift.slot)
    return wants_leader([s.leader for s in shifts], index, per_shift) and (
        per_shift or index == 0)


def on_roster(v: Volunteer, d: date) -> bool:
    """Whether ``v``'s roster entry lets them serve evening ``d``: one of their weekdays,
    and not away (the first two rules ``blocks`` tells)."""
    return day_key(d) in v.days and v.away_on(d) is None


def serviceable(v: Volunteer, first: date, last: date) -> int:
    """Nights in [first, last] a person could serve by day and away periods alone."""
    def count(a: date, b: date) -> int:
        if b < a:
            return 0
        weeks, extra = divmod((b - a).days + 1, 7)
        wanted = {DAY_KEYS.index(d) for d in v.days}
        tail = sum(1 for k in range(extra) if (a.weekday() + k) % 7 in wanted)
        return weeks * len(wanted) + tail

    total = count(first, last)
    merged: list[list[date]] = []
    for away in sorted(v.away, key=lambda a: a.start):  # overlapping periods count once
        if merged and away.start <= merged[-1][1] + timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], away.end)
        else:
            merged.append([away.start, away.end])
    for start, end in merged:
        total -= count(max(start, first), min(end, last))
    return total


def swap_bends(shift: Shift, out: Volunteer, into: Volunteer, ledger: Ledger,
               rules: Rules) -> list[Exclusion]:
    """The rules ``into`` taking ``out``'s place on ``shift`` would bend (none: an empty
    list): the hard rules, and a leader replaced by a non-leader."""
    bent = list(blocks(into, shift.date, ledger, rules, leaving=out.id))
    if shift.leader == out.id and not into.leader:
        bent.append(Exclusion(into.id, "leader"))
    return bent


def swap_in(shift: Shift, out: Volunteer, into: Volunteer, ledger: Ledger, rules: Rules,
            now: datetime) -> tuple[Shift, list[Exclusion]]:
    """``shift`` with ``into`` in place of ``out`` and the swap recorded, and the rules that
    bends (an empty list when none): see ``swap_bends``."""
    bent = swap_bends(shift, out, into, ledger, rules)
    ids = tuple(into.id if p == out.id else p for p in shift.volunteers)
    leader = shift.leader
    if shift.leader == out.id:
        leader = into.id if into.leader else None
    record = Swap(out.id, into.id, now.isoformat(timespec="seconds"),
                  tuple(e.rule for e in bent))
    return shift.with_changes(volunteers=ids, leader=leader,
                              swaps=(*shift.swaps, record)), bent


def exchange(first: Shift, a: Volunteer, second: Shift, b: Volunteer, ledger: Ledger,
             rules: Rules, now: datetime) -> tuple[Shift, Shift, list[Exclusion]]:
    """Tukar giliran: ``a`` takes ``b``'s place on ``second`` and ``b`` takes ``a``'s on
    ``first``. Both swaps are recorded; the rules either move bends are returned."""
    ledger.remove(a.id, first.date)
    ledger.remove(b.id, second.date)
    bent = [*blocks(a, second.date, ledger, rules, leaving=b.id),
            *blocks(b, first.date, ledger, rules, leaving=a.id)]
    ledger.add(a.id, first.date)
    ledger.add(b.id, second.date)
    for shift, out, into in ((first, a, b), (second, b, a)):
        if shift.leader == out.id and not into.leader:
            bent.append(Exclusion(into.id, "leader"))
    stamp = now.isoformat(timespec="seconds")
    rules_bent = tuple(e.rule for e in bent)

    def put(shift: Shift, out: Volunteer, into: Volunteer) -> Shift:
        leader = shift.leader
        if leader == out.id:
            leader = into.id if into.leader else None
        return shift.with_changes(
            volunteers=tuple(into.id if p == out.id else p for p in shift.volunteers),
            leader=leader, swaps=(*shift.swaps, Swap(out.id, into.id, stamp, rules_bent)))

    return put(first, a, b), put(second, b, a), bent
