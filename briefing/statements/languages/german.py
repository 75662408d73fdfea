"""German: „…“ and »…« (Swiss «…»), „…“, sagte Scholz / so Scholz / laut X / X zufolge.

German capitalises every noun, so a capitalised word is not yet a name:
titles and speaker nouns are matched as word endings ("Bundesinnenministerin",
"Regierungssprecher"), and a description opens with its article ("der Minister").
"""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "sagen sagt sagte sagten gesagt sage, erklären erklärt erklärte erklärten,",
        "betonen betont betonte betonten, meinen meint meinte meinten, fordern fordert forderte forderten,",
        "warnen warnt warnte warnten, kritisieren kritisiert kritisierte kritisierten,",
        "ergänzen ergänzt ergänzte, schreiben schreibt schrieb schrieben,",
        "berichten berichtet berichtete berichteten, erzählen erzählt erzählte, sprechen spricht sprach,",
        "versichern versichert versicherte, bestätigen bestätigt bestätigte,",
        "unterstreichen unterstreicht unterstrich, argumentieren argumentiert argumentierte,",
        "glauben glaubt glaubte, fragen fragt fragte, antworten antwortet antwortete,",
        "kommentieren kommentiert kommentierte, mahnen mahnt mahnte, klagen klagt klagte,",
        "hinzufügen fügt fügte, mitteilen teilt teilte, ankündigen kündigt kündigte, äußern äußert äußerte,",
        "erinnern erinnert erinnerte, bekräftigen bekräftigt bekräftigte, beteuern beteuert beteuerte,",
        "rufen ruft rief, twittern twittert twitterte, bilanzieren bilanziert bilanzierte,",
        "urteilen urteilt urteilte, heißen heißt hieß, räumen räumt räumte, zitieren zitiert zitierte,",
        "verkünden verkündet verkündete, beklagen beklagt beklagte, widersprechen widerspricht widersprach,",
        "folgern folgert folgerte, resümieren resümiert resümierte, fürchten fürchtet fürchtete",
    ),
    weak=words(
        "meinen glauben mitteilen räumen sprechen erinnern berichten fragen fordern fürchten klagen zitieren",
    ),
    not_indirect=words("fragen antworten kommentieren zitieren heißen"),
    accusations=words("beschuldigt beschuldigte vorgeworfen"),
    cue_tails=phrases(
        "auf X, auf Twitter, bei X, auf Instagram, in einer Mitteilung, in einem Interview, im Interview,",
        "in einer Erklärung, auf einer Pressekonferenz, vor Journalisten, vor Reportern",
    ),
    according_to=phrases(
        "laut, nach Angaben von, nach Angaben des, nach Angaben der, nach Worten von, nach Ansicht von",
    ),
    according_after=phrases("zufolge"),
    quote_cues=phrases("so"),
    auxiliaries=phrases(
        "auch, bereits, zudem, außerdem, noch, dann, später, hat, habe, hatte, hätte, wird, würde, erneut,",
        "gestern, heute, weiter, ebenfalls, zuvor, jetzt, nun, schon",
    ),
    complementisers=phrases("dass"),
    pronouns={"er": "m", "sie": "f", "es": "n", "wir": "p", "ich": ""},
    determiners=words("der die das den dem des ein eine einen einem einer eines kein keine sein seine ihr ihre"),
    definite=words("der die das den dem des dieser diese dieses"),
    person_nouns=words(
        "beauftragte beauftragter nachbar nachbarin mutter vater pflegerin pfleger",
        "minister ministerin kanzler kanzlerin präsident präsidentin sprecher sprecherin chef chefin",
        "vorsitzende vorsitzender politiker politikerin experte expertin experten direktor direktorin leiter",
        "leiterin sekretär sekretärin forscher forscherin ökonom ökonomin analyst analystin abgeordnete",
        "abgeordneter bürgermeister bürgermeisterin anwalt anwältin richterin botschafter botschafterin",
        "professor professorin wissenschaftler wissenschaftlerin managerin gründer gründerin geschäftsführer",
        "geschäftsführerin berater beraterin kritiker kritikerin aktivist aktivistin ermittler ermittlerin",
        "staatsanwalt staatsanwältin landwirt landwirtin arzt ärztin mediziner medizinerin beamter beamtin",
        "beamte augenzeuge augenzeugin zeuge zeugin anwohner anwohnerin bewohner bewohnerin mitarbeiter",
        "mitarbeiterin gewerkschafter gewerkschafterin funktionär funktionärin diplomat diplomatin kommissar",
        "kommissarin trainer trainerin spieler spielerin kapitän pilotin lehrer lehrerin student studentin",
        "autor autorin journalist journalistin reporterin insider kandidat kandidatin generalsekretär",
        "generalsekretärin intendant intendantin vorstand vorständin",
    ),
    body_nouns=words(
        "regierung ministerium polizei behörde gericht partei verband gewerkschaft unternehmen konzern firma",
        "bank kommission ausschuss armee bundeswehr staatsanwaltschaft feuerwehr verwaltung gemeinde senat",
        "fraktion koalition opposition bericht studie umfrage mitteilung erklärung zeitung agentur sender",
        "institut stiftung verein bündnis amt rat",
    ),
    compounds=True,
    feminine=words("sie Frau frau"),
    masculine=words("er Herr mann"),
    feminine_suffixes=phrases("in"),
    honorifics=words("Herr Frau Dr Prof"),
    role_words=words(
        "Minister Ministerin Kanzler Kanzlerin Präsident Präsidentin Sprecher Sprecherin Chef Chefin",
        "Vorsitzende Vorsitzender Bürgermeister Bürgermeisterin Abgeordnete Abgeordneter Staatssekretär",
        "Staatssekretärin Botschafter Botschafterin Professor Professorin General Papst König Königin Senator",
        "Senatorin Landrat Landrätin Direktor Direktorin Intendant Intendantin Trainer Trainerin Kapitän",
        "Experte Expertin",
    ),
    role_modifiers=words("Ex Erster Erste Stellvertretender Stellvertretende"),
    particles=phrases("von der, van der, von, zu, van, de"),
    sentence_starters=words(
        "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Und Oder Aber Doch Denn Auch Auf In Im Am",
        "An Aus Bei Beim Mit Nach Seit Von Vom Vor Zu Zum Zur Für Gegen Ohne Um Über Unter Zwischen Durch",
        "Während Wegen Trotz Als Wenn Weil Ob Dass Damit Da Dann Danach Dabei Dazu Deshalb Daher Jedoch Zudem",
        "Außerdem Allerdings Zwar Schon Noch Nun Jetzt Heute Gestern Morgen Hier Dort So Wie Was Wer Wo Warum",
        "Welche Welcher Welches Dieser Diese Dieses Jeder Jede Jedes Alle Viele Einige Manche Er Sie Es Wir",
        "Ich Ihr Man Sein Seine Ihre Unser Unsere Mein Meine Kein Keine Nicht Nur Sogar Bereits Erst Immer",
        "Nie Also Ja Nein Bitte Laut Zufolge Gegenüber Mehr Weniger Etwa Rund Fast Knapp Denn Sondern",
        "Trotzdem Inzwischen Bisher Später Zuvor Schließlich Endlich Vielleicht Wohl Offenbar Angeblich",
        "Eigentlich Tatsächlich",
    ),
    body_heads=words(
        "Regierung Bundesregierung Ministerium Partei Polizei Amt Gericht Verband Gewerkschaft Bank",
        "Kommission Rat Ausschuss Armee Bundeswehr Institut Stiftung Verein Zeitung Agentur Konzern Gruppe",
        "Union Fraktion Koalition Senat Bundestag Landtag Parlament Behörde Staatsanwaltschaft Universität",
        "Hochschule Klinik Krankenhaus AG GmbH SE Spiegel",
    ),
    non_person_heads=words(
        "Straße Platz Bahnhof Flughafen Stadt Land Bundesland Kreis Region Fluss See Berg Tal Insel Gesetz",
        "Abkommen Vertrag Gipfel Konferenz Plan Programm Bericht Studie Index Markt Börse Woche Tag Jahr",
        "Monat",
    ),
    conjunctions=words("und &"),
    prepositions=words(
        "von vom für bei beim aus in im am an auf mit nach über unter vor zu zum zur gegen durch um ohne seit",
    ),
    stop_words=words(
        "und oder aber sowie als wie wenn weil dass ob denn doch sondern dann also da wo was wer ist sind war",
        "waren wird werden wurde wurden hat haben sei seien",
    ),
    relatives=words("der die das welcher welche welches"),
    time_words=words(
        "am heute gestern vorgestern morgens abends montag dienstag mittwoch donnerstag freitag samstag",
        "sonntag wochenende zuvor später danach dazu weiter abschließend zudem nun",
    ),
    claim_verbs=words(
        "beschlossen verabschiedet genehmigt abgelehnt unterzeichnet angekündigt gestiegen gesunken gefallen",
        "erhöht gesenkt gestoppt verboten verhaftet festgenommen getötet gewählt zurückgetreten entlassen",
        "eingestellt gestartet eröffnet geschlossen verkauft gekauft übernommen verurteilt",
    ),
    months=words("Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember"),
    weekdays=words("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag"),
    number_words=words(
        "million millionen milliarde milliarden tausend hundert prozent dutzend hälfte drittel viertel",
        "doppelt",
    ),
    quote_marks=("„“", "„”", "»«", "«»", "›‹", "‹›", "“”", '""'),
)
