"""How fair ronda's schedules are, against the best schedule that exists: random neighbourhoods
planned four weeks ahead by ronda and solved exactly with CP-SAT (``tests/fairness_reference.py``).

Run: python benchmarks/bench_fairness.py [--size medium large] [--seeds 1-6] [--time-limit 30]
Prints a Markdown table, one row a neighbourhood: places filled (criterion 1), leader wants met
(criterion 1, second figure), the busiest person's total duties, history included (criterion
2), the lowest total and how far ronda's sorted totals fall below the max-min optimum at worst
(criterion 3; "within 1" passes), which stages the solver proved (A B C D, "-" where not), and
the time ronda and the solver took. Values read "ronda / optimum".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _common import compile_package  # noqa: E402
from fairness_reference import (  # noqa: E402
    Instance,
    Measures,
    Optimum,
    deficit,
    generate,
    measure,
    solve_optimum,
    to_ronda,
)

from ronda.schedule.builder import build_schedule  # noqa: E402

DEFAULT_SEEDS = {"small": "1-25", "medium": "1-6", "large": "1-3"}
HEADER = ("| neighbourhood | people | a night | rest | history | places filled | leader wants "
          "| busiest | lowest | below max-min | proved | ronda (s) | CP-SAT (s) |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def seeds(text: str) -> list[int]:
    """``1-6`` or ``1,4,9`` to a list of seeds."""
    out: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return out


def pair(ronda: object, best: object) -> str:
    """``ronda / optimum``, in bold where they differ."""
    text = f"{ronda} / {'–' if best is None else best}"
    return f"**{text}**" if best is not None and ronda != best else text


def row(instance: Instance, mine: Measures, best: Optimum, ronda_s: float) -> str:
    """One table row for a neighbourhood."""
    weeks = len({s.date.isocalendar()[:2] for s in instance.history})
    proved = "".join(stage if getattr(best, name).proved else "-"
                     for stage, name in zip("ABCD", best.stages, strict=True))
    loads = best.loads.value
    if loads is None:
        lowest, below = f"{mine.loads[0]} / –", "–"
    else:
        gap = deficit(mine.loads, loads)
        lowest = pair(mine.loads[0], loads[0])
        below = "0" if gap == 0 else f"{gap} (within 1)" if gap == 1 else f"**{gap}**"
    return (f"| {instance.name} | {len(instance.people)} | {instance.per_night()} "
            f"| {instance.rest} | {weeks} wk | {pair(mine.filled, best.filled.value)} of "
            f"{mine.places} | {pair(mine.leaders, best.leaders.value)} of {mine.leader_wants} "
            f"| {pair(mine.max_load, best.max_load.value)} | {lowest} | {below} | {proved} "
            f"| {ronda_s:.2f} | {best.seconds:.1f} |")


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", nargs="+", default=["medium", "large"],
                        choices=["small", "medium", "large"])
    parser.add_argument("--seeds", help="e.g. 1-6 or 1,4,9 (default: 1-25 small, 1-6 medium, "
                        "1-3 large)")
    parser.add_argument("--time-limit", type=float, default=30.0,
                        help="seconds the solver may take for each solve")
    args = parser.parse_args()
    print(f"Four weeks from a Monday; CP-SAT with 2 workers, {args.time_limit:g} s a solve; "
          f"{os.cpu_count()} cores\n")
    print(HEADER)
    for size in args.size:
        for seed in seeds(args.seeds or DEFAULT_SEEDS[size]):
            instance = generate(seed, size)
            begin = time.perf_counter()
            plan = build_schedule(**to_ronda(instance))
            ronda_s = time.perf_counter() - begin
            best = solve_optimum(instance, args.time_limit)
            print(row(instance, measure(plan.shifts, instance), best, ronda_s), flush=True)


if __name__ == "__main__":
    main()
