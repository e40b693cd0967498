//! Names of places in Spanish: the world's countries (the 193 UN member states and
//! a few others), their capitals, large cities often in the news, continents and
//! geopolitical regions, in their usual Spanish spelling, and the abbreviations
//! news writes for a few of them (EE.UU., URSS; "EU", as Mexican news writes Estados Unidos).
//!
//! Source: written by hand for Lupa from general knowledge (facts, not copied
//! from any list), so it carries no third-party terms. Keep it sorted and
//! lower-case with its accents (a unit test checks). An entry is matched
//! against a whole entity mention after case and accent folding.

pub const PLACES: &[&str] = &[
    "abiyán", "abu dabi", "abuya", "accra", "adís abeba", "afganistán", "albania", "alejandría",
    "alemania", "alepo", "amberes", "amán", "américa", "américa central", "américa del norte",
    "américa del sur", "américa latina", "andalucía", "andorra", "angola", "ankara",
    "antigua y barbuda", "antártida", "arabia saudita", "arabia saudí", "argel", "argelia",
    "argentina", "armenia", "asia", "asia central", "asunción", "atenas", "australia", "austria",
    "azerbaiyán", "bagdad", "bahamas", "bahréin", "bakú", "balcanes", "bamako", "bangkok",
    "bangladés", "barbados", "barcelona", "baréin", "basora", "beirut", "belfast", "belgrado",
    "belice", "benín", "berlín", "berna", "bielorrusia", "birmania", "bishkek", "bogotá", "bolivia",
    "bombay", "bosnia", "bosnia y herzegovina", "boston", "botsuana", "brasil", "brasilia",
    "bratislava", "brunéi", "bruselas", "bucarest", "budapest", "buenos aires", "bulgaria",
    "burkina faso", "burundi", "bután", "cabo verde", "cachemira", "calcuta", "camboya", "camerún",
    "canadá", "canarias", "caracas", "caribe", "casablanca", "cataluña", "chad", "chechenia",
    "chequia", "chicago", "chile", "china", "chipre", "cisjordania", "ciudad de guatemala",
    "ciudad de méxico", "ciudad del cabo", "ciudad del vaticano", "colombia", "comoras", "conakri",
    "congo", "copenhague", "corea del norte", "corea del sur", "costa de marfil", "costa rica",
    "crimea", "croacia", "cuba", "cáucaso", "dacca", "dakar", "damasco", "dinamarca", "doha",
    "dominica", "donbás", "donetsk", "dublín", "dubái", "dusambé", "ecuador", "edimburgo", "ee.uu",
    "ee.uu.", "eeuu", "egipto", "el cairo", "el salvador", "emiratos árabes unidos", "ereván",
    "eritrea", "escocia", "eslovaquia", "eslovenia", "españa", "estados unidos", "estambul",
    "estocolmo", "estonia", "esuatini", "etiopía", "eu", "europa", "europa del este", "europa occidental",
    "europa oriental", "filipinas", "finlandia", "fiyi", "florencia", "francia", "fráncfort",
    "gabón", "gales", "galicia", "gambia", "gaza", "georgia", "ghana", "ginebra", "golfo pérsico",
    "granada", "grecia", "groenlandia", "guatemala", "guinea", "guinea ecuatorial", "guinea-bisáu",
    "guyana", "haití", "hamburgo", "hanói", "harare", "helsinki", "hiroshima", "holanda",
    "honduras", "hong kong", "hungría", "india", "indonesia", "inglaterra", "irak", "iraq",
    "irlanda", "irlanda del norte", "irán", "islamabad", "islandia", "islas marshall",
    "islas salomón", "israel", "italia", "jamaica", "japón", "jartum", "jersón", "jerusalén",
    "jordania", "kabul", "kampala", "karachi", "katmandú", "kazajistán", "kenia", "kiev", "kigali",
    "kingston", "kinsasa", "kirguistán", "kiribati", "kosovo", "kuala lumpur", "kuwait",
    "la habana", "la paz", "lagos", "laos", "latinoamérica", "lesoto", "letonia", "liberia",
    "libia", "libreville", "liechtenstein", "lilongüe", "lima", "lisboa", "lituania", "liubliana",
    "lomé", "londres", "los ángeles", "luanda", "luhansk", "luxemburgo", "lyon", "líbano",
    "macedonia", "macedonia del norte", "madagascar", "madrid", "magreb", "malabo", "malasia",
    "malaui", "maldivas", "malta", "malí", "managua", "manila", "maputo", "mar negro", "marruecos",
    "marsella", "mauricio", "mauritania", "medio oriente", "mediterráneo", "melilla", "micronesia",
    "milán", "minsk", "mogadiscio", "moldavia", "mongolia", "montenegro", "montevideo", "moscú",
    "mozambique", "munich", "méxico", "mónaco", "múnich", "nagorno-karabaj", "nairobi", "namibia",
    "nauru", "nepal", "nicaragua", "nicosia", "niger", "nigeria", "noruega", "nueva caledonia",
    "nueva delhi", "nueva york", "nueva zelanda", "nápoles", "níger", "occidente", "odesa", "omán",
    "oriente medio", "oriente próximo", "oslo", "ottawa", "pakistán", "palaos", "palestina",
    "panamá", "papúa nueva guinea", "paraguay", "parís", "países bajos", "pekín", "persia", "perú",
    "polonia", "portugal", "praga", "pretoria", "puerto príncipe", "puerto rico", "pyongyang",
    "qatar", "quito", "rabat", "rda", "reikiavik", "reino unido", "república centroafricana",
    "república checa", "república del congo", "república democrática del congo",
    "república dominicana", "rfa", "riad", "riga", "rio de janeiro", "roma", "ruanda", "rumania",
    "rumanía", "rusia", "río de janeiro", "sahel", "samoa", "san josé", "san marino",
    "san petersburgo", "san salvador", "santo domingo", "sarajevo", "senegal", "serbia",
    "seychelles", "seúl", "shanghái", "siberia", "sierra leona", "singapur", "siria", "somalia",
    "sri lanka", "sudáfrica", "sudán", "sudán del sur", "suecia", "suiza", "surinam", "sáhara",
    "sáhara occidental", "sídney", "tailandia", "taipéi", "taiwán", "tallin", "tanzania", "taskent",
    "tayikistán", "tbilisi", "tegucigalpa", "teherán", "tel aviv", "tierra santa", "timor oriental",
    "togo", "tokio", "tonga", "trinidad y tobago", "trípoli", "turkmenistán", "turquía", "tuvalu",
    "túnez", "ucrania", "uganda", "unión soviética", "urss", "uruguay", "uzbekistán", "vanuatu",
    "varsovia", "vaticano", "venezuela", "viena", "vietnam", "vilna", "washington", "yakarta",
    "yemen", "yerevan", "yibuti", "zagreb", "zambia", "zimbabue", "áfrica", "ámsterdam", "ártico",
    "éufrates",
];

/// Words of sports reports (unambiguous ones only: not "partido", which is
/// also a political party, nor "mundial", as in "Banco Mundial").
pub const SPORT_WORDS: &[&str] = &[
    "atletismo", "baloncesto", "balonmano", "campeonato", "centrocampista", "ciclismo", "copa",
    "delantero", "delanteros", "empate", "entrenador", "estadio", "futbolista", "futbolistas",
    "fútbol", "gol", "goles", "jugador", "jugadores", "liga", "portero", "rugby", "seleccionador",
    "selección", "tenis", "torneo",
];
