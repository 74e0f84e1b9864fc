"""Turns an LLM reply's text into what a voice should say: no markdown, no emoji, words for symbols.

Small local models answer in chat style ("**Paris** 🇫🇷", "100°F", "```bash ...```"),
and Piper reads such marks aloud or skips them oddly. `to_spoken` is applied to each
chunk the TTS receives (a first clause, a sentence, sometimes a fragment), so it is
pure, idempotent and stateless: it cannot know that a chunk sits inside a code block
opened in an earlier chunk.

It is hand-written because no maintained library both strips markdown and says units
and symbols in English, offline and without heavy dependencies. Numbers stay as
digits: Piper's espeak phonemizer already reads "1,000", "38.76" and "12:30" well, so
nothing like num2words is needed.

Code blocks: the fence and its language tag go, the code itself is kept. A chunk cannot
tell whether the code after a fence belongs to it or to later chunks, and the code in a
spoken reply is mostly a short command the listener wants to hear.
"""

from __future__ import annotations

import re
import unicodedata

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_LANGUAGE_TAGS = (
    "bash|sh|shell|zsh|console|terminal|powershell|ps1|bat|cmd|python3?|py|javascript|js|"
    "typescript|ts|json|yaml|yml|toml|ini|xml|html|css|sql|cpp|java|rust|ruby|php|"
    "kotlin|swift|csharp|diff|markdown|md|text|txt|plaintext|dockerfile|makefile"
)
# An opening or closing fence, and the language tag after it: a known tag, or any
# word that ends the fence's line.
_FENCE = re.compile(
    rf"(?:```+|~~~+)[ \t]*(?:(?:{_LANGUAGE_TAGS})(?=\s|$)|[\w+#.-]+[ \t]*(?=\r?\n))?",
    re.IGNORECASE,
)
_URL_TAIL = r"""(?:[/?#](?:[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"])?)?"""
_URL = re.compile(
    rf"\b(?:(?:https?|ftp)://|(?=www\.))(?:www\.)?([\w-]+(?:\.[\w-]+)*)(?::\d+)?{_URL_TAIL}"
)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

_EMPHASIS = [
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"__(?=\S)(.+?)(?<=\S)__"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"),
]
# Heading marks, block quotes, bullets and list numbers at a line's start.
_LINE_MARKERS = re.compile(r"^[ \t]*(?:(?:#{1,6}|[-*•+‣◦▪]|\d{1,2}[.)])[ \t]+|>[ \t]*)+")
# Horizontal rules and a table's header separator ("|---|:--:|").
_RULE_LINE = re.compile(r"[ \t]*(?:[-=*_:|+][ \t]*){3,}")

# Zero-width joiners, variation selectors, keycaps, skin tones and tags build emoji.
_EMOJI_PARTS = re.compile("[\u200d\u20e3\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")

_DEGREES = re.compile(rf"(?<![\d.,])({_NUMBER})?(?:\s*[°º]\s*|\s+degrees?\s+)([CF])(?![A-Za-z])")
_BARE_DEGREES = re.compile(rf"(?<![\d.,])({_NUMBER})\s*[°º]")
_SCALES = {"k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
           "b": "billion", "B": "billion", "bn": "billion"}
_CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
               "£": ("pound", "pounds", "penny", "pence")}
_CURRENCY = re.compile(
    rf"([$€£])\s?({_NUMBER})(?:\s?(thousand|million|billion|trillion|{'|'.join(_SCALES)})\b)?"
)
_CURRENCY_AFTER = re.compile(rf"(?<![\d.,])({_NUMBER})\s?([€£])")

_UNITS = {
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "m/s": ("meter per second", "meters per second"), "km": ("kilometer", "kilometers"),
    "cm": ("centimeter", "centimeters"), "mm": ("millimeter", "millimeters"),
    "m": ("meter", "meters"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "kg": ("kilogram", "kilograms"), "mg": ("milligram", "milligrams"), "g": ("gram", "grams"),
    "lbs": ("pound", "pounds"), "lb": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "mL": ("milliliter", "milliliters"), "ml": ("milliliter", "milliliters"),
    "L": ("liter", "liters"), "hrs": ("hour", "hours"), "hr": ("hour", "hours"),
    "h": ("hour", "hours"), "mins": ("minute", "minutes"), "min": ("minute", "minutes"),
    "secs": ("second", "seconds"), "sec": ("second", "seconds"), "s": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "kW": ("kilowatt", "kilowatts"), "kHz": ("kilohertz", "kilohertz"), "Hz": ("hertz", "hertz"),
}
_UNIT_NAMES = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
# "s" needs its space: "the 90s" are a decade, "90 s" are seconds. "in" is never a unit.
_UNIT = re.compile(rf"(?<![\w.,])({_NUMBER})(\s?)({_UNIT_NAMES})(?![\w/²³'])")

_FRACTIONS = {"1/2": "one half", "1/3": "one third", "2/3": "two thirds", "1/4": "one quarter",
              "3/4": "three quarters", "24/7": "twenty-four seven"}
_FRACTION = re.compile(r"(?<![\w/.,])(?:(\d+) )?(\d+)/(\d+)(?![\w/])")
_VULGAR_FRACTIONS = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4"}

_BETWEEN_NUMBERS = [  # (pattern, words); each sits between two numbers
    (r"\s*\+\s*", "plus"), (r"\s*[*×]\s*|\s+x\s+", "times"), (r"\s+[-−]\s+", "minus"),
    (r"\s*\^\s*", "to the power of"),
]
_SYMBOL_WORDS = {"=": "equals", "&": "and", "÷": "divided by", "×": "times", "≈": "about",
                 "≠": "is not equal to", "≤": "at most", "≥": "at least", "±": "plus or minus",
                 "→": "to", "%": "percent"}
_ABBREVIATIONS = [
    (re.compile(r"(?<![\w.])e\.g\.", re.IGNORECASE), "for example"),
    (re.compile(r"(?<![\w.])i\.e\.", re.IGNORECASE), "that is"),
    (re.compile(r"\bvs\b\.?"), "versus"),  # lower case only: "VS Code" stays
    (re.compile(r"\b[Aa]pprox\b\.?"), "approximately"),
]
# "etc." keeps its full stop only where it ends a sentence.
_ETC = re.compile(r"\betc\b(\.(?=\s+[A-Z]|\s*$))?\.?")
_STRAY_MARKS = re.compile(r"[*#`|_~^\\]+")


def to_spoken(text: str) -> str:
    """Return `text` as a voice should say it: markdown, emoji and symbols turned to words.

    Ordinary prose, its punctuation and its numbers come back unchanged. A chunk
    with words never comes back empty.
    """
    # Each rule is applied once per pass; a second pass catches the odd mark that
    # one rule uncovers for an earlier one (a bullet behind an emoji), so that
    # applying the function twice changes nothing.
    spoken = text
    for _ in range(3):
        previous, spoken = spoken, _one_pass(spoken)
        if spoken == previous:
            break
    if spoken or not re.search(r"[^\W_]", text):
        return spoken
    # Everything went (a lone "```bash"): say the words rather than nothing.
    return _one_pass(" ".join(re.findall(r"[^\W_]+", text)))


def _one_pass(text: str) -> str:
    text = _FENCE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1) or _URL.sub(r"\1", m.group(2)), text)
    text = _URL.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _say_degrees(text)
    text = _without_emoji(text)
    for emphasis in _EMPHASIS:
        text = emphasis.sub(r"\1", text)
    text = re.sub(r"(?<=[^\W_])_+(?=[^\W_])", " ", text)  # snake_case
    text = _as_sentences(text.splitlines())
    text = _say_symbols(text)
    text = re.sub(r"#(?=\d)", "number ", text)
    text = _STRAY_MARKS.sub(" ", text)
    return _tidy_spaces(text)


def _count(number: str, singular: str, plural: str) -> str:
    return f"{number} {singular if number == '1' else plural}"


def _say_degrees(text: str) -> str:
    def degrees(match: re.Match) -> str:
        scale = "Celsius" if match.group(2) == "C" else "Fahrenheit"
        number = match.group(1)
        said = _count(number, "degree", "degrees") if number else "degrees"
        return f"{' ' if not number else ''}{said} {scale}"

    text = _DEGREES.sub(degrees, text)
    return _BARE_DEGREES.sub(lambda m: _count(m.group(1), "degree", "degrees"), text)


def _without_emoji(text: str) -> str:
    text = _EMOJI_PARTS.sub("", text)
    # "So" holds emoji, pictographs and dingbats; "Co" and "Cs" are unreadable
    # private-use and broken characters. Letters with accents are "L*" and stay.
    return "".join(
        char if unicodedata.category(char) not in ("So", "Co", "Cs") else " " for char in text
    )


def _as_sentences(lines: list[str]) -> str:
    """Join lines into sentences, without list markers, headings, quotes and rules."""
    sentences = []
    for line in lines:
        line = _LINE_MARKERS.sub("", line)
        if _RULE_LINE.fullmatch(line):
            continue
        if "|" in line:  # a table row: its cells, one after another
            line = ", ".join(cell.strip() for cell in line.split("|") if cell.strip())
        line = line.strip()
        if line:
            sentences.append(line)
    # A line break in a reply is structure (list items, headings): it ends a sentence.
    return " ".join(
        line if index == len(sentences) - 1 or line[-1] in ".!?:;," else f"{line}."
        for index, line in enumerate(sentences)
    )


def _say_money(match: re.Match) -> str:
    singular, plural, cent, cents = _CURRENCIES[match.group(1)]
    number, scale = match.group(2), match.group(3)
    if scale:
        return f"{number} {_SCALES.get(scale, scale)} {plural}"
    whole, _, fraction = number.partition(".")
    if len(fraction) != 2:
        return _count(number, singular, plural)
    if whole == "0":
        return _count(str(int(fraction)), cent, cents)
    return f"{_count(whole, singular, plural)} {fraction}"


def _say_fraction(match: re.Match) -> str:
    whole, numerator, denominator = match.groups()
    fraction = f"{numerator}/{denominator}"
    said = _FRACTIONS.get(fraction, f"{numerator} over {denominator}")
    if whole is None:
        return said
    if fraction in _FRACTIONS and numerator == "1":
        said = said.replace("one ", "a ", 1)
    return f"{whole} and {said}"


def _say_symbols(text: str) -> str:
    text = _CURRENCY.sub(_say_money, text)
    text = _CURRENCY_AFTER.sub(
        lambda m: _count(m.group(1), *_CURRENCIES[m.group(2)][:2]), text)
    for pattern, words in _BETWEEN_NUMBERS:
        text = re.sub(rf"(?<=\d)(?:{pattern})(?=[\d-])", f" {words} ", text)
    text = re.sub(r"~\s*(?=\d)", "about ", text)
    text = re.sub(r"−(?=\d)", "-", text)  # espeak says the ASCII minus
    for symbol, fraction in _VULGAR_FRACTIONS.items():
        text = text.replace(symbol, f" {fraction}")  # "1½" becomes "1 1/2"
    text = _FRACTION.sub(_say_fraction, text)
    text = _UNIT.sub(_say_unit, text)
    for symbol, words in _SYMBOL_WORDS.items():
        text = re.sub(rf"\s*{re.escape(symbol)}+\s*", f" {words} ", text)
    for pattern, words in _ABBREVIATIONS:
        text = pattern.sub(lambda m, words=words: _same_case(m.group(0), words), text)
    return _ETC.sub(lambda m: "and so on" + (m.group(1) or ""), text)


def _say_unit(match: re.Match) -> str:
    number, space, unit = match.groups()
    if unit == "s" and not space:
        return match.group(0)
    return _count(number, *_UNITS[unit])


def _same_case(original: str, words: str) -> str:
    return words[0].upper() + words[1:] if original[0].isupper() else words


def _tidy_spaces(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r" ([)\]])", r"\1", text)
    text = re.sub(r"\s+([,.;:!?])(?![.])", r"\1", text)
    return re.sub(r"^[\s,;:]+", "", text).strip()
