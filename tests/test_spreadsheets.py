"""The RT's spreadsheet as it is kept: .csv, .xlsx and .ods, the header under a title row,
headers and values as people write them, every column accounted for, residents off duty kept
off the rota, a spreadsheet's damage put back or refused; and a real .xlsx export that reads
back unchanged."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import Run
from spreadsheets import EXAMPLES, as_typed, example_rows, ods_bytes, xlsx_bytes

from ronda.people.csvfile import read_csv_sheet
from ronda.people.headers import map_columns
from ronda.people.workbook import read_workbook

TITLE = "DAFTAR WARGA RT 05 / RW 02"


def people(run: Run) -> dict[str, dict]:
    listed = run("volunteer", "list", "--all", "--json")
    assert listed.exit_code == 0, listed.output
    return {v["name"]: v for v in json.loads(listed.stdout)}


def fields(reading) -> list[tuple[dict, str | None]]:
    return [(r.fields, r.off_duty) for r in reading.rows]


# -------------------- three shapes, the header found under a title


def test_the_example_reads_alike_from_csv_xlsx_under_a_title_and_ods() -> None:
    rows = example_rows()
    typed = as_typed(rows, number_columns=("No. HP/WA", "No. Rumah"))
    from_csv = read_csv_sheet((EXAMPLES / "warga-rt05.csv").read_text("utf-8"))
    from_xlsx = read_workbook(xlsx_bytes({"Data Warga": typed}, title=TITLE))
    from_ods = read_workbook(ods_bytes({"Warga": typed}))
    assert from_csv.errors == from_xlsx.errors == from_ods.errors == []
    assert len(from_csv.rows) == 36  # the numbered empty rows down to 50 are no people
    assert fields(from_xlsx) == fields(from_csv) == fields(from_ods)
    assert from_xlsx.header_line == 3 and from_xlsx.rows[0].line == 4  # rows as Excel numbers
    first = from_xlsx.rows[1].fields
    assert first == {"name": "Rizky Pratama Hadiwijaya", "phone": "+6281357368193",
                     "household": "A-1", "team": "Regu 2", "leader": False,
                     "days": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                     "note": "anak Pak Bambang"}


def test_a_csv_with_a_title_line_and_a_blank_line_above_its_header() -> None:
    text = (f"{TITLE};;;\n;;;\nNo;Nama;No. HP;Hari Jaga\n1;Budi Santoso;0812-3456-7890;"
            "Sabtu, Minggu\n2;Siti Aminah;;\n")
    reading = read_csv_sheet(text)
    assert reading.errors == [] and reading.header_line == 3
    assert [(r.line, r.fields["name"], r.fields["days"]) for r in reading.rows] == [
        (4, "Budi Santoso", ("sat", "sun")),
        (5, "Siti Aminah", ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))]
    titled = read_csv_sheet("WARGA\n\nNama,No. HP\nBudi Santoso,0812-3456-7890\n")
    assert titled.header_line == 3 and [r.fields["name"] for r in titled.rows] == ["Budi Santoso"]


def test_the_first_visible_sheet_or_the_one_named(run: Run, neighbourhood: Path,
                                                  tmp_path: Path) -> None:
    book = tmp_path / "warga.xlsx"
    book.write_bytes(xlsx_bytes({"Petunjuk": [["Isi nama di sheet Data"]],
                                 "Data Warga": [["Nama", "HP"], ["Budi Santoso", ""]],
                                 "Regu 2": [["Nama"], ["Siti Aminah"], ["Andi Setiawan"]]},
                                hidden=("Petunjuk",)))
    assert run("volunteer", "import", str(book), "--dry-run").exit_code == 0
    first = run("volunteer", "import", str(book))
    assert "Imported 1 volunteer." in first.stderr and list(people(run)) == ["Budi Santoso"]
    named = run("volunteer", "import", str(book), "--sheet", "regu 2")
    assert named.exit_code == 0 and "Imported 2 volunteers." in named.stderr
    before = neighbourhood.read_bytes()
    for lang, said in (("en", "Error: No sheet 'Regu 9' in the workbook; its sheets: Petunjuk, "
                              "Data Warga, Regu 2.\n"),
                       ("id", "Galat: Tidak ada sheet 'Regu 9' di workbook; sheet-nya: "
                              "Petunjuk, Data Warga, Regu 2.\n")):
        missing = run("volunteer", "import", str(book), "--sheet", "Regu 9", lang=lang)
        assert missing.exit_code == 2 and missing.stderr == said
    csv_file = tmp_path / "warga.csv"
    csv_file.write_text("nama\nJoko\n", encoding="utf-8")
    one = run("volunteer", "import", str(csv_file), "--sheet", "Data", lang="id")
    assert one.exit_code == 2 and "hanya punya satu sheet" in one.stderr
    assert neighbourhood.read_bytes() == before


def test_a_damaged_workbook_is_refused_in_one_line(run: Run, neighbourhood: Path,
                                                   tmp_path: Path) -> None:
    book = tmp_path / "rusak.xlsx"
    book.write_bytes(xlsx_bytes({"Warga": [["Nama"], ["Budi"]]})[:900])
    before = neighbourhood.read_bytes()
    result = run("volunteer", "import", str(book), lang="id")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("Galat: Workbook tidak dapat dibaca")
    assert neighbourhood.read_bytes() == before


def test_a_workbook_that_unpacks_past_any_roster_is_refused_unread(
        run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    book = tmp_path / "bom.xlsx"
    good = xlsx_bytes({"Warga": [["Nama"], ["Budi"]]})
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(__import__("io").BytesIO(good)) as source:
            for info in source.infolist():
                archive.writestr(info.filename, source.read(info.filename))
        archive.writestr("xl/padding.xml", b" " * 60_000_000)  # 60 MB in a few kB
    assert book.stat().st_size < 2_000_000
    before = neighbourhood.read_bytes()
    result = run("volunteer", "import", str(book))
    assert result.exit_code == 2
    assert result.stderr == ("Error: The workbook unpacks to more than 50 MB, more than a "
                             "roster can be; nothing was imported.\n")
    assert neighbourhood.read_bytes() == before


def test_a_workbook_past_the_row_limit_is_refused_as_the_rows_are_counted(
        run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    book = tmp_path / "kelurahan.xlsx"
    book.write_bytes(xlsx_bytes({"Warga": [["Nama"]] + [[f"Warga {i}"] for i in range(5001)]}))
    result = run("volunteer", "import", str(book))
    assert result.exit_code == 2 and "More than 5000 rows" in result.stderr


# -------------------- headers as RTs write them


@pytest.mark.parametrize(("header", "role"), [
    ("No. HP/WA", "phone"), ("HP/WA", "phone"), ("No WA", "phone"), ("Nomor Telepon", "phone"),
    ("no_hp", "phone"), ("nomorHp", "phone"), ("Rumah/Blok", "household"),
    ("Blok/No. Rumah", "household"), ("No. Rumah", "household"), ("Alamat Rumah", "address"),
    ("Hari Jaga", "days"), ("Hari Bisa Jaga", "days"), ("Bisa Hari", "days"),
    ("Jabatan", "role"), ("Ketua Regu", "leader"), ("Regu", "team"), ("Keterangan", "note"),
    ("Nama Lengkap", "name"), ("Kepala Keluarga", "name"), ("namaLengkap", "name"),
    ("Status Warga", "status"), ("Status Huni", "status"), ("Ronda?", "duty"),
    ("Wajib Ronda", "duty"), ("No", "row_number"), ("No.", "row_number"), ("#", "row_number"),
    ("Hobi", None), ("NIK", None),
])
def test_headers_are_matched_as_rts_write_them(header: str, role: str | None) -> None:
    columns = map_columns(["Nama" if role != "name" else "x", header], {})
    assert columns[1].role == role


def test_blok_and_no_rumah_make_one_household() -> None:
    reading = read_csv_sheet("No;Nama;Blok;No. Rumah\n1;Budi;A;12\n2;Andi;Blok A;12\n"
                             "3;Siti;B;3\n4;Joko;C;\n")
    assert [r.fields.get("household") for r in reading.rows] == ["A-12", "A-12", "B-3", ""]
    alone = read_csv_sheet("Nama,Blok\nBudi,H12\n")  # a block column holding the house
    assert alone.rows[0].fields["household"] == "H12"
    nomor = read_csv_sheet("Nama,Blok,Nomor\nBudi,F8,5\n")
    assert nomor.rows[0].fields["household"] == "F8-5"


# -------------------- every column accounted for


def test_every_column_is_read_or_named_as_not_used(run: Run, neighbourhood: Path,
                                                   tmp_path: Path) -> None:
    sheet = tmp_path / "warga.csv"
    sheet.write_text("No;Nama;HP/WA;Hobi;;Tanggal Lahir\n1;Budi Santoso;0812-3456-7890;"
                     "Catur;x;01/02/1970\n", encoding="utf-8")
    indonesian = run("volunteer", "import", str(sheet), "--dry-run", lang="id")
    assert indonesian.exit_code == 0, indonesian.output
    assert "Kolom 'Hobi' tidak dipakai.\n" in indonesian.stderr
    assert "Kolom 'Tanggal Lahir' tidak dipakai.\n" in indonesian.stderr
    assert "Kolom ke-5 (tanpa judul) tidak dipakai.\n" in indonesian.stderr
    english = run("volunteer", "import", str(sheet))
    assert english.exit_code == 0
    assert "Column 'Hobi' is not used.\n" in english.stderr
    assert people(run)["Budi Santoso"]["phone"] == "+6281234567890"


def test_a_column_mapped_by_hand(run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "warga.csv"
    sheet.write_text("Nama,No. HP,No. WA,Bisa dihubungi\nBudi Santoso,0812-3456-7890,"
                     "0813-2765-4410,Sabtu\n", encoding="utf-8")
    before = neighbourhood.read_bytes()
    twice = run("volunteer", "import", str(sheet))
    assert twice.exit_code == 2 and '--map "No. WA=-"' in twice.stderr
    bad = run("volunteer", "import", str(sheet), "--map", "Bisa dihubungi=hobi", lang="id")
    assert bad.exit_code == 2 and bad.stderr.startswith(
        "Galat: --map: 'hobi' tidak dibaca ronda; pakai salah satu dari nama, hp,")
    unknown = run("volunteer", "import", str(sheet), "--map", "No. Telepon=phone")
    assert unknown.exit_code == 2 and unknown.stderr == (
        "Error: --map: the sheet has no column 'no telepon'; its columns: Nama, No. HP, "
        "No. WA, Bisa dihubungi.\n")
    assert neighbourhood.read_bytes() == before
    done = run("volunteer", "import", str(sheet), "--map", "No. HP=-", "--map",
               "Bisa dihubungi=hari")
    assert done.exit_code == 0, done.output
    assert "Column 'No. HP' is not used." in done.stderr
    budi = people(run)["Budi Santoso"]
    assert budi["phone"] == "+6281327654410" and budi["days"] == ["sat"]


def test_the_dry_run_shows_the_mapping_the_first_rows_and_the_rules(
        run: Run, neighbourhood: Path) -> None:
    before = neighbourhood.read_bytes()
    result = run("volunteer", "import", str(EXAMPLES / "warga-rt05.csv"), "--dry-run",
                 lang="id", env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    out = result.stderr + result.stdout
    for shown in ("Kolom-kolom sheet (judul kolom di baris 1)", "No. HP/WA", "Blok (dengan nomor "
                  "rumah)", "Nomor urut (dilewati)", "Kolom 'Hobi' tidak dipakai.",
                  "5 dari 33 baris pertama seperti yang akan disimpan",
                  "Rizky Pratama Hadiwijaya", "0813-5736-8193",
                  "Rumah A-1: Bambang Sutrisno Hadiwijaya, Rizky Pratama Hadiwijaya (tidak "
                  "pernah jaga di malam yang sama).",
                  "Rumah B-2: Wahyu Aji Saputro, Nur Rochman Hakim",
                  "Rahmat Hidayat Siregar: hanya Sab Min.", "Sigit Purwanto Adi: hanya Sab.",
                  "Aturan dari daftar: 3 rumah berisi dua orang atau lebih (tidak pernah jaga "
                  "di malam yang sama), 6 orang hanya pada hari tertentu.",
                  "✓ 33 petugas akan diimpor; belum ada yang disimpan (--dry-run)."):
        assert shown in out, shown
    assert out.index("Rumah A-1") < out.index("Rumah B-2") < out.index("Rumah B-11")
    assert neighbourhood.read_bytes() == before


def test_a_column_none_of_whose_values_read_stops_the_import_naming_its_rows(
        run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "warga.csv"
    lines = ["Nama;Hari Jaga;No. HP"] + [f"Warga {i};kadang-kadang;" for i in range(1, 6)]
    lines.insert(3, "Warga Baru;;12")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = neighbourhood.read_bytes()
    result = run("volunteer", "import", str(sheet), lang="id")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Galat: kolom 'Hari Jaga': tidak satu pun dari 5 isinya terbaca (baris 2, 3, 5–7), "
        "mis. 'kadang-kadang': 'kadang' bukan nama hari (pakai sen..min, mis. 'sen,rab,jum' atau "
        "'sen-jum'). Perbaiki kolom itu, atau lewati dengan --map \"Hari Jaga=-\".",
        "Galat: baris 4, kolom 'No. HP': '12' bukan nomor telepon yang mungkin (contoh "
        "0812-3456-7890 atau +62 812 3456 7890).",
        f"Galat: 6 baris bermasalah di {sheet}; tidak ada yang diimpor."]
    assert neighbourhood.read_bytes() == before


# -------------------- who stands guard


def test_residents_who_moved_died_or_are_exempt_never_reach_the_rota(
        run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "warga.xlsx"
    sheet.write_bytes(xlsx_bytes({"Warga": [
        ["No", "Nama", "Status Warga", "Ronda?"],
        [1, "Budi Santoso", "Aktif", "Ya"], [2, "Sutrisno", "Pindah", "Ya"],
        [3, "Alm. Darmawan", "Aktif", ""], [4, "Heru Purnomo", "Meninggal", ""],
        [5, "Slamet Riyadi", "Tetap", "Tidak"], [6, "Andi Setiawan", "Kontrak", "✓"],
        [7, "Joko Susilo", "Dihuni", "x"],
        *[[n] for n in range(8, 101)]]}, title=TITLE))  # a template numbered to 100
    english = run("volunteer", "import", str(sheet), "--dry-run")
    assert "line 5: Sutrisno, moved away: not put on the rota." in english.stderr
    assert "line 8: Slamet Riyadi, exempt from ronda: not put on the rota." in english.stderr
    result = run("volunteer", "import", str(sheet), lang="id")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:4] == [
        "baris 5: Sutrisno sudah pindah: tidak dimasukkan ke jadwal.",
        "baris 6: Darmawan sudah meninggal: tidak dimasukkan ke jadwal.",
        "baris 7: Heru Purnomo sudah meninggal: tidak dimasukkan ke jadwal.",
        "baris 8: Slamet Riyadi tidak wajib ronda: tidak dimasukkan ke jadwal."]
    assert "✓ 3 petugas diimpor." in result.stderr
    assert sorted(people(run)) == ["Andi Setiawan", "Budi Santoso", "Joko Susilo"]


def test_an_updated_sheet_takes_who_moved_off_the_rota(run: Run, roster: Path,
                                                       tmp_path: Path) -> None:
    sheet = tmp_path / "warga.csv"
    sheet.write_text("Nama;Status\nBudi Hartono;Pindah\nSiti Aminah;Aktif\nOrang Lama;Pindah\n",
                     encoding="utf-8")
    result = run("volunteer", "import", str(sheet), "--update", lang="id")
    assert result.exit_code == 0, result.output
    assert "baris 4: Orang Lama sudah pindah: tidak dimasukkan ke jadwal." in result.stderr
    assert "1 petugas diperbarui, 0 ditambahkan, 1 tetap." in result.stderr
    everyone = people(run)
    assert everyone["Budi Hartono"]["active"] is False
    assert everyone["Siti Aminah"]["active"] is True and "Orang Lama" not in everyone


def test_an_unknown_status_is_refused_with_its_row(run: Run, neighbourhood: Path,
                                                   tmp_path: Path) -> None:
    sheet = tmp_path / "warga.csv"
    sheet.write_text("Nama;Status\nBudi;Aktif\nSiti;Mudik\n", encoding="utf-8")
    result = run("volunteer", "import", str(sheet))
    assert result.exit_code == 2
    assert "line 3, column 'Status': 'Mudik' is no status ronda knows" in result.stderr


# -------------------- values as people write them, and a spreadsheet's damage


@pytest.mark.parametrize(("typed", "days"), [
    ("Sabtu, Minggu", ["sat", "sun"]), ("Sab-Min", ["sat", "sun"]),
    ("Sabtu & Minggu", ["sat", "sun"]), ("weekend", ["sat", "sun"]),
    ("malam Minggu", ["sat"]), ("Hari Minggu", ["sun"]),
    ("setiap hari", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
])
def test_days_as_people_write_them(run: Run, neighbourhood: Path, tmp_path: Path,
                                   typed: str, days: list[str]) -> None:
    sheet = tmp_path / "warga.csv"
    sheet.write_text(f'Nama,Hari Bisa Jaga\nBudi Santoso,"{typed}"\n', encoding="utf-8")
    assert run("volunteer", "import", str(sheet)).exit_code == 0
    assert people(run)["Budi Santoso"]["days"] == days


def test_yes_and_no_as_people_write_them() -> None:
    reading = read_csv_sheet("Nama;Ketua Regu;Jabatan\nA;ya;\nB;tidak;\nC;✓;\nD;x;\nE;;"
                             "Ketua Regu\nF;;Anggota\nG;;Wakil Ketua\nH;;Koordinator\n")
    assert reading.errors == []
    assert [r.fields["leader"] for r in reading.rows] == [True, False, True, True, True, False,
                                                          False, True]


def test_phones_and_house_numbers_a_spreadsheet_changed_are_put_back_or_refused(
        run: Run, neighbourhood: Path, tmp_path: Path) -> None:
    book = tmp_path / "warga.xlsx"
    book.write_bytes(xlsx_bytes({"Warga": [
        ["Nama", "No. HP", "Rumah"],
        ["Budi Santoso", 81234567890, date(2026, 7, 12)],  # typed 0812…, and 12/7
        ["Siti Aminah", "81327654410", "A-3"]]}))
    result = run("volunteer", "import", str(book), lang="id")
    assert result.exit_code == 0, result.output
    assert ("Peringatan: baris 2, kolom 'Rumah': '12/07/2026' dibaca sebagai 12/7 (spreadsheet "
            "mengubah nomor rumah menjadi tanggal); periksa.") in result.stderr
    everyone = people(run)
    assert everyone["Budi Santoso"]["phone"] == "+6281234567890"
    assert everyone["Budi Santoso"]["household"] == "12/7"
    assert everyone["Siti Aminah"]["phone"] == "+6281327654410"
    sheet = tmp_path / "rusak.csv"
    sheet.write_text("Nama;No. HP;No. Rumah\nJoko Susilo;8,12346E+10;3\n"
                     "Andi Setiawan;8.1234567890E+10;12-Jul\n", encoding="utf-8")
    before = neighbourhood.read_bytes()
    refused = run("volunteer", "import", str(sheet))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        "Error: line 2, column 'No. HP': '8,12346E+10' is a phone the spreadsheet turned into "
        "a number and cut short: format the column as Text and type the number again.",
        f"Error: 1 bad row in {sheet}; nothing was imported."]
    assert neighbourhood.read_bytes() == before
    sheet.write_text("Nama;No. HP;No. Rumah\nAndi Setiawan;8.1234567890E+10;12-Jul\n",
                     encoding="utf-8")
    kept = run("volunteer", "import", str(sheet))
    assert kept.exit_code == 0 and "'12-Jul' read as 12/7" in kept.stderr
    assert people(run)["Andi Setiawan"]["phone"] == "+6281234567890"


# -------------------- export --excel: a real workbook


def test_export_excel_writes_a_workbook_that_reads_back_unchanged(run: Run, neighbourhood: Path,
                                                                 tmp_path: Path) -> None:
    assert run("volunteer", "import", str(EXAMPLES / "warga-rt05.csv")).exit_code == 0
    run("volunteer", "edit", "Eko Budi", "--household", "12/7")
    for lang in ("id", "en"):
        book = tmp_path / f"warga-{lang}.xlsx"
        result = run("volunteer", "export", str(book), "--excel", "--with-phones", lang=lang)
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(book) as archive:
            page = archive.read("xl/worksheets/sheet1.xml").decode()
            styles = archive.read("xl/styles.xml").decode()
        assert 'state="frozen"' in page and "<b/>" in styles and "<col " in page
        assert "<v>" not in page.split("</row>", 1)[1].replace('t="s"><v>', "")  # all text
        reading = read_workbook(book.read_bytes())
        assert reading.errors == [] and len(reading.rows) == 33
        eko = next(r.fields for r in reading.rows if r.fields["name"] == "Eko Budi Prasetyo")
        assert eko["household"] == "12/7" and eko["phone"].startswith("+628")
        back = run("volunteer", "import", str(book), "--update", "--dry-run", lang=lang)
        assert back.exit_code == 0, back.output
        assert ("0 volunteers would be updated, 0 added, 33 unchanged" in back.stderr or
                "0 petugas akan diperbarui, 0 ditambahkan, 33 tetap" in back.stderr)
    header = read_workbook((tmp_path / "warga-id.xlsx").read_bytes()).columns
    assert [c.title for c in header][:4] == ["id", "nama", "no_hp", "alamat"]
    csv_flavour = tmp_path / "warga.csv"
    assert run("volunteer", "export", str(csv_flavour), "--excel", lang="id").exit_code == 0
    assert csv_flavour.read_bytes().startswith("\ufeffid;nama;".encode())
