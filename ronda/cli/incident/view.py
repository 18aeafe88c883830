"""How the incident book reads on screen: the book, one record, and the stats with their
crime clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ronda.cli.output import Output, Shown
from ronda.dates import DAY_SHORT, format_moment
from ronda.i18n import format_decimal, t
from ronda.i18n.labels import CATEGORY, INCIDENT_STATUS, PATROL, SEVERITY
from ronda.incidents.book import Incident, Reporter
from ronda.incidents.privacy import PeopleShown, people_shown
from ronda.incidents.report import NIGHT_HOURS, change_text, police_field, status_text
from ronda.model import Settings, Volunteer
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

SHADES = " ░▒▓█"


OVERDUE_NAMED = 12


def render_stats(out: Output, result: dict[str, Any], period: str) -> None:
    """Counts, the crime clock, the trend, patrols and follow-up, in the terminal."""
    lang = out.lang
    out.say("msg.incident_stats", count=result["total"], period=period)
    out.table(["col.category", "col.count"],
              [[t(CATEGORY[k], lang), str(n)] for k, n in result["by_category"].items()],
              title=out.t("title.by_category"), compact=True)
    out.table(["col.status", "col.count"],
              [[t(INCIDENT_STATUS[k], lang), str(n)] for k, n in result["by_status"].items()],
              title=out.t("title.by_status"), compact=True)
    render_clock(out, result["clock"], result["daytime"])
    peak = max(result["trend"].values(), default=0)
    out.table(["col.month", "col.count"],
              [[month, ("█" * round(20 * n / peak) if peak else "") + f" {n}"]
               for month, n in result["trend"].items()], title=out.t("title.trend"),
              compact=True)
    several = result.get("shifts_per_night", 1) > 1
    out.table(["col.shifts_kind" if several else "col.nights_kind",
               "col.shifts" if several else "col.nights", "col.count",
               "col.per_100_shifts" if several else "col.per_100"],
              [[out.t(PATROL[k]), str(v["nights"]), str(v["incidents"]),
                "-" if v["per_100"] is None else format_decimal(v["per_100"], lang)]
               for k, v in result["patrol"].items()], title=out.t("title.patrol"),
              compact=True)
    if result.get("outside_patrol"):
        out.say("msg.outside_patrol", count=result["outside_patrol"])
    wait = result["median_days_to_forward"]
    out.say("msg.median_forward", days="-" if wait is None else format_decimal(wait, lang))
    if result["overdue"]:  # the oldest few named; a busy book's hundreds counted
        late = result["overdue"]
        named = ", ".join(f"#{i}" for i in late[:OVERDUE_NAMED])
        if len(late) > OVERDUE_NAMED:
            named += ", " + out.t("reason.more", count=len(late) - OVERDUE_NAMED)
        out.warn("warn.overdue", ids=named)


def render_clock(out: Output, clock: list[dict[str, int]], daytime: int) -> None:
    """The crime clock: the hours of the night against the evening's weekday, shaded."""
    counts = {(c["hour"], c["weekday"]): c["count"] for c in clock}
    top = max(counts.values(), default=0)
    rows = []
    for hour in NIGHT_HOURS:
        cells = []
        for day in range(7):
            n = counts.get((hour, day), 0)
            shade = SHADES[min(4, -(-4 * n // top))] if top and n else "·"
            cells.append(f"{shade}{n}" if n else shade)
        rows.append([f"{hour:02d}", *cells])
    out.table(["col.hour", *map(Shown, DAY_SHORT[out.lang])], rows,
              title=out.t("title.clock", daytime=daytime), compact=True)


def render_incident(out: Output, i: Incident, shown: PeopleShown, linked: Shift | None,
                    settings: Settings, people: dict[int, Volunteer], now: datetime) -> None:
    """One incident in full, with its timeline; reporter and witness as ``shown`` allows."""
    lang = out.lang
    pairs = [("col.when", format_moment(i.occurred_at, settings.timezone, lang)),
             ("col.category", out.t(CATEGORY[i.category])),
             ("col.severity", out.t(SEVERITY[i.severity])),
             ("col.location", i.location), ("col.description", i.description),
             ("col.who", i.who),
             ("col.witness", shown.witness or (out.t("label.confidential")
                                               if shown.witness_hidden else "")),
             ("col.loss", _money(i.loss)), ("col.action", i.action),
             ("col.behaviour", i.behaviour), ("col.clothing", i.clothing),
             ("col.vehicle", i.vehicle), ("col.plate", i.plate),
             ("col.status", status_text(i, lang)),
             ("col.police", " · ".join(police_field(k, v, lang)
                                       for k, v in i.police.to_dict().items() if v)),
             ("col.shift", _on_duty_text(i, linked, settings, people, lang))]
    if shown.reporter or shown.reporter_hidden:
        pairs.append(("col.reporter", shown.reporter or out.t("label.confidential")))
    out.fields([(k, v) for k, v in pairs if v], title=f"#{i.id}" +
               (" · " + out.t("label.overdue") if i.overdue(now) else ""))
    out.table(["col.when", "col.change"],
              [[format_moment(c.at, settings.timezone, lang),
                change_text(c.field, c.old, c.new, lang)] for c in i.timeline],
              title=out.t("col.timeline"))


def render_book(out: Output, found: list[Incident], reporters: dict[int, Reporter] | None,
                timezone: str, now: datetime) -> None:
    """The incident book as a table; ``reporters`` given: with their names (asked for)."""
    lang = out.lang
    rows = []
    for i in found:
        row = [str(i.id), format_moment(i.occurred_at, timezone, lang),
               out.t(CATEGORY[i.category]), i.location,
               i.description,
               status_text(i, lang) + (" ⚠ " + out.t("label.overdue") if i.overdue(now) else "")]
        if reporters is not None:
            row.append(people_shown(i, reporters.get(i.id), True).reporter)
        rows.append(row)
    headers = ["col.id", "col.when", "col.category", "col.location", "col.description",
               "col.status"] + (["col.reporter"] if reporters is not None else [])
    out.table(headers, rows, no_wrap=[1])  # a moment is never broken
    out.say("msg.incident_count", count=len(found), overdue=sum(i.overdue(now) for i in found))


def _money(amount: int) -> str:
    from ronda.money import format_money

    return format_money(amount) if amount else ""




def _on_duty_text(i: Incident, linked: Shift | None, settings: Settings,
                  people: dict, lang: str) -> str:
    """``Senin malam 23/11/2026 (malam Selasa) · 01.00–04.00 WIB (Selasa dini hari
    24/11/2026) · ★ Slamet, Joko``: the team on duty then, the leader marked."""
    from ronda.incidents.handover import on_duty

    duty = on_duty(i, linked, Timetable.of(settings),
                   {p: v.name for p, v in people.items() if v.name}, lang)
    if duty is None:
        return "-"
    names = ", ".join([f"★ {duty.leader}"] * bool(duty.leader) + list(duty.members))
    return f"{duty.when} · {names}" if names else duty.when
