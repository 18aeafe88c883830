"""After a change to the roster: repair the coming nights (or list the conflicts), record what
changed for the "schedule changed" message, and say it in the user's language."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from ronda.cli.context import State
from ronda.cli.reasons import warn_short, why_text
from ronda.model import Volunteer
from ronda.neighbourhood.holidays import holiday_map
from ronda.people.volunteers import person_name
from ronda.schedule.shifts import PlanChange, Shift
from ronda.schedule.timetable import Timetable
from ronda.store.datafile import DataFile


def names(ids: Sequence[int], people: dict[int, Volunteer], lang: str,
          leader: int | None = None) -> str:
    """``★ Sigit Purwanto, Agus Salim`` (``-`` for nobody)."""
    return ", ".join(("★ " if p == leader else "") + person_name(people, p, lang)
                     for p in ids) or "-"


def change_line(change: PlanChange, timetable: Timetable, people: dict[int, Volunteer],
                lang: str) -> str:
    """``Sel, 24/11/2026 22.00–01.00: Budi → Agus; now ★ Sigit, Agus`` (or, when only the
    leader changed, ``leader Eko → none``)."""
    from ronda.i18n import t

    out = [p for p in change.before if p not in change.after]
    into = [p for p in change.after if p not in change.before]
    night = timetable.name_of(Shift(change.date, change.slot), lang)
    now = names(change.after, people, lang, change.leader_after)
    if not out and not into:
        def who(p: int | None) -> str:
            return person_name(people, p, lang) if p is not None else t("label.nobody", lang)

        return t("line.leader_change", lang, night=night, old=who(change.leader_before),
                 new=who(change.leader_after), now=now)
    if not out:  # a night that needs more people (a holiday's extra), nobody off it
        return t("line.plan_added", lang, night=night, into=names(into, people, lang), now=now)
    if not into:
        return t("line.plan_removed", lang, night=night, out=names(out, people, lang),
                 now=now)
    return t("line.plan_change", lang, night=night, out=names(out, people, lang),
             into=names(into, people, lang), now=now)


@dataclass
class Followed:
    """What a roster change did to the coming nights, ready to be told."""

    timetable: Timetable
    people: dict[int, Volunteer]
    changes: list[PlanChange] = field(default_factory=list)
    shifts: dict[tuple, Shift] = field(default_factory=dict)
    conflicts: list = field(default_factory=list)
    opened: int = 0  # places (or leader wants) the change left open that were filled before


def follow_roster(st: State, data: DataFile, cause: str, *, repair: bool = True,
                  welcome: Collection[int] = ()) -> Followed | None:
    """Repair the coming nights after a roster change (saved in ``data``, with the changes
    recorded), giving the people in ``welcome`` (just added) their fair share; with
    ``repair=False`` only find the conflicts. Print with ``tell``."""
    from ronda.schedule.replan import find_conflicts, repair_plan
    from ronda.schedule.rules import Rules

    settings = data.settings()
    now = st.now(settings.timezone)
    shifts = data.shifts(now.date() - timedelta(days=14))
    if not shifts:
        return None
    people = data.volunteers()
    found = Followed(Timetable.of(settings, holiday_map(data.holidays())),
                     {v.id: v for v in people})
    rules = Rules.of(settings)
    if not repair:
        found.conflicts = find_conflicts(shifts, people, rules, found.timetable, now)
        return found
    result = repair_plan(shifts, people, rules, found.timetable, now, cause=cause,
                         welcome=welcome)
    for s in result.shifts:
        data.save_shift(s)
    data.record_plan_changes(result.changes)
    found.changes, found.conflicts = result.changes, result.remaining
    found.shifts = {s.key: s for s in result.shifts}
    found.opened = result.opened
    return found


def tell(st: State, followed: Followed | None) -> None:
    """Print the nights that changed and who is on them now, then any conflict left."""
    if followed is None:
        return

    lang = st.out.lang
    if followed.changes:
        st.out.say("msg.plan_repaired", count=len(followed.changes))
    for c in followed.changes:
        shift = followed.shifts.get((c.date, c.slot))
        st.out.say("msg.line", text=change_line(c, followed.timetable, followed.people, lang))
        if shift is not None and shift.short:
            warn_short(st.out, followed.timetable.name_of(shift, lang), shift.short,
                       followed.people)
    render_conflicts(st, followed.conflicts, followed.timetable, followed.people)
    if followed.opened:
        st.out.warn("warn.places_opened", count=followed.opened)


def conflict_text(conflict, timetable: Timetable, people: dict[int, Volunteer],  # noqa: ANN001
                  lang: str) -> str:
    from ronda.i18n import t

    night = timetable.name_of(Shift(conflict.date, conflict.slot), lang)
    if conflict.rule == "slots":
        return t("line.conflict_slots", lang, night=night)
    if conflict.rule == "short":
        available, required = conflict.detail.split("/")
        return t("line.conflict_short", lang, night=night, available=available,
                 required=required)
    if conflict.rule == "no_leader":
        return t("line.conflict_no_leader", lang, night=night)
    if conflict.volunteer is None:
        who = person_name(people, int(conflict.detail), lang)
        return t("line.conflict_leader", lang, night=night, who=who)
    why = why_text(conflict.rule, conflict.detail, lang)
    return t("line.conflict", lang, night=night,
             who=person_name(people, conflict.volunteer, lang), why=why)


def list_conflicts(st: State, conflicts: Sequence, timetable: Timetable,  # noqa: ANN001
                   people: dict[int, Volunteer]) -> None:
    """``schedule check``: the conflicts, one a line, and what to do; or that there are none."""
    if not conflicts:
        st.out.done("msg.no_conflicts")
        return
    st.out.text("\n".join(conflict_text(c, timetable, people, st.lang) for c in conflicts))
    st.out.say("msg.conflicts_hint", count=len(conflicts))


def render_conflicts(st: State, conflicts: Sequence, timetable: Timetable,  # noqa: ANN001
                     people: dict[int, Volunteer]) -> None:
    """Each conflict on its own warning line."""
    for c in conflicts:
        st.out.warn("warn.conflict", text=conflict_text(c, timetable, people, st.out.lang))
