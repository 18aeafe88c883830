"""Holidays: Indonesian national holidays from the maintained ``holidays`` library, plus the
neighbourhood's own dates (cuti bersama, takbiran, 17 Agustus, election night), and the
nights they mark: a national holiday's eve is the busy ronda night."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

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


# The eves with a name of their own, by the national holiday's Indonesian name; any other
# national holiday's eve is "Malam …" / "Eve of …".
EVES: tuple[tuple[str, str], ...] = (
    (r"(Hari Raya )?Natal\b", "holiday.eve.christmas"),
    (r"Tahun Baru Masehi", "holiday.eve.new_year"),
    (r"(Hari Raya )?Idul Fitri", "holiday.eve.eid_fitr"),
    (r"(Hari Raya )?Idul Adha", "holiday.eve.eid_adha"),
)
_NOTE = re.compile(r"\s*(\([^()]*\))$")  # "(perkiraan)": a date the decree has not fixed yet


def eve_of(holiday: Holiday, extra: int = 0) -> Holiday:
    """The night before a national holiday, named as its eve in Indonesian and English
    (malam Natal, malam Tahun Baru, malam takbiran), with ``extra`` people."""
    from ronda.i18n import t

    first = holiday.name.split("; ")[0]
    key = next((k for pattern, k in EVES if re.match(pattern, first)), "holiday.eve.other")

    def named(lang: str) -> str:
        own = holiday.title(lang).split("; ")[0]
        if key == "holiday.eve.other":
            return t(key, lang, name=own)
        note = _NOTE.search(own)  # kept: the date of an estimated holiday moves its eve too
        return t(key, lang) + (f" {note[1]}" if note else "")

    return Holiday(holiday.date - timedelta(days=1), named("id"), extra, False, named("en"))


def night_of_extra(day: date, national: Iterable[date]) -> date:
    """The night that takes the extra people set for ``day``: the eve of a national holiday
    (the busy night), unless the eve is a national holiday itself; any other day's own."""
    dates = set(national)
    eve = day - timedelta(days=1)
    return eve if day in dates and eve not in dates else day


def marking(first: date, last: date) -> tuple[date, date]:
    """The days whose holidays mark the nights ``first`` to ``last``: the day after (a
    holiday makes its evening before an eve) and the day before (an eve that is a holiday
    itself keeps the extra people on the holiday's own night)."""
    return first - timedelta(days=1), last + timedelta(days=1)


def holiday_map(found: Iterable[Holiday]) -> dict[date, Holiday]:
    """The marked nights by evening. A national holiday marks its own night and its eve
    (the night before, unless that is a national holiday too), and the extra people the RT
    sets for it go to the eve. A local date marks its own night with its extra people, its
    name beside a national holiday's; on an eve, the RT's own name replaces the eve's."""
    found = list(found)
    national = {h.date: h for h in found if not h.local}
    local = {h.date: h for h in found if h.local}
    out: dict[date, Holiday] = {}
    for day, h in sorted(national.items()):
        out[day] = Holiday(day, h.name, 0, False, h.name_en)
    for day, h in sorted(national.items()):
        night = night_of_extra(day, national)
        if night != day:
            out[night] = eve_of(h, local[day].extra if day in local else 0)
    for day, h in sorted(local.items()):
        extra = 0 if night_of_extra(day, national) != day else h.extra
        if day in national:
            nat = national[day]
            out[day] = Holiday(day, f"{h.name} · {nat.name}", extra, True,
                               f"{h.name} · {nat.title('en')}")
        elif day in out:  # an eve: the RT's name, the larger of the two extras
            out[day] = Holiday(day, h.name, max(h.extra, out[day].extra), True, h.name_en)
        else:
            out[day] = h
    return dict(sorted(out.items()))


def holidays_of_year(year: int, stored: Iterable[Holiday]) -> list[Holiday]:
    """The marked nights of ``year`` (``holiday_map``), by date: the national holidays and
    their eves, and the neighbourhood's own dates among ``stored`` (the national ones kept
    there are the library's again). The next year is read too: New Year's Eve, the eve of
    the next 1 January, is this year's night."""
    local = [h for h in stored if h.local and h.date.year in (year, year + 1)]
    marked = holiday_map([*national_holidays([year, year + 1]), *local])
    return [h for h in marked.values() if h.date.year == year]
