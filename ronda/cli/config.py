"""``ronda config``: read and change the neighbourhood's settings."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli.context import State, state
from ronda.cli.options import Json
from ronda.cli.output import Output
from ronda.i18n.labels import KENTONGAN_STRIKES
from ronda.model import Settings
from ronda.neighbourhood.config import config_items, plan_effect, set_value
from ronda.store.datafile import DataFile

app = typer.Typer(no_args_is_help=True, add_completion=False)



@app.command("show")
def show(ctx: typer.Context, json: Json = False) -> None:
    """Show every setting."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
    st.out.emit(json, lambda: _settings_json(st.out, settings),
                lambda: _render_settings(st.out, settings))


def _strikes(out: Output, name: str, value: str) -> str:
    """A kentongan code as set, or the customary one in the user's language."""
    return value or out.t(KENTONGAN_STRIKES[name])


def _settings_json(out: Output, settings: Settings) -> dict:
    data = settings.to_dict()
    data["kentongan"] = [[name, _strikes(out, name, value)] for name, value in data["kentongan"]]
    return data


def _render_settings(out: Output, settings: Settings) -> None:
    rows = []
    for key, value in config_items(settings, out.lang):
        if key.startswith("kentongan."):
            value = _strikes(out, key.split(".", 1)[1], value)
        rows.append([key, value])
    out.table(["col.key", "col.value"], rows, title=settings.name)


@app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="KEY")],
    value: Annotated[str, typer.Argument(metavar="VALUE")],
) -> None:
    """Change one setting, e.g. 'per-night 5', 'per-night.sat 6', 'slots "22.00-01.00=3,
    01.00-04.00=3"', 'liaison.phone 0812…'."""
    from ronda.cli.replan import follow_roster, tell

    st = state(ctx)
    with st.data(write=True, backup=True) as data:
        before = data.settings()
        settings = set_value(before, key, value)
        data.save_settings(settings)
        effect = plan_effect(before, settings)
        moved = replan_for_new_slots(st, data) if effect == "replan" else None
        followed = follow_roster(st, data, "config") if effect == "repair" else None
    shown = dict(config_items(settings, st.out.lang)).get(key.strip().lower(), value)
    st.out.done("msg.config_set", key=key.strip().lower(), value=shown)
    if moved is not None:
        st.out.say("msg.slots_replanned", count=len(moved))
    tell(st, followed)


def replan_for_new_slots(st: State, data: DataFile) -> list:
    """Plan the coming nights again for the night's new shifts (``replan.replan_for_new_slots``)
    and save them with what changed."""
    from datetime import timedelta

    from ronda.neighbourhood.holidays import holiday_map
    from ronda.schedule.replan import replan_for_new_slots as replan
    from ronda.schedule.rules import Rules
    from ronda.schedule.timetable import Timetable

    settings = data.settings()
    now = st.now(settings.timezone)
    planned = data.shifts(now.date() - timedelta(days=1))
    first, last, shifts, changes = replan(
        planned, data.volunteers(), data.shifts(last=now.date() - timedelta(days=2)),
        Rules.of(settings), Timetable.of(settings, holiday_map(data.holidays())), now)
    if shifts:
        data.replace_shifts(first, last, shifts)
        data.record_plan_changes(changes)
    return changes
