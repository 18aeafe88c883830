"""Roster CSV files as spreadsheets make them: reading (all-or-nothing), matching an updated
sheet to the roster, and writing (safe cells; the Excel flavour for Indonesian locales).

Text in, text out: the command layer reads and writes the files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ronda.dates import DAY_KEYS, DAY_SHORT
from ronda.errors import BadInput
from ronda.model import Volunteer
from ronda.people.headers import header_score
from ronda.people.sheet import (
    HEADER_SEARCH,
    MAX_BYTES,
    MAX_ROWS,
    ImportRow,
    RowError,
    SheetReading,
    import_limits,
    read_sheet,
)
from ronda.people.volunteers import settle_team
from ronda.phones import display_phone

__all__ = ["MAX_BYTES", "MAX_ROWS", "ImportRow", "RowError", "import_limits", "read_csv_sheet",
           "read_roster_csv"]

EXPORT_COLUMNS = ("id", "name", "phone", "address", "household", "team", "leader", "days",
                  "max_per_week", "note")
# the headers of the Excel flavour in Indonesian (each is read back by ``headers.HEADERS``)
INDONESIAN_HEADERS = {"id": "id", "name": "nama", "phone": "no_hp", "address": "alamat",
                      "household": "rumah", "team": "regu", "leader": "ketua", "days": "hari",
                      "max_per_week": "maks_per_pekan", "note": "catatan"}
FIELDS = EXPORT_COLUMNS[1:]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS = ("\t", ";", ",")


def _sniff_delimiter(text: str, by_hand: Mapping[str, str | None]) -> str:
    """Tab, semicolon (Excel in an Indonesian locale) or comma: the one whose header row,
    found among the first lines (a title row may stand above it), reads best; else the one
    the first lines hold most of."""
    head = text.splitlines()[:HEADER_SEARCH * 2]

    def score(sep: str) -> tuple[int, int, bool]:
        rows = list(csv.reader(head, delimiter=sep))
        best = max((header_score(r, by_hand) for r in rows), default=0)
        return best, max((line.count(sep) for line in head), default=0), sep == ","
    return max(_SEPARATORS, key=score)


def read_csv_sheet(text: str, by_hand: Mapping[str, str | None] | None = None
                   ) -> SheetReading:
    """A roster CSV read as a sheet (see ``sheet.read_sheet``): UTF-8 text, a byte-order mark
    aside, comma, semicolon or tab; row numbers are the file's line numbers."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=_sniff_delimiter(text, by_hand or {}))
    return read_sheet(((reader.line_num, cells) for cells in reader), by_hand)


def read_roster_csv(text: str) -> tuple[list[ImportRow], list[RowError]]:
    """The rows of people and the bad rows of a roster CSV."""
    reading = read_csv_sheet(text)
    return reading.rows, reading.errors


def settle_teams(rows: Sequence[ImportRow], roster: Sequence[Volunteer]) -> list[ImportRow]:
    """The rows with each team written as the roster (or an earlier row) writes it."""
    seen = list(roster)
    out = []
    for row in rows:
        fields = settle_team(row.fields, seen)
        if fields.get("team"):
            seen.append(Volunteer(id=0, name="", team=fields["team"]))
        out.append(replace(row, fields=fields))
    return out


@dataclass(frozen=True)
class RowUpdate:
    """A sheet row matched to a volunteer on the roster, and what it changes:
    ``{field: (before, after)}`` (empty when the row says what the roster says)."""

    line: int
    volunteer: Volunteer
    changes: dict[str, tuple[Any, Any]]

    def updated(self) -> Volunteer:
        return self.volunteer.with_changes(**{k: new for k, (_, new) in self.changes.items()})


@dataclass(frozen=True)
class SheetUpdate:
    """What an updated sheet does to the roster: rows matched to someone (changed or not),
    new people, the rows that cannot be applied, and the residents off duty (moved, died,
    exempt) who are on no roster: they stay off it."""

    matched: list[RowUpdate]
    new: list[ImportRow]
    errors: list[RowError]
    off: list[ImportRow]

    @property
    def changed(self) -> list[RowUpdate]:
        return [u for u in self.matched if u.changes]


def match_rows(rows: Sequence[ImportRow], roster: Sequence[Volunteer]) -> SheetUpdate:
    """Match each row to a volunteer: by the id column, else the phone, else the exact name
    (case aside); a row that matches nobody is someone new. A volunteer matched by two rows
    and an id nobody has are errors. A row off duty (moved, died, exempt) takes its volunteer
    off the rota; one that matches nobody is not added."""
    people = [v for v in roster if not v.purged]
    by_id = {v.id: v for v in people}
    by_phone = {v.phone: v for v in people if v.phone}
    by_name = {v.name.casefold(): v for v in people}
    matched: list[RowUpdate] = []
    new: list[ImportRow] = []
    errors: list[RowError] = []
    off: list[ImportRow] = []
    seen: dict[int, int] = {}
    for row in rows:
        if row.id is not None:
            v = by_id.get(row.id)
            if v is None:
                errors.append(RowError(row.line, "err.csv_unknown_id", {"id": row.id}))
                continue
        else:
            v = by_phone.get(row.fields.get("phone") or "") or \
                by_name.get(row.fields["name"].casefold())
        if v is None:
            (off if row.off_duty else new).append(row)
            continue
        if v.id in seen:
            errors.append(RowError(row.line, "err.csv_same_person",
                                   {"who": f"#{v.id} {v.name}", "line": seen[v.id]}))
            continue
        seen[v.id] = row.line
        changes = {k: (getattr(v, k), value) for k, value in row.fields.items()
                   if getattr(v, k) != value}
        if row.off_duty and v.active:
            changes["active"] = (True, False)
        matched.append(RowUpdate(row.line, v, changes))
    errors += duplicate_names(new, [])
    return SheetUpdate(matched, new, errors, off)


def duplicate_names(rows: Sequence[ImportRow], roster: Sequence[Volunteer]) -> list[RowError]:
    """Rows naming someone already on the active roster, or named twice in the file."""
    known = {v.name.casefold(): v for v in roster if v.active and not v.purged}
    first_line: dict[str, int] = {}
    errors = []
    for row in rows:
        key = row.fields["name"].casefold()
        if key in known:
            v = known[key]
            errors.append(RowError(row.line, "err.csv_on_roster", {"who": f"#{v.id} {v.name}"}))
        elif key in first_line:
            errors.append(RowError(row.line, "err.csv_twice", {"line": first_line[key]}))
        else:
            first_line[key] = row.line
    return errors


@dataclass(frozen=True)
class ImportPlan:
    """What importing a sheet does to the roster, decided before anything is stored: the
    people to add, the records to save changed (``--update``), the matching behind them
    (None for a plain import), the rows that cannot be imported, and the active roster as
    the import leaves it (for the rules it makes)."""

    new: list[ImportRow]
    changed: list[Volunteer]
    update: SheetUpdate | None
    errors: list[RowError]
    after: list[Volunteer]


def plan_import(rows: Sequence[ImportRow], roster: Sequence[Volunteer], *, update: bool,
                source: str) -> ImportPlan:
    """What the sheet's good ``rows`` do to ``roster``, teams written as the roster writes
    them. With ``update`` each row is matched to someone (``match_rows``): the matched are
    changed, the others added. Without, the rows on duty are added (residents kept off the
    rota are no one to add) and a name already on the active roster or twice in the sheet
    is refused; a sheet whose every new row is on the roster was imported before, and is
    refused whole (``source`` names it)."""
    rows = settle_teams(rows, roster)
    found = match_rows(rows, roster) if update else None
    new = found.new if found else [r for r in rows if r.off_duty is None]
    twins = [] if found else duplicate_names(new, roster)
    if new and sum(e.key == "err.csv_on_roster" for e in twins) == len(new):
        raise BadInput("err.sheet_on_roster", count=len(new), path=source)
    changed = [u.updated() for u in found.changed] if found else []
    return ImportPlan(new, changed, found, found.errors if found else twins,
                      roster_after(roster, changed, new))


def roster_after(roster: Sequence[Volunteer], changed: Sequence[Volunteer],
                 new: Sequence[ImportRow]) -> list[Volunteer]:
    """The active roster once ``changed`` are saved and ``new`` added (erased records left
    out); the new people have no id yet (0)."""
    people = {v.id: v for v in roster if not v.purged}
    people.update({v.id: v for v in changed})
    return [v for v in people.values() if v.active] + [Volunteer(id=0, **r.fields)
                                                        for r in new]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def roster_cells(volunteers: Sequence[Volunteer], *, with_phones: bool = True,
                 indonesian: bool = False) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a roster export, in English or Indonesian (headers, yes/no and
    day names). Without phones the phone column is left out, so the sheet read back with
    ``--update`` keeps them."""
    columns = [c for c in EXPORT_COLUMNS if with_phones or c != "phone"]
    yes, no = ("ya", "tidak") if indonesian else ("yes", "no")
    days = dict(zip(DAY_KEYS, DAY_SHORT["id"] if indonesian else DAY_KEYS, strict=True))
    rows = []
    for v in volunteers:
        values = {"id": str(v.id), "name": v.name, "phone": display_phone(v.phone),
                  "address": v.address, "household": v.household, "team": v.team,
                  "leader": yes if v.leader else no,
                  "days": ",".join(days[d].lower() for d in v.days),
                  "max_per_week": "" if v.max_per_week is None else str(v.max_per_week),
                  "note": v.note}
        rows.append([values[c] for c in columns])
    return [INDONESIAN_HEADERS[c] if indonesian else c for c in columns], rows


def write_roster_csv(volunteers: Sequence[Volunteer], *, with_phones: bool = True,
                     excel: bool = False, lang: str = "en") -> str:
    """The roster as CSV text: UTF-8, comma and English headers; with ``excel``, what a
    spreadsheet in an Indonesian locale opens in columns (semicolon, a byte-order mark, and
    Indonesian headers, yes/no and day names when ``lang`` is Indonesian). Every export
    reads back to no change."""
    header, rows = roster_cells(volunteers, with_phones=with_phones,
                                indonesian=excel and lang == "id")
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel
                        else "\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
