"""The area's files: the area file, the RT data files it names, and the liaison's calendar
registry beside it.

The area reads every RT file as its coordinator's own commands would, taking the file's lock
only while it reads, so it sees a consistent snapshot and never waits on a writer for long.
An RT file that cannot be read (missing, locked, damaged, newer) becomes a ``Problem`` and the
others are read on. The one write into an RT file (joint patrols, ``plan-visits --apply``)
goes through ``open_data`` like any RT command: locked, backed up, atomic, and only when
something changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from ronda.area.model import AREA_FILE, RT, Area, AreaSnapshot, Problem, area_toml, parse_area
from ronda.errors import BadInput, DataFileError, RondaError, system_reason
from ronda.model import SchemaError
from ronda.neighbourhood.holidays import holiday_map
from ronda.store.datafile import (
    _MIGRATED,
    DataFile,
    is_year_file,
    load,
    locked,
    open_data,
    write_atomically,
)
from ronda.store.paths import expand

if TYPE_CHECKING:
    from ronda.calendars.registry import CalendarRecord

T = TypeVar("T")


def area_path(option: str | None) -> Path:
    """``--area``, else ``$RONDA_AREA``, else ``area.toml`` in the current folder; a folder
    stands for the ``area.toml`` in it."""
    chosen = option or os.environ.get("RONDA_AREA") or AREA_FILE
    if not chosen.strip() or "\x00" in chosen:
        raise BadInput("err.empty", field="--area")
    path = expand(chosen)
    return path / AREA_FILE if path.is_dir() else path


def read_area(path: Path) -> tuple[Area, list[Path]]:
    """The area file and the RT data files it names, in its order (a folder: by name)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DataFileError("err.no_area_file", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("err.file_unreadable", path=str(path),
                            detail=system_reason(exc)) from None
    area = parse_area(text, str(path))
    base = path.parent
    if area.folder is not None:
        folder = base / area.folder
        if not folder.is_dir():
            raise DataFileError("err.no_area_folder", path=str(folder))
        files = sorted(p for p in folder.glob("*.json")  # an RT's incident years are its own
                       if not p.name.startswith(".") and not is_year_file(p))
    else:
        files = [base / f for f in area.files]
    return area, files


def write_area(path: Path, area: Area, *, replace: bool = False) -> None:
    """Write an area file (``area init``); an existing one is kept unless ``replace``."""
    if path.exists() and not replace:
        raise DataFileError("err.file_exists", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError("err.file_unwritable", path=str(path.parent),
                            detail=system_reason(exc)) from None
    write_atomically(path, area_toml(area).encode("utf-8"))


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """The RT file's lock while it is read. A folder where no lock can be made (a read-only
    share) is read without one: data files are only ever replaced whole."""
    if not os.access(path.parent, os.W_OK):
        yield
        return
    with locked(path, None):  # RONDA_LOCK_TIMEOUT, else 5 s
        yield


def read_rt(path: Path, key: str, first: date | None, last: date | None,
            since: date | None = None, until: date | None = None) -> RT:
    """One RT file read under its lock: shifts from ``first`` to ``last``, incidents from
    ``since`` to ``until``; never written (reporters are not read)."""
    with _reading(path):  # the year files of the incidents asked for are read under it too
        _, data = load(path)
        data.pop(_MIGRATED, None)
        handle = DataFile(path, data)
        incidents = tuple(handle.incidents(since, until)) if since or until else ()
    return RT(key, str(path), handle.settings(), {v.id: v for v in handle.volunteers()},
              tuple(handle.shifts(first, last)) if first or last else (), incidents,
              tuple(handle.events()), holiday_map(handle.holidays()))


def _keys(paths: Sequence[Path]) -> list[str]:
    """Each file's key: its name without ``.json``, made unique when two folders share one."""
    keys: list[str] = []
    for p in paths:
        key, n = p.stem, 2
        while key in keys:
            key, n = f"{p.stem}-{n}", n + 1
        keys.append(key)
    return keys


def area_snapshot(path: Path, *, first: date | None = None, last: date | None = None,
                  since: date | None = None, until: date | None = None) -> AreaSnapshot:
    """The area and every RT it names that reads; the others as problems, one each."""
    area, files = read_area(path)
    rts, problems = [], []
    for file, key in zip(files, _keys(files), strict=True):
        try:
            rts.append(read_rt(file, key, first, last, since, until))
        except RondaError as exc:
            problems.append(Problem(file.name, exc.key, dict(exc.args_)))
    return AreaSnapshot(area, tuple(rts), tuple(problems))


def update_rts(jobs: Sequence[tuple[RT, Callable[[DataFile], T]]]
               ) -> list[tuple[RT, T | Problem]]:
    """Run ``change`` on each RT's data file opened for writing (its own write: locked,
    backed up first, atomic, and only when something changed); a file that fails is a
    problem and the others go on."""
    done: list[tuple[RT, T | Problem]] = []
    for rt, change in jobs:
        try:
            with open_data(Path(rt.file), write=True, backup=True) as data:
                done.append((rt, change(data)))
        except RondaError as exc:
            done.append((rt, Problem(Path(rt.file).name, exc.key, dict(exc.args_))))
    return done


# ---------------------------------------------------------------- the liaison's calendar

def _registry_path(path: Path) -> Path:
    return path.parent / f".{path.name}.calendar.json"


def area_registry(path: Path) -> CalendarRecord:
    """What the liaison's calendar last carried, in each language and with each reminder
    (empty the first time)."""
    from ronda.calendars.registry import CalendarRecord

    try:
        found = orjson.loads(_registry_path(path).read_bytes())
        return CalendarRecord.from_dict(found)
    except FileNotFoundError:
        return CalendarRecord()
    except OSError as exc:
        raise DataFileError("err.file_unreadable", path=str(_registry_path(path)),
                            detail=system_reason(exc)) from None
    except orjson.JSONDecodeError as exc:
        raise DataFileError("err.file_unreadable", path=str(_registry_path(path)),
                            detail=SchemaError("schema.not_json", line=exc.lineno,
                                               column=exc.colno)) from None
    except SchemaError as exc:
        raise DataFileError("err.file_unreadable", path=str(_registry_path(path)),
                            detail=exc) from None


def save_area_registry(path: Path, sent: dict[str, dict[str, Any]]) -> None:
    """Record what the liaison's calendar sent, under the area file's lock, atomically."""
    with locked(path, None):
        merged = area_registry(path).with_sent(sent)
        write_atomically(_registry_path(path), orjson.dumps(merged.to_dict()))
