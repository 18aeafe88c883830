#!/usr/bin/env python3
"""How long ``ronda board`` takes to show its first screen on the demo file.

Run: python benchmarks/bench_board.py [--runs 7]

Each run is a whole process, timed from before it starts until the board has drawn its first
screen at 80×24 (Textual's test pilot stands in for the terminal: the same app, the same
first frame, nothing typed); the median is printed. The target is under 0.6 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import compile_package  # noqa: E402

TODAY = "2026-11-26"
# the child: ``ronda --db FILE board`` as typed, its app run by the pilot instead of a
# terminal; it prints the moment (time.time) its first screen was drawn
CHILD = """\
import asyncio, sys, time
from ronda.board.app import BoardApp

async def first(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.time())

BoardApp.run = lambda self, **_: asyncio.run(first(self))
import ronda.cli.context
ronda.cli.context.has_screen = lambda: True  # the pilot is its screen
sys.argv = ["ronda", "--db", sys.argv[1], "board"]
from ronda.cli.start import main
main()
"""


def demo_file(folder: Path) -> Path:
    """``ronda demo`` into ``folder``: the example neighbourhood, six weeks planned."""
    path = folder / "demo.json"
    subprocess.run([sys.executable, "-m", "ronda", "--db", str(path), "--lang", "en", "demo"],
                   env={**os.environ, "RONDA_TODAY": TODAY}, capture_output=True, check=True)
    return path


def first_screen(path: Path) -> float:
    """Seconds from starting the process to the board's first screen."""
    return measured(path)[0]


def measured(path: Path) -> tuple[float, float]:
    """Seconds from starting the process to the board's first screen, and the CPU seconds
    the whole process used (start, first screen and closing; the figure a busy machine
    changes least)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, env={**os.environ, "RONDA_TODAY": TODAY}, check=True)
    shown = float(done.stdout.strip().splitlines()[-1]) - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return shown, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        path = demo_file(Path(folder))
        first_screen(path)  # one run to warm the disk cache
        runs = [measured(path) for _ in range(args.runs)]
    times = [shown for shown, _ in runs]
    print(f"ronda board, first screen at 80x24 on the demo: median {statistics.median(times):.3f} s"
          f" (min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs); CPU of the whole "
          f"process {statistics.median(cpu for _, cpu in runs):.3f} s")


if __name__ == "__main__":
    main()
