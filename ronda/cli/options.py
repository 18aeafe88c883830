"""Options several commands share, declared once. Their help lives in ``ronda.i18n``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer

from ronda.parsing import parse_choice

Json = Annotated[bool, typer.Option("--json", help="help.opt.json")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="help.opt.yes")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="help.opt.dry_run")]
VolunteerRef = Annotated[str, typer.Argument(metavar="VOLUNTEER", help="help.arg.volunteer")]
From = Annotated[str | None, typer.Option("--from", help="help.opt.from")]
FromRequired = Annotated[str, typer.Option("--from", help="help.opt.from")]
To = Annotated[str | None, typer.Option("--to", help="help.opt.to")]
Week = Annotated[str | None, typer.Option("--week", help="help.opt.week")]
Slot = Annotated[str | None, typer.Option("--slot", help="help.opt.slot")]
Force = Annotated[bool, typer.Option("--force", help="help.opt.force")]
NoRepair = Annotated[bool, typer.Option("--no-repair", help="help.opt.no_repair")]


def parse_format(text: str, choices: Sequence[str]) -> str:
    """An output format of ``--format`` as typed: one of ``choices``, or its word in either
    language (``teks`` is ``text``); an error lists them in the reader's words."""
    from ronda.i18n.labels import FORMAT_WORDS

    return parse_choice(text, choices, "--format", vocabulary=FORMAT_WORDS.only(choices))
