"""What the words around a proper name say of it: a title, a firm's cue, a speech verb; and the names of
people no list of given names knows, told by their surname speaking alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.alternation import literal_alternation
from builder.extract import lexicon as lx
from builder.extract.name_runs import looks_like_name

_BUSINESS_NOUNS = lx._words(
    """shares share stock profits profit revenue revenues sales chief boss chairman board stake bid offer takeover
    customers business businesses market parent subsidiary unit products services network platform deal
    investors debt cash earnings results executive executives ceo founder rival rivals shareholders brand
    brands stores factory factories plant plants workers staff employees operations division headquarters
    acquisition merger bonds owners management finance directors auditors accounts losses"""
)
_CUE_WORDS = frozenset(
    """
    rival rivals firm company giant group bank carrier retailer maker provider brewer insurer operator
    conglomerate supplier partner partners competitor competitors subsidiary unit owner airline
    investment investments stake shares holding deal partnership merger takeover bid buy bought
    acquired acquire acquiring sold sell selling merge merging customer customers client clients
    """.split()
)
_CUE_LINKS = frozenset({"in", "of", "with", "for", "to", "by", "the"})
_CUE_AFTER = re.compile(
    r"^(?:['’]s?\s(?P<noun>\w+)(?:\s(?P<noun2>\w+))?|\s(?:competitor|rival|rivals|subsidiary|unit|spokesman|spokeswoman|chief|boss|shares|executive|chairman)\b|\s(?:said|says|stated|shares|has\sagreed|agreed|announced|reported|posted|plans"
    r"|will\sbuy|bought|acquired|owns|employs|has\sbeen|has|had|made|makes|invested|invests|uses|offers|counts|unveiled"
    r"|launched|inked|signed|Inc\b|Corp\b|plc\b)\b|,\s(?:an?|the)\s(?:[\w-]+\s){0,3}(?:competitor|rival|"
    r"company|firm|startup|start-up|maker|provider|subsidiary|unit|group|giant|bank|carrier|retailer|operator|"
    r"brewer|insurer|conglomerate|supplier|airline|broadcaster|network|business)\b)"
)
# A wire service's exchange ticker after a name marks a listed company: "Omnicom ( OMC.N )", "Thomson TOC.TO".
_TICKER_AFTER = re.compile(r"\s\(?\s?[A-Z0-9][A-Za-z0-9]{0,6}\.[A-Z]{1,3}(?![\w.])")
_APPOSITION_CUE = re.compile(r"\b(?:company|firm|group|owner|parent|subsidiary|unit|rival),\s$")
_AND_AFTER = re.compile(r"\s(?:and|or)\s")
_EMPLOYER_CUE = re.compile(
    r"\b(?:director|officer|chief|head|editor|president|executive|chairman|founder|analyst|economist|manager"
    r"|spokesman|spokeswoman|partner)\s(?:of|at|for|with)\s(?:the\s)?$",
    re.I,
)
_OF_FIRM = re.compile(r"\sof\s[A-Z]")  # "Carroll Smith of Monument Chevrolet"
_GIVEN_SHAPE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # "Kaden", "Jean-Luc"; never "JPMorgan"
# A title just before a name ("chief executive Jane Doe"); the words as a trie, which the engine tries letter by
# letter at each place rather than word by word.
_TITLES_BEFORE_NAMES = """
    executive ceo chief chairman chairwoman chair president analyst spokesman spokeswoman spokesperson boss minister
    director founder economist manager head patriarch tycoon secretary governor officer partner trader strategist
    commissioner chancellor editor lawyer attorney professor owner investor billionaire mogul entrepreneur striker
    coach""".split()
_TITLE_BEFORE = re.compile(rf"\b(?:chief\sexecutive|{literal_alternation(_TITLES_BEFORE_NAMES)})\s$", re.I)
_TITLE_AFTER = re.compile(
    r"^,\s(?:(?:an?|the|its|their|his|her)\s)?(?:[\w’'-]+\s){0,4}?(?:\w+-)?(?:chief|executive|CEO|chairman|chairwoman|president|"
    r"analyst|spokesman|spokeswoman|spokesperson|boss|minister|director|founder|economist|manager|head|secretary|attorney|"
    r"governor|officer|partner|trader|strategist|commissioner|editor|lawyer|professor|owner|investor|fund\smanger|"
    r"patriarch|matriarch|godfather|heir|scion)\b"
    r"|^,\s(?:from|of|at)\s(?:the\s)?[A-Z][\w’'-]+(?:['’]s)?\s[A-Z][^,]{0,80},\s(?:said|says|told|added)\b",
    re.I,
)
_TITLE_FOLLOWS = re.compile(
    r"^(?:['’]s?)?\s(?:chief\sexecutive|CEO|chairman|chairwoman|president|boss|founder|spokesman|spokeswoman|"
    r"managing\sdirector|finance\sdirector|chief\sfinancial\sofficer|CFO|COO)\s[A-Z]"
)
_SPEAKS_AFTER = re.compile(r"^\s(?:has\s|also\s)?(?:said|says|told|added|explained|warned|argued|noted)\b")
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|told|added|according\sto)\s$")


@dataclass
class Candidate:
    """One occurrence of a proper name in the text."""

    start: int
    end: int
    text: str
    sentence: int
    possessive: bool = False
    after_honorific: str | None = None
    cues: set[str] | None = None
    source_text: str = field(default="", repr=False)


def cues_of(candidate: Candidate) -> set[str]:
    """What the words around a name say about it; worked out only for names that need it."""
    if candidate.cues is not None:
        return candidate.cues
    text, start, end = candidate.source_text, candidate.start, candidate.end
    cues: set[str] = set()
    before = text[max(0, start - 60) : start]
    if _cue_before(before) or _APPOSITION_CUE.search(before[-30:]):
        cues.add("before")
    after = text[end : end + 80]
    cue = _CUE_AFTER.match(after)
    nouns = {(cue.group(g) or "").lower() for g in ("noun", "noun2")} if cue else set()
    if (cue and (not any(nouns) or nouns & _BUSINESS_NOUNS)) or _TICKER_AFTER.match(after):
        cues.add("after")
    if _TITLE_BEFORE.search(before[-30:]) or _TITLE_AFTER.match(after):
        cues.add("titled")
    if _TITLE_FOLLOWS.match(after):
        cues.add("employer")
    if _SPEAKS_AFTER.match(after) or _SPEAKS_BEFORE.search(before[-16:]):
        cues.add("speaks")
    if _AND_AFTER.match(after) or before.endswith((" and ", " or ")):
        cues.add("coordinated")
    if before.endswith(("of ", "at ", "for ", "with ", "the ")) and _EMPLOYER_CUE.search(before[-40:]):
        cues.add("employer")
    candidate.cues = cues
    return cues


def _cue_before(before: str) -> bool:
    """Tell whether the words before a name mark it as an organisation ("rival Oracle", "stake in BP")."""
    words = before[-40:].lower().split()
    while words and words[-1] in _CUE_LINKS:
        words.pop()
    return bool(words) and words[-1] in _CUE_WORDS and before[-1:] == " "


def _only_opens_sentence(candidate: Candidate) -> bool:
    """A name's words open a sentence with nothing after them that a name has: "Hosting Cook at the show",
    "Major Reckson shareholder", not "Montell Figgins, who ...", "Zach Parise's goal" or "Carroll Smith of Acme"."""
    text = candidate.source_text
    before = text[max(0, candidate.start - 3) : candidate.start].rstrip(" ‘'\"“")
    opens = not before or before[-1] in ".!?\n:”"
    after = text[candidate.end : candidate.end + 5]
    named_after = (
        candidate.possessive or after.startswith(",") or _OF_FIRM.match(after) or "speaks" in cues_of(candidate)
    )
    return opens and not named_after


def named_by_surname(
    by_name: dict[str, list[Candidate]], kinds: dict[str, str], known_orgs: frozenset[str]
) -> set[str]:
    """Names of two or three words that no list knows ("Kaden Voskuil") whose last words alone speak elsewhere
    ("Voskuil said") with nothing that marks a firm: people, for a firm is seldom called by its name's last word.
    A name that opens with a title ("Investor Carl Icahn"), or whose words only ever open a sentence with
    nothing after them that a name has ("Hosting Cook at the show is ..."), is not one."""
    found = set()
    for name, kind in kinds.items():
        tokens = name.split()
        if kind != "other" or not 2 <= len(tokens) <= 3 or any(t in lx.ORG_HEADS for t in tokens):
            continue
        if _TITLE_BEFORE.search(f"{tokens[0]} ") or (
            all(_only_opens_sentence(c) for c in by_name[name]) and not _rare_word(tokens[0], by_name[name][0])
        ):
            continue
        tails = [by_name[tail] for i in range(1, len(tokens)) if (tail := " ".join(tokens[i:])) in by_name]
        if (
            not tails
            or not _GIVEN_SHAPE.fullmatch(tokens[0])
            or not looks_like_name(tokens)
            or tokens[-1] in known_orgs
        ):
            continue
        cues = [cues_of(c) for found_tail in tails for c in found_tail]
        if any("speaks" in c for c in cues) and not any(c & {"before", "employer"} for c in cues):
            found.add(name)
    return found


def _rare_word(word: str, candidate: Candidate) -> bool:
    """A word no sentence would open with but as a name, before a verb ("Eyamba Sowers didn't know"): not a
    participle or an adverb, not a common opener, never written in small letters in the text."""
    lowered = word.lower()
    if lowered.endswith(("ing", "ed", "ly")) or lowered in lx.SENTENCE_COMMON:
        return False
    if not _VERB_AFTER.match(candidate.source_text, candidate.end):
        return False  # "Major Brill shareholder Acme": a word describing what follows
    return re.search(rf"(?<![\w'’-]){re.escape(lowered)}(?![\w'’-])", candidate.source_text) is None


_VERB_AFTER = re.compile(
    r"\s(?:didn[’']t|doesn[’']t|wasn[’']t|isn[’']t|did|does|is|was|has|had|have|will|would|can|could|said|says|"
    r"told|[a-z]+ed)\b"
)
