"""A night's attendance as the coordinator records it: who came, who did not and why, who
stood in, the fine, and the log line. Checked before anything is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ronda.errors import BadInput
from ronda.i18n import Term
from ronda.model import Volunteer
from ronda.schedule.shifts import Absence, Shift
from ronda.schedule.timetable import Timetable


@dataclass(frozen=True)
class Absent:
    """One ``--absent``: who, why, and who stood in (a volunteer, a name, or nobody)."""

    volunteer: Volunteer
    reason: str
    stand_in: Volunteer | None = None
    stand_in_name: str = ""


def record_attendance(shift: Shift, started: datetime, now: datetime,
                      present: Sequence[Volunteer], absent: Sequence[Absent], note: str | None,
                      fine: int) -> Shift:
    """``shift`` with its attendance recorded. Refused: a shift that has not started, someone
    present or absent who is not on it (a stand-in is named with the absence), one person in
    two states, a stand-in who is already on the shift. Everyone not said absent is present
    unless ``present`` names who came. An absence said again keeps its stand-in unless a new
    one is named. An absence nobody covers costs ``fine``, unless sick."""
    if started > now:
        raise BadInput("err.not_started", start=started)
    on_shift = set(shift.volunteers)
    stand_ins = {a.stand_in.id for a in absent if a.stand_in is not None}
    absent_ids = [a.volunteer.id for a in absent]
    for v in [*present, *(a.volunteer for a in absent)]:
        if v.id not in on_shift and v.id not in stand_ins:
            raise BadInput("err.not_on_shift_here", who=f"#{v.id} {v.name}")
    both = {v.id for v in present} & set(absent_ids)
    if both or len(set(absent_ids)) != len(absent_ids):
        raise BadInput("err.two_states", who=", ".join(
            f"#{v.id} {v.name}" for v in [*present, *(a.volunteer for a in absent)]
            if v.id in both or absent_ids.count(v.id) > 1))
    for a in absent:
        if a.stand_in is not None and (a.stand_in.id in on_shift or
                                       a.stand_in.id in absent_ids):
            raise BadInput("err.stand_in_on_shift", who=f"#{a.stand_in.id} {a.stand_in.name}")
    absences = {x.volunteer: x for x in shift.absences}
    here = set(shift.present) - set(absent_ids)
    for a in absent:
        earlier = absences.get(a.volunteer.id)
        name, helper = a.stand_in_name, a.stand_in.id if a.stand_in is not None else None
        if earlier is not None and not name and helper is None:  # said again: keep the stand-in
            name, helper = earlier.substitute, earlier.substitute_id
        covered = helper is not None or bool(name)
        absences[a.volunteer.id] = Absence(
            a.volunteer.id, a.reason, name, fine if not covered and a.reason != "sakit" else 0,
            helper)
    for v in present:
        absences.pop(v.id, None)
        if v.id in on_shift:
            here.add(v.id)
    if not present and not shift.logged:
        here |= {p for p in shift.volunteers if p not in absences}
    return shift.with_changes(present=tuple(sorted(here)),
                              absences=tuple(absences[k] for k in sorted(absences)),
                              note=shift.note if note is None else note, logged=True)


@dataclass(frozen=True)
class NightAttendance:
    """A recorded attendance: the shift before and after, and the stand-ins who are also on
    another shift of the same night (a double shift the coordinator should know about)."""

    before: Shift
    after: Shift
    double_shift: tuple[Volunteer, ...]

    @property
    def fines(self) -> int:
        return sum(a.fine for a in self.after.absences)


def absentees(people: Sequence[Volunteer], entries: Sequence[str], stand_ins: Sequence[str],
              default_reason: str) -> list[Absent]:
    """``--absent NAME`` or ``NAME=reason``, each with the ``--substitute`` in the same
    position (a volunteer, another name, or ``-`` for nobody)."""
    from ronda.model import clean_text
    from ronda.people.volunteers import find_volunteer
    from ronda.schedule.shifts import parse_absence_reason

    if len(stand_ins) > len(entries):
        raise BadInput("err.substitute_without_absent")
    missing = []
    for i, entry in enumerate(entries):
        name, said, why = entry.partition("=")
        if said and not why.strip():  # "Dimas=": a reason was meant and left out
            raise BadInput("err.empty", field=Term("field.absent_reason"))
        helper = stand_ins[i].strip() if i < len(stand_ins) else ""
        stand_in, stand_in_name = None, ""
        if helper and helper != "-":
            try:
                stand_in = find_volunteer(people, helper, guess=False)  # or anyone's name
            except BadInput:
                stand_in_name = clean_text(helper, field_name="--substitute", limit=80)
        missing.append(Absent(find_volunteer(people, name, include_inactive=True),
                              parse_absence_reason(why) if why else default_reason,
                              stand_in, stand_in_name))
    return missing


def take_attendance(night: Sequence[Shift], timetable: Timetable, day: date,
                    slot: str | None, present: Sequence[Volunteer], absent: Sequence[Absent],
                    note: str | None, fine: int, now: datetime) -> NightAttendance:
    """Record the attendance of one shift of the evening ``day`` (``--slot``, else the one
    the people named are on)."""
    from ronda.schedule.edits import choose_shift

    begins = min((timetable.window_of(s)[0] for s in night), default=now)
    if begins > now:  # said before asking which shift: none has started
        raise BadInput("err.not_started", start=begins)
    shift = choose_shift(night, timetable, day, slot,
                         [v.id for v in present] + [a.volunteer.id for a in absent])
    logged = record_attendance(shift, timetable.window_of(shift)[0], now, present, absent,
                               note, fine)
    others = {p for s in night if s.key != shift.key for p in s.volunteers}
    doubles = tuple(a.stand_in for a in absent
                    if a.stand_in is not None and a.stand_in.id in others)
    return NightAttendance(shift, logged, doubles)
