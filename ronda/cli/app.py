"""The root of the ``ronda`` command: assembles the command groups and holds the root options."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda import __version__
from ronda.cli.context import State
from ronda.cli.root import RondaGroup
from ronda.i18n import languages

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
    lang: Annotated[str | None, typer.Option("--lang", metavar="|".join(languages()))] = None,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version,
                                          is_eager=True)] = False,
) -> None:
    """Root options shared by every command."""
    # the language was decided (and --lang checked) before the options were parsed
    ctx.obj = State(db=db_path, language=ctx.command.language, no_color=no_color, debug=debug)


def main() -> None:
    """Entry point of the installed ``ronda`` command."""
    app()
