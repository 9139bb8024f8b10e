"""Statements that something was not disclosed, and claims put in the mouths of unnamed people."""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.extract.ids import placed, unique_id
from builder.model import NonDisclosure, Sentence, Source, UnnamedClaim

_NOT_DISCLOSED = re.compile(
    r"\s(?:was|were|is|are|has|have|had)\s(?:not|n[o’']t)\s"
    r"(?:been\s|yet\sbeen\s|immediately\s)?(?P<verb>disclosed|revealed|released|made\spublic|announced|given|published|"
    r"specified|detailed|confirmed)\b"
)
_DECLINED = re.compile(
    r"\s(?:did\snot|didn[’']t|would\snot|wouldn[’']t|declined\sto|refused\sto|could\snot|couldn[’']t|was\sunable\sto"
    r"|were\sunable\sto|has\snot|have\snot)"
    r"\s(?:immediately\s)?(?P<verb>disclose|reveal|comment|give|say|confirm|specify|put\sa\sfigure|elaborate|discuss|name)"
    r"(?P<what>[^.;!?]{0,80})"
)
# Where what was withheld ends: the next clause ("…, while Thomson had no comment", "… -- an aside").
_WHAT_ENDS = re.compile(
    r",\s(?:while|but|although|though|whereas|and|as|saying|adding|citing|because|since|after|when|which)\b"
    r"|\s--\s|\s[—–]\s"
)
_CLAUSE_WORDS = re.compile(r"(?:^|[,;:(]\s*|\b(?:that|and|but|while|although|as)\s)(?P<phrase>[^,;:(]*)$")
_UNDISCLOSED = re.compile(
    r"\b(?:an?\s)?(?:undisclosed|unspecified|unannounced|unrevealed)\s"
    r"(?P<about>sum|amount|fee|price|figure|stake|number|value|consideration|terms)\b",
    re.I,
)
_NO_DETAILS = re.compile(
    r"\b(?P<about>no\s(?:financial\s)?(?:details|figures?|terms|price|value|timetable|breakdown))\s(?:was|were|has\sbeen|have\sbeen)\s"
    r"(?:given|disclosed|released|provided|announced)\b",
    re.I,
)
# Each opens with a lookahead for the letters a match can start with: the alternatives are tried only there.
_UNNAMED = re.compile(
    r"(?=[smotlicedbpa])\b(?P<d>(?:(?:some|many|several|other|most|one|two|leading|independent|industry|city|market|senior)\s)?"
    r"(?:experts?|analysts?|sources?|insiders?|observers?|critics?|industry[\s-]watchers|commentators?|traders?|dealers?|"
    r"bankers?|officials?|executives?|economists?)|people\sfamiliar\swith\s[\w\s]{1,40}?|those\sclose\sto\s[\w\s]{1,30}?)"
    r"\s(?:have\s|had\s)?(?:claimed|claim|claims|said|say|says|believe|believed|believes|suggested|suggest|suggests|estimated|"
    r"estimate|warned|warn|expect|expected|expects|told|reckon|reckoned|argued|argue|think|thought|predicted|predict|noted|"
    r"speculated|fear|feared|insist|insisted)\b",
    re.I,
)
_UNNAMED_FRAMES = re.compile(
    r"(?=[air])\b(?P<d>according\sto\s(?:sources|people\sfamiliar\swith[\w\s]{0,40}|insiders|reports|analysts|industry\ssources)|"
    r"it\sis\s(?:understood|believed|thought|claimed|reported)|is\s(?:understood|believed|said|thought|reported)\sto|"
    r"are\s(?:understood|believed|said|thought|reported)\sto|reportedly|reports\ssuggest(?:ed)?|rumou?rs?\b)",
    re.I,
)


def _fact_id(source: str, kind: str, text: str, seen: dict[str, int]) -> str:
    return unique_id(source, kind, " ".join(text.lower().split()), seen)


def find_disclosures(source: Source, words: list[frozenset[str]]) -> list[NonDisclosure]:
    """Find statements that terms were not disclosed or that someone would not comment."""
    seen: dict[str, int] = {}
    found = []
    for sentence, match, about, who in _disclosure_matches(sentences_hit(source, words, _TRIGGER)):
        place = placed(source, sentence, sentence.start + match.start(), sentence.start + match.end())
        found.append(
            NonDisclosure(
                id=_fact_id(source.id, "nd", place["text"], seen),
                **place,
                about=about,
                who=who,
            )
        )
    return found


_TRIGGER = frozenset(
    {"not", "t", "declined", "refused", "unable", "undisclosed", "unspecified", "unannounced", "unrevealed", "no"}
)
_UNNAMED_TRIGGER = frozenset(
    """
    expert experts analyst analysts source sources insider insiders observer observers critic critics
    watchers commentator commentators trader traders dealer dealers banker bankers official officials
    executive executives economist economists familiar understood believed thought reportedly reports
    rumour rumours rumor rumors
    """.split()
)


def _maybe_unnamed(words: frozenset[str]) -> bool:
    """Whether a sentence could attribute a claim to unnamed people: a descriptor, or "is said to"."""
    return (
        bool(words & _UNNAMED_TRIGGER)
        or ("said" in words and bool(words & {"is", "are"}) and "to" in words)
        or ("close" in words and "to" in words)
    )


def sentences_hit(source: Source, words: list[frozenset[str]], trigger: frozenset[str]) -> list[Sentence]:
    """Return the sentences that hold one of the trigger words."""
    return [sentence for sentence, found in zip(source.sentences, words, strict=True) if found & trigger]


class _Spanned:
    """A match-like span for a phrase assembled from two pieces."""

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_ASIDE_BEFORE = re.compile(
    r"\s*(?:\s--\s|\s?[—–]\s?)[^—–]{1,120}?(?:\s--|\s?[—–])\s*$|,\s(?:who|which)\s[^,]{1,120},\s*$"
)


def _subject_before(text: str, position: int, most: int = 9) -> str | None:
    """The words before position, back to the start of their clause: what was not disclosed, or who."""
    clause = _CLAUSE_WORDS.search(text[max(0, position - 120) : position])
    if clause is None:
        return None
    # "Isakson said the two did not discuss", "told the hearing that he would not comment": the reported subject
    phrase = _REPORTED.split(clause.group("phrase"))[-1]
    words = phrase.split()[-most:]
    while words and words[0].lower() in ("but", "and", "however", "however,", "so", "yet"):
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in _AUXILIARIES:
        words.pop()  # "The airlines have refused to comment": the airlines
    return " ".join(words) if words else None


_REPORTED = re.compile(r"\b(?:that|said|says|told)\s")
_AUXILIARIES = frozenset("have has had would will could did was were is are also still".split())


def _disclosure_matches(
    sentences: list[Sentence],
) -> Iterator[tuple[Sentence, _Spanned | re.Match[str], str, str | None]]:
    for sentence in sentences:
        text = sentence.text
        for match in _NOT_DISCLOSED.finditer(text):
            subject = _subject_before(text, match.start())
            if subject is None:
                continue
            yield sentence, _Spanned(match.start() - len(subject), match.end()), subject, None
        for match in _DECLINED.finditer(text):
            # "Brito -- who will lead the combined company -- declined": the one who declined, not the aside
            aside = _ASIDE_BEFORE.search(text, 0, match.start())
            head = aside.start() if aside else match.start()
            who = _subject_before(text, head, 6)
            if who is None:
                continue
            raw = match.group("what")
            ends = _WHAT_ENDS.search(raw)  # "did not name its suitor, while Thomson had no comment": the suitor
            what = (raw[: ends.start()] if ends else raw).rstrip(" ,")
            verb = match.group("verb")
            about = "comment" if verb == "comment" and not what.strip() else f"{verb} {what.strip()}".strip()
            yield sentence, _Spanned(head - len(who), match.start("what") + len(what)), about, who
        for match in _UNDISCLOSED.finditer(text):
            yield sentence, match, match.group("about"), None
        for match in _NO_DETAILS.finditer(text):
            yield sentence, match, match.group("about").removeprefix("no ").removeprefix("No "), None


def find_unnamed(source: Source, quoted: list[tuple[int, int]], words: list[frozenset[str]]) -> list[UnnamedClaim]:
    """Find claims attributed to people the text does not name: "experts claimed", "sources said"."""
    seen: dict[str, int] = {}
    found = []
    for sentence in (s for s, found in zip(source.sentences, words, strict=True) if _maybe_unnamed(found)):
        for pattern in (_UNNAMED, _UNNAMED_FRAMES):
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start("d")
                if any(a <= start < b for a, b in quoted):
                    continue
                end = sentence.start + match.end()
                descriptor = match.group("d")
                found.append(
                    UnnamedClaim(
                        id=_fact_id(source.id, "un", sentence.text, seen),
                        **placed(source, sentence, start, end),
                        descriptor=descriptor,
                    )
                )
    return found
