//! Key phrases on the dev sets of tests/testdata/keywords-dev (F1@10 with
//! stemmed exact match, scored by its `score.py`): the figures must not drop
//! more than half a point below those recorded in bench/keywords/README.md.
//! The scorer needs python3 with NLTK (`pip install nltk`, only its stemmers);
//! without it the test fails and says so. The native Spanish set is rebuilt
//! from ../shared/data by `build_conll.py` (its text is research-only and is
//! never stored in the repository).
#![cfg(feature = "cli")]

use lupa::extract::{extract, Include, Options};
use lupa::lang::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Dev F1@10 as recorded in bench/keywords/README.md.
const EN_F1: f64 = 0.4355;
const ES_F1: f64 = 0.4565;
const ES_CONLL_F1: f64 = 0.4437;

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/keywords-dev")
}

/// The documents of a `### doc <id>` file, as `split_docs.py` reads them.
fn read_docs(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs: Vec<(String, Vec<&str>)> = Vec::new();
    for line in text.split('\n') {
        if let Some(id) = line.strip_prefix("### doc ") {
            docs.push((id.trim().to_owned(), Vec::new()));
        } else if let Some((_, lines)) = docs.last_mut() {
            lines.push(line);
        }
    }
    docs.into_iter().map(|(id, lines)| (id, lines.join("\n").trim_matches('\n').to_owned())).collect()
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .args(args)
        .current_dir(dev_dir())
        .output()
        .expect("python3 runs (the scorer needs python3 with nltk: pip install nltk)");
    assert!(out.status.success(), "python3 {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn f1_at_10(lang: Lang, docs: &Path, keys: &str) -> f64 {
    let opts = Options {
        lang: Some(lang),
        reference_date: None,
        include: Include { entities: false, dates: false, quantities: false, quotes: false, keywords: true },
    };
    let mut lines = String::new();
    for (id, text) in read_docs(docs) {
        let kws: Vec<String> = extract(&text, &opts).keywords.into_iter().map(|k| k.text).collect();
        lines.push_str(&serde_json::json!({ "doc": id, "keywords": kws }).to_string());
        lines.push('\n');
    }
    let pred = std::env::temp_dir().join(format!("lupa-keywords-dev-{}-{keys}.jsonl", std::process::id()));
    std::fs::write(&pred, lines).expect("predictions written");
    let report = python(&["score.py", "--json", keys, &pred.to_string_lossy()]);
    let _ = std::fs::remove_file(&pred);
    let v: serde_json::Value = serde_json::from_str(&report).expect("score.py --json");
    eprintln!("{keys}: {report}");
    v["F1@10"].as_f64().expect("F1@10")
}

fn check(got: f64, want: f64, set: &str) {
    assert!(got >= want - 0.005, "{set}: F1@10 {got:.4}, bench/keywords/README.md says {want:.4}");
}

#[test]
fn english_dev_f1() {
    check(f1_at_10(Lang::En, &dev_dir().join("en.txt"), "en.keys.tsv"), EN_F1, "en");
}

#[test]
fn spanish_dev_f1() {
    check(f1_at_10(Lang::Es, &dev_dir().join("es.txt"), "es.keys.tsv"), ES_F1, "es");
}

#[test]
fn native_spanish_dev_f1() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/keywords-dev/es-conll.txt");
    python(&["build_conll.py", "--out", &out.to_string_lossy()]);
    check(f1_at_10(Lang::Es, &out, "es-conll.keys.tsv"), ES_CONLL_F1, "es-conll");
}
