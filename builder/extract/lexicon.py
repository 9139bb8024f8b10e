"""Word lists the entity and quote extractors share: first names, titles, places, organisation words."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_NAMES = _words(
    """Abigail Ada Adriana Agnes Aileen Aisha Alexandra Alice Alicia Alison Amanda Amy Ana Andrea Angela Angelina
    Anita Ann Anna Anne Annette Annie Antonia Ashley Audrey Barbara Beatrice Becky Belinda Beth Betty Beverly
    Brenda Bridget Caroline Carly Carmen Carol Caroline Catherine Cathy Charlotte Cheryl Christina Christine Cindy
    Claire Clara Claudia Colleen Connie Cristina Cynthia Dame Dana Danielle Deborah Debra Denise Diana Diane Donna
    Doris Dorothy Edith Eileen Elaine Eleanor Elena Elisabeth Elizabeth Ella Ellen Emily Emma Erin Esther Eva Eve
    Evelyn Fiona Frances Francesca Gabriele Gail Gillian Gina Giselle Gladys Gloria Grace Hannah Harriet Hazel
    Heather Heidi Helen Helena Helga Hillary Holly Ingrid Irene Isabel Isabella Jackie Jacqueline Jane Janet Janice
    Jean Jeanne Jennifer Jenny Jessica Jill Joan Joanna Joanne Josephine Joy Joyce Judith Judy Julia Julie June
    Karen Karin Kate Katherine Kathleen Kathryn Kathy Katie Katrin Kay Kelly Kim Kimberly Kirsty Laura Lauren
    Linda Lisa Liz Lois Lorraine Louise Lucy Lynn Lynne Madeleine Maggie Margaret Maria Marie Marianne Marion
    Marjorie Martha Mary Maureen Megan Melanie Melinda Melissa Michelle Miriam Monica Nancy Naomi Natalie Nicola
    Nicole Nina Nora Olga Olivia Pamela Patricia Paula Pauline Penelope Penny Petra Phyllis Rachel Rebecca Renee
    Rita Roberta Rosa Rose Rosemary Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shirley Sonia Sophie Stella
    Stephanie Sue Susan Suzanne Sylvia Tamara Teresa Theresa Tina Tracey Tracy Ursula Valerie Vanessa Veronica
    Victoria Virginia Wendy Yvonne Zoe""".replace("Dame", "")
)
MALE_NAMES = _words(
    """Aaron Abdullah Adam Adrian Ahmed Akio Alan Albert Alberto Alessandro Alex Alexander Alexei Alfred Ali Alistair
    Allan Andre Andreas Andrew Andy Angus Anthony Antonio Archie Arnold Arthur Barry Ben Benjamin Bernard Bernie
    Bill Billy Bob Boris Brad Brian Bruce Bruno Bryan Carl Carlo Carlos Charles Charlie Chris Christian Christopher
    Clive Colin Craig Dale Daniel Danny Dave David Dean Dennis Derek Dick Dieter Dmitry Dominic Don Donald Doug
    Douglas Duncan Dwight Ed Eddie Edgar Edmund Eduardo Edward Edwin Emilio Enrique Eric Erik Ernst Eugene Fabio
    Felix Fernando Francesco Francis Francisco Frank Franz Fred Frederick Gareth Gary Gavin Geoff Geoffrey George
    Gerald Gerard Gerhard Giorgio Giovanni Glen Glenn Gordon Graham Greg Gregory Guy Hans Harold Harry Hector Heinz
    Helmut Henri Henry Herbert Hiroshi Howard Hugh Hugo Iain Ian Igor Ivan Jack Jacob Jacques James Jamie Jason
    Javier Jean-Claude Jean-Marie Jean-Pierre Jeff Jeffrey Jeremy Jeroen Jerry Jim Jimmy Joachim Joe Joel Johan
    Johann John Jon Jonathan Jorge Jose Joseph Josh Juan Jurgen Justin Karl Keith Ken Kenneth Kevin Klaus Kofi
    Kurt Lakshmi Lance Larry Lars Lawrence Lee Len Leo Leon Leonard Lewis Liam Lloyd Lord Louis Luca Lucas Luigi
    Luis Malcolm Manuel Marc Marcel Marco Marcus Mario Mark Martin Matt Matthew Maurice Max Michael Michel Miguel
    Mike Mikhail Mitchell Mohamed Mohammed Mukesh Murray Neil Nicholas Nick Nigel Nikolai Noel Norman Oleg Oliver
    Omar Oscar Owen Pablo Paolo Pat Patrick Paul Pedro Peter Phil Philip Philippe Pierre Ralph Ramon Randy Ratan Ray
    Raymond Reginald Ricardo Richard Rick Rob Robert Robin Roger Roland Roman Ron Ronald Ross Roy Rudolf Rupert
    Russell Ryan Sam Samuel Satya Scott Sean Sebastian Sergei Sergey Seth Shaun Shinzo Sid Simon Stan Stanley Stefan
    Stephen Steve Steven Stuart Sundar Takeshi Ted Terence Terry Theo Thierry Thomas Tim Timothy Toby Todd Tom Tommy
    Tony Trevor Vijay Viktor Vincent Vladimir Walter Warren Wayne Werner Wilhelm William Willie Wolfgang Yasser
    Yuri Zhang Per Magnus Anders Nils Sven Henrik Gunnar Olof Leif Bjorn Jonas Mats Fredrik Kjell Stig
    Andrei Andrey Alexey Anatoly Dmitri Gennady Leonid Valery Vyacheslav Yevgeny""".replace("Lord", "")
)
# Given names that are also words opening a sentence ("Per share, ...", "Will it pass?"): names inside a
# sentence, before a name ("Per Larsson", "Will Moy").
NAMES_ALSO_WORDS = _words("Per Will")
# Names used for both, and common short forms whose bearer's sex the text must tell.
OTHER_NAMES = _words(
    """Alexis Ashley Bobbie Cameron Casey Chen Hao Jamie Jia Jordan Kai Kim Lee Li Lin Liu Morgan Pat Ming Robin Sam
    Taylor Toshiba Wei Yang"""
).difference({"Toshiba"})
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | OTHER_NAMES
# East Asian family names, written first: "Xi Jinping", "Liu He", "Lee Hsien Yang", "He Jianxiong".
FAMILY_NAMES_FIRST = _words(
    """Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song
    Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao
    Fang Jin Dai Tan Lee Lim Goh Ng Ong Teo Koh Chan Wong Leung Lau Cheung Ho Tse Yip Chua Tay Kim Park Choi Jung
    Kang Cho Yoon Jang Shin Moon Nguyen Tran Pham"""
)

# Firms whose names read like a person's: the text alone cannot tell.
FIRMS_NAMED_LIKE_PEOPLE = frozenset(
    {
        "Morgan Stanley",
        "Merrill Lynch",
        "Charles Schwab",
        "Dean Witter",
        "Arthur Andersen",
        "Ernst & Young",
        "Bear Stearns",
        "Lehman Brothers",
        "Marks & Spencer",
        "John Lewis",
        "Sanford Bernstein",
        "Sanford C. Bernstein",
        "Thomas Cook",
        "JP Morgan",
        "Thomson Reuters",
        "J.P. Morgan",
        "Morgan Grenfell",
    }
)

HONORIFICS = {
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "dr": None,
    "sir": "male",
    "lord": "male",
    "lady": "female",
    "dame": "female",
    "prof": None,
    "professor": None,
    "baroness": "female",
    "rep": None,  # wire copy's "Rep. Sylvester Turner", "Sen. Troy Fraser", "Gov. Rick Perry"
    "sen": None,
    "gov": None,
    "baron": "male",
    "messrs": None,
}
NAME_PARTICLES = _words("van von der den de da di du le la del della bin al el ter ten")

# Words that make a title, as in "chief executive", "corporate vice president", "spokeswoman".
TITLE_WORDS = _words(
    """ceo cfo coo cto cio chairman chairwoman chair president vice executive chief officer managing director
    directors founder co-founder boss head spokesman spokeswoman spokesperson analyst analysts economist
    minister secretary governor commissioner partner editor editorial professor trader strategist chancellor
    mp senator lawyer attorney adviser advisor manager official owner deputy senior general counsel
    corporate group global regional finance financial operating marketing technology commercial non-executive
    vice-president vice-chairman deputy-chairman treasurer auditor administrator regulator leader chiefs
    principal fund portfolio investment research vp svp evp md premier mayor ambassador speaker
    superintendent""".lower()
)
# Nouns that head a title and can stand after "a"/"the": "a spokeswoman for the regulator".
TITLE_HEADS = _words(
    """ceo cfo coo cto chief chairman chairwoman chair president founder co-founder boss head spokesman spokeswoman
    spokesperson analyst economist minister secretary governor commissioner partner editor professor trader
    strategist chancellor senator lawyer attorney adviser advisor manager official owner director officer
    executive treasurer administrator leader vp md premier mayor ambassador coach"""
)

# Heads that end organisation names ("Lumen Technologies", "Royal Bank of Scotland", "Acme plc").
ORG_HEADS = _words(
    """Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited plc PLC Plc LLC LLP AG SA NV BV
    GmbH SpA AB ASA Oyj Group Holdings Holding Technologies Technology Bank Banks Bancorp Airlines Airways Air
    Motors Motor Systems Networks Network Communications Telecom Telecommunications Partners Capital Securities
    Industries Entertainment Media Pharmaceuticals Pharma Energy Oil Petroleum Gas Foods Brewing Breweries
    Brewery Stores Services Software Electronics Insurance Assurance Financial Fund Funds Exchange Commission
    Authority Agency Ministry Department Council Association Union Federation University Institute Office
    Reserve Board Organisation Organization Trust Investments Ventures Labs Laboratories Studios Pictures
    Records Music Publishing Press Times Post Journal Telegraph Guardian Herald Chronicle Mail Express News
    Resources Mining Minerals Steel Chemicals Chemical Motors Automotive Aerospace Railways Rail Railway Transport
    Logistics Shipping Lines Hotels Resorts Retail Supermarkets Brands Wireless Mobile Online Interactive Games
    Semiconductor Semiconductors Devices Instruments Solutions Consulting Associates Properties Realty Estates Unit
    Utilities Water Power Electric Electricity Health Healthcare Medical Biotech Court Parliament Congress
    Senate Treasury Police Army Navy Cabinet Commissioner Regulator Bureau Centre Center Foundation Society
    League Club Consortium Alliance Cooperative Co-operative Mutual Building Society Exchange Boerse Bourse Börse
    Borse Borsa Bolsa Worldwide Advertising
    Telekom Telefonica Vodafone"""
)
# Words that join the parts of one organisation name ("Bank of America", "Procter & Gamble").
ORG_JOINERS = frozenset({"of", "&", "and", "for", "de", "du"})

# Capitalised abbreviations that are not organisations.
NOT_ORG_ACRONYMS = _words(
    """AI CEO CFO COO CTO CIO VP SVP EVP MD US UK USA EU UN GDP GNP TV PC PCs IT IPO OK AM PM DVD DVDs CD CDs
    MP MPs MEP MEPs NHS VAT PR HR IQ ID IDs PIN DNA HIV AIDS CO2 SMS MMS GPS LCD USB PDA PDAs PS2 PS3 PSP MP3 MP4
    HD HDTV LED RFID Wi-Fi WiFi WTO ECB IMF ASAP FAQ UEFA FIFA NATO NASA FBI CIA OPEC SEC FTSE Nasdaq DAX CAC
    NYSE S&P FDA EPA ISP ISPs VoIP 3G 4G 5G GSM CDMA BBC's RSS XML HTML PDF URL Q1 Q2 Q3 Q4 H1 H2 AGM EGM FY
    OECD WHO UAE GMT BST CET EST EDT"""
).difference(
    {
        "WTO",
        "ECB",
        "IMF",
        "OPEC",
        "SEC",
        "NATO",
        "NASA",
        "FBI",
        "CIA",
        "FDA",
        "EPA",
        "OECD",
        "UEFA",
        "FIFA",
        "NYSE",
    }
)

PLACES = _words(
    """Afghanistan Africa Alabama Alaska Albania Algeria America Americas Amsterdam Argentina Arizona Asia
    Athens Atlanta Atlantic Australia Austria Baghdad Bahrain Bangalore Bangladesh Barcelona Beijing Belarus
    Belgium Berlin Birmingham Bolivia Bombay Bonn Bosnia Boston Brazil Bristol Britain Brussels Bucharest Budapest
    Bulgaria Burma Cairo Calcutta California Cambridge Canada Canberra Cardiff Caribbean Chicago Chile China
    Colombia Colorado Connecticut Copenhagen Croatia Cuba Cyprus Dallas Davos Delhi Denmark Detroit Dhaka Dubai
    Dublin Ecuador Edinburgh Egypt England Estonia Ethiopia Europe Finland Florida France Frankfurt Geneva
    Georgia Germany Ghana Glasgow Greece Guangdong Hamburg Hawaii Helsinki Holland Houston Hungary Iceland
    Illinois India Indiana Indonesia Iowa Iran Iraq Ireland Israel Istanbul Italy Jakarta Jamaica Japan
    Jerusalem Johannesburg Jordan Kansas Kazakhstan Kentucky Kenya Korea Kuwait Lagos Latvia Lebanon Leeds Libya
    Lisbon Lithuania Liverpool London Louisiana Luxembourg Lyon Madrid Malaysia Manchester Manhattan Maryland
    Massachusetts Melbourne Mexico Miami Michigan Milan Minnesota Mississippi Missouri Montreal Morocco Moscow
    Mumbai Munich Nairobi Nebraska Netherlands Nevada Nigeria Norway Ohio Oklahoma Oregon Osaka Oslo Ottawa
    Oxford Pacific Pakistan Palestine Paris Pennsylvania Peru Philippines Poland Portugal Prague Qatar Quebec
    Riyadh Romania Rome Russia Scotland Seattle Seoul Serbia Shanghai Shenzhen Siberia Singapore Slovakia
    Slovenia Somalia Spain Stockholm Sweden Switzerland Sydney Syria Taipei Taiwan Tehran Tennessee Texas
    Thailand Tokyo Toronto Tunisia Turkey Uganda Ukraine Utah Vancouver Venezuela Vienna Vietnam Virginia Wales
    Warsaw Washington Wisconsin Yemen Zambia Zimbabwe Zurich"""
) | frozenset(
    {
        "United States",
        "United Kingdom",
        "New York",
        "Hong Kong",
        "South Africa",
        "South Korea",
        "North Korea",
        "Saudi Arabia",
        "New Zealand",
        "Wall Street",
        "Silicon Valley",
        "Latin America",
        "North America",
        "South America",
        "Middle East",
        "Far East",
        "Western Europe",
        "Eastern Europe",
        "New Jersey",
        "Los Angeles",
        "San Francisco",
        "Las Vegas",
        "Czech Republic",
        "Sri Lanka",
        "West Bank",
        "City of London",
        "UK",
        "US",
        "USA",
        "EU",
        "U.S.",
        "U.K.",
        "Gulf",
        "Asia Pacific",
        "Asia-Pacific",
        "Northern Ireland",
        "Abu Dhabi",
    }
)

NOT_NAMES = _words(
    """The A An And But Or If In On At For With By From To Of As It Its This That These Those He She They We I You
    His Her Their Our My Your There Here When While After Before Since Although Though Because However Meanwhile
    Instead Also Still Now Then Today Yesterday Tomorrow Last Next Some Many Most Several Both Each All Other
    Others Such No Not One Two Three Four Five Six Seven Eight Nine Ten What Which Who Whom Whose Where Why How
    Mr Mrs Ms Dr Sir Lord Lady Dame Prof Professor Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Christmas Easter
    About Featured News Similarly Commenting Experts Analysts Shares Sales Profits Investors Officials Critics
    Under Over Per According Despite During Until Unlike Like Yet So Do Does Did Has Have Had Is Are Was Were Be
    Being Been Can Could Should Would Will Might Must Shall Ms. Mr. Dr. Mrs. Read Related Features Another
    Former Ex Irishmen Irishman Englishman Frenchman Dutchman Scotsman Welshman Americans Britons
    Clearly Obviously Certainly Ultimately Currently Separately Additionally Finally Initially Previously
    Recently Typically Notably Importantly Interestingly Surely Frankly Essentially Eventually Apparently"""
)
# Words that open a person-describing noun phrase used as a speaker ("one analyst", "a City trader").
DESCRIPTOR_OPENERS = _words("a an one some many several most two three other another its the his her their")
UNNAMED_NOUNS = _words(
    """analyst analysts expert experts source sources insider insiders trader traders executive executives
    official officials observer observers critic critics economist economists dealer dealers spokesman
    spokeswoman spokesperson people person banker bankers investor investors commentator commentators
    adviser advisers advisor advisors employee employees worker workers staff member members lawyer lawyers
    shareholder shareholders fund manager managers industry-watchers watchers consultant consultants"""
)
# Nouns that stand for an organisation or document as a speaker ("the company said", "the announcement said").
ORG_NOUNS = _words(
    """company companies firm firms group bank banks carrier airline airlines retailer maker manufacturer
    giant operator government regulator ministry department agency commission board brewer insurer chain
    supermarket broadcaster network provider partner partners club union exchange business businesses
    corporation conglomerate publisher studio network-provider team council authority court consortium"""
)
DOCUMENT_NOUNS = _words(
    """announcement statement release report filing letter memo email e-mail note notice blog post document
    website prospectus circular study survey research paper article"""
)
SPEECH_VERBS = _words(
    """said says say told tells tell added adds explained explains stated states noted notes commented comments
    remarked remarks continued continues warned warns argued argues insisted insists claimed claims declared
    declares announced announces estimated estimates estimate wrote writes predicted predicts believed believes
    reckoned reckons admitted admits conceded concedes acknowledged acknowledges suggested suggests stressed
    stresses emphasised emphasises emphasized emphasizes confirmed confirms replied replies asked asks urged
    urges quipped quips observed observes concluded concludes maintained maintains revealed reveals reported
    reports quoted warned cautioned cautions promised promises pledged pledges boasted boasts complained
    complains described describes called calls agreed agrees disagreed responded responds recalled recalls
    affirmed affirms assured assures hinted hints forecast forecasts projected projects expects expected
    tweeted tweets recounted recounts blasted blasts cited cites reiterated reiterates recommended recommends
    chanted chants shouted shouts yelled yells
    saying adding noting calling citing describing arguing warning insisting claiming stating telling agree"""
)
PRONOUNS = {"he": "male", "she": "female", "it": "it", "they": "plural", "him": "male", "her": "female"}
# Capitalised only because they open a sentence.
SENTENCE_COMMON = frozenset(word.lower() for word in NOT_NAMES)
