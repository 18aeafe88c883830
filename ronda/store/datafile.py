"""The data file's engine: the only module that opens it.

A command opens the file once. Writers hold an inter-process lock for the whole command,
read the file, change it in memory through TinyDB, and write it back atomically at the end
(temporary file, fsync, rename). A command that fails part-way writes nothing, so bad input
leaves the file byte for byte as it was. Before changes to many records a backup goes to
``backups/`` beside the file.

The incident book (tables ``incidents`` and ``reporters``) lives beside the main file in one
TinyDB file per year of the incidents' local date (``rt005.json`` keeps
``rt005.incidents-2026.json``): a year file is read only when a command asks for incidents of
that year, and written only when it changed. The main file's lock covers its year files, and
its ``_meta`` keeps the id counters, so incident ids never repeat across years.

Here: reading (parse, schema version and migrations, checks), the lock, writing (backups,
atomic replace, the order of the files), and ``DataFile``, the open file. Each table's
records, how they map to ronda's types and what they must pass, are in ``tables/``; a file's
full check is in ``check``, restoring a backup in ``restore``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ronda import __version__
from ronda.errors import BadInput, DataFileError, system_reason
from ronda.model import Damage, SchemaError, Settings, Volunteer
from ronda.store.atomic import remove_leftovers, unwritable, write_atomically
from ronda.store.backups import (  # noqa: F401 - the storage API
    KEEP_BACKUPS,
    Backup,
    backup_dir,
    list_backups,
    make_backup,
    remedy,
)
from ronda.store.digests import checked_before, remember_checked
from ronda.store.modes import guard
from ronda.store.paths import (  # noqa: F401 - the storage API
    ENV_DB,
    default_path,
    parsed_before,
    peek_language,
    peek_timezone,
    resolve_path,
    year_path,
)
from ronda.store.records import BOOK_TABLES, SessionStorage, Table, YearRecords, broken
from ronda.store.tables.calendar import CalendarTable, check_calendar
from ronda.store.tables.cash import CashTable, check_cash
from ronda.store.tables.events import EventTable, check_events
from ronda.store.tables.holidays import HolidayTable, check_holidays
from ronda.store.tables.incidents import IncidentTable, check_book
from ronda.store.tables.letters import LetterTable, check_letters
from ronda.store.tables.plan_changes import PlanChangeTable, check_plan_changes
from ronda.store.tables.settings import SettingsTable, check_settings
from ronda.store.tables.shifts import ShiftTable, check_shifts
from ronda.store.tables.volunteers import VolunteerTable, check_volunteers
from ronda.store.years import (  # noqa: F401 - the storage API
    is_year_file,
    split_book,
    year_files,
    year_of_file,
)

if TYPE_CHECKING:
    from ronda.store.erasure import Scrubbed

SCHEMA_VERSION = 2
LOCK_TIMEOUT = 5.0
ENV_LOCK_TIMEOUT = "RONDA_LOCK_TIMEOUT"

# Marks data that was migrated on reading, so a writer saves it (after a backup).
_MIGRATED = "__migrated__"
# The incident book taken out of a main file by a migration, on its way to the year files.
_BOOK = "__book__"


def _move_book_out(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 to 2: the incident book leaves the main file; ``load`` checks it and
    ``DataFile`` puts each record into the file of its year (written by the next writer)."""
    book = {table: data.pop(table) for table in BOOK_TABLES if table in data}
    if book:
        data[_BOOK] = book
        meta = data.get("_meta", {}).get("1")
        counters = meta.get("next_id") if isinstance(meta, dict) else None
        if isinstance(counters, dict):  # the ids of the book stay taken once it has left
            for table, records in book.items():
                if not isinstance(records, dict):
                    continue
                top = max((int(k) for k in records if k.isdigit()), default=0)
                if isinstance(counters.get(table, 1), int) and counters.get(table, 1) <= top:
                    counters[table] = top + 1
    return data


# Migrations from schema N to N + 1: functions over the raw JSON data.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _move_book_out}


def _new_year(year: int) -> dict[str, Any]:
    return {"_meta": {"1": {"schema": SCHEMA_VERSION, "year": year}},
            "incidents": {}, "reporters": {}}


# ---------------------------------------------------------------- reading and checking

def first_problem(problems: list[Damage]) -> Damage:
    """The first problem, saying how many more there are."""
    return problems[0]._replace(more=len(problems) - 1)


def parse_file(path: Path, payload: bytes) -> dict[str, Any]:
    try:
        data = parsed_before(path, payload) or orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise broken(path, SchemaError("schema.not_json", line=exc.lineno,
                                       column=exc.colno)) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise broken(path, SchemaError("schema.not_ronda"))
    return data


def schema_of(data: dict[str, Any]) -> int:
    meta = data.get("_meta", {}).get("1")
    if not isinstance(meta, dict) or not isinstance(meta.get("schema"), int):
        return 0
    return meta["schema"]


def migrate(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise DataFileError("err.file_newer", path=str(path), found=version,
                            supported=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise broken(path, SchemaError("schema.cannot_migrate", version=version))
        data = step(data)
        version += 1
        data.setdefault("_meta", {}).setdefault("1", {})["schema"] = version
        data[_MIGRATED] = True
    return data


# the tables a main file holds, checked in this order (the first problem is the one told)
TABLE_CHECKS: tuple[Callable[[dict[str, Any], list[Damage]], None], ...] = (
    check_volunteers, check_shifts, check_holidays, check_plan_changes, check_events,
    check_cash, check_letters, check_calendar)


def check_records(data: dict[str, Any], *, full: bool = True) -> list[Damage]:
    """Every record that breaks the schema, described; empty when the file is sound.

    ``full=False`` trusts the records of content ``load`` has already checked in full (see
    ``_checked``): the settings and counters are read, the tables (tens of thousands of
    shifts and incidents in a busy book) only lightly."""
    problems: list[Damage] = []
    check_settings(data, problems)
    if full:
        for check in TABLE_CHECKS:
            check(data, problems)
    problems += check_book(data, None, full=full)  # a main file of schema 1 holds the book
    return problems


# ---------------------------------------------------------------- the open file

class DataFile(SettingsTable, VolunteerTable, ShiftTable, HolidayTable, PlanChangeTable,
               IncidentTable, CashTable, LetterTable, EventTable, CalendarTable, Table):
    """An open neighbourhood data file with typed access to its records (each table's part
    in ``tables/``); the incident book's year files are read when a method needs them, each
    at most once."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        book = data.pop(_BOOK, None)
        self._storage = SessionStorage(data)
        # a book migrated out of the main file, by year, until its year files are read
        self._pending = split_book(book) if book else {}
        self._years: dict[int, YearRecords] = {}
        self._on_disk: dict[int, Path] | None = None
        self.allocated = False  # whether new incident or reporter ids were handed out
        self.erased: list[Volunteer] = []  # people erased, as they were: from backups too
        self.scrubbed: Scrubbed | None = None  # the backups that held them, once written

    @property
    def changed(self) -> bool:
        """Whether the main file changed (see ``changed_years`` for the year files)."""
        return self._storage.dirty

    def changed_years(self) -> list[YearRecords]:
        """The year files this command changed (a migrated book's years included)."""
        for year in list(self._pending):
            self._year(year)
        return [y for _, y in sorted(self._years.items()) if y.storage.dirty]

    def years(self) -> list[int]:
        """The years the incident book holds (files beside the main file, or migrated)."""
        if self._on_disk is None:
            self._on_disk = year_files(self.path)
        return sorted(set(self._on_disk) | set(self._pending) | set(self._years))

    def _year(self, year: int, *, create: bool = False) -> YearRecords | None:
        """The year's file, read (and checked) the first time it is asked for; a year with
        no file is None, or new and empty with ``create``."""
        if year in self._years:
            return self._years[year]
        self.years()
        assert self._on_disk is not None
        disk = self._on_disk.get(year)
        if disk is None and year not in self._pending and not create:
            return None
        data = load_year(disk, year)[1] if disk is not None else _new_year(year)
        found = YearRecords(year_path(self.path, year), year, disk is not None, data)
        if year in self._pending:  # the main file's copy wins: it was the book until now
            for table, records in self._pending.pop(year).items():
                found.data.setdefault(table, {}).update(records)
            found.storage.dirty = True
        self._years[year] = found
        return found

    def _book_years(self, first: int | None = None, last: int | None = None
                    ) -> list[YearRecords]:
        chosen = [y for y in self.years() if (first is None or y >= first)
                  and (last is None or y <= last)]
        return [f for f in (self._year(y) for y in chosen) if f is not None]

    @property
    def schema(self) -> int:
        return schema_of(self._storage.data)

    @property
    def created(self) -> str | None:
        """When the file was first made (ISO), which tells its backups from those of a file
        it replaced."""
        meta = self._storage.data.get("_meta", {}).get("1")
        created = meta.get("created") if isinstance(meta, dict) else None
        return created if isinstance(created, str) else None

    def payload(self) -> bytes:
        return orjson.dumps(self._storage.data)

    def erase_person(self, v: Volunteer) -> list[int]:
        """Erase a volunteer wherever ronda wrote them: their record, reports they made
        (every year), stand-in notes that name them, and, when the command's changes are
        written, every backup (see ``scrubbed``); returns the incidents whose free text still
        holds the name, for the coordinator to look at."""
        from ronda.store.erasure import erase_records, name_pattern

        if erase_records(self._storage.data, v.id, [v.name]):
            self._storage.dirty, self._volunteers = True, None
        for book in self._book_years():
            if erase_records(book.data, v.id, [v.name]):
                book.storage.dirty = True
        self.erased.append(v)
        named = name_pattern([v.name])
        return self.mentions(named) if named else []

    def counts(self) -> dict[str, int]:
        """Records per table, the incident book's summed over its year files (all read)."""
        found = {name: len(table) for name, table in self._storage.data.items()
                 if not name.startswith("_")}
        books = self._book_years()
        if books:
            for table in BOOK_TABLES:
                found[table] = found.get(table, 0) + sum(len(b.records(table)) for b in books)
        return dict(sorted(found.items()))


@contextmanager
def locked(path: Path, timeout: float | None) -> Iterator[None]:
    """Hold the data file's inter-process lock; a lock that cannot be had in time, or cannot
    be made at all (a read-only folder), is a ``DataFileError``."""
    from ronda.store.lock import LockTimeout, hold

    if timeout is None:
        raw = os.environ.get(ENV_LOCK_TIMEOUT, str(LOCK_TIMEOUT))
        try:
            timeout = float(raw)
        except ValueError:
            raise BadInput("err.bad_env", name=ENV_LOCK_TIMEOUT, value=raw[:40]) from None
        if not 0 <= timeout <= 3600:
            raise BadInput("err.bad_env", name=ENV_LOCK_TIMEOUT, value=raw[:40])
    lock = hold(str(path) + ".lock", timeout)
    try:
        lock.__enter__()
    except LockTimeout:
        raise DataFileError("err.file_locked", path=str(path)) from None
    except OSError as exc:
        if not path.parent.is_dir():  # no folder, so no data file: say that, not the lock
            raise DataFileError("err.no_data_file", path=str(path)) from None
        raise unwritable(str(path) + ".lock", exc) from None
    try:
        remove_leftovers(path)  # no writer can be at work now: what one left is stale
        yield
    finally:
        lock.__exit__(None, None, None)


def _read(path: Path) -> bytes:
    """The bytes of a file of the data file's family (made private again if others could
    read it: see ``modes``)."""
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError("err.no_data_file", path=str(path)) from None
    except OSError as exc:
        raise DataFileError("err.file_unreadable", path=str(path),
                            detail=system_reason(exc)) from None
    guard(path)
    return payload


def full_check(path: Path, data: dict[str, Any]) -> None:
    """Read every record in full, whatever was checked before (``ronda db check``)."""
    problems = check_records(data)
    if problems:
        raise broken(path, first_problem(problems))


def load(path: Path) -> tuple[bytes, dict[str, Any]]:
    """The file's bytes and its data, migrated and checked; raises ``DataFileError``.
    The incident book's year files are read later, by ``DataFile``, when asked for."""
    payload = _read(path)
    data = migrate(path, parse_file(path, payload))
    trusted = checked_before(path, payload)
    problems = check_records(data, full=not trusted)
    if _BOOK in data:  # leaving the file by a migration: checked in full, once
        problems += check_book(data[_BOOK], None)
    if problems:
        raise broken(path, first_problem(problems))
    if not trusted:
        remember_checked(path, payload)
    return payload, data


def year_broken(path: Path, detail: Damage | SchemaError) -> DataFileError:
    """The error of a damaged year file (or a backup of one), with what to do about it."""
    return DataFileError("err.file_broken", path=str(path), detail=detail,
                         advice=remedy(path, year_of_file(path)))


def load_year(path: Path, year: int, *, full: bool = False) -> tuple[bytes, dict[str, Any]]:
    """A year file's bytes and its data, checked (in full when ``full`` or when this content
    was not checked before); a year file of a newer schema is refused."""
    payload = _read(path)
    try:
        data = parse_file(path, payload)
    except DataFileError as exc:
        raise year_broken(path, exc.args_["detail"]) from None
    if schema_of(data) > SCHEMA_VERSION:
        raise DataFileError("err.file_newer", path=str(path), found=schema_of(data),
                            supported=SCHEMA_VERSION)
    trusted = not full and checked_before(path, payload)
    problems = [] if trusted else check_book(data, year)  # this content passed in full
    if problems:
        raise year_broken(path, first_problem(problems))
    if not trusted:
        remember_checked(path, payload)
    return payload, data


def new_data(settings: Settings) -> dict[str, Any]:
    """The records of a new neighbourhood file."""
    return {
        "_meta": {"1": {"schema": SCHEMA_VERSION, "created": datetime.now().isoformat(
            timespec="seconds"), "app": f"ronda {__version__}", "next_id": {}}},
        "settings": {"1": settings.to_dict()},
        "volunteers": {},
    }


@contextmanager
def open_data(path: Path, *, write: bool = False, backup: bool = False,
              lock_timeout: float | None = None) -> Iterator[DataFile]:
    """Open the data file for one command.

    Readers need no lock: files are only ever replaced whole. Writers lock for the whole
    command and write once at the end, only if something changed and no error was raised.
    """
    if not write:
        _, data = load(path)
        data.pop(_MIGRATED, None)
        yield DataFile(path, data)
        return
    with locked(path, lock_timeout):  # the main file's lock covers its year files too
        payload, data = load(path)
        migrated = data.pop(_MIGRATED, False)
        handle = DataFile(path, data)
        yield handle
        _save(handle, payload if (backup or migrated) else None,
              main=handle.changed or migrated)


def _save(handle: DataFile, before: bytes | None, *, main: bool) -> None:
    """Write what changed, each file atomically: the main file when ``main``, and each
    year file the command changed; with ``before`` (the main file as read) every file
    about to change is backed up first.

    The order keeps a crash between two renames harmless:

    - a command that handed out new ids (``incident log``) writes the main file, holding the
      raised counters, first: a crash before the year file is in place leaves the counter
      past an id no file holds, a gap, never an id given twice. (The year file first would
      leave an incident whose id the counter hands out again, perhaps in another year.)
    - any other change (update, void, erasure, a migration) writes the year files first: a
      crash before the main file leaves it as it was, so a migration is done again on the
      next read (the main file's copy of each record overlays the year file by id, nothing
      doubles) and an erasure is done again by running the command again (the volunteer is
      still on the roster).
    - an erasure rewrites the backups that hold the person (its own new ones included)
      before either file, for the same reason.

    No command both hands out ids and changes other years, so one order per command is
    enough."""
    years = handle.changed_years()
    if before is not None:
        if main:
            make_backup(handle.path, before)
        for book in years:
            if book.on_disk:
                make_backup(book.path, book.path.read_bytes())
    if handle.erased:
        from ronda.store.erasure import scrub_backups

        handle.scrubbed = scrub_backups(handle.path, handle.erased, handle.created)

    def write_main() -> None:
        written = handle.payload()
        write_atomically(handle.path, written)
        remember_checked(handle.path, written)

    if main and handle.allocated:
        write_main()
    for book in years:
        written = orjson.dumps(book.data)
        write_atomically(book.path, written)
        remember_checked(book.path, written)
    if main and not handle.allocated:
        write_main()


@contextmanager
def create_data(path: Path, settings: Settings, *, replace: bool = False,
                lock_timeout: float | None = None) -> Iterator[DataFile]:
    """Create a new data file (0600) for a neighbourhood; an existing one is backed up first
    when ``replace`` is set and refused otherwise."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(str(path.parent), exc) from None
    with locked(path, lock_timeout):
        books = year_files(path)
        if path.exists() or books:  # a new book never adopts an older one's year files
            if not replace:
                raise DataFileError("err.file_exists", path=str(
                    path if path.exists() else next(iter(books.values()))))
            if path.exists():
                make_backup(path, path.read_bytes())
            for book in books.values():
                make_backup(book, book.read_bytes())
                try:
                    book.unlink()
                except OSError as exc:
                    raise unwritable(str(book), exc) from None
        handle = DataFile(path, new_data(settings))
        yield handle
        _save(handle, None, main=True)


