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
from conftest import Made, Run, digest

TUESDAY = {"RONDA_TODAY": "2026-11-24"}


@pytest.fixture
def planned(db: Path, made: Made) -> Path:
    """The example neighbourhood as ``ronda demo`` leaves it on Tuesday 24/11/2026."""
    return made(db, example_neighbourhood, date(2026, 11, 24))


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


EXPORT_ERRORS = [
    ("--volunteer", "Nobody", "-o", "x.ics"),
    ("--from", "2030-01-01", "--to", "2030-01-31", "-o", "x.ics"),
    ("-o", "/nonexistent/dir/x.ics"),
    ("--team", "Regu 99", "-o", "x.ics"),
    ("--alarm", "-5", "-o", "x.ics"),
    (),
]


@pytest.mark.parametrize("args", EXPORT_ERRORS)
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


def sequences(path: Path) -> dict[str, int]:
    return {uid: int(e["sequence"]) for uid, e in events_of(path).items()}


def swap_thursday(run: Run) -> int:
    """Swap the last of Thursday 26/11's team for someone free; the one swapped out."""
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    out_id = week[3]["volunteers"][-1]["id"]
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    on_week = {v["id"] for s in week for v in s["volunteers"]}
    in_id = next(v["id"] for v in roster if v["id"] not in on_week and not v["away"]
                 and "thu" in v["days"])
    assert run("schedule", "swap", "26/11/2026", str(out_id), str(in_id),
               env=TUESDAY).exit_code == 0
    return out_id


def test_a_team_calendar_has_each_shift_once_with_its_members(run: Run, planned: Path,
                                                              tmp_path: Path) -> None:
    from ronda.phones import display_phone

    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    team = {v["id"] for v in week[0]["volunteers"]}  # Monday's four become one regu
    for who in team:
        assert run("volunteer", "edit", str(who), "--team", "Regu Melati").exit_code == 0
    roster = {v["id"]: v for v in json.loads(run("volunteer", "list", "--json").stdout)}
    nights = [s for s in week if team & {v["id"] for v in s["volunteers"]}]
    assert len(nights) == 3 and sum(len(team & {v["id"] for v in s["volunteers"]})
                                    for s in nights) == 8
    out = export(run, tmp_path, "--team", "regu melati", "--with-contacts", "--to", "2026-11-29")
    events = sorted(events_of(out).values(), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart").date().isoformat() for e in events] == \
        [s["date"] for s in nights]  # one event per shift, not one per member
    for event, night in zip(events, nights, strict=True):
        assert str(event["summary"]) == "Regu Melati · Night patrol · Pos Kamling RT 005"
        text = str(event["description"])
        assert text.splitlines()[1] == "Regu Melati on duty, RT 005 / RW 002:"
        for v in night["volunteers"]:
            line = next(x for x in text.splitlines() if v["name"] in x)
            assert display_phone(roster[v["id"]]["phone"]) in line
            assert (text.index(line) < text.index("Also on duty")) == (v["id"] in team) \
                if "Also on duty" in text else v["id"] in team
    parsed = vobject.readOne(out.read_text("utf-8"), validate=True)
    assert len(parsed.vevent_list) == 3
    assert {v.summary.value for v in parsed.vevent_list} == \
        {"Regu Melati · Night patrol · Pos Kamling RT 005"}
    assert parsed.contents["x-wr-calname"][0].value.endswith("Regu Melati")


def test_another_language_or_reminder_is_no_change(run: Run, planned: Path,
                                                   tmp_path: Path) -> None:
    usual = sequences(export(run, tmp_path, "--to", "2026-12-06", name="a.ics"))
    assert len(usual) == 14 and set(usual.values()) == {0}
    indonesian = export(run, tmp_path, "--to", "2026-12-06", "--lang", "id", name="id.ics")
    quiet = export(run, tmp_path, "--to", "2026-12-06", "--alarm", "0", name="quiet.ics")
    phones = export(run, tmp_path, "--to", "2026-12-06", "--with-contacts", name="team.ics")
    again = export(run, tmp_path, "--to", "2026-12-06", name="b.ics")
    for path in (indonesian, quiet, phones, again):
        assert set(sequences(path).values()) == {0}, path.name
        assert {v.sequence.value for v in vobject_events(path)} == {"0"}
    swap_thursday(run)
    thursday = "2026-11-26-0-all.rt-005-rw-002@ronda"
    for name, args in (("c.ics", ()), ("id2.ics", ("--lang", "id")), ("d.ics", ())):
        after = sequences(export(run, tmp_path, "--to", "2026-12-06", *args, name=name))
        assert after.pop(thursday) == 1, name  # each calendar raises the changed one once
        assert set(after.values()) == {0}, name


def test_a_cancelled_event_keeps_the_language_of_its_calendar(run: Run, planned: Path,
                                                              tmp_path: Path) -> None:
    week = json.loads(run("schedule", "--json", env=TUESDAY).stdout)
    out_id = week[3]["volunteers"][-1]["id"]
    export(run, tmp_path, "--volunteer", str(out_id), "--lang", "id", name="p1.ics")
    export(run, tmp_path, "--volunteer", str(out_id), name="p2.ics")
    assert swap_thursday(run) == out_id
    gone = f"2026-11-26-0-{out_id}.rt-005-rw-002@ronda"
    for lang, summary in (("id", "Ronda malam · Pos Kamling RT 005"),
                          ("en", "Night patrol · Pos Kamling RT 005")):
        path = export(run, tmp_path, "--volunteer", str(out_id), "--lang", lang,
                      name=f"{lang}.ics")
        cancelled = events_of(path)[gone]
        assert str(cancelled["status"]) == "CANCELLED" and int(cancelled["sequence"]) == 1
        assert str(cancelled["summary"]) == summary
        v = next(v for v in vobject_events(path) if v.uid.value == gone)
        assert v.summary.value == summary and v.status.value == "CANCELLED"


def test_calendar_properties_are_text_with_name_colour_and_refresh(run: Run, planned: Path,
                                                                   tmp_path: Path) -> None:
    assert run("config", "set", "name", "RT 005, RW 002; Tembalang").exit_code == 0
    shared = export(run, tmp_path, "--to", "2026-11-29", name="rt.ics")
    personal = export(run, tmp_path, "--volunteer", "Slamet", name="slamet.ics")
    name = "Night patrol RT 005, RW 002; Tembalang"
    raw = shared.read_bytes()
    assert b"\r\nX-WR-CALNAME:Night patrol RT 005\\, RW 002\\; Tembalang\r\n" in raw
    assert b"\r\nNAME:Night patrol RT 005\\, RW 002\\; Tembalang\r\n" in raw
    cal = icalendar.Calendar.from_ical(raw)  # icalendar keeps NAME as the TEXT it reads
    assert str(cal.calendar_name) == "Night patrol RT 005\\, RW 002\\; Tembalang"
    assert cal.refresh_interval == timedelta(hours=6)
    parsed = vobject.readOne(raw.decode("utf-8"), validate=True)
    assert parsed.contents["x-wr-calname"][0].value == name
    assert parsed.contents["name"][0].value == name
    assert parsed.contents["refresh-interval"][0].value == "PT6H"
    assert parsed.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    from ronda.calendars.ics import COLOURS

    colours = set()
    for path in (shared, personal):  # every calendar of the RT in one colour
        colour = vobject.readOne(path.read_text("utf-8")).contents["color"][0].value
        parsed_again = icalendar.Calendar.from_ical(path.read_bytes())
        assert colour in COLOURS and str(parsed_again.color) == colour
        assert str(parsed_again["x-apple-calendar-color"]) == COLOURS[colour]
        colours.add(colour)
    assert len(colours) == 1


def test_a_former_volunteers_file_cancels_their_duties(run: Run, planned: Path,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "kalender"
    assert run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY).exit_code == 0
    mine = folder / "ronda-lukman-hakim-28.ics"
    before = events_of(mine)
    assert {str(e["status"]) for e in before.values()} == {"CONFIRMED"}
    assert run("volunteer", "remove", "Lukman Hakim", env=TUESDAY).exit_code == 0
    again = run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY)
    assert again.exit_code == 0, again.output
    assert "The file of Lukman Hakim, no longer on the roster, now cancels their duties." in \
        again.stderr
    after = events_of(mine)
    future = [u for u, e in before.items() if e.decoded("dtstart").date() >= date(2026, 11, 24)]
    assert future and all(str(after[u]["status"]) == "CANCELLED" for u in future)
    assert all(int(after[u]["sequence"]) == 1 for u in future)
    assert {v.status.value for v in vobject_events(mine) if v.uid.value in future} == \
        {"CANCELLED"}
    third = run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY)
    assert "no longer on the roster" not in third.stderr  # said once, then left alone


def test_purge_deletes_the_calendar_files_ronda_wrote_for_them(run: Run, planned: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "kalender"
    assert run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY).exit_code == 0
    own = export(run, tmp_path, "--volunteer", "Lukman Hakim", name="lukman.ics")
    other = folder / "ronda-joko-susilo-4.ics"
    changed = folder / "ronda-slamet-riyadi-1.ics"
    changed.write_bytes(changed.read_bytes() + b"\r\n")  # someone edited it since
    files = sorted(folder.iterdir())
    purged = run("volunteer", "remove", "Lukman Hakim", "--purge", "--yes", env=TUESDAY)
    assert purged.exit_code == 0, purged.output
    assert "Deleted 2 calendar files ronda had written for them" in purged.stderr
    assert "publish caldav" not in purged.stderr  # nothing was ever published
    assert not own.exists() and not (folder / "ronda-lukman-hakim-28.ics").exists()
    assert sorted(folder.iterdir()) == [f for f in files if "lukman" not in f.name]
    assert other.exists() and changed.exists()
    assert "lukman" not in planned.read_text().lower()  # no file name left to find them by
    gone = run("volunteer", "remove", "Slamet Riyadi", "--purge", "--yes", lang="id",
               env=TUESDAY)
    assert gone.exit_code == 0, gone.output
    assert f"{changed} masih memuat kalender seorang petugas (sudah diubah sejak ditulis " \
           "ronda); hapus sendiri." in " ".join(gone.stderr.split())
    assert changed.exists()


def test_purge_leaves_no_calendar_trace_of_them_in_the_file_or_its_backups(
        run: Run, planned: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kalender"
    assert run("export", "ics", "--per-volunteer", str(folder), env=TUESDAY).exit_code == 0
    assert run("volunteer", "remove", "Joko Susilo", env=TUESDAY).exit_code == 0  # a backup
    backups = sorted((planned.parent / "backups").iterdir())
    assert backups and any(b"ronda-lukman-hakim-28.ics" in b.read_bytes() for b in backups)
    purged = run("volunteer", "remove", "Lukman Hakim", "--purge", "--yes", env=TUESDAY)
    assert purged.exit_code == 0, purged.output
    for file in [planned, *(planned.parent / "backups").iterdir()]:
        assert "lukman" not in file.read_text().lower(), file.name
