"""Reading the files users name (CSV in) and writing the ones they ask for (exports out)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ronda.errors import BadInput


def read_text_file(name: str) -> str:
    """A UTF-8 text file (a BOM is fine); a missing or undecodable file is bad input."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise BadInput("err.cannot_read", path=name, detail=exc.strerror or str(exc)) from None
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
    """Write a file readable by its owner only; a path that cannot be written is bad input."""
    try:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise BadInput("err.cannot_write", path=name, detail=exc.strerror or str(exc)) from None
