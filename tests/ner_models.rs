//! The shipped NER models on the development splits, through the same
//! pipeline as the browser (`lupa eval`): F1 must stay within half a point of
//! the figures in models/README.md.
#![cfg(feature = "cli")]

use lupa::lang::Lang;
use lupa::train::eval_files;

/// Dev F1 as recorded in models/README.md.
const ES_DEV_F1: f64 = 0.7944;
const EN_DEV_F1: f64 = 0.9312;

fn data(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel);
    assert!(
        p.exists(),
        "{} is missing: this test needs the shared data directory (../shared/data relative to the crate) \
         with the CoNLL development splits",
        p.display()
    );
    p.to_string_lossy().into_owned()
}

fn check(lang: Lang, file: &str, want: f64) {
    let s = eval_files(lang, &[data(file)]).expect("eval runs");
    eprint!("{lang}:\n{}", s.report());
    let f1 = s.overall().f1();
    assert!(
        (f1 - want).abs() <= 0.005,
        "{lang}: dev F1 {f1:.4}, README says {want:.4}"
    );
}

#[test]
fn spanish_dev_f1() {
    check(Lang::Es, "conll2002-es/esp.testa", ES_DEV_F1);
}

#[test]
fn english_dev_f1() {
    check(Lang::En, "conll2003-en/eng.testa", EN_DEV_F1);
}
