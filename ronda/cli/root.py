"""The root command group: which commands exist, loading each when used, the language of
the run, and every error turned into one line, once."""

from __future__ import annotations

import copy
import importlib
import re
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import typer
from typer._click.parser import _OptionParser  # typer ships its own click
from typer.core import TyperCommand, TyperGroup

from ronda.cli.commands import ALIASES, COMMANDS
from ronda.cli.help import translate_help, usage_message
from ronda.errors import BadInput, RondaError
from ronda.i18n import LanguageChoice, languages, t
from ronda.parsing import parse_choice

INTERNAL_ERROR = 3

INTERRUPTED = 130  # the shell's code for a run stopped with Ctrl-C


ROOT_VALUE_OPTIONS = ("--db", "--lang")
# -1, -5rb, -2,5jt, -Rp5.000: no option of ronda looks like one
NEGATIVE_NUMBER = re.compile(r"-(?:\d|[Rr][Pp]\.?\s*\d)")


class _NumberParser(_OptionParser):
    """Click's parser, except that an argument like ``-1`` is a value, not an unknown option
    (``kas add -5``, ``incident show -1``): the command then says what is wrong with it. Click's
    own answer, ``ignore_unknown_options``, would also take ``--typo`` for a value."""

    def _process_opts(self, arg: str, state: Any) -> None:
        if NEGATIVE_NUMBER.match(arg) and arg not in self._short_opt:
            state.largs.append(arg)
        else:
            super()._process_opts(arg, state)

    def parse_args(self, args: list[str]) -> Any:
        from typer._click.exceptions import UsageError

        try:
            return super().parse_args(args)
        except UsageError as exc:  # an option without its value: the hint names the command
            exc.ctx = exc.ctx or self.ctx
            raise


class RondaCommand(TyperCommand):
    """Every command of ronda: negative numbers are values (see ``_NumberParser``)."""

    def make_parser(self, ctx: Any) -> _OptionParser:
        parser = _NumberParser(ctx)
        for param in self.get_params(ctx):
            param.add_to_parser(parser, ctx)
        return parser


def _option_value(args: Sequence[str], option: str) -> str | None:
    """The value of a root option (``--db X`` or ``--db=X``), read before parsing: only
    before the command's name, so a command's own ``--lang`` is not taken for the root's."""
    value = None
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("-"):
            break  # the command: what follows is its own
        name, has_value, inline = arg.partition("=")
        if name in ROOT_VALUE_OPTIONS and not has_value:
            if name == option and i + 1 < len(args):
                value = args[i + 1]
            i += 2
            continue
        if name == option and has_value:
            value = inline
        i += 1
    return value


def _past_root_options(args: Sequence[str]) -> int:
    """Where the root's own options (``--db X``, ``--lang id``, ``--no-color``, ``--debug``)
    end in ``args``."""
    i = 0
    while i < len(args):
        name, has_value, _ = args[i].partition("=")
        if name in ROOT_VALUE_OPTIONS:
            i += 1 if has_value else 2
        elif args[i] in ("--no-color", "--debug"):
            i += 1
        else:
            break
    return min(i, len(args))


def _command_word(args: Sequence[str]) -> str | None:
    """The command's word as typed (``jadwal``), past the root options; None if none."""
    i = _past_root_options(args)
    return args[i] if i < len(args) and not args[i].startswith("-") else None


def _no_command(args: Sequence[str]) -> bool:
    """Whether ``args`` name no command, only root options (``ronda --db rt005.json``)."""
    return _past_root_options(args) == len(args)


def _root_args(args: Sequence[str]) -> list[str]:
    """The arguments before the command's name: the root's own options."""
    for i, arg in enumerate(args):
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in ROOT_VALUE_OPTIONS):
            return list(args[:i])
    return list(args)


def language_of(args: Sequence[str]) -> tuple[LanguageChoice, BadInput | None]:
    """The language of this run, decided once and first, before the options are parsed and
    before any command runs: ``--lang``, else ``RONDA_LANG``, else the setting saved in the
    data file (read for it here; the command that opens the file parses it only once), else
    the system locale. A ``--lang`` no file exists for is refused (the error returned, to
    be said in the language the rest decides). ``ronda --version`` reads nothing."""
    language, refused = LanguageChoice(), None
    explicit = _option_value(args, "--lang")
    if explicit is not None:
        try:
            language.explicit = parse_choice(explicit, languages(), "--lang")
        except BadInput as exc:
            refused = exc
    if language.wants_setting() and "--version" not in _root_args(args):
        from ronda.store.paths import (  # only here: start-up stays light
            peek_language,
            resolve_path,
        )

        with suppress(RondaError):  # a bad --db is reported once the command runs
            language.setting = peek_language(resolve_path(_option_value(args, "--db")))
    return language, refused


def _loose_files(out: Any) -> None:
    """Say in one line which files of the data file others could read and that they are
    private again (in another, those ronda may not change, and what to run); with no
    ``out``, only forget them."""
    if "ronda.store.modes" not in sys.modules:  # no file of a neighbourhood was read
        return
    from ronda.store.modes import loose_files

    found = loose_files()
    for fixed, key in ((True, "warn.file_mode_fixed"), (False, "warn.file_mode")):
        files = [f"{f.path} ({f.mode:o})" for f in found if f.fixed == fixed]
        if files and out is not None:
            out.warn(key, count=len(files), files=", ".join(files))


# the commands built in this process, by name and language: a command is built once (typer
# reads every parameter of its function) and run as often as it is called
_BUILT: dict[tuple[str, str], Any] = {}


class RondaGroup(TyperGroup):
    """The root group. Command groups load when used; domain errors become one translated
    line and exit code 2 (data file: 1); an unexpected error never shows a traceback unless
    ``--debug`` asks for it."""

    lang = "en"
    listing = False  # the root's own help: commands named, none loaded

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in ALIASES:  # the command the word stands for, built as its own name
            first, *rest = ALIASES[name]
            command = self.get_command(ctx, first)
            for word in rest:
                command = command.get_command(ctx, word)
            return command
        if name in self.commands or name not in COMMANDS:
            return self.commands.get(name)
        if self.listing:  # its name and one line of help are all the root's help shows
            return TyperCommand(name, help=t(f"help.{name}", self.lang).split("\n")[0])
        if (name, self.lang) not in _BUILT:
            module, attr = COMMANDS[name].split(":")
            target = getattr(importlib.import_module(module), attr)
            if isinstance(target, typer.Typer):
                command = lazy_group(target, name, self.lang)
            else:
                single = typer.Typer(add_completion=False)
                single.command(name, cls=RondaCommand)(target)
                command = typer.main.get_command(single)
                translate_help(command, self.lang, name)
            command.name = name
            _BUILT[name, self.lang] = command
        self.commands[name] = _BUILT[name, self.lang]
        return self.commands[name]

    def load_all(self) -> None:
        """Load every command (for help and for the tests that walk the tree)."""
        for name in self.list_commands(None):
            command = self.get_command(None, name)
            if isinstance(command, LazyGroup):
                command.load_all()

    def shown_name(self, name: str) -> str:
        """A command as help lists it: with the Indonesian word that runs it (``schedule
        (jadwal)``)."""
        words = [alias for alias, path in ALIASES.items() if path[0] == name]
        return f"{name} ({', '.join(words)})" if words else name

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and name not in COMMANDS and name not in ALIASES and \
                not name.startswith("-") and not ctx.resilient_parsing:
            from difflib import get_close_matches

            from typer._click.exceptions import UsageError

            # the closest name or word, without loading any command (click's own words,
            # which the usage error reads)
            message = f"No such command '{name}'."
            guess = get_close_matches(name, [*COMMANDS, *ALIASES], n=1)
            if guess:
                message += f" Did you mean '{guess[0]}'?"
            raise UsageError(message, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        from typer._click.exceptions import ClickException

        from ronda.cli.context import state

        _loose_files(None)  # each command says only what it found
        try:
            result = super().invoke(ctx)
        except RondaError as exc:
            out = state(ctx).out
            _loose_files(out)
            out.error_line(out.t(exc.key, **exc.args_))
            raise typer.Exit(exc.exit_code) from None
        except (KeyboardInterrupt, typer.Abort) as exc:
            if isinstance(exc, typer.Abort) and \
                    not isinstance(exc.__context__, KeyboardInterrupt):
                raise  # the end of input at a question: cancelled as before
            # Ctrl-C, at a question or not: a line of its own after the "^C" the terminal
            # echoed; nothing was written (every write is whole or not at all)
            sys.stderr.write("\n" + state(ctx).out.t("msg.interrupted") + "\n")
            raise typer.Exit(INTERRUPTED) from None
        except (typer.Exit, ClickException):
            raise
        except BrokenPipeError:  # the reader went away (`ronda roster | head`): stop quietly
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if state(ctx).debug:
                raise
            out = state(ctx).out
            out.error_line(out.t("err.internal", kind=type(exc).__name__))
            raise typer.Exit(INTERNAL_ERROR) from None
        _loose_files(state(ctx).out)
        return result

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        from typer._click import exceptions as ce

        argv = list(sys.argv[1:] if args is None else args)
        alone = _no_command(argv)  # `ronda`, `ronda --db rt005.json`: the start panel
        wants_help = alone or "--help" in argv or "-h" in argv
        self.language, refused = language_of(argv)
        if refused is not None:
            from ronda.cli.output import Output

            out = Output(self.language.code)
            out.error_line(out.t(refused.key, **refused.args_))
            if standalone_mode:
                sys.exit(2)
            return 2
        self.lang = self.language.code
        if alone:  # a start panel, not the usage: what ronda does, what to type next
            from ronda.cli.welcome import start_panel

            code = start_panel(self.language, _option_value(argv, "--db"),
                               no_color="--no-color" in argv)
            if standalone_mode:
                sys.exit(code)
            return code
        self.commands.clear()
        if wants_help:  # only help shows the root's own texts: --version reads no language
            translate_help(self, self.lang)
        self.listing = wants_help and not any(a in COMMANDS or a in ALIASES for a in argv)
        try:
            result = super().main(args=argv, prog_name=prog_name or "ronda",
                                  complete_var=complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except ce.NoArgsIsHelpError:
            code = 0  # the help was printed already
        except ce.UsageError as exc:
            from ronda.cli.output import Output

            lang = self.language.code
            word = _command_word(argv)
            typed = f"ronda {word}" if word in COMMANDS or word in ALIASES else "ronda"
            Output(lang).error_line(usage_message(exc, lang, typed))
            code = 2
        except typer.Abort:
            from ronda.cli.output import Output

            lang = self.language.code
            Output(lang).error_line(t("err.cancelled", lang))
            code = 2
        if standalone_mode:
            sys.exit(code)
        return code


class LazyGroup(TyperGroup):
    """A command group whose commands are built from their functions only when one runs
    (or help lists them): typer reads every parameter of every function it builds, and a
    group of twenty commands cost more than the one that runs."""

    source: typer.Typer
    path = ""
    lang = "en"

    def _entries(self) -> dict[str, Any]:
        entries: dict[str, Any] = {}
        for info in self.source.registered_commands:
            assert info.callback is not None
            entries[info.name or typer.main.get_command_name(info.callback.__name__)] = info
        for info in self.source.registered_groups:
            entries[info.name or typer.main.solve_typer_info_defaults(info).name] = info
        return entries

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self._entries())

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in self.commands:
            info = self._entries().get(name)
            if info is None:
                return None
            path = f"{self.path}.{name}"
            if isinstance(info, typer.models.TyperInfo):
                assert info.typer_instance is not None
                command = lazy_group(info.typer_instance, path, self.lang)
            else:
                info = copy.copy(info)
                if info.cls in (None, TyperCommand):  # typer's default
                    info.cls = RondaCommand
                command = typer.main.get_command_from_info(
                    info, pretty_exceptions_short=self.source.pretty_exceptions_short,
                    rich_markup_mode=self.source.rich_markup_mode)
                translate_help(command, self.lang, path)
            command.name = name
            self.commands[name] = command
        return self.commands[name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self._entries():
            self.load_all()  # an unknown name: typer suggests the closest of those built
        return super().resolve_command(ctx, args)

    def load_all(self) -> None:
        """Build every command of the group and of its groups."""
        for name in self.list_commands(None):
            command = self.get_command(None, name)
            if isinstance(command, LazyGroup):
                command.load_all()


def lazy_group(target: typer.Typer, path: str, lang: str) -> LazyGroup:
    """The command group of ``target`` (its callback's options and help, in ``lang``), its
    commands left to be built when used."""
    shallow = copy.copy(target)
    shallow.registered_commands, shallow.registered_groups = [], []
    shallow.info = copy.copy(target.info)
    shallow.info.cls = LazyGroup
    group = typer.main.get_group(shallow)
    assert isinstance(group, LazyGroup)
    group.source, group.path, group.lang = target, path, lang
    translate_help(group, lang, path)
    return group
