//! Language detection on tests/testdata/langid/paragraphs.tsv (806
//! paragraphs in eight languages; see its README): es, en, or unknown for
//! the other six, a mixed paragraph by its majority language.

use lupa::lang::{detect, Detected};

#[test]
fn langid_accuracy() {
    let text = include_str!("testdata/langid/paragraphs.tsv");
    let (mut right, mut all) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for line in text.lines().skip(1) {
        let mut cols = line.splitn(3, '\t');
        let (Some(gold), Some(_), Some(para)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let want = match gold {
            "es" | "en" => gold,
            _ => "unknown",
        };
        let got = match detect(para) {
            Detected::Known(l) => l.code(),
            Detected::Unknown => "unknown",
        };
        all += 1;
        if got == want {
            right += 1;
        } else {
            wrong.push(format!("{gold}->{got}: {}", para.chars().take(80).collect::<String>()));
        }
    }
    let acc = right as f64 / all as f64;
    eprintln!("langid accuracy {right}/{all} = {acc:.4}");
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert_eq!(all, 806);
    assert!(acc >= 0.98, "accuracy {acc:.4}");
}
