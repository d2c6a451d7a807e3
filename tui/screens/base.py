"""The base of every drill-down screen: a breadcrumb of where you are, one-level-back keys, and a footer.

Subclasses set `crumb` (a class attribute or a property: "Chicago", "Source") and yield their own body from
`compose_body()`; the breadcrumb and footer come from here so every screen shows them the same way.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from tui.present import one_line

SEPARATOR = " › "


def crumbs_to(screen: Screen) -> list[str]:
    """The crumbs of every screen from the bottom of the stack up to and including `screen`.

    Screens without a crumb (Textual's default screen, modal dialogs) are left out of the path.
    """
    stack = screen.app.screen_stack
    path = stack[: stack.index(screen) + 1] if screen in stack else [*stack, screen]
    return [crumb for s in path if (crumb := getattr(s, "crumb", None))]


class Breadcrumb(Widget):
    """One line naming the path to this screen: "Cities › Chicago › Source". DB text is shown literally."""

    DEFAULT_CSS = """
    Breadcrumb {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

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


class DrillScreen(Screen):
    """A screen one level below another: Escape or Backspace goes back one level."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Go back one level"),
        Binding("backspace", "back", "Back", show=False, tooltip="Go back one level"),
    ]

    # The breadcrumb's label for this screen; override with a class attribute or a property.
    crumb: str = ""

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the breadcrumb and the footer."""
        yield from ()

    def action_back(self) -> None:
        # Never pop the last screen: that would leave the app with nothing to show.
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
