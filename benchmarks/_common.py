"""Shared by the benchmarks: byte-compile ronda first, and time whole processes."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path


def compile_package() -> None:
    """Byte-compile ronda first, as an installed package is: with PYTHONDONTWRITEBYTECODE set
    (as on some CI machines) every run would otherwise compile every module again."""
    import compileall

    import ronda

    compileall.compile_dir(Path(ronda.__file__).parent, quiet=1)


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """The median wall-clock time of running ``argv`` ``runs`` times."""
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def print_table(cases: list[tuple[str, list[str]]], runs: int, env: dict[str, str]) -> None:
    """A Markdown table of the median time of each command."""
    print("| command | median (s) |\n|---|---|")
    for label, argv in cases:
        print(f"| `{label}` | {median_seconds(argv, runs, env):.3f} |")
