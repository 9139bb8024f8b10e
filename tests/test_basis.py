"""The basis of a deal's value: enterprise (the target's debt counted in) or equity (its shares alone), read
from the words around the figure; values on different bases are different terms, never a disagreement."""

from __future__ import annotations

import pytest

from builder.analyze.basis import basis_of
from builder.analyze.measures import SentenceCues
from builder.analyze.term_changes import term_changes
from builder.model import Citation
from builder.model.versions import RecordedTerm, Version
from tests.test_terms import brief


def read(sentence: str, figure: str, *others: str) -> str | None:
    """The basis read for figure in sentence, with the sentence's other figures named."""
    start = sentence.index(figure)
    places = [(sentence.index(other), sentence.index(other) + len(other)) for other in others]
    return basis_of(SentenceCues(sentence), start, start + len(figure), places)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # enterprise value, in the ways wire copy writes it
        (
            "Acme agreed to buy Widget for $4.2 billion, including debt, the companies said.",
            "$4.2 billion",
            "enterprise",
        ),
        ("Including debt, Acme's offer is valued at $38 billion.", "$38 billion", "enterprise"),
        ("Including assumption of debt, the deal is valued at about $430 million.", "$430 million", "enterprise"),
        (
            "The companies said the total value, including the assumption and refinancing of Widget's outstanding "
            "debt and excluding transaction costs, was $22.2 billion.",
            "$22.2 billion",
            "enterprise",
        ),
        ("The deal, worth more than $23 billion including debt, was signed on Monday.", "$23 billion", "enterprise"),
        ("It values Widget at $3.9 billion including net debt, the companies said.", "$3.9 billion", "enterprise"),
        ("Acme's $55 billion bid -- including debt assumed -- for Widget was rejected.", "$55 billion", "enterprise"),
        ("The offer values Widget at A$963 million on an enterprise value basis.", "A$963 million", "enterprise"),
        ("The bid gives Widget an enterprise value of 3.2 billion pounds.", "3.2 billion pounds", "enterprise"),
        ("The $1 billion deal includes the assumption of $173 million of debt.", "$1 billion", "enterprise"),
        ("Acme will pay $2.5bn for Widget Corp with debt, people familiar said.", "$2.5bn", "enterprise"),
        # equity value
        ("The deal values Widget at $20 billion, excluding debt, sources said.", "$20 billion", "equity"),
        (
            "A spokesman said the $17.1 billion equity value of the deal was based on an update.",
            "$17.1 billion",
            "equity",
        ),
        (
            "This translates into an equity valuation for the Texas-based company of between $22.6 billion and "
            "$24.4 billion.",
            "$22.6 billion and $24.4 billion",
            "equity",
        ),
        (
            "Widget agreed to be bought by Acme for $6.65 billion plus debt and other liabilities.",
            "$6.65 billion",
            "equity",
        ),
        ("Acme will pay $2.1bn for the shares of Widget Corp.", "$2.1bn", "equity"),
        # unstated: a plain price, the debt itself, a cue nearer another figure
        ("Acme has agreed to buy Widget Corp for $2.1bn in cash, the companies said.", "$2.1bn", None),
        ("The company said the deal was worth about $9 billion, including debt of $1.6 billion.", "$1.6 billion", None),
        ("The $1 billion deal includes the assumption of $173 million of debt.", "$173 million", None),
        ("Acme has paid down most of its debt since it bought Widget for $500 million in 2018.", "$500 million", None),
    ],
)
def test_the_basis_of_a_deal_value_is_read_from_its_sentence(sentence: str, figure: str, expected: str | None) -> None:
    assert read(sentence, figure) == expected


def test_a_cue_speaks_for_the_figure_nearest_to_it() -> None:
    sentence = (
        "Advisers worked on Acme's $27.5 billion purchase, including debt, of Widget as well as on Gadget's "
        "$16.2 billion sale of its insurer."
    )
    assert read(sentence, "$27.5 billion", "$16.2 billion") == "enterprise"
    assert read(sentence, "$16.2 billion", "$27.5 billion") is None
    total = (
        "Acme bought Widget for $23 billion, plus the assumption of debt, which brought the total value to $39 billion."
    )
    assert read(total, "$23 billion", "$39 billion") == "equity"
    assert read(total, "$39 billion", "$23 billion") == "enterprise"


def test_an_equity_and_an_enterprise_value_are_two_terms_not_a_conflict() -> None:
    found = brief(
        ("wire", "2025-03-03", "Acme buys Widget\n\nAcme has agreed to buy Widget Corp for $2.1bn (£1.7bn) in cash."),
        (
            "daily",
            "2025-03-03",
            "Acme to pay $2.5bn\n\nAcme will pay $2.5bn (£2bn) for Widget Corp, including debt, people familiar said.",
        ),
    )
    assert not [c for c in found.conflicts if c.kind == "conflict"]
    values = {t.basis: t for t in found.terms if t.measure == "deal_value" and t.state == "stated"}
    assert set(values) == {None, "enterprise"}
    assert values[None].text == "$2.1bn" and values["enterprise"].text == "$2.5bn"
    assert not any(t.revised for t in values.values())
    groups = [g for g in found.amount_groups if g.measure == "deal_value"]
    assert all({item.text for item in g.items} != {"$2.1bn", "$2.5bn"} for g in groups)
    # the headline's "$2.5bn", which leaves the debt unsaid, is the enterprise value its story gives
    (enterprise,) = [g for g in groups if g.basis == "enterprise"]
    assert [item.text for item in enterprise.items] == ["$2.5bn", "$2.5bn"]


def test_two_enterprise_values_apart_are_a_conflict() -> None:
    found = brief(
        ("wire", "2025-03-03", "Acme buys Widget\n\nAcme has agreed to buy Widget Corp for $2.1bn, including debt."),
        ("daily", "2025-03-04", "Acme buys Widget\n\nAcme has agreed to buy Widget Corp for $2.5bn, including debt."),
    )
    (conflict,) = [c for c in found.conflicts if c.kind == "conflict"]
    assert {item.text for item in conflict.items} == {"$2.1bn", "$2.5bn"}
    (value,) = [t for t in found.terms if t.measure == "deal_value" and t.state == "stated"]
    assert value.basis == "enterprise" and value.verdict == "conflict"


def test_an_equity_value_and_a_plain_price_apart_are_a_conflict() -> None:
    found = brief(
        ("wire", "2025-03-03", "Acme buys Widget\n\nAcme has agreed to buy Widget Corp for $2.1bn, excluding debt."),
        ("daily", "2025-03-04", "Acme buys Widget\n\nAcme has agreed to buy Widget Corp for $2.5bn."),
    )
    (conflict,) = [c for c in found.conflicts if c.kind == "conflict"]
    assert {item.text for item in conflict.items} == {"$2.1bn", "$2.5bn"}


def test_a_later_enterprise_value_does_not_revise_the_equity_value() -> None:
    found = brief(
        ("talks", "2025-03-03", "Acme in talks\n\nAcme is in talks to buy Widget Corp for $2.1bn, sources said."),
        (
            "agreed",
            "2025-03-20",
            "Acme buys Widget\n\nAcme has agreed to buy Widget Corp in a deal worth $2.9bn, including debt.",
        ),
    )
    values = [t for t in found.terms if t.measure == "deal_value" and t.state == "stated"]
    assert sorted((t.basis or "", t.text) for t in values) == [("", "$2.1bn"), ("enterprise", "$2.9bn")]
    assert not any(t.revised for t in values)


def _version(number: int, *terms: RecordedTerm) -> Version:
    return Version(number=number, name=f"v{number}", dated=None, deal="Acme buys Widget", sources=(), terms=terms)


def test_a_version_compares_each_basis_with_its_own() -> None:
    cited = (Citation(source="a", sentence="a-s1", text="$2.1bn"),)
    equity = RecordedTerm(measure="deal_value", subject="Widget", text="$2.1bn", value=2.1e9, citations=cited)
    enterprise = RecordedTerm(
        measure="deal_value", subject="Widget", text="$2.5bn", value=2.5e9, basis="enterprise", citations=cited
    )
    changes = term_changes(_version(1, equity), _version(2, equity, enterprise))
    assert [(c.kind, c.detail) for c in changes] == [("term-stated", "enterprise")]


def test_an_enterprise_value_converted_at_two_rates_is_a_conversion_discrepancy_of_its_own() -> None:
    found = brief(
        (
            "wire",
            "2025-03-03",
            "Acme buys Widget\n\nAcme agreed to buy Widget Corp for $2.5bn (£2.2bn), including debt.",
        ),
        (
            "daily",
            "2025-03-03",
            "Acme buys Widget\n\nAcme agreed to pay $2.5bn (£1.9bn) for Widget Corp, including debt.",
        ),
        ("post", "2025-03-03", "Acme buys Widget\n\nAcme agreed to buy Widget Corp for $2.1bn (£1.7bn) in cash."),
    )
    (discrepancy,) = [c for c in found.conflicts if c.kind == "conversion-discrepancy"]
    assert {item.text for item in discrepancy.items} == {"£2.2bn", "£1.9bn"}
    assert not [c for c in found.conflicts if c.kind == "conflict"]
    (enterprise,) = [g for g in found.amount_groups if g.basis == "enterprise"]
    assert {item.text for item in enterprise.conversions} == {"£2.2bn", "£1.9bn"}
