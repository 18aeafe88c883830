"""A newcomer's fair share of nights already planned.

Someone added to the roster after the coming nights were planned would otherwise get no
night until the next plan. ``give_fair_share`` hands them their share of those nights, one
duty at a time, from whoever is furthest above their own share: as many duties move as the
newcomer receives, and nobody else's nights change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from datetime import date

from ronda.model import Volunteer
from ronda.schedule.reports import fair_shares
from ronda.schedule.rules import Ledger, Rules, blocked
from ronda.schedule.shifts import Shift, pinned

WELL_APART = 10  # nights between a newcomer's duties beyond which spacing no longer matters

Key = tuple[date, int]


def give_fair_share(shifts: dict[Key, Shift], keys: Sequence[Key], ledger: Ledger,
                    people: Sequence[Volunteer], rules: Rules, welcome: Collection[int]) -> None:
    """Give each person of ``welcome`` their fair share (``fair_shares`` over the nights of
    ``keys``, as if they had always been there) of the shifts ``keys`` in ``shifts``, which
    are changed in place with ``ledger``. A duty moves only from someone at least two duties
    above the newcomer and above their own share, on a night the rules let the newcomer take;
    a leader's post goes only to a newcomer who leads; hand placements stay."""
    keys = sorted(keys)
    if not keys:
        return
    active = [v for v in people if v.active and not v.purged]
    counts = Counter(p for k in keys for p in shifts[k].volunteers)
    shares = fair_shares(active, sum(counts.values()), keys[0][0], keys[-1][0], rules.rest,
                         rules.max_per_week,
                         sum(1 for k in keys if shifts[k].leader is not None))

    def above(p: int) -> float:
        return counts[p] - shares[p].share if p in shares else float(counts[p])

    for v in (x for x in active if x.id in welcome):
        while counts[v.id] < round(shares[v.id].share):
            best: tuple[tuple[float, int, int, int], Key, int] | None = None
            for key in keys:
                s = shifts[key]
                if v.id in s.volunteers:
                    continue
                givers = [p for p in s.volunteers if p not in welcome and p not in pinned(s)
                          and counts[p] >= counts[v.id] + 2 and above(p) > 0
                          and (p != s.leader or v.leader)]
                if not givers:
                    continue
                giver = max(givers, key=above)
                if blocked(v, s.date, ledger, rules, leaving=giver) is not None:
                    continue
                mine = ledger.dates.get(v.id, [])
                gap = min((abs((d - s.date).days) for d in mine), default=WELL_APART)
                same_day = sum(1 for d in mine if d.weekday() == s.date.weekday())
                # the most over their share, then a night they wish for, a weekday they have
                # least, spread out
                score = (above(giver), v.wish_on(s.date), -same_day, min(gap, WELL_APART))
                if best is None or score > best[0]:
                    best = (score, key, giver)
            if best is None:
                break
            _, key, giver = best
            s = shifts[key]
            ledger.remove(giver, s.date)
            ledger.add(v.id, s.date)
            shifts[key] = s.with_changes(
                volunteers=tuple(v.id if p == giver else p for p in s.volunteers),
                leader=v.id if s.leader == giver else s.leader)
            counts[giver] -= 1
            counts[v.id] += 1
