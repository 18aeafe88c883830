"""README's five commands, run as a new coordinator runs them: from the RT's residents' list to
a printed week and the WhatsApp text, in English and in Bahasa Indonesia."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import again
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]


def five_commands(heading: str) -> list[str]:
    """The ``sh`` block under ``heading`` in README."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index(heading):]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, heading
    return [line for line in block[1].splitlines() if line.strip()]


def in_process(argv: list[str], folder: Path, env: dict[str, str]) -> tuple[int, str]:
    """``ronda ARGS`` run in this process, in ``folder``, with ``env`` (and no other RONDA_
    or LC_ variable): its exit code and what it printed."""
    from typer.testing import CliRunner

    from ronda.cli.app import app

    unset = {k: None for k in os.environ if k.startswith(("RONDA_", "LC_"))}
    here = Path.cwd()
    os.chdir(folder)
    try:
        done = CliRunner().invoke(app, argv, env={**unset, "NO_COLOR": None, **env})
    finally:
        os.chdir(here)
    return done.exit_code, done.output


def real_process(argv: list[str], folder: Path, env: dict[str, str]) -> tuple[int, str]:
    """``ronda ARGS`` as its own process (``python -m ronda``), as a shell starts it."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("RONDA_", "LC_"))}
    full.update(env, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "ronda", *argv], cwd=folder, env=full,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("start", [in_process, again(real_process, id="real_process")])
@pytest.mark.parametrize(("heading", "lang", "words"), [
    ("## Your RT in five commands", "en", ("*NIGHT PATROL SCHEDULE*", "*Monday 07/12/2026*")),
    ("## Panduan singkat (Bahasa Indonesia)", "id", ("*JADWAL RONDA MALAM*",
                                                     "*Senin 07/12/2026*")),
])
def test_readme_s_five_commands_reach_a_printed_week(
        tmp_path: Path, heading: str, lang: str, words: tuple[str, str],
        start: Callable[[list[str], Path, dict[str, str]], tuple[int, str]]) -> None:
    commands = five_commands(heading)
    assert len(commands) == 5 and all(c.startswith("ronda ") for c in commands)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {"RONDA_DB": str(tmp_path / "rt005.json"), "RONDA_TODAY": "2026-12-02",
           "COLUMNS": "100", "LANG": "C.UTF-8"}
    outputs = []
    for command in commands:
        code, output = start(shlex.split(command)[1:], tmp_path, env)
        assert code == 0, (command, output)
        outputs.append(output)
    pdf = PdfReader(tmp_path / "jadwal.pdf")
    assert len(pdf.pages) == 1
    text = outputs[-1]
    assert words[0] in text and words[1] in text  # the coming week, as planned from Monday
    assert "⭐" in text and "*RT 005 / RW 002*" in text
    assert "0857" not in text  # the group's message carries no phone
