"""Setting up a neighbourhood and changing its settings, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import INIT, Run, digest


def test_init_stores_what_was_given_and_the_defaults(run: Run, db: Path) -> None:
    assert run(*INIT).exit_code == 0
    result = run("config", "show", "--json")
    assert result.exit_code == 0
    settings = json.loads(result.stdout)
    assert settings["name"] == "RT 005 / RW 002"
    assert settings["timezone"] == "Asia/Jakarta"
    assert settings["slots"] == [{"start": "22:00", "end": "04:00", "required": 4,
                                  "by_day": {}}]
    assert settings["coordinator"] == {"name": "Bambang Sutejo", "phone": "+6281228704411"}
    assert settings["liaison"] == {"name": "Bripka Agus Widodo", "phone": "+6281390112468"}
    assert settings["lang"] == "id"
    assert ["police", "110"] in settings["emergency"]
    assert [k for k, _ in settings["kentongan"]][:3] == ["safe", "patrol", "theft"]


def test_init_refuses_to_replace_a_neighbourhood_unless_forced(run: Run,
                                                               neighbourhood: Path) -> None:
    before = digest(neighbourhood)
    result = run(*INIT)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert digest(neighbourhood) == before
    forced = run(*INIT, "--force", "--yes")
    assert forced.exit_code == 0, forced.output
    assert len(list((neighbourhood.parent / "backups").iterdir())) == 1


def test_init_without_a_name_in_a_script_is_bad_input(run: Run, db: Path) -> None:
    result = run("init", "--per-night", "4")
    assert result.exit_code == 2
    assert "name must not be empty" in result.stderr
    assert not db.exists()


def test_init_asks_for_what_is_missing_in_a_terminal(run: Run, db: Path, monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = "\n".join(["9/1", "Sendangmulyo", "Tembalang", "Kota Semarang", "", "21.00-03.00",
                         "5", "", "1", "", "Pak Joko", "0812-3456-7890", "Aiptu Sugeng", "",
                         "Pos Kamling Mawar"]) + "\n"
    result = run("init", input=answers)
    assert result.exit_code == 0, result.output
    settings = json.loads(run("config", "show", "--json").stdout)
    assert settings["name"] == "RT 009 / RW 001"
    assert settings["area"] == "Kel. Sendangmulyo, Kec. Tembalang, Kota Semarang"
    assert settings["city"] == "Semarang" and settings["timezone"] == "Asia/Jakarta"
    assert settings["slots"][0] == {"start": "21:00", "end": "03:00", "required": 5,
                                    "by_day": {}}
    assert settings["household_rule"] is True and settings["rest"] == 1
    assert settings["liaison"] == {"name": "Aiptu Sugeng", "phone": None}


def test_several_slots_and_a_bigger_saturday(run: Run, neighbourhood: Path) -> None:
    assert run("config", "set", "slots", "22.00-01.00=3, 01.00-04.00=3").exit_code == 0
    assert run("config", "set", "per-night.sab", "4").exit_code == 0
    slots = json.loads(run("config", "show", "--json").stdout)["slots"]
    assert slots == [{"start": "22:00", "end": "01:00", "required": 3, "by_day": {"sat": 4}},
                     {"start": "01:00", "end": "04:00", "required": 3, "by_day": {"sat": 4}}]


def test_config_show_prints_in_indonesian(run: Run, neighbourhood: Path) -> None:
    result = run("config", "show", lang="id")
    assert "Pengaturan" in result.stdout and "Nilai" in result.stdout
    assert "22.00–04.00=4" in result.stdout
    assert "1 kali tiap jam" in result.stdout  # default kentongan code in Indonesian


def test_the_neighbourhood_language_applies_when_no_language_is_chosen(
        run: Run, neighbourhood: Path) -> None:
    result = run("volunteer", "show", "nobody", lang=None)
    assert "Tidak ada petugas yang cocok" in result.stderr
    env_en = run("volunteer", "show", "nobody", lang=None, env={"RONDA_LANG": "en"})
    assert "No volunteer matches" in env_en.stderr


def test_info_says_where_the_file_is(run: Run, neighbourhood: Path) -> None:
    facts = json.loads(run("info", "--json").stdout)
    assert facts["path"] == str(neighbourhood)
    assert facts["source"] == "--db"
    assert facts["mode"] == "600"
    assert facts["records"] == {"settings": 1, "volunteers": 0}
    assert str(neighbourhood) in run("info").stdout


def test_db_backups_check_and_restore(run: Run, roster: Path) -> None:
    assert json.loads(run("db", "backups", "--json").stdout) == []
    assert run("volunteer", "remove", "Siti").exit_code == 0
    (backup,) = json.loads(run("db", "backups", "--json").stdout)
    assert set(backup) == {"number", "path", "taken", "size"} and backup["number"] == 1
    assert "1 backup in " in run("db", "backups").stderr
    check = json.loads(run("db", "check", "--json").stdout)
    assert check["ok"] is True and check["records"] == {"settings": 1, "volunteers": 4}
    restored = run("db", "restore", "1", "--yes")
    assert restored.exit_code == 0, restored.output
    people = json.loads(run("volunteer", "list", "--json").stdout)
    assert "Siti Aminah" in [p["name"] for p in people]  # back as before the removal
    assert len(json.loads(run("db", "backups", "--json").stdout)) == 2


def test_backup_times_carry_their_offset_and_show_in_the_neighbourhood_s_zone(
        run: Run, roster: Path) -> None:
    from datetime import UTC, datetime, timedelta

    assert run("volunteer", "remove", "Siti").exit_code == 0
    (backup,) = json.loads(run("db", "backups", "--json").stdout)
    taken = datetime.fromisoformat(backup["taken"])
    assert taken.utcoffset() == timedelta(hours=7)  # WIB, like every other --json
    assert abs(datetime.now(UTC) - taken) < timedelta(minutes=10)
    shown = run("db", "backups", env={"COLUMNS": "200"}).stdout
    assert f"at {taken:%H:%M} WIB" in shown
    assert run("config", "set", "timezone", "WIT").exit_code == 0  # Jayapura: UTC+9
    (_, first) = json.loads(run("db", "backups", "--json").stdout)
    moved = datetime.fromisoformat(first["taken"])
    assert moved == taken and moved.utcoffset() == timedelta(hours=9)
    shown = run("db", "backups", lang="id", env={"COLUMNS": "200"}).stdout
    assert f"pukul {moved:%H.%M} WIT" in shown


def test_an_unknown_output_language_is_refused(run: Run, roster: Path) -> None:
    result = run("--lang", "fr", "volunteer", "list", lang=None)
    assert result.exit_code == 2
    assert "--lang: 'fr' bukan salah satu dari en, id." in result.stderr  # the saved language


def test_version(run: Run) -> None:
    result = run("--version", lang=None)
    assert result.exit_code == 0 and result.stdout.startswith("ronda ")


def test_confirmations_understand_both_languages(monkeypatch) -> None:  # noqa: ANN001
    from ronda.cli import context as _state

    for answers, expected in ((["ya"], True), (["iya"], True), (["Yes"], True),
                              (["tidak"], False), (["nggak"], False), ([""], False),
                              (["mungkin", "ya"], True)):
        replies = iter(answers)
        monkeypatch.setattr(_state.typer, "prompt", lambda *a, r=replies, **k: next(r))
        assert _state.ask_yes("Lanjutkan?") is expected, answers


def test_init_asks_again_when_an_answer_cannot_be_used(run: Run, db: Path, monkeypatch) -> None:
    """A wrong answer is said at once and asked again; nothing typed before it is lost."""
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    answers = "\n".join(["", "5/2/3", "RT 9 RW 1", "Sendangmulyo", "Tembalang", "Semarang",
                         "WITX", "WIB", "25.00-03.00", "21.00-03.00", "lima", "5", "", "1",
                         "mungkin", "ya", "Pak Joko", "0812", "0812-3456-7890", "", "", ""]
                        ) + "\n"
    result = run("init", input=answers, lang="id")
    assert result.exit_code == 0, result.output
    for said in ("Bagian ini wajib diisi.", "'5/2/3'", "'WITX'", "'25.00'", "'lima'",
                 "'mungkin'", "'0812'"):
        assert said in result.stderr, said
    assert "Traceback" not in result.output
    settings = json.loads(run("config", "show", "--json").stdout)
    assert settings["name"] == "RT 009 / RW 001" and settings["timezone"] == "Asia/Jakarta"
    assert settings["slots"][0]["start"] == "21:00" and settings["slots"][0]["required"] == 5
    assert settings["coordinator"] == {"name": "Pak Joko", "phone": "+6281234567890"}


def test_init_says_the_file_exists_before_asking_anything(run: Run, neighbourhood: Path,
                                                           monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    before = neighbourhood.read_bytes()
    result = run("init", input="\n" * 20)
    assert result.exit_code == 2 and "already" in result.stderr
    assert "?" not in result.stderr.split("already")[0]  # no question was asked first
    assert neighbourhood.read_bytes() == before
