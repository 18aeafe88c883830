"""The root of the ``ronda`` command: assembles the command groups and holds the root options."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda import __version__
from ronda.cli._group import RondaGroup
from ronda.cli._state import State

# Every command group by name, as "module:object": a group's module is imported only when it
# runs (or help lists it), so start-up stays light however many commands ronda grows.
COMMANDS: dict[str, str] = {
    "init": "ronda.cli.init:init",
    "info": "ronda.cli.info:info",
    "demo": "ronda.cli.demo:demo",
    "config": "ronda.cli.config:app",
    "volunteer": "ronda.cli.volunteer:app",
    "schedule": "ronda.cli.schedule:app",
    "incident": "ronda.cli.incident:app",
    "holiday": "ronda.cli.holiday:app",
    "event": "ronda.cli.event:app",
    "export": "ronda.cli.export:app",
    "publish": "ronda.cli.publish:app",
    "roster": "ronda.cli.roster:roster",
    "db": "ronda.cli.db:app",
}

app = typer.Typer(cls=RondaGroup, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, context_settings={"help_option_names":
                                                                    ["--help", "-h"]})


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ronda {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_path: Annotated[str | None, typer.Option("--db", metavar="PATH")] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="en|id")] = None,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version,
                                          is_eager=True)] = False,
) -> None:
    """Root options shared by every command."""
    ctx.obj = State(db=db_path, no_color=no_color, debug=debug)
    ctx.obj.choose_lang(lang)


def main() -> None:
    """Entry point of the installed ``ronda`` command."""
    app()
