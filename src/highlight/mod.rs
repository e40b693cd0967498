//! Safe HTML rendering: the input is escaped character by character and the
//! only markup added is our own `<mark>` elements, so no input can inject HTML.

pub mod plan;
pub mod terms;

use std::fmt::Write;

/// One span to wrap in a `<mark>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// The class suffix, appended to the class prefix: `PER` gives `lupa-PER`.
    pub class: String,
    /// `data-*` attributes: names without the `data-` prefix, values unescaped.
    pub data: Vec<(&'static str, String)>,
}

/// Escapes text for use in HTML content and in double-quoted attributes.
///
/// ```
/// let mut out = String::new();
/// lupa::highlight::escape_into(&mut out, "<img src=x onerror=\"alert(1)\">&'");
/// assert_eq!(out, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // NUL is replaced by parsers; a character reference keeps it visible and reversible.
            b'\0' => "&#0;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Whether `prefix` is safe and valid as the start of a CSS class name.
pub fn is_valid_class_prefix(prefix: &str) -> bool {
    prefix.len() <= 64 && prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A mark placed in the nesting: its range, clipped to its parent's, and
/// its index in the marks given to [`nest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nested {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// Orders and clips ranges so that they nest like elements: sorted by start,
/// the longer first (ties keep their given order, so list the outer layer
/// first); a range that starts inside another is its child, clipped to its
/// end. Empty ranges and ranges past `len` are dropped. Any two results are
/// either disjoint or one contains the other, and they come in document order.
///
/// ```
/// use lupa::highlight::{nest, Nested};
/// let n = nest(&[(2, 7), (0, 14), (8, 18), (3, 3)], 20);
/// assert_eq!(n, [Nested { start: 0, end: 14, index: 1 }, Nested { start: 2, end: 7, index: 0 },
///                Nested { start: 8, end: 14, index: 2 }]);
/// ```
pub fn nest(ranges: &[(usize, usize)], len: usize) -> Vec<Nested> {
    let mut order: Vec<usize> = (0..ranges.len()).filter(|&i| ranges[i].0 < ranges[i].1 && ranges[i].1 <= len).collect();
    order.sort_by(|&a, &b| ranges[a].0.cmp(&ranges[b].0).then(ranges[b].1.cmp(&ranges[a].1)));
    let mut out: Vec<Nested> = Vec::with_capacity(order.len());
    let mut open: Vec<usize> = Vec::new(); // the open ranges' ends, innermost last
    let mut pos = 0;
    for index in order {
        let (s, e) = ranges[index];
        while let Some(&end) = open.last() {
            if end > s {
                break;
            }
            pos = end;
            open.pop();
        }
        let start = s.max(pos);
        let end = open.last().map_or(e, |&parent| e.min(parent));
        if start >= end {
            continue;
        }
        pos = start;
        out.push(Nested { start, end, index });
        open.push(end);
    }
    out
}

/// Renders `text` as HTML with `marks` wrapped in `<mark>` elements, nested
/// as [`nest`] orders them, so that the output is always well formed.
/// Mark boundaries must be char boundaries of `text` within its length.
///
/// ```
/// use lupa::highlight::{render, Mark};
/// let marks = [Mark { start: 0, end: 5, class: "PER".into(), data: vec![("label", "PER".into())] }];
/// assert_eq!(render("Putin & co", &marks, "lupa-"),
///            "<mark class=\"lupa-PER\" data-label=\"PER\">Putin</mark> &amp; co");
/// ```
pub fn render(text: &str, marks: &[Mark], class_prefix: &str) -> String {
    let ranges: Vec<(usize, usize)> = marks.iter().map(|m| (m.start, m.end)).collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4 + marks.len() * 48);
    let mut open: Vec<usize> = Vec::new(); // ends of the open marks, innermost last
    let mut pos = 0;
    for n in nest(&ranges, text.len()) {
        close_until(text, &mut out, &mut open, &mut pos, n.start);
        escape_into(&mut out, &text[pos..n.start]);
        pos = n.start;
        let m = &marks[n.index];
        out.push_str("<mark class=\"");
        escape_into(&mut out, class_prefix);
        escape_into(&mut out, &m.class);
        out.push('"');
        for (name, value) in &m.data {
            let _ = write!(out, " data-{name}=\"");
            escape_into(&mut out, value);
            out.push('"');
        }
        out.push('>');
        open.push(n.end);
    }
    close_until(text, &mut out, &mut open, &mut pos, text.len());
    escape_into(&mut out, &text[pos..]);
    out
}

/// Writes text up to each open mark's end that comes at or before `limit`, closing it.
fn close_until(text: &str, out: &mut String, open: &mut Vec<usize>, pos: &mut usize, limit: usize) {
    while let Some(&end) = open.last() {
        if end > limit {
            break;
        }
        escape_into(out, &text[*pos..end]);
        *pos = end;
        out.push_str("</mark>");
        open.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str) -> Mark {
        Mark { start, end, class: class.into(), data: vec![] }
    }

    #[test]
    fn nests_and_clips() {
        let text = "«Putin dijo» hoy";
        // The quote contains the entity; a crossing span is clipped to its parent.
        let marks = [mark(0, 14, "QUOTE"), mark(2, 7, "PER"), mark(8, 18, "X")];
        assert_eq!(
            render(text, &marks, "l-"),
            "<mark class=\"l-QUOTE\">«<mark class=\"l-PER\">Putin</mark> <mark class=\"l-X\">dijo»</mark></mark> hoy"
        );
    }

    #[test]
    fn escapes_everything_including_attributes() {
        let marks = [Mark { start: 0, end: 1, class: "\"><x".into(), data: vec![("id", "\"><script>".into())] }];
        let html = render("<", &marks, "p");
        assert_eq!(html, "<mark class=\"p&quot;&gt;&lt;x\" data-id=\"&quot;&gt;&lt;script&gt;\">&lt;</mark>");
    }

    #[test]
    fn ignores_empty_and_out_of_range_marks() {
        assert_eq!(render("ab", &[mark(1, 1, "A"), mark(1, 9, "B")], ""), "ab");
    }

    #[test]
    fn class_prefixes() {
        assert!(is_valid_class_prefix("lupa-"));
        assert!(is_valid_class_prefix(""));
        assert!(!is_valid_class_prefix("a b"));
        assert!(!is_valid_class_prefix("a\"b"));
    }
}
