"""Time a year's schedule build: 300 volunteers, two slots a night of 6 people.

Run: python benchmarks/bench_schedule.py [--volunteers 300] [--days 365] [--runs 3]
Prints the build time (the scheduler alone, and the whole `ronda schedule build` command)
and the fairness it reached.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from _common import compile_package

from ronda.dates import DAY_KEYS
from ronda.model import Away, Settings, Slot, Volunteer
from ronda.schedule.builder import Rules, build_schedule
from ronda.store.datafile import create_data

START = date(2027, 1, 4)


def roster(count: int) -> list[Volunteer]:
    rng = random.Random(300)
    people = []
    for i in range(1, count + 1):
        days = DAY_KEYS if i % 5 else tuple(d for d in DAY_KEYS if d not in ("sat", "sun"))
        away = ()
        if i % 8 == 0:
            first = START + timedelta(days=rng.randint(0, 330))
            away = (Away(first, first + timedelta(days=rng.randint(3, 20)), "mudik"),)
        people.append(Volunteer(i, f"Warga {i}", household=f"H{i // 2}", team=f"Regu {i % 20}",
                                leader=i % 15 == 1, days=days, away=away))
    return people


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--volunteers", type=int, default=300)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    people = roster(args.volunteers)
    slots = (Slot(clock(22), clock(1), 6), Slot(clock(1), clock(4), 6))
    rules = Rules(slots, rest=2)
    end = START + timedelta(days=args.days - 1)
    times, plan = [], None
    for seed in range(args.runs):
        begin = time.perf_counter()
        plan = build_schedule(people, rules, START, end, seed=seed)
        times.append(time.perf_counter() - begin)
    assert plan is not None
    loads = Counter({v.id: 0 for v in people})
    loads.update(p for s in plan.shifts for p in s.volunteers)
    full = [v.id for v in people if v.days == DAY_KEYS and not v.away and not v.leader]
    leaders = [v.id for v in people if v.leader]
    weekend = Counter(p for s in plan.shifts if s.date.weekday() in (4, 5)
                      for p in s.volunteers)
    short = sum(1 for s in plan.shifts if s.short)

    folder = Path(tempfile.mkdtemp(prefix="ronda-bench-"))
    db = folder / "bench.json"
    settings = Settings(name="RW 009 (benchmark)", slots=slots, rest=2)
    with create_data(db, settings) as data:
        for v in people:
            data.add_volunteer(v)
    env = {**os.environ, "NO_COLOR": "1"}
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ronda", "--db", str(db), "schedule", "build",
                    "--from", START.isoformat(), "--to", end.isoformat()], env=env,
                   check=True, capture_output=True)
    command = time.perf_counter() - begin
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ronda", "--db", str(db), "schedule", "--week",
                    "2027-06-09"], env=env, check=True, capture_output=True)
    show = time.perf_counter() - begin

    print(f"{args.volunteers} volunteers, {args.days} nights, 2 slots x 6 people, "
          f"{os.cpu_count()} cores\n")
    print("| measure | value |\n|---|---|")
    print(f"| `build_schedule` (median of {args.runs}) | {statistics.median(times):.2f} s |")
    print(f"| `ronda schedule build` (whole command, saves {len(plan.shifts)} shifts) | "
          f"{command:.2f} s |")
    print(f"| `ronda schedule --week` on that file | {show:.2f} s |")
    print(f"| duties per person, available every day, not leaders | "
          f"{min(loads[p] for p in full)}–{max(loads[p] for p in full)} |")
    print(f"| duties per leader ({len(leaders)} leaders lead {2 * args.days} shifts) | "
          f"{min(loads[p] for p in leaders)}–{max(loads[p] for p in leaders)} |")
    print(f"| duties per person, all | {min(loads.values())}–{max(loads.values())} |")
    print(f"| Friday/Saturday nights per person, available every day, not leaders | "
          f"{min(weekend[p] for p in full)}–{max(weekend[p] for p in full)} |")
    print(f"| short slots | {short} |")


if __name__ == "__main__":
    main()
