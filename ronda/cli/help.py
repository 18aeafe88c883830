"""Help in the user's language, and click's usage errors as one translated line."""

from __future__ import annotations

import re
from typing import Any

from ronda.i18n import t


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
        text = t("err.usage.extra", lang, args=m[1], count=len(m[1].split()))
    else:
        text = t("err.usage.other", lang, detail=exc.message)
    return f"{text} {hint}"
