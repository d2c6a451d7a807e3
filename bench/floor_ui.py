"""The UI floor: the browser's search shape (a field over a list of results) with no database.

Each keystroke replaces the list's 30 options with new rows that carry the typed text, as the app replaces its
results on every key, so every key repaints the field and the whole list. Keystroke → repaint here is what
Textual itself costs per key; the app's keystrokes are measured against it.
"""

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

WORDS = [f"{adjective} {noun}" for adjective in ("federal", "local", "sanctuary", "county", "state", "city")
         for noun in ("raids", "families", "officials", "agents", "policy")]  # fmt: skip


class UIFloor(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type anything")
        yield OptionList(*WORDS)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(OptionList).set_options(f"{event.value} · {word}" for word in WORDS)


if __name__ == "__main__":
    UIFloor().run()
