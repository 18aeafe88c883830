"""Erasing a person (``volunteer remove --purge``) from everything the store wrote: the main
file, the incident book's year files, and every backup of them.

The same change is made to the records of each file, live or backed up: the volunteer's
record keeps only what anonymous counts need, reports they made lose their name, and stand-in
notes that name them become a link to their (now empty) record. A backup that held them is
rewritten so, and stays a backup ``db restore`` takes; one that cannot be read but names
them is deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ronda.calendars.registry import erase_in_record
from ronda.model import SchemaError, Volunteer
from ronda.store.atomic import unwritable, write_atomically
from ronda.store.backups import backed_up_years, list_backups


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """The whole of any of ``names`` (never part of another: "Ali" is not in "Alif"), any
    case; None when there is no name."""
    found = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not found:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, found))})(?!\w)", re.IGNORECASE)


def erase_records(data: dict[str, Any], person: int, names: Iterable[str] = ()) -> bool:
    """Erase volunteer ``person`` from the tables of one file (main file, year file, or a
    backup of either), in place; ``names``: what they were called (the file's own record of
    them counts too). Whether anything changed. Raises ``SchemaError`` on a record that
    cannot be read."""
    changed = False
    key = str(person)
    volunteers = data.get("volunteers", {})
    record = volunteers.get(key)
    if record is not None:
        names = [*names, str(record.get("name") or "")] if isinstance(record, dict) else names
        erased = Volunteer.from_dict(record).purge().to_dict()
        if erased != record:
            volunteers[key], changed = erased, True
    for report in data.get("reporters", {}).values():
        if report.get("volunteer") == person and report.get("name"):
            report["name"], changed = "", True
    calendars = data.get("calendar", {}).get("1")  # the calendar files and CalDAV calendars
    if isinstance(calendars, dict) and erase_in_record(calendars, person):
        changed = True
    named = name_pattern(names)
    if named is None:
        return changed
    for shift in data.get("shifts", {}).values():
        for absence in shift.get("absences", []):
            if named.search(absence.get("substitute") or ""):
                absence["substitute"], absence["substitute_id"] = "", person
                changed = True
    return changed


class Scrubbed(NamedTuple):
    """The backups a purge changed: rewritten without the person, or deleted."""

    rewritten: list[Path]
    deleted: list[Path]


def _same_book(backup: dict[str, Any], created: str | None) -> bool:
    """Whether a main file's backup is of this neighbourhood (not of one its file replaced,
    where the same id was someone else): by the moment each file was created."""
    meta = backup.get("_meta", {}).get("1")
    theirs = meta.get("created") if isinstance(meta, dict) else None
    return created is None or theirs is None or theirs == created


def _names_in(payload: bytes, people: Sequence[Volunteer]) -> bool:
    """Whether the bytes of a file hold a name, phone or address of ``people``, as JSON."""
    return any(orjson.dumps(value)[1:-1] in payload for v in people
               for value in (v.name.strip(), v.phone or "", v.address.strip()) if value)


def scrub_backups(path: Path, people: Sequence[Volunteer], created: str | None) -> Scrubbed:
    """Erase ``people`` (as they were before their erasure) from every backup of the main
    file ``path`` (``created``: when it was created) and of its year files. Only ever called
    under the data file's lock."""
    rewritten, deleted = [], []
    files = [(path, True), *((p, False) for p in backed_up_years(path).values())]
    for file, main in files:
        for backup in list_backups(file):
            payload = backup.path.read_bytes()
            try:
                data = orjson.loads(payload)
                if not isinstance(data, dict):
                    raise TypeError("not a data file")
                if main and not _same_book(data, created):
                    continue
                changed = [erase_records(data, v.id, [v.name]) for v in people]
            except (orjson.JSONDecodeError, SchemaError, AttributeError, TypeError):
                if _names_in(payload, people):  # unreadable, but it names them
                    try:
                        backup.path.unlink()
                    except OSError as exc:
                        raise unwritable(str(backup.path), exc) from None
                    deleted.append(backup.path)
                continue
            if any(changed):
                write_atomically(backup.path, orjson.dumps(data))
                rewritten.append(backup.path)
    return Scrubbed(rewritten, deleted)
