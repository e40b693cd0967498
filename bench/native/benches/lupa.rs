//! Native throughput of `lupa::token_spans`, `lupa::tokenize` and
//! `lupa::extract` on the seed article and on 1 MB of news text.
//!
//!     cargo bench --manifest-path bench/native/Cargo.toml
//!
//! The 1 MB text is `bench/texts/1mb.txt` when `bench/run` has made it, or is
//! built here the same way: the seed, then the CoNLL dev corpora (esp.testa,
//! eng.testa) as plain text, repeated and cut at a line end to 1,000,000 bytes.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| {
        let p = root().join("seeds/000_b3dfaa5d8271907c.txt");
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    })
}

fn conll_text(path: &Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}\nthe shared data must be at ../shared/data beside the repository", path.display())
    });
    let mut sentences = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for line in raw.lines() {
        match line.split_whitespace().next() {
            Some(w) if w != "-DOCSTART-" => words.push(w),
            _ => {
                if !words.is_empty() {
                    sentences.push(words.join(" "));
                }
                words.clear();
            }
        }
    }
    if !words.is_empty() {
        sentences.push(words.join(" "));
    }
    sentences.join("\n")
}

fn mb1() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| {
        if let Ok(t) = std::fs::read_to_string(root().join("bench/texts/1mb.txt")) {
            return t;
        }
        let data = root().join("../shared/data");
        let block = [
            seed().trim().to_owned(),
            conll_text(&data.join("conll2002-es/esp.testa")),
            conll_text(&data.join("conll2003-en/eng.testa")),
        ]
        .join("\n\n")
            + "\n\n";
        let n = 1_000_000;
        let all = block.repeat(n / block.len() + 2);
        let cut = all.as_bytes()[..n].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut t = all[..cut].to_owned();
        t.extend(std::iter::repeat(' ').take(n - cut));
        t
    })
}

fn text(name: &str) -> &'static str {
    match name {
        "seed" => seed(),
        "1mb" => mb1(),
        _ => unreachable!(),
    }
}

const TEXTS: &[&str] = &["seed", "1mb"];

#[divan::bench(args = TEXTS, max_time = 5)]
fn token_spans(b: Bencher, name: &str) {
    let t = text(name);
    let opts = lupa::TokenizeOptions::default();
    b.counter(BytesCount::of_str(t)).bench(|| lupa::token_spans(black_box(t), &opts).unwrap());
}

#[divan::bench(args = TEXTS, max_time = 5)]
fn tokenize(b: Bencher, name: &str) {
    let t = text(name);
    let opts = lupa::TokenizeOptions::default();
    b.counter(BytesCount::of_str(t)).bench(|| lupa::tokenize(black_box(t), &opts).unwrap());
}

/// The tokenizer alone, with the language given: no detection, no UTF-16 mapping.
#[divan::bench(args = TEXTS, max_time = 5)]
fn tokenize_core(b: Bencher, name: &str) {
    let t = text(name);
    b.counter(BytesCount::of_str(t)).bench(|| lupa::tokenize::tokenize(black_box(t), lupa::lang::Lang::Es));
}

#[divan::bench(args = TEXTS, max_time = 5)]
fn extract_entities(b: Bencher, name: &str) {
    let t = text(name);
    let opts = lupa::ExtractOptions { include: Some(vec![lupa::api::Layer::Entities]), ..Default::default() };
    b.counter(BytesCount::of_str(t)).bench(|| lupa::extract(black_box(t), &opts).unwrap());
}

#[divan::bench(args = TEXTS, max_time = 5)]
fn extract_all(b: Bencher, name: &str) {
    let t = text(name);
    let opts = lupa::ExtractOptions::default();
    b.counter(BytesCount::of_str(t)).bench(|| lupa::extract(black_box(t), &opts).unwrap());
}
