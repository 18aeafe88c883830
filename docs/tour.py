"""The guide's tour, run again: every ``$ `` command of the tour's ```text blocks, with its
output.

    python docs/tour.py            # rewrites the outputs in docs/guide.md's "## A tour"
    python docs/tour.py --check    # changes nothing; exits 1 if an output is stale

The tour runs as its first paragraph says: ``COLUMNS=100``, today pinned to Tuesday 24/11/2026
with ``RONDA_TODAY``, ``RONDA_DB=/tmp/tour/rt005.json`` (``/tmp/tour`` is deleted first, so
``ronda init`` starts from nothing). The commands run in order, one data file for the whole
tour, each with bash in a scratch folder holding a copy of ``examples/`` (files the tour
writes, ``jadwal.pdf``, ``two.json``, ``kalender/``, land there, not in the repository), stdout
and stderr in one stream as a terminal shows them. ``RONDA_NOW=…`` written on a command line
is bash's business; a section (### …) whose prose says "Output below with `RONDA_NOW=…`"
runs its blocks with that setting.

Left as written, and listed at the end for a human to check against the fresh output kept in
``/tmp/tour/abridged/``: a command whose line says "abridged", or whose output has a line
that is just "…" (its output was cut by hand).

The calendar commands publish to ``http://127.0.0.1:5232``: a Radicale server is started there
for the run (user ``koordinator``, password in ``RONDA_DAV_PASSWORD``), as tests/test_caldav.py
does. If it cannot be started, those commands are left as written and listed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide.md"
TOUR, END = "## A tour", "## Every command"
DB = Path("/tmp/tour/rt005.json")
ENV = {"COLUMNS": "100", "RONDA_TODAY": "2026-11-24", "RONDA_DB": str(DB),
       "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1",  # unbuffered: stdout and stderr in order
       "PYTHONPATH": str(ROOT)}  # this checkout's ronda, whichever is installed
DROP = ("RONDA_", "LC_", "FORCE_COLOR", "NO_COLOR", "CLICOLOR", "TTY_")
DAV_HOST, DAV_PORT = "127.0.0.1", 5232
DAV_USER, DAV_PASSWORD = "koordinator", "rahasia"
# "Output below with `RONDA_NOW=2026-11-29T03:10+07:00` …": settings for the section's blocks
PROSE_SETTING = re.compile(r"`([A-Z][A-Z0-9_]*)=([^`\s]+)`")


@dataclass
class Command:
    line: str  # "$ ronda …" as written
    output: list[str]  # as written, no trailing blank lines
    env: dict[str, str] = field(default_factory=dict)  # from the section's prose

    @property
    def shell(self) -> str:
        return self.line[2:]


def tour_bounds(lines: list[str]) -> tuple[int, int]:
    start = lines.index(TOUR)
    end = next((i for i in range(start + 1, len(lines))
                if lines[i] == END or lines[i].startswith("## ")), len(lines))
    return start, end


def parse(lines: list[str]) -> list[tuple[int, int, list[str], list[Command]]]:
    """The tour's ```text blocks: (first line, end line, lines before the first $, commands)."""
    start, end = tour_bounds(lines)
    blocks, settings, paragraph, i = [], {}, [], start + 1
    while i < end:
        line = lines[i]
        paragraph = paragraph + [line] if line.strip() else []
        if line.startswith("### "):
            settings = {}
        elif line == "```text":
            close = lines.index("```", i + 1)
            head, commands = [], []
            for body in lines[i + 1:close]:
                if body.startswith("$ "):
                    commands.append(Command(body, [], dict(settings)))
                elif commands:
                    commands[-1].output.append(body)
                else:
                    head.append(body)
            for command in commands:
                while command.output and not command.output[-1].strip():
                    command.output.pop()
            blocks.append((i + 1, close, head, commands))
            i = close
        elif line.startswith("```"):  # another kind of block: passed over whole
            i = lines.index("```", i + 1) if line != "```" else i
        elif not (i + 1 < end and lines[i + 1].strip()):  # a paragraph of prose ends here
            prose = " ".join(paragraph)
            if "Output below with" in prose:
                settings.update(PROSE_SETTING.findall(prose))
        i += 1
    return blocks


def render(head: list[str], commands: list[Command]) -> list[str]:
    out = list(head)
    for n, command in enumerate(commands):
        out += [command.line, *command.output]
        if n < len(commands) - 1:
            out.append("")
    return out


def run_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(DROP)}
    return {**env, **ENV, "RONDA_DAV_PASSWORD": DAV_PASSWORD}


def run(command: Command, folder: Path) -> list[str]:
    done = subprocess.run(["bash", "-c", command.shell], cwd=folder,
                          env={**run_env(), **command.env}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)
    # rich pads a line to the console's width: the spaces at the end are not kept
    return [line.rstrip() for line in done.stdout.strip("\n").split("\n")] \
        if done.stdout.strip() else []


def abridged(command: Command) -> bool:
    """Cut by hand: the line says so, or a line of the output is just "…"."""
    return "abridged" in command.line or any(line.strip() == "…" for line in command.output)


def port_open(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.5).close()
        return True
    except OSError:
        return False


def start_radicale(folder: Path) -> subprocess.Popen | None:
    """Radicale on 127.0.0.1:5232 with a fresh store, or None if the port is taken or it
    does not come up."""
    if port_open(DAV_HOST, DAV_PORT):
        return None
    users = folder / "users"
    users.write_text(f"{DAV_USER}:{DAV_PASSWORD}\n")
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={folder / 'dav'}",
             f"--server-hosts={DAV_HOST}:{DAV_PORT}", "--auth-type=htpasswd",
             f"--auth-htpasswd-filename={users}", "--auth-htpasswd-encryption=plain"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    deadline = time.time() + 20
    while time.time() < deadline:
        if port_open(DAV_HOST, DAV_PORT):
            return server
        if server.poll() is not None:
            return None
        time.sleep(0.1)
    server.terminate()
    server.wait(timeout=10)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if an output in the tour is stale")
    check = parser.parse_args().check

    lines = GUIDE.read_text("utf-8").split("\n")
    blocks = parse(lines)
    commands = [c for _, _, _, block in blocks for c in block]
    needs_dav = any(f"{DAV_HOST}:{DAV_PORT}" in c.line for c in commands)

    shutil.rmtree(DB.parent, ignore_errors=True)
    kept_aside = DB.parent / "abridged"
    left, changed = [], []
    with tempfile.TemporaryDirectory(prefix="ronda-tour-") as tmp:
        scratch, dav = Path(tmp) / "work", Path(tmp) / "dav"
        shutil.copytree(ROOT / "examples", scratch / "examples")
        dav.mkdir()
        server = start_radicale(dav) if needs_dav else None
        try:
            for command in commands:
                if needs_dav and server is None and f"{DAV_HOST}:{DAV_PORT}" in command.line:
                    left.append(f"{command.line}   (no CalDAV server: left as written)")
                    continue
                fresh = run(command, scratch)
                if abridged(command):
                    kept_aside.mkdir(parents=True, exist_ok=True)
                    aside = kept_aside / f"{len(left) + 1}.txt"
                    aside.write_text("\n".join([command.line, *fresh]) + "\n", "utf-8")
                    left.append(f"{command.line}   (abridged: fresh output in {aside})")
                    continue
                if fresh != command.output:
                    changed.append(command.line)
                    command.output = fresh
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=10)

    for first, close, head, block in reversed(blocks):
        lines[first:close] = render(head, block)
    text = "\n".join(lines)

    print(f"{len(commands)} commands, {len(changed)} with a new output:")
    for line in changed:
        print(f"  {line}")
    if left:
        print("Left as written, for a human to check:")
        for line in left:
            print(f"  {line}")
    if check:
        return 1 if changed else 0
    if text != GUIDE.read_text("utf-8"):
        GUIDE.write_text(text, "utf-8")
        print("docs/guide.md rewritten.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
