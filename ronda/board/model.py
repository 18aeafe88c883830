"""What the board shows and changes, without drawing anything.

The data file is read without a lock. Each change opens it for writing, reads it again,
makes the change with the core function the command makes it with (``schedule swap``,
``exchange``, ``guest``, ``attend``), and saves it at once: one write a change, the lock held
only while that change is made. The changes made since the board opened can be undone, one
at a time, and done again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from ronda.dates import coming_week, week_of
from ronda.errors import BadInput
from ronda.model import Away, Settings, Volunteer
from ronda.neighbourhood.holidays import holiday_map
from ronda.schedule.edits import Edit, ShiftName, SwapOption
from ronda.schedule.replan import Conflict
from ronda.schedule.rules import Rules
from ronda.schedule.shifts import Exclusion, Holiday, Shift
from ronda.schedule.timetable import Timetable
from ronda.store.datafile import DataFile, open_data

Clock = Callable[[str], datetime]  # now in a time zone (``State.now``: RONDA_NOW pins it)


class Said(NamedTuple):
    """A message for the status line: a key of the catalogue and its values."""

    key: str
    args: dict[str, Any]


class Bent(NamedTuple):
    """The rules a change would bend, each person with theirs, in the reader's language."""

    bent: tuple[Exclusion, ...]
    people: dict[int, Volunteer]

    def localise(self, lang: str) -> str:
        from ronda.cli.schedule.view import bent_text

        return bent_text(self.bent, self.people, lang)


class Share(NamedTuple):
    """A fair share with one decimal, in the reader's format (``3,5``)."""

    value: float

    def localise(self, lang: str) -> str:
        from ronda.i18n import format_decimal

        return format_decimal(self.value, lang)


class Mark(NamedTuple):
    """One person's attendance as the board records it: ``hadir`` or an absence reason,
    and who stood in (a volunteer's id), if anyone."""

    volunteer: int
    status: str
    stand_in: int | None = None


class Card(NamedTuple):
    """The person under the cursor: their nights this month, last duty, away periods."""

    volunteer: Volunteer
    month: int
    last: date | None
    away: tuple[Away, ...]


class Board:
    """The data file as the board shows it, the week on screen, and the changes made."""

    def __init__(self, path: Path, clock: Clock, *, read_only: bool = False,
                 week: date | None = None) -> None:
        self.path, self.clock, self.read_only = path, clock, read_only
        self.done: list[Edit] = []  # changes made since the board opened, to undo
        self.undone: list[Edit] = []  # changes undone, to do again
        self.reload()
        now = self.now()
        self.opened = now.isoformat(timespec="seconds")
        # this week, and from Sunday noon the coming one (as the jadwal is printed)
        self.monday = week_of(week)[0] if week else coming_week(now)

    # reading
    def reload(self) -> None:
        """Read the data file again (another command may have changed it)."""
        with open_data(self.path) as data:
            self._take(data)
        self.seen = self._stamp()

    def _stamp(self) -> int:
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return 0

    def changed_on_disk(self) -> bool:
        """Whether the file was written since the board last read or wrote it."""
        return self._stamp() != self.seen

    def _take(self, data: DataFile) -> None:
        self.settings: Settings = data.settings()
        self.people: dict[int, Volunteer] = {v.id: v for v in data.volunteers()}
        self.holidays: dict[date, Holiday] = holiday_map(data.holidays())
        self.timetable = Timetable.of(self.settings, self.holidays)
        self.rules = Rules.of(self.settings)
        self.shifts: list[Shift] = data.shifts()
        self.by_key = {s.key: s for s in self.shifts}
        self._conflicts: dict[tuple[date, int], list[Conflict]] | None = None
        self._verdicts: dict[date, Said] = {}

    def now(self) -> datetime:
        return self.clock(self.settings.timezone)

    def today(self) -> date:
        return self.now().date()

    def tonight(self) -> date:
        """The evening whose patrol is on now or still to come (at 02.00: last evening)."""
        return self.timetable.current_evening(self.now())

    @property
    def nights(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def shift(self, day: date, slot: int) -> Shift | None:
        return self.by_key.get((day, slot))

    def conflicts(self, day: date, slot: int) -> list[Conflict]:
        """What the roster no longer allows on a coming shift, and its open places
        (``schedule check``)."""
        if self._conflicts is None:
            from ronda.schedule.replan import find_conflicts, open_places

            now = self.now()
            coming = [s for s in self.shifts if s.date >= now.date() - timedelta(days=14)]
            found: dict[tuple[date, int], list[Conflict]] = {}
            for c in [*find_conflicts(coming, list(self.people.values()), self.rules,
                                      self.timetable, now),
                      *open_places(coming, self.timetable, now)]:
                found.setdefault((c.date, c.slot), []).append(c)
            self._conflicts = found
        return self._conflicts.get((day, slot), [])

    def card(self, pid: int, day: date) -> Card | None:
        """The side panel's account of a person, as of the night ``day``."""
        v = self.people.get(pid)
        if v is None or v.purged:
            return None
        mine = [s.date for s in self.shifts if pid in s.volunteers]
        month = sum(1 for d in mine if (d.year, d.month) == (day.year, day.month))
        tonight = self.tonight()
        last = max((d for d in mine if d < tonight), default=None)
        away = tuple(a for a in v.away if a.end >= self.today())
        return Card(v, month, last, away)

    def verdict(self) -> Said:
        """The fairness verdict of the week on screen (``schedule stats``'s)."""
        if self.monday not in self._verdicts:
            self._verdicts[self.monday] = self._verdict()
        return self._verdicts[self.monday]

    def _verdict(self) -> Said:
        from ronda.schedule.reports import schedule_report

        first, last = self.monday, self.monday + timedelta(days=6)
        s = self.settings
        report = schedule_report(self.shifts, list(self.people.values()), self.holidays,
                                 first, last, s.rest, s.max_per_week, self.today(),
                                 s.fairness_window)
        judged, spread = report.judged, report.spread
        if judged.fair or judged.worst is None:
            return Said("board.fair", {"least": spread.least, "most": spread.most})
        return Said("board.uneven", {"who": judged.worst.name, "planned": judged.worst.planned,
                                     "share": Share(judged.share)})

    def options(self, day: date, slot: int, leaving: int) -> list[SwapOption]:
        """Who could take ``leaving``'s place, each with the rules they would bend."""
        from ronda.schedule.edits import swap_options

        return swap_options(self.shifts, list(self.people.values()), self.timetable,
                            self.rules, day, self.people[leaving], str(slot + 1), self.now())

    def check_attendance(self, day: date, slot: int) -> Shift:
        """The shift whose attendance is to be taken; refused as ``schedule attend`` refuses
        it (a shift that has not started)."""
        from ronda.schedule.attendance import take_attendance

        return take_attendance([s for s in self.shifts if s.date == day], self.timetable, day,
                               str(slot + 1), [], [], None, self.settings.fine,
                               self.now()).before

    # changing
    def _change(self, make: Callable[[DataFile, datetime], tuple[Edit, Said]]) -> Said:
        """Make one change on the file as it is now, saved at once; it can be undone."""
        if self.read_only:
            raise BadInput("err.board_read_only")
        with open_data(self.path, write=True) as data:
            self._take(data)
            edit, said = make(data, self.now())
            self._take(data)
        self.seen = self._stamp()
        self.done.append(edit)
        self.undone.clear()
        return said

    def swap(self, day: date, slot: int, leaving: int, coming: int) -> Said:
        """``schedule swap``: ``coming`` in place of ``leaving``; a bent rule refuses it."""
        from ronda.schedule.edits import swap

        def make(data: DataFile, now: datetime) -> tuple[Edit, Said]:
            out, into = self._person(leaving), self._person(coming)
            edit = swap(self.shifts, list(self.people.values()), self.timetable, self.rules,
                        day, out, into, str(slot + 1), now)
            self._refuse_bent(edit)
            data.apply_edit(edit, now.isoformat(timespec="seconds"))
            return edit, Said("msg.swapped", {"night": ShiftName(self.timetable, edit.before[0]),
                                              "out": out.name, "into": into.name})

        return self._change(make)

    def exchange(self, day_a: date, a: int, day_b: date, b: int) -> Said:
        """``schedule exchange``: ``a`` takes ``b``'s night and ``b`` takes ``a``'s."""
        from ronda.schedule.edits import exchange_nights

        def make(data: DataFile, now: datetime) -> tuple[Edit, Said]:
            first, second = self._person(a), self._person(b)
            edit = exchange_nights(self.shifts, list(self.people.values()), self.timetable,
                                   self.rules, first, day_a, second, day_b, now)
            self._refuse_bent(edit)
            data.apply_edit(edit, now.isoformat(timespec="seconds"))
            return edit, Said("msg.exchanged", {
                "first": ShiftName(self.timetable, edit.after[0]),
                "second": ShiftName(self.timetable, edit.after[1]),
                "a": first.name, "b": second.name})

        return self._change(make)

    def guest(self, day: date, slot: int, name: str, role: str) -> Said:
        """``schedule guest``: a joint-patrol guest on a shift."""
        from ronda.schedule.edits import guest_edit, guest_name

        who = guest_name(name)

        def make(data: DataFile, now: datetime) -> tuple[Edit, Said]:
            edit, key, shift = guest_edit(data.shifts(day, day), self.people, self.timetable,
                                          day, who, role, str(slot + 1))
            if edit is None:  # already there: nothing to save or undo
                raise BadInput(key, name=who, night=ShiftName(self.timetable, shift))
            data.save_shift(edit.after[0])
            return edit, Said(key, {"name": who, "night": ShiftName(self.timetable, shift)})

        return self._change(make)

    def attend(self, day: date, slot: int, marks: Sequence[Mark]) -> Said:
        """``schedule attend``: who came, who did not and why, who stood in."""
        from ronda.schedule.attendance import Absent, take_attendance

        def make(data: DataFile, now: datetime) -> tuple[Edit, Said]:
            present = [self._person(m.volunteer) for m in marks if m.status == "hadir"]
            absent = [Absent(self._person(m.volunteer), m.status,
                             self._person(m.stand_in) if m.stand_in is not None else None)
                      for m in marks if m.status != "hadir"]
            taken = take_attendance(data.shifts(day, day), self.timetable, day, str(slot + 1),
                                    present, absent, None, self.settings.fine, now)
            data.save_shift(taken.after)
            key = "warn.double_shift" if taken.double_shift else "msg.attended"
            args = {"who": ", ".join(v.name for v in taken.double_shift)} \
                if taken.double_shift else {
                    "night": ShiftName(self.timetable, taken.before),
                    "present": len(taken.after.present), "absent": len(taken.after.absences)}
            return Edit("attend", (taken.before,), (taken.after,)), Said(key, args)

        return self._change(make)

    def undo(self) -> Said:
        """Put back the last change made on the board (refused if the shift changed since)."""
        return self._back(self.done, self.undone, "board.undone")

    def redo(self) -> Said:
        """Make again the last change undone."""
        return self._back(self.undone, self.done, "board.redone")

    def _back(self, source: list[Edit], target: list[Edit], key: str) -> Said:
        from ronda.schedule.edits import undo_edit

        if self.read_only:
            raise BadInput("err.board_read_only")
        if not source:
            raise BadInput("err.board_nothing_undo" if key == "board.undone"
                           else "err.board_nothing_redo")
        edit = source[-1]
        with open_data(self.path, write=True) as data:
            keys = [s.key for s in edit.after]
            first, last = min(k[0] for k in keys), max(k[0] for k in keys)
            back = undo_edit(edit, data.shifts(first, last), Timetable.of(data.settings()))
            now = self.clock(data.settings().timezone)
            data.apply_edit(back, now.isoformat(timespec="seconds"))
            self._take(data)
        self.seen = self._stamp()
        source.pop()
        target.append(back)
        return Said(key, {"night": ShiftName(self.timetable, back.after[0])})

    def _person(self, pid: int) -> Volunteer:
        v = self.people.get(pid)
        if v is None:  # erased or removed in another command meanwhile
            raise BadInput("err.volunteer_not_found", query=f"#{pid}")
        return v

    def _refuse_bent(self, edit: Edit) -> None:
        """The board makes no change that bends a rule (the command's ``--force`` does)."""
        if edit.bent:
            raise BadInput("err.board_bends", rules=Bent(edit.bent, self.people))

    # what the board hands out: the printed week, its WhatsApp text, the change message
    def sheet(self, lang: str) -> Any:
        """The week on screen as ``roster`` prints it (the poster)."""
        from ronda.printing.poster import build_sheet

        week = [s for s in self.shifts if self.monday <= s.date <= self.nights[-1]]
        return build_sheet(self.settings, week, self.people, self.holidays, self.monday,
                           self.today(), lang)

    def change_message(self, lang: str) -> str | None:
        """The "schedule changed" message for the RT group (``roster --changes``) of what
        moved since the board opened; None when nothing did."""
        from ronda.schedule.announce import fold_changes, group_message
        from ronda.schedule.replan import open_to_change

        with open_data(self.path) as data:
            changes = data.plan_changes(self.opened)
        now = self.now()
        still_open = {s.key for s in self.shifts if s.date >= now.date() - timedelta(days=1)
                      and open_to_change(s, self.timetable, now)}
        folded = fold_changes(changes, still_open)
        if not folded:
            return None
        return group_message(folded, self.timetable, self.people, self.settings.name, lang)
