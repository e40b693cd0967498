//! `highlight` with options from the first five bytes (layers, prefix, search
//! terms, stemming, reference date); the output is read
//! back strictly and parsed by html5ever: only text and <mark> elements with
//! class and data-* attributes, and the input's text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lupa_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = lupa_fuzz::split(data, 5);
    let text = lupa_fuzz::text(rest);
    checks::check_highlight(&text, &lupa_fuzz::highlight_options(&head));
});
