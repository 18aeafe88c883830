"""Why a shift is short: read from the final plan (never from the build's own steps), so
every reason given is true of the schedule as saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ronda.model import Volunteer
from ronda.schedule.rebalance import night_index
from ronda.schedule.rules import Ledger, Rules, blocks, leader_rule, needs_leader
from ronda.schedule.shifts import Shift, Shortfall
from ronda.schedule.timetable import Timetable

MAX_LISTED = 12
RULE_ORDER = ("away", "rest", "week", "day", "household", "tonight")


def explain_shortfalls(shifts: list[Shift], people: Sequence[Volunteer], rules: Rules,
                       ledger: Ledger, timetable: Timetable, *,
                       regu_of: Callable[[date], str | None] | None = None) -> None:
    """Say for each short shift why it is short, read from the final plan, so every reason
    is true of the schedule as saved (``shifts`` is changed in place). With regu, a night
    is its regu's: only its members' reasons are said (others are the substitutes)."""
    people = [v for v in people if v.active and not v.purged]
    has_leaders, per_shift = leader_rule(people, len(rules.slots))
    for d, indexes in night_index(shifts).items():
        on_night = {p for j in indexes for p in shifts[j].volunteers}
        night = [shifts[j] for j in indexes]
        for i in indexes:
            s = shifts[i]
            required = timetable.required_of(s)
            no_leader = has_leaders and required > 0 and needs_leader(s, night, per_shift)
            if len(s.volunteers) >= required and not no_leader:
                shifts[i] = s.with_changes(short=None)
                continue
            # short only of a leader: say why each leader could not come
            candidates = [v for v in people if v.leader] if len(s.volunteers) >= required \
                else people
            if regu_of is not None:
                candidates = [v for v in candidates if v.team == regu_of(d)]
            # every rule that keeps each one off, not just the first: a resident resting
            # whose housemate is on that night is kept off by both
            kept_off = [why for v in candidates if v.id not in on_night
                        and (why := list(blocks(v, d, ledger, rules)))]
            kept_off.sort(key=lambda whys: (min(
                RULE_ORDER.index(e.rule) if e.rule in RULE_ORDER else 99 for e in whys),
                whys[0].volunteer))
            listed = tuple(e for whys in kept_off[:MAX_LISTED] for e in whys)
            shifts[i] = s.with_changes(short=Shortfall(len(s.volunteers), required, listed,
                                                       no_leader))
