"""A personal slip (``roster --volunteer``), as data: the nights it covers and the person's
duties in them, each with their role and who they share it with. The command writes it."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from ronda.model import Volunteer
from ronda.schedule.shifts import Shift

SLIP_WEEKS = 4  # the fewest weeks a slip covers: a month of duties to keep by the door


def slip_period(anchor: date, monday: date, weeks: int, month: bool) -> tuple[date, date]:
    """The nights a slip covers: with ``month``, the month of ``anchor``; else ``weeks``
    weeks from ``monday``, ``SLIP_WEEKS`` at the least."""
    if month:
        first = anchor.replace(day=1)
        return first, first.replace(day=monthrange(first.year, first.month)[1])
    return monday, monday + timedelta(weeks=max(weeks, SLIP_WEEKS), days=-1)


class Duty(NamedTuple):
    """One shift of the person's: whether they lead it, and the others on it by name."""

    shift: Shift
    leads: bool
    mates: tuple[str, ...]


def duties(person: int, shifts: Iterable[Shift], people: dict[int, Volunteer]) -> list[Duty]:
    """The shifts ``person`` is on, in the order given, each with the names of the others
    on it whom ``people`` holds."""
    return [Duty(s, s.leader == person, tuple(people[p].name for p in s.volunteers
                                              if p != person and p in people))
            for s in shifts if person in s.volunteers]
