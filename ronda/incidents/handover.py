"""The letter that hands incidents over to the Polsek, in the form of a surat pengantar from
the RT: the kop, nomor, lampiran, perihal, "Kepada Yth. Kapolsek … di tempat", a formal
body with a summary of the incidents, the reporter's confidentiality, the signatures of the
Ketua RT and (acknowledging) the Ketua RW and the coordinator's contact; then one incident a
page as its attachments, each with the patrol on duty (its hours and leader), the police
numbers (LP, STTLP, SP2HP) and the timeline.

Reporters and witnesses are named only as ``PeopleShown`` allows (``incidents.privacy``);
otherwise the letter says the RT holds their identity and gives it only on request.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ronda.dates import format_date, format_moment, format_period
from ronda.i18n import t
from ronda.i18n.labels import CATEGORY, GUEST_ROLE, SP2HP, label
from ronda.incidents.book import Incident
from ronda.incidents.export import DETAILS
from ronda.incidents.privacy import PeopleShown
from ronda.incidents.report import change_text, police_field, status_text
from ronda.model import Settings
from ronda.money import format_money
from ronda.neighbourhood.letters import Letter, in_words, letter_number
from ronda.neighbourhood.places import rt_rw_numbers
from ronda.phones import display_phone
from ronda.printing.document import Block, Document, Grid, Heading, NewPage, Pairs, Paragraph
from ronda.printing.letter import Annex, LetterHead, kop_of, police_head, signatures_of
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable


@dataclass(frozen=True)
class OnDuty:
    """The patrol on duty when an incident happened: the shift as every surface names it
    (``Senin malam 23/11/2026 (malam Selasa) · 22.00–04.00 WIB``), its leader and the
    others, as recorded when it was logged."""

    when: str
    leader: str
    members: tuple[str, ...]
    guests: tuple[str, ...] = ()  # who joined the patrol: the Bhabinkamtibmas, a Babinsa


def on_duty(i: Incident, linked: Shift | None, timetable: Timetable, names: dict[int, str],
            lang: str) -> OnDuty | None:
    """The patrol of ``i``'s shift (``linked``: the planned shift, if it is still in the
    plan; without it only the evening is known), or None for an incident outside every
    shift's hours."""
    if not i.shift:
        return None
    when = format_date(i.shift[0], lang) if linked is None else \
        timetable.name_of(linked, lang, hours=True, with_zone=True)
    lead = linked.leader if linked else None
    leader = names.get(lead, "") if lead in i.on_duty else ""
    guests = tuple(f"{g.name} ({label(GUEST_ROLE, g.role, lang)})"
                   for g in linked.guests) if linked else ()
    return OnDuty(when, leader, tuple(names[p] for p in i.on_duty
                                      if p != lead and names.get(p)), guests)


@dataclass(frozen=True)
class Handed:
    """An incident as the letter hands it over: the record, who may be named, the patrol."""

    incident: Incident
    shown: PeopleShown
    duty: OnDuty | None


def station_of(settings: Settings, incidents: Sequence[Incident]) -> str:
    """The Polsek the letter goes to: the ``police-station`` setting, else the station the
    incidents were forwarded to most, else the Polsek of the area's kecamatan."""
    if settings.police_station:
        return settings.police_station
    named = Counter(i.police.station for i in incidents if i.police.station)
    if named:
        return named.most_common(1)[0][0]
    m = re.search(r"\b(?:kec\.?|kecamatan)\s+([^,]+)", settings.area, re.IGNORECASE)
    return f"Polsek {m[1].strip()}" if m else "Polsek"


def handover_letter(handed: Sequence[Handed], settings: Settings, letter: Letter,
                    first: date, last: date, lang: str, *, with_reporters: bool) -> Document:
    """The letter for the incidents ``handed`` (of ``first``–``last``), numbered and dated
    as ``letter`` (the register's); in ``lang``."""
    number = letter_number(letter, rt_rw_numbers(settings.name)[0])
    issued = format_date(letter.issued, lang, weekday=False, long=True)
    count = len(handed)
    station = station_of(settings, [h.incident for h in handed])
    where = ", ".join(x for x in (settings.name, settings.area) if x)
    blocks: list[Block] = [
        LetterHead(((t("letter.number", lang), number),
                    (t("letter.attachment", lang),
                     t("letter.attachments", lang, count=count, words=in_words(count, lang))
                     if count else "–"),
                    (t("letter.subject", lang), t("letter.subject_polsek", lang))),
                   (t("letter.to", lang), police_head(station), t("letter.at_office", lang))),
        Paragraph(t("letter.greeting", lang)),
        Paragraph(t("letter.opening", lang, where=where,
                    period=format_period(first, last, lang), count=count,
                    words=in_words(count, lang)) if count else
                  t("letter.opening_none", lang, where=where,
                    period=format_period(first, last, lang)))]
    if count:
        blocks += [
            Grid((t("letter.no", lang), t("col.when", lang), t("col.category", lang),
                  t("col.location", lang), t("letter.followup", lang)),
                 tuple((str(k), format_moment(h.incident.occurred_at, settings.timezone, lang,
                                              weekday=False),
                        label(CATEGORY, h.incident.category, lang), h.incident.location or "–",
                        _followup(h.incident, lang))
                       for k, h in enumerate(handed, 1))),
            Paragraph(t("letter.details", lang)),
            Paragraph(t("letter.reporters_named" if with_reporters else
                        "letter.reporters_kept", lang))]
    blocks += [Paragraph(t("letter.closing", lang)),
               signatures_of(settings, letter.issued, lang, coordinator_signs=False)]
    contact = settings.coordinator
    if contact.name:
        blocks.append(Paragraph(t("letter.contact", lang, name=contact.name, phone=", " +
                                  display_phone(contact.phone) if contact.phone else ""),
                                flush=True))
    for k, h in enumerate(handed, 1):
        blocks += [NewPage(),
                   Annex(t("letter.annex", lang, name=settings.name),
                         ((t("letter.number", lang), number), (t("letter.date", lang), issued))),
                   *_incident_page(h, k, count, settings.timezone, lang)]
    return Document(t("export.title", lang), blocks=tuple(blocks),
                    footer=t("export.confidential", lang), kop=kop_of(settings, lang),
                    page_of=t("letter.page", lang), titled=False)


def _followup(i: Incident, lang: str) -> str:
    """The status, with the LP number once there is one."""
    text = status_text(i, lang)
    return f"{text}; {police_field('lp', i.police.lp, lang)}" if i.police.lp else text


def _incident_page(h: Handed, k: int, count: int, timezone: str, lang: str) -> list[Block]:
    """One attachment: the incident in the order of 5W1H, the patrol on duty, the police
    numbers, who reported it, and its timeline."""
    i, none = h.incident, "–"
    rows = [(t("letter.occurred", lang), format_moment(i.occurred_at, timezone, lang)),
            (t("letter.scene", lang), i.location or none),
            (t("col.description", lang), i.description)]
    rows += [(t(key, lang), format_money(getattr(i, field)) if field == "loss" else
              str(getattr(i, field))) for field, key in DETAILS
             if field not in ("location", "witness") and getattr(i, field)]
    if h.shown.witness or h.shown.witness_hidden:
        rows.append((t("col.witness", lang), h.shown.witness or t("letter.kept", lang)))
    duty = h.duty
    rows += [(t("col.shift", lang), duty.when if duty else t("letter.no_patrol", lang)),
             (t("letter.leader", lang), duty.leader if duty and duty.leader else none),
             (t("letter.members", lang), ", ".join(duty.members) if duty and duty.members
              else none),
             *([(t("letter.guests", lang), ", ".join(duty.guests))]
               if duty and duty.guests else []),
             (t("col.status", lang), status_text(i, lang)),
             (t("col.station", lang), i.police.station or none),
             ("LP", i.police.lp or none), ("STTLP", i.police.sttlp or none),
             ("SP2HP", f"{i.police.sp2hp} ({label(SP2HP, i.police.sp2hp, lang)})"
              if i.police.sp2hp else none),
             (t("col.reporter", lang), h.shown.reporter or (
                 t("letter.kept", lang) if h.shown.reporter_hidden
                 else t("letter.no_reporter", lang)))]
    return [Heading(t("letter.incident", lang, k=k, count=count, id=i.id,
                      category=label(CATEGORY, i.category, lang))),
            Pairs(tuple(rows)),
            Heading(t("col.timeline", lang)),
            Grid((t("col.when", lang), t("col.change", lang)), tuple(
                (format_moment(c.at, timezone, lang),
                 change_text(c.field, c.old, c.new, lang, arrow="»")) for c in i.timeline))]
