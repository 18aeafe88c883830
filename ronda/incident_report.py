"""Learning from the incident book: counts, the crime clock, the monthly trend, incidents on
nights with a full patrol against short or empty nights, time to forwarding, overdue follow-ups,
and the de-identified notice for the pos."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from ronda.dates import evening_of, zone
from ronda.i18n import t
from ronda.incidents import Incident
from ronda.shifts import Shift

NIGHT_HOURS = (18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5)


def night_kind(shifts: Sequence[Shift]) -> str:
    """``full`` when every slot had its people, ``short`` when one did not, ``none`` when
    nobody was planned."""
    if not shifts or not any(s.volunteers for s in shifts):
        return "none"
    if any(s.short and len(s.volunteers) < s.short.required for s in shifts):
        return "short"
    return "full"


def incident_stats(incidents: Sequence[Incident], shifts: Sequence[Shift], first: date,
                   last: date, timezone: str, now: datetime) -> dict[str, Any]:
    """Everything ``incident stats`` shows, as data with stable keys. Nights before the
    first planned shift do not count as nights without a patrol."""
    tz = zone(timezone)
    by_night: dict[date, list[Shift]] = {}
    for s in shifts:
        by_night.setdefault(s.date, []).append(s)
    planned = [s.date for s in shifts if s.volunteers]
    start = max(first, min(planned)) if planned else last + timedelta(days=1)
    nights = [start + timedelta(days=i) for i in range((last - start).days + 1)]
    kinds = {d: night_kind(by_night.get(d, [])) for d in nights}
    patrol = {k: {"nights": 0, "incidents": 0, "per_100": None} for k in ("full", "short", "none")}
    for kind in kinds.values():
        patrol[kind]["nights"] += 1
    clock: Counter[tuple[int, int]] = Counter()
    daytime = 0
    for i in incidents:
        local = i.occurred_at.astimezone(tz)
        evening = evening_of(local)
        if evening in kinds:
            patrol[kinds[evening]]["incidents"] += 1
        if local.hour in NIGHT_HOURS:
            clock[(local.hour, evening.weekday())] += 1
        else:
            daytime += 1
    for row in patrol.values():
        if row["nights"]:
            row["per_100"] = round(100 * row["incidents"] / row["nights"], 1)
    waits = [(i.forwarded_at() - i.recorded_at).total_seconds() / 86400 for i in incidents
             if i.forwarded_at()]
    return {
        "from": first.isoformat(), "to": last.isoformat(), "total": len(incidents),
        "by_category": dict(Counter(i.category for i in incidents).most_common()),
        "by_status": dict(Counter(i.status for i in incidents).most_common()),
        "clock": [{"hour": h, "weekday": w, "count": n} for (h, w), n in sorted(clock.items())],
        "daytime": daytime,
        "trend": dict(sorted(Counter(i.occurred_at.astimezone(tz).strftime("%Y-%m")
                                     for i in incidents).items())),
        "patrol": patrol,
        "median_days_to_forward": round(statistics.median(waits), 1) if waits else None,
        "overdue": [i.id for i in incidents if i.overdue(now)],
    }


def status_text(i: Incident, lang: str) -> str:
    """``diteruskan ke Polsek Tembalang, SP2HP A3``."""
    text = t(f"status.incident.{i.status}", lang)
    if i.status == "forwarded" and i.police.station:
        text = t("board.forwarded_to", lang, station=i.police.station)
    if i.police.sp2hp:
        text += f", SP2HP {i.police.sp2hp} ({t(f'sp2hp.{i.police.sp2hp}', lang)})"
    return text


def board_lines(incidents: Sequence[Incident], first: date, last: date, lang: str,
                neighbourhood: str, period: str) -> list[str]:
    """A notice for the pos with no names at all: counts by type and what became of them."""
    lines = [t("board.title", lang), neighbourhood, period, ""]
    if not incidents:
        return [*lines, t("board.none", lang)]
    counts = Counter(i.category for i in incidents)
    lines.append(t("board.counts", lang))
    lines += [f"- {t(f'category.{c}', lang)}: {n}" for c, n in counts.most_common()]
    lines += ["", t("board.followup", lang)]
    for i in incidents:
        when = i.occurred_at.date()
        lines.append(f"- {when.day:02d}/{when.month:02d} · {t(f'category.{i.category}', lang)}"
                     f" · {status_text(i, lang)}")
    lines += ["", t("board.thanks", lang)]
    return lines
