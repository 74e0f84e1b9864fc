"""Short spoken questions with the answers a reply must contain, for answer quality.

Scoring contract (appliance.benchmark.quality): a reply is right when any one of the
question's accepted answers occurs in it as a whole word or phrase after both are
normalised (lower case, no accents or punctuation, number words as digits). So
"Four." and "It has 4 legs" both match "4", while "14" and "Romeo" do not match "4" and
"Rome". A reply that names the right answer among wrong ones still counts: this checks
that the answer is there, not that nothing else is.

Every question has one answer that does not depend on the date, the place or the news,
and no accepted answer already occurs in the question, so echoing the question scores
nothing. Numbers in questions are written as words because a TTS voice speaks them;
accepted numbers are digits. Definitions and how-to questions accept keywords that a
right reply uses and a wrong one does not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    """One spoken question and the answers that count as right."""

    text: str
    answers: tuple[str, ...]
    category: str
    source: str


def _written(category: str, *pairs: tuple[str, tuple[str, ...]]) -> tuple[Question, ...]:
    source = f"written for this project ({category})"
    return tuple(Question(text, answers, category, source) for text, answers in pairs)


GENERAL_KNOWLEDGE = _written(
    "general knowledge",
    ("What is the capital of France?", ("Paris",)),
    ("What is the capital of Japan?", ("Tokyo",)),
    ("What is the capital of Canada?", ("Ottawa",)),
    ("What is the capital of Australia?", ("Canberra",)),
    ("What is the capital of Egypt?", ("Cairo",)),
    ("What is the capital of Spain?", ("Madrid",)),
    ("What is the largest ocean on Earth?", ("Pacific",)),
    ("Which ocean lies between Europe and North America?", ("Atlantic",)),
    ("Which continent is Kenya in?", ("Africa",)),
    ("In which country are the pyramids of Giza?", ("Egypt",)),
    ("What is the tallest mountain in the world?", ("Everest",)),
    ("What is the largest hot desert in the world?", ("Sahara",)),
    ("What language do most people in Brazil speak?", ("Portuguese",)),
    ("What is the largest planet in our solar system?", ("Jupiter",)),
    ("Which planet is closest to the sun?", ("Mercury",)),
    ("Which planet is known as the Red Planet?", ("Mars",)),
    ("Which planet is famous for its rings?", ("Saturn",)),
    ("What gas do plants take in from the air to make their food?",
     ("carbon dioxide", "CO2")),
    ("What gas do we need to breathe to stay alive?", ("oxygen", "O2")),
    ("What is the chemical symbol for gold?", ("Au",)),
    ("What is the hardest natural substance?", ("diamond", "diamonds")),
    ("What is frozen water called?", ("ice",)),
    ("What organ pumps blood around the body?", ("heart",)),
    ("What is the largest organ of the human body?", ("skin",)),
    ("How many bones are in the adult human body?", ("206",)),
    ("What is the longest bone in the human body?", ("femur", "thigh bone", "thighbone")),
    ("How many legs does a spider have?", ("8",)),
    ("How many legs does an insect have?", ("6",)),
    ("How many hearts does an octopus have?", ("3",)),
    ("What is the fastest land animal?", ("cheetah", "cheetahs")),
    ("What is the largest animal that has ever lived?", ("blue whale", "blue whales")),
    ("What sweet food do bees make?", ("honey",)),
    ("Which animal is known as the king of the jungle?", ("lion", "lions")),
    ("What colour do you get when you mix blue and yellow?", ("green",)),
    ("Who wrote Romeo and Juliet?", ("Shakespeare",)),
    ("Who wrote Pride and Prejudice?", ("Austen",)),
    ("Who wrote Oliver Twist?", ("Dickens",)),
    ("Who painted the Mona Lisa?", ("Leonardo", "da Vinci")),
    ("Who was the first person to walk on the moon?", ("Armstrong",)),
    ("Who discovered penicillin?", ("Fleming",)),
    ("Who developed the theory of relativity?", ("Einstein",)),
    ("In which year did the Second World War end?", ("1945", "nineteen forty five")),
    ("What is the main ingredient in guacamole?", ("avocado", "avocados")),
)

ARITHMETIC = _written(
    "arithmetic",
    ("What is twelve plus seven?", ("19",)),
    ("What is eight plus five?", ("13",)),
    ("What is twenty-six plus seventeen?", ("43",)),
    ("What is ninety-nine plus one?", ("100",)),
    ("What is six plus seven plus eight?", ("21",)),
    ("What is two hundred plus three hundred?", ("500",)),
    ("What is the sum of eighteen and twenty-three?", ("41",)),
    ("What is thirteen minus nine?", ("4",)),
    ("What is one hundred minus thirty-five?", ("65",)),
    ("What is one thousand minus one?", ("999",)),
    ("What is nine times eight?", ("72",)),
    ("What is seven times six?", ("42",)),
    ("What is twelve times twelve?", ("144",)),
    ("What is eleven times eleven?", ("121",)),
    ("What is fifteen times four?", ("60",)),
    ("What is eighty-one divided by three?", ("27",)),
    ("What is forty-eight divided by six?", ("8",)),
    ("What is seventy-two divided by eight?", ("9",)),
    ("What is seven hundred divided by seven?", ("100",)),
    ("What is one hundred divided by four?", ("25",)),
    ("What is fifteen percent of two hundred?", ("30",)),
    ("What is ten percent of fifty?", ("5",)),
    ("What is twenty percent of eighty?", ("16",)),
    ("What is half of ninety?", ("45",)),
    ("What is half of seven?", ("3.5", "three and a half")),
    ("What is a quarter of one hundred?", ("25",)),
    ("What is one third of thirty?", ("10",)),
    ("What is double fourteen?", ("28",)),
    ("What is the square root of sixty-four?", ("8",)),
    ("What is three squared?", ("9",)),
    ("What is five cubed?", ("125",)),
    ("What is two to the power of ten?", ("1024",)),
    ("What is the smallest prime number?", ("2",)),
)

UNITS = _written(
    "units",
    ("How many centimeters are in a meter?", ("100",)),
    ("How many millimeters are in a centimeter?", ("10",)),
    ("How many millimeters are in a meter?", ("1000",)),
    ("How many meters are in a kilometer?", ("1000",)),
    ("How many centimeters are in two meters?", ("200",)),
    ("How many centimeters are in an inch?", ("2.54",)),
    ("How many inches are in a foot?", ("12",)),
    ("How many feet are in a yard?", ("3",)),
    ("How many yards are in a mile?", ("1760",)),
    ("How many feet are in a mile?", ("5280",)),
    ("How many grams are in a kilogram?", ("1000",)),
    ("How many grams are in half a kilogram?", ("500",)),
    ("How many milligrams are in a gram?", ("1000",)),
    ("How many kilograms are in a metric ton?", ("1000",)),
    ("How many ounces are in a pound?", ("16",)),
    ("How many pounds are in a stone?", ("14",)),
    ("How many milliliters are in a liter?", ("1000",)),
    ("How many pints are in a quart?", ("2",)),
    ("How many quarts are in a gallon?", ("4",)),
    ("How many seconds are in a minute?", ("60",)),
    ("How many minutes are in an hour?", ("60",)),
    ("How many seconds are in an hour?", ("3600",)),
    ("How many hours are in a day?", ("24",)),
    ("How many minutes are in a day?", ("1440",)),
    ("How many seconds are in a day?", ("86400",)),
    ("How many hours are in a week?", ("168",)),
    ("How many degrees are in a right angle?", ("90",)),
    ("How many degrees are in a full circle?", ("360",)),
    ("How many bits are in a byte?", ("8",)),
    ("What is zero degrees Celsius in Fahrenheit?", ("32",)),
    ("What is one hundred degrees Celsius in Fahrenheit?", ("212",)),
)

CALENDAR = _written(
    "calendar",
    ("How many days are in a leap year?", ("366",)),
    ("How many days are in a year that is not a leap year?", ("365",)),
    ("How often is there a leap year?", ("every 4 years", "every four years")),
    ("How many days does February have in a leap year?", ("29",)),
    ("How many months are in a year?", ("12",)),
    ("How many weeks are in a year?", ("52",)),
    ("How many days are in a week?", ("7",)),
    ("How many days are in a fortnight?", ("14",)),
    ("How many days are in September?", ("30",)),
    ("How many days are in April?", ("30",)),
    ("How many days are in December?", ("31",)),
    ("How many days are in January?", ("31",)),
    ("How many months have thirty-one days?", ("7",)),
    ("Which month has the fewest days?", ("February",)),
    ("What month comes after June?", ("July",)),
    ("What month comes before March?", ("February",)),
    ("What month comes after December?", ("January",)),
    ("What month comes three months after January?", ("April",)),
    ("What is the first month of the year?", ("January",)),
    ("What is the last month of the year?", ("December",)),
    ("What is the eighth month of the year?", ("August",)),
    ("What is the tenth month of the year?", ("October",)),
    ("What is the ninth month of the year?", ("September",)),
    ("In which month is Christmas Day?", ("December",)),
    ("What day comes after Friday?", ("Saturday",)),
    ("What day comes before Monday?", ("Sunday",)),
    ("What day comes before Saturday?", ("Friday",)),
    ("Which day comes two days after Monday?", ("Wednesday",)),
    ("How many years are in a decade?", ("10",)),
    ("How many years are in a century?", ("100",)),
    ("How many years are in a millennium?", ("1000",)),
    ("How many quarters are in a year?", ("4",)),
)

DEFINITIONS = _written(
    "definitions",
    ("What is a noun?", ("naming word", "names", "name of", "person", "people")),
    ("What is a verb?", ("action", "actions", "doing word")),
    ("What is an adjective?", ("describes", "describing", "describe", "modifies")),
    ("What is a synonym?", ("same meaning", "similar meaning", "means the same",
                            "same thing", "similar")),
    ("What is an antonym?", ("opposite",)),
    ("What is a metaphor?", ("comparison", "compares", "compare", "comparing")),
    ("What is a palindrome?", ("backward", "backwards", "reverse", "reversed")),
    ("What is a haiku?", ("poem", "poetry")),
    ("What is photosynthesis?", ("light", "sunlight", "sun")),
    ("What is gravity?", ("force", "pull", "pulls", "attraction", "attracts")),
    ("What is evaporation?", ("gas", "vapor", "vapour", "steam")),
    ("What is an atom?", ("smallest", "protons", "electrons", "nucleus", "particle",
                          "particles")),
    ("What is a galaxy?", ("stars",)),
    ("What is a comet?", ("ice", "icy", "dust", "tail")),
    ("What is an orbit?", ("around",)),
    ("What is a volcano?", ("lava", "magma", "erupt", "erupts", "eruption")),
    ("What is erosion?", ("wear", "wearing", "worn", "wears", "carried away",
                          "washed away")),
    ("What is a fossil?", ("remains", "preserved", "imprint", "trace", "traces")),
    ("What is a peninsula?", ("water",)),
    ("What is an island?", ("water",)),
    ("What is a continent?", ("land", "landmass", "land mass", "landmasses")),
    ("What is a mammal?", ("milk", "fur", "hair", "warm blooded")),
    ("What is a herbivore?", ("plants", "plant", "vegetation")),
    ("What is a carnivore?", ("meat", "other animals", "flesh")),
    ("What is a habitat?", ("home", "lives", "live", "environment")),
    ("What does a thermometer measure?", ("temperature",)),
    ("What does a barometer measure?", ("pressure",)),
    ("What is a prime number?", ("itself", "two factors", "exactly two")),
    ("What is an even number?", ("by 2", "by two", "multiple of 2", "multiple of two")),
    ("What is a fraction?", ("part", "parts", "portion")),
    ("What is a triangle?", ("three sides", "three corners", "three angles",
                             "three edges")),
    ("What is democracy?", ("people", "vote", "votes", "voting", "elect", "elected")),
)

HOW_TO = _written(
    "how-to",
    ("How do I boil an egg?", ("minutes", "minute")),
    ("How do I poach an egg?", ("simmer", "simmering", "water", "vinegar")),
    ("How do I make scrambled eggs?", ("whisk", "beat", "stir", "pan", "butter")),
    ("How do I make a cup of tea?", ("boil", "boiling", "hot water", "kettle", "steep",
                                     "tea bag", "teabag")),
    ("How do I make coffee with a filter?", ("ground", "grind", "water", "brew")),
    ("How do I cook rice?", ("water",)),
    ("How do I make toast?", ("toaster", "bread", "grill")),
    ("How do I make a smoothie?", ("blend", "blender")),
    ("How do I whip cream?", ("whisk", "mixer", "beat", "peaks")),
    ("How do I soften butter quickly?", ("microwave", "grate", "grater", "warm",
                                         "room temperature", "cubes", "cut")),
    ("How do I peel garlic quickly?", ("crush", "smash", "knife", "press", "shake")),
    ("How do I store fresh herbs?", ("water", "damp", "paper towel", "fridge",
                                     "refrigerator")),
    ("How do I keep bread fresh for longer?", ("airtight", "bag", "freeze", "freezer",
                                               "bread box", "breadbox")),
    ("How do I ripen an avocado faster?", ("paper bag", "bag", "banana", "apple")),
    ("How do I defrost chicken safely?", ("fridge", "refrigerator", "cold water",
                                          "microwave")),
    ("How do I clean the microwave?", ("water", "lemon", "vinegar", "steam", "wipe")),
    ("How do I descale a kettle?", ("vinegar", "citric acid", "lemon", "descaler")),
    ("How do I get a red wine stain out?", ("salt", "blot", "cold water", "baking soda",
                                            "dish soap", "soda water", "club soda")),
    ("How do I unblock a kitchen sink?", ("plunger", "baking soda", "vinegar",
                                          "boiling water", "snake")),
    ("How do I sharpen a knife?", ("whetstone", "sharpener", "stone", "honing", "steel",
                                   "angle")),
    ("How do I treat a small burn?", ("cool", "cold water", "running water")),
    ("How do I stop a nosebleed?", ("pinch", "forward", "press")),
    ("How do I get rid of hiccups?", ("breath", "water", "hold")),
    ("How do I remove a splinter?", ("tweezers", "needle")),
    ("How do I wash my hands properly?", ("soap",)),
    ("How do I tie my shoelaces?", ("loop", "loops", "bunny ears")),
    ("How do I make a paper airplane?", ("fold", "folds", "folding")),
    ("How do I plant a seed?", ("soil", "dirt", "compost", "water")),
    ("How do I hang a picture?", ("nail", "hook", "level", "screw", "stud")),
    ("How do I change a light bulb?", ("off", "unscrew", "twist")),
    ("How do I thread a needle?", ("eye", "threader", "wet", "lick")),
)

QUESTIONS: tuple[Question, ...] = (GENERAL_KNOWLEDGE + ARITHMETIC + UNITS + CALENDAR
                                   + DEFINITIONS + HOW_TO)
