"""The board's pieces: a night's row of shift cells, the side panel, and the forms that ask
who takes a place, which guest joins, who came (each a modal screen: Esc backs out of it and
never quits the board)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ronda.board.keymap import ATTENDANCE, bindings, shown
from ronda.board.model import Mark
from ronda.i18n import t
from ronda.i18n.labels import ABSENCE, GUEST_ROLE, label
from ronda.model import Volunteer
from ronda.schedule.shifts import GUEST_ROLES, Shift

STATUSES = ("hadir", "izin", "sakit", "tanpa-keterangan")  # the order Space walks through


class Line(NamedTuple):
    """One line of a cell: its text, its style, and the person it stands for (None: a
    guest, a note)."""

    text: str
    style: str = ""
    person: int | None = None


class Shown(Static):
    """Text on the board that is drawn again only when it changes, and laid out again only
    when it can change its size: never when ``fixed`` (one line, or a panel of its own
    size), else when its unwrapped text gains or loses a line or when it wraps."""

    def __init__(self, *, fixed: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fixed = fixed
        self.shown: tuple[str, object, tuple[object, ...]] | None = None

    def show_text(self, text: Text) -> None:
        now = (text.plain, text.style, tuple(text.spans))
        if now == self.shown:
            return
        same_size = self.fixed or (self.shown is not None and bool(text.no_wrap) and
                                   self.shown[0].count("\n") == text.plain.count("\n"))
        self.shown = now
        self.update(text, layout=not same_size)


class Cell(Shown):
    """One shift of one night: its people (the leader starred), guests and shortfall; the
    person under the cursor drawn reversed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lines: list[Line] = []
        self.selected: int | None = None

    def show(self, lines: list[Line], selected: int | None) -> None:
        self.lines, self.selected = lines, selected
        text = Text(no_wrap=True, overflow="ellipsis")
        people = [i for i, line in enumerate(lines) if line.person is not None]
        marked = None if selected is None else \
            people[min(selected, len(people) - 1)] if people else 0
        for i, line in enumerate(lines):
            style = f"{line.style} reverse".strip() if i == marked else line.style
            text.append(line.text, style=style or None)
            if i < len(lines) - 1:
                text.append("\n")
        self.show_text(text)


class NightRow(Horizontal):
    """A night: its name (day, date, malam Minggu, holiday) and a cell per shift."""

    def __init__(self, slots: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.slots = slots

    def compose(self) -> ComposeResult:
        yield Shown(classes="night")
        for _ in range(self.slots):
            yield Cell(classes="cell")


class Pick(ModalScreen[int | None]):
    """A list to choose one from (who takes a place, who stood in); Enter chooses, Esc
    backs out."""

    BINDINGS = [("escape", "cancel")]

    def __init__(self, title: str, options: Sequence[tuple[int, Text | str]],
                 hint: str) -> None:
        super().__init__()
        self.heading, self.options, self.hint = title, options, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.heading, classes="heading")
            yield OptionList(*[Option(text, id=str(value)) for value, text in self.options])
            yield Static(self.hint, classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


class GuestForm(ModalScreen[tuple[str, str] | None]):
    """A guest's name and role; Enter on the role adds them, Esc backs out."""

    BINDINGS = [("escape", "cancel")]

    def __init__(self, title: str, lang: str) -> None:
        super().__init__()
        self.heading, self.lang = title, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.heading, classes="heading")
            yield Input(placeholder=t("board.guest_name", self.lang))
            yield OptionList(*[Option(label(GUEST_ROLE, role, self.lang), id=role)
                               for role in GUEST_ROLES])
            yield Static(t("board.guest_hint", self.lang), classes="hint")

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        name = self.query_one(Input).value
        if name.strip():
            self.dismiss((name, event.option.id or "other"))
        else:
            self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class AttendanceForm(ModalScreen[list[Mark] | None]):
    """Each person of a shift: present or why not (izin, sakit, tanpa keterangan) and who
    stood in. Space changes the status, 1–4 set it, s picks the stand-in, Enter saves."""

    def __init__(self, title: str, shift: Shift, people: dict[int, Volunteer],
                 lang: str) -> None:
        super().__init__()
        self._bindings = BindingsMap(bindings(ATTENDANCE, lang))
        self.heading, self.shift, self.people, self.lang = title, shift, people, lang
        absences = {a.volunteer: a for a in shift.absences}
        self.marks = [Mark(p, absences[p].reason if p in absences else "hadir",
                           absences[p].substitute_id if p in absences else None)
                      for p in shift.volunteers]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.heading, classes="heading")
            yield OptionList(*[Option(self._prompt(m)) for m in self.marks])
            yield Static(" · ".join(f"{shown(k.keys.split(',')[0])} "
                                    f"{t(k.help, self.lang)}"
                                    for k in ATTENDANCE if k.footer), classes="hint")

    def _prompt(self, mark: Mark) -> Text:
        who = self.people[mark.volunteer].name if mark.volunteer in self.people else "?"
        status = t("board.present", self.lang) if mark.status == "hadir" else \
            label(ABSENCE, mark.status, self.lang)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{status:<18}", style="bold" if mark.status == "hadir" else "red")
        text.append(who)
        if mark.stand_in is not None and mark.stand_in in self.people:
            text.append(" → " + self.people[mark.stand_in].name, style="italic")
        return text

    def _set(self, index: int, mark: Mark) -> None:
        self.marks[index] = mark
        self.query_one(OptionList).replace_option_prompt_at_index(index, self._prompt(mark))

    def _current(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_next_status(self) -> None:
        i = self._current()
        if i is not None:
            m = self.marks[i]
            self.action_status(STATUSES[(STATUSES.index(m.status) + 1) % len(STATUSES)]
                               if m.status in STATUSES else "hadir")

    def action_status(self, status: str) -> None:
        i = self._current()
        if i is not None:
            m = self.marks[i]
            self._set(i, m._replace(status=status,
                                    stand_in=None if status == "hadir" else m.stand_in))

    def action_stand_in(self) -> None:
        i = self._current()
        if i is None or self.marks[i].status == "hadir":
            return
        taken = set(self.shift.volunteers) | {m.stand_in for m in self.marks}
        choices = [(0, t("label.nobody", self.lang))] + [
            (v.id, v.name) for v in sorted(self.people.values(), key=lambda v: v.name.casefold())
            if v.active and not v.purged and v.id not in taken]

        def chosen(pid: int | None) -> None:
            if pid is not None:
                self._set(i, self.marks[i]._replace(stand_in=pid or None))

        self.app.push_screen(Pick(t("board.stand_in_title", self.lang), choices,
                                  t("board.pick_hint", self.lang)), chosen)

    def on_option_list_option_selected(self) -> None:  # Enter on the list
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(list(self.marks))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Help(ModalScreen[None]):
    """The keys as they are bound now, each with what it does, in two columns; any key
    closes it."""

    def __init__(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.heading, self.rows = title, rows

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        for _ in range(2):
            table.add_column(style="bold", no_wrap=True)
            table.add_column(ratio=1)
        half = (len(self.rows) + 1) // 2
        for left, right in zip(self.rows[:half], [*self.rows[half:], ("", "")], strict=False):
            table.add_row(*left, *right)
        with Vertical(classes="form help"):
            yield Static(self.heading, classes="heading")
            yield Static(table)

    def on_key(self, event: Any) -> None:
        event.stop()
        self.dismiss(None)
