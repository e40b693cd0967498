"""Spanish speech verbs: a regular-conjugation engine plus an irregular table.

No package: the engine below covers the regular -ar/-er/-ir paradigms, the
spelling changes (-car/-gar/-zar/-guar, -cer/-cir → -zco, -ger/-gir → -jo,
-guir → -go, -uir → -uy-, vowel stems leer/creer → -y-), stem changes
(e→ie, o→ue, e→i, e→ie/i), stressed hiatus (amplía, continúa) and a table
of irregular bases (decir, hacer, poner, tener, venir, dar, reír, -ducir,
prever) whose prefixed verbs (predecir, sostener, proponer, intervenir...)
are derived from them.

Forms written: 1st and 3rd person singular and plural of the present,
preterite, imperfect, future and conditional; the compound past ("ha
dicho", "había dicho", "habría dicho"); gerund, participle, infinitive; for
pronominal verbs the forms with their pronoun ("se quejó", "quejándose");
for the verbs that take an indirect object in reporting ("le dijo") the
forms with "le", "les", "me", "nos", "te" and "se lo".
"""

from __future__ import annotations

ACC = str.maketrans("aeiou", "áéíóú")
UNACC = str.maketrans("áéíóú", "aeiou")
PERSONS = ("1s", "3s", "1p", "3p")

# ---------------------------------------------------------------- lemmas
# lemma: class. Classes: "" regular (spelling changes are automatic),
# "ie", "ue", "i" (pedir), "ie-i" (advertir), "hiatus" (amplía, continúa),
# "inquirir". Irregular bases are found by suffix (see IRREGULAR).
LEMMAS = {
    # the core of news attribution
    "decir": "", "afirmar": "", "asegurar": "", "señalar": "", "indicar": "", "explicar": "",
    "agregar": "", "añadir": "", "sostener": "", "advertir": "ie-i", "puntualizar": "",
    "reconocer": "", "insistir": "", "subrayar": "", "manifestar": "ie", "declarar": "",
    "comentar": "", "precisar": "", "destacar": "", "expresar": "", "admitir": "", "apuntar": "",
    "enfatizar": "", "recalcar": "", "denunciar": "", "criticar": "", "acusar": "", "exclamar": "",
    "gritar": "", "preguntar": "", "responder": "", "contestar": "", "replicar": "", "aclarar": "",
    "concluir": "", "anunciar": "", "informar": "", "revelar": "", "confesar": "ie", "lamentar": "",
    "opinar": "", "considerar": "", "estimar": "", "sentenciar": "", "zanjar": "", "bromear": "",
    "ironizar": "", "relatar": "", "contar": "ue", "narrar": "", "recordar": "ue",
    # assert, stress, repeat
    "aseverar": "", "remarcar": "", "resaltar": "", "reiterar": "", "repetir": "i", "recalcar ": "",
    "ratificar": "", "reafirmar": "", "confirmar": "", "corroborar": "", "constatar": "",
    "certificar": "", "atestiguar": "", "testificar": "", "testimoniar": "", "garantizar": "",
    "jurar": "", "prometer": "", "subrayar ": "", "machacar": "", "proclamar": "", "pregonar": "",
    "externar": "", "enunciar": "", "formular": "", "plantear": "", "exponer": "", "proponer": "",
    "postular": "", "propugnar": "", "abogar": "", "defender": "ie", "mantener": "", "reivindicar": "",
    # argue, reason
    "argumentar": "", "argüir": "", "alegar": "", "aducir": "", "esgrimir": "", "justificar": "",
    "razonar": "", "reflexionar": "", "deducir": "", "inferir": "ie-i", "intuir": "", "sospechar": "",
    "conjeturar": "", "especular": "", "teorizar": "", "elucubrar": "", "ponderar": "", "analizar": "",
    "evaluar": "hiatus", "valorar": "", "calificar": "", "definir": "", "caracterizar": "",
    "tildar": "", "tachar": "", "catalogar": "", "juzgar": "", "creer": "", "pensar": "ie",
    "diagnosticar": "", "atribuir": "", "achacar": "", "imputar": "",
    # answer, contradict, deny
    "retrucar": "", "reponer": "", "contraatacar": "", "refutar": "", "rebatir": "",
    "desmentir": "ie-i", "negar": "ie", "descartar": "", "rechazar": "", "desestimar": "",
    "minimizar": "", "relativizar": "", "objetar": "", "contradecir": "", "cuestionar": "",
    "impugnar": "", "discrepar": "", "disentir": "ie-i", "matizar": "", "corregir": "i",
    "rectificar": "", "enmendar": "ie", "clarificar": "", "explicitar": "", "asentir": "ie-i",
    "coincidir": "", "concordar": "ue", "aceptar": "", "conceder": "", "asumir": "",
    # ask, request, urge
    "inquirir": "inquirir", "interrogar": "", "indagar": "", "interpelar": "", "consultar": "",
    "pedir": "i", "solicitar": "", "instar": "", "urgir": "", "rogar": "ue", "suplicar": "",
    "implorar": "", "clamar": "", "demandar": "", "exigir": "", "reclamar": "", "requerir": "ie-i",
    "exhortar": "", "conminar": "", "emplazar": "", "apremiar": "", "convocar": "", "invitar": "",
    "llamar": "", "animar": "", "alentar": "ie", "aconsejar": "", "recomendar": "ie", "sugerir": "ie-i",
    # warn, predict, announce
    "alertar": "", "avisar": "", "prevenir": "", "amenazar": "", "vaticinar": "", "pronosticar": "",
    "predecir": "", "augurar": "", "presagiar": "", "anticipar": "", "adelantar": "", "prever": "",
    "proyectar": "", "calcular": "", "cifrar": "", "comunicar": "", "notificar": "", "divulgar": "",
    "difundir": "", "publicar": "", "tuitear": "", "twittear": "", "trinar": "", "postear": "",
    "escribir": "", "anotar": "", "describir": "", "detallar": "", "especificar": "", "enumerar": "",
    "concretar": "", "resumir": "", "sintetizar": "", "recapitular": "", "glosar": "", "parafrasear": "",
    "citar": "", "mencionar": "", "aludir": "", "observar": "", "notar": "", "leer": "", "recitar": "",
    "pronunciar": "", "dictaminar": "", "determinar": "", "establecer": "", "decretar": "",
    "ordenar": "", "resolver": "ue", "desvelar": "", "develar": "", "filtrar": "", "confiar": "hiatus",
    "ampliar": "hiatus", "profundizar": "", "ahondar": "", "abundar": "", "ilustrar": "",
    "ejemplificar": "", "comparar": "", "contrastar": "", "distinguir": "", "evocar": "",
    "rememorar": "", "referir": "ie-i", "retratar": "", "completar": "", "complementar": "",
    "acotar": "", "apostillar": "", "sumar": "", "proseguir": "i", "continuar": "hiatus",
    "seguir": "i", "retomar": "", "interrumpir": "", "intervenir": "", "terciar": "",
    # praise, thank, celebrate
    "celebrar": "", "saludar": "", "agradecer": "", "felicitar": "", "elogiar": "", "alabar": "",
    "aplaudir": "", "encomiar": "", "destacar ": "", "ensalzar": "",
    # criticise, blame
    "deplorar": "", "condenar": "", "reprochar": "", "recriminar": "", "reprender": "",
    "censurar": "", "arremeter": "", "cargar": "", "atacar": "", "fustigar": "", "culpar": "",
    "responsabilizar": "", "delatar": "", "increpar": "", "regañar": "", "amonestar": "",
    "sermonear": "", "retar": "", "desafiar": "hiatus", "arengar": "", "protestar": "",
    "quejar": None,  # only as quejarse
    # manner of speaking
    "vociferar": "", "chillar": "", "bramar": "", "rugir": "", "espetar": "", "soltar": "ue",
    "rematar": "", "remachar": "", "susurrar": "", "murmurar": "", "musitar": "", "balbucear": "",
    "tartamudear": "", "farfullar": "", "mascullar": "", "sollozar": "", "suspirar": "", "gemir": "i",
    "reír": "", "sonreír": "", "bufar": "", "resoplar": "", "refunfuñar": "", "rezongar": "",
    "insinuar": "hiatus", "porfiar": "hiatus", "alardear": "", "presumir": "", "fanfarronear": "",
    "tranquilizar": "", "consolar": "ue", "apaciguar": "", "avalar": "", "asegurar ": "",
    "comprobar": "ue", "precisar ": "", "exteriorizar": "", "verbalizar": "", "transmitir": "",
    "trasladar": "", "plantear ": "", "recoger": "", "relatar ": "", "dejar": None,
    # Southern Cone and Andean press: "disparó", "deslizó", "graficó" (cues only next to a quote)
    "disparar": "", "deslizar": "", "graficar": "",
    # Mexican and Central American press: "reviró", "atajó", "compartió en sus redes", "lanzó"
    "revirar": "", "atajar": "", "compartir": "", "lanzar": "", "desear": "",
}
LEMMAS = {k.strip(): v for k, v in LEMMAS.items() if v is not None}

PRONOMINAL = [
    "quejarse", "lamentarse", "jactarse", "sincerarse", "desahogarse", "explayarse", "despacharse",
    "ufanarse", "mofarse", "burlarse", "excusarse", "disculparse", "justificarse", "defenderse",
    "preguntarse", "cuestionarse", "comprometerse", "congratularse", "felicitarse", "vanagloriarse",
    "enorgullecerse", "carcajearse", "retractarse", "desdecirse", "referirse", "pronunciarse",
    "manifestarse", "expresarse", "dirigirse", "alegrarse", "sorprenderse", "lamentarse ",
    "sumarse", "limitarse", "confesarse", "sincerarse ", "explicarse", "extenderse",
]
PRONOMINAL = sorted({p.strip() for p in PRONOMINAL})
PRON_CLASS = {"defenderse": "ie", "referirse": "ie-i", "manifestarse": "ie", "confesarse": "ie",
              "extenderse": "ie"}

# Fixed phrases whose first word is conjugated.
PHRASES = [
    "hacer notar", "hacer saber", "hacer hincapié", "hacer un llamado", "hacer un llamamiento",
    "hacer referencia", "hacer constar", "hacer énfasis", "poner de relieve", "poner de manifiesto",
    "poner énfasis", "poner en duda", "poner en tela de juicio", "dar a conocer", "dar cuenta",
    "dejar claro", "dejar en claro", "dejar entrever", "dejar caer", "llamar la atención",
    "salir al paso", "tomar la palabra", "alzar la voz", "echar en cara", "romper el silencio",
    "volver a insistir", "pasar revista", "dar la razón", "lanzar una advertencia", "poner el acento",
]

# Classes of the first word of a phrase that is not itself a lemma above.
HEAD_CLASS = {"volver": "ue"}

# Verbs that report to someone: also written with "le dijo", "les dijo"...
CLITIC_VERBS = [
    "decir", "contar", "explicar", "asegurar", "preguntar", "responder", "contestar", "comentar",
    "confesar", "advertir", "recordar", "reprochar", "pedir", "prometer", "confirmar", "insistir",
    "reiterar", "espetar", "señalar", "indicar", "manifestar", "expresar", "replicar", "reclamar",
    "recriminar", "agradecer", "sugerir", "aclarar", "relatar", "escribir", "informar", "anunciar",
    "confiar", "susurrar", "gritar", "revelar", "detallar", "narrar", "admitir", "reconocer",
    "garantizar", "jurar", "avisar", "exigir", "solicitar", "rogar", "recomendar", "aconsejar",
    "hacer saber", "dar a conocer", "echar en cara", "transmitir", "trasladar", "comunicar", "afirmar",
    "precisar", "plantear", "proponer", "inquirir", "interrogar", "soltar", "murmurar",
]
CLITICS = ["le", "les", "me", "nos", "te", "se lo"]

# ---------------------------------------------------------------- irregular bases
# pres: 1s 3s 1p 3p; pret: 1s 3s 1p 3p; fut: stem(s); part; ger; impf stem (default regular)
IRREGULAR = {
    "decir": dict(pres=["digo", "dice", "decimos", "dicen"], pret=["dije", "dijo", "dijimos", "dijeron"],
                  fut=["dir"], part="dicho", ger="diciendo"),
    "hacer": dict(pres=["hago", "hace", "hacemos", "hacen"], pret=["hice", "hizo", "hicimos", "hicieron"],
                  fut=["har"], part="hecho", ger="haciendo"),
    "poner": dict(pres=["pongo", "pone", "ponemos", "ponen"], pret=["puse", "puso", "pusimos", "pusieron"],
                  fut=["pondr"], part="puesto", ger="poniendo"),
    "tener": dict(pres=["tengo", "tiene", "tenemos", "tienen"], pret=["tuve", "tuvo", "tuvimos", "tuvieron"],
                  fut=["tendr"], part="tenido", ger="teniendo"),
    "venir": dict(pres=["vengo", "viene", "venimos", "vienen"], pret=["vine", "vino", "vinimos", "vinieron"],
                  fut=["vendr"], part="venido", ger="viniendo"),
    "dar": dict(pres=["doy", "da", "damos", "dan"], pret=["di", "dio", "dimos", "dieron"],
                fut=["dar"], part="dado", ger="dando"),
    "reír": dict(pres=["río", "ríe", "reímos", "ríen"], pret=["reí", "rio", "reímos", "rieron"],
                 fut=["reir"], part="reído", ger="riendo", impf="re"),
    "prever": dict(pres=["preveo", "prevé", "prevemos", "prevén"], pret=["preví", "previó", "previmos", "previeron"],
                   fut=["prever"], part="previsto", ger="previendo", impf="preve"),
    "ducir": dict(pres=["duzco", "duce", "ducimos", "ducen"], pret=["duje", "dujo", "dujimos", "dujeron"],
                  fut=["ducir"], part="ducido", ger="duciendo"),
    "salir": dict(pres=["salgo", "sale", "salimos", "salen"], pret=["salí", "salió", "salimos", "salieron"],
                  fut=["saldr"], part="salido", ger="saliendo"),
    "escribir": dict(part="escrito"),
    "volver": dict(part="vuelto"),
    "romper": dict(part="roto"),
    "resolver": dict(part="resuelto"),
}
# prefixed verbs whose future keeps the full infinitive as well (RAE: predeciré / prediré)
FUT_ALSO_FULL = {"predecir", "contradecir", "desdecir"}
# traditional accents the 2010 orthography dropped
EXTRA = {("reír", "pret", "3s"): ["rió"]}


def _base_irregular(lemma):
    for base in sorted(IRREGULAR, key=len, reverse=True):
        if lemma.endswith(base) and (lemma == base or base not in ("dar", "reír") or lemma in ("sonreír",)):
            if base == "dar" and lemma != "dar":
                continue
            return base, lemma[: len(lemma) - len(base)]
    return None, ""


def _accent_last(s, vowels="aeiou"):
    """Put an accent on the last vowel of s (for -ándole)."""
    for i in range(len(s) - 1, -1, -1):
        if s[i] in vowels:
            return s[:i] + s[i].translate(ACC) + s[i + 1:]
    return s


def _stem_change(stem, kind):
    """e→ie, o→ue, e→i on the last e/o of the stem."""
    if kind == "inquirir":
        i = stem.rfind("i")
        return stem[:i] + "ie" + stem[i + 1:]
    target = "o" if kind == "ue" else "e"
    i = stem.rfind(target)
    if i < 0:
        return stem
    rep = {"ie": "ie", "ue": "ue", "i": "i", "ie-i": "ie"}[kind]
    if kind == "ue" and i > 0 and stem[i - 1] == "g":
        rep = "üe"
    return stem[:i] + rep + stem[i + 1:]


def _weak_change(stem):
    """e→i in the preterite 3rd persons and gerund of -ir stem-changers."""
    i = stem.rfind("e")
    return stem[:i] + "i" + stem[i + 1:] if i >= 0 else stem


def conjugate(lemma: str, cls: str = "") -> dict:
    """{(tense, person): [forms]} for a simple (one-word, non-pronominal) verb."""
    out: dict[tuple, list] = {}

    def put(t, p, f):
        out.setdefault((t, p), [])
        if f not in out[(t, p)]:
            out[(t, p)].append(f)

    base, prefix = _base_irregular(lemma)
    if base and "pres" in IRREGULAR[base]:
        ir = IRREGULAR[base]
        for p, f in zip(PERSONS, ir["pres"]):
            put("pres", p, prefix + f)
        for p, f in zip(PERSONS, ir["pret"]):
            put("pret", p, prefix + f)
        impf = prefix + ir.get("impf", lemma[len(prefix):-2])
        end = "ía" if not lemma.endswith("ar") else "aba"
        for p, e in zip(PERSONS, (["ía", "ía", "íamos", "ían"] if end == "ía" else ["aba", "aba", "ábamos", "aban"])):
            put("impf", p, impf + e)
        stems = [prefix + s for s in ir["fut"]]
        if lemma in FUT_ALSO_FULL:
            stems.append(lemma.translate(UNACC))
        for st in stems:
            for p, e in zip(PERSONS, ["é", "á", "emos", "án"]):
                put("fut", p, st + e)
            for p, e in zip(PERSONS, ["ía", "ía", "íamos", "ían"]):
                put("cond", p, st + e)
        put("part", "", prefix + ir["part"])
        put("ger", "", prefix + ir["ger"])
        put("inf", "", lemma)
        for (l, t, p), extra in EXTRA.items():
            if l == lemma:
                for f in extra:
                    put(t, p, f)
        # a prefixed monosyllable keeps its accent: "prevé"; "sonrió" already has one
        if prefix and base == "reír":
            out[("pret", "3s")] = [prefix + "rió"]
        return out

    inf = lemma
    ending = inf[-2:].translate(UNACC)
    stem = inf[:-2]
    theme = {"ar": "a", "er": "e", "ir": "i"}[ending]
    strong = _stem_change(stem, cls) if cls in ("ie", "ue", "i", "ie-i", "inquirir") else stem
    weak = _weak_change(stem) if cls in ("i", "ie-i") else stem
    vowel_stem = ending in ("er", "ir") and stem[-1:] in ("a", "e", "o")       # leer, creer
    uir = ending == "ir" and stem.endswith("u") and not stem.endswith(("gu", "qu"))
    uir = uir or stem.endswith("gü")

    def yify(s):
        return s[:-1] + "u" if s.endswith("ü") else s

    # present
    if ending == "ar":
        pe = ["o", "a", "amos", "an"]
    elif ending == "er":
        pe = ["o", "e", "emos", "en"]
    else:
        pe = ["o", "e", "imos", "en"]
    for p, e in zip(PERSONS, pe):
        s = strong if p != "1p" else stem
        if cls == "hiatus" and p != "1p":
            # amplío, amplía; continúo, continúa
            s = s[:-1] + s[-1].translate(ACC)
        if uir and p != "1p":
            f = yify(s) + "y" + e
        elif p == "1s" and ending in ("er", "ir") and s.endswith("c") and s[-2:-1] in "aeiou":
            f = s[:-1] + "zc" + e                       # reconozco, agradezco
        elif p == "1s" and ending in ("er", "ir") and s.endswith("g") and not s.endswith("gu"):
            f = s[:-1] + "j" + e                        # corrijo, exijo, dirijo
        elif p == "1s" and ending == "ir" and s.endswith("gu"):
            f = s[:-1] + e                              # distingo, sigo
        else:
            f = s + e
        put("pres", p, f)
    # preterite
    if ending == "ar":
        s1 = stem
        if stem.endswith("c"):
            s1 = stem[:-1] + "qu"
        elif stem.endswith("g"):
            s1 = stem + "u"
        elif stem.endswith("z"):
            s1 = stem[:-1] + "c"
        elif stem.endswith("gu"):
            s1 = stem[:-1] + "ü"
        put("pret", "1s", s1 + "é")
        put("pret", "3s", stem + "ó")
        put("pret", "1p", stem + "amos")
        put("pret", "3p", stem + "aron")
    else:
        if vowel_stem or uir:
            put("pret", "1s", stem + "í")
            put("pret", "3s", yify(stem) + "yó")
            put("pret", "1p", stem + ("ímos" if vowel_stem else "imos"))
            put("pret", "3p", yify(stem) + "yeron")
        else:
            put("pret", "1s", stem + "í")
            put("pret", "3s", weak + "ió")
            put("pret", "1p", stem + "imos")
            put("pret", "3p", weak + "ieron")
    # imperfect
    if ending == "ar":
        for p, e in zip(PERSONS, ["aba", "aba", "ábamos", "aban"]):
            put("impf", p, stem + e)
    else:
        for p, e in zip(PERSONS, ["ía", "ía", "íamos", "ían"]):
            put("impf", p, stem + e)
    # future, conditional (on the infinitive without its accent: reir-)
    fstem = inf.translate(UNACC) if inf.endswith("ír") else inf
    for p, e in zip(PERSONS, ["é", "á", "emos", "án"]):
        put("fut", p, fstem + e)
    for p, e in zip(PERSONS, ["ía", "ía", "íamos", "ían"]):
        put("cond", p, fstem + e)
    # participle, gerund, infinitive
    if base:
        put("part", "", prefix + IRREGULAR[base]["part"])
    elif ending == "ar":
        put("part", "", stem + "ado")
    else:
        put("part", "", stem + ("ído" if vowel_stem else "ido"))
    if ending == "ar":
        put("ger", "", stem + "ando")
    elif vowel_stem or uir:
        put("ger", "", yify(stem) + "yendo")
    else:
        put("ger", "", weak + "iendo")
    put("inf", "", inf)
    return out


KIND = {"pres": "finite_present", "pret": "finite_past", "impf": "finite_past", "fut": "finite_future",
        "cond": "finite_other", "perf": "finite_past", "plup": "finite_past", "condperf": "finite_other",
        "ger": "gerund", "part": "participle", "inf": "infinitive"}
HABER = {"perf": ["he", "ha", "hemos", "han"], "plup": ["había", "había", "habíamos", "habían"],
         "condperf": ["habría", "habría", "habríamos", "habrían"]}
REFLEXIVE = {"1s": "me", "3s": "se", "1p": "nos", "3p": "se"}


def _enclitic(nonfinite, pron):
    """quejando + se → quejándose; decir + le → decirle; decir + selo → decírselo."""
    if nonfinite.endswith(("ando", "iendo", "yendo")):
        return _accent_last(nonfinite[:-3]) + nonfinite[-3:] + pron
    if len(pron) > 3 and not any(c in nonfinite for c in "áéíóú"):
        return _accent_last(nonfinite) + pron
    return nonfinite + pron


def forms_for(lemma: str):
    """Rows (form, lemma, kind, tense, person, clitic)."""
    rows = []
    words = lemma.split()
    head, tail = words[0], " ".join(words[1:])
    pronominal = head.endswith("se") and lemma in PRONOMINAL
    verb = head[:-2] if pronominal else head
    cls = PRON_CLASS.get(lemma, "") if pronominal else LEMMAS.get(verb, HEAD_CLASS.get(verb, ""))
    table = conjugate(verb, cls)
    for (t, p), fs in table.items():
        for f in fs:
            compound = []
            if t == "part":
                for ht, aux in HABER.items():
                    for hp, a in zip(PERSONS, aux):
                        compound.append((ht, hp, f"{a} {f}"))
            else:
                compound.append((t, p, f))
            for tt, pp, ff in compound:
                if pronominal:
                    if tt in ("ger", "inf"):
                        ff = _enclitic(ff, "se")
                    elif tt != "part":
                        ff = f"{REFLEXIVE[pp]} {ff}"
                full = f"{ff} {tail}".strip()
                rows.append((full, lemma, KIND[tt], tt, pp, ""))
    return rows


def clitic_rows(lemma: str):
    rows = []
    words = lemma.split()
    head, tail = words[0], " ".join(words[1:])
    table = conjugate(head, LEMMAS.get(head, HEAD_CLASS.get(head, "")))
    for (t, p), fs in table.items():
        for f in fs:
            variants = []
            if t in ("pret", "pres", "impf") or (t in ("fut", "cond") and p in ("3s", "3p")):
                variants = [(t, p, c, f"{c} {f}") for c in CLITICS]
            elif t == "part":
                for ht in ("perf", "plup"):
                    for hp, a in zip(PERSONS, HABER[ht]):
                        if hp in ("3s", "3p", "1s"):
                            variants += [(ht, hp, c, f"{c} {a} {f}") for c in CLITICS]
            elif t in ("ger", "inf"):
                for c in ("le", "les", "me", "nos", "te", "selo"):
                    variants.append((t, "", c.replace("selo", "se lo"), _enclitic(f, c)))
            for tt, pp, c, ff in variants:
                # "me dije", "nos dijimos" are reflexive, not reporting to someone
                if c == "me" and pp == "1s" or c == "nos" and pp == "1p":
                    continue
                if pp == "1p":
                    continue    # "le dijimos": rare in attribution, left out to keep the file small
                full = f"{ff} {tail}".strip()
                rows.append((full, lemma, KIND[tt], tt, pp, c))
    return rows


# Forms that are also frequent nouns or adjectives (compared without accents):
# "la cuenta", "una pregunta", "la crítica", "el acusado", "un dicho".
HOMOGRAPHS = set("""
cuenta cuento pregunta denuncia critica critico queja amenaza alerta aviso anuncio grito relato
recuerdo nota reclamo ruego lamento llama llamado dicho hecho puesto dado escrito cita cifra suma carga
culpa demanda condena protesta jura calculo pronostico diagnostico testimonio suspiro sollozo susurro
gemido rugido bramido bufido consulta resumen publica publico precisa preciso concreta concreto
completa completo sentencia replica censura suelta estima reconocido destacado acusado previsto
propuesto expuesto citado calificado estimado considerado mencionado senalado indicado declarado
asegurado informado anunciado revelado confirmado argumento trino posteo tuiteo balbuceo pedido
rechazo elogio saludo planteo retruco definido llamamiento determinado establecido reservado
proyecto cargo reto desafio adelanto anticipo decreto filtro retrato traslado aliento consuelo
suelto complemento deseo
""".split())


# Lemmas whose other sense is as common as the reporting one ("siguen
# haciendo", "suma dos votos"): like homographs, cues only next to a quote.
AMBIGUOUS_LEMMAS = {"seguir", "continuar", "sumar", "proseguir", "disparar", "deslizar", "graficar", "atajar",
                    "compartir", "lanzar"}


def _fold(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def all_rows():
    rows = []
    lemmas = sorted(LEMMAS) + PRONOMINAL + PHRASES
    for l in lemmas:
        rows += forms_for(l)
    for l in CLITIC_VERBS:
        rows += clitic_rows(l)
    return rows, lemmas


def build(out_dir=None):
    from tsv import DATA, write_tsv
    rows, lemmas = all_rows()
    # 1: a noun's homograph, which the verb's accent tells apart ("criticó");
    # 2: a verb with another sense, which no accent tells apart ("disparó").
    def homograph(f, l, c):
        if c or " " in f:
            return "0"
        return "2" if l in AMBIGUOUS_LEMMAS else "1" if _fold(f) in HOMOGRAPHS else "0"
    out = [(f, l, k, t, p, c, homograph(f, l, c)) for f, l, k, t, p, c in rows]
    path = write_tsv(DATA["es"] / "speech_verbs.tsv",
                     ["form", "lemma", "kind", "tense", "person", "clitic", "homograph"], out, out_dir=out_dir)
    return path, len(set(out)), len(set(lemmas))
