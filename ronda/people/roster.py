"""The roster as a whole: the rules it makes for the plan.

Pure functions over ``Volunteer`` records; storage and terminal live elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ronda.dates import DAY_KEYS
from ronda.model import Volunteer
from ronda.people.volunteers import households_with_several


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
