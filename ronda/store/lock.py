"""The inter-process lock of a data file: an exclusive ``flock(2)`` on ``<file>.lock``.

The kernel drops the lock when its holder exits, however it exits, so a killed command never
leaves a file locked. It is the lock ``filelock`` takes on POSIX systems, taken here directly:
importing ``filelock`` (logging, secrets, decimal) cost about 12 ms, a sixth of a command's
start-up. Where ``flock`` does not exist (Windows) or the file system has none, ``filelock``
takes it its own way.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

POLL = 0.05  # seconds between tries while another command holds the lock


class LockTimeout(Exception):
    """Another process held the lock for the whole timeout."""


UNSUPPORTED = (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK)


@contextmanager
def hold(path: str, timeout: float) -> Iterator[None]:
    """Hold the lock at ``path`` (created when missing), waiting up to ``timeout`` seconds;
    ``LockTimeout`` when it stays taken, ``OSError`` when it cannot be made."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None
    if fcntl is None or not _has_flock(fcntl, os.path.dirname(path) or "."):
        with _portable(path, timeout):  # filelock's own way (a lock file's existence)
            yield
        return
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:  # some file systems say EACCES for a lock held elsewhere
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise LockTimeout(path) from None
                time.sleep(POLL)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _has_flock(fcntl: Any, folder: str) -> bool:
    """Whether the folder's file system has ``flock`` (asked of the folder itself, so that
    no lock file is made where filelock would take a lock file's existence for a lock)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(handle, fcntl.LOCK_UN)
    except OSError as exc:
        return exc.errno not in UNSUPPORTED
    finally:
        os.close(handle)
    return True


@contextmanager
def _portable(path: str, timeout: float) -> Iterator[None]:
    import warnings

    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=timeout)
    try:
        with warnings.catch_warnings():  # it says so when it falls back to a lock file
            warnings.simplefilter("ignore")
            lock.acquire()
    except Timeout:
        raise LockTimeout(path) from None
    try:
        yield
    finally:
        lock.release()
