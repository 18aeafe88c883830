"""Accounts of a schedule: attendance, fines, gaps and the fairness verdict."""

from datetime import date, timedelta

from ronda.model import Volunteer
from ronda.schedule.reports import (
    Replacement,
    fairness,
    person_stats,
    replacements,
    team_totals,
    verdict,
)
from ronda.schedule.shifts import Absence, Holiday, Shift

MONDAY = date(2026, 11, 23)
PEOPLE = [Volunteer(1, "Budi", team="Regu 1"), Volunteer(2, "Siti", team="Regu 1"),
          Volunteer(3, "Andi", team="Regu 2", days=("mon", "tue", "wed"))]


def test_attendance_fines_and_gaps() -> None:
    shifts = [
        Shift(MONDAY, 0, (1, 2), leader=1, present=(1,), logged=True,
              absences=(Absence(2, "tanpa-keterangan", "", 20000),)),
        Shift(MONDAY + timedelta(days=3), 0, (1, 3), logged=True, present=(1,),
              absences=(Absence(3, "sakit", "Galih", 0),)),
        Shift(MONDAY + timedelta(days=4), 0, (2,)),  # Friday, not logged, in the past
        Shift(MONDAY + timedelta(days=9), 0, (1,)),  # planned, still to come
    ]
    holidays = {MONDAY + timedelta(days=3): Holiday(MONDAY + timedelta(days=3), "Libur")}
    stats = {s.id: s for s in person_stats(shifts, PEOPLE, holidays, MONDAY + timedelta(5))}
    assert (stats[1].planned, stats[1].served, stats[1].min_gap, stats[1].holiday) == (3, 2, 3, 1)
    assert (stats[2].absent, stats[2].fines, stats[2].served, stats[2].weekend) == (1, 20000, 1, 1)
    assert (stats[3].excused, stats[3].substituted, stats[3].served) == (1, 1, 0)
    assert team_totals(list(stats.values()))["Regu 1"] == {"people": 2, "planned": 5,
                                                          "served": 3, "absent": 1,
                                                          "fines": 20000}
    f = fairness(list(stats.values()), PEOPLE)
    assert (f.least, f.most, f.spread) == (1, 3, 2)


def test_a_stand_in_s_night_is_neither_the_absent_person_s_nor_the_stand_in_s_duty() -> None:
    shifts = [Shift(MONDAY, 0, (1, 2), logged=True, present=(1,),
                    absences=(Absence(2, "sakit", "", 0, 3),)),
              Shift(MONDAY + timedelta(days=1), 0, (3,), logged=True, present=(3,))]
    stats = {s.id: s for s in person_stats(shifts, PEOPLE, {}, MONDAY + timedelta(5))}
    assert (stats[2].served, stats[2].substituted) == (0, 1)  # Siti did not come
    assert (stats[3].planned, stats[3].served, stats[3].stood_in) == (1, 1, 1)  # Andi: his own
    assert replacements(shifts) == [Replacement(MONDAY, 2, 3, "")]


def test_the_verdict_follows_each_persons_share() -> None:
    week = [MONDAY + timedelta(days=i) for i in range(7)]
    even = [Shift(d, 0, ((i % 2) + 1,)) for i, d in enumerate(week)]
    stats = person_stats(even, PEOPLE[:2], {}, MONDAY)
    assert verdict(stats, PEOPLE[:2], week[0], week[-1]).fair
    lopsided = [Shift(d, 0, (1,)) for d in week]
    stats = person_stats(lopsided, PEOPLE[:2], {}, MONDAY)
    judged = verdict(stats, PEOPLE[:2], week[0], week[-1])
    assert not judged.fair and judged.worst.name in ("Budi", "Siti") and judged.share == 3.5
    # availability lowers a share only where it binds: someone available three nights owes
    # those three when an even share (3.5) is more than they can carry, never a cut pro rata
    shared = [Shift(d, 0, (3,) if d.weekday() < 3 else (1,)) for d in week]
    stats = person_stats(shared, [PEOPLE[0], PEOPLE[2]], {}, MONDAY)
    judged = verdict(stats, [PEOPLE[0], PEOPLE[2]], week[0], week[-1])
    assert judged.fair and judged.shares[3].share == 3 and judged.shares[1].share == 4
    assert judged.shares[3].capped and judged.shares[3].limits == ("days",)
    only_monday = [Shift(d, 0, (3,) if d.weekday() == 0 else (1,)) for d in week]
    stats = person_stats(only_monday, [PEOPLE[0], PEOPLE[2]], {}, MONDAY)
    assert not verdict(stats, [PEOPLE[0], PEOPLE[2]], week[0], week[-1]).fair


def test_a_share_counts_what_was_served_in_the_fairness_window() -> None:
    """Two people, one of whom served four nights just before: over the week ahead the fair
    plan gives the other more, and the verdict judges the week by those shares."""
    week = [MONDAY + timedelta(days=i) for i in range(8)]
    caught_up = [Shift(d, 0, (2 if i < 6 else 1,)) for i, d in enumerate(week)]
    stats = person_stats(caught_up, PEOPLE[:2], {}, MONDAY)
    judged = verdict(stats, PEOPLE[:2], week[0], week[-1], history={1: 4.0, 2: 0.0})
    assert judged.shares[1].share == 2 and judged.shares[2].share == 6
    assert judged.fair
    assert not verdict(stats, PEOPLE[:2], week[0], week[-1]).fair  # without the past: uneven


def test_a_share_says_how_many_duties_came_before() -> None:
    week = [MONDAY + timedelta(days=i) for i in range(8)]
    stats = person_stats([Shift(d, 0, (2,)) for d in week], PEOPLE[:2], {}, MONDAY)
    judged = verdict(stats, PEOPLE[:2], week[0], week[-1], history={1: 4.0, 2: 0.0})
    assert judged.shares[1].before == 4.0 and judged.shares[2].before == 0.0
