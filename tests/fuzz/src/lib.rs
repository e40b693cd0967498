//! Shared pieces of the fuzz targets: the invariant checks (also used by the
//! property tests) and the decoding of raw fuzz input into text and options.

pub mod checks;
pub mod targets;

use lupa::api::{ExtractOptions, HighlightLayer, HighlightOptions, LangOption, Layer};

/// The text of a fuzz input: its bytes as UTF-8, invalid sequences replaced
/// by U+FFFD (as a browser's TextDecoder would).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Splits off `n` leading bytes that choose options (zeros when the input is
/// shorter), leaving the rest as the text.
pub fn split(data: &[u8], n: usize) -> (Vec<u8>, &[u8]) {
    let k = n.min(data.len());
    let mut head = data[..k].to_vec();
    head.resize(n, 0);
    (head, &data[k..])
}

pub fn lang(b: u8) -> LangOption {
    [LangOption::Es, LangOption::En, LangOption::Auto][b as usize % 3]
}

/// A `YYYY-MM-DD` string from four bytes: usually a real date, sometimes an
/// impossible one (month 13, day 31 of a short month, 29 February of a common
/// year), so that both paths run. Returns it with whether it is a real day.
pub fn date(b: [u8; 4]) -> (String, bool) {
    let year = u16::from_le_bytes([b[0], b[1]]) as i32 % 10000;
    let month = 1 + b[2] as u32 % 13;
    let day = 1 + b[3] as u32 % 31;
    let real = lupa::extract::calendar::CivilDate::new(year, month, day).is_some();
    (format!("{year:04}-{month:02}-{day:02}"), real)
}

/// The `include` layers chosen by the bits of `b`; bit 5 leaves it out (all layers).
pub fn layers(b: u8) -> Option<Vec<Layer>> {
    if b & 0x20 != 0 {
        return None;
    }
    let all = [Layer::Entities, Layer::Dates, Layer::Quantities, Layer::Quotes, Layer::Keywords];
    Some(all.into_iter().enumerate().filter(|(i, _)| b & (1 << i) != 0).map(|(_, l)| l).collect())
}

pub fn extract_options(head: &[u8]) -> (ExtractOptions, bool) {
    let with_date = head[1] & 1 == 1;
    let (d, real) = date([head[2], head[3], head[4], head[5]]);
    let opts = ExtractOptions { lang: Some(lang(head[0])), reference_date: with_date.then_some(d), include: layers(head[6]), patterns: None };
    (opts, !with_date || real)
}

pub fn highlight_options(head: &[u8]) -> HighlightOptions {
    use HighlightLayer::*;
    let layers = [PER, ORG, LOC, MISC, Dates, Quantities, Quotes, Terms];
    let include = (head[3] & 0x80 == 0).then(|| layers.into_iter().enumerate().filter(|(i, _)| head[1] & (1 << i) != 0).map(|(_, l)| l).collect());
    let prefixes = ["lupa-", "", "x", "a-b_C9-", "lupa_lupa_lupa_lupa_lupa_lupa_lupa_lupa_lupa_lupa_lupa_lupa_1234"];
    let terms = ["a", "el", "vladimir putin", "camión", "\"><", "2023"];
    HighlightOptions {
        lang: Some(lang(head[0])),
        include,
        class_prefix: Some(prefixes[head[2] as usize % prefixes.len()].to_owned()),
        terms: (head[3] & 0x40 == 0).then(|| terms.iter().enumerate().filter(|(i, _)| head[3] & (1 << i) != 0).map(|(_, t)| t.to_string()).collect()),
        stem: Some(head[4] & 1 == 1),
        reference_date: (head[4] & 2 == 2).then(|| "2023-10-15".to_owned()),
        patterns: None,
    }
}
