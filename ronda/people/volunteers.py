"""The volunteers on the roster: checking what users type for them, finding people, away
periods.

Pure functions over ``Volunteer`` records; storage and terminal live elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from ronda.dates import check_range, parse_days
from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.model import Away, Volunteer, clean_text
from ronda.parsing import find_choice, parse_count
from ronda.phones import normalize_phone

AWAY_REASONS = ("mudik", "sakit", "dinas", "lainnya")  # or a short text of one's own

_CLEAR = {"-", ""}


def parse_reason(text: str) -> str:
    """An away reason: a known one in either language (``pulang kampung`` is mudik, ``work
    trip`` dinas; the words: ``labels.AWAY_REASON_WORDS``) or a short text."""
    from ronda.i18n.labels import AWAY_REASON_WORDS

    raw = clean_text(text, field_name=Term("col.reason"), required=True, limit=60)
    return find_choice(raw, AWAY_REASON_WORDS) or raw


def volunteer_fields(*, name: str | None = None, phone: str | None = None,
                     address: str | None = None, household: str | None = None,
                     team: str | None = None, leader: bool | None = None,
                     days: str | None = None, max_per_week: str | int | None = None,
                     note: str | None = None) -> dict[str, Any]:
    """Check raw values typed for a volunteer; return the typed fields that were given.

    An empty phone, days or max-per-week (or ``-``) clears it.
    """
    out: dict[str, Any] = {}
    if name is not None:
        out["name"] = clean_text(name, field_name=Term("metavar.name"), required=True,
                                 limit=80)
    if phone is not None:
        out["phone"] = None if phone.strip() in _CLEAR else normalize_phone(phone)
    for key, value, shown in (("address", address, Term("col.address")),
                              ("household", household, Term("col.household")),
                              ("team", team, Term("col.team")), ("note", note, Term("col.note"))):
        if value is not None:
            out[key] = clean_text(value, field_name=shown)
    for key in ("household", "team"):  # "Regu  4 " is Regu 4: one regu, one house
        if key in out:
            out[key] = " ".join(out[key].split())
    if leader is not None:
        out["leader"] = leader
    if days is not None:
        out["days"] = tuple(parse_days(days)) if days.strip() not in _CLEAR else \
            Volunteer.__dataclass_fields__["days"].default
    if max_per_week is not None:
        out["max_per_week"] = None if str(max_per_week).strip() in _CLEAR else \
            parse_count(max_per_week, "--max-per-week", minimum=1, maximum=7)
    return out


def person_name(people: dict[int, Volunteer], pid: int, lang: str) -> str:
    """The name shown for a person id: ``#12 (erased)`` once their data is erased."""
    from ronda.i18n import t

    v = people.get(pid)
    return v.name if v and v.name else f"#{pid} {t('status.erased', lang)}"


def label(v: Volunteer) -> str:
    """``#12 Budi Santoso`` (or ``#12`` once erased)."""
    return f"#{v.id} {v.name}".rstrip()


def find_volunteer(volunteers: Iterable[Volunteer], query: str, *,
                   include_inactive: bool = False) -> Volunteer:
    """A volunteer by id (``12`` or ``#12``) or by an unambiguous part of the name.

    An exact (case-insensitive) name wins over partial matches.
    """
    people = [v for v in volunteers if not v.purged and (include_inactive or v.active)]
    raw = query.strip()
    digits = raw.lstrip("#")
    if digits.isascii() and digits.isdigit():
        if len(digits) > 9:
            raise BadInput("err.volunteer_not_found", query=raw[:20] + "…")
        for v in volunteers:
            if v.id == int(digits) and (include_inactive or v.active):
                return v
        raise BadInput("err.volunteer_not_found", query=raw)
    needle = raw.casefold()
    if not needle:
        raise BadInput("err.empty", field=Term("metavar.name"))
    exact = [v for v in people if v.name.casefold() == needle]
    matches = exact or [v for v in people if needle in v.name.casefold()]
    if not matches:
        raise BadInput("err.volunteer_not_found", query=raw)
    if len(matches) > 1:
        raise BadInput("err.volunteer_ambiguous", query=raw,
                       candidates=", ".join(label(v) for v in matches[:8]))
    return matches[0]


def add_away(v: Volunteer, start: date, end: date, reason: str) -> Volunteer:
    """Record an away period (mudik, sakit, dinas, …). One that overlaps or touches a period
    with the same reason is merged into it; one that overlaps a different reason is refused,
    naming the period already there."""
    check_range(start, end)
    merged = Away(start, end, reason)
    kept: list[Away] = []
    for a in v.away:
        touches = a.start <= merged.end + timedelta(days=1) and merged.start <= \
            a.end + timedelta(days=1)
        overlaps = a.start <= merged.end and merged.start <= a.end
        if touches and a.reason == reason:
            merged = Away(min(a.start, merged.start), max(a.end, merged.end), reason)
        elif overlaps:
            raise BadInput("err.away_overlap", number=v.away.index(a) + 1,
                           start=a.start, end=a.end, reason=a.reason)
        else:
            kept.append(a)
    periods = sorted([*kept, merged], key=lambda a: (a.start, a.end))
    return v.with_changes(away=tuple(periods))


def _period(v: Volunteer, number: int) -> Away:
    if not 1 <= number <= len(v.away):
        raise BadInput("err.no_away_period", name=label(v), number=number, count=len(v.away))
    return v.away[number - 1]


def cancel_away(v: Volunteer, number: int) -> tuple[Volunteer, Away]:
    """Drop away period ``number`` (counted from 1, as ``away --list`` shows them)."""
    gone = _period(v, number)
    return v.with_changes(away=tuple(a for a in v.away if a is not gone)), gone


def change_away(v: Volunteer, number: int, start: date | None, end: date | None,
                reason: str | None) -> Volunteer:
    """Change the dates or reason of away period ``number``."""
    old = _period(v, number)
    without = v.with_changes(away=tuple(a for a in v.away if a is not old))
    return add_away(without, start or old.start, end or old.end, reason or old.reason)


def mark_back(v: Volunteer, day: date) -> Volunteer:
    """End the away period that covers ``day``: the volunteer is back from that evening on.
    A period that has not started yet is cancelled with ``away --cancel``."""
    current = [a for a in v.away if a.covers(day)]
    if not current:
        raise BadInput("err.not_away", name=label(v), id=v.id, day=day)
    kept: list[Away] = []
    for a in v.away:
        if a in current:
            if a.start < day:
                kept.append(Away(a.start, day - timedelta(days=1), a.reason))
        else:
            kept.append(a)
    return v.with_changes(away=tuple(kept))


def households_with_several(volunteers: Sequence[Volunteer]) -> dict[str, list[Volunteer]]:
    """Households that have more than one active volunteer (they never share a night)."""
    groups: dict[str, list[Volunteer]] = {}
    for v in volunteers:
        if v.active and v.household:
            groups.setdefault(v.household.casefold(), []).append(v)
    return {k: vs for k, vs in groups.items() if len(vs) > 1}


class EmptyHouse(NamedTuple):
    """A house whose every resident on the roster is away from ``start`` to ``end``."""

    where: str
    residents: tuple[str, ...]
    start: date
    end: date


def empty_houses(volunteers: Sequence[Volunteer], first: date, last: date) -> list[EmptyHouse]:
    """The houses left empty within ``first``..``last``, each run of nights apart: a house is
    empty only while every active resident of it is away (someone without a household is
    their own house)."""
    houses: dict[str, list[Volunteer]] = {}
    for v in volunteers:
        if v.active and not v.purged:
            houses.setdefault(v.household.casefold() if v.household else f"#{v.id}",
                              []).append(v)
    out = []
    for residents in houses.values():
        run: date | None = None
        d = first
        while d <= last + timedelta(days=1):
            empty = d <= last and all(v.away_on(d) for v in residents)
            if empty and run is None:
                run = d
            elif not empty and run is not None:
                head = residents[0]
                out.append(EmptyHouse(head.household or head.address or head.name,
                                      tuple(v.name for v in residents), run,
                                      d - timedelta(days=1)))
                run = None
            d += timedelta(days=1)
    return sorted(out, key=lambda h: (h.start, h.where.casefold()))


def settle_team(fields: dict[str, Any], roster: Sequence[Volunteer]) -> dict[str, Any]:
    """``fields`` with a team typed in another case ("regu g") written as the roster already
    writes it ("Regu G"), so one regu is stored once."""
    team = fields.get("team")
    if not team:
        return fields
    known = next((v.team for v in roster if v.team and v.team.casefold() == team.casefold()),
                 team)
    return {**fields, "team": known}


def edit_volunteer(v: Volunteer, fields: dict[str, Any]) -> Volunteer:
    """``v`` with the checked ``fields`` changed; an erased record stays erased."""
    if v.purged:
        raise BadInput("err.volunteer_erased", id=v.id)
    return v.with_changes(**fields)

