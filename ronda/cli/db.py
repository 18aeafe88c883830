"""``ronda db``: backups, restore and a health check of the data file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import Json, Yes
from ronda.cli.output import Output
from ronda.dates import format_moment, zone
from ronda.i18n import Term, format_int
from ronda.i18n.labels import record_counts
from ronda.model import Settings
from ronda.parsing import parse_count
from ronda.store.check import FileCheck, check_file
from ronda.store.datafile import Backup, list_backups, peek_timezone, year_path
from ronda.store.restore import restore_backup

app = typer.Typer(no_args_is_help=True, add_completion=False)
# the incident book's year files have backups and restores of their own
BookYear = Annotated[str | None, typer.Option("--year")]


def _year(year: str | None) -> int | None:
    return parse_count(year, "--year", minimum=1, maximum=9999) if year else None


@app.command("backups")
def backups(ctx: typer.Context, year: BookYear = None, json: Json = False) -> None:
    """List the backups, newest first."""
    st = state(ctx)
    chosen = _year(year)
    found = list_backups(st.path if chosen is None else year_path(st.path, chosen))
    # in the neighbourhood's time zone; when a damaged file cannot tell, a new one's (named)
    timezone = peek_timezone(st.path) or Settings(name="").timezone
    st.out.emit(json, lambda: [b.to_dict(zone(timezone)) for b in found],
                lambda: _render_backups(st.out, found, st.path.parent / "backups", timezone))


def _render_backups(out: Output, found: list[Backup], folder: Path, timezone: str) -> None:
    rows = [[str(b.number), format_moment(b.taken, timezone, out.lang),
             format_int(b.size, out.lang), str(b.path)] for b in found]
    out.table(["col.number", "col.taken", "col.bytes", "col.file"], rows)
    out.say("msg.backup_count", count=len(found), path=str(folder))


@app.command("restore")
def restore(ctx: typer.Context, number: Annotated[str, typer.Argument(metavar="N")],
            year: BookYear = None, yes: Yes = False) -> None:
    """Bring back backup N (1 = newest); the current file is backed up first."""
    st = state(ctx)
    n, book = parse_count(number, Term("metavar.number"), minimum=1, maximum=1000), _year(year)
    target = st.path if book is None else year_path(st.path, book)
    st.confirm("confirm.restore", yes, number=n, path=str(target))
    chosen = restore_backup(st.path, n, year=book)
    st.out.done("msg.restored", backup=str(chosen.path), path=str(target))


@app.command("check")
def check(ctx: typer.Context, json: Json = False) -> None:
    """Check that the data file reads and every record fits."""
    st = state(ctx)
    found = check_file(st.path)
    st.out.emit(json, found.to_dict, lambda: _render_check(st, found))


def _render_check(st: State, found: FileCheck) -> None:
    st.out.done("msg.check_ok", path=str(found.path), schema=found.schema,
                records=record_counts(found.records, st.lang))
