"""What the root options decide, shared by every command through ``ctx.obj``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ronda.cli.output import Output
from ronda.errors import BadInput
from ronda.i18n import LanguageChoice, languages
from ronda.parsing import parse_choice

if TYPE_CHECKING:
    from ronda.store.datafile import DataFile

ENV_TODAY = "RONDA_TODAY"


def is_interactive() -> bool:
    """Whether a person is at a terminal to answer questions."""
    return sys.stdin.isatty()


def has_screen() -> bool:
    """Whether a person is at a terminal that can show a full screen and take keys."""
    return sys.stdin.isatty() and sys.stdout.isatty()


class State:
    """The root options: data file, language, colour, debug."""

    def __init__(self, db: str | None = None, language: LanguageChoice | None = None,
                 no_color: bool = False, debug: bool = False) -> None:
        self.db, self.no_color, self.debug = db, no_color, debug
        self.language = language if language is not None else LanguageChoice()
        self._out: Output | None = None

    @property
    def path(self) -> Path:
        from ronda.store.datafile import resolve_path

        return resolve_path(self.db)

    @property
    def lang(self) -> str:
        """The language of every message of this run."""
        return self.language.code

    @property
    def out(self) -> Output:
        if self._out is None or self._out.lang != self.lang:
            self._out = Output(self.lang, no_color=self.no_color)
        return self._out

    def output_in(self, lang: str) -> Output:
        """An output for a document in ``lang`` (a poster on screen in its own language)."""
        return self.out if lang == self.lang else Output(lang, no_color=self.no_color)

    def today(self, timezone: str = "Asia/Jakarta") -> date:
        """Today in the neighbourhood (``RONDA_TODAY`` pins it for demos and tests)."""
        if os.environ.get("RONDA_NOW"):
            return self.now(timezone).date()
        pinned = os.environ.get(ENV_TODAY)
        if pinned:
            try:
                return date.fromisoformat(pinned)
            except ValueError:
                raise BadInput("err.bad_date", value=pinned) from None
        from ronda.dates import zone

        return datetime.now(zone(timezone)).date()

    def now(self, timezone: str = "Asia/Jakarta") -> datetime:
        """Now in the neighbourhood. ``RONDA_NOW`` pins it; with only ``RONDA_TODAY`` pinned it
        is 23.59 that day, so demos and tests are reproducible."""
        from ronda.dates import zone

        pinned = os.environ.get("RONDA_NOW")
        try:
            if pinned:
                moment = datetime.fromisoformat(pinned)
                if moment.tzinfo is None:  # a time without a zone is the neighbourhood's
                    moment = moment.replace(tzinfo=zone(timezone))
                return moment.astimezone(zone(timezone))
        except ValueError:
            raise BadInput("err.bad_moment", value=pinned) from None
        if os.environ.get(ENV_TODAY):
            return datetime.combine(self.today(timezone), time(23, 59), zone(timezone))
        return datetime.now(zone(timezone))

    @contextmanager
    def data(self, *, write: bool = False, backup: bool = False) -> Iterator[DataFile]:
        """The data file for this command (its language was read before the command ran)."""
        from ronda.store.datafile import open_data

        with open_data(self.path, write=write, backup=backup) as handle:
            yield handle

    def document_lang(self, lang: str | None) -> str:
        """The language of what a command writes (a poster, a calendar): its own ``--lang``,
        else the language of the run. Messages stay in the language of the run."""
        if lang is None:
            return self.lang
        return parse_choice(lang, languages(), "--lang")

    def interactive(self) -> bool:
        return is_interactive()

    def ask(self, key: str, check: Callable[[str], object] | None = None, *,
            required: bool = False, default: str | None = None) -> str | None:
        """Ask the question ``key`` in the terminal until the answer passes ``check`` (its
        error is said in one line and the question asked again); an empty answer takes the
        ``default`` shown with the question, else skips it (None), unless ``required``."""
        question = self.out.t(key) + (f" [{default}]" if default else "")
        while True:
            answer = typer.prompt(question, default="", show_default=False,
                                  err=True).strip() or default or ""
            try:
                if not answer:
                    if not required:
                        return None
                    raise BadInput("err.answer_needed")
                if check is not None:
                    check(answer)
                return answer
            except BadInput as exc:
                self.out.error_line(self.out.t(exc.key, **exc.args_))

    def confirm(self, key: str, yes: bool, *, refusal: str = "err.needs_yes",
                **args: Any) -> None:
        """Ask before replacing or destroying many records; ``--yes`` answers for scripts."""
        if yes:
            return
        if not self.interactive():
            raise BadInput(refusal)
        if not ask_yes(f"{self.out.t(key, **args)} {self.out.t('prompt.yes_no')}"):
            raise BadInput("err.cancelled")


YES = {"y", "yes", "ya", "iya", "yup", "ok", "oke", "boleh", "lanjut"}
NO = {"", "n", "no", "t", "tidak", "tdk", "nggak", "ngga", "gak", "enggak", "jangan", "batal"}


def ask_yes(question: str) -> bool:
    """A yes/no question on the terminal, answered in either language (ya, iya, tidak,
    nggak, …); anything else is asked again."""
    while True:
        answer = typer.prompt(question, default="", show_default=False, err=True)
        word = answer.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False


def state(ctx: typer.Context) -> State:
    """The State the root callback put on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj
