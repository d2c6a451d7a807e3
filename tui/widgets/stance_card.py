"""A stance card: who holds the stance, a coloured badge for it, the summary, the verbatim evidence and its source.

The card is a row of the city screen like any other (selectable, Enter opens the article at the evidence, `c`
copies it as a citation), because the evidence is the thing a reporter cites; it is drawn in a frame.
"""

from __future__ import annotations

from textual.content import Content

from tui.models import Stance
from tui.present import NOT_STATED, date_label, display_text, one_line, stance_look
from tui.widgets.drill_item import Entry


def position_badge(position: str) -> Content:
    """' REFUSES ' in the position's colour (tui.present's one vocabulary); an unknown one uncoloured, reversed."""
    look = stance_look(position)
    return Content.styled(f" {look.badge} ", look.badge_style if look.colour else "bold reverse")


def position_phrase(position: str, toward: str) -> str:
    """The words after the badge, so the stance reads as a sentence: 'REFUSES to cooperate with ICE'."""
    toward = one_line(toward) or "federal immigration enforcement"
    phrases = {
        "refuses": f"to cooperate with {toward}",
        "cooperates": f"with {toward}",
        "mandated": f"by law to cooperate with {toward}",
        "unclear": f"whether it cooperates with {toward}",
    }
    return phrases.get(position, f"toward {toward}")


def stance_content(stance: Stance) -> Content:
    source = stance.source
    published = date_label(source.published, "day") if source.published else f"publication date {NOT_STATED}"
    stated = date_label(stance.date, stance.date_precision) if stance.date else None
    source_line = f"Source: {one_line(source.slug)} · published {published}"
    if stated:
        source_line += f" · dated {stated}"
    pieces: list[Content | tuple[str, str] | str] = [
        (one_line(stance.holder), "bold"),
        # A stance held by a state law or an agency says so; a police stance needs no label on the police screen.
        ("" if stance.kind == "police" else f" · {one_line(stance.kind)}", "$text-muted"),
        "  ",
        position_badge(stance.position),
        " ",
        (position_phrase(stance.position, stance.toward), "bold"),
        "\n",
    ]
    if stance.summary:
        pieces += [display_text(stance.summary).strip(), "\n"]
    pieces += [
        ("Evidence: ", "$text-muted"),
        ("“" + display_text(stance.evidence).strip() + "”", "$text-accent"),
        "\n",
        (source_line, "$text-muted"),
    ]
    return Content.assemble(*pieces)


def stance_entry(stance: Stance) -> Entry:
    """One stance on cooperating with ICE, framed; Enter shows the article with the evidence highlighted."""
    return Entry("card", stance_content(stance), stance)
