"""Telling people the schedule changed: the "jadwal berubah" message for the RT group (only
the changed nights, old → new) and one message per person affected, as wa.me links.

Built from the log of plan changes: several changes to one shift fold into one line, from
what it was before the first to what it is after the last; shifts already started are left
out. No network: the links open WhatsApp with the text filled in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from ronda.i18n import t
from ronda.model import Volunteer
from ronda.people.volunteers import person_name
from ronda.phones import whatsapp_number
from ronda.printing.marks import whatsapp_text
from ronda.schedule.shifts import PlanChange, Shift
from ronda.schedule.timetable import Timetable


@dataclass(frozen=True)
class ShiftChange:
    """One shift's people before the first change and after the last."""

    date: date
    slot: int
    before: tuple[int, ...]
    after: tuple[int, ...]
    leader: int | None
    leader_before: int | None = None

    @property
    def left(self) -> list[int]:
        return [p for p in self.before if p not in self.after]

    @property
    def joined(self) -> list[int]:
        return [p for p in self.after if p not in self.before]


def fold_changes(changes: Sequence[PlanChange], still_open: set[tuple[date, int]]
                 ) -> list[ShiftChange]:
    """The net change of each shift that can still change, in night order; shifts whose
    people end as they began are left out."""
    first: dict[tuple[date, int], PlanChange] = {}
    last: dict[tuple[date, int], PlanChange] = {}
    for c in sorted(changes, key=lambda c: c.at):
        key = (c.date, c.slot)
        first.setdefault(key, c)
        last[key] = c
    out = []
    for key in sorted(first):
        if key not in still_open:
            continue
        a, b = first[key], last[key]
        if set(a.before) == set(b.after) and a.leader_before == b.leader_after:
            continue
        out.append(ShiftChange(key[0], key[1], a.before, b.after, b.leader_after,
                               a.leader_before))
    return out


def compact_changes(changes: Sequence[PlanChange], today: date) -> list[PlanChange]:
    """The fewest records of ``changes`` that ``fold_changes`` reads as it reads them all,
    for any day the changes are asked since (``roster --changes --since``) from ``today`` on:
    only shifts from yesterday on (earlier ones can no longer change), and each shift's
    changes made on one day as one (its people before the first, after the last). Oldest
    first."""
    kept: dict[tuple[date, int, str], PlanChange] = {}
    for c in sorted(changes, key=lambda c: c.at):  # the order fold_changes reads them in
        if c.date < today - timedelta(days=1):
            continue
        key = (c.date, c.slot, c.at[:10])  # "since a day" compares the day of each stamp
        was = kept.get(key)
        kept[key] = c if was is None else was._replace(after=c.after,
                                                       leader_after=c.leader_after)
    return list(kept.values())


def _when(c: ShiftChange, timetable: Timetable, lang: str) -> str:
    """``Rabu malam 25/11/2026 (malam Kamis) · 01.00–04.00 WIB (Kamis dini hari 26/11/2026)``."""
    return timetable.name_of(Shift(c.date, c.slot), lang, hours=True, with_zone=True)


def group_message(changes: Sequence[ShiftChange], timetable: Timetable,
                  people: dict[int, Volunteer], neighbourhood: str, lang: str) -> str:
    """The WhatsApp message for the RT group: each changed night, who left (struck
    through), who joined, and who is on it now (leader first). Names never format it."""
    def who(p: int | None) -> str:
        return whatsapp_text(person_name(people, p, lang)) if p is not None else \
            t("label.nobody", lang)

    out = [f"*{t('wa.changed_title', lang)}*", f"*{whatsapp_text(neighbourhood)}*", ""]
    for c in changes:
        out.append(f"*{_when(c, timetable, lang)}*")
        left = ", ".join(f"~{who(p)}~" for p in c.left)
        joined = ", ".join(who(p) for p in c.joined)
        if left and joined:
            out.append(f"{left} → {joined}")
        elif joined:  # more people that night (a holiday's extra), nobody off it
            out.append(t("wa.changed_added", lang, names=joined))
        elif left:
            out.append(t("wa.changed_removed", lang, names=left))
        if c.leader != c.leader_before:
            out.append(t("wa.changed_leader", lang, old=who(c.leader_before),
                         new=who(c.leader)))
        now = [("⭐ " if p == c.leader else "") + who(p) for p in c.after]
        out.append(t("wa.changed_now", lang, names=", ".join(now) or "-"))
        out.append("")
    out.append(f"_{t('wa.footer', lang)}_")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class PersonalNote:
    """One person to tell: their name, phone (if any), message and wa.me link."""

    volunteer: int
    name: str
    phone: str | None
    text: str
    link: str


def personal_notes(changes: Sequence[ShiftChange], timetable: Timetable,
                   people: dict[int, Volunteer], neighbourhood: str,
                   lang: str) -> list[PersonalNote]:
    """For everyone who joined or left a shift, their own message (names never format it)
    and a wa.me link."""
    lines: dict[int, list[str]] = {}
    for c in changes:
        when = _when(c, timetable, lang)
        for p in c.joined:
            lines.setdefault(p, []).append(t("wa.you_join", lang, when=when))
        for p in c.left:
            lines.setdefault(p, []).append(t("wa.you_leave", lang, when=when))
        if c.leader != c.leader_before:
            if c.leader is not None and c.leader not in c.joined:
                lines.setdefault(c.leader, []).append(t("wa.you_lead", lang, when=when))
            if c.leader_before is not None and c.leader_before in c.after:
                lines.setdefault(c.leader_before, []).append(
                    t("wa.you_no_longer_lead", lang, when=when))
    out = []
    for pid, said in lines.items():
        v = people.get(pid)
        if v is None or v.purged:
            continue
        text = "\n".join([t("wa.personal_head", lang, name=whatsapp_text(v.name),
                            rt=whatsapp_text(neighbourhood)),
                          *said, t("wa.footer", lang)])
        link = f"https://wa.me/{whatsapp_number(v.phone)}?text={quote(text)}" if v.phone \
            else ""
        out.append(PersonalNote(pid, v.name, v.phone, text, link))
    return sorted(out, key=lambda n: n.name.casefold())
