"""``ronda config``: read and change the neighbourhood's settings."""

from __future__ import annotations

from typing import Annotated

import typer

from ronda.cli._options import Json
from ronda.cli._state import State, state
from ronda.config import config_items, set_value
from ronda.storage import DataFile

app = typer.Typer(no_args_is_help=True, add_completion=False)



@app.command("show")
def show(ctx: typer.Context, json: Json = False) -> None:
    """Show every setting."""
    st = state(ctx)
    with st.data() as data:
        settings = data.settings()
    if json:
        st.out.json(settings.to_dict())
        return
    out = st.out
    rows = []
    for key, value in config_items(settings, out.lang):
        if key.startswith("kentongan.") and not value:
            value = out.t(f"kentongan.{key.split('.', 1)[1]}")
        rows.append([key, value])
    out.table(["col.key", "col.value"], rows, title=settings.name)


@app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="KEY")],
    value: Annotated[str, typer.Argument(metavar="VALUE")],
) -> None:
    """Change one setting."""
    from ronda.cli._replan import follow_roster, tell

    st = state(ctx)
    with st.data(write=True, backup=True) as data:
        before = data.settings()
        settings = set_value(before, key, value)
        data.save_settings(settings)
        followed = None
        if [(s.start, s.end) for s in settings.slots] != [(s.start, s.end) for s in before.slots]:
            moved = replan_for_new_slots(st, data)
        else:
            moved = None
            if (settings.slots, settings.rest, settings.max_per_week) != \
                    (before.slots, before.rest, before.max_per_week):
                followed = follow_roster(st, data, "config")
    shown = dict(config_items(settings, st.out.lang)).get(key.strip().lower(), value)
    st.out.done("msg.config_set", key=key.strip().lower(), value=shown)
    if moved is not None:
        st.out.say("msg.slots_replanned", count=len(moved))
    tell(st, followed)


def replan_for_new_slots(st: State, data: DataFile) -> list:
    """The night's shifts changed: plan the coming nights again for the new shifts, keeping
    who was on the same slot where it still fits; nights that have started stay as they
    were, with their own hours."""
    from datetime import timedelta

    from ronda.holiday import holiday_map
    from ronda.replan import open_to_change
    from ronda.rules import Rules
    from ronda.scheduler import build_schedule
    from ronda.timetable import Timetable

    settings = data.settings()
    now = st.now(settings.timezone)
    timetable = Timetable.of(settings, holiday_map(data.holidays()))
    planned = data.shifts(now.date() - timedelta(days=1))
    coming = [s for s in planned if open_to_change(s, timetable, now)]
    if not coming:
        return []
    # a night whose patrol has begun keeps the shifts it began with
    begun = {s.date for s in planned if not open_to_change(s, timetable, now)}
    coming = [s for s in coming if s.date not in begun]
    if not coming:
        return []
    first, last = min(s.date for s in coming), max(s.date for s in planned)
    existing = data.shifts(first, last)
    settled = [s for s in existing if s.date in begun]
    count = len(settings.slots)
    plan = build_schedule(data.volunteers(), Rules.of(settings), first, last,
                          history=data.shifts(last=first - timedelta(days=1)),
                          existing=[s for s in existing if s.slot < count or s in settled],
                          holidays=timetable.holidays, settled={s.key for s in settled})
    kept = {s.key for s in plan.shifts}
    data.replace_shifts(first, last, sorted([*plan.shifts, *(s for s in settled
                                                            if s.key not in kept)],
                                            key=lambda s: s.key))
    stamp = now.isoformat(timespec="seconds")
    from dataclasses import replace

    moved = [replace(c, at=stamp, cause="slots") for c in plan.moved]
    data.record_plan_changes(moved)
    return moved
