"""How the area reads on screen: its RTs, the week side by side, the liaison's joint
patrols with the weights behind them, and the incident books together. No resident's phone
and no reporter appears in any of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ronda.area.model import Area, Problem
from ronda.area.rollup import RTWeek
from ronda.area.visits import VisitPlan
from ronda.cli.incident.view import render_clock
from ronda.cli.output import Output, Shown
from ronda.dates import DAY_SHORT, format_date, format_moment, format_period
from ronda.i18n import t
from ronda.i18n.labels import CATEGORY, GUEST_ROLE, label
from ronda.incidents.book import Incident
from ronda.incidents.report import status_text


def report_problems(out: Output, problems: Sequence[Problem]) -> None:
    """One line for each RT file that could not be read or written, in the user's language."""
    for p in problems:
        out.warn("warn.area_skipped", file=p.file, why=out.t(p.key, **p.args))


def render_area(out: Output, area: Area, rows: list[dict[str, Any]]) -> None:
    """The area's RTs as a table."""
    out.table(["col.rt", "col.name", "col.coordinator", "col.people", "col.planned_until",
               "col.incidents", "col.overdue"],
              [[r["rt"], r["name"], r["coordinator"], str(r["volunteers"]),
                format_date(date.fromisoformat(r["planned_until"]), out.lang, weekday=False)
                if r["planned_until"] else "-", str(r["incidents"]), str(r["overdue"] or "")]
               for r in rows],
              title=f"{area.name} · {area.liaison.name} "
                    f"({label(GUEST_ROLE, area.liaison.role, out.lang)})")
    out.say("msg.area_rts", count=len(rows))


def _cell(n: Any, lang: str) -> str:
    if not n.planned:
        return "-"
    text = f"{n.on_duty}/{n.required}" + (" !" if n.short else "")
    return text + ("\n+ " + ", ".join(name for name, _ in n.guests) if n.guests else "")


def render_area_schedule(out: Output, area: Area, rows: Sequence[RTWeek], first: date,
                         last: date, today: date) -> None:
    """Every RT a row, every evening a column: on duty against needed, short nights in red
    and marked ``!``, joint patrols named under the figure."""
    title = f"{area.name} · {format_period(first, last, out.lang)}"
    if not rows:
        out.say("msg.area_empty")
        return
    days = [n.date for n in rows[0].nights]
    headers = ["col.rt", *(Shown(f"{DAY_SHORT[out.lang][d.weekday()]} {d.day:02d}/{d.month:02d}")
                           for d in days)]
    table = [[r.name, *(_cell(n, out.lang) for n in r.nights)] for r in rows]
    styles = [[None, *("red" if n.short else "bold" if n.date == today else None
                       for n in r.nights)] for r in rows]
    out.table(headers, table, title=title, cell_styles=styles, no_wrap=(0,))
    out.say("msg.area_schedule_key", short=sum(r.short for r in rows))


def render_visits(out: Output, area: Area, plan: VisitPlan) -> None:
    """The joint patrols, then the weight behind each RT's share, then who is left out."""
    lang = out.lang
    out.table(["col.night", "col.rt", "col.hours", "col.on_duty", "col.visit"],
              [[format_date(v.date, lang), v.name, _hours(v.date, v.hours, lang),
                f"{v.on_duty}/{v.required}" + (" !" if v.short else ""),
                out.t("label.visit_new" if v.new else "label.visit_kept")]
               for v in plan.visits],
              title=t("title.visits", lang, who=area.liaison.name,
                      period=format_period(plan.first, plan.last, lang)))
    out.table(["col.rt", "col.incidents_90d", "col.short_90d", "col.weight", "col.visits"],
              [[w.name, str(w.incidents), str(w.short), str(w.weight), str(w.planned)]
               for w in plan.weights], title=out.t("title.weights"), compact=True)
    out.say("msg.visits_weighting")
    for key in plan.unvisited:
        out.warn("warn.rt_unvisited", rt=next(w.name for w in plan.weights if w.rt == key))
    out.say("msg.visits_planned", count=len(plan.visits), new=len(plan.new))


def _hours(evening: date, hours: str, lang: str) -> str:
    """``01.00–04.00 (Jumat dini hari 27/11)`` (``01:00–04:00 (Fri 27/11)`` in English) from
    the stable ``01:00-04:00`` of a shift of ``evening``."""
    from ronda.dates import format_shift, parse_time

    start, end = hours.split("-")
    return format_shift(evening, parse_time(start), parse_time(end), lang, night=False)


def render_area_incidents(out: Output, found: Sequence[tuple[Any, Incident]],
                          now: datetime) -> None:
    """Every RT's incidents in one table, by time; no reporter, no witness."""
    lang = out.lang
    rows = [[rt.name, f"#{i.id}", format_moment(i.occurred_at, rt.settings.timezone, lang),
             out.t(CATEGORY[i.category]), i.location,
             status_text(i, lang) + (" ⚠ " + out.t("label.overdue") if i.overdue(now) else "")]
            for rt, i in found]
    out.table(["col.rt", "col.id", "col.when", "col.category", "col.location", "col.status"],
              rows)
    out.say("msg.incident_count", count=len(found),
            overdue=sum(i.overdue(now) for _, i in found))


def render_area_stats(out: Output, area: Area, result: dict[str, Any], period: str) -> None:
    """By RT, by category, by month, the crime clock and the overdue follow-ups."""
    lang = out.lang
    out.say("msg.area_stats", count=result["total"], rts=result["rts"], area=area.name,
            period=period)
    out.table(["col.rt", "col.count", "col.forwarded", "col.overdue", "col.top_category"],
              [[r["name"], str(r["total"]), str(r["forwarded"]), str(r["overdue"]),
                t(CATEGORY[r["top_category"]], lang) if r["top_category"] else "-"]
               for r in result["by_rt"]], title=out.t("title.by_rt"), compact=True)
    out.table(["col.category", "col.count"],
              [[t(CATEGORY[k], lang), str(n)] for k, n in result["by_category"].items()],
              title=out.t("title.by_category"), compact=True)
    out.table(["col.month", "col.count"],
              [[m, str(n)] for m, n in result["trend"].items()], title=out.t("title.trend"),
              compact=True)
    render_clock(out, result["clock"], result["daytime"])
    for o in result["overdue"]:
        out.warn("warn.area_overdue", rt=o["name"], id=o["id"],
                 category=t(CATEGORY[o["category"]], lang), station=o["station"] or "-",
                 since=format_date(date.fromisoformat(o["last_news"][:10]), lang,
                                   weekday=False))
