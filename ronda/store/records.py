"""What the data file's engine (``datafile``) and its tables (``tables/``) share: TinyDB over
records already read, a record as a TinyDB document, the check of one table's records, and
``Table``, the part of an open file every table's module builds on (its records, fresh ids).

TinyDB asks a storage only for ``read``, ``write`` and ``close``; tinydb itself is imported
when a command first changes or queries a table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ronda.errors import DataFileError
from ronda.model import Damage, SchemaError
from ronda.store.backups import remedy

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Document

# The tables of a year file of the incident book.
BOOK_TABLES = ("incidents", "reporters")


class SessionStorage:
    """TinyDB storage over the data already read; writes stay in memory until the end."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        pass

    def tinydb(self) -> TinyDB:
        """TinyDB over this storage."""
        from tinydb import TinyDB

        return TinyDB(storage=lambda: self)  # type: ignore[arg-type]


def broken(path: Path, detail: Damage | SchemaError) -> DataFileError:
    """The error of a file that does not read as a ronda file, with what to do about it."""
    return DataFileError("err.file_broken", path=str(path), detail=detail, advice=remedy(path))


def document(record: dict[str, Any], doc_id: int) -> Document:
    """A TinyDB document (a record with its id)."""
    from tinydb.table import Document

    return Document(record, doc_id=doc_id)


def check_table(data: dict[str, Any], table: str, read: Callable[[dict[str, Any]], Any],
                key: Callable[[Any], object] | None, problems: list[Damage]) -> None:
    """Add to ``problems`` each record of ``table`` that ``read`` refuses, or whose id is not
    the one ``key`` reads from it."""
    for doc_id, record in data.get(table, {}).items():
        try:
            item = read(record)
            if key is not None and str(key(item)) != doc_id:
                raise SchemaError("schema.id_key")
        except SchemaError as exc:
            problems.append(Damage(f"{table}/{doc_id}", exc))


class YearRecords:
    """One year of the incident book as read for a command (or new), as TinyDB tables."""

    def __init__(self, path: Path, year: int, on_disk: bool, data: dict[str, Any]) -> None:
        self.path = path
        self.year = year
        # a backup copies the file from disk (unchanged under the lock): a busy year's
        # bytes are not kept in memory for the whole command
        self.on_disk = on_disk
        self.storage = SessionStorage(data)

    @cached_property
    def db(self) -> TinyDB:
        return self.storage.tinydb()

    @property
    def data(self) -> dict[str, Any]:
        return self.storage.data

    def records(self, table: str) -> dict[str, Any]:
        return self.storage.data.get(table, {})


class Table:
    """The main file's records for the table modules: read directly, changed through TinyDB,
    fresh ids from the counters in ``_meta`` (never reused, across the year files too)."""

    path: Path
    _storage: SessionStorage
    _years: dict[int, YearRecords]

    @cached_property
    def db(self) -> TinyDB:
        """The main file as TinyDB tables (reading goes to the records directly)."""
        return self._storage.tinydb()

    def _records(self, table: str) -> Any:
        """The records of a table of the main file, as read (not to be changed)."""
        return self._storage.data.get(table, {}).values()

    def _meta(self) -> dict[str, Any]:
        return dict(self.db.table("_meta").get(doc_id=1) or {})

    def _next_id(self, table: str) -> int:
        return self._next_ids(table, 1)[0]

    def _next_ids(self, table: str, count: int) -> range:
        """``count`` fresh ids for ``table``, the counter read and written once."""
        meta = self._meta()
        counters = dict(meta.get("next_id", {}))
        if table in BOOK_TABLES:  # the counter says; the years read only confirm it
            existing = max((int(k) for y in self._years.values() for k in y.records(table)),
                           default=0)
        else:
            existing = max((int(k) for k in self._storage.data.get(table, {})), default=0)
        first = max(counters.get(table, 1), existing + 1)
        counters[table] = first + count
        meta["next_id"] = counters
        self.db.table("_meta").upsert(document(meta, doc_id=1))
        return range(first, first + count)

    def _insert_all(self, table: str, records: list[dict[str, Any]]) -> None:
        """Insert many records in one write, each with a fresh id."""
        if not records:
            return
        ids = self._next_ids(table, len(records))
        self.db.table(table, cache_size=0).insert_multiple(
            document(r, doc_id=i) for r, i in zip(records, ids, strict=True))
