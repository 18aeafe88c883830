"""Calendars proven by independent parsers (icalendar and vobject): instants, UIDs across
exports, SEQUENCE and cancellations after a swap, alarms, folding and escaping."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from builders import example_neighbourhood
from conftest import Run, digest

TUESDAY = {"RONDA_TODAY": "2026-11-24"}


@pytest.fixture
def planned(db: Path) -> Path:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026."""
    return example_neighbourhood(db, date(2026, 11, 24))


def export(run: Run, tmp_path: Path, *args: str, name: str = "out.ics") -> Path:
    out = tmp_path / name
    result = run("export", "ics", "-o", str(out), *args, env=TUESDAY)
    assert result.exit_code == 0, result.output
    return out


def events_of(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def vobject_events(path: Path) -> list:
    cal = vobject.readOne(path.read_text("utf-8"), validate=True)
    return list(cal.vevent_list)


def test_a_night_shift_has_the_right_instants_in_both_parsers(run: Run, planned: Path,
                                                              tmp_path: Path) -> None:
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    leader = week[5]["volunteers"][0]
    out = export(run, tmp_path, "--volunteer", str(leader["id"]), "--to", "2026-11-29")
    saturday = next(e for e in events_of(out).values()
                    if e.decoded("dtstart").date().isoformat() == "2026-11-28")
    utc = UTC
    assert saturday.decoded("dtstart").astimezone(utc) == datetime(2026, 11, 28, 15, 0,
                                                                    tzinfo=utc)
    assert saturday.decoded("dtend").astimezone(utc) == datetime(2026, 11, 28, 21, 0, tzinfo=utc)
    vevent = next(v for v in vobject_events(out) if v.dtstart.value.day == 28)
    assert vevent.dtstart.value.astimezone(utc).hour == 15
    assert vevent.dtend.value.astimezone(utc) == datetime(2026, 11, 28, 21, 0, tzinfo=utc)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["x-wr-calname"]).endswith(leader["name"])
    assert all(e.get("dtstamp") for e in cal.walk("VEVENT"))


def test_uids_are_stable_and_a_swap_raises_sequence_and_cancels(run: Run, planned: Path,
                                                                tmp_path: Path) -> None:
    first = events_of(export(run, tmp_path, "--to", "2026-12-06", name="a.ics"))
    second = events_of(export(run, tmp_path, "--to", "2026-12-06", name="b.ics"))
    assert first.keys() == second.keys()
    assert all(int(e["sequence"]) == 0 for e in second.values())
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    out_id = week[3]["volunteers"][-1]["id"]
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    on_week = {v["id"] for s in week for v in s["volunteers"]}
    in_id = next(v["id"] for v in roster if v["id"] not in on_week and not v["away"]
                 and "thu" in v["days"])
    personal = events_of(export(run, tmp_path, "--volunteer", str(out_id), name="p1.ics"))
    assert run("schedule", "swap", "26/11/2026", str(out_id), str(in_id),
               env=TUESDAY).exit_code == 0
    after = events_of(export(run, tmp_path, "--to", "2026-12-06", name="c.ics"))
    thursday = next(uid for uid in after if uid.startswith("2026-11-26-0-all"))
    assert int(after[thursday]["sequence"]) == 1
    unchanged = next(uid for uid in after if uid.startswith("2026-11-25-0-all"))
    assert int(after[unchanged]["sequence"]) == 0
    mine = events_of(export(run, tmp_path, "--volunteer", str(out_id), name="p2.ics"))
    gone = f"2026-11-26-0-{out_id}.rt-005-rw-002@ronda"
    assert gone in personal and gone in mine
    assert str(mine[gone]["status"]) == "CANCELLED" and int(mine[gone]["sequence"]) == 1
    vcancelled = [v for v in vobject_events(tmp_path / "p2.ics") if v.uid.value == gone]
    assert vcancelled[0].status.value == "CANCELLED"


def test_alarm_and_no_alarm(run: Run, planned: Path, tmp_path: Path) -> None:
    default = export(run, tmp_path, "--volunteer", "Slamet", name="d.ics")
    alarms = [a for e in events_of(default).values() for a in e.walk("VALARM")]
    assert alarms and all(a.decoded("trigger") == -timedelta(minutes=60) for a in alarms)
    assert all(str(a["action"]) == "DISPLAY" for a in alarms)
    none = export(run, tmp_path, "--volunteer", "Slamet", "--alarm", "0", name="n.ics")
    assert not [a for e in events_of(none).values() for a in e.walk("VALARM")]


def test_long_lines_fold_and_awkward_text_survives(run: Run, planned: Path,
                                                  tmp_path: Path) -> None:
    tricky = "Pos; Ronda, \"Ñusantara\" \\ Blok C"
    assert run("config", "set", "post", tricky).exit_code == 0
    assert run("config", "set", "post.location",
               "Jl. Mawar, RT 005; depan Musala Al-Ikhlas — sebelah warung Bu Édith").exit_code == 0
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    wednesday_leader = str(week[2]["volunteers"][0]["id"])
    assert run("volunteer", "edit", wednesday_leader, "--name",
               "Slamet Rïyadi, S.Pd.; \"Pak RT\"").exit_code == 0
    assert run("schedule", "guest", "25/11/2026", "Aiptu Wayan Sudarsana; Polsek\\Tembalang",
               env=TUESDAY).exit_code == 0
    out = export(run, tmp_path, "--to", "2026-11-29", "--with-contacts")
    for line in out.read_bytes().split(b"\r\n"):
        assert len(line) <= 75
    events = events_of(out)
    wednesday = next(e for uid, e in events.items() if uid.startswith("2026-11-25-0-all"))
    assert str(wednesday["summary"]) == f"Night patrol · {tricky}"
    assert str(wednesday["location"]).startswith(tricky + ", Jl. Mawar, RT 005; depan")
    description = str(wednesday["description"])
    assert "Slamet Rïyadi, S.Pd.; \"Pak RT\" (leader)" in description
    assert "Aiptu Wayan Sudarsana; Polsek\\Tembalang" in description
    assert "\n- " in description and "08" in description  # phones only with --with-contacts
    v = next(v for v in vobject_events(out) if v.uid.value.startswith("2026-11-25-0-all"))
    assert v.summary.value == f"Night patrol · {tricky}"
    assert "Slamet Rïyadi, S.Pd.; \"Pak RT\" (leader)" in v.description.value


def test_no_phones_unless_asked(run: Run, planned: Path, tmp_path: Path) -> None:
    text = export(run, tmp_path, "--to", "2026-11-29").read_text()
    phones = [p["phone"] for p in json.loads(run("volunteer", "list", "--json").stdout)]
    assert not any(f"0{p[3:6]}-" in text for p in phones if p)


def test_community_events_go_in_and_a_removed_one_is_cancelled(run: Run, planned: Path,
                                                               tmp_path: Path) -> None:
    added = run("event", "add", "Penyuluhan bahaya narkoba", "--at", "02/12/2026 19.30",
                "--location", "SMP Negeri 12", "--kind", "outreach")
    assert added.exit_code == 0, added.output
    listed = json.loads(run("event", "list", "--json").stdout)
    assert listed[0]["start"] == "2026-12-02T19:30:00+07:00"
    first = events_of(export(run, tmp_path, "--to", "2026-12-06", name="e1.ics"))
    uid = "event-1.rt-005-rw-002@ronda"
    assert str(first[uid]["summary"]).startswith("Penyuluhan bahaya narkoba")
    assert run("event", "remove", "1").exit_code == 0
    second = events_of(export(run, tmp_path, "--to", "2026-12-06", name="e2.ics"))
    assert str(second[uid]["status"]) == "CANCELLED" and int(second[uid]["sequence"]) == 1


def test_one_file_per_volunteer(run: Run, planned: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kalender"
    result = run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 28 and "ronda-slamet-riyadi-1.ics" in files
    one = events_of(folder / "ronda-slamet-riyadi-1.ics")
    assert all(uid.split(".")[0].endswith("-1") for uid in one if not uid.startswith("event"))


@pytest.mark.parametrize("args", [
    ("--volunteer", "Nobody", "-o", "x.ics"),
    ("--from", "2030-01-01", "--to", "2030-01-31", "-o", "x.ics"),
    ("-o", "/nonexistent/dir/x.ics"),
    ("--team", "Regu 99", "-o", "x.ics"),
    ("--alarm", "-5", "-o", "x.ics"),
    (),
])
def test_export_errors_change_nothing(run: Run, planned: Path, tmp_path: Path,
                                      args: tuple[str, ...], monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = digest(planned)
    result = run("export", "ics", *args, env=TUESDAY)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(planned) == before


def test_events_in_indonesian(run: Run, planned: Path, tmp_path: Path) -> None:
    out = export(run, tmp_path, "--to", "2026-11-29", "--lang", "id")
    summaries = {str(e["summary"]) for e in events_of(out).values()}
    assert summaries == {"Ronda malam · Pos Kamling RT 005"}
    first = min(events_of(out).values(), key=lambda e: e["dtstart"].dt)
    description = str(first["description"])
    assert description.startswith("Senin malam 23/11/2026 (malam Selasa) · 22.00–04.00 WIB\n"
                                  "Regu yang bertugas, RT 005 / RW 002:")
    assert "(ketua)" in description
