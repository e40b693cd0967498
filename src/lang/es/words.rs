//! Spanish language data: the word lists the algorithms consult. Keep each list sorted and lower-case (a unit test checks).

use crate::lang::stem::{StemCondition::*, StemStep, SuffixRule};
use crate::lang::LangData;

/// Abbreviations whose final period does not end a sentence, lower-case, without that period.
pub const ABBREVIATIONS: &[&str] = &[
    "a.c", "a.m", "abr", "adm", "admón", "ago", "apdo", "aprox", "arq", "art", "arts", "av",
    "avda", "c/", "cap", "cf", "cm", "cnel", "col", "cía", "d.c", "depto", "dic", "dpto", "dr",
    "dra", "dres", "dña", "ee.uu", "ej", "ene", "etc", "eu.uu", "excma", "excmo", "fax", "feb",
    "fr", "gen", "gral", "hab", "ilma", "ilmo", "inc", "ing", "jue", "jul", "jun", "kg", "km",
    "lic", "ltd", "lun", "mar", "may", "mg", "mié", "ml", "mm", "mons", "máx", "mín", "nov",
    "nº", "núm", "oct", "p.ej", "p.m", "pbro", "pl", "pp", "prof", "profa", "pza", "pág",
    "págs", "ref", "s.a", "s.l", "sep", "sept", "sgto", "sr", "sra", "sras", "sres", "srta",
    "ss.aa", "ss.mm", "sta", "sto", "sáb", "tel", "tte", "u.s", "ud", "uds", "vd", "vds", "vid",
    "vie", "vol", "vs",
];

/// Function words.
pub const STOP_WORDS: &[&str] = &[
    "a", "además", "al", "algo", "algunas", "algunos", "ante", "antes", "aquel", "aquella",
    "aquellas", "aquellos", "aquí", "así", "aun", "aunque", "bajo", "bien", "cada", "casi",
    "como", "con", "contra", "cual", "cuales", "cuando", "cuya", "cuyo", "de", "del", "desde",
    "dijo", "donde", "dos", "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre",
    "era", "eran", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto",
    "estos", "está", "están", "fue", "fuera", "fueron", "ha", "había", "hacia", "han", "hasta",
    "hay", "la", "las", "le", "les", "lo", "los", "me", "mi", "mientras", "mismo", "muy", "más",
    "nada", "ni", "no", "nos", "nosotros", "o", "otra", "otras", "otro", "otros", "para",
    "parte", "pero", "poco", "por", "porque", "puede", "pueden", "que", "quien", "quienes",
    "qué", "se", "sea", "según", "ser", "si", "sido", "sin", "sino", "sobre", "son", "su",
    "sus", "sí", "también", "tan", "tanto", "te", "tiene", "tienen", "todo", "todos", "tras",
    "tu", "tú", "un", "una", "unas", "uno", "unos", "veces", "vez", "y", "ya", "yo", "él",
];

/// Titles and roles written before a person's name.
pub const TITLES: &[&str] = &[
    "alcalde", "alcaldesa", "canciller", "capitán", "cardenal", "coronel", "diputada",
    "diputado", "director", "directora", "doctor", "doctora", "don", "doña", "dr", "dra",
    "embajador", "embajadora", "enviado", "fiscal", "general", "gobernador", "gobernadora",
    "ing", "juez", "jueza", "lic", "ministra", "ministro", "monseñor", "obispo", "padre",
    "papa", "portavoz", "presidenta", "presidente", "primer", "princesa", "profesor",
    "profesora", "príncipe", "reina", "rey", "secretaria", "secretario", "senador", "senadora",
    "señor", "señora", "sr", "sra", "srta", "teniente", "viceministra", "viceministro",
    "vicepresidenta", "vicepresidente",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

pub static DATA: LangData = LangData {
    abbreviations: ABBREVIATIONS,
    stop_words: STOP_WORDS,
    titles: TITLES,
    months: &MONTHS,
    marker_chars: "ñáéíóú¿¡",
    stemming: STEMMING,
    one_label_per_name: true,
    listed_misc_is_org: true,
    places: super::places::PLACES,
    office_links: &["de", "del"],
    sport_words: super::places::SPORT_WORDS,
};

const fn rule(suffix: &'static str, replace: &'static str, min_stem: usize, when: crate::lang::stem::StemCondition) -> SuffixRule {
    SuffixRule { suffix, replace, min_stem, when }
}

/// A light stemmer for lower-case words with their accents: number, then gender.
/// Verbs are left alone; a search for "camión" should find "camiones", not
/// every form of "caminar".
pub const STEMMING: &[StemStep] = &[
    // Plurals: "veces" → "vez", "camiones" → "camion", "casas" → "casa"; "dulces" → "dulc" meets "dulce" below.
    // A stressed vowel before a final s makes a singular: "inglés", "país", "autobús".
    StemStep::Suffixes(&[
        rule("ás", "ás", 0, Always),
        rule("és", "és", 0, Always),
        rule("ís", "ís", 0, Always),
        rule("ós", "ós", 0, Always),
        rule("ús", "ús", 0, Always),
        rule("ces", "z", 2, AfterVowel),
        rule("es", "", 3, AfterConsonant),
        rule("s", "", 3, AfterVowel),
    ]),
    // Gender and the final vowel: "presidenta", "presidente", "president(es)" → "president".
    StemStep::Suffixes(&[rule("a", "", 3, Always), rule("o", "", 3, Always), rule("e", "", 3, Always)]),
];
