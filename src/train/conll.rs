//! CoNLL-format NER files: one token per line (`word tag` or `word POS tag`;
//! the first column is the word, the last the tag), a blank line between
//! sentences, `-DOCSTART-` lines between documents. Tags may be IOB1 or IOB2;
//! they are normalised to IOB2 on reading.

use crate::ner::model::{decode, Tag};
use crate::ner::Label;

/// One sentence: words and their IOB2 tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

impl Sentence {
    /// Gold entity spans `(start, end, label)`.
    pub fn spans(&self) -> Vec<(usize, usize, Label)> {
        let tags: Vec<Tag> = self
            .tags
            .iter()
            .map(|t| Tag::parse(t).unwrap_or(Tag::O))
            .collect();
        decode(&tags)
    }
}

/// One document: its sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Converts one sentence's tags from IOB1 (or IOB2) to IOB2: an `I-X` that does
/// not follow `B-X` or `I-X` becomes `B-X`.
pub fn to_iob2(tags: &mut [String]) {
    let mut prev: Option<String> = None;
    for t in tags.iter_mut() {
        if let Some(l) = t.strip_prefix("I-") {
            let cont = prev.as_deref().is_some_and(|p| p.len() > 2 && &p[2..] == l);
            if !cont {
                *t = format!("B-{l}");
            }
        }
        prev = if t == "O" { None } else { Some(t.clone()) };
    }
}

/// Parses CoNLL text. When the text has no `-DOCSTART-` line at all, the
/// sentences are grouped into documents at newswire datelines — a sentence
/// with `( AGENCY )` among its first 15 tokens, as in `Madrid , 23 may ( EFE ) .`
/// of CoNLL-2002 — so that document-level features see article-sized documents.
pub fn parse(text: &str) -> Result<Vec<Document>, String> {
    let mut docs: Vec<Document> = Vec::new();
    let mut cur_doc = Document::default();
    let mut cur = Sentence::default();
    let mut has_docstart = false;
    let flush_sent = |cur: &mut Sentence, doc: &mut Document| {
        if !cur.words.is_empty() {
            to_iob2(&mut cur.tags);
            doc.sentences.push(std::mem::take(cur));
        }
    };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush_sent(&mut cur, &mut cur_doc);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            has_docstart = true;
            flush_sent(&mut cur, &mut cur_doc);
            if !cur_doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut cur_doc));
            }
            continue;
        }
        if cols.len() < 2 {
            return Err(format!(
                "line {}: expected `word tag` or `word POS tag`, got {line:?}",
                ln + 1
            ));
        }
        let tag = cols[cols.len() - 1];
        if Tag::parse(tag).is_none() {
            return Err(format!("line {}: bad tag {tag:?}", ln + 1));
        }
        cur.words.push(cols[0].to_string());
        cur.tags.push(tag.to_string());
    }
    flush_sent(&mut cur, &mut cur_doc);
    if !cur_doc.sentences.is_empty() {
        docs.push(cur_doc);
    }
    if !has_docstart {
        let all: Vec<Sentence> = docs.into_iter().flat_map(|d| d.sentences).collect();
        docs = Vec::new();
        let mut d = Document::default();
        for s in all {
            if is_dateline(&s.words) && !d.sentences.is_empty() {
                docs.push(std::mem::take(&mut d));
            }
            d.sentences.push(s);
        }
        if !d.sentences.is_empty() {
            docs.push(d);
        }
    }
    Ok(docs)
}

fn is_dateline(words: &[String]) -> bool {
    let w = &words[..words.len().min(15)];
    w.windows(3).any(|x| {
        x[0] == "("
            && x[2] == ")"
            && x[1].len() >= 2
            && x[1].chars().all(|c| c.is_ascii_uppercase())
    })
}

/// Reads and parses a CoNLL file.
pub fn read(path: &str) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    parse(&text).map_err(|e| format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_with_docstart() {
        let t = "-DOCSTART- O\n\nEU I-ORG\nrejects O\nGerman I-MISC\ncall O\n\nPeter I-PER\nBlackburn I-PER\nX I-PER\n\n-DOCSTART- O\n\nA I-LOC\nB B-LOC\nC I-LOC\n";
        let d = parse(t).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences.len(), 2);
        assert_eq!(d[0].sentences[0].tags, ["B-ORG", "O", "B-MISC", "O"]);
        assert_eq!(d[0].sentences[1].spans(), vec![(0, 3, Label::Per)]);
        assert_eq!(d[1].sentences[0].tags, ["B-LOC", "B-LOC", "I-LOC"]);
        assert_eq!(
            d[1].sentences[0].spans(),
            vec![(0, 1, Label::Loc), (1, 3, Label::Loc)]
        );
    }

    #[test]
    fn iob2_three_columns_and_datelines() {
        let t = "Melbourne NP B-LOC\n( Fpa O\nEFE NC B-ORG\n) Fpt O\n\nEl DA O\nAbogado NC B-PER\nGeneral AQ I-PER\n\nMadrid NP B-LOC\n( Fpa O\nEFE NC B-ORG\n) Fpt O\n";
        let d = parse(t).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences.len(), 2);
        assert_eq!(d[0].sentences[1].words, ["El", "Abogado", "General"]);
        assert_eq!(d[0].sentences[1].tags, ["O", "B-PER", "I-PER"]);
        assert_eq!(d[0].sentences[1].spans(), vec![(1, 3, Label::Per)]);
    }

    #[test]
    fn bad_lines() {
        assert!(parse("word\n").is_err());
        assert!(parse("word X-FOO\n").is_err());
        assert_eq!(parse("").unwrap(), vec![]);
    }
}

/// Joins a document's words with single spaces (sentences with a newline)
/// and returns the text with each token's byte range.
pub fn join_document(d: &Document) -> (String, Vec<(usize, usize)>) {
    join_document_with(d, '\n')
}

/// [`join_document`] with `between` between sentences: a space makes the
/// document one paragraph, as news is written, where the tagger meets
/// sentence ends that are not line ends.
pub fn join_document_with(d: &Document, between: char) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offs = Vec::new();
    for (si, s) in d.sentences.iter().enumerate() {
        if si > 0 {
            text.push(between);
        }
        for (k, w) in s.words.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            offs.push((text.len(), text.len() + w.len()));
            text.push_str(w);
        }
    }
    (text, offs)
}
