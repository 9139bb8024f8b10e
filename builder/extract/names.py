"""Find proper names in a text and tell people from organisations, places and products."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from builder.alternation import literal_alternation
from builder.extract import lexicon as lx
from builder.extract.name_runs import heading_or_dateline, is_title_case, looks_like_name, split_run, surname

# A word of a name; never the letters of a currency ("C$", "A$", "HK$": "for C$12.4 billion" names no one).
_TOKEN = r"(?:[A-Z][\w'’.&@-]*[\w]|[A-Z](?:\.[A-Z])*\.?|\d+[A-Z][\w]*)(?![\w$£€¥])"
_JOIN = r"(?:\s(?:of|de|du|von|van|der|den|da|di|la|le|bin|al|&|for)\s|\s|-)"
# A wire service's bare ticker after a name ("ABN AMRO AAH.AS", "Lehman LEH.N") is no part of the name.
_NOT_TICKER = r"(?![A-Z0-9]{2,6}\.[A-Z]{1,3}(?![\w.]))"
# The lookahead first: a name starts with a capital or a digit, so other places fail at once.
NAME_RUN = re.compile(rf"(?=[A-Z\d])(?<![\w'’@#.-]){_NOT_TICKER}{_TOKEN}(?:{_JOIN}{_NOT_TICKER}{_TOKEN})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
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
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor|Baroness|(?:Rep|Sen|Gov)(?=\.))\.?\s$")
_APPOSITION_CUE = re.compile(r"\b(?:company|firm|group|owner|parent|subsidiary|unit|rival),\s$")
_AND_AFTER = re.compile(r"\s(?:and|or)\s")
_AND_BEFORE = re.compile(r"\s(?:and|or)\s$")
_EMPLOYER_CUE = re.compile(
    r"\b(?:director|officer|chief|head|editor|president|executive|chairman|founder|analyst|economist|manager"
    r"|spokesman|spokeswoman|partner)\s(?:of|at|for|with)\s(?:the\s)?$",
    re.I,
)
_OF_FIRM = re.compile(r"\sof\s[A-Z]")  # "Carroll Smith of Monument Chevrolet"
_GIVEN_SHAPE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # "Kaden", "Jean-Luc"; never "JPMorgan"
_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)?|[A-Z]{2}")
_LEGAL_FORMS = frozenset("inc corp corporation co ltd plc llc ag sa nv group holdings".split())
_PUNCTUATION = ".,;:!?\"“”‘’'()[]—–-"
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}s?")
_DOMAIN = re.compile(r"[A-Z][\w-]*\.(?:com|net|co\.uk|org)")
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


@dataclass
class NameTable:
    """Every name found in a source, sorted by kind."""

    people: dict[str, list[Candidate]] = field(default_factory=dict)
    orgs: dict[str, list[Candidate]] = field(default_factory=dict)
    products: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    gender: dict[str, str | None] = field(default_factory=dict)


def find_names(
    text: str,
    sentences: list[tuple[int, int]],
    known_orgs: frozenset[str] = frozenset(),
    masked: list[tuple[int, int]] | None = None,
) -> NameTable:
    """Find names sentence by sentence, then classify each distinct name over all its occurrences."""
    lower_vocabulary = {word for word in _WORD.findall(text) if word[0].islower()}
    candidates: list[Candidate] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if is_title_case(sentence):
            continue  # headlines capitalise every word; their names are found in the body
        for match in NAME_RUN.finditer(sentence):
            run = match.group()
            named_elsewhere = match.start() == 0 and " " in run and text.count(run) > 1
            for piece in split_run(run, start + match.start(), start, lower_vocabulary, named_elsewhere):
                if masked and any(a <= piece[0] < b for a, b in masked):
                    continue
                if heading_or_dateline(text, piece, lower_vocabulary):
                    continue
                candidates.append(_candidate(text, piece, index))
    return _classify(text, candidates, known_orgs)


def _candidate(text: str, piece: tuple[int, int, str], sentence: int) -> Candidate:
    start, end, raw = piece
    possessive = raw.endswith(("'s", "’s", "'", "’"))
    name = _POSSESSIVE.sub("", raw) if possessive else raw.rstrip(".") if raw.count(".") == 1 else raw
    end = start + len(name)
    candidate = Candidate(start, end, name, sentence, possessive)
    candidate.source_text = text
    honorific = _HONORIFIC.search(text[max(0, start - 12) : start])
    if honorific:
        candidate.after_honorific = honorific.group(1).lower()
    return candidate


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


_ORG_CUES = frozenset(("before", "after", "employer"))
_BRAND_LIST = re.compile(
    r"\b(?:brands|labels|marques)\s(?:\w+\s){0,2}?(?:including|such\sas|like)\s[^.;:()\"“”]{0,80}$", re.I
)


def _in_brand_list(candidate: Candidate) -> bool:
    """A name in a list of brands or labels ("labels including Moet & Chandon and Louis Vuitton") names a brand."""
    before = candidate.source_text[max(0, candidate.start - 120) : candidate.start]
    lowered = before.lower()
    if "brands" not in lowered and "labels" not in lowered and "marques" not in lowered:
        return False
    return bool(_BRAND_LIST.search(before))


def _cue_before(before: str) -> bool:
    """Tell whether the words before a name mark it as an organisation ("rival Oracle", "stake in BP")."""
    words = before[-40:].lower().split()
    while words and words[-1] in _CUE_LINKS:
        words.pop()
    return bool(words) and words[-1] in _CUE_WORDS and before[-1:] == " "


def _classify(text: str, candidates: list[Candidate], known_orgs: frozenset[str]) -> NameTable:
    table = NameTable()
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_name[candidate.text].append(candidate)
    honored = frozenset(c.text for found in by_name.values() for c in found if c.after_honorific)
    kinds = {name: _kind(name, found, known_orgs, honored) for name, found in by_name.items()}
    kinds.update(dict.fromkeys(_named_by_surname(by_name, kinds, known_orgs), "person"))
    surnames_of_people = {surname(name) for name, kind in kinds.items() if kind == "person" and " " in name}
    people = [name for name, kind in kinds.items() if kind == "person"]
    for name in by_name:  # "Eriksson Ek said" after "Joel Eriksson Ek": a surname of two words
        if " " in name and name not in known_orgs and any(p.endswith(f" {name}") for p in people):
            kinds[name] = "person-ref"
    org_names = {_legal_stem(name) for name, kind in kinds.items() if kind == "org" and _legal_stem(name) != name}
    for name in list(by_name):
        if " " not in name and name in surnames_of_people and name not in known_orgs:
            if name in org_names:
                # "Dell" beside "Michael Dell" and "Dell Inc": the company, unless "Mr Dell"
                titled = [c for c in by_name[name] if c.after_honorific]
                bearer = next(n for n, k in kinds.items() if k == "person" and surname(n) == name)
                if titled and len(titled) < len(by_name[name]):
                    by_name[bearer].extend(titled)
                    by_name[name] = [c for c in by_name[name] if not c.after_honorific]
                kinds[name] = "org"
                continue
            kinds[name] = "person-ref"  # "Millan says" after "Manuel Millan": the person, not a company
    # "Lee" after "Lee Hsien Yang", "Charoen" after "Charoen Sirivadhanabhakdi": a name's first word on its own
    firsts: dict[str, list[str]] = defaultdict(list)
    for name, kind in kinds.items():
        if kind == "person" and " " in name:
            firsts[name.split()[0]].append(name)
    first_refs = {
        name: firsts[name][0]
        for name in by_name
        if " " not in name
        and kinds[name] in ("other", "org")
        and len(firsts.get(name, ())) == 1
        and name not in known_orgs
        and name not in org_names
        and not _ACRONYM.fullmatch(name)
    }
    kinds.update(dict.fromkeys(first_refs, "person-ref"))
    # A name standing next to an organisation ("Zoom and Amazon Web Services") is one too.
    for name, found in by_name.items():
        if kinds[name] == "other" and any("coordinated" in cues_of(c) and _next_to_org(text, c, kinds) for c in found):
            kinds[name] = "org"
    orgs = {name for name, kind in kinds.items() if kind == "org"} | set(known_orgs)
    for name in list(by_name):
        first, _, rest = name.partition(" ")
        # "according to Reuters Knowledge": a name that opens with a firm's name and no given name is its product
        guessed = kinds[name] == "person" and name not in honored and not _given_name(first)
        if first in orgs and rest and kinds[name] != "org" and (kinds[name] != "person" or guessed):
            table.products.add(name)  # "Microsoft Azure": the company's product
            for candidate in by_name.pop(name):
                org_part = Candidate(candidate.start, candidate.start + len(first), first, candidate.sentence)
                by_name.setdefault(first, []).append(org_part)
                kinds.setdefault(first, "org")
    people_names = [name for name in by_name if kinds.get(name) == "person"]
    surnames = {surname(name): name for name in people_names if " " in name}
    for name, found in sorted(by_name.items(), key=lambda item: item[1][0].start):
        kind = kinds.get(name, "other")
        if kind == "person-ref" or (kind == "other" and name in surnames):
            full = surnames.get(name.split()[-1]) or first_refs.get(name)
            if full:
                table.people.setdefault(full, []).extend(found)
                continue
            if any(c.after_honorific for c in found):
                kind = "person"
        if kind == "person":
            table.people.setdefault(name, []).extend(found)
            table.gender[name] = _gender(name, found)
        elif kind == "org":
            table.orgs.setdefault(name, []).extend(found)
        elif kind == "place":
            table.places.add(name)
    for name, found in table.people.items():
        found.sort(key=lambda c: c.start)
        table.gender.setdefault(name, _gender(name, found))
    for found in table.orgs.values():
        found.sort(key=lambda c: c.start)
    return table


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


def _named_by_surname(
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
        if _TITLE_BEFORE.search(f"{tokens[0]} ") or all(_only_opens_sentence(c) for c in by_name[name]):
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


def _given_name(token: str) -> bool:
    return token in lx.FIRST_NAMES or token in lx.FAMILY_NAMES_FIRST or bool(_INITIALS.fullmatch(token))


def _legal_stem(name: str) -> str:
    """A company's name without its legal form: "Dell Inc" → "Dell"."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].rstrip(".").lower() in _LEGAL_FORMS:
        tokens.pop()
    return " ".join(tokens)


def _next_to_org(text: str, candidate: Candidate, kinds: dict[str, str]) -> bool:
    after = re.match(
        r"\s(?:and|or)\s(?P<n>[A-Z][\w.&’'-]*(?:\s[A-Z][\w.&’'-]*)*)",
        text[candidate.end : candidate.end + 80],
    )
    before = re.search(
        r"(?P<n>[A-Z][\w.&’'-]*(?:\s[A-Z][\w.&’'-]*)*)\s(?:and|or)\s$",
        text[max(0, candidate.start - 80) : candidate.start],
    )
    names = [m.group("n") for m in (after, before) if m]
    return any(kinds.get(name) == "org" and not name.endswith(("'s", "’s")) for name in names)


def _kind(name: str, found: list[Candidate], known_orgs: frozenset[str], honored: frozenset[str]) -> str:
    """Tell what a name is: person, person-ref (a surname), org, place or other.

    What the name itself shows is checked first; the words around it are read only when that is not enough.
    """
    tokens = name.split()
    if name in known_orgs or name in lx.FIRMS_NAMED_LIKE_PEOPLE:
        return "org"
    if (tokens[-1] in lx.ORG_HEADS and len(tokens) > 1) or (
        tokens[0] in lx.ORG_HEADS and len(tokens) > 2 and tokens[1] == "of"
    ):
        return "org"
    if name in lx.PLACES or all(token in lx.PLACES for token in tokens):
        return "place"
    if found and all(_in_brand_list(c) for c in found):
        return "org"  # "its most profitable labels including Moet & Chandon champagne and Louis Vuitton"
    first_named = tokens[0] in lx.FIRST_NAMES or tokens[0] in lx.FAMILY_NAMES_FIRST
    if first_named and 2 <= len(tokens) <= 4 and not any(t in lx.ORG_HEADS for t in tokens):
        return "person"
    if (
        _INITIALS.fullmatch(tokens[0])
        and 2 <= len(tokens) <= 4
        and looks_like_name(tokens[1:])
        and (tokens[1] in lx.FIRST_NAMES or tokens[-1] in honored)
    ):
        return "person"  # "J. Christopher Flowers", "JP McManus" (written "Mr McManus" elsewhere)
    if any(c.after_honorific for c in found):
        return "person" if len(tokens) > 1 else "person-ref"
    if (_ACRONYM.fullmatch(name) and name not in lx.NOT_ORG_ACRONYMS) or _DOMAIN.fullmatch(name):
        return "org"
    name_shaped = 2 <= len(tokens) <= 4 and not any(t in lx.ORG_HEADS for t in tokens) and looks_like_name(tokens)
    cues: set[str] = set()
    for candidate in found:  # the words around each mention are read only until they decide
        cues |= cues_of(candidate)
        if "employer" in cues or (not name_shaped and cues & _ORG_CUES):
            return "org"
    if name_shaped and "titled" in cues:
        return "person"
    if cues & _ORG_CUES:
        return "org"
    if name_shaped and "speaks" in cues and len(tokens) <= 3:
        return "person"
    return "other"


def _gender(name: str, found: list[Candidate]) -> str | None:
    for candidate in found:
        if candidate.after_honorific:
            return lx.HONORIFICS.get(candidate.after_honorific)
    first = name.split()[0]
    if first in lx.FEMALE_NAMES and first not in lx.OTHER_NAMES:
        return "female"
    if first in lx.MALE_NAMES and first not in lx.OTHER_NAMES:
        return "male"
    return None
