//! A light stemmer ("Snowball-lite") for search terms: it strips the
//! inflections a reader expects a search to see through (plurals, gender,
//! English -ed/-ing) and nothing more. The rules are per-language data in
//! the language modules; this module only applies them.

use super::Lang;

/// One step of the light stemmer ([`stem`]), applied to a
/// lower-case word with its accents (composed).
pub enum StemStep {
    /// The first rule whose suffix ends the word and whose condition holds
    /// applies; the rest of the step is skipped.
    Suffixes(&'static [SuffixRule]),
    /// A final doubled consonant, other than those listed, becomes single
    /// ("runn" from "running" becomes "run").
    Undouble { except: &'static str },
}

/// Replace `suffix` by `replace` when at least `min_stem` characters precede it
/// and `when` holds of them. A rule with `replace == suffix` protects a word.
pub struct SuffixRule {
    pub suffix: &'static str,
    pub replace: &'static str,
    pub min_stem: usize,
    pub when: StemCondition,
}

/// What the characters before a suffix must be like.
pub enum StemCondition {
    Always,
    /// The stem ends in an unaccented vowel (a, e, i, o, u).
    AfterVowel,
    /// The stem ends in a letter that is not a vowel.
    AfterConsonant,
    /// The stem ends in one of these characters.
    AfterOneOf(&'static str),
    /// The stem has a vowel somewhere.
    StemHasVowel,
    /// The stem has a vowel before its last character: "cat|s" but not "ga|s", "thi|s".
    VowelBeforeLast,
}


fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn holds(when: &StemCondition, stem: &str) -> bool {
    let last = stem.chars().next_back();
    match when {
        StemCondition::Always => true,
        StemCondition::AfterVowel => last.is_some_and(is_vowel),
        StemCondition::AfterConsonant => last.is_some_and(|c| c.is_alphabetic() && !is_vowel(c)),
        StemCondition::AfterOneOf(set) => last.is_some_and(|c| set.contains(c)),
        StemCondition::StemHasVowel => stem.chars().any(is_vowel),
        StemCondition::VowelBeforeLast => {
            let mut chars = stem.chars();
            chars.next_back();
            chars.any(is_vowel)
        }
    }
}

/// Stems a lower-case word in place. Give it the word with its accents
/// ([`crate::text::fold::lower_accented`]) and fold the result.
///
/// ```
/// use lupa::lang::{stem::stem, Lang};
/// let s = |w: &str, l| { let mut w = w.to_owned(); stem(&mut w, l); w };
/// assert_eq!(s("camiones", Lang::Es), "camion");
/// assert_eq!(s("camión", Lang::Es), "camión");
/// assert_eq!(s("veces", Lang::Es), "vez");
/// assert_eq!(s("hoping", Lang::En), s("hopes", Lang::En));
/// ```
pub fn stem(word: &mut String, lang: Lang) {
    for step in lang.data().stemming {
        match step {
            StemStep::Suffixes(rules) => {
                for r in rules.iter() {
                    let Some(stem) = word.strip_suffix(r.suffix) else { continue };
                    if stem.chars().count() < r.min_stem || !holds(&r.when, stem) {
                        continue;
                    }
                    let keep = stem.len();
                    word.truncate(keep);
                    word.push_str(r.replace);
                    break;
                }
            }
            StemStep::Undouble { except } => {
                let mut rev = word.chars().rev();
                if let (Some(a), Some(b)) = (rev.next(), rev.next()) {
                    if a == b && a.is_alphabetic() && !is_vowel(a) && !except.contains(a) && word.chars().count() > 3 {
                        word.pop();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key a search term and a word are compared by: stemmed, then folded.
    fn s(w: &str, lang: Lang) -> String {
        let mut lower = String::new();
        crate::text::fold::lower_accented(w, &mut lower);
        stem(&mut lower, lang);
        crate::text::fold::fold(&lower)
    }

    #[test]
    fn spanish_number_and_gender() {
        for (words, want) in [
            (&["camión", "camiones", "CAMIO\u{301}N", "camion"][..], "camion"),
            (&["vez", "veces"][..], "vez"),
            (&["luz", "luces"][..], "luz"),
            (&["casa", "casas"][..], "cas"),
            (&["presidente", "presidentes", "presidenta", "presidentas"][..], "president"),
            (&["inglés", "ingleses", "INGLÉS", "ingle\u{301}s"][..], "ingles"),
            (&["país", "países"][..], "pais"),
            (&["árbol", "árboles"][..], "arbol"),
            (&["rey", "reyes"][..], "rey"),
            (&["dulce", "dulces"][..], "dulc"),
            (&["mes", "meses"][..], "mes"),
            (&["Azerbaiyán", "azerbaiyan"][..], "azerbaiyan"),
        ] {
            for w in words {
                assert_eq!(s(w, Lang::Es), want, "{w}");
            }
        }
        // Short words keep their endings.
        assert_eq!(s("los", Lang::Es), "los");
        assert_eq!(s("ese", Lang::Es), "ese");
    }

    #[test]
    fn english_plurals_and_verb_forms() {
        for (words, want) in [
            (&["cat", "cats"][..], "cat"),
            (&["class", "classes"][..], "class"),
            (&["city", "cities"][..], "city"),
            (&["box", "boxes"][..], "box"),
            (&["church", "churches"][..], "church"),
            (&["hope", "hopes", "hoped", "hoping"][..], "hop"),
            (&["run", "running"][..], "run"),
            (&["stop", "stops", "stopped", "stopping"][..], "stop"),
            (&["study", "studies", "studied", "studying"][..], "study"),
            (&["meeting", "meetings", "meet"][..], "meet"),
            (&["house", "houses"][..], "hous"),
            (&["truck", "trucks"][..], "truck"),
        ] {
            for w in words {
                assert_eq!(s(w, Lang::En), want, "{w}");
            }
        }
        for keep in ["bus", "gas", "this", "is", "king", "bring", "string", "need", "the", "all"] {
            assert_eq!(s(keep, Lang::En), keep);
        }
    }

    #[test]
    fn never_panics_on_odd_words() {
        for w in ["", "s", "es", "ces", "ñ", "ß", "😀s", "\u{301}es", "zz", "ing", "ed"] {
            for lang in Lang::ALL {
                let _ = s(w, lang);
            }
        }
    }
}
