//! The seed article, end to end through the public API (UTF-16 offsets, as JS sees them).

use lupa::{extract, highlight, tokenize, ExtractOptions};

const SEED: &str = include_str!("../seeds/000_b3dfaa5d8271907c.txt");

fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

fn options(json: &str) -> ExtractOptions {
    lupa::api::parse_options(serde_json::from_str::<serde_json::Value>(json).unwrap()).unwrap()
}

#[test]
fn tokens_and_sentences() {
    let tokens = tokenize(SEED, &Default::default()).unwrap();
    assert_eq!(tokens.len(), 433);
    for t in &tokens {
        assert_eq!(utf16_slice(SEED, t.start, t.end), t.text);
    }
    let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(&texts[..6], ["Altos", "funcionarios", "de", "Estados", "Unidos", "y"]);
    assert!(texts.contains(&"Nagorno-Karabaj") && texts.contains(&"100.000"));

    let x = extract(SEED, &options(r#"{"include": []}"#)).unwrap();
    assert_eq!(x.lang, lupa::api::DetectedLang::Es);
    assert_eq!(x.sentences.len(), 12);
    let sentence = |i: usize| utf16_slice(SEED, x.sentences[i].start, x.sentences[i].end);
    assert_eq!(sentence(1), "escribe POLITICO.");
    assert!(sentence(0).starts_with("Altos funcionarios") && sentence(0).ends_with("étnico armenio."));
    assert!(sentence(11).starts_with("\"Necesitamos") && sentence(11).ends_with("dijo el funcionario estadounidense."));
}

#[test]
fn putin_is_a_person_and_his_mentions_are_one_entity() {
    let x = extract(SEED, &options(r#"{"lang": "es", "include": ["entities"]}"#)).unwrap();
    for e in &x.entities {
        assert_eq!(utf16_slice(SEED, e.start, e.end), e.text);
    }
    let full = x.entities.iter().find(|e| e.text == "Vladimir Putin").expect("Vladimir Putin is found");
    assert_eq!((full.start, full.end), (610, 624));
    assert_eq!(full.label, lupa::api::EntityLabel::PER);
    let short: Vec<_> = x.entities.iter().filter(|e| e.text == "Putin").collect();
    assert_eq!(short.len(), 1);
    assert_eq!(short[0].id, full.id);
    assert_eq!(short[0].canonical, "Vladimir Putin");
}

#[test]
fn highlight_marks_putin_and_keeps_every_character() {
    let html = highlight(SEED, &Default::default()).unwrap();
    let x = extract(SEED, &options(r#"{"include": ["entities"]}"#)).unwrap();
    let putin = x.entities.iter().find(|e| e.text == "Vladimir Putin").unwrap();
    let mark = format!("<mark class=\"lupa-PER\" data-label=\"PER\" data-id=\"{}\">Vladimir Putin</mark>", putin.id);
    assert!(html.contains(&mark), "{html}");
    // Removing our tags and unescaping gives the article back, byte for byte.
    let mut text = String::new();
    let mut rest = html.as_str();
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        rest = &rest[rest[i..].find('>').unwrap() + i + 1..];
    }
    text.push_str(rest);
    let text = text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    assert_eq!(text, SEED);
}
