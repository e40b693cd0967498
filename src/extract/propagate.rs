//! Label propagation: a name the tagger found once is a name wherever the
//! text writes it with the same tokens. The tagger decides each occurrence
//! from its context, and a context it has not learned ("escribe POLITICO.")
//! can hide a name that the same article tags twice elsewhere; Ratinov and
//! Roth (2009) describe this kind of document-level consistency step.

use crate::ner::{Label, Mention};
use crate::tokenize::Token;
use rustc_hash::FxHashMap;

/// Longest name, in tokens, that is carried to other occurrences.
const MAX_TOKENS: usize = 5;
/// Forms compared at one token: a hostile text with thousands of names
/// sharing a first word keeps the scan linear.
const MAX_FORMS_PER_WORD: usize = 8;

/// Whether a mention of these tokens may be carried: written as a name
/// (its first letter a capital), two letters at least, a few tokens at most.
fn carried(words: &[&str]) -> bool {
    let letters: usize = words.iter().map(|w| w.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    (1..=MAX_TOKENS).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && letters >= 2
}

/// Each carried form (its token texts) with the label most of its mentions
/// have, the first one's on a tie.
fn labels_by_form<'t>(text: &'t str, tokens: &[Token], mentions: &[Mention]) -> FxHashMap<Vec<&'t str>, Label> {
    let mut votes: FxHashMap<Vec<&str>, ([u32; 4], Label)> = FxHashMap::default();
    for m in mentions {
        let Some(ts) = tokens.get(m.tokens.clone()) else { continue };
        let words: Vec<&str> = ts.iter().map(|t| t.text(text)).collect();
        if carried(&words) {
            votes.entry(words).or_insert(([0; 4], m.label)).0[m.label as usize] += 1;
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

/// Adds a mention for every run of tokens that spells a found name and that
/// no mention covers. `mentions` are sorted by their first token; the result is too.
pub fn propagate(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> Vec<Mention> {
    let labels = labels_by_form(text, tokens, &mentions);
    if labels.is_empty() {
        return mentions;
    }
    // First token → the forms that begin with it, longest first.
    let mut by_first: FxHashMap<&str, Vec<(Vec<&str>, Label)>> = FxHashMap::default();
    for (form, label) in labels {
        by_first.entry(form[0]).or_default().push((form, label));
    }
    for forms in by_first.values_mut() {
        forms.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        forms.truncate(MAX_FORMS_PER_WORD);
    }
    let mut out = Vec::with_capacity(mentions.len());
    let mut pending = mentions.into_iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(m) = pending.next_if(|m| m.tokens.start <= i) {
            i = i.max(m.tokens.end);
            out.push(m);
            continue;
        }
        let limit = pending.peek().map_or(tokens.len(), |m| m.tokens.start);
        let matches = |form: &[&str]| {
            i + form.len() <= limit && form.iter().zip(&tokens[i..]).all(|(w, t)| t.text(text) == *w)
        };
        let found = by_first.get(tokens[i].text(text)).and_then(|forms| forms.iter().find(|(f, _)| matches(f)));
        match found {
            Some((form, label)) => {
                out.push(Mention { tokens: i..i + form.len(), label: *label });
                i += form.len();
            }
            None => i += 1,
        }
    }
    out.extend(pending);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::tokenize::tokenize;
    use Label::*;

    /// The mentions of `found` (each its text, which occurrence of it, and
    /// its label) after propagation, as texts.
    fn run_nth(text: &str, found: &[(&str, usize, Label)]) -> Vec<(String, Label)> {
        let tokens = tokenize(text, Lang::Es);
        let mut mentions: Vec<Mention> = found
            .iter()
            .map(|&(f, nth, label)| {
                let s = text.match_indices(f).nth(nth).unwrap().0;
                let a = tokens.iter().position(|t| t.start == s).unwrap();
                let b = tokens.iter().position(|t| t.end == s + f.len()).unwrap();
                Mention { tokens: a..b + 1, label }
            })
            .collect();
        mentions.sort_by_key(|m| m.tokens.start);
        propagate(text, &tokens, mentions)
            .into_iter()
            .map(|m| (text[tokens[m.tokens.start].start..tokens[m.tokens.end - 1].end].to_string(), m.label))
            .collect()
    }

    fn run(text: &str, found: &[(&str, Label)]) -> Vec<(String, Label)> {
        run_nth(text, &found.iter().map(|&(f, l)| (f, 0, l)).collect::<Vec<_>>())
    }

    #[test]
    fn a_name_found_once_is_found_everywhere() {
        let got = run("Según POLITICO, la reunión fue secreta, escribe POLITICO.", &[("POLITICO", Org)]);
        assert_eq!(got, vec![("POLITICO".into(), Org), ("POLITICO".into(), Org)]);
    }

    #[test]
    fn only_whole_tokens_and_never_inside_a_mention() {
        let got = run("Klaar habló. Klaarson no, #Klaar tampoco. Toivo Klaar sí.", &[("Klaar", Per), ("Toivo Klaar", Per)]);
        assert_eq!(got, vec![("Klaar".into(), Per), ("Toivo Klaar".into(), Per)]);
        let got = run("UU dijo. En EE.UU. no.", &[("UU", Org)]);
        assert_eq!(got, vec![("UU".into(), Org)]);
    }

    #[test]
    fn the_majority_label_and_the_longest_form_win() {
        let text = "Georgia votó. Georgia habló. Georgia ganó. Georgia Tech ganó. Georgia Tech y Georgia.";
        let got = run_nth(text, &[("Georgia", 0, Loc), ("Georgia", 1, Per), ("Georgia", 2, Loc), ("Georgia Tech", 0, Org)]);
        let labels: Vec<(&str, Label)> = got.iter().map(|(t, l)| (t.as_str(), *l)).collect();
        assert_eq!(
            labels,
            [("Georgia", Loc), ("Georgia", Per), ("Georgia", Loc), ("Georgia Tech", Org), ("Georgia Tech", Org), ("Georgia", Loc)]
        );
    }

    #[test]
    fn lower_case_words_are_not_carried() {
        let got = run("el pacto y el Pacto", &[("pacto", Misc)]);
        assert_eq!(got, vec![("pacto".into(), Misc)]);
    }
}
