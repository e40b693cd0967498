//! The command-line tool prints the JS contract's JSON and HTML.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn lupa(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lupa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refused for its flags exits before reading its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn tokenize_prints_utf16_offsets() {
    let (code, out, _) = lupa(&["tokenize", "--lang", "es"], "😀 Añón.");
    assert_eq!(code, 0);
    let tokens: serde_json::Value = serde_json::from_str(&out).unwrap();
    let spans: Vec<(String, u64, u64)> = tokens
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap().to_owned(), t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(spans, [("😀".into(), 0, 2), ("Añón".into(), 3, 7), (".".into(), 7, 8)]);
}

#[test]
fn reads_a_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_b3dfaa5d8271907c.txt");
    let (code, out, _) = lupa(&["extract", path, "--include", "entities"], "");
    assert_eq!(code, 0);
    let x: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(x["lang"], "es");
    assert_eq!(x["sentences"].as_array().unwrap().len(), 12);
}

#[test]
fn highlight_prints_escaped_html() {
    let (code, out, _) = lupa(&["highlight"], "<script>alert(document.cookie)</script>");
    assert_eq!(code, 0);
    assert_eq!(out, "&lt;script&gt;alert(document.cookie)&lt;/script&gt;\n");
}

#[test]
fn highlight_takes_terms_and_stem() {
    let (code, out, _) = lupa(&["highlight", "--terms", "camion,azerbaiyan", "--stem", "--include", "terms"], "Camiones");
    assert_eq!(code, 0);
    assert_eq!(out, "<mark class=\"lupa-term\" data-label=\"term\" data-term=\"camion\">Camiones</mark>\n");
}

#[test]
fn bad_flags_and_options_fail_with_a_message() {
    let cases: [(&[&str], &str); 5] = [
        (&["tokenize", "--lang", "fr"], "invalid option `lang`: unknown variant `fr`"),
        (&["extract", "--reference-date", "2023-13-01"], "invalid option `referenceDate`"),
        (&["extract", "--include", "entities,names"], "invalid option `include[1]`"),
        (&["tokenize", "--frobnicate"], "unknown flag --frobnicate"),
        (&["summarise"], "unknown command \"summarise\""),
    ];
    for (args, want) in cases {
        let (code, out, err) = lupa(args, "hola");
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(want), "{args:?}: {err:?} lacks {want:?}");
    }
}

#[test]
fn refuses_input_that_is_not_utf8() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lupa"))
        .arg("tokenize")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"ab\xff").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input is not UTF-8 (invalid byte at 2)"));
}
