"""How the incident book reads on screen: the stats with their crime clock."""

from __future__ import annotations

from typing import Any

from ronda.cli.output import Output
from ronda.dates import DAY_SHORT
from ronda.i18n import format_decimal, t
from ronda.incidents.report import NIGHT_HOURS

SHADES = " ░▒▓█"


def render_stats(out: Output, result: dict[str, Any], period: str) -> None:
    """Counts, the crime clock, the trend, patrols and follow-up, in the terminal."""
    lang = out.lang
    out.say("msg.incident_stats", total=result["total"], period=period)
    out.table(["col.category", "col.count"],
              [[t(f"category.{k}", lang), str(n)] for k, n in result["by_category"].items()],
              title=out.t("title.by_category"), compact=True)
    out.table(["col.status", "col.count"],
              [[t(f"status.incident.{k}", lang), str(n)] for k, n in result["by_status"].items()],
              title=out.t("title.by_status"), compact=True)
    counts = {(c["hour"], c["weekday"]): c["count"] for c in result["clock"]}
    top = max(counts.values(), default=0)
    rows = []
    for hour in NIGHT_HOURS:
        cells = []
        for day in range(7):
            n = counts.get((hour, day), 0)
            shade = SHADES[min(4, -(-4 * n // top))] if top and n else "·"
            cells.append(f"{shade}{n}" if n else shade)
        rows.append([f"{hour:02d}", *cells])
    out.table(["col.hour", *DAY_SHORT[lang]], rows,
              title=out.t("title.clock", daytime=result["daytime"]), compact=True)
    peak = max(result["trend"].values(), default=0)
    out.table(["col.month", "col.count"],
              [[month, ("█" * round(20 * n / peak) if peak else "") + f" {n}"]
               for month, n in result["trend"].items()], title=out.t("title.trend"),
              compact=True)
    several = result.get("shifts_per_night", 1) > 1
    out.table(["col.shifts_kind" if several else "col.nights_kind",
               "col.shifts" if several else "col.nights", "col.count",
               "col.per_100_shifts" if several else "col.per_100"],
              [[out.t(f"nights.{k}"), str(v["nights"]), str(v["incidents"]),
                "-" if v["per_100"] is None else format_decimal(v["per_100"], lang)]
               for k, v in result["patrol"].items()], title=out.t("title.patrol"),
              compact=True)
    if result.get("outside_patrol"):
        out.say("msg.outside_patrol", count=result["outside_patrol"])
    wait = result["median_days_to_forward"]
    out.say("msg.median_forward", days="-" if wait is None else format_decimal(wait, lang))
    if result["overdue"]:
        out.warn("warn.overdue", ids=", ".join(f"#{i}" for i in result["overdue"]))
