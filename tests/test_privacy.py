"""Private data stays private: witnesses and reporters appear only when asked for, in every
output; a purge erases every place ronda wrote the name; exports are plain text."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Demo, Run, digest

NOW = {"RONDA_NOW": "2026-11-29T08:00:00+07:00"}


def logged(run: Run, demo: Demo) -> str:
    demo("2026-11-24")
    result = run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
                 "Helm hilang <script>alert(1)</script> | kolom", "--witness",
                 "Pak Darto 0812-1111-2222", "--reporter", "Slamet Riyadi", "--json", env=NOW)
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["id"])


def test_witnesses_and_reporters_only_when_asked(run: Run, demo: Demo) -> None:
    number = logged(run, demo)
    plain = [run("incident", "show", number, "--json", env=NOW).stdout,
             run("incident", "list", "--json", env=NOW).stdout,
             run("incident", "export", "--format", "json", env=NOW).stdout,
             run("incident", "export", "--format", "csv", env=NOW).stdout,
             run("incident", "export", "--format", "md", env=NOW).stdout,
             run("incident", "board", env=NOW).stdout]
    for text in plain:
        assert "Darto" not in text and "Slamet Riyadi" not in text, text[:300]
    asked = run("incident", "show", number, "--json", "--with-reporters", env=NOW)
    record = json.loads(asked.stdout)
    assert record["witness"].startswith("Pak Darto") and record["reporter"]["name"]
    assert "reporters" in asked.stderr  # said out loud that it is private


def test_markdown_exports_are_text_not_html(run: Run, demo: Demo) -> None:
    logged(run, demo)
    md = run("incident", "export", "--format", "md", env=NOW).stdout
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\| kolom" in md


def test_an_ambiguous_reporter_is_refused_not_guessed(run: Run, demo: Demo,
                                                      db: Path) -> None:
    demo("2026-11-24")
    before = digest(db)
    result = run("incident", "log", "--at", "-1h", "--category", "theft", "--description",
                 "x", "--reporter", "Santoso", env=NOW)
    assert result.exit_code == 2 and "Teguh Santoso" in result.stderr
    assert digest(db) == before


def test_a_purge_erases_the_name_everywhere_ronda_wrote_it(run: Run, demo: Demo,
                                                          db: Path) -> None:
    number = logged(run, demo)
    env = {"RONDA_TODAY": "2026-11-24"}
    monday = json.loads(run("schedule", "--json", "--week", "2026-11-23", env=env).stdout)[0]
    absent = monday["volunteers"][-1]["id"]
    assert run("schedule", "attend", "2026-11-23", "--absent", str(absent), "--substitute",
               "Rina Kartika", env=env).exit_code == 0
    assert run("volunteer", "add", "Rina Kartika").exit_code == 0
    # an older file kept stand-ins by name; ronda must find those too
    data = json.loads(db.read_text())
    shift = next(s for s in data["shifts"].values() if s["date"] == "2026-11-23")
    shift["absences"][0]["substitute"] = "#29 Rina Kartika"
    db.write_text(json.dumps(data))
    purge = run("volunteer", "remove", "Rina Kartika", "--purge", "--yes")
    assert purge.exit_code == 0, purge.output
    purge_slamet = run("volunteer", "remove", "Slamet Riyadi", "--purge", "--yes")
    assert purge_slamet.exit_code == 0
    text = db.read_text()
    assert "Rina Kartika" not in text and "Slamet Riyadi" not in text
    assert number  # the report Slamet made stays, without his name
    record = json.loads(run("incident", "show", number, "--json", "--with-reporters",
                            env=NOW).stdout)
    assert record["reporter"] is None or record["reporter"]["name"] == ""


def test_incident_show_hides_the_witness_and_search_never_finds_one(run: Run,
                                                                     demo: Demo) -> None:
    number = logged(run, demo)
    shown = run("incident", "show", number, env={**NOW, "COLUMNS": "200"}).stdout
    assert "Darto" not in shown and "confidential" in shown
    found = run("incident", "list", "--search", "Darto", "--json", env=NOW).stdout
    assert json.loads(found) == []
    asked = run("incident", "show", number, "--with-reporters", env={**NOW, "COLUMNS": "200"})
    assert "Pak Darto" in asked.stdout


def test_a_purge_matches_whole_names_only(run: Run, demo: Demo, db: Path) -> None:
    demo("2026-11-24")
    env = {"RONDA_TODAY": "2026-11-24"}
    monday = json.loads(run("schedule", "--json", "--week", "2026-11-23", env=env).stdout)[0]
    assert run("schedule", "attend", "2026-11-23", "--absent", str(monday["volunteers"][-1]["id"]),
               "--substitute", "Alif Rahman", env=env).exit_code == 0
    assert run("volunteer", "add", "Ali").exit_code == 0
    assert run("volunteer", "remove", "Ali", "--purge", "--yes").exit_code == 0
    assert "Alif Rahman" in db.read_text()


def test_a_purge_erases_the_person_from_every_backup_and_says_which(run: Run, demo: Demo,
                                                                     db: Path) -> None:
    number = logged(run, demo)  # Slamet Riyadi reported it: his name is in the 2026 year file
    slamet = json.loads(run("volunteer", "show", "Slamet Riyadi", "--json").stdout)
    marks = [slamet["name"], slamet["phone"], slamet["address"]]
    assert all(marks)
    assert run("volunteer", "remove", "Budi Santoso").exit_code == 0  # a backup holding him
    folder = db.parent / "backups"
    unreadable = folder / "rt005-000000-20261101T000000000000.json"  # cut short, names him
    unreadable.write_bytes(db.read_bytes()[:-200])
    holding = sorted(p.name for p in folder.iterdir() if "Slamet Riyadi" in p.read_text())
    assert len(holding) >= 2

    purge = run("volunteer", "remove", "Slamet Riyadi", "--purge", "--yes")
    assert purge.exit_code == 0, purge.output
    for backup in folder.iterdir():  # the purge's own backups too (main file and 2026)
        assert not any(mark in backup.read_text() for mark in marks), backup.name
    said = purge.stderr.replace("\n", "")
    rewritten = sorted(p.name for p in folder.iterdir() if p.name not in holding)
    assert [p for p in rewritten if p.startswith("rt005.incidents-2026-")]  # the year's
    assert all(name in said for name in holding + rewritten)
    assert "Erased from " in said and f"Deleted 1 backup in {folder}" in said
    assert not unreadable.exists()

    # each one rewritten is still a backup ronda restores: the main file's, then the year's
    shown = json.loads(run("db", "backups", "--json").stdout)
    number_of = {Path(b["path"]).name: b["number"] for b in shown}
    older = next(name for name in holding if name in number_of)
    assert run("db", "restore", str(number_of[older]), "--yes").exit_code == 0
    assert run("db", "restore", "1", "--year", "2026", "--yes").exit_code == 0
    assert run("db", "check").exit_code == 0
    people = json.loads(run("volunteer", "list", "--all", "--json").stdout)
    assert "Budi Santoso" in {p["name"] for p in people}  # as it was before his removal
    assert next(p for p in people if p["id"] == slamet["id"])["purged"] is True
    record = json.loads(run("incident", "show", number, "--json", "--with-reporters",
                            env=NOW).stdout)
    assert record["reporter"] is None or record["reporter"]["name"] == ""

    # and in Indonesian: Budi is in the backup taken before his removal
    indonesian = run("volunteer", "remove", "Budi Santoso", "--purge", "--yes", lang="id")
    assert indonesian.exit_code == 0
    assert "Dihapus juga dari " in indonesian.stderr
    assert not any("Budi Santoso" in p.read_text() for p in folder.iterdir())
