"""Group the same quote across sources, show how each source words it, and find it repeated as prose."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from builder.analyze.cite import cite
from builder.analyze.similarity import UnionFind, contains, content_of, support, words
from builder.model import Citation, DiffPiece, Quote, QuoteGroup, QuoteVariant, Source, sentence_number

MATCH = 0.8  # share of the shorter quote's words found in order in the longer
PROSE_MATCH = 0.85
MIN_WORDS = 4
PAIR_WORDS = 0.7  # share of the smaller quote's content words two quotes must share to be compared in full
MAX_POSTINGS = 200  # a word this many quotes hold tells none of them apart
MAX_PROSE_POSTINGS = 120  # nor a word this many sentences hold
PROSE_MIN_WORDS = 8
PROSE_WORDS = 0.8  # share of a quote's content words a sentence must hold to be compared with it in full
_KIND_RANK = {"person": 0, "organization": 1, "outlet": 2, "document": 3, "descriptor": 4, None: 5}
_PLURAL_PARTIES = re.compile(
    r"^(?:the\s)?(?:two|both)\s(?:companies|firms|parties|groups)$|^the\s(?:companies|firms|partners)$", re.I
)
_TOKEN = re.compile(r"\S+")


def quote_groups(
    quotes: Sequence[Quote],
    sources: Sequence[Source],
    parties: Sequence[str],
    merges: Sequence[tuple[str, ...]],
    notes: dict[str, str],
) -> tuple[list[QuoteGroup], list[Quote]]:
    """Group quotes that are the same words; return the groups and the quotes with their group ids."""
    quotes = [_with_party_speaker(quote, parties) for quote in quotes]
    tokens = [words(quote.text) for quote in quotes]
    union = UnionFind(len(quotes))
    for a, b in _candidate_pairs(quotes, tokens):
        short = min(len(tokens[a]), len(tokens[b]))
        if (short >= MIN_WORDS and contains(tokens[a], tokens[b], MATCH)) or tokens[a] == tokens[b]:
            union.union(a, b)
    union.join_named(merges, {quote.id: index for index, quote in enumerate(quotes)})
    prose = _ProseIndex(sources, quotes)
    by_id = {source.id: source for source in sources}
    order = {source.id: index for index, source in enumerate(sources)}
    groups: list[QuoteGroup] = []
    group_of: dict[str, str] = {}
    for indices in union.sets():
        members = [quotes[i] for i in indices]
        group = _group(members, [tokens[i] for i in indices], by_id, order, prose, notes)
        groups.append(group)
        for member in members:
            group_of[member.id] = group.id
    return groups, [quote.model_copy(update={"group": group_of[quote.id]}) for quote in quotes]


def _with_party_speaker(quote: Quote, parties: Sequence[str]) -> Quote:
    """'The two companies' are the deal's two parties."""
    if quote.speaker and len(parties) == 2 and _PLURAL_PARTIES.match(quote.speaker):
        return quote.model_copy(update={"speaker": f"{parties[0]} and {parties[1]}", "speaker_kind": "organization"})
    return quote


def _candidate_pairs(quotes: Sequence[Quote], tokens: Sequence[tuple[str, ...]]) -> set[tuple[int, int]]:
    """Pairs of quotes that share enough words to be worth comparing in full.

    Two quotes are compared when they share most of the smaller one's words (leaving out words so common
    they tell nothing apart): one that holds 80% of the other's words in order holds most of its content
    words too. Such a pair must share one of the smaller quote's rarest words, so each quote looks only among
    the quotes that hold one of its own rarest words.
    """
    keys = [content_of(t) for t in tokens]
    index: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for word in key:
            index[word].append(i)
    usable = [
        sorted((w for w in key if len(index[w]) <= MAX_POSTINGS), key=lambda w: (len(index[w]), w)) for key in keys
    ]
    pairs: set[tuple[int, int]] = set()
    for i, rarest in enumerate(usable):
        needed = max(1, int(len(keys[i]) * PAIR_WORDS))
        probes = rarest[: len(rarest) - needed + 1]
        mine = frozenset(rarest)
        for j in {j for word in probes for j in index[word] if j != i}:
            if len(mine & keys[j]) >= max(1, int(min(len(keys[i]), len(keys[j])) * PAIR_WORDS)):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _group(
    members: list[Quote],
    tokens: list[tuple[str, ...]],
    by_id: dict[str, Source],
    order: dict[str, int],
    prose: _ProseIndex,
    notes: dict[str, str],
) -> QuoteGroup:
    members_sorted = sorted(zip(members, tokens, strict=True), key=lambda m: (order.get(m[0].source, 0), m[0].start))
    lead = members_sorted[0][0]
    reference, reference_tokens = max(members_sorted, key=lambda m: (len(m[1]), -order.get(m[0].source, 0)))
    speaker = _speaker(members)
    variants = tuple(_variant(quote, reference, cite(quote, by_id)) for quote, _ in members_sorted)
    corroborating = prose.matches(reference_tokens, {q.source for q in members})

    def texts() -> list[tuple[str, ...]]:
        return [words(_sentence_text(by_id, q)) for q in members] + [words(c.text) for c in corroborating]

    support_sources = tuple(
        sorted({q.source for q in members} | {c.source for c in corroborating}, key=lambda s: order.get(s, 0))
    )
    group_notes = [notes[q.id] for q in members if q.id in notes]
    return QuoteGroup(
        id="qg-" + hashlib.sha1(lead.id.encode()).hexdigest()[:8],
        speaker=speaker.speaker,
        speaker_kind=speaker.speaker_kind,
        speaker_title=_best(members, speaker.speaker, "speaker_title"),
        speaker_org=_best(members, speaker.speaker, "speaker_org"),
        text=reference.text,
        partial=all(q.partial for q in members),
        unnamed=any(q.unnamed for q in members),
        quotes=tuple(q.id for q, _ in members_sorted),
        variants=variants,
        prose=tuple(corroborating),
        support=support(support_sources, texts),
        note=" ".join(group_notes) or None,
    )


def _speaker(members: list[Quote]) -> Quote:
    named = [q for q in members if q.speaker]
    if not named:
        return members[0]
    counts = Counter(q.speaker for q in named)
    return min(named, key=lambda q: (_KIND_RANK.get(q.speaker_kind, 5), -counts[q.speaker], q.source, q.start))


def _best(members: list[Quote], speaker: str | None, field: str) -> str | None:
    values = [getattr(q, field) for q in members if q.speaker == speaker and getattr(q, field)]
    return max(values, key=lambda v: (len(v), v)) if values else None


def _sentence_text(sources: dict[str, Source], quote: Quote) -> str:
    source = sources[quote.source]
    numbers = [sentence_number(s) for s in (quote.sentences or (quote.sentence,))]
    return " ".join(source.sentences[n - 1].text for n in numbers)


def _variant(quote: Quote, reference: Quote, citation: Citation) -> QuoteVariant:
    """One source's wording, with the words that differ from the fullest wording marked."""
    if quote.text == reference.text:
        same = (DiffPiece(op="same", text=" ".join(_TOKEN.findall(quote.text))),)
        return QuoteVariant(
            quote=quote.id, source=quote.source, text=quote.text, citation=citation, diff=same, identical=True
        )
    mine = [m.group() for m in _TOKEN.finditer(quote.text)]
    theirs = [m.group() for m in _TOKEN.finditer(reference.text)]
    pieces: list[DiffPiece] = []
    matcher = SequenceMatcher(None, [_fold(w) for w in mine], [_fold(w) for w in theirs], autojunk=False)
    opcodes = matcher.get_opcodes()
    # A shortened quote is not a different one: drop what lies before and after the shared stretch.
    while opcodes and opcodes[0][0] == "insert":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] == "insert":
        opcodes.pop()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pieces.append(DiffPiece(op="same", text=" ".join(mine[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            pieces.append(DiffPiece(op="added", text=" ".join(mine[i1:i2])))
        if tag in ("replace", "insert"):
            pieces.append(DiffPiece(op="missing", text=" ".join(theirs[j1:j2])))
    identical = all(piece.op == "same" for piece in pieces)
    return QuoteVariant(
        quote=quote.id,
        source=quote.source,
        text=quote.text,
        citation=citation,
        diff=tuple(pieces),
        identical=identical,
    )


def _fold(word: str) -> str:
    return "".join(words(word))


class _ProseIndex:
    """Sentences outside quotation marks, indexed by their words, to find quotes repeated as prose.

    A sentence repeats a quote only if it holds most of the quote's content words, so it must hold one of
    the rarest of them: only the sentences that hold those are compared, never every sentence.
    """

    def __init__(self, sources: Sequence[Source], quotes: Sequence[Quote]) -> None:
        quoted: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for quote in quotes:
            quoted[quote.source].append((quote.start, quote.end))
        self.entries: list[tuple[str, str, str, tuple[str, ...], frozenset[str]]] = []
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for source in sources:
            spans = quoted.get(source.id, [])
            for sentence in source.sentences:
                if any(a < sentence.end and sentence.start < b for a, b in spans):
                    continue
                sentence_words = words(sentence.text)
                if len(sentence_words) < PROSE_MIN_WORDS:
                    continue
                index = len(self.entries)
                key = content_of(sentence_words)
                self.entries.append((source.id, sentence.id, sentence.text, sentence_words, key))
                for word in key:
                    self.by_word[word].append(index)

    def matches(self, quote_words: tuple[str, ...], exclude: set[str]) -> list[Citation]:
        """Prose sentences in other sources that repeat the quote's words."""
        if len(quote_words) < PROSE_MIN_WORDS:
            return []
        key = content_of(quote_words)
        needed = max(1, int(len(key) * PROSE_WORDS))
        rarest = sorted(key, key=lambda word: (len(self.by_word.get(word, ())), word))[: len(key) - needed + 1]
        if any(len(self.by_word.get(word, ())) > MAX_PROSE_POSTINGS for word in rarest):
            return []  # even its rarest words are everywhere: a stock phrase, not a quote to trace
        candidates = {index for word in rarest for index in self.by_word.get(word, ())}
        found = []
        for index in sorted(candidates):
            source, sentence, text, sentence_words, sentence_key = self.entries[index]
            if source in exclude or len(key & sentence_key) < needed:
                continue
            if contains(quote_words, sentence_words, PROSE_MATCH):
                found.append(Citation(source=source, sentence=sentence, text=text))
        return sorted(found, key=lambda c: (c.source, sentence_number(c.sentence)))
