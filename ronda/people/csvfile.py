"""Roster CSV files as spreadsheets make them: reading (all-or-nothing) and writing (safe cells).

Text in, text out: the command layer reads and writes the files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ronda.errors import BadInput
from ronda.model import Volunteer
from ronda.parsing import parse_bool
from ronda.people.volunteers import volunteer_fields
from ronda.phones import display_phone

# Column names a spreadsheet may use, English or Indonesian, to the volunteer field.
HEADERS: dict[str, str] = {
    "name": "name", "nama": "name", "nama lengkap": "name",
    "phone": "phone", "telepon": "phone", "telp": "phone", "no_hp": "phone", "no hp": "phone",
    "hp": "phone", "wa": "phone", "whatsapp": "phone", "nomor hp": "phone",
    "address": "address", "alamat": "address",
    "household": "household", "kk": "household", "rumah": "household", "no rumah": "household",
    "team": "team", "regu": "team", "kelompok": "team",
    "leader": "leader", "ketua": "leader", "ketua regu": "leader",
    "days": "days", "hari": "days",
    "max_per_week": "max_per_week", "max per week": "max_per_week",
    "maks_per_pekan": "max_per_week", "maks per pekan": "max_per_week",
    "note": "note", "catatan": "note", "keterangan": "note",
}
EXPORT_COLUMNS = ("name", "phone", "address", "household", "team", "leader", "days",
                  "max_per_week", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ImportRow:
    """A good CSV line: its number and the volunteer fields it gives."""

    line: int
    fields: dict[str, Any]


@dataclass(frozen=True)
class RowError:
    """A CSV line that cannot be imported, with the reason as a message key."""

    line: int
    key: str
    args: dict[str, Any]


def _normal_header(name: str) -> str:
    return " ".join(name.strip().lower().replace("_", " ").split())


def _sniff_delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _strip_text_marker(value: str) -> str:
    """Undo our own export's formula guard (a leading apostrophe)."""
    return value[1:] if value.startswith("'") and value[1:2] in _FORMULA_START else value


def read_roster_csv(text: str) -> tuple[list[ImportRow], list[RowError]]:
    """Parse a roster CSV into volunteer fields; every bad row is reported, none is skipped."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [RowError(1, "err.csv_no_header", {})]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(lines[0]))
    header = next(reader)
    columns: list[str | None] = []
    for name in header:
        normal = _normal_header(name)
        columns.append(HEADERS.get(normal) or HEADERS.get(normal.replace(" ", "_")))
    if "name" not in columns:
        return [], [RowError(1, "err.csv_no_name_column", {"columns": ", ".join(header)})]
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            errors.append(RowError(line, "err.csv_extra_cells", {}))
            continue
        raw = {col: _strip_text_marker(cell) for col, cell in zip(columns, cells, strict=False)
               if col}
        try:
            leader = parse_bool(raw.pop("leader", ""), "leader")
            fields = volunteer_fields(leader=leader, **{k: v for k, v in raw.items() if v.strip()
                                                        or k == "name"})
        except BadInput as exc:
            errors.append(RowError(line, exc.key, exc.args_))
            continue
        rows.append(ImportRow(line, fields))
    return rows, errors


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


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_roster_csv(volunteers: Sequence[Volunteer], *, with_phones: bool = True) -> str:
    """The roster as CSV text (UTF-8, comma, English headers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for v in volunteers:
        values = [v.name, display_phone(v.phone) if with_phones else "", v.address,
                  v.household, v.team, "yes" if v.leader else "", ",".join(v.days),
                  "" if v.max_per_week is None else str(v.max_per_week), v.note]
        writer.writerow([safe_cell(x) for x in values])
    return out.getvalue()
