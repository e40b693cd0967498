//! Groups entity mentions into entities: "Vladimir Putin" and a later
//! "Putin", "Unión Europea" and "UE", share an id; each entity's canonical
//! name is its longest mention.

use super::Entity;
use crate::lang::Lang;
use crate::ner::Label;
use crate::text::fold::fold;

struct Group {
    label: Label,
    /// The folded words of every mention seen so far.
    forms: Vec<Vec<String>>,
    canonical: (usize, usize),
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// "UE" for "Unión Europea", "eeuu" (from "EE.UU.") for "Estados Unidos":
/// the initials of the content words, doubled for Spanish plural acronyms.
fn acronyms(form: &[String], lang: Lang) -> [String; 2] {
    let initials: String = form
        .iter()
        .filter(|w| !lang.data().is_stop_word(w))
        .filter_map(|w| w.chars().next())
        .collect();
    let doubled = initials.chars().flat_map(|c| [c, c]).collect();
    [initials, doubled]
}

/// The acronym a mention may be: one all-capitals word ("UE", "EE.UU.", "ONU").
fn as_acronym(mention: &str) -> Option<String> {
    let letters: String = mention.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=8).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then(|| fold(&letters))
}

/// Whether `short` occurs in `long` as a run of whole words touching one of its ends.
fn is_part(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    long.starts_with(short) || long.ends_with(short)
}

fn same(form: &[String], group: &Group, mention: &str, lang: Lang) -> bool {
    // Names shorten to their first or last words and lengthen back, as long as
    // every form seen agrees: "Ana Klaar" is not "Toivo Klaar", though both are "Klaar".
    if group.label == Label::Per {
        return group.forms.iter().all(|g| g == form || is_part(form, g) || is_part(g, form));
    }
    group.forms.iter().any(|g| {
        if g == form {
            return true;
        }
        // Acronyms, in either order of appearance.
        if let Some(a) = as_acronym(mention) {
            if g.len() >= 2 && acronyms(g, lang).contains(&a) {
                return true;
            }
        }
        g.len() == 1 && form.len() >= 2 && acronyms(form, lang).contains(&g[0])
    })
}

/// Assigns ids (in order of first mention) and canonical names to mentions,
/// given as byte spans sorted by start.
pub fn group(text: &str, mentions: &[(usize, usize, Label)], lang: Lang) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut ids = Vec::with_capacity(mentions.len());
    for &(start, end, label) in mentions {
        let mention = &text[start..end];
        let form = words(mention);
        // The most recent matching entity wins: "Klaar" is the Klaar last mentioned.
        let found = groups.iter().rposition(|g| g.label == label && same(&form, g, mention, lang));
        let id = match found {
            Some(id) => {
                let g = &mut groups[id];
                let (cs, ce) = g.canonical;
                if text[start..end].chars().count() > text[cs..ce].chars().count() {
                    g.canonical = (start, end);
                }
                if !g.forms.contains(&form) {
                    g.forms.push(form);
                }
                id
            }
            None => {
                groups.push(Group { label, forms: vec![form], canonical: (start, end) });
                groups.len() - 1
            }
        };
        ids.push(id);
    }
    mentions
        .iter()
        .zip(ids)
        .map(|(&(start, end, label), id)| {
            let (cs, ce) = groups[id].canonical;
            Entity { start, end, label, id, canonical: text[cs..ce].to_owned() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, names: &[(&str, Label)]) -> Vec<(String, usize, String)> {
        let mut from = 0;
        let mentions: Vec<_> = names
            .iter()
            .map(|(n, l)| {
                let s = from + text[from..].find(n).unwrap();
                from = s + n.len();
                (s, s + n.len(), *l)
            })
            .collect();
        group(text, &mentions, Lang::Es)
            .into_iter()
            .map(|e| (text[e.start..e.end].to_owned(), e.id, e.canonical))
            .collect()
    }

    #[test]
    fn surnames_join_full_names() {
        let text = "Vladimir Putin y Toivo Klaar. Luego Putin habló con Klaar y con Ana Klaar.";
        let got = run(text, &[
            ("Vladimir Putin", Label::Per),
            ("Toivo Klaar", Label::Per),
            ("Putin", Label::Per),
            ("Klaar", Label::Per),
            ("Ana Klaar", Label::Per),
        ]);
        let ids: Vec<usize> = got.iter().map(|g| g.1).collect();
        assert_eq!(ids, [0, 1, 0, 1, 2]);
        assert_eq!(got[2].2, "Vladimir Putin");
    }

    #[test]
    fn acronyms_join_their_long_form_either_way() {
        let text = "La UE y la Unión Europea; Estados Unidos, o sea EE.UU.; la ONU.";
        let got = run(text, &[
            ("UE", Label::Org),
            ("Unión Europea", Label::Org),
            ("Estados Unidos", Label::Loc),
            ("EE.UU.", Label::Loc),
            ("ONU", Label::Org),
        ]);
        let ids: Vec<usize> = got.iter().map(|g| g.1).collect();
        assert_eq!(ids, [0, 0, 1, 1, 2]);
        assert_eq!(got[0].2, "Unión Europea");
        assert_eq!(got[3].2, "Estados Unidos");
    }

    #[test]
    fn labels_keep_entities_apart() {
        let text = "Washington (LOC) y Washington (PER)";
        let got = run(text, &[("Washington", Label::Loc), ("Washington", Label::Per)]);
        assert_eq!(got[0].1, 0);
        assert_eq!(got[1].1, 1);
    }
}
