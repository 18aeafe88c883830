"""The language saved once (``ronda init --lang id``) speaks every word: Click's and ronda's,
errors of every layer, prompts, table headers, ``db`` and ``info``, with no ``--lang`` and no
``RONDA_LANG``. The neighbourhood of the fixtures saved ``id``; ``run(..., lang=None)`` gives
no ``--lang``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, digest
from english import english_words

ERRORS = [
    (("volunteer", "add", "Siti", "--phone", "12"), "Galat: '12' bukan nomor telepon"),
    (("volunteer", "import", "/nope.csv"),
     "Galat: Tidak dapat membaca /nope.csv: berkas atau folder itu tidak ada."),
    (("roster", "--format", "docx"),
     "Galat: --format: 'docx' bukan salah satu dari terminal, teks, md, html, pdf, gambar, "
     "whatsapp, teams."),
    (("init", "--name", "X", "--timezone", "Asia/Jakarta"), "sudah ada; tambahkan --force"),
    (("volunteer", "add", ""), "Galat: NAMA tidak boleh kosong."),
    (("volunteer", "add"), "Galat: NAMA belum diisi."),
    (("kas", "add", "-5", "--kind", "jimpitan"), "Galat: RUPIAH tidak boleh negatif: -5"),
    (("incident", "show", "x"), "Galat: ID: 'x' bukan bilangan bulat."),
    (("volunteer", "list", "--json=1"), "Galat: Opsi --json tidak menerima nilai."),
    (("volunteer", "add", "Budi", "--phone"), "Galat: Opsi --phone perlu nilai."),
]


@pytest.mark.parametrize(("args", "said"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_an_error_speaks_the_saved_language(run: Run, roster: Path, args: tuple[str, ...],
                                            said: str) -> None:
    before = digest(roster)
    result = run(*args, lang=None)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert not english_words(result.stderr), result.stderr
    assert digest(roster) == before


def test_the_choices_of_a_format_are_words_of_the_language(run: Run, roster: Path) -> None:
    board = run("incident", "board", "--format", "xx", lang=None)
    assert "bukan salah satu dari teks, pdf." in board.stderr
    sheet = run("roster", "--format", "teks", "--week", "2026-11-23", lang=None)
    assert sheet.exit_code == 0 and "JADWAL RONDA MALAM" in sheet.stdout


def test_a_spreadsheet_that_cannot_be_read_is_said_in_the_saved_language(
        run: Run, roster: Path, tmp_path: Path) -> None:
    cp1252 = tmp_path / "warga.csv"
    cp1252.write_bytes("nama;hp\nJos\xe9;0812\n".encode("cp1252"))
    said = run("volunteer", "import", str(cp1252), lang=None).stderr
    assert "bukan teks UTF-8" in said and not english_words(said)
    garbage = tmp_path / "x.csv"
    garbage.write_bytes(b'{"a": 1}\n')
    said = run("volunteer", "import", str(garbage), lang=None).stderr
    assert "tidak ada kolom 'nama'" in said and not english_words(said)


def test_db_check_info_and_backups_speak_the_saved_language(run: Run, roster: Path) -> None:
    assert run("volunteer", "add", "Joko", lang=None).exit_code == 0
    check = run("db", "check", lang=None)
    assert check.exit_code == 0
    assert "baik: skema 2; pengaturan 1, petugas 5." in check.stderr
    assert not english_words(check.stderr)
    info = run("info", lang=None).stdout
    assert "Bahasa Indonesia (id)" in info and "pengaturan 1, petugas 5" in info
    size = f"{roster.stat().st_size:,}".replace(",", ".")
    assert size in info
    assert not english_words(info), info
    assert run("schedule", "build", "--from", "2026-11-23", "--weeks", "1",
               lang=None).exit_code == 0
    backups = run("db", "backups", lang=None)
    for header in ("Dibuat", "Bita", "Berkas"):
        assert header in backups.stdout
    assert "Taken" not in backups.stdout and "Bytes" not in backups.stdout
    restored = run("db", "restore", "1", "--yes", lang=None)
    assert restored.exit_code == 0 and "dipulihkan ke" in restored.stderr
    assert not english_words(restored.stderr)


def test_a_question_and_its_default_speak_the_saved_language(run: Run, roster: Path,
                                                             monkeypatch) -> None:
    monkeypatch.setattr("ronda.cli.context.is_interactive", lambda: True)
    before = digest(roster)
    no = run("volunteer", "remove", "Siti", "--purge", input="tidak\n", lang=None)
    assert no.exit_code == 2
    assert "[y/T]" in no.stderr and "[y/N]" not in no.stderr
    assert "Dibatalkan" in no.stderr or "dibatalkan" in no.stderr
    assert digest(roster) == before
    english = run("volunteer", "remove", "Siti", "--purge", input="n\n", lang="en")
    assert "[y/N]" in english.stderr


def test_help_shows_a_default_as_the_reader_would_type_it(run: Run, roster: Path) -> None:
    text = " ".join(run("incident", "log", "--help", lang=None).stdout.split())
    assert "[bawaan: sedang]" in text and "medium" not in text
    english = " ".join(run("incident", "log", "--help", lang="en").stdout.split())
    assert "[default: medium]" in english


def test_the_saved_english_speaks_english(run: Run, roster: Path) -> None:
    assert run("config", "set", "lang", "en").exit_code == 0
    result = run("volunteer", "add", "", lang=None)
    assert result.stderr == "Error: NAME must not be empty.\n"
    assert "Missing NAME." in run("volunteer", "add", lang=None).stderr


def test_the_flag_and_the_variable_come_before_the_saved_setting(run: Run,
                                                                 roster: Path) -> None:
    assert run("volunteer", "add", "", lang="en").stderr.startswith("Error: ")
    by_env = run("volunteer", "add", "", lang=None, env={"RONDA_LANG": "en"})
    assert by_env.stderr.startswith("Error: ")
    refused = run("volunteer", "list", lang="fr")
    assert refused.stderr.startswith("Galat: --lang: 'fr' bukan")  # the saved one says it


def test_what_a_dense_week_gives_up_is_told_in_the_reader_s_language() -> None:
    """No week is refused (paper); what the densest one gives up to fit is said in the
    reader's words, whatever the sheet's language."""
    from datetime import date

    from builders import full_week

    from ronda.printing.fit import adaptations, lay_out_all

    sheet = full_week(date(2026, 11, 23), shifts=3, per_shift=5, name_length=40, patrol=True)
    laid = lay_out_all([sheet])[0]  # an Indonesian sheet
    english = adaptations(laid, "en")
    indonesian = adaptations(laid, "id")
    assert english and len(english) == len(indonesian)
    assert all("23–29 November 2026" in line for line in english)
    assert not any("Pekan" in line for line in english)
    assert not any(english_words(line) for line in indonesian), indonesian


def test_an_option_of_a_group_without_its_value_points_to_that_group(run: Run,
                                                                     roster: Path) -> None:
    said = run("jadwal", "--week", lang=None).stderr
    assert said.strip() == "Galat: Opsi --week perlu nilai. (lihat 'ronda jadwal --help')"
    said = run("schedule", "--week", lang="en").stderr
    assert said.strip() == "Error: Option --week needs a value. (see 'ronda schedule --help')"


def test_the_usage_line_names_arguments_as_they_are_typed(run: Run, roster: Path) -> None:
    usage = run("jadwal", "swap", "--help", lang=None).stdout
    assert "Cara pakai: root jadwal swap [OPSI] TANGGAL NAMA_KELUAR NAMA_MASUK" in usage
    assert "{" not in usage.split("\n\n")[0] and "{TANGGAL}" not in usage
