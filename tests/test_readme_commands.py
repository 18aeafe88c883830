"""README's five commands, run as a new coordinator runs them: from the RT's residents' list to
a printed week and the WhatsApp text, in English and in Bahasa Indonesia."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]


def five_commands(heading: str) -> list[str]:
    """The ``sh`` block under ``heading`` in README."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index(heading):]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, heading
    return [line for line in block[1].splitlines() if line.strip()]


@pytest.mark.parametrize(("heading", "lang", "words"), [
    ("## Your RT in five commands", "en", ("*NIGHT PATROL SCHEDULE*", "*Monday 07/12/2026*")),
    ("## Panduan singkat (Bahasa Indonesia)", "id", ("*JADWAL RONDA MALAM*",
                                                     "*Senin 07/12/2026*")),
])
def test_readme_s_five_commands_reach_a_printed_week(tmp_path: Path, heading: str, lang: str,
                                                      words: tuple[str, str]) -> None:
    commands = five_commands(heading)
    assert len(commands) == 5 and all(c.startswith("ronda ") for c in commands)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RONDA_", "LC_"))}
    env.update({"RONDA_DB": str(tmp_path / "rt005.json"), "RONDA_TODAY": "2026-12-02",
                "COLUMNS": "100", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})
    outputs = []
    for command in commands:
        argv = [sys.executable, "-m", "ronda", *shlex.split(command)[1:]]
        done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        outputs.append(done.stdout + done.stderr)
    pdf = PdfReader(tmp_path / "jadwal.pdf")
    assert len(pdf.pages) == 1
    text = outputs[-1]
    assert words[0] in text and words[1] in text  # the coming week, as planned from Monday
    assert "⭐" in text and "*RT 005 / RW 002*" in text
    assert "0857" not in text  # the group's message carries no phone
