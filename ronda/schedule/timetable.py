"""The night's timetable: which slot a shift uses, when it starts and ends, how many people it
needs, and which shift is on duty at a given moment.

Every module that needs one of these asks a ``Timetable``; nothing else reads
``settings.slots`` by index or computes a shift's hours. A shift belongs to its evening date:
the 01.00–04.00 shift of Monday evening runs on Tuesday morning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from ronda.dates import (
    DAY_CHANGE,
    day_key,
    format_hours,
    format_shift,
    format_time,
    parse_time,
    shift_window,
    zone,
)
from ronda.errors import BadInput
from ronda.model import Settings, Slot
from ronda.record import Made, Record
from ronda.schedule.shifts import Holiday, Shift


class Timetable(Record):
    """A neighbourhood's shift slots in its time zone, with the holidays that add people."""

    slots: tuple[Slot, ...]
    timezone: str = "Asia/Jakarta"
    holidays: Mapping[date, Holiday] = Made(dict)

    __eq__ = object.__eq__  # one neighbourhood's timetable, with its worked-out windows
    __hash__ = object.__hash__

    @classmethod
    def of(cls, settings: Settings, holidays: Mapping[date, Holiday] | None = None) -> Timetable:
        return cls(settings.slots, settings.timezone, holidays or {})

    @property
    def several(self) -> bool:
        """Whether a night has more than one shift (then messages name the shift)."""
        return len(self.slots) > 1

    def slot(self, index: int) -> Slot:
        """The slot a shift uses. A shift planned before the night had fewer slots is read as
        the last one, so an old plan still shows until it is rebuilt."""
        return self.slots[min(max(index, 0), len(self.slots) - 1)]

    def window(self, evening: date, index: int) -> tuple[datetime, datetime]:
        """The aware start and end of slot ``index`` of ``evening`` (worked out once per
        timetable: the incident stats ask for the same evenings thousands of times)."""
        known = self.__dict__.setdefault("_windows", {})
        found = known.get((evening, index))
        if found is None:
            s = self.slot(index)
            found = known[(evening, index)] = shift_window(evening, s.start, s.end,
                                                           self.timezone)
        return found

    def times_of(self, shift: Shift) -> tuple[time, time]:
        """The clock hours a planned shift runs: its own, kept from when it was planned, or
        (for shifts planned before ronda kept them) its slot's."""
        if shift.start is not None and shift.end is not None:
            return shift.start, shift.end
        s = self.slot(shift.slot)
        return s.start, s.end

    def window_of(self, shift: Shift) -> tuple[datetime, datetime]:
        """The aware start and end of a planned shift."""
        start, end = self.times_of(shift)
        return shift_window(shift.date, start, end, self.timezone)

    def hours_of(self, shift: Shift, lang: str, *, with_zone: bool = True) -> str:
        """``01.00–04.00 WIB`` for a planned shift."""
        start, end = self.times_of(shift)
        if with_zone:
            return format_hours(start, end, self.timezone, lang)
        return f"{format_time(start, lang)}–{format_time(end, lang)}"

    def name_of(self, shift: Shift, lang: str, *, night: bool = True,
                hours: bool | None = None, year: bool = True,
                with_zone: bool = False) -> str:
        """How a message names a planned shift (``format_shift``): ``Senin malam 23/11/2026
        (malam Selasa)`` when the night has one shift, which starts in the evening; with its
        hours when the night has several (or ``hours``), and the morning's date too when it
        starts after midnight: ``Senin malam 23/11/2026 (malam Selasa) · 01.00–04.00 (Selasa
        dini hari 24/11/2026)``."""
        start, end = self.times_of(shift)
        return format_shift(shift.date, start, end, lang, night=night,
                            hours=self.several if hours is None else hours, year=year,
                            zone_name=self.timezone if with_zone else None)

    def current(self, shift: Shift) -> bool:
        """Whether a planned shift runs at the hours of its slot today."""
        s = self.slot(shift.slot)
        return shift.slot < len(self.slots) and self.times_of(shift) == (s.start, s.end)

    def required_of(self, shift: Shift) -> int:
        """The head count of a planned shift; one planned for shifts the night no longer has
        keeps the count it was planned with (its shortfall's, or the people it has)."""
        if self.current(shift):
            return self.required(shift.date, shift.slot)
        return shift.short.required if shift.short else len(shift.volunteers)

    def required(self, evening: date, index: int) -> int:
        """The head count of one shift: the slot's count on that weekday plus holiday extras."""
        holiday = self.holidays.get(evening)
        return self.slot(index).required_on(day_key(evening)) + (holiday.extra if holiday
                                                                  else 0)

    def required_night(self, evening: date) -> list[int]:
        """The head count of every slot of an evening."""
        return [self.required(evening, i) for i in range(len(self.slots))]

    def hours(self, index: int, lang: str, *, with_zone: bool = True) -> str:
        """``01.00–04.00 WIB`` (``01:00–04:00`` in English)."""
        s = self.slot(index)
        if with_zone:
            return format_hours(s.start, s.end, self.timezone, lang)
        return f"{format_time(s.start, lang)}–{format_time(s.end, lang)}"

    def slot_at(self, moment: datetime) -> tuple[date, int] | None:
        """The (evening, slot) whose window holds ``moment`` (start included, end not)."""
        local = moment.astimezone(zone(self.timezone))
        for evening in (local.date() - timedelta(days=1), local.date()):
            for i in range(len(self.slots)):
                start, end = self.window(evening, i)
                if start <= moment < end:
                    return evening, i
        return None

    def shift_at(self, moment: datetime, shifts: Iterable[Shift]) -> Shift | None:
        """The planned shift on duty at ``moment`` (by its own hours), if any."""
        local = moment.astimezone(zone(self.timezone)).date()
        for s in shifts:
            if s.date in (local - timedelta(days=1), local):
                start, end = self.window_of(s)
                if start <= moment < end:
                    return s
        return None

    def index(self, shift: Shift) -> int:
        """The slot index a stored shift uses (see ``slot``)."""
        return min(max(shift.slot, 0), len(self.slots) - 1)

    def evening_of(self, moment: datetime) -> date:
        """The evening a moment belongs to: the one whose shift holds it, else the evening
        before when it is before noon (02.00 on Sunday belongs to Saturday evening)."""
        found = self.slot_at(moment)
        if found is not None:
            return found[0]
        local = moment.astimezone(zone(self.timezone))
        return local.date() - timedelta(days=1) if local.time() < DAY_CHANGE else local.date()

    def current_evening(self, now: datetime) -> date:
        """The evening whose patrol is on now or still to come: at 02.00 that is last
        evening, while a shift of it is still running or yet to start; at 10.00, this one."""
        local = now.astimezone(zone(self.timezone))
        yesterday = local.date() - timedelta(days=1)
        last_end = max(self.window(yesterday, i)[1] for i in range(len(self.slots)))
        return yesterday if now < last_end else local.date()

    def parse_slot(self, text: str | None) -> int | None:
        """``--slot 2`` (counted from 1) or ``--slot 01.00`` (its start) to the slot index."""
        if text is None:
            return None
        raw = text.strip()
        number = raw.isascii() and raw.isdigit()
        if number and int(raw) in range(1, len(self.slots) + 1):
            return int(raw) - 1
        if not number:
            try:
                clock = parse_time(raw)
            except BadInput:
                clock = None
            found = [i for i, s in enumerate(self.slots) if s.start == clock]
            if found:
                return found[0]
        choices = ", ".join(f"{i + 1} ({format_time(s.start, 'id')})"
                            for i, s in enumerate(self.slots))
        raise BadInput("err.bad_choice", field="--slot", value=raw, choices=choices)


def check_slots(slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """Slots in the order they run through the night; overlapping slots, or a night longer
    than a day, are refused."""
    evening = date(2026, 1, 5)
    timed = sorted(((shift_span(evening, s), s) for s in slots), key=lambda x: x[0])
    for (a, slot_a), (b, slot_b) in zip(timed, timed[1:], strict=False):
        if b[0] < a[1]:
            raise BadInput("err.slots_overlap", first=_plain(slot_a), second=_plain(slot_b))
    if timed and timed[-1][0][1] - timed[0][0][0] > timedelta(hours=24):
        raise BadInput("err.slots_overlap", first=_plain(timed[0][1]),
                       second=_plain(timed[-1][1]))
    return tuple(s for _, s in timed)


def shift_span(evening: date, slot: Slot) -> tuple[datetime, datetime]:
    """A slot's span on an evening, in UTC: for ordering and overlap checks."""
    return shift_window(evening, slot.start, slot.end, "UTC")


def _plain(slot: Slot) -> str:
    return f"{format_time(slot.start, 'id')}–{format_time(slot.end, 'id')}"
