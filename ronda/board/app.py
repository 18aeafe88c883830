"""The board on screen: the week's nights as rows and its shifts as columns, the person under
the cursor beside them, a status line and the keys below.

Every change goes through ``Board`` (the core call the command makes, saved at once); what
the board says comes from the catalogue in the language of the run.

Longer than ronda's other modules (about 540 lines): the screen's key actions share its state
(the cursor, the week shown, the changes to undo), and Textual binds them as the screen's
methods; the parts that need no screen live in ``model``, ``keymap`` and ``widgets``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ronda.board.keymap import BOARD, bindings, shown
from ronda.board.model import Board, Said
from ronda.board.widgets import (
    AttendanceForm,
    Cell,
    GuestForm,
    Help,
    Line,
    NightRow,
    Pick,
    Shown,
)
from ronda.cli.output import Output
from ronda.dates import DAY_SHORT, format_period, week_of
from ronda.errors import RondaError
from ronda.i18n.labels import ABSENCE, GUEST_ROLE, label
from ronda.people.volunteers import person_name
from ronda.schedule.shifts import Shift

CSS = """
#title { height: 1; padding: 0 1; text-style: bold; text-wrap: nowrap;
         text-overflow: ellipsis; }
#main { height: 1fr; }
#week { width: 1fr; }
#heads { height: 1; }
#heads Static { text-style: bold; }
.night { width: 13; padding-right: 1; text-wrap: nowrap; text-overflow: ellipsis; }
.cell { width: 1fr; padding-right: 1; text-wrap: nowrap; text-overflow: ellipsis; }
Nights { scrollbar-size-vertical: 1; }
NightRow { height: auto; }
NightRow.-odd { background: $boost; }
NightRow.-tonight .night { text-style: bold reverse; }
NightRow.-holiday .night { text-style: italic; }
.cell.-short { color: $error; }
#side { width: 26; height: 100%; border-left: vkey $foreground 30%; padding: 0 0 0 1; }
#status { height: auto; max-height: 3; padding: 0 1; }
#status.-problem { color: $error; }
.form { width: 78; max-width: 100%; height: auto; max-height: 90%; border: round $accent;
        padding: 0 1; background: $panel; }
.form OptionList { height: auto; max-height: 16; }
.heading { text-style: bold; }
.hint { color: $text-muted; }
Pick, GuestForm, AttendanceForm, Help { align: center middle; }
"""
WATCH = 2.0  # seconds between looks at the data file (another command may change it)


class Nights(VerticalScroll, can_focus=False):
    """The week's rows, scrolled to keep the cursor in sight (the keys are the board's)."""


class BoardScreen(Screen[None]):
    """The week: cursor on one person of one shift, status line, side panel."""

    def __init__(self, board: Board, lang: str) -> None:
        super().__init__()
        self._bindings = BindingsMap(bindings(BOARD, lang))
        self.board, self.lang, self.out = board, lang, Output(lang)
        self.day, self.slot, self.person = 0, 0, 0
        self.mark: tuple[date, int, int] | None = None  # the first half of an exchange
        self.phone = False  # the phone of the person under the cursor, shown on demand
        self.said: tuple[str, bool] | None = None  # a message, and whether it is a problem
        self.judged = False  # the fairness verdict is worked out once the week is on screen
        self.evening = board.tonight()
        if week_of(self.evening)[0] == board.monday:
            self.day = (self.evening - board.monday).days

    # drawing
    def compose(self) -> ComposeResult:
        slots = len(self.board.timetable.slots)
        yield Shown(id="title", fixed=True)
        with Horizontal(id="main"):
            with Vertical(id="week"):
                with Horizontal(id="heads"):
                    yield Static(classes="night")
                    for i in range(slots):
                        yield Static(self.board.timetable.hours(i, self.lang), classes="cell")
                with Nights(id="nights"):
                    for i in range(7):
                        yield NightRow(slots, classes="-odd" if i % 2 else "")
            yield Shown(id="side", fixed=True)
        yield Shown(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.on_resize()
        self.draw()
        self.set_interval(WATCH, self.watch_file)
        self.call_after_refresh(self._judge)

    def _judge(self) -> None:
        """The verdict, after the first frame: it reads the whole history (``schedule
        stats``), and the week should not wait for it."""
        self.judged = True
        self.draw_side()

    def on_resize(self, event: Any = None) -> None:
        """A wider side panel on a wider terminal (26 columns at 80)."""
        side, wanted = self.query_one("#side"), 26 if self.app.size.width < 110 else 36
        if side.styles.width is None or side.styles.width.value != wanted:
            side.styles.width = wanted

    def t(self, key: str, **args: Any) -> str:
        return self.out.t(key, **args)

    def draw(self) -> None:
        """Everything on screen from the board as it is now."""
        b = self.board
        first, last = b.nights[0], b.nights[-1]
        title = f"{b.settings.name} · {format_period(first, last, self.lang)}"
        if b.read_only:
            title += f" · {self.t('board.read_only')}"
        if self.mark is not None:
            title += f" · {self.t('board.exchanging')}"
        self.query_one("#title", Shown).show_text(Text(title, no_wrap=True,
                                                        overflow="ellipsis"))
        rows = list(self.query(NightRow))
        for i, (night, row) in enumerate(zip(b.nights, rows, strict=True)):
            holiday = b.holidays.get(night)
            row.set_class(night == self.evening, "-tonight")
            row.set_class(holiday is not None, "-holiday")
            names = [("▶ " if night == self.evening else "") +
                     f"{DAY_SHORT[self.lang][night.weekday()]} "
                     f"{night.day:02d}/{night.month:02d}"]
            if night.weekday() == 5:
                names.append(self.t("board.malam_minggu"))
            if holiday is not None:
                names.append(holiday.title(self.lang))
            row.query_one(".night", Shown).show_text(Text("\n".join(names), no_wrap=True,
                                                           overflow="ellipsis"))
            for slot, cell in enumerate(row.query(Cell)):
                shift = b.shift(night, slot)
                cell.set_class(self._problem(night, slot, shift), "-short")
                cell.show(self.lines(night, slot, shift),
                          self.person if (i, slot) == (self.day, self.slot) else None)
        self.draw_side()
        self.draw_status()
        row = rows[self.day]
        self.query_one(Nights).scroll_to_widget(row, animate=False)

    def _problem(self, night: date, slot: int, shift: Shift | None) -> bool:
        return bool(shift is not None and (shift.short or self.board.conflicts(night, slot)))

    def lines(self, night: date, slot: int, shift: Shift | None) -> list[Line]:
        """A cell's lines: the people (leader starred, a broken rule marked, attendance
        once taken), the guests, and a short shift's count."""
        if shift is None:
            return [Line("-", "dim")]
        b = self.board
        wrong = {c.volunteer for c in b.conflicts(night, slot) if c.volunteer is not None}
        absent = {a.volunteer: a for a in shift.absences}
        out = []
        for p in shift.volunteers:
            name = person_name(b.people, p, self.lang)  # "#12 (erased)" once erased
            lead = "★" if p == shift.leader else " "
            sign = "!" if p in wrong else "⇄" if self.mark == (night, slot, p) else " "
            style = "bold red" if p in wrong else ""
            if p in absent:
                name += f" ({label(ABSENCE, absent[p].reason, self.lang)})"
                style = style or "strike"
            out.append(Line(f"{sign}{lead}{name}", style, p))
        out += [Line(f" + {g.name} ({label(GUEST_ROLE, g.role, self.lang)})", "italic")
                for g in shift.guests]
        if shift.short and shift.short.available < shift.short.required:
            out.append(Line("! " + self.t("board.cell_short", available=len(shift.volunteers),
                                          required=shift.short.required), "bold red"))
        return out or [Line("-", "dim")]

    def draw_side(self) -> None:
        b, text = self.board, Text()
        pid = self.current()
        card = b.card(pid[2], pid[0]) if pid else None
        if card is not None:
            v = card.volunteer
            text.append(v.name + (" ★" if v.leader else "") + "\n", style="bold")
            facts = [x for x in (v.team, v.household) if x]
            if facts:
                text.append(" · ".join(facts) + "\n")
            if self.phone:
                from ronda.phones import display_phone

                text.append(display_phone(v.phone) or self.t("label.no_phone"))
                text.append("\n")
            else:
                text.append(self.t("board.phone_hidden") + "\n", style="dim")
            text.append(self.t("board.month", count=card.month) + "\n")
            last = f"{DAY_SHORT[self.lang][card.last.weekday()]} " \
                f"{card.last.day:02d}/{card.last.month:02d}" if card.last else "-"
            text.append(self.t("board.last_duty", night=last) + "\n")
            from ronda.cli.volunteer.view import away_label

            for a in card.away:
                text.append(self.t("board.away", period=away_label(a, self.lang)) + "\n")
            text.append("\n")
        if self.judged:
            verdict = b.verdict()
            text.append(self.t(verdict.key, **verdict.args),
                        style="green" if verdict.key == "board.fair" else "bold red")
        self.query_one("#side", Shown).show_text(text)

    def draw_status(self) -> None:
        """The last message, else what is wrong with the shift under the cursor, and why."""
        status = self.query_one("#status", Shown)
        if self.said is not None:
            text, problem = self.said
        else:
            text, problem = self.reasons()
        status.set_class(problem, "-problem")
        status.show_text(Text(text))

    def reasons(self) -> tuple[str, bool]:
        from ronda.cli.replan import conflict_text
        from ronda.cli.schedule.view import absence_text, reason_text

        b = self.board
        night = b.nights[self.day]
        shift = b.shift(night, self.slot)
        if shift is None:
            return self.t("board.not_planned"), False
        parts = [conflict_text(c, b.timetable, b.people, self.lang)
                 for c in b.conflicts(night, self.slot)
                 if c.rule not in ("short", "no_leader")]
        if shift.short:
            parts.append(reason_text(shift.short, b.people, self.lang))
        if parts:
            return "; ".join(parts), True
        name = b.timetable.name_of(shift, self.lang, hours=True, with_zone=True)
        if night in b.holidays:
            name += f" · {b.holidays[night].title(self.lang)}"
        if shift.logged:
            absences = [absence_text(a, b.people, self.lang) for a in shift.absences]
            return f"{name} · {self.t('label.logged_plain')}" + \
                (f": {'; '.join(absences)}" if absences else ""), False
        return name, False

    # where the cursor is
    def current(self) -> tuple[date, int, int] | None:
        """The night, shift and person under the cursor (None on an empty cell)."""
        night = self.board.nights[self.day]
        shift = self.board.shift(night, self.slot)
        if shift is None or not shift.volunteers:
            return None
        return night, self.slot, shift.volunteers[min(self.person, len(shift.volunteers) - 1)]

    def _count(self, day: int) -> int:
        shift = self.board.shift(self.board.nights[day], self.slot)
        return len(shift.volunteers) if shift else 0

    def moved(self) -> None:
        self.said, self.phone = None, False
        self.draw()

    def action_up(self) -> None:
        if self.person > 0:
            self.person -= 1
        elif self.day > 0:
            self.day -= 1
            self.person = max(self._count(self.day) - 1, 0)
        self.moved()

    def action_down(self) -> None:
        if self.person < self._count(self.day) - 1:
            self.person += 1
        elif self.day < 6:
            self.day, self.person = self.day + 1, 0
        self.moved()

    def _shift_column(self, step: int) -> None:
        self.slot = (self.slot + step) % len(self.board.timetable.slots)
        self.person = min(self.person, max(self._count(self.day) - 1, 0))
        self.moved()

    def action_next_shift(self) -> None:
        self._shift_column(1)

    def action_previous_shift(self) -> None:
        self._shift_column(-1)

    def _week(self, monday: date, day: int | None = None) -> None:
        self.board.monday = monday
        if day is not None:
            self.day = day
        self.person = min(self.person, max(self._count(self.day) - 1, 0))
        self.moved()

    def action_previous_week(self) -> None:
        self._week(self.board.monday - timedelta(weeks=1))

    def action_next_week(self) -> None:
        self._week(self.board.monday + timedelta(weeks=1))

    def action_today(self) -> None:
        self.evening = self.board.tonight()
        monday = week_of(self.evening)[0]
        self._week(monday, (self.evening - monday).days)

    def action_first_night(self) -> None:
        self.day, self.person = 0, 0
        self.moved()

    def action_last_night(self) -> None:
        self.day, self.person = 6, 0
        self.moved()

    def action_phone(self) -> None:
        self.phone = not self.phone
        self.draw_side()

    # messages
    def say(self, said: Said, *, problem: bool = False) -> None:
        self.said = (self.t(said.key, **said.args), problem)
        self.draw_status()

    def refused(self, exc: RondaError) -> None:
        self.say(Said(exc.key, exc.args_), problem=True)

    def change(self, make: Callable[[], Said]) -> None:
        """Make a change through the board; what it says, or why it was refused, goes on
        the status line."""
        try:
            said = make()
        except RondaError as exc:
            self.draw()
            self.refused(exc)
            return
        self.draw()
        self.say(said, problem=said.key.startswith("warn."))

    # changes
    def _who(self) -> tuple[date, int, int] | None:
        found = self.current()
        if found is None:
            self.say(Said("board.no_person", {}), problem=True)
        return found

    def action_swap(self) -> None:
        found = self._who()
        if found is None:
            return
        night, slot, pid = found
        try:
            options = self.board.options(night, slot, pid)
        except RondaError as exc:
            self.refused(exc)
            return
        from ronda.cli.schedule.view import bent_text

        b = self.board
        rows: list[tuple[int, Text | str]] = []
        for o in options:
            text = Text(o.volunteer.name, no_wrap=True, overflow="ellipsis")
            if o.bent:  # the rules alone: the name is already there
                rules = bent_text(o.bent, b.people, self.lang).split(": ", 1)[-1]
                text = Text.assemble((o.volunteer.name, "dim"), (f" — {rules}", "red"),
                                     no_wrap=True, overflow="ellipsis")
            rows.append((o.volunteer.id, text))
        title = self.t("board.swap_title", who=b.people[pid].name,
                       night=b.timetable.name_of(b.shift(night, slot) or Shift(night, slot),
                                                 self.lang))

        def chosen(into: int | None) -> None:
            if into is not None:
                self.change(lambda: self.board.swap(night, slot, pid, into))

        self.app.push_screen(Pick(title, rows, self.t("board.pick_hint")), chosen)

    def action_exchange(self) -> None:
        found = self._who()
        if found is None:
            return
        if self.mark is None:
            self.mark = found
            self.draw()
            self.say(Said("board.exchange_from", {"who": self.board.people[found[2]].name}))
            return
        (day_a, _, a), (day_b, _, b) = self.mark, found
        self.mark = None
        self.change(lambda: self.board.exchange(day_a, a, day_b, b))

    def action_cancel(self) -> None:
        if self.mark is not None:
            self.mark = None
            self.draw()
            self.say(Said("board.cancelled", {}))

    def action_guest(self) -> None:
        b = self.board
        night = b.nights[self.day]
        shift = b.shift(night, self.slot)
        if shift is None:
            self.say(Said("board.not_planned", {}), problem=True)
            return
        title = self.t("board.guest_title", night=b.timetable.name_of(shift, self.lang))

        def chosen(guest: tuple[str, str] | None) -> None:
            if guest is not None:
                self.change(lambda: self.board.guest(night, self.slot, *guest))

        self.app.push_screen(GuestForm(title, self.lang), chosen)

    def action_attend(self) -> None:
        b = self.board
        night, slot = b.nights[self.day], self.slot
        try:
            shift = b.check_attendance(night, slot)
        except RondaError as exc:
            self.refused(exc)
            return
        title = self.t("board.attend_title", night=b.timetable.name_of(shift, self.lang))

        def chosen(marks: list | None) -> None:
            if marks is not None:
                self.change(lambda: self.board.attend(night, slot, marks))

        self.app.push_screen(AttendanceForm(title, shift, b.people, self.lang), chosen)

    def action_undo(self) -> None:
        self.change(self.board.undo)

    def action_redo(self) -> None:
        self.change(self.board.redo)

    def action_reload(self) -> None:
        self.change(lambda: (self.board.reload(), Said("board.reloaded", {}))[1])

    def watch_file(self) -> None:
        """Read the file again when another command wrote it; move "tonight" at its end."""
        evening = self.board.tonight()
        if self.board.changed_on_disk():
            self.action_reload()
        elif evening != self.evening:
            self.evening = evening
            self.draw()

    # what the board hands out
    def _week_file(self, suffix: str) -> str:
        return f"jadwal-ronda-{self.board.monday.isoformat()}{suffix}"

    def action_print(self) -> None:
        """The week's poster as a PDF and as a picture for the group (``roster --format pdf``
        and ``png``), written by a worker so the board stays live while they are drawn."""
        self.say(Said("board.printing", {}))
        self.run_worker(self._print, thread=True, exclusive=True, group="print")

    def _print(self) -> None:
        from ronda.cli.files import write_bytes_file
        from ronda.printing.pdf import sheets_pdf
        from ronda.printing.picture import week_png

        sheet = self.board.sheet(self.lang)
        pdf, png = self._week_file(".pdf"), self._week_file(".png")
        try:
            write_bytes_file(pdf, sheets_pdf([sheet]))
            write_bytes_file(png, week_png([sheet]))
        except RondaError as exc:
            self.app.call_from_thread(self.refused, exc)
            return
        self.app.call_from_thread(self.say, Said("msg.roster_written",
                                                 {"path": f"{pdf}, {png}"}))

    def _hand_out(self, text: str, target: str, what: str) -> None:
        from ronda.cli.files import write_text_file

        self.app.copy_to_clipboard(text)
        try:
            write_text_file(target, text)
        except RondaError as exc:
            self.refused(exc)
            return
        self.say(Said("board.copied", {"what": self.t(what), "path": target}))

    def action_whatsapp(self) -> None:
        from ronda.printing.text import sheet_whatsapp

        self._hand_out(sheet_whatsapp(self.board.sheet(self.lang)), self._week_file(".txt"),
                       "board.what_whatsapp")

    def action_changes(self) -> None:
        text = self.board.change_message(self.lang)
        if text is None:
            self.say(Said("board.no_moves", {}))
            return
        self._hand_out(text, f"jadwal-berubah-{self.board.today().isoformat()}.txt",
                       "board.what_changes")

    def action_help(self) -> None:
        """The keys as bound now (the live keymap), grouped by what they do."""
        bound: dict[str, list[str]] = {}
        for key, active in self.app.active_bindings.items():
            bound.setdefault(active.binding.action, []).append(shown(key))
        rows = [("/".join(bound[k.action]), self.t(k.help))
                for k in BOARD if k.action in bound]
        self.app.push_screen(Help(self.t("board.help_title"), rows))

    def action_quit(self) -> None:
        self.app.exit()


class BoardApp(App[None]):
    """``ronda board``: one screen, the week; no command palette (its words are not the
    neighbourhood's language)."""

    CSS = CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list] = []

    def __init__(self, board: Board, lang: str, *, no_color: bool = False) -> None:
        before = os.environ.get("NO_COLOR")
        if no_color:  # Textual reads NO_COLOR when the app is made; the process keeps its own
            os.environ["NO_COLOR"] = "1"
        try:
            super().__init__()
        finally:
            if before is None:
                os.environ.pop("NO_COLOR", None)
            else:
                os.environ["NO_COLOR"] = before
        self.board, self.lang = board, lang
        self.title = board.settings.name

    def get_default_screen(self) -> Screen:
        return BoardScreen(self.board, self.lang)

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in the board's language (it does not quit)."""
        self.notify(Output(self.lang).t("board.how_to_quit"))
