"""Excerpts for readers: the whole sentence, or whole clauses cut with an ellipsis, never a word window."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.clauses import ELLIPSIS, excerpt, is_whole

LONG = (
    "Lumen, which counts Zoom and Amazon Web Services among its customers, offers over 6 million miles of "
    "fiber-optic cables via its Private Connectivity Fabric solution, as well as dedicated network access, "
    "under 5 milliseconds of latency at the edge, and 60 percent more capacity compared to legacy fiber."
)


def around(text: str, words: str) -> str:
    start = text.index(words)
    return excerpt(text, start, start + len(words))


def test_a_short_sentence_is_shown_whole() -> None:
    text = "Microsoft stated in April that these deficiencies were impeding its ability to capitalise on AI."
    assert around(text, "April") == text


def test_a_long_sentence_is_cut_at_clauses_with_an_ellipsis() -> None:
    assert around(LONG, "60 percent") == "…and 60 percent more capacity compared to legacy fiber."
    assert around(LONG, "under 5 milliseconds") == "…under 5 milliseconds of latency at the edge…"
    assert around(LONG, "6 million miles") == (
        "…offers over 6 million miles of fiber-optic cables via its Private Connectivity Fabric solution…"
    )


def test_a_cut_closes_the_quotation_it_opens() -> None:
    text = (
        "The companies estimate this will “improve Lumen’s cash flow by more than $20 million over the next "
        "12 months,” while also helping the company improve the service it provides to its many customers "
        "across the world, as the two said in a statement."
    )
    shown = around(text, "$20 million")
    assert shown.startswith("The companies estimate this will “improve") and shown.endswith("”…")
    assert shown.count("“") == shown.count("”")


def test_whole_means_a_sentence_end_or_a_cut() -> None:
    assert is_whole("It rose.") and is_whole("…it rose…") and is_whole("Did it?”")
    assert not is_whole("Acme agrees to buy Widget Corp for $2.1bn")


WORDS = ["Acme", "paid", "$2bn,", "and", "the", "deal", "—", "closes;", "in", "May."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.data())
def test_an_excerpt_is_the_sentence_s_own_words(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shown = excerpt(text, start, end)
    for piece in shown.split(ELLIPSIS):
        assert piece.strip(' ”"') in text
    if shown != text:
        assert ELLIPSIS in shown


def test_an_excerpt_leaves_out_the_wire_dateline() -> None:
    text = "LONDON, May 4 (Reuters) - Acme said it had agreed to buy Widget for $5 billion in cash."
    start = text.index("$5 billion")
    assert excerpt(text, start, start + 10) == "Acme said it had agreed to buy Widget for $5 billion in cash."
    assert excerpt(text, 0, 6) == text  # a fact in the dateline keeps it
