"""The roster core: finding people, checking what is typed, away periods."""

from datetime import date

import pytest

from ronda.cli.output import Output
from ronda.errors import BadInput
from ronda.model import Away, Volunteer
from ronda.people.volunteers import (
    add_away,
    find_volunteer,
    mark_back,
    parse_reason,
    volunteer_fields,
)

PEOPLE = [Volunteer(1, "Budi Santoso"), Volunteer(2, "Budi Hartono"),
          Volunteer(3, "Siti Aminah"), Volunteer(4, "Budi", active=False)]


def test_a_volunteer_is_named_by_id_or_an_unambiguous_part_of_the_name() -> None:
    assert find_volunteer(PEOPLE, "3").name == "Siti Aminah"
    assert find_volunteer(PEOPLE, "#2").name == "Budi Hartono"
    assert find_volunteer(PEOPLE, "siti").id == 3
    assert find_volunteer(PEOPLE, "santoso").id == 1


def test_an_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(BadInput) as err:
        find_volunteer(PEOPLE, "budi")
    assert err.value.key == "err.volunteer_ambiguous"
    said = Output("id").t(err.value.key, **err.value.args_)
    assert said == "'budi' cocok dengan beberapa petugas. Maksud Anda: Budi Santoso (#1) atau " \
        "Budi Hartono (#2)?"
    english = Output("en").t(err.value.key, **err.value.args_)
    assert english.endswith("Did you mean Budi Santoso (#1) or Budi Hartono (#2)?")


ROSTER = [Volunteer(1, "Budi Santoso"), Volunteer(2, "Budi Hartono"), Volunteer(3, "Siti Aminah"),
          Volunteer(4, "H. Ahmad Fauzi"), Volunteer(5, "Dewi Lestari"), Volunteer(6, "Dewa Putra"),
          Volunteer(7, "Slamet Riyadi")]


@pytest.mark.parametrize(("said", "who"), [
    ("Pak Budi Santoso", 1), ("Bapak Budi Hartono", 2), ("Bu Siti", 3), ("Ibu Siti Aminah", 3),
    ("Mbak Siti", 3), ("Mas Slamet", 7), ("Bang Slamet", 7), ("Kak Dewi", 5), ("Dik Dewa", 6),
    ("Haji Ahmad", 4), ("H. Ahmad Fauzi", 4), ("Hj. Ahmad", 4), ("Ustadz Ahmad Fauzi", 4),
    ("Bapak H. Ahmad", 4), ("ahmad fauzi", 4), ("pak  budi  santoso", 1),
    # a typo of one or two letters, when only one person fits
    ("Budi Santsoo", 1), ("Budi Hartnoo", 2), ("Siti Aminh", 3), ("Sitti", 3), ("Slamat", 7),
    ("Slamet Riyadhi", 7), ("Pak Slamet Riadi", 7), ("Ahmad Fauzy", 4),
])
def test_a_name_as_people_say_it_finds_the_person(said: str, who: int) -> None:
    assert find_volunteer(ROSTER, said).id == who


@pytest.mark.parametrize(("said", "candidates"), [
    ("Pak Budi", "Budi Santoso (#1) atau Budi Hartono (#2)"),
    ("Dew", "Dewi Lestari (#5) atau Dewa Putra (#6)"),  # a part of two names
    ("Dewo", "Dewi Lestari (#5) atau Dewa Putra (#6)"),  # one letter from both
    ("Budi Santono", "Budi Santoso (#1) atau Budi Hartono (#2)"),  # one letter from each
])
def test_several_people_who_fit_are_listed_never_guessed(said: str, candidates: str) -> None:
    with pytest.raises(BadInput) as err:
        find_volunteer(ROSTER, said)
    assert Output("id").t(err.value.key, **err.value.args_).endswith(f"Maksud Anda: {candidates}?")


@pytest.mark.parametrize("said", ["Budi Susanto", "Joko", "Sri", "Pak", "Dewi Kartika"])
def test_a_name_too_far_from_everyone_is_not_found(said: str) -> None:
    with pytest.raises(BadInput) as err:
        find_volunteer(ROSTER, said)
    assert err.value.key == "err.volunteer_not_found"


def test_an_outsider_s_name_is_never_taken_for_a_volunteer_s_typo() -> None:
    with pytest.raises(BadInput):
        find_volunteer(ROSTER, "Budi Santosa", guess=False)  # a substitute from outside
    assert find_volunteer(ROSTER, "Pak Budi Santoso", guess=False).id == 1


def test_an_exact_name_wins_and_inactive_people_are_found_only_when_asked() -> None:
    assert find_volunteer(PEOPLE, "budi", include_inactive=True).id == 4
    with pytest.raises(BadInput):
        find_volunteer(PEOPLE, "4")


def test_typed_fields_are_checked_and_normalised() -> None:
    fields = volunteer_fields(name="  Siti  ", phone="0812 3456 7890", days="sen-rab",
                              max_per_week="2")
    assert fields == {"name": "Siti", "phone": "+6281234567890",
                      "days": ("mon", "tue", "wed"), "max_per_week": 2}
    assert volunteer_fields(phone="-") == {"phone": None}


@pytest.mark.parametrize("kwargs, key", [
    ({"name": ""}, "err.empty"),
    ({"name": "Budi\x1b[31m"}, "err.control_chars"),
    ({"name": "x" * 81}, "err.too_long"),
    ({"phone": "0812"}, "err.bad_phone"),
    ({"days": "someday"}, "err.bad_day"),
    ({"max_per_week": "8"}, "err.out_of_range"),
])
def test_bad_fields_are_refused(kwargs: dict[str, str], key: str) -> None:
    with pytest.raises(BadInput) as err:
        volunteer_fields(**kwargs)
    assert err.value.key == key


def test_away_and_back() -> None:
    v = add_away(Volunteer(1, "Budi"), date(2026, 11, 20), date(2026, 12, 3), parse_reason("sick"))
    assert v.away == (Away(date(2026, 11, 20), date(2026, 12, 3), "sakit"),)
    assert v.away_on(date(2026, 11, 22)) is not None
    back = mark_back(v, date(2026, 11, 22))
    assert back.away == (Away(date(2026, 11, 20), date(2026, 11, 21), "sakit"),)
    assert back.away_on(date(2026, 11, 22)) is None
    with pytest.raises(BadInput):
        mark_back(back, date(2026, 11, 22))
    with pytest.raises(BadInput):
        add_away(v, date(2026, 12, 5), date(2026, 12, 1), "mudik")


def test_purge_keeps_only_the_id_and_team() -> None:
    v = Volunteer(7, "Budi", phone="+6281234567890", address="Jl. Mawar 3", team="Regu 2",
                  note="x", away=(Away(date(2026, 1, 1), date(2026, 1, 2), "mudik"),),
                  prefer=("fri",), avoid=("mon",),
                  avoid_dates=(Away(date(2026, 12, 12), date(2026, 12, 12), ""),))
    erased = v.purge()
    assert erased.to_dict() == {"id": 7, "name": None, "phone": None, "address": "",
                                "household": "", "team": "Regu 2", "leader": False, "days": [],
                                "max_per_week": None, "note": "", "active": False,
                                "purged": True, "away": [], "joined": None, "prefer": [],
                                "avoid": [], "avoid_dates": []}
    assert Volunteer.from_dict(erased.to_dict()) == erased
