"""The volunteers on the roster: checking what users type for them, finding people, away
periods.

Pure functions over ``Volunteer`` records; storage and terminal live elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from ronda.dates import DAY_KEYS, WeekdayName, check_range, parse_days, parse_span
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
                     note: str | None = None, prefer: str | None = None,
                     avoid: str | None = None) -> dict[str, Any]:
    """Check raw values typed for a volunteer; return the typed fields that were given.

    An empty phone, days, max-per-week or wish (or ``-``) clears it.
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
            Volunteer._defaults["days"]
    if max_per_week is not None:
        out["max_per_week"] = None if str(max_per_week).strip() in _CLEAR else \
            parse_count(max_per_week, "--max-per-week", minimum=1, maximum=7)
    for key, value in (("prefer", prefer), ("avoid", avoid)):
        if value is not None:
            out[key] = () if value.strip() in _CLEAR else tuple(parse_days(value))
    return out


def parse_avoid_dates(texts: Sequence[str], today: date) -> tuple[Away, ...] | None:
    """``--avoid-date`` as typed (a day or a period each, ``-`` alone clears them): the
    nights someone would rather not patrol; None when none was given."""
    if not texts:
        return None
    if [t.strip() for t in texts] == ["-"]:
        return ()
    out = []
    for text in texts:
        ends = _PERIOD.split(text.strip(), maxsplit=1)
        if len(ends) == 1 and text.count("/") >= 2 and text.count("-") == 1:
            ends = text.split("-")  # 19/12/2026-27/12/2026
        first = parse_span(ends[0], today)[0]
        last = parse_span(ends[-1], today)[1]
        check_range(first, last)
        out.append(Away(first, last, ""))
    return tuple(sorted(set(out)))


_PERIOD = re.compile(r"\s*(?:\.\.|–|—|\s-\s|\ss\.?d\.?\s|\ssampai\s|\sto\s|\suntil\s)\s*",
                     re.IGNORECASE)


def check_wishes(v: Volunteer) -> None:
    """A weekday is not both wished for and avoided, and a wish is for a night they can
    come (a wish on a day they never patrol means nothing)."""
    both = [d for d in v.prefer if d in v.avoid]
    if both:
        raise BadInput("err.wish_both", day=WeekdayName(DAY_KEYS.index(both[0])))
    never = [d for d in (*v.prefer, *v.avoid) if d not in v.days]
    if never:
        raise BadInput("err.wish_not_a_day", day=WeekdayName(DAY_KEYS.index(never[0])))


def person_name(people: dict[int, Volunteer], pid: int, lang: str) -> str:
    """The name shown for a person id: ``#12 (erased)`` once their data is erased."""
    from ronda.i18n import t

    v = people.get(pid)
    return v.name if v and v.name else f"#{pid} {t('status.erased', lang)}"


def label(v: Volunteer) -> str:
    """``#12 Budi Santoso`` (or ``#12`` once erased)."""
    return f"#{v.id} {v.name}".rstrip()


# what people put before a name: Pak Budi, Bu Siti, H. Ahmad, Ustadz Hasan
HONORIFICS = frozenset({"pak", "bapak", "bpk", "bu", "ibu", "mas", "mbak", "mba", "bang", "abang",
                        "kak", "kakak", "dik", "adik", "dek", "h", "hj", "haji", "hajah",
                        "hajjah", "ustadz", "ustad", "ustaz", "ust"})


def plain_name(text: str) -> str:
    """A name as compared: any case, the honorifics and titles before it left out
    (``Bapak H. Ahmad Fauzi`` is ``ahmad fauzi``); a name that is nothing but one is kept."""
    words = text.casefold().replace(".", ". ").split()
    rest = list(words)
    while rest and rest[0].rstrip(".,") in HONORIFICS:
        rest.pop(0)
    return " ".join(rest or words)


def _distance(a: str, b: str) -> int:
    """Letters typed wrong, missing, extra or swapped (optimal string alignment)."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        earlier, before, row = before, row, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], earlier[j - 2] + 1)
    return row[-1]


def _typo_distance(query: str, name: str) -> int:
    """How far ``query`` is from the name or from as many of its words in a row."""
    words, size = name.split(), len(query.split())
    parts = {name, *(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))}
    return min(_distance(query, part) for part in parts)


class Candidates(NamedTuple):
    """The people a name could mean, as an error lists them: ``Budi Santoso (#3) atau Budi
    Hartono (#9)``."""

    people: tuple[tuple[int, str], ...]

    def localise(self, lang: str) -> str:
        from ronda.i18n import t

        names = [f"{name} (#{pid})" for pid, name in self.people]
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {t('word.or', lang)} {names[-1]}"


def _one(found: Sequence[Volunteer], raw: str) -> Volunteer:
    if len(found) > 1:
        raise BadInput("err.volunteer_ambiguous", query=raw,
                       candidates=Candidates(tuple((v.id, v.name) for v in found[:8])))
    return found[0]


def find_volunteer(volunteers: Iterable[Volunteer], query: str, *,
                   include_inactive: bool = False, guess: bool = True) -> Volunteer:
    """A volunteer by id (``12`` or ``#12``) or by their name as people say it: honorifics
    and titles aside (``Pak Budi``, ``H. Ahmad``), an unambiguous part of it, or, when
    ``guess``, with a typo of one or two letters when only one person is that close. An exact
    name wins over a part, a part over a typo; several alike are listed, never guessed."""
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
    needle = plain_name(raw)
    if not needle:
        raise BadInput("err.empty", field=Term("metavar.name"))
    typed = " ".join(raw.casefold().split())
    names = [(v, " ".join(v.name.casefold().split()), plain_name(v.name)) for v in people]
    for found in ([v for v, full, _ in names if full == typed],  # as written, honorific too
                  [v for v, _, name in names if name == needle],
                  [v for v, full, _ in names if typed in full],
                  [v for v, _, name in names if needle in name]):
        if found:
            return _one(found, raw)
    if guess and len(needle) >= 3:
        limit = 1 if len(needle) < 5 else 2
        near = sorted((d, v.id, v)
                      for v, _, name in names if (d := _typo_distance(needle, name)) <= limit)
        if near:  # the closest first
            return _one([v for _, _, v in near], raw)
    raise BadInput("err.volunteer_not_found", query=raw)


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

