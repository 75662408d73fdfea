"""Spanish: «…» and “…”; «…», dijo X / afirmó el ministro / según X, and cues with no subject («…», añadió)."""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "decir dijo dice dicen dijeron decía dicho, afirmar afirmó afirma afirman afirmaron afirmado,",
        "asegurar aseguró asegura aseguran aseguraron asegurado,",
        "explicar explicó explica explican explicaron explicado, añadir añadió añade añaden añadieron añadido,",
        "agregar agregó agrega agregado, señalar señaló señala señalan señalado,",
        "indicar indicó indica indicado, declarar declaró declara declarado,",
        "sostener sostuvo sostiene sostenido, advertir advirtió advierte advertido,",
        "subrayar subrayó subraya subrayado, recalcar recalcó recalca recalcado,",
        "destacar destacó destaca destacado, apuntar apuntó apunta apuntado,",
        "comentar comentó comenta comentado, manifestar manifestó manifiesta manifestado,",
        "precisar precisó precisa precisado, reconocer reconoció reconoce reconocido,",
        "admitir admitió admite admitido, insistir insistió insiste insistido,",
        "criticar criticó critica criticado, denunciar denunció denuncia denunciado,",
        "lamentar lamentó lamenta lamentado, escribir escribió escribe escrito, contar contó cuenta contado,",
        "relatar relató relata relatado, responder respondió responde respondido,",
        "preguntar preguntó pregunta preguntado, anunciar anunció anuncia anunciado, aseverar aseveró asevera,",
        "opinar opinó opina, considerar consideró considera, estimar estimó estima,",
        "concluir concluyó concluye concluido, remarcar remarcó remarca, matizar matizó matiza,",
        "expresar expresó expresa, confesar confesó confiesa, prometer prometió promete, avisar avisó avisa,",
        "zanjar zanjó zanja, tuitear tuiteó tuitea, reiterar reiteró reitera, defender defendió defiende,",
        "resumir resumió resume, alertar alertó alerta",
    ),
    gerunds=words(
        "diciendo añadiendo asegurando afirmando explicando señalando advirtiendo subrayando indicando",
        "agregando recalcando insistiendo",
    ),
    weak=words(
        "destacar apuntar precisar criticar denunciar contar preguntar considerar estimar prometer defender",
        "lamentar reconocer comentar expresar confesar",
    ),
    not_indirect=words("responder preguntar comentar"),
    accusations=words("acusó acusa acusado"),
    cue_tails=phrases(
        "a la prensa, a los periodistas, a los medios, en un comunicado, en una entrevista,",
        "en rueda de prensa, en declaraciones, en X, en Twitter, en redes sociales",
    ),
    according_to=phrases("según, de acuerdo con, a juicio de, en palabras de"),
    auxiliaries=phrases(
        "ha, han, había, habían, habría, también, además, ya, luego, después, hoy, ayer, le, les, lo, se, no",
    ),
    adverb_endings=phrases("mente"),
    complementisers=phrases("que"),
    pronouns={"él": "m", "ella": "f", "ellos": "p", "ellas": "p", "yo": "", "nosotros": "p"},
    null_subject=True,
    determiners=words(
        "el la los las un una unos unas su sus este esta estos estas ese esa otro otra varios varias algunos",
        "algunas del al",
    ),
    definite=words("el la los las este esta del al"),
    person_nouns=words(
        "ministro ministra presidente presidenta portavoz portavoces responsable responsables dirigente",
        "dirigentes director directora diputado diputada diputados senador senadora alcalde alcaldesa",
        "secretario secretaria consejero consejera experto experta expertos analista analistas economista",
        "economistas investigador investigadora investigadores abogado abogada abogados juez jueza fiscal",
        "fiscales diplomático diplomática embajador embajadora general comandante oficial agente agentes",
        "testigo testigos vecino vecina vecinos vecinas manifestante manifestantes sindicalista activista",
        "activistas fundador fundadora candidato candidata profesor profesora médico médica enfermera",
        "enfermero maestro maestra estudiante agricultor agricultora trabajador trabajadora trabajadores",
        "empresario empresaria jefe jefa líder líderes fuente fuentes mujer hombre gerente delegado delegada",
        "representante representantes coordinador coordinadora vicepresidente vicepresidenta consejera",
        "portavoz",
    ),
    person_endings=phrases("ista, istas, ador, adora, ero, era, ólogo, óloga"),
    body_nouns=words(
        "gobierno ministerio policía guardia ayuntamiento tribunal juzgado fiscalía comisión consejo partido",
        "sindicato empresa grupo banco ejército agencia congreso senado informe estudio encuesta comunicado",
        "asociación federación fundación instituto universidad",
    ),
    feminine=words(
        "ella Sra Sra. señora ministra presidenta directora diputada senadora alcaldesa secretaria consejera",
        "experta investigadora abogada jueza embajadora candidata profesora médica mujer jefa vicepresidenta",
        "Doña",
    ),
    masculine=words("él Sr señor hombre Don"),
    honorifics=words("Sr Sra Srta Dr Dra Don Doña"),
    role_words=words("Presidente Presidenta Ministro Ministra Rey Reina Papa Alcalde Alcaldesa General Juez"),
    role_modifiers=words("Vice Primer Primera Ex"),
    particles=phrases("de la, de los, de las, de, del, y"),
    sentence_starters=words(
        "El La Los Las Un Una Unos Unas Y O Pero Sin Con En De Del Al Por Para Según Tras Desde Hasta Durante",
        "Ante Bajo Sobre Entre Hacia Contra Como Cuando Si Aunque Porque Mientras Este Esta Estos Estas Ese",
        "Esa Eso Esto Él Ella Ellos Ellas Nosotros Su Sus Mi Mis Nuestro Nuestra Ya Además También Embargo No",
        "Sí Hoy Ayer Mañana Así Entonces Luego Después Antes Todo Toda Todos Todas Cada Otro Otra Otros Otras",
        "Algunos Algunas Muchos Muchas Qué Quién Cómo Dónde Cuál Lo Le Les Se Finalmente Incluso Quizá Quizás",
    ),
    body_heads=words(
        "Gobierno Ministerio Partido Congreso Senado Tribunal Comisión Consejo Policía Guardia Ayuntamiento",
        "Junta Generalitat Banco Ejército Agencia Instituto Universidad Fundación Asociación Federación",
        "Sindicato Grupo Moncloa País",
    ),
    non_person_heads=words(
        "Calle Plaza Avenida Estación Aeropuerto Ciudad Provincia Región Río Isla Ley Plan Proyecto Acuerdo",
        "Tratado Cumbre Informe",
    ),
    conjunctions=words("y e &"),
    prepositions=words("de del a al en con por para sin sobre entre desde hasta hacia contra tras ante bajo"),
    stop_words=words(
        "y o pero que quien cual cuando como si es son era fue fueron ha han está están porque aunque",
        "mientras donde",
    ),
    relatives=words("que quien quienes cual cuales"),
    time_words=words(
        "lunes martes miércoles jueves viernes sábado domingo ayer hoy este esta el la por mañana tarde noche",
        "semana pasado pasada",
    ),
    claim_verbs=words(
        "aprobó aprobado rechazó rechazado firmó firmado anunció anunciado votó subió bajó cayó aumentó",
        "redujo cerró abrió detuvo detenido condenado elegido dimitió suspendió prohibió lanzó decidió",
    ),
    months=words(
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
    ),
    weekdays=words("lunes martes miércoles jueves viernes sábado domingo"),
    number_words=words("millón millones mil cien ciento docena mitad tercio cuarto doble"),
    quote_marks=("«»", "“”", '""'),
)
