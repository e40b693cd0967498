//! One check, run natively (tests/ner_stream.rs) and in the browser
//! (tests/web.rs): `recognise` caches per-word scores, streams lines and, in
//! wasm, sums rows with SIMD; `tag_words` materialises every feature. They
//! must find exactly the same mentions (after the same list labels).

use lupa::lang::Lang;
use lupa::ner::{decode_breaks, listed_labels, model, recognise, segment_starts, tag_words, Label};
use lupa::tokenize::{sentences, tokenize};

pub fn assert_streaming_tagger_matches_the_reference() {
    let seed = include_str!("../../seeds/000_b3dfaa5d8271907c.txt");
    let texts = [
        seed,
        "El presidente ruso Vladimir Putin llegó hoy a Madrid .\n\"Dijo\" que « España » y EE.UU. ( EFE )\n",
        "German Chancellor Helmut Kohl met Boris Yeltsin in Moscow on Tuesday , Reuters reported .",
        "A\n\nB C D E F G\n“ Hola ” , dijo Ana García-López en Nueva York , Estados Unidos .",
        "",
        "x",
    ];
    for lang in Lang::ALL {
        let m = model(lang).unwrap();
        for text in texts {
            let tokens = tokenize(text, lang);
            let sents = sentences(&tokens);
            let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
            let mut want: Vec<(usize, usize, Label)> =
                tag_words(m, lang, &words, &segment_starts(text, &tokens, &sents), &decode_breaks(lang, text, &tokens, &segment_starts(text, &tokens, &sents)));
            listed_labels(m, lang, &mut want, |i| words[i]);
            let got: Vec<(usize, usize, Label)> = recognise(lang, text, &tokens, &sents)
                .into_iter()
                .map(|x| (x.tokens.start, x.tokens.end, x.label))
                .collect();
            assert_eq!(got, want, "{lang}: {text}");
        }
    }
}
