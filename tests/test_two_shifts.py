"""A neighbourhood that splits the night in two (22.00–01.00 and 01.00–04.00), as many do so
nobody stays up until dawn: 34 households with long names, leaders, limited days, someone
away, a holiday and a guest. Every surface must put the late shift on the morning after its
evening, name each shift with its own hours, people and leader, and link incidents to the
shift whose hours hold them."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import icalendar
from builders import FIRST_NAMES, LAST_NAMES, MONDAY
from conftest import Run, digest

ENV = {"RONDA_TODAY": "2026-11-22"}


def week(run: Run) -> list[dict]:
    result = run("schedule", "--week", MONDAY, "--json", env=ENV)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_late_shift_starts_on_the_morning_after_its_evening(run: Run,
                                                                 night_in_two: Path) -> None:
    shifts = week(run)
    monday = [s for s in shifts if s["date"] == MONDAY]
    assert [(s["slot"], s["start"], s["end"]) for s in monday] == [
        (0, "2026-11-23T22:00:00+07:00", "2026-11-24T01:00:00+07:00"),
        (1, "2026-11-24T01:00:00+07:00", "2026-11-24T04:00:00+07:00")]
    assert [s["hours"] for s in monday] == ["22:00-01:00", "01:00-04:00"]
    for s in shifts:  # each shift has its own leader, listed first
        assert s["leader"] is not None and s["volunteers"][0]["leader"], s
        assert len(s["volunteers"]) == s["required"], s
    saturday = [s for s in shifts if s["date"] == "2026-11-28"]
    assert [s["required"] for s in saturday] == [5, 4]  # sat=4 plus the holiday's extra one


def test_calendars_put_each_shift_at_its_own_hours(run: Run, night_in_two: Path,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "jadwal.ics"
    assert run("export", "ics", "-o", str(out), "--from", MONDAY, "--to", "2026-11-29",
               env=ENV).exit_code == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    read = sorted((e["dtstart"].dt, e["dtend"].dt) for e in cal.walk("VEVENT"))
    expected = sorted((datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"]))
                      for s in week(run))
    assert read == expected
    late = [e for e in cal.walk("VEVENT") if "-1-all." in str(e["uid"])]
    assert all(e["dtstart"].dt.hour == 1 for e in late) and len(late) == 7
    monday = next(e for e in late if str(e["uid"]).startswith("2026-11-23"))
    assert str(monday["summary"]) == \
        "Night patrol, Mon night 23/11 · 01:00–04:00 (Tue 24/11) · Pos Kamling"
    assert str(monday["description"]).startswith(
        "Mon night 23/11/2026 · 01:00–04:00 WIB (Tue 24/11/2026)\n")


def test_an_incident_at_0215_belongs_to_the_late_shift_of_the_evening_before(
        run: Run, night_in_two: Path) -> None:
    now = {"RONDA_NOW": "2026-11-25T07:00:00+07:00"}
    result = run("incident", "log", "--at", "25/11/2026 02.15", "--category", "theft",
                 "--description", "Tabung gas hilang dari dapur belakang", "--json", env=now)
    assert result.exit_code == 0, result.output
    logged = json.loads(result.stdout)
    late = next(s for s in week(run) if s["date"] == "2026-11-24" and s["slot"] == 1)
    assert logged["shift"] == {"date": "2026-11-24", "slot": 1}
    assert logged["on_duty"] == [v["id"] for v in late["volunteers"]]
    stats = json.loads(run("incident", "stats", "--json", env=now).stdout)
    assert stats["patrol"]["full"]["incidents"] == 1 and stats["shifts_per_night"] == 2
    evening = run("incident", "log", "--at", "24/11/2026 23.30", "--category", "suspicious",
                  "--description", "Motor berputar-putar", "--behaviour", "Mengamati rumah",
                  "--plate", "B 1234 XY", "--json", env=now)
    assert json.loads(evening.stdout)["shift"] == {"date": "2026-11-24", "slot": 0}
    shown = run("incident", "show", str(logged["id"]), env={**now, "COLUMNS": "200"}, lang="id")
    leader = late["volunteers"][0]["name"]
    assert f"Selasa malam 24/11/2026 (malam Rabu) · 01.00–04.00 WIB (Rabu dini hari 25/11/2026)" \
           f" · ★ {leader}" in shown.stdout


def test_tonight_at_0200_is_the_team_on_duty_now(run: Run, night_in_two: Path) -> None:
    at_two = {"RONDA_NOW": "2026-11-25T02:00:00+07:00"}
    text = run("roster", "--tonight", "--format", "whatsapp", env=at_two, lang="id").stdout
    assert text.startswith("*Ronda malam ini: Selasa, 24/11/2026* _(Malam Rabu)_")
    late = next(s for s in week(run) if s["date"] == "2026-11-24" and s["slot"] == 1)
    assert "_01.00–04.00 (Rabu dini hari 25/11)_" in text
    assert all(v["name"] in text for v in late["volunteers"])
    morning = run("roster", "--tonight", "--format", "whatsapp", lang="id",
                  env={"RONDA_NOW": "2026-11-25T10:00:00+07:00"}).stdout
    assert morning.startswith("*Ronda malam ini: Rabu, 25/11/2026*")


def test_every_printed_format_groups_the_night_by_shift(run: Run, night_in_two: Path,
                                                        tmp_path: Path) -> None:
    shifts = week(run)
    monday = [s for s in shifts if s["date"] == MONDAY]
    text = run("roster", "--week", MONDAY, "--format", "text", env=ENV, lang="id").stdout
    assert "Giliran 1: pukul 22.00 s.d. 01.00 · Giliran 2: pukul 01.00 s.d. 04.00 WIB" in text
    block = text[text.index("Senin 23/11/2026"):text.index("Selasa 24/11/2026")]
    early, late = block.index("  22.00–01.00"), block.index("  01.00–04.00")
    assert early < late
    for s, part in zip(monday, (block[early:late], block[late:]), strict=True):
        leader = s["volunteers"][0]["name"]
        assert f"* {leader}" in part  # each shift marks its own leader
        assert all(v["name"] in part for v in s["volunteers"])
    wa = run("roster", "--week", MONDAY, "--format", "whatsapp", env=ENV, lang="id").stdout
    assert wa.count("_22.00–01.00_") == 7 and wa.count("_01.00–04.00_") == 7
    assert wa.count("⭐") == 14
    md = run("roster", "--week", MONDAY, "--format", "md", env=ENV, lang="id").stdout
    assert md.count("__22.00–01.00__") == 7
    html = tmp_path / "j.html"
    assert run("roster", "--week", MONDAY, "--format", "html", "-o", str(html),
               env=ENV, lang="id").exit_code == 0
    page = html.read_text("utf-8")
    paper = page[page.index('<section class="page"'):]  # the A4 page (the screen's is apart)
    # a night a column names each night's shifts; a night a row heads each shift's column once
    assert paper.count('>01.00–04.00</span>') in (1, 7)
    assert paper.count('>01.00–04.00</span>') == paper.count('>22.00–01.00</span>')
    assert page.count("<polygon") == 14 + 1  # a star by each leader, and the legend's
    teams = run("roster", "--week", MONDAY, "--format", "teams", env=ENV, lang="id").stdout
    assert teams.count("  22.00–01.00: ") == 7 and teams.count("  01.00–04.00: ") == 7
    terminal = run("roster", "--week", MONDAY, env={**ENV, "COLUMNS": "120"}, lang="id").stdout
    assert terminal.count("01.00–04.00") == 7 and terminal.count("★") == 14


def test_the_pdf_names_both_shifts(run: Run, night_in_two: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "j.pdf"
    assert run("roster", "--week", MONDAY, "--format", "pdf", "-o", str(pdf),
               env=ENV, lang="id").exit_code == 0
    pages = PdfReader(str(pdf)).pages
    assert len(pages) == 1  # a week of two shifts, 34 households with long names, a holiday
    words = "".join(page.extract_text() for page in pages)
    assert words.count("01.00–04.00") >= 1 and words.count("22.00–01.00") >= 1
    for s in week(run):
        assert all(v["name"].split()[0] in words for v in s["volunteers"])


def test_swap_attend_and_guest_name_the_shift(run: Run, night_in_two: Path) -> None:
    late = next(s for s in week(run) if s["date"] == "2026-11-26" and s["slot"] == 1)
    member = late["volunteers"][1]["name"]
    on_week = {v["name"] for s in week(run) for v in s["volunteers"]}
    free = next(n for n in (f"{FIRST_NAMES[i % 17]} {LAST_NAMES[i % 10]} {i + 1}"
                            for i in range(34))
                if n not in on_week and not n.startswith("Siti Kartika"))
    result = run("schedule", "swap", "2026-11-26", member, free, "--force", env=ENV, lang="id")
    assert result.exit_code == 0, result.output
    assert "Kamis malam 26/11/2026 (malam Jumat) · 01.00–04.00 (Jumat dini hari 27/11/2026)" \
        in result.stderr
    after = next(s for s in week(run) if s["date"] == "2026-11-26" and s["slot"] == 1)
    assert free in [v["name"] for v in after["volunteers"]]

    before = digest(night_in_two)
    ambiguous = run("schedule", "guest", "2026-11-26", "Bripka Agus", env=ENV, lang="id")
    assert ambiguous.exit_code == 2 and "--slot 2 (01.00–04.00)" in ambiguous.stderr
    assert digest(night_in_two) == before
    by_time = run("schedule", "guest", "2026-11-26", "Bripka Agus", "--slot", "01.00", env=ENV,
                  lang="id")
    assert by_time.exit_code == 0 and "01.00–04.00" in by_time.stderr
    guests = next(s for s in week(run) if s["date"] == "2026-11-26" and s["slot"] == 1)
    assert guests["guests"] == [{"name": "Bripka Agus", "role": "bhabinkamtibmas"}]
    assert run("schedule", "guest", "2026-11-26", "X", "--slot", "3", env=ENV).exit_code == 2
    assert run("schedule", "guest", "2026-11-26", "X", "--slot", "²", env=ENV).exit_code == 2

    leader = late["volunteers"][0]["name"]
    attended = run("schedule", "attend", "2026-11-26", "--absent", leader, "--reason", "sakit",
                   env={"RONDA_TODAY": "2026-11-27"}, lang="id")
    assert attended.exit_code == 0, attended.output
    assert "01.00–04.00" in attended.stderr
    logged = next(s for s in json.loads(run("schedule", "--week", MONDAY, "--json").stdout)
                  if s["date"] == "2026-11-26" and s["slot"] == 1)
    assert logged["volunteers"][0]["name"] == leader


def test_the_slip_names_each_shift_by_its_hours(run: Run, night_in_two: Path) -> None:
    late = next(s for s in week(run) if s["slot"] == 1)
    name = late["volunteers"][1]["name"]
    slip = run("roster", "--volunteer", name, "--week", MONDAY, "--format", "text",
               env=ENV, lang="id").stdout
    assert re.search(r"· 01\.00–04\.00 WIB \(\w+ dini hari \d\d/\d\d/2026\) · ", slip)


def test_overlapping_shifts_are_refused(run: Run, night_in_two: Path) -> None:
    before = digest(night_in_two)
    result = run("config", "set", "slots", "22.00-04.00=3, 01.00-03.00=2")
    assert result.exit_code == 2
    assert "bertumpuk" in result.stderr or "overlap" in result.stderr
    assert digest(night_in_two) == before


def test_a_night_in_english_too(run: Run, night_in_two: Path) -> None:
    text = run("roster", "--week", MONDAY, "--format", "text", "--lang", "en", env=ENV).stdout
    assert "Shift 1: 22:00 to 01:00 · Shift 2: 01:00 to 04:00 WIB" in text
    assert "  01:00–04:00" in text


def test_new_shifts_replan_the_coming_nights_and_keep_the_past(run: Run,
                                                               night_in_two: Path) -> None:
    env = {"RONDA_TODAY": "2026-11-25"}  # 25/11 has begun at 23.59
    before = {(s["date"], s["slot"]): s for s in week(run)}
    result = run("config", "set", "slots", "21.00-00.00=2, 00.00-02.00=2, 02.00-04.00=2",
                 env=env)
    assert result.exit_code == 0, result.output
    assert "planned again for the new shifts" in result.stderr
    after = {(s["date"], s["slot"]): s for s in week(run)}
    for key, s in before.items():
        if key[0] <= "2026-11-25":  # begun nights keep their shifts and their own hours
            assert after[key] == {**s}
    thursday = [after[("2026-11-26", i)] for i in range(3)]
    assert [(s["start"][11:16], s["end"][11:16]) for s in thursday] == [
        ("21:00", "00:00"), ("00:00", "02:00"), ("02:00", "04:00")]
    assert thursday[1]["start"].startswith("2026-11-27")
    assert run("schedule", "check", env=env).exit_code == 0
    back = run("config", "set", "slots", "22.00-04.00=4", env=env)
    assert back.exit_code == 0
    final = {(s["date"], s["slot"]): s for s in week(run)}
    assert ("2026-11-26", 1) not in final and final[("2026-11-24", 1)] == before[
        ("2026-11-24", 1)]
    assert len(final[("2026-11-26", 0)]["volunteers"]) == 4


def test_final_pass_findings(run: Run, night_in_two: Path) -> None:
    naive = run("roster", "--tonight", "--format", "whatsapp",
                env={"RONDA_NOW": "2026-11-25T02:00"}, lang="id").stdout
    assert naive.startswith("*Ronda malam ini: Selasa, 24/11/2026*")  # WIB, not the machine's
    shift = next(s for s in week(run) if s["date"] == "2026-11-26" and s["slot"] == 0)
    before = digest(night_in_two)
    guest = run("schedule", "guest", "2026-11-26", shift["volunteers"][0]["name"], "--slot",
                "1", env=ENV)
    assert guest.exit_code == 2 and "already on duty" in guest.stderr
    on_night = {v["id"] for s in week(run) if s["date"] == "2026-11-26" for v in s["volunteers"]}
    off = next(i for i in range(1, 35) if i not in on_night)
    swap = run("schedule", "swap", "2026-11-26", str(off), str(shift["volunteers"][1]["id"]),
               env=ENV)
    assert swap.exit_code == 2 and "not on duty" in swap.stderr
    change = run("volunteer", "away", "Siti Kartika", "--change", "1", env=ENV)
    assert change.exit_code == 2
    assert digest(night_in_two) == before
    past = run("schedule", "build", "--from", "2026-11-01", "--to", "2026-11-10",
               env={"RONDA_TODAY": "2026-11-22"})
    assert past.exit_code == 0 and "nothing is planned into the past" in past.stderr


def test_two_shifts_at_80_columns_keep_every_hour_and_phone(run: Run, night_in_two: Path) -> None:
    env = {**ENV, "COLUMNS": "80", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    text = run("schedule", "--week", MONDAY, env=env, lang="id").stdout
    assert text.count("  Jam: 22.00–01.00 WIB") == 7 and text.count("  Jam: 01.00–04.00 WIB") == 7
    phones = {f"0812-{3000 + i:04d}-{4000 + i:04d}" for i in range(34)}
    shown = {p for p in phones if p in text}
    assert len(shown) >= 20  # a week's people, each phone whole
    assert all(len(line) <= 80 for line in text.splitlines())


def test_an_exchange_with_someone_not_on_that_night_says_so(run: Run,
                                                            night_in_two: Path) -> None:
    """Not "choose a shift with --slot" (exchange takes no --slot): the person is not on."""
    nights = week(run)
    first = next(s for s in nights if s["date"] == "2026-11-26")
    mover = first["volunteers"][1]["name"]
    on_30 = {v["name"] for s in nights if s["date"] == "2026-11-29" for v in s["volunteers"]}
    other = next(v["name"] for s in nights if s["date"] == "2026-11-27"
                 for v in s["volunteers"] if v["name"] not in on_30 and v["name"] != mover)
    before = digest(night_in_two)
    refused = run("schedule", "exchange", "2026-11-26", mover, "2026-11-29", other, env=ENV,
                  lang="id")
    assert refused.exit_code == 2, refused.output
    assert "tidak bertugas pada Minggu" in refused.stderr and "--slot" not in refused.stderr
    assert digest(night_in_two) == before
