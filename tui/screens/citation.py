"""The citation dialog (`c`): what was copied, how, and a way to get it that always works.

`c` hands the citation to the terminal's clipboard (OSC 52), the only clipboard a terminal program can reach; many
terminals, and tmux by default, ignore it without telling the program. So the dialog never says "Copied": it
shows the citation itself (selectable with Shift+drag in most terminals), says it was sent to the terminal's
clipboard, and `w` writes it to a new file whose path it names. A file is never replaced: the name carries the
time, and a number is added if a file of that name exists.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.present import one_line

SENT = (
    "Sent to the terminal's clipboard (OSC 52). Some terminals, and tmux unless set-clipboard is on, ignore it: "
    "then press w to write it to a file, or select the text above with Shift+drag."
)


def write_new_file(text: str, directory: Path | None = None, now: datetime.datetime | None = None) -> Path:
    """Write `text` to a new file `events-tui-citation-<time>[-N].txt` in `directory` (default: the current
    folder, else the temporary folder when that is not writable) and return its path. Never replaces a file."""
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folders = [directory] if directory is not None else [Path.cwd(), Path(tempfile.gettempdir())]
    error: OSError | None = None
    for folder in folders:
        for n in range(1, 1000):
            path = folder / (f"events-tui-citation-{stamp}" + (f"-{n}" if n > 1 else "") + ".txt")
            try:
                # O_EXCL: fails rather than open a file (or follow a link) that is already there.
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            except OSError as exc:
                error = exc
                break
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            return path
    raise error or FileExistsError(f"no free file name for the citation in {folders[-1]}")


class CitationScreen(ModalScreen[None]):
    """The citation just sent to the clipboard; `w` writes it to a file; Escape, Enter or `c` closes."""

    BINDINGS = [
        Binding("w", "write", "Write to file", tooltip="Write the citation to a new file and show its path"),
        Binding("escape,enter,c", "close", "Close", tooltip="Close the citation"),
    ]
    DEFAULT_CSS = """
    CitationScreen {
        align: center middle;
    }
    CitationScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    CitationScreen #citation-text {
        margin: 1 0;
    }
    CitationScreen #citation-how {
        color: $text-muted;
    }
    """

    def __init__(self, text: str, who: str) -> None:
        super().__init__()
        self.text = text
        self.who = who
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(f"Citation of {one_line(self.who)}")  # literal: never parsed as markup
            box.border_subtitle = "w write to a file · Esc close"
            yield Static(Content(one_line(self.text)), id="citation-text")
            yield Static(Content(SENT), id="citation-how")

    def action_write(self) -> None:
        try:
            self.written = write_new_file(self.text)
        except OSError as exc:
            self.notify(f"Could not write the citation: {exc}", severity="error", markup=False)
            return
        self.query_one("#citation-how", Static).update(Content(f"Written to {self.written}"))
        self.notify(f"Citation written to {self.written}", title="Citation", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
