"""The words that tell what a figure measures and how far the deal had gone, as deal coverage writes them.

Each table maps a meaning to the patterns that signal it, with a weight: how strongly one occurrence
near a figure says so. The patterns are written for the kind of text (wire copy, business news, press
releases), never for one article.
"""

from __future__ import annotations

import re

from builder.model import Measure, Stage


def _words(*patterns: str) -> str:
    return r"\b(?:" + "|".join(patterns) + r")\b"


# Cues of what a money figure or a percentage measures. A cue counts for the figure it is nearest to.
MEASURE_CUES: dict[Measure, tuple[tuple[str, float], ...]] = {
    "deal_value": (
        (
            _words(
                r"bid(?:s|ding)?",
                r"offers?",
                r"offered",
                r"(?:is|are|was|were|be)\soffering",  # "is thought to be offering about $2bn"; not a share offering
                r"takeovers?",
                r"buy-?outs?",
                r"LBO",
                r"acquisitions?",
                r"mergers?",
            ),
            1.0,
        ),
        (_words(r"deals?", r"proposals?", r"approach", r"tie-?up", r"purchase[ds]?", r"transactions?"), 0.9),
        (_words(r"orders?\sfor"), 0.9),  # "a $9 billion order for 30 jets": an order is a deal
        # "Shanghai Automotive's proposed £1bn investment in Rover": an investment in a named company is the deal
        (_words(r"investment\sin\s(?-i:[A-Z])\w*"), 0.9),
        (
            _words(
                r"valu(?:e|es|ed|ing)\s(?:the\s)?(?:\S+\s){0,3}at",
                r"equity\svaluation",
                r"enterprise\svalue",
                r"equity\svalue",
            ),
            1.1,
        ),
        # "valuing the pathology company's ordinary shares at A$2.78 billion": all its shares, the deal's value
        (_words(r"valu(?:e|es|ed|ing)\s(?:the\s)?(?:\S+\s){0,4}(?:shares|stock|equity)\sat"), 1.5),
        (_words(r"acquir\w*", r"buy(?:ing|s)?", r"bought", r"sell(?:ing|s)?", r"sold", r"sale"), 0.6),
        (_words(r"pay", r"pays", r"paid", r"paying"), 0.5),
        # A deal's value with the target's debt counted in (its enterprise value): "$22 billion, including debt".
        (
            _words(
                r"includ(?:ing|es|ed)\s(?:the\s)?(?:assum\w+\s(?:of\s)?|refinanc\w+\s(?:of\s)?)?(?:\S+\s){0,5}?debts?",
                r"plus\s(?:the\s)?(?:assum\w+\s(?:of\s)?)?(?:\S+\s){0,2}?debts?",
                r"(?:total|overall)\svalue\s(?:of\s)?(?:the\s)?(?:deal|transaction|acquisition|takeover|bid|offer)",
            ),
            2.0,
        ),
    ),
    "price_per_share": (
        (_words(r"offer\sprice", r"bid\sprice", r"price\sper\sshare", r"per-share", r"special\sdividend"), 1.2),
        (_words(r"valu\w+\s(?:\S+\s){0,2}shares\sat", r"price\sattachment"), 1.4),
    ),
    "premium": (
        (_words(r"premium"), 1.6),
        (
            _words(
                r"(?:higher|more|above|over)\sthan\s(?:\S+\s){0,4}(?:price|close|closing|trade|level|value)",
                r"above\s(?:\S+\s){0,4}(?:price|close|closing|trade|level)",
                r"over\s(?:\w+\s){0,3}(?:closing|share|last)\s(?:\w+\s)?price",
                r"to\s(?:\S+\s){0,4}(?:closing|share|last)\s(?:\w+\s)?price",
                # "39 euros a share, or 13 percent more than an all-share offer from Barclays": above a rival's
                r"(?:higher|more|above)\sthan\s(?:an?\s|the\s)(?:\S+\s){0,3}(?:offer|bid|proposal)",
            ),
            1.3,
        ),
        (_words(r"discount", r"worth\s(?:up\sto\s)?\S+\smore"), 1.2),
    ),
    "stake": (
        (
            _words(r"stakes?", r"holdings?", r"shareholding", r"interest\sin", r"control", r"ownership", r"majority"),
            1.3,
        ),
        (_words(r"own(?:s|ed|ing)?", r"hold(?:s|ing)?", r"held", r"owners?\sof", r"controls?"), 1.0),
        (_words(r"of\s(?:its|the|their)\s(?:\w+\s)?(?:shares|stock|capital|equity)", r"in\s\w+\shands"), 1.0),
        (_words(r"acceptances?"), 0.8),
    ),
    "fee": (
        (_words(r"(?:break|break-up|breakup|termination|reverse\stermination)\sfees?", r"fees?"), 1.6),
        (_words(r"if,?\s(?:\S+\s){0,8}(?:block\w*|nix\w*|walks?\saway|fail\w*|reject\w*)", r"terminat\w*"), 0.9),
    ),
    "financing": (
        (_words(r"debt", r"loans?", r"financ\w*", r"borrow\w*", r"bonds?", r"facilit(?:y|ies)", r"credit"), 1.2),
        (_words(r"to\sfund", r"fund\s(?:the|a|its)", r"underwrit\w*", r"rights\sissue", r"lifeline"), 1.1),
        (_words(r"commitments?"), 1.2),
        (_words(r"increas\w*\s(?:\S+\s){0,3}capital", r"capital\s(?:increase|raising)", r"share\scapital"), 1.6),
        (
            r"\brais(?:e|es|ed|ing)\s(?:up\sto\s|between\s|about\s|around\s|some\s|nearly\s|at\sleast\s)?(?=[$£€¥]|[A-Z]{1,3}\$|\d)"
            # "agrees to raised $19.6 bln bid": the bid was raised, no money
            r"(?![A-Z]{0,3}[$£€¥]?[\d.,]+\s?(?:bln|billion|mln|million|bn|m)?\s(?:\w+\s)?(?:bid|offer|proposal)\b)",
            1.2,
        ),
        (_words(r"invest(?:s|ed|ing|ment)?", r"equity\scontribution"), 0.7),
    ),
    "synergies": (
        (_words(r"savings", r"synerg\w*", r"cost\scuts?", r"cost\sreductions?", r"cut\w*\scosts"), 1.5),
        # "expects the purchase to save about $150m a year": saving a sum is a saving
        (_words(r"(?:to\s)?sav(?:e|es|ing)\s(?:about|around|some|nearly|roughly|more\sthan|up\sto|at\sleast)"), 1.5),
    ),
    "earnings_effect": (
        (
            _words(
                r"cash\sflow",
                r"accreti\w*",
                r"dilutive",
                r"dilution",
                r"interest\sexpense",
                r"EPS",
                r"earnings\sper\sshare",
                r"(?:add|boost|improve)\w*\s(?:\w+\s){0,3}earnings",
            ),
            1.5,
        ),
    ),
    "revenue": ((_words(r"sales", r"revenues?", r"turnover", r"comps"), 1.3),),  # comps: comparable sales
    "profit": (
        (_words(r"profits?", r"net\sincome", r"earnings", r"losses", r"loss", r"ebitda", r"operating\sincome"), 1.3),
        (_words(r"earn(?:ed|s)", r"made\s(?:a\s)?(?:net\s)?(?:profit|loss)"), 1.2),
    ),
    "market_value": (
        (_words(r"market\s(?:value|valuation|capitali[sz]ation|cap)", r"capitali[sz]ation", r"market\sworth"), 1.6),
        (_words(r"fortune", r"richest", r"net\sworth", r"Forbes"), 1.4),
        (_words(r"valuation"), 1.0),
        (_words(r"at\s(?:\S+\s){0,2}close", r"valued\sat"), 0.9),
        (_words(r"is\sworth", r"are\sworth", r"was\sworth"), 0.8),
    ),
    "market_move": (
        (
            _words(
                r"(?<!\bper-)(?<!\bper\s)(?<!\ba\s)shares?\s(?:\w+\s){0,3}(?:rose|rise|rising|fell|fall|falling|up|down"
                r"|gained|lost|jumped|slumped|climbed|dropped|surged|soared|slipped|slid|tumbled|plunged|leaped|leapt"
                r"|closed|traded|trading|ended|edged|eased|firmed|added)",
                r"(?:stock|share)\sprice",
                r"closing\sprice",
                # "shares fell 3% to 120p", not "shares to help finance the deal": a level follows
                r"(?:stock|shares)\s(?:\w+\s){0,2}(?:at|to)(?=\s(?:\S+\s){0,3}?(?:[$£€¥\d]|[A-Z]{1,3}\$))",
                r"index",
                r"traded\s(?:\w+\s){0,2}at",
                r"trading\sat",
                r"closed\s(?:\w+\s){0,2}(?:at|up|down)",
                r"ended\s(?:\S+\s){0,4}at",
                r"as\s(?:high|low)\sas",
                r"(?:high|low)\sof",
                r"(?<!\ba\s)(?<!\bper\s)(?<!\bmarket\s)(?:stock|shares?)\s(?:is|was|are|were)",
                r"(?:high|low)\s(?:above|below)",
                r"(?:flat|unchanged|steady)\sat",  # "shares in Paris were flat at 57.40 euros"
            ),
            1.4,
        ),
        (_words(r"basis\spoints", r"yields?", r"spreads?", r"in\searly\strade", r"on\sthe\sday"), 1.0),
    ),
    "context": (
        (_words(r"dividends?", r"settle\w*", r"fines?", r"fraud", r"pension", r"economy", r"inflation"), 1.1),
        (_words(r"deficits?"), 1.3),  # a pension or trade deficit: a shortfall, not money raised
        # the rate of a loan or of an economy, no figure of a party
        (_words(r"(?:interest|mortgage|jobless|unemployment|inflation)\srates?", r"annual\spercentage\srate"), 1.4),
        (_words(r"return\w*\s(?:\S+\s){0,4}to\sshareholders", r"distribut\w*", r"buy-?backs?", r"buy\sback"), 1.2),
        (
            _words(
                r"M&A",
                r"so\sfar\s(?:this\syear|in\s\d{4})",
                r"in\s(?:deals|acquisitions)",  # "spent $10 billion in acquisitions": all of them, no one deal
                r"in\sall\sof",
                r"budget",
                r"spending",
                r"tariffs?",
                r"coupons?",
            ),
            1.2,
        ),
        (
            _words(
                r"to\sbuild",
                r"capital\sspending",
                r"capex",
                r"capital\sexpenditure",
                r"(?:build|expand|retrofit)\w*\s(?:\S+\s){0,3}(?:datacenters?|data\scenters?|plants?|factories|capacity)",
            ),
            1.3,
        ),
        (_words(r"assets", r"portfolio", r"industry", r"purchases", r"goods", r"cuts", r"average"), 0.9),
        (_words(r"long-term\sdebt", r"debt\sburden", r"net\sdebt", r"total\sdebt", r"net\scash", r"in\scash\sat"), 1.6),
        (_words(r"jobs?", r"workforce", r"employees", r"customers", r"capacity"), 0.9),
        (_words(r"market\sshare", r"shipments", r"deliveries"), 1.3),
    ),
}
# Measures a percentage can have; the rest are sums of money.
PERCENT_MEASURES: frozenset[Measure] = frozenset(
    {"premium", "stake", "market_move", "revenue", "profit", "fee", "synergies", "earnings_effect", "context"}
)
# Measures a sum of money can have.
MONEY_MEASURES: frozenset[Measure] = frozenset(
    {
        "deal_value",
        "price_per_share",
        "fee",
        "financing",
        "synergies",
        "earnings_effect",
        "revenue",
        "profit",
        "market_value",
        "market_move",
        "context",
    }
)
# Verbs of movement: with a share or an index they make a market move; with a deal term, a revision.
MOVES = re.compile(
    _words(
        r"rose",
        r"rise[ns]?",
        r"fell",
        r"fall(?:en|s)?",
        r"up(?!\sto\b|\sfrom\b)",
        r"down(?!\sfrom\b)",
        r"climb\w*",
        r"gain\w*",
        r"drop\w*",
        r"jump\w*",
        r"surg\w*",
        r"plung\w*",
        r"tumbl\w*",
        r"soar\w*",
        r"slump\w*",
        r"slid",
        r"slipp?\w*",
        r"leap\w*",
        r"plummet\w*",
    ),
    re.I,
)
# Verbs that make a market move only where shares, an index or a traded good are named.
MARKET_ONLY_MOVES = re.compile(_words(r"added", r"lost", r"shed", r"ended", r"closed", r"finished"), re.I)
EXCHANGE_RATE = re.compile(r"(?:\(\s*|^|\s)(?:[A-Z]{0,3}\$|£|€|¥)?\s?1\s?=\s?\S", re.I)
DIVIDEND = re.compile(_words(r"dividends?"), re.I)

# Cues of the stage a deal term was at. Stage cues are read in the whole sentence, nearest first.
STAGE_CUES: dict[Stage, tuple[tuple[str, float], ...]] = {
    "rejected": (
        (_words(r"reject\w*", r"rebuff\w*", r"turn(?:ed|s)?\sdown", r"snub\w*", r"spurn\w*", r"refused"), 1.5),
        (_words(r"undervalu\w*", r"too\slow", r"inadequate", r"walked\saway", r"withdr[ae]w\w*"), 1.0),
    ),
    "revised": (
        (
            _words(
                r"rais(?:e|es|ed|ing)\s(?:\w+\s){0,2}(?:offer|bid|price|proposal)",
                r"(?:offer|bid)\s(?:\w+\s){0,2}(?:raised|increased|lifted|sweetened|cut|lowered|reduced)",
                r"sweeten\w*",
                r"increas\w*\s(?:\w+\s){0,2}(?:offer|bid)",
                r"improv\w*\s(?:\w+\s){0,2}(?:offer|bid)",
                r"(?:new|higher|revised|raised|improved|sweetened|increased|fresh|final)\s(?:\w+\s)?(?:offer|bid|proposal)",
                r"cut\s(?:\w+\s){0,2}(?:offer|bid|price)",
            ),
            1.3,
        ),
    ),
    "completed": (
        (_words(r"complet\w*", r"closed\s(?:the\s)?(?:deal|acquisition|purchase)", r"finali[sz]ed"), 1.2),
        # "had been seized and sold in December for less than $10bn": a sale done; "to be sold" is still to come
        # ... and "to be bought by" or "will be acquired by" is still to come as well
        (
            _words(
                r"(?<!be\s)bought",
                r"(?<!be\s)acquired",
                r"took\sover",
                r"has\spaid",
                r"paid",
                r"spent",
                r"(?<!be\s)sold",
            ),
            0.9,
        ),
    ),
    "agreed": (
        # "would be signed in March": a signing still to come is not an agreement
        (
            _words(
                r"agree\w*",
                r"accept\w*",
                r"recommend\w*",
                r"(?<!be\s)signed",
                r"definitive",
                r"seal\w*",
                r"won",
                r"struck\s(?:a|an)\s(?:\w+\s)?(?:deal|agreement)",
            ),
            1.2,
        ),
        (
            _words(
                r"will\s(?:buy|acquire|pay|receive)",
                r"to\sbuy",
                r"to\sacquire",
                r"to\ssell",
                r"to\sgo\sprivate",
                r"to\sbe\s(?:bought|acquired|taken\sover)\sby",  # "struck a deal to be bought by"
                r"(?:is|are)\sto\spay",  # "GM is to pay Fiat 1.55bn euros": news for a deal that is settled
            ),
            0.6,
        ),
        (_words(r"under\sthe\sterms", r"the\sdeal", r"the\stransaction"), 0.5),
    ),
    "offer": ((_words(r"offer\w*", r"bid\w*", r"propos\w*", r"tabled", r"launch\w*"), 1.0),),
    "talks": (
        (_words(r"talks", r"negotiat\w*", r"approach\w*", r"discuss\w*", r"consider\w*", r"explor\w*"), 1.1),
        (
            _words(
                r"may\s(?:bid|offer|make)",
                r"could\s(?:bid|lead|offer|make)",
                r"possible",
                r"potential",
                r"nears?",
                r"would\svalue",
                r"(?:would|will|could|to)\sbe\ssigned",
            ),
            0.9,
        ),
        (_words(r"informal", r"indicative", r"preliminary", r"non-binding"), 1.0),
    ),
    "rumour": (
        (
            _words(
                r"sources?\s(?:\w+\s){0,4}said",
                r"people\sfamiliar",
                r"familiar\swith",
                r"reportedly",
                r"rumou?r\w*",
                r"speculat\w*",
                r"talk\sthat",
                r"is\ssaid\sto",
                r"are\ssaid\sto",
                r"(?:is|are)\s(?:thought|believed|understood)\sto",
                r"reports?\s(?:say|said|have|suggest)\w*",
                r"according\sto\s(?:\w+\s){0,2}reports?",
                r"reported",
                r"expected\sto\sannounce",
                r"could\stop",
                r"reports?\sthat",  # "a British tabloid report that a consortium was preparing a bid"
                r"prepar(?:ing|es)\s(?:a|an)",
            ),
            1.3,
        ),
    ),
    "estimate": (
        (
            _words(
                r"analysts?",
                r"estimat\w*",
                r"forecast\w*",
                r"expect(?:s|ed|ing|ations?)?(?!\s(?:to\s(?:be\s)?)?(?:announce|close|complet|report|meet|vote|finali[sz])\w*)",
                r"predict\w*",
                r"project(?:s|ed|ion)",
                r"sum-of-the-parts",
                r"target\sprice",
                r"fair\svalue",
                r"could\s(?:result|add|save)",
                r"potential",
                r"by\s20\d\d",
            ),
            1.0,
        ),
    ),
}
# Measures that are terms of the deal (they have a stage); the rest describe parties, markets or context.
DEAL_TERMS: frozenset[Measure] = frozenset(
    {"deal_value", "price_per_share", "premium", "stake", "shares", "fee", "financing", "synergies", "earnings_effect"}
)
# Measures that are always forecasts when they are given at all.
FORECASTS: frozenset[Measure] = frozenset({"synergies", "earnings_effect"})


# A raise that may come ("may raise its bid to £1.5bn"): talk of a future version, not a version of the term.
PROSPECTIVE = re.compile(
    r"\b(?:may|might|could|would|will|set\sto|ready\sto|poised\sto|prepared\sto|expected\sto|likely\sto|plans?\sto)\s"
    r"(?!not\b|never\b)(?:\w+\s){0,2}?(?:(?:raise|increase|improve|sweeten|lift|up(?=\s(?:its|their|the)\s))"
    r"\s(?:its|their|the|his|her|a)\s(?:\w+\s){0,2}?(?:bid|offer|proposal|price)|be\s(?:raised|increased|sweetened|lifted))",
    re.I,
)
# A share offer's value at one moment's market price ("worth 34.26 euros at 0930 GMT"): it moves with the market.
AT_MARKET = re.compile(
    r"\bat\s(?:\S+\s){0,2}(?:close|closing(?:\sprices?)?)\b|\bat\s\d{4}\sGMT\b|\bat\s(?:current|market)\sprices?\b"
    r"|\bcurrent\svalue\b",
    re.I,
)
