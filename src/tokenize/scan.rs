//! The token scanner: one left-to-right pass, each step consuming at least one
//! character, and every look-ahead bounded, so the whole scan is linear.

use crate::text::chars::*;
use super::{Token, TokenKind};
use crate::lang::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// Look-ahead caps for the parts of an e-mail address (RFC 5321 limits), so a
/// megabyte without spaces cannot make the scan quadratic.
const MAX_LOCAL_PART: usize = 64;
const MAX_DOMAIN: usize = 255;
/// At most this many letter groups in a dotted acronym ("U.S.A.", "EE.UU.").
const MAX_ACRONYM_GROUPS: usize = 6;

struct Scanner<'a> {
    text: &'a str,
    lang: Lang,
    /// Whether the text has an `@` at all: e-mail look-ahead is skipped otherwise.
    has_at: bool,
    /// The position of the first `@` at or after some earlier position (the
    /// text's length if none): e-mail look-ahead is skipped where the next `@`
    /// is out of reach. Scans only move forward, so this stays linear.
    next_at: std::cell::Cell<usize>,
}

impl<'a> Scanner<'a> {
    fn peek(&self, i: usize) -> Option<char> {
        // ASCII without decoding; a byte of 0x80 or more is a lead or a
        // continuation byte, which the general path tells apart.
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(b as char),
            _ => char_at(self.text, i).map(|(c, _)| c),
        }
    }

    /// The end of the run of word-body characters (letters, marks, joiners,
    /// digits) from `i`: ASCII letters and digits byte by byte, the general
    /// check from the first other byte on.
    fn word_body_end(&self, i: usize) -> usize {
        let b = self.text.as_bytes();
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            // Back to the byte loop after each other character of the word.
            match self.peek(j) {
                Some(c) if !c.is_ascii() && (is_word_char(c) || c.is_numeric()) => j += c.len_utf8(),
                _ => return j,
            }
        }
    }

    /// The end of the run of numeric characters from `i`, ASCII digits byte by byte.
    fn digits_end(&self, i: usize) -> usize {
        let b = self.text.as_bytes();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j < b.len() && b[j] >= 0x80 {
            return self.run(j, |c| c.is_numeric());
        }
        j
    }

    fn next_token(&self, i: usize, c: char) -> (usize, TokenKind) {
        if let Some(end) = self.url(i) {
            return (end, TokenKind::Url);
        }
        if let Some(end) = self.email(i) {
            return (end, TokenKind::Email);
        }
        if let Some(end) = self.emoji(i, c) {
            return (end, TokenKind::Emoji);
        }
        match c {
            '#' => {
                if let Some(end) = self.handle(i + 1, false) {
                    return (end, TokenKind::Hashtag);
                }
            }
            '@' => {
                if let Some(end) = self.handle(i + 1, true) {
                    return (end, TokenKind::Mention);
                }
            }
            _ => {}
        }
        if c.is_numeric() {
            return (self.number(i), TokenKind::Number);
        }
        if is_word_char(c) {
            return (self.word(i), TokenKind::Word);
        }
        if is_terminator(c) && c != '…' {
            // "...", "?!" and "!!!" are one mark each.
            let end = self.run(i, |c| is_terminator(c) && c != '…');
            return (end, TokenKind::Punct);
        }
        let end = self.cluster_end(i);
        let kind = if is_punct(c) { TokenKind::Punct } else { TokenKind::Symbol };
        (end, kind)
    }

    /// The end of the run of characters matching `f` from `i`.
    fn run(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let rest = &self.text[i..];
        i + rest.find(|c: char| !f(c)).unwrap_or(rest.len())
    }

    fn cluster_end(&self, i: usize) -> usize {
        // An ASCII character other than CR followed by an ASCII character (or
        // the end) is a cluster of its own: no grapheme rule joins two ASCII
        // characters but CR LF.
        let b = self.text.as_bytes();
        if b.get(i).is_some_and(|&c| c < 0x80 && c != b'\r') && b.get(i + 1).is_none_or(|&n| n < 0x80) {
            return i + 1;
        }
        let cluster = self.text[i..].graphemes(true).next().unwrap_or("");
        // A prepended mark (U+0600, U+0890…) clusters with whatever follows,
        // even a space; a token never takes in a separator.
        let len = cluster.char_indices().skip(1).find(|&(_, c)| is_space(c)).map_or(cluster.len(), |(k, _)| k);
        i + len.max(1)
    }

    fn url(&self, i: usize) -> Option<usize> {
        let b = self.text[i..].as_bytes();
        if !matches!(b.first(), Some(b'h' | b'H' | b'w' | b'W')) {
            return None;
        }
        let scheme = ["https://", "http://", "www."]
            .iter()
            .find(|p| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?;
        let end = self.run(i, |c| !is_space(c) && !matches!(c, '"' | '<' | '>' | '«' | '»' | '“' | '”'));
        if end - i <= scheme.len() {
            return None;
        }
        Some(self.trim_url_tail(i, end))
    }

    /// Drops trailing punctuation that belongs to the sentence, not the URL,
    /// keeping a closing bracket that the URL itself opened.
    fn trim_url_tail(&self, start: usize, mut end: usize) -> usize {
        let url = &self.text[start..end];
        let opens = url.matches('(').count();
        let mut closes = url.matches(')').count();
        while end > start {
            let c = self.text[..end].chars().next_back().unwrap_or(' ');
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' => true,
                ')' if opens < closes => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            end -= c.len_utf8();
        }
        end
    }

    fn email(&self, i: usize) -> Option<usize> {
        if !self.at_in_reach(i) {
            return None;
        }
        let is_local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
        let bytes = self.text.as_bytes();
        let mut j = i;
        while j < bytes.len() && j - i < MAX_LOCAL_PART && is_local(bytes[j] as char) {
            j += 1;
        }
        if j == i || bytes.get(j) != Some(&b'@') {
            return None;
        }
        let domain_start = j + 1;
        let mut k = domain_start;
        let mut last_dot = None;
        while k < bytes.len() && k - domain_start < MAX_DOMAIN {
            let c = bytes[k] as char;
            if c.is_ascii_alphanumeric() || c == '-' {
                k += 1;
            } else if c == '.' && k + 1 < bytes.len() && (bytes[k + 1] as char).is_ascii_alphanumeric() {
                last_dot = Some(k);
                k += 1;
            } else {
                break;
            }
        }
        // A domain needs a dot and a top-level part of two letters or more.
        let dot = last_dot?;
        if k - dot < 3 || !self.text[dot + 1..k].bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        Some(k)
    }

    fn emoji(&self, i: usize, c: char) -> Option<usize> {
        let keycap = matches!(c, '0'..='9' | '#' | '*')
            && matches!(self.peek(i + 1), Some('\u{FE0F}' | '\u{20E3}'));
        let pictographic = is_emoji_start(c) || (matches!(c, '©' | '®') && self.peek(i + c.len_utf8()) == Some('\u{FE0F}'));
        (keycap || pictographic).then(|| self.cluster_end(i))
    }

    /// A hashtag or mention body after `#` or `@`: it must hold a letter.
    fn handle(&self, i: usize, ascii_only: bool) -> Option<usize> {
        let end = self.run(i, |c| {
            if ascii_only {
                c.is_ascii_alphanumeric() || c == '_'
            } else {
                is_word_char(c) || c.is_numeric() || c == '_'
            }
        });
        let body = &self.text[i..end];
        body.chars().any(char::is_alphabetic).then_some(end)
    }

    fn number(&self, i: usize) -> usize {
        let digits = |j: usize| self.digits_end(j);
        let mut end = digits(i);
        // Group and decimal separators, times, dates and scores: "100.000", "3,5",
        // "15:30", "1/10/2023", "1996-08-22", "6-3".
        while let Some('.' | ',' | ':' | '/' | '-') = self.peek(end) {
            match self.peek(end + 1) {
                Some(d) if d.is_ascii_digit() => end = digits(end + 1),
                _ => break,
            }
        }
        self.ordinal_suffix(end).unwrap_or(end)
    }

    /// "1.º", "1ª", "17th", "1er": the suffix joins the number.
    fn ordinal_suffix(&self, end: usize) -> Option<usize> {
        let rest = &self.text[end..];
        // The first bytes of the markers and suffixes below ("º" and "ª" are C2 BA, C2 AA).
        if !matches!(rest.as_bytes().first(), Some(b'.' | 0xC2 | b's' | b'n' | b'r' | b't' | b'e' | b'd')) {
            return None;
        }
        for marker in [".º", ".ª", "º", "ª"] {
            if rest.starts_with(marker) {
                return Some(end + marker.len());
            }
        }
        const SUFFIXES: [&str; 11] = ["st", "nd", "rd", "th", "er", "ra", "ro", "do", "da", "to", "ta"];
        let suffix = SUFFIXES.iter().find(|s| rest.starts_with(**s))?;
        let after = end + suffix.len();
        match self.peek(after) {
            Some(c) if is_word_char(c) || c.is_numeric() => None,
            _ => Some(after),
        }
    }

    fn word(&self, i: usize) -> usize {
        if let Some(end) = self.acronym(i) {
            return end;
        }
        let mut end = self.word_body_end(i);
        // Apostrophes and hyphens join two word parts: "don't", "O'Neill", "Nagorno-Karabaj".
        while let Some(c) = self.peek(end) {
            let joins = (is_apostrophe(c) || is_hyphen(c))
                && self.peek(end + c.len_utf8()).is_some_and(|n| is_word_char(n) || (is_hyphen(c) && n.is_numeric()));
            if !joins {
                break;
            }
            end = self.word_body_end(end + c.len_utf8());
        }
        if self.peek(end) == Some('.') && self.is_abbreviation(&self.text[i..end]) {
            end += 1;
        }
        end
    }

    /// Dotted acronyms, "EE.UU.", "U.S.", "a.m.", "p.ej.": letter groups of one
    /// to three letters, each closed by a period, at least two groups. Spanish
    /// writes "EE. UU." with a space too: capital groups of two or three letters
    /// may be separated by one space (initials, "J. R. R.", stay apart).
    fn acronym(&self, i: usize) -> Option<usize> {
        // Four ASCII letters in a row cannot start one (a group has at most three).
        if self.text.as_bytes().get(i..i + 4).is_some_and(|b| b.iter().all(u8::is_ascii_alphabetic)) {
            return None;
        }
        let mut j = i;
        let mut end = i;
        let mut groups = 0;
        let mut prev_capitals = false;
        while groups < MAX_ACRONYM_GROUPS {
            let spaced = groups > 0 && prev_capitals && self.peek(j) == Some(' ');
            let start = if spaced { j + 1 } else { j };
            // The group's letters, looking no further than a fourth one (a
            // group has at most three), so that ordinary words are not
            // scanned twice.
            let (mut n, mut letters_end, mut upper) = (0, start, true);
            for c in self.text[start..].chars() {
                if !c.is_alphabetic() {
                    break;
                }
                n += 1;
                if n > 3 {
                    break;
                }
                upper &= c.is_uppercase();
                letters_end += c.len_utf8();
            }
            let capitals = n >= 2 && upper;
            if n == 0 || n > 3 || self.peek(letters_end) != Some('.') || (spaced && !capitals) {
                break;
            }
            j = letters_end + 1;
            end = j;
            groups += 1;
            prev_capitals = capitals;
        }
        (groups >= 2).then_some(end)
    }

    /// Whether `word` followed by a period is an abbreviation: a single letter
    /// (an initial), or a listed abbreviation of the text's language, or a
    /// title abbreviation of any language ("Mr." in Spanish text).
    fn is_abbreviation(&self, word: &str) -> bool {
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_alphabetic();
        }
        if word.len() > 8 {
            return false;
        }
        let lower = word.to_lowercase();
        self.lang.data().is_abbreviation(&lower)
            || Lang::ALL.iter().any(|l| l.data().is_abbreviation(&lower) && l.data().is_title(&lower))
    }
}

/// Splits `text` into tokens; `sentence` is left at 0.
pub fn scan(text: &str, lang: Lang) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(estimate(text.len(), 0, 0));
    scan_each(text, lang, |start, end, kind| {
        if tokens.len() == tokens.capacity() {
            tokens.reserve_exact(estimate(text.len(), start, tokens.len()) - tokens.len());
        }
        tokens.push(Token { start, end, kind, sentence: 0 });
    });
    tokens
}

/// How many tokens a text of `len` bytes will have, from the `count` tokens
/// found in its first `done` bytes (or a first guess), with a little headroom:
/// an output reserved from this grows by small steps instead of doubling past
/// what it needs.
pub fn estimate(len: usize, done: usize, count: usize) -> usize {
    if done == 0 {
        // News runs at 5 to 7 bytes per token, spaces included.
        return len / 6 + 64;
    }
    if done < 4096 || count < 256 {
        return count + (len - done.min(len)) / 4 + 64;
    }
    let projected = (count as u128 * len as u128 / done as u128) as usize;
    (projected + projected / 16 + 64).max(count + 64)
}

/// Calls `f(start, end, kind)` for every token of `text`, in order: the scan
/// without the token list, for callers that write their own output.
pub fn scan_each(text: &str, lang: Lang, mut f: impl FnMut(usize, usize, TokenKind)) {
    let scanner = Scanner { text, lang, has_at: text.contains('@'), next_at: std::cell::Cell::new(0) };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let class = if b[i] < 0x80 {
            ASCII[b[i] as usize]
        } else if is_latin_letter(b, i) {
            Ascii::Letter
        } else {
            Ascii::Other
        };
        if class == Ascii::Space {
            i += 1;
            continue;
        }
        if let Some((end, kind)) = scanner.fast_token(i, class) {
            f(i, end, kind);
            i = end;
            continue;
        }
        let Some(c) = scanner.peek(i) else { break };
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = scanner.next_token(i, c);
        debug_assert!(end > i);
        f(i, end, kind);
        i = end;
    }
}

/// Whether the bytes at `j` are a letter of U+00C0..=U+017F (Latin-1's and
/// Latin Extended-A's, all letters but × and ÷): the accented letters of
/// Spanish and most European names, two bytes each.
#[inline]
fn is_latin_letter(b: &[u8], j: usize) -> bool {
    match (b.get(j), b.get(j + 1)) {
        (Some(0xC3), Some(&c)) => (0x80..=0xBF).contains(&c) && c != 0x97 && c != 0xB7,
        (Some(0xC4 | 0xC5), Some(&c)) => (0x80..=0xBF).contains(&c),
        _ => false,
    }
}

/// What a byte is to the fast paths of [`Scanner::fast_token`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Space,
    Letter,
    Digit,
    /// `.`, `!`, `?`: a run of them is one mark.
    Terminator,
    /// A character that is a token of its own when an ASCII byte follows it.
    Single(TokenKind),
    /// `#` and `@`, which may start a hashtag or a mention: the general path.
    Other,
}

const ASCII: [Ascii; 128] = {
    let mut t = [Ascii::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        t[b] = match c {
            ' ' | '\x09'..='\x0D' => Ascii::Space,
            'a'..='z' | 'A'..='Z' => Ascii::Letter,
            '0'..='9' => Ascii::Digit,
            '.' | '!' | '?' => Ascii::Terminator,
            '#' | '@' => Ascii::Other,
            _ if is_punct(c) => Ascii::Single(TokenKind::Punct),
            _ => Ascii::Single(TokenKind::Symbol),
        };
        b += 1;
    }
    t
};

impl Scanner<'_> {
    /// Whether an `@` lies within an e-mail local part of `i`, so that
    /// [`Scanner::email`] has to look. Asked for every token: inlined, with
    /// the search for the next `@` out of line.
    #[inline]
    fn at_in_reach(&self, i: usize) -> bool {
        if !self.has_at {
            return false;
        }
        if self.next_at.get() < i {
            self.find_next_at(i);
        }
        self.next_at.get() <= i + MAX_LOCAL_PART
    }

    #[inline(never)]
    fn find_next_at(&self, i: usize) {
        // `str::find` of an ASCII char is a word-at-a-time memchr.
        let at = self.text[i..].find('@').map_or(self.text.len(), |k| i + k);
        self.next_at.set(at);
    }

    /// The token at `i`, a character of class `class`, where the bytes
    /// around it settle it without the general path: a word of ASCII and
    /// Latin letters, a number, a mark or a run of `.!?`, ended by an ASCII
    /// byte that cannot extend it. `None` leaves it to
    /// [`Scanner::next_token`], whose answer this always equals.
    // One call site, in the scan's inner loop.
    #[inline(always)]
    fn fast_token(&self, i: usize, class: Ascii) -> Option<(usize, TokenKind)> {
        let b = self.text.as_bytes();
        // Every fast path ends before an ASCII byte or the end (a byte of
        // 0x80 or more may be a mark or a letter that continues the token)
        // and needs no e-mail look-ahead.
        let next_class = |j: usize| match b.get(j) {
            None => Some(Ascii::Space),
            Some(&n) if n < 0x80 => Some(ASCII[n as usize]),
            _ => None,
        };
        match class {
            Ascii::Letter => {
                // "http://", "https://" and "www." may start a URL.
                if matches!(b[i] | 0x20, b'h' | b'w')
                    && b.len() - i >= 4
                    && (b[i..i + 4].eq_ignore_ascii_case(b"http") || b[i..i + 4].eq_ignore_ascii_case(b"www."))
                {
                    return None;
                }
                let mut j = if b[i] < 0x80 { i + 1 } else { i + 2 };
                loop {
                    while j < b.len() && b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    if !is_latin_letter(b, j) {
                        break;
                    }
                    j += 2;
                }
                // Not a digit (the word goes on), nor a period (an
                // abbreviation or an acronym), an apostrophe or a hyphen
                // (joining two parts); a group of up to three letters is an
                // acronym only if a period follows it.
                match next_class(j)? {
                    Ascii::Space | Ascii::Other | Ascii::Single(_) if !matches!(b.get(j), Some(b'\'' | b'-')) => {}
                    _ => return None,
                }
                if self.at_in_reach(i) {
                    return None;
                }
                Some((j, TokenKind::Word))
            }
            Ascii::Digit => {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                // Not a separator followed by digits, an ordinal suffix, or a
                // keycap ("1\u{FE0F}\u{20E3}", whose second byte is not ASCII).
                match next_class(j)? {
                    Ascii::Space | Ascii::Other | Ascii::Single(_) if !matches!(b.get(j), Some(b',' | b':' | b'/' | b'-')) => {}
                    _ => return None,
                }
                if self.at_in_reach(i) {
                    return None;
                }
                Some((j, TokenKind::Number))
            }
            Ascii::Terminator => {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                // A run may go on with "。", "！" or "？", but not with "…".
                next_class(j)?;
                if self.at_in_reach(i) {
                    return None;
                }
                Some((j, TokenKind::Punct))
            }
            Ascii::Single(kind) => {
                // A grapheme cluster of its own before another ASCII byte
                // (CR LF is the one pair that joins, and CR is a space).
                next_class(i + 1)?;
                if self.at_in_reach(i) {
                    return None;
                }
                Some((i + 1, kind))
            }
            Ascii::Space | Ascii::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of the character at `i`, as the scan loop computes it.
    fn class_at(b: &[u8], i: usize) -> Ascii {
        if b[i] < 0x80 {
            ASCII[b[i] as usize]
        } else if is_latin_letter(b, i) {
            Ascii::Letter
        } else {
            Ascii::Other
        }
    }

    /// `fast_token` claims to equal `next_token` wherever it answers: check
    /// it at every character of texts made of the characters that end or
    /// extend its paths, and of the seed article.
    #[test]
    fn fast_token_equals_next_token() {
        const PIECES: &[&str] = &[
            "a", "Z", "é", "ñ", "Ø", "ž", "1", "42", ".", "!", "?", "…", ",", ":", "/", "-", "'", "’", "@", "#",
            "%", "$", "€", " ", "\n", "\r\n", "\u{301}", "º", "ª", "st", "er", "http://x.io", "www.", "EE.", "UU.",
            "U.S.", "p.m.", "1\u{FE0F}\u{20E3}", "😀", "a@b.es", "«", "»", "(", ")", "\u{a0}", "。", "д",
        ];
        let seed = include_str!("../../seeds/000_b3dfaa5d8271907c.txt");
        let mut texts = vec![seed.to_owned()];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
            }
            texts.push(t);
        }
        let mut checked = 0;
        for text in &texts {
            for lang in Lang::ALL {
                let s = Scanner { text, lang, has_at: text.contains('@'), next_at: std::cell::Cell::new(0) };
                let b = text.as_bytes();
                for (i, c) in text.char_indices() {
                    if let Some(fast) = s.fast_token(i, class_at(b, i)) {
                        assert_eq!(fast, s.next_token(i, c), "{text:?} at {i}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 20_000, "only {checked} positions took a fast path");
    }
}
