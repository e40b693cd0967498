//! Lupa's pattern engine: user-defined regular expressions over a text, in
//! time linear in the text for every pattern (the `regex` crate has no
//! backtracking), with compiled sizes capped so that no pattern can take
//! unbounded memory either.
//!
//! It is its own crate, and in the browser its own wasm module, so that pages
//! that never pass `patterns` never download it. Lupa's core calls it with
//! the texts and turns its byte spans into results.
//!
//! ```
//! use lupa_patterns::Patterns;
//! let p = Patterns::new(&[r"Expediente (?<num>\d+)/(?<year>\d{4})"]).unwrap();
//! let found = p.find_all("Ver el Expediente 123/2023.");
//! // [pattern, start, end, then each named group's start and end]
//! assert_eq!(found, [0, 7, 26, 18, 21, 22, 26]);
//! assert_eq!(p.group_names(0), ["num", "year"]);
//! ```

use regex::{Regex, RegexBuilder};

#[cfg(target_arch = "wasm32")]
mod wasm;

/// At most this many patterns in one call.
pub const MAX_PATTERNS: usize = 32;
/// The longest pattern accepted, in UTF-8 bytes.
pub const MAX_PATTERN_BYTES: usize = 1024;
/// The compiled program of one pattern, at most (`RegexBuilder::size_limit`).
/// A pattern such as `\w{1000}` expands past it and is refused.
pub const SIZE_LIMIT: usize = 1 << 20;
/// The lazy DFA's cache of one pattern (`RegexBuilder::dfa_size_limit`).
/// When it fills, the engine clears it or falls back to a slower linear engine.
pub const DFA_SIZE_LIMIT: usize = 2 << 20;
/// How deeply groups and repetitions may nest.
pub const NEST_LIMIT: u32 = 64;
/// In [`Patterns::find_all`], the start and end of a named group that did not take part in a match.
pub const NO_GROUP: u32 = u32::MAX;

/// Why a pattern was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The refused pattern's index among those given; `None` for too many patterns.
    pub index: Option<usize>,
    /// For a syntax error, where in the pattern: a UTF-16 code-unit index, so
    /// that `pattern.slice(position)` in JS starts at the fault.
    pub position: Option<usize>,
    /// Why, without the position ("unclosed group").
    pub message: String,
}

/// Compiled patterns, ready to run over any number of texts.
pub struct Patterns {
    regexes: Vec<Regex>,
    /// Per pattern, its named groups: capture index and name, in pattern order.
    groups: Vec<Vec<(usize, String)>>,
}

impl Patterns {
    /// Compiles every pattern (in the `regex` crate's syntax), or refuses the
    /// first bad one without reading any text. The engine carries no Unicode
    /// case tables, so `(?i)` is refused: for case-insensitive matching the
    /// caller lower-cases the text and the pattern instead.
    pub fn new<S: AsRef<str>>(specs: &[S]) -> Result<Patterns, Error> {
        if specs.len() > MAX_PATTERNS {
            return Err(Error {
                index: None,
                position: None,
                message: format!("too many patterns: {}; the maximum is {MAX_PATTERNS}", specs.len()),
            });
        }
        let mut regexes = Vec::with_capacity(specs.len());
        let mut groups = Vec::with_capacity(specs.len());
        for (index, spec) in specs.iter().enumerate() {
            let re = compile(spec.as_ref()).map_err(|(position, message)| Error { index: Some(index), position, message })?;
            groups.push(named_groups(&re));
            regexes.push(re);
        }
        Ok(Patterns { regexes, groups })
    }

    /// How many patterns there are.
    pub fn len(&self) -> usize {
        self.regexes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }

    /// The names of pattern `i`'s named groups, in the order [`Patterns::find_all`] gives them.
    pub fn group_names(&self, i: usize) -> Vec<&str> {
        self.groups[i].iter().map(|(_, name)| name.as_str()).collect()
    }

    /// Every non-empty match of every pattern in `text`, pattern by pattern,
    /// each pattern's leftmost-first and without overlaps: `[pattern, start,
    /// end]` and then, for each named group of that pattern, its `[start,
    /// end]` ([`NO_GROUP`] twice when it did not take part), all UTF-8 byte
    /// offsets into `text`.
    pub fn find_all(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for (i, re) in self.regexes.iter().enumerate() {
            let groups = &self.groups[i];
            if groups.is_empty() {
                for m in re.find_iter(text).filter(|m| !m.is_empty()) {
                    out.extend_from_slice(&[i as u32, m.start() as u32, m.end() as u32]);
                }
                continue;
            }
            for caps in re.captures_iter(text) {
                let whole = caps.get(0).expect("group 0 always takes part");
                if whole.is_empty() {
                    continue;
                }
                out.extend_from_slice(&[i as u32, whole.start() as u32, whole.end() as u32]);
                for &(k, _) in groups {
                    match caps.get(k) {
                        Some(g) => out.extend_from_slice(&[g.start() as u32, g.end() as u32]),
                        None => out.extend_from_slice(&[NO_GROUP, NO_GROUP]),
                    }
                }
            }
        }
        out
    }
}

/// One pattern, checked and compiled within the limits; on error, where in
/// the pattern (UTF-16) and why.
fn compile(pattern: &str) -> Result<Regex, (Option<usize>, String)> {
    if pattern.is_empty() {
        return Err((None, "the pattern is empty".to_owned()));
    }
    if pattern.len() > MAX_PATTERN_BYTES {
        return Err((None, format!("the pattern is {} bytes long; the maximum is {MAX_PATTERN_BYTES}", pattern.len())));
    }
    refuse_case_flag(pattern)?;
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| describe(pattern, e))
}

/// Refuses `(?i)` wherever it is. Whether `regex` could honour it depends
/// on its `unicode-case` feature, which another crate in a build may turn on
/// (a test build's dev-dependencies do): refusing it always keeps one
/// behaviour. A pattern that does not parse is left to the compiler's error.
fn refuse_case_flag(pattern: &str) -> Result<(), (Option<usize>, String)> {
    use regex_syntax::ast::{self, Ast, Flag, FlagsItemKind, GroupKind};
    struct Find(Option<usize>);
    impl ast::Visitor for Find {
        type Output = Option<usize>;
        type Err = ();
        fn finish(self) -> Result<Option<usize>, ()> {
            Ok(self.0)
        }
        fn visit_pre(&mut self, a: &Ast) -> Result<(), ()> {
            let flags = match a {
                Ast::Flags(f) => Some(&f.flags),
                Ast::Group(g) => match &g.kind {
                    GroupKind::NonCapturing(f) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            let mut negated = false;
            for item in flags.map_or(&[][..], |f| &f.items[..]) {
                match item.kind {
                    FlagsItemKind::Negation => negated = true,
                    FlagsItemKind::Flag(Flag::CaseInsensitive) if !negated => {
                        self.0.get_or_insert(item.span.start.offset);
                    }
                    _ => {}
                }
            }
            Ok(())
        }
    }
    let Ok(tree) = ast::parse::ParserBuilder::new().nest_limit(NEST_LIMIT).build().parse(pattern) else { return Ok(()) };
    match ast::visit(&tree, Find(None)) {
        Ok(Some(offset)) => {
            let why = "`(?i)` is not available here: ask for a case-insensitive pattern in its options instead";
            Err((Some(pattern[..offset].encode_utf16().count()), why.to_owned()))
        }
        _ => Ok(()),
    }
}

/// A readable message for a refused pattern, and the position of a syntax error.
fn describe(pattern: &str, e: regex::Error) -> (Option<usize>, String) {
    match e {
        regex::Error::CompiledTooBig(limit) => (
            None,
            format!("the pattern is too large once compiled (over {} KiB); use smaller repetition counts", limit / 1024),
        ),
        regex::Error::Syntax(text) => syntax_error(pattern).unwrap_or((None, text)),
        other => (None, other.to_string()),
    }
}

/// The fault and its position, from the parser `regex` uses: its error
/// carries the byte span, where `regex`'s own carries only a drawing.
fn syntax_error(pattern: &str) -> Option<(Option<usize>, String)> {
    let e = regex_syntax::ParserBuilder::new().nest_limit(NEST_LIMIT).build().parse(pattern).err()?;
    let (offset, why) = match &e {
        regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string()),
        regex_syntax::Error::Translate(e) => (e.span().start.offset, translate_error(e.kind())),
        _ => return None,
    };
    Some((Some(pattern[..offset].encode_utf16().count()), why))
}

/// Errors that come from what the engine leaves out, said so.
fn translate_error(kind: &regex_syntax::hir::ErrorKind) -> String {
    use regex_syntax::hir::ErrorKind::*;
    match kind {
        UnicodeCaseUnavailable => "`(?i)` is not available here: ask for a case-insensitive pattern in its options instead".to_owned(),
        UnicodePropertyNotFound | UnicodePropertyValueNotFound => {
            "Unicode property classes (`\\p{..}`) are not available here: use \\w, \\d, \\s, \\b or a class such as [a-zñáéíóú]".to_owned()
        }
        other => other.to_string(),
    }
}

fn named_groups(re: &Regex) -> Vec<(usize, String)> {
    re.capture_names().enumerate().filter_map(|(k, name)| name.map(|n| (k, n.to_owned()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(pattern: &str) -> &str {
        pattern
    }

    fn refused(pattern: &str) -> Error {
        Patterns::new(&[spec("ok"), spec(pattern)]).err().expect("refused")
    }

    #[test]
    fn finds_matches_with_named_groups() {
        let p = Patterns::new(&[spec(r"(?<a>x)|(?<b>y)"), spec(r"\d+")]).unwrap();
        assert_eq!(p.find_all("y 12 x"), [0, 0, 1, NO_GROUP, NO_GROUP, 0, 1, 0, 5, 6, 5, 6, NO_GROUP, NO_GROUP, 1, 2, 4]);
    }

    #[test]
    fn unicode_classes() {
        let p = Patterns::new(&[r"\bGONZÁLEZ\b"]).unwrap();
        assert_eq!(p.find_all("Dijo GONZÁLEZ."), [0, 5, 14]);
        assert!(Patterns::new(&["(?i)á"]).is_err());
        assert!(Patterns::new(&["a(?-i:b)"]).is_ok());
        assert_eq!(Patterns::new(&["x(?si:y)"]).err().unwrap().position, Some(4));
        let words = Patterns::new(&[spec(r"\w+")]).unwrap();
        assert_eq!(words.find_all("año"), [0, 0, 4]);
    }

    #[test]
    fn empty_matches_are_dropped() {
        let p = Patterns::new(&[spec(r"a*")]).unwrap();
        assert_eq!(p.find_all("baab"), [0, 1, 3]);
    }

    #[test]
    fn syntax_errors_give_the_position() {
        let e = refused(r"Expediente (\d+");
        assert_eq!((e.index, e.position), (Some(1), Some(11)), "{e:?}");
        assert!(e.message.contains("unclosed group"), "{}", e.message);
        let e = refused(r"ñé(x");
        assert_eq!(e.position, Some(2), "{e:?}");
    }

    #[test]
    fn limits_are_refused() {
        assert!(refused(r"\w{1000}{1000}").message.contains("too large"));
        assert!(refused(&"a".repeat(MAX_PATTERN_BYTES + 1)).message.contains("maximum is 1024"));
        assert!(refused(&format!("{}a{}", "(".repeat(100), ")".repeat(100))).message.contains("nest"));
        assert!(refused("").message.contains("empty"));
        assert!(refused(r"\p{Greek}").message.contains("not available"));
        let many = vec![spec("a"); MAX_PATTERNS + 1];
        assert!(Patterns::new(&many).err().unwrap().message.contains("too many patterns"));
    }
}
