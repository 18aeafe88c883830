"""Phones are stored in one form (E.164) and written the Indonesian way."""

import pytest

from ronda.errors import BadInput
from ronda.phones import display_phone, normalize_phone, whatsapp_number


@pytest.mark.parametrize("typed", ["0812-3456-7890", "0812 3456 7890", "62812-3456-7890",
                                   "+62 812 3456 7890", "6281234567890", "(0812) 3456.7890"])
def test_every_common_way_of_writing_a_mobile_gives_one_stored_form(typed: str) -> None:
    assert normalize_phone(typed) == "+6281234567890"


IMPOSSIBLE_PHONES = ["12", "0812", "081234567890123456", "nomor", "+1 555"]


@pytest.mark.parametrize("typed", IMPOSSIBLE_PHONES)
def test_impossible_numbers_are_refused(typed: str) -> None:
    with pytest.raises(BadInput) as err:
        normalize_phone(typed)
    assert err.value.key == "err.bad_phone"


def test_display_and_whatsapp_forms() -> None:
    assert display_phone("+6281234567890") == "0812-3456-7890"
    assert display_phone("+62247460123") == "0247460123"
    assert display_phone(None) == ""
    assert whatsapp_number("+6281234567890") == "6281234567890"
