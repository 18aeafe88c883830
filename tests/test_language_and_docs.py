"""Both languages everywhere, help for every command, and README covering every command."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import typer

import ronda
from ronda.cli.app import app
from ronda.cli.help import help_keys, translate_help
from ronda.i18n import detect_language, t
from ronda.i18n_catalogue import MESSAGES

ROOT = Path(__file__).resolve().parents[1]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    en, id_ = MESSAGES[key]
    assert en.strip() and id_.strip()
    assert _fields(en) == _fields(id_)


def _command_tree():
    command = typer.main.get_command(app)
    translate_help(command, "en")
    command.load_all()
    return command


def _paths(command, prefix=()):
    for name, sub in getattr(command, "commands", {}).items():
        yield (*prefix, name)
        yield from _paths(sub, (*prefix, name))


def test_every_command_and_option_has_help_in_both_languages() -> None:
    keys = help_keys(_command_tree())
    missing = [k for k in keys if k not in MESSAGES]
    assert missing == []
    assert len(keys) > 60


@pytest.mark.parametrize("lang, word", [("en", "Add a resident to the roster."),
                                        ("id", "Tambah petugas ronda.")])
def test_help_is_shown_in_the_chosen_language(run, lang: str, word: str) -> None:
    result = run("volunteer", "--help", lang=lang)
    assert result.exit_code == 0
    assert word in result.stdout


def test_every_command_appears_in_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for path in _paths(_command_tree()):
        if len(path) == 1 and path[0] in ("config", "volunteer", "db"):
            continue
        assert f"ronda {' '.join(path)}" in readme or \
            re.search(rf"ronda (--\S+ \S+ )*{' '.join(path)}\b", readme), path


def test_language_detection_order(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("RONDA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert detect_language() == "en"
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert detect_language() == "id"
    assert detect_language(setting="en") == "en"
    monkeypatch.setenv("RONDA_LANG", "en")
    assert detect_language(setting="id") == "en"
    assert detect_language("id", "en") == "id"


def test_translation_fills_in_values() -> None:
    assert t("msg.volunteer_added", "id", who="#1 Budi") == "#1 Budi ditambahkan."


def core_modules() -> list[str]:
    """Every module outside the command layer and the storage package."""
    root = Path(ronda.__file__).parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] in ("cli", "store", "__main__"):
            continue
        names.append(".".join(("ronda", *parts)).removesuffix(".__init__"))
    return names


CORE = core_modules()


def loaded_by(imports: str, watched: tuple[str, ...]) -> list[str]:
    """Which ``watched`` modules a fresh interpreter has loaded after ``imports``."""
    code = (f"import sys\n{imports}\n"
            f"print(','.join(m for m in {watched!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    return [m for m in result.stdout.strip().split(",") if m]


def test_the_core_loads_no_terminal_or_storage_library() -> None:
    imports = "".join(f"import {m}\n" for m in CORE)
    assert loaded_by(imports, ("typer", "rich", "tinydb", "click", "filelock", "phonenumbers",
                               "reportlab", "icalendar", "holidays", "caldav")) == []


def test_start_up_does_not_load_heavy_libraries() -> None:
    assert loaded_by("from ronda.cli.app import app",
                     ("ics", "holidays", "phonenumbers", "pydantic", "arrow", "rich", "tinydb",
                      "ronda.schedule.builder", "ronda.cli.schedule")) == []


def test_the_real_version_path_loads_no_storage() -> None:
    code = ("import sys\nsys.argv = ['ronda', '--version']\nfrom ronda.cli.app import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('loaded:', ','.join(m for m in ('ronda.store.datafile', 'tinydb', 'orjson', "
            "'ronda.calendars.ics', 'rich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("loaded:"), result.stdout
