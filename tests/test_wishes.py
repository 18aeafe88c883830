"""Wishes: nights someone would rather patrol or rather not. Kept after places, leaders and
fair totals, never at their cost; counted and explained in the summary and stats."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from builders import add_people, new_neighbourhood
from conftest import RT005, Run, digest

from ronda.model import Away, Slot, Volunteer
from ronda.schedule.builder import Rules, build_schedule
from ronda.schedule.wishes import wish_report

MONDAY = date(2027, 1, 4)
RULES = Rules((Slot(time(22), time(4), 3),), rest=1)


def residents(wishes: dict[int, dict]) -> list[Volunteer]:
    return [Volunteer(i, f"Warga {i}", household=f"H{i}", leader=i <= 5, **wishes.get(i, {}))
            for i in range(1, 31)]


WISHES = {7: {"avoid": ("sat",)}, 8: {"avoid": ("mon", "tue")}, 9: {"prefer": ("fri",)},
          10: {"prefer": ("sat", "sun")},
          11: {"avoid_dates": (Away(MONDAY + timedelta(days=10), MONDAY + timedelta(days=16)),)},
          2: {"avoid": ("sun",)}}


def test_wishes_are_kept_without_costing_places_leaders_or_fair_totals() -> None:
    last = MONDAY + timedelta(weeks=4, days=-1)
    plain = build_schedule(residents({}), RULES, MONDAY, last).shifts
    wished = build_schedule(residents(WISHES), RULES, MONDAY, last).shifts
    for plan in (plain, wished):
        assert all(len(s.volunteers) == 3 and s.leader is not None for s in plan)
    def totals(plan):  # noqa: ANN001, ANN202
        load = Counter(p for s in plan for p in s.volunteers)
        return [sorted(load[p] for p in ids) for ids in (range(1, 6), range(6, 31))]
    assert totals(wished) == totals(plain)  # the same fair totals in each group
    report = wish_report(wished, residents(WISHES), MONDAY, last)
    assert (report.met, report.total) == (8, 8), report.unmet
    assert wish_report(plain, residents(WISHES), MONDAY, last).met < 8


def test_a_repair_puts_nobody_on_a_night_they_avoid_when_another_is_as_free() -> None:
    from ronda.schedule.replan import repair_plan
    from ronda.schedule.timetable import Timetable

    people = residents({6: {"avoid": ("wed",)}})
    last = MONDAY + timedelta(weeks=2, days=-1)
    plan = build_schedule(people, RULES, MONDAY, last).shifts
    wednesday = next(s for s in plan if s.date.weekday() == 2 and s.date > MONDAY + timedelta(
        days=3))
    leaving = next(p for p in wednesday.volunteers if p != wednesday.leader)
    gone = [v.with_changes(active=False) if v.id == leaving else v for v in people]
    now = datetime.combine(MONDAY, time(12), ZoneInfo("Asia/Jakarta"))
    repair = repair_plan(plan, gone, RULES, Timetable(RULES.slots), now, cause="remove")
    after = next(s for s in repair.shifts if s.key == wednesday.key)
    assert leaving not in after.volunteers and 6 not in after.volunteers
    assert len(after.volunteers) == 3


def test_wishes_from_the_command_line_saved_shown_and_checked(run: Run, db: Path) -> None:
    new_neighbourhood(db, RT005)
    add_people(db, [{"name": "Budi Santoso", "household": "A-01"}], joined=date(2026, 11, 1))
    added = run("volunteer", "add", "Siti Aminah", "--prefer", "jum", "--avoid", "sab,min",
                "--avoid-date", "24/12/2026", "--json")
    assert added.exit_code == 0, added.output
    record = json.loads(added.stdout)
    assert (record["prefer"], record["avoid"]) == (["fri"], ["sat", "sun"])
    assert record["avoid_dates"] == [{"from": "2026-12-24", "to": "2026-12-24", "reason": ""}]
    shown = run("volunteer", "show", "Siti", lang="id").stdout
    assert "Lebih suka" in shown and "Jumat" in shown and "Sabtu, Minggu" in shown
    assert "Kamis, 24/12/2026" in shown
    listed = run("volunteer", "list", lang="id", env={"COLUMNS": "140"}).stdout
    assert "Keinginan" in listed and "+Jum −Sab −Min −24/12/2026" in listed
    before = digest(db)
    for bad, words in ((("--prefer", "sab", "--avoid", "sab"), "Sabtu tidak bisa sekaligus"),
                       (("--days", "sab,min", "--avoid", "sen"), "Senin bukan hari")):
        refused = run("volunteer", "edit", "Budi", *bad, lang="id")
        assert refused.exit_code == 2 and words in refused.output, refused.output
        assert digest(db) == before
    cleared = run("volunteer", "edit", "Siti", "--avoid", "-", "--avoid-date", "-")
    assert cleared.exit_code == 0, cleared.output
    record = json.loads(run("volunteer", "show", "Siti", "--json").stdout)
    assert (record["avoid"], record["avoid_dates"]) == ([], [])


def test_the_build_summary_and_stats_count_the_wishes_kept(run: Run, db: Path) -> None:
    setup = (*[p for p in RT005 if p[0] not in ("per-night", "rest")], ("per-night", "3"),
             ("rest", "1"))
    new_neighbourhood(db, setup)
    add_people(db, [{"name": f"Warga {i:02d}", "household": f"A-{i:02d}", "leader": i <= 5}
                    for i in range(1, 31)], joined=date(2026, 11, 1))
    run("volunteer", "edit", "Warga 07", "--avoid", "sab", "--no-repair")
    run("volunteer", "edit", "Warga 09", "--prefer", "jum", "--no-repair")
    built = run("schedule", "build", "--from", "2026-11-23", "--weeks", "4", "--yes",
                lang="id")
    assert built.exit_code == 0, built.output
    assert "Keinginan terpenuhi: 2 dari 2 (100%)." in built.output
    stats = run("schedule", "stats", "--from", "2026-11-23", "--to", "2026-12-20")
    assert "Wishes kept: 2 of 2 (100%)." in stats.output
    plan = json.loads(run("schedule", "--from", "2026-11-23", "--to", "2026-12-20",
                          "--json").stdout)
    nights = [date.fromisoformat(s["date"]) for s in plan for v in s["volunteers"]
              if v["name"] == "Warga 07"]
    assert nights and all(d.weekday() != 5 for d in nights)


def test_a_file_written_before_wishes_reads_as_no_wishes() -> None:
    old = {"id": 3, "name": "Budi", "phone": None, "address": "", "household": "A-1",
           "team": "", "leader": False, "days": ["mon", "tue"], "max_per_week": None,
           "note": "", "active": True, "purged": False, "away": [], "joined": None}
    v = Volunteer.from_dict(old)
    assert (v.prefer, v.avoid, v.avoid_dates) == ((), (), ())
    assert v.wish_on(date(2026, 11, 23)) == 0


def test_wishes_come_in_from_the_spreadsheet(run: Run, db: Path, tmp_path: Path) -> None:
    new_neighbourhood(db, RT005)
    sheet = tmp_path / "warga.csv"
    sheet.write_text("Nama;Rumah;Lebih suka;Hindari\nBudi Santoso;A-1;Jumat;Sabtu, Minggu\n"
                     "Siti Aminah;A-2;;\n", encoding="utf-8")
    assert run("volunteer", "import", str(sheet)).exit_code == 0
    budi = json.loads(run("volunteer", "show", "Budi", "--json").stdout)
    assert (budi["prefer"], budi["avoid"]) == (["fri"], ["sat", "sun"])
    siti = json.loads(run("volunteer", "show", "Siti", "--json").stdout)
    assert (siti["prefer"], siti["avoid"]) == ([], [])
