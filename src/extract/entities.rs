//! Groups entity mentions into entities: "Vladimir Putin" and a later
//! "Putin", "Unión Europea" and "UE", share an id; each entity's canonical
//! name is its longest mention.

use super::Entity;
use crate::lang::{Lang, PerLang};
use crate::ner::Label;
use crate::text::fold::fold;
use rustc_hash::{FxHashMap, FxHashSet};

struct Group {
    label: Label,
    /// The folded words of every mention seen so far (at most [`MAX_FORMS`]),
    /// with the acronyms each could stand for (none for names of people).
    forms: Vec<(Vec<String>, [String; 2])>,
    canonical: (usize, usize),
}

/// Bounds that keep grouping linear on hostile input (thousands of names
/// sharing a word, one entity under thousands of spellings); news text stays
/// far below them. A mention is compared with at most `MAX_CANDIDATES` of the
/// latest entities that share a word or an acronym with it, and an entity
/// keeps at most `MAX_FORMS` spellings.
const MAX_CANDIDATES: usize = 32;
const MAX_FORMS: usize = 16;

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

fn same(form: &[String], form_acronyms: &[String; 2], mention_acronym: Option<&str>, group: &Group) -> bool {
    // Names shorten to their first or last words and lengthen back, as long as
    // every form seen agrees: "Ana Klaar" is not "Toivo Klaar", though both are "Klaar".
    if group.label == Label::Per {
        return group.forms.iter().all(|(g, _)| g == form || is_part(form, g) || is_part(g, form));
    }
    group.forms.iter().any(|(g, g_acronyms)| {
        if g == form {
            return true;
        }
        // Acronyms, in either order of appearance.
        if let Some(a) = mention_acronym {
            if g.len() >= 2 && g_acronyms.iter().any(|x| x == a) {
                return true;
            }
        }
        g.len() == 1 && form.len() >= 2 && form_acronyms.contains(&g[0])
    })
}

/// Where to look for the entity a mention belongs to: entities by the first
/// and by the last word of their first form (names of people), by each of
/// their forms and by the acronyms of their forms (the rest). Every entity
/// that [`same`] can accept is found under one of the mention's keys.
#[derive(Default)]
struct Index {
    first: FxHashMap<(Label, String), Vec<usize>>,
    last: FxHashMap<(Label, String), Vec<usize>>,
    form: FxHashMap<(Label, Vec<String>), Vec<usize>>,
    acronym: FxHashMap<(Label, String), Vec<usize>>,
}

fn push<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, Vec<usize>>, key: K, id: usize) {
    let ids = map.entry(key).or_default();
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

impl Index {
    fn add_form(&mut self, label: Label, form: &[String], acronyms: &[String; 2], id: usize, first_form: bool) {
        if label == Label::Per {
            if first_form {
                push(&mut self.first, (label, form.first().cloned().unwrap_or_default()), id);
                push(&mut self.last, (label, form.last().cloned().unwrap_or_default()), id);
            }
            return;
        }
        push(&mut self.form, (label, form.to_vec()), id);
        if form.len() >= 2 {
            for a in acronyms.iter() {
                push(&mut self.acronym, (label, a.clone()), id);
            }
        }
    }

    /// The latest entities (at most [`MAX_CANDIDATES`]) that may match, newest first.
    fn candidates(&self, label: Label, form: &[String], form_acronyms: &[String; 2], mention_acronym: Option<&str>) -> Vec<usize> {
        let mut lists: Vec<Option<&Vec<usize>>> = Vec::new();
        if label == Label::Per {
            lists.push(self.first.get(&(label, form.first().cloned().unwrap_or_default())));
            lists.push(self.last.get(&(label, form.last().cloned().unwrap_or_default())));
        } else {
            lists.push(self.form.get(&(label, form.to_vec())));
            if let Some(a) = mention_acronym {
                lists.push(self.acronym.get(&(label, a.to_owned())));
            }
            if form.len() >= 2 {
                for a in form_acronyms.iter() {
                    lists.push(self.form.get(&(label, vec![a.clone()])));
                }
            }
        }
        let mut ids: Vec<usize> = lists.into_iter().flatten().flat_map(|l| l.iter().rev().take(MAX_CANDIDATES)).copied().collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.dedup();
        ids.truncate(MAX_CANDIDATES);
        ids
    }
}

/// What grouping needs of a mention's text, worked out once per distinct
/// text (news repeats its names): folded, its folded words, the acronyms
/// those may be written as, and the acronym the text itself may be.
struct Spelling {
    folded: String,
    words: Vec<String>,
    acronyms: [String; 2],
    acronym: Option<String>,
}

#[derive(Default)]
struct Spellings<'t> {
    index: FxHashMap<&'t str, usize>,
    all: Vec<Spelling>,
}

impl<'t> Spellings<'t> {
    fn of(&mut self, mention: &'t str, lang: Lang) -> &Spelling {
        let k = match self.index.get(mention) {
            Some(&k) => k,
            None => {
                let words = words(mention);
                self.all.push(Spelling {
                    folded: fold(mention),
                    acronyms: acronyms(&words, lang),
                    words,
                    acronym: as_acronym(mention),
                });
                self.index.insert(mention, self.all.len() - 1);
                self.all.len() - 1
            }
        };
        &self.all[k]
    }
}

/// One sense per discourse: a name written the same way twice in one article
/// names the same thing, so every mention of a form takes the label most of
/// its mentions have (the first mention's on a tie). The tagger alone calls
/// "Azerbaiyán" ORG once and LOC twice. Used where the language data says so.
fn consistent_labels<'t>(
    text: &'t str,
    mentions: &[(usize, usize, Label)],
    lang: Lang,
    memo: &mut Spellings<'t>,
) -> Vec<Label> {
    let mut votes: FxHashMap<String, ([usize; 4], Label)> = FxHashMap::default();
    let forms: Vec<String> = mentions.iter().map(|&(s, e, _)| memo.of(&text[s..e], lang).folded.clone()).collect();
    for (form, &(_, _, label)) in forms.iter().zip(mentions) {
        match votes.get_mut(form) {
            Some(entry) => entry.0[label as usize] += 1,
            None => {
                let mut counts = [0; 4];
                counts[label as usize] += 1;
                votes.insert(form.clone(), (counts, label));
            }
        }
    }
    forms
        .iter()
        .map(|form| {
            let (counts, first) = votes[form];
            let best = Label::ALL.into_iter().max_by_key(|l| (counts[*l as usize], *l == first)).unwrap_or(first);
            if counts[best as usize] > counts[first as usize] { best } else { first }
        })
        .collect()
}

/// The language's place names (see [`crate::lang::LangData::places`]), folded.
pub(crate) fn places(lang: Lang) -> &'static FxHashSet<String> {
    static TABLES: PerLang<FxHashSet<String>> = PerLang::new();
    TABLES.get(lang, |lang| lang.data().places.iter().map(|p| fold(p)).collect())
}

/// Whether the MISC mention at `start` follows a title and a link word
/// ("viceministro de Asuntos Exteriores"): a portfolio, part of a role.
/// CoNLL-2002 tags these MISC; as a name of its own it would be the ministry
/// (ORG), which the text does not name, so the pipeline leaves it out.
fn is_portfolio(text: &str, start: usize, lang: Lang) -> bool {
    let data = lang.data();
    if data.office_links.is_empty() {
        return false;
    }
    let mut before = text[..start].rsplit(char::is_whitespace).filter(|w| !w.is_empty());
    let (Some(link), Some(title)) = (before.next(), before.next()) else {
        return false;
    };
    let title: String = title.chars().flat_map(char::to_lowercase).collect();
    data.office_links.contains(&link) && data.is_title(&title)
}

/// Whether `text` reads as a sports report: two or more of the language's sport words.
fn is_sport(text: &str, lang: Lang) -> bool {
    let words = lang.data().sport_words;
    let mut lower = String::new();
    let mut hits = 0;
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| (2..=16).contains(&w.len())) {
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if words.binary_search(&lower.as_str()).is_ok() {
            hits += 1;
            if hits >= 2 {
                return true;
            }
        }
    }
    false
}

/// A mention that is exactly the name of a country, capital or region is a
/// place. Names of people keep their label ("Georgia" may be a woman); only
/// ORG and MISC become LOC.
fn place_labels<'t>(text: &'t str, mentions: &mut [(usize, usize, Label)], lang: Lang, memo: &mut Spellings<'t>) {
    let set = places(lang);
    if set.is_empty() || is_sport(text, lang) {
        return;
    }
    for m in mentions.iter_mut() {
        if matches!(m.2, Label::Org | Label::Misc) && set.contains(&memo.of(&text[m.0..m.1], lang).folded) {
            m.2 = Label::Loc;
        }
    }
}

/// A one-word mention that is the surname of a person named in full
/// elsewhere in the text ("Cannavaro" after "Fabio Cannavaro") is that person;
/// but a known place stays a place ("Washington" after "George Washington").
fn surname_labels<'t>(text: &'t str, mentions: &mut [(usize, usize, Label)], lang: Lang, memo: &mut Spellings<'t>) {
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    for &(s, e, l) in mentions.iter() {
        let m = &text[s..e];
        if l == Label::Per && m.split_whitespace().count() >= 2 {
            if let Some(last) = m.split_whitespace().last() {
                surnames.insert(fold(last));
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let t = &text[m.0..m.1];
        if m.2 != Label::Per && !t.contains(char::is_whitespace) {
            let f = &memo.of(t, lang).folded;
            if surnames.contains(f) && !(m.2 == Label::Loc && places(lang).contains(f)) {
                m.2 = Label::Per;
            }
        }
    }
}

/// Assigns ids (in order of first mention) and canonical names to mentions,
/// given as byte spans sorted by start.
pub fn group(text: &str, mentions: &[(usize, usize, Label)], lang: Lang) -> Vec<Entity> {
    let mut memo = Spellings::default();
    let mut mentions: Vec<(usize, usize, Label)> = if lang.data().one_label_per_name {
        let labels = consistent_labels(text, mentions, lang, &mut memo);
        mentions.iter().zip(&labels).map(|(&(s, e, _), &l)| (s, e, l)).collect()
    } else {
        mentions.to_vec()
    };
    surname_labels(text, &mut mentions, lang, &mut memo);
    place_labels(text, &mut mentions, lang, &mut memo);
    mentions.retain(|&(s, _, l)| !(l == Label::Misc && is_portfolio(text, s, lang)));
    let mentions = &mentions[..];
    let mut groups: Vec<Group> = Vec::new();
    let mut index = Index::default();
    let mut ids = Vec::with_capacity(mentions.len());
    for &(start, end, label) in mentions {
        let sp = memo.of(&text[start..end], lang);
        let form = &sp.words;
        let no_acronyms = Default::default();
        let form_acronyms = if label == Label::Per { &no_acronyms } else { &sp.acronyms };
        let mention_acronym = sp.acronym.as_deref();
        // The most recent matching entity wins: "Klaar" is the Klaar last mentioned.
        let found = index
            .candidates(label, form, form_acronyms, mention_acronym)
            .into_iter()
            .find(|&id| groups[id].label == label && same(form, form_acronyms, mention_acronym, &groups[id]));
        let id = match found {
            Some(id) => {
                let g = &mut groups[id];
                let (cs, ce) = g.canonical;
                if text[start..end].chars().count() > text[cs..ce].chars().count() {
                    g.canonical = (start, end);
                }
                if g.forms.len() < MAX_FORMS && !g.forms.iter().any(|(f, _)| f == form) {
                    index.add_form(label, form, form_acronyms, id, false);
                    g.forms.push((form.clone(), form_acronyms.clone()));
                }
                id
            }
            None => {
                let id = groups.len();
                index.add_form(label, form, form_acronyms, id, true);
                groups.push(Group { label, forms: vec![(form.clone(), form_acronyms.clone())], canonical: (start, end) });
                id
            }
        };
        ids.push(id);
    }
    // Only the canonical spans are needed now: free the rest before the result.
    let canonical: Vec<(usize, usize)> = groups.iter().map(|g| g.canonical).collect();
    drop((groups, index, memo));
    mentions
        .iter()
        .zip(ids)
        .map(|(&(start, end, label), id)| {
            let (cs, ce) = canonical[id];
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
        let text = "George Washington visitó Washington.";
        let got = run(text, &[("George Washington", Label::Per), ("Washington", Label::Loc)]);
        assert_eq!(got[0].1, 0);
        assert_eq!(got[1].1, 1);
    }

    #[test]
    fn one_form_takes_its_majority_label() {
        let text = "Azerbaiyán lanzó; en Azerbaiyán y Azerbaiyán; POLITICO y POLITICO";
        let spans = |name: &str| text.match_indices(name).map(|(i, m)| (i, i + m.len())).collect::<Vec<_>>();
        let a = spans("Azerbaiyán");
        let p = spans("POLITICO");
        let mentions = [
            (a[0].0, a[0].1, Label::Org),
            (a[1].0, a[1].1, Label::Loc),
            (a[2].0, a[2].1, Label::Loc),
            (p[0].0, p[0].1, Label::Org),
            (p[1].0, p[1].1, Label::Misc),
        ];
        let got: Vec<(Label, usize)> = group(text, &mentions, Lang::Es).iter().map(|e| (e.label, e.id)).collect();
        // Azerbaiyán: LOC two to one. POLITICO: a tie, so the first mention's ORG.
        assert_eq!(got, [(Label::Loc, 0), (Label::Loc, 0), (Label::Loc, 0), (Label::Org, 1), (Label::Org, 1)]);
    }

    #[test]
    fn place_names_are_places_except_in_sports_reports() {
        let labels = |text: &str| {
            let mentions: Vec<_> = ["Rusia", "Georgia"]
                .iter()
                .map(|n| {
                    let s = text.find(n).unwrap();
                    (s, s + n.len(), if *n == "Georgia" { Label::Per } else { Label::Org })
                })
                .collect();
            group(text, &mentions, Lang::Es).iter().map(|e| e.label).collect::<Vec<_>>()
        };
        // An agent-like country is still the country; a person keeps her label.
        assert_eq!(labels("Rusia envió a Georgia a la reunión."), [Label::Loc, Label::Per]);
        // In a sports report the country may be the team.
        assert_eq!(
            labels("Rusia ganó a Georgia con dos goles en el estadio; el entrenador celebró."),
            [Label::Org, Label::Per]
        );
    }

    #[test]
    fn a_surname_is_its_person() {
        let text = "Fabio Cannavaro llegó. Cannavaro dijo que sí.";
        let got = run(text, &[("Fabio Cannavaro", Label::Per), ("Cannavaro", Label::Loc)]);
        assert_eq!(got[1].1, got[0].1);
        let c = text.rfind("Cannavaro").unwrap();
        let labels: Vec<Label> = group(text, &[(0, 15, Label::Per), (c, c + 9, Label::Loc)], Lang::Es)
            .iter()
            .map(|e| e.label)
            .collect();
        assert_eq!(labels, [Label::Per, Label::Per]);
    }
}
