"""Portuguese: “…” and «…»; “…”, disse X / afirmou o ministro / segundo X, and cues with no subject."""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "dizer disse diz dizem disseram dito, afirmar afirmou afirma afirmam afirmado, declarar declarou declara,",
        "explicar explicou explica, acrescentar acrescentou acrescenta, destacar destacou destaca,",
        "ressaltar ressaltou ressalta, salientar salientou salienta, sublinhar sublinhou sublinha,",
        "garantir garantiu garante, assegurar assegurou assegura, comentar comentou comenta, contar contou conta,",
        "relatar relatou relata, escrever escreveu escreve, responder respondeu responde,",
        "perguntar perguntou pergunta, anunciar anunciou anuncia, alertar alertou alerta, avisar avisou avisa,",
        "criticar criticou critica, defender defendeu defende, admitir admitiu admite,",
        "reconhecer reconheceu reconhece, insistir insistiu insiste, concluir concluiu conclui,",
        "completar completou completa, argumentar argumentou argumenta, apontar apontou aponta, frisar frisou frisa,",
        "lamentar lamentou lamenta, avaliar avaliou avalia, opinar opinou opina, reforçar reforçou reforça",
    ),
    gerunds=words("dizendo afirmando acrescentando explicando destacando ressaltando"),
    weak=words("destacar garantir contar perguntar criticar defender completar apontar avaliar reconhecer"),
    not_indirect=words("responder perguntar comentar"),
    accusations=words("acusou acusa acusado"),
    cue_tails=phrases("à imprensa, aos jornalistas, em nota, em comunicado, em entrevista, no X, no Twitter"),
    according_to=phrases("segundo, de acordo com, conforme"),
    auxiliaries=phrases("tem, têm, tinha, havia, também, ainda, já, depois, hoje, ontem, lhe, lhes, se, não"),
    adverb_endings=phrases("mente"),
    complementisers=phrases("que"),
    pronouns={"ele": "m", "ela": "f", "eles": "p", "elas": "p", "eu": "", "nós": "p"},
    null_subject=True,
    adjectives_after=True,
    determiners=words(
        "o a os as um uma uns umas seu sua seus suas este esta esse essa outro outra vários várias alguns algumas",
        "do da dos das",
    ),
    definite=words("o a os as este esta esse essa do da dos das"),
    person_nouns=words(
        "ministro ministra presidente presidenta porta-voz responsável dirigente diretor diretora deputado",
        "deputada senador senadora prefeito prefeita governador governadora secretário secretária especialista",
        "especialistas analista economista pesquisador pesquisadora investigador advogado advogada juiz juíza",
        "procurador procuradora promotor diplomata embaixador embaixadora general comandante oficial agente",
        "testemunha morador moradora moradores manifestante sindicalista ativista fundador candidato candidata",
        "professor professora médico médica enfermeira estudante empresário empresária líder chefe fonte fontes",
        "mulher homem autarca vice-presidente",
    ),
    person_endings=phrases("ista, istas, dor, dora, logo, loga"),
    body_nouns=words(
        "governo ministério polícia prefeitura câmara tribunal comissão conselho partido sindicato empresa grupo",
        "banco exército agência congresso senado relatório estudo pesquisa nota comunicado associação federação",
        "fundação instituto universidade",
    ),
    feminine=words(
        "ela Sra senhora ministra presidenta diretora deputada senadora prefeita governadora secretária advogada",
        "juíza candidata professora médica mulher",
    ),
    masculine=words("ele Sr senhor homem"),
    honorifics=words("Sr Sra Dr Dra"),
    role_words=words("Presidente Ministro Ministra Papa Rei Rainha Prefeito General"),
    role_modifiers=words("Vice Ex"),
    particles=phrases("da, de, do, dos, das, e"),
    sentence_starters=words(
        "O A Os As Um Uma E Ou Mas Porém No Na Nos Nas Do Da Dos Das Em De Para Por Com Sem Segundo Após Antes",
        "Depois Durante Desde Até Entre Sobre Contra Como Quando Se Embora Porque Enquanto Este Esta Esse Essa",
        "Isso Isto Ele Ela Eles Elas Nós Seu Sua Já Também Ainda Não Sim Hoje Ontem Amanhã Assim Então Todo Toda",
        "Todos Cada Outro Outra Alguns Muitos Quem Onde Qual",
    ),
    body_heads=words(
        "Governo Ministério Partido Congresso Senado Câmara Tribunal Supremo Polícia Prefeitura Banco Exército",
        "Agência Instituto Universidade Fundação Associação Federação Sindicato Grupo Planalto",
    ),
    non_person_heads=words(
        "Rua Avenida Praça Estação Aeroporto Cidade Estado Região Rio Ilha Lei Plano Projeto Acordo Tratado"
    ),
    conjunctions=words("e &"),
    prepositions=words(
        "de do da dos das a ao à aos às em no na nos nas com por pelo pela para sem sobre entre desde até contra"
    ),
    stop_words=words("e ou mas que quem qual quando como se é são era foi foram tem porque embora enquanto onde"),
    relatives=words("que quem qual quais cujo"),
    time_words=words(
        "segunda terça quarta quinta sexta sábado domingo feira ontem hoje manhã tarde noite semana passado passada"
    ),
    claim_verbs=words(
        "aprovou aprovado rejeitou assinou anunciou votou subiu caiu aumentou reduziu fechou abriu prendeu",
        "condenado eleito renunciou suspendeu proibiu lançou decidiu",
    ),
    months=words("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    weekdays=words("segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"),
    number_words=words("milhão milhões bilhão bilhões mil cem cento dúzia metade terço quarto dobro"),
    quote_marks=("“”", "«»", '""'),
)
