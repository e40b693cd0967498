//! The caller's own patterns: regular expressions run by a pattern engine
//! that lives outside the core (the `lupa-patterns` crate; in the browser, a
//! wasm module of its own, fetched only by pages that use patterns), over
//! the text as it is, lower-cased, or search-folded, with every match mapped
//! back to a byte span of the original.

use crate::text::fold::{lower_char, search_char, Mapped};

/// One pattern, as the caller gives it.
#[derive(Clone, Debug)]
pub struct PatternSpec {
    /// What the matches are called: `data-pattern` in highlights.
    pub name: String,
    /// A regular expression in the syntax of Rust's `regex` crate.
    pub pattern: String,
    pub case_insensitive: bool,
    /// Match through the search fold, so that "Gonzalez" finds "González"
    /// (and case is ignored, as for search terms).
    pub fold_accents: bool,
}

/// A pattern engine: compiles patterns, then finds them in texts.
pub trait Engine {
    fn compile(&self, patterns: &[String]) -> Result<Box<dyn Compiled>, EngineError>;
}

/// Patterns compiled by an [`Engine`].
pub trait Compiled {
    /// The names of pattern `i`'s named groups, in the order [`Compiled::find`] gives them.
    fn group_names(&self, i: usize) -> Vec<String>;
    /// Every match, flat: `[pattern, start, end]` and then, for each named
    /// group of that pattern, `[start, end]` (`u32::MAX` twice when it did
    /// not take part); UTF-8 byte offsets into `text`.
    fn find(&self, text: &str) -> Vec<u32>;
}

/// Why an engine refused a pattern, or could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    /// The refused pattern, when there is one.
    pub index: Option<usize>,
    /// The UTF-16 position of a syntax error in the pattern given to the engine.
    pub position: Option<usize>,
    pub message: String,
}

/// The longest pattern name, in ASCII characters (names go into `data-pattern` and CSS selectors).
pub const MAX_NAME_CHARS: usize = 64;

/// A match of one pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index into the specs.
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    /// The named groups that took part: name and byte span.
    pub groups: Vec<(String, usize, usize)>,
}

/// How one set of patterns sees the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    Exact,
    Lower,
    Folded,
}

impl View {
    fn of(spec: &PatternSpec) -> View {
        if spec.fold_accents {
            View::Folded
        } else if spec.case_insensitive {
            View::Lower
        } else {
            View::Exact
        }
    }
}

/// Patterns checked and compiled, ready for any number of texts.
pub struct Patterns {
    specs: Vec<PatternSpec>,
    /// One compiled set per view in use, with the spec index of each of its patterns.
    sets: Vec<(View, Box<dyn Compiled>, Vec<usize>)>,
}

impl Patterns {
    /// Checks the names and compiles the patterns, before any text is read.
    /// The error names the pattern: ``pattern `case` (patterns[1]): …``.
    pub fn compile(specs: &[PatternSpec], engine: &dyn Engine) -> Result<Patterns, String> {
        check_names(specs)?;
        let mut sets = Vec::new();
        for view in [View::Exact, View::Lower, View::Folded] {
            let members: Vec<usize> = (0..specs.len()).filter(|&i| View::of(&specs[i]) == view).collect();
            if members.is_empty() {
                continue;
            }
            let patterns: Vec<String> = members.iter().map(|&i| engine_pattern(&specs[i].pattern, view).0).collect();
            let compiled = engine.compile(&patterns).map_err(|e| describe(specs, &members, e))?;
            sets.push((view, compiled, members));
        }
        Ok(Patterns { specs: specs.to_vec(), sets })
    }

    pub fn specs(&self) -> &[PatternSpec] {
        &self.specs
    }

    /// Every match in `text`, by start, then by pattern order.
    pub fn find(&self, text: &str) -> Vec<PatternMatch> {
        // Per pattern, its matches in document order (as the engine gives them).
        let mut each: Vec<Vec<PatternMatch>> = vec![Vec::new(); self.specs.len()];
        for (view, compiled, members) in &self.sets {
            let mapped = match view {
                View::Exact => None,
                View::Lower => Some(Mapped::new(text, lower_char)),
                View::Folded => Some(Mapped::new(text, search_char)),
            };
            let seen = mapped.as_ref().map_or(text, |m| m.text.as_str());
            let to_original = |s: u32, e: u32| match &mapped {
                None => (s as usize, e as usize),
                Some(m) => m.original(s as usize, e as usize),
            };
            let names: Vec<Vec<String>> = (0..members.len()).map(|i| compiled.group_names(i)).collect();
            decode(&compiled.find(seen), &names, |k, (start, end), groups| {
                let groups = groups.into_iter().map(|(name, s, e)| {
                    let (s, e) = to_original(s, e);
                    (name, s, e)
                });
                let (start, end) = to_original(start, end);
                each[members[k]].push(PatternMatch { pattern: members[k], start, end, groups: groups.collect() });
            });
        }
        merge(each)
    }
}

/// Lists in document order merged into one, by start and then list order: a
/// walk over the heads (at most 32, the engine's limit) per match, which costs less
/// code than a sort.
fn merge(lists: Vec<Vec<PatternMatch>>) -> Vec<PatternMatch> {
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut heads: Vec<std::iter::Peekable<std::vec::IntoIter<PatternMatch>>> =
        lists.into_iter().map(|l| l.into_iter().peekable()).collect();
    while let Some((_, k)) = heads.iter_mut().enumerate().filter_map(|(k, h)| h.peek().map(|m| (m.start, k))).min() {
        out.extend(heads[k].next());
    }
    out
}

/// Walks the engine's flat matches: for each, the pattern (among those
/// compiled together), its span, and the groups that took part. Stops at
/// anything malformed rather than trusting it.
fn decode(flat: &[u32], names: &[Vec<String>], mut each: impl FnMut(usize, (u32, u32), Vec<(String, u32, u32)>)) {
    let mut i = 0;
    while i + 3 <= flat.len() {
        let k = flat[i] as usize;
        let Some(groups) = names.get(k) else { return };
        let (start, end) = (flat[i + 1], flat[i + 2]);
        i += 3;
        if i + 2 * groups.len() > flat.len() || start > end {
            return;
        }
        let taken = groups
            .iter()
            .enumerate()
            .filter(|&(g, _)| flat[i + 2 * g] != u32::MAX)
            .map(|(g, name)| (name.clone(), flat[i + 2 * g], flat[i + 2 * g + 1]))
            .collect();
        i += 2 * groups.len();
        each(k, (start, end), taken);
    }
}

/// Names are what marks carry in `data-pattern` and what CSS selects on.
fn check_names(specs: &[PatternSpec]) -> Result<(), String> {
    for (i, spec) in specs.iter().enumerate() {
        let name = &spec.name;
        let ok = !name.is_empty()
            && name.len() <= MAX_NAME_CHARS
            && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
        if !ok {
            return Err(format!(
                "invalid option `patterns[{i}].name`: {name:?} must be 1 to {MAX_NAME_CHARS} ASCII letters, digits, '-' or '_'"
            ));
        }
        if let Some(j) = specs[..i].iter().position(|s| s.name == *name) {
            return Err(format!("invalid option `patterns[{i}].name`: {name:?} is also the name of patterns[{j}]"));
        }
    }
    Ok(())
}

fn describe(specs: &[PatternSpec], members: &[usize], e: EngineError) -> String {
    let Some(&i) = e.index.and_then(|k| members.get(k)) else {
        return format!("invalid option `patterns`: {}", e.message);
    };
    let spec = &specs[i];
    let message = match e.position {
        // The engine saw the lower-cased or folded pattern: the position in the caller's.
        Some(p) => {
            let view = View::of(spec);
            let origin = engine_pattern(&spec.pattern, view).1;
            let p = if view == View::Exact { p } else { origin.get(p).map_or(spec.pattern.encode_utf16().count(), |&o| o as usize) };
            format!("syntax error at position {p}: {}", e.message)
        }
        None => e.message,
    };
    format!("invalid pattern `{}` (patterns[{i}]): {message}", spec.name)
}

/// Where [`engine_pattern`] is in a pattern: what its next character is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lex {
    Text,
    /// After `\`.
    Escape,
    /// After `\p`, `\x`, `\u`: maybe a `{`.
    EscapeName,
    /// In the braces of `\p{..}` or `\x{..}`.
    Braces,
    /// After `(`: maybe a `?`.
    Open,
    /// In `(?flags` up to `:` or `)`, or `(?P` up to a name.
    Head,
    /// In a group name, up to `>`.
    Name,
}

/// The pattern as the engine gets it: for a lower-cased or folded view, its
/// letters lower-cased or folded too, except in escapes (`\D` is not `\d`),
/// group names and flags. With it, for each of its UTF-16 units, the UTF-16
/// position in `pattern` it came from (for the position of a syntax error;
/// empty for the exact view, where they are the same).
fn engine_pattern(pattern: &str, view: View) -> (String, Vec<u32>) {
    let fold: fn(char, &mut String) = match view {
        View::Exact => return (pattern.to_owned(), Vec::new()),
        View::Lower => lower_char,
        View::Folded => search_char,
    };
    let (mut out, mut origin) = (String::with_capacity(pattern.len()), Vec::new());
    let (mut lex, mut at) = (Lex::Text, 0);
    for c in pattern.chars() {
        let before = out.len();
        let open = lex == Lex::Open && c == '?';
        if lex == Lex::Open && !open {
            lex = Lex::Text;
        }
        let (next, verbatim) = match (lex, c) {
            (Lex::Text, '\\') => (Lex::Escape, true),
            (Lex::Text, '(') => (Lex::Open, true),
            (Lex::Text, _) => (Lex::Text, false),
            (Lex::Escape, 'p' | 'P' | 'x' | 'u' | 'U') => (Lex::EscapeName, true),
            (Lex::EscapeName, '{') => (Lex::Braces, true),
            (Lex::Escape | Lex::EscapeName, _) | (Lex::Braces, '}') | (Lex::Head, ':' | ')') | (Lex::Name, '>') => (Lex::Text, true),
            (Lex::Head, '<') => (Lex::Name, true),
            (Lex::Open, _) => (Lex::Head, true),
            (state, _) => (state, true),
        };
        if verbatim {
            out.push(c);
        } else {
            fold(c, &mut out);
        }
        origin.resize(origin.len() + out[before..].encode_utf16().count(), at);
        at += c.len_utf16() as u32;
        lex = next;
    }
    (out, origin)
}

/// An engine for builds without one: every pattern is refused with why.
pub struct NoEngine(pub &'static str);

impl Engine for NoEngine {
    fn compile(&self, _: &[String]) -> Result<Box<dyn Compiled>, EngineError> {
        Err(EngineError { index: None, position: None, message: self.0.to_owned() })
    }
}

/// The engine linked in: the `lupa-patterns` crate (the CLI, native builds
/// with the `patterns` feature).
#[cfg(feature = "patterns")]
pub struct Linked;

#[cfg(feature = "patterns")]
impl Engine for Linked {
    fn compile(&self, patterns: &[String]) -> Result<Box<dyn Compiled>, EngineError> {
        match lupa_patterns::Patterns::new(patterns) {
            Ok(p) => Ok(Box::new(p)),
            Err(e) => Err(EngineError { index: e.index, position: e.position, message: e.message }),
        }
    }
}

#[cfg(feature = "patterns")]
impl Compiled for lupa_patterns::Patterns {
    fn group_names(&self, i: usize) -> Vec<String> {
        lupa_patterns::Patterns::group_names(self, i).into_iter().map(str::to_owned).collect()
    }
    fn find(&self, text: &str) -> Vec<u32> {
        self.find_all(text)
    }
}

#[cfg(all(test, feature = "patterns"))]
mod tests {
    use super::*;

    fn spec(name: &str, pattern: &str, case_insensitive: bool, fold_accents: bool) -> PatternSpec {
        PatternSpec { name: name.into(), pattern: pattern.into(), case_insensitive, fold_accents }
    }

    fn found(text: &str, specs: &[PatternSpec]) -> Vec<(String, String, Vec<(String, String)>)> {
        let p = Patterns::compile(specs, &Linked).unwrap();
        p.find(text)
            .into_iter()
            .map(|m| {
                let groups = m.groups.iter().map(|(n, s, e)| (n.clone(), text[*s..*e].to_owned())).collect();
                (specs[m.pattern].name.clone(), text[m.start..m.end].to_owned(), groups)
            })
            .collect()
    }

    #[test]
    fn views_map_back_to_the_original() {
        let text = "GONZÁLEZ vio a Gonza\u{301}lez y a gonzález en la Straße.";
        let f = found(text, &[spec("g", "gonzalez", false, true), spec("s", r"strasse\b", false, true)]);
        let texts: Vec<&str> = f.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(texts, ["GONZÁLEZ", "Gonza\u{301}lez", "gonzález", "Straße"]);
        let ci = found(text, &[spec("g", r"GONZÁLEZ", true, false)]);
        assert_eq!(ci.iter().map(|m| m.1.as_str()).collect::<Vec<_>>(), ["GONZÁLEZ", "gonzález"]);
    }

    #[test]
    fn escapes_group_names_and_flags_keep_their_case() {
        assert_eq!(engine_pattern(r"(?<Num>\D\W\p{Lu}Á)(?U:X)(?P<Y>Z)\pL", View::Lower).0, r"(?<Num>\D\W\p{Lu}á)(?U:x)(?P<Y>z)\pL");
        assert_eq!(engine_pattern(r"[Á-Ú]ß\x{4F}(Q)", View::Folded), (r"[a-u]ss\x{4F}(q)".to_owned(), vec![0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]));
        let f = found("Expediente 12/2023", &[spec("exp", r"EXPEDIENTE (?<Num>\d+)/(?<Year>\d{4})", true, false)]);
        assert_eq!(f[0].2, [("Num".to_owned(), "12".to_owned()), ("Year".to_owned(), "2023".to_owned())]);
    }

    #[test]
    fn errors_name_the_pattern_and_the_position_in_it() {
        let e = Patterns::compile(&[spec("ok", "a", false, false), spec("caso", r"ÑÑ(\d+", true, false)], &Linked);
        let e = e.err().unwrap();
        assert_eq!(e, "invalid pattern `caso` (patterns[1]): syntax error at position 2: unclosed group");
        // "ß" is two characters once folded: the position is still the caller's.
        let e = Patterns::compile(&[spec("ss", r"ßß(\d+", false, true)], &Linked).err().unwrap();
        assert_eq!(e, "invalid pattern `ss` (patterns[0]): syntax error at position 2: unclosed group");
        let e = Patterns::compile(&[spec("a b", "a", false, false)], &Linked).err().unwrap();
        assert!(e.starts_with("invalid option `patterns[0].name`"), "{e}");
        let e = Patterns::compile(&[spec("a", "a", false, false), spec("a", "b", false, false)], &Linked).err().unwrap();
        assert!(e.contains("also the name of patterns[0]"), "{e}");
    }
}
