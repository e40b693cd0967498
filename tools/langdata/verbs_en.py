"""English speech verbs: regular inflection rules plus an irregular table.

Forms: base (present and infinitive), -s, past, participle, -ing; the
compound forms "has/have/had said", "will/would say", "would have said",
"is/are/was/were saying"; phrasal verbs ("point out", "hit back") with
their particle; -ise and -ize spellings and British -ll- ("signalled")
alongside the American ones.
"""

from __future__ import annotations

LEMMAS = """
say tell add note explain claim insist argue warn interject exclaim yell gush shout ask reply respond
quip concede acknowledge admit state declare assert affirm maintain contend allege aver avow proclaim
announce report reveal disclose confirm deny dismiss reject refute rebut counter retort object protest
complain lament grumble moan groan mutter murmur mumble whisper scream shriek cry sob sigh laugh chuckle
giggle snap snarl growl bark roar thunder hiss sneer scoff smirk joke jest tease quote cite mention
remark comment observe point emphasize emphasise stress underline underscore highlight reiterate repeat
restate echo recall recount remember reminisce relate narrate describe detail outline elaborate clarify
specify summarize summarise conclude continue begin start resume interrupt interpose chime cut butt
suggest propose recommend advise urge implore beg plead appeal demand request call invite encourage
caution alert threaten predict forecast foretell estimate calculate project reckon figure guess
speculate surmise theorize theorise hypothesize hypothesise posit reason conjecture wonder question
query inquire enquire probe challenge press demur dispute disagree agree concur accept grant allow
confess apologize apologise regret mourn boast brag gloat crow tout praise hail laud commend applaud
welcome celebrate thank congratulate criticize criticise condemn denounce decry deplore slam blast
lambast lambaste attack accuse blame charge scold chide rebuke reprimand berate castigate lecture
testify swear vow pledge promise guarantee assure reassure vouch concede attest certify testify write
tweet post blog text email message cable radio tell inform notify advise brief update signal hint
imply insinuate intimate indicate suggest muse ponder reflect contemplate marvel exult rejoice enthuse
rave rant rail fume seethe bristle scold stammer stutter babble blurt gasp pant breathe croak rasp
drawl purr coo trill sing chant intone recite read pronounce dictate broadcast
misspeak overstate understate exaggerate downplay minimize minimise acknowledge confide divulge leak
volunteer offer counsel warn caution forewarn admonish exhort implore entreat beseech
characterize characterise describe label brand dub term call deem judge rate assess evaluate
explain justify defend rationalize rationalise excuse reason hold rule find conclude determine decide
write pen scribble add append express vent opine order command instruct shrug smile grin beam sniff
huff mock taunt jeer heckle infer submit answer preach gripe quibble bellow holler wail whine sputter
grouse carp harp bemoan retract backtrack correct paraphrase reassert reaffirm allude refer
""".split()
LEMMAS = sorted(set(LEMMAS) - {"point", "chime", "cut", "butt", "begin", "start", "find", "decide", "figure",
                                 "breathe", "offer", "cable", "radio", "text", "message", "email", "pen",
                                 "append", "scribble", "smirk", "update", "rate", "sing", "mourn", "dictate",
                                 "broadcast", "marvel", "label", "signal", "counsel", "brand", "dub", "term"})

PHRASAL = [
    "point out", "go on", "chime in", "cut in", "butt in", "speak out", "speak up", "hit back", "fire back",
    "shoot back", "lash out", "weigh in", "sound off", "open up", "spell out", "call out", "cry out",
    "blurt out", "rattle off", "lay out", "sum up", "read out", "pipe up", "chip in", "snap back",
    "call on", "call for", "push back", "follow up", "break down", "let slip", "speak", "talk",
    "shrug off", "brush off", "brush aside", "play down", "talk up", "hit out", "lash back", "jump in",
]
# -el/-al verbs written both ways: signaled / signalled
DOUBLE_L_LEMMAS = ["signal", "counsel", "label", "marvel"]

IRREGULAR = {
    # base: (past, participle)
    "say": ("said", "said"), "tell": ("told", "told"), "write": ("wrote", "written"), "speak": ("spoke", "spoken"),
    "swear": ("swore", "sworn"), "forecast": ("forecast", "forecast"), "foretell": ("foretold", "foretold"),
    "hold": ("held", "held"), "read": ("read", "read"), "misspeak": ("misspoke", "misspoken"),
    "go": ("went", "gone"), "cut": ("cut", "cut"), "hit": ("hit", "hit"), "shoot": ("shot", "shot"),
    "lay": ("laid", "laid"), "let": ("let", "let"), "find": ("found", "found"), "begin": ("began", "begun"),
    "break": ("broke", "broken"), "broadcast": ("broadcast", "broadcast"), "spell": ("spelled", "spelled"),
    "sing": ("sang", "sung"), "think": ("thought", "thought"), "understand": ("understood", "understood"),
}
EXTRA_PAST = {"spell": ["spelt"], "forecast": ["forecasted"], "broadcast": ["broadcasted"]}
# final consonant doubled before -ed/-ing (stress on the last syllable, or one syllable)
DOUBLING = set("""
admit commit omit quip chat snap regret rebut aver demur concur infer refer confer submit compel stop
sob jab rib gab nag blab spar plug prod jot slam stir beg chip hit cut let set get shut sum shrug grin
blog brag
""".split())
NO_E_DROP = {"agree", "free", "see", "flee", "decree", "guarantee", "referee", "coo", "echo", "veto"}

HOMOGRAPHS = set("""
note notes claim claims state states report reports comment comments remark remarks counter counters
answer answers reply replies quip quips joke jokes boast boasts charge charges promise promises pledge
pledges vow vows shout shouts cry cries sigh sighs laugh laughs question questions query queries demand
demands request requests call calls appeal appeals estimate estimates forecast forecasts tweet tweets post
posts stress attack attacks slam blast blasts retort retorts protest protests object objects urge urges
caution alert alerts recall recalls recount recounts detail details outline outlines elaborate whisper
whispers murmur murmurs groan groans moan moans lament laments guarantee guarantees scream screams yell
yells roar roars bark snap snaps sob sobs hint hints echo echoes praise hail challenge challenges
dispute disputes concern cheer read lecture lectures welcome signal reason reasons rant rants rave
chuckle chuckles giggle giggles growl hiss sneer sneers jest brief grant grants leak leaks offer
excuse excuses plea ruling ruled found hold holds held press rebuke rebukes rebuff quote quotes
thunder chant chants purr coo trill croak drawl tease text post email message talk talks speak
""".split())


def _s(v):
    if v.endswith(("s", "sh", "ch", "x", "z")) or v in ("go", "echo", "veto"):
        return v + "es"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def _double(v):
    return v in DOUBLING


def _ed(v):
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    if _double(v):
        return v + v[-1] + "ed"
    if v.endswith("c") and v in ("panic", "mimic"):
        return v + "ked"
    return v + "ed"


def _ing(v):
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and v not in NO_E_DROP and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if _double(v):
        return v + v[-1] + "ing"
    return v + "ing"


def inflect(v):
    """{tense: [forms]} for a one-word verb."""
    past = [IRREGULAR[v][0]] if v in IRREGULAR else [_ed(v)]
    part = [IRREGULAR[v][1]] if v in IRREGULAR else [_ed(v)]
    past += EXTRA_PAST.get(v, [])
    part += EXTRA_PAST.get(v, [])
    ing = [_ing(v)]
    if v in DOUBLE_L_LEMMAS:
        past.append(v + "led")
        part.append(v + "led")
        ing.append(v + "ling")
    if v == "lie":
        ing = ["lying"]
    return {"base": [v], "s": [_s(v)], "past": past, "part": part, "ing": ing}


def forms_for(lemma):
    words = lemma.split()
    head, tail = words[0], " ".join(words[1:])
    inf = inflect(head)
    rows = []

    def add(form, kind, tense, person):
        rows.append((f"{form} {tail}".strip(), lemma, kind, tense, person))

    for f in inf["base"]:
        add(f, "finite_present", "pres", "non3s")
        add(f, "infinitive", "inf", "")
        add(f"will {f}", "finite_future", "fut", "")
        add(f"would {f}", "finite_other", "cond", "")
    for f in inf["s"]:
        add(f, "finite_present", "pres", "3s")
    for f in inf["past"]:
        add(f, "finite_past", "past", "")
    for f in inf["part"]:
        add(f, "participle", "part", "")
        add(f"has {f}", "finite_past", "perf", "3s")
        add(f"have {f}", "finite_past", "perf", "non3s")
        add(f"had {f}", "finite_past", "plup", "")
        add(f"would have {f}", "finite_other", "condperf", "")
        add(f"will have {f}", "finite_future", "futperf", "")
    for f in inf["ing"]:
        add(f, "gerund", "ing", "")
        add(f"is {f}", "finite_present", "prog", "3s")
        add(f"are {f}", "finite_present", "prog", "non3s")
        add(f"was {f}", "finite_past", "progpast", "3s")
        add(f"were {f}", "finite_past", "progpast", "non3s")
    return rows


def all_rows():
    lemmas = sorted(set(LEMMAS) | set(PHRASAL) | set(DOUBLE_L_LEMMAS))
    rows = []
    for l in lemmas:
        for r in forms_for(l):
            hom = "1" if r[0] in HOMOGRAPHS else "0"
            rows.append(r + (hom,))
    return rows, lemmas


def build(out_dir=None):
    from tsv import DATA, write_tsv
    rows, lemmas = all_rows()
    path = write_tsv(DATA["en"] / "speech_verbs.tsv", ["form", "lemma", "kind", "tense", "person", "homograph"],
                     rows, out_dir=out_dir)
    return path, len(set(rows)), len(set(lemmas))
