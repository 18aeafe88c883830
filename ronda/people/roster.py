"""The roster as a whole: its order, who a listing shows, the lookalikes a new or changed
record has, and the rules the roster makes for the plan.

Pure functions over ``Volunteer`` records; storage and terminal live elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.people.volunteers import households_with_several


def roster_order(v: Volunteer) -> tuple[bool, str, bool, str]:
    """Active first, then by team, leader first, then by name (case aside)."""
    return (not v.active, v.team.casefold(), not v.leader, v.name.casefold())


def roster_listing(people: Iterable[Volunteer], *, team: str | None = None,
                   everyone: bool = False) -> list[Volunteer]:
    """The roster as ``volunteer list`` shows it, in roster order: the active people (with
    ``everyone``, those off the roster too), of one ``team`` when given (case and spaces
    aside)."""
    shown = [v for v in people if everyone or v.active]
    if team is not None:
        shown = [v for v in shown if v.team.casefold() == team.strip().casefold()]
    return sorted(shown, key=roster_order)


class Lookalikes(NamedTuple):
    """Someone else active on the roster who may be the same person: of the same name
    (``twin``), or living in the same household (``housemate``)."""

    twin: Volunteer | None
    housemate: bool


def lookalikes(v: Volunteer, roster: Iterable[Volunteer]) -> Lookalikes:
    """The lookalikes of ``v`` (just added or changed) among the other active people of
    ``roster``: names and households compared case aside."""
    others = [o for o in roster if o.id != v.id and o.active]
    twin = next((o for o in others if o.name.casefold() == v.name.casefold()), None)
    return Lookalikes(twin, bool(v.household) and any(
        o.household.casefold() == v.household.casefold() for o in others))


def natural_key(text: str) -> list[str | int]:
    """``B-2`` before ``B-11``: numbers in a text compared as numbers, case aside."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text.casefold())]


class RosterRules(NamedTuple):
    """The rules a roster makes: households of two or more active people (never on one
    night together), in house order, and the active people limited to some days."""

    households: list[list[Volunteer]]
    limited: list[Volunteer]


def roster_rules(people: Sequence[Volunteer]) -> RosterRules:
    """The rules ``people`` make (see ``RosterRules``); houses ordered as they are numbered
    (``B-2`` before ``B-11``), the limited in roster order."""
    homes = sorted(households_with_several(people).values(),
                   key=lambda vs: natural_key(vs[0].household))
    return RosterRules(homes, [v for v in people if v.active and tuple(v.days) != DAY_KEYS])
