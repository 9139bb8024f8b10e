"""The pattern tools that keep the analysis fast must not change what it finds: a case-blind pattern on the
lower-cased text finds what re.I finds, a trie of names matches what their alternation matches, and a role
pattern never matches a sentence without one of the words it is skipped for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.alternation import literal_alternation
from builder.analyze.patterns import Caseless, CueTable, compile_table
from builder.analyze.role_patterns import COMPILED, NAMED_CONSORTIUM
from builder.analyze.similarity import containment, contains
from builder.extract.numbers import DIGITS_ONLY, NUMBER, numbers_in
from builder.extract.quote_marks import _SINGLE_OPEN
from tests.conftest import SHARED, shared

_LETTERS = st.text(alphabet="abkAB &.İK\u212a", min_size=0, max_size=30)


def _alternation(forms: list[str]) -> str:
    return "|".join(map(re.escape, sorted(set(forms), key=lambda f: (-len(f), f))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB .&", min_size=1, max_size=6), min_size=1, max_size=8), _LETTERS)
def test_a_trie_of_names_matches_what_their_alternation_matches(forms: list[str], text: str) -> None:
    trie = re.compile(r"\b(?:" + literal_alternation(forms) + r")\b")
    alternation = re.compile(r"\b(?:" + _alternation(forms) + r")\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


def test_a_trie_prefers_the_longest_name() -> None:
    names = re.compile(r"\b(?:" + literal_alternation(["ABN", "ABN AMRO", "Bank of", "Bank of America"]) + r")\b")
    assert names.findall("ABN AMRO and Bank of America, not Bank of Americans") == [
        "ABN AMRO",
        "Bank of America",
        "Bank of",
    ]


@settings(max_examples=300, deadline=None)
@given(_LETTERS)
def test_a_caseless_pattern_finds_the_spans_re_i_finds(text: str) -> None:
    for pattern in (r"\b(?:ab|ba\s?a|k)\b", r"\b(?:abba|baab\w*|kab)\b"):  # the second needs words first
        caseless = Caseless(pattern)
        assert [m.span() for m in caseless.finditer(text)] == [m.span() for m in re.finditer(pattern, text, re.I)]
        assert bool(caseless.search(text)) == bool(re.search(pattern, text, re.I))


def test_a_caseless_pattern_must_be_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\bLBO\b")
    Caseless(r"\b(?:lbo|\S+\sbuyout)\b")  # escapes such as \S are not letters of the text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from("a b c d e the of".split()), max_size=12),
    st.lists(st.sampled_from("a b c d e the of".split()), max_size=12),
)
def test_contains_agrees_with_containment(a: list[str], b: list[str]) -> None:
    for threshold in (0.0, 0.5, 0.6, 0.8, 1.0):
        assert contains(tuple(a), tuple(b), threshold) == (containment(tuple(a), tuple(b)) >= threshold)


def test_no_role_pattern_matches_without_the_words_it_is_skipped_for() -> None:
    """Every sentence of the corpus, with its names marked: a pattern that matches holds one of its words."""
    assert all(needs for _, needs in COMPILED), "every role pattern names the words it needs"
    corpus = shared("corpus", "reuters-deals")
    name = re.compile(r"\b[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*")
    checked = 0
    for path in sorted(corpus.rglob("*.txt"))[:400]:
        for line in path.read_text(encoding="utf-8").splitlines():
            marked = name.sub(lambda m: f"\u27e8{len(m.group()) % 7}\u27e9", line)
            lowered = marked.lower()
            for pattern, needs in COMPILED:
                if pattern.search(marked):
                    checked += 1
                    assert any(word in lowered for word in needs), (pattern.pattern[:80], marked)
            if NAMED_CONSORTIUM.search(marked):
                assert "consortium" in lowered
    assert checked > 1000


_NUMBER_TEXT = st.text(alphabet="0123456789.,/ -½¼aAnNdtwohueqrfilvxsmb%$\u0663İ", min_size=0, max_size=40)


@settings(max_examples=500, deadline=None)
@given(_NUMBER_TEXT)
def test_numbers_in_finds_what_the_number_patterns_find(text: str) -> None:
    """The scan that tries the number patterns only where a number can start finds what `finditer` finds."""
    for words, pattern in ((True, NUMBER), (False, DIGITS_ONLY)):
        assert [m.span() for m in numbers_in(text, words)] == [m.span() for m in pattern.finditer(text)]


def test_numbers_in_reads_digits_words_and_fractions() -> None:
    text = "An estimated two hundred and fifty staff, a half of 1,234.5 and 837-1/2 pence or ½ a share; A10."
    assert [m.group() for m in numbers_in(text)] == [m.group() for m in NUMBER.finditer(text)]
    assert [m.group() for m in numbers_in(text, words=False)] == ["1,234.5", "837-1/2", "½", "10"]


_PLAIN_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))[‘'](?=[A-Za-z0-9£$€])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" (\n[—–‘'aZ0£x.,", max_size=16), st.integers(0, 16), st.integers(0, 16))
def test_the_single_mark_pattern_matches_what_its_plain_form_matches(text: str, pos: int, endpos: int) -> None:
    """The opening single mark, written mark first so the engine looks only where a mark is, matches what the
    pattern written lookbehind first matches, from any start and to any end of a paragraph."""
    fast = [m.span() for m in _SINGLE_OPEN.finditer(text, pos, endpos)]
    assert fast == [m.span() for m in _PLAIN_SINGLE_OPEN.finditer(text, pos, endpos)]


def test_a_cue_is_found_across_runs_of_spaces_at_its_place_as_written() -> None:
    table = CueTable(compile_table({"premium": ((r"\bhigher\sthan\s(?:\S+\s){0,2}price\b", 1.3),)}))
    sentence = "The offer is 26 percent higher  than Acme's  share price."
    [cue] = table.find(sentence)
    assert (cue.key, sentence[cue.start : cue.end]) == ("premium", "higher  than Acme's  share price")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\t", min_size=0, max_size=30))
def test_runs_of_spaces_change_no_cue_but_its_place(text: str) -> None:
    table = CueTable(compile_table({"context": ((r"\ba\sb\b", 1.0),)}))
    squeezed = re.sub(r"\s+", " ", text)
    found, plain = table.find(text), table.find(squeezed)
    assert len(found) == len(plain)
    assert all(re.sub(r"\s+", " ", text[c.start : c.end]) == "a b" for c in found)


def _lookahead_first() -> list[tuple[str, re.Pattern[str], str]]:
    """The patterns written with a lookahead first (so that the engine tries their alternatives only where a
    match can start), each with that lookahead as written."""
    from builder.extract.dates import _COMPILED
    from builder.extract.disclosures import _UNNAMED, _UNNAMED_FRAMES
    from builder.extract.referents import _UNNAMED_SPEAKING

    found = [(f"date {name}", pattern) for name, pattern in _COMPILED]
    found += [("unnamed", _UNNAMED), ("unnamed frames", _UNNAMED_FRAMES), ("unnamed speaking", _UNNAMED_SPEAKING)]
    heads = []
    for name, pattern in found:
        head = re.match(r"(?:\\b)?\(\?=(?:[^()]|\((?:[^()])*\))*\)", pattern.pattern)
        if head is not None:  # the lookahead, after a word boundary where one comes first
            heads.append((name, pattern, head.group().removeprefix("\\b")))
    return heads


def test_patterns_written_lookahead_first_find_what_their_plain_form_finds() -> None:
    """Without its lookahead each pattern finds the same matches in the corpus and in hand-written text."""
    heads = _lookahead_first()
    assert len(heads) >= 12
    folder = SHARED / "corpus" / "reuters-deals"  # read where it is here; the hand-written text is read always
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))[::7]] if folder.is_dir() else []
    texts.append(
        "Analysts said on Monday, 15 March 2004, that since March the deal, due by mid-2005, was off. "
        "Sources close to the bank said. It is understood that, last Tuesday, one banker said it; in 2007 too."
    )
    for name, pattern, head in heads:
        plain = re.compile(pattern.pattern.replace(head, "", 1), pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='AB a.),:-\n“"x', max_size=24))
def test_the_speaker_line_hint_read_back_from_each_mark_finds_what_its_pattern_finds(text: str) -> None:
    from builder.extract.speaker_lines import _HINT, _hinted

    assert _hinted(text) == bool(_HINT.search(text))
