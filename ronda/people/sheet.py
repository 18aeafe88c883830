"""A roster spreadsheet read as RTs keep it, whatever file it came in (CSV, .xlsx, .ods).

The header is found under a title row or a blank row; every column gets a role or is named as
not used (``headers``); each row becomes the volunteer fields it gives, a refusal naming its
row and column, or nothing (a template's numbered empty row). A column none of whose values
can be read is one refusal naming its rows. Residents who moved, died or are exempt are marked
off duty. Pure: rows of cells in, a ``SheetReading`` out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ronda.errors import BadInput
from ronda.people.cells import (
    Cell,
    cell_text,
    deceased_name,
    house_text,
    leader_word,
    off_duty_status,
    on_duty,
    phone_text,
    whole_number,
)
from ronda.people.headers import Column, header_score, map_columns
from ronda.people.volunteers import volunteer_fields

# An RT has tens to hundreds of residents: a sheet past these is a mistake (a whole district,
# a column of numbers pasted down), refused before it can fill the data file. A normal row takes
# well under 400 bytes, so every sheet of MAX_ROWS rows fits MAX_BYTES.
MAX_ROWS = 5000
MAX_BYTES = 2_000_000
HEADER_SEARCH = 20  # the header is among the first rows that hold anything
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIELDS = ("name", "phone", "address", "household", "team", "leader", "days", "max_per_week",
           "note", "prefer", "avoid")


def import_limits() -> dict[str, Any]:
    """The limits as messages name them: ``{"rows": 5000, "size": "2 MB"}``."""
    return {"rows": MAX_ROWS, "size": f"{MAX_BYTES // 1_000_000} MB"}


@dataclass(frozen=True)
class ImportRow:
    """A good row: its number, the volunteer fields it gives, the id it names, and why the
    resident stands no guard (``moved``, ``died``, ``empty``, ``inactive``, ``exempt``)."""

    line: int
    fields: dict[str, Any]
    id: int | None = None
    off_duty: str | None = None


@dataclass(frozen=True)
class RowError:
    """A row that cannot be imported, with the reason as a message key (``column``: the
    header of the cell at fault, when one is)."""

    line: int
    key: str
    args: dict[str, Any]
    column: str = ""


@dataclass(frozen=True)
class ColumnError:
    """A column none of whose values could be read: its header, the rows, one value and why."""

    column: str
    lines: tuple[int, ...]
    value: str
    key: str
    args: dict[str, Any]


@dataclass(frozen=True)
class Repair:
    """A cell a spreadsheet had changed, put back: the row, the column, what the file holds
    and what is stored."""

    line: int
    column: str
    before: str
    after: str


@dataclass
class SheetReading:
    """What a sheet gives: its columns, the rows of people, the refusals and the repairs."""

    header_line: int = 0
    columns: list[Column] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    column_errors: list[ColumnError] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    filled: set[int] = field(default_factory=set)  # numbers of the columns holding a value

    @property
    def on_duty(self) -> list[ImportRow]:
        return [r for r in self.rows if r.off_duty is None]

    @property
    def off_duty(self) -> list[ImportRow]:
        return [r for r in self.rows if r.off_duty is not None]

    def unused(self) -> list[Column]:
        """The columns ronda does not read: named ones, and unnamed ones holding values."""
        return [c for c in self.columns if c.role is None
                and (c.title or c.number in self.filled)]


def _strip_text_marker(value: str) -> str:
    """Undo our own export's formula guard (a leading apostrophe)."""
    return value[1:] if value.startswith("'") and value[1:2] in _FORMULA_START else value


def _blank(cells: Sequence[Cell]) -> bool:
    return not any(cell_text(c).strip() for c in cells)


def find_header(lines: Iterator[tuple[int, Sequence[Cell]]],
                by_hand: Mapping[str, str | None]
                ) -> tuple[int, list[str], list[tuple[int, Sequence[Cell]]]] | None:
    """The header row among the first rows that hold anything: the one naming most columns
    ronda reads, a name among them (a title ``WARGA`` above ``Nama | No. HP`` is no header),
    and the rows after it that were read to find it. None when the file holds nothing;
    ``_NoName`` when no row names a name."""
    looked: list[tuple[int, Sequence[Cell]]] = []
    best: tuple[int, int] = (0, -1)  # score, index in ``looked``
    for line, cells in lines:
        looked.append((line, cells))
        if _blank(cells):
            continue
        score = header_score([cell_text(c) for c in cells], by_hand)
        if score > best[0]:
            best = (score, len(looked) - 1)
        if sum(not _blank(c) for _, c in looked) >= HEADER_SEARCH:
            break
    if best[1] < 0:
        filled = [[cell_text(c) for c in cells] for _, cells in looked if not _blank(cells)]
        if filled:
            raise _NoName(max(filled, key=lambda t: sum(bool(c.strip()) for c in t)))
        return None
    line, cells = looked[best[1]]
    return line, [cell_text(c) for c in cells], looked[best[1] + 1:]


class _NoName(Exception):
    def __init__(self, cells: list[str]) -> None:
        self.cells = cells


def read_sheet(lines: Iterable[tuple[int, Sequence[Cell]]],
               by_hand: Mapping[str, str | None] | None = None, *,
               extra_cells_refused: bool = True) -> SheetReading:
    """Read a roster sheet given as ``(row number, cells)``; every bad row is reported, none
    is skipped. A header naming one column twice, or more than ``MAX_ROWS`` rows, is refused
    at once (the rows are counted before any row's cells are checked, and counting stops at
    the first past the limit). ``extra_cells_refused``: a cell right of the last header is a
    bad row (a CSV line split by an unquoted separator)."""
    by_hand = by_hand or {}
    stream = iter(lines)
    try:
        found = find_header(stream, by_hand)
    except _NoName as none:
        columns = ", ".join(c.strip() for c in none.cells if c.strip())
        return SheetReading(errors=[RowError(1, "err.csv_no_name_column", {"columns": columns})])
    if found is None:
        return SheetReading(errors=[RowError(1, "err.csv_no_header", {})])
    header_line, header, after = found
    stream = itertools.chain(after, stream)
    reading = SheetReading(header_line, map_columns(header, by_hand))
    failures: dict[int, list[tuple[int, str, BadInput]]] = {}
    values: dict[int, int] = {}
    people: list[tuple[int, Sequence[Cell]]] = []
    for line, cells in stream:
        if not _not_a_person(cells, reading.columns):
            people.append((line, cells))
            if len(people) > MAX_ROWS:  # refused before a phone is checked
                raise BadInput("err.csv_too_many_rows", **import_limits())
    for line, cells in people:
        extra = cells[len(reading.columns):]
        if extra and not _blank(extra):
            if extra_cells_refused:
                reading.errors.append(RowError(line, "err.csv_extra_cells", {}))
                continue
            reading.filled.add(len(reading.columns) + 1)
        _read_row(reading, line, cells, failures, values)
    _column_wide(reading, failures, values)
    return reading


def _not_a_person(cells: Sequence[Cell], columns: Sequence[Column]) -> bool:
    """A blank row, or a template's numbered empty row (only the row number filled)."""
    for column, cell in zip(columns, cells, strict=False):
        text = cell_text(cell).strip()
        if text and not (column.role == "row_number" and whole_number(text)):
            return False
    return _blank(cells[len(columns):])


def _read_row(reading: SheetReading, line: int, cells: Sequence[Cell],
              failures: dict[int, list[tuple[int, str, BadInput]]],
              values: dict[int, int]) -> None:
    """One row's fields, each cell read on its own so a refusal names its column. An empty
    cell clears its field (``--update``); an empty status or duty flag says nothing."""
    fields: dict[str, Any] = {}
    house: dict[str, str] = {}
    off: str | None = None
    pid: int | None = None
    faults: list[RowError] = []
    padded = [*cells, *[""] * (len(reading.columns) - len(cells))]
    for column, cell in zip(reading.columns, padded, strict=False):
        text = _strip_text_marker(cell) if isinstance(cell, str) else cell_text(cell)
        if text.strip():
            reading.filled.add(column.number)
            values[column.number] = values.get(column.number, 0) + 1
        if column.role in (None, "row_number"):
            continue
        try:
            reason, repaired = _read_cell(column.role, cell, text, fields, house)
            off = off or reason
            if column.role == "id":
                pid = _parse_id(text)
            if repaired:
                reading.repairs.append(Repair(line, column.title, text.strip(),
                                              house[column.role]))
        except BadInput as exc:
            failures.setdefault(column.number, []).append((line, text.strip(), exc))
            faults.append(RowError(line, exc.key, exc.args_, column.title))
    if "name" not in fields and not faults:
        faults.append(RowError(line, "err.empty", {"field": "name"}))
    if faults:
        reading.errors.extend(faults)
        return
    household = _house(house)
    if household is not None:
        fields.update(volunteer_fields(household=household))
    elif fields.get("address"):
        fields["household"] = " ".join(fields["address"].split())  # one address, one house
    if (name := deceased_name(fields["name"])) is not None:
        fields["name"], off = name, off or "died"
    reading.rows.append(ImportRow(line, fields, pid, off))


def _read_cell(role: str, cell: Cell, text: str, fields: dict[str, Any],
               house: dict[str, str]) -> tuple[str | None, bool]:
    """Read one cell into ``fields`` (or ``house``, its parts): what keeps the resident off
    the rota if the cell says so, and whether the cell was put back from a spreadsheet's
    change."""
    if role in ("household", "block", "house_number"):
        house[role], repaired = house_text(text if isinstance(cell, str) else cell)
        return None, repaired
    if role == "status":
        return (off_duty_status(text) if text.strip() else None), False
    if role == "duty":
        return ("exempt" if on_duty(text) is False else None), False
    if role in ("leader", "role"):
        given = bool(text.strip()) and leader_word(text, role=role == "role")
        fields["leader"] = fields.get("leader", False) or given
    elif role == "phone":
        fields.update(volunteer_fields(phone=phone_text(cell if text.strip() else "")))
    elif role in _FIELDS:
        fields.update(volunteer_fields(**{role: text}))
    return None, False


def _house(parts: dict[str, str]) -> str | None:
    """The house a row names: its house column, or ``Blok`` and number joined (``A-12``); a
    block without a number names no house (a block is many houses)."""
    if "household" in parts:
        return parts["household"]
    number = parts.get("house_number", "").strip()
    if not number:
        return "" if "block" in parts else None
    block = parts.get("block", "").strip()
    block = block[5:].strip() if block.lower().startswith("blok ") else block
    return f"{block}-{number}" if block else number


def _column_wide(reading: SheetReading, failures: dict[int, list[tuple[int, str, BadInput]]],
                 values: dict[int, int]) -> None:
    """A column none of whose values could be read (two or more) is one refusal naming its
    rows, in place of a refusal a row; every other bad row keeps its first refusal."""
    wide: set[str] = set()
    for number, failed in failures.items():
        if len(failed) < 2 or len(failed) != values.get(number):
            continue
        column = reading.columns[number - 1]
        line, value, exc = failed[0]
        wide.add(column.title)
        reading.column_errors.append(ColumnError(column.title, tuple(f[0] for f in failed),
                                                 value, exc.key, exc.args_))
    first: dict[int, RowError] = {}
    for error in reading.errors:
        if error.column not in wide:
            first.setdefault(error.line, error)
    reading.errors = list(first.values())


def _parse_id(text: str) -> int | None:
    raw = text.strip().lstrip("#")
    if not raw:
        return None
    if not raw.isdigit():
        raise BadInput("err.csv_bad_id", value=text.strip())
    return int(raw)


def line_ranges(lines: Sequence[int]) -> str:
    """``3–5, 9, 12–40``: row numbers as runs."""
    runs: list[list[int]] = []
    for n in sorted(lines):
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
