"""Every command, fed random arguments (Hypothesis): exit code 0, 1 or 2, never a traceback or
an internal error, and the data file byte for byte as it was whenever a command fails."""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import typer
from builders import example_neighbourhood
from conftest import BASE_ENV, digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ronda.cli.app import app
from ronda.cli.help import translate_help

NOW = {"RONDA_NOW": "2026-11-24T23:30:00+07:00", "COLUMNS": "80"}
LEFT_OUT = {("publish", "caldav"),  # it would talk to whatever address it was given
            ("demo",), ("init",)}  # they make new files, tested on their own


@cache
def _commands() -> list[tuple[tuple[str, ...], list[str], int]]:
    """(path, option names, number of arguments) of every leaf command."""
    root = typer.main.get_command(app)
    translate_help(root, "en")
    root.load_all()
    out = []

    def walk(command, prefix: tuple[str, ...]) -> None:  # noqa: ANN001
        subs = getattr(command, "commands", {})
        if prefix and prefix not in LEFT_OUT:
            options = [o for p in command.params if p.param_type_name == "option"
                       for o in p.opts if o not in ("--help", "-h")]
            arguments = sum(1 for p in command.params if p.param_type_name == "argument")
            out.append((prefix, options, arguments))
        for name, sub in subs.items():
            walk(sub, (*prefix, name))

    walk(root, ())
    return out


COMMANDS = st.deferred(lambda: st.sampled_from(_commands()))  # built when a test runs
VALUES = st.sampled_from([
    "", " ", "-", "0", "1", "2", "-1", "9" * 30, "²", "١٢", "Budi", "santoso", "#3", "#999",
    "2026-11-28", "28/11/2026", "31/02/2026", "9999-12-31", "0001-01-01", "besok", "kemarin",
    "22.00", "25:99", "-2h", "-99999999d", "sekarang", "sat", "sen-jum", "Rp20.000", "x" * 300,
    "a\x00b", "Bud\udcffi", "<script>", "=HYPERLINK(1)", "teams", "whatsapp", "pdf", "mudik",
    "sakit", "curanmor", "forwarded", "A3", "LP/1", "3=sakit", "0812-3456-7890", "🙂",
]) | st.text(max_size=12)


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026."""
    return example_neighbourhood(tmp_path_factory.mktemp("fuzz") / "rt.json",
                                 date(2026, 11, 24))


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("RONDA_FUZZ_EXAMPLES", "300")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(COMMANDS, st.data())
def test_any_arguments_to_any_command(sound: Path, tmp_path_factory, command,  # noqa: ANN001
                                      data) -> None:  # noqa: ANN001
    path, options, arguments = command
    args = [data.draw(VALUES) for _ in range(arguments)]
    for option in data.draw(st.lists(st.sampled_from(options), max_size=3)) if options else []:
        args += [option, data.draw(VALUES)] if data.draw(st.booleans()) else [option]
    work = tmp_path_factory.mktemp("run")
    db = work / "rt.json"
    shutil.copy(sound, db)
    db.chmod(0o600)
    before = digest(db)
    runner = CliRunner()
    with contextlib.chdir(work):  # files the command writes land in its own folder
        result = runner.invoke(app, ["--db", str(db), *path, *args], env={**BASE_ENV, **NOW},
                               input="")
    assert result.exit_code in (0, 1, 2), (path, args, result.output)
    assert "Traceback" not in result.output and "internal" not in result.output, (
        path, args, result.output)
    if result.exit_code != 0:
        assert digest(db) == before, (path, args, result.output)
