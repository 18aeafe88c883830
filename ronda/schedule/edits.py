"""Changes made by hand to planned shifts: a swap, a tukar giliran, a guest on the patrol.

Each returns an ``Edit`` (the shifts before and after, the rules it bends) or refuses with
``BadInput``; nothing is saved here. A shift that has begun, or whose attendance is recorded,
is settled and refuses every edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ronda.dates import format_date
from ronda.errors import BadInput
from ronda.model import Volunteer
from ronda.people.volunteers import label
from ronda.schedule.replan import open_to_change
from ronda.schedule.rules import Ledger, Rules, exchange, swap_bends, swap_in
from ronda.schedule.shifts import (
    Exclusion,
    Guest,
    PlanChange,
    Shift,
    diff_plans,
    parse_guest_role,
)
from ronda.schedule.timetable import Timetable


@dataclass(frozen=True)
class ShiftName:
    """A shift as a message names it, in the reader's language (``Timetable.name_of``)."""

    timetable: Timetable
    shift: Shift

    def localise(self, lang: str) -> str:
        return self.timetable.name_of(self.shift, lang)


@dataclass(frozen=True)
class EveningName:
    """An evening as a message names it: ``Senin, 23/11/2026``."""

    day: date

    def localise(self, lang: str) -> str:
        return format_date(self.day, lang)


@dataclass(frozen=True)
class SlotChoices:
    """The ``--slot`` choices of a night, for the message that asks which one."""

    timetable: Timetable
    shifts: tuple[Shift, ...]

    def localise(self, lang: str) -> str:
        return ", ".join(f"--slot {s.slot + 1} "
                         f"({self.timetable.hours_of(s, lang, with_zone=False)})"
                         for s in self.shifts)


@dataclass(frozen=True)
class Edit:
    """Shifts changed by hand: before and after, and the rules bent (empty: none)."""

    cause: str
    before: tuple[Shift, ...]
    after: tuple[Shift, ...]
    bent: tuple[Exclusion, ...] = ()

    def changes(self, stamp: str) -> list[PlanChange]:
        """What the edit changed in the plan, for the record of changes."""
        return diff_plans(list(self.before), list(self.after), self.cause, stamp)


def choose_shift(shifts: Sequence[Shift], timetable: Timetable, day: date, slot: str | None,
                 members: Sequence[int] = ()) -> Shift:
    """Of an evening's ``shifts``, the one a command works on: ``--slot``, else the one
    ``members`` are on, else the only one; with several and nothing to tell them apart, ask."""
    if not shifts:
        raise BadInput("err.no_shift", night=day)
    index = timetable.parse_slot(slot)
    if index is not None:
        chosen = [s for s in shifts if s.slot == index]
    else:
        chosen = [s for s in shifts if members and set(members) <= set(s.volunteers)]
        if not chosen and len(shifts) > 1:
            raise BadInput("err.choose_slot", night=EveningName(day),
                           choices=SlotChoices(timetable, tuple(shifts)))
        chosen = chosen or list(shifts)
    if not chosen:
        raise BadInput("err.no_shift", night=day)
    return chosen[0]


def _check_open(shift: Shift, who: Volunteer, timetable: Timetable, now: datetime) -> None:
    if who.id not in shift.volunteers:
        raise BadInput("err.not_on_shift", who=label(who), night=ShiftName(timetable, shift))
    if not open_to_change(shift, timetable, now):
        raise BadInput("err.shift_settled", night=ShiftName(timetable, shift))


def _leaving(plan: Sequence[Shift], timetable: Timetable, day: date, leaving: Volunteer,
             slot: str | None, now: datetime) -> tuple[list[Shift], Shift]:
    """The evening's shifts and the one ``leaving`` gives up, which must still be open."""
    tonight = [s for s in plan if s.date == day]
    if not any(leaving.id in s.volunteers for s in tonight):
        raise BadInput("err.not_on_shift", who=label(leaving), night=EveningName(day))
    shift = choose_shift(tonight, timetable, day, slot, [leaving.id])
    _check_open(shift, leaving, timetable, now)
    return tonight, shift


def swap(plan: Sequence[Shift], people: Sequence[Volunteer], timetable: Timetable,
         rules: Rules, day: date, leaving: Volunteer, coming: Volunteer, slot: str | None,
         now: datetime) -> Edit:
    """``coming`` takes ``leaving``'s place on the evening ``day``; a leader replaced by a
    non-leader leaves the shift without one (a bent rule, like the hard rules)."""
    tonight, shift = _leaving(plan, timetable, day, leaving, slot, now)
    if any(coming.id in s.volunteers for s in tonight):
        raise BadInput("err.already_on_night", who=label(coming))
    changed, bent = swap_in(shift, leaving, coming, Ledger(plan, people), rules, now)
    return Edit("swap", (shift,), (changed,), tuple(bent))


class SwapOption(NamedTuple):
    """Someone who could take a place, and the rules that would bend (none: they may)."""

    volunteer: Volunteer
    bent: tuple[Exclusion, ...]


NEAR = timedelta(weeks=4)  # the duties around a night that order who is asked first


def swap_options(plan: Sequence[Shift], people: Sequence[Volunteer], timetable: Timetable,
                 rules: Rules, day: date, leaving: Volunteer, slot: str | None,
                 now: datetime) -> list[SwapOption]:
    """Everyone on the roster who could take ``leaving``'s place on the evening ``day``
    (``swap`` refuses the same shifts), each with the rules ``swap`` would find bent: those
    who bend none first, then the fewest duties in the four weeks either side, then by
    name."""
    tonight, shift = _leaving(plan, timetable, day, leaving, slot, now)
    on_night = {p for s in tonight for p in s.volunteers}
    ledger = Ledger(plan, people)
    options = [SwapOption(v, tuple(swap_bends(shift, leaving, v, ledger, rules)))
               for v in people if v.active and not v.purged and v.id not in on_night]
    return sorted(options, key=lambda o: (bool(o.bent),
                                          ledger.between(o.volunteer.id, day - NEAR, day + NEAR),
                                          o.volunteer.name.casefold()))


def undo_edit(edit: Edit, current: Sequence[Shift], timetable: Timetable) -> Edit:
    """The edit that puts back the shifts ``edit`` changed (``current``: the shifts as they
    are now); refused when one of them has changed since."""
    now = {s.key: s for s in current}
    for shift in edit.after:
        if now.get(shift.key) != shift:
            raise BadInput("err.changed_since", night=ShiftName(timetable, shift))
    return Edit("undo", edit.after, edit.before)


def exchange_nights(plan: Sequence[Shift], people: Sequence[Volunteer], timetable: Timetable,
                    rules: Rules, a: Volunteer, day_a: date, b: Volunteer, day_b: date,
                    now: datetime) -> Edit:
    """Tukar giliran: ``a`` takes ``b``'s night and ``b`` takes ``a``'s."""
    for who, day in ((a, day_a), (b, day_b)):  # each gives a night they are on
        if not any(s.date == day and who.id in s.volunteers for s in plan):
            raise BadInput("err.not_on_shift", who=label(who), night=EveningName(day))
    first = choose_shift([s for s in plan if s.date == day_a], timetable, day_a, None, [a.id])
    second = choose_shift([s for s in plan if s.date == day_b], timetable, day_b, None, [b.id])
    _check_open(first, a, timetable, now)
    _check_open(second, b, timetable, now)
    if a.id == b.id or first.date == second.date:
        raise BadInput("err.exchange_same")
    new_first, new_second, bent = exchange(first, a, second, b, Ledger(plan, people), rules,
                                           now)
    return Edit("exchange", (first, second), (new_first, new_second), tuple(bent))


def guest_name(text: str) -> str:
    """A guest's name as typed, checked (not empty, one line, at most 80 characters)."""
    from ronda.i18n import Term
    from ronda.model import clean_text

    return clean_text(text, field_name=Term("metavar.name"), required=True, limit=80)


# ranks written before a name: Polri's (the Bhabinkamtibmas is a police officer) and TNI AD's
# (the Babinsa is a soldier)
POLICE_RANKS = frozenset({"bharada", "bharatu", "bharaka", "bripda", "briptu", "brigpol",
                          "brigadir", "bripka", "aipda", "aiptu", "ipda", "iptu", "akp"})
ARMY_RANKS = frozenset({"prada", "pratu", "praka", "kopda", "koptu", "kopka", "serda", "sertu",
                        "serka", "serma", "pelda", "peltu", "letda", "lettu", "kapten"})


def guest_role(name: str, liaison: str) -> str:
    """A guest's role when none is given: the Bhabinkamtibmas when ``name`` is the liaison's
    in the settings (with a rank before it or without: "Bripka Agus Widodo", "Agus Widodo")
    or begins with a police rank, the Babinsa when it begins with an army rank, otherwise a
    guest: an ustadz or a neighbour is never shown as the police."""
    first = name.split()[0].casefold().strip(".,") if name.split() else ""
    if first in POLICE_RANKS:
        return "bhabinkamtibmas"
    if first in ARMY_RANKS:
        return "babinsa"
    words = {w.casefold().strip(".,") for w in name.split()}
    theirs = {w.casefold().strip(".,") for w in liaison.split()}
    fewer = min(len(words), len(theirs))
    same = fewer >= 2 and (words <= theirs or theirs <= words) or \
        (fewer == 1 and words == theirs)
    return "bhabinkamtibmas" if liaison.strip() and same else "other"


def guest_edit(tonight: Sequence[Shift], people: dict[int, Volunteer], timetable: Timetable,
               day: date, name: str, role: str, slot: str | None, *,
               remove: bool = False) -> tuple[Edit | None, str, Shift]:
    """A joint-patrol guest added to (or removed from) a shift of the evening ``day``, the
    message key saying which, and the shift; no edit when the guest was already there. Guests do not
    count in the rotation; a person on duty that night is not a guest."""
    role = parse_guest_role(role)
    if remove and slot is None:  # the shift the guest is on
        found = [s for s in tonight if any(g.name.casefold() == name.casefold()
                                           for g in s.guests)]
        slot = str(found[0].slot + 1) if found else None
    shift = choose_shift(tonight, timetable, day, slot)
    on_duty = {people[p].name.casefold() for s in tonight for p in s.volunteers if p in people}
    if not remove and name.casefold() in on_duty:
        raise BadInput("err.guest_on_duty", name=name)
    others = tuple(g for g in shift.guests if g.name.casefold() != name.casefold())
    if remove:
        if len(others) == len(shift.guests):
            raise BadInput("err.no_such_guest", name=name, night=ShiftName(timetable, shift))
        removed = shift.with_changes(guests=others)
        return Edit("guest", (shift,), (removed,)), "msg.guest_removed", shift
    if len(others) < len(shift.guests) and Guest(name, role) in shift.guests:
        return None, "msg.guest_already", shift
    key = "msg.guest_added" if len(others) == len(shift.guests) else "msg.guest_already"
    added = shift.with_changes(guests=(*others, Guest(name, role)))
    return Edit("guest", (shift,), (added,)), key, shift
