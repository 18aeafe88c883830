"""Roster CSV files as spreadsheets make them: reading (all-or-nothing), matching an updated
sheet to the roster, and writing (safe cells; the Excel flavour for Indonesian locales).

Text in, text out: the command layer reads and writes the files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ronda.dates import DAY_KEYS, DAY_SHORT
from ronda.errors import BadInput
from ronda.model import Volunteer
from ronda.parsing import parse_bool
from ronda.people.volunteers import settle_team, volunteer_fields
from ronda.phones import display_phone

# Column names a spreadsheet may use, English or Indonesian, to the volunteer field.
HEADERS: dict[str, str] = {
    "id": "id", "no id": "id",
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
EXPORT_COLUMNS = ("id", "name", "phone", "address", "household", "team", "leader", "days",
                  "max_per_week", "note")
# the headers of the Excel flavour in Indonesian (each is read back by ``HEADERS``)
INDONESIAN_HEADERS = {"id": "id", "name": "nama", "phone": "no_hp", "address": "alamat",
                      "household": "rumah", "team": "regu", "leader": "ketua", "days": "hari",
                      "max_per_week": "maks_per_pekan", "note": "catatan"}
FIELDS = EXPORT_COLUMNS[1:]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# An RT has tens to hundreds of residents: a sheet past these is a mistake (a whole district,
# a column of numbers pasted down), refused before it can fill the data file. A normal row takes
# well under 400 bytes, so every sheet of MAX_ROWS rows fits MAX_BYTES.
MAX_ROWS = 5000
MAX_BYTES = 2_000_000


def import_limits() -> dict[str, Any]:
    """The limits as messages name them: ``{"rows": 5000, "size": "2 MB"}``."""
    return {"rows": MAX_ROWS, "size": f"{MAX_BYTES // 1_000_000} MB"}


@dataclass(frozen=True)
class ImportRow:
    """A good CSV line: its number and the volunteer fields it gives."""

    line: int
    fields: dict[str, Any]
    id: int | None = None


@dataclass(frozen=True)
class RowError:
    """A CSV line that cannot be imported, with the reason as a message key."""

    line: int
    key: str
    args: dict[str, Any]


def _normal_header(name: str) -> str:
    """A header as it is matched: case, underscores, dots and spaces aside (``No. HP``,
    ``no_hp`` and ``NO HP`` are one)."""
    return " ".join(name.lower().replace("_", " ").replace(".", " ").split())


def _columns(header: Sequence[str]) -> list[str | None]:
    """The volunteer field of each header cell (None: a column ronda does not read). Two
    cells that are one column (``nama,nama``, or ``nama,name``) are refused, naming both."""
    columns: list[str | None] = []
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        normal = _normal_header(name)
        field = HEADERS.get(normal) or HEADERS.get(normal.replace(" ", "_"))
        key = field or normal
        if key and key in seen:
            first = seen[key]
            if header[first - 1].strip().casefold() == name.strip().casefold():
                raise BadInput("err.csv_column_twice", column=name.strip(), first=first,
                               second=number)
            raise BadInput("err.csv_same_column", column=header[first - 1].strip(),
                           other=name.strip(), first=first, second=number)
        seen[key] = number
        columns.append(field)
    return columns


def _sniff_delimiter(first_line: str) -> str:
    """Tab, semicolon (Excel in an Indonesian locale) or comma: whichever the header uses."""
    return max(("\t", ";", ","), key=lambda c: (first_line.count(c), c == ","))


def _strip_text_marker(value: str) -> str:
    """Undo our own export's formula guard (a leading apostrophe)."""
    return value[1:] if value.startswith("'") and value[1:2] in _FORMULA_START else value


def read_roster_csv(text: str) -> tuple[list[ImportRow], list[RowError]]:
    """Parse a roster CSV into volunteer fields; every bad row is reported, none is skipped.
    A header naming one column twice, or more than ``MAX_ROWS`` rows, is refused at once (the
    rows are counted as they are read)."""
    text = text.lstrip("\ufeff")
    first_line = re.split(r"[\r\n]", text, maxsplit=1)[0]
    if not first_line.strip():
        return [], [RowError(1, "err.csv_no_header", {})]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    header = next(reader)
    columns = _columns(header)
    if "name" not in columns:
        return [], [RowError(1, "err.csv_no_name_column", {"columns": ", ".join(header)})]
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    count = 0
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise BadInput("err.csv_too_many_rows", **import_limits())
        if len(cells) > len(columns):
            errors.append(RowError(line, "err.csv_extra_cells", {}))
            continue
        raw = {col: _strip_text_marker(cell) for col, cell in zip(columns, cells, strict=False)
               if col}
        if "household" not in columns and raw.get("address", "").strip():
            raw["household"] = raw["address"]  # one address, one house
        try:
            pid = _parse_id(raw.pop("id", ""))
            leader = parse_bool(raw.pop("leader"), "leader") if "leader" in raw else None
            fields = volunteer_fields(leader=leader, **raw)
        except BadInput as exc:
            errors.append(RowError(line, exc.key, exc.args_))
            continue
        rows.append(ImportRow(line, fields, pid))
    return rows, errors


def settle_teams(rows: Sequence[ImportRow], roster: Sequence[Volunteer]) -> list[ImportRow]:
    """The rows with each team written as the roster (or an earlier row) writes it."""
    seen = list(roster)
    out = []
    for row in rows:
        fields = settle_team(row.fields, seen)
        if fields.get("team"):
            seen.append(Volunteer(id=0, name="", team=fields["team"]))
        out.append(ImportRow(row.line, fields, row.id))
    return out


def _parse_id(text: str) -> int | None:
    raw = text.strip().lstrip("#")
    if not raw:
        return None
    if not raw.isdigit():
        raise BadInput("err.csv_bad_id", value=text.strip())
    return int(raw)


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
    new people, and the rows that cannot be applied."""

    matched: list[RowUpdate]
    new: list[ImportRow]
    errors: list[RowError]

    @property
    def changed(self) -> list[RowUpdate]:
        return [u for u in self.matched if u.changes]


def match_rows(rows: Sequence[ImportRow], roster: Sequence[Volunteer]) -> SheetUpdate:
    """Match each row to a volunteer: by the id column, else the phone, else the exact name
    (case aside); a row that matches nobody is someone new. A volunteer matched by two rows
    and an id nobody has are errors."""
    people = [v for v in roster if not v.purged]
    by_id = {v.id: v for v in people}
    by_phone = {v.phone: v for v in people if v.phone}
    by_name = {v.name.casefold(): v for v in people}
    matched: list[RowUpdate] = []
    new: list[ImportRow] = []
    errors: list[RowError] = []
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
            new.append(row)
            continue
        if v.id in seen:
            errors.append(RowError(row.line, "err.csv_same_person",
                                   {"who": f"#{v.id} {v.name}", "line": seen[v.id]}))
            continue
        seen[v.id] = row.line
        changes = {k: (getattr(v, k), value) for k, value in row.fields.items()
                   if getattr(v, k) != value}
        matched.append(RowUpdate(row.line, v, changes))
    errors += duplicate_names(new, [])
    return SheetUpdate(matched, new, errors)


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


def write_roster_csv(volunteers: Sequence[Volunteer], *, with_phones: bool = True,
                     excel: bool = False, lang: str = "en") -> str:
    """The roster as CSV text: UTF-8, comma and English headers; with ``excel``, what a
    spreadsheet in an Indonesian locale opens in columns (semicolon, a byte-order mark, and
    Indonesian headers, yes/no and day names when ``lang`` is Indonesian). Without phones the
    phone column is left out, so the sheet read back with ``--update`` keeps them. Every
    export reads back to no change."""
    indonesian = excel and lang == "id"
    columns = [c for c in EXPORT_COLUMNS if with_phones or c != "phone"]
    yes, no = ("ya", "tidak") if indonesian else ("yes", "no")
    days = dict(zip(DAY_KEYS, DAY_SHORT["id"] if indonesian else DAY_KEYS, strict=True))
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel
                        else "\n")
    writer.writerow([INDONESIAN_HEADERS[c] if indonesian else c for c in columns])
    for v in volunteers:
        values = {"id": str(v.id), "name": v.name, "phone": display_phone(v.phone),
                  "address": v.address, "household": v.household, "team": v.team,
                  "leader": yes if v.leader else no,
                  "days": ",".join(days[d].lower() for d in v.days),
                  "max_per_week": "" if v.max_per_week is None else str(v.max_per_week),
                  "note": v.note}
        writer.writerow([safe_cell(values[c]) for c in columns])
    return out.getvalue()
