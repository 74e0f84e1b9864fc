"""Spoken forms to written ones, so the detectors see "4111…" where STT wrote "four one one one".

Number words go through text2num (`alpha2digit`); what it leaves is what people
say only when reading out data: "oh" for zero, "double five", "dot" and "at" in
e-mail addresses, "dash" between digit groups, "plus" before a country code,
letters spelled one by one ("G B eighty one, B A R C", "a h m e d dot …"), and
e-mail names said as words ("bruno patel at gmail dot com", "k moreau fifty six at
outlook dot com"), and what Whisper writes for digits it half heard ("6O11…", "513 nilo"
for zero). Those few rules are written here because no maintained library
covers them.
"""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban
from text_to_num import alpha2digit

_DIGIT_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                "forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand")
# A number word, or digit groups as Whisper writes them ("2319-440-06"): "oh" beside one is 0.
_NUMBER = re.compile(rf"^(?:\d+(?:-\d+)*|{_DIGIT_WORDS}|oh)[,.]?$", re.IGNORECASE)
SINGLE_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Three or more digits said one by one: "five five five", "four one one one" (but
# "seventy seven, six …" starts at "six").
_DIGIT_BY_DIGIT = re.compile(
    rf"(?<!ty )\b(?:{'|'.join(SINGLE_DIGITS)})(?:,? (?:{'|'.join(SINGLE_DIGITS)})){{2,}}\b",
    re.IGNORECASE,
)
# A digit word text2num leaves alone before digits said one by one: "not one 7, 3, 8, 9".
_DIGIT_WORD_BEFORE_DIGITS = re.compile(rf"\b({'|'.join(SINGLE_DIGITS)})(?=,? \d(?:,? \d){{2,}}\b)",
                                       re.IGNORECASE)
_REPEAT = re.compile(rf"\b(double|triple) ({_DIGIT_WORDS}|oh|\d)\b", re.IGNORECASE)
# Whisper writes "double seven, eight seven" as "double 787": inside a number (after a digit
# group), "double" or "triple" before a group repeats its first digit ("…, 283, double 787").
_REPEAT_IN_GROUP = re.compile(r"(?:(?<=\d, )|(?<=\d ))(double|triple) (\d)(?=\d)",
                              re.IGNORECASE)
# Letters spelled one by one: capitals as Whisper writes a spelled IBAN ("B A R C"), small
# ones as in a spelled e-mail name ("a h m e d"); "I" and "a" alone stay words.
_SPELLED_CAPITALS = re.compile(r"\b[A-Z](?: [A-Z]\b){1,40}")
_IBAN_SPELLED = re.compile(r"\bIBAN(?=[A-Z]{2}\b)")
# "N A I A, as in november alpha india alpha": the clarification repeats the letters.
_NATO = ("alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|"
         "lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|"
         "whisky|x-ray|xray|yankee|zulu")
_SPELLING_ALPHABET = re.compile(rf",? (?:as in|for|like) (?:{_NATO})(?:,? (?:{_NATO})){{0,11}}\b",
                                re.IGNORECASE)
# A country code said letter by letter in small letters before a number: "d e fifty eight".
_COUNTRY_PAIR = re.compile(rf"\b([a-z]) ([a-z]) (?=\d|(?:{_DIGIT_WORDS})\b)")
# Countries with IBANs, from python-stdnum's own registry.
IBAN_COUNTRIES = frozenset(prefix[1] for prefix in stdnum_iban._ibandb.prefixes)
_SPELLED_SMALL = re.compile(r"(?<!['’])\b[a-z](?: [a-z]\b){2,40}")
_PLUS = re.compile(r"\bplus (?=\d(?:[ ,.-]{0,2}\d){5})", re.IGNORECASE)
_DASH = re.compile(r"(?<=\d) (?:dash|hyphen) (?=\d)", re.IGNORECASE)
# How else people say "@" and "." in an address: "at sign", "at the rate" (India),
# "full stop", "period"; these only ever mean the symbols.
_AT_SIGN = re.compile(r"\b(?:at sign|at symbol|at the rate(?: of)?)\b", re.IGNORECASE)
_FILLER = re.compile(r",? \b(?:uh|um|er|erm|ah|hmm)\b,? (?=\w)", re.IGNORECASE)
# Whisper also hyphenates it onto the word before: "hotmail point co-point uk".
_FULL_STOP = re.compile(r"(?<=\w)(?: (?:full stop|period|point)|-(?:point|dot)) (?=[a-z])",
                        re.IGNORECASE)
# A mail provider's name Whisper split in two after the address's "at": "at hot mail dot …".
_SPLIT_PROVIDER = re.compile(r"(?<=\bat )(hot|g|out|proton|ya) (mail|look|hoo)\b", re.IGNORECASE)
# The letter O among the digits of a number as long as a phone's or a card's is a zero Whisper
# wrote as it was said: "6O1117779183262" (a room "4O5" or "H2O" is left alone).
_O_FOR_ZERO = re.compile(r"(?<!\w)\d[\dOo]{5,17}\d(?!\w)")
# What Whisper writes for a zero said among digits: "645 Nilo, Nilo 513", "2 nero 1 2 …".
_HEARD_ZERO = re.compile(r"(?<=\d)(?:,? (?:nero|nilo)\b)+", re.IGNORECASE)
# "one nine two dot one six eight dot …" once in digits: "1 9 2 dot 1 6 8 dot 0 dot 1 4 8",
# "1 85 dot 2 11 dot …" (text2num leaves "one eighty five" as "1 85").
_OCTET = rf"(?:\d{{1,3}}(?: \d{{1,3}}){{0,2}}|{'|'.join(SINGLE_DIGITS)}|oh)"
_OCTET_WORDS = {**{word: str(digit) for digit, word in enumerate(SINGLE_DIGITS)}, "oh": "0"}
_SPOKEN_IP = re.compile(rf"\b{_OCTET}(?: (?:dot|point) |\.){_OCTET}(?:(?: (?:dot|point) |\.)"
                        rf"{_OCTET}){{2}}\b", re.IGNORECASE)
# "jane dot doe at example dot com", and Whisper's half-written "jane.doe at example.com".
# Bounded repeats keep the work per position bounded: linear time on any input.
_SPOKEN_EMAIL = re.compile(
    r"(?<!['’])\b((?:[\w']{1,40} ){0,5}\w{1,40}"
    r"(?:(?: (?:dot|underscore|dash|hyphen) |[._-])\w{1,40}){0,5})"
    r" at ((?:(?:[a-z]|zero|oh|one|two|three|four|five|six|seven|eight|nine) ){0,5}"
    r"[\w-]{1,40}(?:(?: dot | dash | hyphen |\.)[\w-]{1,40}){0,4})"
    r"(?: dot |\.)"
    r"(com|org|net|edu|gov|info|biz|app|dev|mail|online|email|shop|store|site|cloud|tech|"
    r"[a-z] [a-z]|[a-z]{2})\b",
    re.IGNORECASE,
)
# Words that end a spoken e-mail name from the left: "my email is | bruno patel at …".
_NOT_LOCAL_PART = frozenset("""is was my your his her their our the a an to at email e-mail
    mail address addresses me send write it it's its you can and or reach contact cc on of
    for please that this be i i'm am here then also new work personal should would could
    us we they them him she he use try sent that's thats he's she's""".split())
# Domains of mail providers: an address there needs no "email" said before it.
_MAIL_PROVIDERS = frozenset("""gmail googlemail hotmail outlook live msn yahoo icloud me aol
    proton protonmail gmx web mail yandex zoho fastmail btinternet sky virginmedia orange
    free wanadoo laposte libero comcast verizon att uol bol terra qq 163 126 naver daum
    rediffmail seznam tiscali virgilio sapo rambler""".split())
# Pauses Whisper writes between groups ("two two two one... five eight …").
_PAUSE = re.compile(r"\s*(?:\.{2,}|…)\s*(?=\S)")
# "two thousand and seven" is one number, also inside an e-mail name.
_NUMBER_AND = re.compile(r"\b(hundred|thousand) and (?=(?:one|two|three|four|five|six|seven|"
                         r"eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
                         r"sixty|seventy|eighty|ninety)\b)", re.IGNORECASE)
# "one hundred and ninety two" as Whisper writes it inside an address: "100 and 92.100 and
# 68.2.36" is 192.168.2.36; only beside a dotted group, where "and" cannot mean a sum.
_HUNDRED_AND = re.compile(r"(?<![\w.])([1-9])00 and ([1-9]\d?)(?=\.\d{1,3}(?:\.\d| and \d))|"
                          r"(?<=\d\.)([1-9])00 and ([1-9]\d?)\b")
_JOINERS = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-"}
# "look at example dot com" is not an address; "email bob at acme dot io" is. A local part
# without a separator counts only after one of these words.
_EMAIL_CONTEXT = re.compile(r"\b(e-?mail|mail|address|write|send|contact|reach|cc)\b",
                            re.IGNORECASE)


def to_written(text: str) -> str:
    """`text` with spoken numbers as digits and spoken e-mail addresses as addresses."""
    text = _PAUSE.sub(", ", text)
    text = _O_FOR_ZERO.sub(lambda m: re.sub("[Oo]", "0", m.group()), text)
    text = _AT_SIGN.sub("at", text)
    if re.search(r"\bat\b", text, re.IGNORECASE):  # "jane full stop doe at example …"
        text = _FULL_STOP.sub(" dot ", text)
        text = _SPLIT_PROVIDER.sub(r"\1\2", text)
    text = re.sub(r",? ?\b(?:all one word|all lower ?case|lower ?case|all small letters|"
                  r"no spaces|all together)\b,?", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<=\w) @ (?=\w)", "@", text)  # "marsh1 @ mweb.co.za"
    # Fillers between the groups of a number: "four zero four, uh, eight eight one".
    text = _FILLER.sub(" ", text)
    text = _SPELLING_ALPHABET.sub("", text)
    text = _COUNTRY_PAIR.sub(lambda m: (m.group(1) + m.group(2)).upper() + " "
                             if (m.group(1) + m.group(2)).upper() in IBAN_COUNTRIES
                             else m.group(), text)
    text = re.sub(r"\b(?:nought|naught)\b", "zero", text, flags=re.IGNORECASE)
    text = _HEARD_ZERO.sub(lambda m: re.sub(r"[a-z]+", "0", m.group(), flags=re.IGNORECASE), text)
    text = _NUMBER_AND.sub(r"\1 ", text)
    text = _SPELLED_CAPITALS.sub(lambda m: m.group().replace(" ", ""), text)
    text = _IBAN_SPELLED.sub("IBAN ", text)  # "I B A N A T …" spelled as one: "IBAN AT …"
    text = _SPELLED_SMALL.sub(lambda m: m.group().replace(" ", ""), text)
    text = _SPOKEN_EMAIL.sub(_email, text)
    text = _REPEAT.sub(lambda m: " ".join([m.group(2)] * (2 if m.group(1).lower() ==
                                                           "double" else 3)), text)
    text = _oh_as_zero(text)
    text = _REPEAT_IN_GROUP.sub(lambda m: m.group(2) * (2 if m.group(1).lower() == "double"
                                                        else 3), text)
    # Digits read one by one stay one by one (text2num would join "zero zero four" into
    # "004" and read "eight hundred five" as 805); the rest, "forty five" or "one hundred
    # twenty three", is text2num's.
    text = _DIGIT_BY_DIGIT.sub(_digits, text)
    text = alpha2digit(text, "en")
    text = _HUNDRED_AND.sub(_hundred_and, text)
    text = _DIGIT_WORD_BEFORE_DIGITS.sub(lambda m: str(SINGLE_DIGITS.index(m.group().lower())),
                                         text)
    text = _SPOKEN_IP.sub(_ip, text)
    return _PLUS.sub("+", _DASH.sub("-", text))


def _hundred_and(match: re.Match) -> str:
    hundreds, rest = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return f"{hundreds}{int(rest):02d}"


def _ip(match: re.Match) -> str:
    octets = re.split(r" (?:dot|point) |\.", match.group(), flags=re.IGNORECASE)
    return ".".join(_OCTET_WORDS.get(o.lower(), o.replace(" ", "")) for o in octets)


def _digits(match: re.Match) -> str:
    return re.sub(r"[a-z]+", lambda m: str(SINGLE_DIGITS.index(m.group().lower())),
                  match.group(), flags=re.IGNORECASE)


def _oh_as_zero(text: str) -> str:
    """Say "five oh two" as "five zero two"; "oh, I see" stays."""
    words = text.split(" ")
    bare = [w.rstrip(",.;:?!") for w in words]
    for i, word in enumerate(bare):
        if word.lower() not in ("oh", "o"):
            continue
        before = words[i - 1] if i > 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if _NUMBER.match(before.rstrip(",.;:?!")) or _NUMBER.match(after):
            # beside digits, a digit: text2num leaves a lone "zero" before "2319-440-06"
            zero = "0" if after[:1].isdigit() else "zero"
            words[i] = zero + words[i][len(word):]
    return " ".join(words)


def _email(match: re.Match) -> str:
    def join(part: str) -> str:
        part = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", part)  # "b t internet"
        return re.sub(r" (dot|underscore|dash|hyphen) ",
                      lambda m: _JOINERS[m.group(1).lower()], part, flags=re.IGNORECASE)

    local, domain, tld = match.groups()
    words = local.split(" ")
    # The name is the last run of words that are not ordinary words: "my email is |
    # bruno patel", "Email Sofia at | olivia underscore kowalski".
    first = len(words)
    # "her email's | bruno patel": a word with "'s" is a noun's, not an address's.
    while first > 0 and words[first - 1].lower() not in _NOT_LOCAL_PART and not (
            words[first - 1].lower().endswith(("'s", "’s"))):
        first -= 1
    while first < len(words) and words[first].lower() in _JOINERS:
        first += 1
    if first == len(words):
        return match.group(0)
    kept = " ".join(words[first:])
    prefix = match.group(0)[:len(" ".join(words[:first])) + (1 if first else 0)]
    has_separator = re.search(r"[._-]| (dot|underscore|dash) ", kept, re.IGNORECASE)
    before = match.string[max(0, match.start() - 40):match.start()] + prefix
    provider = domain.replace(" ", "").split(".")[0].split(" dot ")[0].lower()
    # A country domain under a generic one ("uol dot com dot br") or digits in the name
    # ("robert ninety nine") is an address too.
    is_address_shaped = bool(re.search(r"\d| dot |\.", domain) or re.search(
        rf"\b(?:{_DIGIT_WORDS})\b|\d", kept, re.IGNORECASE))
    if not (has_separator or _EMAIL_CONTEXT.search(before) or provider in _MAIL_PROVIDERS
            or is_address_shaped):
        return match.group(0)
    written = alpha2digit(join(kept), "en").replace(" ", "")
    # "one six three dot com" is 163.com
    tld = tld.replace(" ", "")  # "d e" is .de
    return f"{prefix}{written}@{alpha2digit(join(domain), 'en').replace(' ', '')}.{tld}"
