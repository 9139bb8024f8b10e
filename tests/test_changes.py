"""Comparing two versions of a brief's facts: what is new, moved, answered or gone, keyed on what facts are."""

from __future__ import annotations

from datetime import date
from typing import Any

from builder.analyze.changes import compare
from builder.analyze.record import numbered, question_key
from builder.model import Citation, Question, QuestionItem
from builder.model.versions import (
    RecordedConflict,
    RecordedEvent,
    RecordedFigure,
    RecordedItem,
    RecordedQuote,
    RecordedSource,
    RecordedTerm,
    Version,
)

DAY1, DAY2 = date(2007, 5, 28), date(2007, 5, 29)


def cite(source: str, n: int, text: str) -> Citation:
    return Citation(source=source, sentence=f"{source}-s{n}", text=text)


def source(name: str, day: date, sha: str = "0") -> RecordedSource:
    return RecordedSource(id=name, title=f"Story {name}", outlet="Reuters", published=day, sha256=sha)


def figure(*items: tuple[str, float, Citation], verdict: str = "single", about: str = "the deal") -> RecordedFigure:
    return RecordedFigure(
        kind="money",
        unit="USD",
        about=about,
        verdict=verdict,  # type: ignore[arg-type]
        items=tuple(RecordedItem(text=text, value=value, citation=c) for text, value, c in items),
    )


def single_source_question(c: Citation) -> Question:
    question = Question(
        id="",
        kind="single-source",
        citations=(c,),
        about="the deal",
        items=(QuestionItem(text=c.text, source=c.source),),
    )
    return question.model_copy(update={"id": question_key(question)})


def version(number: int, day: date, **facts: Any) -> Version:
    facts.setdefault("sources", (source("talks", DAY1),))
    return Version(number=number, name=f"v{number}", dated=day, deal="A buys B", **facts)


def kinds(changes: list[Any]) -> list[str]:
    return [change.kind for change in changes]


def test_the_same_facts_are_no_change() -> None:
    quote = RecordedQuote(speaker="Jane Doe", text="We like the deal a lot", citations=(cite("talks", 3, "x"),))
    old = version(1, DAY1, quotes=(quote,), figures=(figure(("$20 billion", 2e10, cite("talks", 2, "$20 billion"))),))
    assert compare(old, old.model_copy(update={"number": 2, "name": "v2"})) == []


def test_sources_added_edited_and_removed() -> None:
    old = version(1, DAY1, sources=(source("talks", DAY1), source("gone", DAY1)))
    new = version(2, DAY2, sources=(source("talks", DAY1, sha="1"), source("agreed", DAY2)))
    changes = compare(old, new)
    assert [(c.kind, c.source) for c in changes] == [
        ("source-added", "agreed"),
        ("source-edited", "talks"),
        ("source-removed", "gone"),
    ]
    assert changes[0].after is not None and changes[0].after.dated == DAY2


def test_a_quote_is_known_by_its_words_and_speaker_not_by_its_place() -> None:
    said = "We are delighted to join forces with a partner of this quality"
    old = version(1, DAY1, quotes=(RecordedQuote(speaker="Jane Doe", text=said, citations=(cite("talks", 4, said),)),))
    longer = said + ", she said on Monday"
    moved = RecordedQuote(
        speaker="Jane Doe", text=longer, citations=(cite("talks", 6, said), cite("agreed", 2, longer))
    )
    new = version(2, DAY2, sources=(source("talks", DAY1), source("agreed", DAY2)), quotes=(moved,))
    changes = [c for c in compare(old, new) if c.kind.startswith("quote-")]
    assert kinds(changes) == ["quote-confirmed"]
    assert changes[0].after is not None and [c.source for c in changes[0].after.citations] == ["agreed"]


def test_new_and_dropped_quotes() -> None:
    old = version(
        1, DAY1, quotes=(RecordedQuote(speaker="A", text="Old words here today", citations=(cite("talks", 1, "o"),)),)
    )
    new = version(
        2,
        DAY2,
        quotes=(RecordedQuote(speaker="B", text="New words said later on", citations=(cite("talks", 5, "n"),)),),
    )
    changes = compare(old, new)
    assert kinds(changes) == ["quote-added", "quote-dropped"]
    assert changes[0].about == "B" and changes[1].about == "A"


def test_a_figure_told_by_a_new_source_answers_its_single_source_question() -> None:
    talks = cite("talks", 7, "$20 billion")
    old = version(1, DAY1, figures=(figure(("$20 billion", 2e10, talks)),), questions=(single_source_question(talks),))
    agreed = cite("agreed", 3, "$20 billion")
    new = version(
        2,
        DAY2,
        sources=(source("talks", DAY1), source("agreed", DAY2)),
        figures=(
            figure(("$20 billion", 2e10, talks), ("$20 billion", 2e10, agreed), verdict="agree", about="other words"),
        ),
    )
    changes = compare(old, new)
    assert kinds(changes) == ["source-added", "question-answered"]  # the figure's confirmation is the answer
    answer = changes[1]
    assert answer.before is not None and answer.before.citations == (talks,)
    assert answer.after is not None and answer.after.citations == (agreed,) and answer.after.dated == DAY2


def test_a_new_figure_says_its_own_question_without_a_second_line() -> None:
    said = cite("agreed", 6, "$22.2 billion")
    old = version(1, DAY1)
    new = version(
        2,
        DAY1,
        figures=(figure(("$22.2 billion", 2.22e10, said)),),
        questions=(single_source_question(said),),
    )
    assert kinds(compare(old, new)) == ["figure-stated"]
    assert compare(new, old)[0].kind == "figure-dropped"


def test_an_undisclosed_question_is_raised() -> None:
    said = cite("talks", 9, "Financial details of the agreement were not known")
    asked = Question(id="", kind="undisclosed", citations=(said,), about="financial details of the agreement")
    new = version(2, DAY1, questions=(asked.model_copy(update={"id": question_key(asked)}),))
    changes = compare(version(1, DAY1), new)
    assert kinds(changes) == ["question-raised"]
    assert changes[0].question is not None and changes[0].question.citations == ()
    assert changes[0].after is not None and changes[0].after.citations == (said,)


def test_conflicts_found_and_resolved() -> None:
    a, b = cite("talks", 2, "$2.1bn"), cite("agreed", 2, "$2.5bn")
    conflict = RecordedConflict(kind="conflict", about="the price", items=(a, b))
    calm = version(1, DAY1, figures=(figure(("$2.1bn", 2.1e9, a), ("$2.1bn", 2.1e9, b), verdict="agree"),))
    torn = version(2, DAY2, conflicts=(conflict,))
    assert kinds(compare(calm, torn)) == ["conflict-found", "figure-dropped"]
    resolved_now = compare(torn, calm)
    assert kinds(resolved_now)[0] == "conflict-resolved"
    assert resolved_now[0].after is not None and resolved_now[0].after.text == "$2.1bn"


def test_a_deal_term_revised_from_talks_to_agreed_has_both_figures_dates_and_citations() -> None:
    talks = cite("talks", 3, "could top $20 billion")
    agreed = cite("agreed", 6, "$22.2 billion")
    old = version(
        1,
        DAY1,
        terms=(
            RecordedTerm(
                measure="deal_value",
                subject="B",
                stage="talks",
                text="could top $20 billion",
                value=2e10,
                unit="USD",
                citations=(talks,),
            ),
        ),
    )
    new_term = RecordedTerm(
        measure="deal_value",
        subject="B",
        stage="agreed",
        text="$22.2 billion",
        value=2.22e10,
        unit="USD",
        citations=(agreed,),
    )
    new = version(2, DAY2, sources=(source("talks", DAY1), source("agreed", DAY2)), terms=(new_term,))
    revised = [c for c in compare(old, new) if c.kind.startswith("term-")]
    assert kinds(revised) == ["term-revised"]
    change = revised[0]
    assert (change.about, change.subject) == ("deal_value", "B")
    assert change.before is not None and (change.before.text, change.before.stage, change.before.dated) == (
        "could top $20 billion",
        "talks",
        DAY1,
    )
    assert change.after is not None and (change.after.text, change.after.stage, change.after.dated) == (
        "$22.2 billion",
        "agreed",
        DAY2,
    )
    assert change.before.citations == (talks,) and change.after.citations == (agreed,)


def test_deal_terms_first_stated_confirmed_and_contradicted() -> None:
    first = cite("talks", 3, "$20 billion")
    term = RecordedTerm(
        measure="deal_value", subject="B", stage="agreed", text="$20 billion", value=2e10, citations=(first,)
    )
    assert kinds(compare(version(1, DAY1), version(2, DAY1, terms=(term,)))) == ["term-stated"]
    more = term.model_copy(update={"citations": (first, cite("agreed", 2, "$20 billion")), "verdict": "agree"})
    assert kinds(compare(version(1, DAY1, terms=(term,)), version(2, DAY2, terms=(more,)))) == ["term-confirmed"]
    torn = more.model_copy(update={"verdict": "conflict"})
    assert kinds(compare(version(1, DAY1, terms=(term,)), version(2, DAY2, terms=(torn,)))) == ["term-contradicted"]


def test_a_disclosed_term_answers_the_question_that_it_was_not_disclosed() -> None:
    withheld = cite("talks", 4, "terms were not disclosed")
    asked = Question(id="", kind="undisclosed", citations=(withheld,), about="terms")
    old_term = RecordedTerm(
        measure="deal_value", subject="B", text="not disclosed", state="not disclosed", citations=(withheld,)
    )
    old = version(1, DAY1, terms=(old_term,), questions=(asked.model_copy(update={"id": question_key(asked)}),))
    value = cite("agreed", 2, "$7.3 billion")
    new_term = RecordedTerm(
        measure="deal_value", subject="B", stage="agreed", text="$7.3 billion", value=7.3e9, citations=(value,)
    )
    changes = compare(old, version(2, DAY2, terms=(new_term,)))
    answered = [c for c in changes if c.kind == "question-answered"]
    assert len(answered) == 1 and answered[0].after is not None and answered[0].after.citations == (value,)


def test_new_dates_in_the_timeline() -> None:
    event = RecordedEvent(
        when="2007-05-29", precision="day", kind="mention", label="agreed", citations=(cite("a", 1, "x"),)
    )
    assert kinds(compare(version(1, DAY1), version(2, DAY2, events=(event,)))) == ["event-added"]
    assert compare(version(1, DAY1, events=(event,)), version(2, DAY2, events=(event,))) == []


def test_versions_are_named_by_date_and_sources_and_numbered_in_order() -> None:
    facts = version(0, DAY1).model_copy(update={"name": ""})
    first = numbered(facts, [])
    assert (first.number, first.name) == (1, "2007-05-28-1-source")
    assert numbered(facts, [first]) == first  # the same facts are the latest version, not a new one
    edited = facts.model_copy(update={"deal": "A buys all of B"})
    second = numbered(edited, [first])
    assert (second.number, second.name) == (2, "2007-05-28-1-source-2")


def test_another_source_answers_a_single_source_question_even_when_it_hedges_differently() -> None:
    talks = cite("talks", 8, "more than 68 billion euros")
    old = version(
        1,
        DAY1,
        figures=(figure(("more than 68 billion euros", 6.8e10, talks)),),
        questions=(single_source_question(talks),),
    )
    agreed = cite("agreed", 2, "about 67 billion euros")
    hedged = figure(
        ("more than 68 billion euros", 6.8e10, talks), ("about 67 billion euros", 6.7e10, agreed), verdict="hedged"
    )
    new = version(2, DAY2, sources=(source("talks", DAY1), source("agreed", DAY2)), figures=(hedged,))
    [answered] = [c for c in compare(old, new) if c.kind.startswith("question-")]
    assert answered.kind == "question-answered" and answered.after is not None and answered.after.citations == (agreed,)


def test_a_term_is_dated_by_the_day_its_stage_was_reached_where_the_sources_say() -> None:
    said = cite("agreed", 2, "$7.3 billion")
    term = RecordedTerm(measure="deal_value", stage="agreed", when="2007-05-27", text="$7.3 billion", citations=(said,))
    sources = (source("agreed", DAY2),)
    [stated] = compare(version(1, DAY1, sources=sources), version(2, DAY2, sources=sources, terms=(term,)))
    assert stated.after is not None and stated.after.dated == date(2007, 5, 27)
    undated = term.model_copy(update={"when": "2007-05"})
    [stated] = compare(version(1, DAY1, sources=sources), version(2, DAY2, sources=sources, terms=(undated,)))
    assert stated.after is not None and stated.after.dated == DAY2
