"""Fairness that holds for a quarter and a year, within every group of equals: leaders carry
what the leader rule gives them and share it evenly; Friday/Saturday nights, malam Minggu,
holiday nights and each shift of a night are even within each group; builds in a row keep it."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

import holidays as national
import pytest
from conftest import again

from ronda.model import Slot, Volunteer
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.shifts import Holiday, Shift

START = date(2027, 1, 4)  # a Monday


def residents(count: int, leaders: int) -> list[Volunteer]:
    return [Volunteer(i + 1, f"Warga {i + 1}", household=f"H{i + 1}", leader=i < leaders)
            for i in range(count)]


def holiday_map(last: date) -> dict[date, Holiday]:
    """Indonesia's national holidays up to ``last``, from two years before ``START``."""
    found = national.Indonesia(years=range(START.year - 2, last.year + 1))
    return {d: Holiday(d, name) for d, name in found.items() if d <= last}


def spreads(shifts: list[Shift], people: list[Volunteer], holidays: dict[date, Holiday]
            ) -> dict[str, dict[str, tuple[int, int]]]:
    """(fewest, most) of each kind of night, for leaders and for the others."""
    kinds = {"total": lambda s: True, "fri/sat": lambda s: s.date.weekday() in (4, 5),
             "malam Minggu": lambda s: s.date.weekday() == 5,
             "holiday": lambda s: s.date in holidays}
    for k in sorted({s.slot for s in shifts}):
        kinds[f"shift {k + 1}"] = lambda s, k=k: s.slot == k
    out = {}
    for group, members in (("leaders", [v.id for v in people if v.leader]),
                           ("others", [v.id for v in people if not v.leader])):
        out[group] = {}
        for name, of_kind in kinds.items():
            count = Counter(p for s in shifts if of_kind(s) for p in s.volunteers)
            values = [count[p] for p in members]
            out[group][name] = (min(values), max(values))
    return out


def plan(people: list[Volunteer], rules: Rules, weeks: int, first: date = START,
         history: list[Shift] | None = None) -> tuple[list[Shift], dict[date, Holiday]]:
    last = first + timedelta(weeks=weeks, days=-1)
    holidays = holiday_map(last)
    built = build_schedule(people, rules, first, last, history=history or [],
                           holidays=holidays)
    return built.shifts, holidays


ONE_SHIFT = Rules((Slot(time(22), time(4), 3),), rest=1)
TWO_SHIFTS = Rules((Slot(time(22), time(1), 3), Slot(time(1), time(4), 3)), rest=1)


@pytest.mark.parametrize("weeks", [again(13, id="13"), 52])
def test_a_quarter_and_a_year_are_even_within_each_group(weeks: int) -> None:
    people = residents(30, 6)
    shifts, holidays = plan(people, ONE_SHIFT, weeks)
    found = spreads(shifts, people, holidays)
    for group in ("leaders", "others"):
        for kind, (least, most) in found[group].items():
            assert most - least <= 1, (group, kind, found[group])
    if weeks == 52:  # 364 shifts, one leader each: 60 or 61 for each of the six
        assert found["leaders"]["total"] == (60, 61)
        assert found["others"]["total"] == (30, 31)


def test_the_shift_after_midnight_goes_round_every_group() -> None:
    people = residents(32, 8)
    shifts, holidays = plan(people, TWO_SHIFTS, 13)
    found = spreads(shifts, people, holidays)
    for group in ("leaders", "others"):
        for kind, (least, most) in found[group].items():
            assert most - least <= 1, (group, kind, found[group])
    assert found["others"]["shift 2"][0] >= 6  # nobody is spared the 01.00 shift


@pytest.mark.parametrize(("builds", "weeks"), [(3, 52), again(12, 4, id="12-4")])
def test_builds_in_a_row_keep_every_group_within_two(builds: int, weeks: int) -> None:
    """Each build counts the fairness window before it, so the sum stays even."""
    people = residents(30, 6)
    done: list[Shift] = []
    holidays: dict[date, Holiday] = {}
    for k in range(builds):
        shifts, found = plan(people, ONE_SHIFT, weeks, START + timedelta(weeks=weeks * k), done)
        done += shifts
        holidays.update(found)
    found_spreads = spreads(done, people, holidays)
    for group in ("leaders", "others"):
        for kind, (least, most) in found_spreads[group].items():
            assert most - least <= 2, (group, kind, found_spreads[group])


def test_the_summary_and_stats_give_each_group_its_spread_and_why(run, db) -> None:  # noqa: ANN001
    from builders import add_people, new_neighbourhood
    from conftest import RT005

    setup = (*[p for p in RT005 if p[0] not in ("per-night", "rest")], ("per-night", "3"),
             ("rest", "1"))
    new_neighbourhood(db, setup)
    add_people(db, [{"name": f"Warga {i + 1:02d}", "household": f"A-{i + 1:02d}",
                     "leader": i < 6} for i in range(30)], joined=date(2026, 12, 1))
    built = run("schedule", "build", "--from", "2027-01-04", "--weeks", "52", "--yes",
                env={"RONDA_TODAY": "2026-12-20"})
    assert built.exit_code == 0, built.output
    lines = built.output.splitlines()
    leaders = next(x for x in lines if x.startswith("  Team leaders (6): "))
    assert leaders.startswith("  Team leaders (6): 60–61 duties, more than the others because "
                              "every shift needs a team leader; Friday/Saturday nights ")
    assert any(x.startswith("  Other residents (24): 30–31 duties; ") for x in lines)
    stats = run("schedule", "stats", "--from", "2027-01-04", "--to", "2027-04-04", lang="id",
                env={"RONDA_TODAY": "2026-12-20"})
    assert stats.exit_code == 0, stats.output
    quarter = next(x for x in stats.output.splitlines() if x.startswith("  Ketua regu (6): "))
    assert "lebih banyak dari warga lain karena setiap giliran butuh ketua regu" in quarter
