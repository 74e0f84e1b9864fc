"""Where personal data sits in a text: cards, SSNs, phones, e-mails, IBANs, IPs, street addresses.

Candidates are checked with the format's own rules (Luhn for cards, mod-97 for
IBANs, `ipaddress` for IPs, SSN area rules), so counts, years, prices and dates
do not trip it. Spoken forms ("four one one one …", "jane dot doe at example dot
com") are turned into written ones first by `spoken.to_written`.

Why not presidio: its analyzer pulls in spaCy (~390 MB here), its e-mail
recognizer fetches the public suffix list from the internet at first use (this
appliance runs offline), and its SSN recognizer rejects the dashed form most
people say. Its recognizers are regexes plus the same checksums as below.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

PERSONAL_DATA_KINDS = ("email", "phone", "card", "iban", "us_ssn", "ip_address", "street_address")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it is in the text."""

    kind: str
    start: int
    end: int


_EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_PHONE_PATTERNS = (
    # International: a leading + and digit groups ("+44 20 7946 0958", "+1-555-123-4567").
    re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w])"),
    # US: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-1234.
    re.compile(r"(?<![\w(+-])(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"),
    # US local, dash only (a space or dot would also match "room 555 1234" or decimals).
    re.compile(r"(?<![\w.-])\d{3}-\d{4}(?![\w-])"),
    # National with a trunk 0 ("020 7946 0958", "030-1234567"). Dates like 01-02-2026 have
    # only 8 digits, hence the 9-digit minimum below; area codes never start with 0
    # ("00" is the international prefix); and a group inside a longer run of digit
    # groups (an IBAN, a card) is not a phone number.
    re.compile(r"(?<![\w.+-])(?<!\d )0[1-9]\d{0,3}(?:[ -]\d{2,8}){1,3}(?![\w-])"),
)
_PHONE_DIGITS = (7, 15)
# Digit groups separated by single spaces, commas or dashes; each group is checked below.
# A leading + marks a phone number, not a card.
_DIGIT_RUN = re.compile(r"(?<![\w.+])\d+(?:(?:, ?| |-)\d+)*(?![\w])")
# Country code, check digits, then the account either unbroken or in groups of four.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]*(?: [A-Z0-9]{1,4}\b)*", re.IGNORECASE)
_SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([ -])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_STREET_SUFFIX = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
                  r"way|place|pl|terrace|parkway|pkwy|circle|highway|hwy|square|sq")
# "221B Baker Street", "1600 Pennsylvania Avenue", "12 north elm st": a house number, up to
# four words, a street type. "3 more days" or "route 66" lack the street type.
_STREET = re.compile(
    rf"(?<![\w.-])\d{{1,6}}[a-z]?((?: (?:[A-Za-z][A-Za-z'.-]*|\d+(?:st|nd|rd|th))){{1,4}}) "
    rf"(?:{_STREET_SUFFIX})\b\.?",
    re.IGNORECASE,
)
# Words that never sit between a house number and the street type: "66 is a famous
# road", "5 miles down the road".
_NOT_STREET_NAME = frozenset("""a an the is are was to of in on at by for from and or my your
    our their miles mile km minutes hours down up along across more less""".split())


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in written `text`, in order, overlaps resolved."""
    found = [
        *(Finding("email", m.start(), m.end()) for m in _EMAIL.finditer(text)),
        *_cards_and_numbers(text),
        *(Finding("us_ssn", m.start(), m.end()) for m in _SSN.finditer(text)),
        *_phones(text),
        *_ibans(text),
        *_ip_addresses(text),
        *_street_addresses(text),
    ]
    return _without_overlaps(found)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    # Longest first: a card's digits must not also be reported as a phone inside it.
    kept: list[Finding] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


def _street_addresses(text: str) -> list[Finding]:
    return [Finding("street_address", m.start(), m.end()) for m in _STREET.finditer(text)
            if not _NOT_STREET_NAME.intersection(m.group(1).lower().split())]


def _phones(text: str) -> list[Finding]:
    low, high = _PHONE_DIGITS
    found = []
    for pattern in _PHONE_PATTERNS:
        for match in pattern.finditer(text):
            digits = sum(ch.isdigit() for ch in match.group())
            minimum = 9 if match.group().startswith("0") else low
            if minimum <= digits <= high:
                found.append(Finding("phone", match.start(), match.end()))
    return found


def luhn_valid(digits: str) -> bool:
    """Whether a digit string passes the Luhn checksum every payment card carries."""
    total = 0
    for position, ch in enumerate(reversed(digits)):
        value = int(ch)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _ssn_valid(digits: str) -> bool:
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return (area not in ("000", "666") and not area.startswith("9")
            and group != "00" and serial != "0000")


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
        groups = list(re.finditer(r"\d+", match.group()))
        values = [g.group() for g in groups]
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


def _iban_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    as_number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(as_number) % 97 == 1


def _ibans(text: str) -> list[Finding]:
    found = []
    for match in _IBAN.finditer(text):
        tokens = match.group().split(" ")
        # A following short word ("DE89 3704 ... 00 is mine") may have been swallowed:
        # try each whole-group prefix, longest first.
        for end in range(len(tokens), 0, -1):
            if _iban_valid("".join(tokens[:end])):
                length = len(" ".join(tokens[:end]))
                found.append(Finding("iban", match.start(), match.start() + length))
                break
    return found


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
        if address.is_loopback or address.is_unspecified:  # this device, not a person
            continue
        found.append(Finding("ip_address", match.start(), match.end()))
    return found
