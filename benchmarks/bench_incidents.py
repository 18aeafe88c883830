"""Time the incident book in its year files: a 10 MB neighbourhood (500 volunteers, five
years of planned nights, 20,000 incidents over those five years), the same neighbourhood
with no incidents, and a 50,000-incident book.

Run: python benchmarks/bench_incidents.py [--incidents 20000] [--big 50000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import compile_package, median_seconds

from ronda.incidents.book import CATEGORIES, Incident, Reporter, new_incident, update_incident
from ronda.model import Settings, Volunteer
from ronda.neighbourhood.holidays import holiday_map
from ronda.schedule.planning import plan_nights
from ronda.store.datafile import create_data, open_data, year_files

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=WIB)
YEARS = 5


def neighbourhood(path: Path, volunteers: int) -> None:
    """500 volunteers and five years of planned nights (the last two weeks to come)."""
    with create_data(path, Settings(name="RW 009 (benchmark)", lang="id")) as data:
        data.add_volunteers([Volunteer(0, f"Warga {i}", household=f"H{i}",
                                       leader=i % 10 == 0) for i in range(volunteers)])
    first = NOW.date() - timedelta(days=YEARS * 365)
    last = NOW.date() + timedelta(days=14)
    with open_data(path, write=True) as data:
        settings = data.settings()
        data.refresh_national_holidays(first, last)
        planned = plan_nights(settings, data.volunteers(), holiday_map(data.holidays()),
                              data.shifts(), first, last,
                              datetime.combine(first, time(8), WIB))
        data.save_plan(planned, NOW.isoformat(timespec="seconds"))


def book(path: Path, count: int) -> None:
    """``count`` incidents over five years, half with a reporter, a third forwarded."""
    rng = random.Random(20_000)
    with open_data(path, write=True) as data:
        for n in range(count):
            moment = NOW - timedelta(minutes=rng.randint(60, YEARS * 365 * 24 * 60))
            kind = rng.choice(CATEGORIES)
            report = Incident(0, moment, moment, kind,
                              f"Kejadian {n}: {kind} di gang {rng.randint(1, 9)}",
                              rng.choice(("low", "medium", "high")), f"Gang {rng.randint(1, 9)}",
                              behaviour="mengintip" if kind == "suspicious" else "",
                              clothing="jaket hitam" if kind == "suspicious" else "")
            incident = new_incident(report, moment + timedelta(hours=1), None)
            if n % 3 == 0:
                incident = update_incident(incident, moment + timedelta(days=1),
                                           status="forwarded", station="Polsek", lp=f"LP/{n}")
            data.add_incident(incident, Reporter(0, f"Pelapor {n}") if n % 2 else None)


def size(path: Path) -> str:
    files = [path, *year_files(path).values()]
    return (f"{path.stat().st_size / 1e6:.1f} MB data file + {len(files) - 1} year files, "
            f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB in all")


def max_rss_mib(argv: list[str], env: dict[str, str], runs: int) -> float:
    """The largest max RSS of ``runs`` runs, with ``/usr/bin/time -f %M`` (KiB)."""
    worst = 0
    for _ in range(runs):
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], env=env, check=False,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        worst = max(worst, int(done.stderr.strip().splitlines()[-1]))
    return worst / 1024


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--big", type=int, default=50_000)
    parser.add_argument("--volunteers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ronda-bench-"))
    bare, full, big = (folder / name / "rt.json" for name in ("bare", "full", "big"))
    for p in (bare, full, big):
        p.parent.mkdir()
    neighbourhood(bare, args.volunteers)
    shutil.copy(bare, full)
    book(full, args.incidents)
    with create_data(big, Settings(name="RW 009 (benchmark, big)", lang="id")) as data:
        data.add_volunteers([Volunteer(0, f"Warga {i}") for i in range(28)])
    book(big, args.big)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "RONDA_NOW": NOW.isoformat()}

    def ronda(db: Path, *rest: str) -> list[str]:
        return [sys.executable, "-m", "ronda", "--db", str(db), *rest]

    log = ("incident", "log", "--at", "-1h", "--category", "theft", "--description",
           "Jemuran hilang")
    print(f"with incidents: {args.incidents:,} incidents, {size(full)}")
    print(f"without: {size(bare)}")
    print(f"median of {args.runs} runs, {os.cpu_count()} cores\n")
    print("| command | no incidents (s) | 20,000 incidents (s) | ratio |\n|---|---|---|---|")
    for label, rest in (("ronda schedule (the week)", ("schedule",)),
                        ("ronda volunteer list", ("volunteer", "list")),
                        ("ronda incident log (write)", log)):
        without = median_seconds(ronda(bare, *rest), args.runs, env)
        with_ = median_seconds(ronda(full, *rest), args.runs, env)
        print(f"| `{label}` | {without:.3f} | {with_:.3f} | {with_ / without:.2f} |")
    print("\n| command | median (s) |\n|---|---|")
    for label, rest in (
            ("ronda incident list --since (one month)", ("incident", "list", "--since",
                                                         "2026-10-29")),
            ("ronda incident list --since --json", ("incident", "list", "--since",
                                                    "2026-10-29", "--json")),
            ("ronda incident stats (all 20,000)", ("incident", "stats")),
            ("ronda db check (every file in full)", ("db", "check"))):
        print(f"| `{label}` | {median_seconds(ronda(full, *rest), args.runs, env):.3f} |")
    print(f"\n{args.big:,} incidents: {size(big)}\n")
    print("| command | median (s) | max RSS (MiB) |\n|---|---|---|")
    wall = median_seconds(ronda(big, *log), args.runs, env)
    rss = max_rss_mib(ronda(big, *log), env, 3)
    print(f"| `ronda incident log (write)` | {wall:.3f} | {rss:.1f} |")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
