"""The errors ronda raises. Each carries a translation key and its arguments.

The command layer turns them into one translated line and an exit code, in one place.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class RondaError(Exception):
    """Base class: a message key from ``ronda.i18n`` plus the values it needs."""

    exit_code = 2

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args

    def __str__(self) -> str:  # for logs and --debug; users see the translated text
        return f"{self.key} {self.args_}"


class BadInput(RondaError):
    """The user typed something ronda cannot accept (exit 2)."""


class DataFileError(RondaError):
    """The data file is missing, locked, broken or from a newer ronda (exit 1)."""

    exit_code = 1


class SystemReason(NamedTuple):
    """Why the system refused a file (``ENOENT``), said in the reader's language instead of
    the system's own English (``No such file or directory``)."""

    code: str

    def localise(self, lang: str) -> str:
        from ronda.i18n import t
        from ronda.i18n.labels import SYSTEM_REASON

        key = SYSTEM_REASON.get(self.code)
        return t(key, lang) if key else t("oserr.other", lang, code=self.code)


def system_reason(exc: BaseException) -> SystemReason:
    """The reason of an ``OSError`` (or a file that is not UTF-8 text), for a message."""
    import errno

    if isinstance(exc, UnicodeDecodeError):
        return SystemReason("not-utf8")
    number = getattr(exc, "errno", None)
    return SystemReason(errno.errorcode.get(number, "?") if number else type(exc).__name__)
