"""The way in: `ronda` alone, `ronda init` in a terminal, the command words in both
languages, Ctrl-C, and the week the roster prints on Sunday afternoon."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

import pytest
from builders import plan
from conftest import BASE_ENV, Run
from typer.testing import CliRunner, Result

from ronda.cli.app import app
from ronda.cli.root import ALIASES, COMMANDS
from ronda.model import Slot, Volunteer
from ronda.schedule.builder import build_schedule
from ronda.schedule.rules import Rules


def alone(env: dict[str, str | None]) -> Result:
    """``ronda`` with no arguments at all."""
    return CliRunner().invoke(app, [], env={**BASE_ENV, **env})


# `ronda` alone


@pytest.mark.parametrize(("lang", "said"), [
    ("id", ("Belum ada data RT. Mulai dari sini:", "siapkan RT Anda", "ronda init",
            "ronda demo", "jadwal (schedule)")),
    ("en", ("No neighbourhood yet. Start here:", "set up your RT", "ronda init",
            "ronda demo", "jadwal (schedule)"))])
def test_ronda_alone_without_a_data_file_shows_a_start_panel(tmp_path: Path, lang: str,
                                                             said: tuple[str, ...]) -> None:
    missing = tmp_path / "ronda.json"
    result = alone({"RONDA_DB": str(missing), "RONDA_LANG": lang})
    assert result.exit_code == 0, result.output
    for text in said:
        assert text in result.stdout, text
    assert "Usage" not in result.output and "Cara pakai" not in result.output
    assert "--db" not in result.stdout  # not the option list of the root's help
    assert not missing.exists()


def test_ronda_alone_with_a_data_file_names_the_next_step(run: Run, neighbourhood: Path,
                                                          roster: Path) -> None:
    env = {"RONDA_DB": str(roster)}  # the neighbourhood's language: Indonesian
    result = alone(env)
    assert result.exit_code == 0, result.output
    # Sunday 22/11 at 23.59: the coming week is 23–29/11, not planned yet
    assert "4 petugas; malam-malam 23–29 November 2026 belum dijadwalkan" in result.stdout
    assert "ronda schedule build --from 23/11/2026 --weeks 4" in result.stdout
    assert run("schedule", "build", "--from", "23/11/2026", "--weeks", "1").exit_code == 0
    planned = alone({**env, "RONDA_LANG": "en"})
    assert "4 volunteers; 23–29 November 2026 is planned. Next:" in planned.stdout
    assert "ronda roster --format pdf" in planned.stdout
    assert "ronda roster --format whatsapp" in planned.stdout


def test_ronda_alone_with_nobody_on_the_roster_says_to_import(neighbourhood: Path) -> None:
    result = alone({"RONDA_DB": str(neighbourhood), "RONDA_LANG": "en"})
    assert "RT 005 / RW 002: nobody on the roster yet. Next:" in result.stdout
    assert "ronda volunteer import FILE" in result.stdout


def test_ronda_with_only_its_data_file_shows_the_panel_for_that_file(tmp_path: Path) -> None:
    other = tmp_path / "rt 009.json"
    result = CliRunner().invoke(app, ["--db", str(other), "--no-color"],
                                env={**BASE_ENV, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Start here:" in result.stdout and "Missing command" not in result.output
    assert f"ronda --db '{other}' init" in result.stdout  # the next command keeps the file


def test_ronda_alone_with_a_damaged_file_names_it_and_changes_nothing(tmp_path: Path) -> None:
    damaged = tmp_path / "ronda.json"
    damaged.write_bytes(b'{"settings":')
    result = alone({"RONDA_DB": str(damaged), "RONDA_LANG": "en"})
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "cannot be read" in result.stdout and "ronda db check" in result.stdout
    assert damaged.read_bytes() == b'{"settings":'


# command words


@pytest.mark.parametrize(("typed", "lang", "said"), [
    ("schedul", "en", "Unknown command 'schedul'. Did you mean 'schedule'?"),
    ("volunter", "id", "Perintah 'volunter' tidak dikenal. Maksudnya 'volunteer'?"),
    ("jadwl", "id", "Maksudnya 'jadwal'?"),
    ("incidnet", "en", "Did you mean 'incident'?")])
def test_a_mistyped_command_gets_the_closest_name(run: Run, roster: Path, typed: str, lang: str,
                                                  said: str) -> None:
    before = roster.read_bytes()
    result = run(typed, "list", lang=lang)
    assert result.exit_code == 2
    assert said in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert roster.read_bytes() == before


def test_the_indonesian_words_run_their_commands(run: Run, roster: Path, tmp_path: Path) -> None:
    assert run("schedule", "build", "--from", "23/11/2026", "--weeks", "1").exit_code == 0
    for word, command in (("jadwal", ("schedule", "--json")),
                          ("warga", ("volunteer", "list", "--json")),
                          ("libur", ("holiday", "list", "--json")),
                          ("acara", ("event", "list", "--json")),
                          ("kejadian", ("incident", "list", "--json"))):
        by_word = run(word, *command[1:], lang="id")
        assert by_word.exit_code == 0, (word, by_word.output)
        assert by_word.stdout == run(*command, lang="id").stdout, word
    poster = run("cetak", "--format", "whatsapp", lang="id")
    assert poster.stdout == run("roster", "--format", "whatsapp", lang="id").stdout
    calendar = tmp_path / "jadwal.ics"
    assert run("kalender", "-o", str(calendar), lang="id").exit_code == 0
    assert calendar.read_text().count("BEGIN:VEVENT") == 7


def test_help_lists_each_command_once_with_its_indonesian_word(run: Run) -> None:
    shown = run("--help", lang="id", env={"COLUMNS": "120"}).stdout
    for word, path in ALIASES.items():
        assert f"{path[0]} ({word})" in shown, word
    rows = [line.split("│")[1].split()[0] for line in shown.splitlines()
            if line.startswith("│ ") and line[2:3].isalpha()]
    named = [r for r in rows if r in COMMANDS]
    assert sorted(named) == sorted(COMMANDS)  # each once, no alias as a command of its own
    assert not set(rows) & set(ALIASES)
    own = run("jadwal", "--help", lang="id").stdout
    assert " jadwal [OPSI]" in own and "Tampilkan jadwal" in own


def test_a_word_loads_only_its_own_command() -> None:
    code = ("import sys\nsys.argv = ['ronda', 'jadwal', '--help']\n"
            "from ronda.cli.start import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('loaded:', ','.join(sorted(m for m in sys.modules if m.startswith("
            "'ronda.cli.') and m.split('.')[-1] in ('volunteer', 'schedule', 'incident', "
            "'area', 'kas', 'export'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={**os.environ, "COLUMNS": "100"})
    assert result.stdout.strip().endswith("loaded: ronda.cli.schedule"), result.stdout[-300:]


# Ctrl-C


def _interrupted_at_question(argv: list[str], question: str, lang: str) -> tuple[int, str]:
    """Run ronda on a terminal, press Ctrl-C (SIGINT) once ``question`` is asked; its exit
    code and everything it wrote."""
    master, slave = pty.openpty()
    env = {**os.environ, "RONDA_LANG": lang, "NO_COLOR": "1", "COLUMNS": "100",
           "RONDA_TODAY": "2026-11-22"}
    # Ctrl-C as on a coordinator's terminal, even when the tests run in the background: a
    # shell starts a background job with SIGINT ignored, and a child inherits that
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen([sys.executable, "-m", "ronda", *argv], stdin=slave,
                                 stdout=slave, stderr=slave, env=env, close_fds=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    try:
        while question.encode() not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                seen += os.read(master, 4096)
        assert question.encode() in seen, seen
        time.sleep(0.3)  # a person presses Ctrl-C while the question waits for the answer
        child.send_signal(signal.SIGINT)
        try:
            code = child.wait(timeout=10)
        except subprocess.TimeoutExpired:  # it came before the terminal read began: again
            child.send_signal(signal.SIGINT)
            code = child.wait(timeout=30)
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
        if child.poll() is None:
            child.kill()
    return code, seen.decode().replace("\r\n", "\n")


@pytest.mark.slow  # a real process on a terminal, interrupted
def test_ctrl_c_at_a_question_says_cancelled_on_its_own_line(tmp_path: Path) -> None:
    db = tmp_path / "rt.json"
    code, said = _interrupted_at_question(["--db", str(db), "init"], "(mis. ", "id")
    assert code == 130
    question, answer = said.splitlines()[-2:]
    assert question.rstrip().endswith("):") and answer == "Dibatalkan.", said  # the first
    assert "Galat" not in said and "Traceback" not in said
    assert not db.exists()


@pytest.mark.slow  # a real process on a terminal, interrupted
def test_ctrl_c_at_a_confirmation_leaves_the_file_as_it_was(roster: Path) -> None:
    before = roster.read_bytes()
    code, said = _interrupted_at_question(["--db", str(roster), "init", "--force", "--name",
                                           "RT 001"], "[y/N]", "en")
    assert code == 130
    assert said.splitlines()[-1] == "Cancelled." and "Error" not in said
    assert roster.read_bytes() == before


@pytest.mark.slow  # four real processes: a banner goes to the real standard output
def test_no_library_prints_a_banner(run: Run, roster: Path, tmp_path: Path) -> None:
    """What ronda prints is ronda's own: no solver banner, licence or notice of a library."""
    outputs = []
    for argv in (("schedule", "build", "--from", "23/11/2026", "--weeks", "2"),
                 ("roster", "--format", "pdf", "-o", str(tmp_path / "p.pdf")),
                 ("kalender", "-o", str(tmp_path / "c.ics")), ("holiday", "list")):
        done = subprocess.run([sys.executable, "-m", "ronda", "--db", str(roster), *argv],
                              capture_output=True, text=True,
                              env={**os.environ, "RONDA_TODAY": "2026-11-22", "NO_COLOR": "1"})
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout + done.stderr)
    for text in outputs:
        for banner in ("HiGHS", "Running", "Copyright", "THIRD_PARTY", "licen", "Licen"):
            assert banner not in text, (banner, text[:300])


# the week printed on Sunday afternoon


@pytest.mark.parametrize(("now", "week"), [
    ("2026-11-22T11:59", "Week 16–22 November 2026"),
    ("2026-11-22T12:00", "Week 23–29 November 2026"),
    ("2026-11-22T23:30", "Week 23–29 November 2026"),
    ("2026-11-23T00:30", "Week 23–29 November 2026"),
    ("2026-11-21T22:00", "Week 16–22 November 2026")])
def test_from_sunday_noon_the_roster_prints_the_coming_week(run: Run, roster: Path, now: str,
                                                            week: str) -> None:
    plan(roster, date(2026, 11, 16), 2, date(2026, 11, 15))
    env = {"RONDA_NOW": now, "RONDA_TODAY": None}
    assert week in run("roster", "--format", "text", env=env).stdout
    assert "Pekan " + week.split(" ", 1)[1] in run("cetak", "--format", "whatsapp", lang="id",
                                                   env=env).stdout


def test_on_sunday_afternoon_the_schedule_still_shows_tonight(run: Run, roster: Path) -> None:
    plan(roster, date(2026, 11, 16), 2, date(2026, 11, 15))
    env = {"RONDA_NOW": "2026-11-22T15:00", "RONDA_TODAY": None}
    shown = json.loads(run("schedule", "--json", env=env).stdout)
    assert {s["date"] for s in shown} == {f"2026-11-{d}" for d in range(16, 23)}
    assert "16–22 November 2026" in run("schedule", env=env).stdout


# ronda init in a terminal


def test_init_proposes_the_time_zone_of_the_city_and_takes_several_shifts(
        run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = ["RT 3 RW 7", "Panakkukang", "Panakkukang", "Kota Makassar", "",
               "22.00-01.00, 01.00-04.00", "3", "4", "1", "tidak", "Daeng Rahman",
               "0812-3456-7890", "Aipda Syamsul", "0813-9011-2468", ""]
    result = run("init", input="\n".join(answers) + "\n", lang="id")
    assert result.exit_code == 0, result.output
    assert "Zona waktu (WIB/WITA/WIT) [WITA]" in result.stderr
    assert "Jumlah petugas per giliran [4]" in result.stderr
    s = json.loads(run("config", "show", "--json").stdout)
    assert s["name"] == "RT 003 / RW 007" and s["timezone"] == "Asia/Makassar"
    assert s["area"] == "Kel. Panakkukang, Kec. Panakkukang, Kota Makassar"
    assert s["city"] == "Makassar"
    assert [(x["start"], x["end"], x["required"], x["by_day"]) for x in s["slots"]] == [
        ("22:00", "01:00", 3, {"sat": 4}), ("01:00", "04:00", 3, {"sat": 4})]
    assert s["rest"] == 1 and s["household_rule"] is False
    assert s["coordinator"] == {"name": "Daeng Rahman", "phone": "+6281234567890"}
    assert s["liaison"] == {"name": "Aipda Syamsul", "phone": "+6281390112468"}


def test_init_does_not_ask_again_for_counts_typed_with_the_shifts(
        run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = ["5/2", "", "", "", "", "22.00-01.00=3, 01.00-04.00=2 sab=4", "2", "", "", "",
               "", "", ""]
    result = run("init", input="\n".join(answers) + "\n", lang="id")
    assert result.exit_code == 0, result.output
    assert "per giliran" not in result.stderr and "Zona waktu (WIB/WITA/WIT) [WIB]" in \
        result.stderr
    s = json.loads(run("config", "show", "--json").stdout)
    assert [(x["required"], x["by_day"]) for x in s["slots"]] == [(3, {"sat": 4}),
                                                                   (2, {"sat": 4})]
    assert s["rest"] == 2 and s["area"] == "" and s["timezone"] == "Asia/Jakarta"


def test_a_trailing_saturday_count_is_every_shift_s(run: Run, db: Path) -> None:
    result = run("init", "--name", "RT 005", "--slots", "22.00-01.00=3, 01.00-04.00=3 sat=4")
    assert result.exit_code == 0, result.output
    slots = json.loads(run("config", "show", "--json").stdout)["slots"]
    assert [x["by_day"] for x in slots] == [{"sat": 4}, {"sat": 4}]
    shown = run("config", "show", lang="id").stdout
    assert "22.00–01.00=3, 01.00–04.00=3 sab=4" in shown  # written once, read back the same
    assert run("config", "set", "slots", "22.00–01.00=3, 01.00–04.00=3 sab=4").exit_code == 0
    assert json.loads(run("config", "show", "--json").stdout)["slots"] == slots
    own = run("config", "set", "slots", "22.00-01.00=3 sat=5, 01.00-04.00=3 sat=4")
    assert own.exit_code == 0
    assert [x["by_day"] for x in json.loads(run("config", "show", "--json").stdout)["slots"]] \
        == [{"sat": 5}, {"sat": 4}]


def test_the_household_rule_can_be_turned_off() -> None:
    """Two of one house (a father and his son) may patrol together where the RT allows it."""
    people = [Volunteer(1, "Pak Darto", household="C-07"), Volunteer(2, "Mas Anto",
                                                                    household="C-07")]
    night = (Slot(clock(22), clock(4), 2),)
    on = build_schedule(people, Rules(night, rest=0), date(2026, 11, 23), date(2026, 11, 23))
    off = build_schedule(people, Rules(night, rest=0, households=False), date(2026, 11, 23),
                         date(2026, 11, 23))
    assert len(on.shifts[0].volunteers) == 1 and on.shifts[0].short is not None
    assert sorted(off.shifts[0].volunteers) == [1, 2]


def test_the_household_rule_is_a_setting(run: Run, roster: Path) -> None:
    assert run("config", "set", "household-rule", "tidak").exit_code == 0
    assert json.loads(run("config", "show", "--json").stdout)["household_rule"] is False
    bad = run("config", "set", "household-rule", "mungkin")
    assert bad.exit_code == 2 and "'mungkin'" in bad.stderr
