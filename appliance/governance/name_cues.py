"""Names after cues that only a person fits.

Each cue here is narrow (a guest list, a form's name, a greeting, a message in Spanish) and
stands on its own: `names.find_names` adds what `find_cued_people` finds to the names its
own rules find. A word found after these cues may be a common word ("Sandy", "Reed",
"Autumn"), so they hold only where no thing would fit.

- After cues that only a person fits: a list of people ("Guest list: prasert srisuk,
  …"), the name a form shows ("my name as NKOSI, NOMVULA"), the one given access or let
  in ("Give Sandy access", "let Reed use …"), a role filled ("the captain … is Ivy"), a
  greeting ("Happy birthday Autumn!"), someone asked or told something ("ask Gaz if …"),
  a chat line's subject who did something ("lol autumn just sent …"), and "a"/"para"
  after a Spanish or Portuguese message ("Manda un WhatsApp a Lupita").
- Beside other personal data, the one it is for ("new address for Malik: …").
"""

from __future__ import annotations

import re

from appliance.governance.name_words import (
    BUSINESSES,
    CAPITAL_WORD,
    LOWER,
    NAMES_TOO,
    is_general,
    is_plain_first_name,
    is_stranger,
    looks_like_name,
)
from appliance.governance.word_lists import NOT_NAMES as _NOT_NAMES
from appliance.governance.word_lists import (
    common_words,
    first_names,
    frequent_words,
    is_plural_of_a_word,
    is_uncommon_word,
    last_names,
    place_names,
)

# A first name in small letters opening a chat line: "omg priya just moved", "lol ottilie".
# `names.find_names` takes one that is no word; `find_cued_people` one that is, after a deed.
CHAT_SUBJECT = re.compile(
    rf"(?:^|[.!?] |\b(?:omg|lol|btw|fyi|so|oh|and|also|guess what),? )(?P<name>[{LOWER}]+) "
    r"(?:just|is|was|will|has|had|said|says|sent|called|texted|moved|asked|wants|needs)\b")
# What only a person just did, after a chat subject: "lol autumn just sent the pics".
_CHAT_DEED = re.compile(r" (?:just )?(?:sent|said|says|texted|called|asked|messaged|replied|"
                        r"emailed|rang|phoned)\b")

# A list of people after a label: "Guest list: prasert srisuk, étienne fontaine",
# "Attendees: Ana Lima and Kofi Owusu"; each item is weighed on its own (`_is_listed_name`).
_PEOPLE_LIST = re.compile(
    r"\b(?:guest ?list|guests|attendees|invitees|invited|participants|team|players|members|"
    r"speakers|passengers|people|names|roster|squad|rsvps?|who's coming|carpool|rota)"
    r"\s*(?::|\s[-–—])\s*(?P<items>[^.!?:;\n\d()]+)", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:^|,|&|\band\b)\s*(?P<item>[^\W\d_][\w'’-]*"
                        r"(?: (?!and\b)[^\W\d_][\w'’-]*){0,2})\s*(?=,|&|\band\b|$)")
# A name as a form or booking shows it: "the form has my name as BOTANÎ, DILAN", "booked
# under the name Okafor", "my name is down as Mei Lin".
_NAME_AS = re.compile(
    r"\bname (?:is |was )?(?:down |written |spelled |spelt |listed |printed |shown |showing )?"
    r"as|\bname (?:reads|says|shows)|\bunder the name(?: of)?", re.IGNORECASE)
_NAME_AS_WORDS = re.compile(r"[:,]? (?P<name>[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
                            r"(?:,? [^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*){0,2})")
# The one given access, let in or allowed to do something: "Give Sandy access to the smart
# lock", "let Reed use the garage", "allow Sky to open the gate": a first name, though also a
# word, capitalised mid-sentence.
_LET_IN = (
    re.compile(rf"\b(?i:give|grant) (?P<name>{CAPITAL_WORD}) (?i:access|permission|"
               r"(?:the|a) (?:code|key|keys|password|pin|login|fob))\b"),
    re.compile(rf"\b(?i:let) (?P<name>{CAPITAL_WORD}) (?:in|into|use|borrow|have|drive|stay|"
               r"know|through|come)\b"),
    re.compile(rf"\b(?i:allow) (?P<name>{CAPITAL_WORD}) (?:to|in|into|access)\b"),
)
# Smart-home makers and voice and chat assistants let in, given access or asked: not persons.
_DEVICES = frozenset("""alexa siri google cortana bixby nest ring hive echo sonos tado arlo wyze
    eufy hue blink yale tile roku chatgpt claude gemini copilot""".split())
# Spanish, Portuguese and Italian put "a" or "para" before the person a message or call goes
# to: "Manda un WhatsApp a Lupita", "llama a Maite", "manda mensagem para Joana".
_MESSAGE_TO = re.compile(
    r"\b(?:whats ?app|mensaje|mensajito|mensagem|messaggio|sms|correo|audio|llama|llámale|"
    r"llamar|marca|escribe|escríbele|avisa|avísale|dile|pregúntale|chiama|scrivi|telefona|"
    r"ligue|liga|ligar|escreve) (?:a|à|ao|para) "
    rf"(?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD})?)", re.IGNORECASE)
# A role and then who fills it, ending the sentence: "the captain on Saturday is Ivy", "our
# driver tomorrow will be Crystal": a first name though also a word.
_ROLE_IS = re.compile(
    r"\b(?:the|our|my|your) (?:captain|driver|host|referee|coach|cook|chef|leader|organi[sz]er|"
    r"babysitter|nanny|tutor|teacher|doctor|nurse|dentist|plumber|cleaner|manager|supervisor|"
    r"presenter|goalkeeper|keeper|best man|maid of honou?r|godmother|godfather|contact|"
    r"carer|instructor|guide)"
    r"(?: [\w:]+){0,3} (?:is|will be|was) "
    rf"(?P<name>{CAPITAL_WORD})(?=[.!?]?$|,| and\b)", re.IGNORECASE)
# Greeted or congratulated by name, opening what is said: "Happy birthday Autumn!", "Dear
# Hope,"; not "play Hey Jude", "a Hello Kitty".
_ADDRESSED = re.compile(
    r"(?:^|(?<=[.!?,;:\"“] ))(?:happy birthday|happy anniversary|congrats|congratulations|dear|"
    r"hi|hello|hey|"
    rf"good morning|good night|goodnight),? (?P<name>{CAPITAL_WORD})(?=\s*[!,.]|$)",
    re.IGNORECASE)
# Words said to anyone, not names: "Hi Honey", "Dear Sir".
_ENDEARMENTS = frozenset("""love honey sweetie sweetheart darling babe baby sunshine dear buddy
    mate sir madam guys team all everyone everybody folks world gorgeous angel""".split())
# Whose the data after a colon or dash is: "new address for Malik: …", "Aisha's mobile"
# is the possessive rule's.
_DATA_FOR = re.compile(rf"\b(?i:for|of) (?P<name>{CAPITAL_WORD}) ?(?:[:–—]|- )")
# A person asked or told something: "ask Gaz if they're coming", "tell Mo to hurry".
_ASKED_IF = re.compile(rf"\b(?i:ask|tell|remind|text|message|call|ping) "
                       rf"(?P<name>{CAPITAL_WORD}) (?:if|whether|to|about|that)\b")


def find_cued_people(text: str) -> list[tuple[int, int]]:
    """Names after the cues of `_PEOPLE_LIST`, `_NAME_AS`, `_LET_IN`, `_MESSAGE_TO` and others."""
    spans = [span for m in _PEOPLE_LIST.finditer(text) if not is_general(text, m.start())
             for span in _listed_names(m)]
    spans += [span for m in _NAME_AS.finditer(text) if (span := _name_as(text, m.end()))]
    spans += [(m.start("name"), m.end("name")) for pattern in _LET_IN
              for m in pattern.finditer(text) if _is_given_name(m.group("name"))]
    spans += [span for m in _MESSAGE_TO.finditer(text) if (span := _messaged(m))]
    # A first name that is also a word, where only a person fits: "the captain … is Ivy",
    # "Happy birthday Autumn!", "ask Gaz if …", "lol autumn just sent …".
    spans += [(m.start("name"), m.end("name")) for m in _ROLE_IS.finditer(text)
              if _is_given_name(m.group("name"))]
    spans += [(m.start("name"), m.end("name")) for m in _ADDRESSED.finditer(text)
              if m.group("name").lower() not in _ENDEARMENTS and _is_given_name(m.group("name"))
              and not is_general(text, m.start())]
    spans += [(m.start("name"), m.end("name")) for m in _ASKED_IF.finditer(text)
              if _is_asked_if(m.group("name"))]
    spans += [(m.start("name"), m.end("name")) for m in CHAT_SUBJECT.finditer(text)
              if m.group("name") in first_names() and _CHAT_DEED.match(text, m.end("name"))]
    return spans


def find_data_owners(text: str) -> list[tuple[int, int]]:
    """Whose the data after a colon or dash is: "new address for Malik: …".

    `names.find_names` asks only when the text holds such data.
    """
    return [(m.start("name"), m.end("name")) for m in _DATA_FOR.finditer(text)
            if _is_given_name(m.group("name")) and m.group("name").lower() not in place_names()]


def _listed_names(match: re.Match) -> list[tuple[int, int]]:
    """The items of a list of people that look like names (`_is_listed_name`)."""
    items, offset = match.group("items"), match.start("items")
    return [(offset + m.start("item"), offset + m.end("item"))
            for m in _LIST_ITEM.finditer(items.rstrip()) if _is_listed_name(m.group("item"))]


def _is_listed_name(item: str) -> bool:
    """A first name that is no word, or a given name and a surname, in any case.

    "prasert srisuk", "Ana Lima", "Kenji"; not "sales", "the kids", "red team".
    """
    words = item.lower().split(" ")
    if any(w in _NOT_NAMES for w in words) or item.lower() in place_names():
        return False
    given, surname = words[0], words[-1]
    if len(words) == 1:
        return is_plain_first_name(given) or _is_unknown(given)
    return ((given in first_names() or _is_unknown(given))
            and (surname in last_names() or _is_unknown(surname))
            and not (given in common_words() and surname in common_words()))


def _is_unknown(lower: str) -> bool:
    """No word, town or shop, nor the plural of a word ("sales", "devs")."""
    return is_stranger(lower) and not is_plural_of_a_word(lower)


def _name_as(text: str, end: int) -> tuple[int, int] | None:
    """The name after "my name as", "under the name": one to three words of one case.

    "BOTANÎ, DILAN", "Mei Lin", "okafor"; not "it appears", "a co-signer".
    """
    match = _NAME_AS_WORDS.match(text, end)
    if match is None:
        return None
    words = list(re.finditer(r"[^\s,]+", match.group("name")))
    style = _case_style(words[0].group())
    end = None
    for word in words:
        lower = word.group().lower()
        if lower in _NOT_NAMES or _case_style(word.group()) != style or (
                style == "small" and not (is_uncommon_word(lower) or is_plain_first_name(lower))):
            break
        end = match.start("name") + word.end()
    return (match.start("name"), end) if end else None


def _case_style(word: str) -> str:
    """"capitals" (NKOSI), "title" (Nkosi) or "small" (nkosi)."""
    if word.isupper():
        return "capitals"
    return "title" if word[0].isupper() else "small"


def _is_given_name(word: str) -> bool:
    """A first name, though also a word ("Sandy", "Reed", "Will"), or no word at all."""
    lower = word.lower()
    if lower in _DEVICES or (lower in _NOT_NAMES and lower not in NAMES_TOO):
        return False
    return lower in first_names() or lower in NAMES_TOO or is_stranger(lower)


def _messaged(match: re.Match) -> tuple[int, int] | None:
    """The person after "a" or "para" in a Romance-language message: "… a Lupita".

    A known first name, or a word no list knows before a surname; not "a Movistar".
    """
    words = match.group("name").split(" ")
    given = words[0].lower()
    has_surname = len(words) > 1 and looks_like_name(words[1], surname=True)
    if given in _NOT_NAMES or not (given in first_names() or (
            has_surname and is_stranger(given))):
        return None
    start = match.start("name")
    return (start, match.end("name")) if has_surname else (start, start + len(words[0]))


def _is_asked_if(word: str) -> bool:
    """A capitalised word asked or told something: no frequent word, shop, town or pronoun."""
    lower = word.lower()
    return (lower not in _NOT_NAMES and lower not in BUSINESSES and lower not in _DEVICES
            and lower not in place_names() and (lower in first_names()
                                                or lower not in frequent_words()))
