"""`?`: every key of the app, read from the bindings themselves so the list cannot drift from what the keys do."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Where each group of keys applies, and the class whose own BINDINGS hold them. Screens written elsewhere are
# imported by name, so a screen that is missing or broken leaves its group out instead of breaking help.
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("Anywhere", "tui.app", "EventsApp"),
    ("Main screen", "tui.screens.main", "MainScreen"),
    ("In a list (Cities, Officials, Quotes)", "tui.widgets.lazy_list", "LazyList"),
    ("Drill-down screens (city, speaker, source)", "tui.screens.base", "DrillScreen"),
    ("City and speaker screens", "tui.screens.rows", "RowsScreen"),
    ("On a row of the city and speaker screens", "tui.widgets.drill_list", "DrillList"),
    ("City screen", "tui.screens.city", "CityScreen"),
    ("Speaker screen", "tui.screens.speaker", "SpeakerScreen"),
    ("Source screen", "tui.screens.source", "SourceScreen"),
    ("Compare cities (C)", "tui.screens.compare", "CompareScreen"),
    ("Search (/)", "tui.screens.search", "SearchScreen"),
    ("Help (this screen)", "tui.screens.help", "HelpScreen"),
)

KEY_COLUMN = 16
# Textual spells some keys as words; show them as a user types them.
_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "backspace": "Backspace", "enter": "Enter"}


def own_bindings(cls: type) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits), one per key."""
    return list(Binding.make_bindings(cls.__dict__.get("BINDINGS", [])))


def key_label(binding: Binding) -> str:
    # binding.key, not key_display: a compound binding ("g,home") copies one display to all of its keys.
    key = _KEY_NAMES.get(binding.key, binding.key)
    if len(key) == 1:
        return key
    return (
        "+".join(part.capitalize() for part in key.split("+"))
        .replace("Pagedown", "PageDown")
        .replace("Pageup", "PageUp")
    )


def describe(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what they do) rows; keys bound to the same action are listed together: 'j  Down', 'Down'."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if binding.system:
            continue
        # The tooltip is the longer explanation; the description is the footer's short label.
        what = binding.tooltip or binding.description or binding.action.replace("_", " ")
        rows.setdefault((binding.action, what), []).append(key_label(binding))
    return [(" / ".join(dict.fromkeys(keys)), what) for (_action, what), keys in rows.items()]


def key_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every group of keys the app has, from the live binding declarations."""
    groups = []
    for title, module_name, class_name in GROUPS:
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            continue
        bindings = own_bindings(cls)
        if class_name == "EventsApp":
            bindings.append(Binding(cls.COMMAND_PALETTE_BINDING, "command_palette", "Command palette: jump to a name"))
        if class_name == "MainScreen":
            bindings.append(Binding("click", "", "Highlight a row (double click opens it)"))
        if class_name == "SearchScreen":
            # Enter reaches the search field (Input.Submitted), not a binding: listed here so help is complete.
            bindings.insert(0, Binding("enter", "", "Open the highlighted result"))
        rows = describe(bindings)
        if rows:
            groups.append((title, rows))
    return groups


def help_table() -> Group:
    """One heading and one two-column grid per group; the key column has one width for all groups."""
    parts: list[Text | Table] = []
    for n, (title, rows) in enumerate(key_groups()):
        parts.append(Text(("\n" if n else "") + title, style="bold underline"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, width=KEY_COLUMN)
        table.add_column()
        for keys, what in rows:
            table.add_row(Text(keys), Text(what))
        parts.append(table)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """The keys of every screen; Escape (or ?) closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close help"),
        Binding("question_mark", "close", "Close help", key_display="?", show=False),
        Binding("q", "app.quit", "Quit", tooltip="Quit events-tui"),
    ]

    CSS_PATH = "help.tcss"

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(help_table(), id="keys")

    def action_close(self) -> None:
        self.dismiss(None)
