"""Frozen records (``ronda.record``): what a frozen dataclass gave the model's records, kept."""

from __future__ import annotations

import copy
import pickle
from datetime import date, time

import pytest

from ronda.model import Settings, Slot, Volunteer
from ronda.record import FrozenRecordError, Made, Record, replace
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable


class Night(Record):
    day: date
    people: tuple[int, ...] = ()
    notes: dict[str, str] = Made(dict)


def test_fields_come_in_order_from_the_annotations_with_their_defaults() -> None:
    n = Night(date(2026, 12, 7))
    assert Night._fields == ("day", "people", "notes")
    assert (n.day, n.people, n.notes) == (date(2026, 12, 7), (), {})
    assert Night(date(2026, 12, 7), (1, 2)).people == (1, 2)
    assert Night(people=(3,), day=date(2026, 12, 7)).people == (3,)


def test_a_made_default_is_new_for_each_record() -> None:
    a, b = Night(date(2026, 12, 7)), Night(date(2026, 12, 7))
    a.notes["x"] = "y"
    assert b.notes == {}
    assert Slot(time(22), time(4), 4).by_day is not Slot(time(22), time(4), 4).by_day


@pytest.mark.parametrize("make", [
    lambda: Night(),  # the day is missing
    lambda: Night(date(2026, 12, 7), (), {}, "one too many"),
    lambda: Night(date(2026, 12, 7), day=date(2026, 12, 8)),  # given twice
    lambda: Night(date(2026, 12, 7), weather="rain"),  # no such field
])
def test_a_record_made_wrong_is_refused_as_a_dataclass_would(make) -> None:  # noqa: ANN001
    with pytest.raises(TypeError):
        make()


def test_records_are_equal_and_hash_by_value_and_cannot_change() -> None:
    a = Volunteer(id=1, name="Siti Aminah", days=("sat", "sun"))
    b = Volunteer(1, "Siti Aminah", days=("sat", "sun"))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != a.with_changes(name="Siti")
    assert a != Shift(date(2026, 12, 7), 1)  # another kind of record is never equal
    with pytest.raises(FrozenRecordError):
        a.name = "Budi"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # as a frozen dataclass's error is
        del a.phone


def test_replace_changes_only_what_it_names() -> None:
    s = Settings(name="RT 005")
    changed = replace(s, rest=3)
    assert (changed.rest, changed.name, s.rest) == (3, "RT 005", 2)
    assert changed.slots == s.slots
    with pytest.raises(TypeError):
        replace(s, colour="blue")


def test_repr_names_every_field() -> None:
    assert repr(Night(date(2026, 12, 7), (4,))) == \
        "Night(day=datetime.date(2026, 12, 7), people=(4,), notes={})"


def test_records_copy_and_pickle_to_equal_records() -> None:
    v = Volunteer(id=7, name="Made Wirawan", joined=date(2026, 1, 5))
    assert copy.deepcopy(v) == v
    assert pickle.loads(pickle.dumps(v)) == v
    assert Settings.from_dict(Settings(name="RW 2").to_dict()) == Settings(name="RW 2")


def test_a_timetable_is_itself_only() -> None:
    """A timetable keeps the windows it worked out; two are never taken for one."""
    slots = (Slot(time(22), time(4), 4),)
    a, b = Timetable(slots), Timetable(slots)
    assert a == a and a != b
    assert a.window(date(2026, 12, 7), 0) == b.window(date(2026, 12, 7), 0)
