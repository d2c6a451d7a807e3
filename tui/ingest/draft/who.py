"""Who a phrase names: the speaker found for a quotation, with how sure and why."""

from __future__ import annotations

from dataclasses import dataclass

from tui.ingest.draft.model import Span


@dataclass
class Who:
    speaker: str | None = None
    description: Span | None = None
    confidence: float = 0.0
    reason: str = ""
