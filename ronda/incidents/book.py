"""The incident book: what happened, when and where, what was done, and how the police
follow-up goes. Reporters are kept apart from the record and confidential by default.

A record answers who / what / when / where / why / how (5W1H). A suspicious-person report
must say what the person or vehicle did and one concrete observed detail: behaviour, not
appearance, is what the police can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from ronda.errors import BadInput
from ronda.i18n.labels import CATEGORY_WORDS, SEVERITY_WORDS, STATUS_WORDS
from ronda.model import SchemaError, Volunteer, _need, clean_text
from ronda.parsing import parse_choice
from ronda.schedule.shifts import Shift

if TYPE_CHECKING:
    from ronda.schedule.timetable import Timetable

CATEGORIES = ("theft", "burglary", "robbery", "vehicle-theft", "livestock-theft", "suspicious",
              "vandalism", "fire", "flood", "fight", "street-racing", "drugs", "alcohol",
              "gambling", "extortion", "accident", "disturbance", "infrastructure", "other")
SEVERITIES = ("low", "medium", "high")
STATUSES = ("new", "in-progress", "forwarded", "resolved", "closed")
VOID = "void"  # logged by mistake: kept in the book with its reason, out of every count
SP2HP_CODES = ("A1", "A2", "A3", "A4", "A5")
OVERDUE_DAYS = 30
FUTURE_SLACK = timedelta(minutes=5)
EARLIEST = date(2000, 1, 1)  # a period with no start reaches back to here


def parse_category(text: str) -> str:
    """A category as typed, in either language: ``curanmor``, ``berisik``, ``pungli``,
    ``lakalantas``, ``balap liar``, ``vehicle theft`` (the words: ``labels.CATEGORY_WORDS``)."""
    return parse_choice(text, CATEGORIES, "--category", vocabulary=CATEGORY_WORDS)


def parse_severity(text: str) -> str:
    return parse_choice(text, SEVERITIES, "--severity", vocabulary=SEVERITY_WORDS)


def parse_status(text: str, *, void: bool = False) -> str:
    """A status as typed, in either language; ``void`` only where asked for (a list of voided
    entries): an entry is voided with its reason by ``void_incident``, never by a status
    change."""
    if void:
        return parse_choice(text, (*STATUSES, VOID), "--status", vocabulary=STATUS_WORDS)
    return parse_choice(text, STATUSES, "--status",
                        vocabulary=STATUS_WORDS.only(STATUSES))


def parse_sp2hp(text: str) -> str:
    return parse_choice(text, (), "--sp2hp", words={c.lower(): c for c in SP2HP_CODES},
                        shown=", ".join(SP2HP_CODES))


@dataclass(frozen=True)
class Police:
    """The police side: station, LP number, STTLP receipt, latest SP2HP code."""

    station: str | None = None
    lp: str | None = None
    sttlp: str | None = None
    sp2hp: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"station": self.station, "lp": self.lp, "sttlp": self.sttlp,
                "sp2hp": self.sp2hp}


class Change(NamedTuple):
    """One line of an incident's timeline (a named tuple: a busy book reads tens of
    thousands of them)."""

    at: datetime
    field: str
    old: str | None
    new: str | None

    def to_dict(self) -> dict[str, str | None]:
        return {"at": self.at.isoformat(), "field": self.field, "old": self.old,
                "new": self.new}


NO_POLICE = Police()

# what ``Incident.from_record`` builds its records with (looked up once, not per record)
_bare, _fill, _moment, _change = object.__new__, object.__setattr__, datetime.fromisoformat, \
    tuple.__new__


def _police(record: dict[str, str]) -> Police:
    """The police side of a checked record (built directly, as ``from_record`` does)."""
    police = _bare(Police)
    _fill(police, "__dict__", {"station": record.get("station"), "lp": record.get("lp"),
                               "sttlp": record.get("sttlp"), "sp2hp": record.get("sp2hp")})
    return police


@dataclass(frozen=True)
class Incident:
    """One entry of the incident book."""

    id: int
    occurred_at: datetime
    recorded_at: datetime
    category: str
    description: str
    severity: str = "medium"
    location: str = ""
    who: str = ""
    witness: str = ""
    loss: int = 0
    action: str = ""
    behaviour: str = ""
    clothing: str = ""
    vehicle: str = ""
    plate: str = ""
    status: str = "new"
    police: Police = Police()
    shift: tuple[date, int] | None = None
    on_duty: tuple[int, ...] = ()
    timeline: tuple[Change, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "occurred_at": self.occurred_at.isoformat(),
            "recorded_at": self.recorded_at.isoformat(), "category": self.category,
            "severity": self.severity, "location": self.location,
            "description": self.description, "who": self.who, "witness": self.witness,
            "loss": self.loss, "action": self.action, "behaviour": self.behaviour,
            "clothing": self.clothing, "vehicle": self.vehicle, "plate": self.plate,
            "status": self.status, "police": self.police.to_dict(),
            "shift": ({"date": self.shift[0].isoformat(), "slot": self.shift[1]}
                      if self.shift else None),
            "on_duty": list(self.on_duty), "timeline": [c.to_dict() for c in self.timeline],
        }

    def to_record(self) -> dict[str, Any]:
        """The stored form: like ``to_dict`` without empty fields, since a busy neighbourhood
        keeps tens of thousands of incidents in its data file."""
        full = self.to_dict()
        police = {k: v for k, v in full["police"].items() if v}
        record = {k: v for k, v in full.items() if v not in ("", 0, None, []) or k == "id"}
        record["timeline"] = full["timeline"]
        if police:
            record["police"] = police
        else:
            record.pop("police", None)
        return record

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        """Read a stored record (or a full ``to_dict``); missing fields are empty."""
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")

        def text(key: str) -> str:
            value = d.get(key) or ""
            if not isinstance(value, str):
                raise SchemaError("schema.wrong_type", field=key)
            return value

        def moment(value: Any, key: str) -> datetime:
            found = datetime.fromisoformat(value)
            if found.tzinfo is None:
                raise SchemaError("schema.no_zone", field=key)
            return found

        def optional_text(value: Any) -> str | None:
            if value is not None and not isinstance(value, str):
                raise TypeError("not text")
            return value

        try:
            police_record = d.get("police") or {}
            police = Police(**{k: optional_text(v) for k, v in police_record.items()})
            shift = d.get("shift")
            timeline = tuple(Change(moment(c["at"], "timeline"), _need(c, "field", str),
                                    optional_text(c["old"]), optional_text(c["new"]))
                             for c in _need(d, "timeline", list))
            loss = d.get("loss") or 0
            on_duty = d.get("on_duty") or []
            if (isinstance(loss, bool) or not isinstance(loss, int) or loss < 0
                    or not isinstance(on_duty, list)
                    or not all(isinstance(p, int) for p in on_duty)):
                raise TypeError("loss or on_duty")
            if d.get("category") not in CATEGORIES or \
                    d.get("status") not in (*STATUSES, VOID) or \
                    d.get("severity", "medium") not in SEVERITIES:
                raise ValueError("unknown category, status or severity")
            if shift is not None and not (isinstance(shift, dict)
                                          and isinstance(shift.get("slot"), int)):
                raise TypeError("shift")
            return cls(
                id=_need(d, "id", int), occurred_at=moment(d["occurred_at"], "occurred_at"),
                recorded_at=moment(d["recorded_at"], "recorded_at"),
                category=_need(d, "category", str), description=text("description"),
                severity=text("severity") or "medium", location=text("location"),
                who=text("who"), witness=text("witness"), loss=loss,
                action=text("action"), behaviour=text("behaviour"),
                clothing=text("clothing"), vehicle=text("vehicle"), plate=text("plate"),
                status=_need(d, "status", str), police=police,
                shift=(date.fromisoformat(shift["date"]), int(shift["slot"])) if shift else None,
                on_duty=tuple(on_duty), timeline=timeline)
        except SchemaError:
            raise
        except KeyError as exc:
            raise SchemaError("schema.missing_field", field=exc.args[0]) from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise SchemaError("schema.malformed", detail=type(exc).__name__) from None

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> Incident:
        """A stored record the storage has already checked with ``from_dict`` (it checks a
        file in full before its records are used), built without checking again: reading
        a busy book is mostly this."""
        get = d.get
        police, shift = get("police"), get("shift")
        # filled in directly: a frozen dataclass's __init__ sets each field through
        # object.__setattr__, which is most of the time of reading twenty thousand
        incident = _bare(cls)
        _fill(incident, "__dict__", {
            "id": d["id"], "occurred_at": _moment(d["occurred_at"]),
            "recorded_at": _moment(d["recorded_at"]), "category": d["category"],
            # a field may be missing or null (``from_dict`` reads both as empty)
            "description": get("description") or "", "severity": get("severity") or "medium",
            "location": get("location") or "", "who": get("who") or "",
            "witness": get("witness") or "", "loss": get("loss") or 0,
            "action": get("action") or "", "behaviour": get("behaviour") or "",
            "clothing": get("clothing") or "", "vehicle": get("vehicle") or "",
            "plate": get("plate") or "", "status": d["status"],
            "police": _police(police) if police else NO_POLICE,
            "shift": (date.fromisoformat(shift["date"]), shift["slot"]) if shift else None,
            "on_duty": tuple(get("on_duty") or ()),
            "timeline": tuple([_change(Change, (_moment(c["at"]), c["field"], c["old"],
                                                c["new"])) for c in d["timeline"]])})
        return incident

    def forwarded_at(self) -> datetime | None:
        return next((c.at for c in self.timeline if c.field == "status" and
                     c.new == "forwarded"), None)

    def last_police_news(self) -> datetime | None:
        """When the police last said something: forwarding, LP, STTLP or an SP2HP letter."""
        times = [c.at for c in self.timeline if c.field in ("sp2hp", "lp", "sttlp") or
                 (c.field == "status" and c.new == "forwarded")]
        return max(times) if times else None

    def overdue(self, now: datetime) -> bool:
        """Forwarded, and no SP2HP news for 30 days."""
        if self.status != "forwarded":
            return False
        last = self.last_police_news() or self.recorded_at
        return now - last > timedelta(days=OVERDUE_DAYS)


def new_incident(report: Incident, now: datetime, shift: Shift | None) -> Incident:
    """A checked incident from what was typed (``report``, an unsaved Incident), recorded
    ``now``, linked to the shift on duty, with its first timeline line."""
    if report.occurred_at > now + FUTURE_SLACK:
        raise BadInput("err.future", value=report.occurred_at)
    text = {k: clean_text(getattr(report, k), field_name=f"--{k}", limit=limit)
            for k, limit in (("description", 2000), ("location", 200), ("who", 400),
                             ("witness", 400), ("action", 1000), ("behaviour", 1000),
                             ("clothing", 200), ("vehicle", 200), ("plate", 20))}
    if not text["description"]:
        raise BadInput("err.empty", field="--description")
    if report.category == "suspicious":
        if not text["behaviour"]:
            raise BadInput("err.suspicious_behaviour")
        if not (text["clothing"] or text["vehicle"] or text["plate"]):
            raise BadInput("err.suspicious_detail")
    if report.loss < 0:
        raise BadInput("err.out_of_range", field="--loss", value=report.loss, low=0,
                       high=10**12)
    return replace(report, id=0, recorded_at=now, **text, status="new", police=Police(),
                   shift=shift.key if shift else None,
                   on_duty=shift.volunteers if shift else (),
                   timeline=(Change(now, "status", None, "new"),))


def update_incident(incident: Incident, now: datetime, *, status: str | None = None,
                    station: str | None = None, lp: str | None = None,
                    sttlp: str | None = None, sp2hp: str | None = None,
                    note: str | None = None) -> Incident:
    """Apply changes, each appended to the timeline; nothing is overwritten silently."""
    changes: list[Change] = []
    police = incident.police
    new_status = incident.status
    if status is not None and status != incident.status:
        changes.append(Change(now, "status", incident.status, status))
        new_status = status
    for name, value in (("station", station), ("lp", lp), ("sttlp", sttlp), ("sp2hp", sp2hp)):
        if value is None:
            continue
        value = clean_text(value, field_name=f"--{name}", required=True, limit=80)
        if value != getattr(police, name):
            changes.append(Change(now, name, getattr(police, name), value))
            police = replace(police, **{name: value})
    if note is not None:
        changes.append(Change(now, "note", None, clean_text(note, field_name="--note",
                                                           required=True, limit=1000)))
    if incident.status == VOID:
        raise BadInput("err.incident_void", id=incident.id)
    if not changes:
        raise BadInput("err.nothing_to_change")
    if new_status == "forwarded" and not (police.station or incident.police.station):
        raise BadInput("err.forward_needs_station")
    return replace(incident, status=new_status, police=police,
                   timeline=incident.timeline + tuple(changes))


def void_incident(incident: Incident, now: datetime, reason: str) -> Incident:
    """An entry logged by mistake, voided: it stays in the book with the reason in its
    timeline, and leaves lists, stats, exports and the board."""
    if incident.status == VOID:
        raise BadInput("err.incident_void", id=incident.id)
    why = clean_text(reason, field_name="--reason", required=True, limit=300)
    return replace(incident, status=VOID, timeline=(
        *incident.timeline, Change(now, "status", incident.status, VOID),
        Change(now, "note", None, why)))


@dataclass(frozen=True)
class Reporter:
    """Who reported an incident, kept apart from it; confidential unless made public."""

    incident: int
    name: str
    volunteer: int | None = None
    public: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"incident": self.incident, "name": self.name, "volunteer": self.volunteer,
                "public": self.public}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reporter:
        return cls(_need(d, "incident", int), _need(d, "name", str),
                   _need(d, "volunteer", int, optional=True), _need(d, "public", bool))


def reporter_of(people: Iterable[Volunteer], name: str | None,
                public: bool) -> Reporter | None:
    """Who reported, as ``--reporter`` names them (None: nobody named): the volunteer of
    that name, never a guess, and a name that fits several refused (an erasure must find
    them); any other name is a resident's, as typed. Confidential unless ``public``."""
    from ronda.people.volunteers import find_volunteer  # the book alone needs no roster

    if name is None:
        return None
    try:
        v = find_volunteer(people, name, guess=False)
        return Reporter(0, v.name, v.id, public)
    except BadInput as exc:
        if exc.key == "err.volunteer_ambiguous":
            raise
        return Reporter(0, clean_text(name, field_name="--reporter", required=True), None,
                        public)


def opening_evening(found: Sequence[Incident], timetable: Timetable) -> date | None:
    """The evening of the first of ``found``, in the order they happened as the book gives
    them (02.00 belongs to the evening before): where a book's period starts when none was
    asked for, not at the earliest date ronda reads."""
    return timetable.evening_of(found[0].occurred_at) if found else None


def numbered_incidents(found: Iterable[Incident]) -> list[Incident]:
    """The incidents an export names by number: each once, in the order they happened; a
    voided entry is refused (logged by mistake, it is no report)."""
    chosen = sorted({i.id: i for i in found}.values(), key=lambda i: (i.occurred_at, i.id))
    void = next((i for i in chosen if i.status == VOID), None)
    if void is not None:
        raise BadInput("err.export_void", id=void.id)
    return chosen


def select_incidents(found: Sequence[Incident], *, category: str | None = None,
                     status: str | None = None, search: str | None = None) -> list[Incident]:
    """The incidents of a category and status (as typed, either language) whose words hold
    ``search``; voided entries only when their status is asked for. The search never looks
    at the witness or the reporter: a search must not reveal who spoke."""
    kind = parse_category(category) if category else None
    wanted = parse_status(status, void=True) if status else None
    needle = search.casefold() if search else ""
    return [i for i in found if (kind is None or i.category == kind)
            and (i.status == wanted if wanted else i.status != VOID)
            and (not needle or needle in " ".join((
                i.description, i.location, i.who, i.action, i.behaviour, i.clothing,
                i.vehicle, i.plate, i.police.lp or "")).casefold())]

