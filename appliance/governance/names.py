"""Personal names said in a personal context.

The rule, chosen for an assistant whose questions go to a remote model: a name
is personal data where the sentence makes it personal, so "who was George
Washington", "play Taylor Swift", "weather in San Diego", "Martin Luther King Day"
and "text Vodafone" go out unchanged.

- After a cue that introduces a person the user deals with: "my name is", "I'm",
  "this is", person verbs ("call", "text", "tell", "ask for", "spoke to"), action
  verbs ("send", "meet", "visit"; a first name or full name only, never a town),
  "with", "from", "for", "to", "add … to my contacts", "send … to", relations and
  roles ("my wife", "the plumber"), greetings and sign-offs ("Hi", "Thanks,"), form
  labels ("account holder", "Name:"). After "my name is" any one to three words that
  are not common words are a name; after the other cues the word must look like a
  name: a known first name or surname, or a word that is no common English word
  ("Text Kwame", but "Call Pizza Hut" and "send the report to Marketing" stay).
- After a title ("Mrs Zhang", "Dr Okafor"), with particles ("de la Cruz").
- A full name anywhere (a first name, then a surname or a word that is no common
  word: "Schedule a call with Arjun Mehta"; two unknown capitalised words
  mid-sentence), unless the sentence asks about someone in general ("when did Marie
  Curie …", "songs by …") or it is a place.
- A first name as a sentence's subject or owner ("Kenji needs a ride", "Ananya's
  school"), asked about ("Is Priya coming?"), given alone as an answer ("Vikram."),
  before "here" or a possessive with contact data, and after "and" or a comma that
  follows a name ("Priya, Kenji and Ananya").
- Two people asked between ("is it Inga Bals or Priya Agarwal who …", but not "was it
  Newton or Einstein who discovered …"), and initials ("addressed to A. Becker").
- After cues that only a person fits, found by `name_cues`: a list of people, the name
  a form shows, a greeting, a role filled ("Guest list: prasert srisuk, …", "Happy
  birthday Autumn!").
- Not a thing named for someone: "the Mona Lisa", "Queen Elizabeth II", "a bottle of
  Jack Daniel's", "Book Wendy's for 9".
- A name found once is masked wherever it comes again ("Vikram, V I K R A M").

The word, name and place lists are in `word_lists`; what a single word says about a name
("a first name that is no word", "no word at all") is in `name_words`.
"""

from __future__ import annotations

import re

from appliance.governance.name_cues import CHAT_SUBJECT, find_cued_people, find_data_owners
from appliance.governance.name_words import (
    BUSINESSES,
    CAPITAL_WORD,
    GENERAL_QUESTION,
    LOWER,
    NAME_WORD,
    NAMES_TOO,
    PERSONAL_MARKER,
    UPPER,
    is_general,
    is_plain_first_name,
    is_stranger,
    looks_like_name,
)
from appliance.governance.word_lists import NOT_NAMES as _NOT_NAMES
from appliance.governance.word_lists import (
    census_first_names,
    common_words,
    first_names,
    frequent_words,
    is_plural_of_a_word,
    is_uncommon_word,
    last_names,
    place_names,
    proper_nouns,
)

_INTRO_CUE = (r"my name is|name's|my name it is|the name is|name is|name:|call me|"
              r"in the name of|name on (?:the )?(?:card|account)|cardholder(?: name)?:?|"
              r"(?:first|last|given|family|full|"
              r"middle) name(?: is)?:?|surname(?: is)?:?")
# Verbs whose object is a person: after them a census first name is one even when it is
# also a word ("text sam", "tell mark").
_PERSON_VERB = (r"ask for|speak to|speak with|talk to|talk with|spoke to|spoke with|talked to|"
                r"call|text|message|e-?mail|ring|tell|ask|invite|ping|dm|thank|cc|copy in|copy|"
                r"loop in|whatsapp|facetime|skype|meeting")
# Verbs whose object is often a person but also a thing or place ("send Priya the link",
# "meet Kenji at 5", "visit London"): the word must look like a name, and a town is a town.
_ACTION_VERB = (r"send|show|give|bring|meet|visit|pay|wish|owe|help|inform|notify|update|save|"
                r"warn|hug|kiss|introduce|welcome|sponsor|reimburse|tip")
# The cue verbs said first in a request, capitalised at its start ("Tell Priya …").
_CUE_VERBS = frozenset(w for w in re.findall(r"[a-z]+", f"{_PERSON_VERB}|{_ACTION_VERB}|remind")
                       if w not in {"to", "with", "for", "in", "e", "mail", "copy"})
_STRONG_CUE = (r"contact|phone|remind|congratulate|"
               r"(?:for|to)(?= (?-i:[A-Z]))|for(?= [a-z]+ [a-z]+)|(?:with|from)(?= (?-i:[A-Z])|"
               r" [a-z]+ [a-z]+)|meeting with|appointment with|"
               r"add(?= [^,.]{1,40} to (?:my |the )?(?:contacts|address book|phone))|"
               # "add Rakib Wright as second driver", "add Mei as an admin"
               r"add(?= (?-i:[A-Z])\w+(?: (?-i:[A-Z])[\w'-]+)? as (?:a |an |the )?[a-z])|"
               r"put(?= [^,.]{1,40} down as)|in my name,?|name(?=:? (?-i:[A-Za-z]))|"
               r"(?:send|ship|deliver|forward|write|mail|pay|transfer|give)"
               r"(?: (?:it|this|that|them|a message|an email|a text|money|the \w+))? to|"
               rf"{_ACTION_VERB}|"
               r"my (?:wife|husband|son|daughter|friend|boss|mother|mom|mum|father|dad|sister|"
               r"brother|colleague|doctor|partner|neighbou?r|manager|landlord|aunt|uncle|"
               r"cousin|niece|nephew|grandma|grandpa|grandmother|grandfather|fianc[eé]e?|"
               r"girlfriend|boyfriend|teacher|client|dentist|lawyer|kids?|"
               r"child|children|baby|grandson|granddaughter|stepson|stepdaughter|ex|buddy|"
               r"mate|pal|bestie|in-laws?|mother-in-law|father-in-law)|"
               r"(?:plumber|electrician|mechanic|cleaner|nanny|"
               r"babysitter|driver|tutor|coach|trainer|therapist|nurse|vet|accountant|carer|"
               r"caregiver|pharmacist|optician|surgeon|midwife|physio|physiotherapist|"
               r"counsell?or|interpreter|translator|solicitor|attorney|notary|realtor|"
               r"courier|postman|postwoman|mailman|handyman|decorator|locksmith|roofer|"
               r"carpenter|joiner|plasterer|painter|chef|waiter|waitress|captain|supervisor|"
               r"instructor|lecturer|principal|headteacher|receptionist|secretary|intern|"
               r"caretaker|janitor|concierge|porter|chauffeur|paramedic|caseworker|"
               r"social worker|key worker|volunteer|sponsor|referee|umpire|vicar|priest|"
               r"pastor|rabbi|imam|groomer|dog walker|pet sitter|technician|surveyor|"
               r"contractor|installer|"
               r"flatmate|housemate|roommate|landlady|builder|gardener|hairdresser|barber)s?|"
               r"(?:account |card ?)?holder|employee|customer|patient|guest|passenger|"
               r"tenant|recipient|payee|beneficiary|policyholder|insured|applicant|signed|"
               r"regards")
_WEAK_CUE = r"i'm|i am|this is|it's|its|it is|he's|she's|he is|she is|under|am|that's"
# Greetings, sign-offs and letter fields ("Hi Ananya,", "Thanks, Kenji", "Love, Mum"), and
# errands ("pick up Ananya at 5"): a name no list knows counts after them when capitalised.
_GREETING = (r"hi|hello|hey|dear|thanks|cheers|love|best|from:|to:|attn:?|"
             r"pick up|drop off|let|see you|happy birthday|congrats|congratulations")
_GREETED = re.compile(r"\b(?:hi|hello|hey|hiya|morning|afternoon|evening)\W*$", re.IGNORECASE)
_ASKS_NAME = re.compile(r"\b(?:name|surname|who)\b[^?]{0,60}\?", re.IGNORECASE)
_CALLER = re.compile(r" (?:calling|speaking|here|again|from)\b", re.IGNORECASE)
_TITLE = (r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|mister|missus|misses|doctor|auntie|"
          r"aunty|uncle|pastor|coach|nana|granny)\.?")
_TITLE_WORD = re.compile(_TITLE, re.IGNORECASE)
# The name is looked for after each cue without consuming it, so one cue's miss does not
# hide the next: "remind | me to call | Mateo", "Hi, | this is | Oluwaseun Costa".
_CUED_NAME = re.compile(
    rf"\b(?:(?P<intro>{_INTRO_CUE})|(?P<verb>{_PERSON_VERB})|{_STRONG_CUE}|"
    rf"(?P<weak>{_WEAK_CUE}|(?P<greet>{_GREETING})))[,:]?"
    rf"(?: (?:is|are|was|named|called)(?= (?-i:[{UPPER}])| [{LOWER}]+(?: [{LOWER}]+)?,))? "
    rf"(?=(?P<name>{NAME_WORD}(?: {NAME_WORD}){{0,2}})(?![\w]|-\w))",
    re.IGNORECASE)
_TITLED = re.compile(rf"\b{_TITLE},? (?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD}){{0,2}})(?![\w])",
                     re.IGNORECASE)
_FULL_NAME = re.compile(rf"(?<![\w’-])(?<!\w')(?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD}){{1,2}})"
                        r"(?![\w’-])(?!'\w)")
_HERE = re.compile(rf"(?:^|[.!?,] )(?:(?:hi|hello|hey),? )?(?P<name>{NAME_WORD}"
                   rf"(?: {NAME_WORD})?) here\b", re.IGNORECASE)
_POSSESSIVE = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?: {NAME_WORD})?)['’]s (?:phone|number|mobile|cell|e-?mail|"
    r"address|home|birthday|social|card|account|ssn|iban|flat|place|house|share|mum|mom|dad|"
    r"mother|father|wife|husband|son|daughter|sister|brother|kids?|boss|party|wedding)\b",
    re.IGNORECASE)
# "Ananya's school", "Kenji's party": a first name that is no word, owning anything.
_FIRST_NAME_POSSESSIVE = re.compile(rf"\b(?P<name>{CAPITAL_WORD})['’]s\b")
# A first name as the subject at the start of a sentence: "Kenji needs a ride at 5".
_SUBJECT = re.compile(
    rf"(?:^|[.!?] )(?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD})?) (?:is|was|will|needs|wants|"
    r"has|had|said|says|called|texted|asked|emailed|can|could|should|would|won't|isn't|"
    r"doesn't|didn't|can't|did|does|just|also|and I|and me|picked|owes|lives|left|sent|"
    r"got|bought|paid|moved|loves|likes|hates|works|told|wrote|brought|took|made)\b")
# The next name in a list: "Priya, Kenji and Ananya".
_AND_NAME = re.compile(rf"(?: (?:and|&|or)|,) (?P<name>{NAME_WORD}(?: {NAME_WORD})?)(?![\w])",
                       re.IGNORECASE)
# "Is Tahmina coming?", "who is Tahmina in my contacts?": a first name asked about.
_ASKED_PREDICATE = (r"(?:say|said|reply|replied|answer|answered|call|called|text|texted|write|"
                    r"wrote|send|sent|get|got|pay|paid|confirm|confirmed|arrive|arrived|leave|"
                    r"left|pick|bring|need|want|like|know|coming|going|free|available|still)")
_ASKED_ABOUT = re.compile(
    r"\b(?:is|was|has|did|does|will|can|where's|where is|who's|who is) (?P<name>"
    rf"{NAME_WORD}(?: (?!{_ASKED_PREDICATE}\b|ever\b|already\b){NAME_WORD})?)"
    r"(?= (?:(?:ever|already|just|still|not|never) )?(?:there|here|home|ok|okay|awake|back|"
    rf"at|in|on|up|around|feeling|doing|with|from|{_ASKED_PREDICATE})\b)",
    re.IGNORECASE)
_PERSONAL_STATE = re.compile(r" (?:coming|going|free|available|home|awake|back|feeling|here|"
                             r"there|ok|okay|around|up)\b", re.IGNORECASE)
_is_uncommon = is_uncommon_word


def _name_span(match: re.Match, *, is_near_data: bool) -> tuple[int, int] | None:
    words = match.group("name").split(" ")
    if re.search(r"['’]s$", words[0]) or words[0].lower() in BUSINESSES:  # "call Domino's"
        return None
    # A capitalised name ends at the first small word: "Freya Lindqvist | saying".
    is_capitalised = words[0][0].isupper()
    is_intro = bool(match.group("intro"))
    kept = []
    for word in words:
        # "first name Will", "My name is May": a name though also a word in the list.
        is_named = is_capitalised and word.lower() in NAMES_TOO and (
            is_intro or (not kept and len(words) > 1 and words[1][0].isupper()))
        if (word.lower() in _NOT_NAMES and not is_named) or (
                is_capitalised and not word[0].isupper()):
            break
        # In small letters a surname goes on the name ("joão pereira") unless it is a
        # word no one is named ("sam dinner" stops at "dinner" only if it is no surname).
        if kept and not is_capitalised and not (_is_uncommon(word) or word.lower()
                                                 in last_names()):
            break
        kept.append(word)
    if not kept:
        return None
    first = kept[0].lower()
    text = match.string
    # "Hi, I'm Folasade", "hi it's tunde": a greeting makes "I'm …" an introduction.
    is_greeted = match.group("weak") and _GREETED.search(
        text, max(0, match.start() - 20), match.start()) is not None
    # "can I take your surname? … it's Venkataraman": the answer to a question for a name.
    is_asked = _ASKS_NAME.search(text, max(0, match.start() - 150), match.start()) is not None
    if is_intro:
        # "My name is …" introduces a name whatever it is, bar common words in small
        # letters ("my name is not important").
        # "my surname is gill, g i l l" (written "gill, gill"): spelled, so a name.
        is_spelled = re.match(rf",? {re.escape(kept[0])}\b", text[match.start("name")
                                                                   + len(kept[0]):], re.I)
        if not is_capitalised and not (_is_uncommon(first) or is_plain_first_name(first)
                                       or is_spelled):
            return None
    elif not is_capitalised:
        # Typed or heard in small letters ("call bruno", "i'm ingrid"): a first name that
        # is no common word, so "it's way heavier" and "call mom" stay.
        # "maria gonzalez", "kwame mensah": a surname that is no common word.
        is_full_name = len(kept) > 1 and (first in first_names() or _is_uncommon(first))
        is_person = first in census_first_names() and match.group("verb")
        if ((first not in first_names() or first in common_words()) and not is_full_name
                and not is_person):
            # "uh so it's grace again": a first name before a caller's word.
            is_caller = first in first_names() and _CALLER.match(
                text, match.start("name") + len(kept[0]))
            # "collect from flowers": in small letters a plural is the word's, though
            # "Flowers" is a surname.
            is_unknown_word = _is_uncommon(first) and not is_plural_of_a_word(first)
            if ((match.group("weak") and not is_greeted) or not is_unknown_word) and (
                    not is_caller):
                return None
    elif match.group("weak"):
        # "I'm Kwame", "this is Ananya Iyer", but not "I'm Fine", "I'm Feeling Lucky",
        # "play Hey Jude".
        if is_general(match.string, match.start()):
            return None
        last = kept[-1].lower()
        is_full_name = len(kept) > 1 and (last in last_names() or _is_uncommon(last))
        is_first_name = first in first_names()
        # Two capitalised words, the first no word ("This is Fatoumata Keita"); a first
        # name before a particle ("it's Bill le Roux") or a caller's word ("This is Tyrone
        # calling back").
        has_surname = len(kept) > 1 or _PARTICLE_TAIL.match(text, match.start("name")
                                                            + len(kept[0])) is not None
        is_caller = is_first_name and _CALLER.match(text, match.start("name") + len(kept[0]))
        if not ((is_full_name and (is_first_name or _is_uncommon(first)))
                or is_plain_first_name(first) or is_near_data or is_caller
                or (has_surname and (is_first_name or _is_uncommon(first)))
                or ((match.group("greet") or is_greeted or is_asked) and _is_uncommon(first))):
            return None
    elif not (looks_like_name(kept[0]) or (len(kept) > 1 and kept[-1].lower() in last_names())
              or is_near_data):
        return None

    if re.fullmatch(rf"(?:{_ACTION_VERB}|for|to)[,:]?(?: (?:is|was|named|called))? ",
                    match.group(0), re.IGNORECASE):
        # "book a table for Christmas", "update firmware", "to Heathrow Terminal 5", "to
        # Chicago O'Hare": a first name that is no word, or a full name ending in a surname.
        last = kept[-1].lower()
        is_first_name = is_plain_first_name(first)
        is_full_name = (len(kept) > 1 and first not in place_names() and last not in
                        common_words() and (last in last_names() or _is_uncommon(last)))
        # "book a table for Nkechi": after "for", one capitalised word no list knows.
        is_unknown_for = (len(kept) == 1 and _is_uncommon(first) and first not in place_names()
                          and first not in proper_nouns()
                          and match.group(0).lower().startswith("for"))
        # In small letters, a known first name and a surname: "the iban for sam okoro".
        # "the reference for efua nwachukwu": no word, then a known surname.
        is_small_full_name = is_full_name and (first in first_names() or (
            is_stranger(first) and last in last_names()))
        # "pls save yetunde new number": one word in small letters that no list knows.
        is_small_stranger = (not is_capitalised and len(kept) == 1 and _is_uncommon(first)
                             and first not in place_names() and first not in proper_nouns()
                             and first not in BUSINESSES
                             and not match.group(0).lower().startswith(("for", "to")))
        if not (is_first_name or is_full_name or is_unknown_for or is_small_stranger) or not (
                is_capitalised or is_small_full_name or is_small_stranger):
            return None
    start = match.start("name")
    end = start + len(" ".join(kept))
    # "order … from Greggs", "bought it from Superdrug": a shop, unless a first name.
    if (re.match(r"from\W", match.group(0), re.IGNORECASE) and _BOUGHT.search(
            text, max(0, match.start() - 50), match.start()) and first not in first_names()
            and len(kept) == 1 and not _PARTICLE_TAIL.match(text, end)):
        return None
    # "how far is Leeds from Hylobi": a distance is between places, whatever their names.
    if (re.match(r"(?:from|to)\W", match.group(0), re.IGNORECASE) and first not in first_names()
            and _DISTANCE.search(text) is not None):
        return None
    # "message from London", "remind me about Martin Luther King Day"; but "text Fergus"
    # is a person though a town bears the name.
    # "text Fergus", "I'm Elizabeth", "the plumber Hassan": a person though a town bears the
    # name; but "flights to Florence", "meet at Chester" are places.
    is_placed = re.search(r"\b(?:for|to|from|with|in|at|near|visit|meet)\W*$", match.group(0),
                          re.IGNORECASE) is not None
    is_place = (" ".join(kept).lower() in place_names() and not is_intro
                and not (len(kept) == 1 and first in first_names() and not is_placed))
    if is_place or _names_a_thing(match.string, end):
        return None
    return start, end


def _full_name_span(match: re.Match, text: str, *,
                    is_near_data: bool) -> tuple[int, int] | None:
    """A first name and a surname anywhere, unless the sentence is about someone in general.

    The name may start at any of the capitalised words: "Add | Oleksandr Kovalenko". A
    first name no list knows counts beside a known surname ("Zanele Dlamini") or, both
    unknown, beside other personal data ("Aroha Ngata, CH25 …").
    """
    words = match.group("name").split(" ")
    start = match.start()
    for first in range(len(words) - 1):
        name = words[first:]
        given = name[0].lower()
        surname = name[-1].lower()
        # Two words no dictionary knows, mid-sentence, are a name ("spoke to Folasade
        # Achterberg"); at the start of a sentence a capital says nothing.
        is_mid_sentence = start > 0 and not re.search(r"[.!?:]\s*$", text[:start])
        # A town's name may be a given name too ("Ngozi Adeyemi"), unless the surname is
        # also a place or a word ("Boston Marathon").
        is_town = given in place_names() and (surname in place_names()
                                              or surname in common_words())
        is_given = given in first_names() or (_is_uncommon(given) and not is_town and (
            is_near_data or (_is_uncommon(surname) and (
                surname in last_names() or is_mid_sentence))))
        # "Payee Will Quigley": a word that is a given name, before a surname no word.
        is_named = (given in NAMES_TOO and surname in last_names() and _is_uncommon(surname)
                    and is_mid_sentence)
        if ((is_given and given not in _NOT_NAMES or is_named) and given not in BUSINESSES
                and given not in _CUE_VERBS  # "Tell | Kwame Mensah", though Tell is a name
                and all(looks_like_name(w, surname=True) for w in name[1:])
                and " ".join(name).lower() not in place_names()
                and not _THE_BEFORE.search(text, max(0, start - 4), start)
                and not _names_a_thing(text, match.end())
                and not is_general(text, start)):
            return start, match.end()
        start += len(words[first]) + 1
    return None


_NAMED_AFTER = re.compile(
    r"['’]? (?:day|street|st|avenue|road|bridge|park|hall|square|center|centre|tower|airport|"
    r"station|university|college|hospital|school|library|museum|stadium|theatre|theater|"
    r"memorial|institute|foundation|prize|award|show|band)\b|"
    r" (?:is|was) (?:a|an|the) (?:\w+ )?(?:song|film|movie|book|show|band|game|album|series|"
    r"play|musical|novel)\b|"
    # A regnal number: "Queen Elizabeth II", "Louis XIV", "Henry VIII" are public.
    r"(?-i: (?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\b)", re.IGNORECASE)


# "the" before a full name makes it a thing: "the Mona Lisa", "the Dolly Parton one".
_THE_BEFORE = re.compile(r"\b(?i:the) $")
# Clubs win leagues and cups: "Flamengo will win the league", "Olimpia beat them in the final".
_TEAM_TALK = re.compile(r"\b(?:win|wins|won|winning|beat|beats|beaten|lose|loses|lost|draw|drew|"
                        r"relegated|promoted|champions?)\b[^.!?]{0,30}\b(?:league|cup|title|"
                        r"championship|derby|final|playoffs?|tournament|table)\b", re.IGNORECASE)
_DISTANCE = re.compile(r"\b(?:how far|distance|how many (?:miles|km|kilometres|kilometers))\b",
                       re.IGNORECASE)


def is_title(word: str) -> bool:
    """Whether `word` is a title ("Dr.", "mrs", "Auntie"), which identifies no one."""
    return _TITLE_WORD.fullmatch(word) is not None


def sentence_cues(text: str) -> list[str]:
    """What the name rules' guards see in `text`, for the learned tagger (`tagger`).

    "general": a question about the famous; "media": songs, films, books; "bought":
    orders and shops; "personal": the speaker's own people ("my", "I").
    """
    return [name for name, pattern in (("general", GENERAL_QUESTION), ("media", _MEDIA_OR_FAME),
                                       ("bought", _BOUGHT), ("personal", PERSONAL_MARKER))
            if pattern.search(text)]


def after_a_business(text: str, end: int) -> bool:
    """Whether the word ending at `end` is followed by "open", "store", "'s app" …."""
    return _AFTER_A_BUSINESS.match(text, end) is not None


def _names_a_thing(text: str, end: int) -> bool:
    """Whether the name is part of a place or thing: "Martin Luther King Day", "… Airport"."""
    return _NAMED_AFTER.match(text, end) is not None


# Small words inside a surname: "ter Horst", "da Costa", "de la Cruz", "bin Abdullah".
_PARTICLES = (r"van|von|der|den|de|del|della|di|da|la|le|du|dos|das|ter|ten|bin|binti|ibn|al|"
              r"el|ní|nic|mac|ap")
_PARTICLE_TAIL = re.compile(rf"(?: (?i:{_PARTICLES}))+ {CAPITAL_WORD}")
_TITLED_PARTICLE = re.compile(rf"\b{_TITLE} (?P<name>(?:{_PARTICLES})(?: (?:{_PARTICLES}))* "
                              rf"{CAPITAL_WORD})", re.IGNORECASE)
# A name given alone as an answer: "Siobhan.", "Caller: Tariq.", "who should I call? Vikram."
_ANSWER = re.compile(rf"(?:^|[?:] )(?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD})?)[.!]?$")


# A title in small letters: "ask mister bianchi", "book me in with doctor reyes".
_TITLED_SMALL = re.compile(rf"\b(?-i:{_TITLE}) (?P<name>[{LOWER}]+(?:['’-][{LOWER}]+)?)(?![\w])",
                           re.IGNORECASE)
# Capitalised words in a row, up to three: "Ploy Sukprasert", "Selin".
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-])(?P<name>{CAPITAL_WORD}(?: {CAPITAL_WORD}){{0,2}})"
                              r"(?![\w-])")
# What follows these labels names a product, not a person: "model Garmin Venu 3",
# "make and model: Toyota Yaris", "brand Tommy Hilfiger".
_PRODUCT_LABEL = re.compile(r"\b(?:model|make and model|brand|series|edition|product)\W{0,3}$",
                            re.IGNORECASE)
# Goods bought, and a model number after a maker's name: "the new Casio", "Dyson V11".
_BEFORE_A_PRODUCT = re.compile(r"\b(?:new|used|refurbished|second-hand|secondhand)\s+$",
                               re.IGNORECASE)
_MODEL_AFTER = re.compile(r" (?=[A-Za-z-]*\d)(?=\d*[A-Za-z])[A-Za-z0-9-]{2,}\b")
# A question about a shop's hours: "is Sainsbury's on Princes Street open on Friday?"
_OPENING_HOURS = re.compile(r"^\W*(?:is|are|when|what time|how late)\b.*\b(?:open|opens|close|"
                            r"closes|closed)\b", re.IGNORECASE)
# Words before a shop, place or thing, and after a business, not a person: "at Dishoom", "the
# nearest Lidl", "the Uniqlo delivery", "fails Luhn".
_BEFORE_A_PLACE = re.compile(r"\b(?:at|to|in|into|near|nearest|of|the|a|an|on|via|by|visit|"
                             r"from|fails|passes|uses|using|supports|runs|install|installed|"
                             r"download|update|buy|bought)\s+$", re.IGNORECASE)
# A second name after "&" or "and" in a shop bought from: "order … from Holland & | Barrett".
_SHOP_PAIR = re.compile(r"\b(?:order|ordered|bought|delivery|receipt)\b.{0,40}\bfrom "
                        rf"{CAPITAL_WORD} (?:&|and) $", re.IGNORECASE)
_BEFORE_A_SHOP = re.compile(r"\b(?:to|at|near|nearest|from|into)\s+$", re.IGNORECASE)
_AFTER_A_BUSINESS = re.compile(r"(?:['’]s)? (?:delivery|deliveries|shares?|stock|store|shop|app|"
                               r"order|account|website|site|branch|outlet|open|opens|closed|"
                               r"closes)\b", re.IGNORECASE)
# A verb only a person is the subject of: "Dawn says …", "Hope texted".
_SPEAKER_VERB = re.compile(r" (?:says|said|texted|called|emailed|asked|owes|owed|wants|thinks|"
                           r"told|replied|messaged|rang|phoned|can't eat|is allergic)\b")
# What only a person does, asked about: "did Hope ever send …", "has Amber replied".
_PERSON_ACT = re.compile(r" (?:ever |already |just |not )?(?:send|sent|reply|replied|call|called|"
                         r"text|texted|say|said|pay|paid|answer|answered|ring|rang|e-?mail|"
                         r"e-?mailed|message|messaged|write|wrote)\b", re.IGNORECASE)
# Songs, films and fame: where a name may be a public figure's.
_MEDIA_OR_FAME = re.compile(r"\b(?:play|song|songs|album|movie|film|book|novel|theory|painting|"
                            r"who was|who is|famous|biography|music|band|listen|watch|quotes?)\b",
                            re.IGNORECASE)
_BOUGHT = re.compile(r"\b(?:order|ordered|orders|bought|buy|delivery|takeaway|receipt|"
                     r"purchase|purchased|refund)\b", re.IGNORECASE)
_OWNER_BEFORE = re.compile(rf"{CAPITAL_WORD} $")  # "Fela | Kuti's"
# Goods sold by measure carry their maker's name: "a bottle of Jack Daniel's", "a jar of
# Hellmann's".
_MEASURE_OF = re.compile(r"\b(?:bottle|glass|can|pack|box|jar|tin|bag|case|packet|carton|shot|"
                         rf"pint|bar|tub|crate)s? of (?:{CAPITAL_WORD} )?$", re.IGNORECASE)
# A restaurant booked by its owner's name: "Book Wendy's for 9", "reserve Nando's at 8".
_BOOKED = re.compile(r"\b(?:book|reserve|table at|booking at|reservation at|dinner at|"
                     r"lunch at)\s+$", re.IGNORECASE)
_NOTHING_OWNED = re.compile(r"\s*(?:$|[.!?,]|(?:for|at|on|tonight|tomorrow)\b)",
                            re.IGNORECASE)
_NAME_AND = re.compile(rf"(?<![\w'’-])(?P<name>{CAPITAL_WORD}),? (?:and|&) $")
# Surname first, as on lists and forms: "Castillo, Njeri - balance £45", "did Lefebvre,
# Marisol pay", and before the role given ("Make Lomidze, Davit an admin").
_SURNAME_FIRST = re.compile(rf"(?<![\w'’-])(?P<surname>{CAPITAL_WORD}(?: {CAPITAL_WORD})?), "
                            rf"(?P<given>{CAPITAL_WORD})(?![\w'’])"
                            r"(?=\s*(?:[-–:]|pay|paid|owes|$|\.|,|\?|(?:an?|as) [a-z]))")
# One to three initials and a surname: "Quote for E. Agarwal", "cc T. A. Mitchell".
_INITIAL_AND_SURNAME = re.compile(rf"(?<![\w'’-])(?P<name>(?P<initials>(?:(?-i:[A-Z])\. ?){{1,3}})"
                                  rf"(?P<surname>"
                                  rf"{CAPITAL_WORD}))(?![\w'’-])")
# Words before a person written as initials and a surname: "addressed to A. Becker".
_BEFORE_INITIALS = re.compile(r"\b(?:to|from|for|cc|with|and|attn:?|dear|signed)\s+$",
                              re.IGNORECASE)
# Initials that name places and times, not people: "the U.S. Open", "A.M. Radio".
_ABBREVIATIONS = frozenset({"US", "UK", "EU", "UN", "UAE", "USA", "DC", "NY", "LA", "AM", "PM",
                            "AD", "BC", "TV"})
# "the Kapoor family", "the Zapatas"
_FAMILY = re.compile(rf"\bthe (?P<name>{CAPITAL_WORD}) family\b")
# "Is it Hamid or Leilani?", "is it Veera Korhonen or Eeva Virtanen who has the key".
_EITHER_OR = re.compile(rf"(?:\b(?i:is it|was it|either)|[-–:]) (?P<a>{CAPITAL_WORD}"
                        rf"(?: {CAPITAL_WORD})?) (?i:or) (?P<b>{CAPITAL_WORD}"
                        rf"(?: {CAPITAL_WORD})?)(?![\w'’-])")
# "was it Newton or Einstein who discovered …": a deed the famous are asked about.
_FAMOUS_DEED = re.compile(
    r" (?:who|that) (?:first |really |actually )?(?:was|were|invented|wrote|discovered|painted|"
    r"composed|directed|founded|said|sang|won|created|built|designed|ruled|led|starred|became|"
    r"proved|coined|developed|killed|assassinated|conquered|reigned)\b", re.IGNORECASE)
# A full name in small letters or in capitals: "chloe thistlethwaite and funmilayo owusu r
# coming", "pickup sign should say KOFI OWUSU"; and a chat mention: "@ Alfie ur parcel".
_SMALL_FULL_NAME = re.compile(rf"(?<![\w'’@.-])(?P<given>[{LOWER}]{{3,}}) (?P<surname>"
                              rf"[{LOWER}]{{3,}}(?:-[{LOWER}]+)?)(?![\w'’@-])")
_CAPITALS_NAME = re.compile(r"(?<![\w'’@.-])(?P<given>[A-Z]{3,}) (?P<surname>[A-Z]{3,}(?:-[A-Z]+)?)"
                            r"(?![\w'’@-])")
_SMALL_WORD = re.compile(rf"(?<![\w'’@.-])[{LOWER}]{{3,}}(?![\w'’@-]|\.\w)")
_MENTION = re.compile(rf"(?:^|\s)@ ?(?P<name>{CAPITAL_WORD})\b")
# Form labels read out ("Patient: Baker, Rosalind", "Payee: Will Quigley").
_LABELLED = re.compile(
    r"\b(?:patient|guest|passenger|payee|customer|caller|tenant|applicant|holder|"
    r"beneficiary|recipient|contact|name)\s*:\s*"
    rf"(?P<name>{CAPITAL_WORD}(?:,? {CAPITAL_WORD}){{0,2}})(?![\w])", re.IGNORECASE)
# "Oyelaran is my surname"
_OWN_NAME = re.compile(rf"\b(?P<name>{NAME_WORD}) is my (?:sur|last |first |family |given |"
                       r"middle )?name\b", re.IGNORECASE)
# "the booking is under Okoro", "table for four under Bianchi"
# "thats where zeynep lives", "save 0158 … as kofi okafor"
_WHERE_LIVES = re.compile(rf"\bwhere (?P<name>{NAME_WORD}) (?:lives|works|stays|lived)\b",
                          re.IGNORECASE)
_SAVE_AS = re.compile(rf"\bsave\b[^.]{{0,60}}? as (?P<name>{NAME_WORD}(?: {NAME_WORD})?)"
                      r"(?![\w'’])", re.IGNORECASE)
_UNDER = re.compile(r"\b(?:booking|reservation|table|order|appointment|room|it|that)s?\b"
                    rf"[^.,!?]{{0,25}}\bunder (?P<name>{NAME_WORD}(?: {NAME_WORD})?)(?![\w])",
                    re.IGNORECASE)
_LABELLED_NAMES = (_LABELLED, _OWN_NAME, _UNDER, _WHERE_LIVES, _SAVE_AS)
# A word followed by its spelling: "gill, g i l l", "Kaczmarek, K-A-C-Z-M-A-R-E-K".
# Spoken spelling comes out of `spoken.to_written` as one word in capitals: "Hart, HART".
_SPELLED_AFTER = re.compile(r"\b(?P<word>[^\W\d_]{3,})[,.:]? (?:that's |as in )?"
                            r"(?P<letters>[^\W\d_](?:[ -][^\W\d_]){2,}|[A-Z]{3,})\b")


def _with_particles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans grown over a surname's particles: "Chase | da Costa"."""
    grown = []
    for start, end in spans:
        tail = _PARTICLE_TAIL.match(text, end)
        grown.append((start, tail.end() if tail else end))
    return grown


def find_names(text: str, *, is_near_data: bool = False) -> list[tuple[int, int]]:
    """Spans of personal names in `text`, by the rules in the module docstring.

    Args:
        text: written text.
        is_near_data: whether `text` also holds other personal data.
    """
    spans = []
    for match in _CUED_NAME.finditer(text):
        span = _name_span(match, is_near_data=is_near_data)
        if span:
            spans.append(span)
    for match in _TITLED.finditer(text):
        # "misses" is how Whisper writes "Mrs": "ring misses, Pemberton", not "misses Paris".
        is_verb = match.group().lower().startswith("misses") and (
            match.group("name").lower() in place_names())
        if match.group("name").split(" ")[0].lower() not in _NOT_NAMES and not is_general(
                text, match.start()) and not is_verb:
            spans.append((match.start("name"), match.end("name")))
    for match in _FULL_NAME.finditer(text):
        span = _full_name_span(match, text, is_near_data=is_near_data)
        if span:
            spans.append(span)
    added = _and_names(text, spans)
    while added:  # "invite Priya, Kenji and Ananya"
        spans += added
        added = [span for span in _and_names(text, added) if span not in spans]
    spans += [(m.start("name"), m.end("name")) for m in _TITLED_PARTICLE.finditer(text)]
    spans += [(m.start("name"), m.end("name")) for m in _TITLED_SMALL.finditer(text)
              if _is_surname_in_small_letters(m.group("name"))]
    spans += [span for m in _ASKED_ABOUT.finditer(text) if (span := _asked_about(m))]
    spans += [(m.start("name"), m.end("name")) for pattern in _LABELLED_NAMES
              for m in pattern.finditer(text) if _is_labelled_name(m)]
    spans += [(m.start(), m.end()) for m in _SPELLED_AFTER.finditer(text)
              if _is_spelled(m.group("word"), m.group("letters"))]
    answer = _ANSWER.search(text)
    if answer and answer.group("name").lower() not in place_names():
        given = answer.group("name").split(" ")[0].lower()
        # Alone, only a first name that is no word; after a question, any unknown word;
        # after a question for a name ("who should we call? Rose."), any word.
        is_asked = _ASKS_NAME.search(text, 0, answer.start()) is not None
        if is_plain_first_name(given) or (answer.start() > 0 and _is_uncommon(given)) or (
                is_asked and given not in _NOT_NAMES):
            spans.append((answer.start("name"), answer.end("name")))
    spans = _with_particles(text, spans)
    for pattern in (_FIRST_NAME_POSSESSIVE, _SUBJECT):
        for match in pattern.finditer(text):
            words = match.group("name").split(" ")
            given = words[0].lower()
            # "Dawn says …": a first name that is also a word, before a verb of a person.
            is_speaker = given in first_names() and _SPEAKER_VERB.match(text, match.end("name"))
            # "how long to drive to Anneliese's?" asks about no one famous.
            owner = _OWNER_BEFORE.search(text, max(0, match.start("name") - 30),
                                         match.start("name"))
            is_in_general = is_general(text, owner.start() if owner else match.start("name")) and (
                pattern is _SUBJECT or _MEDIA_OR_FAME.search(text) is not None)
            # "directions to Addenbrooke's" is a place; "drive to Anneliese's" a home.
            is_shop = (pattern is _FIRST_NAME_POSSESSIVE and given not in first_names()
                       and (_BEFORE_A_SHOP.search(text, max(0, match.start("name") - 12),
                                                  match.start("name")) is not None
                            or _OPENING_HOURS.search(text) is not None))
            is_shop = is_shop or (pattern is _FIRST_NAME_POSSESSIVE
                                  and _is_brand_or_venue(text, match.start(), match.end()))
            if ((is_plain_first_name(given) or is_stranger(words[0]) or is_speaker)
                    and given not in BUSINESSES and not is_shop
                    and match.group("name").lower() not in place_names()
                    and not is_in_general):
                spans.append((match.start("name"), match.end("name")))
    spans += _strangers(text)
    spans += _small_first_names(text)
    for pattern in (_POSSESSIVE, _HERE):
        for match in pattern.finditer(text):
            words = match.group("name").split(" ")
            start = match.start("name")
            # "that | peggy's birthday", "ring | meilin's mum": the owner is the last word
            # when the pair is no name.
            if len(words) > 1 and (words[0].lower() in _NOT_NAMES or not looks_like_name(
                    words[0]) or words[0].lower() in common_words()):
                start += len(words.pop(0)) + 1
            if not _NOT_NAMES.intersection(w.lower() for w in words) and looks_like_name(
                    words[0]):
                spans.append((start, match.end("name")))
    spans += [(m.start("name"), m.end("name")) for m in CHAT_SUBJECT.finditer(text)
              if is_plain_first_name(m.group("name")) or is_stranger(m.group("name"))]
    spans += _names_before_and(text, spans)
    spans += [span for m in _SURNAME_FIRST.finditer(text) if (span := _surname_first(m))]
    spans += [(m.start("name"), m.end("name")) for m in _INITIAL_AND_SURNAME.finditer(text)
              if _is_initialled_name(m)]
    spans += [(m.start("name"), m.end("name")) for m in _FAMILY.finditer(text)
              if m.group("name").lower() not in _NOT_NAMES]
    spans += [span for m in _EITHER_OR.finditer(text) if not _FAMOUS_DEED.match(text, m.end())
              for g in ("a", "b") if (span := _either_name(m, g))]
    spans += [(m.start(), m.end()) for pattern in (_SMALL_FULL_NAME, _CAPITALS_NAME)
              for m in pattern.finditer(text)
              if _is_small_full_name(m.group("given").lower(), m.group("surname").lower())
              and not is_general(text, m.start())]
    spans += [(m.start("name"), m.end("name")) for m in _MENTION.finditer(text)
              if m.group("name").lower() not in _NOT_NAMES]
    spans += find_cued_people(text)
    if is_near_data:  # "new address for Malik: 14 Quarry Lane …", "mobile for Aisha - 0770 …"
        spans += find_data_owners(text)
    spans = _with_particles(text, spans)
    spans = [(a, b) for a, b in spans if not _PRODUCT_LABEL.search(text, max(0, a - 24), a)]
    return spans + _repeats(text, spans)


def _is_small_full_name(given: str, surname: str) -> bool:
    """A first name that is no word, then a surname that is no word either.

    "chloe thistlethwaite", "KOFI OWUSU".
    """
    return (given in first_names() and given not in common_words()
            and surname not in common_words()
            and (surname in last_names() or is_uncommon_word(surname))
            and f"{given} {surname}" not in place_names())


def _is_initialled_name(match: re.Match) -> bool:
    """Initials and a surname: "Quote for E. Agarwal", "addressed to A. Becker".

    A surname that is also a town counts after two initials ("T. A. Mitchell"), and one
    that is also a word after a word that sends to or from someone ("addressed to A.
    Becker"); "the U.S. Open", "U.P. Town" are no one.
    """
    text, start = match.string, match.start()
    surname = match.group("surname").lower()
    if surname in _NOT_NAMES or re.sub(r"[. ]", "", match.group("initials")) in _ABBREVIATIONS:
        return False
    is_sent = _BEFORE_INITIALS.search(text, max(0, start - 16), start) is not None
    is_initialled = match.group("initials").count(".") > 1 and surname not in common_words()
    return (_is_surname_in_small_letters(surname) or (
        (is_sent or is_initialled) and surname in last_names())) and not is_general(text, start)


def _either_name(match: re.Match, group: str) -> tuple[int, int] | None:
    """One of two people asked between: a first name, with its surname if one follows.

    "is it Hamid or Leilani?", "is it Inga Bals or Priya Agarwal who has the key".
    """
    words = match.group(group).split(" ")
    given = words[0].lower()
    if not (is_stranger(given) or given in first_names()):
        return None
    start = match.start(group)
    if len(words) > 1 and looks_like_name(words[1], surname=True) and (
            match.group(group).lower() not in place_names()):
        return start, match.end(group)
    return start, start + len(words[0])


def _surname_first(match: re.Match) -> tuple[int, int] | None:
    """A given name after a surname and a comma, as on lists and forms.

    "Castillo, Njeri", "Te Whata, Aroha", "did Lefebvre, Marisol pay".
    """
    words = match.group("surname").split(" ")
    start = match.start("surname")
    if len(words) > 1 and words[0].lower() in common_words():  # "Did | Farouk, Lindiwe"
        start += len(words.pop(0)) + 1
    surname, given = words[-1].lower(), match.group("given").lower()
    is_given = is_plain_first_name(given) or is_stranger(given)
    is_surname = surname in last_names() or is_stranger(surname) or (
        is_given and surname not in _NOT_NAMES)
    if not (is_given or given in first_names()) or not is_surname or (
            " ".join(words).lower() in place_names() or given in place_names()):
        return None
    return start, match.end()


def _names_before_and(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name before "and" that comes before a name: "Bjørn and | Kiona are coming"."""
    found = []
    for start, _ in spans:
        match = _NAME_AND.search(text, max(0, start - 40), start)
        if match and (match.group("name").lower() in first_names()
                      or is_stranger(match.group("name"))):
            found.append((match.start("name"), match.end("name")))
    return found


def _is_brand_or_venue(text: str, start: int, end: int) -> bool:
    """Whether a possessive is a brand bought by measure or a place booked.

    "a bottle of Jack Daniel's", "Book Wendy's for 9": nothing of theirs follows.
    """
    return _MEASURE_OF.search(text, max(0, start - 40), start) is not None or (
        _BOOKED.search(text, max(0, start - 12), start) is not None
        and _NOTHING_OWNED.match(text, end) is not None)


def _strangers(text: str) -> list[tuple[int, int]]:
    """Names with no cue: capitalised words mid-sentence that no word list knows.

    A known first name that is no word ("collect Selin"), or no word at all ("remind me
    that Yetunde owes me lunch"), with the capitalised words after it ("Ploy
    Sukprasert"); not in a sentence about someone in general, not a place or thing
    ("… Road", "… Airport"), not a shop ("at Dishoom", "the Jollibee delivery").
    """
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        if match.start() == 0 or re.search(r"[.!?:]\s*$", text[max(0, match.start() - 3):
                                                              match.start()]):
            continue  # at the start of a sentence a capital says nothing
        words = match.group("name").split(" ")
        given = re.sub(r"['’]s$", "", words[0])  # "Jerry's" is Jerry's
        # "Ngozi owes me lunch": a town's name, but a person's verb.
        is_named_like_a_town = (is_uncommon_word(given) and given.lower() in place_names()
                                and _SPEAKER_VERB.match(text, match.end()) is not None)
        if not (is_plain_first_name(given) or is_stranger(given) or is_named_like_a_town):
            continue
        if _BEFORE_A_PLACE.search(text, max(0, match.start() - 12), match.start()) or (
                _AFTER_A_BUSINESS.match(text, match.end())) or _SHOP_PAIR.search(
                text, max(0, match.start() - 60), match.start()):
            continue  # "go to Legoland", "the Jollibee delivery", "from Holland & Barrett"
        if _BEFORE_A_PRODUCT.search(text, max(0, match.start() - 20), match.start()) or (
                _MODEL_AFTER.match(text, match.end())):
            continue  # "the new Casio watch", "a used KitchenAid 5KSM175": brands
        is_town = match.group("name").lower() in place_names() and not is_named_like_a_town
        if is_town or _names_a_thing(text, match.end()) or is_general(text, match.start()):
            continue
        if given.lower() not in first_names() and _TEAM_TALK.search(text):
            continue  # "Flamengo will win the league": a club
        found.append((match.start(), match.end()))
    return found


def _small_first_names(text: str) -> list[tuple[int, int]]:
    """First names typed in small letters with no cue.

    "whens vikram landing?", "jarrah and minh are coming": known first names that are no
    word, old or new, and no town, outside questions about the famous.
    """
    found = []
    for match in _SMALL_WORD.finditer(text):
        word = match.group()
        if (word in first_names() and word not in common_words() and word not in frequent_words()
                and word not in place_names() and word not in BUSINESSES
                and not is_general(text, match.start())):
            found.append((match.start(), match.end()))
    return found


def _asked_about(match: re.Match) -> tuple[int, int] | None:
    """A first name asked about, or a full name asked about a plan, a state or a deed.

    "Is Priya coming?", "did Mariam reply?", "is ananya iyer free?", "did Hiroshi Mahlangu
    pay?"; not "Is Carrefour open", "Is Cristiano Ronaldo still playing?".
    """
    words = match.group("name").split(" ")
    given = words[0].lower()
    start, end = match.start("name"), match.end("name")
    if match.group("name").lower() in place_names():
        return None
    is_surname = len(words) > 1 and words[1].lower() not in common_words() and (
        _is_uncommon(words[1]) or words[1].lower() in last_names())
    if is_surname:
        is_known = given in first_names() or _is_uncommon(given)
        is_personal = (_PERSONAL_STATE.match(match.string, end) is not None
                       or _PERSON_ACT.match(match.string, end) is not None)
        return (start, end) if is_known and is_personal else None
    if len(words) > 1:  # "Carrefour | open": the name is the first word alone
        return None
    # "did Hope ever send the pictures?": a first name that is a word, before a verb of a
    # person, capitalised mid-sentence.
    is_person = (given in first_names() and words[0][0].isupper()
                 and _PERSON_ACT.match(match.string, end) is not None)
    return (start, end) if is_plain_first_name(given) or is_person else None


def _is_labelled_name(match: re.Match) -> bool:
    """A name after a form label, before "is my surname", or after "booking … under".

    Capitalised and no pronoun ("Patient: Baker, Rosalind"), or in small letters no word.
    """
    name = match.group("name")
    first = name.split(" ")[0].strip(",").lower()
    if first in _NOT_NAMES or first in BUSINESSES:
        return False
    return name[0].isupper() or _is_uncommon(first) or is_plain_first_name(first)


def _is_surname_in_small_letters(word: str) -> bool:
    """"doctor reyes", "mister o'sullivan": no common word, or a surname that is no word."""
    lower = word.lower()
    return lower not in _NOT_NAMES and lower not in place_names() and (
        _is_uncommon(lower) or (lower in last_names() and lower not in common_words()))


def _is_spelled(word: str, letters: str) -> bool:
    return len(word) > 2 and re.sub(r"[^a-z]", "", letters.lower()) == word.lower()


def _and_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name after "and" that follows a name: "text sam and robert"."""
    found = []
    for _, end in spans:
        match = _AND_NAME.match(text, end)
        if match is None:
            continue
        words = [w for w in match.group("name").split(" ") if w.lower() not in _NOT_NAMES]
        kept = words[:1] + [w for w in words[1:2] if _is_uncommon(w)
                            or w.lower() in last_names()]
        if kept and (kept[0].lower() in first_names() or _is_uncommon(kept[0])):
            start = match.start("name")
            found.append((start, start + len(" ".join(kept))))
    return found


def _repeats(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other places the words of a found name come up: "Vikram, VIKRAM", "Ana … Ana's"."""
    words = {w.lower() for a, b in spans for w in text[a:b].split(" ") if _is_uncommon(w)}
    if not words:
        return []
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)
            if not any(a <= m.start() < b for a, b in spans)]
