//! The dates and quantities layers on the Recognizers-Text spec cases
//! (`../shared/data/recognizers-text`, scored by its `score.py` through the
//! CLI, as a user would run it): value accuracy must stay within one point
//! of the figure in README.md, and no span may run over the blank line
//! between two cases.
#![cfg(feature = "cli")]

use std::process::Command;

/// Value accuracy over all in-scope results, as recorded in README.md.
const VALUE_ACCURACY: f64 = 0.8224;

#[test]
fn recognizers_text_value_accuracy() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/recognizers-text");
    let script = format!("{dir}/score.py");
    assert!(
        std::path::Path::new(&script).exists(),
        "{script} is missing: this test needs the shared data directory (../shared/data relative to the crate)"
    );
    let out = Command::new("python3")
        .args([script.as_str(), "--bin", env!("CARGO_BIN_EXE_lupa"), "--show", "0"])
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    eprint!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "score.py failed");
    let score: f64 = report
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("SCORE "))
        .and_then(|s| s.trim().parse().ok())
        .expect("a SCORE line");
    assert!((score - VALUE_ACCURACY).abs() <= 0.01, "value accuracy {score:.4}, README says {VALUE_ACCURACY:.4}");
    assert!(
        report.contains("between two cases (or taking their unit from the next case): 0 "),
        "a span runs over the blank line between two cases"
    );
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains(&format!("{VALUE_ACCURACY:.4}")), "README.md does not give the figure {VALUE_ACCURACY:.4}");
}
