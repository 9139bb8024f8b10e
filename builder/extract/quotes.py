"""Find quotations, single- and multi-paragraph, and who said them."""

from __future__ import annotations

import re
from bisect import bisect_right

from builder.extract import speakers
from builder.extract.entities import Entities
from builder.extract.ids import unique_id
from builder.extract.passive_speakers import passive_agent
from builder.extract.quote_marks import QuoteSpan, find_quote_spans, not_speech
from builder.extract.speaker_lines import SpeakerLine
from builder.model import Quote, Source, Span


def paragraph_spans(source: Source) -> list[tuple[int, int]]:
    """Return the (start, end) of each paragraph, from the sentences."""
    spans: dict[int, tuple[int, int]] = {}
    for sentence in source.sentences:
        low, high = spans.get(sentence.paragraph, (sentence.start, sentence.end))
        spans[sentence.paragraph] = (min(low, sentence.start), max(high, sentence.end))
    return [spans[key] for key in sorted(spans)]


def extract_quotes(source: Source, entities: Entities) -> list[Quote]:
    """Find every quotation in a source with its speaker, partial flag and provenance."""
    text = source.text
    starts = [s.start for s in source.sentences]

    def sentence_at(position: int) -> int:
        return max(0, bisect_right(starts, position) - 1)

    quotes: list[Quote] = []
    last_speaker_in_paragraph: dict[int, speakers.Speaker] = {}
    previous_span: QuoteSpan | None = None
    previous_speaker: speakers.Speaker | None = None
    seen_ids: dict[str, int] = {}
    paragraphs = paragraph_spans(source)
    lines = {line.end: line for line in entities.lines}
    line: SpeakerLine | None = None
    headline = _headline_sentences(source)
    sentence_index = {sentence.id: number for number, sentence in enumerate(source.sentences)}
    for span in find_quote_spans(text, paragraphs):
        line = _governing_line(text, span, previous_span, lines, line)
        first = sentence_at(span.inner_start)
        last = sentence_at(max(span.inner_start, span.inner_end - 1))
        head_start = source.sentences[first - 1 if span.block and first else first].start
        if previous_span is not None and previous_span.close >= head_start:
            head_start = previous_span.close + 1
        tail_end = source.sentences[min(last, len(source.sentences) - 1)].end
        tail_start = span.close + 1
        if (
            not text[tail_start:tail_end].strip()
            and text[span.close - 1 : span.close] in "?!"
            and last + 1 < len(source.sentences)
        ):
            tail_end = source.sentences[last + 1].end  # "... on the Chinese part?” He Jianxiong ... said.
        next_open = text.find("“", tail_start, tail_end)
        straight = text.find('"', tail_start, tail_end)
        stops = [p for p in (next_open, straight) if p != -1]
        if stops:
            tail_end = min(stops)
        speaker, partial = _attribute(text, span, head_start, tail_start, tail_end, entities)
        if line is not None and speaker is None:
            speaker, partial = _line_speaker(line), False
        attributed = speaker is not None and bool(speaker.name)  # by its own words, before any carried over
        if speaker is None and partial and quotes and previous_speaker is not None:
            previous_sentence = sentence_index[quotes[-1].sentences[-1]]
            if previous_sentence == first:
                speaker, attributed = previous_speaker, True  # a second fragment of the reported sentence
            elif previous_sentence == first - 1 and not _names_someone(
                entities, source.sentences[first].start, span.open
            ):
                speaker = previous_speaker  # the next sentence going on with the same words
        partial = partial or span.single or text[span.inner_start : span.inner_start + 1].islower()
        if speaker is None and not partial:
            speaker = _continued(text, span, paragraphs, last_speaker_in_paragraph, entities)
        if not_speech(text, span, partial, attributed, first < headline):
            continue
        if speaker is not None and speaker.name:
            last_speaker_in_paragraph[_paragraph_of(paragraphs, span.close)] = speaker
        quote_text = text[span.inner_start : span.inner_end]
        quote_id = _quote_id(source.id, quote_text, seen_ids)
        sentence_ids = tuple(source.sentences[i].id for i in range(first, last + 1))
        quotes.append(
            Quote(
                id=quote_id,
                source=source.id,
                sentence=sentence_ids[0],
                sentences=sentence_ids,
                start=span.inner_start,
                end=span.inner_end,
                text=quote_text,
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker and speaker.kind else None,  # type: ignore[arg-type]
                speaker_title=speaker.title if speaker else None,
                speaker_org=speaker.org if speaker else None,
                speaker_span=_speaker_span(source, speaker, sentence_at) if speaker else None,
                partial=partial,
                unnamed=bool(speaker and speaker.unnamed),
                reported_by=speaker.reported_by if speaker else None,
            )
        )
        previous_span, previous_speaker = span, speaker
    return quotes


def _names_someone(entities: Entities, start: int, end: int) -> bool:
    return any(start <= m.start < end for m in entities.mentions)


def _headline_sentences(source: Source) -> int:
    """How many sentences at the start of a source make its headline (the title line), or 0."""
    title = (source.meta.title or "").strip()
    if not title or not source.sentences or not source.text.lstrip().startswith(title):
        return 0
    end = source.text.index(title) + len(title)
    return sum(1 for sentence in source.sentences if sentence.end <= end)


# A possessor of words that the sentence reports: "Mr. Trump's announcement that", "the CEO's claim that".
_SPEECH_NOUNS = frozenset("announcement statement claim remarks comments assertion promise pledge boast tweet".split())
_SPEECH_OWNER = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.-]*)['’]s\s(?:[\w.]+\s){0,3}?(?:"
    + "|".join(sorted(_SPEECH_NOUNS))
    + r")\sthat\s[^\"“”.;!?]*$"
)
# Words someone names a thing by: "X sees the lineup as its "Achilles heel"", "regards the offer as "derisory"",
# "introduced Cook as "someone who ..."", "hailed the pact as "a turning point"".
_JUDGING_VERBS = frozenset(
    "sees saw views viewed regards regarded considers considered introduced introduces hailed hails praised "
    "praises".split()
)
_JUDGED_AS = re.compile(
    r"\s(?:" + "|".join(sorted(_JUDGING_VERBS)) + r")\s[^\"“”.;!?]{1,80}?\sas\s(?:(?:its|his|her|their|a|an|the)\s)?$"
)
_TICKER_ENDS = re.compile(r"\(\s?[A-Z][A-Za-z0-9]{0,6}\.[A-Z]{1,3}\s?\)\s*$")


def _attribute(
    text: str, span: QuoteSpan, head_start: int, tail_start: int, tail_end: int, entities: Entities
) -> tuple[speakers.Speaker | None, bool]:
    """Find the speaker after or before the quote; tell whether the quote is partial."""
    if _TICKER_ENDS.search(text[head_start : span.open]):
        head_start = span.open  # "... with Nasdaq ( NDAQ.O ) "This is a fight," said one banker": the ticker ended
        # the sentence before, whose full stop wire copy dropped
    head = text[head_start : span.open]
    agent = passive_agent(text, head_start, span.open, tail_start, tail_end)
    if agent is not None:
        return speakers.resolve(*agent, entities), True
    framed = not head.strip() or head.rstrip().endswith((":", "—", "–"))
    after = speakers.attribution_after(text, tail_start, tail_end)
    before = speakers.attribution_before(text, head_start, span.open) if head.strip() else None
    partial = False
    if before is not None:
        phrase, start, end, outlet = before
        rest = text[end : span.open]
        framed = framed or bool(re.fullmatch(r"[\s\S]{0,40}?[:,]?\s*", rest)) or head.rstrip().endswith(",")
        if not framed:
            partial = True
    elif head.strip() and not framed:
        partial = True
    if after is not None and (before is None or (not partial and _after_is_closer(text, span, after))):
        phrase, start, end = after
        speaker = speakers.resolve(phrase, start, end, entities)
        outlet = speakers.outlet_after(text, end, tail_end)
        return _with_outlet(speaker, outlet), partial
    if before is not None:
        phrase, start, end, outlet = before
        speaker = speakers.resolve(phrase, start, end, entities)
        return _with_outlet(speaker, outlet), partial
    owner = _SPEECH_OWNER.search(head) if _SPEECH_NOUNS.intersection(head.lower().split()) else None
    if owner is not None:  # "Mr. Trump's Oct. 11 announcement that ... had reached a "historic" deal"
        start = head_start + owner.start("who")
        return speakers.resolve(owner.group("who"), start, start + len(owner.group("who")), entities), True
    judged = _JUDGED_AS.search(head) if _JUDGING_VERBS.intersection(head.split()) else None
    if judged is not None and head[: judged.start()].strip():  # "Lewis Ward ... sees the lineup as its "Achilles heel""
        subject = head[: judged.start()]
        return speakers.resolve(subject, head_start, head_start + len(subject), entities), True
    return None, partial


def _governing_line(
    text: str,
    span: QuoteSpan,
    previous: QuoteSpan | None,
    lines: dict[int, SpeakerLine],
    current: SpeakerLine | None,
) -> SpeakerLine | None:
    """The speaker line a quotation falls under: the line right before it, or the line of the quotation
    right before it when nothing but space stands between them."""
    if span.open in lines:
        return lines[span.open]
    if current is not None and previous is not None and not text[previous.close + 1 : span.open].strip():
        return current
    return None


def _line_speaker(line: SpeakerLine) -> speakers.Speaker:
    return speakers.Speaker(line.name, line.kind, line.title, line.org, start=line.name_start, end=line.name_end)


def _after_is_closer(text: str, span: QuoteSpan, after: tuple[str, int, int]) -> bool:
    between = text[span.close + 1 : after[1]]
    return len(between) < 30


def _with_outlet(speaker: speakers.Speaker, outlet: str | None) -> speakers.Speaker:
    if outlet is None:
        return speaker
    return speakers.Speaker(
        speaker.name,
        speaker.kind,
        speaker.title,
        speaker.org,
        speaker.unnamed,
        outlet,
        speaker.start,
        speaker.end,
    )


def _continued(
    text: str,
    span: QuoteSpan,
    paragraphs: list[tuple[int, int]],
    last: dict[int, speakers.Speaker],
    entities: Entities,
) -> speakers.Speaker | None:
    """A quote with no attribution of its own continues the words of the speaker the text is following.

    That is the last speaker of the same paragraph; else a person the paragraph reports as speaking
    before the quote ("Mr Dein said that ..."); else the last speaker of the two paragraphs before.
    """
    paragraph = _paragraph_of(paragraphs, span.open)
    if paragraph in last:
        return last[paragraph]
    p_start = paragraphs[paragraph][0]
    reported = _reported_speaker(text, p_start, span.open, entities)
    if reported is not None:
        return reported
    for earlier in (paragraph - 1, paragraph - 2):
        if earlier in last:
            return last[earlier]
    return None


def _reported_speaker(text: str, start: int, end: int, entities: Entities) -> speakers.Speaker | None:
    """The last person named as the subject of a speech verb between start and end."""
    for mention in entities.before(end, ("person",)):
        if mention.start < start:
            break
        if _SPEECH_AFTER_NAME.match(text, mention.end):
            person = entities.person(mention.name)
            return speakers.Speaker(
                mention.name,
                "person",
                person.title if person else None,
                person.organization if person else None,
                start=mention.start,
                end=mention.end,
            )
    return None


_SPEECH_AFTER_NAME = re.compile(
    r"\s(?:also\s|has\s|had\s)?(?:said|says|told|added|warned|argued|explained|noted|believes|thinks|feared|fears)\b"
)


def _paragraph_of(paragraphs: list[tuple[int, int]], position: int) -> int:
    return max(0, bisect_right([p[0] for p in paragraphs], position) - 1)


def _speaker_span(source: Source, speaker: speakers.Speaker, sentence_at: object) -> Span | None:
    if speaker.end <= speaker.start:
        return None
    index = sentence_at(speaker.start)  # type: ignore[operator]
    return Span(
        source=source.id,
        sentence=source.sentences[index].id,
        start=speaker.start,
        end=speaker.end,
        text=source.text[speaker.start : speaker.end],
    )


def _quote_id(source_id: str, text: str, seen: dict[str, int]) -> str:
    """An id from the source and the quote's words, stable when the text around it changes."""
    return unique_id(source_id, "q", " ".join(re.findall(r"\w+", text.lower())), seen)
