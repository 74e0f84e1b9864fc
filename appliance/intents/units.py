"""Unit conversions and fixed calendar facts, answered exactly.

"How many centimeters are in a meter?", "What is 10 miles in kilometers?",
"How many days are in a leap year?", "What month comes after June?": each has
one right answer that a table gives and a small model often gets wrong.
"""

from __future__ import annotations

import re
from fractions import Fraction

from appliance.intents.arithmetic import format_number

# Each unit: (dimension, size in the dimension's base unit, singular, plural).
_UNITS: dict[str, tuple[str, Fraction, str, str]] = {}


def _add(dimension: str, size, singular: str, plural: str, *aliases: str) -> None:
    entry = (dimension, Fraction(size), singular, plural)
    for name in (singular, plural, *aliases):
        _UNITS[name] = entry


for _dim, _size, _one, _many, *_aka in [
    ("length", Fraction(1, 1000), "millimeter", "millimeters", "millimetre", "millimetres", "mm"),
    ("length", Fraction(1, 100), "centimeter", "centimeters", "centimetre", "centimetres", "cm"),
    ("length", 1, "meter", "meters", "metre", "metres"),
    ("length", 1000, "kilometer", "kilometers", "kilometre", "kilometres", "km"),
    ("length", Fraction(254, 10000), "inch", "inches"),
    ("length", Fraction(3048, 10000), "foot", "feet"),
    ("length", Fraction(9144, 10000), "yard", "yards"),
    ("length", Fraction(1609344, 1000), "mile", "miles"),
    ("mass", Fraction(1, 1000), "milligram", "milligrams", "mg"),
    ("mass", 1, "gram", "grams", "g"),
    ("mass", 1000, "kilogram", "kilograms", "kilo", "kilos", "kg"),
    ("mass", 1000000, "tonne", "tonnes", "metric ton", "metric tons"),
    ("mass", Fraction(28349523125, 10**9), "ounce", "ounces", "oz"),
    ("mass", Fraction(45359237, 10**5), "pound", "pounds", "lb", "lbs"),
    ("mass", Fraction(635029318, 10**5), "stone", "stones"),
    ("volume", Fraction(1, 1000), "milliliter", "milliliters", "millilitre", "millilitres", "ml"),
    ("volume", 1, "liter", "liters", "litre", "litres"),
    ("volume", Fraction(3785411784, 10**9), "gallon", "gallons"),
    ("volume", Fraction(946352946, 10**9), "quart", "quarts"),
    ("volume", Fraction(473176473, 10**9), "pint", "pints"),
    ("volume", Fraction(2365882365, 10**10), "cup", "cups"),
    ("volume", Fraction(29573529562, 10**12), "fluid ounce", "fluid ounces"),
    ("volume", Fraction(14786764781, 10**12), "tablespoon", "tablespoons"),
    ("volume", Fraction(492892159375, 10**14), "teaspoon", "teaspoons"),
    ("time", Fraction(1, 1000), "millisecond", "milliseconds"),
    ("time", 1, "second", "seconds"),
    ("time", 60, "minute", "minutes"),
    ("time", 3600, "hour", "hours"),
    ("time", 86400, "day", "days"),
    ("time", 604800, "week", "weeks"),
    ("time", 1209600, "fortnight", "fortnights"),
    # Calendar years: 365 days, 12 months, 10 per decade; months have no fixed length
    # in days, so only month <-> year and larger are answered (see _MONTHS_ONLY).
    ("year", 1, "year", "years"),
    ("year", Fraction(1, 12), "month", "months"),
    ("year", 10, "decade", "decades"),
    ("year", 100, "century", "centuries"),
    ("year", 1000, "millennium", "millennia", "millenniums"),
    ("angle", 1, "degree", "degrees"),
    ("angle", 90, "right angle", "right angles"),
    ("angle", 180, "straight angle", "straight angles"),
    ("angle", 360, "full circle", "full circles", "circle", "circles", "full turn"),
]:
    _add(_dim, _size, _one, _many, *_aka)

_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_AMOUNT = r"(?:a|an|half an?|a half|\d+(?:\.\d+)?)"
# "how many centimeters are in a meter", "how many feet in 3 miles",
# "how many days does a week have"
_HOW_MANY = re.compile(
    rf"^how many (?P<to>{_UNIT}) (?:are |is )?(?:there )?(?:in|make|make up|to) "
    rf"(?P<n>an?|half an?|\d+(?:\.\d+)?)? ?(?P<leap>leap |common )?(?P<from>{_UNIT})"
    rf"(?P<not_leap> that is not a leap year| that isn't a leap year)?$"
    rf"|^how many (?P<to2>{_UNIT}) (?:does|do) (?:an? |1 )?(?P<from2>{_UNIT}) have$")
# "what is 10 miles in kilometers", "convert 5 kilograms to pounds", "10 km in miles"
_CONVERT = re.compile(
    rf"^(?:what(?:'s| is) |convert |how much is |how many \w+ is )?(?P<n>{_AMOUNT}) "
    rf"(?P<from>{_UNIT}) (?:in|to|into|in to) (?P<to>{_UNIT})$")
_TEMPERATURE = re.compile(
    r"^(?:what(?:'s| is) |convert )?(?P<n>-?\d+(?:\.\d+)?) (?:degrees? )?"
    r"(?P<from>fahrenheit|celsius|centigrade) (?:in|to|into) (?:degrees? )?"
    r"(?P<to>fahrenheit|celsius|centigrade)$")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NEXT = re.compile(
    r"^(?:what|which) (?P<kind>day|month)(?: of the (?:week|year))? (?:comes |is |will it be )?"
    r"(?:(?P<steps>\d+) (?:days?|months?) )?(?P<dir>after|before) (?P<name>\w+)$")
_NTH_MONTH = re.compile(
    r"^(?:what|which) is the (?:(?P<n>\d+)(?:st|nd|rd|th)?|(?P<end>first|last)) month"
    r"(?: of the year)?$")
_MONTH_DAYS = re.compile(
    r"^how many days (?:are )?(?:there )?(?:in|does) (?:the month of )?(?P<month>\w+)"
    r"(?: have)?(?P<leap> in a leap year)?$")
_MONTHS_WITH = re.compile(
    r"^(?:how many|which) months (?:of the year )?(?:have|has|are there with|with) "
    r"(?P<days>\d+) days(?: in them)?$")
_DAYS_IN = dict(zip(_MONTHS := ["january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october",
                                       "november", "december"],
                    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], strict=True))


def answer_units(question: str) -> str | None:
    """The spoken answer to a conversion or calendar question, or None."""
    for solve in (_month_days, _months_with, _how_many, _convert, _temperature, _next_in_calendar,
                  _nth_month):
        answer = solve(question)
        if answer is not None:
            return answer
    return None


def _amount(said: str) -> Fraction:
    if said in ("a", "an"):
        return Fraction(1)
    if said.startswith("half") or said == "a half":
        return Fraction(1, 2)
    return Fraction(said)


def _name(unit: str, amount) -> str:
    _, _, singular, plural = _UNITS[unit]
    return singular if amount == 1 else plural


def _convert_amount(amount: Fraction, source: str, target: str) -> Fraction | None:
    source_dim, source_size, *_ = _UNITS[source]
    target_dim, target_size, *_ = _UNITS[target]
    if source_dim != target_dim:
        return None
    return amount * source_size / target_size


def _say(amount: Fraction, source: str, value: Fraction, target: str, *, leap: str = "") -> str:
    exact = float(value) == round(float(value), 2)
    joiner = "" if exact else "about "
    if amount == 1:
        return (f"There {'is' if value == 1 else 'are'} {joiner}{format_number(value)} "
                f"{_name(target, value)} in {_article(leap + _name(source, 1))}.")
    return (f"{format_number(amount)} {_name(source, amount)} is {joiner}"
            f"{format_number(value)} {_name(target, value)}.")


def _how_many(question: str) -> str | None:
    match = _HOW_MANY.match(question)
    if not match:
        return None
    target = match.group("to") or match.group("to2")
    source = match.group("from") or match.group("from2")
    amount = _amount(match.group("n") or "a")
    leap = (match.group("leap") or "").strip()
    if match.group("not_leap"):
        leap = "common"
    if _UNITS[source][2] == "year" and _UNITS[target][0] == "time":
        # A calendar year: 365 days (366 in a leap year), 52 weeks and a day.
        days = Fraction(366 if leap == "leap" else 365)
        if _UNITS[target][2] == "week":
            extra = "2 days" if leap == "leap" else "1 day"
            return f"There are 52 weeks and {extra} in a year."
        value = amount * days * 86400 / _UNITS[target][1]
        return _say(amount, source, value, target, leap=f"{leap} " if leap else "")
    if _UNITS[source][2] == "month" and _UNITS[target][0] == "time":
        return ("A month has 28 to 31 days: 30 in April, June, September and November, "
                "28 in February, 29 in a leap year, and 31 in the rest.")
    value = _convert_amount(amount, source, target)
    return None if value is None else _say(amount, source, value, target)


def _convert(question: str) -> str | None:
    match = _CONVERT.match(question)
    if not match:
        return None
    amount = _amount(match.group("n"))
    value = _convert_amount(amount, match.group("from"), match.group("to"))
    if value is None:
        return None
    return _say(amount, match.group("from"), value, match.group("to"))


def _temperature(question: str) -> str | None:
    match = _TEMPERATURE.match(question)
    if not match:
        return None
    source = "celsius" if match.group("from") == "centigrade" else match.group("from")
    target = "celsius" if match.group("to") == "centigrade" else match.group("to")
    degrees = Fraction(match.group("n"))
    if source == target:
        value = degrees
    elif source == "fahrenheit":
        value = (degrees - 32) * Fraction(5, 9)
    else:
        value = degrees * Fraction(9, 5) + 32
    exact = float(value) == round(float(value), 1)
    return (f"{format_number(degrees)} degrees {source.capitalize()} is "
            f"{'' if exact else 'about '}{format_number(round(float(value), 1))} degrees "
            f"{target.capitalize()}.")


def _next_in_calendar(question: str) -> str | None:
    match = _NEXT.match(question)
    if not match:
        return None
    names = _WEEKDAYS if match.group("kind") == "day" else _MONTHS
    name = match.group("name")
    if name not in names:
        return None
    steps = int(match.group("steps") or 1)
    step = steps if match.group("dir") == "after" else -steps
    other = names[(names.index(name) + step) % len(names)]
    if steps == 1:
        return f"{other.capitalize()} comes {match.group('dir')} {name.capitalize()}."
    unit = "days" if names is _WEEKDAYS else "months"
    return f"{steps} {unit} {match.group('dir')} {name.capitalize()} is {other.capitalize()}."


def _nth_month(question: str) -> str | None:
    match = _NTH_MONTH.match(question)
    if not match:
        return None
    n = {"first": 1, "last": 12}.get(match.group("end") or "", 0) or int(match.group("n") or 0)
    if not 1 <= n <= 12:
        return None
    month = _MONTHS[n - 1].capitalize()
    return f"The {format_number(n)}{_ordinal(n)} month of the year is {month}."


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _month_days(question: str) -> str | None:
    match = _MONTH_DAYS.match(question)
    if not match or match.group("month") not in _DAYS_IN:
        return None
    month = match.group("month")
    if month == "february":
        if match.group("leap"):
            return "February has 29 days in a leap year."
        return "February has 28 days, or 29 in a leap year."
    return f"{month.capitalize()} has {_DAYS_IN[month]} days."


def _months_with(question: str) -> str | None:
    match = _MONTHS_WITH.match(question)
    if not match:
        return None
    days = int(match.group("days"))
    if days == 28:
        return "Every month has at least 28 days; February has exactly 28, or 29 in a leap year."
    if days == 29:
        return "Only February, and only in a leap year."
    names = [m.capitalize() for m, n in _DAYS_IN.items() if n == days]
    if not names:
        return f"No month has {days} days."
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{len(names)} months have {days} days: {listed}."


def _article(words: str) -> str:
    return f"{'an' if words[:1] in 'aeiou' or words.startswith('hour') else 'a'} {words}"
