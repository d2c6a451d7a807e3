"""The start-up floor: the smallest Textual app, one Static. Its time to first frame is what any Textual app pays."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class StartFloor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("start-up floor: one Static")


if __name__ == "__main__":
    StartFloor().run()
