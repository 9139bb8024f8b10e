"""Cut a run of capitalised words into the names it holds: drop sentence openers, titles and headings, keep
East Asian names whole, split "Chip MacDonald of Jones Day" into the person and the firm."""

from __future__ import annotations

import re
from functools import lru_cache

from builder.extract import lexicon as lx

_TOKENS = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s?$")
# "Paris-based Euronext", "Trouble-hit Mitsubishi Motors", "Cash-strapped Rover": a describing compound
_DESCRIBING_SUFFIXES = (
    "-based",
    "-born",
    "-listed",
    "-owned",
    "-controlled",
    "-backed",
    "-headquartered",
    "-hit",
    "-stricken",
    "-strapped",
    "-laden",
    "-ridden",
    "-making",
)
# Offices a title names before a person: "Secretary of State Mike Pompeo", "Defense Secretary ...".
_OFFICES = frozenset(
    "State Defense Defence Treasury Commerce Energy Health Labor Justice Transportation Agriculture Education "
    "Interior Homeland Security Trade Finance Foreign Home".split()
)
_LEADING_SUFFIXES = ("-led", "-backed", "-owned", "-controlled", "-run")


def _names_a_firm(tokens: list[tuple[int, int, str]], position: int) -> bool:
    """ "General" opens a firm's name ("General Motors", "General Electric") unless a title stands beside it
    ("Attorney General", "General Counsel")."""
    if tokens[position][2] != "General" or position + 1 >= len(tokens):
        return False
    beside = [tokens[i][2].lower() for i in (position - 1, position + 1) if 0 <= i < len(tokens)]
    return not any(word in lx.TITLE_WORDS for word in beside)


def split_run(
    run: str, offset: int, sentence_start: int, lower: set[str], named_elsewhere: bool = False
) -> list[tuple[int, int, str]]:
    """Cut a run of capitalised words into names: drop openers, split at titles and at sentence start.

    A word that opens the sentence is kept when the whole run is a name the text uses elsewhere too ("Equity
    Office, the largest landlord, said" after "Equity Office has accepted").
    """
    opens = offset == sentence_start
    first_common = False
    if opens and not named_elsewhere:
        first = run.split(None, 1)[0]
        bare = _POSSESSIVE.sub("", first) if first[-1] in "s'’" else first
        first_common = bare.lower() in lower or bare.lower() in lx.SENTENCE_COMMON
    return [(offset + start, offset + end, name) for start, end, name in _split(run, opens, first_common)]


@lru_cache(maxsize=8192)
def _split(run: str, opens: bool, first_common: bool) -> tuple[tuple[int, int, str], ...]:
    """split_run for a run at offset 0: the same run in the same place in its sentence is cut the same way
    (first_common: the run opens its sentence with a common word, which is then dropped)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKENS.finditer(run)]
    pieces: list[list[tuple[int, int, str]]] = [[]]
    heading = _heading_words(tokens) if opens and len(tokens) > 2 else 0
    last = len(tokens) - 1
    for position, (start, end, token) in enumerate(tokens):
        bare = _POSSESSIVE.sub("", token) if token[-1] in "s'’" else token
        lowered = bare.lower()
        if position < heading:
            pieces.append([])  # "HARD TIMES Regina Alexander": a heading run into the sentence
            continue
        if bare in lx.FAMILY_NAMES_FIRST and _family_name_first(tokens, position):
            pieces[-1].append((start, end, token))  # "He Jianxiong", "Liu He": a name, not the pronoun
            continue
        if (
            bare in lx.NAMES_ALSO_WORDS
            and not (position == 0 and opens)
            and position < last
            and looks_like_name([_POSSESSIVE.sub("", tokens[position + 1][2])])
        ):
            pieces[-1].append((start, end, token))  # "former OMX Chief Executive Per Larsson": a given name
            continue
        if (
            bare in lx.NOT_NAMES
            or (lowered in lx.TITLE_WORDS and bare not in lx.ORG_HEADS and not _names_a_firm(tokens, position))
            or ("-" in lowered and lowered.endswith(_DESCRIBING_SUFFIXES))
        ):
            pieces.append([])  # "Paris-based Euronext": the name is Euronext
            continue
        described = opens and "-" in bare and position < last and tokens[1][2] in lx.FIRST_NAMES
        if position == 0 and (first_common or described):
            pieces.append([])  # "Singer-songwriters Tom Alder and ...": a describing word before a given name
            continue
        if position == last and "-" in token and token.endswith(_LEADING_SUFFIXES):
            # "the Overseas Union-led consortium": the name is Overseas Union
            stem = token.rsplit("-", 1)[0]
            pieces[-1].append((start, start + len(stem), stem))
            continue
        pieces[-1].append((start, end, token))
        if token != bare:
            pieces.append([])  # a possessive ends the name: "Google's parent company"
    result: list[tuple[int, int, str]] = []
    for piece in [part for whole in pieces for split in _person_of_org(whole) for part in _after_office(split)]:
        while piece and piece[-1][2].lower() in lx.ORG_JOINERS:
            piece.pop()
        while piece and piece[0][2].lower() in lx.ORG_JOINERS:
            piece.pop(0)
        if piece:
            start, end = piece[0][0], piece[-1][1]
            result.append((start, end, run[start:end]))
    return tuple(result)


def _family_name_first(tokens: list[tuple[int, int, str]], position: int) -> bool:
    """Tell whether a token belongs to an East Asian name written family name first ("He Jianxiong", "Liu He")."""
    token = tokens[position][2]
    if token not in lx.FAMILY_NAMES_FIRST:
        return False
    if token == "He" and position and tokens[position - 1][2] in lx.FAMILY_NAMES_FIRST:
        return True
    following = tokens[position + 1][2] if position + 1 < len(tokens) else ""
    return following[:1].isupper() and following not in lx.NOT_NAMES and any(c.islower() for c in following)


def _heading_words(tokens: list[tuple[int, int, str]]) -> int:
    """How many words in capitals open a run before a name in mixed case: a section heading of wire copy."""
    count = 0
    while (
        count < len(tokens) and tokens[count][2].isalpha() and tokens[count][2].isupper() and len(tokens[count][2]) > 1
    ):
        count += 1
    return count if count >= 2 and count < len(tokens) and not tokens[count][2].isupper() else 0


def _after_office(piece: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Drop the office from "(Secretary of) State Mike Pompeo": the name is Mike Pompeo."""
    if len(piece) < 3:
        return [piece]
    count = 0
    while count < len(piece) and piece[count][2].lower() in lx.ORG_JOINERS:
        count += 1
    offices = count
    while count < len(piece) and piece[count][2] in _OFFICES:
        count += 1
    if count == offices:
        return [piece]
    if 0 < count < len(piece) - 1 and piece[count][2] in lx.FIRST_NAMES:
        return [piece[count:]]
    return [piece]


def _person_of_org(piece: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split "Chip MacDonald of Jones Day" into the person and the firm; "Bank of America" stays whole."""
    if len(piece) < 4:
        return [piece]
    words = [token for _, _, token in piece]
    if "of" not in words[2:]:
        return [piece]
    cut = words.index("of", 2)
    head = words[:cut]
    if any(word in lx.ORG_HEADS for word in head) or not looks_like_name(head):
        return [piece]
    return [piece[:cut], piece[cut + 1 :]]


def looks_like_name(tokens: list[str]) -> bool:
    """Name-shaped: capitalised words with lower-case letters, or particles such as 'van'."""
    return all(
        (
            t[0].isupper()
            and any(c.islower() for c in t[1:])
            and (t not in lx.NOT_NAMES or (i == 0 and len(tokens) > 1 and t in lx.NAMES_ALSO_WORDS))
        )
        or t in lx.NAME_PARTICLES
        or (0 < i < len(tokens) - 1 and re.fullmatch(r"[A-Z]\.", t) is not None)
        for i, t in enumerate(tokens)
    )


_DATELINE_AFTER = re.compile(r"(?:[/,]\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)*\s{0,3}\((?:Reuters|AP|AFP|Bloomberg)\)")
_HEADING_AFTER = re.compile(r"[ \t]*(?:\*\*|\n)")  # "PRICE ** ABN shareholders…", a heading on its own line
_TITLE_CASE_HEADLINE = 0.7


def heading_or_dateline(text: str, piece: tuple[int, int, str], lower_vocabulary: set[str]) -> bool:
    """A word in capitals that the text also writes in small letters, or that stands before a factbox's
    bullet or alone on its line ("PRICE **": a heading); or the place of a wire story's dateline ("LONDON
    (Reuters) -")."""
    _, end, raw = piece
    if not raw.isupper() or len(raw) < 3:
        return False
    if " " not in raw and (raw.lower() in lower_vocabulary or _HEADING_AFTER.match(text, end)):
        return True
    return bool(_DATELINE_AFTER.match(text, end))


def is_title_case(sentence: str) -> bool:
    """Tell whether a sentence is a headline: most of its longer words capitalised."""
    if len(sentence) > 160 or sentence.endswith((".", "”", '"')):
        return False
    words = [word for word in sentence.split() if word[:1].isalpha() and len(word) > 3]
    if len(words) < 4:
        return False
    return sum(word[0].isupper() for word in words) / len(words) >= _TITLE_CASE_HEADLINE


_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


def surname(name: str) -> str:
    """A person's surname: the last word of the name, a suffix such as "Jr" aside ("James P. Callan Jr")."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(",") in _SUFFIXES:
        words.pop()
    return words[-1]
