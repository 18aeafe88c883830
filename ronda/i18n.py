"""Every user-facing text of ronda, in English and Bahasa Indonesia, in one place.

``t(key, lang, **args)`` returns the text; ``detect_language`` decides the language from
``--lang``, ``RONDA_LANG``, the neighbourhood's setting, then the system locale (read from the
environment, never through ``setlocale``).
"""

from __future__ import annotations

import os
from typing import Any

from ronda.i18n_catalogue import MESSAGES

LANGS = ("en", "id")
ENV_LANG = "RONDA_LANG"


def detect_language(explicit: str | None = None, setting: str | None = None) -> str:
    """``--lang``, else ``RONDA_LANG``, else the neighbourhood's setting, else the locale."""
    for candidate in (explicit, os.environ.get(ENV_LANG), setting):
        if candidate and candidate.strip().lower() in LANGS:
            return candidate.strip().lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"


def has(key: str) -> bool:
    return key in MESSAGES


def t(key: str, lang: str, /, **args: Any) -> str:
    """The text for ``key`` in ``lang`` with ``args`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry[1] if lang == "id" else entry[0]
    return text.format(**args) if args else text


def format_decimal(value: float, lang: str) -> str:
    """``5.1`` in English, ``5,1`` in Indonesian (one decimal)."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "id" else text
