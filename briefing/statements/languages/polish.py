"""Polish: „…” and «…»; „…” – powiedział X / według X, and cues with no subject („…” – dodała.)."""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "powiedzieć powiedział powiedziała powiedzieli mówi mówią mówił mówiła, stwierdzić stwierdził stwierdziła",
        "stwierdza, dodać dodał dodała dodaje, podkreślić podkreślił podkreśliła podkreśla,",
        "zaznaczyć zaznaczył zaznaczyła zaznacza, napisać napisał napisała pisze, oświadczyć oświadczył oświadczyła,",
        "przyznać przyznał przyznała przyznaje, ocenić ocenił oceniła ocenia, twierdzić twierdzi twierdził twierdziła,",
        "wyjaśnić wyjaśnił wyjaśniła wyjaśnia, poinformować poinformował poinformowała informuje,",
        "zapowiedzieć zapowiedział zapowiedziała, ostrzec ostrzegł ostrzegła ostrzega,",
        "przekonywać przekonywał przekonywała przekonuje, zapewnić zapewnił zapewniła zapewnia,",
        "odpowiedzieć odpowiedział odpowiedziała, zapytać zapytał zapytała pyta,",
        "skomentować skomentował skomentowała komentuje, uważać uważa uważał uważała",
    ),
    weak=words("ocenić uważać zapytać przyznać"),
    not_indirect=words("odpowiedzieć zapytać skomentować"),
    cue_tails=phrases("dziennikarzom, PAP, w rozmowie, w wywiadzie, w komunikacie, na platformie X, na Twitterze"),
    according_to=phrases("według, zdaniem"),
    auxiliaries=phrases("też, także, również, już, jeszcze, dziś, wczoraj, się, nie"),
    complementisers=phrases("że"),
    pronouns={"on": "m", "ona": "f", "oni": "p", "one": "p", "ja": "", "my": "p"},
    null_subject=True,
    determiners=words("ten ta to ci te tego jego jej ich swój swoja"),
    definite=words("ten ta to"),
    person_nouns=words(
        "minister ministra premier premiera prezydent prezydenta rzecznik rzeczniczka rzecznika przewodniczący",
        "przewodnicząca prezes prezesa dyrektor dyrektorka poseł posłanka posła senator senatorka burmistrz",
        "wojewoda sekretarz ekspert ekspertka eksperta ekspertów analityk analityczka analityka ekonomista",
        "ekonomistka naukowiec prawnik adwokat sędzia prokurator dyplomata ambasador generał dowódca policjant",
        "policjantka świadek mieszkaniec mieszkanka mieszkańcy demonstrant aktywista aktywistka założyciel",
        "kandydat kandydatka profesor lekarz lekarka nauczyciel nauczycielka student studentka przedsiębiorca",
        "szef szefowa lider źródło źródła kobieta mężczyzna",
    ),
    body_nouns=words(
        "rząd rządu ministerstwo ministerstwa policja policji urząd urzędu sąd sądu partia komisja rada związek",
        "firma spółka bank armia agencja sejm senat raport badanie sondaż komunikat",
    ),
    feminine=words(
        "ona pani rzeczniczka przewodnicząca dyrektorka posłanka senatorka ekspertka analityczka ekonomistka",
        "policjantka mieszkanka aktywistka kandydatka lekarka nauczycielka studentka szefowa kobieta powiedziała",
        "dodała stwierdziła podkreśliła zaznaczyła napisała oświadczyła przyznała",
    ),
    masculine=words("on pan mężczyzna powiedział dodał stwierdził podkreślił zaznaczył napisał oświadczył przyznał"),
    sentence_starters=words(
        "Ten Ta To Ci Te A I Ale Lub Albo Jednak Gdy Kiedy Jeśli Jeżeli Ponieważ Że Aby W We Na Do Z Ze Od Po Dla",
        "Przy Przed Za Według O U Przez Jego Jej Ich On Ona Oni My Ja Także Również Już Jeszcze Dziś Dzisiaj",
        "Wczoraj Jutro Jak Kto Co Gdzie Dlaczego Który Która Które Wszyscy Niektórzy Wielu Nie Tak",
    ),
    prepositions=words("w we na do z ze od po dla przy przed za o u przez według"),
    stop_words=words("i a ale lub albo że aby gdy jest są był była było byli ma mają"),
    relatives=words("który która które którzy"),
    time_words=words(
        "w poniedziałek wtorek środę czwartek piątek sobotę niedzielę wczoraj dziś dzisiaj rano wieczorem"
    ),
    claim_verbs=words(
        "przyjął przyjęła uchwalił odrzucił podpisał ogłosił zagłosował wzrósł spadł podniósł obniżył zamknął",
        "otworzył zatrzymał skazał wybrany zrezygnował zakazał",
    ),
    months=words(
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    ),
    weekdays=words("poniedziałek wtorek środa czwartek piątek sobota niedziela"),
    number_words=words("milion miliony milionów miliard miliardów tysiąc tysięcy sto procent połowa ćwierć"),
    quote_marks=("„”", "„“", "«»", "»«", "“”", '""'),
)
