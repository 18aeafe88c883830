"""Reading the files users name (CSV in) and writing the ones they ask for (exports out)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ronda.errors import BadInput, system_reason


def read_text_file(name: str, *, limit: int | None = None, size: str = "") -> str:
    """A UTF-8 text file (a BOM is fine); see ``read_bytes_file``. One that is not UTF-8 is
    bad input."""
    return decode_text(read_bytes_file(name, limit=limit, size=size), name)


def read_bytes_file(name: str, *, limit: int | None = None, size: str = "") -> bytes:
    """A file's bytes (``-``: standard input); a missing file is bad input, and so is one of
    more than ``limit`` bytes (``size`` names it): refused by its size before it is read, and
    never more than ``limit`` + 1 bytes read (a pipe has no size to ask)."""
    most = -1 if limit is None else limit + 1
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(most)
        else:
            with open(name, "rb") as handle:
                if limit is not None and os.fstat(handle.fileno()).st_size > limit:
                    raise BadInput("err.file_too_big", path=name, size=size)
                raw = handle.read(most)
    except OSError as exc:
        raise BadInput("err.cannot_read", path=name, detail=system_reason(exc)) from None
    except ValueError:  # a NUL byte in the name
        raise BadInput("err.cannot_read", path=repr(name), detail="-") from None
    if limit is not None and len(raw) > limit:
        raise BadInput("err.file_too_big", path=name, size=size)
    return raw


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 text, a byte-order mark aside; anything else is bad input naming the file."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("err.not_utf8", path=name) from None


def write_text_file(name: str, text: str) -> None:
    """Write an export; ``-`` is stdout. New files are readable by their owner only."""
    if name == "-":
        sys.stdout.write(text)
        return
    write_bytes_file(name, text.encode("utf-8"))


def write_bytes_file(name: str, payload: bytes) -> None:
    """Write a file readable by its owner only, an existing one included; a symbolic link is
    not followed, and a path that cannot be written is bad input. ``-`` is stdout."""
    if name == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    if "\x00" in name:
        raise BadInput("err.cannot_write", path=repr(name), detail="-")
    if os.path.islink(name):
        raise BadInput("err.export_link", path=name)
    try:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        os.fchmod(fd, 0o600)  # an existing file keeps no wider mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise BadInput("err.cannot_write", path=name, detail=system_reason(exc)) from None


def private_folder(name: str) -> Path:
    """A folder for files that hold personal data: made 0700, and tightened to 0700 when it
    exists; a symbolic link is not followed."""
    if "\x00" in name:
        raise BadInput("err.cannot_write", path=repr(name), detail="-")
    folder = Path(name)
    if folder.is_symlink():
        raise BadInput("err.export_link", path=name)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError as exc:
        raise BadInput("err.cannot_write", path=name, detail=system_reason(exc)) from None
    return folder


def remove_written(name: str, digest: str) -> str:
    """Delete a file ronda wrote when it still holds what ronda wrote there (``digest``, see
    ``file_digest``): ``removed``, ``gone`` (nothing there), ``changed`` (someone else's
    content now: left alone) or why it could not be deleted."""
    from ronda.calendars.registry import file_digest

    try:
        if os.path.islink(name) or file_digest(Path(name).read_bytes()) != digest:
            return "changed"
        os.unlink(name)
    except FileNotFoundError:
        return "gone"
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return "removed"
