"""The data file: the only module that opens it.

A command opens the file once. Writers hold an inter-process lock for the whole command,
read the file, change it in memory through TinyDB, and write it back atomically at the end
(temporary file, fsync, rename). A command that fails part-way writes nothing, so bad input
leaves the file byte for byte as it was. Before changes to many records a backup goes to
``backups/`` beside the file.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from ronda import __version__
from ronda.calendars.ics import CommunityEvent
from ronda.cash.book import CashEntry
from ronda.errors import BadInput, DataFileError
from ronda.i18n import languages
from ronda.incidents.book import Incident, Reporter
from ronda.model import SchemaError, Settings, Volunteer
from ronda.schedule.shifts import Holiday, PlanChange, Shift

if TYPE_CHECKING:
    from ronda.schedule.edits import Edit
    from ronda.schedule.planning import PlannedPeriod

SCHEMA_VERSION = 1
KEEP_BACKUPS = 10
LOCK_TIMEOUT = 5.0
ENV_DB = "RONDA_DB"
ENV_LOCK_TIMEOUT = "RONDA_LOCK_TIMEOUT"

# Marks data that was migrated on reading, so a writer saves it (after a backup).
_MIGRATED = "__migrated__"

# Migrations from schema N to N + 1: functions over the raw JSON data.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def default_path() -> Path:
    """The data file used when neither ``--db`` nor ``RONDA_DB`` names one (XDG on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("ronda", appauthor=False)) / "ronda.json"


def resolve_path(option: str | None) -> Path:
    """``--db``, else ``RONDA_DB``, else the platform's user data folder. A data file that
    is a symbolic link stands for its target: that is what is read, locked and replaced."""
    if option is not None and not option.strip():
        raise BadInput("err.empty_db")
    if "\x00" in (option or "") + os.environ.get(ENV_DB, ""):
        raise BadInput("err.cannot_read", path=repr(option), detail="-")
    chosen = option or os.environ.get(ENV_DB)
    path = Path(chosen).expanduser() if chosen else default_path()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _unwritable(path: str, exc: OSError) -> DataFileError:
    """A file system that refused a write, as the one-line error the user sees."""
    return DataFileError("err.file_unwritable", path=path,
                         detail=exc.strerror or type(exc).__name__)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file, whole.

    The file is created readable by its owner only. A file system that refuses (read-only,
    full, a folder where a file should be) is a ``DataFileError``; nothing is left behind.
    """
    try:
        _write_atomically(path, payload)
    except OSError as exc:
        raise _unwritable(str(path), exc) from None


def _write_atomically(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    with suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


class _SessionStorage(Storage):
    """TinyDB storage over the data already read; writes stay in memory until the end."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True


# ---------------------------------------------------------------- backups

def backup_dir(path: Path) -> Path:
    """``backups/`` beside the data file; a symbolic link there is refused, never followed."""
    folder = path.parent / "backups"
    if folder.is_symlink():
        raise DataFileError("err.backups_link", path=str(folder))
    return folder


@dataclass(frozen=True)
class Backup:
    """A saved copy of the data file."""

    number: int  # 1 is the newest
    path: Path
    taken: datetime
    size: int
    sequence: int = 0  # from the name; 0 for backups made before ronda numbered them

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON object of ``db backups --json``."""
        return {"number": self.number, "path": str(self.path),
                "taken": self.taken.isoformat(), "size": self.size}


_BACKUP_NAME = re.compile(r"(?:(?P<seq>\d{6})-)?(?P<stamp>\d{8}T\d{12})")


def list_backups(path: Path) -> list[Backup]:
    """Backups of this data file, newest first: by the sequence number in their names (a
    clock that was once wrong cannot reorder them), then by the time they were taken."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{path.stem}-*.json"):
        m = _BACKUP_NAME.fullmatch(p.stem[len(path.stem) + 1:])
        if m is None or p.is_symlink():
            continue
        try:
            taken = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%S%f")
        except ValueError:
            continue
        found.append((int(m["seq"] or 0), taken, p))
    found.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [Backup(i, p, taken, p.stat().st_size, sequence)
            for i, (sequence, taken, p) in enumerate(found, start=1)]


def make_backup(path: Path, payload: bytes) -> Path:
    """Save ``payload`` (the file as it was) into ``backups/``; keep the newest ten."""
    folder = backup_dir(path)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(str(folder), exc) from None
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    existing = list_backups(path)
    sequence = existing[0].sequence + 1 if existing else 1
    target = folder / f"{path.stem}-{sequence:06d}-{stamp}.json"
    write_atomically(target, payload)
    for old in list_backups(path)[KEEP_BACKUPS:]:
        with suppress(OSError):
            old.path.unlink()
    return target


def _newest_backup(path: Path) -> str:
    backups = list_backups(path)
    return str(backups[0].path) if backups else "-"


# ---------------------------------------------------------------- reading and checking

def _broken(path: Path, detail: str) -> DataFileError:
    return DataFileError("err.file_broken", path=str(path), detail=detail,
                         backup=_newest_backup(path))


def _parse(path: Path, payload: bytes) -> dict[str, Any]:
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise _broken(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise _broken(path, "not a ronda data file")
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
            raise _broken(path, f"schema {version} cannot be migrated")
        data = step(data)
        version += 1
        data.setdefault("_meta", {}).setdefault("1", {})["schema"] = version
        data[_MIGRATED] = True
    return data


def _check_table(data: dict[str, Any], table: str, read: Callable[[dict[str, Any]], Any],
                 key: Callable[[Any], object] | None, problems: list[str]) -> None:
    records = data.get(table, {})
    for doc_id, record in records.items():
        try:
            item = read(record)
            if key is not None and str(key(item)) != doc_id:
                raise SchemaError("its id does not match its key")
        except SchemaError as exc:
            problems.append(f"{table}/{doc_id}: {exc}")


def check_records(data: dict[str, Any], *, full: bool = True) -> list[str]:
    """Every record that breaks the schema, described; empty when the file is sound.

    ``full=False`` reads the incident book (incidents and reporters, which can be tens of
    thousands of records) only lightly: ``load`` does that for content it has already
    checked in full (see ``_checked``)."""
    problems: list[str] = []
    settings = data.get("settings", {}).get("1")
    if settings is None:
        problems.append("settings: missing")
    else:
        try:
            Settings.from_dict(settings)
        except SchemaError as exc:
            problems.append(f"settings: {exc}")
    meta = data.get("_meta", {}).get("1", {})
    counters = meta.get("next_id", {}) if isinstance(meta, dict) else None
    if not isinstance(counters, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in counters.values()):
        problems.append("_meta: the id counters are malformed")
    _check_table(data, "volunteers", Volunteer.from_dict, lambda v: v.id, problems)
    _check_table(data, "shifts", Shift.from_dict, None, problems)
    _check_table(data, "holidays", Holiday.from_dict, None, problems)
    _check_table(data, "plan_changes", PlanChange.from_dict, None, problems)
    _check_table(data, "events", CommunityEvent.from_dict, lambda e: e.id, problems)
    _check_table(data, "cash", CashEntry.from_dict, lambda e: e.id, problems)
    registry = data.get("calendar", {}).get("1", {"uids": {}})
    if not isinstance(registry, dict) or not isinstance(registry.get("uids"), dict) or not all(
            isinstance(v, dict) for v in registry["uids"].values()):
        problems.append("calendar: the registry is malformed")
    if full:
        _check_table(data, "incidents", Incident.from_dict, lambda i: i.id, problems)
        _check_table(data, "reporters", Reporter.from_dict, None, problems)
    else:
        for table, field in (("incidents", "occurred_at"), ("reporters", "incident")):
            for doc_id, record in data.get(table, {}).items():
                if not isinstance(record, dict) or field not in record:
                    problems.append(f"{table}/{doc_id}: not a record of {table}")
    return problems


def _checked(path: Path) -> Path:
    """Where the digest of the content last checked in full is kept, beside the file."""
    return path.parent / f".{path.name}.checked"


def _digest(payload: bytes) -> str:
    import hashlib

    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _remember_checked(path: Path, payload: bytes) -> None:
    """Note that this content is sound, so the next command need not read every incident
    again; a file changed by anything but ronda is checked in full."""
    with suppress(OSError):
        _write_atomically(_checked(path), _digest(payload).encode())


# ---------------------------------------------------------------- the open file

class DataFile:
    """An open neighbourhood data file with typed access to its records."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._storage = _SessionStorage(data)
        self.db = TinyDB(storage=lambda: self._storage)  # type: ignore[arg-type]
        self._settings: Settings | None = None
        self._volunteers: list[Volunteer] | None = None

    @property
    def changed(self) -> bool:
        return self._storage.dirty

    @property
    def schema(self) -> int:
        return schema_of(self._storage.data)

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
        existing = max((int(k) for k in self._storage.data.get(table, {})), default=0)
        first = max(counters.get(table, 1), existing + 1)
        counters[table] = first + count
        meta["next_id"] = counters
        self.db.table("_meta").upsert(Document(meta, doc_id=1))
        return range(first, first + count)

    def _insert_all(self, table: str, records: list[dict[str, Any]]) -> None:
        """Insert many records in one write, each with a fresh id."""
        if not records:
            return
        ids = self._next_ids(table, len(records))
        self.db.table(table, cache_size=0).insert_multiple(
            Document(r, doc_id=i) for r, i in zip(records, ids, strict=True))

    # settings
    def settings(self) -> Settings:
        if self._settings is None:
            record = self.db.table("settings").get(doc_id=1)
            if record is None:
                raise _broken(self.path, "no neighbourhood settings")
            self._settings = Settings.from_dict(dict(record))
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.db.table("settings").upsert(Document(settings.to_dict(), doc_id=1))
        self._settings = settings

    # volunteers
    def volunteers(self) -> list[Volunteer]:
        """Every volunteer ever added (inactive and erased ones too), by id."""
        if self._volunteers is None:
            table = self.db.table("volunteers", cache_size=0)
            self._volunteers = sorted((Volunteer.from_dict(dict(d)) for d in table.all()),
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
            Document(v.to_dict(), doc_id=v.id) for v in stored)
        self._volunteers = None
        return stored

    def save_volunteer(self, volunteer: Volunteer) -> None:
        self.save_volunteers([volunteer])

    def save_volunteers(self, volunteers: list[Volunteer]) -> None:
        """Store changed volunteers (each keeps its id)."""
        table = self.db.table("volunteers")
        for volunteer in volunteers:
            table.upsert(Document(volunteer.to_dict(), doc_id=volunteer.id))
        self._volunteers = None

    # shifts
    def shifts(self, first: date | None = None, last: date | None = None) -> list[Shift]:
        """Planned shifts, by evening and slot, optionally within [first, last]."""
        low = first.isoformat() if first else ""
        high = last.isoformat() if last else "9999"
        found = (Shift.from_dict(dict(d)) for d in self.db.table("shifts", cache_size=0).all()
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
        table.upsert(Document(shift.to_dict(), doc_id=doc_id))

    def apply_edit(self, edit: Edit, stamp: str) -> None:
        """Store the shifts an edit changed and record what changed in the plan."""
        for shift in edit.after:
            self.save_shift(shift)
        self.record_plan_changes(edit.changes(stamp))

    # holidays
    def holidays(self) -> list[Holiday]:
        return sorted((Holiday.from_dict(dict(d)) for d in self.db.table("holidays").all()),
                      key=lambda h: (h.date, h.local))

    def refresh_national_holidays(self, first: date, last: date) -> None:
        """Store the national holidays of the years ``first``..``last`` touch, replacing the
        ones stored for those years (a decree may have moved one)."""
        from ronda.neighbourhood.holidays import national_holidays

        years = set(range(first.year, last.year + 1))
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

    # incidents and their reporters (kept apart)
    def incidents(self, since: date | None = None, until: date | None = None) -> list[Incident]:
        """Incidents by time, optionally those whose local date is within [since, until]."""
        low = since.isoformat() if since else ""
        high = until.isoformat() if until else "9999"
        # read the raw records: TinyDB would copy all of a large book into Documents first
        raw = self._storage.data.get("incidents", {}).values()
        found = (Incident.from_dict(d) for d in raw if low <= d["occurred_at"][:10] <= high)
        return sorted(found, key=lambda i: (i.occurred_at, i.id))

    def incident(self, number: int) -> Incident | None:
        record = self.db.table("incidents", cache_size=0).get(doc_id=number)
        return Incident.from_dict(dict(record)) if record else None

    def add_incident(self, incident: Incident, reporter: Reporter | None) -> Incident:
        """Store a new incident (and its reporter, in their own table); ids are never reused."""
        from dataclasses import replace

        stored = replace(incident, id=self._next_id("incidents"))
        self.db.table("incidents").insert(Document(stored.to_record(), doc_id=stored.id))
        if reporter is not None:
            self.db.table("reporters").insert(Document(
                replace(reporter, incident=stored.id).to_dict(),
                doc_id=self._next_id("reporters")))
        return stored

    def save_incident(self, incident: Incident) -> None:
        self.db.table("incidents").upsert(Document(incident.to_record(), doc_id=incident.id))

    def erase_reporter(self, volunteer: int) -> int:
        """Blank the name on every report a volunteer made (erasure on request)."""
        table = self.db.table("reporters", cache_size=0)
        mine = [d.doc_id for d in table.all() if d.get("volunteer") == volunteer]
        table.update({"name": ""}, doc_ids=mine)
        return len(mine)

    def erase_person(self, v: Volunteer) -> list[int]:
        """Erase a volunteer's name wherever ronda wrote it: reports they made, and stand-in
        notes that name them; returns the incidents whose free text still holds the name,
        for the coordinator to look at."""
        self.erase_reporter(v.id)
        if not v.name.strip():
            return []
        # the whole name, never part of another ("Ali" is not in "Alif")
        named = re.compile(rf"(?<!\w){re.escape(v.name.strip())}(?!\w)", re.IGNORECASE)
        shifts = self.db.table("shifts", cache_size=0)
        for doc in shifts.all():
            absences = doc.get("absences", [])
            if any(named.search(a.get("substitute", "")) for a in absences):
                for a in absences:
                    if named.search(a.get("substitute", "")):
                        a["substitute"], a["substitute_id"] = "", v.id
                shifts.update({"absences": absences}, doc_ids=[doc.doc_id])
        fields = ("description", "location", "who", "witness", "action", "behaviour")
        return sorted(int(k) for k, d in self._storage.data.get("incidents", {}).items()
                      if any(named.search(str(d.get(f, ""))) for f in fields))

    def reporters(self) -> dict[int, Reporter]:
        """Reporters by incident id."""
        raw = self._storage.data.get("reporters", {}).values()
        return {r.incident: r for r in (Reporter.from_dict(d) for d in raw)}

    # the kas
    def cash(self) -> list[CashEntry]:
        """The cash book, by date and entry."""
        raw = self._storage.data.get("cash", {}).values()
        return sorted((CashEntry.from_dict(d) for d in raw), key=lambda e: (e.day, e.id))

    def add_cash(self, entries: list[CashEntry]) -> list[CashEntry]:
        """Store new entries in one write, each with a fresh id."""
        from dataclasses import replace

        ids = self._next_ids("cash", len(entries)) if entries else range(0)
        stored = [replace(e, id=i) for e, i in zip(entries, ids, strict=True)]
        self.db.table("cash").insert_multiple(Document(e.to_dict(), doc_id=e.id)
                                              for e in stored)
        return stored

    # community events and the calendar registry (UIDs, sequences)
    def events(self) -> list[CommunityEvent]:
        return sorted((CommunityEvent.from_dict(dict(d)) for d in self.db.table("events").all()),
                      key=lambda e: (e.start, e.id))

    def add_event(self, event: CommunityEvent) -> CommunityEvent:
        from dataclasses import replace

        stored = replace(event, id=self._next_id("events"))
        self.db.table("events").insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def remove_event(self, number: int) -> CommunityEvent | None:
        table = self.db.table("events")
        found = table.get(doc_id=number)
        if found is None:
            return None
        table.remove(doc_ids=[number])
        return CommunityEvent.from_dict(dict(found))

    def calendar_registry(self) -> dict[str, dict[str, Any]]:
        """What was last exported under each UID: fingerprint, sequence, scope, times."""
        record = self.db.table("calendar").get(doc_id=1)
        return dict(record.get("uids", {})) if record else {}

    def save_calendar_registry(self, registry: dict[str, dict[str, Any]]) -> None:
        self.db.table("calendar").upsert(Document({"uids": registry}, doc_id=1))

    def merge_calendar_registry(self, registry: dict[str, dict[str, Any]]) -> None:
        """Record what a publish sent, keeping any later sequence another command saved
        while the server was being talked to."""
        current = self.calendar_registry()
        merged = {**current, **{uid: entry for uid, entry in registry.items()
                                if uid not in current
                                or entry["sequence"] >= current[uid]["sequence"]}}
        self.save_calendar_registry(merged)

    # the log of changes to the plan, for "the schedule changed" messages
    def plan_changes(self, since: str = "") -> list[PlanChange]:
        """Changes recorded at or after ``since`` (an ISO moment), oldest first."""
        table = self.db.table("plan_changes", cache_size=0)
        found = [PlanChange.from_dict(dict(d)) for d in table.all() if d.get("at", "") >= since]
        return sorted(found, key=lambda c: (c.at, c.date, c.slot))

    def record_plan_changes(self, changes: list[PlanChange]) -> None:
        self._insert_all("plan_changes", [change.to_dict() for change in changes])

    def counts(self) -> dict[str, int]:
        return {name: len(self._storage.data.get(name, {}))
                for name in sorted(self._storage.data) if not name.startswith("_")}


@contextmanager
def _locked(path: Path, timeout: float | None) -> Iterator[None]:
    """Hold the data file's inter-process lock; a lock that cannot be had in time, or cannot
    be made at all (a read-only folder), is a ``DataFileError``."""
    from filelock import FileLock, Timeout

    if timeout is None:
        raw = os.environ.get(ENV_LOCK_TIMEOUT, str(LOCK_TIMEOUT))
        try:
            timeout = float(raw)
        except ValueError:
            raise BadInput("err.bad_env", name=ENV_LOCK_TIMEOUT, value=raw[:40]) from None
        if not 0 <= timeout <= 3600:
            raise BadInput("err.bad_env", name=ENV_LOCK_TIMEOUT, value=raw[:40])
    lock = FileLock(str(path) + ".lock", timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise DataFileError("err.file_locked", path=str(path)) from None
    except OSError as exc:
        raise _unwritable(str(path) + ".lock", exc) from None
    try:
        yield
    finally:
        lock.release()


def _remove_leftovers(path: Path) -> None:
    """Temporary copies left by a writer that was killed (they hold the whole file, reporters
    included); only ever called under the lock, when no writer can be at work."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(OSError):
            leftover.unlink()


def loose_mode(path: Path) -> int | None:
    """The file's mode when others may read it (it is rewritten 0600 on the next write)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return None
    return mode if mode & 0o077 else None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileError("err.no_data_file", path=str(path)) from None
    except OSError as exc:
        raise DataFileError("err.file_unreadable", path=str(path), detail=exc.strerror) from None


def full_check(path: Path, data: dict[str, Any]) -> None:
    """Read every record in full, whatever was checked before (``ronda db check``)."""
    problems = check_records(data)
    if problems:
        raise _broken(path, problems[0] + (f" (+{len(problems) - 1})" if len(problems) > 1
                                           else ""))


def peek_language(path: Path) -> str | None:
    """The neighbourhood's language setting, or None when the file cannot tell."""
    try:
        lang = orjson.loads(path.read_bytes())["settings"]["1"]["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return lang if lang in languages() else None


@dataclass(frozen=True)
class FileCheck:
    """What ``ronda db check`` reports of a data file that reads and fits the schema."""

    path: Path
    schema: int
    size: int
    mode: int
    records: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": True, "schema": self.schema, "bytes": self.size,
                "mode": f"{self.mode:o}", "records": self.records}


def check_file(path: Path) -> FileCheck:
    """Read the file and check every record (not only the ones changed since the last check);
    raises ``DataFileError`` naming the first problem."""
    payload, data = load(path)
    full_check(path, data)
    counts = {name: len(table) for name, table in sorted(data.items())
              if not name.startswith("_")}
    return FileCheck(path, schema_of(data), len(payload), path.stat().st_mode & 0o777, counts)


def load(path: Path) -> tuple[bytes, dict[str, Any]]:
    """The file's bytes and its data, migrated and checked; raises ``DataFileError``."""
    payload = _read(path)
    data = _migrate(path, _parse(path, payload))
    try:
        known = _checked(path).read_text().strip() == _digest(payload)
    except OSError:
        known = False
    problems = check_records(data, full=not known)
    if problems:
        raise _broken(path, problems[0] + (f" (+{len(problems) - 1})" if len(problems) > 1
                                           else ""))
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
    with _locked(path, lock_timeout):
        payload, data = load(path)
        migrated = data.pop(_MIGRATED, False)
        handle = DataFile(path, data)
        yield handle
        _remove_leftovers(path)
        if handle.changed or migrated:
            if backup or migrated:
                make_backup(path, payload)
            written = handle.payload()
            write_atomically(path, written)
            _remember_checked(path, written)


@contextmanager
def create_data(path: Path, settings: Settings, *, replace: bool = False,
                lock_timeout: float | None = None) -> Iterator[DataFile]:
    """Create a new data file (0600) for a neighbourhood; an existing one is backed up first
    when ``replace`` is set and refused otherwise."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(str(path.parent), exc) from None
    with _locked(path, lock_timeout):
        if path.exists():
            if not replace:
                raise DataFileError("err.file_exists", path=str(path))
            make_backup(path, path.read_bytes())
        handle = DataFile(path, new_data(settings))
        yield handle
        written = handle.payload()
        write_atomically(path, written)
        _remember_checked(path, written)


def restore_backup(path: Path, number: int, lock_timeout: float | None = None) -> Backup:
    """Put backup ``number`` (1 = newest) in place, after backing up the current file."""
    backups = list_backups(path)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise BadInput("err.no_such_backup", number=number, count=len(backups))
    payload = chosen.path.read_bytes()
    full_check(chosen.path, _migrate(chosen.path, _parse(chosen.path, payload)))
    with _locked(path, lock_timeout):
        if path.exists():
            make_backup(path, path.read_bytes())
        write_atomically(path, payload)
        _remember_checked(path, payload)
    return chosen
