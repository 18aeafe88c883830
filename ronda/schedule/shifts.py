"""Shifts on the schedule: who is on duty on an evening's slot, and what the night's log says.

A shift belongs to its evening date, even when it ends after midnight.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, NamedTuple

from ronda.model import SchemaError, _iso_date, _iso_time, _need
from ronda.record import Record

ATTENDANCE = ("hadir", "izin", "sakit", "dinas", "tanpa-keterangan")
EXCUSED = ("izin", "sakit", "dinas")  # with notice; tanpa-keterangan (TK, alpa) is not
def parse_absence_reason(text: str) -> str:
    """An absence reason in either language: ``sakit``/``sick``, ``izin``/``excused``,
    ``dinas``/``work trip``, ``tanpa keterangan``/``TK``/``alpa``/``absent``."""
    from ronda.i18n.labels import ABSENCE_WORDS
    from ronda.parsing import parse_choice

    return parse_choice(text, EXCUSED + ("tanpa-keterangan",), "--reason",
                        vocabulary=ABSENCE_WORDS)


GUEST_ROLES = ("bhabinkamtibmas", "babinsa", "linmas", "other")


def parse_guest_role(text: str, field_name: str = "--role") -> str:
    """A guest's role in either language: ``bhabin``, ``polisi``, ``tni``, ``hansip``,
    ``tamu``."""
    from ronda.i18n.labels import GUEST_ROLE_WORDS
    from ronda.parsing import parse_choice

    return parse_choice(text, GUEST_ROLES, field_name, vocabulary=GUEST_ROLE_WORDS)
WEEKEND_DAYS = (4, 5)  # Friday and Saturday evenings


class Exclusion(NamedTuple):
    """Why one person could not be placed on a night: a rule and a detail."""

    volunteer: int
    rule: str  # day, away, tonight, rest, week, household, inactive
    detail: str = ""

    def to_list(self) -> list[Any]:
        return [self.volunteer, self.rule, self.detail]


class Shortfall(NamedTuple):
    """A slot left short: how many could be placed, and who was ruled out and why."""

    available: int
    required: int
    excluded: tuple[Exclusion, ...] = ()
    no_leader: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"available": self.available, "required": self.required,
                "excluded": [e.to_list() for e in self.excluded], "no_leader": self.no_leader}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Shortfall:
        excluded = _need(d, "excluded", list)
        try:
            items = tuple(Exclusion(int(a), str(b), str(c)) for a, b, c in excluded)
        except (TypeError, ValueError):
            raise SchemaError("schema.field_malformed", field="excluded") from None
        return cls(_need(d, "available", int), _need(d, "required", int), items,
                   _need(d, "no_leader", bool))


class Guest(NamedTuple):
    """Someone patrolling with the team who is not in the rotation (joint patrol)."""

    name: str
    role: str = "other"

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


class Absence(NamedTuple):
    """A volunteer who did not come, why, and who came instead."""

    volunteer: int
    reason: str  # izin, sakit, dinas, tanpa-keterangan
    substitute: str = ""  # a stand-in who is not on the roster, by name
    fine: int = 0
    substitute_id: int | None = None  # a stand-in from the roster, by id

    @property
    def covered(self) -> bool:
        return bool(self.substitute) or self.substitute_id is not None

    def to_dict(self) -> dict[str, Any]:
        return {"volunteer": self.volunteer, "reason": self.reason,
                "substitute": self.substitute, "fine": self.fine,
                "substitute_id": self.substitute_id}


class Swap(NamedTuple):
    """A recorded change of people on a shift."""

    out: int
    into: int
    at: str
    bent: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"out": self.out, "in": self.into, "at": self.at, "bent": list(self.bent)}


class Shift(Record):
    """One slot of one evening: the people on duty (leader first) and the night's log."""

    date: date
    slot: int
    volunteers: tuple[int, ...] = ()
    leader: int | None = None
    short: Shortfall | None = None
    guests: tuple[Guest, ...] = ()
    present: tuple[int, ...] = ()
    absences: tuple[Absence, ...] = ()
    note: str = ""
    swaps: tuple[Swap, ...] = ()
    logged: bool = False
    # the clock hours the shift runs, kept from when it was planned, so a later change of
    # the night's slots does not rewrite the past
    start: time | None = None
    end: time | None = None

    @property
    def key(self) -> tuple[date, int]:
        return (self.date, self.slot)

    def with_changes(self, **changes: Any) -> Shift:
        return self._replace(**changes)

    def people(self) -> set[int]:
        """Everyone the shift names: on duty, present, absent, standing in, swapped, and
        those its shortfall says were ruled out."""
        found = {*self.volunteers, *self.present}
        found.update(a.volunteer for a in self.absences)
        found.update(a.substitute_id for a in self.absences if a.substitute_id is not None)
        found.update(p for sw in self.swaps for p in (sw.out, sw.into))
        if self.leader is not None:
            found.add(self.leader)
        if self.short is not None:
            found.update(e.volunteer for e in self.short.excluded)
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(), "slot": self.slot, "volunteers": list(self.volunteers),
            "leader": self.leader, "short": self.short.to_dict() if self.short else None,
            "guests": [g.to_dict() for g in self.guests], "present": list(self.present),
            "absences": [a.to_dict() for a in self.absences], "note": self.note,
            "swaps": [s.to_dict() for s in self.swaps], "logged": self.logged,
            "start": self.start.strftime("%H:%M") if self.start else None,
            "end": self.end.strftime("%H:%M") if self.end else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Shift:
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        ids = _need(d, "volunteers", list)
        if not all(isinstance(i, int) for i in ids):
            raise SchemaError("schema.ids", field="volunteers")
        short = _need(d, "short", dict, optional=True)
        try:
            guests = tuple(Guest(g["name"], g["role"]) for g in _need(d, "guests", list))
            absences = tuple(Absence(a["volunteer"], a["reason"], a["substitute"], a["fine"],
                                     a.get("substitute_id"))
                             for a in _need(d, "absences", list))
            swaps = tuple(Swap(s["out"], s["in"], s["at"], tuple(s["bent"]))
                          for s in _need(d, "swaps", list))
        except (KeyError, TypeError):
            raise SchemaError("schema.field_malformed", field="absences/swaps") from None
        return cls(
            date=_iso_date(d.get("date"), "date"), slot=_need(d, "slot", int),
            volunteers=tuple(ids), leader=_need(d, "leader", int, optional=True),
            short=Shortfall.from_dict(short) if short else None, guests=guests,
            present=tuple(_need(d, "present", list)), absences=absences,
            note=_need(d, "note", str), swaps=swaps, logged=_need(d, "logged", bool),
            start=_iso_time(d["start"], "start") if d.get("start") is not None else None,
            end=_iso_time(d["end"], "end") if d.get("end") is not None else None,
        )


class Holiday(NamedTuple):
    """A date that needs attention: a national holiday or a local one, maybe with extra people."""

    date: date
    name: str
    extra: int = 0
    local: bool = True
    name_en: str = ""  # national holidays carry their English name too

    def title(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "name": self.name, "extra": self.extra,
                "local": self.local, "name_en": self.name_en}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Holiday:
        return cls(_iso_date(d.get("date"), "date"), _need(d, "name", str),
                   _need(d, "extra", int), _need(d, "local", bool),
                   _need(d, "name_en", str, optional=True) or "")


class PlanChange(NamedTuple):
    """One shift's people before and after a change of the plan, and why it changed
    (``remove``, ``away``, ``edit``, ``swap``, ``exchange``, ``rebuild``, …)."""

    date: date
    slot: int
    before: tuple[int, ...]
    after: tuple[int, ...]
    cause: str = ""
    at: str = ""  # when the change was made, ISO
    leader_before: int | None = None
    leader_after: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "slot": self.slot, "before": list(self.before),
                "after": list(self.after), "cause": self.cause, "at": self.at,
                "leader_before": self.leader_before, "leader_after": self.leader_after}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlanChange:
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        before, after = _need(d, "before", list), _need(d, "after", list)
        if not all(isinstance(i, int) for i in (*before, *after)):
            raise SchemaError("schema.ids", field="before/after")
        return cls(_iso_date(d.get("date"), "date"), _need(d, "slot", int), tuple(before),
                   tuple(after), _need(d, "cause", str), _need(d, "at", str),
                   _need(d, "leader_before", int, optional=True),
                   _need(d, "leader_after", int, optional=True))


def diff_plans(before: list[Shift], after: list[Shift], cause: str,
               at: str) -> list[PlanChange]:
    """The shifts whose people changed between two versions of a plan."""
    old = {s.key: s for s in before}
    out = []
    for s in after:
        was = old.pop(s.key, None)
        people = was.volunteers if was else ()
        leader = was.leader if was else None
        if set(people) != set(s.volunteers) or leader != s.leader:
            out.append(PlanChange(s.date, s.slot, people, s.volunteers, cause, at, leader,
                                  s.leader))
    out += [PlanChange(s.date, s.slot, s.volunteers, (), cause, at, s.leader, None)
            for s in old.values() if s.volunteers]
    return sorted(out, key=lambda c: (c.date, c.slot))


def pinned(shift: Shift) -> set[int]:
    """People put on a shift by hand (a swap or an exchange): a rebuild keeps them."""
    return {sw.into for sw in shift.swaps} & set(shift.volunteers)


def is_weekend(d: date) -> bool:
    """Friday and Saturday evenings, the nights that are hardest to fill."""
    return d.weekday() in WEEKEND_DAYS


__all__ = ["ATTENDANCE", "EXCUSED", "GUEST_ROLES", "Absence", "Exclusion", "Guest", "Holiday",
           "PlanChange", "Shift", "Shortfall", "Swap", "diff_plans", "is_weekend",
           "parse_absence_reason", "parse_guest_role", "pinned"]
