"""Every language complete, every text used, help for every command, README covering every
command, and a third language added with one file."""

from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from english import english_words

import ronda
import ronda.i18n
from ronda.cli.app import app
from ronda.cli.help import help_keys, translate_help
from ronda.i18n import PLURAL_FORMS, Language, detect_language, read_language, t

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(ronda.__file__).parent
KEY = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+")
KEY_PREFIX = re.compile(r"([a-z_]+)\.[a-z0-9_.]*")  # "category." or "err.caldav_" before a {value}
# f-strings that look like keys but name settings (``ronda config show``), not texts
NOT_KEYS = {("neighbourhood/config.py", "emergency."), ("neighbourhood/config.py", "kentongan.")}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(entry: str | dict[str, str]) -> dict[str, str]:
    return entry if isinstance(entry, dict) else {"": entry}


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


@pytest.fixture(scope="module")
def files() -> dict[str, Language]:
    """Every language file shipped, read as written (no fallback)."""
    found = {p.stem: read_language(p) for p in sorted(PACKAGE.joinpath("i18n").glob("*.toml"))}
    assert {"en", "id"} <= set(found)
    return found


@pytest.fixture(scope="module")
def english(files: dict[str, Language]) -> dict[str, str | dict[str, str]]:
    return files["en"].texts


def test_each_file_names_its_language_plural_family_and_formats(
        files: dict[str, Language]) -> None:
    assert (files["en"].name, files["en"].plural, files["en"].formats) == \
        ("English", "one-other", "en")
    assert (files["id"].name, files["id"].plural, files["id"].formats) == \
        ("Bahasa Indonesia", "other", "id")
    assert all(f.plural in PLURAL_FORMS for f in files.values())


def test_every_text_exists_in_every_language(files: dict[str, Language], english) -> None:
    problems = []
    for code, lang in files.items():
        problems += [f"{code}: missing {k}" for k in english if k not in lang.texts]
        problems += [f"{code}: {k} is not in en.toml" for k in lang.texts if k not in english]
        problems += [f"{code}: {k} is empty" for k, e in lang.texts.items()
                     if not all(text.strip() for text in _forms(e).values())]
    assert not problems, _report(problems)


def test_placeholders_agree_across_languages_and_plural_forms(
        files: dict[str, Language], english) -> None:
    problems = []
    for key, entry in english.items():
        want = _fields(next(iter(_forms(entry).values())))
        for code, lang in files.items():
            for form, text in _forms(lang.texts.get(key, "")).items():
                if text and _fields(text) != want:
                    problems.append(f"{code}: {key}{'.' + form if form else ''} has "
                                    f"{sorted(_fields(text))}, en has {sorted(want)}")
    assert not problems, _report(problems)


def test_no_english_word_in_an_indonesian_text(files: dict[str, Language]) -> None:
    """Common English words (``english.WORDS``) are not in an Indonesian text, outside what is
    typed (quoted, options, commands, keys) and names kept in every language (WhatsApp, PDF)."""
    problems = [f"{key}: {found}" for key, entry in files["id"].texts.items()
                for text in _forms(entry).values() if (found := english_words(text))]
    assert not problems, _report(problems)
    assert english_words("Berkas data rt005.json sudah ada.") == []
    assert english_words("Nama tidak boleh kosong; see 'ronda --help'.") == ["see"]


def test_plural_texts_have_every_form_of_each_languages_family(
        files: dict[str, Language], english) -> None:
    problems = []
    plural = {k for k, e in english.items() if isinstance(e, dict)}
    assert plural, "no plural texts at all"
    for code, lang in files.items():
        forms = set(PLURAL_FORMS[lang.plural])
        for key, entry in lang.texts.items():
            if key in plural and (not isinstance(entry, dict) or set(entry) != forms):
                problems.append(f"{code}: {key} needs exactly the forms {sorted(forms)}")
            elif key not in plural and isinstance(entry, dict):
                problems.append(f"{code}: {key} has plural forms but is one text in en")
    assert not problems, _report(problems)


def test_no_text_fakes_a_plural(english) -> None:
    fake = [k for k, e in english.items() for text in _forms(e).values()
            if "(s)" in text.replace("http(s)", "")]
    assert not fake, _report(fake)


def test_a_text_over_several_lines_keeps_its_spaces() -> None:
    """A line that goes on with a backslash must end in a space, or two words run together."""
    glued = [f"{p.name}:{n}" for p in PACKAGE.joinpath("i18n").glob("*.toml")
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
             if line.endswith("\\") and not line.endswith((" \\", '"""\\'))]
    assert not glued, _report(glued)


def _command_tree():
    command = typer.main.get_command(app)
    translate_help(command, "en")
    command.load_all()
    return command


def _literals() -> tuple[set[str], list[str]]:
    """Every key-shaped string in ronda's code, and every key built from a value."""
    found: set[str] = set()
    built: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    KEY.fullmatch(node.value):
                found.add(node.value)
            head = None
            if isinstance(node, ast.JoinedStr) and len(node.values) > 1 and \
                    isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and \
                    isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                head = node.left.value
            if head and KEY_PREFIX.fullmatch(head) and (name, head) not in NOT_KEYS:
                built.append(f"{name}:{node.lineno}: {head}…")
    return found, built


def test_every_key_is_written_out_exists_and_every_text_is_used(english) -> None:
    """Keys are found as string literals in ronda/ (``ronda.i18n.labels`` names the keys for
    categories, statuses, rules, …) plus the help keys of the command tree. A key-shaped
    literal in a namespace of en.toml (``err.``, ``msg.``, …) must exist; every text must be
    used; no key may be built at run time (``f"category.{kind}"``), except help keys."""
    literals, built = _literals()
    helps = set(help_keys(_command_tree()))
    namespaces = {k.split(".")[0] for k in english}
    used = {k for k in literals if k.split(".")[0] in namespaces} | helps
    problems = [f"built at run time: {b}" for b in built if not b.endswith(": help.…")]
    problems += [f"used but missing in en.toml: {k}" for k in sorted(used - set(english))]
    problems += [f"in en.toml but used nowhere: {k}" for k in sorted(set(english) - used)]
    assert not problems, _report(problems)
    assert len(helps) > 60


def test_every_value_shown_by_name_has_a_key() -> None:
    from ronda.calendars.caldav import describe_failure
    from ronda.i18n import labels
    from ronda.incidents.book import CATEGORIES, SEVERITIES, SP2HP_CODES, STATUSES, VOID
    from ronda.model import DEFAULT_EMERGENCY, KENTONGAN_EVENTS
    from ronda.neighbourhood.events import EVENT_KINDS
    from ronda.people.volunteers import AWAY_REASONS
    from ronda.schedule.shifts import ATTENDANCE, GUEST_ROLES

    assert set(labels.CATEGORY) == set(CATEGORIES)
    assert set(labels.SEVERITY) == set(SEVERITIES)
    assert set(labels.INCIDENT_STATUS) == {*STATUSES, VOID}
    assert set(labels.SP2HP) == set(SP2HP_CODES)
    assert set(labels.EVENT_KIND) == set(EVENT_KINDS)
    assert set(labels.GUEST_ROLE) == set(GUEST_ROLES)
    assert set(labels.ABSENCE) == set(ATTENDANCE) - {"hadir"}
    assert set(labels.AWAY_REASON) == set(labels.AWAY_REASON_WORDS) == set(AWAY_REASONS)
    assert set(labels.CATEGORY_WORDS) == set(CATEGORIES)
    assert set(labels.SEVERITY_WORDS) == set(SEVERITIES)
    assert set(labels.STATUS_WORDS) == {*STATUSES, VOID}
    assert set(labels.ABSENCE_WORDS) == set(ATTENDANCE) - {"hadir"}
    assert set(labels.GUEST_ROLE_WORDS) == set(GUEST_ROLES)
    assert set(labels.EVENT_KIND_WORDS) == set(EVENT_KINDS)
    assert set(labels.KENTONGAN_EVENT) == set(labels.KENTONGAN_STRIKES) == set(KENTONGAN_EVENTS)
    assert {k for k, _ in DEFAULT_EMERGENCY} <= set(labels.EMERGENCY)
    assert set(labels.CALDAV_WHY) == set(labels.CALDAV_ERROR) == {
        describe_failure(e) for e in (TimeoutError(), PermissionError("401"), OSError())}
    assert labels.label(labels.GUEST_ROLE, "lurah", "id") == "lurah"  # from an edited file


def test_a_missing_english_text_is_an_error_and_a_plural_needs_a_count() -> None:
    with pytest.raises(KeyError):
        t("msg.no_such_text", "en")
    with pytest.raises(KeyError):
        t("msg.no_such_text", "id")
    with pytest.raises(TypeError):
        t("msg.imported", "en")


def test_plural_forms_follow_the_count() -> None:
    assert t("msg.imported", "en", count=1) == "Imported 1 volunteer."
    assert t("msg.imported", "en", count=2) == "Imported 2 volunteers."
    assert t("msg.imported", "en", count=0) == "Imported 0 volunteers."
    assert t("msg.imported", "id", count=1) == "1 petugas diimpor."
    assert t("msg.imported", "id", count=3) == "3 petugas diimpor."
    assert t("msg.median_forward", "en", days="1,0").endswith("1,0 days.")


def test_commands_say_one_or_many(run, neighbourhood: Path) -> None:
    assert "Unexpected extra argument: a." in run("volunteer", "list", "a").stderr
    assert "Unexpected extra arguments: a b." in run("volunteer", "list", "a", "b").stderr
    assert run("volunteer", "add", "Budi Santoso").exit_code == 0
    assert "1 volunteer, 0 away today." in run("volunteer", "list").stderr
    assert run("volunteer", "add", "Siti Aminah").exit_code == 0
    assert "2 volunteers, 0 away today." in run("volunteer", "list").stderr
    assert "2 petugas, 0 berhalangan hari ini." in run("volunteer", "list", lang="id").stderr


def _paths(command, prefix=()):
    for name, sub in getattr(command, "commands", {}).items():
        yield (*prefix, name)
        yield from _paths(sub, (*prefix, name))


def test_every_command_and_option_has_help_in_every_language(
        files: dict[str, Language]) -> None:
    keys = help_keys(_command_tree())
    missing = [f"{code}: {k}" for code, lang in files.items() for k in keys
               if k not in lang.texts]
    assert not missing, _report(missing)
    assert len(keys) > 60


@pytest.mark.parametrize("lang, word", [("en", "Add a resident to the roster."),
                                        ("id", "Tambah petugas ronda.")])
def test_help_is_shown_in_the_chosen_language(run, lang: str, word: str) -> None:
    result = run("volunteer", "--help", lang=lang)
    assert result.exit_code == 0
    assert word in result.stdout


@pytest.mark.parametrize("lang, words, english", [
    ("en", ["Usage: ", "schedule build [OPTIONS]", "Options", "--from", "DATE",
            "[required]", "[default: 0]"], []),
    ("id", ["Cara pakai: ", "schedule build [OPSI]", "Opsi", "TANGGAL", "[wajib]",
            "[bawaan: 0]"], ["Usage", "Options", "[required]", "default"]),
])
def test_help_is_wholly_in_the_language_and_says_what_each_value_is(
        run, lang: str, words: list[str], english: list[str]) -> None:
    text = " ".join(run("schedule", "build", "--help", lang=lang).stdout.split())
    for word in words:
        assert word in text
    for word in [*english, "<str>", "<text>"]:
        assert word not in text
    away = " ".join(run("volunteer", "away", "--help", lang=lang).stdout.split())
    assert ("ID|NAMA" if lang == "id" else "ID|NAME") in away
    assert ("Argumen" if lang == "id" else "Arguments") in away and "<str>" not in away
    group = " ".join(run("volunteer", "--help", lang=lang).stdout.split())
    assert ("PERINTAH [ARG]..." if lang == "id" else "COMMAND [ARGS]...") in group


def test_every_command_appears_in_the_guide() -> None:
    """Each command is shown at work in README or the guide (the reference lists them all)."""
    docs = (ROOT / "README.md").read_text("utf-8") + (ROOT / "docs" / "guide.md").read_text(
        "utf-8")
    for path in _paths(_command_tree()):
        if len(path) == 1 and path[0] in ("config", "volunteer", "db"):
            continue
        assert f"ronda {' '.join(path)}" in docs or \
            re.search(rf"ronda (--\S+ \S+ )*{' '.join(path)}\b", docs), path


def test_the_command_reference_is_written_from_the_help_of_today() -> None:
    """docs/reference.md and docs/referensi.md are what ``--help`` prints (make_reference)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_reference",
                                                  ROOT / "docs" / "make_reference.py")
    assert spec and spec.loader
    make_reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_reference)
    for lang, path in make_reference.FILES.items():
        assert make_reference.reference(lang) == path.read_text("utf-8"), \
            "run python docs/make_reference.py"


def test_readme_is_a_short_front_door() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert len(readme.splitlines()) <= 250
    heads = [line for line in readme.splitlines() if line.startswith("## ")]
    assert heads[:3] == ["## Quickstart", "## Your RT in five commands",
                         "## Panduan singkat (Bahasa Indonesia)"]
    for target in re.findall(r"\]\((docs/[^)#]+)\)", readme):
        assert (ROOT / target).exists(), target


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
    """Every module outside the command layer, the board and the storage package."""
    root = Path(ronda.__file__).parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] in ("cli", "board", "store", "__main__"):
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


def test_start_up_does_not_load_heavy_libraries_or_language_files() -> None:
    assert loaded_by("from ronda.cli.app import app",
                     ("ics", "holidays", "phonenumbers", "pydantic", "arrow", "rich", "tinydb",
                      "ronda.schedule.builder", "ronda.cli.schedule", "tomllib")) == []


def test_the_real_version_path_loads_no_storage_and_no_language_file() -> None:
    code = ("import sys\nsys.argv = ['ronda', '--version']\nfrom ronda.cli.start import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('loaded:', ','.join(m for m in ('ronda.store.datafile', 'tinydb', 'orjson', "
            "'ronda.calendars.ics', 'rich', 'tomllib') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("loaded:"), result.stdout


def test_the_root_help_names_every_command_without_loading_one() -> None:
    code = ("import sys\nsys.argv = ['ronda', '--help']\nfrom ronda.cli.start import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('loaded:', ','.join(m for m in sys.modules if m.startswith('ronda.cli.') "
            "and m.split('.')[-1] in ('volunteer', 'schedule', 'incident', 'area', 'kas')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={**os.environ, "COLUMNS": "100"})
    assert result.stdout.strip().endswith("loaded:"), result.stdout[-300:]
    assert "volunteer" in result.stdout and "kas" in result.stdout  # listed all the same


def test_a_language_file_is_read_on_its_first_text_and_alone() -> None:
    code = ("import ronda.i18n as i\nfrom ronda.cli.app import app\nprint(i.loaded())\n"
            "i.t('label.yes', 'id')\ni.t('msg.imported', 'id', count=2)\nprint(i.loaded())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split("\n")[:2] == ["()", "('id',)"]  # Indonesian is complete


JAVANESE = """\
# ronda's texts in Basa Jawa (a start: what is missing shows in English)
meta = { name = "Basa Jawa", plural = "other", formats = "id" }

"msg.volunteer_added" = "{who} wis ditambahaké."
"msg.volunteer_count".other = "{count} petugas, {away} ora bisa teka dina iki."
"""


@pytest.fixture
def javanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped languages plus a small jv.toml, in a folder ronda reads instead."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for code in ("en", "id"):
        shutil.copy(PACKAGE / "i18n" / f"{code}.toml", folder)
    (folder / "jv.toml").write_text(JAVANESE, "utf-8")
    monkeypatch.setattr(ronda.i18n, "FOLDER", folder)
    return folder


def test_a_partial_language_falls_back_to_english_text_by_text(javanese: Path) -> None:
    assert ronda.i18n.languages() == ("en", "id", "jv")
    assert t("msg.volunteer_added", "jv", who="Joko") == "Joko wis ditambahaké."
    assert ronda.i18n.loaded() == ("jv",)
    assert t("col.name", "jv") == "Name"  # missing in jv.toml: English, read only now
    assert ronda.i18n.loaded() == ("jv", "en")
    assert t("msg.imported", "jv", count=1) == "Imported 1 volunteer."  # English's own forms
    with pytest.raises(KeyError):
        t("msg.no_such_text", "jv")


def test_a_third_language_is_one_file(javanese: Path, run, roster: Path) -> None:
    added = run("volunteer", "add", "Joko Susilo", lang="jv")
    assert added.exit_code == 0, added.output
    assert "#5 Joko Susilo wis ditambahaké." in added.stderr  # translated
    listed = run("volunteer", "list", lang=None, env={"RONDA_LANG": "jv"})
    assert "5 petugas, 0 ora bisa teka dina iki." in listed.stderr  # a plural, family "other"
    assert "Name" in listed.stdout and "Nama" not in listed.stdout  # not translated: English
    assert run("config", "set", "lang", "jv").exit_code == 0
    built = run("schedule", "build", "--from", "2026-11-23", "--weeks", "1", lang=None)
    assert built.exit_code == 0, built.output
    sheet = run("roster", "--week", "2026-11-23", "--format", "text", lang=None)
    assert "Sabtu 28/11/2026 · Malam Minggu" in sheet.stdout  # formats = "id"
    assert "22.00" in sheet.stdout
    refused = run("config", "set", "lang", "su")
    assert refused.exit_code == 2 and "en, id, jv" in refused.stderr
