"""The decisions the commands take from the core, read without a terminal or a data file:
each function takes records and returns records or plain figures."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ronda.area.model import RT
from ronda.area.rollup import rt_rows
from ronda.cash.book import fines, pay_fines, unpaid
from ronda.errors import BadInput
from ronda.incidents.book import VOID, Incident, Reporter, numbered_incidents, reporter_of
from ronda.model import Settings, Volunteer
from ronda.neighbourhood.config import plan_effect, set_value
from ronda.neighbourhood.holidays import holidays_of_year
from ronda.people.csvfile import plan_import
from ronda.people.roster import lookalikes, natural_key, roster_listing, roster_rules
from ronda.people.sheet import ImportRow
from ronda.printing.slip import duties, slip_period
from ronda.schedule.shifts import Absence, Holiday, Shift

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def row(line: int, name: str, off_duty: str | None = None, **fields: object) -> ImportRow:
    return ImportRow(line, {"name": name, **fields}, off_duty=off_duty)


# ------------------------------------------------------------ importing a roster sheet

ROSTER = [Volunteer(1, "Budi Santoso", household="A-01", team="Regu A"),
          Volunteer(2, "Siti Aminah", phone="+6281234567890", household="A-02"),
          Volunteer(3, "", purged=True)]


def test_a_plain_import_adds_the_people_on_duty_and_refuses_names_on_the_roster() -> None:
    plan = plan_import([row(2, "Agus", team="regu a"), row(3, "budi santoso"),
                        row(4, "Dewi", off_duty="moved")], ROSTER, update=False, source="x.csv")
    assert [r.fields["name"] for r in plan.new] == ["Agus", "budi santoso"]
    assert plan.new[0].fields["team"] == "Regu A"  # written as the roster writes it
    assert [(e.line, e.key) for e in plan.errors] == [(3, "err.csv_on_roster")]
    assert plan.changed == [] and plan.update is None
    assert [v.name for v in plan.after] == ["Budi Santoso", "Siti Aminah", "Agus",
                                            "budi santoso"]


def test_a_sheet_whose_every_new_name_is_on_the_roster_was_imported_before() -> None:
    with pytest.raises(BadInput) as refused:
        plan_import([row(2, "Budi Santoso"), row(3, "Siti Aminah")], ROSTER, update=False,
                    source="warga.csv")
    assert refused.value.key == "err.sheet_on_roster"
    assert refused.value.args_ == {"count": 2, "path": "warga.csv"}


def test_an_update_changes_the_matched_adds_the_others_and_takes_the_moved_off() -> None:
    plan = plan_import([row(2, "Budi Santoso", household="A-09"),
                        row(3, "Siti A.", phone="+6281234567890", off_duty="moved"),
                        row(4, "Agus")], ROSTER, update=True, source="x.csv")
    assert [(v.id, v.household, v.active) for v in plan.changed] == [(1, "A-09", True),
                                                                     (2, "A-02", False)]
    assert [r.fields["name"] for r in plan.new] == ["Agus"]
    assert plan.update is not None and len(plan.update.matched) == 2
    assert [v.name for v in plan.after] == ["Budi Santoso", "Agus"]  # Siti is off the rota


# ------------------------------------------------------------ the roster listed

TEAMS = [Volunteer(1, "budi", team="Regu B"), Volunteer(2, "Agus", team="Regu B", leader=True),
         Volunteer(3, "Cahyo", team="Regu A"), Volunteer(4, "Dewi", team="regu b", active=False),
         Volunteer(5, "Eko", household="A-01"), Volunteer(6, "", purged=True, active=False)]


def test_the_roster_lists_the_active_by_team_leader_first_then_by_name() -> None:
    assert [v.id for v in roster_listing(TEAMS)] == [5, 3, 2, 1]  # no regu comes first
    assert [v.id for v in roster_listing(TEAMS, team=" REGU B ")] == [2, 1]
    assert [v.id for v in roster_listing(TEAMS, team="Regu B", everyone=True)] == [2, 1, 4]
    assert [v.id for v in roster_listing(TEAMS, everyone=True)] == [5, 3, 2, 1, 6, 4]


def test_a_new_record_that_may_be_someone_already_on_the_roster() -> None:
    twin, housemate = lookalikes(Volunteer(7, "BUDI", household="a-01"), TEAMS)
    assert twin is not None and twin.id == 1 and housemate
    assert lookalikes(Volunteer(7, "Dewi"), TEAMS) == (None, False)  # Dewi left the roster
    assert lookalikes(TEAMS[0], TEAMS) == (None, False)  # not their own twin
    assert lookalikes(Volunteer(7, "Fajar"), TEAMS) == (None, False)  # no household, none shared


# ------------------------------------------------------------ the rules a roster makes

def test_houses_are_ordered_as_numbered_and_the_limited_named() -> None:
    people = [Volunteer(1, "Agus", household="B-11"), Volunteer(2, "Dewi", household="b-11"),
              Volunteer(3, "Eko", household="B-2", days=WEEKDAYS),
              Volunteer(4, "Rina", household="B-2"), Volunteer(5, "Tono", household="B-3"),
              Volunteer(6, "Wati", household="B-3", active=False, days=WEEKDAYS)]
    homes, limited = roster_rules(people)
    assert [[v.name for v in home] for home in homes] == [["Eko", "Rina"], ["Agus", "Dewi"]]
    assert [v.name for v in limited] == ["Eko"]  # Wati is off the roster
    assert natural_key("B-2") < natural_key("b-11")


# ------------------------------------------------------------ fines owed

def test_fines_are_owed_until_a_payment_settles_them() -> None:
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    nights = [Shift(monday, 0, (1, 2, 3), absences=(Absence(2, "tanpa-keterangan", fine=20000),
                                                    Absence(3, "izin"))),
              Shift(tuesday, 0, (1, 2), absences=(Absence(1, "tanpa-keterangan", fine=20000),
                                                  Absence(2, "tanpa-keterangan", fine=20000)))]
    found = fines(nights, [])
    assert [(f.evening.day, f.volunteer) for f in unpaid(found)] == [(23, 2), (24, 1), (24, 2)]
    assert [f.evening.day for f in unpaid(found, volunteer=2)] == [23, 24]
    assert [f.key for f in unpaid(found, volunteer=2, evening=tuesday)] == [(tuesday, 0, 2)]
    # Pak 2 pays Monday's fine into the kas: Tuesday's is all he still owes
    paid = pay_fines(unpaid(found, volunteer=2, evening=monday), tuesday, "#2 Agus")
    found = fines(nights, paid)
    assert [(f.evening.day, f.volunteer) for f in unpaid(found)] == [(24, 1), (24, 2)]
    assert [f.evening.day for f in unpaid(found, volunteer=2)] == [24]


# ------------------------------------------------------------ what a setting does to the plan

@pytest.mark.parametrize(("key", "value", "effect"), [
    ("slots", "22.00-01.00=3, 01.00-04.00=3", "replan"),  # one shift more
    ("start", "21.00", "replan"),  # the same shift at new hours
    ("per-night", "6", "repair"),
    ("per-night.sat", "7", "repair"),
    ("rest", "3", "repair"),
    ("max-per-week", "1", "repair"),
    ("household-rule", "no", "repair"),
    ("fine", "20000", None),
    ("liaison.phone", "0813-9011-2468", None),
    ("rest", "1", None),  # as it was
])
def test_a_new_setting_plans_again_repairs_or_leaves_the_coming_nights(
        key: str, value: str, effect: str | None) -> None:
    before = set_value(Settings(name="RT 005"), "rest", "1")
    assert plan_effect(before, set_value(before, key, value)) == effect


# ------------------------------------------------------------ the incident book

WIB = timezone(timedelta(hours=7))
NEIGHBOURS = [Volunteer(3, "Budi Santoso"), Volunteer(9, "Budi Hartono"),
              Volunteer(4, "Siti Aminah")]


def test_a_reporter_is_the_volunteer_named_else_a_resident_as_typed() -> None:
    assert reporter_of(NEIGHBOURS, "siti", public=False) == Reporter(0, "Siti Aminah", 4)
    assert reporter_of(NEIGHBOURS, "Bu Yanti", public=True) == Reporter(0, "Bu Yanti", None,
                                                                        True)
    assert reporter_of(NEIGHBOURS, "Siti Amnah", public=False).volunteer is None  # no guess
    assert reporter_of(NEIGHBOURS, None, public=False) is None
    with pytest.raises(BadInput) as refused:  # two Budis: never a guess
        reporter_of(NEIGHBOURS, "Budi", public=False)
    assert refused.value.key == "err.volunteer_ambiguous"


def incident(number: int, day: int, hour: int, status: str = "new") -> Incident:
    moment = datetime(2026, 11, day, hour, tzinfo=WIB)
    return Incident(number, moment, moment, "theft", "Helm hilang", status=status)


def test_incidents_named_by_number_come_once_in_the_order_they_happened() -> None:
    late, early, same_night = incident(7, 24, 23), incident(5, 25, 2), incident(2, 24, 23)
    chosen = numbered_incidents([late, early, late, same_night])
    assert [i.id for i in chosen] == [2, 7, 5]
    with pytest.raises(BadInput) as refused:
        numbered_incidents([late, incident(8, 26, 1, status=VOID)])
    assert (refused.value.key, refused.value.args_) == ("err.export_void", {"id": 8})


def test_a_book_and_an_area_start_at_the_evening_of_their_first_incident() -> None:
    """When no period is asked for, the RT's book and the area's start at the first
    incident's evening: 02.00 on Wednesday 25/11 is Tuesday's evening, in both."""
    from ronda.area.rollup import area_opening_evening
    from ronda.incidents.book import opening_evening
    from ronda.schedule.timetable import Timetable

    settings = Settings(name="RT 005")
    found = [incident(5, 25, 2), incident(7, 26, 23)]  # in order, as the book gives them
    assert opening_evening(found, Timetable.of(settings)) == date(2026, 11, 24)
    assert opening_evening([], Timetable.of(settings)) is None
    rts = [RT("rt05", "rt05.json", settings, incidents=tuple(found)),
           RT("rt06", "rt06.json", Settings(name="RT 006"), incidents=(incident(1, 25, 21),))]
    assert area_opening_evening(rts) == date(2026, 11, 24)
    assert area_opening_evening([RT("rt07", "rt07.json", settings)]) is None


# ------------------------------------------------------------ the area in figures

def test_each_rt_of_the_area_in_a_few_figures() -> None:
    settings = set_value(Settings(name="RT 001 / RW 004"), "coordinator.name", "Pak Slamet")
    busy = RT("rt001", "rt001.json", settings,
              people={1: Volunteer(1, "Agus"), 2: Volunteer(2, "Dewi"),
                      3: Volunteer(3, "Eko", active=False)},
              shifts=(Shift(date(2026, 11, 28), 0, (1, 2)), Shift(date(2026, 11, 30), 0),
                      Shift(date(2026, 11, 29), 0, (1,))),
              incidents=(incident(1, 2, 23, status="forwarded"), incident(2, 20, 23),
                         incident(3, 25, 22, status="forwarded")))
    empty = RT("rt002", "rt002.json", Settings(name="RT 002 / RW 004"))
    now = datetime(2026, 12, 15, 20, tzinfo=WIB)
    assert rt_rows([busy, empty], now) == [
        {"rt": "rt001", "name": "RT 001 / RW 004", "file": "rt001.json", "volunteers": 2,
         "planned_until": "2026-11-29",  # the 30th has nobody on it
         "incidents": 3, "overdue": 1,  # forwarded 43 days ago with no news since
         "coordinator": "Pak Slamet"},
        {"rt": "rt002", "name": "RT 002 / RW 004", "file": "rt002.json", "volunteers": 0,
         "planned_until": None, "incidents": 0, "overdue": 0, "coordinator": ""}]


# ------------------------------------------------------------ a year's holidays

def test_a_year_s_holidays_hold_its_own_dates_and_new_year_s_eve() -> None:
    stored = [Holiday(date(2026, 8, 16), "Malam tirakatan", 2, local=True),
              Holiday(date(2027, 8, 16), "Malam tirakatan", 2, local=True),
              Holiday(date(2026, 12, 25), "Natal (disimpan)", local=False)]
    found = {h.date: h for h in holidays_of_year(2026, stored)}
    assert list(found) == sorted(found) and {d.year for d in found} == {2026}
    assert found[date(2026, 8, 16)].name == "Malam tirakatan"  # the RT's own, not 2027's
    assert found[date(2026, 8, 16)].extra == 2
    assert found[date(2026, 12, 31)].title("en") == "New Year's Eve"  # 1/1/2027's eve
    assert found[date(2026, 12, 25)].local is False  # the library's Christmas, not the stored
    assert found[date(2026, 12, 25)].name != "Natal (disimpan)"
    assert date(2025, 12, 31) not in found


# ------------------------------------------------------------ a personal slip

def test_a_slip_covers_the_month_or_four_weeks_at_the_least() -> None:
    monday = date(2026, 11, 23)
    assert slip_period(date(2026, 2, 11), monday, 1, month=True) == (date(2026, 2, 1),
                                                                      date(2026, 2, 28))
    assert slip_period(date(2026, 11, 25), monday, 1, month=False) == (monday,
                                                                       date(2026, 12, 20))
    assert slip_period(date(2026, 11, 25), monday, 6, month=False)[1] == date(2027, 1, 3)


def test_a_slip_names_the_person_s_duties_their_role_and_their_mates() -> None:
    people = {1: Volunteer(1, "Agus"), 2: Volunteer(2, "Dewi"), 3: Volunteer(3, "Eko")}
    nights = [Shift(date(2026, 11, 23), 0, (1, 2, 3), leader=1),
              Shift(date(2026, 11, 24), 0, (3, 1), leader=3),
              Shift(date(2026, 11, 25), 0, (2, 3), leader=2),
              Shift(date(2026, 11, 26), 0, (1, 9))]  # nobody 9 on the roster
    assert [(d.shift.date.day, d.leads, d.mates) for d in duties(1, nights, people)] == [
        (23, True, ("Dewi", "Eko")), (24, False, ("Eko",)), (26, False, ())]


# ------------------------------------------------------------ what a build tells

def test_a_build_s_summary_counts_its_nights_its_filled_shifts_and_too_few_leaders() -> None:
    """Three people for two shifts of two a night: each night one shift is short (one
    person for two), every person does a duty a night, and one leader for two shifts is
    told (a leader a night, not a shift)."""
    from datetime import time

    from ronda.model import Slot
    from ronda.schedule.builder import Rules, build_schedule
    from ronda.schedule.summary import build_summary
    from ronda.schedule.timetable import Timetable

    slots = (Slot(time(22), time(1), 2), Slot(time(1), time(4), 2))
    monday, sunday = date(2026, 11, 23), date(2026, 11, 29)
    timetable = Timetable.of(Settings(name="RT 005", slots=slots))

    def summary(count: int, leaders: int):  # noqa: ANN202
        people = [Volunteer(i, f"Warga {i}", household=f"H{i}", leader=i <= leaders)
                  for i in range(1, count + 1)]
        plan = build_schedule(people, Rules(slots, rest=0), monday, sunday)
        return build_summary(plan, people, timetable, monday, sunday, monday, None)

    few = summary(3, 1)
    assert (few.nights, few.filled, few.places) == (7, 7, 14)
    assert [(s.short.available, s.short.required) for s in few.short] == [(1, 2)] * 7
    assert (few.fairness.least, few.fairness.most) == (7, 7)
    assert few.leaders == 1  # fewer than the night's two shifts
    enough = summary(8, 2)
    assert (enough.nights, enough.filled, enough.places, enough.short) == (7, 14, 14, [])
    assert enough.leaders is None


# ------------------------------------------------------------ a repair after a roster change

def test_a_repair_counts_the_places_it_had_to_leave_open() -> None:
    """Cici leaves the roster: with Budi free the place is filled again (none opened);
    without him Wednesday's shift stays one short, a place that was filled before."""
    from datetime import time

    from ronda.model import Slot
    from ronda.schedule.replan import repair_plan
    from ronda.schedule.rules import Rules
    from ronda.schedule.timetable import Timetable

    settings = Settings(name="RT 005", slots=(Slot(time(22), time(4), 2),))
    planned = [Shift(date(2026, 11, 25), 0, volunteers=(1, 3))]
    morning = datetime(2026, 11, 24, 8, tzinfo=WIB)
    agus, budi = Volunteer(1, "Agus", household="A1"), Volunteer(2, "Budi", household="A2")
    cici = Volunteer(3, "Cici", household="A3", active=False)
    for people, opened, on_duty in (([agus, budi, cici], 0, (1, 2)), ([agus, cici], 1, (1,))):
        repair = repair_plan(planned, people, Rules.of(settings), Timetable.of(settings),
                             morning, cause="volunteer.remove")
        assert repair.opened == opened
        assert [s.volunteers for s in repair.shifts] == [on_duty]
