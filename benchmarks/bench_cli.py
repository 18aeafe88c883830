"""Time the common ronda commands on a large neighbourhood (500 volunteers).

Run: python benchmarks/bench_cli.py [--volunteers 500] [--runs 7]
Prints a Markdown table of median wall-clock times per command, as README reports them.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from _common import compile_package, print_table

from ronda.model import Away, Settings, Volunteer
from ronda.store.datafile import create_data

FIRST = ["Budi", "Agus", "Slamet", "Joko", "Eko", "Dedi", "Rudi", "Hendra", "Wahyu", "Teguh",
         "Bayu", "Heru", "Ahmad", "Sugeng", "Imam", "Tri", "Sigit", "Andi", "Dimas", "Lukman"]
LAST = ["Santoso", "Susilo", "Prasetyo", "Hartono", "Wijaya", "Nugroho", "Kurniawan", "Hidayat",
        "Purnomo", "Raharjo", "Saputra", "Setiawan", "Situmorang", "Hakim", "Anggoro"]


def build(path: Path, count: int) -> None:
    rng = random.Random(500)
    today = date.today()
    with create_data(path, Settings(name="RW 009 (benchmark)", lang="id")) as data:
        for i in range(count):
            away = ()
            if i % 10 == 0:
                start = today + timedelta(days=rng.randint(-20, 20))
                away = (Away(start, start + timedelta(days=rng.randint(1, 14)), "mudik"),)
            data.add_volunteer(Volunteer(
                id=0, name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                phone=f"+62812{rng.randint(10_000_000, 99_999_999)}",
                address=f"Jl. Melati {i}", household=f"H-{i:03d}", team=f"Regu {i % 25 + 1}",
                leader=i % 20 == 0, away=away))


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--volunteers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ronda-bench-"))
    db = folder / "bench.json"
    build(db, args.volunteers)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    ronda = [sys.executable, "-m", "ronda", "--db", str(db)]
    cases = [
        ("python -c pass (interpreter alone)", [sys.executable, "-c", "pass"]),
        ("ronda --version", [*ronda, "--version"]),
        ("ronda --help", [*ronda, "--help"]),
        ("ronda info", [*ronda, "info"]),
        ("ronda volunteer list", [*ronda, "volunteer", "list"]),
        ("ronda volunteer list --json", [*ronda, "volunteer", "list", "--json"]),
        ("ronda volunteer show 250", [*ronda, "volunteer", "show", "250"]),
        ("ronda config show", [*ronda, "config", "show"]),
        ("ronda volunteer add (write)", [*ronda, "volunteer", "add", "Warga Baru"]),
        ("ronda db check", [*ronda, "db", "check"]),
    ]
    print(f"{args.volunteers} volunteers, data file {db.stat().st_size:,} bytes, "
          f"median of {args.runs} runs, {os.cpu_count()} cores\n")
    print_table(cases, args.runs, env)


if __name__ == "__main__":
    main()
