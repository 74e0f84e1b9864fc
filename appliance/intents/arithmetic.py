"""Questions with one computable answer: arithmetic, percentages and unit conversions.

A 135M or 0.5B model gets "twelve plus seven" wrong ("twenty-one") and "how many
centimeters are in a meter" wrong often enough that users stop trusting it; a
calculator never does, and answers in a millisecond. The grammar is small and
written here because the sentence matcher (hassil) matches sentences, not
expressions: "what is 3 times 4 plus 2" needs an evaluator, which Python's own
operators are once the words are mapped.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

_OPERATORS = {
    "plus": "+", "+": "+", "add": "+", "and": "+",
    "minus": "-", "-": "-", "less": "-", "take away": "-",
    "times": "*", "multiplied by": "*", "x": "*", "*": "*", "×": "*",
    "divided by": "/", "over": "/", "/": "/", "÷": "/",
}
_SPOKEN = {"+": "plus", "-": "minus", "*": "times", "/": "divided by"}
_NUMBER = r"-?\d+(?:\.\d+)?"
_OPERATOR = r"(?:plus|minus|times|multiplied by|divided by|over|take away|less|[-+*/x×÷])"
# "what a 700 divided by 7": speech recognisers drop or mishear a short "is".
_ASK = (r"(?:what(?:'s| is| a)?|how much is|calculate|compute|work out|tell me|"
        r"can you (?:calculate|tell me)|what do you get (?:for|if you \w+))")
_EXPRESSION = re.compile(
    rf"^(?:{_ASK}\s+)?(?P<expr>{_NUMBER}(?:\s*{_OPERATOR}\s*{_NUMBER})+)\s*(?:equals?)?$")
_ADD_TO = re.compile(rf"^(?:what(?:'s| is) )?(?:add|what is) (?P<a>{_NUMBER}) (?:and|to) "
                     rf"(?P<b>{_NUMBER})$")
_PERCENT = re.compile(
    rf"^(?:{_ASK}\s+)?(?P<p>{_NUMBER})\s*(?:%|percent|per cent) of (?P<n>{_NUMBER})%?$")
# "3 square": the final "d" is often lost in speech recognition.
_POWER = re.compile(rf"^(?:{_ASK}\s+)?(?P<n>{_NUMBER}) (?P<op>squared?|cubed?)$")
_ROOT = re.compile(rf"^(?:{_ASK}\s+)?the (?P<kind>square|cube) root of (?P<n>{_NUMBER})$")
# "half of 40", "a third of 30", "1 3rd of 30" (text2num writes ordinals as 3rd), "3 quarters of 8"
_DENOMINATORS = {"half": 2, "halve": 2, "3rd": 3, "third": 3, "quarter": 4, "4th": 4,
                 "fourth": 4, "5th": 5, "fifth": 5, "10th": 10, "tenth": 10}
_PART = re.compile(
    rf"^(?:{_ASK}\s+)?(?P<count>a|an|\d+)? ?(?P<part>{'|'.join(_DENOMINATORS)})s? of "
    rf"(?P<n>{_NUMBER})$")
_NAMED = re.compile(
    rf"^(?:{_ASK}\s+)?(?:the )?(?P<op>sum|total|difference|product) (?:of|between) "
    rf"(?P<a>{_NUMBER}) and (?P<b>{_NUMBER})$")
_TIMES_WORD = re.compile(rf"^(?:{_ASK}\s+)?(?P<op>double|twice|triple|half of) (?P<n>{_NUMBER})$")
_RAISED = re.compile(
    rf"^(?:{_ASK}\s+)?(?P<a>{_NUMBER}) (?:to the power of|raised to(?: the power of)?) "
    rf"(?P<b>\d+)$")


def format_number(value: float | Fraction) -> str:
    """A number as it should be read out: whole numbers plain, others to 2 decimals."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return str(value.numerator)
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    if abs(number) < 0.01:
        return f"{number:.2g}"
    return f"{number:.2f}".rstrip("0").rstrip(".")


def _is_exact(value: float | Fraction) -> bool:
    return float(value) == round(float(value), 2)


def answer_arithmetic(question: str) -> str | None:
    """The spoken answer to an arithmetic question, or None when it is not one.

    `question` is normalised: lower case, digits for spoken numbers, no final
    punctuation (see `appliance.intents.computed.normalise_question`).
    """
    for solve in (_expression, _add_to, _percent, _power, _root, _part, _named,
                  _times_word, _raised):
        answer = solve(question)
        if answer is not None:
            return answer
    return None


def _evaluate(tokens: list[str]) -> Fraction:
    """Left-to-right with the usual precedence: * and / before + and -."""
    terms: list[Fraction] = [Fraction(tokens[0])]
    signs: list[str] = []
    for op, value in zip(tokens[1::2], tokens[2::2], strict=True):
        number = Fraction(value)
        if op in "*/":
            if op == "/" and number == 0:
                raise ZeroDivisionError
            terms[-1] = terms[-1] * number if op == "*" else terms[-1] / number
        else:
            signs.append(op)
            terms.append(number)
    total = terms[0]
    for sign, term in zip(signs, terms[1:], strict=True):
        total = total + term if sign == "+" else total - term
    return total


def _expression(question: str) -> str | None:
    match = _EXPRESSION.match(question)
    if not match:
        return None
    expression = match.group("expr")
    pieces = re.findall(rf"{_NUMBER}|{_OPERATOR}", expression)
    # "5 - 3" tokenises as 5, -3: put the operator back between them.
    tokens: list[str] = []
    for piece in pieces:
        if tokens and re.fullmatch(_NUMBER, tokens[-1]) and piece.startswith("-") and piece != "-":
            tokens += ["-", piece[1:]]
        else:
            tokens.append(_OPERATORS.get(piece, piece))
    if len(tokens) < 3 or len(tokens) % 2 == 0:
        return None
    said = " ".join(_SPOKEN.get(t, t) for t in tokens)
    try:
        result = _evaluate(tokens)
    except ZeroDivisionError:
        return "You can't divide by zero."
    joiner = "is" if _is_exact(result) else "is about"
    return f"{said[0].upper()}{said[1:]} {joiner} {format_number(result)}."


def _add_to(question: str) -> str | None:
    match = _ADD_TO.match(question)
    if not match:
        return None
    total = Fraction(match.group("a")) + Fraction(match.group("b"))
    return f"{match.group('a')} plus {match.group('b')} is {format_number(total)}."


def _percent(question: str) -> str | None:
    match = _PERCENT.match(question)
    if not match:
        return None
    value = Fraction(match.group("p")) * Fraction(match.group("n")) / 100
    joiner = "is" if _is_exact(value) else "is about"
    return (f"{match.group('p')} percent of {match.group('n')} {joiner} "
            f"{format_number(value)}.")


def _power(question: str) -> str | None:
    match = _POWER.match(question)
    if not match:
        return None
    op = "squared" if match.group("op").startswith("square") else "cubed"
    value = Fraction(match.group("n")) ** (2 if op == "squared" else 3)
    return f"{match.group('n')} {op} is {format_number(value)}."


def _root(question: str) -> str | None:
    match = _ROOT.match(question)
    if not match:
        return None
    number = float(match.group("n"))
    if match.group("kind") == "square":
        if number < 0:
            return "A negative number has no real square root."
        value = math.sqrt(number)
    else:
        value = math.copysign(abs(number) ** (1 / 3), number)
        if round(value) ** 3 == number:
            value = round(value)
    joiner = "is" if _is_exact(value) else "is about"
    return (f"The {match.group('kind')} root of {match.group('n')} {joiner} "
            f"{format_number(value)}.")


def _part(question: str) -> str | None:
    match = _PART.match(question)
    if not match:
        return None
    count = match.group("count")
    numerator = 1 if count in (None, "a", "an") else int(count)
    denominator = _DENOMINATORS[match.group("part")]
    value = Fraction(numerator, denominator) * Fraction(match.group("n"))
    joiner = "is" if _is_exact(value) else "is about"
    return f"{numerator}/{denominator} of {match.group('n')} {joiner} {format_number(value)}."


def _named(question: str) -> str | None:
    match = _NAMED.match(question)
    if not match:
        return None
    a, b = Fraction(match.group("a")), Fraction(match.group("b"))
    op = match.group("op")
    value = {"sum": a + b, "total": a + b, "difference": abs(a - b), "product": a * b}[op]
    op = "sum" if op == "total" else op
    return (f"The {op} of {match.group('a')} and {match.group('b')} is "
            f"{format_number(value)}.")


def _times_word(question: str) -> str | None:
    match = _TIMES_WORD.match(question)
    if not match:
        return None
    factor = {"double": 2, "twice": 2, "triple": 3, "half of": Fraction(1, 2)}[match.group("op")]
    value = factor * Fraction(match.group("n"))
    word = match.group("op")
    return f"{word[0].upper()}{word[1:]} {match.group('n')} is {format_number(value)}."


def _raised(question: str) -> str | None:
    match = _RAISED.match(question)
    if not match or int(match.group("b")) > 64:
        return None
    value = Fraction(match.group("a")) ** int(match.group("b"))
    return (f"{match.group('a')} to the power of {match.group('b')} is "
            f"{format_number(value)}.")
