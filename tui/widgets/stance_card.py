"""A stance card: who holds the stance, a coloured badge, how many sources state it, the summary, and each source's
verbatim evidence with its date.

The card is a row of the city screen like any other (selectable, Enter opens the article at the evidence, `c`
copies it as a citation), because the evidence is the thing a reporter cites; it is drawn in a frame. A position
stated by several sources is one card and one row per further source; a holder whose sources differ (or whose
stance changed) gets one card per position, each with its own dates, never one merged label.
"""

from __future__ import annotations

from textual.content import Content

from tui.models import Stance, StanceGroup
from tui.present import SOURCES_DIFFER, display_text, group_label, one_line, stance_look, stated_when
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


def statement_lines(stance: Stance) -> list[Content | tuple[str, str] | str]:
    """One source's statement of a stance: its verbatim evidence, then when and where it is stated."""
    source_line = f"{stated_when(stance)} · Source: {one_line(stance.source.slug)}"
    return [
        ("Evidence: ", "$text-muted"),
        ("“" + display_text(stance.evidence).strip() + "”", "$text-accent"),
        "\n",
        (source_line, "$text-muted"),
    ]


def group_content(group: StanceGroup) -> Content:
    """The card: holder, badge and phrase, 'refuses — 2 sources' with their dates, the summary, the first statement."""
    stance = group.first
    pieces: list[Content | tuple[str, str] | str] = [
        (one_line(stance.holder), "bold"),
        (f" (signed by {one_line(stance.signed_by)})" if stance.signed_by else "", "$text-muted"),
        # A stance held by a state law or an agency says so; a police stance needs no label on the police screen.
        ("" if stance.kind == "police" else f" · {one_line(stance.kind)}", "$text-muted"),
        "  ",
        position_badge(stance.position),
        " ",
        (position_phrase(stance.position, stance.toward), "bold"),
        "\n",
        # 'refuses — 2 sources: published 2019-06-21, published 2019-06-22': how many articles say so, and when.
        (f"{group_label(group)}: {', '.join(stated_when(s) for s in group.stances)}", "bold"),
        "\n",
    ]
    if group.disputed:
        pieces += [(SOURCES_DIFFER, "italic"), "\n"]
    if stance.summary:
        pieces += [display_text(stance.summary).strip(), "\n"]
    pieces += statement_lines(stance)
    return Content.assemble(*pieces)


def also_content(stance: Stance) -> Content:
    """A further source stating the same position: its summary if it words it differently, and its evidence."""
    pieces: list[Content | tuple[str, str] | str] = [("Also stated: ", "bold")]
    if stance.summary:
        pieces += [display_text(stance.summary).strip()]
    pieces.append("\n")
    pieces += statement_lines(stance)
    return Content.assemble(*pieces)


def stance_entries(group: StanceGroup) -> list[Entry]:
    """A framed card for the position and its first source, then a row per further source, oldest first.

    Each statement is its own selectable entry, so Enter opens that article at that evidence and `c` cites it.
    """
    return [Entry("card", group_content(group), group.first)] + [
        Entry("row", also_content(s), s) for s in group.stances[1:]
    ]
