"""The data file: the only module that opens it.

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
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from ronda import __version__
from ronda.errors import BadInput, DataFileError, system_reason
from ronda.model import Damage, SchemaError, Settings, Volunteer
from ronda.schedule.shifts import Holiday, PlanChange, Shift
from ronda.store.atomic import remove_leftovers, unwritable, write_atomically, write_quietly
from ronda.store.backups import (  # noqa: F401 - the storage API
    KEEP_BACKUPS,
    Backup,
    backup_dir,
    list_backups,
    make_backup,
    remedy,
)
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

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Document

    from ronda.calendars.registry import CalendarRecord
    from ronda.cash.book import CashEntry
    from ronda.incidents.book import Incident, Reporter
    from ronda.neighbourhood.events import CommunityEvent
    from ronda.neighbourhood.letters import Letter
    from ronda.schedule.edits import Edit
    from ronda.schedule.planning import PlannedPeriod
    from ronda.store.erasure import Scrubbed

SCHEMA_VERSION = 2
LOCK_TIMEOUT = 5.0
ENV_LOCK_TIMEOUT = "RONDA_LOCK_TIMEOUT"

# Marks data that was migrated on reading, so a writer saves it (after a backup).
_MIGRATED = "__migrated__"
# The incident book taken out of a main file by a migration, on its way to the year files.
_BOOK = "__book__"
# The tables of a year file.
BOOK_TABLES = ("incidents", "reporters")


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


class _SessionStorage:
    """TinyDB storage over the data already read; writes stay in memory until the end.
    (TinyDB asks a storage only for ``read``, ``write`` and ``close``: tinydb itself is
    imported when a command first changes or queries a table.)"""

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


def _document(record: dict[str, Any], doc_id: int) -> Document:
    """A TinyDB document (a record with its id)."""
    from tinydb.table import Document

    return Document(record, doc_id=doc_id)


# ---------------------------------------------------------------- the incident book's year files

_YEAR_NAME = re.compile(r"\.incidents-(?P<year>\d{4})\.json")


def year_files(path: Path) -> dict[int, Path]:
    """The year files of the main file ``path`` that exist, by year (oldest first)."""
    import glob

    found: dict[int, Path] = {}
    for p in path.parent.glob(f"{glob.escape(path.stem)}.incidents-*.json"):
        m = _YEAR_NAME.fullmatch(p.name[len(path.stem):])
        if m is not None and p.is_file():
            found[int(m["year"])] = p
    return dict(sorted(found.items()))


def is_year_file(path: Path) -> bool:
    """Whether ``path`` is the year file of some main file (not a neighbourhood's own file)."""
    return re.search(r"\.incidents-\d{4}\.json$", path.name) is not None


def _year_of(record: dict[str, Any]) -> int:
    """The year of a (checked) incident record: that of its local date."""
    return int(record["occurred_at"][:4])


def _new_year(year: int) -> dict[str, Any]:
    return {"_meta": {"1": {"schema": SCHEMA_VERSION, "year": year}},
            "incidents": {}, "reporters": {}}


def _split_book(book: dict[str, dict[str, Any]]) -> dict[int, dict[str, dict[str, Any]]]:
    """A migrated (and checked) incident book, by year; a reporter goes with its incident,
    one whose incident is gone with the newest year, so nothing is dropped."""
    years: dict[int, dict[str, dict[str, Any]]] = {}
    incidents = book.get("incidents", {})
    for key, record in incidents.items():
        years.setdefault(_year_of(record), {t: {} for t in BOOK_TABLES})["incidents"][key] = record
    newest = max(years, default=date.today().year)
    for key, record in book.get("reporters", {}).items():
        own = incidents.get(str(record["incident"]))
        year = _year_of(own) if own is not None else newest
        years.setdefault(year, {t: {} for t in BOOK_TABLES})["reporters"][key] = record
    return years


# ---------------------------------------------------------------- reading and checking

def _broken(path: Path, detail: Damage | SchemaError) -> DataFileError:
    return DataFileError("err.file_broken", path=str(path), detail=detail, advice=remedy(path))


def _first(problems: list[Damage]) -> Damage:
    """The first problem, saying how many more there are."""
    return problems[0]._replace(more=len(problems) - 1)


def _parse(path: Path, payload: bytes) -> dict[str, Any]:
    try:
        data = parsed_before(path, payload) or orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise _broken(path, SchemaError("schema.not_json", line=exc.lineno,
                                        column=exc.colno)) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise _broken(path, SchemaError("schema.not_ronda"))
    return data


def schema_of(data: dict[str, Any]) -> int:
    meta = data.get("_meta", {}).get("1")
    if not isinstance(meta, dict) or not isinstance(meta.get("schema"), int):
        return 0
    return meta["schema"]


def _migrate(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise DataFileError("err.file_newer", path=str(path), found=version,
                            supported=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise _broken(path, SchemaError("schema.cannot_migrate", version=version))
        data = step(data)
        version += 1
        data.setdefault("_meta", {}).setdefault("1", {})["schema"] = version
        data[_MIGRATED] = True
    return data


def _check_table(data: dict[str, Any], table: str, read: Callable[[dict[str, Any]], Any],
                 key: Callable[[Any], object] | None, problems: list[Damage]) -> None:
    records = data.get(table, {})
    for doc_id, record in records.items():
        try:
            item = read(record)
            if key is not None and str(key(item)) != doc_id:
                raise SchemaError("schema.id_key")
        except SchemaError as exc:
            problems.append(Damage(f"{table}/{doc_id}", exc))


def check_records(data: dict[str, Any], *, full: bool = True) -> list[Damage]:
    """Every record that breaks the schema, described; empty when the file is sound.

    ``full=False`` trusts the records of content ``load`` has already checked in full (see
    ``_checked``): the settings and counters are read, the tables (tens of thousands of
    shifts and incidents in a busy book) only lightly."""
    problems: list[Damage] = []
    settings = data.get("settings", {}).get("1")
    if settings is None:
        problems.append(Damage("settings", SchemaError("schema.missing")))
    else:
        try:
            Settings.from_dict(settings)
        except SchemaError as exc:
            problems.append(Damage("settings", exc))
    meta = data.get("_meta", {}).get("1", {})
    counters = meta.get("next_id", {}) if isinstance(meta, dict) else None
    if not isinstance(counters, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in counters.values()):
        problems.append(Damage("_meta", SchemaError("schema.field_malformed", field="next_id")))
    if full:
        from ronda.cash.book import CashEntry  # models of tables a command may never read
        from ronda.neighbourhood.events import CommunityEvent
        from ronda.neighbourhood.letters import Letter

        _check_table(data, "volunteers", Volunteer.from_dict, lambda v: v.id, problems)
        _check_table(data, "shifts", Shift.from_dict, None, problems)
        _check_table(data, "holidays", Holiday.from_dict, None, problems)
        _check_table(data, "plan_changes", PlanChange.from_dict, None, problems)
        _check_table(data, "events", CommunityEvent.from_dict, lambda e: e.id, problems)
        _check_table(data, "cash", CashEntry.from_dict, lambda e: e.id, problems)
        _check_table(data, "letters", Letter.from_dict, lambda e: e.id, problems)
        _check_calendar_record(data, problems)
    problems += check_book(data, None, full=full)  # a main file of schema 1 holds the book
    return problems


def _check_calendar_record(data: dict[str, Any], problems: list[Damage]) -> None:
    from ronda.calendars.registry import CalendarRecord

    if "1" in data.get("calendar", {}):
        try:
            CalendarRecord.from_dict(data["calendar"]["1"])
        except SchemaError as exc:
            problems.append(Damage("calendar", exc))


def check_book(data: dict[str, Any], year: int | None, *, full: bool = True) -> list[Damage]:
    """Every incident and reporter record of ``data`` (a year file, or a book on its way
    out of a main file) that breaks the schema, described; ``year``: the file's year, which
    each incident's local date must be in.

    ``full=False`` reads the records only lightly: ``load`` does that for content it has
    already checked in full (see ``_checked``)."""
    problems: list[Damage] = []
    if full:
        from ronda.incidents.book import Incident, Reporter

        _check_table(data, "incidents", Incident.from_dict, lambda i: i.id, problems)
        _check_table(data, "reporters", Reporter.from_dict, None, problems)
    else:
        for table, field in (("incidents", "occurred_at"), ("reporters", "incident")):
            for doc_id, record in data.get(table, {}).items():
                if not isinstance(record, dict) or field not in record:
                    problems.append(Damage(f"{table}/{doc_id}",
                                           SchemaError("schema.not_of_table", table=table)))
    if year is not None and not problems:
        stamp = f"{year:04d}"
        problems += [Damage(f"incidents/{doc_id}", SchemaError("schema.not_of_year", year=stamp))
                     for doc_id, record in data.get("incidents", {}).items()
                     if not str(record.get("occurred_at", "")).startswith(stamp)]
    return problems


def _checked(path: Path) -> Path:
    """Where the digest of the content last checked in full is kept, beside the file."""
    return path.parent / f".{path.name}.checked"


def _digest(payload: bytes) -> str:
    try:  # the module hashlib takes BLAKE2 from; hashlib itself loads OpenSSL (3 ms a run)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter without it
        from hashlib import blake2b
    # the version too: a newer ronda checks once what an older one passed
    digest = blake2b(__version__.encode(), digest_size=16)
    digest.update(payload)
    return digest.hexdigest()


def _remember_checked(path: Path, payload: bytes) -> None:
    """Note that this content is sound, so the next command need not read every incident
    again; a file changed by anything but ronda is checked in full."""
    with suppress(OSError):
        write_quietly(_checked(path), _digest(payload).encode())


# ---------------------------------------------------------------- the open file

class _YearFile:
    """One year of the incident book, read for this command (or new), as TinyDB tables."""

    def __init__(self, path: Path, year: int, on_disk: bool, data: dict[str, Any]) -> None:
        self.path = path
        self.year = year
        # a backup copies the file from disk (unchanged under the lock): a busy year's
        # bytes are not kept in memory for the whole command
        self.on_disk = on_disk
        self.storage = _SessionStorage(data)

    @cached_property
    def db(self) -> TinyDB:
        return self.storage.tinydb()

    @property
    def data(self) -> dict[str, Any]:
        return self.storage.data

    def records(self, table: str) -> dict[str, Any]:
        return self.storage.data.get(table, {})


class DataFile:
    """An open neighbourhood data file with typed access to its records; the incident
    book's year files are read when a method needs them, each at most once."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        book = data.pop(_BOOK, None)
        self._storage = _SessionStorage(data)
        self._settings: Settings | None = None
        self._volunteers: list[Volunteer] | None = None
        # a book migrated out of the main file, by year, until its year files are read
        self._pending = _split_book(book) if book else {}
        self._years: dict[int, _YearFile] = {}
        self._on_disk: dict[int, Path] | None = None
        self.allocated = False  # whether new incident or reporter ids were handed out
        self.erased: list[Volunteer] = []  # people erased, as they were: from backups too
        self.scrubbed: Scrubbed | None = None  # the backups that held them, once written

    @cached_property
    def db(self) -> TinyDB:
        """The main file as TinyDB tables (reading goes to the records directly)."""
        return self._storage.tinydb()

    def _records(self, table: str) -> Any:
        """The records of a table of the main file, as read (not to be changed)."""
        return self._storage.data.get(table, {}).values()

    @property
    def changed(self) -> bool:
        """Whether the main file changed (see ``changed_years`` for the year files)."""
        return self._storage.dirty

    def changed_years(self) -> list[_YearFile]:
        """The year files this command changed (a migrated book's years included)."""
        for year in list(self._pending):
            self._year(year)
        return [y for _, y in sorted(self._years.items()) if y.storage.dirty]

    def years(self) -> list[int]:
        """The years the incident book holds (files beside the main file, or migrated)."""
        if self._on_disk is None:
            self._on_disk = year_files(self.path)
        return sorted(set(self._on_disk) | set(self._pending) | set(self._years))

    def _year(self, year: int, *, create: bool = False) -> _YearFile | None:
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
        found = _YearFile(year_path(self.path, year), year, disk is not None, data)
        if year in self._pending:  # the main file's copy wins: it was the book until now
            for table, records in self._pending.pop(year).items():
                found.data.setdefault(table, {}).update(records)
            found.storage.dirty = True
        self._years[year] = found
        return found

    def _book_years(self, first: int | None = None, last: int | None = None
                    ) -> list[_YearFile]:
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

    # meta
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
        self.db.table("_meta").upsert(_document(meta, doc_id=1))
        return range(first, first + count)

    def _insert_all(self, table: str, records: list[dict[str, Any]]) -> None:
        """Insert many records in one write, each with a fresh id."""
        if not records:
            return
        ids = self._next_ids(table, len(records))
        self.db.table(table, cache_size=0).insert_multiple(
            _document(r, doc_id=i) for r, i in zip(records, ids, strict=True))

    # settings
    def settings(self) -> Settings:
        if self._settings is None:
            record = self._storage.data.get("settings", {}).get("1")
            if record is None:
                raise _broken(self.path, SchemaError("schema.missing_settings"))
            self._settings = Settings.from_dict(dict(record))
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.db.table("settings").upsert(_document(settings.to_dict(), doc_id=1))
        self._settings = settings

    # volunteers
    def volunteers(self) -> list[Volunteer]:
        """Every volunteer ever added (inactive and erased ones too), by id."""
        if self._volunteers is None:
            self._volunteers = sorted((Volunteer.from_dict(dict(d))
                                       for d in self._records("volunteers")),
                                      key=lambda v: v.id)
        return list(self._volunteers)

    def add_volunteer(self, volunteer: Volunteer) -> Volunteer:
        """Store a new volunteer; the id given is replaced by a fresh one, never reused."""
        return self.add_volunteers([volunteer])[0]

    def add_volunteers(self, volunteers: list[Volunteer]) -> list[Volunteer]:
        """Store new volunteers in one write (an import), each with a fresh id."""
        ids = self._next_ids("volunteers", len(volunteers)) if volunteers else range(0)
        stored = [v.with_changes(id=i) for v, i in zip(volunteers, ids, strict=True)]
        self.db.table("volunteers").insert_multiple(
            _document(v.to_dict(), doc_id=v.id) for v in stored)
        self._volunteers = None
        return stored

    def save_volunteer(self, volunteer: Volunteer) -> None:
        self.save_volunteers([volunteer])

    def save_volunteers(self, volunteers: list[Volunteer]) -> None:
        """Store changed volunteers (each keeps its id)."""
        table = self.db.table("volunteers")
        for volunteer in volunteers:
            table.upsert(_document(volunteer.to_dict(), doc_id=volunteer.id))
        self._volunteers = None

    # shifts
    def shifts(self, first: date | None = None, last: date | None = None) -> list[Shift]:
        """Planned shifts, by evening and slot, optionally within [first, last]."""
        low = first.isoformat() if first else ""
        high = last.isoformat() if last else "9999"
        found = (Shift.from_dict(dict(d)) for d in self._records("shifts")
                 if low <= d["date"] <= high)
        return sorted(found, key=lambda s: s.key)

    def replace_shifts(self, first: date, last: date, shifts: list[Shift]) -> None:
        """Put ``shifts`` in place of every shift from ``first`` to ``last``."""
        table = self.db.table("shifts", cache_size=0)
        gone = [d.doc_id for d in table.all() if first.isoformat() <= d["date"] <= last.isoformat()]
        table.remove(doc_ids=gone)
        self._insert_all("shifts", [shift.to_dict() for shift in shifts])

    def save_shift(self, shift: Shift) -> None:
        """Store one shift, replacing the one with the same evening and slot."""
        table = self.db.table("shifts", cache_size=0)
        same = [d.doc_id for d in table.all()
                if d["date"] == shift.date.isoformat() and d["slot"] == shift.slot]
        doc_id = same[0] if same else self._next_id("shifts")
        table.upsert(_document(shift.to_dict(), doc_id=doc_id))

    def apply_edit(self, edit: Edit, stamp: str) -> None:
        """Store the shifts an edit changed and record what changed in the plan."""
        for shift in edit.after:
            self.save_shift(shift)
        self.record_plan_changes(edit.changes(stamp))

    # holidays
    def holidays(self) -> list[Holiday]:
        return sorted((Holiday.from_dict(dict(d)) for d in self._records("holidays")),
                      key=lambda h: (h.date, h.local))

    def refresh_national_holidays(self, first: date, last: date) -> None:
        """Store the national holidays of the years ``first``..``last`` touch (and the day
        after ``last``, whose eve is ``last``), replacing the ones stored for those years (a
        decree may have moved one)."""
        from ronda.neighbourhood.holidays import national_holidays

        years = set(range(first.year, (last + timedelta(days=1)).year + 1))
        self.save_holidays(national_holidays(years), replace_national_years=years)

    def save_plan(self, planned: PlannedPeriod, stamp: str) -> None:
        """Store a planned period in place of what was planned there, and record the moves."""
        self.replace_shifts(planned.first, planned.last, planned.plan.shifts)
        self.record_plan_changes(planned.changes(stamp))

    def save_holidays(self, found: list[Holiday], *, replace_national_years: set[int]) -> None:
        """Store holidays; national ones of the given years are replaced as a whole."""
        table = self.db.table("holidays", cache_size=0)
        keep = {(h.date, h.local): h for h in self.holidays()
                if h.local or h.date.year not in replace_national_years}
        for h in found:
            keep[(h.date, h.local)] = h
        table.truncate()
        self._insert_all("holidays", [h.to_dict() for h in
                                      sorted(keep.values(), key=lambda h: (h.date, h.local))])

    def remove_holiday(self, day: date) -> bool:
        table = self.db.table("holidays", cache_size=0)
        gone = [d.doc_id for d in table.all() if d["date"] == day.isoformat() and d["local"]]
        table.remove(doc_ids=gone)
        return bool(gone)

    # incidents and their reporters (kept apart), in the year files
    def incidents(self, since: date | None = None, until: date | None = None) -> list[Incident]:
        """Incidents by time, optionally those whose local date is within [since, until];
        only the year files of those years are read."""
        from ronda.incidents.book import Incident

        low = since.isoformat() if since else ""
        high = until.isoformat() if until else "9999"
        # read the raw records: TinyDB would copy all of a large book into Documents first
        found = (Incident.from_record(d)  # each year file was checked when it was read
                 for y in self._book_years(since and since.year, until and until.year)
                 for d in y.records("incidents").values()
                 if low <= d["occurred_at"][:10] <= high)
        # by the instant as a number: comparing aware datetimes asks their zone every time
        return sorted(found, key=lambda i: (i.occurred_at.timestamp(), i.id))

    def incident(self, number: int) -> Incident | None:
        """Incident ``number``, looked for in the newest year first."""
        from ronda.incidents.book import Incident

        key = str(number)
        for year in reversed(self.years()):
            found = self._year(year)
            record = found.records("incidents").get(key) if found else None
            if record is not None:
                return Incident.from_record(record)
        return None

    def add_incident(self, incident: Incident, reporter: Reporter | None) -> Incident:
        """Store a new incident (and its reporter, in their own table) in the file of its
        year; ids come from the main file's counters and are never reused."""
        from dataclasses import replace

        stored = replace(incident, id=self._next_id("incidents"))
        record = stored.to_record()
        book = self._year(_year_of(record), create=True)
        assert book is not None
        book.db.table("incidents").insert(_document(record, doc_id=stored.id))
        if reporter is not None:
            book.db.table("reporters").insert(_document(
                replace(reporter, incident=stored.id).to_dict(),
                doc_id=self._next_id("reporters")))
        self.allocated = True
        return stored

    def save_incident(self, incident: Incident) -> None:
        """Store a changed incident in the file of its year (its reporter follows it, should
        its date have moved to another year)."""
        record = incident.to_record()
        year, key = _year_of(record), str(incident.id)
        book = self._year(year, create=True)
        assert book is not None
        for other in list(self._years.values()):
            if other.year != year and key in other.records("incidents"):
                other.db.table("incidents").remove(doc_ids=[incident.id])
                moved = {k: r for k, r in other.records("reporters").items()
                         if r.get("incident") == incident.id}
                if moved:
                    other.db.table("reporters").remove(doc_ids=[int(k) for k in moved])
                    book.db.table("reporters").insert_multiple(
                        _document(r, doc_id=int(k)) for k, r in moved.items())
        book.db.table("incidents").upsert(_document(record, doc_id=incident.id))

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

    def mentions(self, pattern: re.Pattern[str]) -> list[int]:
        """The incidents (every year) whose free text matches ``pattern``, by id."""
        fields = ("description", "location", "who", "witness", "action", "behaviour")
        return sorted(int(k) for book in self._book_years()
                      for k, d in book.records("incidents").items()
                      if any(pattern.search(str(d.get(f, ""))) for f in fields))

    def reporters(self) -> dict[int, Reporter]:
        """Reporters by incident id: of the years already read (a reporter is in the year
        file of their incident), or of every year when none was read yet."""
        from ronda.incidents.book import Reporter

        books = list(self._years.values()) or self._book_years()
        return {r.incident: r for r in (Reporter.from_dict(d) for book in books
                                        for d in book.records("reporters").values())}

    # the kas
    def cash(self) -> list[CashEntry]:
        """The cash book, by date and entry."""
        from ronda.cash.book import CashEntry

        return sorted((CashEntry.from_dict(d) for d in self._records("cash")),
                      key=lambda e: (e.day, e.id))

    def add_cash(self, entries: list[CashEntry]) -> list[CashEntry]:
        """Store new entries in one write, each with a fresh id."""
        from dataclasses import replace

        ids = self._next_ids("cash", len(entries)) if entries else range(0)
        stored = [replace(e, id=i) for e, i in zip(entries, ids, strict=True)]
        self.db.table("cash").insert_multiple(_document(e.to_dict(), doc_id=e.id)
                                              for e in stored)
        return stored

    # the register of letters sent (their numbers)
    def letters(self) -> list[Letter]:
        """Every letter the RT sent through ronda, oldest first."""
        from ronda.neighbourhood.letters import Letter

        return sorted((Letter.from_dict(dict(d)) for d in self._records("letters")),
                      key=lambda letter: letter.id)

    def add_letter(self, letter: Letter) -> Letter:
        """Register a new letter with a fresh id."""
        from dataclasses import replace

        stored = replace(letter, id=self._next_id("letters"))
        self.db.table("letters").insert(_document(stored.to_dict(), doc_id=stored.id))
        return stored

    # community events and the calendar registry (UIDs, sequences)
    def events(self) -> list[CommunityEvent]:
        """The community events, by start."""
        from ronda.neighbourhood.events import CommunityEvent

        return sorted((CommunityEvent.from_dict(dict(d)) for d in self._records("events")),
                      key=lambda e: (e.start, e.id))

    def add_event(self, event: CommunityEvent) -> CommunityEvent:
        from dataclasses import replace

        stored = replace(event, id=self._next_id("events"))
        self.db.table("events").insert(_document(stored.to_dict(), doc_id=stored.id))
        return stored

    def remove_event(self, number: int) -> CommunityEvent | None:
        table = self.db.table("events")
        found = table.get(doc_id=number)
        if found is None:
            return None
        table.remove(doc_ids=[number])
        from ronda.neighbourhood.events import CommunityEvent

        return CommunityEvent.from_dict(dict(found))

    def calendar_record(self) -> CalendarRecord:
        """What each calendar feed last sent (UIDs, fingerprints, sequences), and the personal
        calendar files and CalDAV calendars ronda made."""
        from ronda.calendars.registry import CalendarRecord

        record = self.db.table("calendar").get(doc_id=1)
        return CalendarRecord.from_dict(dict(record)) if record else CalendarRecord()

    def save_calendar_record(self, record: CalendarRecord) -> None:
        self.db.table("calendar").upsert(_document(record.to_dict(), doc_id=1))

    def record_published(self, sent: dict[str, dict[str, Any]],
                         calendars: dict[str, dict[str, Any] | None],
                         complete: tuple[str, str] | None = None) -> None:
        """Record what a publish sent, keeping any later sequence another command saved
        while the server was being talked to, and any erasure asked for meanwhile;
        ``complete``: the kind of a publish that went out in full, and the erasure whose
        earlier events it sent again ("" for none)."""
        record = self.calendar_record().with_sent(sent).with_calendars(calendars)
        self.save_calendar_record(record.with_published(*complete) if complete else record)

    # the log of changes to the plan, for "the schedule changed" messages
    def plan_changes(self, since: str = "") -> list[PlanChange]:
        """Changes recorded at or after ``since`` (an ISO moment), oldest first."""
        table = self.db.table("plan_changes", cache_size=0)
        found = [PlanChange.from_dict(dict(d)) for d in table.all() if d.get("at", "") >= since]
        return sorted(found, key=lambda c: (c.at, c.date, c.slot))

    def record_plan_changes(self, changes: list[PlanChange]) -> None:
        """Add ``changes`` to the log, and keep of the log only what the change messages
        still read (``compact_changes``), as of the day the changes were made."""
        from ronda.schedule.announce import compact_changes

        if not changes:
            return
        try:
            today = date.fromisoformat(min(c.at for c in changes)[:10])
        except ValueError:  # not stamped with a day: kept as they are
            self._insert_all("plan_changes", [change.to_dict() for change in changes])
            return
        log = compact_changes([*self.plan_changes(), *changes], today)
        self.db.table("plan_changes", cache_size=0).truncate()
        self._insert_all("plan_changes", [change.to_dict() for change in log])

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
def _locked(path: Path, timeout: float | None) -> Iterator[None]:
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
        raise _broken(path, _first(problems))


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
            m = _YEAR_NAME.search(file.name) if file != path else None
            raise DataFileError("err.dangling", path=str(file),
                                found=", ".join(found[:3]) + (f" (+{len(found) - 3})"
                                                              if len(found) > 3 else ""),
                                advice=remedy(file, int(m["year"]) if m else None))


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


def _known(path: Path, payload: bytes) -> bool:
    """Whether this content was checked in full by an earlier command."""
    digest = _checked(path)
    try:
        known = digest.read_text().strip() == _digest(payload)
    except OSError:
        return False
    guard(digest)
    return known


def load(path: Path) -> tuple[bytes, dict[str, Any]]:
    """The file's bytes and its data, migrated and checked; raises ``DataFileError``.
    The incident book's year files are read later, by ``DataFile``, when asked for."""
    payload = _read(path)
    data = _migrate(path, _parse(path, payload))
    known = _known(path, payload)
    problems = check_records(data, full=not known)
    if _BOOK in data:  # leaving the file by a migration: checked in full, once
        problems += check_book(data[_BOOK], None)
    if problems:
        raise _broken(path, _first(problems))
    if not known:
        _remember_checked(path, payload)
    return payload, data


def _year_broken(path: Path, detail: Damage | SchemaError) -> DataFileError:
    m = _YEAR_NAME.search(path.name)
    return DataFileError("err.file_broken", path=str(path), detail=detail,
                         advice=remedy(path, int(m["year"]) if m else None))


def _of_a_backup(exc: DataFileError, year: int | None = None) -> DataFileError:
    """The error about a damaged backup, advising another backup (not a backup of it)."""
    if exc.key == "err.file_broken":
        exc.args_["advice"] = remedy(Path(exc.args_["path"]), year, backup=True)
    return exc


def load_year(path: Path, year: int, *, full: bool = False) -> tuple[bytes, dict[str, Any]]:
    """A year file's bytes and its data, checked (in full when ``full`` or when this content
    was not checked before); a year file of a newer schema is refused."""
    payload = _read(path)
    try:
        data = _parse(path, payload)
    except DataFileError as exc:
        raise _year_broken(path, exc.args_["detail"]) from None
    if schema_of(data) > SCHEMA_VERSION:
        raise DataFileError("err.file_newer", path=str(path), found=schema_of(data),
                            supported=SCHEMA_VERSION)
    known = not full and _known(path, payload)
    problems = [] if known else check_book(data, year)  # known: this content passed in full
    if problems:
        raise _year_broken(path, _first(problems))
    if not known:
        _remember_checked(path, payload)
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
    with _locked(path, lock_timeout):  # the main file's lock covers its year files too
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
        _remember_checked(handle.path, written)

    if main and handle.allocated:
        write_main()
    for book in years:
        written = orjson.dumps(book.data)
        write_atomically(book.path, written)
        _remember_checked(book.path, written)
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
    with _locked(path, lock_timeout):
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


def restore_backup(path: Path, number: int, lock_timeout: float | None = None, *,
                   year: int | None = None) -> Backup:
    """Put backup ``number`` (1 = newest) in place, after backing up the current file; with
    ``year``, a backup of that year file of the incident book (the main file stays)."""
    if year is not None:
        return _restore_year(path, year, number, lock_timeout)
    backups = list_backups(path)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise BadInput("err.no_such_backup", number=number, count=len(backups))
    payload = chosen.path.read_bytes()
    try:
        full_check(chosen.path, _migrate(chosen.path, _parse(chosen.path, payload)))
    except DataFileError as exc:
        raise _of_a_backup(exc) from None
    with _locked(path, lock_timeout):
        current = path.read_bytes() if path.exists() else None
        payload = _keep_ids_taken(path, payload, current)
        if current is not None:
            make_backup(path, current)
        write_atomically(path, payload)
        _remember_checked(path, payload)
    return chosen


def _keep_ids_taken(path: Path, payload: bytes, current: bytes | None) -> bytes:
    """A restored main file with its incident and reporter counters raised past every id
    the year files (left as they are) and the file being replaced hold, so no id is ever
    given twice; unchanged (byte for byte) when they already are."""
    data = orjson.loads(payload)
    counters = data.get("_meta", {}).get("1", {}).get("next_id")
    if not isinstance(counters, dict):
        return payload
    need: dict[str, int] = {}
    with suppress(ValueError, AttributeError, TypeError):
        now = orjson.loads(current or b"{}").get("_meta", {}).get("1", {}).get("next_id", {})
        need.update({t: now[t] for t in BOOK_TABLES if isinstance(now.get(t), int)})
    for file in year_files(path).values():
        with suppress(OSError, ValueError, AttributeError):
            book = orjson.loads(file.read_bytes())
            for table in BOOK_TABLES:
                top = max((int(k) for k in book.get(table, {}) if k.isdigit()), default=0)
                need[table] = max(need.get(table, 1), top + 1)
    raise_to = {t: n for t, n in need.items() if counters.get(t, 1) < n}
    if not raise_to:
        return payload
    counters.update(raise_to)
    return orjson.dumps(data)


def _restore_year(path: Path, year: int, number: int, lock_timeout: float | None) -> Backup:
    """Put back a year file's backup, checked in full first, under the main file's lock; the
    main file's counters are raised past its ids should they be behind."""
    target = year_path(path, year)
    backups = list_backups(target)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise BadInput("err.no_such_backup", number=number, count=len(backups))
    payload = chosen.path.read_bytes()
    try:
        data = _parse(chosen.path, payload)
        problems = check_book(data, year)
        if problems:
            raise _year_broken(chosen.path, _first(problems))
    except DataFileError as exc:
        raise _of_a_backup(exc, year) from None
    with open_data(path, write=True, lock_timeout=lock_timeout) as handle:
        if target.exists():
            make_backup(target, target.read_bytes())
        write_atomically(target, payload)
        _remember_checked(target, payload)
        for table in BOOK_TABLES:
            top = max((int(k) for k in data.get(table, {}) if k.isdigit()), default=0)
            meta = handle._meta()
            counters = dict(meta.get("next_id", {}))
            if counters.get(table, 1) <= top:
                counters[table] = top + 1
                meta["next_id"] = counters
                handle.db.table("_meta").upsert(_document(meta, doc_id=1))
    return chosen
