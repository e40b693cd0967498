//! `lupa eval`: NER scored through the whole pipeline, as the browser runs it.

use super::conll::{self, join_document_with};
use super::learn::parse_args;
use super::score::Scorer;
use crate::extract::{self, Options};
use crate::lang::Lang;
use crate::ner::Label;
use std::time::Instant;

/// Runs the browser pipeline (`extract`) on every document of the files and
/// scores the entities against the gold tags.
pub fn eval_files(lang: Lang, files: &[String]) -> Result<Scorer, String> {
    eval_files_joined(lang, files, false)
}

/// [`eval_files`] with each document's sentences joined into one paragraph
/// (`lupa eval --paragraphs`) instead of one a line.
pub fn eval_files_joined(lang: Lang, files: &[String], paragraphs: bool) -> Result<Scorer, String> {
    let mut scorer = Scorer::default();
    let mut busy = std::time::Duration::ZERO;
    let (mut ntok, mut nbytes) = (0usize, 0usize);
    for f in files {
        for d in conll::read(f)? {
            let (text, offs) = join_document_with(&d, if paragraphs { ' ' } else { '\n' });
            let mut gold = Vec::new();
            let mut base = 0;
            for s in &d.sentences {
                gold.extend(
                    s.spans()
                        .into_iter()
                        .map(|(a, b, l)| (a + base, b + base, l)),
                );
                base += s.words.len();
            }
            // A predicted span maps to the gold tokens it touches: CoNLL-2002 glues
            // some punctuation to words ("Agricultura,"), which Lupa's tokenizer
            // splits off, and the entity should still count when the word is right.
            let token_at = |byte: usize| offs.partition_point(|o| o.1 <= byte);
            let align = |start: usize, end: usize| -> Option<(usize, usize)> {
                let a = token_at(start);
                let b = token_at(end.checked_sub(1)?);
                (a <= b && b < offs.len() && offs[a].0 <= start && end <= offs[b].1).then_some((a, b + 1))
            };
            let t = Instant::now();
            let ex = extract::extract(
                &text,
                &Options {
                    lang: Some(lang),
                    ..Default::default()
                },
            );
            busy += t.elapsed();
            ntok += ex.tokens.len();
            nbytes += text.len();
            let pred: Vec<(usize, usize, Label)> = ex
                .entities
                .iter()
                .map(|e| match align(e.start, e.end) {
                    Some((a, b)) => (a, b, e.label),
                    // A span that does not fall within gold tokens can never match.
                    None => {
                        if std::env::var_os("LUPA_NER_DEBUG").is_some() {
                            eprintln!("UNALIGNED {:?}:{}", &text[e.start..e.end], e.label);
                        }
                        (usize::MAX - e.start, usize::MAX - e.end, e.label)
                    }
                })
                .collect();
            if std::env::var_os("LUPA_NER_DEBUG").is_some() {
                let words: Vec<&str> = d
                    .sentences
                    .iter()
                    .flat_map(|s| s.words.iter().map(String::as_str))
                    .collect();
                let show = |x: &(usize, usize, Label)| {
                    if x.0 < words.len() && x.1 <= words.len() {
                        format!("{}:{}", words[x.0..x.1].join(" "), x.2)
                    } else {
                        format!("?:{}", x.2)
                    }
                };
                for g in &gold {
                    if !pred.contains(g) {
                        eprintln!("MISS {}", show(g));
                    }
                }
                for p in &pred {
                    if !gold.contains(p) {
                        eprintln!("FALSE {}", show(p));
                    }
                }
            }
            scorer.add(&gold, &pred);
        }
    }
    let secs = busy.as_secs_f64().max(1e-9);
    eprintln!(
        "extract: {ntok} tokens, {nbytes} bytes in {secs:.3}s ({:.0} tokens/s, {:.2} MB/s)",
        ntok as f64 / secs,
        nbytes as f64 / secs / 1e6
    );
    Ok(scorer)
}

/// `lupa eval --lang es|en [--paragraphs] FILE...`. With `LUPA_NER_DEBUG` set in the
/// environment it also lists every missed and every false entity on stderr.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let a = parse_args(args)?;
    let lang = a.lang.ok_or("--lang es|en is required")?;
    let mut files = a.files.clone();
    files.extend(a.dev.iter().cloned());
    if files.is_empty() {
        return Err("usage: lupa eval --lang es|en FILE...".into());
    }
    let t0 = Instant::now();
    let s = eval_files_joined(lang, &files, a.paragraphs)?;
    eprintln!("evaluated in {:.2}s", t0.elapsed().as_secs_f64());
    print!("{}", s.report());
    Ok(())
}
