"""The figures a build reports are duties people really have; someone added after the plan was
made gets their share of the coming nights; a house is empty only when all of it is away."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from builders import add_people, mark_away, new_neighbourhood
from conftest import RT005, Run

THIRTY = [{"name": f"Warga Nomor {i:02d} Prasetyo", "household": f"A-{i:02d}",
           "leader": i < 6} for i in range(30)]
SETUP = (*[p for p in RT005 if p[0] not in ("per-night", "rest")], ("per-night", "3"),
         ("rest", "1"))


def thirty_planned(db: Path, run: Run) -> None:
    """30 residents (6 leaders) added on 01/12, four weeks planned from 07/12 on 02/12."""
    new_neighbourhood(db, SETUP)
    add_people(db, THIRTY, joined=date(2026, 12, 1))
    result = run("schedule", "build", "--from", "2026-12-07", "--weeks", "4", "--yes",
                 env={"RONDA_TODAY": "2026-12-02"})
    assert result.exit_code == 0, result.output


def duties(run: Run, first: str, last: str, env: dict) -> Counter[int]:
    shown = run("schedule", "--from", first, "--to", last, "--json", env=env)
    return Counter(v["id"] for s in json.loads(shown.stdout) for v in s["volunteers"])


def test_the_build_summary_counts_whole_duties_people_have(run: Run, db: Path) -> None:
    thirty_planned(db, run)
    env = {"RONDA_TODAY": "2027-01-02"}
    result = run("schedule", "build", "--from", "2027-01-04", "--weeks", "8", "--yes", env=env)
    assert result.exit_code == 0, result.output
    found = re.search(r"busiest (\S+), least (\S+)\.", result.output)
    assert found, result.output
    held = duties(run, "2026-12-07", "2027-02-28", env)
    assert found.groups() == (str(max(held.values())), str(min(held.values())))
    assert "counted as equal" not in result.output  # everyone was there from the first night


def test_a_later_joiner_s_credit_is_named_apart_and_is_no_duty(run: Run, db: Path) -> None:
    thirty_planned(db, run)
    env = {"RONDA_TODAY": "2026-12-20"}
    assert run("volunteer", "add", "Maria Ulfa Kusumawardhani", "--household", "B-01",
               env=env).exit_code == 0
    result = run("schedule", "build", "--from", "2027-01-04", "--weeks", "4", "--yes",
                 env=env, lang="id")
    assert result.exit_code == 0, result.output
    found = re.search(r"terbanyak (\d+), tersedikit (\d+)\.", result.output)
    held = duties(run, "2026-12-07", "2027-01-31", env)
    assert found and int(found[1]) == max(held.values())
    # 84 duties over 30 × 28 + 15 member-nights from the first night (07/12), times the 13
    # nights before she joined on 20/12
    credit = re.search(r"dihitung setara .*: Maria Ulfa Kusumawardhani (\d+,\d)\.",
                       result.output)
    assert credit and credit[1] == f"{84 / (30 * 28 + 15) * 13:.1f}".replace(".", ","), \
        result.output
    stats = run("schedule", "stats", "--from", "2027-01-04", "--to", "2027-01-31", env=env)
    line = next(x for x in stats.output.splitlines() if "Maria Ulfa" in x and "→" in x)
    served = duties(run, "2026-12-20", "2027-01-03", env)[31]  # her share since she came
    assert f"{served} dut" in line and "counted as equal for 1.3 (joined later" in line


def test_a_newcomer_gets_a_fair_share_of_the_coming_nights(run: Run, db: Path) -> None:
    thirty_planned(db, run)
    env = {"RONDA_TODAY": "2026-12-09"}
    before = duties(run, "2026-12-10", "2027-01-03", env)
    result = run("volunteer", "add", "Maria Ulfa Kusumawardhani", "--household", "B-01",
                 env=env)
    assert result.exit_code == 0, result.output
    after = duties(run, "2026-12-10", "2027-01-03", env)
    new_id = max(after)
    others = [after[p] for p in after if p >= 6 and p != new_id]  # the other non-leaders
    assert min(others) - 1 <= after[new_id] <= max(others)
    assert after[new_id] >= 2
    moved = sum((before - after).values())
    assert moved == after[new_id]  # as many duties move as she receives
    assert result.output.count("→ Maria Ulfa Kusumawardhani") == after[new_id]
    check = run("schedule", "check", env=env)
    assert check.exit_code == 0, check.output


def test_a_house_is_empty_only_when_all_its_residents_are_away(run: Run, db: Path,
                                                                tmp_path: Path) -> None:
    new_neighbourhood(db, SETUP)
    add_people(db, [{"name": "Bapak Slamet", "household": "C-01"},
                    {"name": "Ibu Slamet", "household": "C-01"},
                    {"name": "Pak Darto", "household": "C-02"},
                    {"name": "Mas Yono"}], joined=date(2026, 11, 1))
    mark_away(db, "Bapak Slamet", date(2026, 11, 20), date(2026, 12, 3), "mudik")
    mark_away(db, "Ibu Slamet", date(2026, 11, 25), date(2026, 12, 10), "mudik")
    mark_away(db, "Pak Darto", date(2026, 11, 24), date(2026, 11, 24), "dinas")
    mark_away(db, "Mas Yono", date(2026, 11, 27), date(2026, 12, 5), "dinas")
    run("schedule", "build", "--from", "2026-11-23", "--weeks", "1", "--yes")
    sheet = run("roster", "--patrol-sheet", "--format", "text", "--week", "2026-11-23")
    assert sheet.exit_code == 0, sheet.output
    lines = sheet.output[sheet.output.index("Houses empty"):].splitlines()
    assert "- C-01 (Bapak Slamet, Ibu Slamet): 25/11/2026 – 29/11/2026" in lines
    assert "- Mas Yono (Mas Yono): 27/11/2026 – 29/11/2026" in lines
    assert "- C-02 (Pak Darto): 24/11/2026 – 24/11/2026" in lines
    assert not any("20/11" in x or "23/11/2026 –" in x for x in lines)


def test_a_build_that_solves_exactly_prints_only_its_own_lines(tmp_path: Path) -> None:
    """HiGHS logs a banner to stdout when its first instance is made, unless told not to."""
    code = ("from ronda.schedule.exact import _quiet_highs\nimport highspy\n"
            "_quiet_highs(highspy).run()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout == "" and "HiGHS" not in done.stderr
