//! Safe HTML rendering: the input is escaped character by character and the
//! only markup added is our own `<mark>` elements, so no input can inject HTML.

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

/// Renders `text` as HTML with `marks` wrapped in `<mark>` elements.
///
/// Marks are sorted by start; a mark that starts inside another is nested in
/// it, clipped to its parent's end so that the output is always well formed.
/// Mark boundaries must be char boundaries of `text` within its length.
///
/// ```
/// use lupa::highlight::{render, Mark};
/// let marks = [Mark { start: 0, end: 5, class: "PER".into(), data: vec![("label", "PER".into())] }];
/// assert_eq!(render("Putin & co", &marks, "lupa-"),
///            "<mark class=\"lupa-PER\" data-label=\"PER\">Putin</mark> &amp; co");
/// ```
pub fn render(text: &str, marks: &[Mark], class_prefix: &str) -> String {
    let mut order: Vec<&Mark> = marks.iter().filter(|m| m.start < m.end && m.end <= text.len()).collect();
    order.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(text.len() + text.len() / 4 + marks.len() * 48);
    let mut open: Vec<usize> = Vec::new(); // ends of the open marks, innermost last
    let mut pos = 0;
    for m in order {
        close_until(text, &mut out, &mut open, &mut pos, m.start);
        let start = m.start.max(pos);
        let end = open.last().map_or(m.end, |&parent| m.end.min(parent));
        if start >= end {
            continue;
        }
        escape_into(&mut out, &text[pos..start]);
        pos = start;
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
        open.push(end);
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
