"""Where the data file is, and the one setting read before it is opened (its language, for
help and usage errors): kept apart from the storage module so that these load nothing else."""

from __future__ import annotations

import os
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
    path = Path(chosen).expanduser() if chosen else default_path()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def peek_language(path: Path) -> str | None:
    """The neighbourhood's language setting, or None when the file cannot tell."""
    import orjson

    try:
        lang = orjson.loads(path.read_bytes())["settings"]["1"]["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return lang if lang in languages() else None
