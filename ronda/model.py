"""The data model: the neighbourhood's settings, its shift slots and its volunteers.

Frozen records (``ronda.record``) with conversion to and from the JSON records the data file holds.
``from_dict`` checks types strictly: a record that does not fit raises ``SchemaError``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from typing import TYPE_CHECKING, Any, NamedTuple

from ronda.dates import DAY_KEYS, format_time
from ronda.errors import BadInput
from ronda.record import Made, Record

if TYPE_CHECKING:
    from ronda.i18n import Term

MAX_TEXT = 200


class SchemaError(ValueError):
    """A stored record does not have the shape ronda writes: a text of the catalogue
    (``schema.*``) and its values, said in the reader's language."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key, self.args_ = key, args

    def __str__(self) -> str:  # for logs and --debug; users see the translated text
        return f"{self.key} {self.args_}"

    def localise(self, lang: str) -> str:
        from ronda.i18n import t

        return t(self.key, lang, **self.args_)


class Damage(NamedTuple):
    """What is wrong in a data file and where, as the file names it (``volunteers/3``), and
    how many other problems were found."""

    where: str
    error: SchemaError
    more: int = 0

    def localise(self, lang: str) -> str:
        text = self.error.localise(lang)
        text = f"{self.where}: {text}" if self.where else text
        return f"{text} (+{self.more})" if self.more else text


# Invisible and control characters: refused in names and notes (a bidi override can make a
# name read backwards, a zero-width space hides one name inside another) ...
_UNSEEN = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co")
# ... except the emoji's own: a zero-width joiner between two emoji (👮‍♂️, 👩🏽‍💻, 🏳️‍🌈) and the
# tag letters that spell a region's flag after 🏴 (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Skin tones, variation selectors and
# country flags are visible characters already.
_ZWJ = "\u200d"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_REGION_FLAG = "\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"  # compiled when first used


def _emoji_part(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or ch == "\ufe0f" or ord(ch) in _SKIN_TONES


def _has_unseen(text: str) -> bool:
    """Whether ``text`` holds an invisible or control character that no emoji needs."""
    text = re.sub(_REGION_FLAG, "\U0001F3F4", text)
    for i, ch in enumerate(text):
        if unicodedata.category(ch) not in _UNSEEN:
            continue
        if ch == _ZWJ and 0 < i < len(text) - 1 and _emoji_part(text[i - 1]) and \
                unicodedata.category(text[i + 1]) == "So":
            continue
        return True
    return False


def clean_text(value: str, *, field_name: str | Term, required: bool = False,
               limit: int = MAX_TEXT) -> str:
    """Trim user text and refuse control characters (an emoji's own are fine), empty
    required values and run-on text."""
    text = value.strip()
    if required and not text:
        raise BadInput("err.empty", field=field_name)
    if _has_unseen(text):
        raise BadInput("err.control_chars", field=field_name)
    if len(text) > limit:
        raise BadInput("err.too_long", field=field_name, limit=limit)
    return text


def _need(d: dict[str, Any], key: str, kind: type | tuple[type, ...], *,
          optional: bool = False) -> Any:
    if key not in d:
        if optional:
            return None
        raise SchemaError("schema.missing_field", field=key)
    value = d[key]
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SchemaError("schema.wrong_type", field=key)
    return value


def _iso_date(value: Any, key: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SchemaError("schema.not_a_date", field=key) from None


def _iso_time(value: Any, key: str) -> time:
    try:
        return time.fromisoformat(value)
    except (TypeError, ValueError):
        raise SchemaError("schema.not_a_time", field=key) from None


class Slot(Record):
    """One shift of the night, e.g. 22.00–04.00 with 4 people (6 on Saturdays)."""

    start: time
    end: time
    required: int
    by_day: dict[str, int] = Made(dict)

    def required_on(self, day: str) -> int:
        """Head count on a weekday (``mon`` … ``sun``)."""
        return self.by_day.get(day, self.required)

    def hours(self, lang: str) -> str:
        return f"{format_time(self.start, lang)}–{format_time(self.end, lang)}"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M"),
                "required": self.required, "by_day": dict(self.by_day)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Slot:
        by_day = _need(d, "by_day", dict)
        if any(k not in DAY_KEYS or not isinstance(v, int) or v < 0 for k, v in by_day.items()):
            raise SchemaError("schema.by_day")
        required = _need(d, "required", int)
        if required < 0:
            raise SchemaError("schema.negative", field="required")
        return cls(_iso_time(d.get("start"), "start"), _iso_time(d.get("end"), "end"),
                   required, by_day)


class Contact(Record):
    """A named person with an optional phone, e.g. the coordinator or the Bhabinkamtibmas."""

    name: str = ""
    phone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "phone": self.phone}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contact:
        return cls(_need(d, "name", str), _need(d, "phone", str, optional=True))


DEFAULT_EMERGENCY: tuple[tuple[str, str], ...] = (
    ("police", "110"), ("emergency", "112"), ("fire", "113"), ("ambulance", "118 / 119"),
    ("rescue", "115"),
)
KENTONGAN_EVENTS: tuple[str, ...] = (
    "safe", "patrol", "theft", "fire", "murder", "disaster", "accident", "fight",
)


# what a setting may be, as `config set` and `init` take it and as a data file is checked
REST_MAX = 13  # nights off after a duty
PER_WEEK = (1, 7)  # duties a week, at most
FAIRNESS_DAYS = (28, 3650)  # the window of earlier nights that fairness counts


def _within(value: int | None, field: str, low: int, high: int) -> int | None:
    if value is not None and not low <= value <= high:
        raise SchemaError("schema.out_of_range", field=field, low=low, high=high)
    return value


class Settings(Record):
    """A neighbourhood: its name and area, shift slots, rules, contacts and notices."""

    name: str
    area: str = ""
    city: str = ""
    timezone: str = "Asia/Jakarta"
    lang: str = "id"
    slots: tuple[Slot, ...] = (Slot(time(22), time(4), 4),)
    rest: int = 2
    max_per_week: int | None = None
    fairness_window: int = 365  # days of history that count toward fair shares
    household_rule: bool = True  # never two of one household on one night
    coordinator: Contact = Contact()
    liaison: Contact = Contact()
    rw_head: str = ""
    rt_head: str = ""
    post: str = "Pos Kamling"
    post_location: str = ""
    address: str = ""  # the RT's secretariat, under the kop of its letters (else the pos's)
    police_station: str = ""  # the Polsek its letters go to (Polsek Tembalang)
    calendar_url: str = ""  # the neighbourhood's calendar for phones, as a QR code on posters
    fine: int = 0
    jimpitan: int = 0
    # label key (or free label) -> number
    emergency: tuple[tuple[str, str], ...] = DEFAULT_EMERGENCY
    # event key -> pattern; an empty pattern means the default text in the reader's language
    kentongan: tuple[tuple[str, str], ...] = tuple((e, "") for e in KENTONGAN_EVENTS)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self._fields:
            value = getattr(self, name)
            if name == "slots":
                value = [s.to_dict() for s in value]
            elif isinstance(value, Contact):
                value = value.to_dict()
            elif name in ("emergency", "kentongan"):
                value = [list(pair) for pair in value]
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Settings:
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        slots = _need(d, "slots", list)
        if not slots or not all(isinstance(s, dict) for s in slots):
            raise SchemaError("schema.no_slot")

        def pairs(key: str) -> tuple[tuple[str, str], ...]:
            items = _need(d, key, list)
            if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                       for p in items):
                raise SchemaError("schema.pairs", field=key)
            return tuple((a, b) for a, b in items)

        max_per_week = _need(d, "max_per_week", int, optional=True)
        values = {
            "name": _need(d, "name", str), "area": _need(d, "area", str),
            "city": _need(d, "city", str), "timezone": _need(d, "timezone", str),
            "lang": _need(d, "lang", str),
            "slots": tuple(Slot.from_dict(s) for s in slots),
            "rest": _within(_need(d, "rest", int), "rest", 0, REST_MAX),
            "max_per_week": _within(max_per_week, "max_per_week", *PER_WEEK),
            "fairness_window": _within(_need(d, "fairness_window", int, optional=True) or 365,
                                       "fairness_window", *FAIRNESS_DAYS),
            "household_rule": _need(d, "household_rule", bool, optional=True) is not False,
            "coordinator": Contact.from_dict(_need(d, "coordinator", dict)),
            "liaison": Contact.from_dict(_need(d, "liaison", dict)),
            "rw_head": _need(d, "rw_head", str), "rt_head": _need(d, "rt_head", str),
            "post": _need(d, "post", str), "post_location": _need(d, "post_location", str),
            "address": _need(d, "address", str, optional=True) or "",
            "police_station": _need(d, "police_station", str, optional=True) or "",
            "calendar_url": _need(d, "calendar_url", str, optional=True) or "",
            "fine": _need(d, "fine", int), "jimpitan": _need(d, "jimpitan", int),
            "emergency": pairs("emergency"), "kentongan": pairs("kentongan"),
        }
        if not re.fullmatch(r"[a-z]{2,3}", values["lang"]):  # a language file may come later
            raise SchemaError("schema.lang")
        return cls(**values)


class Away(NamedTuple):
    """A period a volunteer cannot patrol (mudik, sakit, dinas, …), both ends included."""

    start: date
    end: date
    reason: str = ""

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Away:
        start, end = _iso_date(d.get("from"), "from"), _iso_date(d.get("to"), "to")
        if end < start:
            raise SchemaError("schema.away_order")
        return cls(start, end, _need(d, "reason", str))


class Volunteer(Record):
    """A resident on the patrol roster, usually one per household."""

    id: int
    name: str
    phone: str | None = None
    address: str = ""
    household: str = ""
    team: str = ""
    leader: bool = False
    days: tuple[str, ...] = DAY_KEYS
    max_per_week: int | None = None
    note: str = ""
    active: bool = True
    purged: bool = False
    away: tuple[Away, ...] = ()
    joined: date | None = None
    prefer: tuple[str, ...] = ()  # weekdays they would rather patrol (a wish, not a rule)
    avoid: tuple[str, ...] = ()  # weekdays they would rather not
    avoid_dates: tuple[Away, ...] = ()  # nights they would rather not (a soft away)

    def away_on(self, d: date) -> Away | None:
        """The away period covering a date, if any."""
        return next((a for a in self.away if a.covers(d)), None)

    def purge(self) -> Volunteer:
        """Erase personal data, keeping only the id and the team for anonymous counts."""
        return Volunteer(id=self.id, name="", team=self.team, active=False, purged=True,
                         days=(), joined=self.joined)

    def with_changes(self, **changes: Any) -> Volunteer:
        return self._replace(**changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name or None, "phone": self.phone,
            "address": self.address, "household": self.household, "team": self.team,
            "leader": self.leader, "days": list(self.days), "max_per_week": self.max_per_week,
            "note": self.note, "active": self.active, "purged": self.purged,
            "away": [a.to_dict() for a in self.away],
            "joined": self.joined.isoformat() if self.joined else None,
            "prefer": list(self.prefer), "avoid": list(self.avoid),
            "avoid_dates": [a.to_dict() for a in self.avoid_dates],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Volunteer:
        if not isinstance(d, dict):
            raise SchemaError("schema.not_an_object")
        days = _need(d, "days", list)
        if any(day not in DAY_KEYS for day in days):
            raise SchemaError("schema.weekday", field="days")
        away = _need(d, "away", list)
        if not all(isinstance(a, dict) for a in away):
            raise SchemaError("schema.list", field="away")
        purged = _need(d, "purged", bool)
        name = _need(d, "name", str, optional=True) or ""
        if not name and not purged:
            raise SchemaError("schema.no_name")
        return cls(
            id=_need(d, "id", int), name=name, phone=_need(d, "phone", str, optional=True),
            address=_need(d, "address", str), household=_need(d, "household", str),
            team=_need(d, "team", str), leader=_need(d, "leader", bool), days=tuple(days),
            max_per_week=_need(d, "max_per_week", int, optional=True),
            note=_need(d, "note", str), active=_need(d, "active", bool), purged=purged,
            away=tuple(Away.from_dict(a) for a in away),
            joined=_iso_date(d["joined"], "joined") if d.get("joined") else None,
            prefer=_weekdays(d, "prefer"), avoid=_weekdays(d, "avoid"),
            avoid_dates=tuple(Away.from_dict(a) for a in _periods(d, "avoid_dates")),
        )

    def wish_on(self, d: date) -> int:
        """How much ``d`` suits them: 1 a preferred weekday, -2 a night they would rather
        not (an avoided weekday or date: avoiding weighs more than preferring), else 0."""
        key = DAY_KEYS[d.weekday()]
        if key in self.avoid or any(a.covers(d) for a in self.avoid_dates):
            return -2
        return 1 if key in self.prefer else 0


def _weekdays(d: dict[str, Any], field: str) -> tuple[str, ...]:
    """An optional list of weekday keys (files written before wishes have none)."""
    days = _need(d, field, list, optional=True) or []
    if any(day not in DAY_KEYS for day in days):
        raise SchemaError(f"field '{field}' holds an unknown weekday")
    return tuple(days)


def _periods(d: dict[str, Any], field: str) -> list[dict[str, Any]]:
    periods = _need(d, field, list, optional=True) or []
    if not all(isinstance(a, dict) for a in periods):
        raise SchemaError(f"field '{field}' must list periods")
    return periods
