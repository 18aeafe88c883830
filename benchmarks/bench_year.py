"""Fairness over a quarter and a year within groups of equals, against the optimum (CP-SAT),
and how long ronda takes: the neighbourhoods of ``tests/year_reference.py``.

Run: python benchmarks/bench_year.py [--time-limit 60]
Prints a Markdown table, one row a neighbourhood (then one of wishes kept against the most
any plan with the same fair totals keeps): places filled, leader wants met, each
group's busiest total (leaders / others) as "ronda / optimum", the widest spread ronda leaves
in any group of Friday/Saturday nights, malam Minggu, holidays and each shift of the night,
and the time ronda and the solver took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _common import compile_package  # noqa: E402
from fairness_reference import to_ronda  # noqa: E402
from test_fair_year_reference import CASES, WISHING, WISHING_IDS, figures, kept_wishes  # noqa: E402
from year_reference import holidays_of, solve_group_optimum  # noqa: E402

from ronda.schedule.builder import build_schedule  # noqa: E402
from ronda.schedule.shifts import Holiday  # noqa: E402


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    print("| neighbourhood | places filled | leader wants | busiest (leaders, others) "
          "| widest spread of a kind | proved | ronda (s) | CP-SAT (s) |\n"
          "|---|---|---|---|---|---|---|---|")
    for instance in CASES:
        holidays = {d: Holiday(d, n) for d, n in holidays_of(instance.start,
                                                             instance.end).items()}
        begin = time.perf_counter()
        plan = build_schedule(**to_ronda(instance), holidays=holidays)
        ours = time.perf_counter() - begin
        filled, led, busiest, spreads = figures(plan.shifts, instance)
        begin = time.perf_counter()
        best = solve_group_optimum(instance, time_limit=args.time_limit)
        theirs = time.perf_counter() - begin
        tops = ", ".join(f"{r} / {b}" for r, b in zip(busiest, best.busiest, strict=True))
        print(f"| {instance.name} | {filled} / {best.filled} | {led} / {best.led} | {tops} "
              f"| {max(spreads.values())} | {'yes' if best.proved else 'no'} "
              f"| {ours:.2f} | {theirs:.1f} |")
    wishes()


def wishes() -> None:
    """Wishes kept against the most any plan with the same fair totals keeps."""
    from collections import Counter

    from year_reference import groups_of

    print("\n| neighbourhood | wishes kept (avoid 2, prefer 1) | proved | ronda (s) |\n"
          "|---|---|---|---|")
    for label, instance in zip(WISHING_IDS, WISHING, strict=True):
        holidays = {d: Holiday(d, n) for d, n in holidays_of(instance.start,
                                                             instance.end).items()}
        begin = time.perf_counter()
        plan = build_schedule(**to_ronda(instance), holidays=holidays)
        ours = time.perf_counter() - begin
        load = Counter(p for s in plan.shifts for p in s.volunteers)
        totals = tuple((min(load[p] for p in ids), max(load[p] for p in ids),
                        sum(load[p] for p in ids)) for ids in groups_of(instance))
        best = solve_group_optimum(instance, totals=totals)
        print(f"| {label} | {kept_wishes(plan.shifts, instance)} / {best.wishes} "
              f"| {'yes' if best.proved else 'no'} | {ours:.2f} |")


if __name__ == "__main__":
    main()
