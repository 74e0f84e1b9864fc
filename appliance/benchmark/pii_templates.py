"""Templates for the labelled personal-data set: what people type, and Whisper writes them saying.

Placeholders name a maker in `pii_values` ({card}, {phone}, {name}, … and negative
fillers such as {order} or {price}). Templates without personal-data placeholders
are hard negatives.
"""

TYPED_REPEATS = 4
SPOKEN_REPEATS = 5

TYPED = [
    # cards
    "My card number is {card}.", "charge {card} for the hotel", "use the visa {card}",
    "Card: {card}, expiry 09/28", "pay with {card} please",
    "my new card {card} replaces the old one",
    # SSNs
    "My social security number is {ssn}.", "ssn {ssn}", "fill in SSN {ssn} on the tax form",
    "her social is {ssn}",
    # phones
    "Call me at {phone}.", "my cell is {phone}", "text {phone} when you arrive",
    "reach me on {phone_intl}", "the Berlin office number is {phone_intl}",
    "my mobile: {phone_uk}", "ring {phone_uk} after six",
    # e-mails
    "Send it to {email}.", "my email is {email}", "cc {email} on the thread",
    "forward the receipt to {email} please",
    # IBANs
    "My IBAN is {iban}.", "transfer the deposit to {iban}", "iban: {iban}",
    "pay the rent into {iban} by Friday",
    # IP addresses
    "the printer is at {ip}", "block {ip} on the router",
    # addresses
    "I live at {address}.", "ship it to {address}", "my address is {address_uk}",
    "deliver to {address_uk} on Monday",
    # names in a personal context
    "My name is {name}.", "I'm {name} and I need to change my booking", "email {name} the invoice",
    "remind me to call {first} tomorrow", "send a message to {name} saying I'm late",
    "the reservation is under {name}",
    # several at once
    "I'm {name}, my number is {phone} and my email is {email}",
    "contact {name} at {email}", "{first}'s phone number is {phone}",
    "ship to {name}, {address}", "card {card}, ssn {ssn}",
    # hard negatives
    "Where is my order {order}?", "order number {order} hasn't arrived",
    "track package {tracking}", "the tracking number is {tracking}",
    "is {price} a good price for a used car?", "it costs {price} with tax",
    "I need {quantity} of flour", "convert {quantity} to imperial",
    "the city has {big} residents", "set an alarm for {time}",
    "what day of the week is {date}?", "is flight {flight} on time?",
    "how much is the {model}?", "what happened in {year}?",
    "order {order} was shipped with tracking {tracking}",
    "reference {order} for invoice {order}",
]

SPOKEN = [
    # cards
    "My card number is {card}.", "Charge it to {card}.", "The visa is {card}, expiring next year.",
    "Use card {card} for the order.", "It's {card}.",
    # SSNs
    "My social security number is {ssn}.", "My social is {ssn}.", "SSN {ssn}.",
    "The social security number is {ssn}, for the form.",
    # phones
    "Call me at {phone}.", "My number is {phone}.", "You can reach me on {phone}.",
    "My number is {phone_intl}.", "Call my sister on {phone_intl}.",
    "My mobile is {phone_uk}.", "Ring me on {phone_uk}.",
    # e-mails
    "My email is {email}.", "Send it to {email}.", "Email address {email}.",
    "You can write to {email}.",
    # IBANs
    "My IBAN is {iban}.", "Transfer it to {iban}.", "The account is {iban}.",
    # addresses
    "I live at {address}.", "Ship it to {address}.", "My address is {address_uk}.",
    "Deliver to {address_uk}.",
    # names
    "My name is {name}.", "Hi, this is {name}.", "Call {name}.",
    "Text {first} that I'm running late.",
    "Send an email to {name}.", "I'm {name}.",
    # several at once
    "My name is {name} and my number is {phone}.", "Email {first} at {email}.",
    # hard negatives
    "Where is my order {order}?", "Track package {tracking}.", "It costs {price}.",
    "I bought {quantity} but it's way heavier.", "Wake me up at {time}.",
    "Is flight {flight} delayed?", "How much is the {model}?",
    "About {big} people live there.", "What happened on {date}?",
]

HAND_NEGATIVES = [(form, text) for form, texts in (("typed", """What is the capital of France?
Who was George Washington?
What's the weather in Paris today?
How far is Portland from Seattle?
Tell me about Abraham Lincoln.
Play something by Taylor Swift.
Call mom.
Text my wife that I'm on my way.
Call me back in ten minutes.
Email the landlord about the heating.
Is it going to rain in Leeds tomorrow?
How do I get to Baker Street station?
When does the Main Street market open?
What time is it in Tokyo?
Who wrote Pride and Prejudice?
How tall is Mount Everest?
Send a message to the team.
Call the dentist tomorrow morning.
I walked 5 miles down the road.
Take the 2nd street on the left.
Turn right on Elm Street.
We drove 300 miles along the coast road.
3 kilograms but it's way heavier.
The recipe needs 2 cups of flour and 3 eggs.
My zip code is 90210.
The score was 3-1 and then 2-0.
Pi is 3.14159265358979.
Version 1.2.3 fixed the bug.
ISBN 978-0-306-40615-7 is the book.
Room 101 is on the first floor.
Route 66 is a famous road.
The population of Texas is 30,029,572.
The moon is 384,400 km away.
My order 112-4567890-1234567 is late.
The Eiffel Tower is 330 metres tall.
Is Martin Luther King Day a holiday?
What did Marie Curie discover?
Book a table for 4 at 7:30.
Flight BA 283 leaves from terminal 5.
Buy a RTX 4090 for $1,599.
Set a timer for 25 minutes.
Remind me on 12/05/2026 to pay rent.
Convert 72 degrees Fahrenheit to Celsius.
How many people live in Manchester?
What's 1,234 times 5,678?
My password hint is my dog's name.
Call an Uber to the airport.
Where is the nearest Starbucks?
Add 12 apples to the shopping list.
I am 34 years old.
Who is the president of France?
Call Me Maybe is a song.
Say hello to Siri for me.
How long is the Golden Gate Bridge?
The meeting is in room 4, floor 12.
Show me flights to New York on March 3, 2027.""".splitlines()),
                                                  ("spoken", """What is the capital of France?
Who was George Washington?
What's the weather like in Paris?
How far is it from London to Leeds?
Tell me about Abraham Lincoln.
Call mom.
Text my husband that dinner is ready.
Call me back later.
Remind me to email the school.
Is it going to snow in Denver tonight?
Play the new album by Adele.
I bought 3 kilograms but it's way heavier.
It weighs about 4 pounds.
Wake me up at 6:30 tomorrow.
My tracking number is 1Z999AA10123456784.
The order number is 4 4 7 1 2 3 9.
It costs $5,000.
It was about $1,250 for 3 nights.
The population is about 8,336,817.
Set a timer for 15 minutes.
Flight UA 901 to Chicago.
How much is an iPhone 15 Pro?
What happened in 1969?
I was born on the fifth of May, nineteen eighty five.
Give me five minutes and then ten more.
Count one two three four five six seven eight nine ten.
Oh, I see what you mean.
The temperature is seventy two degrees.
Turn the volume to eleven.
Add two eggs and one cup of flour.
Where is the nearest street market?
Who was Winston Churchill?
What's the time in Sydney?
The year two thousand was a leap year.
My favourite numbers are 7, 13 and 42.
How many miles is a marathon? About 26.2.
The bill came to one hundred and twenty dollars.
Navigate to Portland, Oregon.
What's the zip code for Austin, Texas?
The model number is WD-40.""".splitlines())) for text in texts]
