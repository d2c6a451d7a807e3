"""A small terminal emulator: enough of VT100/xterm to know the text on screen after a Textual app's output.

Textual positions the cursor for every run of text it writes (CUP), turns autowrap off and never scrolls, so the
cells are a grid written at the cursor; colours and modes are parsed and ignored, because the benchmark compares
the screen's text, not its colours.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE = (
    r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[()#][0-9A-Za-z]|\x1b[^\[\]()#]"  # other escapes
)
_COMPLETE_ESCAPE = re.compile(_ESCAPE)
_TOKEN = re.compile(
    _ESCAPE + r"|([\r\n\b])"  # controls we act on
    r"|([^\x00-\x1f\x1b\x7f]+)"  # text
    r"|[\x00-\x1f\x7f]"  # any other control character, skipped
)


class Screen:
    """The subset of a VT100/xterm screen that a Textual app drives: cursor moves, erases and text (no scrolling)."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.cells = [[" "] * columns for _ in range(rows)]
        self.x = self.y = 0
        self._pending = ""  # a partial escape sequence left at the end of a chunk

    def feed(self, text: str) -> None:
        data = self._pending + text
        # An escape sequence cut short by the end of a read waits for the rest.
        last = data.rfind("\x1b")
        if last >= 0 and not _COMPLETE_ESCAPE.match(data, last):
            data, self._pending = data[:last], data[last:]
        else:
            self._pending = ""
        for match in _TOKEN.finditer(data):
            if match.group(3) is not None:
                self._csi(match.group(1), match.group(3))
            elif match.group(4) is not None:
                self._control(match.group(4))
            elif match.group(5) is not None:
                self._text(match.group(5))

    def text(self) -> tuple[str, ...]:
        return tuple("".join(row) for row in self.cells)

    def _csi(self, params: str, final: str) -> None:
        if params.startswith(("?", ">", "<", "=")):
            return  # modes and queries: no effect on the cells
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        first = numbers[0] if numbers else 0
        if final == "H" or final == "f":
            row = numbers[0] if len(numbers) > 0 and numbers[0] else 1
            col = numbers[1] if len(numbers) > 1 and numbers[1] else 1
            self.y, self.x = min(row, self.rows) - 1, min(col, self.columns) - 1
        elif final == "A":
            self.y = max(0, self.y - (first or 1))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + (first or 1))
        elif final == "C":
            self.x = min(self.columns - 1, self.x + (first or 1))
        elif final == "D":
            self.x = max(0, self.x - (first or 1))
        elif final == "G":
            self.x = min(self.columns, first or 1) - 1
        elif final == "K":
            row = self.cells[self.y]
            span = {0: range(self.x, self.columns), 1: range(0, self.x + 1)}.get(first, range(self.columns))
            for i in span:
                row[i] = " "
        elif final == "J":
            if first in (2, 3):
                self.cells = [[" "] * self.columns for _ in range(self.rows)]
            elif first == 0:
                self._csi("0", "K")
                for row in self.cells[self.y + 1 :]:
                    row[:] = [" "] * self.columns

    def _control(self, char: str) -> None:
        if char == "\r":
            self.x = 0
        elif char == "\n":
            self.y = min(self.rows - 1, self.y + 1)
        elif char == "\b":
            self.x = max(0, self.x - 1)

    def _text(self, run: str) -> None:
        row = self.cells[self.y]
        if run.isascii():  # the common case, a slice at a time; Textual turns autowrap off, so clip at the edge
            room = self.columns - self.x
            row[self.x : self.x + min(len(run), room)] = run[:room]
            self.x = min(self.columns - 1, self.x + len(run)) if room > len(run) else self.columns - 1
            return
        for char in run:
            if unicodedata.combining(char):
                if self.x > 0:
                    row[self.x - 1] += char
                continue
            width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
            if self.x + width > self.columns:
                break
            row[self.x] = char
            if width == 2:
                row[self.x + 1] = ""
            self.x += width
        self.x = min(self.x, self.columns - 1)
