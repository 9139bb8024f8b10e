"""What the words around a number mean: currencies, units of measure, hedges and per-unit phrases.

The tables are written as "words = meaning" pairs separated by "|", one table a block of text.
"""

from __future__ import annotations


def _table(text: str) -> dict[str, str]:
    pairs = (item.split(" = ") for item in text.replace("\n", " | ").split(" | ") if item.strip())
    return {key.strip(): value.strip() for key, value in pairs}


# Currency signs and sign-with-prefix forms written before the figure, mapped to ISO 4217 codes.
# Letters are matched without regard to case and may be followed by a space ("c $ 16.4 million").
PREFIX_SIGNS = _table("""
    u.s.$ = USD | u.s. $ = USD | u.s $ = USD | us$ = USD | us $ = USD | usd$ = USD | a$ = AUD
    au$ = AUD | aud$ = AUD | c$ = CAD | ca$ = CAD | cad$ = CAD | c $ = CAD | hk$ = HKD | hk $ = HKD
    nz$ = NZD | nzd$ = NZD | s$ = SGD | nt$ = TWD | r$ = BRL | mex$ = MXN | mxn$ = MXN | $ = USD
    £ = GBP | € = EUR | ¥ = JPY | ₹ = INR | rs. = INR | rs = INR | ₩ = KRW | ₽ = RUB | ₿ = BTC
    ₺ = TRY | ₦ = NGN | ₱ = PHP | ₡ = CRC | ₾ = GEL | ₭ = LAK | ரூ = LKR | 元 = CNY
""")
# Signs that may follow the figure instead ("10 €", "100元").
SUFFIX_SIGNS = _table("""
    $ = USD | € = EUR | £ = GBP | 元 = CNY | ₡ = CRC | ₾ = GEL | ₭ = LAK | ரூ = LKR | ¥ = JPY
""")
# ISO codes news and finance write before or after figures. Lower-case forms are accepted only for
# codes that are not also English words.
CODES = frozenset(
    """
    USD EUR GBP JPY CNY RMB CHF CAD AUD NZD HKD SGD INR RUB BRL MXN ZAR SEK NOK DKK KRW TRY PLN CZK HUF
    ILS AED SAR TWD THB MYR IDR PHP NGN EGP KES BTC
    """.split()
)
LOWERCASE_CODES = frozenset(
    """
    usd eur gbp jpy cny rmb chf aud nzd hkd sgd inr mxn zar sek nok dkk btc
    """.split()
)
CODE_ALIASES = {"RMB": "CNY"}
# "MUSD", "MEUR": millions in the code.
MILLION_CODES = frozenset(f"M{code}" for code in ("USD", "EUR", "GBP", "AUD", "CAD", "CHF", "JPY"))

# Currency words written after the figure.
CURRENCY_WORDS = _table("""
    dollar = USD | dollars = USD | euro = EUR | euros = EUR | pound = GBP | pounds = GBP
    sterling = GBP | pence = GBX | penny = GBX | p = GBX | cent = USX | cents = USX | yen = JPY
    yuan = CNY | renminbi = CNY | rmb = CNY | kuai = CNY | franc = CHF | francs = CHF | peseta = ESP
    pesetas = ESP | markka = FIM | markkaa = FIM | guilder = NLG | guilders = NLG | deutschmark = DEM
    deutschmarks = DEM | deutsche mark = DEM | deutsche marks = DEM | d-marks = DEM | rupee = INR
    rupees = INR | rouble = RUB | roubles = RUB | ruble = RUB | rubles = RUB | won = KRW | rand = ZAR
    peso = MXN | pesos = MXN | krona = SEK | kronor = SEK | krone = NOK | kroner = NOK | lira = TRY
    lire = ITL | reais = BRL | dirham = AED | dirhams = AED | riyal = SAR | riyals = SAR
    shekel = ILS | shekels = ILS | zloty = PLN | zlotys = PLN | forint = HUF | baht = THB
    ringgit = MYR | rupiah = IDR | naira = NGN | bitcoin = BTC | bitcoins = BTC | satoshi = satoshi
    satoshis = satoshi | escudos = PTE | schillings = ATS | drachmas = GRD
    dlrs = USD | dlr = USD | stg = GBP | euro cent = EUR | euro cents = EUR
""")
# Currency words that name a hundredth of the currency they map to ("60 euro cents" is 0.60 EUR).
HUNDREDTHS = frozenset({"euro cent", "euro cents"})
# Nationality words that pick the currency of "dollars", "francs", "pesos" and the like.
CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    (key.rsplit(" ", 1)[0], key.rsplit(" ", 1)[1]): code
    for key, code in _table("""
    us dollar = USD | u.s. dollar = USD | american dollar = USD | australian dollar = AUD
    canadian dollar = CAD | hong kong dollar = HKD | new zealand dollar = NZD
    singapore dollar = SGD | taiwan dollar = TWD | taiwanese dollar = TWD | zimbabwe dollar = ZWD
    jamaican dollar = JMD | swiss franc = CHF | french franc = FRF | belgian franc = BEF
    mexican peso = MXN | argentine peso = ARS | philippine peso = PHP | chilean peso = CLP
    colombian peso = COP | swedish krona = SEK | norwegian krone = NOK | danish krone = DKK
    turkish lira = TRY | italian lira = ITL | indian rupee = INR | pakistani rupee = PKR
    sri lankan rupee = LKR | chinese yuan = CNY | japanese yen = JPY | brazilian real = BRL
    south african rand = ZAR | russian rouble = RUB | finnish markka = FIM | dutch guilder = NLG
    german mark = DEM | kuwaiti dinar = KWD | iraqi dinar = IQD | saudi riyal = SAR
    egyptian pound = EGP | irish pound = IEP | british pound = GBP | uk pound = GBP
    hong kong cent = HKX | swedish crown = SEK | norwegian crown = NOK | danish crown = DKK
    icelandic crown = ISK | czech crown = CZK | estonian crown = EEK | slovak crown = SKK
""").items()
}
# The singular each currency word is listed under in CURRENCY_ADJECTIVES.
CURRENCY_STEMS = _table("""
    dollars = dollar | francs = franc | pesos = peso | kronor = krona | kroner = krone
    rupees = rupee | reais = real | rand = rand | roubles = rouble | markkaa = markka
    guilders = guilder | marks = mark | dinars = dinar | riyals = riyal | pounds = pound
    cents = cent | lire = lira | crowns = crown
""")
# Currencies counted in hundredths of another.
MINOR_UNITS = {"GBX": "GBP", "USX": "USD", "HKX": "HKD"}

# Units of measure, by the words written for them; the value is the unit the brief shows.
MEASURES = _table("""
    mile = miles | miles = miles | mi = miles | km = km | kms = km | kilometre = km | kilometres = km
    kilometer = km | kilometers = km | metre = m | metres = m | meter = m | meters = m | m = m
    cm = cm | centimetres = cm | centimeters = cm | mm = mm | millimetres = mm | millimeters = mm
    foot = feet | feet = feet | ft = feet | inch = inches | inches = inches | in = inches
    yard = yards | yards = yards | acre = acres | acres = acres | hectare = hectares
    hectares = hectares | km2 = km² | square kilometres = km² | square kilometers = km²
    square metres = m² | square meters = m² | square meter = m² | m2 = m² | square feet = sq ft
    square foot = sq ft | sq ft = sq ft | cubic feet = cubic feet | tonne = tonnes | tonnes = tonnes
    ton = tons | tons = tons | metric tons = tonnes | metric ton = tonnes | t = tonnes | kg = kg
    kilogram = kg | kilograms = kg | kilo = kg | kilos = kg | g = g | gram = g | grams = g
    gramme = g | grammes = g | lb = lb | lbs = lb | pound = lb | pounds = lb | ounce = oz
    ounces = oz | oz = oz | microgram = µg | micrograms = µg | microgrammes = µg | μg = µg | mcg = µg
    barrel = barrels | barrels = barrels | gallon = gallons | gallons = gallons | litre = litres
    litres = litres | liter = litres | liters = litres | ml = ml | millilitre = ml | milliliter = ml
    ms = ms | millisecond = ms | milliseconds = ms | microseconds = µs | nanoseconds = ns | mph = mph
    miles an hour = mph | miles per hour = mph | kph = km/h | kmph = km/h | km/h = km/h
    km/hr = km/h | kilometers per hour = km/h | kilometres per hour = km/h | mw = MW | megawatt = MW
    megawatts = MW | gw = GW | gigawatt = GW | gigawatts = GW | kw = kW | kwh = kWh | mwh = MWh
    gwh = GWh | twh = TWh | bit = bit | bits = bit | mb = MB | gb = GB | tb = TB | mbps = Mbps
    gbps = Gbps | ghz = GHz | mhz = MHz | dm = dm | kb = kB
""")
# Things news counts; a figure followed by one is a quantity ("39m cases", "1,000 jobs").
COUNT_NOUNS = frozenset(
    """
    accounts aircraft albums applications banks beds bottles branches brands businesses cans cars cases
    chips claims companies complaints computers consoles copies customers deliveries devices doctors
    downloads employees factories films firms flats flights games handsets homes hotels households
    houses jets job jobs laptops licences licenses lines listeners lorries members mines nurses offices
    orders outlets passengers patents patients pcs people phones planes plants products pupils readers
    restaurants retailers routes seats servers shareholders shares ships shops sites songs staff stores
    students subscribers subscriptions tickets titles tourists tracks troops trucks units users
    vehicles viewers visitors votes websites wells workers
    """.split()
)
PHYSICAL_UNITS = frozenset(MEASURES.values())

# What each hedge says about the true value: the figure is a floor, a ceiling, or approximate.
QUALIFIER_BOUNDS = _table("""
    more than = above | greater than = above | higher than = above | in excess of = above
    upwards of = above | over = above | above = above | just over = above | just above = above
    well over = above | well above = above | at least = above | no less than = above
    not less than = above | less than = below | fewer than = below | lower than = below
    under = below | below = below | just under = below | just below = below | well below = below
    well under = below | up to = below | as much as = below | as many as = below | at most = below
    no more than = below | not more than = below | about = about | around = about
    approximately = about | approx. = about | roughly = about | some = about | close to = about
    an estimated = about | estimated = about | a reported = about | nearly = nearly | almost = nearly
    as little as = above | as few as = above | near = about | + = above
    could top = above | would top = above | will top = above | may top = above | to top = above
    topping = above | exceeding = above | could exceed = above | would exceed = above | to exceed = above
""")
# Qualifiers that are not hedges but change the meaning of the figure.
NON_HEDGES = frozenset({"a further", "an additional", "an extra", "only", "just", "minus"})
# Every qualifier written before a figure, longest first so that "just over" wins over "over".
QUALIFIERS = tuple(sorted({*QUALIFIER_BOUNDS, *NON_HEDGES}, key=lambda words: (-len(words), words)))

# "a share", "per barrel", "each": what a per-unit figure is counted against.
PER_UNITS = tuple(
    """
    share unit barrel tonne ton ounce head person employee worker hour day week month year annum night
    dozen gallon litre kilo kg pound copy ticket seat subscriber customer user household vehicle car
    mile
    """.split()
)
