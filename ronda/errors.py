"""The errors ronda raises. Each carries a translation key and its arguments.

The command layer turns them into one translated line and an exit code, in one place.
"""

from __future__ import annotations

from typing import Any


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
