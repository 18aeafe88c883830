"""What a roster import says about the sheet: how each column is read (or that it is not),
the cells put back, the residents kept off the rota, the first rows as stored and the rules
they make; and the refusals, a row or a whole column at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ronda.cli.volunteer.view import days_label, field_text
from ronda.dates import DAY_KEYS
from ronda.errors import BadInput
from ronda.i18n import t
from ronda.model import Volunteer
from ronda.people.roster import roster_rules

if TYPE_CHECKING:
    from ronda.cli.context import State
    from ronda.people.csvfile import SheetUpdate
    from ronda.people.headers import Column
    from ronda.people.sheet import ImportRow, SheetReading

PREVIEW_ROWS = 5
OFF_DUTY_LABELS = {"moved": "label.off_duty.moved", "died": "label.off_duty.died",
                   "empty": "label.off_duty.empty", "inactive": "label.off_duty.inactive",
                   "exempt": "label.off_duty.exempt"}
# how a column's role is named: a volunteer field's own column name, or the role's label
ROLE_LABELS = {"id": "col.id", "name": "col.name", "phone": "col.phone",
               "address": "col.address", "household": "col.household", "team": "col.team",
               "leader": "col.leader", "role": "label.role.role", "days": "col.days",
               "max_per_week": "col.max_per_week", "note": "col.note", "status": "col.status",
               "duty": "label.role.duty", "block": "label.role.block",
               "house_number": "label.role.house_number", "row_number": "label.role.row_number",
               "prefer": "col.prefer", "avoid": "col.avoid"}


def column_name(column: Column, lang: str) -> str:
    """``'Hobi'``, or ``3 (no header)`` for a column without one."""
    return f"'{column.title}'" if column.title else t("label.unnamed_column", lang,
                                                        number=column.number)


def reject_sheet(st: State, reading: SheetReading, path: str) -> None:
    """Print every refusal, a whole column at a time where none of its values could be
    read, and refuse the sheet (nothing is imported)."""
    from ronda.people.sheet import line_ranges

    for error in reading.column_errors:
        st.out.error_line(st.out.t("err.sheet_column", column=error.column,
                                   count=len(error.lines), lines=line_ranges(error.lines),
                                   value=error.value, reason=st.out.t(error.key, **error.args)))
    for row in sorted(reading.errors, key=lambda e: e.line):
        reason = st.out.t(row.key, **row.args)
        st.out.error_line(st.out.t("err.sheet_row", line=row.line, column=row.column,
                                   reason=reason) if row.column else
                          st.out.t("err.csv_row", line=row.line, reason=reason))
    count = len(reading.errors) + sum(len(e.lines) for e in reading.column_errors)
    if count:
        raise BadInput("err.csv_rejected", count=count, path=path)


def tell_columns(st: State, reading: SheetReading, *, dry_run: bool) -> None:
    """Every column accounted for: with ``--dry-run`` a table of how each is read; always a
    line for each column ronda does not read."""
    lang = st.lang
    if dry_run:
        rows = [[str(c.number), c.title or "-",
                 t(ROLE_LABELS[c.role], lang) if c.role else t("label.not_used", lang)]
                for c in reading.columns if c.role or c.title or c.number in reading.filled]
        st.out.table(("col.number", "col.column", "col.read_as"), rows,
                     title=t("title.sheet_columns", lang, line=reading.header_line))
    for column in reading.unused():
        st.out.say("msg.sheet_unused", column=column_name(column, lang))


def tell_repairs(st: State, reading: SheetReading) -> None:
    for r in reading.repairs:
        st.out.warn("warn.sheet_repaired", line=r.line, column=r.column, before=r.before,
                    after=r.after)


def tell_off_duty(st: State, rows: Sequence[ImportRow]) -> None:
    """The residents the sheet keeps off the rota, a line each, with why."""
    for row in rows:
        st.out.say("msg.sheet_off_duty", line=row.line, name=row.fields["name"],
                   reason=st.out.t(OFF_DUTY_LABELS[row.off_duty or "inactive"]))


def preview(st: State, rows: Sequence[ImportRow]) -> None:
    """The first rows as they will be stored."""
    lang = st.lang
    shown = [[str(r.line), r.fields["name"], field_text("phone", r.fields.get("phone"), lang),
              r.fields.get("household", ""), r.fields.get("team", ""),
              field_text("leader", r.fields.get("leader", False), lang),
              days_label(r.fields.get("days", DAY_KEYS), lang)] for r in rows[:PREVIEW_ROWS]]
    if shown:
        st.out.table(("col.line", "col.name", "col.phone", "col.household", "col.team",
                      "col.leader", "col.days"), shown,
                     title=t("title.sheet_preview", lang, count=len(shown), total=len(rows)))


def tell_rules(st: State, people: Sequence[Volunteer], *, full: bool) -> None:
    """The rules the roster now makes (``roster_rules``): households of two or more (never
    on one night) and people limited to some days; each named with ``full``
    (``--dry-run``), else counted."""
    lang = st.lang
    homes, limited = roster_rules(people)
    if full:
        for group in homes:
            st.out.say("msg.sheet_household", house=group[0].household,
                       names=", ".join(v.name for v in group))
        for v in limited:
            st.out.say("msg.sheet_limited_days", name=v.name, days=days_label(v.days, lang))
    st.out.say("msg.sheet_rules", count=len(homes), limited=len(limited),
               limited_text=t("msg.sheet_rules_days", lang, count=len(limited)))


def tell_sheet(st: State, reading: SheetReading, found: SheetUpdate | None, path: str, *,
               dry_run: bool) -> None:
    """What the sheet is, before anything is stored: its columns, its refusals (the sheet is
    refused), the cells put back, the residents kept off the rota, and with ``--dry-run`` the
    first rows as stored."""
    tell_columns(st, reading, dry_run=dry_run)
    reject_sheet(st, reading, path)
    tell_repairs(st, reading)
    tell_off_duty(st, found.off if found else reading.off_duty)
    if dry_run:
        preview(st, found.new if found else reading.on_duty)
