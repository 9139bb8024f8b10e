"""The patterns that read a role from a sentence whose names are marked (⟨n⟩ for the n-th entity): who
bids for whom, who sells to whom, who advises or lends; each with the words a sentence must hold for it to
match, so most sentences run none of them."""

from __future__ import annotations

import re

ENT = r"\u27e8(\d+)\u27e9"
# Stock tickers that wire copy sets after a name: "( BARC.L )", "AAH.AS", "TPG.UL".
TICK = (
    r"(?:\.?(?:\s*\(\s*[A-Z0-9.]+\s*\)|\s+[A-Z0-9]{2,6}\.[A-Z]{1,3}\b))?"
    # and an apposition: ", the investment bank,"
    r"(?:,\s(?:the|a|an|its|his|their|whose|which)\s[^,\u27e8.;]{1,80},)?"
)
# A few words that describe an entity before its name: "Dutch rival", "private equity firm", "the".
_DESC = r"(?:(?:[\w.'’,-]+\s){0,4}?)"
_DESC_NOT_FROM = r"(?:(?!from\s)(?:[\w.'’,-]+\s)){0,4}?"
_GAP = (
    r"(?:(?!\u27e8)(?:[^.;:\"“”]|(?<=\d)\.(?=\d)))"  # words between two parts of a finding, never across another entity
)
_LIST = rf"{ENT}{TICK}(?:(?:\s*,\s*|,?\s+and\s+|\s*&\s*){_DESC}{ENT}{TICK})*"
_BUY = (
    r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|purchasing|"
    r"take\sover|takes\sover|took\sover|taking\sover|snap\sup|snapped\sup|merge\swith|merges\swith)"
)
_STAKE = r"(?:stake|shares|holding|interest)"
# "a market dominated by Reuters and Bloomberg, and buying Reuters would give it a lead": a gerund after ", and"
# opens a clause of its own, whose buyer is not the name before it
_NOT_A_NEW_CLAUSE = r"(?!(?<=,\sand\s)\w+ing\b)"
# A verb of buying in the active voice: "agreed to be acquired by Acme" makes its subject the one bought.
_ACTIVE = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bare\s)"
# "an offer [worth $2bn] from": a few words between the bid and its bidder, none of them a verb of its own
_TO_BY = (
    r"(?:\s(?!(?:was|were|is|are|has|have|had|been|received|made|backed|approved|tabled|put|given|announced|"
    r"rejected|accepted)\b)[\w$£€.,;%()-]+){0,6}?\s(?:from|by)\s"
)
_BID = (
    r"(?:bid|bids|offer|offers|approach|approaches|takeover|buyout|pursuit|acquisition|purchase|"
    r"(?:takeover|buyout|merger)\sproposal)"
)


# Each pattern names the groups that hold an entity list and the role each list plays; "other" links a
# buyer to what it buys. Patterns are tried on the whole marked sentence, case aside for the verbs, and
# only where the sentence holds one of the words the pattern needs (in lower case): most hold none.
_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Acme agreed to buy Widget; Acme offered on Monday to buy Dutch rival Widget (not "bought two labels from
    # Widget", where Widget sells)
    (
        rf"(?P<acquirer>{ENT}){TICK}{_GAP}{{0,60}}?{_ACTIVE}{_NOT_A_NEW_CLAUSE}\b{_BUY}\s(?:all\sof\s|control\sof\s)?{_DESC_NOT_FROM}(?P<target>{ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Acme bid $2bn for Widget; Acme's offer for Widget; Acme made an approach to Widget
    (
        rf"(?P<acquirer>{ENT}){TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:{_BID}|bid|offered|offering)\b{_GAP}{{0,40}}?\b(?:for|to)\s{_DESC}(?P<target>{ENT})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # Acme has agreed to pay $38.1 billion, or $101 a share, for Widget
    (
        rf"(?P<acquirer>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:agreed|agrees|will|would|is\sto|to)\spay\s"
        rf"(?:about\s|some\s|up\sto\s)?[$£€¥\d]{_GAP}{{0,60}}?\bfor\s{_DESC}(?P<target>{ENT})",
        ("pay",),
    ),
    # Acme bought a 19% stake in Widget
    (
        rf"(?P<acquirer>{ENT}){TICK}{_GAP}{{0,40}}?\b{_BUY}\s(?:\S+\s){{0,4}}?{_STAKE}\s(?:in|of)\s{_DESC}(?P<target>{ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Acme's decision to buy 20% of Widget's car arm
    (
        rf"(?P<acquirer>{ENT}){TICK}(?:['’]s?)?{_GAP}{{0,60}}?\b{_BUY}\s(?:a\s|an\s)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s(?:of|in)\s{_DESC}(?P<target>{ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Widget has the right to sell its car division to Acme: Acme would buy what Widget sells; Widget has sold
    # its fashion label (to a buyer not named)
    (
        rf"(?P<seller>{ENT}){TICK}{_GAP}{{0,60}}?\b(?:sell|sells|selling|sold)\s(?:its|their|the)\s(?:\S+\s){{0,4}}?(?:unit|division|arm|business|operations|subsidiary|label|brand|house)\b(?:\sto\s{_DESC}(?P<acquirer>{ENT}))?",
        ("sell", "sold"),
    ),
    # Acme's proposed £1bn investment in Widget: Acme invests, Widget is what the deal is about
    (
        rf"(?P<investor>{ENT}){TICK}['’]s?\s(?:\S+\s){{0,3}}?investment\sin\s{_DESC}(?P<target>{ENT})",
        ("investment",),
    ),
    # Acme's stake in Widget
    (rf"(?P<investor>{ENT}){TICK}['’]s?\s(?:\S+\s){{0,2}}?stake\sin\s{_DESC}(?P<target>{ENT})", ("stake",)),
    # Acme's takeover offer (the target named elsewhere in the sentence or the brief)
    (
        rf"(?P<acquirer>{ENT})['’]s?\s(?:\S+\s){{0,3}}?(?:\([^()]{{1,30}}\)\s)?{_BID}\b",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),  # "A$2.7 billion ($2.5 billion) bid"
    # Acme's takeover deal with Widget: a deal to take over the firm it is made with
    (
        rf"(?P<acquirer>{ENT}){TICK}['’]s?\s(?:\S+\s){{0,3}}?(?:takeover|buyout|acquisition)\s(?:deal|agreement|accord)\swith\s{_DESC}(?P<target>{ENT})",
        ("takeover", "buyout", "acquisition"),
    ),
    # Acme approached Widget
    (rf"(?P<acquirer>{ENT}){TICK}\s(?:has\s|had\s)?approached\s{_DESC}(?P<target>{ENT})", ("approached",)),
    # an offer for Widget from Acme; Widget rejected a $10bn takeover offer from larger rival Acme
    (
        rf"\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_LIST})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    (
        rf"(?P<target>{ENT}){TICK}{_GAP}{{0,160}}?\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_LIST})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # takeover of Widget by Acme; bid for Widget
    (
        rf"\b{_BID}\s(?:of|for)\s{_DESC}(?P<target>{ENT}){TICK}(?:{_GAP}{{0,30}}?\bby\s{_DESC}(?P<acquirer>{ENT}))?",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # Widget agreed to sell itself to Acme; Widget agreed to be bought by Acme
    (
        rf"(?P<target>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:sell|sells|selling|sold)\s(?:itself|the\scompany)\sto\s{_DESC}(?P<acquirer>{_LIST})",
        ("sell", "sold"),
    ),
    (
        rf"(?P<target>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:be|being)\s(?:bought|acquired|taken\sover)\sby\s{_DESC}(?P<acquirer>{_LIST})",
        ("bought", "acquired", "taken"),
    ),
    # rival bidder Acme; suitor Acme
    (
        rf"\b(?:bidder|suitor|buyer|acquirer)s?\s(?:is\s|was\s)?{_DESC}(?P<acquirer>{ENT})",
        ("bidder", "suitor", "buyer", "acquirer"),
    ),
    # Acme bought the stake from Seller; Seller sold its stake in Widget to Acme
    (
        rf"\b(?:bought|buys|buy|acquired|purchased|buying){_GAP}{{0,60}}?\b{_STAKE}\b{_GAP}{{0,40}}?\bfrom\s{_DESC}(?P<seller>{ENT})",
        ("bought", "buy", "acquired", "purchased"),
    ),
    (
        rf"(?P<seller>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:sold|sells|sell|selling)\s(?:its|his|her|their|a|the)\s{_GAP}{{0,30}}?\b{_STAKE}\sin\s{_DESC}(?P<target>{ENT}){TICK}\sto\s{_DESC}{ENT}",
        ("sold", "sell"),
    ),
    # a partnership of Acme and Widget; Acme and Widget announced a partnership; the merger of A and B
    (
        rf"(?P<partner>{ENT}){TICK}\s(?:and|&)\s{_DESC}(?P<partner2>{ENT}){TICK}{_GAP}{{0,60}}?\b(?:partnership|alliance|joint\sventure|merger|merge|combination|tie-up|collaboration)\b",
        ("partnership", "alliance", "joint", "merge", "combination", "tie-up", "collaboration"),
    ),
    (
        rf"\b(?:partnership|alliance|joint\sventure|merger|combination|tie-up|collaboration)s?\s(?:between|of)\s{_DESC}(?P<partner>{ENT}){TICK}\s(?:and|&|with)\s{_DESC}(?P<partner2>{ENT})",
        ("partnership", "alliance", "joint", "merger", "combination", "tie-up", "collaboration"),
    ),
    (
        rf"(?P<partner>{ENT}){TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:partnership|alliance|joint\sventure|merger|deal|tie-up|collaboration|partnering|partnered|partner)\s(?:\w+\s)?with\s{_DESC}(?P<partner2>{ENT})",
        ("partner", "alliance", "joint", "merger", "deal", "tie-up", "collaboration"),
    ),
    # Acme is in talks with Widget about a possible alliance; Acme struck a deal to supply Widget with vans
    (
        rf"(?P<partner>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:talks|negotiations|discussions)\swith\s{_DESC}(?P<partner2>{ENT})"
        rf"{TICK}[^.;:\"“”]{{0,40}}?\s(?:about|over|on|for)\s(?:a|an|the)\s(?:\w+\s){{0,2}}?(?:alliance|partnership|tie-up|link|collaboration)",
        ("alliance", "partnership", "tie-up", "link", "collaboration"),
    ),
    (
        rf"(?P<partner>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:struck|signed|agreed|reached|sealed)\s(?:a|an)\s(?:\w+\s)?"
        rf"(?:deal|agreement|contract)\sto\s(?:supply|build|make|produce)\s(?:\w+\s){{0,3}}?(?P<partner2>{ENT})",
        ("supply", "build", "make", "produce"),
    ),
    # Acme's financial adviser Bank; hired financial advisor Bank; advised by Bank, Bank and Bank
    (
        rf"\badvis[eo]rs?\s(?:to\s{_DESC}{ENT}{TICK}\s)?(?:is\s|was\s|are\s|were\s|including\s)?(?P<adviser>{_LIST})",
        ("advis",),
    ),
    (rf"\badvised\sby\s{_DESC}(?P<adviser>{_LIST})", ("advised",)),
    (
        rf"(?P<adviser>{_LIST}){TICK},?\s(?:is\s|was\s|are\s|were\s|has\sbeen\s|have\sbeen\s)?(?:also\s)?(?:advising|(?:the|its|their|his|as)\s(?:\w+\s){{0,3}}?advis[eo]rs?\b)",
        ("advis",),
    ),
    (rf"\bhired\s{_DESC}(?P<adviser>{ENT})", ("hired",)),
    (rf"\badvis(?:ing|ed|es|e)\b[^.;:]{{0,60}}?\balong\swith\s{_DESC}(?P<adviser>{_LIST})", ("advis",)),
    # lead banks Bank, Bank and Bank; financial backers including Bank; Bank will provide the financing
    (
        rf"\b(?:lead\sbanks?|lenders?|backers?|underwriters?|financiers?),?\s(?:including\s|such\sas\s|are\s|were\s|is\s)?{_DESC}(?P<financier>{_LIST})",
        ("bank", "lender", "backer", "underwriter", "financier"),
    ),
    # banks that agreed to finance the deal include Bank, Bank and Bank
    (
        rf"\b(?:banks|lenders)\s(?:that|which|who)\s(?:have\s|had\s)?(?:agreed|committed|pledged)\sto\s(?:finance|fund|back)\s"
        rf"(?:\S+\s){{0,4}}?(?:include|included|including|are|were)\s{_DESC}(?P<financier>{_LIST})",
        ("finance", "fund", "back"),
    ),
    (
        rf"(?P<financier>{_LIST}){TICK}\s(?:will\s|would\s|are\sto\s|agreed\sto\s|is\s|are\s|were\s|have\s|has\s)?(?:also\s)?(?:provide|provides|providing|provided|offer|offers|underwrite|underwriting|lend|lending|arrange|arranging)\s{_GAP}{{0,40}}?\b(?:financing|loans?|debt|funding|credit|facilit)",
        ("provid", "offer", "underwrit", "lend", "arrang"),
    ),
    (
        rf"\b(?:financing|loans?|debt|funding|credit\sfacilit\w+)\s{_GAP}{{0,30}}?\bfrom\s(?P<financier>{_LIST})",
        ("financing", "loan", "debt", "funding", "credit"),
    ),
    (
        rf"(?P<financier>{_LIST}){TICK}\s(?:agreed\sto\s|will\s|to\s)?invest{_GAP}{{0,60}}?\bin\s{_DESC}(?P<backs>{ENT})",
        ("invest",),
    ),
    # a consortium that includes Fund and Fund; a group led by Fund
    (
        rf"\b(?:consortium|group|team|club)\s(?:that\s|which\s)?(?:also\s)?(?:includes?|including|led\sby|comprising|of)\s{_DESC}(?P<member>{_LIST})",
        ("consortium", "group", "team", "club"),
    ),
    (
        rf"(?P<investor>{_LIST}){TICK}\s(?:will\s|would\s)?(?:become|becomes|be)\s(?:\w+\s)?(?:minority\s|major\s)?(?:investors?|shareholders?)",
        ("investor", "shareholder"),
    ),
    # who won a contest for the target, who left it, and who says it will bid again
    (
        rf"(?P<winner>{ENT}){TICK}{_GAP}{{0,40}}?\b(?:won|wins|clinched)\s(?:a|the)\s(?:\S+\s){{0,3}}?(?:battle|contest|race|auction|war|fight)",
        ("won", "wins", "clinched"),
    ),
    (
        rf"(?P<withdrawn>{_LIST}){TICK}(?:\s(?:group|consortium|camp))?{_GAP}{{0,20}}?\b(?:bowed\sout|withdrew|pulled\sout|"
        rf"dropped\sout|walked\saway|(?:left|quit)\s(?:the\s)?(?:\w+\s)?(?:team|consortium|group|race|contest|bidding))",
        ("bowed", "withdrew", "pulled", "dropped", "walked", "left", "quit"),
    ),
    # Acme beat out a rival consortium including Fund, Fund and Fund: the rivals lost the contest
    (
        rf"\b(?:beat|beats|beating|outbid|outbids|outbidding)\s(?:out\s)?(?:a|the)\s(?:rival\s)?(?:consortium|group|team|bidders?)\s"
        rf"(?:that\s|which\s)?(?:includ\w+|led\sby|of|comprising)\s{_DESC}(?P<withdrawn>{_LIST})",
        ("beat", "outbid"),
    ),
    # a deal that tops a $28.8 billion offer from Acme: Acme's is the bid left behind
    (
        rf"\b(?:tops|topped|topping|trumps|trumped|trumping|beats|outbids)\s(?:a|an|the)\s(?:\S+\s){{0,4}}?"
        rf"(?:offer|bid|proposal)\s(?:from|by)\s{_DESC}(?P<withdrawn>{_LIST})",
        ("top", "trump", "beat", "outbid"),
    ),
    (
        rf"(?P<rebid>{ENT}){TICK}{_GAP}{{0,60}}?\b(?:table|submit|make|launch|put\sforward)\s(?:a|an)\s(?:new|improved|higher|revised|fresh|better)\s(?:offer|bid)",
        ("table", "submit", "make", "launch", "put"),
    ),
)
COMPILED = tuple((re.compile(pattern, re.I), roles) for pattern, roles in _PATTERNS)
NAMED_CONSORTIUM = re.compile(rf"(?P<vehicle>{ENT})(?:\s\((?:[A-Z]+|{ENT})\))?,\s(?:a|the)\s(?:\w+\s)?consortium", re.I)
GROUP_ROLES = (
    "acquirer",
    "target",
    "seller",
    "partner",
    "partner2",
    "adviser",
    "financier",
    "member",
    "investor",
    "winner",
    "withdrawn",
    "rebid",
)
