"""The outlet an article names itself by, when its metadata names none."""

from __future__ import annotations

import pytest

from builder.extract.outlet import outlet_named


@pytest.mark.parametrize(
    ("text", "source_id", "outlet"),
    [
        ("Acme buys Widget\n\nPARIS (Reuters) - Acme bought Widget on Friday.", "20101005-acme", "Reuters"),
        ("Acme buys Widget\n\nNEW YORK, Jan 5 (AP) — Acme bought Widget.", "acme", "AP"),
        ("Acme bought Widget. Newsng understands that the talks were long.", "newsng", "Newsng"),
        ("The Bank's Monetary Policy Committee (MPC) - Paul Tucker - voted to raise rates.", "bank-rates", None),
        ("A blog post says Acme bought Widget.", "blog-2024-07-25", None),
        ("Acme bought Widget.", "acme", None),  # a company named like the file is no outlet
        ("By Jane Doe LONDON (Reuters) - Acme bought Widget.", "acme", "Reuters"),
    ],
)
def test_outlet_named(text: str, source_id: str, outlet: str | None) -> None:
    assert outlet_named(text, source_id) == outlet
