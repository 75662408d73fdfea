"""Italian: «…» and “…”; «…», ha detto X / ha spiegato il ministro / secondo X, and cues with no subject."""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "dire dice dicono disse detto, dichiarare dichiara dichiarato dichiarò, affermare afferma affermato affermò,",
        "spiegare spiega spiegato spiegò, aggiungere aggiunge aggiunto aggiunse,",
        "sottolineare sottolinea sottolineato sottolineò, commentare commenta commentato commentò,",
        "osservare osserva osservato osservò, ribadire ribadisce ribadito ribadì, precisare precisa precisato precisò,",
        "assicurare assicura assicurato assicurò, raccontare racconta raccontato raccontò,",
        "scrivere scrive scritto scrisse,",
        "annunciare annuncia annunciato annunciò, avvertire avverte avvertito avvertì,",
        "denunciare denuncia denunciato denunciò, concludere conclude concluso concluse,",
        "rispondere risponde risposto rispose, chiedere chiede chiesto chiese, insistere insiste insistito insistette,",
        "ammettere ammette ammesso ammise, replicare replica replicato replicò, sostenere sostiene sostenuto sostenne,",
        "evidenziare evidenzia evidenziato evidenziò, tuonare tuona tuonato tuonò, incalzare incalza incalzato,",
        "attaccare attacca attaccato attaccò, confermare conferma confermato confermò",
    ),
    gerunds=words("dicendo aggiungendo spiegando sottolineando affermando precisando"),
    weak=words("osservare denunciare chiedere replicare sostenere attaccare confermare incalzare"),
    not_indirect=words("rispondere chiedere replicare commentare"),
    accusations=words("accusato accusa accusò"),
    cue_tails=phrases("ai giornalisti, alla stampa, in una nota, in un'intervista, in un’intervista, su X, su Twitter"),
    according_to=phrases("secondo, a detta di, stando a"),
    auxiliaries=phrases("ha, hanno, aveva, avevano, avrebbe, anche, poi, già, inoltre, gli, le, ci, non"),
    adverb_endings=phrases("mente"),
    complementisers=phrases("che"),
    pronouns={"lui": "m", "lei": "f", "loro": "p", "io": "", "noi": "p"},
    null_subject=True,
    adjectives_after=True,
    determiners=words(
        "il lo la i gli le l' l’ un uno una un' un’ suo sua suoi sue questo questa quel quella del della dello",
        "dei degli delle",
    ),
    definite=words("il lo la i gli le l' l’ questo questa del della dello"),
    person_nouns=words(
        "ministro ministra presidente premier portavoce responsabile direttore direttrice deputato deputata",
        "senatore senatrice sindaco sindaca segretario segretaria consigliere esperto esperta esperti analista",
        "economista ricercatore ricercatrice avvocato avvocata giudice procuratore magistrato diplomatico",
        "ambasciatore generale comandante ufficiale agente testimone testimoni residente residenti manifestante",
        "sindacalista attivista fondatore fondatrice candidato candidata professore professoressa medico",
        "infermiere insegnante studente imprenditore imprenditrice leader capo fonte fonti donna uomo delegato",
        "amministratore vicepresidente",
    ),
    person_endings=phrases("ista, isti, tore, trice, logo, loga"),
    body_nouns=words(
        "governo ministero polizia carabinieri procura tribunale comune regione commissione consiglio partito",
        "sindacato azienda società gruppo banca esercito agenzia parlamento senato camera rapporto studio sondaggio",
        "nota comunicato associazione fondazione istituto università",
    ),
    feminine=words(
        "lei signora ministra direttrice deputata senatrice sindaca segretaria esperta ricercatrice avvocata",
        "candidata professoressa donna imprenditrice",
    ),
    masculine=words("lui signor signore uomo"),
    honorifics=words("Sig Dott Dott.ssa Prof On Avv Ing"),
    role_words=words("Presidente Ministro Papa Re Regina Sindaco Generale"),
    role_modifiers=words("Vice Ex"),
    particles=phrases("di, de, del, della, da, d', d’, dei, degli"),
    sentence_starters=words(
        "Il Lo La I Gli Le L Un Uno Una E O Ma Però Quindi Anche Non Se Quando Come Perché Mentre Dopo Prima",
        "Secondo Per Con Su In Da Di Del Della Al Alla Tra Fra Questo Questa Quello Quella Lui Lei Loro Noi Suo",
        "Sua Oggi Ieri Domani Così Poi Già Ancora Inoltre Infatti Invece Tutto Tutti Ogni Alcuni Molti Chi Cosa",
        "Dove Sì No Intanto Insomma",
    ),
    body_heads=words(
        "Governo Ministero Partito Parlamento Senato Camera Tribunale Procura Comune Regione Commissione Consiglio",
        "Polizia Banca Esercito Agenzia Istituto Università Fondazione Associazione Sindacato Gruppo Chigi",
    ),
    non_person_heads=words(
        "Via Piazza Stazione Aeroporto Città Provincia Fiume Isola Legge Piano Progetto Accordo Trattato Vertice"
    ),
    conjunctions=words("e ed &"),
    prepositions=words(
        "di del della dello dei degli delle a al alla ai in nel nella con per su sul sulla da dal dalla tra fra",
        "contro verso senza",
    ),
    stop_words=words("e o ma che chi cui quando come se è sono era erano ha hanno perché mentre dove"),
    relatives=words("che chi cui quale quali"),
    time_words=words(
        "lunedì martedì mercoledì giovedì venerdì sabato domenica ieri oggi stamattina stasera sera mattina",
        "settimana scorso scorsa",
    ),
    claim_verbs=words(
        "approvato respinto firmato annunciato votato aumentato calato chiuso aperto arrestato condannato eletto",
        "dimesso sospeso vietato lanciato deciso",
    ),
    months=words("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    weekdays=words("lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    number_words=words("milione milioni miliardo miliardi mila cento percento dozzina metà terzo quarto doppio"),
    quote_marks=("«»", "“”", '""'),
)
