"""Options several commands share, declared once. Their help lives in ``ronda.i18n``."""

from __future__ import annotations

from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="help.opt.json")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="help.opt.yes")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="help.opt.dry_run")]
VolunteerRef = Annotated[str, typer.Argument(metavar="VOLUNTEER", help="help.arg.volunteer")]
