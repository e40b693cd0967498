"""The holiday table: ids, rules, countries, and their Spanish and English names.

Rules (see README.md): `fixed MM-DD`, `fixed MM-DD..MM-DD` (a span),
`easter N` / `easter N..M` (days from Western Easter Sunday), `nth WD MM N`,
`last WD MM`, either of those two with `+K` (days after: Black Friday is
`nth thu 11 4 +1`), and `dates Y-M-D,...` (lunisolar and Islamic holidays,
listed year by year from the `holidays` package).

`observed` says how the day off moves, where it does: `next_mon`,
`nearest_mon`, `nearest_mon_cl`, `nearest_mon_latam`, `workday_next_mon`
(weekday shifts, see README.md), `varies` (moved by decree or changed from
year to year), or another rule (Mexico since 2006: `nth mon 02 1`).

`source`: `holidays` = checked against the PyPI package `holidays` for the
countries named (build.py prints the check); `hand` = a civic or religious
observance the package does not carry (Mother's Day outside the US, Black
Friday...), written here from general knowledge.
"""

from __future__ import annotations

COUNTRIES = "MX AR CO CL PE VE EC BO PY UY GT HN SV NI CR PA CU DO PR ES US".split()

# (id, rule, countries, years, observed, source)
T = []


def h(id_, rule, countries="*", years="", observed="", source="holidays"):
    T.append((id_, rule, countries, years, observed, source))


# ---- widely shared, civil and Christian (countries "*": the default row)
h("new_year", "fixed 01-01")
h("new_year_holiday", "fixed 01-02", "CU", "2008-")          # Día de la Victoria
h("epiphany", "fixed 01-06", source="hand")
h("epiphany", "fixed 01-06", "ES,PR")
h("epiphany", "fixed 01-06", "CO", "1984-", "next_mon")
h("epiphany", "fixed 01-06", "DO", "", "nearest_mon")
h("candlemas", "fixed 02-02", source="hand")
h("valentines", "fixed 02-14", source="hand")
h("valentines", "fixed 02-14", "US,PR")
h("womens_day", "fixed 03-08", source="hand")
h("saint_patrick", "fixed 03-17", source="hand")
h("earth_day", "fixed 04-22", years="1970-", source="hand")
h("saint_patrick", "fixed 03-17", "US,PR")
h("saint_joseph", "fixed 03-19", source="hand")
h("saint_joseph", "fixed 03-19", "CO", "1984-", "next_mon")
h("april_fools", "fixed 04-01", source="hand")
h("labour_day", "fixed 05-01")
h("labour_day", "nth mon 09 1", "US,PR")
h("may_day", "fixed 05-01", source="hand")
h("saint_john", "fixed 06-24", source="hand")
h("saint_john_eve", "fixed 06-23", source="hand")
h("saint_peter_paul", "fixed 06-29", source="hand")
h("saint_peter_paul", "fixed 06-29", "PE")
h("saint_peter_paul", "fixed 06-29", "CO", "1984-", "next_mon")
h("saint_peter_paul", "fixed 06-29", "CL", "2000-", "nearest_mon_cl")
h("saint_james", "fixed 07-25", "ES", source="hand")
h("assumption", "fixed 08-15")
h("assumption", "fixed 08-15", "CO", "1984-", "next_mon")
h("columbus_day", "fixed 10-12")
h("columbus_day", "fixed 10-12", "VE", "-2001")
h("columbus_day", "fixed 10-12", "CR", "2002-2019", "varies")
h("columbus_day", "fixed 10-12", "CO", "1984-", "next_mon")
h("columbus_day", "fixed 10-12", "CL", "2000-", "nearest_mon_cl")
h("columbus_day", "fixed 10-12", "AR", "", "varies")
h("columbus_day", "nth mon 10 2", "US", "1971-")
h("columbus_day", "fixed 10-12", "PR", "", "varies")
h("halloween", "fixed 10-31", source="hand")
h("halloween", "fixed 10-31", "US,PR")
h("all_saints", "fixed 11-01")
h("all_saints", "fixed 11-01", "CO", "1984-", "next_mon")
h("all_souls", "fixed 11-02")
h("immaculate_conception", "fixed 12-08")
h("immaculate_conception", "fixed 12-08", "CO", "", "")
h("guadalupe", "fixed 12-12", "MX", source="hand")
h("christmas_eve", "fixed 12-24")
h("christmas", "fixed 12-25")
h("boxing_day", "fixed 12-26", source="hand")
h("holy_innocents", "fixed 12-28", source="hand")
h("new_years_eve", "fixed 12-31")

# ---- Easter cycle
h("carnival", "easter -48..-47")
h("carnival_monday", "easter -48")
h("carnival_tuesday", "easter -47")
h("ash_wednesday", "easter -46", source="hand")
h("palm_sunday", "easter -7", source="hand")
h("holy_week", "easter -7..0")
h("holy_week", "easter -6..-2", "UY")                          # Semana de Turismo, Mon..Fri
h("holy_thursday", "easter -3")
h("good_friday", "easter -2")
h("holy_saturday", "easter -1")
h("easter", "easter 0")
h("easter_monday", "easter +1", source="hand")
h("ascension", "easter +39", source="hand")
h("ascension", "easter +43", "CO", "1984-")
h("pentecost", "easter +49", source="hand")
h("corpus_christi", "easter +60")
h("corpus_christi", "easter +64", "CO", "1984-")
h("corpus_christi", "easter +60", "BO,DO")
h("corpus_christi", "easter +60", "CL", "-2006", "easter +57")
h("sacred_heart", "easter +68", source="hand")
h("sacred_heart", "easter +71", "CO", "1984-")

# ---- family days (hand: the package has few of them)
h("mothers_day", "nth sun 05 2", source="hand")
h("mothers_day", "nth sun 05 2", "US,PR")
h("mothers_day", "fixed 05-10", "MX,GT,SV", source="hand")
h("mothers_day", "fixed 05-10", "SV", "2016-")
h("mothers_day", "nth sun 05 1", "ES", source="hand")
h("mothers_day", "nth sun 10 3", "AR", source="hand")
h("mothers_day", "fixed 05-27", "BO", source="hand")
h("mothers_day", "fixed 05-15", "PY", source="hand")
h("mothers_day", "fixed 05-30", "NI", "2022-")
h("mothers_day", "fixed 08-15", "CR", "", "varies")
h("mothers_day", "fixed 12-08", "PA")
h("mothers_day", "last sun 05", "DO", source="hand")
h("fathers_day", "nth sun 06 3", source="hand")
h("fathers_day", "nth sun 06 3", "US,PR")
h("fathers_day", "fixed 03-19", "ES,BO,HN", source="hand")
h("fathers_day", "fixed 06-17", "SV", "2013-")
h("fathers_day", "fixed 06-17", "GT", source="hand")
h("fathers_day", "fixed 06-23", "NI", source="hand")
h("fathers_day", "last sun 07", "DO", source="hand")
h("childrens_day", "fixed 04-30", "MX", source="hand")

# ---- United States (and Puerto Rico, which keeps the federal days)
h("mlk_day", "nth mon 01 3", "US,PR", "1986-")
h("us_inauguration", "fixed 01-20", "US", "1937-/4", source="hand")
h("groundhog_day", "fixed 02-02", "US")
h("presidents_day", "nth mon 02 3", "US,PR", "1971-")
h("memorial_day", "last mon 05", "US,PR", "1971-")
h("juneteenth", "fixed 06-19", "US,PR", "2021-")
h("independence", "fixed 07-04", "US,PR")
h("veterans_day", "fixed 11-11", "US,PR")
h("us_election_day", "nth mon 11 1 +1", "US", "1846-/2", "", "hand")
h("thanksgiving", "nth thu 11 4", "US,PR", "1942-")
h("thanksgiving", "nth mon 10 2", "CA", "1957-", source="hand")
h("black_friday", "nth thu 11 4 +1", "US", source="hand")
h("cyber_monday", "nth thu 11 4 +4", "US", source="hand")
h("pr_emancipation", "fixed 03-22", "PR")
h("pr_constitution", "fixed 07-25", "PR")
h("pr_hostos", "nth mon 01 2", "PR", "-2014")
h("pr_de_diego", "nth mon 04 3", "PR", "-2014")
h("pr_munoz_rivera", "nth mon 07 3", "PR", "-2014")
h("pr_barbosa", "fixed 07-27", "PR", "-2014")
h("pr_discovery", "fixed 11-19", "PR")
h("pr_citizenship", "fixed 03-02", "PR", "2001-")

# ---- Mexico
h("constitution_day", "fixed 02-05", "MX", "-2005")
h("constitution_day", "fixed 02-05", "MX", "2006-", "nth mon 02 1")
h("mx_flag_day", "fixed 02-24", "MX", source="hand")
h("mx_juarez", "fixed 03-21", "MX", "-2006")
h("mx_juarez", "fixed 03-21", "MX", "2007-", "nth mon 03 3")
h("mx_cinco_de_mayo", "fixed 05-05", "MX", source="hand")
h("mx_grito", "fixed 09-15", "MX", source="hand")
h("independence", "fixed 09-16", "MX")
h("fiestas_patrias", "fixed 09-15..09-16", "MX", source="hand")
h("mx_revolution", "fixed 11-20", "MX", "-2005")
h("mx_revolution", "fixed 11-20", "MX", "2006-", "nth mon 11 3")
h("mx_inauguration", "fixed 12-01", "MX", "1934-2018/6")
h("mx_inauguration", "fixed 10-01", "MX", "2024-/6", source="hand")

# ---- Argentina
h("ar_memory_day", "fixed 03-24", "AR", "2006-")
h("ar_malvinas", "fixed 04-02", "AR", "2001-", "varies")
h("ar_may_revolution", "fixed 05-25", "AR")
h("ar_guemes", "fixed 06-17", "AR", "2016-", "varies")
h("ar_flag_day", "fixed 06-20", "AR", "", "varies")
h("independence", "fixed 07-09", "AR")
h("ar_san_martin", "fixed 08-17", "AR", "", "varies")
h("ar_sovereignty", "fixed 11-20", "AR", "2010-", "varies")

# ---- Colombia
h("independence", "fixed 07-20", "CO")
h("co_boyaca", "fixed 08-07", "CO")
h("co_cartagena", "fixed 11-11", "CO", "1984-", "next_mon")

# ---- Chile
h("cl_navy_day", "fixed 05-21", "CL")
h("cl_indigenous_day", "fixed 06-21", "CL", "2021-", "varies")
h("cl_carmen", "fixed 07-16", "CL", "2007-")
h("independence", "fixed 09-18", "CL")
h("cl_army_day", "fixed 09-19", "CL")
h("cl_national_unity", "nth mon 09 1", "CL", "-2001")
h("fiestas_patrias", "fixed 09-18..09-19", "CL")
h("cl_evangelical_day", "fixed 10-31", "CL", "2008-", "varies")

# ---- Peru
h("pe_arica_flag", "fixed 06-07", "PE", "2024-")
h("pe_air_force", "fixed 07-23", "PE", "2023-")
h("independence", "fixed 07-28", "PE")
h("pe_military_parade", "fixed 07-29", "PE")
h("fiestas_patrias", "fixed 07-28..07-29", "PE")
h("pe_junin", "fixed 08-06", "PE", "2022-")
h("pe_santa_rosa", "fixed 08-30", "PE")
h("pe_angamos", "fixed 10-08", "PE")
h("pe_ayacucho", "fixed 12-09", "PE", "2022-")

# ---- Venezuela
h("ve_independence_declaration", "fixed 04-19", "VE")
h("ve_carabobo", "fixed 06-24", "VE")
h("independence", "fixed 07-05", "VE")
h("ve_bolivar", "fixed 07-24", "VE")
h("indigenous_resistance", "fixed 10-12", "VE", "2002-")

# ---- Ecuador
h("ec_pichincha", "fixed 05-24", "EC")
h("independence", "fixed 08-10", "EC")                       # Primer Grito de Independencia
h("ec_guayaquil", "fixed 10-09", "EC")
h("ec_cuenca", "fixed 11-03", "EC")

# ---- Bolivia
h("bo_plurinational", "fixed 01-22", "BO", "2010-")
h("andean_new_year", "fixed 06-21", "BO", "2009-")
h("independence", "fixed 08-06", "BO")
h("bo_dignity", "fixed 10-17", "BO", "2020-")

# ---- Paraguay
h("py_heroes", "fixed 03-01", "PY", "", "varies")
h("independence", "fixed 05-14..05-15", "PY")
h("py_chaco_peace", "fixed 06-12", "PY", "", "varies")
h("py_asuncion", "fixed 08-15", "PY", "", "varies")
h("py_boqueron", "fixed 09-29", "PY", "", "varies")
h("py_caacupe", "fixed 12-08", "PY")

# ---- Uruguay
h("uy_33_orientales", "fixed 04-19", "UY", "", "varies")
h("uy_las_piedras", "fixed 05-18", "UY", "", "varies")
h("uy_artigas", "fixed 06-19", "UY")
h("constitution_day", "fixed 07-18", "UY")
h("independence", "fixed 08-25", "UY")
h("family_day", "fixed 12-25", "UY")
h("family_day", "fixed 05-15", "VE", "2024-")
h("constitution_day", "fixed 06-20", "PY", "2026-", "varies")
h("uy_inauguration", "fixed 03-01", "UY", "1985-/5")
h("uy_childrens_day", "fixed 01-06", "UY")

# ---- Central America
h("independence", "fixed 09-15", "GT,HN,SV,NI")
h("independence", "fixed 09-15", "CR", "", "varies")
h("gt_army_day", "fixed 06-30", "GT", "-2018")
h("gt_army_day", "fixed 06-30", "GT", "2019-", "nearest_mon_latam")
h("gt_revolution", "fixed 10-20", "GT", "", "varies")
h("hn_americas_day", "fixed 04-14", "HN")
h("hn_morazan", "fixed 10-03", "HN", "-2014")
h("hn_armed_forces", "fixed 10-21", "HN", "-2014")
h("hn_morazan_week", "fixed 10-03", "HN", "2015-", "varies")
h("sv_divino_salvador", "fixed 08-06", "SV")
h("sv_fiestas_agostinas", "fixed 08-01..08-06", "SV", source="hand")
h("ni_revolution", "fixed 07-19", "NI")
h("ni_san_jacinto", "fixed 09-14", "NI")
h("ni_griteria", "fixed 12-07", "NI", source="hand")
h("cr_juan_santamaria", "fixed 04-11", "CR", "", "varies")
h("cr_nicoya", "fixed 07-25", "CR", "", "varies")
h("cr_los_angeles", "fixed 08-02", "CR")
h("cr_black_culture", "fixed 08-31", "CR", "2024-", "varies")
h("cr_army_abolition", "fixed 12-01", "CR", "2023-")

# ---- Panama
h("pa_martyrs", "fixed 01-09", "PA")
h("pa_separation", "fixed 11-03", "PA")
h("pa_flag_day", "fixed 11-04", "PA")
h("pa_colon_day", "fixed 11-05", "PA", "2002-")
h("pa_los_santos", "fixed 11-10", "PA")
h("independence", "fixed 11-28", "PA")
h("fiestas_patrias", "fixed 11-03..11-28", "PA", source="hand")
h("pa_mourning", "fixed 12-20", "PA", "2022-")
h("pa_inauguration", "fixed 07-01", "PA", "2014-/5")

# ---- Cuba
h("cu_liberation", "fixed 01-01", "CU")
h("cu_rebellion", "fixed 07-26", "CU")
h("cu_rebellion_days", "fixed 07-25..07-27", "CU")
h("independence", "fixed 10-10", "CU")

# ---- Dominican Republic
h("do_altagracia", "fixed 01-21", "DO")
h("do_duarte", "fixed 01-26", "DO", "", "nearest_mon")
h("independence", "fixed 02-27", "DO")
h("labour_day", "fixed 05-01", "DO", "", "nearest_mon_sun")
h("do_restoration", "fixed 08-16", "DO", "", "varies")   # not moved in inauguration years
h("do_mercedes", "fixed 09-24", "DO")
h("constitution_day", "fixed 11-06", "DO", "", "nearest_mon")

# ---- Spain
h("columbus_day", "fixed 10-12", "ES")
h("constitution_day", "fixed 12-06", "ES")
h("es_andalusia", "fixed 02-28", "ES", source="hand")
h("es_madrid_day", "fixed 05-02", "ES", source="hand")
h("es_san_isidro", "fixed 05-15", "ES", source="hand")
h("es_san_fermin", "fixed 07-07", "ES", source="hand")
h("es_diada", "fixed 09-11", "ES", source="hand")

# ---- lunisolar and Islamic (dates listed per year; see holidays.py)
LUNAR = {
    # id: (country in `holidays`, English name there, category, first day only)
    "chinese_new_year": ("CN", "Chinese New Year (Spring Festival)", "public"),
    "eid_al_fitr": ("TR", "Eid al-Fitr", "public"),          # first day; "(estimated)" years included
    "eid_al_adha": ("TR", "Eid al-Adha", "public"),
    "islamic_new_year": ("EG", "Islamic New Year", "public"),
    "rosh_hashanah": ("IL", "Rosh Hashanah", "public"),
    "yom_kippur": ("IL", "Yom Kippur", "public"),
    "passover": ("IL", "Pesach", "public"),
    "hanukkah": ("IL", "Hanukkah", "school"),
    "diwali": ("IN", "Diwali", "public"),
    "holi": ("IN", "Holi", "public"),
}

# ---- names. "name|CC": the name is this country's holiday (the default
# country when the text does not name one).
NAMES_ES = {
    "new_year": ["año nuevo", "día de año nuevo", "primero de año"],
    "new_year_holiday": ["día de la victoria|CU"],
    "epiphany": ["reyes", "día de reyes", "día de los reyes", "día de los reyes magos", "reyes magos",
                 "epifanía", "epifanía del señor", "día de los santos reyes", "bajada de reyes"],
    "candlemas": ["día de la candelaria", "la candelaria", "candelaria"],
    "valentines": ["san valentín", "día de san valentín", "día de los enamorados",
                   "día del amor y la amistad", "día del amor"],
    "womens_day": ["día de la mujer", "día internacional de la mujer", "8m", "8-m",
                   "día internacional de la mujer trabajadora"],
    "saint_patrick": ["san patricio", "día de san patricio"],
    "earth_day": ["día de la tierra", "día internacional de la tierra"],
    "saint_joseph": ["san josé", "día de san josé"],
    "april_fools": ["día de los inocentes de abril"],
    "labour_day": ["día del trabajo", "día del trabajador", "día de los trabajadores",
                   "día internacional del trabajo", "día internacional de los trabajadores",
                   "fiesta del trabajo", "primero de mayo"],
    "may_day": [],
    "saint_john": ["san juan", "día de san juan"],
    "saint_john_eve": ["noche de san juan", "víspera de san juan", "verbena de san juan"],
    "saint_peter_paul": ["san pedro y san pablo", "día de san pedro y san pablo", "san pedro"],
    "saint_james": ["santiago apóstol", "día de santiago"],
    "assumption": ["asunción", "la asunción", "asunción de la virgen", "asunción de maría",
                   "día de la asunción", "día de la virgen de agosto"],
    "columbus_day": ["día de la raza", "día de la hispanidad", "fiesta de la hispanidad",
                     "fiesta nacional de españa|ES", "fiesta nacional|ES", "día de colón",
                     "día del descubrimiento de américa", "día del encuentro de dos mundos|CL",
                     "día del respeto a la diversidad cultural|AR", "día de la diversidad cultural",
                     "día de las culturas|CR", "día de la resistencia indígena|VE",
                     "día de la interculturalidad", "día de la interculturalidad y la plurinacionalidad|EC",
                     "día de la descolonización|BO", "columbus day|US", "día de los pueblos indígenas|US"],
    "halloween": ["halloween", "noche de brujas", "víspera de todos los santos"],
    "all_saints": ["todos los santos", "día de todos los santos", "día de los santos"],
    "all_souls": ["día de muertos", "día de los muertos", "día de difuntos", "día de los difuntos",
                  "día de los fieles difuntos", "fieles difuntos", "día de todos los difuntos",
                  "día de ánimas", "conmemoración de los fieles difuntos"],
    "immaculate_conception": ["inmaculada concepción", "la inmaculada", "día de la inmaculada",
                              "día de la inmaculada concepción", "la purísima", "purísima concepción",
                              "concepción de maría"],
    "guadalupe": ["día de la virgen de guadalupe", "día de la guadalupana", "día de la virgen"],
    "christmas_eve": ["nochebuena", "noche buena", "víspera de navidad", "la nochebuena"],
    "christmas": ["navidad", "día de navidad", "natividad", "natividad del señor", "pascua de navidad",
                  "navidades"],
    "boxing_day": ["boxing day", "día de san esteban", "sant esteve|ES"],
    "holy_innocents": ["día de los santos inocentes", "día de los inocentes", "santos inocentes"],
    "new_years_eve": ["nochevieja", "noche vieja", "fin de año", "fiesta de fin de año", "víspera de año nuevo",
                      "noche de fin de año", "último día del año", "san silvestre"],
    "carnival": ["carnaval", "carnavales", "feriado de carnaval", "fiestas de carnaval"],
    "carnival_monday": ["lunes de carnaval"],
    "carnival_tuesday": ["martes de carnaval", "martes de carnestolendas", "mardi gras"],
    "ash_wednesday": ["miércoles de ceniza"],
    "palm_sunday": ["domingo de ramos"],
    "holy_week": ["semana santa", "semana mayor", "semana de turismo|UY", "semana criolla|UY"],
    "holy_thursday": ["jueves santo"],
    "good_friday": ["viernes santo", "viernes de dolores"],
    "holy_saturday": ["sábado santo", "sábado de gloria"],
    "easter": ["domingo de pascua", "domingo de resurrección", "pascua", "pascuas", "pascua de resurrección",
               "domingo de gloria"],
    "easter_monday": ["lunes de pascua", "lunes de pascua florida"],
    "ascension": ["ascensión", "día de la ascensión", "la ascensión del señor"],
    "pentecost": ["pentecostés", "domingo de pentecostés"],
    "corpus_christi": ["corpus christi", "corpus", "día del corpus"],
    "sacred_heart": ["sagrado corazón", "día del sagrado corazón", "sagrado corazón de jesús"],
    "mothers_day": ["día de la madre", "día de las madres"],
    "fathers_day": ["día del padre"],
    "childrens_day": ["día del niño", "día de la niñez"],
    "mlk_day": ["día de martin luther king", "día de martin luther king jr."],
    "us_inauguration": ["día de la investidura|US", "día de la toma de posesión|US"],
    "groundhog_day": ["día de la marmota"],
    "presidents_day": ["día de los presidentes", "día del presidente", "cumpleaños de washington"],
    "memorial_day": ["día de los caídos", "memorial day", "día de los caídos en guerra"],
    "juneteenth": ["juneteenth", "día de la emancipación|US", "día de la liberación|US"],
    "independence": ["día de la independencia", "independencia", "fiesta de la independencia",
                     "aniversario de la independencia", "cuatro de julio|US",
                     "día de la independencia nacional", "fiestas de la independencia"],
    "veterans_day": ["día de los veteranos", "día de los veteranos de guerra|US", "día del armisticio"],
    "us_election_day": ["día de las elecciones|US", "día de elecciones|US", "jornada electoral|US"],
    "thanksgiving": ["día de acción de gracias", "acción de gracias", "thanksgiving"],
    "black_friday": ["black friday", "viernes negro"],
    "cyber_monday": ["cyber monday", "cyberlunes"],
    "pr_emancipation": ["día de la abolición de la esclavitud|PR"],
    "pr_constitution": ["día de la constitución de puerto rico|PR", "día del estado libre asociado|PR"],
    "pr_hostos": ["natalicio de eugenio maría de hostos|PR"],
    "pr_de_diego": ["natalicio de josé de diego|PR"],
    "pr_munoz_rivera": ["natalicio de luis muñoz rivera|PR"],
    "pr_barbosa": ["natalicio de josé celso barbosa|PR"],
    "pr_discovery": ["día del descubrimiento de puerto rico|PR"],
    "pr_citizenship": ["día de la ciudadanía estadounidense|PR"],
    "constitution_day": ["día de la constitución", "aniversario de la constitución", "jura de la constitución|UY",
                         "día de la constitución española|ES", "puente de la constitución|ES"],
    "mx_flag_day": ["día de la bandera|MX"],
    "mx_juarez": ["natalicio de benito juárez|MX", "natalicio de juárez|MX", "día de benito juárez|MX"],
    "mx_cinco_de_mayo": ["cinco de mayo|MX", "batalla de puebla|MX", "aniversario de la batalla de puebla|MX"],
    "mx_grito": ["grito de independencia|MX", "el grito|MX", "noche del grito|MX", "grito de dolores|MX", "noche mexicana|MX"],
    "fiestas_patrias": ["fiestas patrias", "fiestas patrias|CL", "dieciocho|CL", "el dieciocho|CL",
                        "mes de la patria|PA"],
    "mx_revolution": ["día de la revolución|MX", "aniversario de la revolución|MX", "aniversario de la revolución mexicana|MX",
                      "día de la revolución mexicana|MX"],
    "mx_inauguration": ["transmisión del poder ejecutivo federal|MX", "toma de protesta|MX", "día de la toma de posesión|MX"],
    "ar_memory_day": ["día nacional de la memoria por la verdad y la justicia|AR", "día de la memoria|AR"],
    "ar_malvinas": ["día del veterano y de los caídos en la guerra de malvinas|AR", "día de malvinas|AR",
                    "día del veterano de guerra|AR", "día de las malvinas|AR"],
    "ar_may_revolution": ["día de la revolución de mayo|AR", "revolución de mayo|AR"],
    "ar_guemes": ["paso a la inmortalidad del general don martín miguel de güemes|AR", "día de güemes|AR"],
    "ar_flag_day": ["día de la bandera|AR", "paso a la inmortalidad del general don manuel belgrano|AR",
                    "paso a la inmortalidad del general manuel belgrano|AR", "día de belgrano|AR"],
    "ar_san_martin": ["paso a la inmortalidad del general don josé de san martín|AR", "día de san martín|AR",
                      "paso a la inmortalidad del general josé de san martín|AR"],
    "ar_sovereignty": ["día de la soberanía nacional|AR", "día de la soberanía|AR"],
    "co_boyaca": ["batalla de boyacá|CO", "día de la batalla de boyacá|CO"],
    "co_cartagena": ["independencia de cartagena|CO", "día de la independencia de cartagena|CO"],
    "cl_navy_day": ["día de las glorias navales|CL", "combate naval de iquique|CL"],
    "cl_indigenous_day": ["día nacional de los pueblos indígenas|CL", "día de los pueblos originarios|CL",
                          "we tripantu|CL", "we tripantü|CL"],
    "cl_carmen": ["virgen del carmen|CL", "día de la virgen del carmen|CL"],
    "cl_army_day": ["día de las glorias del ejército|CL", "parada militar|CL", "gran parada militar|CL"],
    "cl_evangelical_day": ["día nacional de las iglesias evangélicas y protestantes|CL", "día de las iglesias evangélicas|CL",
                           "día de la reforma protestante|CL"],
    "pe_arica_flag": ["batalla de arica y día de la bandera|PE", "día de la bandera|PE", "batalla de arica|PE"],
    "pe_air_force": ["día de la fuerza aérea del perú|PE"],
    "pe_military_parade": ["día de la gran parada militar|PE", "gran parada militar|PE", "parada militar|PE"],
    "pe_junin": ["batalla de junín|PE"],
    "pe_santa_rosa": ["santa rosa de lima|PE", "día de santa rosa de lima|PE", "día de santa rosa|PE"],
    "pe_angamos": ["combate de angamos|PE", "día del combate de angamos|PE"],
    "pe_ayacucho": ["batalla de ayacucho|PE"],
    "ve_independence_declaration": ["declaración de la independencia|VE"],
    "ve_carabobo": ["batalla de carabobo|VE", "día de la batalla de carabobo|VE"],
    "ve_bolivar": ["natalicio de simón bolívar|VE", "natalicio del libertador|VE", "día de simón bolívar|VE"],
    "indigenous_resistance": ["día de la resistencia indígena|VE"],
    "ec_pichincha": ["batalla de pichincha|EC"],
    "ec_guayaquil": ["independencia de guayaquil|EC", "fiestas octubrinas|EC"],
    "ec_cuenca": ["independencia de cuenca|EC"],
    "bo_plurinational": ["día del estado plurinacional|BO", "día de la creación del estado plurinacional de bolivia|BO",
                         "día de la fundación del estado plurinacional|BO"],
    "andean_new_year": ["año nuevo andino|BO", "año nuevo aymara|BO", "año nuevo andino amazónico|BO",
                        "año nuevo aymara amazónico|BO", "willkakuti|BO", "año nuevo andino amazónico y del chaco|BO"],
    "bo_dignity": ["día de la dignidad nacional|BO"],
    "py_heroes": ["día de los héroes|PY", "día de los héroes de la patria|PY"],
    "py_chaco_peace": ["día de la paz del chaco|PY", "paz del chaco|PY"],
    "py_asuncion": ["fundación de asunción|PY", "día de la fundación de asunción|PY"],
    "py_boqueron": ["batalla de boquerón|PY", "día de la batalla de boquerón|PY"],
    "py_caacupe": ["día de la virgen de caacupé|PY", "virgen de caacupé|PY", "caacupé|PY"],
    "uy_33_orientales": ["desembarco de los 33 orientales|UY", "desembarco de los treinta y tres orientales|UY"],
    "uy_las_piedras": ["batalla de las piedras|UY"],
    "uy_artigas": ["natalicio de artigas|UY", "natalicio de josé gervasio artigas|UY"],
    "family_day": ["día de la familia|UY", "día de la familia|VE"],
    "cl_national_unity": ["día de la unidad nacional|CL"],
    "uy_inauguration": ["asunción presidencial|UY", "inauguración del presidente de la república|UY", "cambio de mando|UY"],
    "pa_inauguration": ["toma de posesión presidencial|PA", "toma de posesión del presidente de la república|PA"],
    "uy_childrens_day": ["día de los niños|UY"],
    "gt_army_day": ["día del ejército|GT"],
    "gt_revolution": ["día de la revolución|GT", "revolución de octubre|GT", "día de la revolución de 1944|GT"],
    "hn_americas_day": ["día de las américas|HN", "día panamericano|HN"],
    "hn_morazan": ["día de morazán|HN", "natalicio de francisco morazán|HN"],
    "hn_armed_forces": ["día de las fuerzas armadas|HN"],
    "hn_morazan_week": ["semana morazánica|HN", "feriado morazánico|HN"],
    "sv_divino_salvador": ["día del divino salvador del mundo|SV", "celebración del divino salvador del mundo|SV"],
    "sv_fiestas_agostinas": ["fiestas agostinas|SV", "fiestas patronales de san salvador|SV"],
    "ni_revolution": ["día de la revolución|NI", "aniversario de la revolución|NI", 
                      "aniversario de la revolución sandinista|NI"],
    "ni_san_jacinto": ["batalla de san jacinto|NI"],
    "ni_griteria": ["la gritería|NI", "gritería|NI"],
    "cr_juan_santamaria": ["día de juan santamaría|CR", "batalla de rivas|CR"],
    "cr_nicoya": ["anexión del partido de nicoya|CR", "anexión de nicoya|CR", "día de la anexión de guanacaste|CR",
                  "anexión del partido de nicoya a costa rica|CR"],
    "cr_los_angeles": ["día de la virgen de los ángeles|CR", "fiesta de nuestra señora de los ángeles|CR",
                       "virgen de los ángeles|CR"],
    "cr_black_culture": ["día de la persona negra y la cultura afrocostarricense|CR", "día de la persona negra|CR"],
    "cr_army_abolition": ["día de la abolición del ejército|CR"],
    "pa_martyrs": ["día de los mártires|PA"],
    "pa_separation": ["separación de panamá de colombia|PA", "día de la separación de panamá de colombia|PA",
                      "día de la separación|PA"],
    "pa_flag_day": ["día de la bandera|PA", "día de los símbolos patrios|PA"],
    "pa_colon_day": ["día de colón|PA"],
    "pa_los_santos": ["primer grito de independencia|PA", "grito de la villa de los santos|PA",
                      "primer grito de independencia de la villa de los santos|PA"],
    "pa_mourning": ["día de duelo nacional|PA", "día de la invasión|PA"],
    "cu_liberation": ["triunfo de la revolución|CU", "día de la liberación|CU", "aniversario del triunfo de la revolución|CU"],
    "cu_rebellion": ["día de la rebeldía nacional|CU", "asalto al cuartel moncada|CU"],
    "cu_rebellion_days": ["conmemoración del asalto a moncada|CU"],
    "do_altagracia": ["día de la altagracia|DO", "día de nuestra señora de la altagracia|DO", "virgen de la altagracia|DO"],
    "do_duarte": ["día de duarte|DO", "natalicio de juan pablo duarte|DO"],
    "do_restoration": ["día de la restauración|DO", "restauración de la república|DO"],
    "do_mercedes": ["día de las mercedes|DO", "día de nuestra señora de las mercedes|DO", "virgen de las mercedes|DO"],
    "es_andalusia": ["día de andalucía|ES", "28-f|ES"],
    "es_madrid_day": ["día de la comunidad de madrid|ES", "dos de mayo|ES"],
    "es_san_isidro": ["san isidro|ES", "fiestas de san isidro|ES"],
    "es_san_fermin": ["san fermín|ES", "sanfermines|ES", "fiestas de san fermín|ES"],
    "es_diada": ["diada|ES", "diada de cataluña|ES", "diada nacional de cataluña|ES"],
    "chinese_new_year": ["año nuevo chino", "año nuevo lunar", "fiesta de la primavera", "festival de primavera"],
    "eid_al_fitr": ["eid al fitr", "eid al-fitr", "fiesta del fin del ramadán", "aid el fitr", "fiesta de la ruptura del ayuno"],
    "eid_al_adha": ["eid al adha", "eid al-adha", "fiesta del sacrificio", "fiesta del cordero", "aid el kebir"],
    "islamic_new_year": ["año nuevo islámico", "año nuevo musulmán"],
    "rosh_hashanah": ["rosh hashaná", "rosh hashanah", "año nuevo judío"],
    "yom_kippur": ["yom kipur", "yom kippur", "día del perdón", "día de la expiación"],
    "passover": ["pésaj", "pesaj", "pascua judía"],
    "hanukkah": ["janucá", "jánuca", "hanukkah", "jánuka", "fiesta de las luces"],
    "diwali": ["diwali", "festival de las luces"],
    "holi": ["holi", "festival de los colores"],
}

NAMES_EN = {
    "new_year": ["new year's day", "new year's", "new year", "new years day", "new year day"],
    "new_year_holiday": [],
    "epiphany": ["epiphany", "three kings day", "three kings' day", "feast of the epiphany", "twelfth night",
                 "día de reyes"],
    "candlemas": ["candlemas"],
    "valentines": ["valentine's day", "valentines day", "saint valentine's day", "st. valentine's day",
                   "st valentine's day"],
    "womens_day": ["international women's day", "women's day"],
    "saint_patrick": ["st. patrick's day", "saint patrick's day", "st patrick's day", "paddy's day",
                      "saint patrick", "saint patrick's"],
    "earth_day": ["earth day"],
    "saint_joseph": ["st. joseph's day", "saint joseph's day", "feast of st. joseph"],
    "april_fools": ["april fools' day", "april fool's day", "april fools day"],
    "labour_day": ["labor day|US", "labour day", "workers' day", "international workers' day"],
    "may_day": ["may day"],
    "saint_john": ["st. john's day", "saint john's day", "midsummer day"],
    "saint_john_eve": ["st. john's eve", "saint john's eve", "midsummer eve"],
    "saint_peter_paul": ["saint peter and saint paul's day", "feast of saints peter and paul",
                         "saints peter and paul day"],
    "saint_james": ["st. james's day", "feast of st. james"],
    "assumption": ["assumption day", "feast of the assumption", "the assumption", "assumption of mary"],
    "columbus_day": ["columbus day|US", "indigenous peoples' day|US", "indigenous peoples day|US",
                     "día de la raza", "hispanic day|ES", "spain's national day|ES", "day of indigenous resistance|VE",
                     "day of respect for cultural diversity|AR", "meeting of two worlds day|CL"],
    "halloween": ["halloween", "hallowe'en", "all hallows' eve", "all hallows eve"],
    "all_saints": ["all saints' day", "all saints day", "all hallows"],
    "all_souls": ["all souls' day", "all souls day", "day of the dead", "día de muertos", "día de los muertos"],
    "immaculate_conception": ["immaculate conception", "feast of the immaculate conception",
                              "immaculate conception day"],
    "guadalupe": ["feast of our lady of guadalupe|MX", "day of the virgin of guadalupe|MX",
                  "our lady of guadalupe day|MX"],
    "christmas_eve": ["christmas eve", "xmas eve"],
    "christmas": ["christmas", "christmas day", "xmas", "christmastime", "christmas time", "yuletide"],
    "boxing_day": ["boxing day", "st. stephen's day", "saint stephen's day", "day after christmas"],
    "holy_innocents": ["holy innocents' day", "feast of the holy innocents", "childermas"],
    "new_years_eve": ["new year's eve", "new years eve", "hogmanay"],
    "carnival": ["carnival", "carnaval"],
    "carnival_monday": ["carnival monday", "shrove monday"],
    "carnival_tuesday": ["carnival tuesday", "mardi gras", "shrove tuesday", "pancake day", "fat tuesday"],
    "ash_wednesday": ["ash wednesday"],
    "palm_sunday": ["palm sunday"],
    "holy_week": ["holy week", "semana santa", "tourism week|UY"],
    "holy_thursday": ["maundy thursday", "holy thursday"],
    "good_friday": ["good friday"],
    "holy_saturday": ["holy saturday", "easter saturday"],
    "easter": ["easter", "easter sunday", "easter day", "resurrection sunday"],
    "easter_monday": ["easter monday"],
    "ascension": ["ascension day", "ascension", "feast of the ascension", "ascension thursday"],
    "pentecost": ["pentecost", "whitsun", "whit sunday", "pentecost sunday"],
    "corpus_christi": ["corpus christi", "feast of corpus christi"],
    "sacred_heart": ["sacred heart", "feast of the sacred heart", "sacred heart day"],
    "mothers_day": ["mother's day", "mothers day", "mothers' day"],
    "fathers_day": ["father's day", "fathers day", "fathers' day"],
    "childrens_day": ["children's day|MX"],
    "mlk_day": ["martin luther king jr. day", "martin luther king day", "mlk day", "martin luther king jr day",
                "birthday of martin luther king, jr.", "martin luther king, jr. day", "mlk jr. day"],
    "us_inauguration": ["inauguration day"],
    "groundhog_day": ["groundhog day"],
    "presidents_day": ["presidents' day", "presidents day", "president's day", "washington's birthday"],
    "memorial_day": ["memorial day"],
    "juneteenth": ["juneteenth", "juneteenth national independence day", "emancipation day|US", "freedom day|US"],
    "independence": ["independence day", "fourth of july|US", "4th of july|US", "july fourth|US", "the fourth|US",
                     "national day"],
    "veterans_day": ["veterans day", "veterans' day", "armistice day", "remembrance day"],
    "us_election_day": ["election day|US"],
    "thanksgiving": ["thanksgiving", "thanksgiving day"],
    "black_friday": ["black friday"],
    "cyber_monday": ["cyber monday"],
    "pr_emancipation": ["emancipation day|PR"],
    "pr_constitution": ["puerto rico constitution day|PR", "constitution day|PR"],
    "pr_hostos": ["birthday of eugenio maría de hostos|PR", "eugenio maría de hostos day|PR"],
    "pr_de_diego": ["josé de diego day|PR"],
    "pr_munoz_rivera": ["luis muñoz rivera day|PR"],
    "pr_barbosa": ["josé celso barbosa day|PR"],
    "pr_discovery": ["discovery of puerto rico day|PR", "puerto rico discovery day|PR"],
    "pr_citizenship": ["american citizenship day|PR"],
    "constitution_day": ["constitution day"],
    "mx_flag_day": ["flag day|MX"],
    "mx_juarez": ["benito juárez's birthday|MX", "benito juarez day|MX", "benito juárez day|MX"],
    "mx_cinco_de_mayo": ["cinco de mayo|MX", "battle of puebla day|MX"],
    "mx_grito": ["grito de dolores|MX", "el grito|MX", "cry of independence|MX", "cry of dolores|MX"],
    "fiestas_patrias": ["fiestas patrias"],
    "mx_revolution": ["revolution day|MX", "mexican revolution day|MX"],
    "mx_inauguration": ["change of federal government|MX"],
    "ar_memory_day": ["national day of remembrance for truth and justice|AR", "day of remembrance|AR"],
    "ar_malvinas": ["malvinas day|AR", "falklands war veterans day|AR",
                    "veteran's day and the fallen in the malvinas war|AR"],
    "ar_may_revolution": ["may revolution day|AR", "may revolution|AR"],
    "ar_guemes": ["pass to the immortality of general don martín miguel de güemes|AR"],
    "ar_flag_day": ["flag day|AR", "pass to the immortality of general don manuel belgrano|AR"],
    "ar_san_martin": ["pass to the immortality of general don josé de san martín|AR", "san martín day|AR"],
    "ar_sovereignty": ["national sovereignty day|AR"],
    "co_boyaca": ["battle of boyacá|CO", "battle of boyaca day|CO"],
    "co_cartagena": ["independence of cartagena|CO"],
    "cl_navy_day": ["navy day|CL"],
    "cl_indigenous_day": ["national indigenous peoples day|CL"],
    "cl_carmen": ["our lady of mount carmel|CL"],
    "cl_army_day": ["army day|CL"],
    "cl_evangelical_day": ["reformation day|CL"],
    "pe_arica_flag": ["battle of arica and flag day|PE", "flag day|PE"],
    "pe_air_force": ["peruvian air force day|PE"],
    "pe_military_parade": ["great military parade day|PE"],
    "pe_junin": ["battle of junín day|PE"],
    "pe_santa_rosa": ["rose of lima day|PE", "saint rose of lima day|PE", "santa rosa de lima|PE"],
    "pe_angamos": ["battle of angamos day|PE"],
    "pe_ayacucho": ["battle of ayacucho day|PE"],
    "ve_independence_declaration": ["declaration of independence|VE"],
    "ve_carabobo": ["battle of carabobo|VE"],
    "ve_bolivar": ["birthday of simon bolivar|VE", "simón bolívar's birthday|VE", "bolivar day|VE"],
    "indigenous_resistance": ["day of indigenous resistance|VE"],
    "ec_pichincha": ["battle of pichincha|EC"],
    "ec_guayaquil": ["independence of guayaquil|EC"],
    "ec_cuenca": ["independence of cuenca|EC"],
    "bo_plurinational": ["plurinational state foundation day|BO"],
    "andean_new_year": ["aymara new year|BO", "andean new year|BO", "andean amazonian new year|BO"],
    "bo_dignity": ["national dignity day|BO"],
    "py_heroes": ["heroes' day|PY", "patriots day|PY"],
    "py_chaco_peace": ["chaco armistice day|PY", "chaco peace day|PY"],
    "py_asuncion": ["asuncion foundation's day|PY", "founding of asunción|PY"],
    "py_boqueron": ["boqueron battle day|PY", "battle of boquerón|PY"],
    "py_caacupe": ["caacupe virgin day|PY", "virgin of caacupé day|PY"],
    "uy_33_orientales": ["landing of the 33 patriots day|UY", "landing of the thirty-three|UY"],
    "uy_las_piedras": ["battle of las piedras day|UY"],
    "uy_artigas": ["birthday of josé gervasio artigas|UY", "artigas day|UY"],
    "family_day": ["family day|UY", "family day|VE"],
    "cl_national_unity": ["national unity day|CL"],
    "uy_inauguration": ["presidential inauguration day|UY"],
    "pa_inauguration": ["presidential inauguration day|PA"],
    "uy_childrens_day": ["children's day|UY"],
    "gt_army_day": ["army day|GT"],
    "gt_revolution": ["revolution day|GT", "october revolution day|GT"],
    "hn_americas_day": ["panamerican day|HN", "day of the americas|HN", "pan american day|HN"],
    "hn_morazan": ["morazan's day|HN", "morazán day|HN"],
    "hn_armed_forces": ["army day|HN", "armed forces day|HN"],
    "hn_morazan_week": ["morazan weekend|HN", "morazan week|HN"],
    "sv_divino_salvador": ["celebrations of san salvador|SV", "feast of the divine savior of the world|SV"],
    "sv_fiestas_agostinas": ["august festivals|SV", "fiestas agostinas|SV"],
    "ni_revolution": ["revolution day|NI", "sandinista revolution day|NI"],
    "ni_san_jacinto": ["battle of san jacinto day|NI"],
    "ni_griteria": ["la gritería|NI"],
    "cr_juan_santamaria": ["juan santamaría day|CR"],
    "cr_nicoya": ["annexation of the party of nicoya to costa rica|CR", "guanacaste day|CR", "annexation of nicoya|CR"],
    "cr_los_angeles": ["feast of our lady of the angels|CR", "virgin of the angels day|CR"],
    "cr_black_culture": ["day of the black person and afro-costa rican culture|CR"],
    "cr_army_abolition": ["army abolition day|CR"],
    "pa_martyrs": ["martyrs' day|PA", "martyrs day|PA"],
    "pa_separation": ["separation day|PA", "separation of panama from colombia|PA"],
    "pa_flag_day": ["flag day|PA", "national symbols day|PA"],
    "pa_colon_day": ["colon day|PA"],
    "pa_los_santos": ["los santos uprising day|PA", "first cry of independence|PA"],
    "pa_mourning": ["national mourning day|PA", "day of national mourning|PA"],
    "cu_liberation": ["liberation day|CU", "triumph of the revolution|CU"],
    "cu_rebellion": ["day of the national rebellion|CU", "national rebellion day|CU"],
    "cu_rebellion_days": ["commemoration of the assault of the moncada garrison|CU"],
    "do_altagracia": ["lady of altagracia|DO", "our lady of altagracia day|DO"],
    "do_duarte": ["juan pablo duarte day|DO", "duarte day|DO"],
    "do_restoration": ["restoration day|DO"],
    "do_mercedes": ["our lady of mercedes day|DO"],
    "es_andalusia": ["andalusia day|ES"],
    "es_madrid_day": ["madrid day|ES"],
    "es_san_isidro": ["san isidro|ES"],
    "es_san_fermin": ["san fermín|ES", "san fermin festival|ES", "running of the bulls|ES"],
    "es_diada": ["diada|ES", "national day of catalonia|ES", "catalan national day|ES"],
    "chinese_new_year": ["chinese new year", "lunar new year", "spring festival"],
    "eid_al_fitr": ["eid al-fitr", "eid al fitr", "eid ul-fitr", "eid-ul-fitr", "eid"],
    "eid_al_adha": ["eid al-adha", "eid al adha", "eid ul-adha", "feast of the sacrifice", "bakrid", "kurban bayram"],
    "islamic_new_year": ["islamic new year", "hijri new year", "muharram"],
    "rosh_hashanah": ["rosh hashanah", "rosh hashana", "jewish new year"],
    "yom_kippur": ["yom kippur", "day of atonement"],
    "passover": ["passover", "pesach"],
    "hanukkah": ["hanukkah", "chanukah", "hanukah", "festival of lights"],
    "diwali": ["diwali", "deepavali"],
    "holi": ["holi", "festival of colours", "festival of colors"],
}
