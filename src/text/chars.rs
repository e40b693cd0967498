//! Character classes beyond `char`'s own predicates, the one definition every
//! layer uses.

/// Combining marks that continue a word written in decomposed form (NFD).
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Letters, and the marks and joiners that belong inside a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        // Latin-1's letters without the Unicode table search.
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => c != '×' && c != '÷',
        _ => c.is_alphabetic() || is_mark(c) || c == '\u{200C}' || c == '\u{200D}',
    }
}

/// Characters that start an emoji grapheme cluster. Keycap sequences ("1️⃣")
/// start with a digit and are recognised by their cluster instead.
pub fn is_emoji_start(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x2900..=0x297F | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x24C2)
}

/// Characters that separate tokens: Unicode white space plus the invisible
/// separators that editors and CMSs leave in copied text.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Apostrophes that may join the parts of a word ("don't", "O’Neill").
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that may join the parts of a word ("Nagorno-Karabaj").
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Marks that end a sentence.
pub const fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Closing quotes and brackets that stay with the sentence they close.
pub const fn is_closing(c: char) -> bool {
    matches!(c, '”' | '»' | '’' | ')' | ']' | '}' | '›' | '"' | '\'')
}

/// Opening punctuation that may start a sentence.
pub const fn is_opening(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '‘' | '(' | '[' | '{' | '‹' | '"' | '\'' | '¿' | '¡' | '—' | '–' | '-')
}

/// Punctuation proper, as opposed to symbols such as `%`, `$` or `+`.
pub const fn is_punct(c: char) -> bool {
    is_terminator(c)
        || is_closing(c)
        || is_opening(c)
        || matches!(c, ',' | ';' | ':' | '‚' | '·' | '/' | '\\' | '*' | '†' | '‡' | '§' | '¶' | '•')
        || matches!(c, '\u{2010}'..='\u{2015}')
}

/// Spaces used to group digits ("2 000"): no-break and thin spaces.
pub fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The value of a vulgar-fraction character ("½", "¾", "⅛").
pub fn vulgar_fraction(c: char) -> Option<f64> {
    let (n, d) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    Some(f64::from(n) / f64::from(d))
}

/// The character at byte `i` of `text` (a character boundary) and its length
/// in bytes; ASCII without decoding. `None` at or past the end.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some((b as char, 1)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()).map(|c| (c, c.len_utf8())),
        None => None,
    }
}
