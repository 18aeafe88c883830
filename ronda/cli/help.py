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


# What an option's value is, shown in the help instead of the type (``<str>``): by option
# name, and where one name means something else in one command, by command first.
METAVARS: dict[str, str] = {
    **dict.fromkeys(("--from", "--to", "--since", "--until", "--week"), "metavar.date"),
    "--at": "metavar.moment",
    **dict.fromkeys(("--weeks", "--extra", "--rest", "--max-per-week", "--seed", "--year",
                     "--cancel", "--change"), "metavar.number"),
    "--alarm": "metavar.minutes", "--timeout": "metavar.seconds",
    **dict.fromkeys(("--fine", "--jimpitan", "--loss"), "metavar.money"),
    **dict.fromkeys(("--volunteer", "--absent", "--present", "--substitute"),
                    "metavar.person"),
    **dict.fromkeys(("--phone", "--coordinator-phone", "--liaison-phone"), "metavar.phone"),
    **dict.fromkeys(("--output", "--per-volunteer", "--db"), "metavar.file"),
    "--lang": "metavar.lang", "--days": "metavar.days", "--slot": "metavar.slot",
    "--on": "metavar.date", "--night": "metavar.date", "--paid": "metavar.person",
    "--incident": "metavar.id",
    "--slots": "metavar.slots", "--per-night": "metavar.per_night",
    "--timezone": "metavar.zone", "--password-env": "metavar.variable",
    **dict.fromkeys(("--format", "--mode", "--category", "--severity", "--status", "--kind",
                     "--role", "--sp2hp"), "metavar.choice"),
}
COMMAND_METAVARS: dict[tuple[str, ...], dict[str, str]] = {
    ("init",): {"--start": "metavar.time", "--end": "metavar.time"},
    ("event", "add"): {"--end": "metavar.moment"},
}
ARGUMENT_METAVARS = {"DATE": "metavar.date", "NAME_OUT": "metavar.name_out",
                     "NAME_IN": "metavar.name_in",
                     "VOLUNTEER": "metavar.person", "ID": "metavar.id", "N": "metavar.number",
                     "NAME": "metavar.name", "FILE.csv": "metavar.csv", "KEY": "metavar.key",
                     "VALUE": "metavar.value", "TITLE": "metavar.title", "URL": "metavar.url",
                     "AMOUNT": "metavar.money"}


def _plain_text() -> Any:
    """Text whose help shows no type: an argument's name already says what it is."""
    from typer._click.types import StringParamType

    class PlainText(StringParamType):
        def get_metavar(self, param: Any, ctx: Any = None) -> str:
            return ""

    return PlainText()


def _metavar(param: Any, path: str, lang: str) -> str | None:
    """What the help shows for a parameter's value, in ``lang``."""
    if param.param_type_name == "argument":
        original = getattr(param, "_ronda_metavar", None) or param.metavar
        param._ronda_metavar = original
        if type(param.type).__name__ == "StringParamType":
            param.type = _plain_text()
        name, number = re.fullmatch(r"(.*?)(\d*)", original or "").groups()  # DATE1, NAME2
        key = ARGUMENT_METAVARS.get(name)
        return t(key, lang) + number if key else original
    if param.is_flag:
        return None
    name = param.opts[0]
    key = COMMAND_METAVARS.get(tuple(path.split(".")), {}).get(name) or \
        METAVARS.get(name, "metavar.text")
    return t(key, lang)


def _in_language(command: Any, lang: str) -> None:
    """The command's help in ``lang``, words of its frame included (Usage, Options,
    [required], [default: …]), drawn by ``print_help``."""
    command.options_metavar = t("help.word.options_metavar", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = t("help.word.subcommand_metavar", lang)

    def format_help(ctx: Any, formatter: Any) -> None:
        print_help(command, ctx, lang)

    def format_usage(ctx: Any, formatter: Any) -> None:
        # typer writes a required argument as {DATE}; the reader types DATE, so show that
        pieces = (re.sub(r"^\{(.+)\}$", r"\1", piece)
                  for piece in command.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=t("help.word.usage", lang) + " ")

    command.format_help = format_help
    command.format_usage = format_usage


def _default(param: Any, lang: str) -> str:
    """An option's default as the reader would type it (``sedang`` for ``medium``)."""
    from ronda.i18n import labels
    from ronda.i18n.words import Words

    words = {"--severity": labels.SEVERITY_WORDS, "--kind": labels.EVENT_KIND_WORDS,
             "--reason": labels.ABSENCE_WORDS, "--role": labels.GUEST_ROLE_WORDS,
             "--format": labels.FORMAT_WORDS, "--nights": Words({"all": "help.word.all_days"}),
             }.get(param.opts[0], Words())
    return words.names((str(param.default),)).localise(lang)


def _param_rows(params: list[Any], ctx: Any, lang: str) -> list[list[Any]]:
    """A row a parameter: required mark, options (or the argument's name), short options,
    what its value is, its help with the default or [required]."""
    from rich.text import Text

    rows = []
    for p in params:
        extra = ""
        if p.required:
            extra = " " + t("help.word.required", lang)
        elif p.param_type_name == "option" and not p.is_flag and p.default not in (
                None, "", (), False) and getattr(p, "show_default", True) is not False:
            extra = " " + t("help.word.default", lang, value=_default(p, lang))
        if p.param_type_name == "argument":
            names, short, value = p.metavar or p.name.upper(), "", ""
        else:
            names = "/".join(o for o in (*p.opts, *p.secondary_opts) if o.startswith("--"))
            short = " ".join(o for o in (*p.opts, *p.secondary_opts) if not o.startswith("--"))
            value = "" if p.is_flag else (p.metavar or "")
        rows.append([Text("*" if p.required else "", style="red"),
                     Text(names, style="bold cyan"), Text(short, style="bold green"),
                     Text(value, style="bold yellow"),
                     Text((p.help or "") + extra)])
    return rows


def print_help(command: Any, ctx: Any, lang: str) -> None:
    """A command's help, as typer draws it (usage, help text, panels of arguments, options
    and commands) but with rich's table and panel only, in the user's language."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, emoji=False)
    console.print(Padding(Text(command.get_usage(ctx), style="bold"), 1))
    if command.help:
        console.print(Padding(Text(command.help), (0, 1, 1, 1)))
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    panels = [("help.word.arguments", [p for p in params if p.param_type_name == "argument"]),
              ("help.word.options", [p for p in params if p.param_type_name == "option"])]
    for title, group in panels:
        if not group:
            continue
        grid = Table.grid(padding=(0, 1))
        rows = _param_rows(group, ctx, lang)
        keep = [i for i in range(5) if i == 4 or any(r[i].plain for r in rows)]
        for i in keep:
            grid.add_column(no_wrap=i < 4, overflow="fold")
        for row in rows:
            grid.add_row(*(row[i] for i in keep))
        console.print(Panel(grid, title=t(title, lang), title_align="left",
                            border_style="dim"))
    names = command.list_commands(ctx) if hasattr(command, "list_commands") else []
    if names:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        shown = getattr(command, "shown_name", str)  # the root names its Indonesian words
        for name in names:
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                grid.add_row(shown(name), sub.short_help or (sub.help or "").split("\n")[0])
        console.print(Panel(grid, title=t("help.word.commands", lang), title_align="left",
                            border_style="dim"))


def translate_help(command: Any, lang: str, path: str = "") -> None:
    """Put the help text of every command and parameter in the chosen language, with what
    each value is (``DATE``, ``HH.MM``, ``ID|NAME``) and typer's own words.

    A command's help is ``help.<path>``; a parameter's is the key written as its help, or
    ``help.<path>.<name>``.
    """
    key = "help." + path if path else "help.root"
    command.help = t(key, lang)
    command.short_help = command.help.split("\n")[0]
    _translate_help_option(command, lang)
    _in_language(command, lang)
    for param in command.params:
        if not hasattr(param, "help"):
            continue
        param._ronda_key = _param_key(param, key)
        param.help = t(param._ronda_key, lang)
        if param.name != "help":
            param.metavar = _metavar(param, path, lang)
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


def usage_message(exc: Any, lang: str, typed: str = "ronda") -> str:
    """A click usage error as one line in the user's language; its hint names the command
    the error is about, or ``typed`` (the command as typed) when click does not say."""
    from typer._click import exceptions as ce  # typer ships its own click

    hint = t("hint.help", lang, command=exc.ctx.command_path if exc.ctx else typed)
    if isinstance(exc, ce.NoSuchOption):
        text = t("err.usage.no_such_option", lang, option=exc.option_name)
        if exc.possibilities:
            text += " " + t("err.usage.did_you_mean", lang, name=exc.possibilities[0])
    elif isinstance(exc, ce.MissingParameter) and exc.param is not None:
        name = (exc.param.opts[0] if exc.param.param_type_name == "option"
                else exc.param.human_readable_name)
        text = t("err.usage.missing", lang, param=name)
    elif isinstance(exc, ce.BadOptionUsage):
        key = "err.usage.no_value" if "does not take" in exc.message else \
            "err.usage.needs_value"
        text = t(key, lang, option=exc.option_name)
    elif isinstance(exc, ce.BadParameter):
        name = exc.param.opts[0] if exc.param is not None and exc.param.opts else "?"
        text = t("err.usage.bad_value", lang, param=name)
    elif m := re.match(r"No such command '([^']+)'", exc.message):
        text = t("err.usage.no_such_command", lang, name=m[1])
        if guess := re.search(r"Did you mean '([^']+)'", exc.message):
            text += " " + t("err.usage.did_you_mean", lang, name=guess[1])
    elif exc.message == "Missing command.":
        text = t("err.usage.missing_command", lang)
    elif m := re.match(r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)", exc.message):
        text = t("err.usage.extra", lang, args=m[1], count=len(m[1].split()))
    else:
        text = t("err.usage.other", lang, detail=exc.message)
    return f"{text} {hint}"
