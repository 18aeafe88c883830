"""``ronda`` alone: a start panel in the user's language: what ronda does and the next
command to type, from what the data file holds so far."""

from __future__ import annotations

import shlex
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from ronda.errors import RondaError
from ronda.i18n import LanguageChoice

if TYPE_CHECKING:
    from ronda.cli.context import State

PLAN_WEEKS = 4  # the plan the panel proposes: four weeks, the month a poster series covers


class Step(NamedTuple):
    """Where the neighbourhood stands (a message key and its values) and the commands that
    come next, each with the key of what it does."""

    key: str
    args: dict[str, Any]
    commands: tuple[tuple[str, str], ...]


def next_step(name: str, people: int, first: date, sunday: date, planned: bool,
              lang: str) -> Step:
    """The next step of a neighbourhood with ``people`` on its roster whose coming nights,
    ``first`` to ``sunday``, are ``planned`` (one of them at least) or not."""
    from ronda.dates import format_date, format_period
    from ronda.i18n import t

    if not people:
        return Step("start.no_people", {"name": name}, (
            (f"ronda volunteer import {t('start.file', lang)}", "start.cmd.import"),
            (f"ronda volunteer add \"{t('start.person', lang)}\"", "start.cmd.add")))
    period = format_period(sunday - timedelta(days=6), sunday, lang)
    if not planned:
        when = format_date(first, lang, weekday=False)
        return Step("start.unplanned", {"name": name, "count": people, "period": period}, (
            (f"ronda schedule build --from {when} --weeks {PLAN_WEEKS}", "start.cmd.build"),))
    return Step("start.planned", {"name": name, "count": people, "period": period}, (
        ("ronda roster --format pdf", "start.cmd.poster"),
        ("ronda roster --format whatsapp", "start.cmd.whatsapp"),
        ("ronda schedule", "start.cmd.schedule")))


def _step(st: State) -> Step:
    """The step for the data file of this run."""
    from ronda.dates import coming_week

    path = st.path
    if not path.exists():
        return Step("start.no_file", {}, (("ronda init", "start.cmd.init"),
                                          ("ronda demo", "start.cmd.demo")))
    try:
        with st.data() as data:
            settings = data.settings()
            now = st.now(settings.timezone)
            monday = coming_week(now)
            sunday = monday + timedelta(days=6)
            people = sum(1 for v in data.volunteers() if v.active and not v.purged)
            planned = bool(data.shifts(max(monday, now.date()), sunday))
    except RondaError as exc:
        return Step("start.unreadable", {"path": str(path), "problem": st.out.t(
            exc.key, **exc.args_)}, (("ronda db check", "start.cmd.check"),
                                     ("ronda db backups", "start.cmd.backups")))
    return next_step(settings.name, people, max(monday, now.date()), sunday, planned,
                     st.lang)


def start_panel(language: LanguageChoice, db: str | None, *, no_color: bool = False) -> int:
    """Print the start panel for the data file ``db`` (else ``$RONDA_DB`` or the user data
    folder); its exit code."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from ronda.cli.commands import ALIASES
    from ronda.cli.context import State

    st = State(db=db, language=language, no_color=no_color)
    try:
        step = _step(st)
    except RondaError as exc:  # a --db that cannot be a file: said as for any command
        st.out.error_line(st.out.t(exc.key, **exc.args_))
        return exc.exit_code
    out = st.out
    lines = [Text(out.t("start.about")), Text(""), Text(out.t(step.key, **step.args),
                                                          style="bold")]
    own = f"ronda --db {shlex.quote(db)} " if db else "ronda "  # the file named, kept
    for command, key in step.commands:  # what it does, then the command on a line of its own
        lines += [Text("  " + out.t(key) + ":"),
                  Text("    " + own + command.removeprefix("ronda "), style="bold cyan")]
    words = ", ".join(f"{alias} ({' '.join(path)})" for alias, path in ALIASES.items())
    lines += [Text(""), Text(out.t("start.words", words=words)), Text(out.t("start.help"))]
    body = Group(*lines)
    out.console.print(Panel(body, title="ronda", title_align="left", border_style="dim"))
    return 0
