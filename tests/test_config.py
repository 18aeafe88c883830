"""Neighbourhood settings: every key is checked before it is stored."""

from datetime import time

import pytest

from ronda.errors import BadInput
from ronda.model import Settings, Slot
from ronda.money import format_money, parse_money
from ronda.neighbourhood.config import config_items, parse_slots, set_value


def test_one_slot_crossing_midnight_with_more_people_on_saturday() -> None:
    (slot,) = parse_slots("22.00-04.00=4 sab=6")
    assert (slot.start, slot.end, slot.required) == (time(22), time(4), 4)
    assert slot.required_on("sat") == 6
    assert slot.required_on("tue") == 4


def test_several_slots_each_with_its_own_head_count() -> None:
    slots = parse_slots("22:00-01:00=3, 01:00-04:00=2")
    assert [(s.start, s.end, s.required) for s in slots] == [
        (time(22), time(1), 3), (time(1), time(4), 2)]


BAD_SLOTS = ["22-22=3", "late", "22.00-04.00=4 funday=2", "25-04"]


@pytest.mark.parametrize("text", BAD_SLOTS)
def test_bad_slots_are_refused(text: str) -> None:
    with pytest.raises(BadInput):
        parse_slots(text)


def test_set_value_changes_one_key_and_keeps_the_rest() -> None:
    s = Settings(name="RT 005")
    s = set_value(s, "per-night", "5")
    s = set_value(s, "per-night.sat", "7")
    s = set_value(s, "start", "21.00")
    s = set_value(s, "liaison.phone", "0813 9011 2468")
    s = set_value(s, "fine", "Rp20.000")
    s = set_value(s, "timezone", "WITA")
    assert s.slots == (Slot(time(21), time(4), 5, {"sat": 7}),)
    assert s.liaison.phone == "+6281390112468"
    assert s.fine == 20000
    assert s.timezone == "Asia/Makassar"
    assert s.name == "RT 005"


def test_start_and_end_need_slots_when_there_are_several() -> None:
    s = set_value(Settings(name="x"), "slots", "22-01=2, 01-04=2")
    with pytest.raises(BadInput) as err:
        set_value(s, "start", "21")
    assert err.value.key == "err.several_slots"


BAD_SETTINGS = [("rest", "-1"), ("rest", "dua"), ("lang", "fr"), ("name", "  "),
                ("nonsense", "1"), ("coordinator.phone", "123"), ("fine", "banyak")]


@pytest.mark.parametrize("key, value", BAD_SETTINGS)
def test_bad_values_are_refused(key: str, value: str) -> None:
    with pytest.raises(BadInput):
        set_value(Settings(name="x"), key, value)


def test_money() -> None:
    assert parse_money("Rp 20.000", "fine") == 20000
    assert parse_money("500", "jimpitan") == 500
    for typed, amount in (("150.000,00", 150_000), ("2,5rb", 2_500), ("2.5rb", 2_500),
                          ("1,5jt", 1_500_000), ("2 juta", 2_000_000), ("Rp1.250.000", 1_250_000)):
        assert parse_money(typed, "amount") == amount, typed
    assert format_money(20000) == "Rp20.000"


def test_emergency_numbers_and_kentongan_can_be_edited() -> None:
    s = set_value(Settings(name="x"), "emergency.polsek", "(024) 7460110")
    s = set_value(s, "kentongan.fire", "3-3 terus")
    items = dict(config_items(s, "id"))
    assert items["emergency.polsek"] == "(024) 7460110"
    assert items["emergency.police"] == "110"
    assert items["kentongan.fire"] == "3-3 terus"


def test_settings_round_trip_through_their_record() -> None:
    s = set_value(Settings(name="RT 1"), "slots", "22-01=3 sat=4, 01-04=3")
    assert Settings.from_dict(s.to_dict()) == s


def test_money_in_thousands_as_people_write_it() -> None:
    assert [parse_money(x, "fine") for x in ("20rb", "20 ribu", "Rp20rb", "15k")] == [
        20_000, 20_000, 20_000, 15_000]


def test_the_fairness_window_is_a_setting_of_at_least_four_weeks() -> None:
    s = set_value(Settings(name="RT 05"), "fairness-window", "730")
    assert s.fairness_window == 730
    assert ("fairness-window", "730") in config_items(s, "en")
    assert Settings.from_dict(s.to_dict()).fairness_window == 730
    old_file = {k: v for k, v in s.to_dict().items() if k != "fairness_window"}
    assert Settings.from_dict(old_file).fairness_window == 365  # files from before it existed
    with pytest.raises(BadInput):
        set_value(s, "fairness-window", "7")


def test_shown_settings_speak_the_language(run, neighbourhood) -> None:
    assert run("config", "set", "per-night.sat", "5").exit_code == 0
    shown = run("config", "show", lang="id").stdout
    assert "=4 sab=5" in shown and "sat=" not in shown
    assert "=4 sat=5" in run("config", "show").stdout
    import json

    codes = dict(json.loads(run("config", "show", "--json", lang="id").stdout)["kentongan"])
    assert codes and all(codes.values())  # the customary codes, never empty
    assert run("config", "set", "slots", "22.00-04.00=4 sab=6").exit_code == 0
