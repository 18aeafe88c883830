"""Putting a backup back (``ronda db restore``): the main file, or a year file of the incident
book, checked in full first and put in place under the main file's lock, the id counters
raised past every id the other files hold, so no id is ever given twice."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import orjson

from ronda.errors import BadInput, DataFileError
from ronda.store.atomic import write_atomically
from ronda.store.backups import Backup, list_backups, make_backup, remedy
from ronda.store.datafile import (
    first_problem,
    full_check,
    locked,
    migrate,
    open_data,
    parse_file,
    remember_checked,
    year_broken,
)
from ronda.store.paths import year_path
from ronda.store.records import BOOK_TABLES, document
from ronda.store.tables.incidents import check_book
from ronda.store.years import year_files


def _of_a_backup(exc: DataFileError, year: int | None = None) -> DataFileError:
    """The error about a damaged backup, advising another backup (not a backup of it)."""
    if exc.key == "err.file_broken":
        exc.args_["advice"] = remedy(Path(exc.args_["path"]), year, backup=True)
    return exc


def restore_backup(path: Path, number: int, lock_timeout: float | None = None, *,
                   year: int | None = None) -> Backup:
    """Put backup ``number`` (1 = newest) in place, after backing up the current file; with
    ``year``, a backup of that year file of the incident book (the main file stays)."""
    if year is not None:
        return _restore_year(path, year, number, lock_timeout)
    chosen, payload = _backup(path, number)
    try:
        full_check(chosen.path, migrate(chosen.path, parse_file(chosen.path, payload)))
    except DataFileError as exc:
        raise _of_a_backup(exc) from None
    with locked(path, lock_timeout):
        current = path.read_bytes() if path.exists() else None
        payload = _keep_ids_taken(path, payload, current)
        if current is not None:
            make_backup(path, current)
        write_atomically(path, payload)
        remember_checked(path, payload)
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


def _backup(path: Path, number: int) -> tuple[Backup, bytes]:
    """Backup ``number`` (1 = newest) of ``path`` and its bytes; a number with no backup is
    refused."""
    backups = list_backups(path)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise BadInput("err.no_such_backup", number=number, count=len(backups))
    return chosen, chosen.path.read_bytes()


def _restore_year(path: Path, year: int, number: int, lock_timeout: float | None) -> Backup:
    """Put back a year file's backup, checked in full first, under the main file's lock; the
    main file's counters are raised past its ids should they be behind."""
    target = year_path(path, year)
    chosen, payload = _backup(target, number)
    try:
        data = parse_file(chosen.path, payload)
        problems = check_book(data, year)
        if problems:
            raise year_broken(chosen.path, first_problem(problems))
    except DataFileError as exc:
        raise _of_a_backup(exc, year) from None
    with open_data(path, write=True, lock_timeout=lock_timeout) as handle:
        if target.exists():
            make_backup(target, target.read_bytes())
        write_atomically(target, payload)
        remember_checked(target, payload)
        for table in BOOK_TABLES:
            top = max((int(k) for k in data.get(table, {}) if k.isdigit()), default=0)
            meta = handle._meta()
            counters = dict(meta.get("next_id", {}))
            if counters.get(table, 1) <= top:
                counters[table] = top + 1
                meta["next_id"] = counters
                handle.db.table("_meta").upsert(document(meta, doc_id=1))
    return chosen
