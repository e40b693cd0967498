//! What `highlight` and `highlightElement` mark: the spans of the layers
//! asked for, in nesting order, each with the `data-*` attributes of its mark.

use crate::extract;
use crate::extract::patterns::Patterns;
use crate::lang::Lang;
use crate::ner::Label;
use crate::tokenize;
use serde::Serialize;

/// What a highlighted span is: an entity label or a layer. The class of its
/// mark is the class prefix and this: `lupa-PER`, `lupa-date`.
#[allow(clippy::upper_case_acronyms, non_camel_case_types)]
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum MarkLabel {
    PER,
    ORG,
    LOC,
    MISC,
    date,
    quantity,
    quote,
    term,
    pattern,
}

impl MarkLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            MarkLabel::PER => "PER",
            MarkLabel::ORG => "ORG",
            MarkLabel::LOC => "LOC",
            MarkLabel::MISC => "MISC",
            MarkLabel::date => "date",
            MarkLabel::quantity => "quantity",
            MarkLabel::quote => "quote",
            MarkLabel::term => "term",
            MarkLabel::pattern => "pattern",
        }
    }

    /// Among marks with the same extent, which goes outside: a quote around
    /// an entity around a date, quantity or term.
    pub fn rank(self) -> u8 {
        match self {
            MarkLabel::quote => 0,
            MarkLabel::PER | MarkLabel::ORG | MarkLabel::LOC | MarkLabel::MISC => 1,
            MarkLabel::date => 2,
            MarkLabel::quantity => 3,
            MarkLabel::term => 4,
            MarkLabel::pattern => 5,
        }
    }
}

impl From<Label> for MarkLabel {
    fn from(l: Label) -> Self {
        match l {
            Label::Per => MarkLabel::PER,
            Label::Org => MarkLabel::ORG,
            Label::Loc => MarkLabel::LOC,
            Label::Misc => MarkLabel::MISC,
        }
    }
}

/// A highlighted span, as `highlightElement` reports it; its fields are the
/// `data-*` attributes of its `<mark>` in `highlight`'s HTML.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Marked {
    pub text: String,
    pub label: MarkLabel,
    /// The entity id; mentions of one entity share it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub id: Option<u32>,
    /// The normalised value: ISO 8601 for dates (`2023-09-17`, `P9M`, `2023-05-03/2023-05-05`
    /// for ranges), the number for quantities (`1500000`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub value: Option<String>,
    /// The date kind (`date`, `time`, `duration`, `set`) or quantity kind (`money`, `percent`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<String>,
    /// The unit or counted noun of a quantity: "km".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub unit: Option<String>,
    /// ISO 4217 code of an amount of money: "EUR".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub currency: Option<String>,
    /// Who is quoted, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub speaker: Option<String>,
    /// The search term a term match matched, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub term: Option<String>,
    /// The name of the pattern a pattern match matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pattern: Option<String>,
    /// A scare quote: a short quote with no cue, irony rather than speech.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub scare: bool,
}

impl Marked {
    /// A span's description, without its text (see [`Annotation`]).
    pub fn new(label: MarkLabel) -> Marked {
        Marked {
            text: String::new(),
            label,
            id: None,
            value: None,
            kind: None,
            unit: None,
            currency: None,
            speaker: None,
            term: None,
            pattern: None,
            scare: false,
        }
    }

    /// The `data-*` attributes of this span's marks, `label` first.
    pub fn data(&self) -> Vec<(&'static str, String)> {
        let mut data = vec![("label", self.label.as_str().to_owned())];
        data.extend(self.id.map(|id| ("id", id.to_string())));
        let optional = [
            ("value", &self.value),
            ("kind", &self.kind),
            ("unit", &self.unit),
            ("currency", &self.currency),
            ("speaker", &self.speaker),
            ("term", &self.term),
            ("pattern", &self.pattern),
        ];
        data.extend(optional.into_iter().filter_map(|(name, v)| v.clone().map(|v| (name, v))));
        if self.scare {
            data.push(("scare", "true".to_owned()));
        }
        data
    }
}

/// One span to highlight: a byte range of the text and what it is. Its
/// `marked.text` is left empty: copying the text of every span would be
/// quadratic for nested quotes, and the HTML renderer has no use for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub marked: Marked,
}

/// What to mark, from checked options.
pub struct Plan {
    pub class_prefix: String,
    /// The entity labels to mark.
    pub labels: Vec<Label>,
    pub options: extract::Options,
    pub terms: Vec<String>,
    pub stem: bool,
    /// The caller's patterns, compiled.
    pub patterns: Option<Patterns>,
}

/// The spans to highlight in `text`, in document order: by start, and at one
/// start the longer first, then quotes, entities, dates, quantities, terms, patterns.
/// That is also the nesting order: an earlier span contains a later one that
/// starts inside it.
pub fn annotate(text: &str, plan: &Plan) -> Vec<Annotation> {
    let x = extract::extract(text, &plan.options);
    let mut out = Vec::new();
    let mut add = |start: usize, end: usize, marked: Marked| out.push(Annotation { start, end, marked });
    for q in &x.quotes {
        let mut m = Marked::new(MarkLabel::quote);
        m.speaker = q.speaker.as_ref().map(|s| text[s.start..s.end].to_owned());
        m.scare = q.scare;
        add(q.start, q.end, m);
    }
    for e in &x.entities {
        let label = MarkLabel::from(e.label);
        if plan.labels.contains(&e.label) {
            let mut m = Marked::new(label);
            m.id = Some(e.id as u32);
            add(e.start, e.end, m);
        }
    }
    for d in &x.dates {
        let mut m = Marked::new(MarkLabel::date);
        m.value = d.value.as_ref().map(|v| match &d.end_value {
            Some(end) => format!("{v}/{end}"),
            None => v.clone(),
        });
        m.kind = Some(d.kind.as_str().to_owned());
        add(d.start, d.end, m);
    }
    for q in &x.quantities {
        let mut m = Marked::new(MarkLabel::quantity);
        m.value = Some(q.value.to_string());
        m.kind = Some(q.kind.as_str().to_owned());
        m.unit = q.unit.clone();
        m.currency = q.currency.map(str::to_owned);
        add(q.start, q.end, m);
    }
    if !plan.terms.is_empty() {
        let lang = x.lang.unwrap_or(Lang::Es);
        let terms = super::terms::Terms::new(&plan.terms, lang, plan.stem);
        for t in terms.find(text, &tokenize::tokenize(text, lang)) {
            let mut m = Marked::new(MarkLabel::term);
            m.term = Some(plan.terms[t.term].clone());
            add(t.start, t.end, m);
        }
    }
    if let Some(patterns) = &plan.patterns {
        for p in patterns.find(text) {
            let mut m = Marked::new(MarkLabel::pattern);
            m.pattern = Some(patterns.specs()[p.pattern].name.clone());
            let (start, end) = whole_line_breaks(text, p.start, p.end);
            add(start, end, m);
        }
    }
    out.sort_by(|a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.marked.label.rank().cmp(&b.marked.label.rank()))
    });
    out
}

/// A span widened so that no end falls inside a "\r\n": an HTML parser reads
/// "\r</mark>\n" as two line breaks. The other layers' spans are whole tokens
/// and never do; a pattern's may.
fn whole_line_breaks(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let splits = |k: usize| k > 0 && k < b.len() && b[k - 1] == b'\r' && b[k] == b'\n';
    (if splits(start) { start - 1 } else { start }, if splits(end) { end + 1 } else { end })
}
