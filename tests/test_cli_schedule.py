"""The schedule through the command line: build, show, swap, attendance, guests, stats,
holidays — what a coordinator sees and what the data file holds."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood, plan
from conftest import Demo, Made, Run, digest

TUESDAY = {"RONDA_TODAY": "2026-11-24"}  # this week is 23–29 November 2026


def four_weeks(db: Path) -> None:
    """The demo of Tuesday 24/11/2026, then ``schedule build --from 23/11/2026 --weeks 4``
    that day."""
    example_neighbourhood(db, date(2026, 11, 24))
    plan(db, date(2026, 11, 23), 4, date(2026, 11, 24))


@pytest.fixture
def planned(db: Path, made: Made) -> Path:
    """The example neighbourhood with four weeks planned from Monday 23/11/2026 (``four_weeks``)."""
    return made(db, four_weeks)


def shifts(run: Run, *args: str) -> list[dict]:
    result = run("schedule", "--json", *args, env=TUESDAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_build_prints_a_summary_with_fairness(run: Run, demo: Demo) -> None:
    demo(TUESDAY["RONDA_TODAY"])
    result = run("schedule", "build", "--from", "23/11/2026", "--weeks", "4", "--yes",
                 env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert "28 nights, 28 of 28 slots filled" in result.stderr
    assert "Fairness:" in result.stderr and "duties per person" in result.stderr


def test_this_week_as_json_has_the_stable_fields(run: Run, planned: Path) -> None:
    week = shifts(run)
    assert [s["date"] for s in week] == [f"2026-11-{d}" for d in range(23, 30)]
    saturday = week[5]
    assert set(saturday) == {"date", "slot", "slot_number", "hours", "start", "end",
                             "required", "volunteers", "leader", "guests", "understaffed",
                             "no_leader", "reason", "holiday"}
    assert saturday["start"] == "2026-11-28T22:00:00+07:00"
    assert saturday["end"] == "2026-11-29T04:00:00+07:00"
    assert saturday["required"] == 5 and len(saturday["volunteers"]) == 5
    assert saturday["volunteers"][0]["leader"] is True
    assert sum(v["leader"] for v in saturday["volunteers"]) == 1
    assert saturday["understaffed"] is False and saturday["reason"] is None


def test_the_table_in_indonesian(run: Run, planned: Path) -> None:
    result = run("schedule", lang="id", env=TUESDAY)
    assert result.exit_code == 0
    for text in ("Malam Minggu", "Sab 28/11/2026", "22.00–04.00 WIB", "★", "Petugas",
                 "23–29 November 2026"):
        assert text in result.stdout
    english = run("schedule", "--week", "2026-12-05", env=TUESDAY).stdout
    assert "Saturday night" in english and "22:00–04:00 WIB" in english


def test_one_persons_nights(run: Run, planned: Path) -> None:
    mine = shifts(run, "--volunteer", "Slamet")
    assert mine and all(any(v["name"] == "Slamet Riyadi" for v in s["volunteers"])
                        for s in mine)


def test_a_short_night_is_explained(run: Run, planned: Path) -> None:
    assert run("config", "set", "per-night.sat", "40").exit_code == 0
    result = run("schedule", "build", "--from", "23/11/2026", "--weeks", "1", "--yes",
                 env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert "is short: only" in result.stderr
    saturday = shifts(run)[5]
    assert saturday["understaffed"] is True
    assert saturday["reason"].startswith(f"only {len(saturday['volunteers'])} of 40 available")
    assert "away (mudik)" in saturday["reason"] or "resting" in saturday["reason"]


def test_rebuilding_after_someone_goes_away_keeps_the_rest(run: Run, planned: Path) -> None:
    before = {s["date"]: {v["id"] for v in s["volunteers"]} for s in shifts(run, "--from",
                                                                           "23/11/2026",
                                                                           "--to", "20/12/2026")}
    slamet = next(d for d, ids in sorted(before.items()) if 1 in ids and d >= "2026-12-01")
    assert run("volunteer", "away", "Slamet", "--from", slamet, "--to", slamet,
               "--reason", "dinas", env=TUESDAY).exit_code == 0
    result = run("schedule", "build", "--from", "23/11/2026", "--weeks", "4", "--yes",
                 env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert "kept" in result.stderr
    after = {s["date"]: {v["id"] for v in s["volunteers"]} for s in shifts(run, "--from",
                                                                          "23/11/2026",
                                                                          "--to", "20/12/2026")}
    assert 1 not in after[slamet]
    unchanged = sum(len(before[d] & after[d]) for d in before)
    assert unchanged >= 0.8 * sum(len(ids) for ids in before.values())


def test_dry_run_saves_nothing(run: Run, planned: Path) -> None:
    before = digest(planned)
    result = run("schedule", "build", "--from", "21/12/2026", "--weeks", "2", "--dry-run",
                 env=TUESDAY)
    assert result.exit_code == 0 and "Nothing was saved" in result.stderr
    assert digest(planned) == before


def test_swap_checks_the_rules(run: Run, planned: Path) -> None:
    wednesday = shifts(run)[2]
    thursday = shifts(run)[3]
    out = wednesday["volunteers"][-1]
    resting = thursday["volunteers"][-1]  # on duty the next night, so resting
    before = digest(planned)
    refused = run("schedule", "swap", "25/11/2026", str(out["id"]), str(resting["id"]),
                  env=TUESDAY)
    assert refused.exit_code == 2
    assert "resting" in refused.stderr and "--force" in refused.stderr
    assert digest(planned) == before
    forced = run("schedule", "swap", "25/11/2026", str(out["id"]), str(resting["id"]),
                 "--force", env=TUESDAY)
    assert forced.exit_code == 0, forced.output
    ids = [v["id"] for v in shifts(run)[2]["volunteers"]]
    assert resting["id"] in ids and out["id"] not in ids
    stored = json.loads(planned.read_text())["shifts"]
    swaps = [s["swaps"] for s in stored.values() if s["date"] == "2026-11-25"][0]
    assert swaps[0]["out"] == out["id"] and swaps[0]["bent"] == ["rest"]


def test_the_past_and_tonight_are_not_swapped(run: Run, planned: Path) -> None:
    monday = shifts(run)[0]
    before = digest(planned)
    refused = run("schedule", "swap", "23/11/2026", str(monday["volunteers"][-1]["id"]),
                  "Agus Salim", "--force", env=TUESDAY)
    assert refused.exit_code == 2 and "has started" in refused.stderr
    assert digest(planned) == before


def test_a_clean_swap_needs_no_force(run: Run, planned: Path) -> None:
    week = shifts(run)
    on_week = {v["id"] for s in week for v in s["volunteers"]}
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    free = next(v["id"] for v in roster if v["id"] not in on_week and not v["away"]
                and "thu" in v["days"])
    out = week[3]["volunteers"][-1]["id"]
    result = run("schedule", "swap", "26/11/2026", str(out), str(free), env=TUESDAY)
    assert result.exit_code == 0, result.output


def test_attendance_absence_fine_and_stats(run: Run, planned: Path) -> None:
    monday = shifts(run)[0]
    absent = monday["volunteers"][-1]
    result = run("schedule", "attend", "23/11/2026", "--absent", str(absent["id"]),
                 "--reason", "tanpa-keterangan", "--note", "situasi aman", env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert "3 present, 1 absent" in result.stderr
    stats = json.loads(run("schedule", "stats", "--from", "23/11/2026", "--json",
                           env=TUESDAY).stdout)
    person = next(s for s in stats if s["id"] == absent["id"])
    assert {"id", "name", "planned", "served", "absent", "weekend", "holiday",
            "min_gap"} <= set(person)
    assert person["absent"] == 1 and person["fines"] == 20000
    leader = next(s for s in stats if s["id"] == monday["volunteers"][0]["id"])
    assert leader["served"] == 1
    table = run("schedule", "stats", env=TUESDAY)
    assert "Rp20.000" in table.stdout and "Regu 1" in table.stdout
    assert "duties" in table.stderr
    shown = run("schedule", env=TUESDAY).stdout
    assert "logged: situasi aman" in shown


def test_stats_say_who_came_for_whom_and_what_each_column_means(run: Run,
                                                                planned: Path) -> None:
    monday = shifts(run)[0]["volunteers"]
    absent, other = monday[-1], monday[0]
    helper = next(s for s in shifts(run)[1]["volunteers"] if s["id"] not in
                  {p["id"] for p in monday})
    assert run("schedule", "attend", "23/11/2026", "--absent", str(absent["id"]), "--substitute",
               str(helper["id"]), env=TUESDAY).exit_code == 0
    assert run("schedule", "attend", "23/11/2026", "--absent", str(other["id"]), "--substitute",
               "Pak RW Joko", env=TUESDAY).exit_code == 0
    stats = {s["id"]: s for s in json.loads(run("schedule", "stats", "--from", "23/11/2026",
                                                "--to", "23/11/2026", "--json",
                                                env=TUESDAY).stdout)}
    # the absent person did not come: the stand-in's night is not theirs, nor the helper's duty
    assert (stats[absent["id"]]["served"], stats[absent["id"]]["substituted"]) == (0, 1)
    assert stats[absent["id"]]["replaced_by"] == [
        {"date": "2026-11-23", "volunteer_id": helper["id"], "name": ""}]
    assert (stats[helper["id"]]["planned"], stats[helper["id"]]["served"],
            stats[helper["id"]]["stood_in"]) == (0, 0, 1)
    assert stats[other["id"]]["replaced_by"][0]["name"] == "Pak RW Joko"
    said = run("schedule", "stats", "--from", "23/11/2026", "--to", "23/11/2026", lang="id",
               env={**TUESDAY, "COLUMNS": "200"})
    assert f"Senin, 23/11/2026: {absent['name']} digantikan oleh {helper['name']}." in said.stderr
    assert f"Senin, 23/11/2026: {other['name']} digantikan oleh Pak RW Joko." in said.stderr
    header = said.stdout.splitlines()[2].split()
    assert header[3:] == ["Jadwal", "Bagian", "Hadir", "Izin", "Alpa", "Ganti", "Gantikan",
                          "Jum/Sab", "Libur", "Jeda", "Denda"]
    for column in header[3:]:  # every column explained, one line each
        assert len([line for line in said.stderr.splitlines()
                    if line.startswith(f"{column}: ")]) == 1, column
    english = run("schedule", "stats", "--from", "23/11/2026", "--to", "23/11/2026",
                  env=TUESDAY).stderr
    assert f"{absent['name']} was replaced by {helper['name']}." in english
    assert "For others: nights they came in someone else's place" in english


def test_a_joint_patrol_guest(run: Run, planned: Path) -> None:
    result = run("schedule", "guest", "27/11/2026", "Serda Bambang", "--role", "babinsa",
                 env=TUESDAY)
    assert result.exit_code == 0
    assert shifts(run)[4]["guests"] == [{"name": "Serda Bambang", "role": "babinsa"}]
    assert "+ Serda Bambang (Babinsa)" in run("schedule", env=TUESDAY).stdout
    stats = json.loads(run("schedule", "stats", "--json", env=TUESDAY).stdout)
    assert "Serda Bambang" not in [s["name"] for s in stats]


def test_a_guest_is_the_bhabinkamtibmas_only_when_named_so_or_the_liaison(
        run: Run, planned: Path) -> None:
    said = run("schedule", "guest", "27/11/2026", "Ustadz Hasan Basri", env=TUESDAY)
    assert said.exit_code == 0 and "Ustadz Hasan Basri (guest) joins" in said.stderr
    liaison = run("schedule", "guest", "27/11/2026", "Agus Widodo", lang="id", env=TUESDAY)
    assert "Agus Widodo (Bhabinkamtibmas) ikut" in liaison.stderr
    assert {g["name"]: g["role"] for g in shifts(run)[4]["guests"]} == {
        "Ustadz Hasan Basri": "other", "Agus Widodo": "bhabinkamtibmas"}
    week = run("schedule", env=TUESDAY).stdout
    assert "+ Ustadz Hasan Basri (guest)" in week and "Basri (Bhabinkamtibmas)" not in week
    ranked = run("schedule", "guest", "26/11/2026", "Serda Bambang", env=TUESDAY)
    assert "Serda Bambang (Babinsa) joins" in ranked.stderr
    police = run("schedule", "guest", "26/11/2026", "Aiptu Wayan Sudarsana", env=TUESDAY)
    assert "Aiptu Wayan Sudarsana (Bhabinkamtibmas) joins" in police.stderr


def test_holidays_national_and_local(run: Run, planned: Path) -> None:
    result = run("holiday", "add", "2026-12-24", "Malam Natal", "--extra", "2", env=TUESDAY)
    assert result.exit_code == 0
    listed = json.loads(run("holiday", "list", "--year", "2026", "--json", env=TUESDAY).stdout)
    titles = {h["date"]: h["title"] for h in listed}
    assert titles["2026-08-17"] == "Independence Day"
    assert titles["2026-12-24"] == "Malam Natal"
    indonesian = run("holiday", "list", "--year", "2026", lang="id", env=TUESDAY).stdout
    assert "Hari Kemerdekaan Republik Indonesia" in indonesian
    assert run("schedule", "build", "--from", "21/12/2026", "--weeks", "1",
               env=TUESDAY).exit_code == 0
    eve = shifts(run, "--week", "2026-12-24")
    christmas_eve = next(s for s in eve if s["date"] == "2026-12-24")
    assert christmas_eve["required"] == 6 and christmas_eve["holiday"] == "Malam Natal"
    assert len(christmas_eve["volunteers"]) == 6
    christmas = next(s for s in eve if s["date"] == "2026-12-25")
    assert christmas["holiday"] == "Christmas Day"
    assert run("holiday", "remove", "2026-12-24", env=TUESDAY).exit_code == 0
    assert run("holiday", "remove", "2026-12-24", env=TUESDAY).exit_code == 2


def test_teams_mode_suggests_substitutes_for_a_short_regu(run: Run, demo: Demo) -> None:
    demo(TUESDAY["RONDA_TODAY"])
    result = run("schedule", "build", "--from", "23/11/2026", "--weeks", "2", "--mode", "teams",
                 "--yes", env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert re.search(r"Regu \d is short \(.+ cannot come\); free and rested: #\d+",
                     result.stderr)
    week = shifts(run)
    teams = json.loads(run("volunteer", "list", "--json").stdout)
    team_of = {v["id"]: v["team"] for v in teams}
    # the nights that have started (Monday, Tuesday) stay as they were; after them each
    # night has one regu, never a mix (a regu all resting leaves its night empty, and said)
    assert all(len({team_of[v["id"]] for v in s["volunteers"]}) <= 1 for s in week[2:])
    assert any(s["volunteers"] for s in week[2:])


def test_an_empty_week_says_how_to_build(run: Run, roster: Path) -> None:
    result = run("schedule", env=TUESDAY)
    assert result.exit_code == 0
    assert "ronda schedule build" in result.stderr
    assert json.loads(run("schedule", "--json", env=TUESDAY).stdout) == []


def test_nights_before_from_never_change(run: Run, planned: Path) -> None:
    first_week = shifts(run, "--from", "23/11/2026", "--to", "29/11/2026")
    result = run("schedule", "build", "--from", "30/11/2026", "--weeks", "3", "--fresh",
                 "--seed", "9", "--yes", env=TUESDAY)
    assert result.exit_code == 0, result.output
    assert shifts(run, "--from", "23/11/2026", "--to", "29/11/2026") == first_week


def test_the_same_seed_gives_the_same_schedule(run: Run, planned: Path) -> None:
    args = ("schedule", "build", "--from", "30/11/2026", "--weeks", "2", "--fresh", "--seed",
            "4", "--yes")
    assert run(*args, env=TUESDAY).exit_code == 0
    once = shifts(run, "--from", "30/11/2026", "--to", "13/12/2026")
    assert run(*args, env=TUESDAY).exit_code == 0
    assert shifts(run, "--from", "30/11/2026", "--to", "13/12/2026") == once


def test_tonight_stands_out_and_a_short_night_is_red(run: Run, planned: Path) -> None:
    assert run("config", "set", "per-night.sat", "40").exit_code == 0
    assert run("schedule", "build", "--from", "23/11/2026", "--weeks", "1", "--yes",
               env=TUESDAY).exit_code == 0
    colour = {**TUESDAY, "NO_COLOR": None, "FORCE_COLOR": "1", "COLUMNS": "200"}
    lines = run("schedule", env=colour).stdout.splitlines()
    tonight = next(line for line in lines if "24/11/2026" in line)
    saturday = next(line for line in lines if "28/11/2026" in line)
    monday = next(line for line in lines if "23/11/2026" in line)
    assert "\x1b[1m" in tonight and "\x1b[1m" not in monday
    assert "\x1b[31m" in saturday and "\x1b[31m" not in tonight


def test_stats_leave_out_removed_people_with_no_duty_unless_asked(run: Run,
                                                                   planned: Path) -> None:
    added = run("volunteer", "add", "Pak Baru Sebentar", "--team", "Regu 2", "--no-repair",
                env=TUESDAY)
    assert added.exit_code == 0, added.output
    assert run("volunteer", "remove", "Pak Baru", env=TUESDAY).exit_code == 0
    names = [s["name"] for s in json.loads(run("schedule", "stats", "--json",
                                                 env=TUESDAY).stdout)]
    assert "Pak Baru Sebentar" not in names
    everyone = [s["name"] for s in json.loads(run("schedule", "stats", "--all", "--json",
                                                    env=TUESDAY).stdout)]
    assert "Pak Baru Sebentar" in everyone
