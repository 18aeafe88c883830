"""Files only their owner may read.

ronda writes every file of a neighbourhood (main file, year files, backups, digests) readable
by its owner only. One found readable by others when it is read (a ``chmod 644``, a copy
made with another tool) is made private again when this user owns it, and noted either way:
the command says so once, at its end (``loose_files``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

PRIVATE = 0o600


class LooseFile(NamedTuple):
    """A file others could read: its mode as found, and whether it is private now."""

    path: Path
    mode: int
    fixed: bool


_found: dict[Path, LooseFile] = {}


def guard(path: Path, found: os.stat_result | None = None) -> None:
    """Make ``path`` private again if others may read it and this user owns it; note it.
    ``found``: the file's ``stat``, when the caller has it already."""
    try:
        info = found or os.stat(path)
    except OSError:
        return
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077 or path in _found:
        return
    fixed = False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid == getuid():
        try:
            os.chmod(path, PRIVATE)
            fixed = True
        except OSError:
            pass
    _found[path] = LooseFile(path, mode, fixed)


def loose_files() -> list[LooseFile]:
    """The files found readable by others since the last call, in the order found (then
    forgotten: each command says its own)."""
    found = list(_found.values())
    _found.clear()
    return found
