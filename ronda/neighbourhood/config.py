"""Neighbourhood settings as ``key value`` pairs: the keys ``ronda config set`` and
``ronda init`` accept, how each value is checked, and how settings read back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from ronda.dates import DAY_KEYS, DAY_SHORT, parse_day, parse_time, parse_timezone, zone_label
from ronda.errors import BadInput
from ronda.i18n import Term, languages, t
from ronda.model import (
    FAIRNESS_DAYS,
    KENTONGAN_EVENTS,
    PER_WEEK,
    REST_MAX,
    Contact,
    Settings,
    Slot,
    clean_text,
)
from ronda.money import format_money, parse_money
from ronda.parsing import parse_bool, parse_choice, parse_count
from ronda.phones import display_phone, normalize_phone
from ronda.record import replace

_CLEAR = {"-", ""}


_SLOT = re.compile(r"(?P<start>[\d:.]+)\s*[-–]\s*(?P<end>[\d:.]+)(?:\s*[=x×]\s*(?P<n>\d+))?"
                   r"(?P<days>(?:\s+[a-zA-Z']+\s*=\s*\d+)*)")


def parse_slots(text: str, default_required: int = 4) -> tuple[Slot, ...]:
    """``22.00-01.00=3, 01.00-04.00=3`` or ``22:00-04:00=4 sat=6``: one or more slots, put in
    the order they run through the night; overlapping slots are refused. A day's count
    after the last slot (``22.00-01.00=3, 01.00-04.00=3 sat=4``) is every slot's that names
    none of its own for that day."""
    slots: list[Slot] = []
    for part in (p.strip() for p in text.split(",")):
        m = _SLOT.fullmatch(part)
        if not m:
            raise BadInput("err.bad_slots", value=part or text)
        start, end = parse_time(m["start"]), parse_time(m["end"])
        if start == end:
            raise BadInput("err.bad_slots", value=part)
        # a slot without a count takes the one before it (or the default)
        required = parse_count(m["n"], PER_NIGHT, minimum=1, maximum=100) if m["n"] else (
            slots[-1].required if slots else default_required)
        by_day: dict[str, int] = {}
        for day, n in re.findall(r"([a-zA-Z']+)\s*=\s*(\d+)", m["days"] or ""):
            by_day[parse_day(day)] = parse_count(n, PER_NIGHT, maximum=100)
        slots.append(Slot(start, end, required, by_day))
    if not slots:
        raise BadInput("err.bad_slots", value=text)
    slots = [replace(slot, by_day={**slots[-1].by_day, **slot.by_day}) for slot in slots]
    from ronda.schedule.timetable import check_slots

    return check_slots(tuple(slots))


def format_slots(slots: tuple[Slot, ...], lang: str) -> str:
    """The inverse of ``parse_slots``, with day names in ``lang`` (``sab=5``): a day's count
    every slot shares is written once, after the last."""
    names = [d.lower() for d in DAY_SHORT[lang]]
    last = slots[-1].by_day if slots else {}
    parts = []
    for i, s in enumerate(slots):
        own = s.by_day if i == len(slots) - 1 else {
            d: s.required_on(d) for d in DAY_KEYS if s.by_day.get(d) != last.get(d)}
        extra = "".join(f" {names[DAY_KEYS.index(d)]}={n}"
                        for d, n in sorted(own.items(), key=lambda kv: DAY_KEYS.index(kv[0])))
        parts.append(f"{s.hours(lang)}={s.required}{extra}")
    return ", ".join(parts)


# the settings as a message names them: in the reader's words (``Petugas per malam``)
PER_NIGHT = Term("setting.per_night")
CONTACT = {"coordinator": Term("setting.coordinator"), "liaison": Term("setting.liaison")}


def _text(field_name: Term, required: bool = False) -> Callable[[str], str]:
    return lambda v: clean_text(v, field_name=field_name, required=required)


def _optional(field_name: Term) -> Callable[[str], str]:
    """Text that may be cleared with ``-`` (the RT's address, its police station)."""
    return lambda v: "" if v.strip() in _CLEAR else clean_text(v, field_name=field_name)


def _phone(v: str) -> str | None:
    return None if v.strip() in _CLEAR else normalize_phone(v)


def _one_slot(s: Settings, key: str) -> Slot:
    if len(s.slots) != 1:
        raise BadInput("err.several_slots", key=key)
    return s.slots[0]


def _lang(v: str) -> str:
    return parse_choice(v, languages(), Term("setting.lang"))


def _set_start(s: Settings, v: str) -> Settings:
    return replace(s, slots=(replace(_one_slot(s, "start"), start=parse_time(v)),))


def _set_end(s: Settings, v: str) -> Settings:
    return replace(s, slots=(replace(_one_slot(s, "end"), end=parse_time(v)),))


def _set_per_night(s: Settings, v: str) -> Settings:
    n = parse_count(v, PER_NIGHT, minimum=1, maximum=100)
    return replace(s, slots=tuple(replace(slot, required=n) for slot in s.slots))


def _set_per_day(day: str) -> Callable[[Settings, str], Settings]:
    def setter(s: Settings, v: str) -> Settings:
        slots = []
        for slot in s.slots:
            by_day = dict(slot.by_day)
            if v.strip() in _CLEAR:
                by_day.pop(day, None)
            else:
                by_day[day] = parse_count(v, PER_NIGHT, maximum=100)
            slots.append(replace(slot, by_day=by_day))
        return replace(s, slots=tuple(slots))
    return setter


def _contact(attr: str, part: str) -> Callable[[Settings, str], Settings]:
    def setter(s: Settings, v: str) -> Settings:
        contact: Contact = getattr(s, attr)
        value = _phone(v) if part == "phone" else clean_text(v, field_name=CONTACT[attr])
        return replace(s, **{attr: replace(contact, **{part: value})})
    return setter


def _field(attr: str, parse: Callable[[str], object]) -> Callable[[Settings, str], Settings]:
    return lambda s, v: replace(s, **{attr: parse(v)})


def parse_url(text: str) -> str:
    """An ``https://``, ``http://`` or ``webcal://`` address (``-`` clears it)."""
    value = text.strip()
    if value in _CLEAR:
        return ""
    if not re.fullmatch(r"(?i)(https?|webcal)://[^\s/$.?#][^\s]{1,300}", value):
        raise BadInput("err.bad_url", url=value)
    return value


def _max_per_week(v: str) -> int | None:
    low, high = PER_WEEK
    return None if v.strip() in _CLEAR else parse_count(v, Term("setting.max_per_week"),
                                                        minimum=low, maximum=high)


SETTERS: dict[str, Callable[[Settings, str], Settings]] = {
    "name": _field("name", _text(Term("setting.name"), required=True)),
    "area": _field("area", _text(Term("setting.area"))),
    "city": _field("city", _text(Term("setting.city"))),
    "timezone": _field("timezone", parse_timezone),
    "lang": _field("lang", _lang),
    "slots": lambda s, v: replace(s, slots=parse_slots(v, s.slots[0].required)),
    "start": _set_start,
    "end": _set_end,
    "per-night": _set_per_night,
    **{f"per-night.{d}": _set_per_day(d) for d in DAY_KEYS},
    "rest": _field("rest", lambda v: parse_count(v, Term("setting.rest"), maximum=REST_MAX)),
    "max-per-week": _field("max_per_week", _max_per_week),
    "household-rule": _field("household_rule", lambda v: parse_bool(v, "household-rule")),
    "fairness-window": _field("fairness_window",
                              lambda v: parse_count(v, Term("setting.fairness_window"),
                                                    minimum=FAIRNESS_DAYS[0],
                                                    maximum=FAIRNESS_DAYS[1])),
    "coordinator.name": _contact("coordinator", "name"),
    "coordinator.phone": _contact("coordinator", "phone"),
    "liaison.name": _contact("liaison", "name"),
    "liaison.phone": _contact("liaison", "phone"),
    "rw-head": _field("rw_head", _text(Term("setting.rw_head"))),
    "rt-head": _field("rt_head", _text(Term("setting.rt_head"))),
    "post": _field("post", _text(Term("setting.post"), required=True)),
    "post.location": _field("post_location", _text(Term("setting.post_location"))),
    "address": _field("address", _optional(Term("setting.address"))),
    "police-station": _field("police_station", _optional(Term("setting.police_station"))),
    "calendar-url": _field("calendar_url", lambda v: parse_url(v)),
    "fine": _field("fine", lambda v: parse_money(v, Term("setting.fine"))),
    "jimpitan": _field("jimpitan", lambda v: parse_money(v, Term("setting.jimpitan"))),
}


def _set_pair(s: Settings, attr: str, key: str, value: str) -> Settings:
    pairs = dict(getattr(s, attr))
    if value.strip() in _CLEAR and attr == "emergency":
        pairs.pop(key, None)
    else:
        pairs[key] = clean_text(value, field_name=f"{attr}.{key}", limit=80)
    return replace(s, **{attr: tuple(pairs.items())})


def set_value(settings: Settings, key: str, value: str) -> Settings:
    """Settings with one key changed; an unknown key or a bad value raises ``BadInput``."""
    k = key.strip().lower().replace("_", "-")
    if k in SETTERS:
        return SETTERS[k](settings, value)
    prefix, _, name = k.partition(".")
    if prefix == "per-night" and name:
        return _set_per_day(parse_day(name))(settings, value)
    if prefix == "emergency" and re.fullmatch(r"[a-z0-9-]{1,30}", name):
        return _set_pair(settings, "emergency", name, value)
    if prefix == "kentongan" and name in KENTONGAN_EVENTS:
        return _set_pair(settings, "kentongan", name, value)
    raise BadInput("err.unknown_key", key=key.strip())


def plan_effect(before: Settings, after: Settings) -> Literal["replan", "repair"] | None:
    """What a change of settings does to the coming nights: new hours for the night's
    shifts (one shift more or less, or moved) plan them again for the new shifts
    (``"replan"``); a new rule of the plan (how many on each shift, the rest between duties,
    the weekly limit, the household rule) repairs them (``"repair"``); anything else
    (names, contacts, money) leaves them be (None)."""
    if [(s.start, s.end) for s in after.slots] != [(s.start, s.end) for s in before.slots]:
        return "replan"
    rules = (after.slots, after.rest, after.max_per_week, after.household_rule)
    if rules != (before.slots, before.rest, before.max_per_week, before.household_rule):
        return "repair"
    return None


def config_items(s: Settings, lang: str) -> list[tuple[str, str]]:
    """Every setting as (key, printable value), in the order ``config set`` lists them."""
    items = [
        ("name", s.name), ("area", s.area), ("city", s.city),
        ("timezone", f"{s.timezone} ({zone_label(s.timezone)})"), ("lang", s.lang),
        ("slots", format_slots(s.slots, lang)), ("rest", str(s.rest)),
        ("max-per-week", "" if s.max_per_week is None else str(s.max_per_week)),
        ("fairness-window", str(s.fairness_window)),
        ("household-rule", t("label.yes" if s.household_rule else "label.no", lang)),
        ("coordinator.name", s.coordinator.name),
        ("coordinator.phone", display_phone(s.coordinator.phone)),
        ("liaison.name", s.liaison.name), ("liaison.phone", display_phone(s.liaison.phone)),
        ("rw-head", s.rw_head), ("rt-head", s.rt_head),
        ("post", s.post), ("post.location", s.post_location),
        ("address", s.address), ("police-station", s.police_station),
        ("calendar-url", s.calendar_url),
        ("fine", format_money(s.fine)), ("jimpitan", format_money(s.jimpitan)),
    ]
    items += [(f"emergency.{k}", v) for k, v in s.emergency]
    items += [(f"kentongan.{k}", v) for k, v in s.kentongan]
    return items
