//! Table-driven tests for the extraction layers (dates, quantities, quotes,
//! keywords). Every `tests/testdata/*.txt` file shares one line format:
//!
//! ```text
//! # comment
//! @layer dates            which layer the following cases test
//! @lang es                language of the following cases
//! @ref 2023-10-15         reference date (or `none`)
//! @limit 10               keyword list length
//! > text of the case      (several `>` lines are joined with "\n")
//! << seeds/file.txt       the text of the case is that file
//! entity | PER | Louis Bono          an entity for the case (id = order of declaration)
//! date | 17 de septiembre | 2023-09-17            expected span, in text order
//! date | del 3 al 5 de mayo | 2023-05-03 | 2023-05-05
//! date | ayer | - | unresolved
//! money | 3,5 millones de dólares | 3500000 | USD
//! quote | quoted text | speaker or - | cue or - | scare / entity=N
//! @speakers on            each quote with a speaker is followed by a line
//! speaker | name | role or - | via      (until `@speakers off`)
//! keyword | text                     must be among the keywords
//! !keyword | text                    must not be
//! ```
//!
//! A line break inside an expected span is written `\n`.
//! For dates, quantities and quotes the expectation lists are exact: a case
//! with no expectation lines asserts that nothing is found.

use lupa::extract::calendar::CivilDate;
use lupa::extract::dates::{find_dates, DateSpan};
use lupa::extract::keywords::find_keywords;
use lupa::extract::quantities::find_quantities;
use lupa::extract::quotes::find_quotes;
use lupa::extract::Entity;
use lupa::lang::Lang;
use lupa::ner::Label;
use lupa::tokenize::{sentences, tokenize};

struct Case {
    file: String,
    line: usize,
    layer: String,
    lang: Lang,
    reference: Option<CivilDate>,
    limit: usize,
    /// Quotes report their speaker's role and via on a line of their own.
    speakers: bool,
    text: String,
    entities: Vec<(Label, String)>,
    expect: Vec<String>,
    forbid: Vec<String>,
}

fn load() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/testdata");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        let (mut layer, mut lang, mut reference, mut limit) = (String::new(), Lang::Es, None, 10);
        let mut speakers = false;
        let mut cur: Option<Case> = None;
        let mut in_text = false;
        for (n, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                in_text = false;
                continue;
            }
            if let Some(rest) = line.strip_prefix('@') {
                let (k, v) = rest.split_once(' ').unwrap_or((rest, ""));
                match k {
                    "layer" => layer = v.trim().to_string(),
                    "lang" => lang = v.trim().parse().unwrap(),
                    "ref" => {
                        reference = if v.trim() == "none" { None } else { Some(CivilDate::parse(v.trim()).unwrap()) }
                    }
                    "limit" => limit = v.trim().parse().unwrap(),
                    "speakers" => speakers = v.trim() == "on",
                    _ => panic!("{name}:{}: unknown directive {k}", n + 1),
                }
                continue;
            }
            // A case starts at a text line ("> ...", more "> " lines continue it)
            // or at "<< path", a file of the repository that is the whole text.
            let start = if let Some(f) = line.strip_prefix("<< ") {
                let path = concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + f.trim();
                Some((std::fs::read_to_string(path).unwrap().trim_end().to_string(), false))
            } else if let Some(t) = line.strip_prefix('>') {
                let t = t.strip_prefix(' ').unwrap_or(t);
                if in_text {
                    let c = cur.as_mut().unwrap();
                    c.text.push('\n');
                    c.text.push_str(t);
                    continue;
                }
                Some((t.to_string(), true))
            } else {
                None
            };
            if let Some((text, more)) = start {
                cases.extend(cur.take());
                cur = Some(Case {
                    file: name.clone(),
                    line: n + 1,
                    layer: layer.clone(),
                    lang,
                    reference,
                    limit,
                    speakers,
                    text,
                    entities: vec![],
                    expect: vec![],
                    forbid: vec![],
                });
                in_text = more;
                continue;
            }
            in_text = false;
            let c = cur.as_mut().unwrap_or_else(|| panic!("{name}:{}: expectation before text", n + 1));
            let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
            if fields[0] == "entity" {
                c.entities.push((fields[1].parse().unwrap(), fields[2].to_string()));
            } else if let Some(k) = fields[0].strip_prefix('!') {
                c.forbid.push(format!("{k} | {}", fields[1..].join(" | ")));
            } else {
                c.expect.push(fields.join(" | "));
            }
        }
        cases.extend(cur.take());
    }
    cases
}

fn date_line(text: &str, d: &DateSpan) -> String {
    let mut s = format!("{} | {} | {}", d.kind.as_str(), &text[d.start..d.end], d.value.as_deref().unwrap_or("-"));
    if let Some(e) = &d.end_value {
        s.push_str(&format!(" | {e}"));
    } else if d.unresolved.is_some() {
        s.push_str(" | unresolved");
    }
    s
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn entities_of(c: &Case) -> Vec<Entity> {
    let mut out = Vec::new();
    for (id, (label, s)) in c.entities.iter().enumerate() {
        let mut from = 0;
        while let Some(p) = c.text[from..].find(s.as_str()) {
            let start = from + p;
            out.push(Entity { start, end: start + s.len(), label: *label, id, canonical: s.clone() });
            from = start + s.len();
        }
    }
    out.sort_by_key(|e| e.start);
    out
}

/// Runs one case; returns the lines found (for exact layers) or the failures.
fn run(c: &Case) -> Result<(), String> {
    let text = c.text.as_str();
    let tokens = tokenize(text, c.lang);
    let sents = sentences(&tokens);
    let dates = find_dates(text, &tokens, c.lang, c.reference);
    let got: Vec<String> = match c.layer.as_str() {
        "dates" => dates.iter().map(|d| date_line(text, d)).collect(),
        "quantities" => find_quantities(text, &tokens, c.lang, &dates)
            .iter()
            .map(|q| {
                let mut s = format!("{} | {} | {}", q.kind.as_str(), &text[q.start..q.end], num(q.value));
                if let Some(cur) = q.currency {
                    s.push_str(&format!(" | {cur}"));
                } else if let Some(u) = &q.unit {
                    s.push_str(&format!(" | {u}"));
                }
                s
            })
            .collect(),
        "quotes" => find_quotes(text, &tokens, &sents, c.lang, &entities_of(c))
            .iter()
            .flat_map(|q| {
                let sp = q.speaker.as_ref().map_or("-", |s| &text[s.start..s.end]);
                let cue = q.cue.map_or("-", |(a, b)| &text[a..b]);
                let mut s = format!("quote | {} | {sp} | {cue}", &text[q.start..q.end]);
                if q.scare {
                    s.push_str(" | scare");
                } else if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity) {
                    s.push_str(&format!(" | entity={id}"));
                }
                let detail = q.speaker.as_ref().filter(|_| c.speakers).map(|s| {
                    let role = s.role.map_or("-", |(a, b)| &text[a..b]);
                    format!("speaker | {sp} | {role} | {}", s.via.as_str())
                });
                std::iter::once(s).chain(detail)
            })
            .collect(),
        "keywords" => {
            let kws = find_keywords(text, &tokens, &sents, c.lang, c.limit);
            let have: Vec<String> = kws.iter().map(|k| format!("keyword | {}", k.text.to_lowercase())).collect();
            let mut errs = Vec::new();
            for e in &c.expect {
                if !have.contains(&e.to_lowercase()) {
                    errs.push(format!("missing {e}"));
                }
            }
            for e in &c.forbid {
                if have.contains(&e.to_lowercase()) {
                    errs.push(format!("unexpected {e}"));
                }
            }
            return if errs.is_empty() { Ok(()) } else { Err(format!("{}\n  got: {have:?}", errs.join("\n  "))) };
        }
        other => return Err(format!("unknown layer {other:?}")),
    };
    // Line breaks inside spans are written `\n` in the data files.
    let got: Vec<String> = got.into_iter().map(|g| g.replace('\n', "\\n")).collect();
    if got == c.expect {
        Ok(())
    } else {
        Err(format!("expected:\n    {}\n  got:\n    {}", c.expect.join("\n    "), got.join("\n    ")))
    }
}

fn run_layer(layer: &str, min_cases: usize) {
    let cases: Vec<Case> = load().into_iter().filter(|c| c.layer == layer).collect();
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(e) = run(c) {
            failures.push(format!("{}:{} [{}] {:?}\n  {e}", c.file, c.line, c.lang, c.text));
        }
    }
    eprintln!("{layer}: {} of {} cases pass", cases.len() - failures.len(), cases.len());
    assert!(cases.len() >= min_cases, "{layer}: only {} cases", cases.len());
    assert!(failures.is_empty(), "{} {layer} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn dates() {
    run_layer("dates", 60);
}

#[test]
fn quantities() {
    run_layer("quantities", 40);
}

#[test]
fn quotes() {
    run_layer("quotes", 20);
}

#[test]
fn keywords() {
    run_layer("keywords", 4);
}

/// Every layer on hostile inputs: no panic, and time roughly linear.
fn all_layers(text: &str, lang: Lang) -> usize {
    let tokens = tokenize(text, lang);
    let sents = sentences(&tokens);
    let r = CivilDate::parse("2023-10-15").ok();
    let dates = find_dates(text, &tokens, lang, r);
    let q = find_quantities(text, &tokens, lang, &dates);
    // Every "Ana" is an entity (plus one bogus span at the start).
    let mut entities: Vec<Entity> =
        text.match_indices("Ana").map(|(i, _)| Entity { start: i, end: i + 3, label: Label::Per, id: i % 7, canonical: "Ana".into() }).collect();
    if text.is_char_boundary(text.len().min(1)) {
        entities.push(Entity { start: 0, end: text.len().min(1), label: Label::Per, id: 0, canonical: String::new() });
    }
    let quotes = find_quotes(text, &tokens, &sents, lang, &entities);
    let kw = find_keywords(text, &tokens, &sents, lang, 10);
    for d in &dates {
        assert!(
            d.start < d.end && d.end <= text.len() && text.is_char_boundary(d.start) && text.is_char_boundary(d.end)
        );
    }
    for x in &q {
        assert!(x.start < x.end && text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        assert!(x.value.is_finite());
    }
    for x in &quotes {
        assert!(x.start < x.end && text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
    }
    for k in &kw {
        assert!(k.score > 0.0 && k.score <= 1.0);
    }
    dates.len() + q.len() + quotes.len() + kw.len()
}

#[test]
fn hostile_inputs() {
    let big_digits = "7".repeat(1 << 20);
    let nested: String = "“".repeat(50_000) + &"”".repeat(50_000);
    let nested_straight = "\"".repeat(100_000);
    let unbalanced = "«a «b «c ".repeat(20_000);
    let mixed = "el 17 de septiembre de 2023 dijo «hola» 3,5 millones de dólares 25 % 🙂 ".repeat(5_000);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("space", " \n\t ".into()),
        ("emoji", "👩‍👩‍👧 🇪🇸 «😀» “🙂” 1️⃣ 2023 ́́́".into()),
        ("combining", "e\u{301}l di\u{301}jo «a\u{301}» el 1\u{301} de mayo".into()),
        ("digits", big_digits),
        ("dotted digits", "1.".repeat(200_000)),
        ("nested", nested),
        ("straight", nested_straight),
        ("unbalanced", unbalanced),
        ("mixed", mixed),
        ("marks only", "»”’‘“«„‚‹›".repeat(1000)),
        ("many speakers", "Ana dijo «hola, qué tal estás hoy». «Bien», dijo Ana. ".repeat(20_000)),
        ("dates soup", "de del al 3 - / 2023 a las p.m. hace cada every ago ".repeat(10_000)),
    ];
    // No clock here: that these finish in linear time is checked by
    // tests/limits.rs (allocation counts) and measured in bench/.
    for (name, text) in &cases {
        for lang in Lang::ALL {
            let n = all_layers(text, lang);
            assert!(n <= text.chars().count(), "{name} [{lang}]: {n} spans in {} characters", text.chars().count());
        }
    }
}

/// Random soup of the pieces the layers look for: no panic, valid spans.
#[test]
fn random_soup() {
    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\n",
        ".",
        ",",
        ":",
        "-",
        "/",
        "%",
        "$",
        "€",
        "US",
        "«",
        "»",
        "“",
        "”",
        "„",
        "‘",
        "’",
        "\"",
        "'",
        "º",
        "ª",
        "1",
        "17",
        "2023",
        "3,5",
        "100.000",
        "1,000.5",
        "15.30",
        "0",
        "99999999999999999999",
        "de",
        "del",
        "al",
        "el",
        "la",
        "las",
        "a",
        "y",
        "que",
        "hace",
        "dentro",
        "cada",
        "todos",
        "los",
        "pasado",
        "próximo",
        "mañana",
        "ayer",
        "hoy",
        "lunes",
        "Tuesday",
        "septiembre",
        "Sept",
        "May",
        "mes",
        "años",
        "semanas",
        "meses",
        "horas",
        "medio",
        "millones",
        "mil",
        "dólares",
        "euros",
        "por",
        "ciento",
        "percent",
        "dijo",
        "said",
        "según",
        "according",
        "to",
        "Según",
        "Un",
        "portavoz",
        "funcionario",
        "Smith",
        "he",
        "él",
        "p.m.",
        "a.m.",
        "nueve",
        "veintitrés",
        "one",
        "hundred",
        "and",
        "twenty",
        "-five",
        "primer",
        "third",
        "th",
        "rd",
        "km",
        "ago",
        "last",
        "next",
        "every",
        "from",
        "between",
        "día",
        "y media",
        "los años",
        "90",
        "s",
        "🙂",
        "é",
        "\u{301}",
        "\u{a0}",
        "\u{202f}",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        for lang in Lang::ALL {
            let r = std::panic::catch_unwind(|| all_layers(&text, lang));
            assert!(r.is_ok(), "panic on {text:?} [{lang}]");
        }
    }
}

// ---- long texts, analysed in blocks -------------------------------------------

/// News paragraphs: the seed and every `>` paragraph of news.txt, joined by
/// paragraph breaks (about 10 kB).
fn paragraphs() -> String {
    let news = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/testdata/news.txt")).unwrap();
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_b3dfaa5d8271907c.txt")).unwrap();
    let mut parts: Vec<&str> = vec![seed.trim()];
    parts.extend(news.lines().filter_map(|l| l.strip_prefix("> ")));
    parts.join("\n\n")
}

fn whole(text: &str, opts: &lupa::extract::Options) -> lupa::extract::Extraction {
    lupa::extract::extract_in_blocks(text, opts, usize::MAX / 4)
}

fn all_layers_es() -> lupa::extract::Options {
    lupa::extract::Options { lang: Some(Lang::Es), reference_date: CivilDate::parse("2023-10-15").ok(), ..Default::default() }
}

#[test]
fn blocks_cover_the_text_and_end_at_line_breaks() {
    use lupa::extract::blocks;
    let text = paragraphs();
    let size = 1000;
    let bs = blocks(&text, size);
    assert!(bs.len() >= 4, "{} blocks", bs.len());
    assert_eq!(bs[0].start, 0);
    assert_eq!(bs.last().unwrap().end, text.len());
    for w in bs.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        assert!(w[0].len() >= size);
        // A paragraph break is within reach in this text, so every cut is at one.
        assert!(text[..w[0].end].ends_with("\n\n"), "cut at {}", w[0].end);
    }
    // One line: cut after a line break, else after a space, never inside a word.
    let lines = "palabra ".repeat(300).trim_end().to_owned() + "\n";
    let bs = blocks(&lines.repeat(3), 1000);
    assert!(bs.len() > 1);
    for b in &bs[..bs.len() - 1] {
        assert!(lines.repeat(3)[..b.end].ends_with('\n'));
    }
    let long = "palabra ".repeat(1000);
    for b in blocks(&long, 1000) {
        assert!(long[b.clone()].starts_with("palabra"), "{b:?}");
    }
    // Nowhere to cut: one block.
    assert_eq!(blocks(&"a".repeat(5000), 1000), vec![0..5000]);
    assert_eq!(blocks("", 1000), vec![0..0]);
    // At most two blocks' worth: one block.
    assert_eq!(blocks(&text[..2000], 1000), vec![0..2000]);
}

#[test]
fn blocks_find_what_the_whole_text_has() {
    let text = paragraphs();
    let opts = all_layers_es();
    let one = whole(&text, &opts);
    let blocked = lupa::extract::extract_in_blocks(&text, &opts, 1000);
    assert!(lupa::extract::blocks(&text, 1000).len() >= 4);
    // Cut at paragraph breaks, the tokenizer and the pattern layers see the same.
    assert_eq!(blocked.sentences, one.sentences);
    assert_eq!(blocked.dates, one.dates);
    assert_eq!(blocked.quantities, one.quantities);
    assert!(!one.dates.is_empty() && !one.quantities.is_empty());
    // Keyword statistics are counted over the whole text, not per block. A
    // key phrase is one per entity, and the tagger sees one block at a time,
    // so the keywords are those of the whole text when the entities are.
    if blocked.entities == one.entities {
        assert_eq!(blocked.keywords, one.keywords);
    }
    assert!(!one.keywords.is_empty());
    // Every span is a span of the whole text.
    for e in &blocked.entities {
        assert!(e.start < e.end && e.end <= text.len() && text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
    }
    for q in &blocked.quotes {
        assert!(q.start < q.end && q.end <= text.len());
        if let Some(s) = &q.speaker {
            assert!(s.start < s.end && s.end <= text.len());
            // A speaker that is an entity carries that entity's (document-wide) id.
            if let Some(id) = s.entity {
                assert!(blocked.entities.iter().any(|e| e.id == id && e.start == s.start && e.end == s.end), "{q:?}");
            }
        }
    }
    assert!(!blocked.quotes.is_empty());
}

#[test]
fn entity_ids_are_document_wide_across_blocks() {
    // The same article twice, each copy one block: the tagger sees the same
    // words, and the second copy's mentions take the first copy's ids.
    let a = paragraphs();
    let text = format!("{a}\n\n{a}");
    let opts = lupa::extract::Options { lang: Some(Lang::Es), ..Default::default() };
    let x = lupa::extract::extract_in_blocks(&text, &opts, a.len());
    assert_eq!(lupa::extract::blocks(&text, a.len()), vec![0..a.len() + 2, a.len() + 2..text.len()]);
    let n = x.entities.len();
    assert!(n >= 20 && n % 2 == 0, "{n} mentions");
    let (first, second) = x.entities.split_at(n / 2);
    let ids = first.iter().map(|e| e.id).max().unwrap();
    for (p, q) in first.iter().zip(second) {
        assert_eq!((q.start - (a.len() + 2), q.end - (a.len() + 2), q.label), (p.start, p.end, p.label));
        assert_eq!(q.id, p.id, "{}", &text[q.start..q.end]);
        assert_eq!(q.canonical, p.canonical);
    }
    assert!(second.iter().all(|e| e.id <= ids));
    // Keywords count both copies.
    let single = whole(&a, &all_layers_es());
    let double = lupa::extract::extract_in_blocks(&text, &all_layers_es(), a.len());
    let count = |x: &lupa::extract::Extraction, k: &str| x.keywords.iter().find(|w| w.text == k).map(|w| w.count);
    let top = &single.keywords[0].text;
    assert_eq!(count(&double, top), count(&single, top).map(|c| 2 * c), "{top}");
}
