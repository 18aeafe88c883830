"""Where the data file and its year files are, and the settings read before it is opened
(its language, for help and usage errors; its time zone, to list backups of a damaged file):
kept apart from the storage module so that these load nothing else."""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

from ronda.errors import BadInput
from ronda.i18n import languages

ENV_DB = "RONDA_DB"


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
    path = expand(chosen) if chosen else default_path()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def expand(text: str) -> Path:
    """A path as typed, ``~`` and ``~user`` expanded where the home is known; left as typed
    otherwise (a shell does the same with ``~nobody-here``)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)


def year_path(path: Path, year: int) -> Path:
    """The file of the incident book's year ``year`` beside the main file ``path``
    (``rt005.json`` → ``rt005.incidents-2026.json``)."""
    return path.with_name(f"{path.stem}.incidents-{year:04d}.json")


# The last data file read for its settings before the command ran, as (path, bytes, data):
# the command that opens the same bytes takes the parsed data instead of parsing them again.
_peeked: tuple[Path, bytes, dict[str, object]] | None = None


def _peek_setting(path: Path, key: str) -> object:
    """One of the neighbourhood's settings as the file holds it, unchecked; None when the
    file cannot tell."""
    global _peeked
    import orjson

    try:
        payload = path.read_bytes()
        if _peeked is not None and _peeked[:2] == (path, payload):
            data = _peeked[2]
        else:
            data = orjson.loads(payload)
            if isinstance(data, dict):
                _peeked = (path, payload, data)
        return data["settings"]["1"][key]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def parsed_before(path: Path, payload: bytes) -> dict[str, object] | None:
    """The data of ``payload`` when it was parsed already to read its settings (handed over
    once: the caller may change it), else None."""
    global _peeked
    if _peeked is None or _peeked[0] != path or _peeked[1] != payload:
        return None
    data, _peeked = _peeked[2], None
    return data


# the language as ronda writes it, first among the settings' own values: read from a file
# too damaged to parse, so that even the error about it speaks the neighbourhood's language
_LANG = re.compile(rb'"settings"\s*:\s*\{\s*"1"\s*:\s*\{[^{}]*?"lang"\s*:\s*"([a-z]{2,3})"')


def peek_language(path: Path) -> str | None:
    """The neighbourhood's language setting, or None when the file cannot tell."""
    lang = _peek_setting(path, "lang")
    if lang is None:
        with suppress(OSError):
            found = _LANG.search(path.read_bytes())
            lang = found[1].decode() if found else None
    return lang if isinstance(lang, str) and lang in languages() else None


def peek_timezone(path: Path) -> str | None:
    """The neighbourhood's time zone (an IANA name), or None when the file cannot tell: read
    without checking the file, so that the backups of a damaged one are listed too."""
    from ronda.dates import zone
    from ronda.errors import BadInput

    name = _peek_setting(path, "timezone")
    if not isinstance(name, str):
        return None
    try:
        zone(name)
    except BadInput:
        return None
    return name
