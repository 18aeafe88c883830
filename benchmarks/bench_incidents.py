"""Time the incident book with 20,000 incidents (five years of a busy neighbourhood).

Run: python benchmarks/bench_incidents.py [--incidents 20000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import compile_package, print_table

from ronda.incidents.book import CATEGORIES, Incident, Reporter, new_incident, update_incident
from ronda.model import Settings, Volunteer
from ronda.store.datafile import create_data

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=WIB)


def build(path: Path, count: int) -> None:
    rng = random.Random(20_000)
    with create_data(path, Settings(name="RW 009 (benchmark)", lang="id")) as data:
        for i in range(28):
            data.add_volunteer(Volunteer(0, f"Warga {i}", household=f"H{i}"))
        for n in range(count):
            moment = NOW - timedelta(minutes=rng.randint(60, 5 * 365 * 24 * 60))
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


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp(prefix="ronda-bench-")) / "bench.json"
    build(db, args.incidents)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "RONDA_NOW": NOW.isoformat()}
    ronda = [sys.executable, "-m", "ronda", "--db", str(db)]
    cases = [
        ("ronda incident log (write)", [*ronda, "incident", "log", "--at", "-1h", "--category",
                                        "theft", "--description", "Jemuran hilang"]),
        ("ronda incident list --since (one month)", [*ronda, "incident", "list", "--since",
                                                     "2026-10-29"]),
        ("ronda incident list --since --json", [*ronda, "incident", "list", "--since",
                                                "2026-10-29", "--json"]),
        ("ronda incident stats --since (one year)", [*ronda, "incident", "stats", "--since",
                                                     "2025-11-29"]),
        ("ronda volunteer list (same file)", [*ronda, "volunteer", "list"]),
    ]
    print(f"{args.incidents:,} incidents, data file {db.stat().st_size / 1e6:.1f} MB, "
          f"median of {args.runs} runs, {os.cpu_count()} cores\n")
    print_table(cases, args.runs, env)


if __name__ == "__main__":
    main()
