"""Learning from the incident book: counts, the crime clock, the monthly trend, incidents on
nights with a full patrol against short or empty nights, time to forwarding, overdue follow-ups,
and the de-identified notice for the pos."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from ronda.dates import DAY_CHANGE, zone
from ronda.i18n import t
from ronda.i18n.labels import CATEGORY, INCIDENT_STATUS, SP2HP, label
from ronda.incidents.book import Incident
from ronda.model import Settings
from ronda.printing.document import Block, Document, Grid, Heading, Paragraph
from ronda.printing.letter import kop_of, signatures_of
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

NIGHT_HOURS = (18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5)


def shift_kind(shift: Shift | None) -> str:
    """``full`` when the shift had its people (and leader), ``short`` when it did not,
    ``none`` when nobody was planned."""
    if shift is None or not shift.volunteers:
        return "none"
    if shift.short:
        return "short"
    return "full"


def incident_stats(incidents: Sequence[Incident], shifts: Sequence[Shift], first: date,
                   last: date, timetable: Timetable, now: datetime) -> dict[str, Any]:
    """Everything ``incident stats`` shows, as data with stable keys.

    Patrols are compared shift by shift: each incident counts for the shift whose hours
    hold it (an incident at 02.15 belongs to the 01.00–04.00 shift of the evening before);
    ``patrol.*.nights`` counts shifts (one a night where a night has one shift). Nights
    before the first planned shift do not count as nights without a patrol; incidents
    outside every shift's hours are counted as ``outside_patrol``.
    """
    tz = zone(timetable.timezone)
    planned = {(s.date, timetable.index(s)): s for s in shifts}
    dates = [s.date for s in shifts if s.volunteers]
    start = max(first, min(dates)) if dates else last + timedelta(days=1)
    slots = range(len(timetable.slots))
    kinds = {(start + timedelta(days=i), k): shift_kind(planned.get((start + timedelta(days=i),
                                                                      k)))
             for i in range((last - start).days + 1) for k in slots
             if timetable.window(start + timedelta(days=i), k)[0] <= now}  # begun by now
    patrol = {k: {"nights": 0, "incidents": 0, "per_100": None} for k in ("full", "short", "none")}
    for kind in kinds.values():
        patrol[kind]["nights"] += 1
    # each planned shift's hours, worked out once, by evening: an incident looks only at
    # the shifts of its own date and the evening before (as instants in seconds: comparing
    # aware datetimes asks their zone every time); a night with no plan, the timetable's
    Spans = list[tuple[float, float, tuple[date, int]]]
    planned_spans: dict[date, Spans] = defaultdict(list)
    for s in shifts:
        begin, end = timetable.window_of(s)
        planned_spans[s.date].append((begin.timestamp(), end.timestamp(),
                                      (s.date, timetable.index(s))))
    unplanned: dict[date, Spans] = {}

    def holder(day: date, instant: float) -> tuple[date, int] | None:
        """The (evening, slot) whose hours hold the instant, planned hours first."""
        evenings = (day - one_day, day)
        for d in evenings:
            for begin, end, key in planned_spans.get(d, ()):
                if begin <= instant < end:
                    return key
        for d in evenings:
            found = unplanned.get(d)
            if found is None:
                found = unplanned[d] = [(begin.timestamp(), end.timestamp(), (d, k))
                                        for k in slots
                                        for begin, end in (timetable.window(d, k),)]
            for begin, end, key in found:
                if begin <= instant < end:
                    return key
        return None

    one_day, night_hours = timedelta(days=1), frozenset(NIGHT_HOURS)
    clock: Counter[tuple[int, int]] = Counter()
    months: Counter[tuple[int, int]] = Counter()
    categories: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    daytime = outside = 0
    waits: list[float] = []
    overdue: list[int] = []
    for i in incidents:
        local = i.occurred_at.astimezone(tz)
        day, hour = local.date(), local.hour
        held_by = holder(day, local.timestamp())
        if held_by is None:
            outside += 1
        else:
            kind = kinds.get(held_by)
            if kind is not None:
                patrol[kind]["incidents"] += 1
        if hour in night_hours:  # the evening of the shift that holds it, else by noon
            evening = held_by[0] if held_by else \
                day - one_day if local.time() < DAY_CHANGE else day
            clock[(hour, evening.weekday())] += 1
        else:
            daytime += 1
        months[(local.year, local.month)] += 1
        categories[i.category] += 1
        statuses[i.status] += 1
        forwarded = i.forwarded_at()
        if forwarded:
            waits.append((forwarded - i.recorded_at).total_seconds() / 86400)
        if i.status == "forwarded" and i.overdue(now):
            overdue.append(i.id)
    for row in patrol.values():
        if row["nights"]:
            row["per_100"] = round(100 * row["incidents"] / row["nights"], 1)
    return {
        "from": first.isoformat(), "to": last.isoformat(), "total": len(incidents),
        "by_category": dict(categories.most_common()),
        "by_status": dict(statuses.most_common()),
        "clock": [{"hour": h, "weekday": w, "count": n} for (h, w), n in sorted(clock.items())],
        "daytime": daytime,
        "trend": {f"{y}-{m:02d}": n for (y, m), n in sorted(months.items())},
        "patrol": patrol, "shifts_per_night": len(timetable.slots),
        "outside_patrol": outside,
        "median_days_to_forward": round(statistics.median(waits), 1) if waits else None,
        "overdue": overdue,
    }


def status_text(i: Incident, lang: str) -> str:
    """``diteruskan ke Polsek Tembalang, SP2HP A3``."""
    text = label(INCIDENT_STATUS, i.status, lang)
    if i.status == "forwarded" and i.police.station:
        text = t("board.forwarded_to", lang, station=i.police.station)
    if i.police.sp2hp:
        text += f", SP2HP {i.police.sp2hp} ({label(SP2HP, i.police.sp2hp, lang)})"
    return text


def change_text(field: str, old: str | None, new: str | None, lang: str,
                arrow: str = "→") -> str:
    """A line of an incident's timeline: ``Status: new → forwarded``, ``LP: – → LP/B/…``,
    ``Note: …``."""
    if field == "note":
        return f"{t('col.note', lang)}: {new}"
    if field == "status":
        before = label(INCIDENT_STATUS, old, lang) if old else "–"
        after = label(INCIDENT_STATUS, new or "", lang)
        return f"{t('col.status', lang)}: {before} {arrow} {after}"
    return police_field(field, f"{old or '–'} {arrow} {new}", lang)


def police_field(name: str, value: str, lang: str) -> str:
    """``Police station: Polsek Tembalang``, ``LP: …``, ``SP2HP: A3``."""
    title = t("col.station", lang) if name == "station" else name.upper()
    return f"{title}: {value}"


def board_document(incidents: Sequence[Incident], lang: str, settings: Settings,
                   period: str, today: date) -> Document:
    """The same notice as ``board_lines``, to print large for the pos's wall, under the RT's
    kop and signed as of ``today``."""
    blocks: list[Block] = []
    if not incidents:
        blocks.append(Paragraph(t("board.none", lang)))
    else:
        counts = Counter(i.category for i in incidents)
        blocks += [Heading(t("board.counts", lang)),
                   Grid((t("col.category", lang), t("col.count", lang)),
                        tuple((t(CATEGORY[c], lang), str(n)) for c, n in counts.most_common()),
                        right=(1,)),
                   Heading(t("board.followup", lang)),
                   Grid((t("col.date", lang), t("col.category", lang), t("col.status", lang)),
                        tuple((f"{i.occurred_at.day:02d}/{i.occurred_at.month:02d}",
                               t(CATEGORY[i.category], lang), status_text(i, lang))
                              for i in incidents)),
                   Paragraph(t("board.thanks", lang), italic=True)]
    blocks.append(signatures_of(settings, today, lang))
    return Document(t("board.title", lang), f"{settings.name} — {period}", tuple(blocks),
                    large=True, kop=kop_of(settings, lang), page_of=t("letter.page", lang))


def board_lines(incidents: Sequence[Incident], first: date, last: date, lang: str,
                neighbourhood: str, period: str) -> list[str]:
    """A notice for the pos with no names at all: counts by type and what became of them."""
    lines = [t("board.title", lang), neighbourhood, period, ""]
    if not incidents:
        return [*lines, t("board.none", lang)]
    counts = Counter(i.category for i in incidents)
    lines.append(t("board.counts", lang))
    lines += [f"- {t(CATEGORY[c], lang)}: {n}" for c, n in counts.most_common()]
    lines += ["", t("board.followup", lang)]
    for i in incidents:
        when = i.occurred_at.date()
        lines.append(f"- {when.day:02d}/{when.month:02d} · {t(CATEGORY[i.category], lang)}"
                     f" · {status_text(i, lang)}")
    lines += ["", t("board.thanks", lang)]
    return lines
