"""Keeping the roster through the command line: what a coordinator sees and what is stored."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run

FIELDS = {"id", "name", "phone", "address", "household", "team", "leader", "days",
          "max_per_week", "active", "away"}


def listed(run: Run, *args: str) -> list[dict]:
    result = run("volunteer", "list", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_stores_a_normalised_volunteer(run: Run, neighbourhood: Path) -> None:
    result = run("volunteer", "add", "Budi Santoso", "--phone", "0812 3456 7890", "--address",
                 "Jl. Mulawarman 10", "--household", "A-01", "--team", "Regu 1", "--leader",
                 "--days", "sen,sel,rab", "--max-per-week", "2", "--note", "bawa senter")
    assert result.exit_code == 0, result.output
    assert "Added #1 Budi Santoso" in result.stderr
    (v,) = listed(run)
    assert set(v) >= FIELDS
    assert v == {**v, "id": 1, "name": "Budi Santoso", "phone": "+6281234567890",
                 "address": "Jl. Mulawarman 10", "household": "A-01", "team": "Regu 1",
                 "leader": True, "days": ["mon", "tue", "wed"], "max_per_week": 2,
                 "active": True, "away": []}


def test_list_shows_a_table_in_either_language(run: Run, roster: Path) -> None:
    en = run("volunteer", "list")
    assert en.exit_code == 0
    for text in ("Name", "Phone", "Team", "Budi Santoso", "0812-3456-7890", "Mon Wed Fri",
                 "★"):
        assert text in en.stdout
    assert "4 volunteers, 0 away today." in en.stderr
    id_ = run("volunteer", "list", lang="id")
    for text in ("Nama", "No. HP", "Regu", "Sen Rab Jum", "semua", "aktif"):
        assert text in id_.stdout


def test_list_by_team_and_inactive_people(run: Run, roster: Path) -> None:
    assert [v["name"] for v in listed(run, "--team", "regu 2")] == ["Andi Setiawan",
                                                                   "Siti Aminah"]
    assert run("volunteer", "remove", "Siti").exit_code == 0
    assert "Siti Aminah" not in [v["name"] for v in listed(run)]
    everyone = listed(run, "--all")
    assert [v["active"] for v in everyone if v["name"] == "Siti Aminah"] == [False]


def test_show_by_part_of_the_name(run: Run, roster: Path) -> None:
    result = run("volunteer", "show", "hartono")
    assert result.exit_code == 0
    assert "#2 Budi Hartono" in result.stdout and "0813-2765-4410" in result.stdout
    data = json.loads(run("volunteer", "show", "2", "--json").stdout)
    assert data["name"] == "Budi Hartono" and set(data) >= FIELDS


def test_an_ambiguous_name_lists_candidates(run: Run, roster: Path) -> None:
    result = run("volunteer", "show", "budi")
    assert result.exit_code == 2
    assert "Did you mean Budi Santoso (#1) or Budi Hartono (#2)?" in result.stderr
    indonesian = run("volunteer", "show", "Pak Budi", lang=None).stderr
    assert "Maksud Anda: Budi Santoso (#1) atau Budi Hartono (#2)?" in indonesian
    assert run("volunteer", "show", "Bu Siti Aminh", lang=None).exit_code == 0  # a typo


def test_edit_changes_only_what_is_given(run: Run, roster: Path) -> None:
    result = run("volunteer", "edit", "Siti", "--phone", "+62 857 1234 5678", "--no-leader",
                 "--days", "semua")
    assert result.exit_code == 0, result.output
    v = json.loads(run("volunteer", "show", "Siti", "--json").stdout)
    assert (v["phone"], v["leader"], v["team"]) == ("+6285712345678", False, "Regu 2")
    assert v["days"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert run("volunteer", "edit", "Siti", "--phone", "-").exit_code == 0
    assert json.loads(run("volunteer", "show", "Siti", "--json").stdout)["phone"] is None


def test_remove_keeps_history_and_backs_up(run: Run, roster: Path) -> None:
    result = run("volunteer", "remove", "Andi")
    assert result.exit_code == 0
    assert "history kept" in result.stderr
    v = json.loads(run("volunteer", "show", "4", "--json").stdout)
    assert v["active"] is False and v["name"] == "Andi Setiawan"
    assert len(list((roster.parent / "backups").iterdir())) == 1
    assert run("volunteer", "edit", "4", "--reactivate").exit_code == 0
    assert json.loads(run("volunteer", "show", "4", "--json").stdout)["active"] is True


def test_purge_erases_personal_data_but_keeps_the_record(run: Run, roster: Path) -> None:
    refused = run("volunteer", "remove", "Budi Hartono", "--purge")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    result = run("volunteer", "remove", "Budi Hartono", "--purge", "--yes")
    assert result.exit_code == 0, result.output
    raw = roster.read_text()
    assert "Hartono" not in raw and "+6281327654410" not in raw
    v = json.loads(run("volunteer", "show", "2", "--json").stdout)
    assert v["name"] is None and v["phone"] is None and v["team"] == "Regu 1"
    assert "(erased)" in run("volunteer", "list", "--all").stdout
    before = roster.read_bytes()
    for change in (["--reactivate"], ["--name", "Pak X"]):
        again = run("volunteer", "edit", "2", *change)
        assert again.exit_code == 2 and "was erased" in again.stderr
        assert roster.read_bytes() == before  # an erased record stays erased


def test_away_and_back(run: Run, roster: Path) -> None:
    result = run("volunteer", "away", "Andi", "--from", "20/11/2026", "--to", "2026-12-03",
                 "--reason", "mudik")
    assert result.exit_code == 0, result.output
    v = json.loads(run("volunteer", "show", "Andi", "--json").stdout)
    assert v["away"] == [{"from": "2026-11-20", "to": "2026-12-03", "reason": "mudik"}]
    assert "away until 03/12/2026 (mudik)" in run("volunteer", "list").stdout
    assert "1 away today" in run("volunteer", "list").stderr
    assert run("volunteer", "back", "Andi").exit_code == 0
    v = json.loads(run("volunteer", "show", "Andi", "--json").stdout)
    assert v["away"] == [{"from": "2026-11-20", "to": "2026-11-21", "reason": "mudik"}]


def test_same_household_warns(run: Run, roster: Path) -> None:
    result = run("volunteer", "add", "Rina Santoso", "--household", "a-01")
    assert result.exit_code == 0
    assert "household a-01" in result.stderr


def test_import_all_or_nothing(run: Run, roster: Path, tmp_path: Path) -> None:
    good = tmp_path / "warga.csv"
    good.write_text("\ufeffnama;no_hp;rumah;regu;ketua;hari\n"
                    "Joko Susilo;0895-4517-1614;B-01;Regu 3;ya;sen-jum\n"
                    "Eko Prasetyo;;B-02;Regu 3;;\n", encoding="utf-8")
    dry = run("volunteer", "import", str(good), "--dry-run")
    assert dry.exit_code == 0 and "would be imported" in dry.stderr
    assert len(listed(run)) == 4
    result = run("volunteer", "import", str(good))
    assert result.exit_code == 0, result.output
    names = [v["name"] for v in listed(run, "--team", "Regu 3")]
    assert names == ["Joko Susilo", "Eko Prasetyo"]
    again = run("volunteer", "import", str(good))  # the same sheet again: one line, the way
    assert again.exit_code == 2
    assert again.stderr.count("\n") == 1
    assert "All 2 people of" in again.stderr and "--update" in again.stderr
    assert len(listed(run)) == 6
    partly = tmp_path / "more.csv"  # some new, some known: each known row is named
    partly.write_text("nama;rumah\nJoko Susilo;B-01\nRina Marlina;B-09\n", encoding="utf-8")
    mixed = run("volunteer", "import", str(partly))
    assert mixed.exit_code == 2
    assert "line 2: already on the roster as #5 Joko Susilo" in mixed.stderr


def test_import_lists_every_bad_row_and_imports_nothing(run: Run, roster: Path,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,phone,days\nGood Person,,\n,0812-3456-7890,\nX,999,\nY,,someday\n")
    before = roster.read_bytes()
    result = run("volunteer", "import", str(bad), lang="id")
    assert result.exit_code == 2
    assert "baris 3, kolom 'name': NAMA tidak boleh kosong." in result.stderr
    assert "baris 4, kolom 'phone': '999' bukan nomor telepon" in result.stderr
    assert "baris 5, kolom 'days': 'someday' bukan nama hari" in result.stderr
    assert "3 baris bermasalah" in result.stderr
    assert roster.read_bytes() == before


def test_export_round_trips_and_leaves_phones_out_unless_asked(run: Run, roster: Path,
                                                               tmp_path: Path, db: Path) -> None:
    out = tmp_path / "export.csv"
    assert run("volunteer", "export", str(out)).exit_code == 0
    assert "0812" not in out.read_text()
    result = run("volunteer", "export", str(out), "--with-phones")
    assert result.exit_code == 0 and "phone numbers" in result.stderr
    assert "0812-3456-7890" in out.read_text()
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "other.json"
    args = ["--db", str(other)]
    from conftest import BASE_ENV, INIT
    from typer.testing import CliRunner

    from ronda.cli.app import app

    runner = CliRunner()
    assert runner.invoke(app, [*args, *INIT], env=BASE_ENV).exit_code == 0
    imported = runner.invoke(app, [*args, "volunteer", "import", str(out)], env=BASE_ENV)
    assert imported.exit_code == 0, imported.output
    original = [(v["name"], v["phone"], v["team"], v["leader"], v["days"])
                for v in listed(run)]
    copy = json.loads(runner.invoke(app, [*args, "volunteer", "list", "--json"],
                                    env=BASE_ENV).stdout)
    assert [(v["name"], v["phone"], v["team"], v["leader"], v["days"]) for v in copy] == original


def test_a_name_is_shown_as_typed_never_read_as_formatting(run: Run, neighbourhood: Path) -> None:
    name = "Budi :fire: [bold]Santoso[/bold]"
    added = run("volunteer", "add", name)
    assert added.exit_code == 0, added.output
    assert name in added.stderr
    shown = run("volunteer", "show", "Budi")
    assert shown.stdout.splitlines()[0].strip() == f"#1 {name}"  # the title too
    assert name in run("volunteer", "list").stdout


def test_an_updated_sheet_changes_only_what_differs(run: Run, roster: Path,
                                                    tmp_path: Path) -> None:
    """The coordinator exports the roster for Excel, edits it, and reads it back: the dry run
    shows each change, the import applies only those, and the same sheet again changes
    nothing."""
    sheet = tmp_path / "warga.csv"
    assert run("volunteer", "export", str(sheet), "--excel", "--with-phones",
               lang="id").exit_code == 0
    text = sheet.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffid;nama;no_hp;alamat;rumah;regu;ketua;hari;")
    lines = text.lstrip("\ufeff").splitlines()
    budi = next(i for i, line in enumerate(lines) if "Budi Santoso" in line)
    lines[budi] = lines[budi].replace("0812-3456-7890", "0812-3456-7899").replace(";ya;",
                                                                                  ";tidak;")
    lines.append(";Wahyu Hidayat Kusumawardhana;;Jl. Melati 4;C-04;Regu 2;tidak;sab,min;1;")
    sheet.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")

    before = roster.read_bytes()
    dry = run("volunteer", "import", str(sheet), "--update", "--dry-run", lang="id")
    assert dry.exit_code == 0, dry.output
    rows = [" ".join(line.replace("│", " ").split()) for line in dry.stdout.splitlines()]
    assert f"{budi + 1} #1 Budi Santoso No. HP 0812-3456-7890 0812-3456-7899" in rows
    assert f"{budi + 1} #1 Budi Santoso Ketua ya tidak" in rows
    assert f"{len(lines)} Wahyu Hidayat Kusumawardhana baru" in rows
    assert "1 petugas akan diperbarui, 1 ditambahkan, 3 tetap" in dry.stderr
    assert roster.read_bytes() == before

    done = run("volunteer", "import", str(sheet), "--update")
    assert done.exit_code == 0, done.output
    assert "1 volunteer updated, 1 added, 3 unchanged." in done.stderr
    people = {v["name"]: v for v in listed(run)}
    assert people["Budi Santoso"]["phone"] == "+6281234567899"
    assert people["Budi Santoso"]["leader"] is False
    assert people["Wahyu Hidayat Kusumawardhana"]["days"] == ["sat", "sun"]
    again = run("volunteer", "import", str(sheet), "--update")
    assert "0 volunteers updated, 0 added, 5 unchanged." in again.stderr


def test_every_export_reads_back_to_no_change(run: Run, roster: Path, tmp_path: Path) -> None:
    for lang in ("en", "id"):
        for flags in ([], ["--excel"], ["--with-phones"], ["--excel", "--with-phones"]):
            sheet = tmp_path / f"{lang}{''.join(flags)}.csv"
            assert run("volunteer", "export", str(sheet), *flags, lang=lang).exit_code == 0
            back = run("volunteer", "import", str(sheet), "--update", "--dry-run")
            assert "0 volunteers would be updated, 0 added, 4 unchanged" in back.stderr, (
                lang, flags, back.output)
    assert (tmp_path / "en.csv").read_text().splitlines()[1].startswith("1,Budi Santoso,,")
    assert "0812" not in (tmp_path / "id--excel.csv").read_text(encoding="utf-8-sig")


def test_a_sheet_that_cannot_be_matched_changes_nothing(run: Run, roster: Path,
                                                        tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("id,name,team\n99,Orang Baru,Regu 9\n1,Budi Santoso,Regu 7\n"
                     "#1,Budi S.,Regu 8\nx1,Siapa,\n")
    before = roster.read_bytes()
    result = run("volunteer", "import", str(sheet), "--update", lang="id")
    assert result.exit_code == 2
    assert "baris 2: tidak ada petugas dengan id 99" in result.stderr
    assert "baris 4: #1 Budi Santoso sudah ada di baris 3" in result.stderr
    assert "baris 5, kolom 'id': 'x1' bukan id petugas" in result.stderr
    assert roster.read_bytes() == before


def test_a_tab_separated_sheet_with_addresses_as_houses(run: Run, neighbourhood: Path,
                                                        tmp_path: Path) -> None:
    sheet = tmp_path / "tab.tsv"
    sheet.write_text("nama\tno_hp\talamat\nSiti Aminah\t0812-9999-1111\tJl. Melati 3\n"
                     "Rina Wati\t\tJl. Melati 3\n")
    result = run("volunteer", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert sorted((v["name"], v["household"]) for v in listed(run)) == [
        ("Rina Wati", "Jl. Melati 3"), ("Siti Aminah", "Jl. Melati 3")]


def test_a_team_typed_in_another_case_is_stored_once(run: Run, roster: Path,
                                                     tmp_path: Path) -> None:
    assert run("volunteer", "add", "Joko Susilo", "--team", "regu 1").exit_code == 0
    sheet = tmp_path / "warga.csv"
    sheet.write_text("nama;regu\nEko Prasetyo;REGU 2\nDedi Kurniawan;regu g\n"
                     "Heru Purnomo;Regu G\nSri Rahayu;  Regu   1 \n")
    assert run("volunteer", "import", str(sheet)).exit_code == 0
    assert run("volunteer", "edit", "Siti", "--team", "regu g").exit_code == 0
    teams = {v["name"]: v["team"] for v in listed(run)}
    assert teams["Joko Susilo"] == teams["Sri Rahayu"] == "Regu 1"
    assert teams["Eko Prasetyo"] == "Regu 2"
    assert teams["Dedi Kurniawan"] == teams["Heru Purnomo"] == teams["Siti Aminah"] == "regu g"
