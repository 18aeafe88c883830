"""The inter-process lock of a data file: an exclusive ``flock(2)`` on ``<file>.lock``.

The kernel drops the lock when its holder exits, however it exits, so a killed command never
leaves a file locked. It is the lock ``filelock`` takes on POSIX systems, taken here directly:
importing ``filelock`` (logging, secrets, decimal) cost about 12 ms, a sixth of a command's
start-up. Where ``flock`` does not exist (Windows), ``filelock`` takes it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

POLL = 0.05  # seconds between tries while another command holds the lock


class LockTimeout(Exception):
    """Another process held the lock for the whole timeout."""


@contextmanager
def hold(path: str, timeout: float) -> Iterator[None]:
    """Hold the lock at ``path`` (created when missing), waiting up to ``timeout`` seconds;
    ``LockTimeout`` when it stays taken, ``OSError`` when it cannot be made."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        with _portable(path, timeout):
            yield
        return
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(path) from None
                time.sleep(POLL)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


@contextmanager
def _portable(path: str, timeout: float) -> Iterator[None]:  # pragma: no cover - Windows
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(path) from None
    try:
        yield
    finally:
        lock.release()
