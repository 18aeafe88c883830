"""The area's schedule on paper: a page a week, every RT a row and every evening a column,
on duty against needed, short nights marked, joint patrols named."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ronda.area.rollup import RTWeek
from ronda.dates import DAY_SHORT, format_period, week_of
from ronda.i18n import t
from ronda.printing.document import Block, Document, Grid, Heading, NewPage, Paragraph


def _cell(n: object) -> str:
    if not n.planned:  # type: ignore[attr-defined]
        return "-"
    text = f"{n.on_duty}/{n.required}" + (" !" if n.short else "")  # type: ignore[attr-defined]
    guests = ", ".join(name for name, _ in n.guests)  # type: ignore[attr-defined]
    return text + (f"\n+ {guests}" if guests else "")


def area_document(name: str, rows: Sequence[RTWeek], first: date, last: date,
                  lang: str) -> Document:
    """One landscape page per week of ``first``..``last``."""
    blocks: list[Block] = []
    monday = week_of(first)[0]
    while monday <= last:
        start, end = max(monday, first), min(monday + timedelta(days=6), last)
        columns = [k for k, n in enumerate(rows[0].nights) if start <= n.date <= end] \
            if rows else []
        if blocks:
            blocks.append(NewPage())
        blocks.append(Heading(format_period(start, end, lang)))
        nights = [rows[0].nights[k].date for k in columns] if rows else []
        grid_rows = tuple((r.name, *(_cell(r.nights[k]) for k in columns)) for r in rows)
        marked = frozenset((i, j + 1) for i, r in enumerate(rows)
                           for j, k in enumerate(columns) if r.nights[k].short)
        blocks.append(Grid((t("col.rt", lang), *(
            f"{DAY_SHORT[lang][d.weekday()]} {d.day:02d}/{d.month:02d}" for d in nights)),
            grid_rows, marked=marked))
        blocks.append(Paragraph(t("msg.area_schedule_key", lang,
                                  short=sum(1 for _ in marked)), italic=True))
        monday += timedelta(weeks=1)
    return Document(t("title.area_schedule", lang), name, tuple(blocks), landscape=True)
