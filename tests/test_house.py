"""How ronda is built: commands stay thin, the core decides, and the core is tested directly.

The command layer parses what the user typed, calls one core function and renders; rules,
file formats and storage internals live below it. These tests read the code to keep it so,
and exercise the core functions the commands call (swap, calendar sequences) without a
terminal or a data file.
"""

from __future__ import annotations

import ast
import statistics
from datetime import date, datetime, time
from pathlib import Path

import icalendar
import pytest

import ronda
from ronda.calendars.feeds import Whose, build_feeds
from ronda.calendars.registry import CalendarRecord
from ronda.cli.root import COMMANDS
from ronda.dates import zone
from ronda.errors import BadInput
from ronda.model import Settings, Slot, Volunteer
from ronda.schedule.builder import build_schedule
from ronda.schedule.edits import exchange_nights, swap
from ronda.schedule.rules import Rules
from ronda.schedule.timetable import Timetable

CLI = Path(ronda.__file__).parent / "cli"
COMMAND_MODULES = sorted({spec.split(":")[0].rsplit(".", 1)[1] for spec in COMMANDS.values()})


def _source(name: str) -> Path:
    """A command module's file: ``cli/NAME.py``, or ``cli/NAME/__init__.py`` for a group
    whose views are modules of its own."""
    flat = CLI / f"{name}.py"
    return flat if flat.exists() else CLI / name / "__init__.py"


def _command_bodies() -> dict[str, int]:
    """Lines in each command's body (docstring and the imports at its head left out: a
    command imports what it uses, when it runs); group callbacks that only carry the
    group's help are not commands."""
    sizes = {}
    singles = {spec.split(":")[1] for spec in COMMANDS.values()}
    for name in COMMAND_MODULES:
        tree = ast.parse(_source(name).read_text())
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            decorated = any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                            and d.func.attr in ("command", "callback")
                            for d in node.decorator_list)
            if not decorated and node.name not in singles:
                continue
            body = node.body
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            while body and isinstance(body[0], ast.Import | ast.ImportFrom):
                body = body[1:]
            if body:
                sizes[f"{name}.{node.name}"] = body[-1].end_lineno - body[0].lineno + 1
    return sizes


def test_the_median_command_body_is_at_most_twelve_lines() -> None:
    sizes = _command_bodies()
    assert len(sizes) >= 35, sorted(sizes)  # every command was found
    longest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    assert statistics.median(sizes.values()) <= 12, longest


FORMAT_LIBRARIES = {"csv", "icalendar", "reportlab", "tinydb", "orjson", "caldav"}
STORAGE_API = {"DataFile", "FileCheck", "Backup", "ENV_DB", "open_data", "create_data",
               "resolve_path",
               "peek_language", "peek_timezone", "list_backups", "restore_backup",
               "check_file", "year_path", "loose_files",
               # the area's files (ronda/store/area.py)
               "area_path", "read_area", "write_area", "area_snapshot", "update_rts",
               "area_registry", "save_area_registry"}


def test_the_command_layer_writes_no_file_format_and_uses_only_storage_s_public_api() -> None:
    problems = []
    for path in sorted(CLI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                problems += [f"{path.name}: import {a.name}" for a in node.names
                             if a.name.split(".")[0] in FORMAT_LIBRARIES]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in FORMAT_LIBRARIES:
                    problems.append(f"{path.name}: from {node.module}")
                if node.module.startswith("ronda.store"):
                    problems += [f"{path.name}: {a.name}" for a in node.names
                                 if a.name not in STORAGE_API]
    assert problems == []


def test_a_command_s_lang_sets_the_document_and_the_root_lang_the_messages(
        run, night_in_two: Path, tmp_path: Path) -> None:  # noqa: ANN001
    poster = tmp_path / "poster.txt"
    result = run("--lang", "id", "roster", "--week", "2026-11-23", "--format", "text",
                 "--lang", "en", "-o", str(poster), lang=None)
    assert result.exit_code == 0, result.stderr
    text = poster.read_text("utf-8")
    assert "Monday" in text and "Senin" not in text  # the poster in English
    assert "ditulis" in result.stderr  # the message in Indonesian


# --- the core, called directly --------------------------------------------------------------

TZ = "Asia/Jakarta"
SETTINGS = Settings(name="RT 05", slots=(Slot(time(22), time(1), 2), Slot(time(1), time(4), 2)),
                    rest=0)
MONDAY = date(2026, 11, 23)


def _roster() -> list[Volunteer]:
    return [Volunteer(id=i, name=f"Warga {i}", household=f"H{i}", leader=i <= 4)
            for i in range(1, 13)]


def _plan() -> tuple[list[Volunteer], list, Timetable]:
    people = _roster()
    plan = build_schedule(people, Rules.of(SETTINGS), MONDAY, MONDAY.replace(day=29))
    return people, plan.shifts, Timetable.of(SETTINGS)


def _now() -> datetime:
    return datetime(2026, 11, 22, 12, 0, tzinfo=zone(TZ))


def test_a_leader_swapped_for_a_non_leader_bends_the_leader_rule() -> None:
    people, shifts, timetable = _plan()
    shift = next(s for s in shifts if s.leader is not None)
    leader = next(v for v in people if v.id == shift.leader)
    busy = {p for s in shifts if s.date == shift.date for p in s.volunteers}
    newcomer = Volunteer(id=99, name="Warga Baru", household="H99")
    edit = swap(shifts, [*people, newcomer], timetable, Rules.of(SETTINGS), shift.date, leader,
                newcomer, str(shift.slot + 1), _now())
    assert newcomer.id not in busy
    after = edit.after[0]
    assert newcomer.id in after.volunteers and leader.id not in after.volunteers
    assert after.leader is None
    assert [e.rule for e in edit.bent] == ["leader"]
    assert after.swaps[-1].bent == ("leader",)
    [change] = edit.changes("2026-11-22T12:00:00")
    assert change.cause == "swap" and change.leader_before == leader.id
    assert set(change.before) - set(change.after) == {leader.id}
    assert set(change.after) - set(change.before) == {newcomer.id}


def test_a_shift_that_has_begun_refuses_a_swap_and_an_exchange() -> None:
    people, shifts, timetable = _plan()
    first = next(s for s in shifts if s.date == MONDAY and s.slot == 0)
    on, other = first.volunteers[0], next(v for v in people if v.id not in first.volunteers)
    during = datetime(2026, 11, 23, 23, 0, tzinfo=zone(TZ))
    by_id = {v.id: v for v in people}
    with pytest.raises(BadInput) as refused:
        swap(shifts, people, timetable, Rules.of(SETTINGS), MONDAY, by_id[on], other, "1",
             during)
    assert refused.value.key == "err.shift_settled"
    later = next(s for s in shifts if s.date == date(2026, 11, 26) and other.id in s.volunteers)
    with pytest.raises(BadInput) as refused:
        exchange_nights(shifts, people, timetable, Rules.of(SETTINGS), by_id[on], MONDAY,
                        other, later.date, during)
    assert refused.value.key == "err.shift_settled"


def _sequences(payload: bytes) -> dict[str, tuple[int, str]]:
    calendar = icalendar.Calendar.from_ical(payload)
    return {str(e["uid"]): (int(e["sequence"]), str(e["status"]))
            for e in calendar.walk("VEVENT")}


def test_a_changed_shift_raises_its_sequence_and_a_dropped_one_is_cancelled() -> None:
    people, shifts, timetable = _plan()
    by_id = {v.id: v for v in people}
    last = MONDAY.replace(day=29)

    def feeds(plan: list, record: CalendarRecord) -> tuple[dict[str, tuple[int, str]],
                                                          CalendarRecord]:
        made = build_feeds(SETTINGS, by_id, plan, [], record, MONDAY, last, [Whose()],
                           lang="id", with_contacts=False, alarm=60, stamp=_now())
        return _sequences(made.merged()), made.record

    first, registry = feeds(shifts, CalendarRecord())
    assert {seq for seq, _ in first.values()} == {0}
    assert len(first) == len(shifts)
    # the same plan again: nothing changes, nothing is re-sent as new
    again, registry = feeds(shifts, registry)
    assert again == first
    # a swap changes one shift; the last night is dropped from the plan
    target = shifts[0]
    out_v = by_id[target.volunteers[0]]
    into = next(v for v in people if all(v.id not in s.volunteers for s in shifts
                                         if s.date == target.date))
    edit = swap(shifts, people, timetable, Rules.of(SETTINGS), target.date, out_v, into, "1",
                _now())
    changed = [edit.after[0], *shifts[1:]]
    kept = [s for s in changed if s.date != last]
    after, _ = feeds(kept, registry)
    moved = [uid for uid in after if after[uid][0] == 1 and after[uid][1] == "CONFIRMED"]
    cancelled = [uid for uid in after if after[uid][1] == "CANCELLED"]
    assert len(moved) == 1
    assert len(cancelled) == sum(1 for s in shifts if s.date == last)
    assert all(after[uid][0] >= 1 for uid in cancelled)


def test_every_command_docstring_says_what_its_english_help_says() -> None:
    """The help users read comes from the translations; a command's docstring is the same
    text, so a developer reading the code reads what users read (and the two cannot drift)."""
    import typer

    from ronda.cli.app import app
    from ronda.i18n import has, t

    group = typer.main.get_command(app)
    for name in COMMANDS:
        group.get_command(None, name)
    drift = []

    def walk(command, path: str) -> None:  # noqa: ANN001
        for name, sub in getattr(command, "commands", {}).items():
            key = f"help.{path}.{name}" if path else f"help.{name}"
            callback = getattr(sub, "callback", None)
            if (callback is not None and callback.__doc__ and has(key)
                    and " ".join(callback.__doc__.split()) != " ".join(t(key, "en").split())):
                drift.append(key)
            walk(sub, key.removeprefix("help."))

    walk(group, "")
    assert drift == []
