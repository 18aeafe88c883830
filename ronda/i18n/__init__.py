"""Every user-facing text of ronda, one TOML file per language in this folder.

``t(key, lang, **args)`` returns the text; ``detect_language`` decides the language from
``--lang``, ``RONDA_LANG``, the neighbourhood's setting, then the system locale (read from the
environment, never through ``setlocale``).

The languages are the ``<code>.toml`` files in ``FOLDER``: adding ``jv.toml`` adds Javanese.
A file is read on the first text asked of its language, and only then; English is read too
when a text is missing from another language (it is shown in English instead). A key missing
from English is a programming error and raises ``KeyError``.

Each file starts with ``meta = { name = ..., plural = ..., formats = ... }``: the language's
own name, its CLDR plural family (``PLURAL_FORMS``) and whose date and number formats it
follows (``FORMATS``). A text that depends on a number is a table of plural forms
(``"key".one = ...``, ``"key".other = ...``) and is asked for with ``count=``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ENV_LANG = "RONDA_LANG"
BASE = "en"  # every key exists in English; other languages fall back to it

# Where the language files are. Tests (and a translator trying a new file) may point it
# elsewhere: ``monkeypatch.setattr(ronda.i18n, "FOLDER", tmp_path)``.
FOLDER: Path = Path(__file__).parent

# The date and number conventions ronda knows (see ``ronda.dates``): 22:00 and 5.1, or
# 22.00 and 5,1. A language's ``formats`` names one of them.
FORMATS = ("en", "id")

# CLDR plural families: the forms a language writes, and which one a count takes.
PLURAL_FORMS: dict[str, tuple[str, ...]] = {
    "other": ("other",),
    "one-other": ("one", "other"),
}


def _one_other(n: float) -> str:
    # CLDR English: "one" is the whole number 1; 1.0 shown with a decimal takes "other"
    return "one" if n == 1 and isinstance(n, int) else "other"


PLURAL_RULES: dict[str, Callable[[float], str]] = {
    "other": lambda n: "other",
    "one-other": _one_other,
}

_CODE = re.compile(r"[a-z]{2,3}")

Entry = str | dict[str, str]


class Language:
    """One language file, read."""

    def __init__(self, code: str, name: str, plural: str, formats: str,
                 texts: dict[str, Entry] | None = None) -> None:
        self.code, self.name, self.plural, self.formats = code, name, plural, formats
        self.texts: dict[str, Entry] = {} if texts is None else texts


class _Cache:
    """The files read so far, for the folder they were read from."""

    folder: Path | None = None
    codes: tuple[str, ...] = ()
    languages: dict[str, Language] = {}

    @classmethod
    def check(cls) -> None:
        if cls.folder is not FOLDER:
            cls.folder, cls.codes, cls.languages = FOLDER, (), {}


def languages() -> tuple[str, ...]:
    """The codes of the languages present (one ``<code>.toml`` each), English first."""
    _Cache.check()
    if not _Cache.codes:
        found = sorted(name[:-5] for name in os.listdir(FOLDER)
                       if name.endswith(".toml") and _CODE.fullmatch(name[:-5]))
        _Cache.codes = tuple(sorted(found, key=lambda code: code != BASE))
    return _Cache.codes


def __getattr__(name: str) -> Any:
    if name == "LANGS":  # kept for callers of the old constant: the languages present
        return languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _parsed(path: Path) -> dict[str, Any]:
    """The TOML of a language file, kept parsed in ``__pycache__`` beside it (as Python keeps
    compiled modules) so a command reads it in a fraction of a millisecond instead of about
    10 ms; the cache names the file's size and time, so an edited file is read again. A
    folder that cannot be written keeps no cache."""
    import marshal

    stat = path.stat()
    cache = path.parent / "__pycache__" / f"{path.name}.{stat.st_mtime_ns}-{stat.st_size}.marshal"
    try:
        data = marshal.loads(cache.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import tomllib

    with path.open("rb") as f:
        data = tomllib.load(f)
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(f"{path.name}.*.marshal"):
            old.unlink(missing_ok=True)
        scratch = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        scratch.write_bytes(marshal.dumps(data))
        os.replace(scratch, cache)
    except OSError:
        pass
    return data


def read_language(path: Path) -> Language:
    """A language file as written (no fallback); ``ValueError`` when it is malformed."""
    data = dict(_parsed(path))
    meta = data.pop("meta", None)
    code = path.stem
    if not isinstance(meta, dict):
        raise ValueError(f"{path.name}: no meta = {{ name = ..., plural = ..., formats = ... }}")
    plural, formats = meta.get("plural", "other"), meta.get("formats", BASE)
    if plural not in PLURAL_FORMS:
        raise ValueError(f"{path.name}: plural must be one of {', '.join(PLURAL_FORMS)}")
    if formats not in FORMATS:
        raise ValueError(f"{path.name}: formats must be one of {', '.join(FORMATS)}")
    for key, entry in data.items():
        if isinstance(entry, dict):
            if not entry or not all(isinstance(v, str) for v in entry.values()):
                raise ValueError(f"{path.name}: {key} must be a text or plural forms")
        elif not isinstance(entry, str):
            raise ValueError(f"{path.name}: {key} must be a text")
    return Language(code, str(meta.get("name", code)), plural, formats, data)


def _language(lang: str) -> Language:
    _Cache.check()
    found = _Cache.languages.get(lang)
    if found is None:
        path = FOLDER / f"{lang}.toml"
        if lang in languages():
            found = read_language(path)
        else:  # not a language ronda has: English, without its texts until one is asked
            found = Language(lang, lang, "one-other", BASE)
        _Cache.languages[lang] = found
    return found


def loaded() -> tuple[str, ...]:
    """The languages whose file has been read so far (start-up reads none)."""
    return tuple(code for code, lang in _Cache.languages.items() if lang.texts)


def detect_language(explicit: str | None = None, setting: str | None = None) -> str:
    """``--lang``, else ``RONDA_LANG``, else the neighbourhood's setting, else the locale."""
    present = languages()
    for candidate in (explicit, os.environ.get(ENV_LANG), setting):
        if candidate and candidate.strip().lower() in present:
            return candidate.strip().lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            code = re.split(r"[_.@-]", value.lower(), maxsplit=1)[0]
            code = "id" if code == "in" else code  # the old code for Indonesian
            return code if code in present else BASE
    return BASE


class LanguageChoice:
    """The language of a run, decided once by one rule (``detect_language``): ``--lang``,
    else ``RONDA_LANG``, else the neighbourhood's setting (read from the data file before
    any option is parsed), else the system locale. What a command writes may have its own
    (``document_lang``)."""

    def __init__(self, explicit: str | None = None, setting: str | None = None) -> None:
        self.explicit, self.setting = explicit, setting
        self._code: str | None = None

    @property
    def code(self) -> str:
        """The language, decided on the first question and kept for the whole run."""
        if self._code is None:
            self._code = detect_language(self.explicit, self.setting)
        return self._code

    def wants_setting(self) -> bool:
        """Whether the neighbourhood's setting could decide (no ``--lang``, no usable
        ``RONDA_LANG``): only then is the data file read for it."""
        env = os.environ.get(ENV_LANG, "").strip().lower()
        return self.explicit is None and env not in languages()

    def learn_setting(self, lang: str) -> None:
        """A setting just saved (``ronda init --lang id``): the rest of the run speaks it,
        unless ``--lang`` or ``RONDA_LANG`` said otherwise."""
        self.setting, self._code = lang, None


class Term(NamedTuple):
    """A word of the catalogue standing for a value in a message, shown in the reader's
    language: a parameter's name as its help shows it (``NAME``, ``NAMA``), a column's."""

    key: str

    def localise(self, lang: str) -> str:
        return t(self.key, lang)


def has(key: str) -> bool:
    """Whether ``key`` is a text (of English, which holds every key)."""
    return key in _language(BASE).texts


def formats(lang: str) -> str:
    """Whose date and number formats ``lang`` follows: ``"en"`` or ``"id"``."""
    return lang if lang in FORMATS else _language(lang).formats


def t(key: str, lang: str, /, **args: Any) -> str:
    """The text for ``key`` in ``lang`` with ``args`` filled in; a plural text takes the form
    for ``count``. Missing in ``lang``: the English text; missing in English: ``KeyError``."""
    language = _language(lang)
    entry = language.texts.get(key)
    if entry is None:
        language = _language(BASE)
        entry = language.texts.get(key)
        if entry is None:
            raise KeyError(f"no text '{key}' in {BASE}.toml")
    if isinstance(entry, dict):
        count = args.get("count")
        if count is None:
            raise TypeError(f"'{key}' has plural forms: give count=")
        text = entry.get(PLURAL_RULES[language.plural](count)) or entry["other"]
    else:
        text = entry
    return text.format(**args) if args else text


def language_name(lang: str) -> str:
    """The language's own name, as its file gives it (``Bahasa Indonesia``)."""
    return _language(lang).name


def format_decimal(value: float, lang: str) -> str:
    """``5.1`` in English, ``5,1`` in Indonesian (one decimal)."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if formats(lang) == "id" else text


def format_count(value: float, lang: str) -> str:
    """A count that may have a fraction: ``9`` when whole (to a tenth), else ``4.7``/``4,7``."""
    return str(round(value)) if abs(value - round(value)) < 0.05 else format_decimal(value, lang)


def format_int(value: int, lang: str) -> str:
    """A whole number with its thousands grouped: ``5,226`` in English, ``5.226`` in
    Indonesian."""
    text = f"{value:,}"
    return text.replace(",", ".") if formats(lang) == "id" else text
