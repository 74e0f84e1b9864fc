import time

import pytest

from appliance.routing.privacy import PrivacyPolicy, detect_personal_data, luhn_valid

pytestmark = pytest.mark.unit

# (text, kinds expected): the claim is that exactly these kinds are found.
CASES = [
    # email
    ("mail me at jane.doe+news@example.co.uk please", ["email"]),
    ("my email is jane at example dot com", ["email"]),
    ("JOHN_SMITH@Mail.Example.ORG", ["email"]),
    # phone, international
    ("call +44 20 7946 0958 tomorrow", ["phone"]),
    ("my number is +4915112345678", ["phone"]),
    ("reach me on +1 (555) 123-4567", ["phone"]),
    ("+33 1 42 68 53 00 is the office", ["phone"]),
    # phone, US and national
    ("call 555-123-4567", ["phone"]),
    ("call (555) 123-4567 after lunch", ["phone"]),
    ("call 555.123.4567", ["phone"]),
    ("My phone number is 555 123 4567.", ["phone"]),
    ("the hotline is 1-800-555-1234", ["phone"]),
    ("ring 555-1234", ["phone"]),
    ("london office 020 7946 0958", ["phone"]),
    ("berlin 030-1234567", ["phone"]),
    # cards (test numbers that pass Luhn)
    ("card 4111 1111 1111 1111", ["card"]),
    ("4111-1111-1111-1111 expires soon", ["card"]),
    ("4111111111111111", ["card"]),
    ("My credit card number is 4111 1111 1111 1111.", ["card"]),
    ("amex 3782 822463 10005", ["card"]),
    ("card 4111 1111 1111 1111 2026", ["card"]),
    # IBAN
    ("my iban is DE89 3704 0044 0532 0130 00", ["iban"]),
    ("GB29NWBK60161331926819", ["iban"]),
    ("pay GB29 NWBK 6016 1331 9268 19 by friday", ["iban"]),
    ("de89 3704 0044 0532 0130 00 is mine", ["iban"]),
    # US SSN
    ("my social is 123-45-6789", ["us_ssn"]),
    ("ssn 123 45 6789", ["us_ssn"]),
    # IP addresses
    ("the server is at 192.168.1.20", ["ip_address"]),
    ("ping 10.0.0.1.", ["ip_address"]),
    ("use 2001:db8::8a2e:370:7334 for v6", ["ip_address"]),
    ("link local fe80::1", ["ip_address"]),
    # several at once, reported in a fixed order
    ("email a@b.io or call 555-123-4567 from 10.1.2.3", ["email", "phone", "ip_address"]),
]

NOT_PERSONAL = [
    "I have 3 cats",
    "what happened in 2026",
    "from 1990 to 2026 prices rose",
    "between 2020-2026",
    "meeting on 2026-01-15 at 10:30",
    "the date was 01-02-2026",
    "05 06 2026",
    "it costs $1,000,000",
    "pi is 3.14159265358979",
    "count 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    "version 1.2.3",
    "set a timer for 10:30:45",
    "room 101 then 2026",
    "the number 4111 1111 1111 1112 fails Luhn",
    "1234567890123456",
    "invalid social 000-12-3456",
    "not an ip 999.1.1.1",
    "DE00 3704 0044 0532 0130 00",
    "meet at 12::30",
    "reply @ noon",
    "an MP3 player with 128 GB",
    "call me later",
    "it is 72 degrees with 10 percent rain at 3.50 dollars",
    "my zip code is 90210 and I called 911",
    "order 12345678 arrives in 3 to 5 days",
    "the score was 3-1 and 2-0",
    "",
]


@pytest.mark.parametrize(("text", "kinds"), CASES)
def test_personal_data_is_detected_by_kind(text, kinds):
    assert detect_personal_data(text) == kinds


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_ordinary_numbers_and_words_are_not_personal_data(text):
    assert detect_personal_data(text) == []


@pytest.mark.parametrize(("digits", "valid"), [
    ("4111111111111111", True), ("4111111111111112", False),
    ("378282246310005", True), ("79927398713", True), ("79927398710", False),
])
def test_luhn_checksum(digits, valid):
    assert luhn_valid(digits) is valid


def test_policy_names_the_kinds_of_personal_data_not_the_data():
    policy = PrivacyPolicy([], detect_personal_data=True)
    reason = policy.local_only_reason("write to jane@example.com or 555-123-4567")
    assert reason == "personal data detected (email, phone)"
    assert "jane" not in reason


def test_policy_names_the_matching_local_only_rule():
    policy = PrivacyPolicy(["password", r"pin\s*code"], detect_personal_data=True)
    reason = policy.local_only_reason
    assert reason("my PIN code is secret") == r"matches local-only rule 'pin\s*code'"
    assert reason("my Password is hunter2") == "matches local-only rule 'password'"


def test_a_configured_rule_wins_over_detection():
    policy = PrivacyPolicy(["password"], detect_personal_data=True)
    reason = policy.local_only_reason("password for jane@example.com")
    assert reason == "matches local-only rule 'password'"


def test_ordinary_turns_may_leave_the_device():
    policy = PrivacyPolicy(["password"], detect_personal_data=True)
    assert policy.local_only_reason("what's the weather in 2026") is None


def test_detection_can_be_switched_off_while_rules_still_apply():
    policy = PrivacyPolicy(["password"], detect_personal_data=False)
    assert policy.local_only_reason("email jane@example.com") is None
    assert policy.local_only_reason("password") is not None


def test_an_invalid_rule_is_rejected_naming_the_pattern():
    with pytest.raises(ValueError, match=r"local_only_patterns: '\(unclosed' is not a valid"):
        PrivacyPolicy(["ok", "(unclosed"], detect_personal_data=True)


@pytest.mark.parametrize("text", ["x." * 10_000, "1 1" * 7_000, "a at " * 4_000, "0 " * 10_000,
                                  "DE89 " * 4_000, "a@b." * 5_000])
def test_detection_stays_linear_on_a_long_adversarial_conversation(text):
    def seconds(length: int) -> float:
        """The best of three runs: a busy CI machine slows single runs, never all three."""
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            detect_personal_data(text[:length])
            runs.append(time.perf_counter() - started)
        return min(runs)

    quarter, full = seconds(len(text) // 4), seconds(len(text))
    # Four times the text, about four times the time; catastrophic backtracking would be 16x
    # or worse. Single runs of a half against the whole flaked on a loaded CI machine (3.8x).
    assert full < 8 * quarter + 0.05
    assert full < 5.0
