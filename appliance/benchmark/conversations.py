"""Scripted conversations whose follow-ups only make sense with the turns before them.

Each conversation mixes standalone questions, follow-ups that lean on the context
("And of Spain?", "Double that.", "How many legs does it have?") and commands with no
answer to score ("Set a timer for twelve minutes."), as a person at a kitchen speaker
does. Turns are scored as in appliance.benchmark.questions; a turn with no accepted
answers is not scored for accuracy. Every answer is a fact that does not change.
All written for this project.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One thing said to the appliance, and the answers that count as right."""

    text: str
    answers: tuple[str, ...]
    is_follow_up: bool


@dataclass(frozen=True)
class Conversation:
    """A named, ordered conversation."""

    name: str
    turns: tuple[Turn, ...]


def _ask(text: str, *answers: str) -> Turn:
    return Turn(text, answers, is_follow_up=False)


def _then(text: str, *answers: str) -> Turn:
    return Turn(text, answers, is_follow_up=True)


GEOGRAPHY = Conversation("geography", (
    _ask("What is the capital of Italy?", "Rome"),
    _then("And what river runs through it?", "Tiber"),
    _ask("What is the capital of Germany?", "Berlin"),
    _then("And of Spain?", "Madrid"),
    _ask("Set a timer for twelve minutes."),
    _ask("What is the capital of Japan?", "Tokyo"),
    _then("Which ocean is to the east of that country?", "Pacific"),
    _then("What language do people speak there?", "Japanese"),
    _ask("What is the longest river in Africa?", "Nile"),
    _then("Into which sea does it flow?", "Mediterranean"),
    _ask("Thanks, that's helpful."),
    _ask("What is the tallest mountain in the world?", "Everest"),
    _then("On which continent is it?", "Asia"),
    _ask("What is the largest country in South America?", "Brazil"),
    _then("What language do most people speak there?", "Portuguese"),
    _ask("Turn off the kitchen lights."),
))

ARITHMETIC = Conversation("arithmetic", (
    _ask("What is twelve plus seven?", "19"),
    _then("Double that.", "38"),
    _then("Now subtract eight.", "30"),
    _ask("What is nine times six?", "54"),
    _then("Divide that by three.", "18"),
    _ask("Set a timer for five minutes."),
    _ask("What is fifteen percent of two hundred?", "30"),
    _then("And twenty percent?", "40"),
    _ask("What is one hundred minus forty-four?", "56"),
    _then("Add four to that.", "60"),
    _then("Now halve it.", "30"),
    _ask("What is seven squared?", "49"),
    _then("And eight squared?", "64"),
    _then("What is the sum of those two?", "113"),
    _ask("Thank you."),
    _ask("What is a quarter of eighty?", "20"),
    _then("Multiply that by five.", "100"),
))

ANIMALS = Conversation("animals", (
    _ask("How many legs does a spider have?", "8"),
    _then("And an insect?", "6"),
    _ask("What is the fastest land animal?", "cheetah", "cheetahs"),
    _then("How many legs does it have?", "4"),
    _ask("Remind me to feed the cat at six."),
    _ask("What is the largest animal on Earth?", "blue whale", "blue whales"),
    _then("What do its babies drink?", "milk"),
    _ask("What sweet food do bees make?", "honey"),
    _then("What do they collect from flowers to make it?", "nectar"),
    _then("How many legs do they have?", "6"),
    _ask("Which animal is known as the king of the jungle?", "lion", "lions"),
    _then("What is a group of them called?", "pride"),
    _then("And what is a baby one called?", "cub", "cubs"),
    _ask("Set a timer for twenty minutes."),
    _ask("What is the largest bird in the world?", "ostrich", "ostriches"),
    _then("Can it fly?", "no", "cannot", "can't", "flightless"),
))

KITCHEN = Conversation("kitchen", (
    _ask("How many grams are in a kilogram?", "1000"),
    _then("And in half of one?", "500"),
    _ask("Set a timer for twelve minutes."),
    _ask("How many ounces are in a pound?", "16"),
    _then("And how many in two pounds?", "32"),
    _ask("What is the boiling point of water in degrees Celsius?", "100"),
    _then("And in Fahrenheit?", "212"),
    _then("What is its freezing point in Celsius?", "0", "zero"),
    _ask("What is the main ingredient in guacamole?", "avocado", "avocados"),
    _then("Which country does that dish come from?", "Mexico"),
    _ask("How many milliliters are in a liter?", "1000"),
    _then("And in a quarter of a liter?", "250"),
    _ask("Turn on the oven light."),
    _ask("What is half of three hundred and fifty?", "175"),
    _then("And half of two hundred and fifty?", "125"),
    _ask("Thanks."),
    _ask("How many minutes are in an hour and a half?", "90"),
    _then("And in two and a half hours?", "150"),
))

CALENDAR = Conversation("calendar", (
    _ask("What month comes after June?", "July"),
    _then("And the one after that?", "August"),
    _then("How many days does it have?", "31"),
    _ask("What day comes after Friday?", "Saturday"),
    _then("And two days after that?", "Monday"),
    _ask("Remind me to water the plants on Sunday."),
    _ask("How many days are in a leap year?", "366"),
    _then("And in a normal year?", "365"),
    _then("About how many weeks is that?", "52"),
    _ask("What is the last month of the year?", "December"),
    _then("Which holiday falls on the twenty-fifth of it?", "Christmas"),
    _ask("How many days are in February in a leap year?", "29"),
    _then("And in other years?", "28"),
    _ask("Set an alarm for seven tomorrow morning."),
    _ask("What is the tenth month of the year?", "October"),
    _then("What month comes before it?", "September"),
    _then("How many days does that month have?", "30"),
))

SCIENCE_AND_BOOKS = Conversation("science and books", (
    _ask("Who wrote Romeo and Juliet?", "Shakespeare"),
    _then("In which country was he born?", "England", "Britain", "UK", "United Kingdom"),
    _then("Which of his plays is about a Danish prince?", "Hamlet"),
    _ask("Which planet is known as the Red Planet?", "Mars"),
    _then("How many moons does it have?", "2", "two"),
    _ask("Which planet is closest to the sun?", "Mercury"),
    _then("And which one is the largest?", "Jupiter"),
    _ask("Play some quiet music."),
    _ask("What gas do plants take in from the air?", "carbon dioxide", "CO2"),
    _then("And what gas do they give off?", "oxygen", "O2"),
    _then("What is that process called?", "photosynthesis"),
    _ask("What is the chemical symbol for gold?", "Au"),
    _then("And for silver?", "Ag"),
    _ask("What is the hardest natural substance?", "diamond", "diamonds"),
    _then("Which element is it made of?", "carbon"),
    _ask("Who painted the Mona Lisa?", "Leonardo", "da Vinci"),
    _then("In which museum does it hang?", "Louvre"),
    _then("And in which city is that museum?", "Paris"),
    _ask("Thanks, goodbye."),
))

HOME_HELP = Conversation("home help", (
    _ask("How do I make a cup of tea?", "boil", "boiling", "hot water", "kettle", "steep",
         "tea bag", "teabag"),
    _then("How long should I let it steep?", "minutes", "minute"),
    _ask("Set a timer for four minutes."),
    _ask("What is a synonym?", "same meaning", "similar meaning", "means the same",
         "similar"),
    _then("Give me one for happy.", "glad", "joyful", "cheerful", "content", "pleased",
          "delighted", "merry", "joyous", "elated", "jolly"),
    _then("And what is a word with the opposite meaning called?", "antonym", "antonyms"),
    _then("Give me one of those for hot.", "cold", "cool", "chilly", "freezing", "icy"),
    _ask("How many centimeters are in a meter?", "100"),
    _then("And in five meters?", "500"),
    _ask("How many inches are in a foot?", "12"),
    _then("And how many feet are in a yard?", "3"),
    _then("So how many inches are in a yard?", "36"),
    _ask("Turn off the radio."),
    _ask("How many sides does a hexagon have?", "6"),
    _then("And an octagon?", "8"),
    _ask("How many degrees are in a right angle?", "90"),
    _then("And in two of them?", "180"),
))

CONVERSATIONS: tuple[Conversation, ...] = (GEOGRAPHY, ARITHMETIC, ANIMALS, KITCHEN,
                                           CALENDAR, SCIENCE_AND_BOOKS, HOME_HELP)
