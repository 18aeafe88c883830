"""Options several commands share, declared once. Their help lives in ``ronda.i18n``."""

from __future__ import annotations

from typing import Annotated

import typer

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
