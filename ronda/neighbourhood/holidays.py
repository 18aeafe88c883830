"""Holidays: Indonesian national holidays from the maintained ``holidays`` library, plus the
neighbourhood's own dates (cuti bersama, takbiran, 17 Agustus, election night)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ronda.schedule.shifts import Holiday


def national_holidays(years: Iterable[int]) -> list[Holiday]:
    """Indonesia's national holidays of the given years, named in Indonesian and English.

    Islamic dates the decree has not fixed yet are marked estimated by the library.
    """
    import holidays  # about 0.25 s to import: only builds and holiday lists pay for it

    wanted = sorted(set(years))
    local = holidays.country_holidays("ID", years=wanted, language="id")
    english = holidays.country_holidays("ID", years=wanted, language="en_US")
    found = []
    for day in sorted(local):
        found.append(Holiday(day, "; ".join(local.get_list(day)), extra=0, local=False,
                             name_en="; ".join(english.get_list(day))))
    return found


def holiday_map(found: Iterable[Holiday]) -> dict[date, Holiday]:
    """One holiday per date: a local entry (with its extra people) wins over a national one,
    keeping the national name beside the local one."""
    out: dict[date, Holiday] = {}
    for h in sorted(found, key=lambda h: h.local):
        if h.date in out and h.local:
            national = out[h.date]
            h = Holiday(h.date, f"{h.name} · {national.name}", h.extra, True,
                        f"{h.name} · {national.title('en')}")
        out[h.date] = h
    return out
