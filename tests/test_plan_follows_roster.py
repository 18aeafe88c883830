"""The plan follows the roster: a change to the roster repairs the coming nights with the
smallest change and says so; the past and attended nights never move; rebuilds keep hand
placements; attendance, guests and away periods can be trusted; the group and each person
affected can be told what changed."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

from conftest import BASE_ENV, MONDAY, Run, digest

WEDNESDAY = {"RONDA_TODAY": "2026-11-25"}  # 23 and 24 November are past, 25 at 23.59 started


def plan(run: Run, env: dict | None = None) -> dict[tuple[str, int], dict]:
    result = run("schedule", "--from", MONDAY, "--to", "2026-12-20", "--json",
                 env=env or WEDNESDAY)
    return {(s["date"], s["slot"]): s for s in json.loads(result.stdout)}


def ids(shift: dict) -> list[int]:
    return [v["id"] for v in shift["volunteers"]]


def someone_planned_later(before: dict, after: str = "2026-11-26") -> int:
    """A non-leader who has coming duties and past ones."""
    for (d, _), s in sorted(before.items()):
        if d >= after:
            for v in s["volunteers"][1:]:
                if any(v["id"] in ids(x) for (e, _), x in before.items() if e < "2026-11-25"):
                    return v["id"]
    raise AssertionError("nobody found")


def test_remove_repairs_only_the_coming_nights_and_says_so(run: Run,
                                                           night_in_two: Path) -> None:
    before = plan(run)
    pid = someone_planned_later(before)
    result = run("volunteer", "remove", str(pid), env=WEDNESDAY)
    assert result.exit_code == 0, result.output
    assert "The coming nights follow the change" in result.stderr
    after = plan(run)
    for key, s in before.items():
        if key[0] <= "2026-11-25":  # started or past: exactly as before
            assert after[key] == s
        else:
            assert pid not in ids(after[key])
            if pid in ids(s):
                assert len(after[key]["volunteers"]) == len(s["volunteers"]) or \
                    after[key]["understaffed"]
                moved = set(ids(s)) ^ set(ids(after[key]))
                assert len(moved) == 2  # one out, one in
            else:
                assert after[key]["volunteers"] == s["volunteers"]  # untouched
    changed = [k for k in before if k[0] > "2026-11-25" and pid in ids(before[k])]
    assert result.stderr.count(" → ") == len(changed)
    check = run("schedule", "check", env=WEDNESDAY)
    assert check.exit_code == 0 and "no conflicts" in check.stderr


def test_no_repair_lists_conflicts_and_check_exits_1(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    pid = someone_planned_later(before)
    coming = sorted(k for k in before if k[0] > "2026-11-25" and pid in ids(before[k]))
    day = coming[0][0]
    result = run("volunteer", "away", str(pid), "--from", day, "--to", day, "--reason", "sakit",
                 "--no-repair", env=WEDNESDAY)
    assert result.exit_code == 0, result.output
    assert "is planned but away (sick)" in result.stderr
    assert plan(run) == before
    check = run("schedule", "check", "--json", env=WEDNESDAY)
    assert check.exit_code == 1
    assert {(c["date"], c["volunteer"], c["rule"]) for c in json.loads(check.stdout)} == {
        (day, pid, "away")}
    repaired = run("volunteer", "away", str(pid), "--list", env=WEDNESDAY)
    assert repaired.exit_code == 0 and "sick" in repaired.stdout


def test_away_new_changed_and_cancelled_each_follow(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    pid = someone_planned_later(before)
    coming = sorted(k for k in before if k[0] > "2026-11-25" and pid in ids(before[k]))
    day = coming[0][0]
    assert run("volunteer", "away", str(pid), "--from", day, "--to", day, "--reason", "dinas",
               env=WEDNESDAY).exit_code == 0
    assert pid not in ids(plan(run)[coming[0]])
    periods = json.loads(run("volunteer", "away", str(pid), "--json", env=WEDNESDAY).stdout)
    number = next(p["number"] for p in periods if p["from"] == day)
    overlap = run("volunteer", "away", str(pid), "--from", day, "--to", "2026-12-30",
                  "--reason", "mudik", env=WEDNESDAY)
    assert overlap.exit_code == 2 and f"away period {number}" in overlap.stderr
    merged = run("volunteer", "away", str(pid), "--from", day, "--to", "2026-12-30",
                 "--reason", "dinas", env=WEDNESDAY)
    assert merged.exit_code == 0
    assert all(pid not in ids(s) for k, s in plan(run).items() if day <= k[0] <= "2026-12-20")
    cancel = run("volunteer", "away", str(pid), "--cancel", str(number), env=WEDNESDAY)
    assert cancel.exit_code == 0, cancel.output
    assert json.loads(run("volunteer", "away", str(pid), "--json",
                          env=WEDNESDAY).stdout) == [p for p in periods if p["from"] != day]
    assert run("schedule", "check", env=WEDNESDAY).exit_code == 0


def test_back_from_a_future_date(run: Run, night_in_two: Path) -> None:
    agus = "Agus Prasetyo Nugroho 3"
    assert run("volunteer", "away", agus, "--from", "2026-12-01", "--to", "2026-12-10",
               env=WEDNESDAY).exit_code == 0
    back = run("volunteer", "back", agus, "--from", "2026-12-05", env=WEDNESDAY)
    assert back.exit_code == 0, back.output
    periods = json.loads(run("volunteer", "away", agus, "--json", env=WEDNESDAY).stdout)
    assert [(p["from"], p["to"]) for p in periods] == [("2026-12-01", "2026-12-04")]
    not_away = run("volunteer", "back", agus, "--from", "2026-12-20", env=WEDNESDAY)
    assert not_away.exit_code == 2 and "--cancel" in not_away.stderr


def test_a_leader_who_steps_down_is_replaced_as_leader(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    led = [(k, s) for k, s in sorted(before.items()) if k[0] > "2026-11-25" and s["leader"]]
    key, shift = led[0]
    leader = shift["leader"]
    result = run("volunteer", "edit", str(leader), "--no-leader", env=WEDNESDAY)
    assert result.exit_code == 0, result.output
    after = plan(run)
    for k, s in after.items():
        if k[0] > "2026-11-25":
            assert s["leader"] != leader
            assert s["leader"] is not None or s["no_leader"]
    assert after[("2026-11-24", 0)] == before[("2026-11-24", 0)]


def test_a_rebuild_keeps_past_attended_and_hand_placed_nights(run: Run,
                                                             night_in_two: Path) -> None:
    env = {"RONDA_TODAY": "2026-11-27"}
    before = plan(run, env)
    saturday = before[("2026-11-28", 1)]
    out = saturday["volunteers"][-1]
    on_night = {p for (d, _), s in before.items() if d == "2026-11-28" for p in ids(s)}
    roster = json.loads(run("volunteer", "list", "--json").stdout)
    into = next(v for v in roster if v["id"] not in on_night and v["away"] == []
                and not v["leader"])
    forced = run("schedule", "swap", "2026-11-28", str(out["id"]), str(into["id"]), "--force",
                 env=env)
    assert forced.exit_code == 0, forced.output
    attended = run("schedule", "attend", "2026-11-26", "--slot", "1", "--absent",
                   ids(before[("2026-11-26", 0)])[-1].__str__() + "=sakit", env=env)
    assert attended.exit_code == 0, attended.output
    kept = plan(run, env)
    rebuilt = run("schedule", "build", "--from", MONDAY, "--weeks", "4", "--yes", env=env)
    assert rebuilt.exit_code == 0, rebuilt.output
    after = plan(run, env)
    for key, s in kept.items():
        if key[0] <= "2026-11-27":
            assert after[key] == s  # past, started and attended nights never move
    assert into["id"] in ids(after[("2026-11-28", 1)])  # the hand placement stays
    assert after == kept  # nothing changed in the roster: nothing moves
    unpinned = run("schedule", "build", "--from", "2026-11-28", "--weeks", "1", "--unpin",
                   "--yes", env=env)
    assert unpinned.exit_code == 0


def test_exchange_swaps_two_nights_and_checks_the_rules(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    a_shift, b_shift = before[("2026-11-27", 0)], before[("2026-12-04", 1)]
    a, b = a_shift["volunteers"][-1], b_shift["volunteers"][-1]
    result = run("schedule", "exchange", "27/11/2026", a["name"], "04/12/2026", b["name"],
                 "--force", env=WEDNESDAY)
    assert result.exit_code == 0, result.output
    after = plan(run)
    assert b["id"] in ids(after[("2026-11-27", 0)]) and a["id"] not in ids(
        after[("2026-11-27", 0)])
    assert a["id"] in ids(after[("2026-12-04", 1)]) and b["id"] not in ids(
        after[("2026-12-04", 1)])
    assert "Exchanged" in result.stderr
    before_bytes = digest(night_in_two)
    same = run("schedule", "exchange", "27/11/2026", b["name"], "27/11/2026", b["name"],
               env=WEDNESDAY)
    assert same.exit_code == 2 and digest(night_in_two) == before_bytes


def test_attendance_is_checked_and_every_absence_kept(run: Run, night_in_two: Path) -> None:
    env = {"RONDA_TODAY": "2026-11-27"}
    shift = plan(run, env)[("2026-11-26", 0)]
    people = ids(shift)
    stranger = next(i for i in range(1, 35) if all(i not in ids(s) for (d, _), s in
                                                   plan(run, env).items() if d == "2026-11-26"))
    before = digest(night_in_two)
    for args in (("2026-12-10", "--slot", "1", "--absent", str(people[1])),  # not started
                 ("2026-11-26", "--slot", "1", "--present", str(stranger)),  # not on it
                 ("2026-11-26", "--slot", "1", "--present", str(people[1]), "--absent",
                  str(people[1])),  # two states
                 ("2026-11-26", "--slot", "1", "--absent", str(people[1]), "--substitute",
                  str(people[2])),  # a stand-in already on the shift
                 ("2026-11-26", "--slot", "1", "--absent", f"{people[1]}=mogok"),
                 ("2026-11-26", "--slot", "1", "--absent", f"{people[1]}=")):  # reason left out
        result = run("schedule", "attend", *args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    assert digest(night_in_two) == before
    result = run("schedule", "attend", "2026-11-26", "--slot", "1",
                 "--absent", f"{people[1]}=sakit", "--absent", str(people[2]),
                 "--reason", "TK", "--substitute", "-", "--substitute", str(stranger),
                 "--note", "situasi aman", env=env, lang="id")
    assert result.exit_code == 0, result.output
    stored = next(s for s in json.loads(night_in_two.read_text())["shifts"].values()
                  if s["date"] == "2026-11-26" and s["slot"] == 0)
    absences = {a["volunteer"]: a for a in stored["absences"]}
    assert absences[people[1]]["reason"] == "sakit" and absences[people[1]]["fine"] == 0
    assert absences[people[2]]["reason"] == "tanpa-keterangan"
    assert absences[people[2]]["substitute_id"] == stranger
    assert sorted(stored["present"]) == sorted(p for p in people if p not in absences)
    stats = run("schedule", "stats", "--from", "2026-11-26", "--to", "2026-11-26", env=env,
                lang="id")
    assert "Izin: giliran sendiri yang ditinggalkan dengan pemberitahuan: izin, sakit, dinas." \
        in stats.stderr


def test_guests_are_idempotent_and_can_be_removed(run: Run, night_in_two: Path) -> None:
    for _ in range(2):
        assert run("schedule", "guest", "2026-11-28", "Bripka Agus Widodo", "--slot", "2",
                   env=WEDNESDAY).exit_code == 0
    assert plan(run)[("2026-11-28", 1)]["guests"] == [
        {"name": "Bripka Agus Widodo", "role": "bhabinkamtibmas"}]
    gone = run("schedule", "guest", "2026-11-28", "bripka agus widodo", "--remove",
               env=WEDNESDAY)
    assert gone.exit_code == 0, gone.output
    assert plan(run)[("2026-11-28", 1)]["guests"] == []
    assert run("schedule", "guest", "2026-11-28", "Bripka Agus Widodo", "--remove",
               "--slot", "2", env=WEDNESDAY).exit_code == 2


def test_the_change_message_and_one_link_per_person(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    pid = someone_planned_later(before)
    removed = run("volunteer", "remove", str(pid), env=WEDNESDAY)
    assert removed.exit_code == 0
    after = plan(run)
    changed = sorted(k for k in before if before[k] != after[k])
    text = run("roster", "--changes", "--format", "whatsapp", env=WEDNESDAY, lang="id").stdout
    assert text.startswith("*JADWAL RONDA BERUBAH*")
    assert text.count("Kini: ") == len(changed)
    name = next(v["name"] for v in before[changed[0]]["volunteers"] if v["id"] == pid)
    assert text.count(f"~{name}~") == len(changed)
    tell = run("roster", "--changes", "--tell", env=WEDNESDAY, lang="id").stdout
    links = [line for line in tell.splitlines() if line.startswith("https://wa.me/62")]
    newcomers = {p for k in changed for p in ids(after[k]) if p not in ids(before[k])}
    assert len(links) == len(newcomers) + 1
    assert any("Anda tidak lagi bertugas" in unquote(link) for link in links)
    english = run("roster", "--changes", "--format", "whatsapp", env=WEDNESDAY,
                  lang="en").stdout
    assert "*NIGHT PATROL SCHEDULE CHANGED*" in english
    plain = run("roster", "--changes", "--format", "text", env=WEDNESDAY, lang="en").stdout
    assert plain.startswith("NIGHT PATROL SCHEDULE CHANGED\n") and "~" not in plain
    quiet = run("roster", "--changes", env={"RONDA_TODAY": "2026-12-01"})
    assert quiet.exit_code == 0 and "No coming night has changed" in quiet.stderr


def test_the_verdict_counts_what_each_can_carry(run: Run, night_in_two: Path) -> None:
    assert run("volunteer", "edit", "Sri Rahayu Ningsih 6", "--max-per-week", "1", "--days", "sab",
               env=WEDNESDAY).exit_code == 0
    stats = json.loads(run("schedule", "stats", "--from", MONDAY, "--to", "2026-12-20",
                           "--json", env=WEDNESDAY).stdout)
    sri = next(r for r in stats if r["name"] == "Sri Rahayu Ningsih 6")
    assert sri["can_carry"] == 4 and sri["share"] <= 4
    assert "days" in sri["share_limited_by"] and "week" in sri["share_limited_by"]
    text = run("schedule", "stats", "--from", MONDAY, "--to", "2026-12-20", env=WEDNESDAY)
    assert "available Sat; at most 1 a week → can carry 4 duties" in text.stderr


def test_a_new_household_and_a_rebuild_that_lists_what_moved(run: Run,
                                                             night_in_two: Path) -> None:
    before = plan(run)
    key = ("2026-12-02", 0)
    a, b = before[key]["volunteers"][-1], before[key]["volunteers"][-2]
    roster = {v["id"]: v for v in json.loads(run("volunteer", "list", "--json").stdout)}
    moved_in = run("volunteer", "edit", str(a["id"]), "--household",
                   roster[b["id"]]["household"], "--no-repair", env=WEDNESDAY)
    assert moved_in.exit_code == 0 and "same household" in moved_in.stderr
    rebuilt = run("schedule", "build", "--from", MONDAY, "--weeks", "4", "--yes", env=WEDNESDAY)
    assert rebuilt.exit_code == 0, rebuilt.output
    after = plan(run)
    changed = [k for k in before if before[k] != after[k]]
    assert key in changed and all(k[0] > "2026-11-25" for k in changed)
    assert rebuilt.stderr.count(" → ") == len(changed)  # the summary lists each move
    housemates = [p for p in ids(after[key]) if p in (a["id"], b["id"])]
    assert len(housemates) == 1


def test_a_forced_swap_hides_no_other_rule(run: Run, night_in_two: Path) -> None:
    before = plan(run)
    out = before[("2026-11-27", 0)]["volunteers"][-1]
    on_27 = {p for (d, _), s in before.items() if d == "2026-11-27" for p in ids(s)}
    into = next(p for p in ids(before[("2026-11-26", 1)])[1:] if p not in on_27)
    forced = run("schedule", "swap", "27/11/2026", str(out["id"]), str(into), "--force",
                 env=WEDNESDAY)
    assert forced.exit_code == 0 and "resting" in forced.stderr
    assert run("schedule", "check", env=WEDNESDAY).exit_code == 0  # the bent rest is accepted
    week = [k for k, s in plan(run).items() if "2026-11-23" <= k[0] <= "2026-11-29"
            and into in ids(s)]
    assert len(week) >= 2
    limited = run("volunteer", "edit", str(into), "--max-per-week", "1", "--no-repair",
                  env=WEDNESDAY)
    assert "weekly limit" in limited.stderr
    check = run("schedule", "check", env=WEDNESDAY)
    assert check.exit_code == 1 and "weekly limit" in check.stdout
    assert "schedule build" in check.stderr


def test_fewer_needed_frees_people_and_the_group_hears_of_leaders(run: Run,
                                                                   night_in_two: Path) -> None:
    saturday = plan(run)[("2026-11-28", 0)]
    assert len(saturday["volunteers"]) == 5  # sat=4 plus the holiday's one
    removed = run("holiday", "remove", "2026-11-28", env=WEDNESDAY)
    assert removed.exit_code == 0 and " no longer on duty; now " in removed.stderr
    assert len(plan(run)[("2026-11-28", 0)]["volunteers"]) == 4
    assert run("config", "set", "per-night", "0").exit_code == 2
    led = next(s for k, s in sorted(plan(run).items()) if k[0] > "2026-11-26" and s["leader"])
    assert run("volunteer", "edit", str(led["leader"]), "--no-leader",
               env=WEDNESDAY).exit_code == 0
    text = run("roster", "--changes", env=WEDNESDAY, lang="id").stdout
    assert f"Ketua regu: {led['volunteers'][0]['name']} → " in text
    tell = run("roster", "--changes", "--tell", env=WEDNESDAY, lang="id").stdout
    assert "Anda%20tidak%20lagi%20ketua%20regu" in tell


def test_said_again_an_absence_keeps_its_stand_in_and_fines_are_told(run: Run,
                                                                    night_in_two: Path) -> None:
    assert run("config", "set", "fine", "Rp20.000").exit_code == 0
    env = {"RONDA_TODAY": "2026-11-27"}
    people = ids(plan(run, env)[("2026-11-26", 0)])
    first = run("schedule", "attend", "2026-11-26", "--slot", "1", "--absent",
                f"{people[1]}=izin", "--substitute", "Dani (anak Pak RT)", env=env)
    assert first.exit_code == 0 and "Fines" not in first.stderr
    again = run("schedule", "attend", "2026-11-26", "--slot", "1", "--absent",
                f"{people[1]}=izin", "--absent", str(people[2]), env=env)
    assert again.exit_code == 0 and "Fines on this shift: Rp20.000" in again.stderr
    shown = run("schedule", "--week", "2026-11-26", env={**env, "COLUMNS": "200"}).stdout
    assert "excused; Dani (anak Pak RT) stood in" in shown
    twice = run("volunteer", "remove", str(people[2]), env=env)
    assert twice.exit_code == 0
    assert "already off the roster" in run("volunteer", "remove", str(people[2]), env=env).stderr


def test_a_rebuild_keeps_attended_shifts_of_an_older_layout(run: Run,
                                                            night_in_two: Path) -> None:
    env = {"RONDA_TODAY": "2026-11-27"}
    late = plan(run, env)[("2026-11-24", 1)]
    assert run("schedule", "attend", "2026-11-24", "--slot", "2", "--absent",
               f"{ids(late)[-1]}=izin", "--note", "aman", env=env).exit_code == 0
    assert run("config", "set", "slots", "22.00-04.00=3", env=env).exit_code == 0
    changes = run("roster", "--changes", env=env).stdout
    assert changes.count("01:00–04:00") == 0 and "22:00–04:00" in changes  # told of it
    rebuilt = run("schedule", "build", "--from", "2026-11-16", "--weeks", "2", env=env,
                  input="")
    assert rebuilt.exit_code == 0, rebuilt.output
    kept = plan(run, env)
    assert kept[("2026-11-24", 1)]["volunteers"] == late["volunteers"]  # attended: kept
    stored = next(s for s in json.loads(night_in_two.read_text())["shifts"].values()
                  if s["date"] == "2026-11-24" and s["slot"] == 1)
    assert stored["note"] == "aman" and stored["absences"]
    assert not any(k[0] < MONDAY for k in kept)  # nothing planned into the past


def test_a_hand_placement_the_roster_now_rules_out_goes_on_a_rebuild(
        run: Run, night_in_two: Path) -> None:
    before = plan(run)
    out = before[("2026-12-02", 0)]["volunteers"][-1]
    on_night = {p for (d, _), s in before.items() if d == "2026-12-02" for p in ids(s)}
    into = next(p for p in range(1, 35) if p not in on_night and p % 7 != 4)
    assert run("schedule", "swap", "2026-12-02", str(out["id"]), str(into), "--force",
               env=WEDNESDAY).exit_code == 0
    assert run("volunteer", "away", str(into), "--from", "2026-12-02", "--to", "2026-12-02",
               "--no-repair", env=WEDNESDAY).exit_code == 0
    assert run("schedule", "check", env=WEDNESDAY).exit_code == 1
    assert run("schedule", "build", "--from", MONDAY, "--weeks", "4", "--yes",
               env=WEDNESDAY).exit_code == 0
    assert into not in ids(plan(run)[("2026-12-02", 0)])
    assert run("schedule", "check", env=WEDNESDAY).exit_code == 0


def test_check_lists_the_places_a_change_left_open(run: Run, night_in_two: Path) -> None:
    """A setting the roster cannot meet (nine nights' rest for 34 households) leaves coming
    places open: check says which, in both languages, and exits 1 until they are filled."""
    assert run("schedule", "check").exit_code == 0
    changed = run("config", "set", "rest", "9")
    assert changed.exit_code == 0
    assert "open that were filled before" in changed.stderr and "schedule check" in changed.stderr
    checked = run("schedule", "check")
    assert checked.exit_code == 1
    assert "of 3 on duty; the rules allowed no more" in checked.stdout
    as_json = json.loads(run("schedule", "check", "--json").stdout)
    assert {c["rule"] for c in as_json} >= {"short"}
    in_id = run("schedule", "check", lang="id")
    assert "yang bertugas; aturan tidak memungkinkan lebih" in in_id.stdout


def test_fresh_rebuilds_keep_the_log_of_changes_bounded_and_the_messages_the_same(
        run: Run, night_in_two: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """30 ``--fresh`` rebuilds over three days: the data file keeps only what the change
    messages read, and every message reads as it would from the whole log."""
    from typer.testing import CliRunner

    from ronda.cli.app import app
    from ronda.store.datafile import DataFile

    log = list(json.loads(night_in_two.read_text()).get("plan_changes", {}).values())
    record = DataFile.record_plan_changes

    def keep_all(self: DataFile, changes: list) -> None:  # the whole log, on the side
        log.extend(c.to_dict() for c in changes)
        record(self, changes)

    monkeypatch.setattr(DataFile, "record_plan_changes", keep_all)
    days = ("2026-11-23", "2026-11-24", "2026-11-26")
    sizes = []
    for i in range(30):
        built = run("schedule", "build", "--from", MONDAY, "--weeks", "1", "--fresh",
                    "--seed", str(i), "--yes", env={"RONDA_TODAY": days[i // 10]})
        assert built.exit_code == 0, built.output
        sizes.append(len(json.loads(night_in_two.read_text())["plan_changes"]))
    whole = tmp_path / "whole" / night_in_two.name  # the same file with every change kept
    whole.parent.mkdir()
    data = json.loads(night_in_two.read_text())
    data["plan_changes"] = {str(n): c for n, c in enumerate(log, 1)}
    whole.write_text(json.dumps(data))
    whole.chmod(0o600)

    shifts = 2 * 7  # two shifts a night, a week
    # at most one record a shift for each day it was changed, however many rebuilds
    assert max(sizes) <= len(days) * shifts
    assert len(log) > 5 * max(sizes)  # what was written before: a record for every move
    runner = CliRunner()
    messages = 0
    for today in ("2026-11-26", "2026-11-28"):
        for since in ((), ("--since", "2026-11-23"), ("--since", "2026-11-24"),
                      ("--since", "2026-11-26")):
            for extra, lang in (((), "id"), (("--tell",), "en")):
                args = ["--lang", lang, "roster", "--changes", *since, *extra]
                env = {**BASE_ENV, "RONDA_TODAY": today}
                kept = runner.invoke(app, ["--db", str(night_in_two), *args], env=env)
                full = runner.invoke(app, ["--db", str(whole), *args], env=env)
                assert kept.exit_code == full.exit_code == 0, full.output
                assert (kept.stdout, kept.stderr) == (full.stdout, full.stderr), (today, args)
                messages += bool(kept.stdout)
    assert messages == 2 * 4 * 2 - 2  # all but "since today" on the 28th: nothing new then
