"""Messages that say what is wrong: a negative number is refused as negative (not as an
unknown option), and a name with an emoji sequence is a name (not "control characters"),
while real control and direction-changing characters are still refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

NEGATIVE = [
    (("config", "set", "per-night", "-1"),
     "Volunteers per night cannot be negative: -1 (the least is 1).",
     "Petugas per malam tidak boleh negatif: -1 (paling sedikit 1)."),
    (("kas", "add", "-5", "--kind", "jimpitan"), "RUPIAH cannot be negative: -5 (the least is 0).",
     "RUPIAH tidak boleh negatif: -5 (paling sedikit 0)."),
    (("kas", "add", "-Rp5.000", "--kind", "konsumsi"),
     "RUPIAH cannot be negative: -Rp5.000 (the least is 0).",
     "RUPIAH tidak boleh negatif: -Rp5.000 (paling sedikit 0)."),
    (("kas", "add", "--kind", "konsumsi", "-2,5rb"),
     "RUPIAH cannot be negative: -2,5rb (the least is 0).",
     "RUPIAH tidak boleh negatif: -2,5rb (paling sedikit 0)."),
    (("incident", "show", "-1"), "ID cannot be negative: -1 (the least is 1).",
     "ID tidak boleh negatif: -1 (paling sedikit 1)."),
    (("incident", "update", "-1", "--status", "closed"),
     "ID cannot be negative: -1 (the least is 1).",
     "ID tidak boleh negatif: -1 (paling sedikit 1)."),
    (("incident", "log", "--at", "kemarin 23.15", "--category", "theft", "--description", "x",
      "--loss", "-5rb"), "--loss cannot be negative: -5rb (the least is 0).",
     "--loss tidak boleh negatif: -5rb (paling sedikit 0)."),
]


@pytest.mark.parametrize(("args", "english", "indonesian"), NEGATIVE)
def test_a_negative_number_is_refused_as_negative(run: Run, roster: Path, args: tuple,
                                                  english: str, indonesian: str) -> None:
    before = roster.read_bytes()
    for lang, said in (("en", f"Error: {english}\n"), ("id", f"Galat: {indonesian}\n")):
        result = run(*args, lang=lang)
        assert (result.exit_code, result.stderr, result.stdout) == (2, said, "")
    assert roster.read_bytes() == before


def test_an_unknown_option_is_still_named_as_one(run: Run, roster: Path) -> None:
    for args, option in ((("incident", "show", "--frob"), "--frob"),
                         (("kas", "add", "5rb", "-x"), "-x")):
        result = run(*args)
        assert result.exit_code == 2 and f"Unknown option {option}" in result.stderr


EMOJI = ["Pak Bhabin 👮‍♂️", "Siti 👩🏽‍💻", "Rina 🏳️‍🌈", "Budi 🇮🇩", "Joko 1️⃣",
         "Agus 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "Keluarga 🧑‍🤝‍🧑"]


def test_a_name_with_an_emoji_sequence_is_a_name(run: Run, roster: Path) -> None:
    for name in EMOJI:
        added = run("volunteer", "add", name)
        assert added.exit_code == 0, added.output
    names = [v["name"] for v in json.loads(run("volunteer", "list", "--json").stdout)]
    assert sorted(n for n in names if n in EMOJI) == sorted(EMOJI)


@pytest.mark.parametrize("name", ["Bu\u200bdi", "Budi\u202eodiw", "Ahmad\u2066x\u2069",
                                  "Budi\x07", "a\u200db", "\u200d👮", "👮\u200d",
                                  "Agus \U0001F3F4\U000E0067\U000E0062"])
def test_invisible_and_control_characters_are_still_refused(run: Run, roster: Path,
                                                            name: str) -> None:
    before = roster.read_bytes()
    result = run("volunteer", "add", name)
    assert (result.exit_code, result.stderr) == (2, "Error: NAME contains control characters.\n")
    assert roster.read_bytes() == before
