//! Case and accent folding, for comparing names and search terms.

/// The base letter of a Latin letter with diacritics, lower-cased; other
/// characters lower-cased as they are. Combining marks fold to nothing.
fn fold_char(c: char, out: &mut String) {
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
        c if crate::tokenize::is_mark(c) => return,
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Folds case and the common Latin diacritics, in both composed and
/// decomposed form.
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
        fold_char(c, out);
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
        if crate::tokenize::is_mark(c) {
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
