"""Roster CSV files from spreadsheets: read all-or-nothing, written safely."""

from ronda.model import Volunteer
from ronda.people.csvfile import duplicate_names, read_roster_csv, write_roster_csv


def test_a_semicolon_file_with_bom_and_indonesian_headers() -> None:
    text = ("\ufeffnama;no_hp;alamat;rumah;regu;ketua;hari\n"
            "Budi Santoso;0812-3456-7890;Jl. Mawar 1;A-01;Regu 1;ya;sen,rab\n"
            "Siti Aminah;;Jl. Mawar 2;A-02;Regu 1;;\n")
    rows, errors = read_roster_csv(text)
    assert errors == []
    assert [r.line for r in rows] == [2, 3]
    assert rows[0].fields == {"name": "Budi Santoso", "phone": "+6281234567890",
                              "address": "Jl. Mawar 1", "household": "A-01", "team": "Regu 1",
                              "leader": True, "days": ("mon", "wed")}
    assert rows[1].fields["leader"] is False


def test_a_comma_file_with_english_headers() -> None:
    rows, errors = read_roster_csv("Name,Phone,Team,Leader\nAndi,+62 813 2765 4410,Regu 2,yes\n")
    assert errors == []
    assert rows[0].fields["phone"] == "+6281327654410"


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = ("nama,hp,hari\n"
            "Budi,0812-3456-7890,sen\n"
            ",0812-3456-7891,\n"
            "Siti,12345,\n"
            "Andi,,funday\n")
    rows, errors = read_roster_csv(text)
    assert [(e.line, e.key) for e in errors] == [(3, "err.empty"), (4, "err.bad_phone"),
                                                 (5, "err.bad_day")]


def test_a_file_without_a_name_column_is_refused() -> None:
    rows, errors = read_roster_csv("telepon,alamat\n0812-3456-7890,x\n")
    assert rows == [] and errors[0].key == "err.csv_no_name_column"


def test_duplicates_against_the_roster_and_within_the_file() -> None:
    rows, _ = read_roster_csv("nama\nBudi Santoso\nSiti\nsiti\n")
    errors = duplicate_names(rows, [Volunteer(1, "Budi Santoso")])
    assert [(e.line, e.key) for e in errors] == [(2, "err.csv_on_roster"), (4, "err.csv_twice")]


def test_cells_a_spreadsheet_would_run_are_neutralised_and_read_back() -> None:
    people = [Volunteer(1, "=HYPERLINK(\"http://x\")", note="+1 dari RT", team="@regu"),
              Volunteer(2, "Budi", phone="+6281234567890")]
    text = write_roster_csv(people)
    assert "'=HYPERLINK" in text and "'+1 dari RT" in text and "'@regu" in text
    assert "0812-3456-7890" in text
    rows, errors = read_roster_csv(text)
    assert errors == []
    assert rows[0].fields["name"] == "=HYPERLINK(\"http://x\")"
    assert rows[0].fields["note"] == "+1 dari RT"
    assert rows[1].fields["phone"] == "+6281234567890"


def test_phones_stay_out_of_an_export_unless_asked() -> None:
    text = write_roster_csv([Volunteer(2, "Budi", phone="+6281234567890")], with_phones=False)
    assert "0812" not in text
