"""Shared pieces of text for volunteers: days, status, table rows, what an import does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ronda.dates import DAY_KEYS, DAY_SHORT, format_date
from ronda.errors import BadInput
from ronda.i18n import t
from ronda.i18n.labels import AWAY_REASON, label
from ronda.model import Away, Volunteer
from ronda.phones import display_phone

if TYPE_CHECKING:
    from ronda.cli.context import State
    from ronda.people.csvfile import ImportRow, RowError, SheetUpdate


def days_label(days: tuple[str, ...], lang: str) -> str:
    """``Sen Rab Jum``, or ``semua`` / ``all`` for every day."""
    if tuple(days) == DAY_KEYS:
        return t("label.all_days", lang)
    if not days:
        return "-"
    index = sorted(DAY_KEYS.index(d) for d in days)
    runs: list[list[int]] = []
    for i in index:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    names = DAY_SHORT[lang]
    return " ".join(f"{names[r[0]]}–{names[r[-1]]}" if len(r) >= 3 else
                    " ".join(names[i] for i in r) for r in runs)


def reason_label(reason: str, lang: str) -> str:
    return label(AWAY_REASON, reason, lang)


def away_label(a: Away, lang: str) -> str:
    """``mudik, 20/12/2026 – 03/01/2027``."""
    return (f"{reason_label(a.reason, lang)}, {format_date(a.start, lang, weekday=False)} – "
            f"{format_date(a.end, lang, weekday=False)}")


def status_label(v: Volunteer, today: date, lang: str) -> str:
    if v.purged:
        return t("status.erased", lang)
    if not v.active:
        return t("status.inactive", lang)
    away = v.away_on(today)
    if away:
        return t("status.away_until", lang, until=format_date(away.end, lang, weekday=False),
                 reason=reason_label(away.reason, lang))
    return t("status.active", lang)


VOLUNTEER_HEADERS = ("col.id", "col.name", "col.phone", "col.household", "col.team",
                     "col.leader", "col.days", "col.status")


def volunteer_row(v: Volunteer, today: date, lang: str) -> list[str]:
    return [str(v.id), v.name or t("status.erased", lang), display_phone(v.phone), v.household,
            v.team, "★" if v.leader else "", days_label(v.days, lang),
            status_label(v, today, lang)]


def reject_rows(st: State, errors: Sequence[RowError], rows: Sequence[ImportRow],
                path: str) -> None:
    """Print every bad row of a sheet and refuse it (nothing is imported), or refuse an
    empty one."""
    for error in sorted(errors, key=lambda e: e.line):
        st.out.error_line(st.out.t("err.csv_row", line=error.line,
                                   reason=st.out.t(error.key, **error.args)))
    if errors:
        raise BadInput("err.csv_rejected", count=len(errors), path=path)
    if not rows:
        raise BadInput("err.csv_empty", path=path)


FIELD_COLUMNS = {"name": "col.name", "phone": "col.phone", "address": "col.address",
                 "household": "col.household", "team": "col.team", "leader": "col.leader",
                 "days": "col.days", "max_per_week": "col.max_per_week", "note": "col.note",
                 "active": "col.status"}


def field_text(field: str, value: Any, lang: str) -> str:
    """A volunteer field's value as the roster shows it."""
    if field == "phone":
        return display_phone(value)
    if field == "leader":
        return t("label.yes" if value else "label.no", lang)
    if field == "active":
        return t("status.active" if value else "status.inactive", lang)
    if field == "days":
        return days_label(value, lang)
    return "" if value is None else str(value)


def show_sheet_update(st: State, sheet: SheetUpdate, path: str) -> None:
    """A table of what an updated sheet changes: a line per changed field, one per person
    added."""
    lang = st.lang
    rows = [[str(u.line), f"#{u.volunteer.id} {u.volunteer.name}", t(FIELD_COLUMNS[field], lang),
             field_text(field, before, lang), field_text(field, after, lang)]
            for u in sheet.changed for field, (before, after) in u.changes.items()]
    rows += [[str(r.line), r.fields["name"], t("label.new_volunteer", lang), "", ""]
             for r in sheet.new]
    if rows:
        st.out.table(("col.line", "col.name", "col.field", "col.before", "col.after"), rows,
                     title=t("title.import_changes", lang, path=path))


def tell_imported(st: State, sheet: SheetUpdate | None, added: int, dry_run: bool) -> None:
    if sheet is None:
        st.out.done("msg.import_dry_run" if dry_run else "msg.imported", count=added)
        return
    same = len(sheet.matched) - len(sheet.changed)
    st.out.done("msg.import_update_dry_run" if dry_run else "msg.import_updated",
                count=len(sheet.changed), added=added, same=same)
