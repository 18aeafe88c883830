"""Shared pieces of text for volunteers: days, status, table rows."""

from __future__ import annotations

from datetime import date

from ronda.dates import DAY_KEYS, DAY_SHORT, format_date
from ronda.i18n import t
from ronda.i18n.labels import AWAY_REASON, label
from ronda.model import Away, Volunteer
from ronda.phones import display_phone


def days_label(days: tuple[str, ...], lang: str) -> str:
    """``Sen Rab Jum``, or ``semua`` / ``all`` for every day."""
    if tuple(days) == DAY_KEYS:
        return t("label.all_days", lang)
    if not days:
        return "-"
    index = sorted(DAY_KEYS.index(d) for d in days)
    runs: list[list[int]] = []
    for i in index:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    names = DAY_SHORT[lang]
    return " ".join(f"{names[r[0]]}–{names[r[-1]]}" if len(r) >= 3 else
                    " ".join(names[i] for i in r) for r in runs)


def reason_label(reason: str, lang: str) -> str:
    return label(AWAY_REASON, reason, lang)


def away_label(a: Away, lang: str) -> str:
    """``mudik, 20/12/2026 – 03/01/2027``."""
    return (f"{reason_label(a.reason, lang)}, {format_date(a.start, lang, weekday=False)} – "
            f"{format_date(a.end, lang, weekday=False)}")


def status_label(v: Volunteer, today: date, lang: str) -> str:
    if v.purged:
        return t("status.erased", lang)
    if not v.active:
        return t("status.inactive", lang)
    away = v.away_on(today)
    if away:
        return t("status.away_until", lang, until=format_date(away.end, lang, weekday=False),
                 reason=reason_label(away.reason, lang))
    return t("status.active", lang)


VOLUNTEER_HEADERS = ("col.id", "col.name", "col.phone", "col.household", "col.team",
                     "col.leader", "col.days", "col.status")


def volunteer_row(v: Volunteer, today: date, lang: str) -> list[str]:
    return [str(v.id), v.name or t("status.erased", lang), display_phone(v.phone), v.household,
            v.team, "★" if v.leader else "", days_label(v.days, lang),
            status_label(v, today, lang)]


def roster_order(v: Volunteer) -> tuple[bool, str, bool, str]:
    """Active first, then by team, leader first, then by name."""
    return (not v.active, v.team.casefold(), not v.leader, v.name.casefold())
