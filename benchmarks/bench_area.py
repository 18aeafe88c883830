"""Time the area commands over 40 RTs, each with 60 volunteers, a year of plans and 500
incidents (a kelurahan of the busiest size a Bhabinkamtibmas works with).

Run: python benchmarks/bench_area.py [--rts 40] [--people 60] [--incidents 500] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import compile_package, print_table

from ronda.incidents.book import CATEGORIES, Incident, new_incident, update_incident
from ronda.model import Settings, Slot, Volunteer
from ronda.schedule.shifts import Shift
from ronda.store.datafile import create_data, open_data

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 20, 0, tzinfo=WIB)


def build_rt(path: Path, number: int, people: int, incidents: int) -> None:
    """One RT: ``people`` volunteers, a year of nights (half past, half to come) of five
    each, every tenth night a place short, and ``incidents`` over the past year."""
    rng = random.Random(number)
    from datetime import time

    settings = Settings(name=f"RT {number:03d} / RW {number // 10 + 1:03d}", lang="id",
                        slots=(Slot(time(22), time(4), 5),))
    first = TODAY - timedelta(days=182)
    with create_data(path, settings) as data:
        data.add_volunteers([Volunteer(0, f"Warga {number}-{i}", phone=f"+62812{number:03d}{i:05d}",
                                       household=f"H{i}") for i in range(people)])
        shifts = []
        for d in range(365):
            evening = first + timedelta(days=d)
            team = tuple(rng.sample(range(1, people + 1), 5 - (d % 10 == 0)))
            shifts.append(Shift(evening, 0, team, team[0]))
        data.replace_shifts(first, first + timedelta(days=364), shifts)
        for n in range(incidents):
            moment = NOW - timedelta(minutes=rng.randint(60, 365 * 24 * 60))
            kind = rng.choice(CATEGORIES)
            report = Incident(0, moment, moment, kind, f"Kejadian {n}", "medium", f"Gang {n % 9}",
                              behaviour="mengintip" if kind == "suspicious" else "",
                              clothing="jaket" if kind == "suspicious" else "")
            found = new_incident(report, moment + timedelta(hours=1), None)
            if n % 3 == 0:
                found = update_incident(found, moment + timedelta(days=1), status="forwarded",
                                        station="Polsek", lp=f"LP/{n}")
            data.add_incident(found, None)
    with open_data(path):  # read once, as a first command would: the check is remembered
        pass


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rts", type=int, default=40)
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ronda-bench-area-"))
    for n in range(1, args.rts + 1):
        build_rt(folder / f"rt{n:03d}.json", n, args.people, args.incidents)
    (folder / "area.toml").write_text(
        'name = "Kel. Benchmark"\nfolder = "."\n\n[liaison]\nname = "Bripka Agus"\n'
        'nights = "mon-sat"\nrest = 1\nper-week = 4\n', "utf-8")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "RONDA_NOW": NOW.isoformat(),
           "RONDA_AREA": str(folder / "area.toml")}
    ronda = [sys.executable, "-m", "ronda", "area"]
    cases = [
        ("ronda area schedule", [*ronda, "schedule"]),
        ("ronda area schedule --json", [*ronda, "schedule", "--json"]),
        ("ronda area plan-visits --weeks 13", [*ronda, "plan-visits", "--from", "23/11/2026",
                                               "--weeks", "13"]),
        ("ronda area incidents stats", [*ronda, "incidents", "stats"]),
        ("ronda area incidents list --json", [*ronda, "incidents", "list", "--json"]),
    ]
    size = sum(p.stat().st_size for p in folder.glob("*.json")) / 1e6
    print(f"{args.rts} RTs × {args.people} volunteers, 365 nights and {args.incidents} "
          f"incidents each ({size:.1f} MB), median of {args.runs} runs, "
          f"{os.cpu_count()} cores\n")
    print_table(cases, args.runs, env)


if __name__ == "__main__":
    main()
