//! `highlight()`: every layer, nesting, options, and escaping, on exact HTML.
//! The texts avoid depending on which entities the NER model finds: dates,
//! quantities, quotes and search terms are deterministic.

use lupa::api::{find_terms, FindTermsOptions, HighlightOptions};
use lupa::highlight as html;

fn opts(json: &str) -> HighlightOptions {
    lupa::api::parse_options(&mut serde_json::Deserializer::from_str(json)).unwrap()
}

fn hl(text: &str, json: &str) -> String {
    lupa::highlight(text, &opts(json)).unwrap()
}

#[test]
fn marks_dates_quantities_and_quotes_with_their_values() {
    let text = "El 17 de septiembre, Putin dijo: «llegaron 25 millones de euros el 3 de mayo».";
    assert_eq!(
        hl(text, r#"{"lang":"es","referenceDate":"2023-10-15","include":["dates","quantities","quotes"]}"#),
        "El <mark class=\"lupa-date\" data-label=\"date\" data-value=\"2023-09-17\" data-kind=\"date\">17 de septiembre</mark>, \
Putin dijo: «<mark class=\"lupa-quote\" data-label=\"quote\" data-speaker=\"Putin\">llegaron \
<mark class=\"lupa-quantity\" data-label=\"quantity\" data-value=\"25000000\" data-kind=\"money\" data-currency=\"EUR\">25 millones de euros</mark> \
el <mark class=\"lupa-date\" data-label=\"date\" data-value=\"2023-05-03\" data-kind=\"date\">3 de mayo</mark></mark>»."
    );
}

#[test]
fn date_ranges_and_durations_have_iso_values() {
    let text = "Del 3 al 5 de mayo de 2023 y durante nueve meses.";
    assert_eq!(
        hl(text, r#"{"lang":"es","include":["dates"]}"#),
        "<mark class=\"lupa-date\" data-label=\"date\" data-value=\"2023-05-03/2023-05-05\" data-kind=\"date\">\
Del 3 al 5 de mayo de 2023</mark> y durante <mark class=\"lupa-date\" data-label=\"date\" data-value=\"P9M\" data-kind=\"duration\">\
nueve meses</mark>."
    );
}

#[test]
fn relative_dates_without_reference_have_no_value() {
    assert_eq!(
        hl("Llegó ayer.", r#"{"lang":"es","include":["dates"]}"#),
        "Llegó <mark class=\"lupa-date\" data-label=\"date\" data-kind=\"date\">ayer</mark>."
    );
}

#[test]
fn terms_nest_inside_quotes_and_dates_outside_equal_terms() {
    let text = "Dijo: «el camión llegó el 17 de septiembre de 2023».";
    assert_eq!(
        hl(text, r#"{"lang":"es","terms":["camion","17 de septiembre de 2023"],"include":["quotes","dates","terms"]}"#),
        "Dijo: «<mark class=\"lupa-quote\" data-label=\"quote\">el <mark class=\"lupa-term\" data-label=\"term\" data-term=\"camion\">\
camión</mark> llegó el <mark class=\"lupa-date\" data-label=\"date\" data-value=\"2023-09-17\" data-kind=\"date\">\
<mark class=\"lupa-term\" data-label=\"term\" data-term=\"17 de septiembre de 2023\">17 de septiembre de 2023</mark></mark></mark>»."
    );
}

#[test]
fn terms_are_marked_by_default_when_given_and_stem_on_request() {
    // No names here, so the default layers add nothing the NER model decides.
    let text = "Los camiones de la frontera esperan.";
    assert_eq!(
        hl(text, r#"{"lang":"es","terms":["FRONTERA","camion"]}"#),
        "Los camiones de la <mark class=\"lupa-term\" data-label=\"term\" data-term=\"FRONTERA\">frontera</mark> esperan."
    );
    assert_eq!(
        hl(text, r#"{"lang":"es","terms":["FRONTERA","camion"],"stem":true,"classPrefix":"x_"}"#),
        "Los <mark class=\"x_term\" data-label=\"term\" data-term=\"camion\">camiones</mark> de la \
<mark class=\"x_term\" data-label=\"term\" data-term=\"FRONTERA\">frontera</mark> esperan."
    );
    // `include` without "terms" leaves them out.
    assert_eq!(hl(text, r#"{"lang":"es","terms":["frontera"],"include":["dates"]}"#), text);
}

#[test]
fn entities_enclose_the_terms_inside_them() {
    // Entities are the point here: a term inside a name nests in the entity's mark.
    let text = "El presidente ruso Vladimir Putin llegó a Estambul.";
    let out = hl(text, r#"{"lang":"es","terms":["putin"],"include":["PER","terms"]}"#);
    assert!(
        out.contains(
            "<mark class=\"lupa-PER\" data-label=\"PER\" data-id=\"0\">Vladimir \
<mark class=\"lupa-term\" data-label=\"term\" data-term=\"putin\">Putin</mark></mark>"
        ),
        "{out}"
    );
    assert!(!out.contains("lupa-LOC"), "include leaves LOC out: {out}");
}

#[test]
fn include_picks_layers() {
    let text = "El 3 de mayo, el 30 %.";
    assert_eq!(
        hl(text, r#"{"lang":"es","include":["quantities"]}"#),
        "El 3 de mayo, el <mark class=\"lupa-quantity\" data-label=\"quantity\" data-value=\"30\" data-kind=\"percent\">30 %</mark>."
    );
    assert_eq!(hl(text, r#"{"lang":"es","include":["PER","ORG"]}"#), text);
    assert_eq!(hl(text, r#"{"lang":"es","include":[]}"#), text);
}

#[test]
fn everything_is_escaped_including_terms_in_attributes() {
    // "x" in quotes is also a scare quote; only terms are asked for.
    let text = "<b>\"x\"</b> & 'y' \"><script>";
    let out = hl(text, r#"{"terms":["\"><script>", "x"],"include":["terms"]}"#);
    assert_eq!(
        out,
        "&lt;b&gt;&quot;<mark class=\"lupa-term\" data-label=\"term\" data-term=\"x\">x</mark>&quot;&lt;/b&gt; &amp; &#39;y&#39; \
<mark class=\"lupa-term\" data-label=\"term\" data-term=\"&quot;&gt;&lt;script&gt;\">&quot;&gt;&lt;script&gt;</mark>"
    );
    // Only our own tags: every '<' in the output opens or closes a mark.
    assert_eq!(out.matches('<').count(), out.matches("<mark ").count() + out.matches("</mark>").count());
}

#[test]
fn bad_options_name_the_option() {
    let parse = |json: &str| {
        lupa::api::parse_options::<HighlightOptions, _>(&mut serde_json::Deserializer::from_str(json))
            .and_then(|o| lupa::highlight("x", &o))
            .unwrap_err()
            .0
    };
    assert!(parse(r#"{"include":["PER","people"]}"#).starts_with("invalid option `include[1]`"));
    assert!(parse(r#"{"terms":"camion"}"#).starts_with("invalid option `terms`"));
    assert!(parse(r#"{"terms":["a",3]}"#).starts_with("invalid option `terms[1]`"));
    assert!(parse(r#"{"stem":"yes"}"#).starts_with("invalid option `stem`"));
    assert!(parse(r#"{"referenceDate":"2023-02-30"}"#).starts_with("invalid option `referenceDate`"));
    assert!(parse(r#"{"classPrefix":"a b"}"#).starts_with("invalid option `classPrefix`"));
    let mode = parse(r#"{"mode":"mark"}"#);
    assert!(mode.contains("unknown field `mode`"), "{mode}");
}

#[test]
fn find_terms_reports_utf16_offsets() {
    let text = "😀 Camio\u{301}nes y camión en AZERBAIYÁN";
    let terms = vec!["camión".to_owned(), "azerbaiyan".to_owned()];
    let found = find_terms(text, &terms, &FindTermsOptions { stem: Some(true), ..Default::default() }).unwrap();
    let found: Vec<_> = found.iter().map(|t| (t.text.as_str(), t.start, t.end, t.term.as_str())).collect();
    assert_eq!(
        found,
        [("Camio\u{301}nes", 3, 12, "camión"), ("camión", 15, 21, "camión"), ("AZERBAIYÁN", 25, 35, "azerbaiyan")]
    );
}

#[test]
fn renderer_keeps_tied_marks_in_the_given_order() {
    let mark = |class: &str| html::Mark { start: 0, end: 2, class: class.into(), data: vec![] };
    assert_eq!(html::render("ab", &[mark("A"), mark("B")], ""), "<mark class=\"A\"><mark class=\"B\">ab</mark></mark>");
    assert_eq!(html::render("ab", &[mark("B"), mark("A")], ""), "<mark class=\"B\"><mark class=\"A\">ab</mark></mark>");
}

/// Removes our tags and unescapes, to get the input back.
fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[rest[i..].find('>').map_or(rest.len(), |j| i + j + 1)..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#0;", "\0").replace("&amp;", "&")
}

#[test]
fn random_soup_renders_well_formed_lossless_html() {
    let pieces = [
        "Putin", " dijo", ": «", "»", "\"", "'", "<b>", "&", "el 3 de mayo", " 25 %", " 1.500 camiones", "\n\n", "\u{301}",
        "😀", "Vladimir", " ", ".", "\0", "hace dos años", "“", "”", " Estambul",
    ];
    let mut state = 0x9e37_79b9_u64;
    let mut next = |n: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    for _ in 0..200 {
        let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
        let html = hl(&text, r#"{"referenceDate":"2023-10-15","terms":["vladimir putin","camion","«"],"stem":true}"#);
        assert_eq!(html.matches("<mark ").count(), html.matches("</mark>").count(), "{text:?}");
        assert_eq!(html.matches('<').count(), html.matches("<mark ").count() + html.matches("</mark>").count());
        assert_eq!(strip(&html), text);
        // Well nested: the depth never goes below zero.
        let mut depth = 0i32;
        for (i, _) in html.match_indices('<') {
            depth += if html[i..].starts_with("</mark>") { -1 } else { 1 };
            assert!(depth >= 0, "{text:?}");
        }
    }
}
