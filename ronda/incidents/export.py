"""The incident book as a file for the RW meeting and the Bhabinkamtibmas: CSV (safe to open
in a spreadsheet), JSON or Markdown. Every field the police act on is in each (what the person
did, clothing, vehicle, plate, loss, first action); reporters and witnesses appear only when
asked for."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

from ronda.dates import format_moment, format_period
from ronda.i18n import t
from ronda.i18n.labels import CATEGORY, INCIDENT_STATUS, label
from ronda.money import format_money
from ronda.people.csvfile import safe_cell
from ronda.printing.marks import markdown_cell

TEXT_FORMATS = ("csv", "json", "md")  # what ``incident_file`` writes
FORMATS = (*TEXT_FORMATS, "pdf")  # and the letter to the Polsek (``incidents.handover``)

EXPORT_FIELDS = ("id", "occurred_at", "category", "severity", "location", "description", "who",
                 "behaviour", "clothing", "vehicle", "plate", "witness", "loss", "action",
                 "status", "station", "lp", "sttlp", "sp2hp", "shift_date", "overdue")
# what the police need of each incident, in the Markdown report's details
DETAILS = (("location", "col.location"), ("who", "col.who"), ("behaviour", "col.behaviour"),
           ("clothing", "col.clothing"), ("vehicle", "col.vehicle"), ("plate", "col.plate"),
           ("witness", "col.witness"), ("loss", "col.loss"), ("action", "col.action"))


def _flat(row: dict[str, Any], lang: str, with_reporters: bool,
          lead: tuple[str, ...] = ()) -> dict[str, Any]:
    flat = {k: row.get(k) for k in (*lead, *EXPORT_FIELDS) if k in row}
    flat["category"] = label(CATEGORY, row["category"], lang)
    flat["status"] = label(INCIDENT_STATUS, row["status"], lang)
    flat.update({k: row["police"][k] for k in ("station", "lp", "sttlp", "sp2hp")})
    flat["shift_date"] = row["shift"]["date"] if row["shift"] else None
    if with_reporters:
        flat["reporter"] = row["reporter"]["name"] if row["reporter"] else ""
    return flat


def incident_file(fmt: str, rows: list[dict[str, Any]], name: str, first: date,
                  last: date, lang: str, with_reporters: bool,
                  lead: tuple[str, ...] = (), timezone: str = "Asia/Jakarta") -> str:
    """CSV (formula-safe), JSON or Markdown of the incidents of ``name`` (a neighbourhood
    or an area); reporters and witnesses only when asked; ``lead`` fields (the RT) first;
    times in the Markdown details in ``timezone``."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    flat = [_flat(r, lang, with_reporters, lead) for r in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        fields = [*lead, *EXPORT_FIELDS, *(["reporter"] if with_reporters else [])]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in flat:
            writer.writerow({k: safe_cell("" if row.get(k) is None else str(row.get(k)))
                             for k in fields})
        return buffer.getvalue()
    lines = [f"# {t('export.title', lang)}", "", f"**{markdown_cell(name)}** — "
             f"{format_period(first, last, lang)}", ""]
    counts: dict[str, int] = {}
    for row in flat:
        counts[row["category"]] = counts.get(row["category"], 0) + 1
    lines += [f"- {k}: {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    lines += ["", "| # | " + " | ".join(t(k, lang) for k in
                                        ("col.when", "col.category", "col.location",
                                         "col.description", "col.status")) + " |",
              "|---" * 6 + "|"]
    for row in flat:
        number = f"{row[lead[0]]} #{row['id']}" if lead else str(row["id"])
        cells = [number, row["occurred_at"][:16].replace("T", " "), row["category"],
                 row["location"] or "", row["description"], row["status"] +
                 (f" · LP {row['lp']}" if row["lp"] else "") +
                 (f" · SP2HP {row['sp2hp']}" if row["sp2hp"] else "")]
        lines.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
    if flat:
        lines += ["", f"## {t('export.details', lang)}"]
    for row in flat:
        lines += _details(row, timezone, lang, f"{row[lead[0]]} " if lead else "")
    return "\n".join(lines) + "\n"


def _details(row: dict[str, Any], timezone: str, lang: str, where: str) -> list[str]:
    """One incident for the police: when, what, and every detail recorded."""
    when = format_moment(datetime.fromisoformat(row["occurred_at"]), timezone, lang)
    lines = ["", f"### {markdown_cell(where)}#{row['id']} {markdown_cell(row['category'])} — "
             f"{when}", "",
             markdown_cell(row["description"]), ""]
    for field, key in DETAILS:
        value = row.get(field)
        if value:
            text = format_money(value) if field == "loss" else str(value)
            lines.append(f"- {t(key, lang)}: {markdown_cell(text)}")
    police = [f"{name} {row[field]}" for field, name in (("station", ""), ("lp", "LP"),
                                                          ("sttlp", "STTLP"),
                                                          ("sp2hp", "SP2HP")) if row[field]]
    if police:
        lines.append(f"- {t('col.police', lang)}: " + markdown_cell(
            " · ".join(p.strip() for p in police)))
    if row.get("reporter"):
        lines.append(f"- {t('col.reporter', lang)}: {markdown_cell(row['reporter'])}")
    return lines


