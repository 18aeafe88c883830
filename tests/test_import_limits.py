"""A roster spreadsheet that cannot be what its coordinator meant is refused whole, in one
line, the data file untouched: a column given twice, a sheet past the rows or the size an RT
could need. The size is refused before the file is read; the rows are counted as they are read.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import Run

from ronda.errors import BadInput
from ronda.people.csvfile import MAX_BYTES, MAX_ROWS, read_roster_csv

COLUMNS_TWICE = [
    ("nama,no_hp,nama", "The column 'nama' is in the sheet twice (columns 1 and 3): keep one"),
    ("Nama;No. HP;NAMA ", "The column 'NAMA' is in the sheet twice (columns 1 and 3): keep one"),
    ("nama,No. HP,no_hp", "Columns 'No. HP' and 'no_hp' (columns 2 and 3) are the same column: "
                          "keep one, or leave one out with --map \"no_hp=-\""),
    ("nama,No. HP,No. WA", "Columns 'No. HP' and 'No. WA' (columns 2 and 3) are the same column: "
                           "keep one, or leave one out with --map \"No. WA=-\""),
    ("name,foto,Foto", "The column 'Foto' is in the sheet twice (columns 2 and 3): keep one"),
]


@pytest.mark.parametrize(("header", "said"), COLUMNS_TWICE)
def test_a_column_given_twice_is_refused_by_name(run: Run, roster: Path, tmp_path: Path,
                                                header: str, said: str) -> None:
    sheet = tmp_path / "warga.csv"
    sep = ";" if ";" in header else ","
    sheet.write_text(f"{header}\nJoko Susilo{sep}0895-4517-1614{sep}Joko\n", encoding="utf-8")
    before = roster.read_bytes()
    for update in ((), ("--update",)):
        result = run("volunteer", "import", str(sheet), *update)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == f"Error: {said}; nothing was imported.\n"
    indonesian = run("volunteer", "import", str(sheet), lang="id")
    assert indonesian.exit_code == 2 and indonesian.stderr.count("\n") == 1
    assert "sisakan satu" in indonesian.stderr
    assert indonesian.stderr.endswith("; tidak ada yang diimpor.\n")
    assert roster.read_bytes() == before


def test_headers_match_whatever_their_case_dots_and_spaces() -> None:
    rows, errors = read_roster_csv("NAMA , No. HP,Ket.\nJoko,0895-4517-1614,x\n")
    assert errors == [] and rows[0].fields["phone"] == "+6289545171614"
    assert read_roster_csv("nama,,\nJoko,,\n")[0][0].fields["name"] == "Joko"  # empty columns


def sheet_of(rows: int, path: Path) -> Path:
    path.write_text("nama,no_hp\n" + "".join(f"Warga {i},0812{i:08d}\n" for i in range(rows)),
                    encoding="utf-8")
    return path


def test_a_sheet_of_more_rows_than_an_rt_has_is_refused(run: Run, roster: Path,
                                                       tmp_path: Path) -> None:
    sheet = sheet_of(MAX_ROWS + 1, tmp_path / "kelurahan.csv")
    assert sheet.stat().st_size < MAX_BYTES
    before = roster.read_bytes()
    started = time.perf_counter()
    result = run("volunteer", "import", str(sheet))
    assert time.perf_counter() - started < 3
    assert result.exit_code == 2
    assert result.stderr == ("Error: More than 5000 rows: a roster import takes at most 5000 "
                             "rows and 2 MB (an RT has tens to hundreds of residents); nothing "
                             "was imported.\n")
    indonesian = run("volunteer", "import", str(sheet), lang="id")
    assert "Lebih dari 5000 baris" in indonesian.stderr and indonesian.exit_code == 2
    assert roster.read_bytes() == before
    rows, errors = read_roster_csv(sheet_of(MAX_ROWS, sheet).read_text("utf-8"))
    assert len(rows) == MAX_ROWS and errors == []


def test_counting_stops_at_the_first_row_past_the_limit() -> None:
    text = "nama\n" + "".join(f"W{i}\n" for i in range(MAX_ROWS + 1)) + "\x00" * 10 + "\n"
    with pytest.raises(BadInput) as refused:  # the bad line after it is never reached
        read_roster_csv(text)
    assert refused.value.key == "err.csv_too_many_rows"


def test_rows_are_counted_before_any_phone_is_checked(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import ronda.people.volunteers

    checked = []
    monkeypatch.setattr(ronda.people.volunteers, "normalize_phone", checked.append)
    sheet = sheet_of(MAX_ROWS + 1, tmp_path / "kelurahan.csv")
    with pytest.raises(BadInput) as refused:
        read_roster_csv(sheet.read_text("utf-8"))
    assert refused.value.key == "err.csv_too_many_rows" and checked == []


def test_a_file_past_the_size_limit_is_refused_unread(run: Run, roster: Path,
                                                     tmp_path: Path) -> None:
    huge = tmp_path / "dua-juta.csv"
    with huge.open("wb") as handle:  # 50 MB, as a district's export could be
        handle.write(b"nama,no_hp\n" + b"Warga,0812-0000-0000\n" * 1000)
        handle.truncate(50_000_000)
    before = roster.read_bytes()
    tracemalloc.start()
    try:
        result = run("volunteer", "import", str(huge))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {huge} is larger than 2 MB")
    assert "nothing was changed" in result.stderr
    assert peak < 5_000_000  # nothing like the file's 50 MB was held
    assert roster.read_bytes() == before


def test_a_pipe_past_the_size_limit_is_read_no_further_than_the_limit(run: Run, roster: Path
                                                                      ) -> None:
    piped = "nama\n" + "Warga Baru\n" * (MAX_BYTES // 11 + 10)
    before = roster.read_bytes()
    result = run("volunteer", "import", "-", input=piped, lang="id")
    assert result.exit_code == 2
    assert result.stderr.startswith("Galat: - lebih besar dari 2 MB")
    assert roster.read_bytes() == before
