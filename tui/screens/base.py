"""What every screen has: a breadcrumb of where you are, a footer of the keys, and (below the main screen)
one-level-back keys.

Drill-down screens set `CRUMB` ("Source") or override the `crumb` property ("Chicago") and yield their own body from
`compose_body()`; the breadcrumb and footer come from here so every screen shows them the same way.
"""

from __future__ import annotations

import os
import sys
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from tui.present import one_line

SEPARATOR = " › "


def crumbs_to(screen: Screen) -> list[str]:
    """The crumbs of every screen from the bottom of the stack up to and including `screen`.

    Screens without a crumb (Textual's default screen, modal dialogs) are left out of the path.
    """
    stack = screen.app.screen_stack
    path = stack[: stack.index(screen) + 1] if screen in stack else [*stack, screen]
    return [crumb for s in path if (crumb := getattr(s, "crumb", None))]


def expected_breakpoints(screen: Screen) -> list[str]:
    """The breakpoint classes the terminal's size will give, set when the screen is made: Textual sets them at the
    first resize, after the panes are mounted, and a change of class then restyles them all (9 ms here) before the
    first frame. Nothing when the size is unknown (no terminal): Textual's own pass then sets them."""
    stream = sys.__stderr__  # where Textual's driver writes
    try:
        width, height = os.get_terminal_size(stream.fileno()) if stream is not None else (0, 0)
    except (AttributeError, OSError, ValueError):
        return []
    if not width:
        return []

    def reached(size: int, breakpoints: list[tuple[int, str]] | None) -> list[str]:
        return [name for at, name in sorted(breakpoints or []) if size >= at][-1:]

    return reached(width, screen.HORIZONTAL_BREAKPOINTS) + reached(height, screen.VERTICAL_BREAKPOINTS)


class Breadcrumb(Widget):
    """One line naming the path to this screen: "Cities › Chicago › Source". DB text is shown literally."""

    def render(self) -> Text:
        crumbs = crumbs_to(self.screen)
        line = Text(no_wrap=True, overflow="ellipsis")
        for i, crumb in enumerate(crumbs):
            if i:
                line.append(SEPARATOR, style="dim")
            last = i == len(crumbs) - 1
            # Text(...) never parses markup; one_line() makes control characters and escapes visible, not obeyed.
            line.append(one_line(crumb), style="bold" if last else "")
        return line


class ShownKey(NamedTuple):
    binding: Binding
    enabled: bool
    tooltip: str


class KeyFooter(Widget):
    """The keys that apply where the focus is, on the bottom line: what Textual's Footer shows, as one widget.

    Textual's Footer mounts a widget per key, only after the first frame, and mounts them all again on every focus
    change; that cost the main screen a second frame at start-up (about 90 ms here). This draws the same keys, in
    the same places and colours, as one line that a focus change merely repaints. A click on a key presses it; the
    mouse over a key highlights it and shows its tooltip.
    """

    ALLOW_SELECT = False
    # The keys that keep their words when the footer is too narrow for all of them.
    COMPACT_WORDED = frozenset({"help", "quit", "back"})
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover", "key-footer--rule"}

    def __init__(self) -> None:
        super().__init__()
        self._hover: str | None = None  # the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys(self) -> tuple[list[ShownKey], ShownKey | None]:
        """The shown bindings, the first of each action in the focus chain's order, and the command palette's."""
        active = self.screen.active_bindings
        by_action: dict[str, ShownKey] = {}
        for shown in active.values():
            if shown.binding.show:
                by_action.setdefault(shown.binding.action, ShownKey(shown.binding, shown.enabled, shown.tooltip))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if not self.app.ENABLE_COMMAND_PALETTE or palette is None:
            return list(by_action.values()), None
        tooltip = palette.binding.tooltip or palette.binding.description
        return list(by_action.values()), ShownKey(palette.binding, palette.enabled, tooltip)

    def _key(self, key: str | None) -> ShownKey | None:
        keys, palette = self._keys()
        return next((shown for shown in [*keys, palette] if shown and shown.binding.key == key), None)

    def render_line(self, y: int) -> Strip:
        # Painted as segments rather than returned from render(): the gap before the palette key must carry only
        # the background, as the empty part of Footer does, or the dimmed footer behind a dialog looks different.
        width = self.content_size.width
        keys, palette = self._keys()
        left = self._left(keys, compact=False)
        if left.cell_len + (len(palette.binding.description) + 4 if palette else 0) > width:
            # A narrow terminal: every key, with only help's and quit's words, and no palette key (help lists
            # it), rather than a row cut off before `? Help`.
            left, palette = self._left(keys, compact=True), None
        right = Text(no_wrap=True, end="")
        if palette is not None:
            right.append("▏", self.get_component_rich_style("key-footer--rule"))
            binding = palette.binding
            self._append(right, palette, self.app.get_key_display(binding), f" {binding.description}")
        # Docked right like Footer's palette key: the other keys are cut short before they run under it.
        left.truncate(max(width - right.cell_len, 0))
        background = Style(bgcolor=self.rich_style.bgcolor)
        gap = [Segment(" " * (width - left.cell_len - right.cell_len), background)]
        console = self.app.console
        return Strip([*left.render(console), *gap, *right.render(console)]).adjust_cell_length(width, background)

    def _left(self, keys: list[ShownKey], compact: bool) -> Text:
        left = Text(no_wrap=True, end="")
        for shown in keys:
            binding = shown.binding
            worded = not compact or binding.action in self.COMPACT_WORDED
            description = f"{binding.description} " if worded else ""
            self._append(left, shown, f" {self.app.get_key_display(binding)} ", description)
        return left

    def _append(self, line: Text, shown: ShownKey, key: str, description: str) -> None:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        if shown.binding.key == self._hover:
            key_style += self.get_component_rich_style("key-footer--hover")
            description_style += self.get_component_rich_style("key-footer--hover")
        # The key rides on the segments, so the mouse knows which key it is over.
        meta = Style.from_meta({"footer_key": shown.binding.key}) + Style(dim=not shown.enabled or None)
        line.append(key, key_style + meta)
        line.append(description, description_style + meta)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = event.style.meta.get("footer_key")
        if key != self._hover:
            self._hover = key
            shown = self._key(key)
            self.tooltip = (shown.tooltip or shown.binding.description) if shown else None
            self.refresh()

    def on_leave(self) -> None:
        self._hover = None
        self.tooltip = None
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        shown = self._key(event.style.meta.get("footer_key"))
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.binding.key)
        else:
            self.app.bell()


class DrillScreen(Screen):
    """A screen one level below another: Escape or Backspace goes back one level."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Go back one level"),
        Binding("backspace", "back", "Back", show=False, tooltip="Go back one level"),
    ]

    # The breadcrumb's label for this screen: a fixed one in CRUMB, or override `crumb` ("Chicago").
    CRUMB: ClassVar[str] = ""

    @property
    def crumb(self) -> str:
        return self.CRUMB

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the breadcrumb and the footer."""
        yield from ()

    def action_back(self) -> None:
        # Never pop the last screen: that would leave the app with nothing to show.
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
