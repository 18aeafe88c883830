"""Backups: copies of a file (the main file or a year file of the incident book) taken
before a command changes many records, kept in ``backups/`` beside it, newest ten of each.

A backup is named after its file, a sequence number and the moment it was taken (UTC):
``rt005-000012-20261122T150405123456Z.json``. Backups named before the moment carried its
zone hold the computer's local time.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from ronda.errors import DataFileError
from ronda.store.atomic import unwritable, write_atomically
from ronda.store.modes import guard
from ronda.store.paths import year_path

KEEP_BACKUPS = 10

_BACKUP_NAME = re.compile(r"(?:(?P<seq>\d{6})-)?(?P<stamp>\d{8}T\d{12})(?P<utc>Z?)")
_STAMP = "%Y%m%dT%H%M%S%f"


def backup_dir(path: Path) -> Path:
    """``backups/`` beside the data file; a symbolic link there is refused, never followed."""
    folder = path.parent / "backups"
    if folder.is_symlink():
        raise DataFileError("err.backups_link", path=str(folder))
    return folder


class Backup(NamedTuple):
    """A saved copy of the data file."""

    number: int  # 1 is the newest
    path: Path
    taken: datetime  # aware
    size: int
    sequence: int = 0  # from the name; 0 for backups made before ronda numbered them

    def to_dict(self, zone: tzinfo | None = None) -> dict[str, Any]:
        """The stable JSON object of ``db backups --json``: the moment with its offset, in
        ``zone`` (the neighbourhood's) when given."""
        return {"number": self.number, "path": str(self.path),
                "taken": self.taken.astimezone(zone).isoformat(timespec="seconds"),
                "size": self.size}


def _taken(match: re.Match[str]) -> datetime | None:
    try:
        moment = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    # a name without Z was written in the computer's local time
    return moment.replace(tzinfo=UTC) if match["utc"] else moment.astimezone()


def list_backups(path: Path) -> list[Backup]:
    """Backups of this data file, newest first: by the sequence number in their names (a
    clock that was once wrong cannot reorder them), then by the time they were taken. A
    backup others could read is made private again (see ``modes``)."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{path.stem}-*.json"):
        m = _BACKUP_NAME.fullmatch(p.stem[len(path.stem) + 1:])
        if m is None or p.is_symlink():
            continue
        taken = _taken(m)
        if taken is None:
            continue
        try:
            info = p.stat()
        except OSError:
            continue
        guard(p, info)
        found.append((int(m["seq"] or 0), taken, p, info.st_size))
    found.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [Backup(i, p, taken, size, sequence)
            for i, (sequence, taken, p, size) in enumerate(found, start=1)]


def make_backup(path: Path, payload: bytes) -> Path:
    """Save ``payload`` (the file as it was) into ``backups/``; keep the newest ten."""
    folder = backup_dir(path)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(str(folder), exc) from None
    stamp = datetime.now(UTC).strftime(_STAMP) + "Z"
    existing = list_backups(path)
    sequence = existing[0].sequence + 1 if existing else 1
    target = folder / f"{path.stem}-{sequence:06d}-{stamp}.json"
    write_atomically(target, payload)
    for old in list_backups(path)[KEEP_BACKUPS:]:
        with suppress(OSError):
            old.path.unlink()
    return target


def backed_up_years(path: Path) -> dict[int, Path]:
    """The year files of the main file ``path`` that have backups (the file itself may be
    gone), by year."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return {}
    pattern = re.compile(rf"{re.escape(path.stem)}\.incidents-(?P<year>\d{{4}})-.+\.json")
    years = {int(m["year"]) for p in folder.iterdir()
             if (m := pattern.fullmatch(p.name)) is not None}
    return {year: year_path(path, year) for year in sorted(years)}


class Remedy(NamedTuple):
    """What to do about a damaged file, in the user's language (an error's argument): put
    back its newest backup; with none, what else can be done; for a backup, take another."""

    key: str
    backup: str = ""
    year: int | None = None  # a year file of the incident book

    def localise(self, lang: str) -> str:
        from ronda.i18n import t

        return t(self.key, lang, backup=self.backup, year=self.year)


def remedy(path: Path, year: int | None = None, *, backup: bool = False) -> Remedy:
    """The remedy for the damaged file ``path`` (a year file when ``year`` is given; a
    backup itself when ``backup``)."""
    book = year is not None
    if backup:
        return Remedy("hint.other_backup_year" if book else "hint.other_backup", year=year)
    try:
        found = list_backups(path)
    except DataFileError:  # a linked backups folder: no backup ronda would restore
        found = []
    if not found:
        return Remedy("hint.no_backup_year" if book else "hint.no_backup", year=year)
    return Remedy("hint.restore_year" if book else "hint.restore", str(found[0].path), year)
