"""Where personal data sits in a text: cards, SSNs, phones, e-mails, IBANs, IPs, addresses, names.

Candidates are checked with the format's own rules through the field's libraries:
`python-stdnum` for Luhn (cards), IBANs (mod-97 and each country's BBAN format) and
US SSNs; `phonenumbers` for phone numbers of every region (its matcher, plus
parsing of digit runs); `ipaddress` for IPs. So counts, years, prices and dates
do not trip it. Numbers right after "order", "tracking", "flight", "model" … are
references, not personal data. Spoken forms ("four one one one …", "jane dot doe
at example dot com", "G B eighty one, B A R C …") are turned into written ones
first by `spoken.to_written`. What Whisper half heard is still masked when the
sentence is about a card, account, SSN or phone number, and a number grows over the
digit groups around it. Names follow the context rule in `names`, places are masked
only as part of an address (`places`), and a learned tagger (`tagger`) masks the rest
of the names and addresses in a sentence those rules found personal data in.

Why not presidio: its analyzer pulls in spaCy (~390 MB here, and several ms per
sentence where this runs on every turn and log line), its e-mail recognizer
fetches the public suffix list from the internet at first use (this appliance
runs offline), and its SSN recognizer rejects the dashed form most people say.
Its recognizers are regexes plus the same checksums as below.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

from appliance.config.governance import PERSONAL_DATA_KIND_TABLE
from appliance.governance.heard_addresses import find_addresses, glued_end
from appliance.governance.names import find_names
from appliance.governance.spoken import IBAN_COUNTRIES
from appliance.governance.tagger import find_tagged
from appliance.governance.word_lists import is_uncommon_word

PERSONAL_DATA_KINDS = tuple(PERSONAL_DATA_KIND_TABLE)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it is in the text."""

    kind: str
    start: int
    end: int


_EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_PHONE_PATTERNS = (
    # US: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-1234.
    re.compile(r"(?<![\w(+-])(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"),
    # US local, dash only (a space or dot would also match "room 555 1234" or decimals).
    re.compile(r"(?<![\w.-])\d{3}-\d{4}(?![\w-])"),
    # National with a trunk 0 ("020 7946 0958", "030-1234567"). Dates like 01-02-2026 have
    # only 8 digits, hence the 9-digit minimum below; area codes never start with 0
    # ("00" is the international prefix); and a group inside a longer run of digit
    # groups (an IBAN, a card) is not a phone number.
    re.compile(r"(?<![\w.+-])(?<!\d )0[1-9]\d{0,3}(?:([ -])\d{2,8}(?:\1\d{2,8}){0,2}|"
               r"(?:\.\d{2,8}){2,3})(?![\w-]|\.\d)"),
    # A trunk prefix in brackets: "(03) 5555 1234", "(020) 7946 0958", "(030) 1234567", and
    # the local number in any grouping after it ("(0222) 587 13 26", "(028) 75319").
    re.compile(r"(?<![\w(])\(0\d{1,4}\) ?\d{2,5}(?:[ -]?\d{2,4}){0,3}(?![\w-])"),
    # International as Whisper writes it when it hears the digits: "+9-1-98662-39608".
    re.compile(r"(?<![\w+])\+ ?\d{1,3}(?:[ .,-]{1,2}\(?\d{1,6}\)?){1,15}(?![\w])"),
    # International with the "00" prefix most of the world dials: "0027 10 311 6346".
    re.compile(r"(?<![\w.+-])(?<!\d )00[1-9]\d{0,2}(?:[ .-]\d{1,5}){2,5}(?![\w-])"),
)
_PHONE_DIGITS = (7, 15)
# Digit groups separated by single spaces, commas or dashes; each group is checked below.
_DIGIT_RUN = re.compile(r"(?<![\w.])\d+(?:(?:, ?| |-)\d+)*(?![\w])")
# Whisper's thousands grouping of a number said at once: "4,808,845,216,000,939".
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# Country code, check digits, then the account in groups of any size (or spelled digit by
# digit: "IT 8 2, S 1 9 8, …", or unbroken); prefixes are checked against each country's
# IBAN format and check digits, so little else passes.
# Tried at every word (a lookahead), so "to CZ82 …" is also tried from "CZ82".
_IBAN = re.compile(r"\b(?=([A-Z]{2}(?:(?:,? |[-.])?[A-Z0-9]{1,32}\b){1,40}))", re.IGNORECASE)
# "527-80-3938", "527 80 3938", and as typed with spaces round the dashes "674 - 83 - 5361".
_SSN = re.compile(r"(?<![\w-])\d{3}( ?- ?| )\d{2}\1\d{4}(?![\w-])")
# "firmware version 2.1.0.4", "the firmware is 2.4.1.8", "update to 10.0.19045.2965"
_VERSION_WORD = "version|firmware|release|update|build|kernel"
_VERSION_CUE = re.compile(rf"\b(?:{_VERSION_WORD}|v)\W*"
                          r"(?:(?:is|was|at|on|to|number)\W+)?$", re.IGNORECASE)
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
# Numbers right after these words are references, not people: "order 5551234567",
# "tracking number is 611130478", "flight 447".
_REFERENCE_CUE = re.compile(
    r"\b(?:(?<!standing )order|orders|tracking|track|package|parcel|shipment|invoice|reference|ref|"
    r"confirmation|booking|ticket|flight|model|serial|part|item|receipt|case|isbn|po|sku|"
    r"population|residents|people|lottery|winning|meeting|pin|passcode|score|membership|"
    r"member|loyalty|rewards|policy|claim|error|fault|status|exception|transaction)\b"  # not "pool"
    r"\W*(?:(?:numbers?|no|num|id|code|is|was|are|were|#)\W*){0,3}"
    # "serial number on the fridge is …"
    r"(?:(?:on|of|for|from) (?:the |my |your )?[a-z]+ (?:is|was|reads|says)\W+)?"
    # a code's first letters and digits said before the run: "one z 999 a a …"
    r"(?:(?:(?!(?:to|at|on|in|is|by|via|me|my|and|or|the|for)\W)[a-z0-9]{1,3}|dash|hyphen|"
    r"slash)\W+){0,8}$",
    re.IGNORECASE)
# The answer to a question for a reference: "what's the reference? caller: it's two zero …".
_ASKS_REFERENCE = re.compile(r"\b(?:reference|order|booking|tracking|confirmation|invoice|"
                             r"ticket|case|policy|claim)\b[^?]{0,40}\?[^?\d]{0,30}$",
                             re.IGNORECASE)
# Someone's own number named for a purpose: "my SSN for the unemployment claim is …", "the
# card for the booking is …". What follows is that number, not the claim's or booking's.
_OWN_NUMBER_FOR = re.compile(
    r"\b(?:card|ssn|social(?: security)?|phone|mobile|cell|iban)(?: numbers?| no\.?)?"
    r" (?:for|on|of) (?:[\w'’-]+ ){0,3}$", re.IGNORECASE)
# A number joined to a code's letters is part of the code: "INV-2026-004512", "SKU-88-…".
_CODE_PREFIX = re.compile(r"\b[A-Za-z]{3,}-$")
# A run right after these words is personal data whatever its shape, as long as it holds
# enough digits: Whisper writes "My Social Security Number 7-875-7745-77".
# Up to two other words may come between: "call me back on …", "social security field
# with …", Whisper's "My Social Inate 27 34 …".
_PERSONAL_CUE = re.compile(
    r"\b(?P<cue>card|visa|visas|mastercard|amex|charge it to|pay with|socials|social|ssn|"
    r"security number|phone|mobile|cell|number|call me|reach me|ring me|call|text|whatsapp|"
    r"get me|catch me|get hold of me|contact me|contact|"
    r"dial|message me|leave a message)\b"
    r"(?:\W+(?!(?:and|or|but|for|of)\b)[a-z]+){0,2}\W*(?:(?:is|at|on|number|it's|:)\W*){0,3}$",
    re.IGNORECASE)
_CUE_KINDS = {"card": "card", "visa": "card", "visas": "card", "mastercard": "card",
              "amex": "card", "charge it to": "card", "pay with": "card",
              "social": "us_ssn", "socials": "us_ssn", "ssn": "us_ssn",
              "security number": "us_ssn"}

_IBAN_LIKE = re.compile(r"\b[A-Z][A-Z.-]{0,3}[ -]?\d{1,2}(?:(?:,? |-)[A-Z0-9]{1,10}\b){2,34}",
                        re.IGNORECASE)
_ACCOUNT_CUE = re.compile(r"\b(?:iban|account|transfer|into|bank)\b", re.IGNORECASE)
_UNBROKEN = re.compile(r"(?<![\w.])\d{13,19}(?!\w|\.\d)")
_LOOSE_RUN = re.compile(
    r"(?:\+|\((?=\d))?\d[\d ,.()-]*?"
    r"(?:(?:[ -]?(?:double|triple|oh)[ -]?|[ ,.-]{1,2})\d+){1,12}(?![\w])",
    re.IGNORECASE)
# Whisper runs a spoken address together ("ashtardathotmail.co.uk", "atoutlook.com") or
# drops the "at" ("c.wetfield.orange.fr"): a mail provider's name, or a long dotted name
# in a sentence about mail, is still an address.
_DOMAIN_TOKEN = re.compile(r"(?!www\.)[\w+-]+(?:\.[\w+-]+)*\.[a-z]{2,6}", re.IGNORECASE)
_MAIL_PROVIDER = re.compile(r"gmail|googlemail|hotmail|outlook|yahoo|icloud|aol|proton|gmx|"
                            r"btinternet|comcast|orange|live\.|msn\.|mail\.", re.IGNORECASE)
# Right after "my email is" (a word at most between), a dotted name of three or more parts
# is the address with its "at" lost: "email is mironh.sato74atversionmedia.com".
_SAYS_EMAIL_IS = re.compile(r"\be-?mail(?: address)?(?:['’]s| is| was|:)\W+"
                            r"(?:(?!(?:from|on|at|to|in|about|via|with|for|of|the|a|an)\b)"
                            r"[\w.]{1,20}\W+)?$", re.IGNORECASE)
# "email is format. gelina.163.com": the word before, with Whisper's full stop, is the name's.
_SPLIT_LOCAL_PART = re.compile(r"\be-?mail\W+(?:is|was)\W+\w{1,20}\. $", re.IGNORECASE)
_MAIL_CUE = re.compile(r"\b(?:e-?mail|mail|send|write|cc|contact|share|forward)\b",
                       re.IGNORECASE)


# No value a person says runs longer than this without a space (an IBAN is 34 characters, a
# long e-mail 60-odd). Past it, patterns tried at each position of a run cost the square of
# its length: a 64 KiB word held the masker for over ten minutes.
LONGEST_WORD = 100
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")
# Where a long run (a URL, a pasted blob) breaks first: "https://x.io/a?mail=ann@x.io&id=7".
_RUN_BREAKS = frozenset("/?&=#;|<>()[]{}\"'")


def bounded_words(text: str) -> str:
    """`text` with runs longer than `LONGEST_WORD` broken by spaces, its length kept.

    A run breaks at its URL and markup punctuation, and what is still too long every
    `LONGEST_WORD` characters, so every position found in it is a position in `text`.
    """
    if not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for run in _LONG_RUN.finditer(text):
        word_start = run.start()
        for i in range(run.start(), run.end()):
            if chars[i] in _RUN_BREAKS or i - word_start == LONGEST_WORD:
                chars[i], word_start = " ", i + 1
    return "".join(chars)


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in written `text`, in order, overlaps resolved.

    The rules first, then the learned tagger (`tagger`) for the names and addresses
    the rules left unmasked in a sentence they found personal data in. Words longer
    than any value are read in pieces (`bounded_words`), so time stays linear.
    """
    text = bounded_words(text)
    found = by_rules = find_by_rules(text)
    if not found:  # the tagger only adds to a finding: most log lines need no tagging
        return found
    tagged = find_tagged(text, [(f.kind, f.start, f.end) for f in found])
    if not tagged:
        return found
    data = _Spans(found)
    # Only in a text the rules found personal data in: alone, the tagger took shops and
    # the famous for people ("is Aldi open", "when was Ada Lovelace born"), 2-9 % of
    # negatives, even when 99 % sure. Beside a finding ("Leeds LS6 2AB" after a street, a
    # surname after a first name) a low probability is enough; elsewhere in the sentence
    # ("jarrah and minh are coming, I'm at [ADDRESS]") it must be surer.
    extra = [Finding(t.kind, a, b) for t in tagged
             if t.sure >= ELSEWHERE_THRESHOLD
             or data.overlaps(max(0, t.start - _BESIDE), t.end + _BESIDE)
             for a, b in _uncovered(text, found, t.start, t.end)]
    # `_uncovered` leaves no overlap with the rules' findings to resolve.
    found = _joined(text, sorted(found + extra, key=lambda f: f.start))
    # A number straight after a name the tagger found (or grew) is that person's, as after
    # the rules' names (`find_by_rules` looked behind those already).
    tagged_names = [f for f in found if f.kind == "person_name" and f not in by_rules]
    data = _Spans(found)
    found = sorted(found + [f for f in _numbers_after_names(text, tagged_names)
                            if not data.overlaps(f.start, f.end)], key=lambda f: f.start)
    # An address the tagger ended halfway through a glued code ("New York 1|.256").
    return [Finding(f.kind, f.start, glued_end(text, f.end)) if f.kind == "street_address"
            else f for f in found]


def _joined(text: str, found: list[Finding]) -> list[Finding]:
    """Findings of one kind with only a space between them as one: "[NAME]", not "[NAME] [NAME]"."""
    joined: list[Finding] = []
    for finding in found:
        last = joined[-1] if joined else None
        if last and last.kind == finding.kind and not text[last.end:finding.start].strip():
            joined[-1] = Finding(last.kind, last.start, finding.end)
        else:
            joined.append(finding)
    return joined


_SEPARATORS = " ,.-"
_BESIDE = 3  # characters between a rule's finding and the tagger's: ", " or " - "
# How sure the tagger must be of words away from the rules' findings (beside them,
# `tagger.THRESHOLD`). Cross-validated on the dev halves of blind sets 4-8, each left out
# of training in turn: recall 0.966 beside only, 0.980 with 0.5 elsewhere, 0.981 with 0.3;
# the sentence's other words masked with them: 3.95 %, 4.24 %, 4.29 %.
ELSEWHERE_THRESHOLD = 0.5


def _uncovered(text: str, found: list[Finding], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of [start, end) that no finding in `found` covers, without their commas."""
    parts, cursor = [], start
    for finding in found:
        if finding.end <= cursor or finding.start >= end:
            continue
        if finding.start > cursor:
            parts.append((cursor, finding.start))
        cursor = max(cursor, finding.end)
    if cursor < end:
        parts.append((cursor, end))
    trimmed = []
    for a, b in parts:
        piece = text[a:b]
        inner = piece.strip(_SEPARATORS)
        if inner:
            a += len(piece) - len(piece.lstrip(_SEPARATORS))
            trimmed.append((a, a + len(inner)))
    return trimmed


def find_by_rules(text: str) -> list[Finding]:
    """What the hand-written rules find in written `text`, in order, overlaps resolved."""
    found = [
        *(Finding("email", m.start(), m.end()) for m in _EMAIL.finditer(text)),
        *_mangled_emails(text),
        *_ibans(text),
    ]
    digits = sum(ch.isdigit() for ch in text)
    if digits >= 7:
        found += [*_cued_runs(text), *_cards_and_numbers(text), *_ssns(text), *_phones(text),
                  *_long_numbers(text), *_cued_accounts(text), *_heard_ibans(text)]
    if digits >= _HEARD_MIN_DIGITS:  # Whisper's words and letters for digits make up the rest
        found += _misheard_runs(text)
    found += [*_ip_addresses(text), *_misheard_ips(text),
              *(Finding("street_address", a, b) for a, b in find_addresses(text)
                # a lone code after "booking reference" is no postcode: "… X7K9QL"
                if " " in text[a:b] or not is_reference(text, a))]
    found = _with_repeats(text, _with_extensions(text, _without_overlaps(_widened(text, found))))
    found += _corrected(text, found)
    data = _Spans(found)
    found += [f for f in _another_phone(text, found) if not data.overlaps(f.start, f.end)]
    # A name never cuts into other data: "jackom atoutlook.com" is an e-mail address.
    data = _Spans(found)
    names = [Finding("person_name", a, b)
             for a, b in find_names(text, is_near_data=bool(found))
             if not data.overlaps(a, b)]
    names += [f for f in _mail_owners(text, found) if not data.overlaps(f.start, f.end)]
    found += _with_extensions(text, [f for f in _numbers_after_names(text, names)
                                     if not data.overlaps(f.start, f.end)])
    return _without_overlaps(found + names)


# A number right after a person's name is theirs, whatever its shape: "call Hope on
# 666437564", "Nikau Mizrahi (516 80316)", "Makana on 312, 939, 9654". The run ends at its
# last digit, before the words after it: "083, 175, 1628, m.srisai…".
_AFTER_A_NAME = re.compile(
    r"(?:['’]s)?(?:,? (?:on|at|is|number|mobile|phone|cell|tel)\b){0,2}[ ,:(]{0,3}"
    r"(?P<run>\+?\d[\d ,.()-]*\d)")


def _numbers_after_names(text: str, names: list[Finding]) -> list[Finding]:
    """Runs of 7 to 15 digits said straight after a name found in `text`: their number."""
    found = []
    for name in names:
        match = _AFTER_A_NAME.match(text, name.end)
        if match is None:
            continue
        run = match.group("run")
        groups = re.findall(r"\d+", run)
        if 7 <= sum(map(len, groups)) <= 15 and not _is_counting(run, groups) and not (
                is_reference(text, match.start("run"))):
            found.append(Finding("phone", match.start("run"), match.end("run")))
    return found


def _mail_owners(text: str, found: list[Finding]) -> list[Finding]:
    """Names an e-mail address spells out, said beside it.

    "share with deshawn (deshawn.carter@…)": the address says whose it is.
    """
    words = set()
    for finding in found:
        if finding.kind == "email" and "@" in text[finding.start:finding.end]:
            local = text[finding.start:finding.end].split("@")[0]
            words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", local)
                         if is_uncommon_word(w))
    if not words:
        return []
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words)))})\b", re.IGNORECASE)
    return [Finding("person_name", m.start(), m.end()) for m in pattern.finditer(text)]


# Kinds that are numbers a person reads out, which Whisper may garble or the user correct.
_NUMBER_KINDS = frozenset({"card", "phone", "us_ssn", "iban"})
# Digits said and then taken back: "two seven two one, no sorry, let me start again, …".
_TAKEN_BACK = re.compile(
    r"(?P<run>\d(?:[ ,.-]{0,2}\d)+)[ ,.]*\b(?:no|sorry|oops|wait|i mean|scratch that|"
    r"let me start again|start again|correction|actually)\b[^\d]{0,40}$", re.IGNORECASE)


# A second number said straight after a phone, in its sentence: "+358 48 0757516, the
# Estonian one is 5826 4805", "… 020 7946 0958 or 07700 900123", "… and his one in Lagos
# is …". Its shape is the region's own, so no plan is checked; the first says what it is.
_ANOTHER_NUMBER = re.compile(
    r"[^.?!\d]{0,50}?\b(?:and|or|(?:one|number|other)(?: (?!and|or)[\w'’]+){0,3} is|one's|"
    r"also|else|alternatively)"
    r"\W+(?P<run>\+?\(?\d[\d ().-]{5,}\d)(?![\w-]|\.\d)", re.IGNORECASE)


def _another_phone(text: str, found: list[Finding]) -> list[Finding]:
    """Numbers of 7-15 digits said as another way to reach whoever a phone found is."""
    extra = []
    for finding in found:
        if finding.kind != "phone":
            continue
        match = _ANOTHER_NUMBER.match(text, finding.end)
        if match and 7 <= sum(ch.isdigit() for ch in match.group("run")) <= 15 and (
                not is_reference(text, match.start("run"))):
            extra.append(Finding("phone", match.start("run"), match.end("run")))
    return extra


def _corrected(text: str, found: list[Finding]) -> list[Finding]:
    """The first try of a number said again right after: it is as personal as the second."""
    extra = []
    for finding in found:
        if finding.kind in _NUMBER_KINDS:
            offset = max(0, finding.start - 80)
            before = _TAKEN_BACK.search(text[offset:finding.start])
            if before:
                extra.append(Finding(finding.kind, offset + before.start("run"),
                                     offset + before.end("run")))
    return extra


def _mangled_emails(text: str) -> list[Finding]:
    found = []
    # Word by word (a regex scan from every position would take quadratic time).
    for word in re.finditer(r"[^\s,;:!?()\"']+", text):
        token = word.group().rstrip(".")
        if "@" in token or not _DOMAIN_TOKEN.fullmatch(token):
            continue
        provider = _MAIL_PROVIDER.search(token)
        # Something before the provider's name: a local part, not "open outlook.com".
        if (provider and provider.start() > 0) or (token.count(".") >= 3
                                                    and _MAIL_CUE.search(text)) or (
                token.count(".") >= 2 and _SAYS_EMAIL_IS.search(text, 0, word.start())):
            start = word.start()
            # "jackom atoutlook.com": the "at" was heard, the word before is the name.
            if provider and token[:provider.start()].lower() == "at":
                start = text.rfind(" ", 0, start - 1) + 1
            # "email is format. gelina.163.com": Whisper's full stop split the name.
            elif _SPLIT_LOCAL_PART.search(text, 0, start):
                start = text.rfind(" ", 0, start - 1) + 1
            found.append(Finding("email", start, word.start() + len(token)))
    return found


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    # Longest first: a card's digits must not also be reported as a phone inside it.
    kept = _Spans()
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if not kept.overlaps(item.start, item.end):
            kept.add(item)
    return kept.items


class _Spans:
    """Findings that do not overlap, in order; checking a new one costs log time."""

    def __init__(self, items: list[Finding] | None = None):
        self.items: list[Finding] = sorted(items or [], key=lambda f: f.start)
        self._starts = [f.start for f in self.items]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a kept finding (they do not overlap each other)."""
        index = bisect.bisect_left(self._starts, start)
        if index < len(self.items) and self.items[index].start < end:
            return True
        return index > 0 and self.items[index - 1].end > start

    def add(self, item: Finding) -> None:
        index = bisect.bisect_left(self._starts, item.start)
        self._starts.insert(index, item.start)
        self.items.insert(index, item)


def is_reference(text: str, start: int) -> bool:
    """Whether the number starting at `start` follows "order", "tracking", "flight" …."""
    offset = max(0, start - 40)
    before = text[offset:start]
    cue = _REFERENCE_CUE.search(before)
    if cue and _OWN_NUMBER_FOR.search(text, max(0, offset + cue.start() - 60),
                                      offset + cue.start()):
        cue = None  # "my SSN for the unemployment claim is …": the SSN, not the claim's
    return (cue is not None or _CODE_PREFIX.search(before) is not None
            or _ASKS_REFERENCE.search(text, max(0, start - 90), start) is not None)


def _ssns(text: str) -> list[Finding]:
    return [Finding("us_ssn", m.start(), m.end()) for m in _SSN.finditer(text)
            if _ssn_valid(m.group()) and not is_reference(text, m.start())]


def _phones(text: str) -> list[Finding]:
    low, high = _PHONE_DIGITS
    found = []
    for pattern in _PHONE_PATTERNS:
        for match in pattern.finditer(text):
            digits = sum(ch.isdigit() for ch in match.group())
            minimum = 9 if match.group().startswith("0") else low
            if minimum <= digits <= high and not is_reference(text, match.start()):
                found.append(Finding("phone", match.start(), match.end()))
    # Every region's formats, checked against its numbering plan.
    # max_tries bounds the matcher's work on long adversarial text (a sentence has a few
    # candidates; a pasted log of digits has thousands).
    for match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID,
                                                 max_tries=500):
        groups = re.findall(r"\d+", match.raw_string)
        if not is_reference(text, match.start) and not _is_counting(match.raw_string, groups):
            found.append(Finding("phone", match.start, match.end))
    return found


def _cue_before(text: str, start: int) -> str:
    """The personal-data cue just before `start` ("card", "social", "phone" …), or ""."""
    cue = _PERSONAL_CUE.search(text[max(0, start - 30):start])
    return cue.group("cue").lower() if cue else ""


def _cued_runs(text: str) -> list[Finding]:
    """Digit runs of any shape after "card", "social", "phone", "call me" …, 7+ digits."""
    found = []
    for match in _LOOSE_RUN.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) < 7 or is_reference(text, match.start()):
            continue
        if _is_counting(match.group(), re.findall(r"\d+", match.group())):
            continue
        cue = _cue_before(text, match.start())
        if cue:
            kind = _CUE_KINDS.get(cue, "phone")
            if not _is_checked_and_wrong(match.group(), kind):
                found.append(Finding(kind, match.start(), match.end()))
    return found


# How cards and SSNs are printed: a run in one of these shapes that fails its check is
# not what it looks like ("4111 1111 1111 1112", "000-12-3456").
_PRINTED_CARD = re.compile(r"\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}")
_PRINTED_SSN = re.compile(r"\d{3}([ -]?)\d{2}\1\d{4}")


def _is_checked_and_wrong(run: str, kind: str) -> bool:
    """Whether a run in a printed form ("4111 1111 1111 1112", "000-12-3456") fails its check.

    A misheard number comes out in odd groups or lengths and is masked anyway; one in
    the exact printed form that fails the checksum is not what it looks like.
    """
    compact = re.sub(r"\D", "", run)
    if _PRINTED_CARD.fullmatch(run.strip()):
        return not luhn_valid(compact)
    if kind == "us_ssn" and len(compact) == 9:
        return not _ssn_valid(compact)
    return False


# Whisper's "car number" for "card number": "my car number is 5542…".
_CARD_HEARD_AS_CAR = re.compile(r"\bcar numbers?\W*(?:is\W*)?$", re.IGNORECASE)
# The last digit of a grouped number, after a point Whisper wrote for a pause: "7262.9".
_HEARD_TAIL = re.compile(r"(?<=\d{3})\.\d$")


def _without_heard_tail(run: str) -> str:
    """A run of digit groups without the ".9" Whisper put before its last digit, if grouped."""
    return _HEARD_TAIL.sub("", run) if re.search(r"\d[, ]+\d", run) else run


def _long_numbers(text: str) -> list[Finding]:
    """Runs of 13-19 digits that fail every check: a card Whisper misheard a digit of.

    Nothing else people say to an assistant is that long, bar references (after
    "order", "tracking" …), money and decimals, which are left alone.
    """
    found = []
    for match in (*_LOOSE_RUN.finditer(text), *_UNBROKEN.finditer(text)):
        start, run = match.start(), match.group()
        grouped = _without_heard_tail(run)
        if not 13 <= sum(ch.isdigit() for ch in run) <= 19 or re.search(r"\d\.\d", grouped) or (
                _THOUSANDS_GROUPED.fullmatch(grouped)):  # a decimal, or "1,234,567,890,123.5"
            continue
        if _is_counting(run, re.findall(r"\d+", run)) or _is_isbn(run):
            continue
        if is_reference(text, start) or (start > 0 and text[start - 1] in "$£€"):
            continue
        # Whisper writes a card it heard as one run: after "card", "visa" … a run that
        # fails the check is one it misheard a digit of, not a test number.
        is_said_as_a_card = run.isdigit() and (
            _CUE_KINDS.get(_cue_before(text, start)) == "card"
            or _CARD_HEARD_AS_CAR.search(text, max(0, start - 30), start) is not None)
        if is_said_as_a_card or not _is_checked_and_wrong(run, "card"):
            found.append(Finding("card", start, match.end()))
    return found


def _is_isbn(run: str) -> bool:
    """A book's number: 13 digits from 978 or 979 (no card starts so), whatever its cue.

    Whisper hears "ISBN" as "I SBN" or "is b n", so the word cannot be relied on.
    """
    compact = re.sub(r"\D", "", run)
    return len(compact) == 13 and compact[:3] in ("978", "979")


# What Whisper makes of a number it half heard: digit groups with letters in them ("T57,
# I138, 0947"), odd dots and dashes ("2.367 156", "6661-776-45"), and a short misheard
# word between groups ("4 high 7 1 2 7", "2006 for 31092"), or a letter and a dash before
# one ("326 I-383").
_HEARD_GROUP = r"(?:[A-Za-z]{0,2}|[A-Za-z]-)\d[\w'.-]*"
# What Whisper writes for digit words it half heard ("free" for three, "I'm" for nine, "nero"
# for zero), and the "to" and "for" of two and four, hyphenated or not: "6421 i'm free to
# 6616", "5-2, double-free, 5-0-free time, 4-2-time-2".
# Sounds that stand for a digit of their own (not "double", "to", "for" or "time").
_DIGIT_OF_ITS_OWN = "free|i'm|nero|nilo|zero|oh"
_DIGIT_SOUND = rf"(?:{_DIGIT_OF_ITS_OWN}|double|triple|time|to|for)"
_SOUNDS = rf"{_DIGIT_SOUND}(?:-{_DIGIT_SOUND})*"
_COUNTED_SOUND = re.compile(rf"(?<![\w'])(?:{_DIGIT_OF_ITS_OWN})(?![\w'])", re.IGNORECASE)
# Sounds that only Whisper's hearing puts between digit groups ("to" and "for" are words too).
_JOINING_SOUND = re.compile(rf"(?<![\w'])(?:{_DIGIT_OF_ITS_OWN}|double|triple|time)(?![\w'])",
                            re.IGNORECASE)
# A lone letter between digits is a digit Whisper misheard: "6i195.8i9".
_LETTER_FOR_DIGIT = re.compile(r"(?<=\d)[a-z](?=\d)", re.IGNORECASE)
_HEARD_RUN = re.compile(
    rf"(?<![\w$£€/]){_HEARD_GROUP}(?:[ ,;]+(?:[A-Za-z']{{1,6}}[ ,;]+|(?:{_SOUNDS}[ ,;]+){{1,3}})?"
    rf"{_HEARD_GROUP})*", re.IGNORECASE)
# The groups of one number, and a zero said last in words ("326 I-383 zero").
_GROUP_RUN = re.compile(rf"(?<![\w$£€/]){_HEARD_GROUP}(?:[ ,;]+(?:{_HEARD_GROUP}|zero\b))*",
                        re.IGNORECASE)
# Digits a text needs before half-heard runs are looked for ("6i195.8i9" holds six).
_HEARD_MIN_DIGITS = 5
# "IBAN", and "Iben", "Iber", "iBNT", "Ryban", "Riber", "Ryman": how Whisper base writes it.
_IBAN_WORD = r"iban|[ie] ?b[aeiou]?[nr]\w{0,3}|r[iy]b[ae]?[nr]\w{0,2}|r[iy]m[ao]n"
_DATA_CUE = re.compile(
    r"\b(?:(?P<card>card|credit|debit|visa|mastercard|amex|discover)|"
    rf"(?P<iban>{_IBAN_WORD}|account|"
    r"acct|sort code|routing|bank|transfer|wire|standing order|refund\w*|deposit|pay it in)|"
    r"(?P<us_ssn>socials?|ssn|security number)|"
    r"(?P<phone>phone|mobile|cell|number|call|reach|reached|text|ring|whatsapp|dial|contact|"
    # "plus" before a number that is not a sum ("is plus free 538559-30823", not "2 plus 2")
    r"(?<![\d%] )(?<![\d%])plus(?= (?:[a-z']{1,5} )?\d))|"
    r"(?P<ip_address>ip|i\.p\.|server|router|nas|printer|camera|gateway))\b", re.IGNORECASE)


# An extension said after a phone number: "… extension 2 7 3 8", "… ext. 204", "… x 15".
_EXTENSION = re.compile(r",? (?:extension|ext\.?|x) ?(?:\d ?){1,6}(?<! )", re.IGNORECASE)


def _with_extensions(text: str, found: list[Finding]) -> list[Finding]:
    """Phone numbers grown over the extension said after them."""
    grown = []
    for finding in found:
        extension = _EXTENSION.match(text, finding.end) if finding.kind == "phone" else None
        grown.append(Finding("phone", finding.start, extension.end()) if extension else finding)
    return grown


# "double" or "triple" said right before a number: "my social is double 17310132".
_REPEAT_BEFORE = re.compile(r"\b(?:double|triple)[ -]$", re.IGNORECASE)


def _with_repeats(text: str, found: list[Finding]) -> list[Finding]:
    """Numbers grown back over the "double" or "triple" that starts them: it is a digit said."""
    grown = []
    for finding in found:
        repeat = (_REPEAT_BEFORE.search(text, max(0, finding.start - 8), finding.start)
                  if finding.kind in _NUMBER_KINDS else None)
        grown.append(Finding(finding.kind, repeat.start(), finding.end) if repeat else finding)
    return grown


def _widened(text: str, found: list[Finding]) -> list[Finding]:
    """Numbers grown to the whole run of digit groups they sit in.

    A number is said as one unit: when Whisper mishears part of it ("T57, I138, 0947,
    6573 8871 4253 155" holds a card-shaped tail), the rest is the same person's number.
    """
    numbers = [f for f in found if f.kind in _NUMBER_KINDS]
    if not numbers:
        return found
    widened = list(found)
    for match in _GROUP_RUN.finditer(text):
        start, end = match.start(), match.start() + len(match.group().rstrip(".,;"))
        inside = [f for f in numbers if f.start < end and start < f.end]
        if inside:
            start, end = min(start, inside[0].start), max(end, inside[-1].end)
            widened.append(Finding(inside[0].kind, start, end))
    return widened


_CLOSE_CUE_DIGITS, _CLOSE_CUE_CHARS = 7, 40
# "1 250 000 points", "37,400,000": a quantity written in thousands, not a phone.
_THOUSANDS_GROUPED = re.compile(r"\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*")
# A device's hardware address ("the router's MAC address is 7c-16-a4-e8-f9-01") is no one's.
_MAC = re.compile(r"[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}", re.IGNORECASE)


def _heard_digits(run: str) -> int:
    """How many digits a half-heard run holds, counting Whisper's words and letters for them.

    Words count only in a run that is a number without them: 7+ digits (letters for digits
    included), one group of 3+ ("6421 i'm free to 6616"); so times said between words ("at 7,
    I'm free 8 to 9, then 10 to 11") and "0800, free 24" keep the short count that spares them.
    """
    digits = sum(ch.isdigit() for ch in run) + len(_LETTER_FOR_DIGIT.findall(run))
    if not _JOINING_SOUND.search(run):
        return digits
    if digits < _CLOSE_CUE_DIGITS or not re.search(r"(?<![^\s,;])(?:[^\s,;]*?\d){3}", run):
        return 0
    return digits + len(_COUNTED_SOUND.findall(run))


def _misheard_runs(text: str) -> list[Finding]:
    """Half-heard digit groups (9+ digits) after a card, account, SSN or phone cue.

    The number is there even when Whisper garbled it past every check.
    """
    found = []
    cues = list(_DATA_CUE.finditer(text))  # once per text: many runs cost linear time
    cue_ends = [c.end() for c in cues]
    for match in _HEARD_RUN.finditer(text):
        run = match.group().rstrip(".,;")
        digits = _heard_digits(run)
        if digits < _CLOSE_CUE_DIGITS or is_reference(text, match.start()):
            continue
        # money, a time, a device's address, or a run that takes in an IP address
        if re.search(r"\d[.,]\d{2}(?!\d)|\d:\d", run) or _MAC.fullmatch(run) or _IPV4.search(run):
            continue
        # The cue nearest before the run, else the next one ("… 7-9-4-27, the old number
        # was …"): Whisper moves, drops and garbles words around numbers.
        before = bisect.bisect_right(cue_ends, match.start())
        cue = cues[before - 1] if before else next(
            (c for c in cues[before:] if c.start() >= match.end()), None)
        # Shorter runs (a phone Whisper split oddly: "it's so free, 9215, 7389") only
        # shortly after their cue.
        if cue and digits < 9 and (not 0 <= match.start() - cue.end() <= _CLOSE_CUE_CHARS
                                   or _THOUSANDS_GROUPED.fullmatch(run)):
            continue
        if cue and not re.fullmatch(r"\d{1,3}(?:,000)+", run):  # not a round quantity
            kind = next(k for k, v in cue.groupdict().items() if v)
            # Printed whole and failing its check ("4111 1111 1111 1112", "000-12-3456"),
            # it is not what it looks like; only a garbled form is masked on the cue alone.
            is_printed = _PRINTED_CARD.fullmatch(run.strip()) or _PRINTED_SSN.fullmatch(
                run.strip())
            if not (is_printed and _is_checked_and_wrong(run, kind)):
                found.append(Finding(kind, match.start(), match.start() + len(run)))
    return found


def _cued_accounts(text: str) -> list[Finding]:
    """IBAN-shaped runs after "IBAN", "account", "transfer to" that fail the check.

    Whisper drops or adds a digit, or writes "I T" as "at T": the account is still
    there, so it is masked.
    """
    found = []
    for match in _IBAN_LIKE.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) < 10:
            continue
        if _ACCOUNT_CUE.search(text[max(0, match.start() - 40):match.start()]):
            found.append(Finding("iban", match.start(), match.end()))
    return found


# An account that starts as an IBAN does, a country's code and two check digits, and goes on
# in groups Whisper made up: "DK15 2116, 33007, 8963, 91", "NL20 KNB 3860 W012 49",
# "DE-8365-5450-28419444-148980", "NL61 RRBO3141315827". Groups are digits, or capitals
# with digits after them; a word in small letters ends it.
_HEARD_IBAN = re.compile(r"(?<![\w-])(?P<country>[A-Z]{2})[ -]?\d{2}"
                         r"(?:(?:,? |[-.])?(?:\d[A-Z\d]{0,31}|[A-Z]{1,4}\d{0,30})"
                         r"(?![\w'’]|-[a-z])){1,12}")
# What a sentence about paying into an account says, Whisper's "IBAN" among it ("Ryban",
# "Riber", "Ibane", "Ryman").
_PAYMENT_CUE = re.compile(
    r"\b(?:account|acct|transfer|wire|into|bank|deposit|refund|pay|paid|payment|rent|"
    rf"send|standing order|direct debit|{_IBAN_WORD})\b", re.IGNORECASE)


# Each country's IBAN length, from python-stdnum's registry ("DE": 22, "NL": 18); what
# Whisper half heard is within a few characters of it ("pay DE 12 1234 …" is too short).
_IBAN_LENGTHS = {
    prefix[1]: 4 + sum(int(n) for n in re.findall(r"\d+", prefix[3]["bban"]))
    for prefix in stdnum_iban._ibandb.prefixes if "bban" in prefix[3]}
_HEARD_IBAN_SLACK = 3


def _heard_ibans(text: str) -> list[Finding]:
    """IBANs Whisper half heard: a country's code, check digits, then 10+ digits in any groups.

    Only shortly after a word about paying or an account, so a model number ("RX 80 …") or
    a reference stays.
    """
    found = []
    for match in _HEARD_IBAN.finditer(text):
        account = re.sub(r"(?:[ ,.-]+[A-Z]+)+$", "", match.group())  # not the capitals after
        compact = re.sub(r"[ ,.-]", "", account)
        length = _IBAN_LENGTHS.get(match.group("country"))
        if (length and sum(ch.isdigit() for ch in compact) >= 10
                and abs(len(compact) - length) <= _HEARD_IBAN_SLACK
                and not is_reference(text, match.start())
                and _PAYMENT_CUE.search(text, max(0, match.start() - 60), match.start())):
            found.append(Finding("iban", match.start(), match.start() + len(account)))
    return found


def luhn_valid(digits: str) -> bool:
    """Whether a digit string passes the Luhn checksum every payment card carries."""
    return luhn.is_valid(digits)


def _ssn_valid(digits: str) -> bool:
    # stdnum also refuses three numbers once printed in adverts (078-05-1120 …); said to
    # the appliance they are still somebody's number, so only the format counts here.
    compact = re.sub(r"\D", "", digits)
    return stdnum_ssn.is_valid(compact) or stdnum_ssn.format(compact) in stdnum_ssn._ssn_blacklist


def _kind_of_digits(digits: str, *, spoken: bool) -> str | None:
    """What an unbroken (or spoken, digit by digit) number is, if it is personal data."""
    if 13 <= len(digits) <= 19 and luhn_valid(digits):
        return "card"
    if len(digits) == 9 and _ssn_valid(digits):
        return "us_ssn"
    if len(digits) == 10 and digits[0] in "23456789":
        return "phone"
    if len(digits) == 11 and digits[0] in "01":
        return "phone"
    if 11 <= len(digits) <= 15 and digits.startswith("00") and digits[2] != "0":
        return "phone"  # an international prefix said as "double oh": "00 44 7700 …"
    if len(digits) == 10 and digits[0] == "0" and digits[1] != "0":  # "02 9518 8857"
        return "phone"
    if spoken and len(digits) == 7 and digits[0] in "23456789":
        return "phone"
    return None


def _is_counting(run: str, groups: list[str]) -> bool:
    """Whether "1 2 3 4 5 …" is someone counting, not reading out a number ("1 2 3-45-…")."""
    values = [int(g) for g in groups]
    return (len(values) >= 5 and "-" not in run
            and all(b == a + 1 for a, b in zip(values, values[1:], strict=False)))


def _cards_and_numbers(text: str) -> list[Finding]:
    """Cards in groups ("4111 1111 …"), and numbers said digit by digit ("4 1 1 1 …")."""
    found = []
    for match in _DIGIT_RUN.finditer(text):
        start = match.start()
        if is_reference(text, start) or (start > 0 and text[start - 1] in "$£€"):
            continue
        groups = list(re.finditer(r"\d+", match.group()))
        values = [g.group() for g in groups]
        if _THOUSANDS.match(match.group()):
            digits = "".join(values)
            if 13 <= len(digits) <= 19 and luhn_valid(digits):
                found.append(Finding("card", match.start(), match.end()))
            continue
        # Said digit by digit: mostly one- or two-digit groups ("1 800 5 5 5 1 2 3 4").
        short = sum(len(v) <= 2 for v in values)
        spoken = len(values) > 2 and short >= max(3, len(values) - 1)
        # Printed cards come in groups of 3-6 digits (4-4-4-4, 4-6-5); short groups mean a
        # date or counting, unless the whole run was said digit by digit.
        if len(groups) > 1 and not spoken and any(len(v) < 3 for v in values):
            continue
        if spoken and _is_counting(match.group(), values):
            continue
        best = _longest_number(match.start(), groups, spoken=spoken)
        if best:
            found.append(best)
    return found


def _longest_number(offset: int, groups: list[re.Match], *, spoken: bool) -> Finding | None:
    """The longest contiguous span of groups that is a card, SSN or phone number.

    Spans stop at 19 digits, so a long run costs linear time, not quadratic.
    """
    best: Finding | None = None
    for first in range(len(groups)):
        digits = ""
        for last in range(first, len(groups)):
            digits += groups[last].group()
            if len(digits) > 19:
                break
            kind = _kind_of_digits(digits, spoken=spoken)
            # Grouped but not spoken ("4111 1111 …"): only a card is read across groups.
            if kind is None or (kind != "card" and not spoken and len(groups) > 1):
                continue
            start, end = offset + groups[first].start(), offset + groups[last].end()
            if best is None or end - start > best.end - best.start:
                best = Finding(kind, start, end)
    return best


def _ibans(text: str) -> list[Finding]:
    found = []
    covered = 0
    for match in _IBAN.finditer(text):
        if match.start() < covered:
            continue
        tokens = re.split(r"(,? |[-.])", match.group(1))
        compact = "".join(tokens[::2]).upper()
        # The country's letters, then two check digits: most words fail here, cheaply.
        if not (compact[:2] in IBAN_COUNTRIES and compact[2:4].isdigit()):
            continue
        # A following short word ("DE89 3704 ... 00 is mine") may have been swallowed:
        # try each whole-group prefix, longest first. tokens alternate value, separator.
        for end in range(len(tokens), 0, -2):
            candidate = "".join(tokens[:end:2])
            if 15 <= len(candidate) <= 34 and stdnum_iban.is_valid(candidate):
                length = len("".join(tokens[:end]))
                found.append(Finding("iban", match.start(), match.start() + length))
                covered = match.start() + length
                break
    for match in _HALF_HEARD_IBAN.finditer(text):
        if (match.group(1) in IBAN_COUNTRIES and sum(ch.isdigit() for ch in match.group(2)) >= 10
                and not any(f.start < match.end() and match.start() < f.end for f in found)
                and not is_reference(text, match.start())):
            found.append(Finding("iban", match.start(), match.end()))
    return found


# An IBAN's shape, unbroken, that fails its check: what Whisper writes of one it half heard
# ("the Ryban is GB40HPUK35885665033716", "to IS 3381347890938478157824"). Nothing else
# people say has a country's letters, two digits and 11-30 more letters and digits in one
# run (VAT numbers stop at 14 characters, parcel numbers end in letters).
_HALF_HEARD_IBAN = re.compile(r"(?<![\w-])([A-Z]{2}) ?(\d{2}[A-Z0-9]{11,30})(?![\w-])")


# Four or more groups of digits joined by dots that no IP check passes: what Whisper makes of
# an address it half heard ("777.88.47.11", "1.9.2.0.168.0178.0201", "172.27.1222.75").
_HEARD_IP = re.compile(r"(?<![\w.])\d{1,6}(?:\.\d{1,6}){3,7}(?![\w]|\.\d)")


# "not an ip 999.1.1.1", "is 300.1.2.3 a valid address": written on purpose, not misheard.
# ("… and not 15.020.19.9, gateway …" corrects one address with another: both are data.)
_NOT_AN_ADDRESS = re.compile(r"\b(?:not (?:an?|valid|real)|invalid|valid|fake|example|isn't|"
                             r"bogus)\b", re.IGNORECASE)
# Whisper's other ways of writing an address it half heard: the first octet in two hyphenated
# halves ("1-0.0.7.237", "19-2.168.7.228"), or a letter stuck to an octet ("109.8i.135.11").
_HYPHENED_IP = re.compile(r"(?<![\w.-])\d{1,2}-\d{1,2}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_LETTERED_IP = re.compile(r"(?<![\w.])\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?){3}(?![\w]|\.\d)")
# A version anywhere shortly before a dotted run no address check passes: "Windows update
# is stuck on 10.0.19045.3803". (A well-formed address needs the word right before it.)
_VERSION_NEAR = re.compile(rf"\b(?:{_VERSION_WORD}|windows|ios|android|macos|app|software|"
                           r"patch)\b", re.IGNORECASE)
_IP_CUE = re.compile(r"\b(?:ip|server|router|camera|gateway|nas|printer|address|host|device)\b",
                     re.IGNORECASE)


def _misheard_ips(text: str) -> list[Finding]:
    found = [Finding("ip_address", m.start(), m.end()) for m in _HYPHENED_IP.finditer(text)
             if not is_reference(text, m.start())
             and not _VERSION_CUE.search(text, max(0, m.start() - 40), m.start())]
    for match in _LETTERED_IP.finditer(text):
        if (sum(ch.isalpha() for ch in match.group()) == 1
                and _IP_CUE.search(text, max(0, match.start() - 40), match.start())):
            found.append(Finding("ip_address", match.start(), match.end()))
    for match in _HEARD_IP.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        if _VERSION_NEAR.search(before) or is_reference(text, match.start()) or (
                _NOT_AN_ADDRESS.search(before)):
            continue
        try:  # a well-formed address is `_ip_addresses`' to judge (a netmask is no one's)
            ipaddress.ip_address(match.group())
            continue
        except ValueError:
            found.append(Finding("ip_address", match.start(), match.end()))
    return found


_PUBLIC_SERVICE_CUE = re.compile(r"\b(?:dns|resolvers?|name ?servers?|ntp)\b", re.IGNORECASE)
# The public DNS resolvers people name (Google, Cloudflare, Quad9, OpenDNS, AdGuard, Level 3,
# CleanBrowsing, Verisign, DNS.WATCH): everyone's, so no one's personal data, with or without
# "DNS" nearby ("is 8.8.4.4 faster than my ISP's?").
_PUBLIC_RESOLVERS = frozenset("""8.8.8.8 8.8.4.4 1.1.1.1 1.0.0.1 1.1.1.2 1.0.0.2 1.1.1.3 1.0.0.3
    9.9.9.9 149.112.112.112 9.9.9.10 208.67.222.222 208.67.220.220 208.67.222.123
    208.67.220.123 94.140.14.14 94.140.15.15 4.2.2.1 4.2.2.2 185.228.168.9 185.228.169.9
    64.6.64.6 64.6.65.6 84.200.69.80 84.200.70.40 2001:4860:4860::8888 2001:4860:4860::8844
    2606:4700:4700::1111 2606:4700:4700::1001 2620:fe::fe""".split())


def _ip_addresses(text: str) -> list[Finding]:
    candidates = list(_IPV4.finditer(text))
    # A bare "12::30" parses as IPv6; ask for three colons or a hex letter ("fe80::1").
    candidates += [
        m for m in _IPV6.finditer(text)
        if m.group().count(":") >= 3 or re.search("[a-fA-F]", m.group())
    ]
    found = []
    for match in candidates:
        try:
            address = ipaddress.ip_address(match.group())
        except ValueError:
            continue
        if address.is_loopback or address.is_unspecified or address.is_reserved or (
                address.is_multicast):  # this device, a netmask (255.…): not a person
            continue
        if _VERSION_CUE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "firmware version 2.1.0.4"
        if str(address) in _PUBLIC_RESOLVERS or address.is_global and (
                _PUBLIC_SERVICE_CUE.search(text, max(0, match.start() - 40), match.start())):
            continue  # "set the DNS to 9.9.9.9": a public service everyone uses, no one's own
        found.append(Finding("ip_address", match.start(), match.end()))
    return found
