"""The timetable is the one owner of a shift's instants, slot, head count and the shift on duty;
every surface (JSON, calendars, incident linking, the printed formats) must agree with it on
any layout of one to three shifts a night, in every Indonesian time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ronda.calendars.ics import shift_events, to_ics
from ronda.cli.schedule.view import shift_json
from ronda.errors import BadInput
from ronda.incidents.book import Incident, new_incident
from ronda.model import Settings, Slot, Volunteer
from ronda.printing.poster import build_sheet
from ronda.printing.text import sheet_text, sheet_whatsapp
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.shifts import Holiday, Shift
from ronda.schedule.timetable import Timetable, check_slots

MONDAY = date(2026, 11, 23)
ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


def expected_window(evening: date, slot: Slot, zone: str) -> tuple[datetime, datetime]:
    """Worked out independently: a start before noon is the next morning; the length is the
    clock difference, a whole day never."""
    day = evening + timedelta(days=1) if slot.start.hour < 12 else evening
    start = datetime.combine(day, slot.start, ZoneInfo(zone))
    minutes = ((slot.end.hour * 60 + slot.end.minute)
               - (slot.start.hour * 60 + slot.start.minute)) % 1440
    return start, start + timedelta(minutes=minutes)


@st.composite
def layouts(draw) -> tuple[tuple[Slot, ...], str]:
    """1–3 shifts starting 18.00–02.00, each 2–6 hours, back to back or with a gap."""
    count = draw(st.integers(1, 3))
    start = draw(st.integers(18 * 2, 26 * 2)) * 30  # minutes after the evening's midnight
    slots = []
    for _ in range(count):
        if start > 26 * 60:
            break
        length = draw(st.integers(4, 12)) * 30
        begin, finish = start % 1440, (start + length) % 1440
        slots.append(Slot(time(begin // 60, begin % 60), time(finish // 60, finish % 60),
                          draw(st.integers(1, 3))))
        start += length + draw(st.sampled_from([0, 0, 30, 60]))
    return tuple(slots), draw(st.sampled_from(ZONES))


def people(n: int = 14) -> list[Volunteer]:
    return [Volunteer(id=i, name=f"Warga Nomor {i}", household=f"R-{i}", leader=i % 3 == 0)
            for i in range(1, n + 1)]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), st.integers(0, 400), st.floats(0, 0.999))
def test_every_surface_agrees_with_the_timetable(layout, offset, fraction) -> None:
    surfaces_agree(layout, offset, fraction)


@pytest.mark.slow  # the same on a hundred random timetables
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), st.integers(0, 400), st.floats(0, 0.999))
def test_every_surface_agrees_with_a_hundred_timetables(layout, offset, fraction) -> None:
    surfaces_agree(layout, offset, fraction)


def surfaces_agree(layout: tuple, offset: int, fraction: float) -> None:
    """A week planned on ``layout``'s shifts, ``offset`` days after a Monday, reads the same
    hours in the timetable, the JSON, the calendar, the incident book and the printed week."""
    slots, zone = layout
    assert check_slots(slots) == slots  # generated in running order, never overlapping
    hood = Settings(name="RT 001 / RW 001", timezone=zone, slots=slots, rest=0)
    roster = people()
    by_id = {v.id: v for v in roster}
    first = MONDAY + timedelta(days=offset)
    plan = build_schedule(roster, Rules.of(hood), first, first + timedelta(days=6))
    timetable = Timetable.of(hood)
    ics = icalendar.Calendar.from_ical(to_ics(shift_events(plan.shifts, hood, by_id, "id"),
                                              "x", zone, "id"))
    read = {str(e["uid"]): (e["dtstart"].dt, e["dtend"].dt) for e in ics.walk("VEVENT")}
    for s in plan.shifts:
        start, end = expected_window(s.date, slots[s.slot], zone)
        assert timetable.window(s.date, s.slot) == (start, end)
        as_json = shift_json(s, timetable, by_id, "id")
        assert (as_json["start"], as_json["end"]) == (start.isoformat(), end.isoformat())
        uid = next(u for u in read if u.startswith(f"{s.date.isoformat()}-{s.slot}-all."))
        assert read[uid] == (start, end)
        moment = start + (end - start) * fraction
        assert timetable.shift_at(moment, plan.shifts) == s
        assert timetable.evening_of(moment) == s.date
        report = Incident(0, moment, moment, "theft", "Sandal hilang")
        linked = new_incident(report, moment + timedelta(hours=1),
                              timetable.shift_at(moment, plan.shifts))
        assert linked.shift == s.key and linked.on_duty == s.volunteers
        if s.slot == 0:
            assert timetable.shift_at(start - timedelta(minutes=1), plan.shifts) is None
    sheet = build_sheet(hood, plan.shifts, by_id, {}, first - timedelta(days=first.weekday()),
                        first, "id")
    text, wa = sheet_text(sheet), sheet_whatsapp(sheet)
    for night in sheet.nights:
        assert [w.hours for w in night.shifts] == [
            timetable.hours(s.slot, "id", with_zone=False)
            for s in plan.shifts if s.date == night.date]
        if len(slots) > 1 and night.shifts:
            block = text[text.index(f"{night.day} {night.date_text}"):]
            places = [block.index(f"  {w.hours}\n") for w in night.shifts]
            assert places == sorted(places)
            assert all(f"_{w.hours}_" in wa for w in night.shifts)


def test_a_shift_may_end_exactly_at_midnight_and_the_next_start_at_it() -> None:
    tt = Timetable((Slot(time(20), time(0), 2), Slot(time(0), time(3), 2)), "Asia/Makassar")
    tz = ZoneInfo("Asia/Makassar")
    assert tt.window(MONDAY, 0) == (datetime(2026, 11, 23, 20, tzinfo=tz),
                                    datetime(2026, 11, 24, 0, tzinfo=tz))
    assert tt.window(MONDAY, 1) == (datetime(2026, 11, 24, 0, tzinfo=tz),
                                    datetime(2026, 11, 24, 3, tzinfo=tz))
    assert tt.slot_at(datetime(2026, 11, 24, 0, tzinfo=tz)) == (MONDAY, 1)
    assert tt.slot_at(datetime(2026, 11, 23, 23, 59, tzinfo=tz)) == (MONDAY, 0)
    assert tt.slot_at(datetime(2026, 11, 24, 3, tzinfo=tz)) is None


def test_a_window_keeps_its_wall_clock_hours_across_a_dst_change() -> None:
    tt = Timetable((Slot(time(22), time(4), 2),), "America/New_York")
    start, end = tt.window(date(2026, 10, 31), 0)  # clocks go back at 02.00 on 1 November
    elapsed = end.astimezone(ZoneInfo("UTC")) - start.astimezone(ZoneInfo("UTC"))
    assert (start.hour, end.hour) == (22, 4) and elapsed == timedelta(hours=7)


def test_head_count_takes_the_weekday_and_the_holiday_extra() -> None:
    holidays = {date(2026, 11, 28): Holiday(date(2026, 11, 28), "Haul", extra=2)}
    tt = Timetable((Slot(time(22), time(1), 3, {"sat": 4}), Slot(time(1), time(4), 2)),
                   holidays=holidays)
    assert tt.required_night(date(2026, 11, 27)) == [3, 2]
    assert tt.required_night(date(2026, 11, 28)) == [6, 4]


def test_tonight_is_the_evening_still_on_duty() -> None:
    tt = Timetable((Slot(time(22), time(1), 2), Slot(time(1), time(4), 2)))
    tz = ZoneInfo("Asia/Jakarta")
    assert tt.current_evening(datetime(2026, 11, 25, 2, tzinfo=tz)) == date(2026, 11, 24)
    assert tt.current_evening(datetime(2026, 11, 25, 0, 30, tzinfo=tz)) == date(2026, 11, 24)
    assert tt.current_evening(datetime(2026, 11, 25, 4, 0, tzinfo=tz)) == date(2026, 11, 25)
    assert tt.current_evening(datetime(2026, 11, 25, 21, 0, tzinfo=tz)) == date(2026, 11, 25)


def test_a_slot_is_chosen_by_number_or_by_its_start() -> None:
    tt = Timetable((Slot(time(22), time(1), 2), Slot(time(1), time(4), 2)))
    assert [tt.parse_slot(x) for x in ("1", "2", "22.00", "01:00", "1.00", None)] == [
        0, 1, 0, 1, 1, None]
    for bad in ("3", "0", "23.00", "pagi"):
        with pytest.raises(BadInput):
            tt.parse_slot(bad)


def test_an_old_plan_with_more_slots_reads_as_the_last_slot() -> None:
    tt = Timetable((Slot(time(22), time(4), 4),))
    assert tt.index(Shift(MONDAY, 1)) == 0 and tt.slot(1) == tt.slots[0]


def test_overlapping_or_day_long_layouts_are_refused_and_order_is_the_night() -> None:
    late, early = Slot(time(1), time(4), 2), Slot(time(22), time(1), 2)
    assert check_slots((late, early)) == (early, late)
    for bad in ((Slot(time(22), time(4), 2), Slot(time(1), time(3), 2)),
                (Slot(time(18), time(6), 2), Slot(time(6), time(19), 2))):
        with pytest.raises(BadInput):
            check_slots(bad)
