"""The printed jadwal ronda, as data: every text a poster or a patrol sheet shows, in one
language, with nothing about paper or screens. The printing modules lay it out.

The poster hangs in public: it carries no resident's phone, no reporter and no empty house.
The patrol sheet, for the team's own folder, adds phones, attendance boxes and empty houses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ronda.dates import (
    DAY_NAMES,
    format_date,
    format_period,
    format_time,
    night_name,
    zone_label,
)
from ronda.i18n import t
from ronda.i18n.labels import EMERGENCY, GUEST_ROLE, KENTONGAN_EVENT, KENTONGAN_STRIKES, label
from ronda.model import Settings, Volunteer
from ronda.money import format_money
from ronda.phones import display_phone
from ronda.printing.letter import signatures_of
from ronda.schedule.shifts import Holiday, Shift
from ronda.schedule.timetable import Timetable

# what the patrol team fills in by hand for each shift on its own sheet
PATROL_NOTES = ("poster.substitute_line", "poster.jimpitan_line", "poster.situation")


@dataclass(frozen=True)
class Person:
    """A name on the sheet: leader first and marked, with the house number."""

    name: str
    house: str = ""
    leader: bool = False
    phone: str = ""  # only on the patrol sheet


@dataclass(frozen=True)
class Watch:
    """One shift of a night as printed: its hours, its people (leader first), its guests."""

    hours: str  # 01.00–04.00 (the zone is on the sheet's hours line)
    people: list[Person]
    guests: list[str]
    short: bool = False
    start: str = ""  # 01.00, to name the shift
    named: str = ""  # 01.00–04.00 (Selasa dini hari 24/11): the hours and the morning's date


@dataclass(frozen=True)
class Night:
    """One evening's column: its shifts in the order they run."""

    date: date
    day: str  # Senin
    night: str  # Malam Selasa
    date_text: str  # 23/11/2026
    shifts: list[Watch]
    holiday: str = ""
    until: datetime | None = None  # when its last shift ends: from then on, the next is tonight

    @property
    def people(self) -> list[Person]:
        """Everyone on the night, shift by shift."""
        return [p for w in self.shifts for p in w.people]

    @property
    def guests(self) -> list[str]:
        return [g for w in self.shifts for g in w.guests]

    @property
    def short(self) -> bool:
        return any(w.short for w in self.shifts)


@dataclass(frozen=True)
class Sheet:
    """A week's jadwal ronda: header, one night per column, footer and signatures."""

    lang: str
    title: str
    neighbourhood: str
    area: str
    period: str
    nights: list[Night]
    hours_line: str
    rules: list[str]
    kentongan: list[tuple[str, str]]
    numbers: list[tuple[str, str]]
    place_date: str
    sign_left: tuple[str, str, str]  # ("Mengetahui,", "Ketua RW 002", name)
    sign_right: tuple[str, str, str]
    patrol: bool = False
    empty_houses: list[str] = field(default_factory=list)
    zone: str = ""  # WIB
    post: str = ""  # Pos Kamling Mawar, Jl. Mawar 3
    calendar_url: str = ""  # printed as a QR code
    jimpitan: str = ""  # Rp500, the levy collected on the round

    def label(self, key: str, **args: object) -> str:
        return t(key, self.lang, **args)


def hours_text(timetable: Timetable, lang: str) -> str:
    """``Pukul 22.00 s.d. 04.00 WIB``; with several shifts each is named:
    ``Giliran 1: pukul 22.00 s.d. 01.00 · Giliran 2: pukul 01.00 s.d. 04.00 WIB``."""
    zone = zone_label(timetable.timezone)
    if not timetable.several:
        s = timetable.slots[0]
        return t("poster.hours", lang, start=format_time(s.start, lang),
                 end=format_time(s.end, lang), zone=zone)
    parts = [t("poster.shift_hours", lang, n=i + 1, start=format_time(s.start, lang),
               end=format_time(s.end, lang)) for i, s in enumerate(timetable.slots)]
    return " · ".join(parts) + f" {zone}"


def empty_house_lines(people: Sequence[Volunteer], first: date, last: date,
                     lang: str) -> list[str]:
    """The houses empty during the week (``empty_houses``), from when to when: for the patrol
    sheet only, never for the public poster."""
    from ronda.people.volunteers import empty_houses

    return [f"{h.where} ({', '.join(h.residents)}): "
            f"{format_date(h.start, lang, weekday=False)} – "
            f"{format_date(h.end, lang, weekday=False)}"
            for h in empty_houses(people, first, last)]


def build_sheet(settings: Settings, shifts: Sequence[Shift], people: dict[int, Volunteer],
                holidays: dict[date, Holiday], monday: date, today: date, lang: str, *,
                patrol: bool = False) -> Sheet:
    """The sheet of the week starting ``monday``: each night with its shifts in order, each
    shift with its hours, its people (leader first) and its guests."""
    timetable = Timetable.of(settings, holidays)
    nights = []
    for i in range(7):
        d = monday + timedelta(days=i)
        tonight = sorted((s for s in shifts if s.date == d), key=lambda s: s.slot)
        watches = []
        for s in tonight:
            listed = [Person(v.name, v.household, p == s.leader,
                             display_phone(v.phone) if patrol else "")
                      for p in s.volunteers if (v := people.get(p)) and not v.purged]
            guests = [f"{g.name} ({label(GUEST_ROLE, g.role, lang)})" for g in s.guests]
            watches.append(Watch(timetable.hours_of(s, lang, with_zone=False), listed, guests,
                                 s.short is not None, format_time(timetable.times_of(s)[0], lang),
                                 timetable.name_of(s, lang, night=False, year=False)))
        holiday = holidays.get(d)
        nights.append(Night(d, DAY_NAMES[lang][d.weekday()], night_name(d, lang),
                            format_date(d, lang, weekday=False), watches,
                            holiday.title(lang) if holiday else "",
                            max(timetable.window(d, k)[1] for k in range(len(timetable.slots)))))
    hours_line = hours_text(timetable, lang)
    rules = [t("poster.rule.notice", lang), t("poster.rule.substitute", lang)]
    if settings.fine:
        rules.append(t("poster.rule.fine", lang, fine=format_money(settings.fine)))
    if settings.jimpitan:
        rules.append(t("poster.rule.jimpitan", lang, amount=format_money(settings.jimpitan)))
    kentongan = [(t(KENTONGAN_EVENT[event], lang), pattern or t(KENTONGAN_STRIKES[event], lang))
                 for event, pattern in settings.kentongan]
    numbers = [(t(EMERGENCY[label], lang) if label in EMERGENCY else label.capitalize(), number)
               for label, number in settings.emergency]
    if settings.liaison.name:
        numbers.append((f"Bhabinkamtibmas ({settings.liaison.name})",
                        display_phone(settings.liaison.phone)))
    if settings.coordinator.name:
        numbers.append((f"{t('poster.coordinator', lang)} ({settings.coordinator.name})",
                        display_phone(settings.coordinator.phone)))
    signed = signatures_of(settings, today, lang)
    sunday = monday + timedelta(days=6)
    return Sheet(
        lang=lang, title=t("poster.title" if not patrol else "poster.patrol_title", lang),
        neighbourhood=settings.name, area=settings.area,
        period=t("poster.period", lang, period=format_period(monday, sunday, lang)),
        nights=nights, hours_line=hours_line, rules=rules, kentongan=kentongan,
        numbers=numbers, place_date=signed.place_date,
        sign_left=signed.left, sign_right=signed.right,
        patrol=patrol, zone=zone_label(settings.timezone),
        empty_houses=empty_house_lines(list(people.values()), monday, sunday, lang)
        if patrol else [],
        post=", ".join(x for x in (settings.post, settings.post_location) if x),
        calendar_url=settings.calendar_url,
        jimpitan=format_money(settings.jimpitan) if settings.jimpitan else "",
    )
