"""``ronda db check``: a data file and its year files read and checked in full (every record,
not only those changed since the last check), and the references between them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ronda.errors import DataFileError
from ronda.store.backups import remedy
from ronda.store.datafile import DataFile, full_check, load, load_year, schema_of
from ronda.store.years import year_files, year_of_file


class FileCheck(NamedTuple):
    """What ``ronda db check`` reports of a data file that reads and fits the schema."""

    path: Path
    schema: int
    size: int
    mode: int
    records: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": True, "schema": self.schema, "bytes": self.size,
                "mode": f"{self.mode:o}", "records": self.records}


def _check_references(path: Path, data: dict[str, Any],
                      books: dict[Path, dict[str, Any]]) -> None:
    """Raise ``DataFileError`` for the first file (the main file, then each year) whose
    records name a volunteer or an incident that does not exist."""
    from ronda.store.references import dangling

    people = {int(k) for k in data.get("volunteers", {})}
    incidents = {int(k) for book in [data, *books.values()] for k in book.get("incidents", {})}
    for file, records in [(path, data), *books.items()]:
        found = dangling(records, people, incidents)
        if found:
            raise DataFileError("err.dangling", path=str(file),
                                found=", ".join(found[:3]) + (f" (+{len(found) - 3})"
                                                              if len(found) > 3 else ""),
                                advice=remedy(file, year_of_file(file) if file != path else None))


def check_file(path: Path) -> FileCheck:
    """Read the file and its year files and check every record (not only the ones changed
    since the last check) and the references between them; raises ``DataFileError`` naming
    the first problem."""
    payload, data = load(path)
    full_check(path, data)
    books = {file: load_year(file, year, full=True)[1] for year, file in year_files(path).items()}
    _check_references(path, data, books)
    counts = DataFile(path, data).counts()
    return FileCheck(path, schema_of(data), len(payload), path.stat().st_mode & 0o777, counts)
