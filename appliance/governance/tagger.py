"""A learned tagger for the names and addresses the hand-written rules miss.

The rules in `names` and `places` catch a name or an address by its cue ("call Priya",
"42 Elm Road"); people also say them in shapes no rule lists ("tell Oksana dinner is at
six", "it's Oberer Graben, St. Gallen"). A linear-chain CRF (CRFsuite, through
`python-crfsuite`) reads each word with its neighbours and decides name, address or
neither. It never sees the words themselves when they are rare: it sees their shape, the
word lists they are in (first names, surnames, places, English words), how frequent they
are in English, and what the rules made of them and of the words around them. So it
learns how names and addresses sit in a sentence, not which names were in its training
sentences. Trained by `scripts/train_pii_tagger.py` on the labelled sets' tuning halves;
the model file (~260 kB) ships in `governance/data`.

Why a CRF and no neural tagger: no NER model installs here from a package (spaCy's
models come from a hub), and a CRF tags a sentence in well under a millisecond on one core.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from wordfreq import zipf_frequency

from appliance.governance.names import after_a_business, is_title, sentence_cues
from appliance.governance.word_lists import (
    census_first_names,
    common_words,
    first_names,
    frequent_words,
    last_names,
    place_names,
    proper_nouns,
)

MODEL_FILE = "data/pii_tagger.crfsuite"
# How sure the tagger must be of a word (its marginal probability) next to what the rules
# found; elsewhere in the sentence `personal_data.ELSEWHERE_THRESHOLD` applies. On the dev
# halves of blind sets left out of training, 0.3 caught more than 0.5 or 0.85 and masked
# no more negatives.
THRESHOLD = 0.3
LABELS = {"NAME": "person_name", "ADDR": "street_address"}
# The rules' findings as the tagger sees them, per kind.
RULE_TAGS = {"person_name": "R_NAME", "street_address": "R_ADDR"}
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]|_")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the words and punctuation marks of `text`."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def rule_tags(spans: list[tuple[int, int]], findings: list[tuple[str, int, int]]) -> list[str]:
    """Per token, what the rules found there: a name, an address, other data, or nothing.

    One sweep over both, in order: a text of many findings costs linear time.
    """
    ordered = sorted(findings, key=lambda f: f[1])
    tags, first = [], 0
    for start, end in spans:
        while first < len(ordered) and ordered[first][2] <= start:
            first += 1
        tag = "R_O"
        for kind, a, b in ordered[first:]:
            if a >= end:
                break
            if a < end and start < b:
                tag = RULE_TAGS.get(kind, "R_DATA")
                break
        tags.append(tag)
    return tags


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalnum():
        return "p"
    if any(ch.isdigit() for ch in word):
        return "ad"
    if word.isupper():
        return "X" if len(word) > 1 else "I"
    if word[0].isupper():
        return "Xx"
    return "x" if word.islower() else "xX"


def _word_features(word: str) -> dict[str, str | float]:
    """What the tagger knows of one word: never the word itself unless it is frequent."""
    base = _POSSESSIVE.sub("", word)
    lower = base.lower()
    shape = _shape(base) if base else "p"
    features: dict[str, str | float] = {"shape": shape}
    if not base[:1].isalpha():
        features["word"] = lower if len(lower) < 3 else shape
        return features
    frequent = lower in frequent_words()
    features["word"] = lower if frequent else "<rare>"
    features["zipf"] = round(zipf_frequency(lower, "en"))
    features["s"] = str(base != word)
    for name, words in (("first", first_names()), ("census", census_first_names()),
                        ("last", last_names()), ("common", common_words()),
                        ("proper", proper_nouns()), ("place", place_names())):
        if lower in words:
            features[name] = 1.0
    if not frequent:
        features["suffix"] = lower[-3:]
    features["long"] = str(min(len(lower) // 3, 4))
    return features


def sentence_features(text: str, spans: list[tuple[int, int]],
                      tags: list[str]) -> list[dict[str, str | float]]:
    """The features of each token: its own, the rules' tags, and its neighbours' (±2)."""
    words = [_word_features(text[a:b]) for a, b in spans]
    cues = {f"cue:{cue}": 1.0 for cue in sentence_cues(text)}
    out = []
    for i, own in enumerate(words):
        features: dict[str, str | float] = {"bias": 1.0, "rule": tags[i], **cues}
        features.update(own)
        if after_a_business(text, spans[i][1]):
            features["business_after"] = 1.0
        if i == 0 or text[spans[i - 1][0]] in ".!?":
            features["start"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(words):
                features[f"{offset}:edge"] = 1.0
                continue
            other = words[j]
            for key in ("word", "shape", "first", "last", "place"):
                if key in other:
                    features[f"{offset}:{key}"] = other[key]
            features[f"{offset}:rule"] = tags[j]
        features["-1:word|word"] = f"{out[-1]['word'] if out else '<s>'}|{own['word']}"
        out.append(features)
    return out


@cache
def _tagger():
    """The trained model, loaded once; None if it is missing (the rules alone then)."""
    import pycrfsuite

    path = resources.files("appliance.governance").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


class Tagged(NamedTuple):
    """A run of words the tagger labels one kind, and its probability for the least sure."""

    kind: str
    start: int
    end: int
    sure: float


def find_tagged(text: str, findings: list[tuple[str, int, int]]) -> list[Tagged]:
    """Names and addresses the tagger finds in written `text`, beside the rules' `findings`.

    Returns runs of words the tagger labels with at least `THRESHOLD` probability,
    including parts the rules already found.
    """
    tagger = _tagger()
    spans = tokens(text)
    if tagger is None or not spans:
        return []
    tagger.set(sentence_features(text, spans, rule_tags(spans, findings)))
    found: list[Tagged] = []
    for i, (start, end) in enumerate(spans):
        sure, label = max((tagger.marginal(name, i), name) for name in LABELS)
        word = _POSSESSIVE.sub("", text[start:end])  # "Kofi's share": the 's stays
        if sure < THRESHOLD or not word or is_title(word):
            continue
        end = start + len(word)
        kind = LABELS[label]
        last = found[-1] if found else None
        if last and last.kind == kind and text[last.end:start].strip() in ("", ",", "-"):
            found[-1] = Tagged(kind, last.start, end, min(last.sure, sure))
        else:
            found.append(Tagged(kind, start, end, sure))
    return found
