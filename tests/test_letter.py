"""The letter that hands incidents over to the Polsek (``incident export --format pdf``), read
back from the PDF as the Polsek reads it: the kop, nomor (numbered per year, kept on a
reprint), lampiran, perihal, the addressee, one incident a page with the patrol on duty, the
police numbers and the reporter kept confidential, the signatures, the contact and "Halaman
i dari n" on every page; in both languages. The kas report and the incident board carry the
same kop and signatures."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood
from conftest import INIT, Run, book_files, incident_book
from pypdf import PdfReader

MM = 72 / 25.4
WEDNESDAY = {"RONDA_TODAY": "2026-11-25", "RONDA_NOW": "2026-11-25T09:00:00+07:00"}
KOP_ID = ("RUKUN TETANGGA 005 / RUKUN WARGA 002", "KELURAHAN TEMBALANG KECAMATAN TEMBALANG",
          "KOTA SEMARANG", "Sekretariat: Jl. Mulawarman Raya No. 9, Tembalang, Semarang 50275")
SIGNATURES_ID = ("Mengetahui, Ketua RW 002", "( H. Mulyono )", "Ketua RT 005", "( Suparman )")


@pytest.fixture
def demo(db: Path) -> Path:
    """What ``ronda demo`` stores on Tuesday 24/11/2026: two incidents, the theft (#1)
    forwarded to Polsek Tembalang with its LP and a confidential reporter, and the letter
    about both, number 001 of 2026, in the register."""
    example_neighbourhood(db, date(2026, 11, 24))
    return db


def pages(pdf: Path) -> list[str]:
    """Each page's text as a reader sees it, its white space made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def letter(run: Run, tmp_path: Path, *args: str, lang: str | None = "id",
           env: dict[str, str] | None = None) -> tuple[list[str], str]:
    """``incident export --format pdf`` with ``args``: the pages and what ronda said."""
    target = tmp_path / "surat.pdf"
    target.unlink(missing_ok=True)
    made = run("incident", "export", "--format", "pdf", "-o", str(target), *args, lang=lang,
               env=env or WEDNESDAY)
    assert made.exit_code == 0, made.output
    return pages(target), made.stderr


def patrol(run: Run, number: int) -> tuple[str, str, list[str]]:
    """The evening, the leader's name and the others' names of the patrol on duty when
    incident ``number`` happened, as the schedule and the book hold them."""
    found = json.loads(run("incident", "show", str(number), "--json", env=WEDNESDAY).stdout)
    evening = found["shift"]["date"]
    week = json.loads(run("schedule", "--json", "--week", evening, env=WEDNESDAY).stdout)
    shift = next(s for s in week if s["date"] == evening and s["slot"] == found["shift"]["slot"])
    names = {v["id"]: v["name"] for v in shift["volunteers"]}
    leader = names[shift["leader"]]
    return evening, leader, [names[p] for p in found["on_duty"] if names[p] != leader]


def test_the_letter_has_every_part_of_a_surat_pengantar(run: Run, demo: Path,
                                                        tmp_path: Path) -> None:
    assert run("incident", "update", "1", "--sttlp", "STTLP/512/XI/2026",
               env=WEDNESDAY).exit_code == 0
    shown, said = letter(run, tmp_path)
    first = shown[0]
    assert first.startswith("Untuk kepolisian.")  # the footer, then the page from its top
    for part in (*KOP_ID, "Nomor : 001/RT.005/XI/2026", "Lampiran : 2 (dua) laporan kejadian",
                 "Perihal : Penyampaian Laporan Kejadian",
                 "Kepada Yth. Kapolsek Tembalang di tempat", "Dengan hormat,",
                 "Bersama ini kami sampaikan 2 (dua) kejadian",
                 "Identitas pelapor dan saksi kami rahasiakan: disimpan oleh Ketua RT dan hanya "
                 "diberikan atas permintaan resmi dari kepolisian.",
                 "Semarang, 24 November 2026", *SIGNATURES_ID,
                 "Narahubung: Bambang Sutejo (Koordinator Keamanan), 0812-2870-4411"):
        assert part in first, part
    # the kop in its order, and the letter's parts in theirs
    order = [first.index(part) for part in (*KOP_ID, "Nomor", "Lampiran", "Perihal",
                                            "Kepada Yth.", "Dengan hormat,", "Mengetahui,",
                                            "Narahubung")]
    assert order == sorted(order)
    assert "surat nomor 001/RT.005/XI/2026 tanggal 24 November 2026" in said

    assert len(shown) == 3  # the letter, then one incident a page
    for k, page in enumerate(shown, 1):
        assert page.endswith(f"Halaman {k} dari 3"), page[-40:]
    theft, seen = shown[2], shown[1]  # in the order they happened: #2 on 21/11, #1 on 23/11
    for page, number in ((seen, 2), (theft, 1)):
        assert "Lampiran surat RT 005 / RW 002 Nomor : 001/RT.005/XI/2026 Tanggal : 24 November " \
               "2026" in page
        evening, leader, members = patrol(run, number)
        assert evening in ("2026-11-21", "2026-11-22")
        night = {"2026-11-21": "Sabtu malam 21/11/2026 (malam Minggu)",
                 "2026-11-22": "Minggu malam 22/11/2026 (malam Senin)"}[evening]
        assert f"Regu bertugas {night} · 22.00–04.00 WIB Ketua regu {leader} Anggota regu " \
               f"{', '.join(members)}" in page
        for label in ("Kantor polisi", "LP", "STTLP", "SP2HP"):
            assert f" {label} " in page, label
    assert "Kejadian 2 dari 2: #1 Pencurian kendaraan bermotor (curanmor)" in theft
    assert "Kantor polisi Polsek Tembalang LP LP/B/512/XI/2026 STTLP STTLP/512/XI/2026 " \
           "SP2HP A1 (sedang dipelajari)" in theft
    assert "Pelapor dirahasiakan: disimpan oleh Ketua RT, diberikan hanya atas permintaan " \
           "kepolisian" in theft
    assert "Kantor polisi – LP – STTLP – SP2HP – Pelapor tidak dicatat" in seen
    reporters = [r["name"] for r in incident_book(demo)["reporters"].values()]
    assert reporters == ["Rahmat"]
    assert not any("Rahmat" in page for page in shown)


def test_who_joined_the_patrol_stands_under_its_members(run: Run, demo: Path,
                                                        tmp_path: Path) -> None:
    evening, _, _ = patrol(run, 1)
    assert run("schedule", "guest", evening, "Serda Bambang Irawan", "--role", "babinsa",
               env=WEDNESDAY).exit_code == 0
    shown, _ = letter(run, tmp_path)
    theft = next(page for page in shown if "#1 Pencurian" in page)
    assert "Ikut berpatroli Serda Bambang Irawan (Babinsa)" in theft
    other = next(page for page in shown if "#2 " in page)
    assert ("Ikut berpatroli" in other) == (patrol(run, 2)[0] == evening)


def test_the_reporter_is_named_only_when_asked_for(run: Run, demo: Path,
                                                   tmp_path: Path) -> None:
    shown, said = letter(run, tmp_path, "--with-reporters")
    assert "Pelapor Rahmat" in shown[2]
    assert "Atas permintaan kepolisian, pelapor dan saksi disebutkan dalam lampiran" in shown[0]
    assert "nama pelapor rahasia" in said  # the warning
    assert "Nomor : 001/RT.005/XI/2026" in shown[0]  # the same letter, another copy


def test_the_letter_in_english(run: Run, demo: Path, tmp_path: Path) -> None:
    shown, said = letter(run, tmp_path, lang="en")
    first = shown[0]
    for part in ("NEIGHBOURHOOD ASSOCIATION RT 005 / RW 002",
                 "KELURAHAN TEMBALANG KECAMATAN TEMBALANG", "KOTA SEMARANG",
                 "Secretariat: Jl. Mulawarman Raya No. 9", "Number : 001/RT.005/XI/2026",
                 "Enclosures : 2 (two) incident reports", "Subject : Report of Incidents",
                 "To Kapolsek Tembalang at the station", "Dear Sir or Madam,",
                 "The identities of reporters and witnesses are kept confidential",
                 "Acknowledged, Head of RW 002", "( H. Mulyono )", "Semarang, 24 November 2026",
                 "Head of RT 005", "( Suparman )",
                 "Contact: Bambang Sutejo (security coordinator), 0812-2870-4411"):
        assert part in first, part
    assert [page[-11:] for page in shown] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    _, leader, _ = patrol(run, 1)
    assert f"Patrol on duty Sun night 22/11/2026 · 22:00–04:00 WIB Team leader {leader}" \
        in shown[2]
    assert "LP LP/B/512/XI/2026 STTLP – SP2HP A1 (under review)" in shown[2]
    assert "Reporter confidential: held by the head of the RT" in shown[2]
    assert not any("Rahmat" in page for page in shown)
    assert "The same incidents as letter number 001/RT.005/XI/2026 of 24 November 2026" in said


@pytest.mark.parametrize(("lang", "words"), [("id", ("Nomor : 001/RT.005/XI/2026",
                                                     "Kepada Yth. Kapolsek Tembalang",
                                                     "Halaman 1 dari 2")),
                                             ("en", ("Number : 001/RT.005/XI/2026",
                                                     "To Kapolsek Tembalang", "Page 1 of 2"))])
def test_the_letter_in_the_language_saved_by_init(run: Run, db: Path, tmp_path: Path, lang: str,
                                                  words: tuple[str, ...]) -> None:
    made = run(*[w if w != "id" else lang for w in INIT], lang=None)
    assert made.exit_code == 0, made.output
    logged = run("incident", "log", "--at", "24/11/2026 23.00", "--category", "theft",
                 "--location", "Gang Mawar 3", "--description", "Helm hilang dari motor",
                 lang=None, env=WEDNESDAY)
    assert logged.exit_code == 0, logged.output
    shown, _ = letter(run, tmp_path, lang=None)
    assert all(word in shown[0] for word in words), shown[0]
    assert len(shown) == 2


def test_letters_are_numbered_per_year_and_a_reprint_keeps_number_and_date(
        run: Run, demo: Path, tmp_path: Path) -> None:
    """The demo's letter about #1 and #2 is 001 of 2026; a letter about other incidents takes
    the next number; the same incidents again (even a month later, in the other language)
    give the same letter; a new year starts again at 001, with its month in Roman
    numerals."""
    shown, said = letter(run, tmp_path, "--incident", "1")
    assert "Nomor : 002/RT.005/XI/2026" in shown[0] and "Lampiran : 1 (satu) laporan" in shown[0]
    assert "Semarang, 25 November 2026" in shown[0] and "dicatat di buku agenda" in said
    shown, _ = letter(run, tmp_path, "--incident", "2")
    assert "Nomor : 003/RT.005/XI/2026" in shown[0]
    december = {"RONDA_TODAY": "2026-12-06", "RONDA_NOW": "2026-12-06T09:00:00+07:00"}
    shown, said = letter(run, tmp_path, "--incident", "#1", lang="en", env=december)
    assert "Number : 002/RT.005/XI/2026" in shown[0] and "Semarang, 25 November 2026" in shown[0]
    assert "printed again with its number and date" in said
    shown, _ = letter(run, tmp_path, "--month", "November 2026", env=december)
    assert "Nomor : 001/RT.005/XI/2026" in shown[0]  # both incidents: the demo's letter

    january = {"RONDA_TODAY": "2027-01-04", "RONDA_NOW": "2027-01-04T09:00:00+07:00"}
    for at, description in (("02/01/2027 23.30", "Lampu jalan gang 3 mati"),
                            ("03/01/2027 22.45", "Pagar musala dicoret-coret")):
        assert run("incident", "log", "--at", at, "--category", "infrastructure",
                   "--location", "Gang 3", "--description", description,
                   env=january).exit_code == 0
    shown, _ = letter(run, tmp_path, "--incident", "3", env=january)
    assert "Nomor : 001/RT.005/I/2027" in shown[0] and "Semarang, 4 Januari 2027" in shown[0]
    shown, _ = letter(run, tmp_path, "--since", "1/1/2027", env=january)
    assert "Nomor : 002/RT.005/I/2027" in shown[0] and len(shown) == 3
    register = json.loads(demo.read_text("utf-8"))["letters"]
    assert sorted((r["issued"], r["number"], r["about"]) for r in register.values()) == [
        ("2026-11-24", 1, [1, 2]), ("2026-11-25", 2, [1]), ("2026-11-25", 3, [2]),
        ("2027-01-04", 1, [3]), ("2027-01-04", 2, [3, 4])]


def test_bad_input_takes_no_number_and_changes_nothing(run: Run, demo: Path,
                                                       tmp_path: Path) -> None:
    assert run("incident", "void", "2", "--reason", "tercatat dua kali",
               env=WEDNESDAY).exit_code == 0
    files = [demo, *book_files(demo)]
    before = [f.read_bytes() for f in files]
    target = tmp_path / "surat.pdf"
    for args, said in (
            (("--incident", "99"), "Tidak ada kejadian #99."),
            (("--incident", "satu"), "satu"),
            (("--incident", "2"), "Kejadian #2 sudah dibatalkan"),
            (("--month", "13/2026"), "'13/2026' bukan bulan"),
            (("--month", "November 2026", "--since", "1/11/2026"), "--month atau --since"),
            (("--incident", "1", "--month", "November 2026"), "--incident atau periode"),
            (("--incident", "1", "-o", str(tmp_path / "no" / "such" / "folder.pdf")),
             "Tidak dapat menulis")):
        made = run("incident", "export", "--format", "pdf", "-o", str(target), *args,
                   lang="id", env=WEDNESDAY)
        assert made.exit_code == 2, (args, made.output)
        assert said in made.stderr and len(made.stderr.strip().splitlines()) == 1, made.stderr
        assert "Traceback" not in made.output
        assert [f.read_bytes() for f in files] == before, args
    assert not target.exists()


def test_the_addressee_and_the_secretariat_are_settings(run: Run, demo: Path,
                                                        tmp_path: Path) -> None:
    for key, value in (("police-station", "Polsek Banyumanik"),
                       ("address", "Rumah Ketua RT, Jl. Mawar 5")):
        assert run("config", "set", key, value, lang="id").exit_code == 0
    listed = run("config", "show", lang="id").stdout
    assert "police-station" in listed and "Polsek Banyumanik" in listed
    shown, _ = letter(run, tmp_path)
    assert "Kepada Yth. Kapolsek Banyumanik di tempat" in shown[0]
    assert "Sekretariat: Rumah Ketua RT, Jl. Mawar 5" in shown[0]
    assert run("config", "set", "police-station", "-").exit_code == 0
    shown, _ = letter(run, tmp_path)
    assert "Kapolsek Tembalang" in shown[0]  # the station the incidents went to


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext on this machine")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_contact_line_is_not_stretched_across_the_page(run: Run, demo: Path,
                                                               tmp_path: Path,
                                                               lang: str) -> None:
    """The letter's prose is justified; the contact under the signatures is not prose: with
    a long coordinator's name its phone goes to the next line, and the words before it keep
    their normal spaces instead of being spread over the page's width."""
    import re
    import subprocess

    name = "Raden Mas Bagus Wicaksono Hadiningrat"
    assert run("config", "set", "coordinator.name", name).exit_code == 0
    letter(run, tmp_path, lang=lang)
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1",
                            str(tmp_path / "surat.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout
    words = [(float(x0), float(x1), float(y), w) for x0, y, x1, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        boxes)]
    first = next(k for k, w in enumerate(words) if w[3] in ("Narahubung:", "Contact:"))
    line = [w for w in words[first:] if abs(w[2] - words[first][2]) < 1]
    assert " ".join(w[3] for w in line).startswith(f"{words[first][3]} {name}")
    gaps = [b[0] - a[1] for a, b in zip(line, line[1:], strict=False)]
    assert max(gaps) < 2 * MM, [round(g / MM, 1) for g in gaps]  # a space is about 1 mm


def test_the_kas_report_and_the_board_have_the_same_kop_and_signatures(
        run: Run, demo: Path, tmp_path: Path) -> None:
    assert run("kas", "add", "45rb", "--kind", "jimpitan", env=WEDNESDAY).exit_code == 0
    for args in (("kas", "report", "--format", "pdf"), ("incident", "board", "--format", "pdf")):
        target = tmp_path / f"{args[0]}.pdf"
        made = run(*args, "-o", str(target), lang="id", env=WEDNESDAY)
        assert made.exit_code == 0, made.output
        (page,) = pages(target)
        for part in (*KOP_ID, "Semarang, 25 November 2026", *SIGNATURES_ID):
            assert part in page, (args, part)
        assert page.endswith("Halaman 1 dari 1")
        assert page.index(KOP_ID[0]) < page.index("Mengetahui,")
    english = tmp_path / "kas-en.pdf"
    assert run("kas", "report", "--format", "pdf", "-o", str(english), lang="en",
               env=WEDNESDAY).exit_code == 0
    (page,) = pages(english)
    assert "NEIGHBOURHOOD ASSOCIATION RT 005 / RW 002" in page and "Page 1 of 1" in page
    assert "Acknowledged, Head of RW 002" in page


def test_the_demo_writes_the_letter_in_its_language(run: Run, db: Path) -> None:
    for lang, subject in (("en", "Subject : Report of Incidents"),
                          ("id", "Perihal : Penyampaian Laporan Kejadian")):
        db.unlink(missing_ok=True)
        for year in book_files(db):
            year.unlink()
        made = run("demo", lang=lang, env={"RONDA_TODAY": "2026-11-24"})
        assert made.exit_code == 0, made.output
        written = db.parent / "surat-polsek-2026-001.pdf"
        assert str(written) in made.stderr
        shown = pages(written)
        assert subject in shown[0] and "001/RT.005/XI/2026" in shown[0] and len(shown) == 3
        written.unlink()


def test_a_letter_number_and_its_words() -> None:
    from ronda.neighbourhood.letters import Letter, in_words, issue_letter, letter_number

    issued = [Letter(k, "polsek", k, date(2026, m, 1), (k,)) for k, m in ((1, 1), (2, 12))]
    assert [letter_number(x, "005") for x in issued] == ["001/RT.005/I/2026",
                                                         "002/RT.005/XII/2026"]
    assert letter_number(issued[0], "") == "001/RT/I/2026"
    assert [letter_number(Letter(1, "polsek", 7, date(2026, m, 5), ()), "005").split("/")[2]
            for m in range(1, 13)] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
                                       "X", "XI", "XII"]
    again, new = issue_letter(issued, "polsek", [2, 2], date(2027, 3, 1))
    assert (again, new) == (issued[1], False)
    fresh, new = issue_letter(issued, "polsek", [1, 2], date(2027, 3, 1))
    assert new and (fresh.number, fresh.issued, fresh.about) == (1, date(2027, 3, 1), (1, 2))
    assert issue_letter(issued, "polsek", [3], date(2026, 12, 9))[0].number == 3
    assert [in_words(n, "id") for n in (1, 11, 12, 20, 100, 115, 250)] == [
        "satu", "sebelas", "dua belas", "dua puluh", "seratus", "seratus lima belas",
        "dua ratus lima puluh"]
    assert [in_words(n, "en") for n in (1, 12, 21, 115)] == [
        "one", "twelve", "twenty-one", "one hundred and fifteen"]


def test_the_kop_and_the_addressee_from_the_settings() -> None:
    from ronda.neighbourhood.places import area_in_full
    from ronda.printing.letter import police_head

    assert area_in_full("Kel. Tembalang, Kec. Tembalang, Kota Semarang") == (
        "Kelurahan Tembalang Kecamatan Tembalang", "Kota Semarang")
    assert area_in_full("Desa Sukamaju, Kec. Ngaglik, Kab. Sleman") == (
        "Desa Sukamaju Kecamatan Ngaglik", "Kabupaten Sleman")
    assert area_in_full("Tembalang", "Semarang") == ("Tembalang", "Semarang")
    assert [police_head(s) for s in ("Polsek Tembalang", "polrestabes Semarang",
                                     "Pos Polisi Undip")] == [
        "Kapolsek Tembalang", "Kapolrestabes Semarang", "Kepala Pos Polisi Undip"]


def test_every_export_chooses_by_incident_or_month(run: Run, demo: Path) -> None:
    chosen = json.loads(run("incident", "export", "--format", "json", "--incident", "2",
                            env=WEDNESDAY).stdout)
    assert [i["id"] for i in chosen] == [2]
    november = run("incident", "export", "--format", "csv", "--month", "11/2026", env=WEDNESDAY)
    assert [line.split(",")[0] for line in november.stdout.splitlines()[1:]] == ["2", "1"]
    october = run("incident", "export", "--format", "csv", "--month", "10/2026", env=WEDNESDAY)
    assert october.stdout.splitlines()[1:] == []
