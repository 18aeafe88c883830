"""The Bhabinkamtibmas's view: one kelurahan, many RTs (``ronda area``).

The area reads the RT files its area file names without changing them, reports an RT that
does not read in one line and shows the others; plans the liaison's joint patrols across the
RTs and, asked to, writes them into each RT's schedule once; and counts the incident books
together without ever showing a reporter or a resident's phone.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from builders import example_area, log_incident
from conftest import BASE_ENV, TODAY, digest
from test_caldav import radicale  # noqa: F401 (the CalDAV server fixture)
from typer.testing import CliRunner, Result

from ronda.area.visits import plan_visits
from ronda.cli.app import app
from ronda.dates import zone
from ronda.incidents.book import Incident, Reporter
from ronda.store.area import area_snapshot
from ronda.store.datafile import open_data

RTS = ("rt001.json", "rt002.json", "rt003.json", "rt004.json", "rt005.json")
PHONE = re.compile(r"\+62|\b08\d{2}-?\d{3,4}")
WIB = zone("Asia/Jakarta")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example area, built once: five RTs planned five weeks back and five ahead."""
    return example_area(tmp_path_factory.mktemp("area") / "kel", date.fromisoformat(TODAY))


@pytest.fixture
def area(built: Path, tmp_path: Path) -> Path:
    """A copy of the example area for one test; returns its area file."""
    folder = tmp_path / "kel"
    shutil.copytree(built.parent, folder)
    return folder / "area.toml"


def ronda(*args: str, area: Path | None = None, lang: str = "en",
          env: dict[str, str] | None = None) -> Result:
    """``ronda --lang LANG ARGS`` with ``RONDA_AREA`` naming the area file."""
    extra = {"RONDA_AREA": str(area)} if area else {}
    return CliRunner().invoke(app, ["--lang", lang, *args],
                              env={**BASE_ENV, **extra, **(env or {})})


def digests(folder: Path) -> dict[str, str]:
    return {name: digest(folder / name) for name in RTS if (folder / name).exists()}


def test_area_init_writes_an_area_file_that_names_its_rts(tmp_path: Path) -> None:
    path = tmp_path / "area.toml"
    made = ronda("area", "init", "--name", "Kel. Tembalang", "--liaison", "Bripka Agus",
                 "--file", "rt001.json", "--file", "rt002.json", "--nights", "sen-sab",
                 "--area", str(path))
    assert made.exit_code == 0, made.stderr
    assert "Kel. Tembalang" in made.stderr
    text = path.read_text("utf-8")
    assert 'files = ["rt001.json", "rt002.json"]' in text
    assert 'nights = "mon,tue,wed,thu,fri,sat"' in text
    again = ronda("area", "init", "--name", "X", "--liaison", "Y", "--folder", ".",
                  "--area", str(path))
    assert again.exit_code == 1 and path.read_text("utf-8") == text
    both = ronda("area", "init", "--name", "X", "--liaison", "Y", "--folder", ".", "--file",
                 "a.json", "--area", str(tmp_path / "other.toml"))
    assert both.exit_code == 2 and not (tmp_path / "other.toml").exists()
    shown = ronda("area", "--json", area=path)  # neither RT file exists yet: both said, no crash
    assert shown.exit_code == 0
    assert [p["file"] for p in json.loads(shown.stdout)["problems"]] == ["rt001.json",
                                                                         "rt002.json"]
    assert shown.stderr.count("\n") == 2
    assert "rt001.json left out: No neighbourhood data at" in shown.stderr


def test_an_rt_that_does_not_read_is_one_line_and_the_others_are_shown(area: Path) -> None:
    folder = area.parent
    (folder / "rt002.json").write_text("{broken", "utf-8")
    newer = json.loads((folder / "rt003.json").read_text())
    newer["_meta"]["1"]["schema"] = 99
    (folder / "rt003.json").write_text(json.dumps(newer), "utf-8")
    (folder / "rt005.json").unlink()
    before = digests(folder)
    for lang, word in (("en", "left out"), ("id", "dilewati")):
        result = ronda("area", "schedule", "--week", "2026-11-23", area=area, lang=lang)
        assert result.exit_code == 0, result.stderr
        lines = result.stderr.strip().splitlines()
        assert [line.split()[1] for line in lines[:3]] == ["rt002.json", "rt003.json",
                                                           "rt005.json"]
        assert all(word in line for line in lines[:3])
        assert "RT 001 / RW 002" in result.stdout and "RT 004 / RW 002" in result.stdout
        assert "RT 003" not in result.stdout
        assert "Traceback" not in result.output
    assert digests(folder) == before
    assert not (folder / "backups").exists()


def test_an_rt_locked_by_a_writer_is_left_out_and_the_rest_read(area: Path) -> None:
    from filelock import FileLock

    with FileLock(str(area.parent / "rt001.json") + ".lock"):
        result = ronda("area", "schedule", "--json", area=area,
                       env={"RONDA_LOCK_TIMEOUT": "0.1"})
    assert result.exit_code == 0
    assert "rt001.json left out" in result.stderr and "in use" in result.stderr
    assert [r["rt"] for r in json.loads(result.stdout)["rts"]] == ["rt002", "rt003", "rt004",
                                                                   "rt005"]


def test_area_schedule_puts_every_rt_s_week_side_by_side(area: Path) -> None:
    result = ronda("area", "schedule", "--week", "28/11/2026", "--json", area=area)
    assert result.exit_code == 0, result.stderr
    week = json.loads(result.stdout)
    assert (week["from"], week["to"]) == ("2026-11-23", "2026-11-29")
    assert [r["name"] for r in week["rts"]] == [f"RT 00{n} / RW 002" for n in range(1, 6)]
    assert all(len(r["nights"]) == 7 and all(n["planned"] for n in r["nights"])
               for r in week["rts"])
    small = week["rts"][3]  # RT 004: seven households cannot fill every night
    short = [n for n in small["nights"] if n["short"]]
    assert short and all(n["on_duty"] < n["required"] for n in short)
    assert small["short_nights"] == len(short)
    assert all(r["short_nights"] == 0 for r in week["rts"] if r["rt"] != "rt004")
    assert not PHONE.search(result.stdout)
    shown = ronda("area", "--area", str(area), "schedule", "--week", "28/11/2026", lang="id")
    assert "Sab 28/11" in shown.stdout and f"{short[0]['on_duty']}/{short[0]['required']} !" \
        in shown.stdout
    assert "kurang orang" in shown.stderr
    assert not PHONE.search(shown.stdout)


def _plan(area: Path, *args: str) -> dict:
    result = ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", "--json",
                   *args, area=area)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_joint_patrols_visit_every_rt_one_a_night_within_the_liaison_s_rest(
        area: Path) -> None:
    before = digests(area.parent)
    plan = _plan(area)
    visits = plan["visits"]
    nights = [date.fromisoformat(v["date"]) for v in visits]
    assert len(nights) == len(set(nights)) == 8  # two a week, at most one RT a night
    assert all(d.weekday() != 6 for d in nights)  # the liaison's nights: Monday to Saturday
    assert all((b - a).days > 1 for a, b in zip(nights, nights[1:], strict=False))  # rest 1
    assert {v["rt"] for v in visits} == {r.removesuffix(".json") for r in RTS}
    weights = {w["rt"]: w for w in plan["weights"]}
    assert all(w["weight"] == 1 + w["incidents_90d"] + w["short_patrols_90d"]
               for w in weights.values())
    assert weights["rt003"]["visits"] > weights["rt005"]["visits"]  # nine incidents, none
    assert sum(w["visits"] for w in weights.values()) == 8 and plan["unvisited"] == []
    assert digests(area.parent) == before  # planning alone writes nothing
    shown = ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", area=area)
    assert "Weight = 1 + incidents + short patrols" in shown.stderr
    assert "Why each RT gets its visits" in shown.stdout


def test_applied_visits_reach_each_rt_s_schedule_and_calendar_once(area: Path,
                                                                     tmp_path: Path) -> None:
    folder = area.parent
    applied = ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", "--apply",
                    area=area)
    assert applied.exit_code == 0, applied.stderr
    assert "8 joint patrols written into 5 RT schedules" in applied.stderr
    plan = _plan(area)
    assert all(not v["new"] for v in plan["visits"]) and len(plan["visits"]) == 8
    first = next(v for v in plan["visits"] if v["rt"] == "rt003")
    db = folder / "rt003.json"
    night = ronda("--db", str(db), "schedule", "--week", first["date"], "--json")
    [shift] = [s for s in json.loads(night.stdout) if s["date"] == first["date"]]
    assert shift["guests"] == [{"name": "Bripka Agus Widodo", "role": "bhabinkamtibmas"}]
    calendar = tmp_path / "rt003.ics"
    exported = ronda("--db", str(db), "export", "ics", "-o", str(calendar), "--from",
                     first["date"], "--to", first["date"])
    assert exported.exit_code == 0, exported.stderr
    assert "Bripka Agus Widodo" in calendar.read_text("utf-8").replace("\r\n ", "")
    assert len(list((folder / "backups").iterdir())) == 5  # each RT backed up before its write
    before = digests(folder)
    again = ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", "--apply",
                  area=area)
    assert "0 new" in again.stderr and "0 joint patrols written" in again.stderr
    assert digests(folder) == before
    assert len(list((folder / "backups").iterdir())) == 5


def test_fewer_nights_than_rts_go_to_the_heaviest_and_the_rest_are_named(area: Path) -> None:
    first = date(2026, 11, 23)
    snapshot = area_snapshot(area, first=first - timedelta(days=90), last=first + timedelta(6),
                             since=first - timedelta(days=90), until=first)
    now = datetime.combine(date.fromisoformat(TODAY), time(20), WIB)
    plan = plan_visits(snapshot.rts, snapshot.area.liaison, first, first + timedelta(6), now,
                       per_week=2, nights=["thu", "sat"])
    heaviest = sorted(plan.weights, key=lambda w: -w.weight)
    assert {v.rt for v in plan.visits} == {heaviest[0].rt, heaviest[1].rt}
    assert sorted(v.date.weekday() for v in plan.visits) == [3, 5]
    assert len(plan.unvisited) == 3
    shown = ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "1",
                  "--nights", "kam,sab", "--per-week", "2", area=area, lang="id")
    assert shown.stderr.count("tidak mendapat patroli bersama") == 3


def test_the_incident_books_together_name_no_reporter_witness_or_phone(area: Path,
                                                                       tmp_path: Path) -> None:
    moment = datetime(2026, 11, 21, 23, 30, tzinfo=WIB)
    with open_data(area.parent / "rt001.json", write=True) as data:
        log_incident(data, Incident(0, moment, moment, "theft", "Jemuran hilang", "low",
                                    "Gang Mawar 2", witness="Bu Saksi Rahasia"),
                     moment + timedelta(hours=1),
                     Reporter(0, "Pak Pelapor Terbuka", public=True))
    listed = ronda("area", "incidents", "list", "--json", area=area)
    rows = json.loads(listed.stdout)
    assert len(rows) == 2 + 1 + 9 + 3 + 0 + 1
    assert {"rt", "rt_name", "id", "category", "status", "overdue"} <= set(rows[0])
    assert "reporter" not in rows[0] and "witness" not in rows[0]
    stats = json.loads(ronda("area", "incidents", "stats", "--json", area=area).stdout)
    assert stats["total"] == len(rows) and stats["rts"] == 5
    assert {r["rt"]: r["total"] for r in stats["by_rt"]} == {
        "rt001": 3, "rt002": 1, "rt003": 9, "rt004": 3, "rt005": 0}
    assert sum(c["count"] for c in stats["clock"]) + stats["daytime"] == len(rows)
    assert sum(stats["trend"].values()) == len(rows)
    assert stats["overdue"] and all(o["rt"] and o["station"] for o in stats["overdue"])
    outputs = [listed.stdout, json.dumps(stats),
               ronda("area", "incidents", "list", area=area).stdout,
               ronda("area", "incidents", "stats", area=area, lang="id").output]
    for fmt in ("csv", "md", "json"):
        out = tmp_path / f"area.{fmt}"
        made = ronda("area", "incidents", "export", "--format", fmt, "-o", str(out), area=area)
        assert made.exit_code == 0, made.stderr
        outputs.append(out.read_text("utf-8"))
    assert outputs[-3].splitlines()[0].startswith("rt,rt_name,id,")
    for text in outputs:
        assert "Pelapor" not in text and "Saksi" not in text and not PHONE.search(text)


def test_demo_area_builds_the_example_and_writes_a_month_of_joint_patrols(
        tmp_path: Path) -> None:
    result = ronda("--db", str(tmp_path / "demo.json"), "demo", "--area")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "area.toml").exists()
    assert re.search(r"✓ \d+ joint patrols written into 5 RT schedules", result.stderr)
    assert "+ Bripka Agus Widodo" in result.stdout
    guests = sum(1 for name in RTS for s in json.loads((tmp_path / name).read_text())[
        "shifts"].values() if s["guests"])
    assert guests >= 8


def test_the_liaison_s_calendar_keeps_uids_and_cancels_a_visit_taken_off(
        area: Path, tmp_path: Path) -> None:
    import icalendar

    ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", "--apply", area=area)
    before = digests(area.parent)

    def export(name: str) -> dict[str, tuple[int, str]]:
        out = tmp_path / name
        made = ronda("area", "export", "ics", "-o", str(out), "--from", "23/11/2026", "--to",
                     "20/12/2026", area=area)
        assert made.exit_code == 0, made.stderr
        return {str(e["uid"]): (int(e["sequence"]), str(e["status"]))
                for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}

    first = export("a.ics")
    assert len(first) == 8 and {s for s, _ in first.values()} == {0}
    assert all(uid.startswith("visit-") for uid in first)
    assert export("b.ics") == first  # the same visits: the same UIDs, nothing re-sent
    assert digests(area.parent) == before  # the calendar writes no RT file
    uid = sorted(first)[0]
    day, rt = uid[6:16], uid.split(".")[1].removesuffix("-rw-002@ronda").replace("-", "")
    removed = ronda("--db", str(area.parent / f"{rt}.json"), "schedule", "guest", day,
                    "Bripka Agus Widodo", "--remove")
    assert removed.exit_code == 0, removed.stderr
    after = export("c.ics")
    assert after[uid] == (1, "CANCELLED")
    assert {u: v for u, v in after.items() if u != uid} == {u: v for u, v in first.items()
                                                              if u != uid}



@pytest.mark.slow  # a real CalDAV server
def test_the_liaison_s_calendar_publishes_by_uid_and_follows_a_removed_visit(
        area: Path, radicale: str) -> None:  # noqa: F811
    from test_caldav import read_back

    ronda("area", "plan-visits", "--from", "23/11/2026", "--weeks", "4", "--apply", area=area)
    url = f"{radicale}/koordinator/bhabin/"
    env = {"DAV_PASSWORD": "rahasia"}
    args = ("area", "publish", "caldav", url, "--user", "koordinator", "--password-env",
            "DAV_PASSWORD", "--from", "23/11/2026", "--to", "20/12/2026")
    first = ronda(*args, area=area, env=env)
    assert first.exit_code == 0, first.stderr
    assert "8 added" in first.stderr
    published = read_back(url)
    assert len(published) == 8 and all(uid.startswith("visit-") for uid in published)
    again = ronda(*args, area=area, env=env)
    assert "all 8 events are there as they are; nothing was sent" in again.stderr
    uid = sorted(published)[0]
    day, rt = uid[6:16], uid.split(".")[1].removesuffix("-rw-002@ronda").replace("-", "")
    ronda("--db", str(area.parent / f"{rt}.json"), "schedule", "guest", day,
          "Bripka Agus Widodo", "--remove")
    third = ronda(*args, area=area, env=env)
    assert third.exit_code == 0, third.stderr
    assert uid not in read_back(url) and len(read_back(url)) == 7


def test_the_area_schedule_prints_a_landscape_page_a_week(area: Path, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    pdf = tmp_path / "area.pdf"
    made = ronda("area", "schedule", "--from", "23/11/2026", "--to", "06/12/2026", "--format",
                 "pdf", "-o", str(pdf), area=area, lang="id")
    assert made.exit_code == 0, made.output
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 2  # a page a week
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    first = " ".join(reader.pages[0].extract_text().split())
    assert all(f"RT 00{n} / RW 002" in first for n in range(1, 6))
    assert "Sab 28/11" in first and "Sen 30/11" not in first
    assert " !" in first and not PHONE.search(first)
    html = tmp_path / "area.html"
    assert ronda("area", "schedule", "--week", "28/11/2026", "--format", "html", "-o",
                 str(html), area=area).exit_code == 0
    page = html.read_text("utf-8")
    assert "@page{size:A4 landscape" in page and 'class="mark"' in page
    assert "RT 004 / RW 002" in page and "font/ttf;base64" in page


def test_a_format_the_area_does_not_write_is_one_line_and_changes_nothing(area: Path) -> None:
    before = digests(area.parent)
    for args in (("incidents", "export", "--format", "pdf"),
                 ("schedule", "--week", "28/11/2026", "--format", "md")):
        for lang in ("en", "id"):
            refused = ronda("area", *args, area=area, lang=lang)
            assert refused.exit_code == 2, refused.output
            assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in \
                refused.output
            assert "csv, json, md" in refused.stderr or "html, pdf" in refused.stderr
    assert digests(area.parent) == before
