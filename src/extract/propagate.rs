//! Label propagation: a name the tagger found once is a name wherever the
//! article writes it the same way. The tagger decides each occurrence from
//! its context, and a context it has not learned ("escribe POLITICO.") can
//! hide a name that the same article tags twice elsewhere; Ratinov and Roth
//! (2009) describe this kind of document-level consistency step.

use crate::ner::Label;
use rustc_hash::FxHashMap;

/// Longest name, in words, that is carried to other occurrences.
const MAX_WORDS: usize = 5;
/// Names carried per article; a hostile text with thousands of distinct
/// names keeps the scan linear (each occurrence compares at most this many).
const MAX_FORMS_PER_WORD: usize = 8;

/// Whether `form` may be carried: written as a name (its first letter a
/// capital), at least two letters, a few words at most.
fn carried(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
        && form.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && form.split_whitespace().count() <= MAX_WORDS
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The label most mentions of each exact form have (the first one's on a tie).
fn labels_by_form<'t>(text: &'t str, mentions: &[(usize, usize, Label)]) -> FxHashMap<&'t str, Label> {
    let mut votes: FxHashMap<&str, ([u32; 4], Label)> = FxHashMap::default();
    for &(s, e, l) in mentions {
        let form = &text[s..e];
        if carried(form) {
            votes.entry(form).or_insert(([0; 4], l)).0[l as usize] += 1;
        }
    }
    votes
        .into_iter()
        .map(|(f, (counts, first))| {
            let best = Label::ALL.into_iter().max_by_key(|l| (counts[*l as usize], *l == first)).unwrap_or(first);
            (f, best)
        })
        .collect()
}

/// Adds a mention for every occurrence of a found name, whole words only,
/// that no mention covers yet. `mentions` are byte spans sorted by start;
/// the result is too.
pub fn propagate(text: &str, mentions: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
    let labels = labels_by_form(text, mentions);
    if labels.is_empty() {
        return mentions.to_vec();
    }
    // First word → the forms that begin with it, longest first.
    let mut by_first: FxHashMap<&str, Vec<(&str, Label)>> = FxHashMap::default();
    for (&form, &label) in &labels {
        let first = form.split(|c: char| !is_word_char(c)).next().unwrap_or(form);
        by_first.entry(first).or_default().push((form, label));
    }
    for forms in by_first.values_mut() {
        forms.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        forms.truncate(MAX_FORMS_PER_WORD);
    }
    let mut out = Vec::with_capacity(mentions.len());
    let mut next = 0; // the first mention not yet copied to `out`
    let mut covered = 0; // bytes before this are inside a mention
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts_word = is_word_char(c) && !prev.is_some_and(is_word_char);
        prev = Some(c);
        while next < mentions.len() && mentions[next].0 <= i {
            covered = covered.max(mentions[next].1);
            out.push(mentions[next]);
            next += 1;
        }
        if !starts_word || i < covered {
            continue;
        }
        let rest = &text[i..];
        let word_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        let Some(forms) = by_first.get(&rest[..word_end]) else {
            continue;
        };
        let limit = mentions.get(next).map_or(text.len(), |m| m.0);
        let found = forms.iter().find(|(form, _)| {
            let end = i + form.len();
            rest.starts_with(form) && end <= limit && !text[end..].chars().next().is_some_and(is_word_char)
        });
        if let Some(&(form, label)) = found {
            out.push((i, i + form.len(), label));
            covered = i + form.len();
        }
    }
    out.extend_from_slice(&mentions[next..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    fn spans(text: &str, found: &[(&str, Label)]) -> Vec<(usize, usize, Label)> {
        found
            .iter()
            .map(|&(f, l)| {
                let s = text.find(f).unwrap();
                (s, s + f.len(), l)
            })
            .collect()
    }

    #[test]
    fn a_name_found_once_is_found_everywhere() {
        let text = "Según POLITICO, la reunión fue secreta, escribe POLITICO.";
        let got = propagate(text, &spans(text, &[("POLITICO", Org)]));
        let (s1, s2) = (text.find("POLITICO").unwrap(), text.rfind("POLITICO").unwrap());
        assert_eq!(got, vec![(s1, s1 + 8, Org), (s2, s2 + 8, Org)]);
    }

    #[test]
    fn only_whole_words_and_never_inside_a_mention() {
        let text = "Klaar habló. Klaarson no. Toivo Klaar sí.";
        let s = text.find("Toivo").unwrap();
        let got = propagate(text, &[(0, 5, Per), (s, s + 11, Per)]);
        assert_eq!(got, vec![(0, 5, Per), (s, s + 11, Per)]);
    }

    #[test]
    fn the_majority_label_and_the_longest_form_win() {
        let text = "Georgia votó. Georgia habló. Georgia Tech ganó. Georgia.";
        let a = text.find("Georgia habló").unwrap();
        let t = text.find("Georgia Tech").unwrap();
        let got = propagate(text, &[(0, 7, Loc), (a, a + 7, Loc), (t, t + 12, Org)]);
        let last = text.rfind("Georgia").unwrap();
        assert_eq!(got.last(), Some(&(last, last + 7, Loc)));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn lower_case_words_are_not_carried() {
        let text = "el pacto y el Pacto";
        let s = text.find("Pacto").unwrap();
        assert_eq!(propagate(text, &[(s, s + 5, Misc)]), vec![(s, s + 5, Misc)]);
    }
}
