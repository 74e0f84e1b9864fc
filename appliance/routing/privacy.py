"""Which turns must never leave the device: configured rules and detected personal data.

Detection favours catching personal data over precision, since a false positive
only keeps one turn on the local model. Candidates are checked with the
format's own rules (Luhn for cards, mod-97 for IBANs, `ipaddress` for IPs), so
ordinary numbers such as counts, years and dates do not trip it.
"""

from __future__ import annotations

import ipaddress
import re

PERSONAL_DATA_KINDS = ("email", "phone", "card", "iban", "us_ssn", "ip_address")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# Speech recognisers often write an address as it was said: "jane at example dot com".
_SPOKEN_EMAIL = re.compile(
    r"(?<![\w.])[\w.]+ at [\w-]+(?: dot [\w-]+)* dot "
    r"(?:com|org|net|edu|gov|io|co|uk|de|fr|nl|eu|info)\b",
    re.IGNORECASE,
)
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
# Digit groups separated by single spaces or dashes; each group is checked below.
# A leading + marks a phone number, not a card.
_DIGIT_RUN = re.compile(r"(?<![\w.+])\d+(?:[ -]\d+)*(?![\w])")
# Country code, check digits, then the account either unbroken or in groups of four.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]*(?: [A-Z0-9]{1,4}\b)*", re.IGNORECASE)
_SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([ -])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")


def detect_personal_data(text: str) -> list[str]:
    """The kinds of personal data in `text`, in `PERSONAL_DATA_KINDS` order, each once."""
    found = {
        "email": _has_email(text),
        "phone": _has_phone(text),
        "card": _has_card(text),
        "iban": _has_iban(text),
        "us_ssn": _SSN.search(text) is not None,
        "ip_address": _has_ip_address(text),
    }
    return [kind for kind in PERSONAL_DATA_KINDS if found[kind]]


def _has_email(text: str) -> bool:
    return _EMAIL.search(text) is not None or _SPOKEN_EMAIL.search(text) is not None


def _has_phone(text: str) -> bool:
    low, high = _PHONE_DIGITS
    for pattern in _PHONE_PATTERNS:
        for match in pattern.finditer(text):
            digits = sum(ch.isdigit() for ch in match.group())
            minimum = 9 if match.group().startswith("0") else low
            if minimum <= digits <= high:
                return True
    return False


def luhn_valid(digits: str) -> bool:
    """Whether a digit string passes the Luhn checksum every payment card carries."""
    total = 0
    for position, ch in enumerate(reversed(digits)):
        value = int(ch)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _has_card(text: str) -> bool:
    for match in _DIGIT_RUN.finditer(text):
        groups = re.split(r"[ -]", match.group())
        # Cards are printed in groups of 4-6 digits (4-4-4-4, 4-6-5) or not grouped;
        # short groups mean counting ("1 2 3 4 ...") or a date, not a card.
        if len(groups) > 1 and any(len(group) < 3 for group in groups):
            continue
        # Try every contiguous span of groups, so "card 4111 1111 1111 1111 2026" still counts.
        for start in range(len(groups)):
            for end in range(start + 1, len(groups) + 1):
                digits = "".join(groups[start:end])
                if 13 <= len(digits) <= 19 and luhn_valid(digits):
                    return True
    return False


def _iban_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    as_number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(as_number) % 97 == 1


def _has_iban(text: str) -> bool:
    for match in _IBAN.finditer(text):
        tokens = match.group().split(" ")
        # A following short word ("DE89 3704 ... 00 is mine") may have been swallowed:
        # try each whole-group prefix, longest first.
        for end in range(len(tokens), 0, -1):
            if _iban_valid("".join(tokens[:end])):
                return True
    return False


def _has_ip_address(text: str) -> bool:
    candidates = [m.group() for m in _IPV4.finditer(text)]
    # A bare "12::30" parses as IPv6; ask for three colons or a hex letter ("fe80::1").
    candidates += [
        m.group() for m in _IPV6.finditer(text)
        if m.group().count(":") >= 3 or re.search("[a-fA-F]", m.group())
    ]
    for candidate in candidates:
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            continue
        return True
    return False


class PrivacyPolicy:
    """Decides whether a turn must stay on the device, and says why."""

    def __init__(self, patterns: list[str], detect_personal_data: bool):
        """Compile the local-only rules (case-insensitive).

        Raises:
            ValueError: naming the first pattern that is not a valid regular expression.
        """
        self.patterns = list(patterns)
        self.enable_personal_data_detection = detect_personal_data
        self._rules: list[tuple[str, re.Pattern[str]]] = []
        for pattern in self.patterns:
            try:
                self._rules.append((pattern, re.compile(pattern, re.IGNORECASE)))
            except re.error as e:
                raise ValueError(
                    f"routing.local_only_patterns: {pattern!r} is not a valid regular "
                    f"expression ({e}); e.g. 'password|pin code'"
                ) from None

    def local_only_reason(self, text: str) -> str | None:
        """Why `text` must not leave the device, or None when it may.

        The reason names the rule or the kinds of data, never the text itself, so
        it can go into logs and route reports.
        """
        for pattern, rule in self._rules:
            if rule.search(text):
                return f"matches local-only rule '{pattern}'"
        if self.enable_personal_data_detection:
            kinds = detect_personal_data(text)
            if kinds:
                return f"personal data detected ({', '.join(kinds)})"
        return None
