"""The area a Bhabinkamtibmas works in: one kelurahan or desa, many RTs.

An area file (``area.toml``) names the area, the liaison with the nights they can patrol, and
the RT data files (a list, or a folder holding them). This module reads and writes that text;
it opens nothing: the storage package reads the file and the RT files it names.

```toml
name = "Kel. Tembalang"
files = ["rt001.json", "rt002.json"]   # or: folder = "rt"  (every *.json in it)

[liaison]
name = "Bripka Agus Widodo"
role = "bhabinkamtibmas"
nights = "mon-sat"
rest = 1
per-week = 2
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ronda.dates import DAY_KEYS, parse_days, parse_timezone
from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.incidents.book import Incident
from ronda.model import SchemaError, Settings, Volunteer, clean_text
from ronda.parsing import parse_count
from ronda.schedule.shifts import Holiday, Shift, parse_guest_role

AREA_FILE = "area.toml"


@dataclass(frozen=True)
class Liaison:
    """The area's Bhabinkamtibmas (or Babinsa): the nights they can patrol, the nights off
    between two joint patrols, and how many a week."""

    name: str
    role: str = "bhabinkamtibmas"
    nights: tuple[str, ...] = DAY_KEYS
    rest: int = 1
    per_week: int = 2


@dataclass(frozen=True)
class Area:
    """An area file's content: its name, the liaison, and the RT files (relative to it)."""

    name: str
    liaison: Liaison
    files: tuple[str, ...] = ()
    folder: str | None = None
    timezone: str = "Asia/Jakarta"


def _text(table: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise BadInput("err.area_field", field=f"{where}{key}", detail=Term("schema.text"))
    return clean_text(value, field_name=f"{where}{key}", required=required, limit=120)


def parse_area(text: str, source: str) -> Area:
    """An area file's text, checked; anything wrong is one line naming ``source``."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its words are English: only where it is said
        at = re.search(r"line (\d+), column (\d+)", str(exc))
        raise BadInput("err.area_toml", path=source, detail=SchemaError(
            "schema.not_toml", line=at[1] if at else "?", column=at[2] if at else "?")) from None
    who = raw.get("liaison", {})
    if not isinstance(who, dict):
        raise BadInput("err.area_field", field="liaison", detail="[liaison]")
    files = raw.get("files", [])
    if not isinstance(files, list) or not all(isinstance(f, str) and f.strip() for f in files):
        raise BadInput("err.area_field", field="files", detail='["rt001.json", …]')
    folder = raw.get("folder")
    if folder is not None and (not isinstance(folder, str) or not folder.strip()):
        raise BadInput("err.area_field", field="folder", detail=Term("schema.text"))
    if not files and folder is None:
        raise BadInput("err.area_no_files", path=source)
    liaison = Liaison(
        name=_text(who, "name", "liaison.", required=True),
        role=parse_guest_role(str(who.get("role", "bhabinkamtibmas")), "liaison.role"),
        nights=tuple(parse_days(str(who.get("nights", "all")))),
        rest=parse_count(who.get("rest", 1), "liaison.rest", maximum=6),
        per_week=parse_count(who.get("per-week", 2), "liaison.per-week", minimum=1, maximum=7))
    return Area(_text(raw, "name", "", required=True), liaison,
                tuple(f.strip() for f in files), folder.strip() if folder else None,
                parse_timezone(str(raw.get("timezone", "WIB"))))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def area_toml(area: Area) -> str:
    """The text of an area file (what ``ronda area init`` writes)."""
    where = (f"folder = {_quoted(area.folder)}" if area.folder is not None else
             "files = [" + ", ".join(_quoted(f) for f in area.files) + "]")
    nights = ",".join(area.liaison.nights)
    return "\n".join([
        "# A ronda area: one kelurahan or desa, many RTs. See 'ronda area --help'.",
        f"name = {_quoted(area.name)}",
        where,
        "",
        "[liaison]",
        f"name = {_quoted(area.liaison.name)}",
        f"role = {_quoted(area.liaison.role)}",
        f"nights = {_quoted(nights)}",
        f"rest = {area.liaison.rest}",
        f"per-week = {area.liaison.per_week}",
        "",
    ])


@dataclass(frozen=True)
class RT:
    """A snapshot of one RT's data file, as the area reads it (read-only): its key (the file
    name without ``.json``), settings, people, planned shifts, incidents, events, holidays.
    Reporters are never read into it."""

    key: str
    file: str
    settings: Settings
    people: dict[int, Volunteer] = field(default_factory=dict)
    shifts: tuple[Shift, ...] = ()
    incidents: tuple[Incident, ...] = ()
    events: tuple[Any, ...] = ()
    holidays: dict[date, Holiday] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.settings.name


@dataclass(frozen=True)
class Problem:
    """An RT file that could not be read: which one, and the error's key and values."""

    file: str
    key: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AreaSnapshot:
    """The area file and every RT it names that could be read; the others as problems."""

    area: Area
    rts: tuple[RT, ...]
    problems: tuple[Problem, ...] = ()
