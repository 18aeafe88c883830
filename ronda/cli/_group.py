"""The root command group: translated help, and every error turned into one line, once."""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from ronda.errors import RondaError
from ronda.i18n import ENV_LANG, detect_language, t

INTERNAL_ERROR = 3


def _option_value(args: Sequence[str], option: str) -> str | None:
    """The value of a root option (``--db X`` or ``--db=X``), read before parsing."""
    value = None
    for i, arg in enumerate(args):
        if arg == option and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(option + "="):
            value = arg[len(option) + 1:]
    return value


def language_of(args: Sequence[str], *, read_file: bool) -> str:
    """The language of this run, decided before the options are parsed.

    The data file is read for its language setting only when help or an error is shown.
    """
    explicit = _option_value(args, "--lang")
    if explicit not in ("en", "id"):
        explicit = None
    setting = None
    if read_file and not explicit and not os.environ.get(ENV_LANG):
        from ronda.storage import peek_language, resolve_path  # only then: start-up stays light

        try:
            setting = peek_language(resolve_path(_option_value(args, "--db")))
        except RondaError:  # a bad --db is reported once the command runs
            setting = None
    return detect_language(explicit, setting)


def _param_key(param: Any, command_key: str) -> str:
    if param.name == "help":
        return "help.opt.help"
    own = getattr(param, "_ronda_key", None) or param.help or ""
    return own if own.startswith("help.") else f"{command_key}.{param.name}"


def _translate_help_option(command: Any, lang: str) -> None:
    original = getattr(command, "_ronda_help_option", None) or command.get_help_option
    command._ronda_help_option = original

    def help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = t("help.opt.help", lang)
        return option

    command.get_help_option = help_option


def translate_help(command: Any, lang: str, path: str = "") -> None:
    """Put the help text of every command and parameter in the chosen language.

    A command's help is ``help.<path>``; a parameter's is the key written as its help, or
    ``help.<path>.<name>``.
    """
    key = "help." + path if path else "help.root"
    command.help = t(key, lang)
    command.short_help = command.help.split("\n")[0]
    _translate_help_option(command, lang)
    for param in command.params:
        if not hasattr(param, "help"):
            continue
        param._ronda_key = _param_key(param, key)
        param.help = t(param._ronda_key, lang)
    for name, sub in getattr(command, "commands", {}).items():
        translate_help(sub, lang, f"{path}.{name}" if path else name)


def help_keys(command: Any, path: str = "") -> list[str]:
    """Every help key the command tree needs (for the test that each exists in both languages)."""
    key = "help." + path if path else "help.root"
    keys = [key]
    for param in command.params:
        if hasattr(param, "help"):
            keys.append(_param_key(param, key))
    for name, sub in getattr(command, "commands", {}).items():
        keys += help_keys(sub, f"{path}.{name}" if path else name)
    return keys


def usage_message(exc: Any, lang: str) -> str:
    """A click usage error as one line in the user's language."""
    from typer._click import exceptions as ce  # typer ships its own click

    hint = t("hint.help", lang, command=exc.ctx.command_path if exc.ctx else "ronda")
    if isinstance(exc, ce.NoSuchOption):
        text = t("err.usage.no_such_option", lang, option=exc.option_name)
        if exc.possibilities:
            text += " " + t("err.usage.did_you_mean", lang, name=exc.possibilities[0])
    elif isinstance(exc, ce.MissingParameter) and exc.param is not None:
        name = (exc.param.opts[0] if exc.param.param_type_name == "option"
                else exc.param.human_readable_name)
        text = t("err.usage.missing", lang, param=name)
    elif isinstance(exc, ce.BadOptionUsage):
        text = t("err.usage.needs_value", lang, option=exc.option_name)
    elif isinstance(exc, ce.BadParameter):
        name = exc.param.opts[0] if exc.param is not None and exc.param.opts else "?"
        text = t("err.usage.bad_value", lang, param=name)
    elif m := re.match(r"No such command '([^']+)'", exc.message):
        text = t("err.usage.no_such_command", lang, name=m[1])
        if guess := re.search(r"Did you mean '([^']+)'", exc.message):
            text += " " + t("err.usage.did_you_mean", lang, name=guess[1])
    elif m := re.match(r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)", exc.message):
        text = t("err.usage.extra", lang, args=m[1])
    else:
        text = t("err.usage.other", lang, detail=exc.message)
    return f"{text} {hint}"


class RondaGroup(TyperGroup):
    """The root group. Command groups load when used; domain errors become one translated
    line and exit code 2 (data file: 1); an unexpected error never shows a traceback unless
    ``--debug`` asks for it."""

    lang = "en"

    def list_commands(self, ctx: Any) -> list[str]:
        from ronda.cli.app import COMMANDS

        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        from ronda.cli.app import COMMANDS

        if name in self.commands or name not in COMMANDS:
            return self.commands.get(name)
        module, attr = COMMANDS[name].split(":")
        target = getattr(importlib.import_module(module), attr)
        if not isinstance(target, typer.Typer):
            single = typer.Typer(add_completion=False)
            single.command(name)(target)
            target = single
        command = typer.main.get_command(target)
        command.name = name
        translate_help(command, self.lang, name)
        self.commands[name] = command
        return command

    def load_all(self) -> None:
        """Load every command group (for help and for the tests that walk the tree)."""
        for name in self.list_commands(None):
            self.get_command(None, name)

    def invoke(self, ctx: Any) -> Any:
        from typer._click.exceptions import ClickException

        from ronda.cli._state import state

        try:
            return super().invoke(ctx)
        except RondaError as exc:
            out = state(ctx).out
            out.error_line(out.t(exc.key, **exc.args_))
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, ClickException):
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

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        from typer._click import exceptions as ce

        argv = list(sys.argv[1:] if args is None else args)
        wants_help = not argv or "--help" in argv or "-h" in argv
        self.lang = language_of(argv, read_file=wants_help)
        self.commands.clear()
        translate_help(self, self.lang)
        try:
            result = super().main(args=argv, prog_name=prog_name or "ronda",
                                  complete_var=complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except ce.NoArgsIsHelpError:
            code = 0  # the help was printed already
        except ce.UsageError as exc:
            from ronda.cli._output import Output

            lang = language_of(argv, read_file=True)
            Output(lang).error_line(usage_message(exc, lang))
            code = 2
        except typer.Abort:
            from ronda.cli._output import Output

            Output(language_of(argv, read_file=False)).error_line(
                t("err.cancelled", language_of(argv, read_file=False)))
            code = 2
        if standalone_mode:
            sys.exit(code)
        return code
