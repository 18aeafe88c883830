"""Why a shift is short and why someone is kept off a night, in the reader's words: said by
the week, the builds, the repairs after a roster change and the board alike."""

from __future__ import annotations

from ronda.cli.output import Output
from ronda.dates import DAY_KEYS, DAY_NAMES
from ronda.i18n import t
from ronda.i18n.labels import AWAY_REASON, WHY, label
from ronda.model import Volunteer
from ronda.people.volunteers import person_name
from ronda.schedule.shifts import Shortfall

REASONS_SHOWN = 4


def why_text(rule: str, detail: str, lang: str) -> str:
    """``away (mudik)``, ``rest``, ``not on Saturdays``, …"""
    if rule == "away":
        return t("why.away", lang, reason=label(AWAY_REASON, detail, lang))
    if rule == "day" and detail in DAY_KEYS:
        return t("why.day", lang, day=DAY_NAMES[lang][DAY_KEYS.index(detail)])
    if rule == "week":
        return t("why.week", lang, limit=detail)
    return label(WHY, rule, lang)


def warn_short(out: Output, night: str, short: Shortfall,
                people: dict[int, Volunteer]) -> None:
    """A shift short of people, or with all its people but no team leader, and why."""
    key = "warn.short" if short.available < short.required else "warn.no_leader"
    out.warn(key, night=night, reason=reason_text(short, people, out.lang))


def reason_text(short: Shortfall, people: dict[int, Volunteer], lang: str) -> str:
    """``only 2 of 4 available; Budi away (mudik), Andi rest``."""
    parts = []
    if short.available < short.required:
        parts.append(t("reason.only", lang, available=short.available, required=short.required))
    if short.no_leader:
        parts.append(t("reason.no_leader", lang))
    by_person: dict[int, list[str]] = {}
    for e in short.excluded:
        by_person.setdefault(e.volunteer, []).append(why_text(e.rule, e.detail, lang))
    also = f" {t('word.and', lang)} "
    named = [f"{person_name(people, p, lang)} {also.join(whys)}"
             for p, whys in list(by_person.items())[:REASONS_SHOWN]]
    more = len(by_person) - REASONS_SHOWN
    if more > 0:
        named.append(t("reason.more", lang, count=more))
    text = "; ".join(parts)
    return f"{text}; {', '.join(named)}" if named else text
