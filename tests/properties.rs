//! Property tests (the rest of this file lands in the next commit).
#![cfg(not(target_arch = "wasm32"))]

/// Regression: a prepended concatenation mark (U+0600 ARABIC NUMBER SIGN)
/// forms one grapheme cluster with the character after it, even a space, and
/// the scanner took that space into a symbol token ("\u{600} ").
#[test]
fn prepended_mark_does_not_swallow_a_space() {
    let text = "x \u{600} y \u{600}\u{3000}z";
    let tokens = lupa::tokenize::tokenize(text, lupa::lang::Lang::Es);
    let texts: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(texts, ["x", "\u{600}", "y", "\u{600}", "z"]);
}
