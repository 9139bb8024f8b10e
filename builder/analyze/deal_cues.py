"""The words a deal card is read from: what kind of deal a sentence speaks of, and how far along it is
(rumoured, in talks, offered, agreed, completed, ended), with the words that make such a cue unreal."""

from __future__ import annotations

import re

from builder.analyze.patterns import Caseless
from builder.model.deal import DealStatus, DealType

# Statuses from the least to the most settled; the card keeps the latest source's.
STATUS_ORDER: tuple[DealStatus, ...] = (
    "rumoured",
    "in talks",
    "approach",
    "offer",
    "rejected",
    "agreed",
    "completed",
    "terminated",
)
# Sources this many days and more apart tell of a deal taken up again: the later one's stage and price stand.
TAKEN_UP_AGAIN_DAYS = 365
DEAL_NOUNS = (
    r"(?:deal|takeover|bid|offer|buyout|merger|acquisition|partnership|alliance|venture|sale|purchase|"
    r"transaction|proposal|approach|agreement|talks|tie-up|combination)"
)
STATUS_PATTERNS: tuple[tuple[DealStatus, str], ...] = (
    (
        "terminated",
        rf"\b(?:{DEAL_NOUNS}\w*\s(?:\w+\s){{0,6}}(?:collapsed|was\scalled\soff|were\scalled\soff|fell\sapart|"
        rf"broke\sdown|ended|failed|was\sabandoned|was\sscrapped|was\sterminated)|collapse\sof\s(?:the\s)?"
        rf"(?:\w+\s){{0,3}}{DEAL_NOUNS}|(?:called\soff|abandoned|scrapped|terminated|walked\saway\sfrom|"
        rf"pulled\sout\sof|withdrew|dropped)\s(?:the|its|their|his|a)\s(?:\w+\s){{0,3}}{DEAL_NOUNS})",
    ),
    (
        "completed",
        rf"\b(?:complet\w*|closed|finali[sz]ed)\s(?:the\s|its\s|their\s|his\s)?(?:\S+\s){{0,4}}"
        rf"{DEAL_NOUNS}|{DEAL_NOUNS}\s(?:was|has\sbeen|were)\s(?:completed|closed)\b"
        # "LVMH has sold its loss-making Christian Lacroix clothing label to a US investment group"
        rf"|\b(?:has|have)\ssold\s(?:its|their|his|her|the)\s(?:\S+\s){{0,5}}?to\b"
        # "State-owned Rosneft bought the Yugansk unit for $9.3bn": a purchase told as done
        rf"|\b(?:bought|acquired)\s(?:the|its|their|his|her)\s(?:\S+\s){{0,5}}?for\s(?:about\s|some\s)?[$£€¥\d]",
    ),
    (
        "agreed",
        rf"\b(?:agreed|agrees|agreeing)\s(?:to\s(?:buy|acquire|sell|merge|be\s|a\s|an\s|the\s|terms|"
        rf"combine|form|take\sover)|{DEAL_NOUNS}|on\s)|\b(?:accepted|accepts|recommended|backed)\s"
        # "recommended a A$7.4 billion ($6 billion) bid": the deal's price may stand before its noun
        rf"(?:a|an|the|its|their|his)\s(?:\S+\s){{0,4}}?{DEAL_NOUNS}|"
        # "a friendly bid", "Babcock's recommended offer", "the LSE's takeover deal with Borsa": the target's
        # board is for it (not "a friendly takeover is not going to happen")
        rf"\b(?:friendly|recommended)\s(?:\S+\s){{0,2}}?(?:bid|offer|takeover)\b"
        rf"(?![^.;,]{{0,25}}\b(?:not|never|unlikely)\b)|"
        rf"\b(?:takeover|buyout|acquisition|merger)\s(?:deal|agreement|accord)\swith\b|\bsigned\s(?:a|an|the)\s(?:\w+\s){{0,3}}"
        rf"(?:{DEAL_NOUNS}|contract\sfor)|\bwon\s(?:a|the)\s(?:\w+\s){{0,2}}(?:battle|contest|race|war)|\b(?:announced|unveiled)\s"
        rf"(?:a|an|the|its|their)\s(?:\w+\s){{0,4}}(?:partnership|deal|agreement|merger|acquisition|alliance|"
        rf"joint\sventure|tie-up)|\bagreed\s{DEAL_NOUNS}"
        # "received no objections from U.S. antitrust authorities for their proposed merger": regulators
        # review a deal the parties have agreed
        rf"|\b(?:received|won|got|gained|secured|obtained)\s(?:\w+\s){{0,4}}(?:regulatory\s|antitrust\s)?"
        rf"(?:approvals?|clearance|no\sobjections?)\s(?:\S+\s){{0,6}}?(?:for|to)\s(?:the|its|their)\s(?:\w+\s){{0,2}}{DEAL_NOUNS}"
        # "has agreed to pay $38.1 billion, or $101 a share, for Alcan"; "recommended by Alcan's board"
        r"|\bagree(?:d|s)\sto\spay\s(?:about\s|some\s|up\sto\s)?[$£€¥]?\d[^;]{0,50}?\sfor\b"
        r"|\b(?:unanimously\s)?recommended\sby\s(?:\S+\s){0,3}?(?:board|directors)\b"
        # "Cerberus will buy a majority of Chrysler for $7.4 billion": news of a purchase settled
        r"|\b(?:will|is\sto|are\sto)\s(?:buy|acquire|purchase|take\sover)\b"
        # "the pending merger places at risk …": a deal agreed and waiting to close
        r"|\b(?:the|their|its)\spending\s(?:[\w$.-]+\s){0,3}?(?:merger|acquisition|takeover|buyout|sale|purchase|"
        r"transaction|combination)\b",
    ),
    (
        "rejected",
        rf"\b(?:reject\w*|rebuff\w*|spurn\w*|turn\w*\sdown|snubb?\w*|dismiss\w*\sthe\s(?:\w+\s)?{DEAL_NOUNS}|"
        rf"not\sprepared\sto\srecommend)",
    ),
    (
        "offer",
        r"\b(?:offer(?:s|ed)?|bid|bids|bidding|tabled|takeover\sbid)\b",
    ),
    ("approach", r"\b(?:approach\w*|proposals?|expressions?\sof\sinterest)\b"),
    (
        "in talks",
        r"\b(?:talks|negotiat\w*|discussions|close\sto\s(?:buying|a\sdeal|an\sagreement|agreeing)|"
        r"near(?:s|ing)?\s(?:an?\s)?(?:\S+\s){0,3}?(?:deal|agreement|buyout)|edging\scloser|due\sdiligence|held\stalks|meet)\b",
    ),
    (
        "rumoured",
        r"\b(?:speculat\w*|rumou?r\w*|reportedly|poised|consider\w*|exploring|potential|possible|"
        r"(?:newspaper|tabloid|media|press)\sreports?\sthat)\b",
    ),
)
STATUS_CUES = tuple((status, Caseless(pattern)) for status, pattern in STATUS_PATTERNS)
DEAL_NOUN = Caseless(DEAL_NOUNS)
MONEY = re.compile(r"[$£€¥]\s?\d|\d\s?(?:billion|million|bn|m)\b")
# Words that make a cue about something that did not, or not yet, happen; and words that place it before
# the news of the source, which a later stage may have overtaken (a settled stage stands).
UNREAL = re.compile(
    r"\b(?:not|no|never|denied|denies|deny|won['’]t|wouldn['’]t|could|may|might|would|if|threat\w*|"
    r"offered\sto|unless|any|whether|expected\sto|likely\sto|plans?\sto|in\s(?:19|20)\d\d|once|"
    r"needs?\sto|needed\sto|required\sto|tr(?:y|ies|ying)\sto|seeks?\sto|aims?\sto|in\sorder\sto|"
    r"ready\sto|set\sto|poised\sto|prepar(?:ing|es)\s(?:to|a|an)|open\sto|prefer\w*|wants?\sto|wanted\sto|"
    r"hop(?:e|es|ed|ing)\s(?:to|for)|attempt\w*|to\s(?:seal|negotiate|secure|win)|"
    # "figures from before the completion of the merger": a step still ahead, or one a condition waits on
    r"before|pending|awaiting|ahead\sof|prior\sto|subject\sto)\b[^,;]{0,40}$",
    re.I,
)
# "the waiting period for other bids has ended": what ended is a time set for bids, not the deal
FOR_A_TIME = re.compile(r"\b(?:period|window|deadline|time\slimit|go-shop)\s(?:for|to|of)\s(?:\w+\s){0,4}$", re.I)
BEFORE = re.compile(r"\b(?:previous\w*|earlier|last\s(?:week|month|year)|had\sbeen|already)\b[^,;]{0,40}$", re.I)
SETTLED: tuple[DealStatus, ...] = ("agreed", "completed", "terminated")
# "has agreed to sell its budget brand Advantage": a party selling a unit of its own, a deal beside the deal
OWN_UNIT_AFTER = re.compile(
    r"\s(?:off\s)?(?:its|their)\s(?:[\w-]+\s){0,3}?(?:brand|unit|business|division|subsidiary|arm|stake|assets|"
    r"operations|plants?|stores)\b",
    re.I,
)
NO_FORMAL = re.compile(
    r"\b(?:no|neither|nor|not\s(?:yet\s)?(?:made|tabled|launched))\b[^.]{0,30}\bformal\s(?:offer|bid)|"
    r"\bformal\s(?:offer|bid)\s(?:has|have)\snot\b|\bno\sformal\s(?:offer|bid)",
    re.I,
)
LEAD_SENTENCES = 3

TYPE_PATTERNS: tuple[tuple[DealType, str], ...] = (
    ("joint venture", r"\bjoint[\s-]venture"),
    ("partnership", r"\b(?:partnership|alliance|collaborat\w*|partner(?:s|ing|ed)?\swith|tie-up)\b"),
    ("merger", r"\b(?:merger|merge[sd]?|merging|combination|combine[sd]?|combining)\b"),
    # a stake bought, taken or sold, not one cut or halved by a share sale ("halving GM's stake to 10%")
    (
        "stake purchase",
        r"\b(?:buy|buys|bought|buying|acquir\w*|purchas\w*|take|takes|took|taking|build\w*|rais\w*|increas\w*|"
        r"sell|sells|sold|selling|majority|minority|controlling)\s(?:\S+\s){0,4}?stake\b",
    ),
    # "a friendly bid" is a purchase the target agreed to, not a contest for it
    (
        "takeover bid",
        r"\b(?<!friendly\s)(?:takeover|bid|bids|bidder|bidding|suitor|hostile|offer|offers|offered|approach)\b",
    ),
    (
        "acquisition",
        r"\b(?:friendly\s(?:takeover|bid|offer)|buy|buys|buying|bought|acquire[sd]?|acquiring|acquisition|buyout|purchase[sd]?|go(?:ing)?\sprivate|"
        r"take\s\w+\sprivate|taking\s\w+\sprivate|lbo)\b",
    ),
    # a buyout by private equity is a purchase, whatever its bids: "Harrah's accepts $17.1 billion private equity bid"
    ("acquisition", r"\b(?:private[\s-]equity|leveraged|buyout\s(?:firms?|groups?|funds?))\b"),
    ("sale", r"\b(?:sell|sells|selling|sold|sale|divest\w*|dispos\w*|spin[\s-]?off)\b"),
    ("investment", r"\b(?:invest(?:s|ed|ing|ment)?\s(?:\$|£|€|in)|funding\sround|raised\s\$)\b"),
)
TYPE_CUES = tuple((kind, Caseless(pattern)) for kind, pattern in TYPE_PATTERNS)
