"""What was checked before: the digest of a file's content last checked in full, kept beside
it (``.rt005.json.checked``), so the next command need not read every record again; a file
changed by anything but ronda is checked in full."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from ronda import __version__
from ronda.store.atomic import write_quietly
from ronda.store.modes import guard


def _checked(path: Path) -> Path:
    """Where the digest of the content last checked in full is kept, beside the file."""
    return path.parent / f".{path.name}.checked"


def _digest(payload: bytes) -> str:
    try:  # the module hashlib takes BLAKE2 from; hashlib itself loads OpenSSL (3 ms a run)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter without it
        from hashlib import blake2b
    # the version too: a newer ronda checks once what an older one passed
    digest = blake2b(__version__.encode(), digest_size=16)
    digest.update(payload)
    return digest.hexdigest()


def remember_checked(path: Path, payload: bytes) -> None:
    """Note that this content is sound, so the next command need not read every incident
    again; a file changed by anything but ronda is checked in full."""
    with suppress(OSError):
        write_quietly(_checked(path), _digest(payload).encode())


def checked_before(path: Path, payload: bytes) -> bool:
    """Whether this content was checked in full by an earlier command."""
    digest = _checked(path)
    try:
        known = digest.read_text().strip() == _digest(payload)
    except OSError:
        return False
    guard(digest)
    return known
