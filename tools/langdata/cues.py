"""Noun and phrase cues for quote attribution (hand-written lists).

position (see README.md):
  before_speaker     the speaker follows: "según el ministro", "according to officials"
  before_medium      a publication, agency or document follows: "según publica El País", "citing Reuters"
  verb_phrase        acts as a speech verb: "told reporters", "se limitó a decir"
  channel            how or where it was said; no speaker inside: "en un comunicado", "in a statement"
  anonymity          marks the nearby speaker as unnamed: "who asked not to be named"
  anonymous_speaker  stands in the speaker's place: "fuentes cercanas a", "a spokesperson"
  before_quote       introduces the quoted words: "lo siguiente:", "and I quote"
  after_quote        closes them: "fin de la cita", "unquote"
  no_comment         a speaker who gave no quote: "declinó hacer comentarios", "declined to comment"
strength: strong, or weak (also common outside attribution: "para", "per", "for").
"""

from __future__ import annotations

from tsv import DATA, write_tsv

ES = {
    "before_speaker": {
        "strong": """según | de acuerdo con | de acuerdo a | en palabras de | a juicio de | en opinión de | a decir de
            | al decir de | a criterio de | en la opinión de | según palabras de | en boca de | en voz de
            | según el criterio de | a entender de | en sentir de | según el parecer de | en la visión de
            | según dijo | según explicó | según informó | según indicó | según señaló | según afirmó | según precisó
            | según detalló | según aseguró | según relató | según contó | según recordó | según reconoció
            | según admitió | según confirmó | según declaró | según manifestó | según comentó | según expresó
            | según denunció | según advirtió | según sostuvo | según agregó | según añadió | según apuntó
            | según destacó | según estimó | según calculó | según reveló | según anunció | según las palabras de
            | de acuerdo con lo dicho por | de acuerdo con lo señalado por | de acuerdo con lo expresado por
            | de acuerdo con declaraciones de | según declaraciones de | en declaraciones de | citando a
            | según el testimonio de | según la versión de | en la versión de | a ojos de""",
        "weak": "para | conforme a | en la mirada de | a los ojos de | en la óptica de | desde la óptica de",
    },
    "before_medium": {
        "strong": """según publica | según publicó | según informa | según informó el diario | según recoge
            | según recogen | según reporta | según reportó | según reportan | según reveló el diario
            | según difundió | según adelantó | según adelanta | según un informe de | según un reporte de
            | según una nota de | citado por | citada por | citados por | citadas por | consultado por
            | consultada por | consultados por | consultadas por | entrevistado por | entrevistada por
            | en declaraciones recogidas por | en declaraciones difundidas por | en declaraciones publicadas por
            | en declaraciones a | en entrevista con | en una entrevista con | en una entrevista concedida a
            | en diálogo con | en conversación con | en charla con | en una charla con | en una nota con
            | en un mano a mano con | en exclusiva para | en exclusiva con | según la agencia
            | informó la agencia | reportó la agencia | de acuerdo con un informe de | de acuerdo con el diario""",
        "weak": "",
    },
    "verb_phrase": {
        "strong": """se limitó a decir | se limitó a señalar | se limitó a responder | se limitó a comentar
            | se limitó a afirmar | se limitó a indicar | llegó a decir | llegó a afirmar | volvió a decir
            | volvió a insistir | volvió a afirmar | no dudó en afirmar | no dudó en señalar | no dudó en calificar
            | no dudó en decir | fue tajante | fue contundente | fue enfático | fue enfática | fue claro | fue clara
            | dijo a la prensa | dijo a los periodistas | dijo a los medios | dijo a los reporteros
            | declaró a la prensa | declaró a los periodistas | declaró a los medios | explicó a la prensa
            | aseguró a la prensa | indicó a la prensa | señaló a la prensa | manifestó a la prensa
            | dijo en rueda de prensa | dijo en conferencia de prensa | dijo en un comunicado | afirmó en un comunicado
            | señaló en un comunicado | indicó en un comunicado | explicó en un comunicado | sostuvo en un comunicado
            | dijo en declaraciones a | dijo en entrevista con | dijo en una entrevista | según se lee en
            | se puede leer en | se lee en | puede leerse en | escribió en | publicó en | tuiteó | trinó
            | reza el comunicado | reza el texto | reza el documento | reza la carta | dice el comunicado
            | dice el texto | dice el documento | dice la carta | señala el comunicado | indica el comunicado
            | afirma el comunicado | sostiene el comunicado | expresa el comunicado | añade el comunicado
            | agrega el comunicado | detalla el comunicado | señala el texto | indica el texto | sostiene el texto
            | recoge el texto | apunta el texto | concluye el texto | se lamentó | se preguntó | se quejó
            | en referencia a | en alusión a | al referirse a | al hablar de | al ser consultado | al ser consultada
            | al ser preguntado | al ser preguntada | al ser cuestionado | al ser cuestionada | al ser interrogado
            | cuestionado sobre | cuestionada sobre | preguntado sobre | preguntada sobre | interrogado sobre
            | consultado sobre | consultada sobre | preguntado por | preguntada por | insistió en que
            | aseguró que | dijo que | afirmó que""",
        "weak": "agregó | añadió | concluyó | sentenció",
    },
    "channel": {
        "strong": """en un comunicado | mediante un comunicado | a través de un comunicado | en un comunicado de prensa
            | en una nota de prensa | en un boletín | en un boletín de prensa | en un pronunciamiento
            | en una declaración | en una declaración escrita | en una declaración conjunta | en declaraciones a la prensa
            | en declaraciones a los medios | en declaraciones a periodistas | en rueda de prensa | en una rueda de prensa
            | en conferencia de prensa | en una conferencia de prensa | en la conferencia matutina | en la mañanera
            | en su conferencia matutina | en un encuentro con periodistas | en un encuentro con la prensa
            | ante los medios | ante la prensa | ante periodistas | ante los periodistas | a los periodistas
            | a la prensa | a los medios | a los reporteros | en su cuenta de x | en su cuenta de twitter
            | en su cuenta de instagram | en su cuenta de facebook | en su perfil de | en sus redes sociales
            | a través de sus redes sociales | en redes sociales | a través de x | a través de twitter
            | en un mensaje en | en un mensaje publicado en | en un mensaje | en un tuit | en un trino | en un video
            | en un vídeo | en un audio | en un mensaje de audio | en una carta | en una misiva | en un escrito
            | en su discurso | durante su discurso | en un discurso | en su intervención | durante su intervención
            | en el pleno | en sede parlamentaria | en la tribuna | desde la tribuna | en un acto | en un mitin
            | durante un mitin | en un acto de campaña | en un informe | en su informe | en el documento | en el texto
            | en la sentencia | en el fallo | en la resolución | en una columna | en su columna | en un artículo
            | en un artículo de opinión | en una tribuna | en un podcast | en un pódcast | en una transmisión en vivo
            | en una transmisión | en un directo | en una videoconferencia | en una entrevista | en entrevista
            | en entrevista radial | en una entrevista radial | en entrevista televisiva | en una entrevista televisiva
            | en un programa de radio | en un programa de televisión | en el programa | en su programa
            | en declaraciones radiales | en declaraciones televisivas | en su declaración | en su testimonio
            | ante el juez | ante la jueza | ante el tribunal | ante la comisión | ante el congreso | ante el senado""",
        "weak": "en declaraciones | en su mensaje",
    },
    "anonymity": {
        "strong": """que pidió no ser identificado | que pidió no ser identificada | que pidió no ser identificados
            | que pidió el anonimato | que pidió anonimato | que pidió mantener el anonimato | bajo condición de anonimato
            | en condición de anonimato | bajo anonimato | bajo reserva | que prefirió no ser identificado
            | que prefirió no ser identificada | que solicitó no ser identificado | que solicitó no ser identificada
            | que solicitó el anonimato | que pidió reserva de su nombre | que pidió reserva de identidad
            | que pidió no revelar su nombre | que pidió no ser nombrado | que pidió no ser nombrada
            | que pidió omitir su nombre | cuyo nombre no fue revelado | que no quiso identificarse | off the record
            | en off | de forma anónima | anónimamente""",
        "weak": "",
    },
    "anonymous_speaker": {
        "strong": """fuentes cercanas a | fuentes cercanas al | fuentes cercanas a la | fuentes de | fuentes del
            | fuentes oficiales | fuentes consultadas | fuentes consultadas por | fuentes del gobierno
            | fuentes gubernamentales | fuentes diplomáticas | fuentes policiales | fuentes judiciales
            | fuentes militares | fuentes sanitarias | fuentes parlamentarias | fuentes próximas a | fuentes conocedoras de
            | una fuente | una fuente cercana a | una fuente oficial | una fuente del | una fuente de
            | un portavoz | una portavoz | el portavoz | la portavoz | portavoces | un vocero | una vocera | voceros
            | un alto funcionario | una alta funcionaria | un funcionario | una funcionaria | altos funcionarios
            | un alto cargo | un responsable | una responsable | personas cercanas a | personas cercanas al
            | personas familiarizadas con | allegados | un allegado | una allegada | testigos | un testigo | una testigo""",
        "weak": "expertos | analistas | especialistas | observadores | críticos | vecinos | medios locales",
    },
    "before_quote": {
        "strong": """lo siguiente | estas palabras | con estas palabras | en estos términos | en los siguientes términos
            | textualmente | literalmente | cito | y cito | abro comillas | entre comillas | de la siguiente manera
            | de la siguiente forma | palabras textuales | sus palabras textuales""",
        "weak": "así | de esta manera | de este modo",
    },
    "after_quote": {
        "strong": "fin de la cita | cierro comillas | cierra comillas | fin de cita",
        "weak": "",
    },
    "no_comment": {
        "strong": """no quiso hacer declaraciones | no quiso hacer comentarios | no quiso comentar | declinó hacer comentarios
            | declinó comentar | declinó hacer declaraciones | rehusó comentar | rehusó hacer comentarios
            | se negó a hacer declaraciones | se negó a comentar | se negó a hacer comentarios
            | no respondió a las solicitudes de comentarios | no respondió a las consultas | no respondió a la consulta
            | no respondió a los pedidos de comentarios | no contestó a las consultas | prefirió no comentar
            | prefirió no hacer declaraciones | evitó pronunciarse | evitó hacer comentarios | guardó silencio
            | no estuvo disponible para comentar | no estuvo disponible para hacer comentarios | sin comentarios
            | no se pronunció | no ha querido pronunciarse | no quiso pronunciarse | no ha respondido""",
        "weak": "",
    },
}

EN = {
    "before_speaker": {
        "strong": """according to | in the words of | in the view of | in the opinion of | in the estimation of
            | as told by | as described by | as explained by | as stated by | as put by | in remarks by
            | in comments by | in a statement by | in testimony by | as recounted by""",
        "weak": "per | for | in the eyes of | in the mind of",
    },
    "before_medium": {
        "strong": """as reported by | reported by | according to a report by | according to a report in
            | according to reports in | citing | as quoted by | quoted by | quoted in | cited by
            | in an interview with | in an interview published by | in comments to | in remarks to
            | in a statement to | speaking to | speaking with | in an exclusive interview with | in an exclusive with
            | in a conversation with | in a phone interview with | in an email to | in a letter to
            | wrote in | writing in""",
        "weak": "",
    },
    "verb_phrase": {
        "strong": """told reporters | told journalists | told the press | told the media | told a news conference
            | told a press conference | told a briefing | told a news briefing | told parliament | told congress
            | told lawmakers | told senators | told the court | told the jury | told the committee | told the hearing
            | told supporters | told a rally | told the crowd | told the audience | said in a statement
            | said in an interview | said in a speech | said at a news conference | said at a press conference
            | said on twitter | said on x | said on social media | wrote on x | wrote on twitter | wrote on social media
            | posted on x | posted on social media | went on to say | went so far as to say | would only say
            | would not say | was quoted as saying | is quoted as saying | was heard saying | was reported as saying
            | was quoted saying | was reported to have said | is reported to have said | is said to have said
            | reportedly said | allegedly said | added that | said that | noted that | insisted that
            | argued that | made clear | made it clear | pointed to | stressed that | warned that | asked whether
            | wanted to know | put it | as he put it | as she put it | as they put it""",
        "weak": "added | continued | concluded",
    },
    "channel": {
        "strong": """in a statement | in a written statement | in a joint statement | in a press release
            | in a news release | in an interview | in a television interview | in a tv interview | in a radio interview
            | in a phone interview | in an email | in an emailed statement | at a news conference | at a press conference
            | at a briefing | at a news briefing | during a briefing | during a news conference | in a speech
            | during a speech | in an address | in a televised address | in a video address | in remarks
            | in brief remarks | in prepared remarks | in a tweet | in a post on | in a post | on x | on twitter
            | on social media | on facebook | on instagram | on truth social | in a video | in a video message
            | in a letter | in an open letter | in a memo | in a filing | in court documents | in a court filing
            | in court papers | in a lawsuit | in a complaint | in a report | in an op-ed | in an opinion piece
            | in a column | in a blog post | on a podcast | on a call with | in a call with reporters | on a conference call
            | on an earnings call | in testimony | in written testimony | before congress | before the committee
            | before the court | in a message | in a text message | in a voicemail | at a rally | at an event
            | at a hearing | during a hearing | on the floor | on the senate floor | on the house floor
            | in a documentary | in his memoir | in her memoir | in a book | in an essay | on television | on tv
            | on radio | on the radio | on cnn | on fox news""",
        "weak": "in comments | in his remarks | in her remarks",
    },
    "anonymity": {
        "strong": """speaking on condition of anonymity | on condition of anonymity | on the condition of anonymity
            | speaking anonymously | who spoke on condition of anonymity | who spoke on the condition of anonymity
            | who asked not to be named | who declined to be named | who requested anonymity | who asked for anonymity
            | who asked not to be identified | who declined to be identified | who was not authorized to speak publicly
            | who were not authorized to speak publicly | not authorized to speak publicly | who requested not to be named
            | on background | off the record | anonymously""",
        "weak": "",
    },
    "anonymous_speaker": {
        "strong": """sources | a source | a source close to | sources close to | sources familiar with | a source familiar with
            | a person familiar with | people familiar with | people familiar with the matter | a person with knowledge of
            | people with knowledge of | a person briefed on | people briefed on | a spokesperson | a spokesman
            | a spokeswoman | spokespeople | the spokesperson | the spokesman | the spokeswoman | a representative
            | a company spokesperson | officials | an official | a senior official | a senior administration official
            | administration officials | a government official | government officials | u.s. officials | aides | an aide
            | a senior aide | insiders | an insider | witnesses | a witness""",
        "weak": "analysts | experts | observers | critics | supporters | residents | local media",
    },
    "before_quote": {
        "strong": """as follows | in these words | the following | and i quote | quote | verbatim | in his words
            | in her words | in their words | in his own words | in her own words | in their own words""",
        "weak": "this way | like this | thus",
    },
    "after_quote": {
        "strong": "unquote | end quote | close quote | end of quote",
        "weak": "",
    },
    "no_comment": {
        "strong": """declined to comment | declined to comment further | declined to elaborate | declined to say
            | declined requests for comment | declined an interview request | did not respond to a request for comment
            | did not respond to requests for comment | did not immediately respond to a request for comment
            | did not immediately respond to requests for comment | did not return a request for comment
            | did not return requests for comment | did not return calls | could not be reached for comment
            | could not immediately be reached for comment | was not available for comment | were not available for comment
            | refused to comment | would not comment | no comment | had no comment | had no immediate comment
            | did not reply to | has not commented | have not commented | has not responded""",
        "weak": "",
    },
}

NOTES = {
    ("es", "para"): "opinion attribution (\"para el ministro, ...\"); mostly a preposition",
    ("es", "de acuerdo con"): "also \"estar de acuerdo con\" (to agree with)",
    ("es", "según"): "also \"según la región\" (depending on)",
    ("en", "per"): "\"per the report\"; informal",
    ("en", "for"): "\"For Smith, the issue is...\"",
    ("en", "quote"): "spoken \"quote ... unquote\"; also a noun",
}


def rows_for(lang, table):
    rows = {}
    for position, by in table.items():
        for strength, text in by.items():
            for cue in text.split("|"):
                cue = " ".join(cue.split()).lower()
                if not cue:
                    continue
                key = (cue, position)
                if key in rows and rows[key][2] == "strong":
                    continue
                rows[key] = (cue, position, strength, NOTES.get((lang, cue), ""))
    return sorted(rows.values())


def build(out_dir=None):
    paths = []
    counts = {}
    for lang, table in (("es", ES), ("en", EN)):
        rows = rows_for(lang, table)
        counts[lang] = len(rows)
        paths.append(write_tsv(DATA[lang] / "speech_cues.tsv", ["cue", "position", "strength", "note"], rows,
                               sort=False, out_dir=out_dir))
    return paths, counts
