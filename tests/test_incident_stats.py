"""The figures the Bhabinkamtibmas and the coordinator read from the incident book, computed
straight from ``ronda.incidents.report`` on a week built in memory: two shifts a night
(22.00–01.00 and 01.00–04.00 WIB), the plan starting on Tuesday 3/11/2026, Friday's late shift
short, Saturday's shifts without anybody, and eight incidents around them.

The per-100 rates compare patrols shift by shift: incidents per 100 shifts with a full team,
with a short team and with nobody out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from ronda.dates import zone
from ronda.incidents.book import Incident, new_incident, update_incident
from ronda.incidents.report import board_lines, incident_stats, shift_kind, status_text
from ronda.model import Slot
from ronda.schedule.shifts import Shift, Shortfall
from ronda.schedule.timetable import Timetable

WIB = zone("Asia/Jakarta")
TIMETABLE = Timetable((Slot(time(22), time(1), 3), Slot(time(1), time(4), 3)), "Asia/Jakarta")
MONDAY, SUNDAY = date(2026, 11, 2), date(2026, 11, 8)
TEAM = (1, 2, 3)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=WIB)


def planned_week() -> list[Shift]:
    """Tuesday to Sunday evening, two shifts each with the whole team, except Friday's late
    shift (one person of three) and Saturday (the early shift planned with nobody, the late
    one never planned). Monday has no plan yet."""
    odd = {(6, 1): Shift(date(2026, 11, 6), 1, (1,), leader=1, short=Shortfall(1, 3)),
           (7, 0): Shift(date(2026, 11, 7), 0, ())}
    return [odd.get((day, slot), Shift(date(2026, 11, day), slot, TEAM, leader=1))
            for day in range(3, 9) for slot in (0, 1) if (day, slot) != (7, 1)]


def logged(number: int, occurred: datetime, category: str, shifts: list[Shift]) -> Incident:
    """An incident as ``incident log`` stores it, recorded half an hour later."""
    report = Incident(0, occurred, occurred, category, f"Kejadian {number}")
    recorded = occurred + timedelta(minutes=30)
    return replace(new_incident(report, recorded, TIMETABLE.shift_at(occurred, shifts)),
                   id=number)


def forwarded(i: Incident, after: timedelta, *, sp2hp: str | None = None,
              letter: datetime | None = None) -> Incident:
    """Forwarded to the Polsek ``after`` it was recorded; an SP2HP letter on ``letter``."""
    i = update_incident(i, i.recorded_at + after, status="forwarded", station="Polsek Jatinegara")
    return update_incident(i, letter, sp2hp=sp2hp) if sp2hp and letter else i


Week = tuple[list[Incident], list[Shift]]


@pytest.fixture
def week() -> Week:
    shifts = planned_week()
    book = [
        logged(1, at(2, 23), "theft", shifts),  # Monday: before the plan began
        logged(2, at(3, 23, 10), "theft", shifts),  # Tuesday's early shift, full
        logged(3, at(5, 2, 15), "vehicle-theft", shifts),  # Wednesday's late shift, full
        logged(4, at(7, 3), "theft", shifts),  # Friday's late shift, short
        logged(5, at(7, 22, 20), "burglary", shifts),  # Saturday, a shift with nobody
        logged(6, at(8, 1, 5), "vehicle-theft", shifts),  # Saturday's late shift, not planned
        logged(7, at(8, 14), "vandalism", shifts),  # Sunday afternoon: no patrol then
        logged(8, at(8, 20), "fight", shifts),  # Sunday 20.00: before the patrol starts
    ]
    book[2] = forwarded(book[2], timedelta(days=1))  # on 6/11
    book[3] = forwarded(book[3], timedelta(days=2.5), sp2hp="A3", letter=at(30, 10))
    book[5] = forwarded(book[5], timedelta(days=10))  # on 18/11
    return book, shifts


def stats(week: Week, now: datetime | None = None) -> dict:
    """The stats of the week as read on ``now`` (Friday 20/11/2026 08.00 unless told)."""
    book, shifts = week
    return incident_stats(book, shifts, MONDAY, SUNDAY, TIMETABLE, now or at(20, 8))


def test_every_incident_is_counted_by_category_most_common_first(week: Week) -> None:
    result = stats(week)
    assert result["total"] == 8
    assert result["by_category"] == {"theft": 3, "vehicle-theft": 2, "burglary": 1,
                                     "vandalism": 1, "fight": 1}
    assert list(result["by_category"])[:2] == ["theft", "vehicle-theft"]
    assert result["by_status"] == {"new": 5, "forwarded": 3}
    assert result["trend"] == {"2026-11": 8}
    assert (result["from"], result["to"]) == ("2026-11-02", "2026-11-08")


def test_each_incident_counts_against_the_shift_whose_hours_hold_it(week: Week) -> None:
    result = stats(week)
    assert result["shifts_per_night"] == 2
    # Tuesday to Sunday: 12 shifts; Monday had no plan yet, so it is no night without patrol
    assert {kind: row["nights"] for kind, row in result["patrol"].items()} == \
        {"full": 9, "short": 1, "none": 2}
    assert {kind: row["incidents"] for kind, row in result["patrol"].items()} == \
        {"full": 2, "short": 1, "none": 2}
    assert result["outside_patrol"] == 2  # Sunday 14.00 and 20.00
    # 2 + 1 + 2 + 2 = 7 of 8: Monday's, before the plan began, is in the total and no row


def test_the_rates_are_incidents_per_100_shifts_of_each_kind(week: Week) -> None:
    patrol = stats(week)["patrol"]
    assert patrol["full"]["per_100"] == 22.2  # 2 in 9 shifts
    assert patrol["short"]["per_100"] == 100.0  # 1 in 1
    assert patrol["none"]["per_100"] == 100.0  # 2 in 2


def test_the_crime_clock_puts_small_hours_under_the_evening_before(week: Week) -> None:
    result = stats(week)
    clock = {(c["hour"], c["weekday"]): c["count"] for c in result["clock"]}
    assert clock == {(23, 0): 1, (23, 1): 1, (2, 2): 1, (3, 4): 1, (22, 5): 1, (1, 5): 1,
                     (20, 6): 1}  # 02.15 on Thursday is Wednesday night (weekday 2)
    assert result["clock"] == sorted(result["clock"], key=lambda c: (c["hour"], c["weekday"]))
    assert result["daytime"] == 1  # Sunday 14.00


def test_the_median_wait_before_forwarding_to_the_police_is_in_days(week: Week) -> None:
    assert stats(week)["median_days_to_forward"] == 2.5  # of 1, 2.5 and 10 days


def test_a_forwarded_case_with_no_police_news_for_30_days_is_overdue(week: Week) -> None:
    assert stats(week, now=at(20, 8))["overdue"] == []
    # 9 December: #3 (forwarded 6/11) has waited 33 days; #4 had an SP2HP letter on 30/11;
    # #6 was forwarded on 18/11
    assert stats(week, now=datetime(2026, 12, 9, 8, tzinfo=WIB))["overdue"] == [3]


def test_an_empty_book_has_no_rates_and_no_median() -> None:
    result = incident_stats([], [], MONDAY, SUNDAY, TIMETABLE, at(20, 8))
    assert result["total"] == 0 and result["by_category"] == {} and result["clock"] == []
    assert all(row == {"nights": 0, "incidents": 0, "per_100": None}
               for row in result["patrol"].values())
    assert result["median_days_to_forward"] is None and result["overdue"] == []


def test_a_shift_is_full_short_or_nobody() -> None:
    evening = date(2026, 11, 3)
    assert shift_kind(Shift(evening, 0, TEAM, leader=1)) == "full"
    assert shift_kind(Shift(evening, 0, (1,), short=Shortfall(1, 3))) == "short"
    assert shift_kind(Shift(evening, 0, ())) == "none"
    assert shift_kind(None) == "none"


def test_the_status_names_the_station_and_the_latest_sp2hp_letter(week: Week) -> None:
    book, _ = week
    assert status_text(book[0], "en") == "new"
    assert status_text(book[2], "id") == "diteruskan ke Polsek Jatinegara"
    assert status_text(book[3], "en") == \
        "forwarded to Polsek Jatinegara, SP2HP A3 (going to investigation)"


def test_the_notice_for_the_pos_counts_and_follows_up_without_details(week: Week) -> None:
    book, _ = week
    lines = board_lines(book, MONDAY, SUNDAY, "id", "RT 012 / RW 004", "2–8 November 2026")
    assert lines[:4] == ["TINDAK LANJUT LAPORAN WARGA", "RT 012 / RW 004", "2–8 November 2026",
                         ""]
    assert lines[5] == "- Pencurian: 3"  # the most common first
    follow = [line for line in lines if line.startswith("- ") and " · " in line]
    assert len(follow) == 8
    assert "- 05/11 · Pencurian kendaraan bermotor (curanmor) · diteruskan ke Polsek " \
           "Jatinegara" in follow
    assert not any("Kejadian" in line for line in lines)  # no description, place or people


def test_the_notice_for_a_quiet_period_thanks_the_patrol() -> None:
    lines = board_lines([], MONDAY, SUNDAY, "en", "RT 012 / RW 004", "2–8 November 2026")
    assert lines[-1].startswith("No incidents were reported in this period.")
    assert len(lines) == 5
