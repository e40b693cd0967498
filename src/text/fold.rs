//! Case and accent folding: one fold per purpose, each named for what it is for.
//!
//! - [`fold`] (search): names and search terms, so that "Gonzalez" finds
//!   "González" and "GONZÁLEZ" in NFC or NFD. Every Latin diacritic goes.
//! - [`lexicon_char`]: the normalised form of the pieces the annotation
//!   layers' word lists match. Vowel accents go, "ñ" stays ("año" is not "ano").
//! - [`model_char`]: what the NER models hash. Changing it changes every
//!   feature, so a test pins it and the models must be retrained with it.

/// The search fold of one character: the base letter of a Latin letter with
/// diacritics, lower-cased; other characters lower-cased as they are.
/// Combining marks fold to nothing.
pub fn search_char(c: char, out: &mut String) {
    let base = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'u',
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => 'n',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => 'c',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'š' | 'ś' | 'ş' | 'Š' | 'Ś' | 'Ş' => 's',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ř' | 'Ř' => 'r',
        'ď' | 'Ď' => 'd',
        'ť' | 'Ť' => 't',
        'ľ' | 'ł' | 'ĺ' | 'Ľ' | 'Ł' | 'Ĺ' => 'l',
        'ğ' | 'Ğ' => 'g',
        'ß' => {
            out.push_str("ss");
            return;
        }
        '’' | 'ʼ' => '\'',
        c if super::chars::is_mark(c) => return,
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// The search fold: case and the common Latin diacritics, in both composed
/// and decomposed form.
///
/// ```
/// use lupa::text::fold::fold;
/// assert_eq!(fold("Azerbaiyán"), "azerbaiyan");
/// assert_eq!(fold("Azerbaiya\u{301}n"), "azerbaiyan");
/// assert_eq!(fold("MOSCÚ"), "moscu");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into a reused buffer.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        search_char(c, out);
    }
}

/// The case fold of one character: lower case only, accents kept.
pub fn lower_char(c: char, out: &mut String) {
    out.extend(c.to_lowercase());
}

/// A folded copy of a text that knows where each of its bytes came from, so
/// that a match in the copy maps back to a span of the original.
pub struct Mapped {
    pub text: String,
    /// For each byte of `text`, the start of the original character it came from.
    origin: Vec<u32>,
    /// The original's length.
    len: usize,
}

impl Mapped {
    /// `s` folded character by character with `fold` ([`search_char`], [`lower_char`]).
    ///
    /// ```
    /// use lupa::text::fold::{Mapped, search_char};
    /// let m = Mapped::new("Gonza\u{301}lez y Straße", search_char);
    /// assert_eq!(m.text, "gonzalez y strasse");
    /// assert_eq!(m.original(0, 8), (0, 10));   // the combining accent goes with its letter
    /// assert_eq!(m.original(11, 18), (13, 20)); // "strasse" is "Straße"
    /// assert_eq!(m.original(11, 16), (13, 19)); // "stras": the "ß" whole
    /// ```
    pub fn new(s: &str, fold: fn(char, &mut String)) -> Mapped {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        for (at, c) in s.char_indices() {
            fold(c, &mut text);
            origin.resize(text.len(), at as u32);
        }
        Mapped { text, origin, len: s.len() }
    }

    /// The original span of the folded span `start..end`: from the start of
    /// the character that gave `start` to the start of the one that gave
    /// `end` (so characters that fold to nothing, such as combining accents,
    /// stay with the letter before them), widened to whole characters.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |k: usize| if k < self.origin.len() { self.origin[k] as usize } else { self.len };
        let (s, mut e) = (at(start), at(end));
        // `end` inside the expansion of one character ("ß" to "ss"): to the next character.
        if end > start && end < self.origin.len() && self.origin[end] == self.origin[end - 1] {
            e = self.origin[end..].iter().map(|&o| o as usize).find(|&o| o > e).unwrap_or(self.len);
        }
        (s, e.max(s))
    }
}

/// The lexicon fold of one character, into `out`: lower case, vowel accents
/// removed (not the tilde of "ñ"), typographic apostrophes and "`" made "'".
///
/// ```
/// let mut out = String::new();
/// "Año MIÉRCOLES don’t".chars().for_each(|c| lupa::text::fold::lexicon_char(c, &mut out));
/// assert_eq!(out, "año miercoles don't");
/// ```
#[inline]
pub fn lexicon_char(c: char, out: &mut String) {
    if c.is_ascii() {
        // What the general path gives for ASCII, without the case tables.
        out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        return;
    }
    for l in c.to_lowercase() {
        let f = match l {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            '’' | 'ʼ' | '`' => '\'',
            other => other,
        };
        out.push(f);
    }
}

/// The lexicon fold of a string ([`lexicon_char`] on each character).
pub fn lexicon(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        lexicon_char(c, &mut out);
    }
    out
}

/// The model fold of one character: lower case (the first character of a
/// multi-character lower case), and the accents of Latin vowels and "ç"
/// removed. The NER features hash words through it.
#[inline]
pub fn model_char(c: char) -> char {
    let c = if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) };
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        other => other,
    }
}

/// Lower-cases `s` keeping the accents, with decomposed accents (NFD)
/// composed onto their letters, so that NFC and NFD text come out the same.
/// The stemmer needs the accents that [`fold`] drops: "inglés" is singular,
/// "ingles" would look like a plural.
///
/// ```
/// use lupa::text::fold::lower_accented;
/// let mut out = String::new();
/// lower_accented("INGLE\u{301}S Ñu", &mut out);
/// assert_eq!(out, "inglés ñu");
/// ```
pub fn lower_accented(s: &str, out: &mut String) {
    for c in s.chars() {
        if super::chars::is_mark(c) {
            if let Some(prev) = out.pop() {
                match compose(prev, c) {
                    Some(composed) => out.push(composed),
                    // Other marks carry nothing the stemmer reads.
                    None => out.push(prev),
                }
            }
            continue;
        }
        out.extend(c.to_lowercase());
    }
}

/// The precomposed form of a lower-case letter and a combining accent.
fn compose(base: char, mark: char) -> Option<char> {
    const TABLE: &[(char, [char; 5])] = &[
        // grave, acute, circumflex, tilde, diaeresis
        ('a', ['à', 'á', 'â', 'ã', 'ä']),
        ('e', ['è', 'é', 'ê', 'ẽ', 'ë']),
        ('i', ['ì', 'í', 'î', 'ĩ', 'ï']),
        ('o', ['ò', 'ó', 'ô', 'õ', 'ö']),
        ('u', ['ù', 'ú', 'û', 'ũ', 'ü']),
        ('n', ['ǹ', 'ń', 'n', 'ñ', 'n']),
    ];
    let i = match mark {
        '\u{300}' => 0,
        '\u{301}' => 1,
        '\u{302}' => 2,
        '\u{303}' => 3,
        '\u{308}' => 4,
        _ => return None,
    };
    TABLE.iter().find(|(b, _)| *b == base).map(|(_, forms)| forms[i]).filter(|&c| c != base)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The models were trained with this fold: a change here must come with
    /// retrained models (models/README.md).
    #[test]
    fn model_fold_is_pinned() {
        let input = "AÁÀÂÄÃÅaáàâäãå EÉÈÊËeéèêë IÍÌÎÏ OÓÒÔÖÕØ UÚÙÛÜ ÑñÇç ß İ Σς ’ʼ`";
        let folded: String = input.chars().map(model_char).collect();
        assert_eq!(folded, "aaaaaaaaaaaaaa eeeeeeeeee iiiii ooooooø uuuuu ññcc ß i σς ’ʼ`");
    }

    #[test]
    fn the_three_folds_differ_where_their_purposes_do() {
        assert_eq!(fold("Año Straße"), "ano strasse");
        assert_eq!(lexicon("Año Straße"), "año straße");
        assert_eq!("Año".chars().map(model_char).collect::<String>(), "año");
    }
}
