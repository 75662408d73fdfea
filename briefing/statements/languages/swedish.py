"""Swedish: ”…” (one mark opens and closes) and »…»; ”…”, säger X / enligt X.

Nouns join into one word and take the article as an ending ("statsministern"):
speaker nouns and titles are matched as word endings.
"""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "säga säger sa sade sagt, berätta berättar berättade berättat, förklara förklarar förklarade,",
        "skriva skriver skrev skrivit, mena menar menade, konstatera konstaterar konstaterade,",
        "tillägga tillägger tillade, betona betonar betonade, understryka understryker underströk,",
        "uppge uppger uppgav, meddela meddelar meddelade, hävda hävdar hävdade, varna varnar varnade,",
        "påpeka påpekar påpekade, fråga frågar frågade, svara svarar svarade, kommentera kommenterar kommenterade,",
        "tycka tycker tyckte, anse anser ansåg, bekräfta bekräftar bekräftade, medge medger medgav,",
        "fortsätta fortsätter fortsatte, twittra twittrar twittrade",
    ),
    weak=words("tycka anse fortsätta fråga"),
    not_indirect=words("fråga svara kommentera fortsätta"),
    cue_tails=phrases("till TT, till SVT, till tidningen, i ett pressmeddelande, i en intervju, på X, på Twitter"),
    according_to=phrases("enligt"),
    auxiliaries=phrases("har, hade, också, även, dock, nu, då, sedan, inte"),
    complementisers=phrases("att"),
    pronouns={"han": "m", "hon": "f", "de": "p", "vi": "p", "jag": ""},
    determiners=words("en ett den det denna detta dessa hans hennes deras sin sitt sina"),
    definite=words("den det denna detta dessa"),
    person_nouns=words(
        "minister ministern talesperson talespersonen chef chefen ordförande ordföranden expert experten experter",
        "experterna forskare forskaren analytiker analytikern ekonom ekonomen åklagare åklagaren domare domaren",
        "advokat advokaten borgmästare vittne vittnet källa källan källor källorna ledare ledaren president",
        "presidenten företrädare företrädaren representant representanten direktör direktören ledamot ledamoten",
        "professor professorn läkare läkaren lärare läraren kvinna kvinnan man mannen",
    ),
    body_nouns=words(
        "regeringen regering myndigheten myndighet polisen polis departementet kommunen kommun partiet parti",
        "facket förbundet företaget bolaget banken armén försvarsmakten rapporten rapport studien undersökningen",
        "tidningen",
    ),
    compounds=True,
    feminine=words("hon fru kvinna kvinnan"),
    masculine=words("han herr man mannen"),
    honorifics=words("Dr"),
    particles=phrases("af, von, de"),
    sentence_starters=words(
        "Den Det De En Ett Och Eller Men Så Om När Att Som Med För På I Av Till Från Efter Före Enligt Under Hon",
        "Han Vi Jag Hans Hennes Deras Detta Denna Dessa Nu Då Där Här Också Även Inte Ja Nej Idag Igår Varför",
        "Vad Vem Hur Var Vilken Alla Några Många Dessutom Samtidigt",
    ),
    body_heads=words("Regeringen Riksdagen Polisen Myndigheten Departementet Partiet Kommun Banken Försvarsmakten"),
    non_person_heads=words("Gatan Torget Stationen Flygplatsen Staden Län"),
    conjunctions=words("och &"),
    prepositions=words("av för på i med från till vid om under efter mot hos utan"),
    stop_words=words("och eller men att som när om är var har hade blir blev"),
    relatives=words("som vilken vilket vilka"),
    time_words=words(
        "i dag idag igår under på måndagen tisdagen onsdagen torsdagen fredagen lördagen söndagen kväll morgon vecka"
    ),
    claim_verbs=words(
        "beslutade beslöt godkände avvisade undertecknade röstade höjde sänkte steg föll stängde öppnade greps",
        "dömdes valdes avgick stoppade förbjöd lanserade",
    ),
    months=words("januari februari mars april maj juni juli augusti september oktober november december"),
    weekdays=words("måndag tisdag onsdag torsdag fredag lördag söndag"),
    number_words=words("miljon miljoner miljard miljarder tusen hundra procent dussin hälften dubbelt"),
    quote_marks=("””", "»»", "»«", "“”", '""'),
)
