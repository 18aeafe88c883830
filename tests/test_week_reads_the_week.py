"""The week view reads the week: of a data file it turns into records only the week's shifts
and the people they name, however many weeks are planned and however long the roster."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from builders import example_neighbourhood
from conftest import Made, Run

from ronda.model import Volunteer
from ronda.schedule.shifts import Shift

TUESDAY = {"RONDA_TODAY": "2026-11-24"}


def test_the_week_view_builds_only_the_week_s_shifts_and_the_people_on_them(
        run: Run, db: Path, made: Made, monkeypatch: pytest.MonkeyPatch) -> None:
    made(db, example_neighbourhood, date(2026, 11, 24))  # six weeks planned
    roster = json.loads(run("volunteer", "list", "--json", env=TUESDAY).stdout)
    built: Counter[str] = Counter()
    for cls, kind in ((Volunteer, "people"), (Shift, "shifts")):
        read = cls.from_dict

        def counted(d: dict, read=read, kind=kind) -> object:  # noqa: ANN001
            built[kind] += 1
            return read(d)

        monkeypatch.setattr(cls, "from_dict", counted)
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    on_duty = {v["id"] for s in week for v in s["volunteers"]}
    assert not any(s["reason"] for s in week)  # nobody else named by a shortfall
    assert built["shifts"] == len(week) == 7
    assert built["people"] == len(on_duty) < len(roster)
