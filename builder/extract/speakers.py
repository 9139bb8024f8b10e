"""Find who said a quote: the attribution around it, resolved to a person, organisation or descriptor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import lexicon as lx
from builder.extract.outlet import dateline_length
from builder.extract.speaker_kinds import (
    Speaker as Speaker,  # the speakers this module resolves, as its callers name them
)
from builder.extract.speaker_resolution import OUTLETS as _OUTLETS
from builder.extract.speaker_resolution import resolve as resolve  # the callers resolve through this module

_VERBS = "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))
# After a quote the verb is finite ("..., he said"); "..., adding that" continues the sentence's own speaker.
_FINITE_VERBS = "|".join(sorted((v for v in lx.SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True))
_VERB_WORDS = (
    frozenset(lx.SPEECH_VERBS)
    | frozenset(f"{verb}:" for verb in lx.SPEECH_VERBS)
    | frozenset(f"{verb}," for verb in lx.SPEECH_VERBS)
)
# ', said X ...' or ' said X' right after the closing mark.
POST_TRAILING_VERBS = "said|says|added|told\\s(?:Reuters|reporters)"
# A dot inside a speaker's name belongs to an honorific or an initial: "Mr. Trump", "a U.S. source".
_NAME_DOT = (
    r"(?:(?:(?<=\bMr)|(?<=\bMs)|(?<=\bDr)|(?<=Mrs)|(?<=\bSt)|(?<=\bJr)|(?<=\b[A-Z])|(?<=\bInc)|(?<=\bCorp)|(?<=\bCo)"
    r"|(?<=\bLtd)|(?<=\bRep)|(?<=\bSen)|(?<=\bGov))\.(?!$)"
    r"|(?<=[A-Z])\.(?=[A-Z]))"  # and the dot of a ticker: "( ICP.L )"
)
POST_VERB_FIRST = re.compile(
    rf"^\s*[,—–-]?\s*(?P<verb>{_FINITE_VERBS})\s(?P<who>(?:[^\"“”;!?.]|{_NAME_DOT}|\.(?=\S))+?)"
    r"(?=\s*$|(?<!\b[A-Z])(?<!\bRep)(?<!\bSen)(?<!\bGov)[.;!?](?:\s|$)|\s[\"“])"
)
POST_SUBJECT_FIRST = re.compile(
    rf"^\s*[,—–-]?\s*(?P<who>(?:[^\"“”.;!?]|{_NAME_DOT}){{1,140}}?)\s(?:has\s|had\s|have\s|also\s|later\s|then\s)?"
    rf"(?P<verb>{_FINITE_VERBS})\b(?!\s+to\b(?<!said\sto)(?<!says\sto))(?!\s+to\s+(?:be|have)\b)"
)
# "... well lit," were reported to be founder John James Sainsbury's dying words: the owner of the words spoke.
POST_WORDS_OF = re.compile(
    r"^\s*[,—–-]?\s*(?:were|was|are|is)\s(?:(?:reported|said|thought|believed)\sto\sbe\s)?(?:[a-z]+\s){0,3}?"
    r"(?P<who>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.-]*)['’]s\s(?:(?:last|dying|final|own|first|parting)\s)?words\b"
)
POST_NAME_VERBED = re.compile(r"\s*(?P<who>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s[a-z]{3,}ed\b")
# '"...," the statement read': the document speaks (for whoever issued it)
POST_DOCUMENT_READ = re.compile(
    r"^\s*[,—–-]?\s*(?P<who>(?:the|a|an|its|his|her|their)\s(?:[\w-]+\s){0,2}?(?:statement|letter|note|memo|e-?mail|"
    r"post|filing|release|message|notice))\s(?:read|reads)\b"
)
POST_ACCORDING = re.compile(r"^\s*[,—–-]?\s*according\sto\s(?P<who>[^\"“”.;!?]+?)(?=\s*$|[.;!?,](?:\s|$))")
PRE_ACCORDING_LEAD = re.compile(r"\W*(?:[Aa]ccording(?:\sto)?|[Pp]er)\s(?P<who>[^\"“”,]{3,120}),\s")
PRE_FRAME = re.compile(r"(?:^|[,;]\s)(?:[Pp]er|[Aa]ccording\sto|[Ii]n\sthe\swords\sof)\s(?P<who>[^\"“”,]+?),?\s*$")
_REACH = 240
_VERB_AT = re.compile(rf"\s(?:(?:has|had|have|also|later|then|once|did|does)\s)?(?P<verb>{_VERBS})\b")
_QUOTE_MARK = re.compile(r"[\"“”]")
POST_TRAILING = re.compile(
    rf",\s(?:{POST_TRAILING_VERBS})\s(?!(?:in|on|at|during|after|before|last|this|yesterday|today|earlier|later"
    rf"|when|while|by|to|from|with|as|that|it|of|about)\b)(?P<who>(?:[^\"“”;!?.,]|{_NAME_DOT}|\.(?=\S))+?(?:,[^\"“”;!?.]{{0,120}})?)\s*[.!?]?\s*$"
)
_REPORTS = r"(?:quoted|quotes|reports|reported|cited|cites)"
POST_QUOTED_AS = re.compile(
    rf"^\s*[,—–-]?\s*(?P<outlet>{_OUTLETS})\s(?:{_REPORTS}\s(?P<who>[^\"“”.;!?]+?)\sas\ssaying"
    # '," the newspaper quotes a source close to the firm.': the one quoted, running to the sentence's end
    r"|(?:quotes|quoted|cites|cited)\s(?P<named>(?:a|an|one|the|its)\s[^\"“”.;!?,]+?|[A-Z][^\"“”.;!?,]+?)\s*(?:[.;!?]|$))"
)
# "It quoted a spokesman for Atticus complaining that ...": the one quoted speaks.
PRE_QUOTING = re.compile(
    rf"(?P<outlet>[^\"“”]{{1,80}}?)\s{_REPORTS}\s(?P<who>[^\"“”]{{3,120}}?)\s(?:as\s)?"
    r"(?:saying|complaining|warning|arguing|adding|calling|describing)\b[^\"“”]{0,240}$"
)
PRE_DOCUMENT = re.compile(
    r"(?P<who>(?:a|an|the|its|his|her|their)\s(?:[\w-]+\s){0,3}?(?:statement|release|letter|note|memo|e-?mail|filing|"
    r"announcement|report|notice)\b[^\"“”:]{0,50}?)\s(?:reading|stating|which\sread|that\sread|saying)\s*:?\s*$"
)
_NOT_A_SPEAKER = re.compile(
    r"(?:^|\s)(?:is|are|was|were|be|been|being|has|have|had)$|^(?:there|but|and|or|so|as|that|which|who|if|when)$", re.I
)
# A clause that runs on after a quoted fragment: "... oppose" it after the two unions could not agree".
_PRONOUN_CLAUSE = re.compile(r"(?:it|they|them|this|that)\s(?:after|before|because|when|since|until|as|if)\b", re.I)
# Words a pattern needs, so that heads without them skip it.
_REPORT_WORDS = frozenset("quoted quotes reports reported cited cites".split())
_DOCUMENT_CUES = frozenset("reading stating read saying".split())
_FRAME_WORDS = frozenset("per according words".split())
_LEADING_NAME = re.compile(
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s)?[A-Z][\w&.'’-]*(?:\s(?:(?:and|&|of)\s)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s)?[A-Z][\w&.'’-]*)*"
)
_OPENING_PHRASE = re.compile(
    r"(?:In|At|On|During|Through|With|From|After|Before)\s(?:a|an|the|its|his|her|their)\s[^,]+"
)
_NOUN_BEFORE_TO = re.compile(r"(?:states|reports|estimates|claims|notes|calls|forecasts|projects|comments)\sto\s[a-z]")
_ASIDE_BEFORE_VERB = re.compile(r"(?<=\w),\s(?:which|who)\s[^,]{1,80},\s*$")
_WITH_SUBJECT = re.compile(r",\swith\s(?P<who>[^,;]{2,80}?)\s*$")
_JOINED_TAIL = re.compile(r"\s(?:and|but|or)$")  # '" of the pact and said it would ...': a second verb
_JOINED_PREDICATE = re.compile(
    r"(?P<subject>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s(?:[a-z][\w’'-]*,?\s){1,20}?but\s?"
)
_NO_SUBJECT = re.compile(r"(?:in|on|at|of|for|with|by|to|from|after|before|during|that|when|as)?", re.I)
_CLAUSE_BREAK = re.compile(r";\s|,\s(?:but|while|whereas|although)\s|\s(?:but|whereas)\s")
_RELATIVE_SUBJECT = re.compile(
    r"\s(?:in|at|during|on|with|to|for|after|by)\s(?:which|whom)\s(?P<who>he|she|they|we|I|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})$"
)
_RELATIVE_TAIL = re.compile(r"\s(?:which|who|that)(?:\s\w+){0,3}$")
# The last link before a relative clause's antecedent: "met Tuesday with | senior Northwest executives, who"
_AFTER_LINK = re.compile(r"\s(?:with|by|to|from|of|for|at|on|and|met|visited|called|joined)\s")
_ADVERBS = re.compile(r"^(?:(?:now|but|and|however|meanwhile|then|also|yet|still|so|instead|later|earlier),?\s)+", re.I)
_QUOTED_BY = re.compile(rf"\s(?:quoted|cited)\sby\s(?P<outlet>{_OUTLETS}).*$")
PRE_QUOTED_AS = re.compile(rf"(?P<outlet>{_OUTLETS})\squoted\s(?P<who>[^\"“”]+?)\sas\ssaying\s*:?\s*$")
_TOLD = re.compile(
    rf"\b(?:told|to)\s(?P<outlet>{_OUTLETS})\b|\b(?:interview\swith|quoted\sby|speaking\sto)\s(?P<outlet2>{_OUTLETS})"
)
_STOP_TAIL = re.compile(
    r"\s(?:in|on|at|during|after|before|when|while|to|as|last|this|yesterday|today|earlier|later|who|which|adding|"
    r"told|according|quoted|cited)\b.*$|,\s(?:adding|who|which|as|when|before|after|while|but|and)\b.*$",
)
_ONE_OF_THEM = re.compile(r"(?:an?|one|another)\s", re.I)
# Words in -ing that belong to a title or a description before the noun ("a managing director")
_ING_ADJECTIVES = frozenset("managing leading acting founding consulting ruling outgoing incoming presiding".split())
_LEADING = re.compile(r"^(?:(?:[A-Z][\w’'-]*\s)?(?:[a-z][\w’'-]*\s){0,8}[a-z][\w’'-]*,\s)+")
_SHORT_SUBJECT = 12
_LONG_APPOSITION = 20  # "He Jianxiong, the former executive director for China at the IMF, said"
_NAMED_APPOSITION = re.compile(r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3},\s")
# An auxiliary opening the words before the verb ("would also say"), not a given name before a surname ("Will Moy")
_VERB_FIRST = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|could|should|may|might|can|did|does)\b(?!\s(?-i:[A-Z][a-z]))", re.I
)


def attribution_after(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Find the speaker phrase in text[start:end], the words after a closing quotation mark."""
    tail = text[start:end]
    trailing = POST_TRAILING.search(tail) if "," in tail else None
    if trailing is not None and trailing.start() > 0 and trailing.group("who").split()[0] not in lx.NOT_NAMES:
        # "there was "hectic" trading on Alcoa, because of the report, said Andrew Wilkinson": the sentence's speaker
        offset = start + trailing.start("who")
        return trailing.group("who"), offset, offset + len(trailing.group("who"))
    quoted = POST_QUOTED_AS.match(tail)
    if quoted:
        group = "who" if quoted.group("who") else "named"
        offset = start + quoted.start(group)
        return quoted.group(group), offset, offset + len(quoted.group(group))
    owned = POST_WORDS_OF.match(tail)
    if owned:
        offset = start + owned.start("who")
        return owned.group("who"), offset, offset + len(owned.group("who"))
    for pattern in (POST_ACCORDING, POST_VERB_FIRST, POST_SUBJECT_FIRST, POST_DOCUMENT_READ):
        match = pattern.match(tail)
        if match:
            who = match.group("who")
            if pattern is POST_SUBJECT_FIRST and (
                len(who.split()) > (_LONG_APPOSITION if _NAMED_APPOSITION.match(who.strip()) else _SHORT_SUBJECT)
                or _PRONOUN_CLAUSE.match(who.strip())
                or re.search(r"[\"“”]", who)
                or _NOT_A_SPEAKER.search(who.strip(" ,"))
                or _VERB_FIRST.match(who.strip(" ,"))
                or _JOINED_TAIL.search(who.strip(" ,"))
            ):
                continue  # too long to be a name, a word such as "but" before the verb, or "... and said"
            if pattern is not POST_SUBJECT_FIRST:
                if _ONE_OF_THEM.match(who):  # "said a Canadian banker specializing in mergers": the banker
                    who = _before_participle(who)
                who = _STOP_TAIL.sub("", who)
            who = who.strip(" ,")
            if who:
                offset = start + match.start("who")
                return who, offset, offset + len(who)
    named = POST_NAME_VERBED.match(tail) if text[max(0, start - 3) : start].rstrip()[-2:-1] == "," else None
    if named and named.group("who").split()[0] not in lx.NOT_NAMES:
        # '"We all miss him," Price weighed in': a name and a past verb after a quote closed on a comma
        offset = start + named.start("who")
        return named.group("who"), offset, named.end("who") + start
    return None


def attribution_before(text: str, start: int, end: int) -> tuple[str, int, int, str | None] | None:
    """Find the speaker phrase in text[start:end], the words before an opening quotation mark."""
    head = text[start:end]
    words = set(head.lower().split())
    quoted = PRE_QUOTED_AS.search(head) if "quoted" in words else None
    if quoted:
        offset = start + quoted.start("who")
        return quoted.group("who"), offset, offset + len(quoted.group("who")), quoted.group("outlet")
    quoting = PRE_QUOTING.search(head) if words & _REPORT_WORDS else None
    if quoting:
        offset = start + quoting.start("who")
        outlet = quoting.group("outlet").strip()
        return quoting.group("who"), offset, offset + len(quoting.group("who")), outlet if _is_outlet(outlet) else None
    document = PRE_DOCUMENT.search(head) if words & _DOCUMENT_CUES else None
    if document:
        offset = start + document.start("who")
        return document.group("who"), offset, offset + len(document.group("who")), None
    frame = (PRE_FRAME.search(head) or PRE_ACCORDING_LEAD.match(head)) if words & _FRAME_WORDS else None
    if frame:
        offset = start + frame.start("who")
        return frame.group("who"), offset, offset + len(frame.group("who")), None
    if not _VERB_WORDS.intersection(words):
        return None
    for clause_start in _clause_starts(head):
        found = _verb_clause(text, start + clause_start, end)
        if found is not None:
            return found
    return None


def _clause_starts(head: str) -> list[int]:
    """Where the clauses of the words before a quote start, last first: the clause nearest the quote speaks.

    "US Customs claimed X, but his lawyer, Y, told the BBC ... and added:" is Y's; a clause with no subject
    of its own ("and added:") is passed over for the one before it.
    """
    return [*(m.end() for m in reversed(list(_CLAUSE_BREAK.finditer(head)))), 0]


def _verb_clause(text: str, start: int, end: int) -> tuple[str, int, int, str | None] | None:
    """The subject of the first speech verb in text[start:end], trimmed to the speaker's words.

    A "verb" whose subject is no more than a preposition was a noun ("in remarks at ..., Esper said"), one
    whose subject is a lone "that" or "when" opens an aside ("That said, the DEA says"), and a participle in a
    phrase of place or means ("In a letter calling for ..., X said") has no subject: the next verb is tried.
    """
    head = text[start:end]
    match = _first_verb(head, 0)
    while match is not None and (
        _NO_SUBJECT.fullmatch(_ADVERBS.sub("", match.who).strip(" ,"))
        or (match.verb.endswith("ing") and _OPENING_PHRASE.fullmatch(match.who.strip()))
    ):
        match = _first_verb(head, match.verb_end)
    if match is None:
        return None
    skip = dateline_length(match.who)  # "ROME (Reuters) - The minister ..., calling it": the place never speaks
    who, who_start = match.who[skip:], match.who_start + skip
    joined = _JOINED_PREDICATE.fullmatch(who)
    if joined and (joined.group("subject").lower() in lx.PRONOUNS or joined.group("subject") not in lx.NOT_NAMES):
        # "She gave no date, but said ...": the subject of the clause's first verb speaks
        offset = start + who_start
        return joined.group("subject"), offset, offset + len(joined.group("subject")), None
    absolute = _WITH_SUBJECT.search(who) if match.verb.endswith("ing") else None
    if absolute is not None:  # "..., with forecasters warning that": those after "with" speak
        offset = start + who_start + absolute.start("who")
        return absolute.group("who"), offset, offset + len(absolute.group("who")), None
    lead = _LEADING_NAME.match(who) if match.verb.endswith("ing") else None
    if lead is not None and lead.group().split()[0] not in lx.NOT_NAMES:
        who = lead.group()  # "ICE filed a statement ..., calling": the main clause's subject speaks
    aside = _ASIDE_BEFORE_VERB.search(who)
    if aside is not None:  # "The statement, which was obtained by Tempo, claimed": the aside never speaks
        who = who[: aside.start()]
    trimmed = _LEADING.sub("", who) if not _has_name(who) else who
    trimmed = _ADVERBS.sub("", trimmed)
    own = _RELATIVE_SUBJECT.search(trimmed)
    relative = _RELATIVE_TAIL.search(trimmed) if own is None else None
    if own is not None:  # "a call to the office, in which he said": the relative clause has its own subject
        trimmed = own.group("who")
    elif relative and not _has_name(trimmed):
        trimmed = " ".join(trimmed[: relative.start()].split()[-3:])  # "organisations which have publicly"
        trimmed = re.sub(r"^(?:from|by|of|to|in|with|on|at|for)\s", "", trimmed)
    elif relative:
        # "The Minnesota Democrat met Tuesday with senior Northwest executives, who told him": those who told
        antecedent = _AFTER_LINK.split(trimmed[: relative.start()].rstrip(" ,"))[-1]
        trimmed = antecedent if _has_name(antecedent) or len(antecedent.split()) <= 4 else trimmed
    if not trimmed.strip(" ,") or _NOT_A_SPEAKER.search(trimmed.strip(" ,")):
        return None  # "it is predicted", "it was reported", "and added": no one is named here
    offset = start + who_start + (len(who) - len(trimmed))
    outlet = _TOLD.search(match.verb + match.rest)
    found = (outlet.group("outlet") or outlet.group("outlet2")) if outlet else None
    return trimmed.strip(" ,"), offset, offset + len(trimmed.strip(" ,")), found


@dataclass(frozen=True)
class _VerbMatch:
    who: str
    who_start: int
    verb: str
    verb_end: int
    rest: str


def _first_verb(head: str, position: int) -> _VerbMatch | None:
    """The first speech verb at or after position with a subject before it and no quotation mark after it.

    What PRE_VERB matches, found without its backtracking: the subject is at most _REACH characters long.
    """
    for found in _VERB_AT.finditer(head, position):
        rest = head[found.end() :]
        if len(rest) > _REACH or _QUOTE_MARK.search(rest) or _NOUN_BEFORE_TO.match(found.group("verb") + rest):
            continue  # "The only two states to have signed": a plural noun spelt like a verb
        who_end = found.start()
        marks = [head.rfind(mark, 0, who_end) for mark in '"“”']
        who_start = max(position, who_end - _REACH, max(marks) + 1)
        if who_end > who_start:
            return _VerbMatch(head[who_start:who_end], who_start, found.group("verb"), found.end(), rest)
    return None


def _is_outlet(name: str) -> bool:
    return bool(re.fullmatch(_OUTLETS, name))


def outlet_after(text: str, start: int, end: int) -> str | None:
    """Find an outlet the speaker talked to ("told the BBC") or that carried the quote ("quoted by")."""
    match = _TOLD.search(text, start, end) or POST_QUOTED_AS.match(text, start, end)
    if match is None:
        return None
    return match.groupdict().get("outlet") or match.groupdict().get("outlet2")


def _has_name(phrase: str) -> bool:
    return bool(re.search(r"\b[A-Z][a-z]+\s[A-Z][a-z]+", phrase))


def _before_participle(phrase: str) -> str:
    """An unnamed speaker without the participle that describes them: "a Canadian banker specializing in"."""
    words = phrase.split()
    for index in range(2, len(words) - 1):
        word = words[index]
        if "of" in words[:index]:
            break  # "one head of investment banking at …": the -ing word names a trade
        if word.endswith("ing") and word not in _ING_ADJECTIVES and words[index + 1] in _AFTER_PARTICIPLE:
            return " ".join(words[:index])
    return phrase


_AFTER_PARTICIPLE = frozenset("in on for with at to from the a an".split())
