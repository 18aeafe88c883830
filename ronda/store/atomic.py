"""Writing a file whole or not at all, and clearing what a killed writer left behind.

Every file of a neighbourhood (the main file, its year files, their backups and the digests
of content already checked) is written to a temporary file beside it, then renamed over it.
A writer killed before the rename leaves its temporary file: the next writer, holding the
lock, removes the ones of this data file (see ``remove_leftovers``).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from ronda.errors import DataFileError, system_reason

# mkstemp's names: ``.<file name>.<random letters, digits, _>.tmp``
_TEMP = r"\.{name}\.[a-z0-9_]+\.tmp"
# The digests are written by readers too, who hold no lock: one of theirs is left alone
# until it is clearly not being written any more.
DIGEST_TEMP_AGE = 60.0  # seconds
_BACKUP_TAIL = r"-(?:\d{6}-)?\d{8}T\d{12}Z?\.json"


def unwritable(path: str, exc: OSError) -> DataFileError:
    """A file system that refused a write, as the one-line error the user sees."""
    return DataFileError("err.file_unwritable", path=path,
                         detail=system_reason(exc))


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file, whole.

    The file is created readable by its owner only. A file system that refuses (read-only,
    full, a folder where a file should be) is a ``DataFileError``; nothing is left behind.
    """
    try:
        write_quietly(path, payload)
    except OSError as exc:
        raise unwritable(str(path), exc) from None


def write_quietly(path: Path, payload: bytes) -> None:
    """``write_atomically``, its ``OSError`` left to the caller."""
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


def _leftover_names(path: Path) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The temporary files of the data file ``path``: beside it (main file, year files),
    beside it again for their digests (``.<file>.checked``), and in ``backups/``."""
    name, stem = re.escape(path.name), re.escape(path.stem)
    year = rf"{stem}\.incidents-\d{{4}}\.json"
    files = rf"(?:{name}|{year})"
    return (re.compile(_TEMP.format(name=files)),
            re.compile(_TEMP.format(name=rf"\.{files}\.checked")),
            re.compile(_TEMP.format(name=rf"{stem}(?:\.incidents-\d{{4}})?{_BACKUP_TAIL}")))


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files a killed writer left (they hold the whole file, reporters
    included) and return them. Only ever called under the data file's lock, when no writer
    can be at work; the digests' (written by readers too) only once a minute old."""
    written, digests, backups = _leftover_names(path)
    removed = []
    for folder, patterns in ((path.parent, (written, digests)),
                             (path.parent / "backups", (backups,))):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not any(p.fullmatch(entry.name) for p in patterns):
                continue
            with suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                if digests.fullmatch(entry.name) and \
                        time.time() - entry.stat().st_mtime < DIGEST_TEMP_AGE:
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
