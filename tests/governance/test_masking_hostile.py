"""A request body of one endless word does not hold the masker, and data inside a long run is
still masked. Before words were bounded, a 64 KiB word of letters took the masker 29 s, one
of capitals 26 s (cubic backtracking in the name patterns), and 128 KiB four times that.
"""

import pytest

from appliance.governance.masking import PersonalDataMasker

pytestmark = pytest.mark.unit

masker = PersonalDataMasker()
WORD = 128 * 1024  # twice the default body limit (service.max_body_bytes)


@pytest.mark.timeout(60)  # a hang guard, not a speed target: each takes well under a second
@pytest.mark.parametrize("word", ["x" * WORD, "A" * WORD, "Xx" * (WORD // 2), "9" * WORD,
                                  "my email is " + "a" * WORD + "@example.org"],
                         ids=["letters", "capitals", "camel", "digits", "e-mail"])
def test_an_endless_word_is_masked_without_holding_the_masker(word):
    masked = masker.mask(word).text
    if word.isalpha() and word.islower():
        assert masked == word  # no data in it, nothing changed
    if "@" in word:
        assert "@example.org" not in masked  # the address at its end is still masked


def test_data_inside_a_long_url_is_still_masked():
    url = ("https://tracker.example.net/open?ref=" + "q7" * 80
           + "&mail=ann.lee@example.org&next=/inbox")
    masked = masker.mask(f"why does this link not open {url}").text
    assert "ann.lee@example.org" not in masked and "[EMAIL]" in masked
    assert "tracker.example.net" in masked  # the rest of the link stays


def test_a_card_number_inside_a_pasted_blob_is_still_masked():
    blob = "k3" * 120 + ";card=4111111111111111;" + "z9" * 120
    masked = masker.mask(f"my card is in this {blob}").text
    assert "4111111111111111" not in masked
