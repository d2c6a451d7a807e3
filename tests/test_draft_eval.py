"""The drafting evaluation on the hand-corrected sources, with the issue's bar (see eval/drafting.py)."""

from __future__ import annotations

from eval.drafting import BARS, SOURCES, evaluate, score_article, trim


def test_drafts_meet_the_bar_on_the_gold_articles() -> None:
    scores, total = evaluate(SOURCES)
    assert scores, "no hand-corrected sources found"
    assert total.gold_quotes >= 23
    assert total.f1 >= BARS["f1"], total.errors
    assert total.speaker >= BARS["speaker"], total.errors
    assert total.date >= BARS["date"], total.errors


def test_the_scorer_can_fail(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A gold file that credits a quotation to someone else and dates it otherwise must lose points.
    (tmp_path / "a.txt").write_text("“We will not help,” Sheriff Ana Ruiz said on Monday.", encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        '[source]\npublished = "2020-03-06"\n'
        '[[officials]]\nid = "x"\nname = "Someone Else"\nmention = "Sheriff"\n'
        '[[quotes]]\nid = "q"\nspeaker = "x"\ntext = "We will not help"\ndate = "2020-01-01"\n'
        '[[quotes]]\nid = "q2"\nspeaker = "x"\ntext = "Ana Ruiz"\n',
        encoding="utf-8",
    )
    score = score_article(tmp_path / "a.toml")
    assert (score.matched, score.gold_quotes, score.drafted_quotes) == (1, 2, 1)
    assert score.speaker_right == 0 and score.date_right == 0 and score.dated == 1


def test_trim_takes_edge_punctuation_and_marks_only() -> None:
    text = "“not panic.”"
    assert trim(text, 0, len(text)) == (1, 10)
