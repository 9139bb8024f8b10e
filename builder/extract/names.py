"""Find proper names in a text and tell people from organisations, places and products."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from builder.extract import lexicon as lx
from builder.extract.name_cues import Candidate as Candidate  # the occurrences this module classifies
from builder.extract.name_cues import cues_of, named_by_surname
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
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor|Baroness|(?:Rep|Sen|Gov)(?=\.))\.?\s$")
_AND_BEFORE = re.compile(r"\s(?:and|or)\s$")
_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)?|[A-Z]{2}")
_LEGAL_FORMS = frozenset("inc corp corporation co ltd plc llc ag sa nv group holdings".split())
_PUNCTUATION = ".,;:!?\"“”‘’'()[]—–-"
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}s?")
_DOMAIN = re.compile(r"[A-Z][\w-]*\.(?:com|net|co\.uk|org)")


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


def _classify(text: str, candidates: list[Candidate], known_orgs: frozenset[str]) -> NameTable:
    table = NameTable()
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_name[candidate.text].append(candidate)
    honored = frozenset(c.text for found in by_name.values() for c in found if c.after_honorific)
    kinds = {name: _kind(name, found, known_orgs, honored) for name, found in by_name.items()}
    kinds.update(dict.fromkeys(named_by_surname(by_name, kinds, known_orgs), "person"))
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
