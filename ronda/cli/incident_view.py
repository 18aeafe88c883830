"""How the incident book reads: the stats screen with its crime clock, and the exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from ronda.cli.output import Output, Shown
from ronda.dates import DAY_SHORT, format_period
from ronda.i18n import format_decimal, t
from ronda.i18n.labels import CATEGORY, INCIDENT_STATUS, PATROL
from ronda.incidents.report import NIGHT_HOURS
from ronda.model import Settings
from ronda.people.csvfile import safe_cell
from ronda.printing.text import markdown_cell

SHADES = " ░▒▓█"


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
    out.table(["col.hour", *map(Shown, DAY_SHORT[lang])], rows,
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
              [[out.t(PATROL[k]), str(v["nights"]), str(v["incidents"]),
                "-" if v["per_100"] is None else format_decimal(v["per_100"], lang)]
               for k, v in result["patrol"].items()], title=out.t("title.patrol"),
              compact=True)
    if result.get("outside_patrol"):
        out.say("msg.outside_patrol", count=result["outside_patrol"])
    wait = result["median_days_to_forward"]
    out.say("msg.median_forward", days="-" if wait is None else format_decimal(wait, lang))
    if result["overdue"]:
        out.warn("warn.overdue", ids=", ".join(f"#{i}" for i in result["overdue"]))


EXPORT_FIELDS = ("id", "occurred_at", "category", "severity", "location", "description", "who",
                 "witness", "loss", "action", "status", "station", "lp", "sttlp", "sp2hp",
                 "shift_date", "overdue")


def _flat(row: dict[str, Any], lang: str, with_reporters: bool) -> dict[str, Any]:
    flat = {k: row.get(k) for k in EXPORT_FIELDS if k in row}
    flat["category"] = t(CATEGORY[row["category"]], lang)
    flat["status"] = t(INCIDENT_STATUS[row["status"]], lang)
    flat.update({k: row["police"][k] for k in ("station", "lp", "sttlp", "sp2hp")})
    flat["shift_date"] = row["shift"]["date"] if row["shift"] else None
    if with_reporters:
        flat["reporter"] = row["reporter"]["name"] if row["reporter"] else ""
    return flat


def export_text(fmt: str, rows: list[dict[str, Any]], settings: Settings, first: date,
                last: date, lang: str, with_reporters: bool) -> str:
    """CSV (formula-safe), JSON or Markdown; reporters and witnesses only when asked."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    flat = [_flat(r, lang, with_reporters) for r in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        fields = [*EXPORT_FIELDS, *(["reporter"] if with_reporters else [])]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in flat:
            writer.writerow({k: safe_cell("" if row.get(k) is None else str(row.get(k)))
                             for k in fields})
        return buffer.getvalue()
    lines = [f"# {t('export.title', lang)}", "", f"**{markdown_cell(settings.name)}** — "
             f"{format_period(first, last, lang)}", ""]
    counts: dict[str, int] = {}
    for row in flat:
        counts[row["category"]] = counts.get(row["category"], 0) + 1
    lines += [f"- {k}: {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    lines += ["", "| # | " + " | ".join(t(k, lang) for k in
                                        ("col.when", "col.category", "col.location",
                                         "col.description", "col.status")) + " |", "|---" * 6 + "|"]
    for row in flat:
        cells = [str(row["id"]), row["occurred_at"][:16].replace("T", " "), row["category"],
                 row["location"] or "", row["description"], row["status"] +
                 (f" · LP {row['lp']}" if row["lp"] else "") +
                 (f" · SP2HP {row['sp2hp']}" if row["sp2hp"] else "")]
        lines.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


