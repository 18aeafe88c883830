"""How shifts read: the schedule table, its JSON objects, and shortfall reasons in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ronda.cli.output import Output
from ronda.cli.volunteer_view import reason_label
from ronda.dates import DAY_KEYS, DAY_NAMES, DAY_SHORT, format_date, night_name
from ronda.i18n import t
from ronda.i18n.labels import ABSENCE, GUEST_ROLE, WHY, label
from ronda.model import Volunteer
from ronda.people.roster import person_name
from ronda.phones import display_phone
from ronda.schedule.shifts import Absence, Shift, Shortfall
from ronda.schedule.timetable import Timetable

REASONS_SHOWN = 4


def why_text(rule: str, detail: str, lang: str) -> str:
    """``away (mudik)``, ``rest``, ``not on Saturdays``, …"""
    if rule == "away":
        return t("why.away", lang, reason=reason_label(detail, lang))
    if rule == "day" and detail in DAY_KEYS:
        return t("why.day", lang, day=DAY_NAMES[lang][DAY_KEYS.index(detail)])
    if rule == "week":
        return t("why.week", lang, limit=detail)
    return label(WHY, rule, lang)


def reason_text(short: Shortfall, people: dict[int, Volunteer], lang: str) -> str:
    """``only 2 of 4 available; Budi away (mudik), Andi rest``."""
    parts = []
    if short.available < short.required:
        parts.append(t("reason.only", lang, available=short.available, required=short.required))
    if short.no_leader:
        parts.append(t("reason.no_leader", lang))
    named = [f"{person_name(people, e.volunteer, lang)} {why_text(e.rule, e.detail, lang)}"
             for e in short.excluded[:REASONS_SHOWN]]
    more = len(short.excluded) - REASONS_SHOWN
    if more > 0:
        named.append(t("reason.more", lang, count=more))
    text = "; ".join(parts)
    return f"{text}; {', '.join(named)}" if named else text


def shift_json(shift: Shift, timetable: Timetable, people: dict[int, Volunteer],
               lang: str) -> dict[str, Any]:
    """The stable JSON object of one shift on one night; ``start``/``end`` are the real
    instants (the 01.00 shift of evening D starts at 01.00 on D+1)."""
    start, end = timetable.window_of(shift)
    required = timetable.required_of(shift)
    holiday = timetable.holidays.get(shift.date)
    return {
        "date": shift.date.isoformat(), "slot": shift.slot, "slot_number": shift.slot + 1,
        "hours": timetable.hours_of(shift, "en", with_zone=False).replace("–", "-"),
        "start": start.isoformat(), "end": end.isoformat(), "required": required,
        "volunteers": [{"id": p, "name": people[p].name if p in people else None,
                        "leader": p == shift.leader} for p in shift.volunteers],
        "leader": shift.leader,
        "guests": [g.to_dict() for g in shift.guests],
        "understaffed": len(shift.volunteers) < required,
        "no_leader": bool(shift.short and shift.short.no_leader),
        "reason": reason_text(shift.short, people, lang) if shift.short else None,
        "holiday": holiday.title(lang) if holiday else None,
    }


def absence_text(a: Absence, people: dict[int, Volunteer], lang: str) -> str:
    """``Heru Purnomo: sick; Dani stood in``."""
    text = f"{person_name(people, a.volunteer, lang)}: {label(ABSENCE, a.reason, lang)}"
    helper = person_name(people, a.substitute_id, lang) if a.substitute_id is not None \
        else a.substitute
    return t("label.stood_in", lang, text=text, who=helper) if helper else text


def night_label(d: date, lang: str) -> str:
    return f"{DAY_SHORT[lang][d.weekday()]} {format_date(d, lang, weekday=False)}\n" \
           f"{night_name(d, lang)}"


def shift_name(timetable: Timetable, shift: Shift, lang: str) -> str:
    """How a message names a shift: ``Senin, 23/11/2026`` with one shift a night,
    ``Senin, 23/11/2026 01.00–04.00`` with several."""
    night = format_date(shift.date, lang)
    if not timetable.several:
        return night
    return f"{night} {timetable.hours_of(shift, lang, with_zone=False)}"


def render_schedule(out: Output, shifts: Sequence[Shift], timetable: Timetable,
                    people: dict[int, Volunteer], today: date, *,
                    title: str | None = None) -> None:
    """The schedule as a table: one row per shift, leader first and marked, joint-patrol
    guests after the team, tonight in bold, short shifts in red with the reason."""
    lang = out.lang
    rows, styles = [], []
    previous: date | None = None
    for s in shifts:
        duty = [("★ " if p == s.leader else "  ") + person_name(people, p, lang)
                + (f"  {display_phone(people[p].phone)}" if p in people and people[p].phone
                   else "") for p in s.volunteers]
        notes = []
        holiday = timetable.holidays.get(s.date)
        if holiday and s.date != previous:
            notes.append(holiday.title(lang))
        if s.short:
            notes.append(reason_text(s.short, people, lang))
        if s.logged:
            notes.append(t("label.logged", lang, note=s.note) if s.note else
                         t("label.logged_plain", lang))
            notes += [absence_text(a, people, lang) for a in s.absences]
        duty += [f"+ {g.name} ({label(GUEST_ROLE, g.role, lang)})" for g in s.guests]
        rows.append([night_label(s.date, lang) if s.date != previous else "",
                     timetable.hours_of(s, lang),
                     "\n".join(duty) or "-", "\n".join(notes)])
        styles.append("red" if s.short else "bold" if s.date == today else None)
        previous = s.date
    out.table(["col.night", "col.hours", "col.on_duty", "col.notes"], rows,
              title=title, row_styles=styles, no_wrap=(0, 1, 2))
