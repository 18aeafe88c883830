"""The incident book's year files beside the main file (``rt005.json`` keeps
``rt005.incidents-2026.json``): their names, and which year a record goes in."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ronda.store.records import BOOK_TABLES

YEAR_NAME = re.compile(r"\.incidents-(?P<year>\d{4})\.json")


def year_files(path: Path) -> dict[int, Path]:
    """The year files of the main file ``path`` that exist, by year (oldest first)."""
    import glob

    found: dict[int, Path] = {}
    for p in path.parent.glob(f"{glob.escape(path.stem)}.incidents-*.json"):
        m = YEAR_NAME.fullmatch(p.name[len(path.stem):])
        if m is not None and p.is_file():
            found[int(m["year"])] = p
    return dict(sorted(found.items()))


def is_year_file(path: Path) -> bool:
    """Whether ``path`` is the year file of some main file (not a neighbourhood's own file)."""
    return re.search(r"\.incidents-\d{4}\.json$", path.name) is not None


def year_of_file(path: Path) -> int | None:
    """The year of a year file (or a backup of one) by its name; None for a main file."""
    m = YEAR_NAME.search(path.name)
    return int(m["year"]) if m else None


def year_of(record: dict[str, Any]) -> int:
    """The year of a (checked) incident record: that of its local date."""
    return int(record["occurred_at"][:4])


def split_book(book: dict[str, dict[str, Any]]) -> dict[int, dict[str, dict[str, Any]]]:
    """A migrated (and checked) incident book, by year; a reporter goes with its incident,
    one whose incident is gone with the newest year, so nothing is dropped."""
    years: dict[int, dict[str, dict[str, Any]]] = {}
    incidents = book.get("incidents", {})
    for key, record in incidents.items():
        years.setdefault(year_of(record), {t: {} for t in BOOK_TABLES})["incidents"][key] = record
    newest = max(years, default=date.today().year)
    for key, record in book.get("reporters", {}).items():
        own = incidents.get(str(record["incident"]))
        year = year_of(own) if own is not None else newest
        years.setdefault(year, {t: {} for t in BOOK_TABLES})["reporters"][key] = record
    return years
